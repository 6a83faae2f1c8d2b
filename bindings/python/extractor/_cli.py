"""``python -m extractor``: the ``extractor`` command, written over this module.

It follows bindings/cli/main.cc flag for flag and byte for byte (the JSON
comes from the same renderer through ``Result.to_json``): files, directories
(searched recursively for *.html, *.htm, *.xhtml, also gzipped) and ``-`` for
standard input; text, Markdown, HTML, JSON or JSON Lines out, in input order;
exit status 1 when an input failed, 2 for bad usage. No extraction logic
lives here.
"""

from __future__ import annotations

import argparse
import gzip
import os
import sys
import zlib
from typing import BinaryIO, List, Optional, Sequence, Tuple

from . import Extractor, Page, Result, __version__, _default_threads
from ._extractor import _markdown_escape

_PAGE_EXTENSIONS = (".html", ".htm", ".xhtml")


def _has_page_extension(name: str) -> bool:
    name = os.path.basename(name).lower()
    if len(name) > 3 and name.endswith(".gz"):
        name = name[:-3]
    return any(len(name) > len(ext) and name.endswith(ext) for ext in _PAGE_EXTENSIONS)


def _list_inputs(args: Sequence[str]) -> List[Tuple[str, Optional[str]]]:
    """(name, error) per input: directories expanded recursively, sorted, with
    symlinked directories not followed (so that loops cannot happen)."""
    inputs: List[Tuple[str, Optional[str]]] = []
    for arg in args:
        if arg != "-" and os.path.isdir(arg):
            found = []
            for root, _dirs, files in os.walk(arg, followlinks=False):
                for f in files:
                    path = os.path.join(root, f)
                    if os.path.isfile(path) and _has_page_extension(path):
                        found.append(path)
            found.sort(key=os.fsencode)  # byte order, as the C++ tool sorts
            inputs.extend((f, None) for f in found)
        else:
            inputs.append((arg, None))
    return inputs


def _limit_error(limit: int) -> str:
    return f"input exceeds the size limit of {limit} bytes"


def _read_input(name: str, limit: int) -> Tuple[Optional[bytes], Optional[str]]:
    """(bytes, None) or (None, error): a file, gunzipped if *.gz, or stdin;
    more than `limit` bytes is an error."""
    try:
        if name == "-":
            data = sys.stdin.buffer.read(limit + 1)
        elif os.path.isdir(name):
            return None, "is a directory"
        else:
            with open(name, "rb") as f:
                if name.endswith(".gz") and len(name) > 3:
                    magic = f.read(2)
                    f.seek(0)
                    if magic == b"\x1f\x8b":
                        try:
                            with gzip.GzipFile(fileobj=f) as z:
                                data = z.read(limit + 1)
                        except EOFError:
                            return None, "gzip: unexpected end of file"
                        except (OSError, zlib.error) as e:
                            return None, f"gzip: {e}"
                    else:  # zlib reads a file that is not gzipped as it is
                        data = f.read(limit + 1)
                else:
                    data = f.read(limit + 1)
    except OSError as e:
        return None, e.strerror or str(e)
    if len(data) > limit:
        return None, _limit_error(limit)
    return data, None


def _text_header(r: Result) -> str:
    h = ""
    for key, value in (("title", r.title), ("author", r.author), ("date", r.date),
                       ("site", r.site_name), ("url", r.url)):
        if value:
            h += f"{key}: {value}\n"
    return h + "\n" if h else h


class _Settings:
    def __init__(self, args: argparse.Namespace, multiple: bool) -> None:
        self.format: str = args.format or ("jsonl" if multiple else "text")
        self.with_metadata: bool = args.with_metadata
        self.full: bool = args.full
        self.blocks: bool = args.blocks
        self.multiple = multiple
        self.url: Optional[str] = args.url
        self.charset: Optional[str] = args.charset
        self.reference_date: Optional[str] = args.reference_date


def _error_output(name: str, message: str, s: _Settings) -> bytes:
    """The JSON/JSONL line of an input that failed: the keys of an empty
    result plus "error", as the C++ tool writes it."""
    if s.format not in ("json", "jsonl"):
        return b""
    json = Result().to_json(source=name, full=s.full, blocks=s.blocks)[:-1]
    escaped = "".join(("\\" + c) if c in '"\\' else c for c in message if ord(c) >= 0x20)
    return (json + ',"error":"' + escaped + '"}\n').encode("utf-8", "surrogateescape")


def _comment_safe(name: str) -> str:
    """A name inside an HTML comment: "--" would end the comment there."""
    while "--" in name:
        name = name.replace("--", "- -", 1)
    return name


def _one_line(text: str) -> str:
    """Line breaks inside a title or byline would end a Markdown heading."""
    return text.replace("\n", " ").replace("\r", " ")


def _output(name: str, r: Result, s: _Settings) -> bytes:
    if s.format == "text":
        out = f"==> {name} <==\n" if s.multiple else ""
        if s.with_metadata:
            out += _text_header(r)
        out += r.text
        if r.comments:
            out += "\n\n--- comments ---\n\n" + r.comments
        out += "\n\n" if s.multiple else "\n"
    elif s.format == "markdown":
        out = f"<!-- {_comment_safe(name)} -->\n" if s.multiple else ""
        if s.with_metadata and r.title:
            out += f"# {_markdown_escape(_one_line(r.title))}\n\n"
            line = r.author or ""
            if r.date:
                line += (" · " if line else "") + r.date
            if line:
                out += f"*{_markdown_escape(_one_line(line))}*\n\n"
        out += r.markdown
        if r.comments:
            out += "\n\n## Comments\n\n" + _markdown_escape(r.comments)
        out += "\n\n" if s.multiple else "\n"
    elif s.format == "html":
        out = r.html
    else:
        pretty = s.format == "json" and not s.multiple
        out = r.to_json(source=name, full=s.full, blocks=s.blocks, pretty=pretty) + "\n"
    return out.encode("utf-8", "surrogateescape")


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="extractor",
        description="Extracts the article (text, title, authors, date) from saved web pages. "
        "Inputs are files, directories (searched recursively for *.html, *.htm, *.xhtml, "
        "also gzipped) or - for standard input.")
    p.add_argument("inputs", nargs="*", metavar="FILE|DIR|-", help="inputs (default: -)")
    p.add_argument("-f", "--format", choices=["text", "markdown", "html", "json", "jsonl"],
                   help="default: text for one input, jsonl for several")
    p.add_argument("-u", "--url", help="the page's URL (one input only)")
    p.add_argument("--charset", help="decode the input(s) as this charset")
    p.add_argument("--reference-date", metavar="YYYY-MM-DD",
                   help="the day relative dates count from, and the latest date a page "
                        "may carry (default: today)")
    p.add_argument("--include-comments", action="store_true",
                   help="keep comment threads, after the article")
    p.add_argument("--focus", choices=["precision", "balanced", "recall"], default="balanced",
                   help="precision, balanced (default) or recall")
    p.add_argument("--links", action="store_true", help="keep link targets in Markdown/HTML")
    p.add_argument("--no-images", action="store_true", help="leave images out of Markdown/HTML")
    p.add_argument("--no-tables", action="store_true", help="leave tables out")
    p.add_argument("-m", "--with-metadata", action="store_true",
                   help="text/markdown: title, author, date before the text")
    p.add_argument("--full", action="store_true",
                   help="json: add markdown, description, tags, sources, ...")
    p.add_argument("--blocks", action="store_true",
                   help="json: add every block with its label and score")
    p.add_argument("-o", "--output", metavar="FILE",
                   help="write to FILE instead of standard output")
    p.add_argument("-j", "--threads", type=int, default=0,
                   help="worker threads (default: all cores)")
    p.add_argument("--version", action="version", version=f"extractor {__version__}")
    return p


def main(argv: Optional[Sequence[str]] = None) -> int:
    """Runs the command with `argv` (default: sys.argv[1:]); returns the exit
    status: 0, 1 when an input failed, 2 for bad usage, 141 on a closed pipe."""
    parser = _parser()
    args = parser.parse_args(argv)
    if args.threads < 0:
        parser.error("argument -j/--threads: must be >= 0")
    names: List[str] = args.inputs or ["-"]
    inputs = _list_inputs(names)
    multiple = (len(inputs) != 1 or len(names) != 1
                or (names[0] != "-" and os.path.isdir(names[0])))
    if multiple and args.url:
        sys.stderr.write("extractor: --url applies to a single input\n")
        return 2
    s = _Settings(args, multiple)

    out: BinaryIO
    if args.output:
        try:
            out = open(args.output, "wb")
        except OSError as e:
            sys.stderr.write(f"extractor: cannot write {args.output}: {e.strerror}\n")
            return 2
    else:
        out = sys.stdout.buffer

    ex = Extractor(include_comments=args.include_comments, focus=args.focus,
                   include_links=args.links, include_images=not args.no_images,
                   include_tables=not args.no_tables)
    limit: int = ex.options["max_input_bytes"]
    threads = min(args.threads or _default_threads(), len(inputs))
    window = 8 * max(1, threads)  # inputs held in memory at once

    status = 0
    try:
        for start in range(0, len(inputs), window):
            chunk = inputs[start:start + window]
            read = [(None, err) if err else _read_input(name, limit) for name, err in chunk]
            todo = [i for i, (data, _) in enumerate(read) if data is not None]
            batch: List[Page] = [(read[i][0] or b"", s.url) for i in todo]
            results = ex.extract_many(batch, threads=threads, charset=s.charset,
                                         reference_date=s.reference_date) if todo else []
            by_index = dict(zip(todo, results))
            for i, (name, _) in enumerate(chunk):
                r = by_index.get(i)
                error = read[i][1] if r is None else r.error
                if error:
                    sys.stderr.write(f"extractor: {name}: {error}\n")
                    sys.stderr.flush()
                    status = 1
                    data = _error_output(name, error, s)
                else:
                    assert r is not None
                    data = _output(name, r, s)
                if data:
                    out.write(data)
        out.flush()
        if out is not sys.stdout.buffer:
            out.close()
    except BrokenPipeError:
        # Like the C++ tool: a closed pipe (| head) ends quietly, status 141.
        try:
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
        except OSError:
            pass
        return 141
    except OSError as e:
        where = args.output or "standard output"
        sys.stderr.write(f"extractor: cannot write {where}: {e.strerror}\n")
        return 1
    return status
