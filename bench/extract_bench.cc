// The whole extraction: Extractor::extract on every page, one shared
// Extractor, on 1 and 2 threads (ThreadRange; real time, so that pages/s is
// the throughput of all threads together). Each thread starts at a
// different page.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <string>
#include <thread>

#include "bench_pages.h"
#include "decode.h"
#include "extractor/extractor.h"

namespace extractor::bench {
namespace {

const Extractor& shared_extractor() {
  static const Extractor ex;
  return ex;
}

// "" when extract() gives valid UTF-8, the same result twice, on every page,
// and text on at least one.
std::string extract_error() {
  const Corpus& c = corpus();
  bool any_text = false;
  for (const Page& p : c.pages) {
    const PageInfo info{p.url, {}, {}};
    const Result a = shared_extractor().extract(p.bytes, info);
    const Result b = shared_extractor().extract(p.bytes, info);
    if (a.text != b.text || a.metadata.title != b.metadata.title)
      return "extract: not deterministic on " + p.id;
    if (!is_valid_utf8(a.text) || !is_valid_utf8(a.markdown) || !is_valid_utf8(a.html))
      return "extract: invalid UTF-8 out of " + p.id;
    any_text = any_text || !a.text.empty();
  }
  return any_text ? "" : "extract: no text on any page";
}

void BM_Extract(benchmark::State& state) {
  static const std::string error = extract_error();  // once, before any thread times
  if (!error.empty()) {
    state.SkipWithError(error.c_str());
    for (auto _ : state) {
    }
    return;
  }
  const Corpus& c = corpus();
  const std::size_t n = c.pages.size();
  const std::size_t start = n * static_cast<std::size_t>(state.thread_index()) /
                            static_cast<std::size_t>(state.threads());
  std::int64_t pages = 0;
  std::int64_t bytes = 0;
  for (auto _ : state) {
    for (std::size_t k = 0; k < n; ++k) {
      const Page& p = c.pages[(start + k) % n];
      Result r = shared_extractor().extract(p.bytes, PageInfo{p.url, {}, {}});
      benchmark::DoNotOptimize(r.text.data());
      bytes += static_cast<std::int64_t>(p.bytes.size());
    }
    pages += static_cast<std::int64_t>(n);
  }
  state.SetBytesProcessed(bytes);
  state.counters["pages/s"] = benchmark::Counter(static_cast<double>(pages),
                                                 benchmark::Counter::kIsRate);
}
BENCHMARK(BM_Extract)
    ->ThreadRange(1, static_cast<int>(std::max(2u, std::thread::hardware_concurrency())))
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace extractor::bench
