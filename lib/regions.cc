#include "regions.h"

#include <utility>

#include "features.h"

namespace extractor {

std::size_t content_bytes(const Segments& segments, const Scores& scores) {
  std::size_t n = 0;
  for (std::size_t i = 0; i < segments.blocks.size() && i < scores.labels.size(); ++i) {
    const TextBlock& b = segments.blocks[i];
    if (scores.labels[i] == Label::kContent && b.kind != BlockKind::kImage) n += b.text.size();
  }
  return n;
}

void read_blocks(const Dom& dom, const Patterns& patterns, const Options& options,
                 std::string_view page_url, Segments* segments, Scores* scores,
                 ScoreTrace* trace) {
  *segments = segment(dom, patterns, options, page_url);
  compute_features(&segments->blocks, patterns);
  *scores = score(*segments, options, trace);
  if (segments->noscript == 0) return;
  const std::size_t shown = content_bytes(*segments, *scores);
  if (shown >= kArticleBytes) return;
  // Forums that render their posts by script (Discourse and the like) serve
  // the thread to crawlers in <noscript>; so do some shops their grid.
  Segments again = segment(dom, patterns, options, page_url, /*read_noscript=*/true);
  compute_features(&again.blocks, patterns);
  ScoreTrace trace_again;
  Scores scores_again = score(again, options, trace != nullptr ? &trace_again : nullptr);
  if (content_bytes(again, scores_again) <= shown) return;
  *segments = std::move(again);
  *scores = std::move(scores_again);
  if (trace != nullptr) *trace = std::move(trace_again);
}

}  // namespace extractor
