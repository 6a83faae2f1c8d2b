// Metadata, where to look. See metadata_zone.h.
#include "metadata_zone.h"

#include <algorithm>
#include <cstdlib>
#include <string_view>

#include "chars.h"
#include "metadata_text.h"
#include "metadata_tuning.h"

namespace extractor {
namespace {

// False when `text`'s comparison key cannot start with `key`'s first
// character: its first letter or digit is ASCII and another (a quick test
// before computing the key; true when unsure).
bool may_open_with(std::string_view text, std::string_view key) {
  if (key.empty()) return true;
  for (char c : text) {
    if (static_cast<unsigned char>(c) >= 0x80) return true;
    if (is_ascii_alnum(c)) return lower_ascii(c) == key[0];
  }
  return true;
}

// The block nearest the region's start that reads as the title; -1 when
// none does.
int find_headline(const std::vector<TextBlock>& blocks, int region_begin,
                  const std::string& title) {
  const std::string key = comparison_key(title);
  if (key.empty()) return -1;
  int best = -1, best_d = 1 << 30;
  // Headings anywhere; other blocks only near the region's start.
  for (std::size_t i = 0; i < blocks.size(); ++i) {
    const int from_start = std::abs(static_cast<int>(i) - region_begin);
    if (blocks[i].kind != BlockKind::kHeading && from_start > tuning::kHeadlineTextAround)
      continue;
    // Away or not: a block that reads as the chosen title is the headline
    // (a masthead <header> often holds the article's h1).
    const TextBlock& b = blocks[i];
    if (b.text.size() > title.size() * 2 + 64 || b.text.size() * 2 + 8 < title.size()) continue;
    // Only a heading may hold more than the title; another block must read
    // as it from its first letter (checked before keying it).
    if (b.kind != BlockKind::kHeading && !may_open_with(b.text, key)) continue;
    const std::string bk = comparison_key(b.text);
    int extra = 0;
    if (bk != key) {
      // A heading with a kicker before or after the title.
      if (b.kind != BlockKind::kHeading || bk.size() > key.size() * 2 ||
          bk.find(key) == std::string::npos)
        continue;
      extra = tuning::kHeadlineKickerCost;
    }
    const int d =
        from_start + extra + (b.kind == BlockKind::kHeading ? 0 : tuning::kHeadlineTextCost);
    if (d < best_d) {
      best_d = d;
      best = static_cast<int>(i);
    }
  }
  return best;
}

}  // namespace

Zone locate_zone(const std::vector<TextBlock>& blocks, const std::vector<Label>& labels,
                 int region_begin, int region_end, const std::string& title) {
  Zone zone;
  zone.region_begin = region_begin;
  zone.region_end = region_end;
  const int n = static_cast<int>(blocks.size());
  const int best = find_headline(blocks, region_begin, title);
  zone.headline = best;
  if (best >= 0) {
    // When the region starts a little further down (after a lead image, a
    // standfirst), the zone reaches its first blocks.
    zone.begin = std::max(0, best - tuning::kZoneAboveHeadline);
    zone.end = std::min(n, best + tuning::kZoneBelowHeadline);
    if (region_begin > best && region_begin <= best + tuning::kZoneRegionStartReach)
      zone.end = std::min(n, std::max(zone.end, region_begin + tuning::kZoneIntoRegion));
  } else {
    zone.begin = std::max(0, region_begin - tuning::kZoneAboveRegion);
    zone.end = std::min(n, region_begin + tuning::kZoneBelowRegion);
  }
  for (int i = region_end - 1; i >= region_begin; --i)
    if (labels.size() == blocks.size() &&
        labels[static_cast<std::size_t>(i)] == Label::kContent) {
      zone.last = i;
      break;
    }
  if (zone.last >= 0) {
    zone.tail_begin = std::max(region_begin, zone.last - tuning::kTailAbove);
    zone.tail_end = std::min(n, zone.last + tuning::kTailBelow);
  }
  return zone;
}

}  // namespace extractor
