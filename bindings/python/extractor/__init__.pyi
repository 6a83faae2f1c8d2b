"""Type stubs for extractor: the options spelled out (at run time they are
**options, so that an unknown one raises extractor.Error)."""

import datetime
import os
from typing import Any, Dict, Iterable, Iterator, List, Literal, NamedTuple, Optional, Tuple, Union

from ._extractor import Block as Block
from ._extractor import Error as Error
from ._extractor import Extractor as Extractor
from ._extractor import Post as Post
from ._extractor import Result as Result
from ._extractor import Span as Span
from ._extractor import __version__ as __version__

_Format = Literal["text", "markdown", "html", "json"]
_Focus = Literal["precision", "balanced", "recall"]
Html = Union[str, bytes, bytearray, memoryview]
Page = Union[Html, Tuple[Html, Optional[str]], Tuple[Html, Optional[str], Optional[str]]]
ReferenceDate = Union[str, datetime.date, None]

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

def _default_threads() -> int: ...
def extract(
    html: Html,
    url: Optional[str] = None,
    *,
    charset: Optional[str] = None,
    reference_date: ReferenceDate = None,
    format: Optional[_Format] = ...,
    include_comments: Optional[bool] = ...,
    focus: Optional[_Focus] = ...,
    include_tables: Optional[bool] = ...,
    include_images: Optional[bool] = ...,
    include_links: Optional[bool] = ...,
    max_input_bytes: Optional[int] = ...,
    max_depth: Optional[int] = ...,
    explain: Optional[bool] = ...,
) -> Result:
    """Extracts the article from one page (see extractor.extract)."""

def extract_many(
    pages: Iterable[Page],
    *,
    threads: Optional[int] = None,
    charset: Optional[str] = None,
    reference_date: ReferenceDate = None,
    format: Optional[_Format] = ...,
    include_comments: Optional[bool] = ...,
    focus: Optional[_Focus] = ...,
    include_tables: Optional[bool] = ...,
    include_images: Optional[bool] = ...,
    include_links: Optional[bool] = ...,
    max_input_bytes: Optional[int] = ...,
    max_depth: Optional[int] = ...,
    explain: Optional[bool] = ...,
) -> List[Result]:
    """Extracts many pages on native threads (see extractor.extract_many)."""

class WarcRecord(NamedTuple):
    """Where a page of a WARC file came from (see extractor.WarcRecord)."""

    source: str
    offset: int
    record_id: Optional[str]
    target_uri: Optional[str]
    date: Optional[str]
    charset: Optional[str]

class WarcPages:
    """(WarcRecord, Result) pairs in file order (see extractor.extract_warc)."""

    def __init__(
        self,
        path: Union[str, os.PathLike[str]],
        ex: Extractor,
        threads: int,
        max_record_bytes: int,
        reference_date: str,
    ) -> None: ...
    def __iter__(self) -> WarcPages: ...
    def __next__(self) -> Tuple[WarcRecord, Result]: ...
    @property
    def counts(self) -> Dict[str, Any]: ...
    def summary(self) -> str: ...

def read_warc(
    path: Union[str, os.PathLike[str]], *, max_record_bytes: int = ...
) -> Iterator[Tuple[WarcRecord, Optional[bytes], Optional[str]]]:
    """The HTML pages of a WARC file (see extractor.read_warc)."""

def extract_warc(
    path: Union[str, os.PathLike[str]],
    *,
    threads: Optional[int] = None,
    max_record_bytes: Optional[int] = None,
    reference_date: ReferenceDate = None,
    extractor: Optional[Extractor] = None,
    format: Optional[_Format] = ...,
    include_comments: Optional[bool] = ...,
    focus: Optional[_Focus] = ...,
    include_tables: Optional[bool] = ...,
    include_images: Optional[bool] = ...,
    include_links: Optional[bool] = ...,
    max_input_bytes: Optional[int] = ...,
    max_depth: Optional[int] = ...,
) -> WarcPages:
    """Extracts the HTML pages of a WARC file (see extractor.extract_warc)."""
