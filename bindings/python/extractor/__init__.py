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
spread a batch over native threads. :func:`extract_warc` does the same for the
HTML pages of a WARC file (a crawl's), and :func:`read_warc` only reads them.

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
from typing import Any, Dict, Iterable, Iterator, List, NamedTuple, Optional, Tuple, Union

from . import _extractor
from ._extractor import Block, Error, Extractor, Post, Result, Span, __version__

__all__ = [
    "Block",
    "Error",
    "Extractor",
    "Post",
    "Result",
    "Span",
    "WarcPages",
    "WarcRecord",
    "__version__",
    "extract",
    "extract_many",
    "extract_warc",
    "read_warc",
]

# The classes live in the native module; to users (reprs, tracebacks, pickle)
# they are extractor.X.
for _cls in (Block, Error, Extractor, Post, Result, Span):
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


def _thread_count(threads: Optional[int]) -> int:
    """The threads asked for, checked; one per usable core when None."""
    if threads is None:
        return _default_threads()
    if isinstance(threads, bool) or not isinstance(threads, int):
        raise TypeError(f"threads must be an int, not {type(threads).__name__}")
    if threads < 1:
        raise Error(f"threads must be >= 1, not {threads}")
    return threads


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
    threads = _thread_count(threads)
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


class WarcRecord(NamedTuple):
    """Where a page of a WARC file came from. ``source`` is ``"PATH@OFFSET"``,
    as the command names it; ``offset`` is where the record starts (the
    offset of its gzip member in a ``.warc.gz``, as crawl indexes give it);
    ``record_id``, ``target_uri`` (the page's URL) and ``date`` (the fetch
    date) are the record's WARC-Record-ID, WARC-Target-URI and WARC-Date;
    ``charset`` the HTTP header's. A damaged record has only ``source`` and
    ``offset``."""

    source: str
    offset: int
    record_id: Optional[str]
    target_uri: Optional[str]
    date: Optional[str]
    charset: Optional[str]


_MAX_RECORD = 64 << 20


def read_warc(path: Union[str, "os.PathLike[str]"], *,
              max_record_bytes: int = _MAX_RECORD
              ) -> Iterator[Tuple[WarcRecord, Optional[bytes], Optional[str]]]:
    """The HTML pages of a WARC file (``.warc`` or ``.warc.gz``, a gzip
    member per record or one gzip stream), in file order, as
    ``(record, html, error)``: ``html`` is the HTTP payload with chunked
    transfer and gzip/deflate content codings undone. Other records are
    skipped; a damaged record (truncated, corrupt, without Content-Length,
    over ``max_record_bytes``) comes as ``(record, None, message)`` and the
    reading goes on with the next one. The same reader as the command's."""
    reader = _extractor._WarcReader(os.fspath(path), max_record_bytes)
    for meta, html, error in reader:
        yield WarcRecord(*meta), html, error


class WarcPages:
    """The iterator :func:`extract_warc` returns: ``(WarcRecord, Result)``
    pairs in file order. ``counts`` says what the file held so far:
    ``{"records": n, "pages": n, "faults": n, "skipped": {why: n}}``."""

    def __init__(self, path: Union[str, "os.PathLike[str]"], ex: Extractor, threads: int,
                 max_record_bytes: int, reference_date: str) -> None:
        self._reader = _extractor._WarcReader(os.fspath(path), max_record_bytes)
        self._ex = ex
        self._threads = threads
        self._date = reference_date
        self._chunk: List[Tuple[Tuple[Any, ...], Result]] = []
        self._at = 0

    def __iter__(self) -> "WarcPages":
        return self

    def __next__(self) -> Tuple[WarcRecord, Result]:
        if self._at == len(self._chunk):
            # Enough pages per thread that a chunk's tail costs little.
            self._chunk = _extractor._extract_warc_chunk(
                self._ex, self._reader, self._threads, 64 * self._threads, self._date)
            self._at = 0
            if not self._chunk:
                raise StopIteration
        meta, result = self._chunk[self._at]
        self._chunk[self._at] = None  # type: ignore[call-overload]
        self._at += 1
        return WarcRecord(*meta), result

    @property
    def counts(self) -> Dict[str, Any]:
        return self._reader.counts

    def summary(self) -> str:
        """"12 pages from 40 records; skipped 14 request, ...; 1 fault"."""
        return self._reader.summary()


def extract_warc(path: Union[str, "os.PathLike[str]"], *, threads: Optional[int] = None,
                 max_record_bytes: Optional[int] = None,
                 reference_date: ReferenceDate = None, extractor: Optional[Extractor] = None,
                 **options: Any) -> WarcPages:
    """Extracts the HTML pages of a WARC file on native threads, without the
    GIL, and yields ``(WarcRecord, Result)`` in file order.

    Each page is extracted with its record's target URI as its URL, the HTTP
    charset as its declared charset and its WARC-Date as the reference date
    (unless ``reference_date`` is given). A damaged record yields a Result
    whose ``error`` says what (``"truncated record: 1200 of 5000 bytes"``)
    and costs no other record. ``threads`` defaults to the cores this
    process may use; ``max_record_bytes`` to ``max_input_bytes`` (64 MiB);
    ``options`` are those of :class:`Extractor` (or pass one as
    ``extractor``). The file is read as it goes: memory stays flat however
    large it is.

        pages = extractor.extract_warc("crawl.warc.gz")
        for record, result in pages:
            print(record.target_uri, result.title)
        print(pages.summary())
    """
    if extractor is not None and options:
        raise Error("extract_warc() takes an extractor or options, not both")
    ex = extractor if extractor is not None else _extractor_for(options)
    threads = _thread_count(threads)
    limit = max_record_bytes if max_record_bytes is not None else ex.options["max_input_bytes"]
    date = reference_date.isoformat() if isinstance(reference_date, datetime.date) else (
        reference_date or "")
    return WarcPages(path, ex, threads, limit, date)
