// Stage 6: title, authors, dates, site, language, description, image, tags.
//
// Every field is gathered from all the places a page states it — JSON-LD,
// <meta> tags, markup (h1, time, itemprop, rel=author, byline elements),
// the URL, and the visible text near the headline and in the article's
// last lines — and chosen by rank and agreement. The stages, in order:
// metadata_evidence (what the page gives, read once), metadata_site,
// metadata_title, metadata_zone (where to read text), metadata_dates,
// metadata_authors, metadata_fields. The text is searched only in the few
// blocks around the headline and the start of the article region (plus,
// for credits, its last lines), never in every block: the stage costs
// little next to the parse.
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
  const PageInfo& page;  // url and reference_date
  const Patterns& patterns;  // the dates and names read
};

Metadata extract_metadata(const MetadataInput& input);

}  // namespace extractor

#endif  // EXTRACTOR_LIB_METADATA_H_
