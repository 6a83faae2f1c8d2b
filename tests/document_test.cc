// Unit tests for what the public types say about themselves and for the
// documents the command writes (lib/document.cc, lib/result.cc): the layout
// of every format, the error line, enum names both ways, equality, version.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <regex>
#include <string>
#include <vector>

#include "extractor/extractor.h"

namespace extractor {
namespace {

using Json = nlohmann::ordered_json;

Result Sample() {
  Result r;
  r.text = "First paragraph.\n\nSecond.";
  r.markdown = "First *paragraph*.\n\nSecond.";
  r.html = "<p>First paragraph.</p><p>Second.</p>";
  r.metadata.title = "A title";
  r.metadata.authors = {"Ann Lee", "Bob Roe"};
  r.metadata.date = "2024-06-08";
  r.metadata.site_name = "The Site";
  r.metadata.url = "https://e.com/a";
  return r;
}

DocumentOptions As(Format format, bool several = false) {
  DocumentOptions o;
  o.format = format;
  o.several = several;
  return o;
}

TEST(Document, TextAloneAndOneOfSeveral) {
  EXPECT_EQ(render_document(Sample(), "a.html", As(Format::kText)),
            "First paragraph.\n\nSecond.\n");
  EXPECT_EQ(render_document(Sample(), "a.html", As(Format::kText, true)),
            "==> a.html <==\nFirst paragraph.\n\nSecond.\n\n");
}

TEST(Document, TextWithMetadataAndComments) {
  Result r = Sample();
  r.comments = "Nice piece.\nThanks.";
  DocumentOptions o = As(Format::kText);
  o.with_metadata = true;
  EXPECT_EQ(render_document(r, "a.html", o),
            "title: A title\nauthor: Ann Lee, Bob Roe\ndate: 2024-06-08\nsite: The Site\n"
            "url: https://e.com/a\n\nFirst paragraph.\n\nSecond.\n\n--- comments ---\n\n"
            "Nice piece.\nThanks.\n");
  // No known field: no header at all, not a lone blank line.
  EXPECT_EQ(render_document(Result(), "a.html", o), "\n");
}

TEST(Document, MarkdownWithMetadataAndComments) {
  Result r = Sample();
  r.comments = "Nice piece.";
  DocumentOptions o = As(Format::kMarkdown, true);
  o.with_metadata = true;
  EXPECT_EQ(render_document(r, "d/a.html", o),
            "<!-- d/a.html -->\n# A title\n\n*Ann Lee, Bob Roe \xC2\xB7 2024-06-08*\n\n"
            "First *paragraph*.\n\nSecond.\n\n## Comments\n\nNice piece.\n\n");
  r.metadata.authors.clear();
  EXPECT_EQ(render_document(r, "a", As(Format::kMarkdown)).rfind("First", 0), 0u);  // no header
  o.several = false;
  EXPECT_EQ(render_document(r, "a", o).rfind("# A title\n\n*2024-06-08*\n\n", 0), 0u);
  r.metadata.title.clear();  // no title: no header, even with a date
  EXPECT_EQ(render_document(r, "a", o).rfind("First", 0), 0u);
}

TEST(Document, MarkdownLayoutIsEscapedLikeTheArticle) {
  Result r = Sample();
  r.metadata.title = "News [read](javascript:x)\nline two";
  r.comments = "<script>alert(1)</script>";
  DocumentOptions o = As(Format::kMarkdown, true);
  o.with_metadata = true;
  const std::string doc = render_document(r, "a--> <b>--.html", o);
  EXPECT_EQ(doc.rfind("<!-- a- -> <b>- -.html -->\n# News \\[read\\](javascript:x) line two\n", 0),
            0u)
      << doc;
  EXPECT_NE(doc.find("## Comments\n\n" + markdown_escape(r.comments)), std::string::npos) << doc;
  EXPECT_NE(doc.find("\\<script>"), std::string::npos) << doc;
}

TEST(Document, HtmlIsTheFragment) {
  EXPECT_EQ(render_document(Sample(), "a", As(Format::kHtml)), Sample().html);
  EXPECT_EQ(render_document(Sample(), "a", As(Format::kHtml, true)), Sample().html);
}

TEST(Document, JsonPrettyAloneOneLineInAStream) {
  JsonOptions jo;
  jo.with_source = true;
  jo.source = "a.html";
  jo.pretty = true;
  EXPECT_EQ(render_document(Sample(), "a.html", As(Format::kJson)),
            render_json(Sample(), jo) + "\n");
  jo.pretty = false;
  EXPECT_EQ(render_document(Sample(), "a.html", As(Format::kJson, true)),
            render_json(Sample(), jo) + "\n");
  EXPECT_EQ(render_document(Sample(), "a.html", As(Format::kJsonLines)),
            render_json(Sample(), jo) + "\n");
  DocumentOptions o = As(Format::kJsonLines);
  o.full = true;
  o.with_blocks = true;
  const Json j = Json::parse(render_document(Sample(), "a.html", o));
  EXPECT_TRUE(j.contains("markdown"));
  EXPECT_TRUE(j.contains("blocks"));
}

TEST(Document, ErrorLineHasTheKeysOfAnEmptyResultAndTheErrorLast) {
  const std::string line = render_error("d/b.html", "Permission denied", As(Format::kJsonLines));
  EXPECT_EQ(line,
            "{\"source\":\"d/b.html\",\"url\":null,\"title\":null,\"author\":null,"
            "\"authors\":[],\"date\":null,\"site_name\":null,\"language\":null,"
            "\"page_type\":\"other\",\"text\":\"\",\"error\":\"Permission denied\"}\n");
  // One line even where a page alone would be pretty-printed.
  EXPECT_EQ(render_error("d/b.html", "Permission denied", As(Format::kJson)), line);
  DocumentOptions o = As(Format::kJsonLines);
  o.full = true;
  o.with_blocks = true;
  const Json j = Json::parse(render_error("x", "gone", o));
  std::vector<std::string> keys;
  for (auto it = j.begin(); it != j.end(); ++it) keys.push_back(it.key());
  EXPECT_EQ(keys.front(), "source");
  EXPECT_EQ(keys.back(), "error");
  EXPECT_TRUE(j.contains("sources"));
  EXPECT_EQ(j["blocks"], Json::array());
}

TEST(Document, ErrorLineIsValidJsonWhateverTheMessageAndName) {
  const std::string message = std::string("bad \"quote\" back\\slash\ttab\x01\nline\0nul", 35) +
                              " caf\xE9";  // invalid UTF-8 too
  const std::string name = "we\"ird\\name\x7f.html";
  const std::string line = render_error(name, message, As(Format::kJsonLines));
  ASSERT_EQ(line.back(), '\n');
  EXPECT_EQ(line.find('\n'), line.size() - 1);  // one line
  const Json j = Json::parse(line);
  EXPECT_EQ(j["source"], name);
  EXPECT_EQ(j["error"], std::string(message, 0, message.size() - 1) + "\xEF\xBF\xBD");
}

TEST(Document, NoErrorLineOutsideJson) {
  for (Format f : {Format::kText, Format::kMarkdown, Format::kHtml})
    EXPECT_EQ(render_error("a", "gone", As(f, true)), "") << to_string(f);
}

TEST(Document, JsonErrorOptionOnAnyResult) {
  JsonOptions jo;
  jo.error = "x";
  const Json j = Json::parse(render_json(Sample(), jo));
  EXPECT_EQ(j["error"], "x");
  EXPECT_FALSE(Json::parse(render_json(Sample())).contains("error"));
}

// Every value of an enum, by counting up until to_string() gives "?".
template <typename Enum>
std::vector<Enum> Values() {
  std::vector<Enum> out;
  for (int i = 0; std::string(to_string(static_cast<Enum>(i))) != "?"; ++i)
    out.push_back(static_cast<Enum>(i));
  return out;
}

template <typename Enum>
void ExpectNamesRoundTrip(std::size_t count) {
  const std::vector<Enum> values = Values<Enum>();
  EXPECT_EQ(values.size(), count);
  std::vector<std::string> seen;
  for (Enum v : values) {
    const std::string name = to_string(v);
    EXPECT_TRUE(std::regex_match(name, std::regex("[a-z_]+(-[a-z]+)*"))) << name;
    EXPECT_EQ(std::count(seen.begin(), seen.end(), name), 0) << name;
    seen.push_back(name);
    EXPECT_EQ(from_string<Enum>(name), v) << name;
  }
  try {
    from_string<Enum>("no such name");
    ADD_FAILURE() << "from_string accepted a name it does not know";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kInvalidOption);
    EXPECT_NE(std::string(e.what()).find("'" + seen.front() + "'"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("'no such name'"), std::string::npos) << e.what();
  }
}

TEST(Names, EveryEnumRoundTrips) {
  ExpectNamesRoundTrip<BlockKind>(7);
  ExpectNamesRoundTrip<Label>(3);
  ExpectNamesRoundTrip<Source>(6);
  ExpectNamesRoundTrip<Reason>(44);
  ExpectNamesRoundTrip<EmptyReason>(13);
  ExpectNamesRoundTrip<Span::Kind>(4);
  ExpectNamesRoundTrip<Focus>(3);
  ExpectNamesRoundTrip<Format>(5);
  ExpectNamesRoundTrip<PageType>(7);
}

TEST(Names, TheWordsTheJsonHasAlwaysWritten) {
  EXPECT_STREQ(to_string(Reason::kLinkDensity), "link-density");
  EXPECT_STREQ(to_string(Reason::kMediaOutside), "media-outside");
  EXPECT_STREQ(to_string(Reason::kAuthorBio), "author-bio");
  EXPECT_STREQ(describe(EmptyReason::kNoText), "the page has no visible text");
  EXPECT_STREQ(describe(EmptyReason::kNoArticle), "no block of the page reads as an article");
  EXPECT_STREQ(describe(EmptyReason::kNone), "");
  // The sentence reads back too (Python's from_dict of a JSON object).
  EXPECT_EQ(from_string<EmptyReason>("no block of the page reads as an article"),
            EmptyReason::kNoArticle);
  EXPECT_STREQ(to_string(Format::kJsonLines), "jsonl");
  EXPECT_STREQ(to_string(ErrorCode::kInputTooLarge), "input_too_large");
}

TEST(Names, EmptyReasonInTheJson) {
  Result r;
  r.empty_reason = EmptyReason::kNoArticle;
  JsonOptions jo;
  jo.full = true;
  EXPECT_EQ(Json::parse(render_json(r, jo))["empty_reason"],
            "no block of the page reads as an article");
  EXPECT_TRUE(Json::parse(render_json(Sample(), jo))["empty_reason"].is_null());
}

TEST(Equality, EveryFieldCounts) {
  const Result a = Sample();
  Result b = a;
  EXPECT_TRUE(a == b);
  b.metadata.sources.tags = Source::kMeta;
  EXPECT_TRUE(a != b);
  b = a;
  b.empty_reason = EmptyReason::kNoText;
  EXPECT_FALSE(a == b);
  Block x;
  x.text = "t";
  x.spans.push_back(Span{Span::Kind::kLink, 0, 1, "https://e.com/"});
  Block y = x;
  EXPECT_TRUE(x == y);
  y.spans[0].href = "https://e.com/other";
  EXPECT_TRUE(x != y);
  y = x;
  y.reason = Reason::kNav;
  EXPECT_TRUE(x != y);
  y = x;
  y.score = 0.5f;
  EXPECT_TRUE(x != y);
  b = a;
  b.blocks.push_back(x);
  EXPECT_TRUE(a != b);
}

TEST(Version, FromTheBuild) {
  EXPECT_STREQ(version(), EXTRACTOR_VERSION);
  EXPECT_TRUE(std::regex_match(version(), std::regex("[0-9]+\\.[0-9]+\\.[0-9]+")));
  EXPECT_EQ(std::string(version()), std::to_string(EXTRACTOR_VERSION_MAJOR) + "." +
                                        std::to_string(EXTRACTOR_VERSION_MINOR) + "." +
                                        std::to_string(EXTRACTOR_VERSION_PATCH));
}

TEST(Options, TheTwoPartsAreWhatTheStagesRead) {
  Options o;
  o.focus = Focus::kRecall;  // an ExtractOptions field
  o.include_links = true;    // a RenderOptions field
  const ExtractOptions& e = o;
  const RenderOptions& r = o;
  EXPECT_EQ(e.focus, Focus::kRecall);
  EXPECT_TRUE(r.include_links);
  EXPECT_EQ(Extractor(o).options().focus, Focus::kRecall);
  // Rendering reads only its part: the same blocks, rendered with an Options
  // or with its RenderOptions alone, give the same Markdown.
  Block b;
  b.label = Label::kContent;
  b.text = "see the docs";
  b.spans.push_back(Span{Span::Kind::kLink, 8, 12, "https://e.com/docs"});
  EXPECT_EQ(render_markdown({b}, o), render_markdown({b}, r));
  EXPECT_EQ(render_markdown({b}, r), "see the [docs](https://e.com/docs)");
}

}  // namespace
}  // namespace extractor
