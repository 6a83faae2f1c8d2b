// main() of extractor-bench (stages_bench.cc, extract_bench.cc).
//
//   extractor-bench [DIR] [--benchmark_filter=...] [other Google Benchmark flags]
//
// DIR: see bench_pages.h; $EXTRACTOR_BENCH_PAGES when no DIR is given, else
// the bundled examples. Real runs: extractor-bench ../shared/datasets.
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <string>
#include <vector>

#include "bench_pages.h"

#ifndef EXTRACTOR_BENCH_DEFAULT_PAGES
#define EXTRACTOR_BENCH_DEFAULT_PAGES "examples/pages"
#endif

int main(int argc, char** argv) {
  // The first argument that is not a flag is the pages directory; the rest
  // goes to Google Benchmark.
  std::string dir;
  std::vector<char*> args;
  for (int i = 0; i < argc; ++i) {
    if (i > 0 && dir.empty() && argv[i][0] != '-') {
      dir = argv[i];
      continue;
    }
    args.push_back(argv[i]);
  }
  if (dir.empty()) {
    const char* env = std::getenv("EXTRACTOR_BENCH_PAGES");
    dir = env != nullptr && *env ? env : EXTRACTOR_BENCH_DEFAULT_PAGES;
  }
  extractor::bench::set_corpus(extractor::bench::load_corpus(dir));
  const auto& c = extractor::bench::corpus();
  benchmark::AddCustomContext("pages", std::to_string(c.pages.size()) + " from " + c.dir);
  benchmark::AddCustomContext("page_bytes", std::to_string(c.bytes));
  int n = static_cast<int>(args.size());
  benchmark::Initialize(&n, args.data());
  if (benchmark::ReportUnrecognizedArguments(n, args.data())) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
