// libFuzzer target over Extractor::extract(): the input is a page's bytes.
//
// Beyond "does not crash" (with ASan + UBSan every memory or UB error is a
// finding), each input is checked for the library's promises:
//   - every string out (text, markdown, html, comments, metadata, block
//     texts and paths, JSON) is valid UTF-8;
//   - every span lies inside its block's text;
//   - extraction is deterministic: a second run gives the same JSON;
//   - the explain view gives the same Result, and is valid UTF-8 with no
//     page markup in it.
// A broken promise aborts, which libFuzzer reports as a crash with the input.
//
// The options come from the input's length, not from its bytes, so that the
// seed pages (our fixtures) are fuzzed as the pages they are; every option
// set is reached as the mutator changes lengths. A low max_depth (16) makes
// the depth cap's paths reachable with small inputs.
//
// Build and run: see fuzz/README.md.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstdio>
#include <string>
#include <string_view>

#include "extractor/extractor.h"

namespace {

bool valid_utf8(std::string_view s) {
  std::size_t i = 0;
  const std::size_t n = s.size();
  while (i < n) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      ++i;
      continue;
    }
    int len;
    std::uint32_t cp;
    if (c >= 0xC2 && c <= 0xDF) {
      len = 2;
      cp = c & 0x1F;
    } else if (c >= 0xE0 && c <= 0xEF) {
      len = 3;
      cp = c & 0x0F;
    } else if (c >= 0xF0 && c <= 0xF4) {
      len = 4;
      cp = c & 0x07;
    } else {
      return false;
    }
    if (i + static_cast<std::size_t>(len) > n) return false;
    for (int k = 1; k < len; ++k) {
      const unsigned char d = static_cast<unsigned char>(s[i + static_cast<std::size_t>(k)]);
      if ((d & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (d & 0x3F);
    }
    if ((len == 3 && cp < 0x800) || (len == 4 && (cp < 0x10000 || cp > 0x10FFFF)) ||
        (cp >= 0xD800 && cp <= 0xDFFF))
      return false;
    i += static_cast<std::size_t>(len);
  }
  return true;
}

void check(bool ok, const char* what) {
  if (ok) return;
  std::fprintf(stderr, "extract_fuzzer: broken promise: %s\n", what);
  std::abort();
}

const extractor::Extractor& extractor_for(std::size_t size) {
  using extractor::Focus;
  static const extractor::Extractor* const kExtractors[4] = {
      new extractor::Extractor([] {
        extractor::Options a;  // defaults
        return a;
      }()),
      new extractor::Extractor([] {
        extractor::Options b;
        b.include_comments = true;
        b.include_links = true;
        b.focus = Focus::kRecall;
        return b;
      }()),
      new extractor::Extractor([] {
        extractor::Options c;
        c.max_depth = 16;
        c.focus = Focus::kPrecision;
        c.include_tables = false;
        c.include_images = false;
        return c;
      }()),
      new extractor::Extractor([] {
        extractor::Options d;
        d.max_depth = 16;
        d.include_comments = true;
        d.include_links = true;
        return d;
      }()),
  };
  return *kExtractors[size % 4];
}

std::string to_json(const extractor::Result& r) {
  extractor::JsonOptions jo;
  jo.full = true;
  jo.with_blocks = true;
  return extractor::render_json(r, jo);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view page(reinterpret_cast<const char*>(data), size);
  const extractor::Extractor& ex = extractor_for(size);
  extractor::PageInfo info;
  // Half the inputs with a URL, so that link and date resolution run too.
  if (size % 8 >= 4) info.url = "https://example.com/news/2021/12/02/story.html?x=1#top";

  const extractor::Result r = ex.extract(page, info);

  check(valid_utf8(r.text), "text is valid UTF-8");
  check(valid_utf8(r.markdown), "markdown is valid UTF-8");
  check(valid_utf8(r.html), "html is valid UTF-8");
  check(valid_utf8(r.comments), "comments are valid UTF-8");
  check(valid_utf8(r.metadata.title), "title is valid UTF-8");
  for (const std::string& a : r.metadata.authors) check(valid_utf8(a), "author is valid UTF-8");
  check(valid_utf8(r.metadata.date), "date is valid UTF-8");
  check(valid_utf8(r.metadata.site_name), "site name is valid UTF-8");
  check(valid_utf8(r.metadata.description), "description is valid UTF-8");
  check(r.text.empty() == (r.empty_reason != extractor::EmptyReason::kNone),
        "empty_reason set exactly when text is empty");
  for (const extractor::Block& b : r.blocks) {
    check(valid_utf8(b.text), "block text is valid UTF-8");
    check(valid_utf8(b.path), "block path is valid UTF-8");
    check(b.score >= 0.0f && b.score <= 1.0f, "block score in [0, 1]");
    for (const extractor::Span& s : b.spans)
      check(s.begin < s.end && s.end <= b.text.size(), "span inside its block");
  }
  const std::string json = to_json(r);
  check(valid_utf8(json), "JSON is valid UTF-8");
  check(to_json(ex.extract(page, info)) == json, "deterministic");

  // The explain view: the same Result, valid UTF-8, no element of the page
  // (every '<' of its text is escaped), the policy first.
  const extractor::Explained e = ex.explain(page, info);
  check(to_json(e.result) == json, "explain() gives extract()'s Result");
  check(valid_utf8(e.html), "the explain view is valid UTF-8");
  check(e.html.find("<script") == std::string::npos, "no <script> in the explain view");
  // Before the policy, only the doctype, <html> with the page's own
  // attributes (values escaped: no '<' in them, however long), <head> and
  // the charset: no element of the page.
  const std::size_t policy = e.html.find("Content-Security-Policy");
  check(policy != std::string::npos, "the view has its policy");
  check(std::count(e.html.begin(), e.html.begin() + static_cast<std::ptrdiff_t>(policy), '<') == 5,
        "the view's policy comes first");
  return 0;
}
