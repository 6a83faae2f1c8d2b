#!/usr/bin/env bash
# build.sh — build extractor and run it, its tests or its evaluation.
#
#   ./build.sh example     build, then extract the bundled example page
#   ./build.sh test        build, then run every test (C++, CLI, and the Python
#                          module installed with pip into a virtual environment)
#   ./build.sh eval [ARGS] build, then evaluate on ../shared/datasets
#   ./build.sh build       build only (into ./build)
#
# Missing Debian packages are installed first (with sudo when not root).
# Environment: BUILD_DIR (default ./build), BUILD_TYPE (default Release),
# JOBS (default: number of cores), CMAKE_ARGS (extra configure flags).
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
build_dir=${BUILD_DIR:-$here/build}
build_type=${BUILD_TYPE:-Release}
jobs=${JOBS:-$(nproc 2>/dev/null || echo 2)}

# What the library, its tools and its tests need, as Debian 12 packages.
packages=(
  build-essential cmake ninja-build pkg-config
  libgumbo-dev libre2-dev libboost-locale-dev libicu-dev
  nlohmann-json3-dev libcli11-dev zlib1g-dev
  libgtest-dev libbenchmark-dev
  python3-dev python3-venv
)

install_missing() {
  local missing=()
  for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" ||
      missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "build.sh: installing Debian packages: ${missing[*]}" >&2
  local sudo=()
  [ "$(id -u)" -ne 0 ] && sudo=(sudo)
  "${sudo[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

build() {
  if command -v dpkg-query >/dev/null 2>&1; then install_missing; fi
  local generator=()
  command -v ninja >/dev/null 2>&1 && generator=(-G Ninja)
  if [ ! -f "$build_dir/CMakeCache.txt" ]; then
    cmake -S "$here" -B "$build_dir" "${generator[@]}" -DCMAKE_BUILD_TYPE="$build_type" \
      ${CMAKE_ARGS:-} >/dev/null
  fi
  cmake --build "$build_dir" --parallel "$jobs"
}

# The Python module, built by `pip install .` (scikit-build-core, the same
# CMake build; its build directory is kept for the next run) into a virtual
# environment, then its pytest suite, which also checks that `python -m
# extractor` and the C++ command are one program.
# What the browser tests need (tests/browser): Debian's Chromium and, from
# npm, playwright-core (to drive it) and markdown-it (to render Markdown),
# at the versions tests/browser/package-lock.json pins, in the build tree.
browser_deps() {
  if command -v dpkg-query >/dev/null 2>&1; then
    packages=(chromium)
    # Node.js as the machine has it (often a newer one than Debian's, npm
    # included), else Debian's.
    command -v npm >/dev/null 2>&1 || packages+=(nodejs npm)
    install_missing
  fi
  local dir=$build_dir/browser
  mkdir -p "$dir"
  if ! cmp -s "$here/tests/browser/package-lock.json" "$dir/package-lock.json" ||
     [ ! -d "$dir/node_modules/playwright-core" ]; then
    cp "$here/tests/browser/package.json" "$here/tests/browser/package-lock.json" "$dir/"
    npm ci --prefix "$dir" --ignore-scripts --no-audit --no-fund --loglevel=error >/dev/null
  fi
}

python_tests() {
  local venv=$build_dir/py-venv
  [ -x "$venv/bin/python" ] || python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check \
    --config-settings=build-dir="$build_dir/py-build" "$here" pytest mypy markdown-it-py
  EXTRACTOR_CLI="$build_dir/extractor" "$venv/bin/python" -m pytest -q "$here/bindings/python/tests"
}

cmd=${1:-build}
[ $# -gt 0 ] && shift
case "$cmd" in
  build)
    build
    ;;
  example)
    build
    "$build_dir/extractor" --with-metadata "$here/examples/pages/news-article.html"
    ;;
  test)
    build
    browser_deps
    (cd "$build_dir" && ctest --output-on-failure --parallel "$jobs")
    python_tests
    ;;
  eval)
    build
    "$build_dir/bench/extractor-eval" "$@"
    ;;
  *)
    echo "usage: ./build.sh [build|example|test|eval [ARGS]]" >&2
    exit 2
    ;;
esac
