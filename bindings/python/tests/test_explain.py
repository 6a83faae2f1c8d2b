"""The explain view through the Python module: extract(html, explain=True)
gives a Result whose explain_html() is the view, byte for byte the C++
command's (`extractor --explain`), around the same Result extract() gives.
The view holds no element, attribute or URL that could run or load."""

from __future__ import annotations

import os
import subprocess
from html.parser import HTMLParser

import pytest

import extractor

from conftest import DATA, EXAMPLE, read


class Active(HTMLParser):
    """Elements and attributes that could run, load or submit."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in {"script", "iframe", "object", "embed", "base", "link", "form", "noscript"}:
            self.found.append(f"<{tag}>")
        for name, value in attrs:
            if name.startswith("on"):
                self.found.append(f"{name} on <{tag}>")
            if name in {"src", "srcset", "action", "formaction", "poster", "background"}:
                self.found.append(f"{name} on <{tag}>")
            if name == "href" and not (value or "").startswith("#"):
                self.found.append(f"href {value}")


@pytest.mark.parametrize("name", ["news-seed", "hostile-links", "styled-hidden-boxes"])
def test_explain_html_is_the_view_of_the_same_result(name):
    html = read(name)
    r = extractor.extract(html, explain=True)
    view = r.explain_html()
    assert isinstance(view, str)
    assert view.startswith("<!DOCTYPE html>")
    assert "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none';" in view
    plain = extractor.extract(html)
    assert r.to_json() == plain.to_json()
    parser = Active()
    parser.feed(view)
    assert parser.found == []


def test_explain_html_needs_explain():
    r = extractor.extract(read("news-seed"))
    with pytest.raises(extractor.Error, match="explain=True"):
        r.explain_html()


def test_explain_with_options_and_many_pages():
    pages = [read("blog-comments"), read("news-seed")]
    ex = extractor.Extractor(explain=True, include_comments=True)
    assert ex.options["explain"] is True
    results = ex.extract_many(pages, threads=2)
    assert "<h2>Comments</h2>" in results[0].explain_html()
    assert "Sergei Lavrov" in results[1].explain_html()
    assert results[1].explain_html() == ex.extract(pages[1]).explain_html()


@pytest.mark.skipif(not os.environ.get("EXTRACTOR_CLI"), reason="needs EXTRACTOR_CLI")
def test_explain_html_is_the_commands():
    cli = os.environ["EXTRACTOR_CLI"]
    out = subprocess.run([cli, "--explain", str(EXAMPLE)], capture_output=True, check=True).stdout
    assert extractor.extract(EXAMPLE.read_bytes(), explain=True).explain_html() == out.decode("utf-8")
