// Extractor::extract_many (lib/batch.cc): results in input order whatever
// the thread count, the window that bounds what is in flight, per-page
// errors, stopping, and exceptions. In the threads test binary, so that the
// ThreadSanitizer stage checks the batch too.
#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <mutex>
#include <set>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "extractor/extractor.h"

namespace extractor {
namespace {

// Small pages that differ: page i's article says "story i".
std::string Page(std::size_t i) {
  std::string body;
  for (int p = 0; p < 4 + static_cast<int>(i % 5); ++p)
    body += "<p>This is paragraph " + std::to_string(p) + " of story " + std::to_string(i) +
            ", long enough to read as prose, with a clause or two and a full stop.</p>";
  return "<html><head><title>Story " + std::to_string(i) + "</title></head><body><nav>Home</nav>" +
         "<article>" + body + "</article></body></html>";
}

std::vector<std::string> Pages(std::size_t n) {
  std::vector<std::string> pages;
  for (std::size_t i = 0; i < n; ++i) pages.push_back(Page(i));
  return pages;
}

// Runs a batch over `pages` (views), collecting the results as handed back.
std::vector<BatchResult> RunBatch(const Extractor& ex, const std::vector<std::string>& pages,
                                  BatchOptions options) {
  std::size_t next = 0;
  std::vector<BatchResult> got;
  const std::size_t handed = ex.extract_many(
      [&](BatchPage& p) {
        if (next == pages.size()) return false;
        p.source = "page-" + std::to_string(next);
        p.html = pages[next++];
        return true;
      },
      [&](BatchResult& r) {
        got.push_back(std::move(r));
        return true;
      },
      options);
  EXPECT_EQ(handed, got.size());
  return got;
}

TEST(Batch, InputOrderAndTheSameResultsWhateverTheThreads) {
  const Extractor ex;
  const std::vector<std::string> pages = Pages(60);
  std::vector<Result> expected;
  for (const std::string& p : pages) expected.push_back(ex.extract(p));
  for (unsigned threads : {1u, 2u, 3u, 8u}) {
    for (std::size_t window : {std::size_t{0}, std::size_t{1}, std::size_t{5}}) {
      BatchOptions o;
      o.threads = threads;
      o.window = window;
      const std::vector<BatchResult> got = RunBatch(ex, pages, o);
      ASSERT_EQ(got.size(), pages.size()) << threads << " threads, window " << window;
      for (std::size_t i = 0; i < got.size(); ++i) {
        EXPECT_EQ(got[i].index, i);
        EXPECT_EQ(got[i].source, "page-" + std::to_string(i));
        EXPECT_TRUE(got[i].error.empty()) << got[i].error;
        EXPECT_TRUE(got[i].result == expected[i]) << "page " << i << ", " << threads << " threads";
      }
    }
  }
}

TEST(Batch, EmptyStream) {
  const Extractor ex;
  BatchOptions o;
  o.threads = 4;
  EXPECT_TRUE(RunBatch(ex, {}, o).empty());
}

TEST(Batch, TheWindowBoundsWhatIsInFlight) {
  const Extractor ex;
  const std::vector<std::string> pages = Pages(80);
  BatchOptions o;
  o.threads = 4;
  o.window = 3;
  std::atomic<std::size_t> taken{0}, handed{0}, most{0};
  std::size_t next = 0;
  ex.extract_many(
      [&](BatchPage& p) {
        if (next == pages.size()) return false;
        p.html = pages[next++];
        const std::size_t in_flight = ++taken - handed;
        most = std::max(most.load(), in_flight);
        return true;
      },
      [&](BatchResult&) {
        ++handed;
        return true;
      },
      o);
  EXPECT_EQ(handed.load(), pages.size());
  EXPECT_LE(most.load(), 3u);
  EXPECT_GE(most.load(), 2u);  // the workers did run ahead
}

TEST(Batch, NextIsCalledInOrderByOneThreadAtATime) {
  const Extractor ex;
  BatchOptions o;
  o.threads = 6;
  std::atomic<int> inside{0};
  std::vector<std::size_t> indexes;
  std::set<std::thread::id> callers;
  const std::string page = Page(1);
  ex.extract_many(
      [&](BatchPage& p) {
        EXPECT_EQ(++inside, 1);
        if (indexes.size() == 50) {
          --inside;
          return false;
        }
        indexes.push_back(p.index);
        callers.insert(std::this_thread::get_id());
        p.html = page;
        --inside;
        return true;
      },
      [](BatchResult&) { return true; }, o);
  ASSERT_EQ(indexes.size(), 50u);
  for (std::size_t i = 0; i < indexes.size(); ++i) EXPECT_EQ(indexes[i], i);
  EXPECT_EQ(callers.count(std::this_thread::get_id()), 0u);  // workers take the pages
}

TEST(Batch, AFailingPageCostsNoOther) {
  Options options;
  options.max_input_bytes = 4000;
  const Extractor ex(options);
  std::vector<std::string> pages = Pages(9);
  pages[3] = std::string(5000, 'x');  // over the limit
  BatchOptions o;
  o.threads = 3;
  o.load = [](BatchPage& p) {
    if (p.index == 5) p.error = "cannot read it";  // as a file that vanished
    if (p.index == 7) throw std::runtime_error("the reader broke");
  };
  const std::vector<BatchResult> got = RunBatch(ex, pages, o);
  ASSERT_EQ(got.size(), pages.size());
  for (std::size_t i = 0; i < got.size(); ++i) {
    if (i == 3 || i == 5 || i == 7) {
      EXPECT_TRUE(got[i].result == Result()) << i;
    } else {
      EXPECT_TRUE(got[i].error.empty()) << i << ": " << got[i].error;
      EXPECT_NE(got[i].result.text.find("story " + std::to_string(i)), std::string::npos);
    }
  }
  EXPECT_NE(got[3].error.find("exceeds max_input_bytes (4000)"), std::string::npos) << got[3].error;
  EXPECT_EQ(got[5].error, "cannot read it");
  EXPECT_EQ(got[7].error, "the reader broke");
}

TEST(Batch, ErrorsSetByNextAreNotExtracted) {
  const Extractor ex;
  BatchOptions o;
  o.threads = 2;
  int loads = 0;
  o.load = [&](BatchPage&) { ++loads; };
  std::size_t next = 0;
  std::vector<BatchResult> got;
  ex.extract_many(
      [&](BatchPage& p) {
        if (next == 2) return false;
        p.error = next++ == 0 ? "cannot read directory: Permission denied" : "";
        p.owned = Page(1);
        return true;
      },
      [&](BatchResult& r) {
        got.push_back(std::move(r));
        return true;
      },
      o);
  ASSERT_EQ(got.size(), 2u);
  EXPECT_EQ(got[0].error, "cannot read directory: Permission denied");
  EXPECT_TRUE(got[0].result.text.empty());
  EXPECT_FALSE(got[1].result.text.empty());  // `owned` when the view is empty
  EXPECT_EQ(loads, 1);                       // not for the page in error
}

TEST(Batch, DocumentsAreRenderedAndResultsDropped) {
  const Extractor ex;
  std::vector<std::string> pages = Pages(7);
  BatchOptions o;
  o.threads = 3;
  DocumentOptions doc;
  doc.format = Format::kJsonLines;
  doc.several = true;
  o.document = doc;
  o.load = [](BatchPage& p) {
    if (p.index == 2) p.error = "No such file or directory";
  };
  const std::vector<BatchResult> got = RunBatch(ex, pages, o);
  ASSERT_EQ(got.size(), pages.size());
  for (std::size_t i = 0; i < got.size(); ++i) {
    EXPECT_TRUE(got[i].result == Result()) << i;  // not kept
    const std::string source = "page-" + std::to_string(i);
    if (i == 2) {
      EXPECT_EQ(got[i].document, render_error(source, "No such file or directory", doc));
    } else {
      EXPECT_EQ(got[i].document, render_document(ex.extract(pages[i]), source, doc)) << i;
    }
  }
}

TEST(Batch, DoneReturningFalseStops) {
  const Extractor ex;
  const std::vector<std::string> pages = Pages(200);
  for (unsigned threads : {1u, 4u}) {
    BatchOptions o;
    o.threads = threads;
    o.window = 4;
    std::size_t next = 0, seen = 0;
    const std::size_t handed = ex.extract_many(
        [&](BatchPage& p) {
          if (next == pages.size()) return false;
          p.html = pages[next++];
          return true;
        },
        [&](BatchResult&) { return ++seen < 10; }, o);
    EXPECT_EQ(seen, 10u);
    EXPECT_EQ(handed, 10u);
    EXPECT_LE(next, 10u + 4u + threads) << threads;  // the window, and a page per worker
  }
}

TEST(Batch, PollReturningFalseStops) {
  const Extractor ex;
  const std::string page = Page(3);
  BatchOptions o;
  o.threads = 2;
  std::atomic<bool> stop{false};
  o.poll = [&] { return !stop.load(); };
  std::size_t handed = 0;
  ex.extract_many(
      [&](BatchPage& p) {  // endless
        p.html = page;
        return true;
      },
      [&](BatchResult&) {
        if (++handed == 20) stop = true;
        return true;
      },
      o);
  EXPECT_GE(handed, 20u);  // stopped within about 100 ms of asking
}

TEST(Batch, ExceptionsReachTheCaller) {
  const Extractor ex;
  const std::string page = Page(4);
  for (unsigned threads : {1u, 3u}) {
    BatchOptions o;
    o.threads = threads;
    std::size_t next = 0;
    auto stream = [&](BatchPage& p) {
      if (next++ == 30) throw std::runtime_error("the crawl broke");
      p.html = page;
      return true;
    };
    EXPECT_THROW(ex.extract_many(stream, [](BatchResult&) { return true; }, o),
                 std::runtime_error);
    next = 0;
    std::size_t handed = 0;
    try {
      ex.extract_many(
          [&](BatchPage& p) {
            p.html = page;
            return next++ < 100;
          },
          [&](BatchResult&) -> bool {
            if (++handed == 5) throw std::logic_error("the writer broke");
            return true;
          },
          o);
      ADD_FAILURE() << "no exception";
    } catch (const std::logic_error& e) {
      EXPECT_STREQ(e.what(), "the writer broke");
    }
    EXPECT_EQ(handed, 5u);
  }
}

}  // namespace
}  // namespace extractor
