#!/bin/sh
# Every fixture page of tests/data through the CLI in HTML and Markdown
# (links, images, metadata and comments kept), then loaded in headless
# Chromium by check_outputs.mjs: nothing may run.
#
#   tests/browser/fixture_outputs.sh EXTRACTOR_CLI TESTS_DATA OUT_DIR
#
# Exit 77 (ctest's "skipped") when node is missing; check_outputs.mjs does
# the same when Chromium or its node modules are.
set -eu
cli=${1:?usage: fixture_outputs.sh EXTRACTOR_CLI TESTS_DATA OUT_DIR}
data=${2:?}
out=${3:?}
command -v node >/dev/null 2>&1 || { echo "fixture_outputs: skipped: needs node" >&2; exit 77; }
rm -rf "$out"
mkdir -p "$out"
for page in "$data"/*.html; do
  name=$(basename "$page" .html)
  "$cli" --format html --links --include-comments "$page" > "$out/$name.out.html"
  "$cli" --format markdown --links --with-metadata --include-comments "$page" > "$out/$name.md"
done
exec node "$(dirname "$0")/check_outputs.mjs" "$out"
