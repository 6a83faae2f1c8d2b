#!/usr/bin/env bash
# The reliability stages of CI, one per argument (run from anywhere):
#
#   fuzz/ci.sh asan DATASETS...  ASan+UBSan build; every C++ and CLI test; the
#                              evaluation over DATASETS (every page) under
#                              the sanitizers, its outputs compared byte for
#                              byte with a plain build's (determinism across
#                              builds) when build/bench/extractor-eval exists
#   fuzz/ci.sh tsan            ThreadSanitizer build; the threads tests
#   fuzz/ci.sh fuzz [SECONDS]  clang libFuzzer build; fuzz extract() for
#                              SECONDS (default 180) from the seed corpus,
#                              then the URL filter for a third of that
#
# Each stage fails (exit 1) on any sanitizer report, test failure or fuzzing
# finding. Build trees: build-asan, build-tsan, build-fuzz beside build/.
# Environment: JOBS (default: number of cores).
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$here"
jobs=${JOBS:-$(nproc 2>/dev/null || echo 2)}
generator=()
command -v ninja >/dev/null 2>&1 && generator=(-G Ninja)

# Every report stops the process with a non-zero status.
export ASAN_OPTIONS=${ASAN_OPTIONS:-abort_on_error=1:detect_leaks=1:check_initialization_order=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
export TSAN_OPTIONS=${TSAN_OPTIONS:-halt_on_error=1:second_deadlock_stack=1}

stage=${1:?usage: fuzz/ci.sh asan DATASETS... | tsan | fuzz [SECONDS]}
shift
case "$stage" in
  asan)
    : "${1:?usage: fuzz/ci.sh asan DATASETS...}"
    datasets=("$@")
    cmake -S . -B build-asan "${generator[@]}" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
      -DEXTRACTOR_SANITIZE=ON >/dev/null
    cmake --build build-asan --parallel "$jobs" \
      --target extractor_tests extractor_threads_tests extractor_cli_tests extractor_cli \
      extractor_warc_tests extractor-eval
    ctest --test-dir build-asan --output-on-failure --parallel "$jobs" -E consumer_project
    build-asan/bench/extractor-eval --worst 0 --dump build-asan/eval-dump "${datasets[@]}"
    if [ -x build/bench/extractor-eval ]; then
      build/bench/extractor-eval --worst 0 --threads 1 --dump build/eval-dump "${datasets[@]}" >/dev/null
      diff -rq build/eval-dump build-asan/eval-dump
      echo "ci.sh: outputs of the plain and the sanitizer build are identical" \
        "($(find build-asan/eval-dump -name '*.json' | wc -l) pages)"
    fi
    ;;
  tsan)
    cmake -S . -B build-tsan "${generator[@]}" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
      -DEXTRACTOR_SANITIZE_THREAD=ON -DEXTRACTOR_BUILD_BENCH=OFF -DEXTRACTOR_BUILD_CLI=OFF >/dev/null
    cmake --build build-tsan --parallel "$jobs" --target extractor_threads_tests
    # Newer kernels randomise mmap more than TSan in GCC 12 can map around;
    # without ASLR it always starts.
    setarch "$(uname -m)" -R build-tsan/tests/extractor_threads_tests
    ;;
  fuzz)
    seconds=${1:-180}
    if ! command -v clang++ >/dev/null 2>&1 ||
       ! ls /usr/lib/llvm-*/lib/clang/*/lib/linux/libclang_rt.fuzzer-x86_64.a >/dev/null 2>&1; then
      sudo=()
      [ "$(id -u)" -ne 0 ] && sudo=(sudo)
      "${sudo[@]}" apt-get update -qq
      DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends \
        clang libclang-rt-14-dev >/dev/null
    fi
    CC=clang CXX=clang++ cmake -S . -B build-fuzz "${generator[@]}" \
      -DCMAKE_BUILD_TYPE=RelWithDebInfo -DEXTRACTOR_FUZZ=ON -DEXTRACTOR_SANITIZE=ON \
      -DEXTRACTOR_BUILD_TESTS=OFF -DEXTRACTOR_BUILD_BENCH=OFF -DEXTRACTOR_BUILD_CLI=OFF \
      -DEXTRACTOR_INSTALL=OFF >/dev/null
    cmake --build build-fuzz --parallel "$jobs" --target extract_fuzzer url_fuzzer warc_fuzzer \
      extractor-stress
    rm -rf build-fuzz/seeds
    fuzz/make_corpus.sh build-fuzz build-fuzz/seeds
    mkdir -p build-fuzz/corpus build-fuzz/artifacts
    build-fuzz/fuzz/extract_fuzzer -artifact_prefix=build-fuzz/artifacts/ \
      -max_total_time="$seconds" -max_len=32768 -timeout=25 -rss_limit_mb=4096 \
      -print_final_stats=1 build-fuzz/corpus build-fuzz/seeds
    # The URL filter: a third of the time again, from the disguise seeds.
    mkdir -p build-fuzz/url-corpus
    build-fuzz/fuzz/url_fuzzer -artifact_prefix=build-fuzz/artifacts/url- \
      -max_total_time="$(( seconds / 3 ))" -max_len=512 -timeout=10 \
      -print_final_stats=1 build-fuzz/url-corpus fuzz/url-seeds
    # The WARC reader: a third of the time again, from WARC files of the
    # fixture pages (uncompressed and a gzip member per record).
    rm -rf build-fuzz/warc-seeds
    mkdir -p build-fuzz/warc-seeds build-fuzz/warc-corpus
    python3 bench/make_warc.py build-fuzz/warc-seeds/a.warc tests/data/blog-comments.html \
      tests/data/news-seed.html 2>/dev/null
    python3 bench/make_warc.py build-fuzz/warc-seeds/b.warc.gz tests/data/hostile-links.html \
      tests/data/russian-windows1251.html 2>/dev/null
    build-fuzz/fuzz/warc_fuzzer -artifact_prefix=build-fuzz/artifacts/warc- \
      -max_total_time="$(( seconds / 3 ))" -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
      -print_final_stats=1 build-fuzz/warc-corpus build-fuzz/warc-seeds
    ;;
  *)
    echo "fuzz/ci.sh: unknown stage $stage (asan, tsan, fuzz)" >&2
    exit 2
    ;;
esac
