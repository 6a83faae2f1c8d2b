"""Shared fixtures for the Python suite.

Pages come from tests/data (fixture pages written by us, with .expect files)
and examples/pages; nothing here reads ../shared/datasets.

Run against an installed module (`pip install .`, then `python -m pytest`
from the repository root) or a CMake build tree
(`PYTHONPATH=<build>/bindings/python python -m pytest bindings/python/tests`).
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Dict, List

import pytest

REPO = Path(__file__).resolve().parents[3]
DATA = REPO / "tests" / "data"
EXAMPLE = REPO / "examples" / "pages" / "news-article.html"


def pytest_report_header(config):
    import extractor

    return f"extractor {extractor.__version__} from {Path(extractor.__file__).parent}"


def read(name: str) -> bytes:
    """The bytes of tests/data/NAME.html."""
    return (DATA / f"{name}.html").read_bytes()


def fixture_names() -> List[str]:
    return sorted(p.stem for p in DATA.glob("*.html"))


def parse_expect(path: Path) -> Dict[str, List[str]]:
    """Sections of an .expect file (format: tests/e2e_test.cc), as lists of
    lines. The C++ e2e test checks them all; this suite borrows a few."""
    sections: Dict[str, List[str]] = {}
    current = None
    for raw in path.read_text(encoding="utf-8").splitlines():
        if raw.startswith("#"):
            continue
        line = raw.strip()
        m = re.fullmatch(r"\[([a-z_]+)\]", line)
        if m:
            current = m.group(1)
            sections.setdefault(current, [])
            continue
        if not line or current is None:
            continue
        if line.startswith("\\"):
            line = line[1:]
        sections[current].append(line)
    return sections


def squash(s: str) -> str:
    """Whitespace runs (ASCII and U+00A0) to one space, as the e2e test does."""
    return re.sub(r"[\s\u00a0]+", " ", s).strip()


@pytest.fixture(scope="session")
def example_bytes() -> bytes:
    return EXAMPLE.read_bytes()


def article_page(paragraphs: int = 6, word: str = "article", title: str = "A title") -> str:
    """A small, plain article page: enough running text to be found."""
    body = "\n".join(
        f"<p>This is paragraph {i} of the {word}, a sentence long enough to read as "
        f"prose, with commas, a clause or two, and a full stop at its end.</p>"
        for i in range(paragraphs))
    return (f"<!doctype html><html><head><title>{title}</title></head><body>"
            f"<nav><a href='/'>Home</a> <a href='/about'>About</a></nav>"
            f"<article><h1>{title}</h1>{body}</article>"
            f"<footer>Copyright 2024</footer></body></html>")
