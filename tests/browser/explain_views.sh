#!/bin/sh
# The explain views of fixture pages, loaded in headless Chromium by
# check_explain.mjs (no request, no page script, boxes in their tints,
# cards, keyboard, hidden blocks), each page itself as the control.
#
#   tests/browser/explain_views.sh EXTRACTOR_CLI OUT_DIR PAGE.html...
#
# Exit 77 (ctest's "skipped") when node is missing; check_explain.mjs does
# the same when Chromium or its node modules are.
set -eu
cli=${1:?usage: explain_views.sh EXTRACTOR_CLI OUT_DIR PAGE.html...}
out=${2:?}
shift 2
command -v node >/dev/null 2>&1 || { echo "explain_views: skipped: needs node" >&2; exit 77; }
rm -rf "$out"
mkdir -p "$out"
for page in "$@"; do
  name=$(basename "$page" .html)
  "$cli" --explain "$page" -o "$out/$name.explain.html"
  "$cli" --format json --blocks "$page" > "$out/$name.json"
  cp "$page" "$out/$name.html"
done
exec node "$(dirname "$0")/check_explain.mjs" "$out"
