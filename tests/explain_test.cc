// The explain view (Extractor::explain, lib/render_explain): the same Result
// as extract(), a view that cannot run or load anything whatever the page
// holds, every block's element marked with what the extractor decided, and
// the page's hidden elements listed. The view is read back with Gumbo, as a
// browser would parse it (tests/browser/check_explain.mjs loads it in
// Chromium).
#include <algorithm>
#include <gtest/gtest.h>
#include <gumbo.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <type_traits>
#include <vector>

#include "extractor/extractor.h"
#include "decode.h"
#include "hostile.h"
#include "prescan.h"
#include "render_explain.h"

#ifndef EXTRACTOR_TEST_DATA
#error "EXTRACTOR_TEST_DATA must name the tests/data directory"
#endif

namespace extractor {
namespace {

namespace fs = std::filesystem;

const fs::path kDataDir = EXTRACTOR_TEST_DATA;

std::string read(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

const Extractor& Shared() {
  static const Extractor* const ex = new Extractor();
  return *ex;
}

std::vector<fs::path> fixture_pages() {
  std::vector<fs::path> pages;
  for (const auto& e : fs::directory_iterator(kDataDir))
    if (e.path().extension() == ".html") pages.push_back(e.path());
  std::sort(pages.begin(), pages.end());
  return pages;
}

// --- the view read back ------------------------------------------------------------

struct Element {
  std::string tag;
  std::map<std::string, std::string> attributes;
  std::string text;  // its text, white space collapsed
  bool in_head = false;
};

class View {
 public:
  explicit View(const std::string& html)
      : out_(gumbo_parse_with_options(&kGumboDefaultOptions, html.data(), html.size())) {
    collect(out_->root, false);
  }
  ~View() { gumbo_destroy_output(&kGumboDefaultOptions, out_); }
  View(const View&) = delete;
  View& operator=(const View&) = delete;

  const std::vector<Element>& elements() const { return elements_; }

  const Element* by_id(const std::string& id) const {
    for (const Element& e : elements_) {
      auto it = e.attributes.find("id");
      if (it != e.attributes.end() && it->second == id) return &e;
    }
    return nullptr;
  }
  // Elements marked as a block's box whose text holds `needle`.
  std::vector<const Element*> boxes_with(const std::string& needle) const {
    std::vector<const Element*> found;
    for (const Element& e : elements_)
      if (e.attributes.count("data-exv") && e.text.find(needle) != std::string::npos)
        found.push_back(&e);
    return found;
  }

 private:
  static void text_of(const GumboNode* n, std::string* out) {
    std::vector<const GumboNode*> todo = {n};
    while (!todo.empty()) {
      const GumboNode* x = todo.back();
      todo.pop_back();
      if (x->type == GUMBO_NODE_TEXT || x->type == GUMBO_NODE_WHITESPACE) {
        for (const char* p = x->v.text.text; *p; ++p) {
          const bool space = *p == ' ' || *p == '\n' || *p == '\t';
          if (space) {
            if (!out->empty() && out->back() != ' ') *out += ' ';
          } else {
            *out += *p;
          }
        }
      } else if (x->type == GUMBO_NODE_ELEMENT) {
        const GumboVector& kids = x->v.element.children;
        for (unsigned i = kids.length; i-- > 0;)
          todo.push_back(static_cast<const GumboNode*>(kids.data[i]));
      }
    }
  }

  void collect(const GumboNode* root, bool in_head) {
    std::vector<std::pair<const GumboNode*, bool>> todo = {{root, in_head}};
    while (!todo.empty()) {
      auto [n, head] = todo.back();
      todo.pop_back();
      if (n->type != GUMBO_NODE_ELEMENT) continue;
      const GumboElement& e = n->v.element;
      Element el;
      el.tag = e.tag == GUMBO_TAG_UNKNOWN
                   ? std::string(e.original_tag.data, e.original_tag.length)
                   : gumbo_normalized_tagname(e.tag);
      if (e.tag_namespace == GUMBO_NAMESPACE_SVG) el.tag = "svg:" + el.tag;
      if (e.tag_namespace == GUMBO_NAMESPACE_MATHML) el.tag = "math:" + el.tag;
      el.in_head = head || e.tag == GUMBO_TAG_HEAD;
      for (unsigned i = 0; i < e.attributes.length; ++i) {
        const auto* a = static_cast<const GumboAttribute*>(e.attributes.data[i]);
        el.attributes[a->name] = a->value;
      }
      if (e.tag != GUMBO_TAG_HTML && e.tag != GUMBO_TAG_BODY) text_of(n, &el.text);
      elements_.push_back(std::move(el));
      for (unsigned i = e.children.length; i-- > 0;)
        todo.push_back({static_cast<const GumboNode*>(e.children.data[i]), head || e.tag == GUMBO_TAG_HEAD});
    }
  }

  GumboOutput* out_;
  std::vector<Element> elements_;
};

// What may run, load or submit, found in a view read back: anything but
// the view's own <meta>s, <style>s and #fragment links.
std::vector<std::string> active_content(const std::string& html) {
  std::vector<std::string> bad;
  const View view(html);
  static const std::set<std::string> kNever = {
      "script", "noscript", "iframe", "frame", "frameset", "object", "embed", "applet",
      "base", "link", "form", "template", "portal", "param", "source", "track", "area",
      "map", "marquee", "bgsound"};
  static const std::set<std::string> kUrlAttributes = {
      "href", "src", "srcset", "action", "formaction", "poster", "background", "data",
      "codebase", "cite", "longdesc", "ping", "xlink:href", "manifest", "lowsrc", "dynsrc",
      "srcdoc", "http-equiv", "content", "target", "download", "contenteditable"};
  int metas = 0;
  for (const Element& e : view.elements()) {
    if (kNever.count(e.tag)) bad.push_back("element <" + e.tag + ">");
    if (e.tag.rfind("svg:", 0) == 0 && e.tag != "svg:svg") bad.push_back("svg content " + e.tag);
    if (e.tag.rfind("math:", 0) == 0 && e.tag != "math:math") bad.push_back("math content " + e.tag);
    if (e.tag == "meta") {
      ++metas;
      if (!e.in_head) bad.push_back("<meta> in body");
    }
    if (e.tag == "style" && !e.in_head) bad.push_back("<style> in body");
    for (const auto& [name, value] : e.attributes) {
      if (name.size() > 2 && name[0] == 'o' && name[1] == 'n') bad.push_back("handler " + name);
      if (e.tag == "meta" && (name == "http-equiv" || name == "content")) continue;
      if (e.tag == "a" && name == "href") {
        if (value.empty() || value[0] != '#') bad.push_back("link " + value);
        continue;
      }
      if (kUrlAttributes.count(name)) bad.push_back("<" + e.tag + " " + name + "=\"" + value + "\">");
      if (name == "style") {
        std::string lower;
        for (char c : value) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        for (const char* word : {"url(", "@import", "expression(", "image-set(", "src("})
          if (lower.find(word) != std::string::npos) bad.push_back(std::string("style ") + word);
      }
    }
  }
  // charset, the policy, referrer, viewport, generator: ours only.
  if (metas != 5) bad.push_back("metas: " + std::to_string(metas));
  return bad;
}

std::size_t count(std::string_view haystack, std::string_view needle) {
  std::size_t n = 0;
  for (std::size_t p = haystack.find(needle); p != std::string_view::npos;
       p = haystack.find(needle, p + needle.size()))
    ++n;
  return n;
}

// The page's style sheets as the view writes them: the <style> elements
// before the view's own.
std::string page_css(const std::string& view) {
  const std::size_t begin = view.find("</title>\n") + 9;
  const std::size_t end = view.find("<style id=\"exv-style\">");
  return view.substr(begin, end - begin);
}

// A block's reason as its word (a string now; an enum after issue 13).
std::string_view to_word(const std::string& reason) { return reason; }
template <typename Enum, typename = std::enable_if_t<std::is_enum_v<Enum>>>
std::string_view to_word(Enum reason) {
  return to_string(reason);
}

// --- the same Result -----------------------------------------------------------------

void ExpectSameResult(const Result& a, const Result& b, const std::string& what) {
  SCOPED_TRACE(what);
  EXPECT_EQ(a.text, b.text);
  EXPECT_EQ(a.markdown, b.markdown);
  EXPECT_EQ(a.html, b.html);
  EXPECT_EQ(a.comments, b.comments);
  EXPECT_EQ(a.charset, b.charset);
  EXPECT_EQ(a.empty_reason, b.empty_reason);
  JsonOptions jo;
  jo.full = jo.with_blocks = true;
  EXPECT_EQ(render_json(a, jo), render_json(b, jo));
}

TEST(Explain, SameResultAsExtractOnEveryFixturePage) {
  Options with_comments;
  with_comments.include_comments = true;
  with_comments.include_links = true;
  const Extractor commenting(with_comments);
  for (const fs::path& p : fixture_pages()) {
    const std::string html = read(p);
    for (const Extractor* ex : {&Shared(), &commenting}) {
      const Explained e = ex->explain(html);
      ExpectSameResult(e.result, ex->extract(html), p.filename().string());
      EXPECT_TRUE(active_content(e.html).empty()) << p.filename();
    }
  }
}

// The prescan lever the view runs with keeps the page's CSS and layout
// attributes and nothing the stages read changes (the test above on whole
// results; this one on what prescan keeps).
TEST(Explain, PrescanKeepLayoutKeepsStylesAndLayoutAttributes) {
  const std::string page =
      "<html><head><style>p{color:red}</style><style media=\"print\">p{color:blue}</style>"
      "<style type=\"text/less\">@x: 1;</style></head><body>"
      "<table><tr><td colspan=\"2\" style=\"padding: 4px\" data-x=\"1\" onclick=\"x()\">a</td></tr>"
      "</table><p style=\"display:none\">b</p></body></html>";
  PrescanOptions o = PrescanOptions::all(512);
  o.stash_text = false;  // (long values would stand behind placeholders)
  const Prescanned plain = prescan(page, o);
  EXPECT_TRUE(plain.styles.empty());
  EXPECT_EQ(plain.html.find("colspan"), std::string::npos);
  EXPECT_EQ(plain.html.find("padding"), std::string::npos);
  EXPECT_NE(plain.html.find("display:none"), std::string::npos);  // the stages read it
  o.keep_layout = true;
  const Prescanned kept = prescan(page, o);
  ASSERT_EQ(kept.styles.size(), 2u);  // not the text/less one
  EXPECT_EQ(kept.styles[0].css, "p{color:red}");
  EXPECT_EQ(kept.styles[0].media, "");
  EXPECT_EQ(kept.styles[1].media, "print");
  EXPECT_NE(kept.html.find("colspan=\"2\""), std::string::npos);
  EXPECT_NE(kept.html.find("padding: 4px"), std::string::npos);
  EXPECT_EQ(kept.html.find("data-x"), std::string::npos);
  EXPECT_EQ(kept.html.find("onclick"), std::string::npos);
  EXPECT_EQ(kept.html.find("p{color"), std::string::npos);  // the body stays out of the tree
}

// --- inert -----------------------------------------------------------------------------

TEST(Explain, HostilePageGivesAnInertView) {
  const std::string html = read(kDataDir / "hostile-links.html");
  const Explained e = Shared().explain(html);
  const std::vector<std::string> bad = active_content(e.html);
  EXPECT_TRUE(bad.empty()) << bad.front();
  // The policy is the first thing after the charset.
  const std::size_t charset = e.html.find("<meta charset=\"utf-8\">");
  const std::size_t policy = e.html.find("<meta http-equiv=\"Content-Security-Policy\" "
                                         "content=\"default-src 'none'; ");
  ASSERT_NE(charset, std::string::npos);
  ASSERT_NE(policy, std::string::npos);
  EXPECT_LT(charset, policy);
  EXPECT_EQ(e.html.find("<", charset + 1), policy);
  // The page's words are there, as text.
  EXPECT_NE(e.html.find("authority's notice board"), std::string::npos);
  EXPECT_NE(e.html.find("&lt;img src=x onerror=alert(24)&gt;"), std::string::npos);
}

// An <html> tag whose attribute is closed only at the end takes the page
// into its value: the view keeps it as that attribute, escaped, and nothing
// of the page reaches the view before its policy (a fuzzer's finding).
TEST(Explain, LongRootAttributePutsNoElementBeforeThePolicy) {
  std::string html = "<!DOCTYPE html><html lang=\"en\" class=\"wrapper ";
  for (int i = 0; i < 20; ++i)
    html += "<p>Paragraph of the article, with <b>markup</b> and 'quotes'.</p>\n";
  html += "\"><body><p>The page's last paragraph, the only one it shows.</p></body></html>";
  const Explained e = Shared().explain(html);
  const std::size_t policy = e.html.find("Content-Security-Policy");
  ASSERT_NE(policy, std::string::npos);
  EXPECT_GT(policy, 200u);  // the root's attribute is long
  const std::string before = e.html.substr(0, policy);
  EXPECT_EQ(std::count(before.begin(), before.end(), '<'), 5) << before.substr(0, 300);
  EXPECT_EQ(before.rfind("<meta charset=\"utf-8\">\n<meta http-equiv=\""),
            before.size() - std::string("<meta charset=\"utf-8\">\n<meta http-equiv=\"").size());
  EXPECT_TRUE(active_content(e.html).empty());
}

TEST(Explain, EverythingFromThePageIsEscaped) {
  const std::string page =
      "<html><head><style>p::after{content:\"</stylex><script>alert(1)</script>\"}</style>"
      "</head><body class='a\" onload=\"alert(2)'><article><h1>Quotes \"and\" <b>tags</b></h1>"
      "<p title=\"x\" class='c\"><script>alert(3)</script>' id='i\" onclick=\"alert(4)'>"
      "Text with &lt;/textarea&gt;&lt;script&gt;alert(5)&lt;/script&gt; and more text to make"
      " this a paragraph of an article, long enough to count as one for the extractor.</p>"
      "<textarea>&lt;/textarea&gt;&lt;img src=x onerror=alert(6)&gt;</textarea>"
      "<xmp><img src=x onerror=alert(7)></xmp><noscript><img src=x onerror=alert(8)></noscript>"
      "<svg><foreignObject><img src=x onerror=alert(9)></foreignObject><script>alert(10)"
      "</script></svg><math><mtext><img src=x onerror=alert(11)></mtext></math>"
      "<a href=\"javascript:alert(12)\">a link</a><img src=\"x\" onerror=\"alert(13)\" alt=\"pic\">"
      "<form action=\"https://evil.example/\"><button formaction=\"javascript:alert(14)\">Go"
      "</button><input type=\"image\" src=\"x\" onfocus=\"alert(15)\" autofocus></form>"
      "<iframe srcdoc=\"<script>alert(16)</script>\"></iframe><object data=\"x.swf\"></object>"
      "<embed src=\"x.swf\"><base href=\"javascript:alert(17)//\"><meta http-equiv=\"refresh\" "
      "content=\"0;url=javascript:alert(18)\"><details open ontoggle=\"alert(19)\"><summary>s"
      "</summary>d</details><div style=\"background:url(javascript:alert(20));behavior:url(x.htc)"
      ";width:expression(alert(21))\">styled</div></article></body></html>";
  const Explained e = Shared().explain(page);
  const std::vector<std::string> bad = active_content(e.html);
  for (const std::string& b : bad) ADD_FAILURE() << b;
  // Nothing of it reads as an element: every '<' of the page is text or an
  // escape ("\3c " in CSS), never markup.
  EXPECT_EQ(e.html.find("<script"), std::string::npos);
  EXPECT_EQ(e.html.find("<img src"), std::string::npos);
  EXPECT_EQ(count(e.html, "</style>"), 2u);  // the page's sheet and ours
  EXPECT_NE(page_css(e.html).find("\\3c /stylex>\\3c script>alert(1)\\3c /script>"),
            std::string::npos);
  const View view(e.html);
  bool textarea = false, pre = false, link_text = false;
  for (const Element& el : view.elements()) {
    if (el.tag == "textarea") {
      textarea = true;
      EXPECT_EQ(el.text, "</textarea><img src=x onerror=alert(6)>");
    }
    if (el.tag == "pre") {  // <xmp> becomes <pre>, its text text
      pre = true;
      EXPECT_EQ(el.text, "<img src=x onerror=alert(7)>");
    }
    if (el.tag == "button") EXPECT_EQ(el.attributes.at("type"), "button");
    if (el.tag == "a" && el.text == "a link" && !el.attributes.count("href")) link_text = true;
  }
  EXPECT_TRUE(link_text);  // the page's link, without its URL
  EXPECT_TRUE(textarea);
  EXPECT_TRUE(pre);
}

TEST(Explain, ScrubCss) {
  struct Case {
    const char* css;
    const char* want;
  };
  const Case cases[] = {
      {"a{color:red}", "a{color:red}"},
      {"a{background:url(x.png) no-repeat}", "a{background:none no-repeat}"},
      {"a{background:URL( \"x.png\" )}", "a{background:none}"},
      {"a{background:u\\72l(x.png)}", "a{background:none}"},
      {"a{background:\\75 rl(x.png)}", "a{background:none}"},
      {"a{background:\\000075rl(javascript:alert(1))}", "a{background:none}"},
      {"a{background:url(a(b)c) red}", "a{background:none red}"},
      {"a{background:url(\"a)\") red}", "a{background:none red}"},
      {"a{background-image:image-set(\"a.png\" 1x, \"b.png\" 2x)}", "a{background-image:none}"},
      {"a{background-image:-webkit-image-set(url(a.png) 1x)}", "a{background-image:none}"},
      {"@font-face{src:src(\"f.woff\") format(\"woff\")}", "@font-face{src:none format(\"woff\")}"},
      {"@import url(x.css);a{b:c}", "a{b:c}"},
      {"@IMPORT \"x.css\" screen;a{b:c}", "a{b:c}"},
      {"@\\69mport 'x.css';a{b:c}", "a{b:c}"},
      {"a{width:expression(alert(1))}", "a{width:none}"},
      {"a{behavior:url(x.htc);-moz-binding:url(x.xml#y)}", "a{behavior:none;-moz-binding:none}"},
      {"a{background:x url(a.png),u\\rl(b.png)}", "a{background:x none,none}"},
      {"a{b:c}@media print{@import url(x.css);a{b:c}}", "a{b:c}@media print{a{b:c}}"},
      {"a{color:rgb(1,2,3);width:calc(1px + var(--x))}", "a{color:rgb(1,2,3);width:calc(1px + var(--x))}"},
      {"a{x:y\\3c b}", "a{x:y\\3c b}"},
      {"a{x:y\\<b}", "a{x:y\\3c b}"},
      {".b{position:fixed;bottom:0}.s{POSITION: Sticky !important}", ".b{position:static;bottom:0}.s{POSITION:static !important}"},
      {"a:hover{position:relative}.x{position:-webkit-sticky}", "a:hover{position:relative}.x{position:static}"},
      {"a{position:fixedx}", "a{position:fixedx}"},
      {"a{content:\"</style><script>\"}", "a{content:\"\\3c /style>\\3c script>\"}"},
      {"a{content:\"\\<\"} </style>", "a{content:\"\\3c \"} \\3c /style>"},
      {"a/* </style> */{color:red}", "a {color:red}"},
      {"a{color:red}/* unterminated </style>", "a{color:red} "},
      {"url/**/(x)", "url (x)"},
      {"a{content:'\\'url(x)'}", "a{content:'\\'url(x)'}"},  // a string: no function
      {"a{background:url(unterminated", "a{background:none"},
      {"\\", ""},
      {"a{b:c}\\", "a{b:c}"},
  };
  for (const Case& c : cases) {
    std::string out;
    scrub_css(c.css, &out);
    EXPECT_EQ(out, c.want) << c.css;
  }
  std::string out;
  scrub_css(std::string_view("a{b:\"c\0d\"}", 10), &out);
  EXPECT_EQ(out, "a{b:\"c\xEF\xBF\xBD" "d\"}");
}

// --- what the view marks ---------------------------------------------------------------

TEST(Explain, MarksEveryBlockOfTheSeedPage) {
  const std::string html = read(kDataDir / "news-seed.html");
  const Explained e = Shared().explain(html);
  const View view(e.html);
  // Every kept paragraph's box is marked body and kept, and carries the
  // card with its reason and path.
  int kept = 0;
  for (const Block& b : e.result.blocks) {
    if (b.label != Label::kContent || b.kind != BlockKind::kParagraph) continue;
    ++kept;
    const std::vector<const Element*> boxes = view.boxes_with(b.text.substr(0, 60));
    ASSERT_FALSE(boxes.empty()) << b.text;
    const Element& box = *boxes.back();  // the innermost
    EXPECT_EQ(box.attributes.at("data-exv"), "body") << b.text;
    EXPECT_EQ(box.attributes.at("data-exv-k"), "kept");
    EXPECT_EQ(box.attributes.at("tabindex"), "0");
    const std::string& card = box.attributes.at("data-exv-card");
    EXPECT_NE(card.find("reason " + std::string(to_word(b.reason))), std::string::npos) << card;
    EXPECT_NE(card.find(b.path), std::string::npos) << card;
    EXPECT_NE(box.attributes.at("style").find("counter-increment:exv"), std::string::npos);
  }
  EXPECT_GE(kept, 10);
  // The donation box inside the article and the newsletter box in the
  // sidebar, by their own words.
  const auto part_of = [&](const std::string& words) {
    const std::vector<const Element*> boxes = view.boxes_with(words);
    return boxes.empty() ? std::string("(none)") : boxes.back()->attributes.at("data-exv");
  };
  EXPECT_EQ(part_of("Freedom can be costly"), "donation");
  EXPECT_EQ(part_of("Support independent journalism in Ukraine. Join us"), "donation");
  EXPECT_EQ(part_of("News from Ukraine in your inbox"), "newsletter");
  EXPECT_EQ(part_of("Thank you for signing up for this newsletter"), "newsletter");
  EXPECT_EQ(part_of("Top diplomats of US, Russia meet"), "title");
  EXPECT_EQ(part_of("Editors' Picks"), "related");
  // The panel: legend, metadata with sources, each text line linking to its
  // box.
  EXPECT_NE(e.html.find("<td>Igor Kossov</td><td class=\"exv-source\">json-ld</td>"),
            std::string::npos);
  const std::size_t text = e.html.find("<h2>Extracted text</h2>");
  ASSERT_NE(text, std::string::npos);
  int lines = 0;
  for (std::size_t p = e.html.find("<li><a href=\"#", text);
       p != std::string::npos && p < e.html.find("</ol>", text);
       p = e.html.find("<li><a href=\"#", p + 1)) {
    const std::size_t id = p + 14;
    const std::string anchor = e.html.substr(id, e.html.find('"', id) - id);
    EXPECT_NE(view.by_id(anchor), nullptr) << anchor;
    EXPECT_TRUE(view.by_id(anchor)->attributes.count("data-exv")) << anchor;
    ++lines;
  }
  int shown = 0;
  for (const Block& b : e.result.blocks)
    shown += b.label == Label::kContent && b.kind != BlockKind::kImage &&
             b.kind != BlockKind::kCaption;
  EXPECT_EQ(lines, shown);
  // One counter per marked element, declared once.
  EXPECT_NE(e.html.find("html { counter-reset: exv0 exv1 "), std::string::npos);
}

TEST(Explain, ListsWhatThePageHides) {
  const std::string page =
      "<html><body><article><h1>Ferry timetable</h1>"
      "<p>The harbour authority has published the spring timetable for the ferries, and several "
      "early sailings move by a quarter of an hour, the operator said on Monday.</p>"
      "<p style=\"display: none\">Shown by script one.</p>"
      "<div hidden><p>Shown by script two.</p></div>"
      "<span class=\"sr-only\">Screen reader words.</span>"
      "<p aria-hidden=\"true\">Decoration.</p>"
      "<div id=\"exv-e0\"><p>A page id that looks like ours, with enough words in it to be a "
      "paragraph of the article that the extractor keeps.</p></div>"
      "</article></body></html>";
  const Explained e = Shared().explain(page);
  const View view(e.html);
  const std::map<std::string, std::string> want = {
      {"Shown by script one.", "style display:none"},
      {"Shown by script two.", "hidden attribute"},
      {"Screen reader words.", "hiding class or role"},
      {"Decoration.", "aria-hidden"}};
  int hidden = 0;
  for (const Element& el : view.elements()) {
    auto it = el.attributes.find("data-exv-hidden");
    if (it == el.attributes.end()) continue;
    ++hidden;
    ASSERT_TRUE(want.count(el.text)) << el.text;
    EXPECT_EQ(it->second, want.at(el.text));
    const std::string& id = el.attributes.at("id");
    EXPECT_NE(e.html.find("<a href=\"#" + id + "\">" + el.text + "</a> <span class=\"exv-hid\">"
                          "hidden</span> <span class=\"exv-note\">" + want.at(el.text)),
              std::string::npos)
        << id;
  }
  EXPECT_EQ(hidden, 4);
  // The page's "exv-e0" is renamed; our anchors are unique.
  EXPECT_NE(view.by_id("page-exv-e0"), nullptr);
  std::set<std::string> ids;
  for (const Element& el : view.elements())
    if (el.attributes.count("id")) EXPECT_TRUE(ids.insert(el.attributes.at("id")).second);
}

TEST(Explain, KeepsThePageIdAsTheAnchorOfABox) {
  const std::string page =
      "<html><body><article><p id=\"lead\">The harbour authority has published the spring "
      "timetable for the cross-bay ferries, and several early sailings move.</p>"
      "<p id=\"lead\">A second paragraph with the same id, which a fragment would never reach, "
      "so the view gives it its own.</p></article></body></html>";
  const Explained e = Shared().explain(page);
  EXPECT_NE(e.html.find("<p id=\"lead\" tabindex=\"0\" data-exv=\"body\""), std::string::npos);
  EXPECT_NE(e.html.find("<p id=\"exv-e1\" tabindex=\"0\" data-exv=\"body\""), std::string::npos);
  EXPECT_NE(e.html.find("<a href=\"#lead\">"), std::string::npos);
  EXPECT_NE(e.html.find("<a href=\"#exv-e1\">"), std::string::npos);
}

TEST(Explain, PageCssKeptScrubbedAndPlacedByMedia) {
  const std::string page =
      "<html><head><style>.modal{display:none} body{background:url(https://x.example/a.png)}"
      "</style><style media=\"print\">p{color:blue}</style><style media=\"x{}</style>\">p{}</style>"
      "</head><body><p>Text.</p></body></html>";
  const Explained e = Shared().explain(page);
  const std::string css = page_css(e.html);
  EXPECT_NE(css.find(".modal{display:none}"), std::string::npos);
  EXPECT_NE(css.find("body{background:none}"), std::string::npos);
  EXPECT_NE(css.find("@media print {\np{color:blue}\n}"), std::string::npos);
  EXPECT_EQ(css.find("x{}"), std::string::npos);  // a media query we cannot write back
}

TEST(Explain, TemplatePageMarksTheReadingThatStands) {
  // The article is only in a <script type="text/template">: the second
  // reading (templates as markup) stands, and the view is of that reading.
  const std::string html = read(kDataDir / "blog-template-post.html");
  const Explained e = Shared().explain(html);
  ExpectSameResult(e.result, Shared().extract(html), "blog-template-post");
  ASSERT_FALSE(e.result.text.empty());
  const View view(e.html);
  const Block* first = nullptr;
  for (const Block& b : e.result.blocks)
    if (b.label == Label::kContent && b.kind == BlockKind::kParagraph && !first) first = &b;
  ASSERT_NE(first, nullptr);
  const std::vector<const Element*> boxes = view.boxes_with(first->text.substr(0, 40));
  ASSERT_FALSE(boxes.empty());
  EXPECT_EQ(boxes.back()->attributes.at("data-exv"), "body");
}

// A Result with a page type gets its row; one without, none.
enum class FakeType { kForum };
const char* to_string(FakeType) { return "forum"; }
struct WithPageType {
  FakeType page_type = FakeType::kForum;
};
struct WithoutPageType {};

TEST(Explain, PageTypeRowOnlyWhenTheResultHasOne) {
  std::string with, without;
  page_type_row(WithPageType{}, &with);
  page_type_row(WithoutPageType{}, &without);
  EXPECT_EQ(with, "<tr><th>page type</th><td>forum</td><td class=\"exv-source\">classifier</td></tr>\n");
  EXPECT_EQ(without, "");
  const Explained e = Shared().explain(read(kDataDir / "news-seed.html"));
  EXPECT_EQ(e.html.find("<th>page type</th>") != std::string::npos, HasPageType<Result>::value);
}

// A batch with BatchOptions::explain hands back each page's view (what the
// Python module's extract_many(explain=True) uses), in input order.
TEST(Explain, BatchWritesEachPagesView) {
  std::vector<std::string> pages;
  for (const fs::path& p : fixture_pages()) pages.push_back(read(p));
  BatchOptions batch;
  batch.threads = 2;
  batch.explain = true;
  std::size_t next = 0;
  std::vector<std::string> views(pages.size());
  Shared().extract_many(
      [&](BatchPage& p) {
        if (next == pages.size()) return false;
        p.html = pages[next++];
        return true;
      },
      [&](BatchResult& r) {
        EXPECT_EQ(r.error, "");
        views[r.index] = std::move(r.explain_html);
        return true;
      },
      batch);
  for (std::size_t i = 0; i < pages.size(); ++i)
    EXPECT_EQ(views[i], Shared().explain(pages[i]).html) << i;
}

// --- any input ---------------------------------------------------------------------

TEST(Explain, AnyInputGivesAViewAndTheSameResult) {
  for (const hostile::Case& c : hostile::cases()) {
    SCOPED_TRACE(c.name);
    const std::string page = c.make(std::max<std::size_t>(1, c.n / 16));
    const Explained e = Shared().explain(page);
    ExpectSameResult(e.result, Shared().extract(page), c.name);
    EXPECT_TRUE(is_valid_utf8(e.html));
    EXPECT_EQ(e.html.find("<script"), std::string::npos);
    EXPECT_NE(e.html.find("</exv-panel>\n</body>\n</html>\n"), std::string::npos);
    // Linear: the page written back, a card and a few lines of panel per block.
    EXPECT_LE(e.html.size(), 3 * page.size() + 2048 * e.result.blocks.size() + 65536);
  }
  for (const std::string& page : {std::string(), std::string("   "), std::string("\0\0\xff", 3)}) {
    const Explained e = Shared().explain(page);
    EXPECT_NE(e.html.find("Content-Security-Policy"), std::string::npos);
    EXPECT_NE(e.html.find("<h2>Legend</h2>"), std::string::npos);
  }
}

}  // namespace
}  // namespace extractor
