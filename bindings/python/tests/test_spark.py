"""examples/spark/warc_to_parquet.py in Spark local mode: two WARC files
built from the fixture pages (HTML of every coding, records that are not
pages, a wrong HTTP charset, a damaged record) in, Parquet out; every row
equal to the command's JSON line for the same record.

Needs PySpark and Java (./build.sh test installs both); skipped without
them unless EXTRACTOR_REQUIRE_SPARK=1 (CI), where their absence fails."""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import subprocess
import sys

import pytest

from conftest import REPO
from warc_fixtures import build

_required = os.environ.get("EXTRACTOR_REQUIRE_SPARK") == "1"
if not _required:
    pytest.importorskip("pyspark")
    if shutil.which("java") is None and not os.environ.get("JAVA_HOME"):
        pytest.skip("no Java", allow_module_level=True)

_spec = importlib.util.spec_from_file_location(
    "warc_to_parquet", REPO / "examples" / "spark" / "warc_to_parquet.py")
job = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(job)  # type: ignore[union-attr]


@pytest.fixture(scope="module")
def spark():
    from pyspark.sql import SparkSession

    os.environ["PYSPARK_PYTHON"] = sys.executable  # the executors' Python: this one
    session = (SparkSession.builder.master("local[2]").appName("extractor-test")
               .config("spark.ui.enabled", "false")
               .config("spark.sql.shuffle.partitions", "2").getOrCreate())
    yield session
    session.stop()


def test_warc_to_parquet_rows_equal_the_commands_json(tmp_path, spark):
    paths = [tmp_path / "a.warc.gz", tmp_path / "b.warc"]
    build(paths[0], "record")
    build(paths[1], "plain", damaged=False)
    out = tmp_path / "pages.parquet"
    job.run(spark, [str(p) for p in paths], str(out))

    rows = spark.read.parquet(str(out)).collect()
    assert sorted(spark.read.parquet(str(out)).columns) == sorted(
        ["url", "warc_record_id", "fetch_date", "title", "authors", "date", "language",
         "page_type", "text", "error", "source"])
    p = subprocess.run([sys.executable, "-m", "extractor", *map(str, paths)],
                       capture_output=True, timeout=300)
    lines = [json.loads(line) for line in p.stdout.decode().split("\n") if line]
    assert len(rows) == len(lines) > 10
    by_source = {r["source"]: r for r in rows}
    assert len(by_source) == len(rows)
    errors = 0
    for line in lines:
        row = by_source[line["source"]]
        if "error" in line:
            errors += 1
            assert row["error"] == line["error"] and row["text"] is None
            continue
        assert row["error"] is None
        assert row["url"] == line["warc_target_uri"]
        assert row["warc_record_id"] == line["warc_record_id"]
        assert row["fetch_date"] == line["warc_date"]
        for key in ("title", "date", "language", "page_type", "text"):
            assert row[key] == line[key], (line["source"], key)
        assert list(row["authors"]) == line["authors"]
    assert errors == 1
    titles = [r["title"] for r in rows if r["title"]]
    assert any("библиотека" in t.lower() for t in titles)  # the wrong HTTP charset
