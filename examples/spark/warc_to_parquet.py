"""A Spark job: WARC files in, one Parquet row per HTML page out.

    spark-submit examples/spark/warc_to_parquet.py --output pages.parquet \\
        crawl-00000.warc.gz crawl-00001.warc.gz ...
    spark-submit examples/spark/warc_to_parquet.py --output pages.parquet --list paths.txt

Each WARC file is one task: it is read by the extractor's own WARC reader
(gzip member by member, memory flat however large the file), its HTML
responses are extracted by one Extractor per partition on native threads
without the GIL (``--threads`` per task; Spark's own parallelism is one task
per core), and each page becomes a row:

    url, warc_record_id, fetch_date, title, authors, date, language,
    page_type, text, error, source

``url`` is the record's WARC-Target-URI, ``fetch_date`` its WARC-Date,
``page_type`` the library's ("article", "forum", "product", ..., "other");
``error`` is set (and the rest empty) for a record that could not be read
or extracted. The paths must be readable where the executors run (a shared
filesystem, or files copied there); the ``extractor-html`` wheel must be
installed on the executors, or shipped with the job (see
examples/spark/README.md).
"""

from __future__ import annotations

import argparse
import sys
from typing import Any, Dict, Iterable, Iterator, List, Optional, Tuple

# The Parquet schema, as Spark DDL.
SCHEMA = ("url string, warc_record_id string, fetch_date string, title string, "
          "authors array<string>, date string, language string, page_type string, "
          "text string, error string, source string")


def page_rows(paths: Iterable[str], threads: int = 1,
              options: Optional[Dict[str, Any]] = None) -> Iterator[Tuple[Any, ...]]:
    """The rows of the pages of `paths`: one partition's work. Runs on an
    executor; one Extractor serves the whole partition."""
    import extractor  # on the executor

    ex = extractor.Extractor(**(options or {}))
    for path in paths:
        pages = extractor.extract_warc(path, threads=threads, extractor=ex)
        for record, r in pages:
            if r.error:
                yield (record.target_uri, record.record_id, record.date, None, [], None, None,
                       None, None, r.error, record.source)
            else:
                yield (record.target_uri, record.record_id, record.date, r.title, r.authors,
                       r.date, r.language, r.page_type, r.text, None, record.source)


def run(spark: Any, paths: List[str], output: str, threads: int = 1,
        options: Optional[Dict[str, Any]] = None, mode: str = "overwrite") -> None:
    """Extracts the pages of `paths` (one task per file) into Parquet at `output`."""
    rdd = spark.sparkContext.parallelize(paths, max(1, len(paths)))
    rows = rdd.mapPartitions(lambda part: page_rows(part, threads, options))
    spark.createDataFrame(rows, SCHEMA).write.mode(mode).parquet(output)


def main(argv: Optional[List[str]] = None) -> int:
    ap = argparse.ArgumentParser(description="WARC files in, Parquet out (one row per page).")
    ap.add_argument("paths", nargs="*", help="WARC files (.warc, .warc.gz)")
    ap.add_argument("--list", help="a file of WARC paths, one a line")
    ap.add_argument("--output", required=True, help="the Parquet directory to write")
    ap.add_argument("--threads", type=int, default=1,
                    help="extraction threads per task (default 1: Spark runs a task per core)")
    ap.add_argument("--include-comments", action="store_true")
    a = ap.parse_args(argv)
    paths = list(a.paths)
    if a.list:
        with open(a.list, encoding="utf-8") as f:
            paths += [line.strip() for line in f if line.strip()]
    if not paths:
        ap.error("no WARC paths")

    from pyspark.sql import SparkSession

    spark = SparkSession.builder.appName("extractor-warc-to-parquet").getOrCreate()
    try:
        run(spark, paths, a.output, a.threads,
            {"include_comments": True} if a.include_comments else None)
    finally:
        spark.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
