"""``python -m extractor``: the extractor command-line tool (see extractor._cli)."""

import sys

from ._cli import main

if __name__ == "__main__":
    sys.exit(main())
