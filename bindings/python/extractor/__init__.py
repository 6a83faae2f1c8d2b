"""extractor: the article in a saved web page, and nothing around it.

Give it the HTML of a page (``str``, or ``bytes`` in any charset) and get back
the article's text, Markdown and HTML, its title, authors and dates, and every
block of the page labelled content or boilerplate::

    import extractor

    result = extractor.extract(open("page.html", "rb").read(), "https://example.com/a/1")
    print(result.title, result.author, result.date)
    print(result.text)

For many pages, build one :class:`Extractor` and reuse it (it is immutable and
thread-safe; its ``extract()`` releases the GIL), or let :func:`extract_many`
spread a batch over native threads.

Misuse (an unknown option, input over the size limit) raises :class:`Error`,
a ``ValueError``. A page with no article is not an error: its ``Result`` has
empty ``text`` and says why in ``empty_reason``.

The same core is the C++ library ``extractor`` and the ``extractor`` command;
``python -m extractor`` is that command, written over this module.
"""

from __future__ import annotations

import datetime
import functools
import itertools
import os
from typing import Any, Iterable, List, Optional, Tuple, Union

from . import _extractor
from ._extractor import Block, Error, Extractor, Result, Span, __version__

__all__ = [
    "Block",
    "Error",
    "Extractor",
    "Result",
    "Span",
    "__version__",
    "extract",
    "extract_many",
]

# The classes live in the native module; to users (reprs, tracebacks, pickle)
# they are extractor.X.
for _cls in (Block, Error, Extractor, Result, Span):
    _cls.__module__ = __name__
del _cls

# Type aliases for annotations (extractor.Page, ...).
Html = Union[str, bytes, bytearray, memoryview]
Page = Union[Html, Tuple[Html, Optional[str]], Tuple[Html, Optional[str], Optional[str]]]
ReferenceDate = Union[str, datetime.date, None]


@functools.lru_cache(maxsize=32)
def _shared_extractor(key: Tuple[Tuple[str, type, Any], ...]) -> Extractor:
    return Extractor(**{name: value for name, _, value in key})


def _extractor_for(options: dict) -> Extractor:
    """One Extractor per distinct set of options, compiled once and shared
    (Extractors are immutable and thread-safe). Types are part of the key so
    that ``include_comments=1`` is refused as it would be uncached."""
    try:
        key = tuple(sorted((k, type(v), v) for k, v in options.items()))
        return _shared_extractor(key)
    except TypeError:  # an unhashable value: let Extractor say what is wrong
        return Extractor(**options)


def _default_threads() -> int:
    try:
        return len(os.sched_getaffinity(0))  # the cores this process may use
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def extract(html: Html, url: Optional[str] = None, *, charset: Optional[str] = None,
            reference_date: ReferenceDate = None, **options: Any) -> Result:
    """Extracts the article from one page.

    ``html`` is ``str`` or ``bytes``. Bytes are decoded as a browser would (BOM,
    ``charset``, ``<meta charset>``, detection); ``charset`` is the one the
    transport declared (e.g. HTTP ``Content-Type``) and wins unless the bytes
    contradict it. A ``str`` is already text, so ``charset`` is ignored.
    ``url`` is the page's address: relative links and a date in the path are
    read against it. ``reference_date`` ("YYYY-MM-DD" or a ``datetime.date``)
    is the day the page was fetched: later dates are impossible, and "3 hours
    ago" is read against it.

    ``options`` are those of :class:`Extractor`: ``format`` ("text",
    "markdown", "html", "json": what ``result.content`` and ``str(result)``
    give), ``include_comments``, ``focus`` ("precision", "balanced",
    "recall"), ``include_tables``, ``include_images``, ``include_links``,
    ``max_input_bytes``, ``max_depth``, and ``explain`` (also write the
    explain view, ``result.explain_html()``: the page with every block's
    decision drawn on it). The Extractor for each distinct set of options is
    compiled once and reused by later calls.

    Raises :class:`Error` for an unknown option, a bad value, or input longer
    than ``max_input_bytes``.
    """
    return _extractor_for(options).extract(html, url, charset=charset,
                                           reference_date=reference_date)


def extract_many(pages: Iterable[Page], *, threads: Optional[int] = None,
                 charset: Optional[str] = None,
                 reference_date: ReferenceDate = None,
                 **options: Any) -> List[Result]:
    """Extracts many pages on native threads, without the GIL.

    Each page is ``html``, ``(html, url)`` or ``(html, url, charset)``; the
    ``charset`` keyword applies to every bytes page that does not name its
    own, ``reference_date`` to every page. ``threads`` defaults to the cores
    this process may use. Results come back in input order and are identical
    to one-at-a-time extraction.

    A page that fails (over the size limit, not str/bytes, ...) gets a
    ``Result`` whose ``error`` says why; it never costs the other pages.
    ``options`` are those of :class:`Extractor`, checked before any work:
    a bad option raises :class:`Error`.

    A list or tuple is processed in one batch; any other iterable (a
    generator over a crawl, say) in batches, so that its pages are not all
    held in memory at once.
    """
    ex = _extractor_for(options)
    if threads is None:
        threads = _default_threads()
    elif isinstance(threads, bool) or not isinstance(threads, int):
        raise TypeError(f"threads must be an int, not {type(threads).__name__}")
    elif threads < 1:
        raise Error(f"threads must be >= 1, not {threads}")
    if isinstance(pages, (list, tuple)):
        return ex.extract_many(pages, threads=threads, charset=charset,
                               reference_date=reference_date)
    if isinstance(pages, (str, bytes, bytearray)):
        raise TypeError("extract_many() takes an iterable of pages, not one page")
    results: List[Result] = []
    it = iter(pages)
    batch = 64 * threads  # enough per thread that the batch's tail costs little
    while True:
        chunk = list(itertools.islice(it, batch))
        if not chunk:
            return results
        results.extend(ex.extract_many(chunk, threads=threads, charset=charset,
                                       reference_date=reference_date))
