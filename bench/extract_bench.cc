// The whole extraction: Extractor::extract on every page, one shared
// Extractor, on 1 and 2 threads (ThreadRange; real time, so that pages/s is
// the throughput of all threads together). Each thread starts at a
// different page. And the explain view: Extractor::explain, and what writing
// the view costs over extract() on the same pages (BM_ExplainCost).
#include <benchmark/benchmark.h>

#include <algorithm>
#include <ctime>
#include <string>
#include <thread>
#include <vector>

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
    const PageInfo info{p.url, {}, {}, {}, 1.0f};
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
      Result r = shared_extractor().extract(p.bytes, PageInfo{p.url, {}, {}, {}, 1.0f});
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

// "" when explain() gives the Result extract() gives (text, blocks,
// metadata, byte for byte in the JSON) and a view with its policy, on every
// page.
std::string explain_error() {
  JsonOptions all;
  all.full = all.with_blocks = true;
  for (const Page& p : corpus().pages) {
    const PageInfo info{p.url, {}, {}, {}, 1.0f};
    const Explained e = shared_extractor().explain(p.bytes, info);
    if (render_json(e.result, all) != render_json(shared_extractor().extract(p.bytes, info), all))
      return "explain: not the Result of extract() on " + p.id;
    if (e.html.find("Content-Security-Policy") == std::string::npos || !is_valid_utf8(e.html))
      return "explain: no view of " + p.id;
  }
  return "";
}

void BM_Explain(benchmark::State& state) {
  static const std::string error = explain_error();
  if (!error.empty()) {
    state.SkipWithError(error.c_str());
    for (auto _ : state) {
    }
    return;
  }
  const Corpus& c = corpus();
  std::int64_t pages = 0;
  std::int64_t bytes = 0;
  for (auto _ : state) {
    for (const Page& p : c.pages) {
      Explained e = shared_extractor().explain(p.bytes, PageInfo{p.url, {}, {}, {}, 1.0f});
      benchmark::DoNotOptimize(e.html.data());
      bytes += static_cast<std::int64_t>(p.bytes.size());
    }
    pages += static_cast<std::int64_t>(c.pages.size());
  }
  state.SetBytesProcessed(bytes);
  state.counters["pages/s"] = benchmark::Counter(static_cast<double>(pages),
                                                 benchmark::Counter::kIsRate);
}
BENCHMARK(BM_Explain)->Unit(benchmark::kMillisecond);

// What writing the view costs over extract(), page by page: each page's
// extract() and explain() timed in turns (the best of three of each, so
// that a page is compared with itself on a quiet core), the cost being
// explain / extract - 1. Counters: view_cost (all pages: their explain
// time over their extract time, minus 1), and the per-page median, 90th
// percentile and worst.
void BM_ExplainCost(benchmark::State& state) {
  static const std::string error = explain_error();
  if (!error.empty()) {
    state.SkipWithError(error.c_str());
    for (auto _ : state) {
    }
    return;
  }
  // The calling thread's CPU time: other work on a shared machine does not
  // count (wall time swung by 2x there).
  const auto now = [] {
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) * 1e-9;
  };
  const Corpus& c = corpus();
  double extract_total = 0, explain_total = 0;
  std::vector<double> costs;
  for (auto _ : state) {
    extract_total = explain_total = 0;
    costs.clear();
    for (const Page& p : c.pages) {
      const PageInfo info{p.url, {}, {}, {}, 1.0f};
      double best_extract = 1e30, best_explain = 1e30;
      for (int turn = 0; turn < 3; ++turn) {
        const double t0 = now();
        Result r = shared_extractor().extract(p.bytes, info);
        const double t1 = now();
        Explained e = shared_extractor().explain(p.bytes, info);
        const double t2 = now();
        benchmark::DoNotOptimize(r.text.data());
        benchmark::DoNotOptimize(e.html.data());
        best_extract = std::min(best_extract, t1 - t0);
        best_explain = std::min(best_explain, t2 - t1);
      }
      extract_total += best_extract;
      explain_total += best_explain;
      costs.push_back(best_explain / best_extract - 1);
    }
  }
  std::sort(costs.begin(), costs.end());
  const auto at = [&](double q) {
    return costs.empty() ? 0.0 : costs[static_cast<std::size_t>(q * (costs.size() - 1))];
  };
  state.counters["extract_ms"] = extract_total * 1e3;
  state.counters["explain_ms"] = explain_total * 1e3;
  state.counters["view_cost"] = extract_total > 0 ? explain_total / extract_total - 1 : 0;
  state.counters["median"] = at(0.5);
  state.counters["p90"] = at(0.9);
  state.counters["worst"] = costs.empty() ? 0.0 : costs.back();
}
BENCHMARK(BM_ExplainCost)->Iterations(1)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace extractor::bench
