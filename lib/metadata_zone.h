// Metadata, where to look: the headline the chosen title reads as, the
// blocks around it (a byline and a date sit just above or below it), and
// the article's last lines (a byline, a date or a credit closes many). The
// dates and authors stages read the text only there.
#ifndef EXTRACTOR_LIB_METADATA_ZONE_H_
#define EXTRACTOR_LIB_METADATA_ZONE_H_

#include <string>
#include <vector>

#include "extractor/extractor.h"
#include "segment.h"

namespace extractor {

struct Zone {
  int begin = 0;  // blocks [begin, end) around the headline and region start
  int end = 0;
  int headline = -1;  // the headline's block; -1 when none reads as the title
  int region_begin = 0;
  int region_end = 0;
  int tail_begin = 0;  // blocks [tail_begin, tail_end) around the article's last lines
  int tail_end = 0;
  int last = -1;  // the article's last content block; -1 when none
  bool contains(int b) const { return b >= begin && b < end; }
  bool in_tail(int b) const { return b >= tail_begin && b < tail_end && !contains(b); }
  // The headline's block, else the region's first.
  int anchor() const { return headline >= 0 ? headline : region_begin; }
  // How far `block` is from the anchor, in half-blocks: a block above the
  // headline is a little further than the one as far below it (bylines and
  // dates mostly follow the headline).
  int distance(int block) const {
    const int d = block - anchor();
    return d >= 0 ? 2 * d : -2 * d + 1;
  }
};

// The zone of a page whose article region is blocks [region_begin,
// region_end) and whose title is `title`: the headline is the block nearest
// the region's start that reads as the title (a heading anywhere, which may
// hold a kicker too; another block only near the region's start). `labels`
// (one per block, or empty) give the article's last content block.
Zone locate_zone(const std::vector<TextBlock>& blocks, const std::vector<Label>& labels,
                 int region_begin, int region_end, const std::string& title);

}  // namespace extractor

#endif  // EXTRACTOR_LIB_METADATA_ZONE_H_
