"""The typing files ship, match the module (mypy's stubtest), and type a
user's code (mypy --strict). The mypy checks are skipped without mypy."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

import extractor

HERE = Path(__file__).resolve().parent

USER_CODE = '''
import datetime
from typing import List, Optional
import extractor

ex = extractor.Extractor(focus="recall", format="markdown", include_links=True)
r: extractor.Result = ex.extract(b"<p>x</p>", "https://example.com/", charset="utf-8",
                                 reference_date=datetime.date(2024, 1, 2))
title: Optional[str] = r.title
authors: List[str] = r.authors
kinds = [b.kind for b in r.blocks if b.label == "content"]
rs: List[extractor.Result] = extractor.extract_many(["<p>a</p>", ("<p>b</p>", None)], threads=2)
d = rs[0].to_dict()
again = extractor.Result.from_dict(d)
try:
    extractor.extract("<p>x</p>", include_comments=True, max_depth=64)
except extractor.Error as e:
    code: Optional[str] = e.code
'''

BAD_CODE = '''
import extractor
extractor.extract("<p>x</p>", focus="fast")
extractor.Extractor(include_coments=True)
'''


def test_typing_files_ship():
    pkg = Path(extractor.__file__).parent
    for name in ("py.typed", "__init__.pyi", "_extractor.pyi"):
        assert (pkg / name).is_file(), name


def _mypy(*args, cwd):
    pytest.importorskip("mypy")
    env = dict(os.environ)
    env["PYTHONPATH"] = str(Path(extractor.__file__).parent.parent)
    return subprocess.run([sys.executable, "-m", *args], capture_output=True, text=True,
                          cwd=cwd, env=env, timeout=300)


def test_stubs_match_the_module(tmp_path):
    p = _mypy("mypy.stubtest", "extractor", "--allowlist",
              str(HERE / "stubtest_allowlist.txt"), cwd=tmp_path)
    assert p.returncode == 0, p.stdout + p.stderr


def test_stubs_type_user_code(tmp_path):
    (tmp_path / "good.py").write_text(USER_CODE)
    p = _mypy("mypy", "--strict", "--no-incremental", "good.py", cwd=tmp_path)
    assert p.returncode == 0, p.stdout + p.stderr
    (tmp_path / "bad.py").write_text(BAD_CODE)
    p = _mypy("mypy", "--no-incremental", "bad.py", cwd=tmp_path)
    assert p.returncode == 1
    assert "'fast'" in p.stdout and "include_coments" in p.stdout
