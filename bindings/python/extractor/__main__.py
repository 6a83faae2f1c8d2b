"""``python -m extractor``: the ``extractor`` command.

Not a second implementation: the module runs the command-line tool's own C++
code (bindings/cli, linked into extractor._extractor), so that both are one
program, flag for flag and byte for byte.
"""

from __future__ import annotations

import signal
import sys
from typing import List, Optional, Sequence

from ._extractor import _run_cli


def main(argv: Optional[Sequence[str]] = None) -> int:
    """Runs the command with `argv` (default: sys.argv[1:]); returns its exit
    status: 0, 1 when an input failed, 2 for bad usage, 141 on a closed pipe."""
    args: List[str] = ["extractor", *(sys.argv[1:] if argv is None else argv)]
    for stream in (sys.stdout, sys.stderr):
        if stream is not None:
            stream.flush()
    # As for the executable: Ctrl-C ends the command at once (the work runs in
    # C++ without the GIL, where Python's handler would not be heard).
    if signal.getsignal(signal.SIGINT) is signal.default_int_handler:
        signal.signal(signal.SIGINT, signal.SIG_DFL)
    return _run_cli(args)


if __name__ == "__main__":
    sys.exit(main())
