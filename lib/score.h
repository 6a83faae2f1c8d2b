// Stage 5b: which blocks are the article.
#ifndef EXTRACTOR_LIB_SCORE_H_
#define EXTRACTOR_LIB_SCORE_H_

#include <cstdint>
#include <vector>

#include "extractor/extractor.h"
#include "segment.h"

namespace extractor {

struct Scores {
  std::vector<float> content;       // per block: confidence it is content, 0..1
  std::vector<Label> labels;        // per block
  std::vector<Reason> reasons;      // per block: what decided the label
  int region = -1;                  // element index of the article region
  // Per block: inside a reader comment thread, as the rules read the page
  // (keep_comments_out()).
  std::vector<bool> in_comments;
};

// What the training tools need to see (bench/train): every block's feature
// vector (blocks × kFeatureCount, row-major) and the rules' labels.
struct ScoreTrace {
  std::vector<float> features;
  std::vector<Label> rule_labels;
  std::vector<std::uint32_t> cues;  // per block: its and its ancestors' cues
  // The list rule after the classifier (keep_list_together): per block its
  // list's element inside the region (-1: not a list item there), and
  // whether a cue or its text keeps it out of the list whatever the others.
  std::vector<int> list;
  std::vector<bool> list_marked;
};

// Labels every block. The article region is the element whose blocks carry
// the most content evidence (long, punctuated, link-poor text counts for it;
// short, link-dense or boilerplate-marked text against it); inside it,
// blocks with boilerplate evidence are pruned; outside it, all is
// boilerplate except what clearly continues the article.
//
// The labels come from rules, then from a trained classifier that reads the
// rules' decision with the block's other features (model.h), when one is
// compiled in.
Scores score(const Segments& segments, const ExtractOptions& options,
             ScoreTrace* trace = nullptr);

// Reader comments are Result::comments, never the body, except on a forum
// thread, whose replies are its content. The classifier learned from sets
// whose annotators count comments as article text, so it may keep a block
// the rules put in a comment thread: on a page not read as a thread
// (read_as_type()), such a block goes back to the comments (with
// include_comments) or out. Changes `scores` only there.
void keep_comments_out(bool include_comments, Scores* scores);

// The rules' evidence that a block is article text from the block alone
// (length, punctuation, link density, boilerplate phrases), as a logit;
// the readings of other kinds of page weigh text with it (regions.h).
float text_logit(const TextBlock& block);

}  // namespace extractor

#endif  // EXTRACTOR_LIB_SCORE_H_
