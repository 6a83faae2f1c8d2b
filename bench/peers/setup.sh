#!/usr/bin/env bash
# Installs the peer extractors (see README.md) into an isolated directory, outside the
# library's own dependencies:
#   $EXTRACTOR_PEERS_DIR/venv   Python venv: trafilatura, readability-lxml, jusText, resiliparse
#   $EXTRACTOR_PEERS_DIR/node   npm prefix:  @mozilla/readability, jsdom
# EXTRACTOR_PEERS_DIR defaults to build/peers under the repository root.
# Idempotent: a part whose pinned versions are already installed is skipped.
# Needs python3 (>= 3.9) with the venv module (Debian: apt-get install python3-venv),
# node (>= 18) and npm (Debian: apt-get install nodejs npm). Registries: PyPI and npm.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
dir="${EXTRACTOR_PEERS_DIR:-$root/build/peers}"
mkdir -p "$dir"
dir="$(cd "$dir" && pwd)"
python="${PYTHON:-python3}"

say() { printf '[peers-setup] %s\n' "$*"; }
die() { printf '[peers-setup] ERROR: %s\n' "$*" >&2; exit 1; }

say "installing peers under $dir"

# ---------------------------------------------------------------- Python peers
command -v "$python" >/dev/null 2>&1 || die "$python not found (Debian: apt-get install python3 python3-venv)"
"$python" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 9) else 1)' \
  || die "$python is $("$python" -V 2>&1); 3.9 or newer is needed"

venv="$dir/venv"
py_stamp="$venv/.peers-stamp"
py_want="$(cat "$here/requirements.txt" "$here/constraints.txt"; "$python" -V 2>&1)"
py_check='import trafilatura, readability, justext, resiliparse.extract.html2text, lxml.html'
if [[ -f "$py_stamp" && "$(cat "$py_stamp")" == "$py_want" ]] \
   && "$venv/bin/python" -c "$py_check" >/dev/null 2>&1; then
  say "Python peers already installed in $venv (skipping)"
else
  if [[ ! -x "$venv/bin/python" ]]; then
    say "creating venv $venv"
    # Debian's python3 without python3-venv fails here (no ensurepip).
    "$python" -m venv "$venv" 2>&1 \
      || { rm -rf "$venv"; die "'$python -m venv' failed; on Debian/Ubuntu: apt-get install python3-venv"; }
  fi
  say "pip install -r requirements.txt -c constraints.txt (trafilatura, readability-lxml, justext, resiliparse)"
  "$venv/bin/python" -m pip install --disable-pip-version-check --no-input -q \
      -r "$here/requirements.txt" -c "$here/constraints.txt" \
    || die "pip install failed (is PyPI reachable?)"
  "$venv/bin/python" -c "$py_check" || die "the Python peers do not import after installation"
  printf '%s' "$py_want" > "$py_stamp"
  say "Python peers installed"
fi
"$venv/bin/python" - <<'EOF'
from importlib.metadata import version
print("[peers-setup]   " + ", ".join(f"{p} {version(p)}" for p in
      ("trafilatura", "readability-lxml", "justext", "resiliparse", "lxml")))
EOF

# ------------------------------------------------------------ Readability.js
command -v node >/dev/null 2>&1 || die "node not found (Debian: apt-get install nodejs npm)"
command -v npm >/dev/null 2>&1 || die "npm not found (Debian: apt-get install npm)"
node_major="$(node -p 'process.versions.node.split(".")[0]')"
(( node_major >= 18 )) || die "node $(node --version) is too old; jsdom needs node 18 or newer"

prefix="$dir/node"
node_stamp="$prefix/.peers-stamp"
node_want="$(cat "$here/package.json" "$here/package-lock.json"; node --version)"
node_check="require('$prefix/node_modules/jsdom'); require('$prefix/node_modules/@mozilla/readability')"
if [[ -f "$node_stamp" && "$(cat "$node_stamp")" == "$node_want" ]] \
   && node -e "$node_check" >/dev/null 2>&1; then
  say "Readability.js already installed in $prefix (skipping)"
else
  mkdir -p "$prefix"
  cp "$here/package.json" "$here/package-lock.json" "$prefix/"
  say "npm ci in $prefix (@mozilla/readability, jsdom)"
  (cd "$prefix" && npm ci --no-audit --no-fund --loglevel=error) \
    || die "npm ci failed (is the npm registry reachable?)"
  node -e "$node_check" || die "jsdom / @mozilla/readability do not load after installation"
  printf '%s' "$node_want" > "$node_stamp"
  say "Readability.js installed"
fi
node -e "const v = n => require('$prefix/node_modules/' + n + '/package.json').version;
  console.log('[peers-setup]   @mozilla/readability ' + v('@mozilla/readability') + ', jsdom ' + v('jsdom') + ', node ' + process.version)"

say "done. Run: python3 bench/peers/run_peers.py --out OUTDIR   (EXTRACTOR_PEERS_DIR=$dir)"
