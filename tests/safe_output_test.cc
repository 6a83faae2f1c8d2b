// Outputs safe to show: every fixture page (tests/data, the hostile-links
// page among them) and generated hostile pages, extracted with links and
// images kept, then read back the way a browser would read the HTML and a
// Markdown renderer the Markdown. No element, attribute or URL that could
// run script may come out; the hostile page's good links must.
//
// The checks here are written independently of lib/safe_url.cc: they parse
// the HTML output with Gumbo and judge each URL with fuzz/url_oracle.h, its
// own reading of the URL standard.
#include <gtest/gtest.h>
#include <gumbo.h>

#include <cctype>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "extractor/extractor.h"
#include "url_oracle.h"

#ifndef EXTRACTOR_TEST_DATA
#error "EXTRACTOR_TEST_DATA must name the tests/data directory"
#endif

namespace extractor {
namespace {

namespace fs = std::filesystem;

std::string read(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

using url_oracle::shown_url_ok;

// Every element and attribute of an HTML output: only the tags and
// attributes the renderer writes, with URLs a browser will not run.
using Problems = std::vector<std::string>;

Problems html_problems(const std::string& html) {
  Problems bad;
  static const std::set<std::string> kTags = {
      "html", "head", "body", "p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li",
      "table", "tbody", "tr", "td", "pre", "code", "figure", "img", "figcaption",
      "blockquote", "br", "a", "em", "strong"};
  GumboOutput* out = gumbo_parse_with_options(&kGumboDefaultOptions, html.data(), html.size());
  std::vector<const GumboNode*> todo = {out->root};
  while (!todo.empty()) {
    const GumboNode* n = todo.back();
    todo.pop_back();
    if (n->type != GUMBO_NODE_ELEMENT) continue;
    const GumboElement& e = n->v.element;
    const std::string tag = gumbo_normalized_tagname(e.tag);
    if (e.tag_namespace != GUMBO_NAMESPACE_HTML || !kTags.count(tag))
      bad.push_back("element <" + tag + ">");
    for (unsigned i = 0; i < e.attributes.length; ++i) {
      const auto* a = static_cast<const GumboAttribute*>(e.attributes.data[i]);
      const std::string name = a->name;
      const bool allowed = (tag == "a" && name == "href") ||
                           (tag == "img" && (name == "src" || name == "alt"));
      if (!allowed) bad.push_back("<" + tag + " " + name + "=\"" + a->value + "\">");
      if ((name == "href" || name == "src") && !shown_url_ok(a->value, name == "src"))
        bad.push_back("<" + tag + " " + name + "=\"" + a->value + "\">");
    }
    for (unsigned i = 0; i < e.children.length; ++i)
      todo.push_back(static_cast<const GumboNode*>(e.children.data[i]));
  }
  gumbo_destroy_output(&kGumboDefaultOptions, out);
  return bad;
}

// Markdown: no raw '<' (HTML or an autolink) outside code, and every link or
// image destination ("](...)" after an unescaped ']') a URL a renderer will
// not run. Code spans and fenced code are skipped: renderers show them as
// text.
Problems markdown_problems(const std::string& md) {
  Problems bad;
  bool fence = false;
  std::istringstream lines(md);
  std::string line;
  while (std::getline(lines, line)) {
    const std::size_t start = line.find_first_not_of(" >");
    if (start != std::string::npos && line.compare(start, 3, "```") == 0) {
      fence = !fence;
      continue;
    }
    if (fence) continue;
    bool in_code = false;
    for (std::size_t i = 0; i < line.size(); ++i) {
      const char c = line[i];
      if (c == '\\') {
        ++i;
        continue;
      }
      if (c == '`') in_code = !in_code;
      if (in_code) continue;
      if (c == '<') bad.push_back("raw '<' in: " + line);
      if (c == ']' && i + 1 < line.size() && line[i + 1] == '(') {
        const std::size_t end = line.find(')', i + 2);
        const std::string dest = line.substr(i + 2, end == std::string::npos ? end : end - i - 2);
        if (dest.find_first_of(" ()<>\"[]\\") != std::string::npos || !shown_url_ok(dest, false))
          bad.push_back("destination " + dest);
      }
    }
  }
  return bad;
}

std::string joined(const Problems& p) {
  std::string s;
  for (const std::string& x : p) s += "\n  " + x;
  return s;
}

Result extract_everything(const std::string& html) {
  Options o;
  o.include_links = true;
  o.include_comments = true;
  return Extractor(o).extract(html);
}

void check_result(const Result& r, const std::string& where) {
  EXPECT_TRUE(html_problems(r.html).empty()) << where << joined(html_problems(r.html));
  EXPECT_TRUE(markdown_problems(r.markdown).empty()) << where << joined(markdown_problems(r.markdown));
  for (const Block& b : r.blocks) {
    if (!b.src.empty()) EXPECT_TRUE(shown_url_ok(b.src, true)) << where << ": src " << b.src;
    for (const Span& s : b.spans)
      if (!s.href.empty()) EXPECT_TRUE(shown_url_ok(s.href, false)) << where << ": " << s.href;
  }
  JsonOptions jo;
  jo.full = jo.with_blocks = true;
  const auto j = nlohmann::json::parse(render_json(r, jo));
  for (const char* key : {"url", "image"})
    if (j[key].is_string()) EXPECT_TRUE(shown_url_ok(j[key].get<std::string>(), true)) << where << ": " << key;
  for (const auto& b : j["blocks"])
    if (b.contains("src")) EXPECT_TRUE(shown_url_ok(b["src"].get<std::string>(), true)) << where;
}

TEST(SafeOutput, EveryFixturePage) {
  int pages = 0;
  for (const auto& entry : fs::directory_iterator(EXTRACTOR_TEST_DATA)) {
    if (entry.path().extension() != ".html") continue;
    check_result(extract_everything(read(entry.path())), entry.path().filename().string());
    ++pages;
  }
  EXPECT_GE(pages, 8);
}

TEST(SafeOutput, HostilePageKeepsItsGoodLinksOnly) {
  const Result r = extract_everything(read(fs::path(EXTRACTOR_TEST_DATA) / "hostile-links.html"));
  // The article is there, its disguised links reduced to their text.
  for (const char* text : {"authority's notice board", "revised schedule", "island jetty",
                           "later returns", "automated phone line", "text service"}) {
    EXPECT_NE(r.text.find(text), std::string::npos) << text;
    EXPECT_NE(r.html.find(text), std::string::npos) << text;
  }
  EXPECT_NE(r.html.find("<a href=\"https://ok.example/fares\">fare table</a>"), std::string::npos);
  EXPECT_NE(r.html.find("<a href=\"mailto:ferries@ok.example\">the ferry desk</a>"),
            std::string::npos);
  EXPECT_NE(r.html.find("<a href=\"/timetables/spring-2025.pdf\">the full timetable</a>"),
            std::string::npos);
  EXPECT_NE(r.html.find("<img src=\"https://ok.example/img/ferry.jpg\""), std::string::npos);
  EXPECT_NE(r.markdown.find("[fare table](https://ok.example/fares)"), std::string::npos);
  EXPECT_NE(r.markdown.find("[pier map (large)](https://ok.example/map?pier=north&zoom=2%20%28large%29)"),
            std::string::npos);
  // Exactly four links and one picture survive, however many the page had.
  std::size_t links = 0;
  for (std::size_t at = r.html.find("<a "); at != std::string::npos; at = r.html.find("<a ", at + 1))
    ++links;
  EXPECT_EQ(links, 4u) << r.html;
  std::size_t images = 0;
  for (std::size_t at = r.html.find("<img"); at != std::string::npos;
       at = r.html.find("<img", at + 1))
    ++images;
  EXPECT_EQ(images, 1u) << r.html;
  EXPECT_TRUE(r.metadata.url.empty()) << r.metadata.url;
  EXPECT_TRUE(r.metadata.image.empty()) << r.metadata.image;
}

TEST(SafeOutput, CheckerCatchesWhatItMust) {
  // The checks above must be able to fail: fed active markup they object.
  EXPECT_FALSE(html_problems("<p onclick=\"f()\">x</p>").empty());
  EXPECT_FALSE(html_problems("<a href=\" &#14; jav&#x09;ascript:alert(1)\">x</a>").empty());
  EXPECT_FALSE(html_problems("<svg><script>alert(1)</script></svg>").empty());
  EXPECT_FALSE(html_problems("<img src=\"java%73cript:alert(1)\">").empty());
  EXPECT_FALSE(html_problems("<p style=\"color:red\">x</p>").empty());
  EXPECT_FALSE(markdown_problems("[x](javascript:alert(1))").empty());
  EXPECT_FALSE(markdown_problems("see ![x](&#106;avascript:alert(1))").empty());
  EXPECT_FALSE(markdown_problems("<img src=x onerror=alert(1)>").empty());
  EXPECT_TRUE(html_problems("<p><a href=\"/x\">a</a> <img src=\"https://e.com/i\" alt=\"\"></p>").empty());
  EXPECT_TRUE(markdown_problems("\\[x\\](javascript:alert(1)) `<b>` [ok](https://e.com)").empty());
  EXPECT_TRUE(shown_url_ok("https://e.com/?q=javascript:x", false));
  EXPECT_FALSE(shown_url_ok("mailto:a@e.com", true));
}

// Generated pages: every scheme disguise in every place a URL can sit.
TEST(SafeOutput, GeneratedDisguisesInEveryPlace) {
  const std::vector<std::string> disguises = {
      "javascript:alert(1)", "JaVaScRiPt:alert(1)", "&#106;avascript:alert(1)",
      "&#x6A;avascript&#x3A;alert(1)", "jav&#x09;ascript:alert(1)", " &#14; javascript:alert(1)",
      "javascript&colon;alert(1)", "java%73cript:alert(1)", "vbscript:msgbox(1)",
      "data:text/html,&lt;script&gt;alert(1)&lt;/script&gt;", "&amp;#106;avascript:alert(1)"};
  for (const std::string& d : disguises) {
    std::string page = "<html><head><base href=\"" + d + "\"><link rel=canonical href=\"" + d +
                       "\"><meta property=og:image content=\"" + d +
                       "\"></head><body><article><h1>A title for the test</h1>";
    for (int i = 0; i < 4; ++i)
      page += "<p>A paragraph of plain prose that reads like an article, long enough to be kept, "
              "with <a href=\"" + d + "\">one link</a> and <a href=\"rel/" + std::to_string(i) +
              "\">another</a> in it, and an image after it.</p><img src=\"" + d +
              "\" data-src=\"" + d + "\" alt=\"pic\"><img src=\"/ok.jpg\" alt=\"ok\">";
    page += "</article></body></html>";
    const Result r = extract_everything(page);
    check_result(r, d);
    EXPECT_NE(r.html.find("href=\"rel/0\""), std::string::npos) << d << "\n" << r.html;
  }
}

}  // namespace
}  // namespace extractor
