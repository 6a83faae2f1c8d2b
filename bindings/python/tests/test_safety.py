"""Outputs safe to show, through the Python module: the hostile-links
fixture's disguised script URLs never reach spans, images, metadata or the
Markdown, which a real CommonMark renderer (markdown-it-py, with raw HTML
on) turns into HTML that holds no element, attribute or URL that could run.
The same rules as the C++ API and the CLI: one implementation, in the
library (lib/safe_url.cc)."""

from __future__ import annotations

from html.parser import HTMLParser
from urllib.parse import urlsplit

import pytest

import extractor

from conftest import read

ALLOWED_TAGS = {"p", "figure", "figcaption", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "table", "thead",
                "tbody", "tr", "th", "td", "pre", "code", "img", "blockquote", "br", "hr",
                "a", "em", "strong"}
ALLOWED_ATTRIBUTES = {"a": {"href"}, "img": {"src", "alt"}}


def scheme(url: str) -> str:
    """The scheme as a browser reads it: controls and spaces stripped at the
    ends, tabs and newlines dropped inside."""
    cleaned = "".join(c for c in url.strip("".join(map(chr, range(0x21)))) if c not in "\t\r\n")
    parts = urlsplit(cleaned)
    return parts.scheme.lower()


class Findings(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag not in ALLOWED_TAGS:
            self.found.append(f"<{tag}>")
        for name, value in attrs:
            if name not in ALLOWED_ATTRIBUTES.get(tag, set()):
                self.found.append(f"<{tag} {name}>")
            if name in ("href", "src"):
                allowed = {"", "http", "https"} | ({"mailto"} if name == "href" else set())
                if scheme(value or "") not in allowed:
                    self.found.append(f"<{tag} {name}={value!r}>")


def findings(html: str) -> list[str]:
    parser = Findings()
    parser.feed(html)
    parser.close()
    return parser.found


def test_the_checker_can_fail():
    assert findings('<a href=" JaVa\tscript:alert(1)">x</a>')
    assert findings("<p onclick=f()>x</p>")
    assert findings("<script>alert(1)</script>")
    assert not findings('<p><a href="/x">x</a> <img src="https://e.com/i" alt=""></p>')


@pytest.fixture(scope="module")
def hostile() -> extractor.Result:
    return extractor.Extractor(include_links=True, include_comments=True).extract(
        read("hostile-links"))


def test_only_the_good_links_survive(hostile):
    article = [b for b in hostile.blocks if b.label == "content"]
    hrefs = [s.href for b in article for s in b.spans if s.kind == "link" and s.href]
    assert sorted(hrefs) == sorted([
        "https://ok.example/fares", "/timetables/spring-2025.pdf", "mailto:ferries@ok.example",
        "https://ok.example/map?pier=north&zoom=2%20(large)"])
    sources = [b.src for b in article if b.src]
    assert sources == ["https://ok.example/img/ferry.jpg"]
    assert hostile.url is None and hostile.image is None
    assert "authority's notice board" in hostile.text


def test_html_output_is_inert(hostile):
    assert findings(hostile.html) == []
    assert '<a href="https://ok.example/fares">fare table</a>' in hostile.html


def test_markdown_renders_inert(hostile):
    markdown_it = pytest.importorskip("markdown_it")
    md = markdown_it.MarkdownIt("commonmark", {"html": True})
    md.validateLink = lambda url: True  # ours must hold without the renderer's filter
    html = md.render(hostile.markdown)
    assert findings(html) == []
    assert '<a href="https://ok.example/fares">fare table</a>' in html
    # Page text that reads as Markdown stays text.
    assert "[here](javascript:alert(22))" in html
    assert "&lt;img src=x onerror=alert(24)&gt;" in html


def test_json_fields(hostile):
    data = hostile.to_dict()
    assert data["url"] is None and data["image"] is None
    urls = [s["href"] for b in data["blocks"] for s in b["spans"] if s.get("href")]
    urls += [b["src"] for b in data["blocks"] if b.get("src")]
    assert urls and all(scheme(u) in ("", "http", "https", "mailto") for u in urls)
