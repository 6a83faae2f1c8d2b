#include "model.h"

#include <cmath>
#include <cstdint>

namespace extractor {
namespace {

// One node of a regression tree: an inner node sends x[feature] <= threshold
// to `left`, the rest to `right`; a leaf (feature < 0) holds `value`.
struct TreeNode {
  std::int16_t feature;
  float threshold;
  std::int32_t left;
  std::int32_t right;
  float value;
};

#include "model_trees.inc"

}  // namespace

const char* const kFeatureNames[kFeatureCount] = {
#define EXTRACTOR_FEATURE(name) #name,
#include "model_features.inc"
#undef EXTRACTOR_FEATURE
};

bool model_available() { return kTreeCount > 0; }

float model_probability(const float* x) {
  double sum = kModelBias;
  for (int t = 0; t < kTreeCount; ++t) {
    std::int32_t i = kTreeRoots[t];
    while (kTreeNodes[i].feature >= 0) {
      const TreeNode& node = kTreeNodes[i];
      i = x[node.feature] <= node.threshold ? node.left : node.right;
    }
    sum += kTreeNodes[i].value;
  }
  return static_cast<float>(1.0 / (1.0 + std::exp(-sum)));
}

}  // namespace extractor
