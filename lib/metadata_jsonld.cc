// JSON-LD for the metadata stage. See metadata_jsonld.h.
#include "metadata_jsonld.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstring>
#include <unordered_map>

#include "metadata_text.h"
#include "url.h"

namespace extractor {
namespace {

using Json = nlohmann::json;

// Cuts a body into its top-level values ("{...}{...}", "[...]\n{...}"),
// skipping whatever lies between them (commas, stray text, wrappers). The
// split follows strings and escapes, so braces inside strings do not count.
std::vector<std::string_view> split_values(std::string_view s) {
  std::vector<std::string_view> out;
  int depth = 0;
  bool in_string = false;
  std::size_t start = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (in_string) {
      if (c == '\\') ++i;
      else if (c == '"') in_string = false;
      continue;
    }
    if (depth == 0) {
      if (c == '{' || c == '[') {
        start = i;
        depth = 1;
      }
      continue;
    }
    if (c == '"') in_string = true;
    else if (c == '{' || c == '[') ++depth;
    else if (c == '}' || c == ']') {
      if (--depth == 0) out.push_back(s.substr(start, i + 1 - start));
    }
  }
  if (depth > 0) out.push_back(s.substr(start));  // truncated: let the parser judge
  return out;
}

// The repairs that make most broken JSON-LD parse: raw control characters in
// strings become spaces, invalid escapes ("\'", "\&") lose their backslash,
// commas before a closing bracket go.
std::string repair(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool in_string = false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    const unsigned char u = static_cast<unsigned char>(c);
    if (in_string) {
      if (c == '\\' && i + 1 < s.size()) {
        const char n = s[i + 1];
        if (std::strchr("\"\\/bfnrtu", n) != nullptr) {
          out += c;
          out += n;
        } else if (static_cast<unsigned char>(n) >= 0x20) {
          out += n;
        }
        ++i;
        continue;
      }
      if (c == '"') in_string = false;
      out += u < 0x20 ? ' ' : c;
      continue;
    }
    if (c == '"') {
      in_string = true;
      out += c;
      continue;
    }
    if (c == ',') {
      std::size_t j = i + 1;
      while (j < s.size() && static_cast<unsigned char>(s[j]) <= ' ') ++j;
      if (j < s.size() && (s[j] == '}' || s[j] == ']')) continue;
    }
    out += c;
  }
  return out;
}

std::string strip_wrappers(std::string_view body) {
  std::string s(body);
  for (const char* w : {"<![CDATA[", "]]>", "<!--", "-->"}) {
    const std::size_t n = std::strlen(w);
    for (std::size_t p = s.find(w); p != std::string::npos; p = s.find(w, p))
      s.replace(p, n, std::string(n, ' '));
  }
  return s;
}

Json parse_one(std::string_view text) {
  Json j = Json::parse(text.begin(), text.end(), nullptr, false, true);
  if (!j.is_discarded()) return j;
  const std::string fixed = repair(text);
  j = Json::parse(fixed.begin(), fixed.end(), nullptr, false, true);
  if (!j.is_discarded()) return j;
  if (fixed.find("&quot;") != std::string::npos) {
    const std::string unescaped = repair(decode_entities(fixed));
    j = Json::parse(unescaped.begin(), unescaped.end(), nullptr, false, true);
  }
  return j;
}

std::string strip_schema(std::string s) {
  for (const char* p : {"http://schema.org/", "https://schema.org/", "schema:"}) {
    const std::size_t n = std::strlen(p);
    if (s.compare(0, n, p) == 0) return s.substr(n);
  }
  return s;
}

std::vector<std::string> types_of(const Json& o) {
  std::vector<std::string> out;
  auto it = o.find("@type");
  if (it == o.end()) return out;
  if (it->is_string()) out.push_back(strip_schema(it->get<std::string>()));
  else if (it->is_array())
    for (const Json& t : *it)
      if (t.is_string()) out.push_back(strip_schema(t.get<std::string>()));
  return out;
}

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// Types whose object is the article itself.
bool is_article_type(std::string_view t) {
  if (ends_with(t, "Article") || ends_with(t, "Posting") || ends_with(t, "NewsArticle"))
    return true;
  static const char* const kTypes[] = {"Report", "ReportageNews", "Review", "CriticReview",
                                       "Recipe", "HowTo", "VideoObject", "PodcastEpisode",
                                       "Episode", "Chapter", "Thesis", "Legislation",
                                       "Dataset", "Guide", "Blog", "Book", "Course", "Event",
                                       "Question"};
  return std::find(std::begin(kTypes), std::end(kTypes), t) != std::end(kTypes);
}

bool is_page_type(std::string_view t) {
  return ends_with(t, "Page") && t != "SearchResultsPage";
}

bool is_organization_type(std::string_view t) {
  return ends_with(t, "Organization") || t == "Corporation" || t == "NewsMediaOrganization" ||
         t == "WebSite" || t == "Brand" || t == "GovernmentOrganization" ||
         t == "EducationalOrganization" || t == "LocalBusiness";
}

// A string value: a string, a number, {"@value": ...}, {"name": ...}, or the
// first of an array.
std::string text_of(const Json& v, int depth = 0) {
  if (depth > 4) return {};
  if (v.is_string()) return collapse_space(decode_entities(v.get<std::string>()));
  if (v.is_number_integer()) return std::to_string(v.get<long long>());
  if (v.is_array()) {
    for (const Json& e : v) {
      std::string s = text_of(e, depth + 1);
      if (!s.empty()) return s;
    }
    return {};
  }
  if (v.is_object()) {
    for (const char* k : {"@value", "name", "@id", "url"}) {
      auto it = v.find(k);
      if (it != v.end()) return text_of(*it, depth + 1);
    }
  }
  return {};
}

std::string field(const Json& o, const char* key) {
  auto it = o.find(key);
  return it == o.end() ? std::string() : text_of(*it);
}

struct Node {
  const Json* object;
  int depth;
  std::vector<std::string> types;
};

class Reader {
 public:
  void add(const Json& root) { visit(root, 0); }

  const std::vector<Node>& nodes() const { return nodes_; }

  const Json* by_id(const std::string& id) const {
    auto it = ids_.find(id);
    return it == ids_.end() ? nullptr : it->second;
  }

 private:
  void visit(const Json& v, int depth) {
    if (depth > 12 || nodes_.size() > 2000) return;
    if (v.is_array()) {
      for (const Json& e : v) visit(e, depth);  // arrays add no level
      return;
    }
    if (!v.is_object()) return;
    Node n{&v, depth, types_of(v)};
    auto id = v.find("@id");
    if (id != v.end() && id->is_string() && v.size() > 1)
      ids_.emplace(id->get<std::string>(), &v);
    nodes_.push_back(std::move(n));
    for (auto it = v.begin(); it != v.end(); ++it) {
      if (!it->is_object() && !it->is_array()) continue;
      // @graph members are top-level objects.
      visit(*it, it.key() == "@graph" ? depth : depth + 1);
    }
  }

  std::vector<Node> nodes_;
  std::unordered_map<std::string, const Json*> ids_;
};

void add_person(const Json& v, const Reader& r, std::vector<JsonLdPerson>* out, int depth) {
  if (depth > 3) return;
  if (v.is_array()) {
    for (const Json& e : v) add_person(e, r, out, depth + 1);
    return;
  }
  if (v.is_string()) {
    const std::string s = collapse_space(decode_entities(v.get<std::string>()));
    if (!s.empty()) out->push_back({s, false});
    return;
  }
  if (!v.is_object()) return;
  const Json* o = &v;
  if (o->find("name") == o->end() && o->find("@id") != o->end() && (*o)["@id"].is_string()) {
    const Json* target = r.by_id((*o)["@id"].get<std::string>());
    if (target != nullptr) o = target;
  }
  JsonLdPerson p;
  p.name = field(*o, "name");
  if (p.name.empty()) {
    const std::string given = field(*o, "givenName");
    const std::string family = field(*o, "familyName");
    p.name = collapse_space(given + " " + family);
  }
  for (const std::string& t : types_of(*o))
    if (is_organization_type(t)) p.organization = true;
  if (!p.name.empty()) out->push_back(std::move(p));
}

std::vector<std::string> list_of(const Json& o, const char* key) {
  std::vector<std::string> out;
  auto it = o.find(key);
  if (it == o.end()) return out;
  if (it->is_string()) {
    // "a, b, c" (keywords are often one comma-separated string)
    const std::string s = decode_entities(it->get<std::string>());
    std::size_t start = 0;
    while (start <= s.size()) {
      std::size_t comma = s.find(',', start);
      if (comma == std::string::npos) comma = s.size();
      std::string item = collapse_space(std::string_view(s).substr(start, comma - start));
      if (!item.empty()) out.push_back(std::move(item));
      start = comma + 1;
    }
  } else if (it->is_array()) {
    for (const Json& e : *it) {
      std::string item = text_of(e);
      if (!item.empty()) out.push_back(std::move(item));
    }
  }
  return out;
}

std::string image_of(const Json& o) {
  auto it = o.find("image");
  if (it == o.end()) it = o.find("thumbnailUrl");
  if (it == o.end()) return {};
  const Json* v = &*it;
  if (v->is_array() && !v->empty()) v = &(*v)[0];
  if (v->is_string()) return v->get<std::string>();
  if (v->is_object()) {
    for (const char* k : {"url", "contentUrl", "@id"}) {
      auto u = v->find(k);
      if (u != v->end() && u->is_string()) return u->get<std::string>();
    }
  }
  return {};
}

std::string strip_url(std::string_view u) {
  std::size_t p = u.find("://");
  if (p != std::string_view::npos) u.remove_prefix(p + 3);
  if (u.rfind("www.", 0) == 0) u.remove_prefix(4);
  u = u.substr(0, std::min(u.find('?'), u.find('#')));
  while (!u.empty() && u.back() == '/') u.remove_suffix(1);
  return std::string(u);
}

}  // namespace

JsonLdArticle read_json_ld(const std::vector<std::string>& bodies, std::string_view page_url) {
  JsonLdArticle a;
  if (bodies.empty()) return a;
  std::vector<Json> roots;
  for (const std::string& body : bodies) {
    const std::string s = strip_wrappers(body);
    for (std::string_view piece : split_values(s)) {
      Json j = parse_one(piece);
      if (!j.is_discarded()) roots.push_back(std::move(j));
    }
  }
  Reader r;
  for (const Json& j : roots) r.add(j);

  // The main object: an article type near the top, the page's own URL, the
  // most fields. Deep articles are lists of related stories.
  const std::string page = strip_url(page_url);
  const Node* best = nullptr;
  int best_score = 0;
  std::vector<const Node*> pages;
  for (const Node& n : r.nodes()) {
    bool article = false, web_page = false;
    for (const std::string& t : n.types) {
      article |= is_article_type(t);
      web_page |= is_page_type(t);
    }
    if (!article && !web_page) continue;
    if (web_page && n.depth <= 1) pages.push_back(&n);
    const Json& o = *n.object;
    int score = (article ? 100 : 50) - 30 * n.depth;
    const std::string url = field(o, "url");
    if (!page.empty() && !url.empty() && strip_url(url) == page) score += 30;
    if (o.contains("headline")) score += 10;
    if (o.contains("datePublished")) score += 10;
    if (o.contains("author")) score += 10;
    if (o.contains("articleBody")) score += 5;
    if (score > best_score || best == nullptr) {
      best = &n;
      best_score = score;
    }
  }

  // Site names from WebSite and publisher objects, wherever they are.
  for (const Node& n : r.nodes()) {
    for (const std::string& t : n.types)
      if (t == "WebSite" && a.site_name.empty() && n.depth <= 1)
        a.site_name = field(*n.object, "name");
  }
  if (best == nullptr) return a;

  const Json& o = *best->object;
  a.found = true;
  for (const std::string& t : best->types) {
    if (is_article_type(t)) a.is_article = true;
    if (a.type.empty() || is_article_type(t)) a.type = t;
  }
  a.headline = field(o, "headline");
  if (a.headline.empty() && a.is_article) a.headline = field(o, "name");
  auto author = o.find("author");
  if (author == o.end()) author = o.find("creator");
  if (author != o.end()) add_person(*author, r, &a.authors, 0);
  a.date_published = field(o, "datePublished");
  a.date_created = field(o, "dateCreated");
  // A video page's date is its upload date; a video inside an article is not.
  if (a.date_published.empty() && a.type == "VideoObject") a.date_published = field(o, "uploadDate");
  a.date_modified = field(o, "dateModified");
  a.description = field(o, "description");
  a.image = image_of(o);
  a.url = field(o, "url");
  if (a.url.empty() || !looks_like_url(a.url)) {
    auto m = o.find("mainEntityOfPage");
    if (m != o.end()) {
      std::string u = m->is_object() ? field(*m, "@id") : text_of(*m);
      if (u.empty() && m->is_object()) u = field(*m, "url");
      if (looks_like_url(u)) a.url = u;
    }
  }
  a.language = field(o, "inLanguage");
  a.keywords = list_of(o, "keywords");
  a.sections = list_of(o, "articleSection");
  auto pub = o.find("publisher");
  if (pub != o.end()) {
    std::vector<JsonLdPerson> p;
    add_person(*pub, r, &p, 0);
    if (!p.empty()) a.publisher = p.front().name;
  }

  // What the article object lacks, its page often has (dates above all).
  for (const Node* p : pages) {
    if (p == best) continue;
    const Json& w = *p->object;
    if (a.date_published.empty()) a.date_published = field(w, "datePublished");
    if (a.date_modified.empty()) a.date_modified = field(w, "dateModified");
    if (a.authors.empty()) {
      auto au = w.find("author");
      if (au != w.end()) add_person(*au, r, &a.authors, 0);
    }
    if (a.language.empty()) a.language = field(w, "inLanguage");
    if (a.image.empty()) a.image = image_of(w);
    if (a.description.empty()) a.description = field(w, "description");
  }
  return a;
}

}  // namespace extractor
