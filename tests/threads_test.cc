// One Extractor shared by 8 threads over many pages: every result equals the
// single-threaded one, byte for byte (render_json with every field and every
// block). Built with EXTRACTOR_SANITIZE_THREAD=ON, ThreadSanitizer checks
// that the sharing is race-free.
#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "extractor/extractor.h"
#include "hostile.h"

#ifndef EXTRACTOR_TEST_DATA
#error "EXTRACTOR_TEST_DATA must name the tests/data directory"
#endif

namespace extractor {
namespace {

struct Page {
  std::string name;
  std::string bytes;
  PageInfo info;
};

// Our fixture pages, and every hostile case at a small size.
std::vector<Page> Pages() {
  std::vector<Page> pages;
  std::vector<std::filesystem::path> files;
  for (const auto& e : std::filesystem::directory_iterator(EXTRACTOR_TEST_DATA))
    if (e.path().extension() == ".html") files.push_back(e.path());
  std::sort(files.begin(), files.end());
  for (const auto& f : files) {
    std::ifstream in(f, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    Page p{f.filename().string(), ss.str(), {}};
    p.info.url = "https://example.com/2021/12/02/" + f.stem().string() + ".html";
    pages.push_back(std::move(p));
  }
  for (const auto& c : hostile::cases()) {
    pages.push_back(Page{c.name, c.make(std::min<std::size_t>(c.n, 200)), {}});
  }
  return pages;
}

std::string Json(const Result& r) {
  JsonOptions jo;
  jo.full = true;
  jo.with_blocks = true;
  return render_json(r, jo);
}

void RunShared(const Options& options) {
  const std::vector<Page> pages = Pages();
  ASSERT_GE(pages.size(), 40u);
  const Extractor ex(options);
  std::vector<std::string> expected;
  expected.reserve(pages.size());
  for (const Page& p : pages) expected.push_back(Json(ex.extract(p.bytes, p.info)));

  constexpr int kThreads = 8;
  constexpr int kRounds = 2;
  std::atomic<int> mismatches{0};
  std::vector<std::string> first_mismatch(kThreads);
  std::vector<std::thread> pool;
  for (int t = 0; t < kThreads; ++t) {
    pool.emplace_back([&, t] {
      // Each thread starts at a different page, so that threads work on
      // different pages and on the same page at once.
      for (int round = 0; round < kRounds; ++round) {
        for (std::size_t k = 0; k < pages.size(); ++k) {
          const std::size_t i = (k + static_cast<std::size_t>(t) * 7) % pages.size();
          if (Json(ex.extract(pages[i].bytes, pages[i].info)) != expected[i]) {
            ++mismatches;
            std::string& first = first_mismatch[static_cast<std::size_t>(t)];
            if (first.empty()) first = pages[i].name;
          }
        }
      }
    });
  }
  for (std::thread& th : pool) th.join();
  EXPECT_EQ(mismatches.load(), 0);
  for (const std::string& m : first_mismatch) EXPECT_TRUE(m.empty()) << "differs: " << m;
}

TEST(Threads, SharedExtractorMatchesSingleThreaded) { RunShared(Options{}); }

TEST(Threads, SharedExtractorWithEveryOptionOn) {
  Options o;
  o.include_comments = true;
  o.include_links = true;
  o.focus = Focus::kRecall;
  o.max_depth = 64;
  RunShared(o);
}

// Copies share the compiled patterns; a copy used on one thread while the
// original is used on another gives the same results.
TEST(Threads, CopiesShareSafely) {
  const std::vector<Page> pages = Pages();
  const Extractor original;
  std::vector<std::string> a(pages.size()), b(pages.size());
  std::thread other([&] {
    const Extractor copy = original;
    for (std::size_t i = 0; i < pages.size(); ++i) a[i] = Json(copy.extract(pages[i].bytes));
  });
  for (std::size_t i = 0; i < pages.size(); ++i) b[i] = Json(original.extract(pages[i].bytes));
  other.join();
  EXPECT_EQ(a, b);
}

// The explain view from 4 threads at once: the same bytes as one thread's.
TEST(Threads, ExplainViewsMatchSingleThreaded) {
  const std::vector<Page> pages = Pages();
  const Extractor ex;
  std::vector<std::string> expected;
  for (const Page& p : pages) expected.push_back(ex.explain(p.bytes, p.info).html);
  std::atomic<int> mismatches{0};
  std::vector<std::thread> pool;
  for (int t = 0; t < 4; ++t) {
    pool.emplace_back([&, t] {
      for (std::size_t k = 0; k < pages.size(); ++k) {
        const std::size_t i = (k + static_cast<std::size_t>(t) * 5) % pages.size();
        if (ex.explain(pages[i].bytes, pages[i].info).html != expected[i]) ++mismatches;
      }
    });
  }
  for (std::thread& th : pool) th.join();
  EXPECT_EQ(mismatches.load(), 0);
}

}  // namespace
}  // namespace extractor
