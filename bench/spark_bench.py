#!/usr/bin/env python3
"""The Spark example against the command, on every page of the datasets.

    python bench/spark_bench.py [DATASETS] [--work DIR] [--parts N] [--repeat N] [--master local[2]]

Builds, outside the repository, N WARC.gz files that hold every page of
DATASETS between them (default ../shared/datasets), then

- runs the command on them with one thread per core (pages/s, and per core);
- runs examples/spark/warc_to_parquet.py in Spark local mode on them, a task
  per file (pages/s of the job, session already started, Parquet written;
  and per core);
- compares every Parquet row with the command's JSON line for the same
  record: url = warc_target_uri, warc_record_id, fetch_date = warc_date,
  title, authors, date, language, page_type, text, error.

Needs PySpark and Java (as the Spark test does).
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent


def load(name: str, path: Path):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


def tree_cpu() -> float:
    """CPU seconds (user + system) of this process's living descendants: the
    JVM and its Python workers."""
    tick = os.sysconf("SC_CLK_TCK")
    parent, cpu = {}, {}
    for pid in os.listdir("/proc"):
        if not pid.isdigit():
            continue
        try:
            with open(f"/proc/{pid}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        parent[int(pid)] = int(fields[1])
        cpu[int(pid)] = (int(fields[11]) + int(fields[12])) / tick
    me, total = os.getpid(), 0.0
    for pid in cpu:
        p = pid
        while p in parent and p not in (0, 1, me):
            p = parent[p]
        if p == me and pid != me:
            total += cpu[pid]
    return total


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("datasets", nargs="?", default=str(REPO.parent / "shared" / "datasets"))
    ap.add_argument("--work", default=os.path.join(tempfile.gettempdir(), "extractor-spark-bench"))
    ap.add_argument("--parts", type=int, default=4)
    ap.add_argument("--master", default="local[2]")
    ap.add_argument("--rounds", type=int, default=2)
    ap.add_argument("--repeat", type=int, default=1,
                    help="each page this many times (a longer run: the job's fixed costs weigh less)")
    a = ap.parse_args()
    make_warc = load("make_warc", HERE / "make_warc.py")
    job = load("warc_to_parquet", REPO / "examples" / "spark" / "warc_to_parquet.py")
    cores = int(a.master[len("local["):-1]) if a.master.startswith("local[") else os.cpu_count()

    work = Path(a.work)
    work.mkdir(parents=True, exist_ok=True)
    files = make_warc.page_files([a.datasets]) * a.repeat
    paths = [work / f"part-{i}-x{a.repeat}.warc.gz" for i in range(a.parts)]
    if not all(p.exists() for p in paths):
        for i, path in enumerate(paths):
            def records(i=i):
                yield make_warc.warcinfo()
                for f in files[i::a.parts]:
                    url = make_warc.page_url(f)
                    yield make_warc.request(url)
                    yield make_warc.response(url, Path(f).read_bytes())
                    yield make_warc.metadata(url)
            make_warc.write_warc(str(path), records())
    print(f"{len(files)} pages in {a.parts} WARC.gz files, {cores} cores")

    cli = os.environ.get("EXTRACTOR", str(REPO / "build" / "extractor"))
    if not os.access(cli, os.X_OK):
        cli = None
    command = [cli] if cli else [sys.executable, "-m", "extractor"]
    best_cli = None
    cli_cpu = []
    for _ in range(a.rounds):
        start = time.perf_counter()
        before = os.times()
        p = subprocess.run(command + ["-j", str(cores), *map(str, paths)], capture_output=True)
        took = time.perf_counter() - start
        after = os.times()
        cli_cpu.append(after.children_user + after.children_system
                       - before.children_user - before.children_system)
        best_cli = took if best_cli is None else min(best_cli, took)
    lines = [json.loads(line) for line in p.stdout.decode().split("\n") if line]

    from pyspark.sql import SparkSession

    os.environ["PYSPARK_PYTHON"] = sys.executable
    spark = (SparkSession.builder.master(a.master).appName("extractor-spark-bench")
             .config("spark.ui.enabled", "false").config("spark.driver.memory", "2g")
             .getOrCreate())
    spark.sparkContext.setLogLevel("ERROR")
    out = work / "pages.parquet"
    best_spark = None
    spark_cpu = []
    for _ in range(a.rounds):
        start = time.perf_counter()
        cpu0 = tree_cpu() + time.process_time()
        job.run(spark, [str(p) for p in paths], str(out))
        took = time.perf_counter() - start
        spark_cpu.append(tree_cpu() + time.process_time() - cpu0)
        best_spark = took if best_spark is None else min(best_spark, took)
    rows = {r["source"]: r for r in spark.read.parquet(str(out)).collect()}
    spark.stop()

    n = len(lines)
    print(f"command  {' '.join(command[-1:])} -j {cores}: {n} pages in {best_cli:.2f} s: "
          f"{n / best_cli:.1f} pages/s, {n / best_cli / cores:.1f} per core")
    print(f"Spark    {a.master}: {len(rows)} rows in {best_spark:.2f} s: "
          f"{len(rows) / best_spark:.1f} pages/s, {len(rows) / best_spark / cores:.1f} per core "
          f"({best_cli / best_spark:.3f} of the command's)")
    print(f"CPU seconds: command {min(cli_cpu):.2f} ({n / min(cli_cpu):.1f} pages per CPU-second), "
          f"Spark job {min(spark_cpu):.2f} ({len(rows) / min(spark_cpu):.1f} pages per "
          f"CPU-second, JVM and Python workers): {min(cli_cpu) / min(spark_cpu):.3f}")
    differ = 0
    for line in lines:
        row = rows.get(line["source"])
        want = {"url": line["warc_target_uri"], "warc_record_id": line["warc_record_id"],
                "fetch_date": line["warc_date"], "title": line["title"],
                "authors": line["authors"], "date": line["date"],
                "language": line["language"], "page_type": line["page_type"],
                "text": line["text"], "error": line.get("error")}
        if "error" in line:
            want.update(title=None, authors=[], date=None, language=None, page_type=None,
                        text=None)
        got = None if row is None else {k: (list(row[k]) if k == "authors" else row[k])
                                        for k in want}
        if got != want:
            differ += 1
            if differ <= 3:
                print("differs:", line["source"],
                      {k: (got or {}).get(k) for k in want if (got or {}).get(k) != want[k]})
    print(f"rows equal to the command's JSON: {n - differ} of {n}"
          + ("" if len(rows) == n else f" (the Parquet has {len(rows)} rows)"))
    return 0 if differ == 0 and len(rows) == n else 1


if __name__ == "__main__":
    sys.exit(main())
