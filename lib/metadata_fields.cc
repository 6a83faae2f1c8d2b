// Metadata, the remaining fields. See metadata_fields.h.
#include "metadata_fields.h"

#include <algorithm>

#include "metadata_evidence.h"
#include "metadata_text.h"
#include "metadata_tuning.h"
#include "url.h"

namespace extractor {
namespace {

// A list of unique values: each value is keyed once (a page may list a
// hundred keywords), blank and overlong ones are left out.
class UniqueList {
 public:
  explicit UniqueList(std::vector<std::string>* out) : out_(*out) {}
  void add(const std::string& s) {
    std::string t = collapse_space(s);
    if (t.empty() || t.size() > tuning::kMaxTagBytes) return;
    std::string k = comparison_key(t);
    if (std::find(keys_.begin(), keys_.end(), k) != keys_.end()) return;
    keys_.push_back(std::move(k));
    out_.push_back(std::move(t));
  }
  // Adds every value; `source` when that made the list non-empty.
  void add_all(const std::vector<std::string>& values, Source source, Source* chosen) {
    for (const std::string& s : values) add(s);
    if (!out_.empty()) *chosen = source;
  }

 private:
  std::vector<std::string>& out_;
  std::vector<std::string> keys_;
};

}  // namespace

FieldCandidates field_candidates(const Evidence& ev) {
  FieldCandidates c;
  const Metas& metas = ev.metas;
  c.description = metas.first({"description"});
  c.og_description = metas.first({"og:description", "twitter:description", "dc.description"});
  c.ld_description = ev.ld.description;
  c.og_image = metas.first(
      {"og:image", "og:image:url", "og:image:secure_url", "twitter:image", "twitter:image:src"});
  c.ld_image = ev.ld.image;
  c.image_src = ev.gathered.image_src;
  const std::string& base = ev.input.segments.base_url;
  c.base = base.empty() ? ev.input.page.url : base;
  c.meta_sections = metas.all("article:section");
  c.ld_sections = ev.ld.sections;
  c.meta_tags = metas.all("article:tag");
  c.ld_keywords = ev.ld.keywords;
  for (const Mark& mk : ev.gathered.marks)
    if (mk.kind == MarkKind::kTagLink && !(mk.ctx & kAway)) c.tag_links.push_back(mk.text);
  c.keywords = metas.first({"news_keywords", "keywords"});
  return c;
}

FieldChoice choose_fields(const FieldCandidates& c) {
  FieldChoice f;
  f.description = !c.description.empty() ? c.description : c.og_description;
  f.description_source = f.description.empty() ? Source::kNone : Source::kMeta;
  if (f.description.empty() && !c.ld_description.empty()) {
    f.description = c.ld_description;
    f.description_source = Source::kJsonLd;
  }
  for (const auto& [image, source] : {std::pair<const std::string&, Source>{c.og_image, Source::kMeta},
                                      {c.ld_image, Source::kJsonLd},
                                      {c.image_src, Source::kMarkup}})
    if (!image.empty()) {
      f.image = resolve_url(c.base, image);
      f.image_source = source;
      break;
    }
  UniqueList categories(&f.categories);
  categories.add_all(c.meta_sections, Source::kMeta, &f.categories_source);
  if (f.categories.empty()) categories.add_all(c.ld_sections, Source::kJsonLd, &f.categories_source);
  UniqueList tags(&f.tags);
  tags.add_all(c.meta_tags, Source::kMeta, &f.tags_source);
  if (f.tags.empty()) tags.add_all(c.ld_keywords, Source::kJsonLd, &f.tags_source);
  if (f.tags.empty()) tags.add_all(c.tag_links, Source::kMarkup, &f.tags_source);
  if (f.tags.empty()) {
    std::vector<std::string> words;
    std::size_t start = 0;
    while (start < c.keywords.size()) {
      std::size_t comma = c.keywords.find_first_of(",;", start);
      if (comma == std::string::npos) comma = c.keywords.size();
      words.push_back(c.keywords.substr(start, comma - start));
      start = comma + 1;
    }
    tags.add_all(words, Source::kMeta, &f.tags_source);
  }
  if (f.tags.size() > tuning::kMaxTags) f.tags.resize(tuning::kMaxTags);
  return f;
}

}  // namespace extractor
