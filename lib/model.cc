#include "model.h"

#include <cmath>
#include <iterator>
#include <cstdint>
#include <algorithm>
#include <utility>
#include <vector>

#include "trees.h"

namespace extractor {
namespace {

#include "model_trees.inc"

constexpr int kNodeCount = static_cast<int>(std::size(kTreeNodes));

}  // namespace

const char* const kFeatureNames[kFeatureCount] = {
#define EXTRACTOR_FEATURE(name) #name,
#include "model_features.inc"
#undef EXTRACTOR_FEATURE
};

bool model_available() { return kTreeCount > 0; }

float model_probability(const float* x) {
  double sum = kModelBias;
  for (int t = 0; t < kTreeCount; ++t) sum += tree_value(kTreeNodes, kTreeRoots[t], x);
  return static_cast<float>(1.0 / (1.0 + std::exp(-sum)));
}

namespace {

// The ensemble rearranged for walking many blocks at once: a leaf points to
// itself on both sides, so every walk takes its tree's depth in steps with
// no test for leaves, and each step picks a child by index (no branch to
// mispredict).
struct Walkable {
  struct Node {
    std::int32_t feature;  // 0 at leaves (any valid index)
    float threshold;
    std::int32_t child[2];  // x[feature] <= threshold: child[0], else child[1]
  };
  std::vector<Node> nodes;
  std::vector<float> value;  // by node; leaves' values
  std::vector<int> depth;    // by tree: the longest root-to-leaf path

  Walkable() : nodes(kNodeCount), value(kNodeCount, 0.0f), depth(kTreeCount, 0) {
    for (int i = 0; i < kNodeCount; ++i) {
      const TreeNode& t = kTreeNodes[i];
      Node& w = nodes[static_cast<std::size_t>(i)];
      if (t.feature < 0) {
        w = Node{0, 0.0f, {i, i}};
        value[static_cast<std::size_t>(i)] = t.value;
      } else {
        w = Node{t.feature, t.threshold, {t.left, t.right}};
      }
    }
    for (int t = 0; t < kTreeCount; ++t) {
      // Depth-first over the tree with an explicit stack.
      std::vector<std::pair<std::int32_t, int>> stack{{kTreeRoots[t], 0}};
      while (!stack.empty()) {
        const auto [i, d] = stack.back();
        stack.pop_back();
        if (kTreeNodes[i].feature < 0) {
          depth[static_cast<std::size_t>(t)] = std::max(depth[static_cast<std::size_t>(t)], d);
        } else {
          stack.emplace_back(kTreeNodes[i].left, d + 1);
          stack.emplace_back(kTreeNodes[i].right, d + 1);
        }
      }
    }
  }
};

}  // namespace

void model_probabilities(const float* rows, std::size_t n, float* out) {
  static const Walkable model;
  // Blocks in chunks whose features stay in the first-level cache while
  // every tree walks them; eight walks at a time, independent chains of
  // loads the CPU overlaps.
  constexpr std::size_t kChunk = 64;
  constexpr std::size_t kLanes = 8;
  double sums[kChunk];
  for (std::size_t first = 0; first < n; first += kChunk) {
    const std::size_t count = std::min(kChunk, n - first);
    const float* chunk = rows + first * kFeatureCount;
    for (std::size_t j = 0; j < count; ++j) sums[j] = kModelBias;
    for (int t = 0; t < kTreeCount; ++t) {
      const std::int32_t root = kTreeRoots[t];
      const int depth = model.depth[static_cast<std::size_t>(t)];
      auto step = [&](std::size_t row, std::int32_t at) {
        const Walkable::Node& node = model.nodes[static_cast<std::size_t>(at)];
        const float v = chunk[row * kFeatureCount + static_cast<std::size_t>(node.feature)];
        return node.child[v <= node.threshold ? 0 : 1];
      };
      std::size_t j = 0;
      for (; j + kLanes <= count; j += kLanes) {
        std::int32_t at[kLanes];
        for (std::size_t l = 0; l < kLanes; ++l) at[l] = root;
        for (int d = 0; d < depth; ++d)
          for (std::size_t l = 0; l < kLanes; ++l) at[l] = step(j + l, at[l]);
        for (std::size_t l = 0; l < kLanes; ++l)
          sums[j + l] += model.value[static_cast<std::size_t>(at[l])];
      }
      for (; j < count; ++j) {
        std::int32_t at = root;
        for (int d = 0; d < depth; ++d) at = step(j, at);
        sums[j] += model.value[static_cast<std::size_t>(at)];
      }
    }
    for (std::size_t j = 0; j < count; ++j)
      out[first + j] = static_cast<float>(1.0 / (1.0 + std::exp(-sums[j])));
  }
}

}  // namespace extractor
