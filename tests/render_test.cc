// Unit tests for the renderers (lib/render_*.cc): text, Markdown, HTML, JSON.
// Blocks are built by hand so that each test states exactly what it renders.
#include "render.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "extractor/extractor.h"

namespace extractor {
namespace {

using Json = nlohmann::ordered_json;

Block B(BlockKind kind, std::string text, Label label = Label::kContent) {
  Block b;
  b.kind = kind;
  b.text = std::move(text);
  b.label = label;
  return b;
}
Block P(std::string text) { return B(BlockKind::kParagraph, std::move(text)); }
Block H(int level, std::string text) {
  Block b = B(BlockKind::kHeading, std::move(text));
  b.level = static_cast<std::uint8_t>(level);
  return b;
}
Block Li(std::string text, int level = 1, bool ordered = false) {
  Block b = B(BlockKind::kListItem, std::move(text));
  b.level = static_cast<std::uint8_t>(level);
  b.ordered = ordered;
  return b;
}
Block Row(std::string text) { return B(BlockKind::kTableRow, std::move(text)); }
Block Code(std::string text) { return B(BlockKind::kCode, std::move(text)); }
Block Caption(std::string text) { return B(BlockKind::kCaption, std::move(text)); }
Block Img(std::string src, std::string alt) {
  Block b = B(BlockKind::kImage, std::move(alt));
  b.src = std::move(src);
  return b;
}
Block Quote(Block b, int depth) {
  b.quote_depth = static_cast<std::uint8_t>(depth);
  return b;
}
// `text` with one span over its first occurrence of `inner`.
Block WithSpan(Block b, Span::Kind kind, const std::string& inner, std::string href = "") {
  const std::size_t at = b.text.find(inner);
  EXPECT_NE(at, std::string::npos) << inner;
  b.spans.push_back(Span{kind, static_cast<std::uint32_t>(at),
                         static_cast<std::uint32_t>(at + inner.size()), std::move(href)});
  return b;
}

Options Links() {
  Options o;
  o.include_links = true;
  return o;
}

// --- plain text -----------------------------------------------------------------

TEST(Render, TextBlankLineBetweenParagraphs) {
  EXPECT_EQ(render_text({H(1, "Title"), P("One."), P("Two.")}), "Title\n\nOne.\n\nTwo.");
}

TEST(Render, TextListItemsAndRowsOnAdjacentLines) {
  EXPECT_EQ(render_text({P("Intro:"), Li("a"), Li("b", 2), Li("c"), P("After."), Row("x\ty"),
                         Row("1\t2"), P("End.")}),
            "Intro:\n\na\nb\nc\n\nAfter.\n\nx\ty\n1\t2\n\nEnd.");
}

TEST(Render, TextLeavesOutCaptionsAndImages) {
  EXPECT_EQ(render_text({P("Before."), Img("a.jpg", "alt text"), Caption("A caption"),
                         P("After.")}),
            "Before.\n\nAfter.");
}

TEST(Render, TextOnlyTheRequestedLabel) {
  const std::vector<Block> blocks = {P("Article."), B(BlockKind::kParagraph, "Menu", Label::kBoilerplate),
                                     B(BlockKind::kParagraph, "Nice post!", Label::kComment),
                                     P("More article.")};
  EXPECT_EQ(render_text(blocks), "Article.\n\nMore article.");
  EXPECT_EQ(render_text(blocks, {}, Label::kComment), "Nice post!");
  EXPECT_EQ(render_text(blocks, {}, Label::kBoilerplate), "Menu");
}

TEST(Render, TextKeepsLineBreaksAndCodeVerbatim) {
  EXPECT_EQ(render_text({P("line one\nline two"), Code("  x = 1\n  y = 2")}),
            "line one\nline two\n\n  x = 1\n  y = 2");
}

TEST(Render, TextOfNothing) {
  EXPECT_EQ(render_text({}), "");
  EXPECT_EQ(render_text({Img("a.jpg", "x")}), "");
}

TEST(Render, ListAfterTableIsANewParagraph) {
  EXPECT_EQ(render_text({Row("a\tb"), Li("item")}), "a\tb\n\nitem");
}

// --- Markdown -------------------------------------------------------------------

TEST(Render, MarkdownHeadings) {
  EXPECT_EQ(render_markdown({H(1, "Title"), H(3, "Sub"), P("Text.")}),
            "# Title\n\n### Sub\n\nText.");
}

TEST(Render, MarkdownNestedAndOrderedLists) {
  EXPECT_EQ(render_markdown({Li("a"), Li("b", 2), Li("c", 3), Li("d")}),
            "- a\n  - b\n    - c\n- d");
  EXPECT_EQ(render_markdown({Li("first", 1, true), Li("second", 1, true)}),
            "1. first\n1. second");
}

TEST(Render, MarkdownBulletNestedUnderOrderedItem) {
  // Regression: nested items are indented 2 spaces per level whatever the parent's
  // marker. Under "1. " an item's content starts at column 3, so "  - b"
  // is not nested in CommonMark: it closes the ordered list and starts a
  // new bullet list. segment gives exactly this for <ol><li>a<ul><li>b.
  EXPECT_EQ(render_markdown({Li("a", 1, true), Li("b", 2, false)}), "1. a\n   - b");
}

TEST(Render, MarkdownTableWithHeaderSeparator) {
  EXPECT_EQ(render_markdown({P("Scores:"), Row("Name\tAge"), Row("Ann\t31"), Row("Bob\t42")}),
            "Scores:\n\n| Name | Age |\n| --- | --- |\n| Ann | 31 |\n| Bob | 42 |");
}

TEST(Render, MarkdownTwoTablesEachGetASeparator) {
  EXPECT_EQ(render_markdown({Row("a\tb"), P("Between."), Row("c\td")}),
            "| a | b |\n| --- | --- |\n\nBetween.\n\n| c | d |\n| --- | --- |");
}

TEST(Render, MarkdownTableCellPipeEscaped) {
  // Regression: a '|' inside a cell is only escaped at the start of a line, so
  // "a|b" in the first cell adds a column: "| a|b | c |".
  EXPECT_EQ(render_markdown({Row("a|b\tc")}), "| a\\|b | c |\n| --- | --- |");
}

TEST(Render, MarkdownFencedCode) {
  EXPECT_EQ(render_markdown({P("Run:"), Code("make *all*\n  [x] _y_")}),
            "Run:\n\n```\nmake *all*\n  [x] _y_\n```");
}

TEST(Render, MarkdownFenceLongerThanBackticksInCode) {
  // Regression: the fence is always three backticks, so code that holds a line of
  // three backticks (a Markdown tutorial) ends the block early. CommonMark:
  // the fence must be longer than any backtick run inside.
  EXPECT_EQ(render_markdown({Code("```\nx\n```")}), "````\n```\nx\n```\n````");
}

TEST(Render, MarkdownHeadingStaysOnOneLine) {
  // Regression: a heading's text may hold '\n' (segment turns <h1>a<br>b</h1>
  // into "a\nb"); rendered as "# a\nb", the second line is no longer part
  // of the heading.
  const std::string md = render_markdown({H(1, "Main title\nsubtitle")});
  EXPECT_EQ(md.find('\n'), std::string::npos) << md;
}

TEST(Render, MarkdownBlockquote) {
  EXPECT_EQ(render_markdown({P("He wrote:"), Quote(P("line one\nline two"), 1),
                             Quote(P("nested"), 2), P("After.")}),
            "He wrote:\n\n> line one\\\n> line two\n\n> > nested\n\nAfter.");
}

TEST(Render, MarkdownImagesAndCaptions) {
  const std::vector<Block> blocks = {P("Text."), Img("https://e.com/a.jpg", "A cat"),
                                     Caption("The cat, asleep")};
  EXPECT_EQ(render_markdown(blocks),
            "Text.\n\n![A cat](https://e.com/a.jpg)\n\n*The cat, asleep*");
  Options no_images;
  no_images.include_images = false;
  EXPECT_EQ(render_markdown(blocks, no_images), "Text.");
}

TEST(Render, MarkdownLinksOnlyWithIncludeLinks) {
  const std::vector<Block> blocks = {
      WithSpan(P("See the docs now."), Span::Kind::kLink, "the docs", "https://e.com/doc")};
  EXPECT_EQ(render_markdown(blocks), "See the docs now.");
  EXPECT_EQ(render_markdown(blocks, Links()), "See [the docs](https://e.com/doc) now.");
}

TEST(Render, MarkdownEmphasisStrongCode) {
  Block b = P("an em, a strong and code() here");
  b = WithSpan(b, Span::Kind::kEmphasis, "em");
  b = WithSpan(b, Span::Kind::kStrong, "strong");
  b = WithSpan(b, Span::Kind::kCode, "code()");
  EXPECT_EQ(render_markdown({b}), "an *em*, a **strong** and `code()` here");
}

TEST(Render, MarkdownNestedSpans) {
  Block b = WithSpan(P("a bold link b"), Span::Kind::kLink, "bold link", "/x");
  b = WithSpan(b, Span::Kind::kStrong, "old");
  EXPECT_EQ(render_markdown({b}, Links()), "a [b**old** link](/x) b");
}

// Spans as segment() emits them for <a href=/x><b>Bold</b> rest</a> and
// <strong><a href=/y>whole</a></strong>: in the order their elements close,
// so an inner span comes before the outer one.
Block SharedBoundarySpans() {
  Block b = P("Bold rest and whole end");
  b.spans.push_back(Span{Span::Kind::kStrong, 0, 4, ""});
  b.spans.push_back(Span{Span::Kind::kLink, 0, 9, "/x"});
  b.spans.push_back(Span{Span::Kind::kLink, 14, 19, "/y"});
  b.spans.push_back(Span{Span::Kind::kStrong, 14, 19, ""});
  return b;
}

TEST(Render, MarkdownNestedSpansSharingABoundary) {
  // Regression: marks at the same offset are ordered "closings first", then by the
  // order of Block::spans, not by nesting. Nested spans that start or end
  // together come out crossed: extract() with include_links on
  // <a href=/x><b>Bold</b> rest</a> and <strong><a href=/y>whole</a></strong>
  // gives "**[Bold** rest](/x) and [**whole](/y)**".
  EXPECT_EQ(render_markdown({SharedBoundarySpans()}, Links()),
            "[**Bold** rest](/x) and **[whole](/y)** end");
}

TEST(Render, HtmlNestedSpansSharingABoundary) {
  // Regression: as in Markdown; the HTML is ill-formed:
  // "<strong><a href=\"/x\">Bold</strong> rest</a> and
  //  <a href=\"/y\"><strong>whole</a></strong> end".
  EXPECT_EQ(render_html({SharedBoundarySpans()}, Links()),
            "<p><a href=\"/x\"><strong>Bold</strong> rest</a> and "
            "<strong><a href=\"/y\">whole</a></strong> end</p>\n");
}

TEST(Render, MarkdownSpanAtTheStart) {
  const Block b = WithSpan(P("Bold start"), Span::Kind::kStrong, "Bold");
  EXPECT_EQ(render_markdown({b}), "**Bold** start");
}

TEST(Render, MarkdownEscaping) {
  EXPECT_EQ(render_markdown({P("a*b_c [d] `e` \\f")}), "a\\*b\\_c \\[d\\] \\`e\\` \\\\f");
  EXPECT_EQ(render_markdown({P("# not a heading")}), "\\# not a heading");
  EXPECT_EQ(render_markdown({P("- not a list\n> not a quote\n+ plus")}),
            "\\- not a list\\\n\\> not a quote\\\n\\+ plus");
  // '#' and '-' inside a line are left alone.
  EXPECT_EQ(render_markdown({P("C# and F# - both")}), "C# and F# - both");
}

TEST(Render, MarkdownEscapingInHeadingsAndItems) {
  EXPECT_EQ(render_markdown({H(2, "snake_case")}), "## snake\\_case");
  // Escaped although the marker before it already keeps it literal.
  EXPECT_EQ(render_markdown({Li("# hash")}), "- \\# hash");
}

TEST(Render, MarkdownCodeSpanNotEscaped) {
  // Regression: text inside a code span is escaped like ordinary text, but
  // CommonMark takes backslashes in code spans literally: `foo_bar()`
  // becomes `foo\_bar()`, shown with the backslash.
  const Block b = WithSpan(P("call foo_bar() now"), Span::Kind::kCode, "foo_bar()");
  EXPECT_EQ(render_markdown({b}), "call `foo_bar()` now");
}

TEST(Render, MarkdownNumberAtLineStartNotAList) {
  // Regression: a paragraph starting "1984. " is rendered as is, and Markdown
  // reads it as an ordered list starting at 1984.
  EXPECT_EQ(render_markdown({P("1984. The year it all began.")}),
            "1984\\. The year it all began.");
}

TEST(Render, MarkdownOnlyTheRequestedLabel) {
  EXPECT_EQ(render_markdown({P("Kept."), B(BlockKind::kParagraph, "Dropped", Label::kBoilerplate)}),
            "Kept.");
}

TEST(Render, MarkdownWithoutTables) {
  Options o;
  o.include_tables = false;
  EXPECT_EQ(render_markdown({P("Text."), Row("a\tb")}, o), "Text.");
}

TEST(Render, TextWithoutTables) {
  Options o;
  o.include_tables = false;
  EXPECT_EQ(render_text({P("Text."), Row("a\tb")}, o), "Text.");
  EXPECT_EQ(render_text({P("Text."), Row("a\tb")}), "Text.\n\na\tb");
}

// --- HTML -------------------------------------------------------------------------

TEST(Render, HtmlParagraphsHeadingsAndEscaping) {
  EXPECT_EQ(render_html({H(2, "A <b> & \"c\""), P("x < y && z > w")}),
            "<h2>A &lt;b&gt; &amp; &quot;c&quot;</h2>\n<p>x &lt; y &amp;&amp; z &gt; w</p>\n");
}

TEST(Render, HtmlLineBreak) {
  EXPECT_EQ(render_html({P("one\ntwo")}), "<p>one<br>two</p>\n");
}

TEST(Render, HtmlListsGrouped) {
  EXPECT_EQ(render_html({P("Intro."), Li("a"), Li("b"), P("Mid."), Li("1", 1, true),
                         Li("2", 1, true)}),
            "<p>Intro.</p>\n<ul>\n<li>a</li>\n<li>b</li>\n</ul>\n<p>Mid.</p>\n"
            "<ol>\n<li>1</li>\n<li>2</li>\n</ol>\n");
}

TEST(Render, HtmlListTagsBalancedWhenOrderedMeetsUnordered) {
  // Regression: a run of list items opens the list of its first item and closes
  // the list of its last, so an ordered item followed by an unordered one
  // (what segment gives for <ol><li>a<ul><li>b</li></ul></li></ol>) yields
  // "<ol>\n<li>a</li>\n<li>b</li>\n</ul>\n": mismatched tags.
  const std::string html = render_html({Li("a", 1, true), Li("b", 2, false)});
  auto count = [&](const std::string& tag) {
    int n = 0;
    for (std::size_t p = html.find(tag); p != std::string::npos; p = html.find(tag, p + 1)) ++n;
    return n;
  };
  EXPECT_EQ(count("<ol>"), count("</ol>")) << html;
  EXPECT_EQ(count("<ul>"), count("</ul>")) << html;
}

TEST(Render, HtmlTable) {
  EXPECT_EQ(render_html({Row("Name\tAge"), Row("Ann\t31")}),
            "<table>\n<tr><td>Name</td><td>Age</td></tr>\n<tr><td>Ann</td><td>31</td></tr>\n"
            "</table>\n");
}

TEST(Render, HtmlSpansInTableCells) {
  Block row = WithSpan(Row("Ann\tsee profile"), Span::Kind::kLink, "profile", "/ann?a=1&b=2");
  row = WithSpan(row, Span::Kind::kStrong, "Ann");
  EXPECT_EQ(render_html({row}, Links()),
            "<table>\n<tr><td><strong>Ann</strong></td>"
            "<td>see <a href=\"/ann?a=1&amp;b=2\">profile</a></td></tr>\n</table>\n");
}

TEST(Render, HtmlFigureWithCaption) {
  EXPECT_EQ(render_html({Img("a.jpg?x=\"1\"", "A <cat>"), Caption("Asleep")}),
            "<figure><img src=\"a.jpg?x=%221%22\" alt=\"A &lt;cat&gt;\">"
            "<figcaption>Asleep</figcaption></figure>\n");
  EXPECT_EQ(render_html({Img("b.png", "")}), "<figure><img src=\"b.png\" alt=\"\"></figure>\n");
  EXPECT_EQ(render_html({Caption("Lone caption")}),
            "<figure><figcaption>Lone caption</figcaption></figure>\n");
}

TEST(Render, HtmlCodeAndQuotes) {
  EXPECT_EQ(render_html({Code("if (a < b) {\n  f();\n}")}),
            "<pre><code>if (a &lt; b) {\n  f();\n}</code></pre>\n");
  EXPECT_EQ(render_html({Quote(P("q1"), 1), Quote(P("q2"), 2), P("out")}),
            "<blockquote><p>q1</p>\n<blockquote><p>q2</p>\n</blockquote>\n</blockquote>\n"
            "<p>out</p>\n");
  EXPECT_EQ(render_html({Quote(P("last"), 1)}), "<blockquote><p>last</p>\n</blockquote>\n");
}

TEST(Render, HtmlInlineSpans) {
  Block b = WithSpan(P("an em, a strong, a link and code"), Span::Kind::kEmphasis, "em");
  b = WithSpan(b, Span::Kind::kStrong, "strong");
  b = WithSpan(b, Span::Kind::kLink, "link", "https://e.com/\"q\"");
  b = WithSpan(b, Span::Kind::kCode, "code");
  EXPECT_EQ(render_html({b}), "<p>an <em>em</em>, a <strong>strong</strong>, a link and "
                              "<code>code</code></p>\n");
  EXPECT_EQ(render_html({b}, Links()),
            "<p>an <em>em</em>, a <strong>strong</strong>, a "
            "<a href=\"https://e.com/%22q%22\">link</a> and <code>code</code></p>\n");
}

TEST(Render, HtmlWithoutImages) {
  Options o;
  o.include_images = false;
  EXPECT_EQ(render_html({Img("a.jpg", "A"), Caption("C"), P("T")}, o), "<p>T</p>\n");
}

// --- JSON ---------------------------------------------------------------------------

Result SampleResult() {
  Result r;
  r.text = "Body text.";
  r.markdown = "Body *text*.";
  r.metadata.title = "A title";
  r.metadata.authors = {"Ann Lee", "Bob Roe"};
  r.metadata.date = "2024-06-08";
  r.metadata.url = "https://e.com/a";
  r.metadata.sources.title = Source::kJsonLd;
  r.metadata.sources.authors = Source::kMeta;
  r.charset = "utf-8";
  return r;
}

std::vector<std::string> Keys(const Json& j) {
  std::vector<std::string> keys;
  for (auto it = j.begin(); it != j.end(); ++it) keys.push_back(it.key());
  return keys;
}

using Strings = std::vector<std::string>;

TEST(Render, JsonKeysInOrder) {
  const Json j = Json::parse(render_json(SampleResult()));
  EXPECT_EQ(Keys(j), (Strings{"url", "title", "author", "authors", "date", "site_name",
                              "language", "page_type", "text"}));
  EXPECT_EQ(j["url"], "https://e.com/a");
  EXPECT_EQ(j["title"], "A title");
  EXPECT_EQ(j["author"], "Ann Lee, Bob Roe");
  EXPECT_EQ(j["authors"], Json::array({"Ann Lee", "Bob Roe"}));
  EXPECT_EQ(j["date"], "2024-06-08");
  EXPECT_EQ(j["text"], "Body text.");
}

TEST(Render, JsonSourceFirst) {
  JsonOptions o;
  o.with_source = true;
  o.source = "pages/a.html";
  const Json j = Json::parse(render_json(SampleResult(), o));
  EXPECT_EQ(Keys(j), (Strings{"source", "url", "title", "author", "authors", "date",
                              "site_name", "language", "page_type", "text"}));
  EXPECT_EQ(j["source"], "pages/a.html");
}

TEST(Render, JsonNullWhereUnknown) {
  const Json j = Json::parse(render_json(Result{}));
  for (const char* key : {"url", "title", "author", "date", "site_name", "language"})
    EXPECT_TRUE(j[key].is_null()) << key;
  EXPECT_EQ(j["authors"], Json::array());
  EXPECT_EQ(j["text"], "");
  EXPECT_EQ(render_json(Result{}),
            "{\"url\":null,\"title\":null,\"author\":null,\"authors\":[],\"date\":null,"
            "\"site_name\":null,\"language\":null,\"page_type\":\"other\",\"text\":\"\"}");
}

TEST(Render, JsonValidWithControlCharactersAndLineSeparators) {
  Result r;
  r.text = std::string("tab\there \"quoted\" back\\slash\x01\x1f nul\0 end", 40) +
           "\xE2\x80\xA8 ls \xE2\x80\xA9 ps";
  const std::string out = render_json(r);
  EXPECT_EQ(out.find('\x01'), std::string::npos);
  EXPECT_EQ(out.find('\0'), std::string::npos);
  const Json j = Json::parse(out);
  EXPECT_EQ(j["text"].get<std::string>(), r.text);
}

TEST(Render, JsonInvalidUtf8Replaced) {
  Result r;
  r.text = "caf\xE9";
  std::string out;
  ASSERT_NO_THROW(out = render_json(r));
  EXPECT_EQ(Json::parse(out)["text"], "caf\xEF\xBF\xBD");
}

TEST(Render, JsonPretty) {
  JsonOptions o;
  o.pretty = true;
  const std::string out = render_json(SampleResult(), o);
  EXPECT_EQ(out.rfind("{\n  \"url\": \"https://e.com/a\",\n  \"title\"", 0), 0u) << out;
  EXPECT_EQ(Json::parse(out), Json::parse(render_json(SampleResult())));
  EXPECT_EQ(render_json(SampleResult()).find('\n'), std::string::npos);
}

TEST(Render, JsonFullAddsKeys) {
  JsonOptions o;
  o.full = true;
  const Json j = Json::parse(render_json(SampleResult(), o));
  EXPECT_EQ(Keys(j), (Strings{"url", "title", "author", "authors", "date", "site_name",
                              "language", "page_type", "text", "page_type_confidence",
                              "article_probability", "date_modified", "description", "image",
                              "categories", "tags", "markdown", "comments", "charset",
                              "empty_reason", "posts", "sources"}));
  EXPECT_EQ(j["markdown"], "Body *text*.");
  EXPECT_EQ(j["charset"], "utf-8");
  EXPECT_TRUE(j["comments"].is_null());
  EXPECT_TRUE(j["date_modified"].is_null());
  EXPECT_EQ(j["categories"], Json::array());
  EXPECT_EQ(j["posts"], Json::array());
  EXPECT_EQ(j["sources"]["title"], "json-ld");
  EXPECT_EQ(j["sources"]["authors"], "meta");
  EXPECT_EQ(j["sources"]["date"], "none");
  // One entry per metadata field, in the order of Metadata::Sources.
  const Strings sources = Keys(j["sources"]);
  const Strings first{"title", "authors", "date", "date_modified", "site_name",
                      "language", "description", "url", "image"};
  ASSERT_GE(sources.size(), first.size());
  EXPECT_EQ(Strings(sources.begin(), sources.begin() + 9), first);
  for (const auto& it : j["sources"].items()) EXPECT_TRUE(it.value().is_string()) << it.key();
}

TEST(Render, JsonWithBlocks) {
  Result r = SampleResult();
  Block h = H(2, "Heading");
  h.score = 0.8765f;
  h.reason = Reason::kRegion;
  h.path = "body>article>h2";
  Block img = Img("https://e.com/i.jpg", "alt");
  img.label = Label::kBoilerplate;
  img.reason = Reason::kOutside;
  r.blocks = {h, img};
  JsonOptions o;
  o.with_blocks = true;
  const Json j = Json::parse(render_json(r, o));
  EXPECT_EQ(Keys(j).back(), "blocks");
  ASSERT_EQ(j["blocks"].size(), 2u);
  const Json& b0 = j["blocks"][0];
  EXPECT_EQ(b0["kind"], "heading");
  EXPECT_EQ(b0["label"], "content");
  EXPECT_NEAR(b0["score"].get<double>(), 0.877, 1e-6);
  EXPECT_EQ(b0["reason"], "region");
  EXPECT_EQ(b0["path"], "body>article>h2");
  EXPECT_EQ(b0["level"], 2);
  EXPECT_FALSE(b0.contains("src"));
  EXPECT_EQ(b0["text"], "Heading");
  const Json& b1 = j["blocks"][1];
  EXPECT_EQ(b1["kind"], "image");
  EXPECT_EQ(b1["label"], "boilerplate");
  EXPECT_EQ(b1["src"], "https://e.com/i.jpg");
  EXPECT_FALSE(b1.contains("level"));
  // Without the option there is no "blocks" key.
  EXPECT_FALSE(Json::parse(render_json(r)).contains("blocks"));
}

TEST(Render, EnumNames) {
  EXPECT_STREQ(to_string(BlockKind::kParagraph), "paragraph");
  EXPECT_STREQ(to_string(BlockKind::kListItem), "list-item");
  EXPECT_STREQ(to_string(BlockKind::kTableRow), "table-row");
  EXPECT_STREQ(to_string(BlockKind::kCode), "code");
  EXPECT_STREQ(to_string(BlockKind::kCaption), "caption");
  EXPECT_STREQ(to_string(Label::kComment), "comment");
  EXPECT_STREQ(to_string(Source::kJsonLd), "json-ld");
  EXPECT_STREQ(to_string(Source::kUrl), "url");
}

TEST(Render, MetadataAuthorJoined) {
  Metadata m;
  EXPECT_EQ(m.author(), "");
  m.authors = {"Ann"};
  EXPECT_EQ(m.author(), "Ann");
  m.authors = {"Ann", "Bob", "Cy"};
  EXPECT_EQ(m.author(), "Ann, Bob, Cy");
}

}  // namespace
}  // namespace extractor

// --- what may be shown (lib/safe_url) ---------------------------------------------
// Blocks built by hand here hold whatever a caller put in them: the
// renderers filter again, so no Result can make them write an active URL.
namespace extractor {
namespace {

TEST(RenderSafety, LinkWithScriptSchemeKeepsItsTextOnly) {
  const Block b = WithSpan(WithSpan(P("a bad link and a good one"), Span::Kind::kLink, "bad link",
                                    " JaVa\tScRiPt:alert(1)"),
                           Span::Kind::kLink, "good one", "https://e.com/ok");
  EXPECT_EQ(render_html({b}, Links()),
            "<p>a bad link and a <a href=\"https://e.com/ok\">good one</a></p>\n");
  EXPECT_EQ(render_markdown({b}, Links()), "a bad link and a [good one](https://e.com/ok)");
}

TEST(RenderSafety, ImageWithScriptSchemeLeftOutCaptionStays) {
  const std::vector<Block> blocks = {Img("data:image/svg+xml,<svg onload=alert(1)>", "A map"),
                                     Caption("The map")};
  EXPECT_EQ(render_html(blocks), "<figure><figcaption>The map</figcaption></figure>\n");
  EXPECT_EQ(render_markdown(blocks), "*The map*");
  Result r;
  r.blocks = blocks;
  JsonOptions jo;
  jo.with_blocks = true;
  EXPECT_EQ(Json::parse(render_json(r, jo))["blocks"][0].count("src"), 0u);
}

TEST(RenderSafety, MarkdownDestinationsPercentEncoded) {
  const Block b = WithSpan(P("see the map now"), Span::Kind::kLink, "the map",
                           "https://e.com/map (large)?a=1&amp;b=[2]");
  EXPECT_EQ(render_markdown({b}, Links()),
            "see [the map](https://e.com/map%20%28large%29?a=1%26amp;b=%5B2%5D) now");
  EXPECT_EQ(render_markdown({Img("https://e.com/a (1).jpg", "A")}),
            "![A](https://e.com/a%20%281%29.jpg)");
}

TEST(RenderSafety, MarkdownTextCannotBecomeLinksImagesOrHtml) {
  EXPECT_EQ(render_markdown({P("[x](javascript:alert(1)) ![y](z) <img src=x onerror=f()> "
                               "<javascript:alert(2)> &#106;s &amp; AT&T")}),
            "\\[x\\](javascript:alert(1)) !\\[y\\](z) \\<img src=x onerror=f()> "
            "\\<javascript:alert(2)> \\&#106;s \\&amp; AT&T");
  EXPECT_EQ(markdown_escape("[a](b) <i>"), "\\[a\\](b) \\<i>");
  // A line of tildes would open a code fence, one of '=' underline a heading.
  EXPECT_EQ(render_markdown({P("Menu\n~~~~~\n=====\nend")}), "Menu\\\n\\~~~~~\\\n\\=====\\\nend");
}

TEST(RenderSafety, JsonUrlAndImageFiltered) {
  Result r;
  r.metadata.url = "javascript:alert(1)";
  r.metadata.image = "vbscript:msgbox(1)";
  JsonOptions jo;
  jo.full = true;
  const Json j = Json::parse(render_json(r, jo));
  EXPECT_TRUE(j["url"].is_null());
  EXPECT_TRUE(j["image"].is_null());
  r.metadata.url = "https://e.com/a b";
  EXPECT_EQ(Json::parse(render_json(r, jo))["url"], "https://e.com/a%20b");
}

}  // namespace
}  // namespace extractor
