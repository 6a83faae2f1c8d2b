#include <nlohmann/json.hpp>

#include "extractor/extractor.h"
#include "safe_url.h"

namespace extractor {
namespace {

using Json = nlohmann::ordered_json;

Json or_null(const std::string& s) { return s.empty() ? Json(nullptr) : Json(s); }

// A thread's posts: each post's author and date (null where the post shows
// none), its text, and the range of its blocks.
Json posts_json(const Result& r) {
  Json posts = Json::array();
  for (const Post& p : r.posts) {
    Json o;
    o["author"] = or_null(p.author);
    o["date"] = or_null(p.date);
    o["text"] = p.text;
    o["first_block"] = p.first_block;
    o["end_block"] = p.end_block;
    posts.push_back(std::move(o));
  }
  return posts;
}

}  // namespace

const char* to_string(BlockKind kind) {
  switch (kind) {
    case BlockKind::kParagraph: return "paragraph";
    case BlockKind::kHeading: return "heading";
    case BlockKind::kListItem: return "list-item";
    case BlockKind::kTableRow: return "table-row";
    case BlockKind::kCode: return "code";
    case BlockKind::kCaption: return "caption";
    case BlockKind::kImage: return "image";
  }
  return "?";
}

const char* to_string(Label label) {
  switch (label) {
    case Label::kContent: return "content";
    case Label::kBoilerplate: return "boilerplate";
    case Label::kComment: return "comment";
  }
  return "?";
}

const char* to_string(Source source) {
  switch (source) {
    case Source::kNone: return "none";
    case Source::kJsonLd: return "json-ld";
    case Source::kMeta: return "meta";
    case Source::kMarkup: return "markup";
    case Source::kUrl: return "url";
    case Source::kText: return "text";
  }
  return "?";
}

std::string Metadata::author() const {
  std::string joined;
  for (const std::string& a : authors) {
    if (!joined.empty()) joined += ", ";
    joined += a;
  }
  return joined;
}

std::string render_json(const Result& r, const JsonOptions& options) {
  const Metadata& m = r.metadata;
  Json j;
  if (options.with_source) j["source"] = options.source;
  for (const Field& f : options.fields) j[f.first] = or_null(f.second);
  j["url"] = or_null(safe_url(m.url, UrlUse::kImage));
  j["title"] = or_null(m.title);
  j["author"] = or_null(m.author());
  j["authors"] = m.authors;
  j["date"] = or_null(m.date);
  j["site_name"] = or_null(m.site_name);
  j["language"] = or_null(m.language);
  j["page_type"] = to_string(r.page_type);
  j["text"] = r.text;
  if (options.full) {
    j["page_type_confidence"] = std::round(double{r.page_type_confidence} * 1000) / 1000;
    j["article_probability"] = std::round(double{r.article_probability} * 1000) / 1000;
    j["date_modified"] = or_null(m.date_modified);
    j["description"] = or_null(m.description);
    j["image"] = or_null(safe_url(m.image, UrlUse::kImage));
    j["categories"] = m.categories;
    j["tags"] = m.tags;
    j["markdown"] = r.markdown;
    j["comments"] = or_null(r.comments);
    j["charset"] = or_null(r.charset);
    j["empty_reason"] = or_null(describe(r.empty_reason));
    j["posts"] = posts_json(r);
    const Metadata::Sources& s = m.sources;
    j["sources"] = {{"title", to_string(s.title)},
                    {"authors", to_string(s.authors)},
                    {"date", to_string(s.date)},
                    {"date_modified", to_string(s.date_modified)},
                    {"site_name", to_string(s.site_name)},
                    {"language", to_string(s.language)},
                    {"description", to_string(s.description)},
                    {"url", to_string(s.url)},
                    {"image", to_string(s.image)},
                    {"categories", to_string(s.categories)},
                    {"tags", to_string(s.tags)}};
  }
  if (options.with_blocks) {
    Json blocks = Json::array();
    for (const Block& b : r.blocks) {
      Json o;
      o["kind"] = to_string(b.kind);
      o["label"] = to_string(b.label);
      o["score"] = std::round(b.score * 1000) / 1000;
      o["reason"] = to_string(b.reason);
      o["path"] = b.path;
      if (b.level) o["level"] = b.level;
      if (std::string src = safe_url(b.src, UrlUse::kImage); !src.empty()) o["src"] = src;
      o["text"] = b.text;
      blocks.push_back(std::move(o));
    }
    j["blocks"] = std::move(blocks);
  }
  if (!options.error.empty()) j["error"] = options.error;
  return j.dump(options.pretty ? 2 : -1, ' ', false, Json::error_handler_t::replace);
}

}  // namespace extractor
