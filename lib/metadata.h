// Stage 6: title, authors, dates, site, language, description, image, tags.
#ifndef EXTRACTOR_LIB_METADATA_H_
#define EXTRACTOR_LIB_METADATA_H_

#include <string>
#include <string_view>
#include <vector>

#include "extractor/extractor.h"
#include "score.h"
#include "segment.h"

namespace extractor {

class Dom;
class Patterns;

// Everything the metadata sources need, gathered by the earlier stages.
struct MetadataInput {
  const Dom& dom;
  const std::vector<std::string>& json_ld;  // bodies of ld+json scripts
  const Segments& segments;
  const Scores& scores;
  std::string_view url;  // PageInfo::url
};

Metadata extract_metadata(const MetadataInput& input);

}  // namespace extractor

#endif  // EXTRACTOR_LIB_METADATA_H_
