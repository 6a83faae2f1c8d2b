"""extract_many: native threads, input order, results identical to one at a
time, per-page errors."""

from __future__ import annotations

import pytest

import extractor
from conftest import EXAMPLE, article_page, fixture_names, read


def _pages():
    pages = [read(name) for name in fixture_names()] + [EXAMPLE.read_bytes()]
    pages += [article_page(paragraphs=n, word=f"story {n}") for n in range(1, 8)]
    return pages * 3


@pytest.mark.parametrize("threads", [1, 2, 3, 8])
def test_threads_give_the_same_results_in_order(threads):
    pages = _pages()
    ex = extractor.Extractor(include_comments=True)
    expected = [ex.extract(p) for p in pages]
    got = ex.extract_many(pages, threads=threads)
    assert got == expected
    assert [r.to_dict() for r in got] == [r.to_dict() for r in expected]
    assert extractor.extract_many(pages, threads=threads, include_comments=True) == expected


def test_default_threads_and_options():
    pages = _pages()
    assert extractor.extract_many(pages, format="markdown") == [
        extractor.extract(p, format="markdown") for p in pages]
    assert all(r.format == "markdown" for r in extractor.extract_many(pages[:2], format="markdown"))


def test_pairs_and_triples():
    page = article_page()
    url = "https://example.com/2024/01/02/a"
    latin = article_page(word="caf\u00e9").encode("latin-1")
    got = extractor.extract_many([(page, url), [page, None], (latin, None, "iso-8859-1"), page])
    assert got[0] == extractor.extract(page, url)
    assert got[1] == extractor.extract(page)
    assert "caf\u00e9" in got[2].text
    assert got[3] == extractor.extract(page)


def test_charset_keyword_applies_to_all_bytes_pages():
    latin = article_page(word="caf\u00e9").encode("latin-1")
    got = extractor.extract_many([latin, (latin, None, "windows-1251")], charset="iso-8859-1")
    assert "caf\u00e9" in got[0].text
    assert "caf\u0439" in got[1].text


def test_any_iterable_in_batches():
    pages = [article_page(paragraphs=3, word=f"page {i}") for i in range(300)]
    gen = (p for p in pages)
    got = extractor.extract_many(gen, threads=2)  # 2 threads: batches of 128
    assert len(got) == 300
    assert all(f"page {i}" in r.text for i, r in enumerate(got))
    assert extractor.extract_many([]) == []
    assert extractor.extract_many(iter(())) == []


def test_failing_pages_do_not_cost_the_others():
    good = article_page()
    big = article_page(paragraphs=50)
    pages = [good, 42, big, (good, 7), (good, None, None, None), None, good]
    got = extractor.extract_many(pages, threads=2, max_input_bytes=len(good.encode()) + 10)
    assert [r.error is None for r in got] == [True, False, False, False, False, False, True]
    assert "str or bytes" in got[1].error
    assert "max_input_bytes" in got[2].error
    assert "url" in got[3].error
    assert "(html, url)" in got[4].error
    assert got[0].text and got[6].text and got[0] == got[6]
    assert got[1].text == "" and got[1].blocks == []
    assert repr(got[1]).startswith("<extractor.Result error=")


def test_misuse_of_extract_many_raises_before_any_work():
    with pytest.raises(extractor.Error):
        extractor.extract_many([article_page()], focus="everything")
    with pytest.raises(extractor.Error):
        extractor.extract_many([article_page()], threads=0)
    with pytest.raises(TypeError):
        extractor.extract_many([article_page()], threads=1.5)
    with pytest.raises(TypeError, match="not one page"):
        extractor.extract_many(article_page())
    with pytest.raises(TypeError, match="not one page"):
        extractor.Extractor().extract_many(b"<p>x</p>")
    with pytest.raises(TypeError):
        extractor.extract_many(42)


def test_an_iterable_that_raises_propagates():
    def pages():
        yield article_page()
        raise RuntimeError("crawler broke")

    with pytest.raises(RuntimeError, match="crawler broke"):
        extractor.extract_many(pages())


def test_many_threads_few_pages():
    pages = [article_page()] * 3
    assert extractor.extract_many(pages, threads=64) == [extractor.extract(p) for p in pages]


INTERRUPTED = '''
import sys, extractor
para = "<p>" + "Lorem ipsum dolor sit amet, consectetur adipiscing elit. " * 4 + "</p>"
page = "<html><body><article>" + para * 3000 + "</article></body></html>"
print("started", flush=True)
try:
    extractor.extract_many([page] * 2000, threads=2)
except KeyboardInterrupt:
    sys.exit(3)
'''


def test_ctrl_c_stops_extract_many():
    import signal
    import subprocess
    import sys
    import time

    p = subprocess.Popen([sys.executable, "-c", INTERRUPTED], stdout=subprocess.PIPE,
                         preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    assert p.stdout.readline() == b"started\n"
    time.sleep(0.5)
    p.send_signal(signal.SIGINT)
    start = time.monotonic()
    assert p.wait(timeout=60) == 3
    assert time.monotonic() - start < 10  # the pages in flight, not the 2000
