#!/bin/sh
# Seed corpus for fuzz/extract_fuzzer: our fixture pages (tests/data/*.html)
# and every hostile page of fuzz/hostile.h at a small size.
#
#   fuzz/make_corpus.sh BUILD_DIR OUT_DIR
#
# BUILD_DIR holds fuzz/extractor-stress (any build with tests or fuzzing on).
# Dataset pages are never copied: they are not ours to ship or keep.
set -eu
build=${1:?usage: make_corpus.sh BUILD_DIR OUT_DIR}
out=${2:?usage: make_corpus.sh BUILD_DIR OUT_DIR}
here=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$out"
cp "$here"/../tests/data/*.html "$out"/
"$build"/fuzz/extractor-stress --write-seeds "$out"
echo "$(ls "$out" | wc -l) seeds in $out"
