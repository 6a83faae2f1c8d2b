// Stage 5b: which blocks are the article.
#ifndef EXTRACTOR_LIB_SCORE_H_
#define EXTRACTOR_LIB_SCORE_H_

#include <vector>

#include "extractor/extractor.h"
#include "segment.h"

namespace extractor {

struct Scores {
  std::vector<float> content;       // per block: confidence it is content, 0..1
  std::vector<Label> labels;        // per block
  std::vector<const char*> reasons; // per block: what decided the label
  int region = -1;                  // element index of the article region
};

// Labels every block. The article region is the element whose blocks carry
// the most content evidence (long, punctuated, link-poor text counts for it;
// short, link-dense or boilerplate-marked text against it); inside it,
// blocks with boilerplate evidence are pruned; outside it, all is
// boilerplate except what clearly continues the article.
Scores score(const Segments& segments, const Options& options);

}  // namespace extractor

#endif  // EXTRACTOR_LIB_SCORE_H_
