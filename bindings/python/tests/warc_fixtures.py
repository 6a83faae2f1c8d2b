"""WARC files for the tests, built from the fixture pages of tests/data with
bench/make_warc.py (nothing is kept in the repository): HTML responses of
every coding, records that are not pages, a page whose HTTP charset is
wrong, and a damaged record."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from typing import Dict, List

from conftest import DATA, REPO

_spec = importlib.util.spec_from_file_location("make_warc", REPO / "bench" / "make_warc.py")
make_warc = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(make_warc)  # type: ignore[union-attr]


def build(path: Path, mode: str = "record", damaged: bool = True) -> List[Dict]:
    """Writes the WARC; returns its pages in file order ({"uri", "html",
    "charset"}), and for the damaged record {"error": True}."""
    records, pages = [make_warc.warcinfo()], []
    for i, page in enumerate(sorted(DATA.glob("*.html"))):
        html = page.read_bytes()
        uri = f"https://fixtures.example/{page.name}"
        charset = None
        kw: Dict = {}
        if page.stem == "russian-windows1251":
            charset = "utf-8"  # wrong: the bytes are windows-1251
        elif i % 3 == 1:
            kw = {"chunked": True, "encoding": "gzip"}
        elif i % 3 == 2:
            kw = {"content_type": None}  # sniffed
        records += [make_warc.request(uri), make_warc.response(uri, html, charset=charset, **kw),
                    make_warc.metadata(uri)]
        pages.append({"uri": uri, "html": html, "charset": charset})
        if i == 2:  # not pages: an image, and a JSON response
            records.append(make_warc.response("https://fixtures.example/a.png", b"\x89PNG\r\n",
                                              content_type="image/png"))
            records.append(make_warc.response("https://fixtures.example/a.json", b"{}",
                                              content_type="application/json"))
    if damaged:  # a response cut short, then one more good page
        cut = make_warc.response("https://fixtures.example/cut", b"<p>never whole</p>" * 50)
        records.append(cut[: len(cut) // 2])
        pages.append({"error": True})
        last = sorted(DATA.glob("*.html"))[0]
        records.append(make_warc.response("https://fixtures.example/last", last.read_bytes()))
        pages.append({"uri": "https://fixtures.example/last", "html": last.read_bytes(),
                      "charset": None})
    make_warc.write_warc(str(path), records, mode)
    return pages
