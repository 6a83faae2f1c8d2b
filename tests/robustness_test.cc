// Hostile and broken input (issue 6): every class of bad page gets a sane
// result or a clear Error, the parsed tree stays shallow and small whatever
// the nesting, and the output is valid UTF-8 and deterministic.
//
// The pages come from fuzz/hostile.h (generated, so no dataset page is
// copied here) at the sizes the issue names: 1,000,000 nested <div>s,
// 100,000 sibling paragraphs, a 50 MB text node, a 10 MB attribute, 10,000
// nested tables, ... Times are not asserted (ctest's timeout guards against
// a hang); fuzz/stress.cc measures them.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "dom.h"
#include "extractor/extractor.h"
#include "hostile.h"
#include "prescan.h"

namespace extractor {
namespace {

bool ValidUtf8(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    const auto c = static_cast<unsigned char>(s[i]);
    std::size_t len;
    std::uint32_t cp;
    if (c < 0x80) {
      ++i;
      continue;
    } else if (c >= 0xC2 && c <= 0xDF) {
      len = 2, cp = c & 0x1F;
    } else if (c >= 0xE0 && c <= 0xEF) {
      len = 3, cp = c & 0x0F;
    } else if (c >= 0xF0 && c <= 0xF4) {
      len = 4, cp = c & 0x07;
    } else {
      return false;
    }
    if (i + len > s.size()) return false;
    for (std::size_t k = 1; k < len; ++k) {
      const auto d = static_cast<unsigned char>(s[i + k]);
      if ((d & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (d & 0x3F);
    }
    if ((len == 3 && cp < 0x800) || (len == 4 && (cp < 0x10000 || cp > 0x10FFFF)) ||
        (cp >= 0xD800 && cp <= 0xDFFF))
      return false;
    i += len;
  }
  return true;
}

// What every result must satisfy, whatever the page.
void ExpectSane(const Result& r, const std::string& name) {
  SCOPED_TRACE(name);
  EXPECT_TRUE(ValidUtf8(r.text));
  EXPECT_TRUE(ValidUtf8(r.markdown));
  EXPECT_TRUE(ValidUtf8(r.html));
  EXPECT_TRUE(ValidUtf8(r.metadata.title));
  EXPECT_EQ(r.text.find('\0'), std::string::npos);
  EXPECT_EQ(r.text.empty(), r.empty_reason != EmptyReason::kNone) << to_string(r.empty_reason);
  for (const Block& b : r.blocks) {
    ASSERT_TRUE(ValidUtf8(b.text)) << b.path;
    ASSERT_TRUE(ValidUtf8(b.path)) << b.path;
    ASSERT_LE(b.path.size(), 32u * 100u);  // innermost 32 elements, names cut at 40 bytes
    for (const Span& s : b.spans) ASSERT_TRUE(s.begin < s.end && s.end <= b.text.size());
  }
  JsonOptions jo;
  jo.full = true;
  EXPECT_TRUE(ValidUtf8(render_json(r, jo)));
}

std::size_t Count(std::string_view haystack, std::string_view needle) {
  std::size_t n = 0;
  for (std::size_t p = haystack.find(needle); p != std::string_view::npos;
       p = haystack.find(needle, p + needle.size()))
    ++n;
  return n;
}

const Extractor& Shared() {
  static const Extractor* const ex = new Extractor();
  return *ex;
}

// --- every hostile case, at full size ------------------------------------------------

class Hostile : public ::testing::TestWithParam<hostile::Case> {};

TEST_P(Hostile, SaneResultAndDeterministic) {
  const hostile::Case& c = GetParam();
  const std::string page = c.make(c.n);
  const Result r = Shared().extract(page);
  ExpectSane(r, c.name);
  // Determinism: a second run gives the same bytes (skipped for the few
  // pages over 8 MB, which only cost time here; the fuzzer and the threads
  // test check it on every page they see).
  if (page.size() <= (std::size_t{8} << 20)) {
    JsonOptions jo;
    jo.full = true;
    jo.with_blocks = true;
    EXPECT_EQ(render_json(Shared().extract(page), jo), render_json(r, jo));
  }
}

// The tree Gumbo builds stays shallow (no recursion anywhere would overflow
// on it, and the parser's scope checks stay cheap) and small (no element
// storm from re-created formatting elements) whatever the page's nesting.
TEST_P(Hostile, ParsedTreeShallowAndSmall) {
  const hostile::Case& c = GetParam();
  const std::string page = c.make(c.n);
  constexpr int kMaxDepth = 512;
  const Dom dom(prescan(page, PrescanOptions::all(kMaxDepth)));
  int deepest = 0;
  std::size_t nodes = 0;
  walk(
      dom.document(),
      [&](const GumboNode*, int depth) {
        deepest = std::max(deepest, depth);
        ++nodes;
        return true;
      },
      [](const GumboNode*, int) {});
  // Tables count table, tr and td towards the cap, and Gumbo adds a tbody
  // per table: 4 levels per 3 counted. Paragraphs may pass the cap by 16.
  EXPECT_LE(deepest, kMaxDepth * 4 / 3 + 64) << c.name;
  EXPECT_LE(nodes, page.size() / 2 + 1000) << c.name;
}

std::string CaseName(const ::testing::TestParamInfo<hostile::Case>& info) {
  return info.param.name;
}

INSTANTIATE_TEST_SUITE_P(Robustness, Hostile, ::testing::ValuesIn(hostile::cases()), CaseName);

// --- what each class of page gives -----------------------------------------------------

TEST(Robustness, EmptyInput) {
  const Result r = Shared().extract("");
  EXPECT_TRUE(r.text.empty());
  EXPECT_EQ(r.empty_reason, EmptyReason::kNoText);
  EXPECT_TRUE(r.blocks.empty());
}

TEST(Robustness, OnlyWhitespace) {
  const Result r = Shared().extract(std::string(100000, ' ') + "\n\t\r\n  \f");
  EXPECT_TRUE(r.text.empty());
  EXPECT_EQ(r.empty_reason, EmptyReason::kNoText);
}

TEST(Robustness, BinaryFilesServedAsHtml) {
  for (const auto& make : {hostile::png, hostile::pdf, hostile::gzip}) {
    const std::string page = make(1 << 20);
    const Result r = Shared().extract(page);
    ExpectSane(r, "binary");
  }
}

TEST(Robustness, NulBytesDroppedTextKept) {
  const Result r = Shared().extract(hostile::nul_bytes(100));
  EXPECT_EQ(r.text.find('\0'), std::string::npos);
  EXPECT_NE(r.text.find("before"), std::string::npos);
  EXPECT_NE(r.text.find("after"), std::string::npos);
}

TEST(Robustness, InvalidUtf8BecomesReplacementCharacters) {
  const Result r = Shared().extract(hostile::invalid_utf8(20));
  EXPECT_TRUE(ValidUtf8(r.text));
  EXPECT_NE(r.text.find("caf\xC3\xA9"), std::string::npos);
  EXPECT_NE(r.text.find("\xEF\xBF\xBD"), std::string::npos);  // U+FFFD
  // No overlong form survives as the character it spells ('/' from C0 AF).
  EXPECT_EQ(r.text.find("\xC0\xAF"), std::string::npos);
}

TEST(Robustness, WrongDeclaredCharset) {
  // UTF-8 bytes declared as windows-1251: the bytes win.
  const Result r = Shared().extract(hostile::wrong_charset(20));
  EXPECT_EQ(r.charset, "utf-8");
  EXPECT_NE(r.text.find("Caf\xC3\xA9 cr\xC3\xA8me br\xC3\xBBl\xC3\xA9" "e"), std::string::npos);
  // windows-1252 bytes declared as UTF-8: not mojibake, not U+FFFD.
  const Result l = Shared().extract(hostile::latin1_declared_utf8(20));
  EXPECT_NE(l.text.find("Caf\xC3\xA9 cr\xC3\xA8me"), std::string::npos) << l.charset;
}

TEST(Robustness, UnknownCharsetNames) {
  PageInfo info;
  info.charset = "x-no-such-charset";
  const Result r = Shared().extract(hostile::unknown_charset(20), info);
  EXPECT_NE(r.text.find("The committee met on Tuesday"), std::string::npos);
  info.charset = std::string(10000, 'u');  // a label far too long to be one
  EXPECT_NE(Shared().extract(hostile::unknown_charset(20), info).text.find("committee"),
            std::string::npos);
}

TEST(Robustness, MillionNestedDivsKeepTheirText) {
  const Result r = Shared().extract(hostile::nested_divs(1000000));
  EXPECT_NE(r.text.find("The committee met on Tuesday"), std::string::npos);
  const Result u = Shared().extract(hostile::unclosed_divs(1000000));
  EXPECT_NE(u.text.find("The committee met on Tuesday"), std::string::npos);
}

TEST(Robustness, TenThousandNestedTablesKeepTheirText) {
  const Result r = Shared().extract(hostile::nested_tables(10000));
  EXPECT_NE(r.text.find("The committee met on Tuesday"), std::string::npos);
}

TEST(Robustness, HundredThousandSiblingParagraphs) {
  const Result r = Shared().extract(hostile::sibling_paragraphs(100000));
  EXPECT_GE(r.blocks.size(), 100000u);
  EXPECT_EQ(Count(r.text, "Paragraph of the article."), 100000u);
}

TEST(Robustness, DeepPagesCutCleanlyAtSmallMaxDepth) {
  Options o;
  o.max_depth = 16;
  const Extractor ex(o);
  for (const auto& make : {hostile::nested_divs, hostile::nested_tables, hostile::nested_lists,
                           hostile::nested_quotes}) {
    const Result r = ex.extract(make(5000));
    ExpectSane(r, "max_depth 16");
    EXPECT_FALSE(r.text.empty());
  }
}

TEST(Robustness, FiftyMegabyteTextNode) {
  const std::string page = hostile::huge_text(std::size_t{50} << 20);
  const Result r = Shared().extract(page);
  EXPECT_GE(r.text.size(), (std::size_t{50} << 20) - 64);
  EXPECT_EQ(r.text.compare(0, 12, "lorem ipsum "), 0);
}

TEST(Robustness, TenMegabyteAttributes) {
  const Result r = Shared().extract(hostile::huge_attribute(std::size_t{10} << 20));
  EXPECT_NE(r.text.find("The committee met on Tuesday"), std::string::npos);
  // A class or id is cut in the path, not copied whole into every block.
  for (const Block& b : r.blocks) EXPECT_LT(b.path.size(), 4096u);
}

TEST(Robustness, UnterminatedCommentHidesTheRest) {
  const Result r = Shared().extract(hostile::unterminated_comment(1000));
  EXPECT_NE(r.text.find("The committee met on Tuesday"), std::string::npos);
  EXPECT_EQ(r.text.find("not text"), std::string::npos);
}

TEST(Robustness, UnterminatedScriptHidesTheRest) {
  const Result r = Shared().extract(hostile::unterminated_script(1000));
  EXPECT_NE(r.text.find("The committee met on Tuesday"), std::string::npos);
  EXPECT_EQ(r.text.find("var x"), std::string::npos);
}

TEST(Robustness, PlaintextShowsTheRestAsText) {
  const Result r = Shared().extract(hostile::plaintext(10));
  EXPECT_NE(r.text.find("<p>shown as text</p>"), std::string::npos) << r.text;
}

TEST(Robustness, FramesetGivesAnEmptyResultWithAReason) {
  const Result r = Shared().extract(hostile::frameset(10));
  ExpectSane(r, "frameset");
  if (r.text.empty()) EXPECT_NE(r.empty_reason, EmptyReason::kNone);
}

// Found while checking for recursion: the JSON-LD readers recurse per
// nesting level, and a million '[' overflowed the stack. prescan keeps no
// JSON-LD body nested deeper than 64 levels.
// Gumbo 0.10 aborts the process (a failed assertion in handle_in_table) on
// CDATA inside an SVG integration point inside a table; found by the
// prescan's generated-page test. Every variant extracts.
TEST(Robustness, CdataInTableSvgDoesNotAbort) {
  for (const char* page :
       {"<table><svg><desc><![CDATA[c]]>x", "<table><svg><foreignObject><![CDATA[ c ]]>Text",
        "<table><svg><title></title><foreignObject><![CDATA[ c ]]>Text words",
        "<table><svg><desc><![CDATA[c", "<table><math><mi><![CDATA[a<b]]>x"}) {
    const Result r = Shared().extract(std::string("<p>The committee met on Tuesday.</p>") + page);
    EXPECT_NE(r.text.find("The committee met on Tuesday."), std::string::npos) << page;
  }
}

TEST(Robustness, DeeplyNestedJsonLdIsNotKept) {
  const Result r = Shared().extract(hostile::deep_json_ld(1000000));
  EXPECT_NE(r.text.find("The committee met on Tuesday"), std::string::npos);
  const std::string ok = "{\"@type\":\"NewsArticle\",\"author\":[{\"name\":\"A \\\"[[[\"}]}";
  const Prescanned p = prescan("<script type=\"application/ld+json\">" + ok +
                                   "</script><script type=\"application/ld+json\">" +
                                   std::string(65, '[') + std::string(65, ']') + "</script>",
                               PrescanOptions::all(512));
  ASSERT_EQ(p.json_ld.size(), 1u);
  EXPECT_EQ(p.json_ld[0], ok);
}

// Found by fuzzing (extract_fuzzer: "text is valid UTF-8"): Gumbo 0.10
// overflows an int on numeric references of many digits and writes the
// wrapped value out as invalid UTF-8. prescan replaces them with U+FFFD.
TEST(Robustness, HugeNumericCharacterReferences) {
  Options o;
  o.include_links = true;
  const Result r = Extractor(o).extract(hostile::huge_char_refs(3));
  ExpectSane(r, "huge_char_refs");
  std::string all;  // every block, kept or not (the link-only line is not article)
  for (const Block& b : r.blocks) all += b.text + "\n";
  EXPECT_NE(all.find("a\xEF\xBF\xBD`b\xEF\xBF\xBD" "cAd\xEF\xBF\xBD" "e\xEF\xBF\xBD" "f"),
            std::string::npos)
      << all;
  EXPECT_TRUE(ValidUtf8(r.markdown));
  EXPECT_EQ(prescan("&#x0000000041;&#1114111;&#x10FFFF;&#", PrescanOptions::all(512)).html,
            "&#x0000000041;&#1114111;&#x10FFFF;&#");
  EXPECT_EQ(prescan("x&#x1234567y&#12345678;z", PrescanOptions::all(512)).html,
            "x\xEF\xBF\xBDy\xEF\xBF\xBDz");
}

// Found by fuzzing (extract_fuzzer: "title is valid UTF-8"): meta values
// were cut at 2000 bytes, inside a character, and became the title.
TEST(Robustness, LongMultibyteMetaTitleStaysValid) {
  std::string title = "x";
  for (int i = 0; i < 1100; ++i) title += "\xC3\xA9";  // byte 2000 is inside an é
  const Result r = Shared().extract("<html><head><meta property=\"og:title\" content=\"" + title +
                                    "\"><title>" + title + "</title></head><body><p>" +
                                    hostile::prose() + "</p></body></html>");
  EXPECT_TRUE(ValidUtf8(r.metadata.title));
  EXPECT_FALSE(r.metadata.title.empty());
}

TEST(Robustness, TruncatedDownload) {
  const Result r = Shared().extract(hostile::truncated_page(1000));
  EXPECT_NE(r.text.find("Paragraph of the article."), std::string::npos);
}

// --- limits -------------------------------------------------------------------------

TEST(Robustness, InputOverTheLimitIsAnErrorNamingIt) {
  Options o;
  o.max_input_bytes = 1000;
  const Extractor ex(o);
  EXPECT_NO_THROW(ex.extract(std::string(1000, 'a')));
  try {
    ex.extract(std::string(1001, 'a'));
    FAIL() << "no Error";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kInputTooLarge);
    EXPECT_NE(std::string(e.what()).find("1001"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("max_input_bytes (1000)"), std::string::npos) << e.what();
  }
}

TEST(Robustness, DefaultInputLimitIs64MiB) {
  EXPECT_EQ(Options{}.max_input_bytes, std::size_t{64} << 20);
  EXPECT_EQ(Options{}.max_depth, 512);
}

TEST(Robustness, OutOfRangeOptionsAreErrors) {
  for (int depth : {15, 100001, -1}) {
    Options o;
    o.max_depth = depth;
    try {
      Extractor ex(o);
      FAIL() << depth;
    } catch (const Error& e) {
      EXPECT_EQ(e.code(), ErrorCode::kInvalidOption);
    }
  }
  Options o;
  o.max_input_bytes = 0;
  EXPECT_THROW(Extractor{o}, Error);
}

}  // namespace
}  // namespace extractor
