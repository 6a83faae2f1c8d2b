// JSON-LD (schema.org) for the metadata stage: lenient parsing of the
// <script type="application/ld+json"> bodies prescan kept aside, and the
// fields of the object that describes the page's article.
#ifndef EXTRACTOR_LIB_METADATA_JSONLD_H_
#define EXTRACTOR_LIB_METADATA_JSONLD_H_

#include <string>
#include <string_view>
#include <vector>

namespace extractor {

struct JsonLdPerson {
  std::string name;
  bool organization = false;  // @type Organization (or a publisher-like type)
};

struct JsonLdArticle {
  bool found = false;       // an object of an article-like or page-like type
  bool is_article = false;  // Article, NewsArticle, BlogPosting, ... (not WebPage)
  std::string type;         // its @type, e.g. "NewsArticle"
  std::string headline;     // headline, else name
  std::vector<JsonLdPerson> authors;  // author, else creator
  std::string date_published;  // as written; parsed by the caller
  std::string date_created;
  std::string date_modified;
  std::string description;
  std::string image;
  std::string url;          // url, else mainEntityOfPage(@id)
  std::string language;     // inLanguage
  std::vector<std::string> keywords;
  std::vector<std::string> sections;  // articleSection
  std::string publisher;    // publisher name
  std::string site_name;    // a WebSite object's name
};

// Parses every body (each may hold one object, an array, a @graph, or
// several objects one after another) and returns the article's fields.
// Broken JSON is retried once cleaned: raw control characters inside strings,
// trailing commas, HTML comment and CDATA wrappers, HTML-escaped quotes and
// invalid escapes are repaired; a body that still does not parse is skipped.
// `page_url` helps choose between several articles (the one whose url is the
// page's wins).
JsonLdArticle read_json_ld(const std::vector<std::string>& bodies, std::string_view page_url);

}  // namespace extractor

#endif  // EXTRACTOR_LIB_METADATA_JSONLD_H_
