"""python -m extractor: the command-line tool, run from the module.

The module links the command's own C++ code (bindings/cli) and
``python -m extractor`` only hands it the arguments, so the two are one
program. The tests below use the command through Python; where the
executable is built (EXTRACTOR_CLI, else <repo>/build/extractor), the last
ones show that it and ``python -m extractor`` are the same program."""

from __future__ import annotations

import gzip
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import extractor
from conftest import DATA, EXAMPLE, REPO, read

PY = [sys.executable, "-m", "extractor"]


def run(args, cmd=None, stdin=b"", cwd=None):
    return subprocess.run((cmd or PY) + [str(a) for a in args], input=stdin,
                          capture_output=True, cwd=cwd, timeout=120)


def cpp_cli():
    path = os.environ.get("EXTRACTOR_CLI") or str(REPO / "build" / "extractor")
    return [path] if os.access(path, os.X_OK) else None


@pytest.fixture()
def pages(tmp_path):
    """A directory with pages, a gzipped one, a non-page and a subdirectory."""
    d = tmp_path / "pages"
    (d / "sub").mkdir(parents=True)
    shutil.copy(DATA / "news-seed.html", d / "b.html")
    shutil.copy(DATA / "blog-comments.html", d / "sub" / "a.htm")
    (d / "c.html.gz").write_bytes(gzip.compress(read("russian-windows1251")))
    (d / "notes.txt").write_text("not a page")
    (d / ".html").write_text("a name that is only an extension")
    return d


def test_single_file_text():
    p = run(["-f", "text", EXAMPLE])
    assert p.returncode == 0, p.stderr
    assert p.stdout.decode() == extractor.extract(EXAMPLE.read_bytes()).text + "\n"


def test_default_format_is_text_on_a_terminal_and_json_lines_in_a_pipe():
    """The count of inputs never changes the format of what a program reads:
    one page in a pipe is a JSON line, as each of several is."""
    import pty

    controller, terminal = pty.openpty()
    try:
        p = subprocess.run(PY + [str(EXAMPLE)], stdout=terminal, stderr=subprocess.PIPE,
                           timeout=120)
        os.close(terminal)
        shown = b""
        while True:
            try:
                chunk = os.read(controller, 65536)
            except OSError:  # the terminal's other end is closed
                break
            if not chunk:
                break
            shown += chunk
    finally:
        os.close(controller)
    assert p.returncode == 0, p.stderr
    text = extractor.extract(EXAMPLE.read_bytes()).text
    assert shown.decode().replace("\r\n", "\n") == text + "\n"
    piped = run([EXAMPLE])
    line = json.loads(piped.stdout)
    assert line["source"] == str(EXAMPLE) and line["text"] == text


def test_stdin_and_url():
    url = "https://www.example.com/news/2024/05/14/rail-yard-park"
    p = run(["-f", "json", "--url", url, "-"], stdin=EXAMPLE.read_bytes())
    assert p.returncode == 0, p.stderr
    expected = extractor.extract(EXAMPLE.read_bytes(), url)
    assert p.stdout.decode() == expected.to_json(source="-", pretty=True) + "\n"


def test_directory_is_jsonl_in_order(pages):
    p = run([pages])
    assert p.returncode == 0, p.stderr
    lines = [json.loads(line) for line in p.stdout.decode().splitlines()]
    names = [Path(line["source"]).relative_to(pages).as_posix() for line in lines]
    assert names == ["b.html", "c.html.gz", "sub/a.htm"]
    assert lines[1]["title"] == extractor.extract(read("russian-windows1251")).title


def test_formats_and_flags(tmp_path):
    r = extractor.extract(read("blog-comments"), include_comments=True)
    p = run(["-f", "markdown", "-m", "--include-comments", DATA / "blog-comments.html"])
    out = p.stdout.decode()
    assert out.startswith(f"# {r.title}\n\n")
    assert out.endswith(r.markdown + "\n\n## Comments\n\n" + r.comments + "\n")
    p = run(["-f", "html", "-o", tmp_path / "out.html", EXAMPLE])
    assert p.stdout == b""
    assert (tmp_path / "out.html").read_text() == extractor.extract(EXAMPLE.read_bytes()).html
    p = run(["-f", "json", "--full", "--blocks", "--focus", "recall", "--links", "--no-images",
             "--no-tables", "-j", "1", EXAMPLE])
    j = json.loads(p.stdout)
    r = extractor.extract(EXAMPLE.read_bytes(), focus="recall", include_links=True,
                          include_images=False, include_tables=False)
    assert j["markdown"] == r.markdown and len(j["blocks"]) == len(r.blocks)


def test_charset_flag():
    latin = ("<html><body><article>" + "<p>Un caf\u00e9 noir, un caf\u00e9 cr\u00e8me, "
             "et un caf\u00e9 au lait, servis au comptoir comme chaque matin.</p>" * 5
             + "</article></body></html>").encode("latin-1")
    p = run(["--charset", "iso-8859-1", "-"], stdin=latin)
    assert "caf\u00e9" in p.stdout.decode()


def test_errors(tmp_path, pages):
    missing = tmp_path / "missing.html"
    p = run([pages / "b.html", missing, "-f", "jsonl"])
    assert p.returncode == 1
    assert f"extractor: {missing}: No such file or directory" in p.stderr.decode()
    lines = [json.loads(line) for line in p.stdout.decode().splitlines()]
    assert lines[0]["text"] and "error" not in lines[0]
    assert lines[1]["error"] == "No such file or directory" and lines[1]["text"] == ""
    p = run(["--url", "https://example.com/", pages])
    assert p.returncode == 2 and b"--url applies to a single input" in p.stderr
    p = run(["--format", "pdf", EXAMPLE])
    assert p.returncode == 2
    p = run(["--version"])
    assert p.returncode == 0 and p.stdout.decode().strip() == f"extractor {extractor.__version__}"
    p = run(["-o", tmp_path / "no" / "such" / "dir", EXAMPLE])
    assert p.returncode == 2 and b"cannot write" in p.stderr


def test_closed_pipe_is_quiet(pages):
    head = subprocess.Popen(PY + [str(pages), str(pages), str(pages)] * 20,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    head.stdout.read(10)
    head.stdout.close()
    assert head.wait(timeout=120) in (0, 141)
    assert b"Traceback" not in head.stderr.read()


# ---------------------------------------------------------------------------
# One program: the launcher holds no logic, and the executable and
# `python -m extractor` answer alike down to the byte.
# ---------------------------------------------------------------------------

def test_the_launcher_only_hands_over_the_arguments(monkeypatch):
    import extractor.__main__ as launcher

    calls = []
    monkeypatch.setattr(launcher, "_run_cli", lambda args: calls.append(args) or 7)
    assert launcher.main(["-f", "json", "a.html"]) == 7
    assert calls == [["extractor", "-f", "json", "a.html"]]
    monkeypatch.setattr(sys, "argv", ["/some/path/__main__.py", "--version"])
    assert launcher.main() == 7
    assert calls[-1] == ["extractor", "--version"]


def test_the_command_is_native_code():
    # No argument parser, no reader of files, no writer of documents in Python.
    source = Path(extractor.__file__).with_name("__main__.py").read_text()
    for word in ("argparse", "open(", "to_json", ".extract", "Extractor("):
        assert word not in source, word
    assert not Path(extractor.__file__).with_name("_cli.py").exists()


# Answers that come from the command's definition (its flags, their help,
# their checks) rather than from pages.
SAME_PROGRAM = [
    ["--help"],
    ["--version"],
    ["--no-such-flag"],
    ["--format", "yaml", "{example}"],
    ["--focus", "sideways", "{example}"],
    ["--max-input-bytes", "0", "{example}"],
    ["--url", "https://x.example/", "{pages}"],
    ["-o", "{tmp}/no/such/dir/out", "{example}"],
    ["{example}"],
    ["-f", "json", "--full", "--blocks", "--url", "https://x.example/2020/01/02/a", "{example}"],
    ["--include-comments", "-f", "markdown", "-m", "{data}/blog-comments.html"],
    ["-f", "text", "-m", "{pages}"],
    ["-j", "1", "{pages}", "{missing}"],
    ["--charset", "windows-1251", "--max-input-bytes", "4000", "{data}"],
    ["--explain", "{example}"],
    ["--explain", "--include-comments", "{data}/blog-comments.html"],
    ["--explain", "{pages}"],
    ["--explain", "{missing}"],
]


@pytest.mark.parametrize("args", SAME_PROGRAM, ids=lambda a: " ".join(a))
def test_python_m_extractor_is_the_executable(args, pages, tmp_path):
    cli = cpp_cli()
    if cli is None:
        pytest.skip("C++ tool not built (set EXTRACTOR_CLI or build into <repo>/build)")
    subst = {"example": EXAMPLE, "data": DATA, "pages": pages, "missing": tmp_path / "nope.html",
             "tmp": tmp_path}
    argv = [a.format(**subst) for a in args]
    want = run(argv, cmd=cli)
    got = run(argv)
    assert got.returncode == want.returncode, got.stderr
    assert got.stdout == want.stdout
    assert got.stderr == want.stderr
    assert want.stdout or want.stderr  # each case says something


def test_version_is_the_build_s():
    p = run(["--version"])
    assert p.stdout.decode() == f"extractor {extractor.__version__}\n"
    assert re.fullmatch(r"[0-9]+\.[0-9]+\.[0-9]+", extractor.__version__)
    cmake = (REPO / "CMakeLists.txt").read_text()
    assert re.search(r"project\(extractor VERSION " + re.escape(extractor.__version__) + r"\b",
                     cmake)


def test_installed_console_script_is_the_same_program():
    script = Path(sys.executable).with_name("extractor")
    if not script.exists():
        pytest.skip("no console script next to this Python (not installed with pip)")
    for args in (["--version"], ["-f", "json", EXAMPLE]):
        assert run(args, cmd=[str(script)]).stdout == run(args).stdout
