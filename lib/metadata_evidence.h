// Metadata, the evidence (2 of 2): everything the stages choose from, read
// once per page. The article region scoring found, where each element sits
// (the cues that put it away from the article: comments, sidebars, related
// lists, feeds, menus, the masthead), the page's elements (metadata_gather),
// its <meta> tags by key, and its JSON-LD (metadata_jsonld).
#ifndef EXTRACTOR_LIB_METADATA_EVIDENCE_H_
#define EXTRACTOR_LIB_METADATA_EVIDENCE_H_

#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "metadata.h"
#include "metadata_gather.h"
#include "metadata_jsonld.h"

namespace extractor {

// Bylines and dates near the headline sit in columns and asides that read as
// sidebars (and, for bylines, in article headers that read as mastheads);
// what must keep them out is another article's context: comments, related
// lists, feeds, menus.
constexpr std::uint32_t kAwayForAuthors =
    kCueComment | kCueRelated | kCueBreadcrumb | kCtxCommentItem;
constexpr std::uint32_t kAwayForDates = kAwayForAuthors | kCueFeed | kCueNav | kCueHeader;

// <meta> values by key (lower case; "dc:" written "dc.").
class Metas {
 public:
  // Indexed once by key: a page has up to a few hundred <meta> tags and
  // the stages ask for some sixty keys.
  explicit Metas(const Gathered& g);
  Metas(const Metas&) = delete;
  Metas& operator=(const Metas&) = delete;

  // The first non-empty value (white space collapsed) of the first key
  // present, in the order of `keys`; "" when none.
  std::string first(std::initializer_list<const char*> keys) const;
  // Every value of `key`, in page order, white space collapsed.
  std::vector<std::string> all(const char* key) const;

 private:
  const Gathered& g_;
  std::unordered_map<std::string_view, std::vector<std::size_t>> index_;
};

// "en_US" -> "en", "zh-Hans-CN" -> "zh"; "" when it is no language tag.

// The article region's blocks [begin, end): the whole page when scoring
// found none (found false).
struct Region {
  int begin = 0;
  int end = 0;
  bool found = false;
};
Region article_region(const Segments& seg, const Scores& scores);

// Per element, the away cues (kAway) that count: an <aside> of a few blocks
// inside the article is its byline's, and an element holding half the
// article's content is a layout wrapper, whatever its words say.
struct AwayCues {
  std::vector<std::uint32_t> own;    // the element's own
  std::vector<std::uint32_t> chain;  // its own and its ancestors'
};
AwayCues find_away_cues(const Segments& seg, const Scores& scores, const Region& region);

// The elements read in full (see gather()): around the region's start and
// its end.
ReadWindow read_window(const Region& region, int blocks);

class Evidence {
 public:
  explicit Evidence(const MetadataInput& in);
  Evidence(const Evidence&) = delete;
  Evidence& operator=(const Evidence&) = delete;

  // True when block `b` sits in an element (or under one) with any of the
  // away cues in `mask`.
  bool away(const TextBlock& b, std::uint32_t mask = kAway) const {
    return b.element >= 0 && (away_cues.chain[static_cast<std::size_t>(b.element)] & mask) != 0;
  }

  const MetadataInput& input;
  const std::vector<TextBlock>& blocks;  // input.segments.blocks
  const Region region;
  const AwayCues away_cues;
  const Gathered gathered;
  const Metas metas;
  const JsonLdArticle ld;
};

}  // namespace extractor

#endif  // EXTRACTOR_LIB_METADATA_EVIDENCE_H_
