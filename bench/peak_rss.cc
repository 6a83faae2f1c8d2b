// extractor-rss: the peak memory of one extract() call, page by page.
//
//   extractor-rss [DIR] [--worst N] [--csv FILE]
//
// DIR as for extractor-bench (default: the bundled examples). For each page:
// free memory is handed back to the system (malloc_trim), the resident set
// is read (VmRSS), the kernel's high-water mark is reset (writing 5 to
// /proc/self/clear_refs), the page is extracted with its Result kept, and
// the high-water mark is read again (VmHWM). Peak = VmHWM - VmRSS before:
// what the call added, input excluded (the caller holds the page anyway),
// Result included. Linux only.
//
// Prints per set: pages, the largest peak, the largest peak / page size,
// and how many pages stay under the budget 10 x page size + 4 MiB; then the
// worst pages by peak - budget.
#include <malloc.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <map>
#include <string>
#include <vector>

#include "bench_pages.h"
#include "extractor/extractor.h"

#ifndef EXTRACTOR_BENCH_DEFAULT_PAGES
#define EXTRACTOR_BENCH_DEFAULT_PAGES "examples/pages"
#endif

namespace {

// A field of /proc/self/status in bytes ("VmRSS:  1234 kB").
long status_bytes(const char* field) {
  std::ifstream in("/proc/self/status");
  std::string line;
  const std::size_t n = std::strlen(field);
  while (std::getline(in, line))
    if (line.compare(0, n, field) == 0) return std::atol(line.c_str() + n + 1) * 1024;
  return -1;
}

bool reset_hwm() {
  std::ofstream out("/proc/self/clear_refs");
  out << "5";
  out.flush();
  return static_cast<bool>(out);
}

constexpr long kSlack = 4L << 20;  // "plus a few MB"

struct Row {
  const extractor::bench::Page* page;
  long peak;
};

}  // namespace

int main(int argc, char** argv) {
  std::string dir;
  std::string csv;
  int worst = 10;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--worst" && i + 1 < argc) {
      worst = std::atoi(argv[++i]);
    } else if (a == "--csv" && i + 1 < argc) {
      csv = argv[++i];
    } else if (a.size() > 0 && a[0] != '-' && dir.empty()) {
      dir = a;
    } else {
      std::fprintf(stderr, "usage: extractor-rss [DIR] [--worst N] [--csv FILE]\n");
      return 2;
    }
  }
  if (dir.empty()) {
    const char* env = std::getenv("EXTRACTOR_BENCH_PAGES");
    dir = env != nullptr && *env ? env : EXTRACTOR_BENCH_DEFAULT_PAGES;
  }
  const extractor::bench::Corpus corpus = extractor::bench::load_corpus(dir);
  const extractor::Extractor ex;
  // Warm up: patterns, ICU converters and locale data are loaded once per
  // process, not per page.
  for (std::size_t i = 0; i < std::min<std::size_t>(corpus.pages.size(), 5); ++i)
    ex.extract(corpus.pages[i].bytes);
  if (!reset_hwm()) {
    std::fprintf(stderr, "extractor-rss: cannot reset the high-water mark (/proc/self/clear_refs)\n");
    return 1;
  }
  std::vector<Row> rows;
  for (const auto& p : corpus.pages) {
    malloc_trim(0);
    const long before = status_bytes("VmRSS:");
    reset_hwm();
    const extractor::Result r = ex.extract(p.bytes, extractor::PageInfo{p.url, {}, {}, {}, 1.0f});
    const long hwm = status_bytes("VmHWM:");
    rows.push_back({&p, std::max(0L, hwm - before)});
  }
  std::map<std::string, std::vector<const Row*>> by_set;
  for (const Row& r : rows) {
    by_set[r.page->set].push_back(&r);
    by_set["(all)"].push_back(&r);
  }
  std::printf("%-26s %6s %10s %10s %9s %9s %s\n", "set", "pages", "MB", "peak MB",
              "peak/page", "median/p", "under 10x+4MB");
  for (const auto& [set, list] : by_set) {
    long max_peak = 0;
    double max_ratio = 0;
    std::size_t bytes = 0;
    int under = 0;
    std::vector<double> ratios;
    for (const Row* r : list) {
      const double size = static_cast<double>(r->page->bytes.size());
      bytes += r->page->bytes.size();
      max_peak = std::max(max_peak, r->peak);
      ratios.push_back(static_cast<double>(r->peak) / std::max(1.0, size));
      max_ratio = std::max(max_ratio, ratios.back());
      if (r->peak <= 10 * static_cast<long>(r->page->bytes.size()) + kSlack) ++under;
    }
    std::sort(ratios.begin(), ratios.end());
    std::printf("%-26s %6zu %10.1f %10.1f %9.1f %9.1f %d/%zu\n", set.c_str(), list.size(),
                static_cast<double>(bytes) / 1e6, static_cast<double>(max_peak) / 1e6, max_ratio,
                ratios[ratios.size() / 2], under, list.size());
  }
  std::vector<const Row*> sorted;
  for (const Row& r : rows) sorted.push_back(&r);
  auto over = [](const Row* r) { return r->peak - 10 * static_cast<long>(r->page->bytes.size()); };
  std::sort(sorted.begin(), sorted.end(), [&](const Row* a, const Row* b) { return over(a) > over(b); });
  std::printf("\nworst pages (peak - 10 x page size):\n");
  for (int i = 0; i < worst && i < static_cast<int>(sorted.size()); ++i) {
    const Row* r = sorted[static_cast<std::size_t>(i)];
    std::printf("  %s/%s  page %.2f MB  peak %.2f MB  (%.1fx)\n", r->page->set.c_str(),
                r->page->id.c_str(), static_cast<double>(r->page->bytes.size()) / 1e6,
                static_cast<double>(r->peak) / 1e6,
                static_cast<double>(r->peak) / std::max<double>(1, static_cast<double>(r->page->bytes.size())));
  }
  if (!csv.empty()) {
    std::ofstream out(csv);
    out << "set,id,bytes,peak_bytes\n";
    for (const Row& r : rows)
      out << r.page->set << ',' << r.page->id << ',' << r.page->bytes.size() << ',' << r.peak << '\n';
  }
  return 0;
}
