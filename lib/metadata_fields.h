// Metadata, the remaining fields: the description, the image, the
// categories and the tags, each from the first source that gives one
// (<meta> tags, JSON-LD, the markup).
#ifndef EXTRACTOR_LIB_METADATA_FIELDS_H_
#define EXTRACTOR_LIB_METADATA_FIELDS_H_

#include <string>
#include <vector>

#include "extractor/extractor.h"

namespace extractor {

class Evidence;

struct FieldCandidates {
  std::string description;     // <meta name=description>
  std::string og_description;  // og:description, twitter:description, dc.description
  std::string ld_description;  // JSON-LD's
  std::string og_image;        // og:image (and its variants), twitter:image
  std::string ld_image;        // JSON-LD's
  std::string image_src;       // <link rel=image_src>
  std::string base;            // what a relative image URL resolves against
  std::vector<std::string> meta_sections;  // article:section
  std::vector<std::string> ld_sections;    // JSON-LD's articleSection
  std::vector<std::string> meta_tags;      // article:tag
  std::vector<std::string> ld_keywords;    // JSON-LD's keywords
  std::vector<std::string> tag_links;      // <a rel=tag> texts outside menus and sidebars
  std::string keywords;                    // news_keywords, else keywords: "a, b; c"
};

FieldCandidates field_candidates(const Evidence& ev);

struct FieldChoice {
  std::string description;
  Source description_source = Source::kNone;
  std::string image;  // resolved against the base
  Source image_source = Source::kNone;
  std::vector<std::string> categories;  // unique by comparison key
  Source categories_source = Source::kNone;
  std::vector<std::string> tags;  // unique by comparison key, at most tuning::kMaxTags
  Source tags_source = Source::kNone;
};

// Description: the meta description, og's, JSON-LD's. Image: og's,
// JSON-LD's, image_src. Categories: article:section, JSON-LD's. Tags:
// article:tag, JSON-LD's keywords, rel=tag links, the keywords meta.
FieldChoice choose_fields(const FieldCandidates& c);

}  // namespace extractor

#endif  // EXTRACTOR_LIB_METADATA_FIELDS_H_
