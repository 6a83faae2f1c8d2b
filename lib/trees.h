// The regression trees of the trained ensembles (model.cc: the block
// classifier; pagetype.cc: the page type), as their generated tables
// (*_trees.inc) hold them.
#ifndef EXTRACTOR_LIB_TREES_H_
#define EXTRACTOR_LIB_TREES_H_

#include <cstdint>

namespace extractor {

// One node of a regression tree: an inner node sends x[feature] <= threshold
// to `left`, the rest to `right`; a leaf (feature < 0) holds `value`.
struct TreeNode {
  std::int16_t feature;
  float threshold;
  std::int32_t left;
  std::int32_t right;
  float value;
};

// The value of the leaf that x reaches from the tree rooted at nodes[root].
inline float tree_value(const TreeNode* nodes, std::int32_t root, const float* x) {
  std::int32_t i = root;
  while (nodes[i].feature >= 0) {
    const TreeNode& node = nodes[i];
    i = x[node.feature] <= node.threshold ? node.left : node.right;
  }
  return nodes[i].value;
}

}  // namespace extractor

#endif  // EXTRACTOR_LIB_TREES_H_
