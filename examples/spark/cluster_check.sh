#!/usr/bin/env bash
# Runs README.md's two recipes as written, on this machine: the local run,
# then the cluster run against a Spark standalone master and worker started
# here (from the same PySpark), the wheel shipped to the executor in a packed
# virtual environment. Needs the wheel (./build.sh wheel) and Java.
#
#   examples/spark/cluster_check.sh [WORK_DIR]
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
work=${1:-/tmp/extractor-spark-check}
cd "$here"
rm -rf "$work"
mkdir -p "$work"
wheel=$(ls build/wheelhouse/extractor_html-*.whl)

echo "== local run"
python3 -m venv "$work/spark-venv"
"$work/spark-venv/bin/pip" install --quiet "$wheel" -r examples/spark/requirements.txt
python3 bench/make_warc.py "$work/fixtures.warc.gz" tests/data
PYSPARK_PYTHON="$work/spark-venv/bin/python" "$work/spark-venv/bin/spark-submit" --master 'local[2]' \
  examples/spark/warc_to_parquet.py --output "$work/pages.parquet" "$work/fixtures.warc.gz" \
  2> "$work/local.log"
"$work/spark-venv/bin/python" -c "import pyspark.sql as s; \
  s.SparkSession.builder.getOrCreate().read.parquet('$work/pages.parquet').select('url', 'title').show(3, 60)" \
  2> /dev/null

echo "== cluster run (standalone master and worker on this machine)"
python3 -m venv "$work/job-venv"
"$work/job-venv/bin/pip" install --quiet "$wheel" venv-pack -r examples/spark/requirements.txt
"$work/job-venv/bin/venv-pack" -q -p "$work/job-venv" -o "$work/job-venv.tar.gz"
# PySpark's own copy of Spark: its spark-class needs SPARK_HOME to find it.
SPARK_HOME=$("$work/job-venv/bin/python" -c "import os, pyspark; print(os.path.dirname(pyspark.__file__))")
export SPARK_HOME
class="$SPARK_HOME/bin/spark-class"
host=127.0.0.1
SPARK_LOCAL_IP=$host "$class" org.apache.spark.deploy.master.Master --host $host --port 7077 \
  --webui-port 18080 > "$work/master.log" 2>&1 &
master=$!
# The worker runs tasks with the Python that --archives unpacks: it must not
# see the job's own environment.
SPARK_LOCAL_IP=$host "$class" org.apache.spark.deploy.worker.Worker --webui-port 18081 \
  --cores 2 --memory 2g --work-dir "$work/worker" spark://$host:7077 > "$work/worker.log" 2>&1 &
worker=$!
trap 'kill $worker $master 2>/dev/null || true' EXIT
for _ in $(seq 90); do grep -q "Successfully registered with master" "$work/worker.log" && break; sleep 1; done
grep -q "Successfully registered with master" "$work/worker.log" ||
  { echo "cluster_check: the worker did not start:" >&2; tail "$work/master.log" "$work/worker.log" >&2; exit 1; }
echo "$work/fixtures.warc.gz" > "$work/warc-paths.txt"
PYSPARK_DRIVER_PYTHON="$work/job-venv/bin/python" PYSPARK_PYTHON=./environment/bin/python \
  SPARK_LOCAL_IP=$host "$work/job-venv/bin/spark-submit" --master spark://$host:7077 \
  --archives "$work/job-venv.tar.gz#environment" \
  examples/spark/warc_to_parquet.py --output "$work/cluster.parquet" --list "$work/warc-paths.txt" \
  2> "$work/cluster.log"
# The executor's Python was the shipped one: the machine's own cannot import
# the module, so the rows could come from nowhere else.
if python3 -c "import extractor" 2> /dev/null; then
  echo "cluster_check: note: python3 here imports extractor too" >&2
fi
"$work/spark-venv/bin/python" - "$work" <<'EOF'
import sys
from pyspark.sql import SparkSession
work = sys.argv[1]
spark = SparkSession.builder.getOrCreate()
spark.sparkContext.setLogLevel("ERROR")
local = sorted(map(tuple, spark.read.parquet(f"{work}/pages.parquet").select("source", "title", "text").collect()))
cluster = sorted(map(tuple, spark.read.parquet(f"{work}/cluster.parquet").select("source", "title", "text").collect()))
assert local and local == cluster, (len(local), len(cluster))
print(f"cluster_check: {len(cluster)} rows from the cluster run, equal to the local run's")
EOF
