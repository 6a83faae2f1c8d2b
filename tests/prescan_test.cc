// Unit tests for lib/prescan: raw-text bodies dropped before the parse,
// JSON-LD kept aside, open-element depth capped.
#include "prescan.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <string_view>

#include "decode.h"
#include "dom.h"
#include "extractor/extractor.h"
#include "patterns.h"
#include "segment.h"

namespace extractor {
namespace {

int Count(std::string_view haystack, std::string_view needle) {
  int n = 0;
  for (std::size_t p = haystack.find(needle); p != std::string_view::npos;
       p = haystack.find(needle, p + needle.size()))
    ++n;
  return n;
}

// The page as the levers-off pass writes it (the tests of the levers below
// use Levers()).
std::string Html(std::string_view in, int max_depth = 512) {
  return prescan(in, PrescanOptions::bodies_only(max_depth)).html;
}

// --- script and style bodies --------------------------------------------------

TEST(Prescan, DropsScriptBody) {
  const Prescanned p = prescan("<p>a</p><script>var x = '<p>b</p>';</script><p>c</p>", PrescanOptions::bodies_only(512));
  EXPECT_EQ(p.html, "<p>a</p><script></script><p>c</p>");
  EXPECT_TRUE(p.json_ld.empty());
}

TEST(Prescan, DropsStyleBodyKeepsTags) {
  EXPECT_EQ(Html("<style media=\"print\">p > a { color: red }</style><p>x</p>"),
            "<style media=\"print\"></style><p>x</p>");
}

TEST(Prescan, KeepsScriptAttributes) {
  EXPECT_EQ(Html("<script src=\"/a.js\" async>ignored()</script>"),
            "<script src=\"/a.js\" async></script>");
}

TEST(Prescan, UpperCaseAndSpacedEndTags) {
  EXPECT_EQ(Html("<SCRIPT>a()</SCRIPT ><Style>b{}</STYLE>x"), "<SCRIPT></SCRIPT ><Style></STYLE>x");
}

TEST(Prescan, EndTagNeedsTheWholeName) {
  // "</scripty>" and "</script-x>" do not end a script; "</script/>" does.
  EXPECT_EQ(Html("<script>a</scripty>b</script>c"), "<script></script>c");
  EXPECT_EQ(Html("<script>a</script/>c"), "<script></script/>c");
}

TEST(Prescan, TextWithoutTagsUnchanged) {
  EXPECT_EQ(Html("a < b and c > d, 1<2"), "a < b and c > d, 1<2");
  EXPECT_EQ(Html(""), "");
}

TEST(Prescan, ManyScriptsAllDropped) {
  EXPECT_EQ(Html("<script>1</script><p>a</p><script>2</script><style>3</style><p>b</p>"),
            "<script></script><p>a</p><script></script><style></style><p>b</p>");
}

// --- JSON-LD ---------------------------------------------------------------------

TEST(Prescan, JsonLdCollectedInOrder) {
  const Prescanned p = prescan(
      "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\"}</script>"
      "<p>x</p>"
      "<script type=\"application/ld+json\">{\"@type\":\"Person\"}</script>",
      PrescanOptions::bodies_only(512));
  ASSERT_EQ(p.json_ld.size(), 2u);
  EXPECT_EQ(p.json_ld[0], "{\"@type\":\"NewsArticle\"}");
  EXPECT_EQ(p.json_ld[1], "{\"@type\":\"Person\"}");
  // The bodies are still dropped from the HTML.
  EXPECT_EQ(p.html,
            "<script type=\"application/ld+json\"></script><p>x</p>"
            "<script type=\"application/ld+json\"></script>");
}

TEST(Prescan, JsonLdTypeAttributeVariants) {
  for (std::string_view tag :
       {"<script type='application/ld+json'>", "<script TYPE=\"Application/LD+JSON\">",
        "<script type=application/ld+json>", "<script type=\" application/ld+json\">",
        "<script type=\"application/ld+json; charset=utf-8\">",
        "<script id=\"schema\" type=\"application/ld+json\" nonce=\"abc\">",
        "<script\ntype = \"application/ld+json\">"}) {
    const Prescanned p = prescan(std::string(tag) + "{\"a\":1}</script>", PrescanOptions::bodies_only(512));
    ASSERT_EQ(p.json_ld.size(), 1u) << tag;
    EXPECT_EQ(p.json_ld[0], "{\"a\":1}") << tag;
  }
}

TEST(Prescan, OtherScriptTypesAreNotJsonLd) {
  for (std::string_view tag :
       {"<script>", "<script type=\"text/javascript\">", "<script type=\"application/json\">",
        "<script type=\"module\">", "<script data-type=\"application/ld+json\">"}) {
    const Prescanned p = prescan(std::string(tag) + "{\"a\":1}</script>", PrescanOptions::bodies_only(512));
    EXPECT_TRUE(p.json_ld.empty()) << tag;
  }
}

TEST(Prescan, MarkupTemplatesDroppedUnlessUnwrapped) {
  const std::string page =
      "<p>a</p><script type='text/template'><p>The post</p></script>"
      "<script type=\"TEXT/HTML \"><li>item</li></script><script>var x;</script><p>c</p>";
  PrescanOptions o = PrescanOptions::bodies_only(512);
  const Prescanned dropped = prescan(page, o);
  EXPECT_TRUE(dropped.has_templates);
  EXPECT_EQ(dropped.html.find("The post"), std::string::npos);
  o.unwrap_templates = true;
  const Prescanned unwrapped = prescan(page, o);
  EXPECT_EQ(unwrapped.html,
            "<p>a</p><div><p>The post</p></script><div><li>item</li></script>"
            "<script></script><p>c</p>");
  // Other script types are no templates.
  for (std::string_view tag :
       {"<script>", "<script type=\"text/javascript\">", "<script type=\"text/x-template\">",
        "<script type=\"text/html-x\">", "<script data-type=\"text/template\">"}) {
    const Prescanned p = prescan(std::string(tag) + "<p>x</p></script>", o);
    EXPECT_FALSE(p.has_templates) << tag;
    EXPECT_EQ(p.html.find("<p>x</p>"), std::string::npos) << tag;
  }
}

TEST(Prescan, JsonLdHoldingHtmlInStrings) {
  const Prescanned p = prescan(
      "<script type=\"application/ld+json\">{\"articleBody\":\"<p>a</p><div>\"}</script><p>z</p>",
      PrescanOptions::bodies_only(512));
  ASSERT_EQ(p.json_ld.size(), 1u);
  EXPECT_EQ(p.json_ld[0], "{\"articleBody\":\"<p>a</p><div>\"}");
  EXPECT_EQ(p.html, "<script type=\"application/ld+json\"></script><p>z</p>");
}

// --- where a tag starts and ends ----------------------------------------------

TEST(Prescan, ScriptTagInQuotedAttributeOfAnotherTag) {
  // "<script>" inside an attribute value is not a tag.
  const std::string in =
      "<p data-x=\"<script>\" title='</script>'>keep me</p><p>and me</p>";
  EXPECT_EQ(Html(in), in);
}

TEST(Prescan, EndScriptInScriptsOwnAttribute) {
  EXPECT_EQ(Html("<script data-x=\"</script>\">body()</script><p>after</p>"),
            "<script data-x=\"</script>\"></script><p>after</p>");
}

TEST(Prescan, GreaterThanInQuotedAttribute) {
  EXPECT_EQ(Html("<div title=\"a > b\"><script>x()</script></div>"),
            "<div title=\"a > b\"><script></script></div>");
}

TEST(Prescan, ScriptDataEscapeStates) {
  // Inside "<!--", "<script>" starts a double-escaped section where
  // "</script>" does not end the element; "-->" leaves the escape.
  EXPECT_EQ(Html("<script><!-- <script> </script> --></script><p>after</p>"),
            "<script></script><p>after</p>");
  EXPECT_EQ(Html("<script><!-- document.write('<script>x<\\/script>') --></script><p>y</p>"),
            "<script></script><p>y</p>");
}

TEST(Prescan, ScriptEscapedEndsAtEndTag) {
  // Escaped but not double-escaped: "</script>" ends the element.
  EXPECT_EQ(Html("<script><!-- a() </script><p>after</p>"), "<script></script><p>after</p>");
}

TEST(Prescan, ScriptEmptyCommentDoesNotEscape) {
  EXPECT_EQ(Html("<script><!--> <script> </script><p>a</p>"), "<script></script><p>a</p>");
}

TEST(Prescan, LessThanInScriptCode) {
  EXPECT_EQ(Html("<script>if (a<b && c</d) f('</p>');</script><p>z</p>"),
            "<script></script><p>z</p>");
}

TEST(Prescan, TitleRcdataUntouched) {
  const std::string in = "<title>a <script>b()</script> c</title><p>d</p><script>e()</script>";
  EXPECT_EQ(Html(in), "<title>a <script>b()</script> c</title><p>d</p><script></script>");
}

TEST(Prescan, TextareaRcdataUntouched) {
  const std::string in = "<textarea><style>x{}</style><script>y</script></textarea><p>d</p>";
  EXPECT_EQ(Html(in), in);
}

TEST(Prescan, XmpAndIframeRawTextUntouched) {
  EXPECT_EQ(Html("<xmp><script>y</script></xmp>"), "<xmp><script>y</script></xmp>");
  EXPECT_EQ(Html("<iframe><script>y</script></iframe>"), "<iframe><script>y</script></iframe>");
  EXPECT_EQ(Html("<noembed><style>y</style></noembed>"), "<noembed><style>y</style></noembed>");
}

TEST(Prescan, CommentHoldingScriptUntouched) {
  const std::string in = "<!-- <script> --><p>a</p><!-- <style> -->b";
  EXPECT_EQ(Html(in), in);
}

TEST(Prescan, ShortCommentsCloseAtOnce) {
  const std::string in = "<!--><script>x</script><!---><style>y</style>";
  EXPECT_EQ(Html(in), "<!--><script></script><!---><style></style>");
}

TEST(Prescan, BogusCommentAndDoctype) {
  EXPECT_EQ(Html("<!DOCTYPE html><?php echo '<script>'; ?><script>x</script>"),
            "<!DOCTYPE html><?php echo '<script>'; ?><script></script>");
}

TEST(Prescan, UnterminatedScriptAtEof) {
  EXPECT_EQ(Html("<p>a</p><script>var x = '<p>never</p>';"), "<p>a</p><script>");
}

TEST(Prescan, UnterminatedJsonLdAtEofStillCollected) {
  const Prescanned p = prescan("<script type=\"application/ld+json\">{\"a\":1}", PrescanOptions::bodies_only(512));
  ASSERT_EQ(p.json_ld.size(), 1u);
  EXPECT_EQ(p.json_ld[0], "{\"a\":1}");
  EXPECT_EQ(p.html, "<script type=\"application/ld+json\">");
}

TEST(Prescan, UnterminatedCommentRunsToEof) {
  EXPECT_EQ(Html("<p>a</p><!-- <script>x</script>"), "<p>a</p><!-- <script>x</script>");
}

TEST(Prescan, UnclosedTitleClosedBeforeNextTag) {
  // A documented recovery: browsers would show a blank page.
  EXPECT_EQ(Html("<title>Broken title<p>Body text</p><script>x</script>"),
            "<title>Broken title</title><p>Body text</p><script></script>");
  EXPECT_EQ(Html("<TEXTAREA>draft<div>x</div>"), "<TEXTAREA>draft</textarea><div>x</div>");
}

TEST(Prescan, UnclosedTitleWithoutFollowingTag) {
  EXPECT_EQ(Html("<title>only text"), "<title>only text");
}

TEST(Prescan, PlaintextSwallowsTheRest) {
  const std::string in = "<p>a</p><plaintext><script>x</script><style>y</style>";
  EXPECT_EQ(Html(in), in);
}

// --- foreign content ----------------------------------------------------------

TEST(Prescan, SvgStyleAndScriptAreOrdinaryElements) {
  const std::string svg = "<svg><style>.a{fill:red}</style><script>draw()</script></svg>";
  EXPECT_EQ(Html(svg + "<script>x()</script>"), svg + "<script></script>");
  const std::string math = "<math><style>m</style></math>";
  EXPECT_EQ(Html(math + "<style>s</style>"), math + "<style></style>");
}

TEST(Prescan, HtmlTagBreaksOutOfSvg) {
  // A <p> start tag ends foreign content: the following script is HTML again.
  EXPECT_EQ(Html("<svg><g><p>t</p><script>x()</script>"), "<svg><g><p>t</p><script></script>");
}

TEST(Prescan, SelfClosingSvgDoesNotOpenForeignContent) {
  EXPECT_EQ(Html("<svg/><script>x()</script>"), "<svg/><script></script>");
}

TEST(Prescan, CdataInSvgHidesScriptTags) {
  // CDATA in foreign content is text, written as text (Gumbo 0.10 aborts on
  // some CDATA inside tables); the <script> inside it is no tag.
  EXPECT_EQ(Html("<svg><![CDATA[ <script>x</script> ]]></svg><script>y</script>"),
            "<svg> &lt;script>x&lt;/script> </svg><script></script>");
  // Outside foreign content it is a bogus comment: dropped even with the
  // levers off (the parser never sees "<![CDATA[").
  EXPECT_EQ(Html("<p><![CDATA[x]]></p>"), "<p></p>");
  // Gumbo 0.10 aborted on this one.
  EXPECT_EQ(Html("<table><svg><title></title><foreignObject><![CDATA[ c ]]>x"),
            "<table><svg><title></title><foreignObject> c x");
}

// --- depth cap ------------------------------------------------------------------

TEST(Prescan, DepthCapped) {
  std::string in;
  for (int i = 0; i < 2000; ++i) in += "<div>";
  in += "deep text";
  for (int i = 0; i < 2000; ++i) in += "</div>";
  in += "<p>after</p>";
  const std::string out = Html(in, 512);
  EXPECT_EQ(Count(out, "<div>"), 512);
  EXPECT_EQ(Count(out, "</div>"), 512);
  std::string expected;
  for (int i = 0; i < 512; ++i) expected += "<div>";
  expected += "deep text";
  for (int i = 0; i < 512; ++i) expected += "</div>";
  expected += "<p>after</p>";
  EXPECT_EQ(out, expected);
}

TEST(Prescan, DepthCapKeepsTextOfDroppedElements) {
  const std::string out =
      Html("<div><section><article><span><b>one</b> two</span> three</article></section></div>",
           3);
  EXPECT_EQ(out, "<div><section><article>one two three</article></section></div>");
}

TEST(Prescan, FlatElementsDoNotCountTowardsDepth) {
  std::string in = "<div>";
  for (int i = 0; i < 100; ++i) in += "<p>para<br><img src=x.png>";
  in += "</div>";
  EXPECT_EQ(Html(in, 16), in);
}

TEST(Prescan, SiblingsDoNotAccumulateDepth) {
  std::string in;
  for (int i = 0; i < 100; ++i) in += "<div><span>x</span></div>";
  EXPECT_EQ(Html(in, 16), in);
}

TEST(Prescan, UnclosedInlineTagsDoNotExhaustTheDepthCap) {
  // An element whose end tag is implied (a <span> closed by the </td>
  // around it, a <b> by the </p>) is off the parser's stack; a count of
  // start minus end tags would keep it and, after 512 rows, drop every
  // later start tag: the footer's <div> and <a href> with their cues.
  std::string table = "<table>";
  for (int i = 0; i < 600; ++i) table += "<tr><td><span>cell</td></tr>";
  table += "</table><div class=\"footer\"><a href=\"/x\">link</a></div>";
  const std::string out = Html(table, 512);
  EXPECT_NE(out.find("<div class=\"footer\"><a href=\"/x\">link</a></div>"), std::string::npos);
  EXPECT_EQ(Count(out, "<span>"), 600);

  std::string paras;
  for (int i = 0; i < 600; ++i) paras += "<p><b>bold</p>";
  paras += "<div class=\"x\">after</div>";
  const std::string out2 = Html(paras, 512);
  EXPECT_NE(out2.find("<div class=\"x\">after</div>"), std::string::npos);
  EXPECT_EQ(Count(out2, "<b>"), 600);
}

TEST(Prescan, ScriptBeyondTheCapStillDropped) {
  std::string in;
  for (int i = 0; i < 20; ++i) in += "<div>";
  in += "<script>deep()</script>t";
  const std::string out = Html(in, 16);
  EXPECT_EQ(Count(out, "<div>"), 16);
  EXPECT_EQ(out.find("deep()"), std::string::npos);
  EXPECT_NE(out.find("<script></script>t"), std::string::npos);
}

// --- the levers: what else the pass takes out ------------------------------------

// Every lever but the stash, whose placeholders would hide what the others
// leave (the stash has tests of its own below).
std::string Levers(std::string_view in) {
  PrescanOptions o = PrescanOptions::all(512);
  o.stash_text = false;
  return prescan(in, o).html;
}

TEST(PrescanLevers, CommentsDroppedDoctypeKept) {
  EXPECT_EQ(Levers("<!DOCTYPE html><p>a<!-- note -->b</p><!--[if IE]><p>old</p><![endif]-->"
                   "<?xml x?><!x><p>c</p>"),
            "<!DOCTYPE html><p>ab</p><p>c</p>");
  // Off: as they were.
  EXPECT_EQ(Html("<p>a<!-- note -->b</p>"), "<p>a<!-- note -->b</p>");
}

TEST(PrescanLevers, UnreadAttributesDropped) {
  EXPECT_EQ(Levers("<div class=\"post\" data-x='1' onclick=\"go()\" id=main title=\"t\">x</div>"),
            "<div class=\"post\"   id=main >x</div>");
  EXPECT_EQ(Levers("<img srcset=\"a.png 1x, b.png 2x\" src=\"a.png\" alt=\"A\" loading=lazy>"),
            "<img  src=\"a.png\" alt=\"A\" >");
  // What the stages read stays: component names, lazy sources, metadata keys.
  const std::string kept =
      "<meta property=\"og:title\" content=\"T\"><a href=\"/a\" rel=\"author\">A</a>"
      "<time datetime=\"2021-12-02\" pubdate>x</time><div data-component=\"byline\" "
      "aria-hidden=\"true\" itemprop=\"author\" role=\"note\">y</div><img data-src=\"b.png\">";
  EXPECT_EQ(Levers(kept), kept);
}

TEST(PrescanLevers, UnreadLinksGoWhole) {
  EXPECT_EQ(Levers("<head><link rel=stylesheet href=a.css><link rel=\"canonical\" href=\"/c\">"
                   "<link rel=preload href=f.woff as=font><link itemprop=url href=/u>"
                   "<LINK REL=\"image_src\" HREF=i.png></head>"),
            "<head><link rel=\"canonical\" href=\"/c\"><link itemprop=url href=/u>"
            "<LINK REL=\"image_src\" HREF=i.png></head>");
}

TEST(PrescanLevers, ScriptKeepsOnlyItsType) {
  EXPECT_EQ(Levers("<script src=\"/a.js\" async defer>x()</script>"
                   "<script type=\"application/ld+json\" id=ld>{}</script>"),
            "<script   ></script><script type=\"application/ld+json\" ></script>");
}

TEST(PrescanLevers, InlineImageBytesCut) {
  EXPECT_EQ(Levers("<img src=\"data:image/gif;base64,R0lGODlhAQABAAAAACw=\" "
                   "data-src=\"/real.jpg\"><a href=\"data:text/plain,hi\">x</a>"),
            "<img src=\"data:\" data-src=\"/real.jpg\"><a href=\"data:text/plain,hi\">x</a>");
}

TEST(PrescanLevers, StyleKeptOnlyWhenItMayHide) {
  EXPECT_EQ(Levers("<div style=\"color: red\">a</div><div style=\"display: NONE\">b</div>"
                   "<p style='visibility:hidden'>c</p>"),
            "<div >a</div><div style=\"display: NONE\">b</div><p style='visibility:hidden'>c</p>");
}

TEST(PrescanLevers, FormattingElementsKeepTheirAttributes) {
  // The parser compares formatting elements by their attributes.
  const std::string in = "<font face=\"Arial\" data-x=\"1\"><b title=\"t\">x</b></font>";
  EXPECT_EQ(Levers(in), in);
}

TEST(PrescanLevers, AttributeCapCountsKeptAttributes) {
  std::string tag = "<div";
  for (int i = 0; i < 200; ++i) tag += " data-a" + std::to_string(i) + "=1";
  tag += " class=keep>x</div>";
  EXPECT_EQ(Levers(tag).find("class=keep>x</div>") != std::string::npos, true);
  EXPECT_EQ(Levers(tag).find("data-a"), std::string::npos);
}

TEST(PrescanLevers, SvgContentDropped) {
  EXPECT_EQ(Levers("<a href=/s><svg viewBox=\"0 0 9 9\"><g><path d=\"M0 0L9 9\"/></g>"
                   "<circle r=2></circle></svg>Share</a>"),
            "<a href=/s><svg ></svg>Share</a>");
  // Nested <svg> elements end where the outer one does.
  EXPECT_EQ(Levers("<svg><svg><rect/></svg><g>x</g></svg><p>after</p>"),
            "<svg></svg><p>after</p>");
}

TEST(PrescanLevers, SvgDroppingStopsWhereHtmlMayBe) {
  // An HTML start tag breaks out of foreign content: kept, and the rest too.
  EXPECT_EQ(Levers("<svg><path/><p>text</p></svg>"), "<svg><p>text</p></svg>");
  // Inside <title>/<desc>/<foreignObject> HTML is allowed: kept as it is.
  EXPECT_EQ(Levers("<svg><g/><title>Icon</title></svg>"), "<svg><title>Icon</title></svg>");
  EXPECT_EQ(Levers("<svg><foreignObject><div>x</div></foreignObject></svg>"),
            "<svg><foreignObject><div>x</div></foreignObject></svg>");
  // An end tag of an element open around the <svg> closes it: kept, after
  // the dropped elements still open (bare), so that it closes what it would.
  EXPECT_EQ(Levers("<div><svg><g><path></div><p>after</p>"),
            "<div><svg><g><path></div><p>after</p>");
}

TEST(PrescanLevers, LongTextRunsStashed) {
  const std::string run = "a run of text long enough to stash";
  Prescanned p = prescan("<p>  " + run + "  </p><p>short</p>", PrescanOptions::all(512));
  EXPECT_EQ(p.html, "<p> \xEE\x80\x80" "000000 </p><p>short</p>");
  ASSERT_EQ(p.stash.size(), 1u);
  EXPECT_EQ(p.stash.run(0), run);
  // References and the rest of their word stay for the tokenizer.
  p = prescan("<p>the first words of the paragraph &amp;then the words that come after it</p>",
              PrescanOptions::all(512));
  EXPECT_EQ(p.html, "<p>\xEE\x80\x80" "000000 &amp;then \xEE\x80\x80" "000001</p>");
  ASSERT_EQ(p.stash.size(), 2u);
  EXPECT_EQ(p.stash.run(1), "the words that come after it");
  // A '<' that opens no tag keeps the whole text ("</ x" opens a comment).
  const std::string lt = "<p>x < y and x </ y> but the words go on</p>";
  EXPECT_EQ(prescan(lt, PrescanOptions::all(512)).html, lt);
  // As the parser reads them: CR LF and CR as LF, controls as U+FFFD.
  p = prescan("<p>one line of text\r\nand the next\rand \x01 the last</p>",
              PrescanOptions::all(512));
  ASSERT_EQ(p.stash.size(), 1u);
  EXPECT_EQ(p.stash.run(0), "one line of text\nand the next\nand \xEF\xBF\xBD the last");
  // A page that holds U+E000 itself is not stashed.
  const std::string own = "<p>\xEE\x80\x80 is a private-use character in this run</p>";
  EXPECT_EQ(prescan(own, PrescanOptions::all(512)).html, own);
}

TEST(PrescanLevers, LongAttributeValuesStashed) {
  const std::string url = "https://example.com/2021/12/02/a-long-article-path.html";
  Prescanned p = prescan("<a href=\"" + url + "\" class=\"x\">a</a>", PrescanOptions::all(512));
  EXPECT_EQ(p.html, "<a href=\"\xEE\x80\x80" "000000\" class=\"x\">a</a>");
  ASSERT_EQ(p.stash.size(), 1u);
  EXPECT_EQ(p.stash.run(0), url);
  // Up to the first reference only.
  p = prescan("<a href=\"" + url + "?a=1&amp;b=2\">a</a>", PrescanOptions::all(512));
  EXPECT_EQ(p.html, "<a href=\"\xEE\x80\x80" "000000&amp;b=2\">a</a>");
  // Values the tree builder reads, and the attributes of formatting
  // elements, which it compares, stay.
  for (const std::string kept :
       {"<input type=\"hidden-but-with-a-long-type-value\">",
        "<math><annotation-xml encoding=\"application/xhtml+xml-long\"></annotation-xml></math>",
        "<b class=\"a-long-class-name-on-a-formatting-element\">x</b>",
        "<font face=\"Helvetica Neue, Arial, sans-serif, serif\">x</font>",
        "<p class=unquoted-values-are-left-as-they-are-always>x</p>"}) {
    EXPECT_EQ(prescan(kept, PrescanOptions::all(512)).html, kept);
  }
}

TEST(PrescanLevers, StashedTextIsBackInTheTree) {
  const std::string page =
      "<table><tr><td>cell</td></tr>a run of words the parser moves out of the table"
      "</table><pre>\n  first run inside a pre, spaces and all  </pre>"
      "<p><b>bold <a href=\"https://example.com/a/long/link/target\">link<p>moved by the "
      "adoption agency</b></a></p>";
  const Prescanned with = prescan(page, PrescanOptions::all(512));
  ASSERT_FALSE(with.stash.empty());
  const Dom stashed(with.html, with.stash);
  const Dom plain(prescan(page, PrescanOptions::bodies_only(512)).html);
  auto texts = [](const Dom& dom) {
    std::string out;
    walk(
        dom.document(),
        [&](const GumboNode* n, int) {
          if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_WHITESPACE)
            out += std::string(n->v.text.text) + "|";
          if (n->type == GUMBO_NODE_ELEMENT)
            out += std::string(attribute(n, "href")) + "|";
          return true;
        },
        [](const GumboNode*, int) {});
    return out;
  };
  EXPECT_EQ(texts(stashed), texts(plain));
  EXPECT_NE(texts(plain).find("a run of words the parser moves out of the table|"),
            std::string::npos);
  EXPECT_NE(texts(plain).find("https://example.com/a/long/link/target|"), std::string::npos);
}

TEST(PrescanLevers, LiteralLessThanKeepsTheTextOnce) {
  // A '<' that opens no tag used to run the white-space lever twice over
  // the same text, which wrote its first words twice.
  EXPECT_EQ(Levers("<p>      Alpha  < b   </p>"), "<p> Alpha  < b </p>");
}

TEST(PrescanLevers, WhiteSpaceRunsCollapsed) {
  EXPECT_EQ(Levers("<ul>\n    <li>  one  </li>\n\n    <li>two words</li>\n</ul>"),
            "<ul>\n<li> one </li>\n<li>two words</li>\n</ul>");
  // Inside <pre> white space is content.
  const std::string pre = "<pre>\n  int x;\n    <b>y</b>  \n</pre>";
  EXPECT_EQ(Levers(pre), pre);
  EXPECT_EQ(Levers("<pre>a</pre>  \n  <p>b</p>"), "<pre>a</pre>\n<p>b</p>");
  // Raw text is not touched.
  EXPECT_EQ(Levers("<title>  A   B  </title>"), "<title>  A   B  </title>");
}

// The levers take out only what no stage reads: the blocks a page gives are
// the same with and without them.
std::string Segmented(const std::string& page, const PrescanOptions& levers) {
  static const Patterns patterns;
  const Options options;
  const Prescanned pre = prescan(decode(page, patterns.charsets()).text, levers);
  const Dom dom(pre.html, pre.stash);
  const Segments seg = segment(dom, patterns, options, "");
  std::ostringstream out;
  for (const TextBlock& b : seg.blocks)
    out << static_cast<int>(b.kind) << ' ' << b.cues << ' ' << b.chars << ' ' << b.link_chars
        << ' ' << b.text << '\n';
  return out.str();
}

TEST(PrescanLevers, SameBlocksWithAndWithoutLevers) {
  std::vector<std::string> pages = {
      "<!doctype html><html><head><title>T</title><!-- c --></head><body>\n"
      "  <nav class=\"menu\" data-track=\"nav\"><a href=/ title=\"Home\">Home</a>\n"
      "    <a href=/s><svg><title>Share</title><path d=\"M0\"/></svg> Share</a></nav>\n"
      "  <article class=\"post\" onclick=\"x()\">\n    <h1 data-id=\"7\">  Heading  </h1>\n"
      "    <p style=\"color:red\">First   paragraph,\n  with <font face=a>font</font>"
      "<font face=a>font</font><font face=a>font</font><font face=b>x</font>.</p>\n"
      "    <pre>  keep\n   this  </pre>\n    <div style=\"display:none\">hidden</div>\n"
      "    <svg><g><text>chart</text></g></svg><p>Last <!-- x --> one.</p>\n"
      "  </article>\n</body></html>"};
  for (const char* name : {"news-seed.html", "blog-comments.html", "docs-code-table.html",
                           "cookie-banner-long.html", "multi-section-article.html"}) {
    std::ifstream in(std::string(EXTRACTOR_TEST_DATA) + "/" + name, std::ios::binary);
    ASSERT_TRUE(in) << name;
    std::ostringstream bytes;
    bytes << in.rdbuf();
    pages.push_back(bytes.str());
  }
  for (const std::string& page : pages) {
    const std::string with = Segmented(page, PrescanOptions::all(512));
    EXPECT_FALSE(with.empty());
    EXPECT_EQ(with, Segmented(page, PrescanOptions::bodies_only(512))) << page.substr(0, 200);
  }
}

// Pages put together from the pieces the levers act on, in random order and
// nesting (unclosed and stray tags included): the blocks are the same with
// and without the levers on every one of them.
TEST(PrescanLevers, SameBlocksOnGeneratedPages) {
  static constexpr const char* kPieces[] = {
      "<div class=\"post\" data-id=\"1\">", "</div>", "<p>", "</p>", "Text words ",
      "  \n   ", "<!-- note -->", "<svg viewBox=\"0 0 9 9\">", "</svg>", "<g>", "</g>",
      "<path d=\"M0 0\"/>", "<title>Icon</title>", "<foreignObject>", "</foreignObject>",
      "<b title=\"x\">", "</b>", "<font face=a>", "<font face=b>", "</font>",
      "<i data-x=1>", "</i>", "<a href=\"/x\" onclick=\"f()\">", "</a>", "<pre>", "</pre>",
      "<table>", "<tr><td>", "</td></tr>", "</table>", "<ul>", "<li>", "</ul>",
      "<span style=\"color:red\">", "<span style=\"display:none\">", "</span>",
      "<math><mi>x</mi></math>", "<br>", "<img src=\"data:image/gif;base64,AAAA\" data-src=/i.png>",
      "<link rel=stylesheet href=a.css>", "<script src=a.js>var a = '<p>';</script>",
      "<h2 class=title>", "</h2>", "<![CDATA[ c ]]>", "<nav class=menu>", "</nav>", "\t\t",
      // Long runs of text, which the stash takes, and what keeps them.
      "A run of words long enough for the stash to hold it ",
      "  AT&amp;T and &copy 2021&nbsp;with more words after the references  ",
      "x < y holds, and so does this run of words after it ",
      "line one of a run\r\nline two\rline three of the same run ",
      "a C1 \xC2\x85 control, a \x01 bell and \xEF\xB7\x90 in a long run ",
      "</ x> is a comment in a run of words long enough to stash ",
      "\xEE\x80\x80 the page's own private-use character in a long run ",
      // Long attribute values, which the stash takes, and what keeps them.
      "<a href=\"https://example.com/2021/12/02/a-long-path.html\">",
      "<b class=\"a-long-class-name-on-a-formatting-element\">",
      "<b class=\"a-long-class-name-on-a-formatting-element\">",
      "<div class=\"article-body entry-content main-column\">",
      "<input type=\"hidden\" value=\"a long value that the stash may take\">",
      "<img src=\"/images/2021/a-long-image-path.jpg?w=640&amp;h=480\" alt=\"x\">"};
  constexpr int kPieceCount = static_cast<int>(sizeof kPieces / sizeof kPieces[0]);
  unsigned state = 2024;
  auto next = [&] {
    state = state * 1664525u + 1013904223u;
    return state >> 8;
  };
  int checked = 0;
  for (int page = 0; page < 1500; ++page) {
    std::string html = "<!doctype html><body>";
    const int pieces = 5 + static_cast<int>(next() % 60);
    for (int k = 0; k < pieces; ++k) html += kPieces[next() % kPieceCount];
    const std::string with = Segmented(html, PrescanOptions::all(512));
    const std::string without = Segmented(html, PrescanOptions::bodies_only(512));
    EXPECT_EQ(with, without) << html;
    if (with != without) break;
    checked += !with.empty();
  }
  EXPECT_GT(checked, 700);  // most pages have blocks to compare
}

}  // namespace
}  // namespace extractor
