#!/usr/bin/env python3
"""Builds a WARC file from saved pages, as a crawler would have written it.

    python3 bench/make_warc.py OUT.warc.gz DIR_OR_FILE... [--whole-gzip] [--repeat N]

Every page becomes a request, a response (HTTP/1.1 200, text/html) and a
metadata record, each in its own gzip member (``.warc.gz``), in one gzip
stream (``--whole-gzip``) or uncompressed (``OUT.warc``). A dataset page's
URL is read from its dataset's truth.jsonl (``<set>/pages/<id>.html`` and
``<set>/truth.jsonl``, ``"url"``) when there is one, else made up from its
path. Used by the benchmarks
(bench/warc_bench.sh) and the tests (the WARC and Spark tests build their
WARC files from tests/data with it); nothing it writes is kept in the
repository.

As a module: ``write_warc(path, records, mode)`` with records from
``response()``, ``resource()``, ``other()`` or raw bytes.
"""

from __future__ import annotations

import argparse
import gzip
import io
import json
import os
import sys
import uuid
import zlib
from typing import Iterable, List, Optional, Union

DATE = "2024-05-01T12:00:00Z"


def record(warc_type: str, block: bytes, uri: Optional[str] = None, date: str = DATE,
           content_type: Optional[str] = None, length: Optional[int] = -1,
           record_id: Optional[str] = None) -> bytes:
    """One WARC record. ``length`` None leaves Content-Length out; -1 is the
    block's true length."""
    rid = record_id or f"<urn:uuid:{uuid.uuid4()}>"
    head = [b"WARC/1.1", f"WARC-Type: {warc_type}".encode(), f"WARC-Record-ID: {rid}".encode(),
            f"WARC-Date: {date}".encode()]
    if uri is not None:
        head.append(b"WARC-Target-URI: " + uri.encode("utf-8", "surrogateescape"))
    if content_type is not None:
        head.append(f"Content-Type: {content_type}".encode())
    if length is not None:
        head.append(f"Content-Length: {len(block) if length == -1 else length}".encode())
    return b"\r\n".join(head) + b"\r\n\r\n" + block + b"\r\n\r\n"


def response(uri: str, body: bytes, content_type: Optional[str] = "text/html",
             charset: Optional[str] = None, chunked: bool = False, encoding: Optional[str] = None,
             status: str = "200 OK", **kw) -> bytes:
    """A response record holding an HTTP message; ``encoding`` "gzip" or
    "deflate" compresses the body, ``chunked`` sends it in chunks."""
    headers = [f"HTTP/1.1 {status}".encode()]
    if content_type is not None:
        ct = content_type + (f"; charset={charset}" if charset else "")
        headers.append(f"Content-Type: {ct}".encode())
    if encoding == "gzip":
        body = gzip.compress(body)
    elif encoding == "deflate":
        body = zlib.compress(body)
    if encoding:
        headers.append(f"Content-Encoding: {encoding}".encode())
    if chunked:
        headers.append(b"Transfer-Encoding: chunked")
        out = io.BytesIO()
        for i in range(0, len(body), 1000):
            piece = body[i:i + 1000]
            out.write(f"{len(piece):x}\r\n".encode() + piece + b"\r\n")
        out.write(b"0\r\n\r\n")
        body = out.getvalue()
    else:
        headers.append(f"Content-Length: {len(body)}".encode())
    http = b"\r\n".join(headers) + b"\r\n\r\n" + body
    return record("response", http, uri, content_type="application/http; msgtype=response", **kw)


def request(uri: str, **kw) -> bytes:
    http = f"GET / HTTP/1.1\r\nHost: {uri.split('/')[2] if '//' in uri else 'x'}\r\n\r\n"
    return record("request", http.encode(), uri,
                  content_type="application/http; msgtype=request", **kw)


def metadata(uri: str, **kw) -> bytes:
    return record("metadata", b"fetchTimeMs: 120\r\n", uri,
                  content_type="application/warc-fields", **kw)


def warcinfo() -> bytes:
    return record("warcinfo", b"software: extractor make_warc.py\r\nformat: WARC File Format 1.1\r\n",
                  content_type="application/warc-fields")


def write_warc(path: str, records: Iterable[bytes], mode: str = "record",
               level: int = 6) -> List[int]:
    """Writes the records: mode "record" (a gzip member each), "whole" (one
    gzip stream) or "plain". Returns each record's offset in the file
    (for "whole", in the decompressed stream)."""
    offsets = []
    with open(path, "wb") as f:
        whole = gzip.GzipFile(fileobj=f, mode="wb", compresslevel=level) if mode == "whole" else None
        at = 0
        for r in records:
            offsets.append(at if whole else f.tell())
            if whole:
                whole.write(r)
                at += len(r)
            elif mode == "record":
                f.write(gzip.compress(r, compresslevel=level))
            else:
                f.write(r)
        if whole:
            whole.close()
    return offsets


_TRUTH_URLS: dict = {}


def page_url(path: str) -> str:
    """The dataset's URL for a page (its truth.jsonl's "url"), else one made up."""
    pages_dir = os.path.dirname(os.path.abspath(path))
    truth = os.path.join(os.path.dirname(pages_dir), "truth.jsonl")
    if truth not in _TRUTH_URLS:
        urls = {}
        try:
            with open(truth, encoding="utf-8") as f:
                for line in f:
                    try:
                        row = json.loads(line)
                    except ValueError:
                        continue
                    if isinstance(row.get("url"), str):
                        urls[str(row.get("id"))] = row["url"]
        except OSError:
            pass
        _TRUTH_URLS[truth] = urls
    url = _TRUTH_URLS[truth].get(os.path.splitext(os.path.basename(path))[0])
    if url and url.startswith(("http://", "https://")) and not any(c in url for c in " \r\n"):
        return url
    return "https://pages.example/" + path.lstrip("./").replace(os.sep, "/")


def page_files(args: List[str]) -> List[str]:
    files = []
    for a in args:
        if os.path.isdir(a):
            for root, _, names in os.walk(a):
                files += [os.path.join(root, n) for n in names
                          if n.lower().endswith((".html", ".htm"))]
        else:
            files.append(a)
    return sorted(files)


def main(argv: Optional[List[str]] = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("out")
    ap.add_argument("inputs", nargs="+")
    ap.add_argument("--whole-gzip", action="store_true", help="one gzip stream")
    ap.add_argument("--repeat", type=int, default=1, help="write every page N times")
    ap.add_argument("--list", help="also write the page files, one a line, in WARC order")
    ap.add_argument("--level", type=int, default=6, help="gzip level (default 6)")
    a = ap.parse_args(argv)
    files = page_files(a.inputs)
    mode = "whole" if a.whole_gzip else ("record" if a.out.endswith(".gz") else "plain")

    def records():
        yield warcinfo()
        for _ in range(a.repeat):
            for p in files:
                with open(p, "rb") as f:
                    body = f.read()
                url = page_url(p)
                yield request(url)
                yield response(url, body)
                yield metadata(url)

    write_warc(a.out, records(), mode, a.level)
    if a.list:
        with open(a.list, "w") as f:
            for _ in range(a.repeat):
                f.writelines(p + "\n" for p in files)
    print(f"{a.out}: {len(files) * a.repeat} pages, {os.path.getsize(a.out)} bytes", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
