// The block classifier: a small gradient-boosted tree ensemble over each
// block's features, trained by bench/train/train.py on ../shared/datasets and
// compiled in as data (model_trees.inc). It refines the rule-based labels
// of score.cc; the rules' decision is one of its inputs.
#ifndef EXTRACTOR_LIB_MODEL_H_
#define EXTRACTOR_LIB_MODEL_H_

#include <cstddef>

namespace extractor {

// The features, in the order of a feature vector. Names are shared with
// the training script through the dump tool (bench/train/dump_features.cc).
enum Feature : int {
#define EXTRACTOR_FEATURE(name) kF_##name,
#include "model_features.inc"
#undef EXTRACTOR_FEATURE
  kFeatureCount
};

// Feature names, indexed by Feature.
extern const char* const kFeatureNames[kFeatureCount];

// True when a trained ensemble is compiled in.
bool model_available();

// The ensemble's probability that a block is article content.
float model_probability(const float* features);

// The same for `n` blocks at once: rows holds n feature vectors one after
// the other, out receives n probabilities (equal to model_probability's).
// Tree by tree over all the blocks: a tree's nodes stay in cache and the
// walks of different blocks overlap, which is several times faster than
// one block at a time.
void model_probabilities(const float* rows, std::size_t n, float* out);

}  // namespace extractor

#endif  // EXTRACTOR_LIB_MODEL_H_
