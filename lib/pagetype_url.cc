#include "pagetype_url.h"

#include <algorithm>
#include <initializer_list>
#include <string>
#include <vector>

#include "chars.h"
#include "pagetype.h"

namespace extractor {
namespace {

// --- the URL ---------------------------------------------------------------

bool all_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool is_any(std::string_view w, std::initializer_list<std::string_view> words) {
  return std::find(words.begin(), words.end(), w) != words.end();
}

}  // namespace

// The kind of software <meta name="generator"> names ("WordPress 6.5",
// "mkdocs-1.6.1, mkdocs-material-9.5"): its feature, or -1.
int generator_feature(std::string_view generator) {
  const std::string g = lower_ascii(generator.substr(0, 120));
  struct Kind {
    int feature;
    std::initializer_list<std::string_view> names;
  };
  static const Kind kKinds[] = {
      {kP_gen_docs, {"sphinx", "mkdocs", "docusaurus", "rustdoc", "gitbook", "vitepress",
                     "vuepress", "docfx", "doxygen", "javadoc", "jsdoc", "antora", "readthedocs",
                     "mdbook", "starlight", "nextra", "docsy", "hexo-theme-doc"}},
      {kP_gen_forum, {"discourse", "vbulletin", "xenforo", "phpbb", "mybb", "invision",
                      "simple machines", "smf", "flarum", "nodebb", "vanilla", "lemmy",
                      "punbb", "fluxbb", "yabb"}},
      {kP_gen_shop, {"woocommerce", "shopify", "magento", "prestashop", "bigcommerce",
                     "opencart", "oscommerce", "shopware", "ecwid", "salesforce commerce"}},
      {kP_gen_builder, {"elementor", "divi", "hubspot", "webflow", "wix", "squarespace",
                        "framer", "unbounce", "weebly", "duda", "beaver builder",
                        "wpbakery", "visual composer", "site kit", "godaddy"}},
      {kP_gen_wiki, {"mediawiki", "dokuwiki", "tiddlywiki", "confluence", "xwiki",
                     "bookstack"}},
      {kP_gen_cms, {"wordpress", "drupal", "joomla", "ghost", "blogger", "typo3", "hugo",
                    "jekyll", "gatsby", "astro", "next.js", "craft cms", "umbraco",
                    "sitecore", "contentful", "medium", "substack", "eleventy"}},
  };
  for (const Kind& k : kKinds)
    for (std::string_view name : k.names)
      if (g.find(name) != std::string::npos) return k.feature;
  return -1;
}

// A word of ASCII letters and digits both, 2 to 12 long ("X200", "7800X3D",
// "K2"), not a year or an ordinal ("2024", "21st", "4th").
bool has_model_word(std::string_view s) {
  std::size_t k = 0;
  while (k < s.size()) {
    while (k < s.size() && !is_ascii_alnum(s[k])) ++k;
    const std::size_t start = k;
    int letters = 0, digits = 0;
    while (k < s.size() && is_ascii_alnum(s[k])) (is_ascii_digit(s[k]) ? digits : letters) += 1, ++k;
    const std::size_t n = k - start;
    if (letters == 0 || digits == 0 || n < 2 || n > 12) continue;
    const std::string w = lower_ascii(s.substr(start, n));
    const std::string_view tail = std::string_view(w).substr(w.size() - std::min<std::size_t>(2, w.size()));
    if (letters == 2 && (tail == "st" || tail == "nd" || tail == "rd" || tail == "th" || tail == "s" ))
      continue;
    if (w.size() >= 3 && letters == 1 && w.back() == 's') continue;  // "1990s"
    return true;
  }
  return false;
}

void url_features(std::string_view url, float* x) {
  // The path: after "scheme://host", before '?' or '#'.
  const std::size_t scheme = url.find("://");
  std::size_t start = scheme == std::string_view::npos ? 0 : url.find('/', scheme + 3);
  if (start == std::string_view::npos) start = url.size();
  // The host's labels but the last two ("docs" of docs.example.org) count
  // as words of the path.
  std::string host;
  if (scheme != std::string_view::npos) {
    std::string_view h = url.substr(scheme + 3, start - scheme - 3);
    h = h.substr(0, h.find_first_of("?#:"));
    const std::size_t last = h.rfind('.');
    const std::size_t second = last == std::string_view::npos || last == 0
                                   ? std::string_view::npos
                                   : h.rfind('.', last - 1);
    if (second != std::string_view::npos) host = std::string(h.substr(0, second));
    for (char& c : host) c = lower_ascii(c);
    for (char& c : host) if (c == '.') c = '-';
  }
  const std::size_t end = url.find_first_of("?#", start);
  x[kP_url_query] = end != std::string_view::npos && url[end] == '?' ? 1.0f : 0.0f;
  std::string path(url.substr(start, end == std::string_view::npos ? std::string_view::npos
                                                                    : end - start));
  for (char& c : path) c = lower_ascii(c);
  std::vector<std::string_view> segments;
  std::string_view rest(path);
  while (!rest.empty()) {
    const std::size_t slash = rest.find('/');
    const std::string_view seg = rest.substr(0, slash);
    if (!seg.empty()) segments.push_back(seg);
    if (slash == std::string_view::npos) break;
    rest.remove_prefix(slash + 1);
  }
  x[kP_url_depth] = static_cast<float>(std::min<std::size_t>(segments.size(), 10));
  x[kP_url_root] = segments.empty() && !url.empty() ? 1.0f : 0.0f;
  std::string_view last = segments.empty() ? std::string_view() : segments.back();
  for (std::string_view ext : {".html", ".htm", ".php", ".aspx", ".asp", ".shtml"}) {
    if (last.size() > ext.size() && last.substr(last.size() - ext.size()) == ext) {
      x[kP_url_html] = 1.0f;
      last.remove_suffix(ext.size());
      break;
    }
  }
  int slug = 0;
  for (std::size_t i = 0; i < last.size();) {
    while (i < last.size() && (last[i] == '-' || last[i] == '_')) ++i;
    if (i >= last.size()) break;
    ++slug;
    while (i < last.size() && last[i] != '-' && last[i] != '_') ++i;
  }
  x[kP_url_slug_words] = static_cast<float>(std::min(slug, 20));
  if (!host.empty()) segments.push_back(host);
  for (std::size_t s = 0; s < segments.size(); ++s) {
    const std::string_view seg = segments[s];
    const bool is_host = !host.empty() && s + 1 == segments.size();
    if (!is_host && seg.size() == 4 && all_digits(seg) && (seg[0] == '1' || seg[0] == '2'))
      x[kP_url_date] = 1.0f;
    int run = 0;
    for (char c : seg) {
      run = c >= '0' && c <= '9' ? run + 1 : 0;
      if (!is_host && run >= 4 && !(seg.size() == 4)) x[kP_url_number] = 1.0f;
    }
    // The segment's words.
    std::string_view w = seg;
    while (!w.empty()) {
      const std::size_t cut = w.find_first_of("-_.");
      const std::string_view word = w.substr(0, cut);
      if (is_any(word, {"news", "blog", "blogs", "article", "articles", "story", "stories",
                        "post", "posts", "opinion", "column"}))
        x[kP_url_article_word] = 1.0f;
      if (is_any(word, {"product", "products", "shop", "store", "item", "items", "buy", "p",
                        "dp", "sku", "catalog"}))
        x[kP_url_product_word] = 1.0f;
      if (is_any(word, {"forum", "forums", "thread", "threads", "topic", "topics",
                        "discussion", "discussions", "community", "questions", "question",
                        "t", "board", "boards", "viewtopic", "showthread", "r", "comments"}))
        x[kP_url_forum_word] = 1.0f;
      if (is_any(word, {"docs", "doc", "documentation", "api", "reference", "guide", "guides",
                        "manual", "tutorial", "tutorials", "wiki", "learn", "help", "kb",
                        "howto", "developer", "developers", "sdk"}))
        x[kP_url_docs_word] = 1.0f;
      if (is_any(word, {"category", "categories", "tag", "tags", "collection", "collections",
                        "search", "archive", "archives", "list", "page", "browse", "topics",
                        "section", "all"}))
        x[kP_url_listing_word] = 1.0f;
      if (is_any(word, {"about", "contact", "pricing", "services", "service", "solutions",
                        "features", "careers", "support", "plans", "company", "team",
                        "industries", "platform", "demo"}))
        x[kP_url_service_word] = 1.0f;
      if (cut == std::string_view::npos) break;
      w.remove_prefix(cut + 1);
    }
  }
}

}  // namespace extractor
