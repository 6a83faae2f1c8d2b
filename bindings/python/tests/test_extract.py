"""extractor.extract / Extractor.extract: input kinds, charsets, fixtures,
every option, Result attributes."""

from __future__ import annotations

import datetime
import json
import threading
import time

import pytest

import extractor
from conftest import DATA, article_page, fixture_names, parse_expect, read, squash


# ---------------------------------------------------------------------------
# Input: str and bytes
# ---------------------------------------------------------------------------

def test_bytes_input(example_bytes):
    r = extractor.extract(example_bytes)
    assert isinstance(r, extractor.Result)
    assert r.title and "rail yard" in r.title
    assert "city council" in r.text
    assert r.error is None


def test_str_input_is_taken_as_text(example_bytes):
    from_bytes = extractor.extract(example_bytes)
    from_str = extractor.extract(example_bytes.decode("utf-8"))
    assert from_str.charset == "utf-8"
    assert from_str.text == from_bytes.text
    assert from_str.title == from_bytes.title
    assert from_str.blocks == from_bytes.blocks


def test_buffer_inputs_are_bytes(example_bytes):
    expected = extractor.extract(example_bytes)
    assert extractor.extract(bytearray(example_bytes)) == expected
    assert extractor.extract(memoryview(example_bytes)) == expected


def test_str_with_non_ascii_and_lone_surrogates():
    page = article_page(word="café ☕ 文章")
    assert "café ☕ 文章" in extractor.extract(page).text
    # A lone surrogate (from surrogateescape) cannot be UTF-8: it is replaced.
    r = extractor.extract(article_page(word="bad \udcff byte"))
    assert "bad \ufffd byte" in r.text


@pytest.mark.parametrize("html", [None, 3, 1.5, ["<p>x</p>"], object()])
def test_wrong_input_type(html):
    with pytest.raises(TypeError, match="str or bytes"):
        extractor.extract(html)


def test_url_is_used():
    page = article_page().replace("paragraph 2 of", "paragraph <a href='two'>two</a> of")
    r = extractor.extract(page, "https://example.com/news/2024/05/14/story.html",
                          include_links=True)
    assert r.url == "https://example.com/news/2024/05/14/story.html"
    assert "[two](https://example.com/news/2024/05/14/two)" in r.markdown
    with pytest.raises(TypeError):
        extractor.extract(page, url=b"https://example.com/")


def test_empty_page_is_not_an_error():
    r = extractor.extract(b"")
    assert r.text == ""
    assert r.empty_reason
    assert r.error is None
    assert "empty_reason" in repr(r)


def test_not_a_web_page():
    r = extractor.extract(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< >>\nstream\n" + bytes(range(256)) * 8)
    assert r.text == ""
    assert r.empty_reason == "not a web page: a PDF document"
    assert r.empty_reason_code == "pdf"
    assert r.page_type == "other" and r.page_type_confidence == 0.0


def test_page_type(example_bytes):
    r = extractor.extract(example_bytes, "https://www.example.com/news/2024/05/14/rail-yard-park")
    assert r.page_type == "article"
    assert 0.5 < r.article_probability <= 1.0
    assert r.page_type_confidence == r.article_probability
    assert r.to_dict()["page_type"] == "article"
    assert json.loads(r.to_json())["page_type"] == "article"
    assert json.loads(r.to_json(full=True))["article_probability"] == pytest.approx(
        r.article_probability, abs=1e-3)
    back = extractor.Result.from_dict(r.to_dict())
    assert (back.page_type, back.article_probability) == ("article", r.article_probability)
    assert back == r
    with pytest.raises(ValueError):
        extractor.Result.from_dict({"page_type": "blog"})


# ---------------------------------------------------------------------------
# Charsets
# ---------------------------------------------------------------------------

@pytest.mark.parametrize("name,codec,charset", [
    ("russian-windows1251", "cp1251", "windows-1251"),
    ("chinese-gbk-undeclared", "gb18030", "gb18030"),
])
def test_charset_detection_and_str_agree(name, codec, charset):
    data = read(name)
    r = extractor.extract(data)
    assert (r.charset or "").lower() == charset
    expect = parse_expect(DATA / f"{name}.expect")
    text = squash(r.text)
    for line in expect["must"][:3]:
        assert squash(line) in text
    # The same page handed over as text gives the same article.
    s = extractor.extract(data.decode(codec))
    assert s.charset == "utf-8"
    assert s.text == r.text
    assert s.title == r.title


def test_charset_argument_decides_undeclared_bytes():
    page = article_page(word="caf\u00e9").encode("latin-1")
    assert "caf\u00e9" in extractor.extract(page, charset="iso-8859-1").text
    assert "caf\u0439" in extractor.extract(page, charset="windows-1251").text
    # The transport charset does not apply to text.
    assert "caf\u00e9" in extractor.extract(page.decode("latin-1"), charset="windows-1251").text


def test_unknown_charset_name_is_ignored():
    page = article_page(word="plain").encode()
    assert "plain" in extractor.extract(page, charset="no-such-charset").text


# ---------------------------------------------------------------------------
# Options, one by one
# ---------------------------------------------------------------------------

def test_default_options():
    assert extractor.Extractor().options == {
        "format": "text", "include_comments": False, "focus": "balanced",
        "include_tables": True, "include_images": True, "include_links": False,
        "max_input_bytes": 64 << 20, "max_depth": 512, "explain": False,
    }


def test_none_means_default():
    assert extractor.Extractor(focus=None, max_depth=None).options == extractor.Extractor().options


def test_include_comments():
    page = read("blog-comments")
    expect = parse_expect(DATA / "blog-comments.comments.expect")
    off = extractor.extract(page)
    on = extractor.extract(page, include_comments=True)
    assert off.comments == ""
    assert on.comments
    for line in expect.get("comments_must", [])[:3]:
        assert squash(line) in squash(on.comments)
        assert squash(line) not in squash(on.text)
    assert any(b.label == "comment" for b in on.blocks)
    assert not any(b.label == "comment" for b in off.blocks)


@pytest.mark.parametrize("name", fixture_names())
def test_focus_orders_recall(name):
    page = read(name)
    sizes = {}
    for focus in ("precision", "balanced", "recall"):
        r = extractor.extract(page, focus=focus)
        sizes[focus] = sum(b.label == "content" for b in r.blocks)
    assert sizes["precision"] <= sizes["balanced"] <= sizes["recall"]


def test_include_tables():
    page = read("docs-code-table")
    on = extractor.extract(page)
    off = extractor.extract(page, include_tables=False)
    rows = [b for b in on.blocks if b.kind == "table-row" and b.label == "content"]
    assert rows, "the fixture has a data table"
    assert rows[1].text in on.text and "| --- |" in on.markdown
    assert "| --- |" not in off.markdown and "sync.source" not in off.markdown


def test_include_tables_plain_text():
    page = read("docs-code-table")
    off = extractor.extract(page, include_tables=False)
    assert "sync.source\t" not in off.text


def _image_page() -> str:
    # In the middle of the running text, where an image is the article's.
    return article_page().replace(
        "<p>This is paragraph 3", "<figure><img src='/a.jpg' alt='A cat'>"
        "<figcaption>The cat on the wall, in the morning sun.</figcaption></figure>"
        "<p>This is paragraph 3")


def test_include_images():
    on = extractor.extract(_image_page(), "https://example.com/x")
    off = extractor.extract(_image_page(), "https://example.com/x", include_images=False)
    assert "![A cat](https://example.com/a.jpg)" in on.markdown
    assert "<img" in on.html
    assert "![" not in off.markdown and "<img" not in off.html
    assert "A cat" not in on.text  # plain text never holds images


def test_include_links():
    page = article_page().replace("paragraph 2 of", "paragraph <a href='/two'>two</a> of")
    off = extractor.extract(page, "https://example.com/x")
    on = extractor.extract(page, "https://example.com/x", include_links=True)
    assert "[two](https://example.com/two)" in on.markdown
    assert "](" not in off.markdown and "two" in off.markdown


def test_max_input_bytes():
    page = article_page().encode()
    assert extractor.extract(page, max_input_bytes=len(page)).text
    with pytest.raises(extractor.Error) as e:
        extractor.extract(page, max_input_bytes=len(page) - 1)
    assert e.value.code == "input_too_large"
    # A str counts in UTF-8 bytes.
    with pytest.raises(extractor.Error):
        extractor.extract("é" * 6, max_input_bytes=11)


def test_max_depth():
    deep = "<div>" * 2000 + "<p>" + "Deep text that is still the article. " * 20 + "</p>"
    r = extractor.extract(article_page() + deep, max_depth=16)
    assert r.text
    assert extractor.Extractor(max_depth=100000).options["max_depth"] == 100000
    for bad in (15, 100001, -1):
        with pytest.raises(extractor.Error) as e:
            extractor.Extractor(max_depth=bad)
        assert e.value.code == "invalid_option"


@pytest.mark.parametrize("fmt", ["text", "markdown", "html", "json"])
def test_format(example_bytes, fmt):
    r = extractor.extract(example_bytes, format=fmt)
    assert r.format == fmt
    if fmt == "json":
        assert json.loads(r.content)["title"] == r.title
    else:
        assert r.content == getattr(r, fmt)
    assert str(r) == r.content


def test_every_format_is_always_there(example_bytes):
    r = extractor.extract(example_bytes, format="html")
    assert r.text and r.markdown and r.html


# ---------------------------------------------------------------------------
# Result, Block, Span
# ---------------------------------------------------------------------------

def test_result_attributes(example_bytes):
    r = extractor.extract(example_bytes, "https://www.example.com/news/2024/05/14/rail-yard-park")
    assert isinstance(r.authors, list)
    assert r.author == (", ".join(r.authors) or None)
    for name in ("title", "date", "date_modified", "site_name", "language", "description",
                 "url", "image", "charset", "empty_reason", "error"):
        value = getattr(r, name)
        assert value is None or (isinstance(value, str) and value)
    for name in ("categories", "tags"):
        assert all(isinstance(x, str) for x in getattr(r, name))
    assert set(r.sources) >= {"title", "authors", "date", "url"}
    assert r.sources["title"] != "none"
    with pytest.raises(AttributeError):
        r.text = "x"


def test_repr(example_bytes):
    r = extractor.extract(example_bytes)
    text = repr(r)
    assert text.startswith("<extractor.Result title=")
    assert "chars)" in text and f"blocks={len(r.blocks)}" in text
    assert repr(r.blocks[0]).startswith("<extractor.Block ")
    assert repr(extractor.Extractor(focus="recall")).startswith("extractor.Extractor(")
    assert type(r).__module__ == "extractor"


def test_blocks_and_spans():
    page = article_page().replace(
        "paragraph 3 of", "paragraph <a href='/3'>three</a> <em>really</em> of")
    r = extractor.extract(page, "https://example.com/", include_links=True)
    kinds = {b.kind for b in r.blocks}
    assert {"heading", "paragraph"} <= kinds
    heading = next(b for b in r.blocks if b.kind == "heading")
    # The headline is the title, not a line of the text (Reason "headline").
    assert heading.level == 1 and heading.label == "boilerplate" and heading.reason == "headline"
    assert r.title == heading.text
    block = next(b for b in r.blocks if "three" in b.text)
    assert 0.0 <= block.score <= 1.0 and block.reason and block.path.startswith("body")
    by_kind = {s.kind: s for s in block.spans}
    link = by_kind["link"]
    assert block.text[link.begin:link.end] == "three"
    assert link.href == "https://example.com/3"
    em = by_kind["emphasis"]
    assert block.text[em.begin:em.end] == "really" and em.href is None


def test_span_offsets_are_characters():
    page = article_page(word="naïve café").replace(
        "paragraph 1 of", "paragraph <strong>één</strong> of")
    r = extractor.extract(page)
    block = next(b for b in r.blocks if "één" in b.text)
    span = next(s for s in block.spans if s.kind == "strong")
    assert block.text[span.begin:span.end] == "één"


# ---------------------------------------------------------------------------
# Extractor reuse and the GIL
# ---------------------------------------------------------------------------

def test_extractor_is_reusable(example_bytes):
    ex = extractor.Extractor(format="markdown")
    first = ex.extract(example_bytes)
    for _ in range(3):
        assert ex.extract(example_bytes) == first
    assert first == extractor.extract(example_bytes, format="markdown")


def test_module_level_extract_reuses_extractors():
    extractor._shared_extractor.cache_clear()
    for _ in range(3):
        extractor.extract(article_page(), focus="recall")
    info = extractor._shared_extractor.cache_info()
    assert info.misses == 1 and info.hits == 2
    with pytest.raises(TypeError):  # 1 is not a bool, cached or not
        extractor.extract(article_page(), include_comments=1)


def test_reference_date():
    page = article_page().replace("<h1>", "<p class='byline'>Published 2 days ago</p><h1>")
    for ref in ("2024-05-20", datetime.date(2024, 5, 20)):
        try:
            r = extractor.extract(page, reference_date=ref)
        except extractor.Error as e:  # built against a library without it
            assert "newer" in str(e)
            pytest.skip("the library has no PageInfo::reference_date")
        assert r.date is None or r.date <= "2024-05-20"
    with pytest.raises(TypeError):
        extractor.extract(page, reference_date=20240520)


def _big_page(paragraphs: int = 6000) -> str:
    para = "<p>" + "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do. " * 4
    return ("<html><body><article><h1>T</h1>" + (para + "</p>\n") * paragraphs
            + "</article></body></html>")


def _page_lasting(ex, seconds: float) -> str:
    """A page whose extraction takes at least `seconds` on this machine (fast
    machines get a longer one), so that a pause can be told from the call."""
    paragraphs = 6000
    while True:
        page = _big_page(paragraphs)
        start = time.perf_counter()
        ex.extract(page)
        if time.perf_counter() - start >= seconds or paragraphs >= 6000 * 16:
            return page
        paragraphs *= 2


def _longest_pause_while(call) -> tuple:
    """Runs call() on a thread and returns (its duration, the longest time this
    thread could not run Python meanwhile). Held GIL: pause ~ duration."""
    state = {"start": None, "end": None}

    def worker():
        state["start"] = time.perf_counter()
        call()
        state["end"] = time.perf_counter()

    t = threading.Thread(target=worker)
    t.start()
    longest, last = 0.0, time.perf_counter()
    while t.is_alive():
        now = time.perf_counter()
        if state["start"] is not None:
            longest = max(longest, now - last)
        last = now
    longest = max(longest, time.perf_counter() - last)
    t.join()
    return state["end"] - state["start"], longest


@pytest.mark.parametrize("how", ["extract", "extract_many"])
def test_gil_is_released(how):
    ex = extractor.Extractor()
    page = _page_lasting(ex, 0.2)
    if how == "extract":
        call = lambda: ex.extract(page)  # noqa: E731
    else:
        call = lambda: ex.extract_many([page, page], threads=1)  # noqa: E731
    duration, pause = _longest_pause_while(call)
    assert duration > 0.05
    assert pause < duration / 2, (duration, pause)
