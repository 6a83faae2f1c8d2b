// Runs of like siblings: the posts of a thread, the cards of a listing, the
// rows of a table of items, the reviews under a product.
//
// A run is the block-level elements that hold text under one parent with
// the same tag and the same first class, its digits left out ("post-12",
// "post-13"; "loop-item-0", "loop-item-1"). The page-type features read the
// largest run (pagetype.cc), and the readings of forums, listings and
// products choose theirs (regions.cc).
#ifndef EXTRACTOR_LIB_RUNS_H_
#define EXTRACTOR_LIB_RUNS_H_

#include <vector>

#include "segment.h"

namespace extractor {

struct Run {
  int parent = -1;           // the members' parent (index in Segments::elements)
  std::vector<int> members;  // element indices, in document order
};

// Every run of at least `min_items` members, in the order of their first
// member. One sort of the elements that hold text.
std::vector<Run> find_runs(const Segments& segments, int min_items = 2);

}  // namespace extractor

#endif  // EXTRACTOR_LIB_RUNS_H_
