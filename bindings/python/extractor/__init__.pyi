"""Type stubs for extractor: the options spelled out (at run time they are
**options, so that an unknown one raises extractor.Error)."""

import datetime
from typing import Iterable, List, Literal, Optional, Tuple, Union

from ._extractor import Block as Block
from ._extractor import Error as Error
from ._extractor import Extractor as Extractor
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
    "Result",
    "Span",
    "__version__",
    "extract",
    "extract_many",
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
