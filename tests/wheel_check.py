"""Checks an installed wheel from the outside, in the clean virtual
environment it was installed into (./build.sh wheel runs it there):

- the `extractor` command the wheel puts on the PATH runs (--version, and a
  page of the repository);
- the native module loads Gumbo, RE2 and ICU (every library but glibc's,
  libstdc++ and zlib) from inside the package (auditwheel's <dist>.libs), not from the system (ldd);
- the README's Python example runs and prints what the README shows.

    python tests/wheel_check.py REPO
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

NEEDED = ("libgumbo", "libre2", "libicuuc", "libicui18n", "libicudata")
# What the manylinux policy lets a wheel take from the system.
SYSTEM = ("linux-vdso", "libc.so", "libm.so", "libstdc++.so", "libgcc_s.so", "libz.so",
          "libpthread.so", "libdl.so", "librt.so", "ld-linux")


def fail(message: str) -> None:
    print(f"wheel_check: FAILED: {message}", file=sys.stderr)
    sys.exit(1)


def readme_example(readme: str):
    """The first ```python block of the README's "## Python" section, and
    the plain block after it (what it prints)."""
    section = readme.split("\n## Python\n", 1)[1]
    code = re.search(r"```python\n(.*?)```", section, re.S)
    shown = re.search(r"```\n(.*?)```", section[code.end():], re.S)
    return code.group(1), shown.group(1)


def main() -> int:
    repo = Path(sys.argv[1]).resolve()
    import extractor  # the installed package, not the source tree

    package = Path(extractor.__file__).resolve().parent
    if Path(sys.prefix).resolve() not in package.parents:
        fail(f"extractor was not imported from this environment ({package})")
    print(f"wheel_check: extractor {extractor.__version__} from {package}")

    # The console script.
    command = shutil.which("extractor")
    if command is None or Path(command).parent != Path(sys.executable).parent:
        fail(f"the extractor command is not the environment's own ({command})")
    version = subprocess.run([command, "--version"], capture_output=True, text=True)
    if version.returncode != 0 or version.stdout.strip() != f"extractor {extractor.__version__}":
        fail(f"extractor --version: {version.returncode} {version.stdout!r} {version.stderr!r}")
    page = subprocess.run([command, "-f", "text", str(repo / "examples/pages/news-article.html")],
                          capture_output=True, text=True)
    if page.returncode != 0 or "rail yard" not in page.stdout:
        fail(f"extractor on the example page: {page.returncode} {page.stderr}")
    print(f"wheel_check: {version.stdout.strip()} ({command})")

    # The shared libraries come from the wheel.
    module = next(package.glob("_extractor*.so"))
    ldd = subprocess.run(["ldd", str(module)], capture_output=True, text=True).stdout
    site = package.parent
    for lib in NEEDED:
        line = next((l for l in ldd.splitlines() if l.strip().startswith(lib)), None)
        if line is None or "=>" not in line:
            fail(f"{module.name} does not link {lib}:\n{ldd}")
        where = Path(line.split("=>")[1].split("(")[0].strip())
        if site not in where.parents or "not found" in line:
            fail(f"{lib} is loaded from {where}, not from the wheel:\n{ldd}")
        print(f"wheel_check: {lib} -> {where.relative_to(site)}")
    for line in ldd.splitlines():
        name = line.strip().split(" ")[0]
        if name.startswith(SYSTEM) or "=>" not in line:
            continue
        where = Path(line.split("=>")[1].split("(")[0].strip())
        if site not in where.parents:
            fail(f"{name} is loaded from the system ({where}), not from the wheel")

    # The README's example, run where the README runs it (the repository).
    code, shown = readme_example((repo / "README.md").read_text(encoding="utf-8"))
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=repo,
                         env={**os.environ, "PYTHONPATH": ""})
    if run.returncode != 0:
        fail(f"the README's Python example failed:\n{run.stderr}")
    if run.stdout != shown:
        fail(f"the README's Python example printed\n{run.stdout}\nnot\n{shown}")
    print("wheel_check: the README's Python example prints what the README shows")
    print("wheel_check: 4 passed, 0 failed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
