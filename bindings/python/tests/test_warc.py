"""extractor.read_warc and extractor.extract_warc: the command's WARC reader
from Python, the pages extracted as extract() would, in file order, a
damaged record as a Result with `error`; and the command's JSON lines for
the same file, field for field."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

import extractor
from warc_fixtures import build


@pytest.mark.parametrize("mode", ["record", "whole", "plain"])
def test_read_warc_gives_every_page_and_names_the_damaged_one(tmp_path, mode):
    path = tmp_path / ("crawl.warc" + ("" if mode == "plain" else ".gz"))
    want = build(path, mode)
    got = list(extractor.read_warc(path))
    assert len(got) == len(want)
    for (record, html, error), w in zip(got, want):
        assert record.source == f"{path}@{record.offset}"
        if w.get("error"):
            assert html is None and error.startswith("record does not end where") or \
                error.startswith("truncated"), error
            continue
        assert error is None
        assert html == w["html"]
        assert record.target_uri == w["uri"]
        assert record.date == "2024-05-01T12:00:00Z"
        assert record.record_id.startswith("<urn:uuid:")


def test_extract_warc_is_extract_with_the_records_url_charset_and_date(tmp_path):
    path = tmp_path / "crawl.warc.gz"
    want = build(path)
    pages = extractor.extract_warc(path, threads=2)
    got = list(pages)
    assert len(got) == len(want)
    for (record, result), w in zip(got, want):
        if w.get("error"):
            assert result.error and not result.text
            continue
        assert result.error is None
        one = extractor.extract(w["html"], w["uri"], charset=w["charset"],
                                reference_date="2024-05-01T12:00:00Z")
        assert result == one, w["uri"]
    assert pages.counts["pages"] == len(want) - 1
    assert pages.counts["faults"] == 1
    assert pages.counts["skipped"]["not HTML"] == 2
    assert pages.summary().startswith(f"{len(want) - 1} pages from ")
    # The page served with a wrong charset is still read right.
    russian = next(r for rec, r in got if rec.target_uri and "russian" in rec.target_uri)
    assert "библиотека" in russian.text.lower()


def test_extract_warc_threads_and_options(tmp_path):
    path = tmp_path / "crawl.warc.gz"
    build(path)
    one = [(rec, res) for rec, res in extractor.extract_warc(path, threads=1)]
    four = [(rec, res) for rec, res in extractor.extract_warc(path, threads=4)]
    assert one == four
    md = list(extractor.extract_warc(path, threads=1, format="markdown"))
    assert str(md[0][1]) == md[0][1].markdown
    ex = extractor.Extractor(include_comments=True)
    assert list(extractor.extract_warc(path, extractor=ex))[0][1].comments
    with pytest.raises(extractor.Error):
        extractor.extract_warc(path, extractor=ex, focus="recall")
    with pytest.raises(extractor.Error):
        extractor.extract_warc(path, threads=0)
    with pytest.raises(OSError):
        extractor.extract_warc(tmp_path / "missing.warc.gz")


def test_the_commands_json_lines_are_the_same_pages(tmp_path):
    path = tmp_path / "crawl.warc.gz"
    build(path)
    p = subprocess.run([sys.executable, "-m", "extractor", str(path)], capture_output=True,
                       timeout=120)
    assert p.returncode == 1  # the damaged record
    lines = [json.loads(line) for line in p.stdout.decode().split("\n") if line]
    pairs = list(extractor.extract_warc(path))
    assert len(lines) == len(pairs)
    for line, (record, result) in zip(lines, pairs):
        want = {"source": record.source, "warc_record_id": record.record_id,
                "warc_target_uri": record.target_uri, "warc_date": record.date}
        want.update(json.loads(result.to_json()))
        if result.error:
            want["error"] = result.error
        assert line == want
    assert b"pages from" in p.stderr
