#!/usr/bin/env python3
"""The shape of the code: files and functions short enough to read.

    code_shape.py SOURCE_DIR
    code_shape.py --self-test   the check itself, on a tree it writes

Fails (exit 1, one line per offence) when
  - a file under lib/ is over 800 lines, or one under bindings/ over 500;
  - a function under lib/ or bindings/ is over 150 lines (lizard's length:
    from its signature to its closing brace, comments and blank lines
    included).
Generated tables (*.inc: the trained models) are data, not code, and are
left out. Functions are found by lizard (PyPI); without it the check is
skipped (exit 77, ctest's "skipped"): `./build.sh test` installs it.
"""
import os
import sys

LIMITS = {  # folder: most lines a file may have
    "lib": 800,
    "bindings": 500,
}
MAX_FUNCTION_LINES = 150
SOURCE_ENDINGS = (".cc", ".h", ".py", ".pyi")
EXCLUDED_ENDINGS = (".inc",)


def source_files(root, folder):
    for top, dirs, files in os.walk(os.path.join(root, folder)):
        dirs[:] = sorted(d for d in dirs if d != "__pycache__")
        for name in sorted(files):
            if name.endswith(SOURCE_ENDINGS) and not name.endswith(EXCLUDED_ENDINGS):
                yield os.path.join(top, name)


def check(root, lizard):
    """The offences under root, one line each, and how many files were read."""
    offences = []
    checked = 0
    for folder, max_lines in LIMITS.items():
        for path in source_files(root, folder):
            checked += 1
            rel = os.path.relpath(path, root)
            with open(path, encoding="utf-8", errors="replace") as f:
                lines = sum(1 for _ in f)
            if lines > max_lines:
                offences.append(f"{rel}: {lines} lines (at most {max_lines} under {folder}/)")
            for fn in lizard.analyze_file(path).function_list:
                if fn.length > MAX_FUNCTION_LINES:
                    offences.append(
                        f"{rel}:{fn.start_line}: {fn.name} is {fn.length} lines "
                        f"(at most {MAX_FUNCTION_LINES})")
    return offences, checked


def self_test(lizard):
    """A tree with one of each offence, and what may not count as one."""
    import tempfile

    def write(root, rel, text):
        path = os.path.join(root, rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)

    def function(name, body_lines):
        return f"int {name}() {{\n" + "  ++x;\n" * body_lines + "  return x;\n}\n"

    with tempfile.TemporaryDirectory() as root:
        write(root, "lib/long.cc", "int x;\n" * 801)
        write(root, "lib/fits.cc", "int x;\n" * 800)
        write(root, "lib/model.inc", function("table", 3000))  # generated: not read
        write(root, "lib/steps.cc", function("too_long", 148) + function("fits", 147))
        write(root, "bindings/cli/long.cc", "int x;\n" * 501)
        write(root, "bindings/python/m.py",
              "def too_long():\n" + "    x = 1\n" * 150 + "\n\ndef fits():\n    return 1\n")
        offences, checked = check(root, lizard)
    expected = [
        "lib/long.cc: 801 lines",
        "lib/steps.cc:1: too_long is 151 lines",
        "bindings/cli/long.cc: 501 lines",
        "bindings/python/m.py:1: too_long is 151 lines",
    ]
    problems = []
    if checked != 5:
        problems.append(f"read {checked} files, not 5 (*.inc must be left out)")
    for e in expected:
        if not any(o.startswith(e) for o in offences):
            problems.append(f"missed: {e}")
    if len(offences) != len(expected):
        problems.append(f"found {len(offences)} offences, not {len(expected)}: {offences}")
    for p in problems:
        print("code_shape --self-test:", p)
    return 1 if problems else 0


def main(argv):
    if len(argv) != 2:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    try:
        import lizard
    except ImportError:
        print("code_shape: skipped: needs lizard (pip install lizard)", file=sys.stderr)
        return 77
    if argv[1] == "--self-test":
        return self_test(lizard)
    root = argv[1]
    offences, checked = check(root, lizard)
    if checked == 0:
        print(f"code_shape: no source files under {root}", file=sys.stderr)
        return 1
    for o in offences:
        print(o)
    print(f"code_shape: {checked} files, {len(offences)} over the limits")
    return 1 if offences else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
