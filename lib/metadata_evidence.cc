// Metadata, the evidence. See metadata_evidence.h.
#include "metadata_evidence.h"

#include <algorithm>

#include "dom.h"
#include "metadata_text.h"
#include "metadata_tuning.h"

namespace extractor {

Metas::Metas(const Gathered& g) : g_(g) {
  index_.reserve(g.metas.size());
  for (std::size_t i = 0; i < g.metas.size(); ++i) index_[g.metas[i].first].push_back(i);
}

std::string Metas::first(std::initializer_list<const char*> keys) const {
  for (const char* k : keys) {
    auto it = index_.find(std::string_view(k));
    if (it == index_.end()) continue;
    for (std::size_t i : it->second) {
      std::string v = collapse_space(g_.metas[i].second);
      if (!v.empty()) return v;
    }
  }
  return {};
}

std::vector<std::string> Metas::all(const char* key) const {
  std::vector<std::string> out;
  auto it = index_.find(std::string_view(key));
  if (it != index_.end())
    for (std::size_t i : it->second) out.push_back(collapse_space(g_.metas[i].second));
  return out;
}

Region article_region(const Segments& seg, const Scores& scores) {
  Region r;
  r.found = scores.region >= 0;
  if (r.found) {
    const Element& el = seg.elements[static_cast<std::size_t>(scores.region)];
    r.begin = el.first_block;
    r.end = el.end_block;
  } else {
    r.end = static_cast<int>(seg.blocks.size());
  }
  return r;
}

AwayCues find_away_cues(const Segments& seg, const Scores& scores, const Region& region) {
  const std::vector<TextBlock>& blocks = seg.blocks;
  const std::size_t n_el = seg.elements.size();
  AwayCues away;
  away.own.resize(n_el);
  away.chain.resize(n_el);
  std::vector<int> prefix(blocks.size() + 1, 0);  // content blocks before each
  const bool labelled = scores.labels.size() == blocks.size();
  for (std::size_t i = 0; i < blocks.size(); ++i)
    prefix[i + 1] = prefix[i] + (labelled && scores.labels[i] == Label::kContent);
  const int content = prefix.back();
  for (std::size_t e = 0; e < n_el; ++e) {
    const Element& el = seg.elements[e];
    std::uint32_t a = el.cues & kAway;
    if (el.tag == GUMBO_TAG_ASIDE && el.first_block >= region.begin &&
        el.end_block <= region.end &&
        el.end_block - el.first_block <= tuning::kBylineAsideBlocks)
      a &= ~kCueSidebar;
    if (a != 0 && content > 0) {
      const int inside = prefix[static_cast<std::size_t>(el.end_block)] -
                         prefix[static_cast<std::size_t>(el.first_block)];
      if (inside >= tuning::kWrapperContentShare * content) a = 0;
    }
    away.own[e] = a;
    away.chain[e] = a | (el.parent >= 0 ? away.chain[static_cast<std::size_t>(el.parent)] : 0);
  }
  return away;
}

ReadWindow read_window(const Region& region, int blocks) {
  ReadWindow w;
  if (!region.found) {
    w.end = blocks + 1;
    return w;
  }
  w.begin = std::max(0, region.begin - tuning::kReadBefore);
  w.end = std::min(blocks, region.end + tuning::kReadAfter) + 1;
  w.gap_begin = region.begin + tuning::kReadGapFromStart;
  w.gap_end = region.end - tuning::kReadGapToEnd;
  return w;
}

Evidence::Evidence(const MetadataInput& in)
    : input(in),
      blocks(in.segments.blocks),
      region(article_region(in.segments, in.scores)),
      away_cues(find_away_cues(in.segments, in.scores, region)),
      gathered(gather(in.dom, in.segments, away_cues.own, in.patterns.names(),
                      read_window(region, static_cast<int>(in.segments.blocks.size())))),
      metas(gathered),
      ld(read_json_ld(in.json_ld, in.page.url)) {}

}  // namespace extractor
