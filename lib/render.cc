// What the renderers share: which blocks show, and how inline spans nest.
#include "render.h"

#include <algorithm>

#include "safe_url.h"

namespace extractor {

std::vector<const Block*> visible_blocks(const std::vector<Block>& blocks, Label label,
                                         bool with_media, const RenderOptions& options) {
  std::vector<const Block*> out;
  for (const Block& b : blocks) {
    if (b.label != label) continue;
    if (!with_media && (b.kind == BlockKind::kImage || b.kind == BlockKind::kCaption)) continue;
    if (with_media && !options.include_images &&
        (b.kind == BlockKind::kImage || b.kind == BlockKind::kCaption))
      continue;
    if (!options.include_tables && b.kind == BlockKind::kTableRow) continue;
    out.push_back(&b);
  }
  return out;
}

std::vector<SpanMark> span_marks(const Block& block, const RenderOptions& options,
                                 std::uint32_t begin, std::uint32_t end) {
  struct Item {
    SpanMark mark;
    std::uint32_t other;  // the other end of the span
    std::size_t order;    // the span's index, to pair identical ranges
  };
  std::vector<Item> items;
  for (std::size_t i = 0; i < block.spans.size(); ++i) {
    const Span& s = block.spans[i];
    std::string href;
    if (s.kind == Span::Kind::kLink) {
      if (!options.include_links) continue;
      href = safe_url(s.href, UrlUse::kLink);
      if (href.empty()) continue;
    }
    if (s.begin < begin || s.end > end || s.begin >= s.end) continue;
    items.push_back({{s.end - begin, false, &s, href}, s.begin, i});
    items.push_back({{s.begin - begin, true, &s, std::move(href)}, s.end, i});
  }
  std::sort(items.begin(), items.end(), [](const Item& a, const Item& b) {
    if (a.mark.at != b.mark.at) return a.mark.at < b.mark.at;
    if (a.mark.open != b.mark.open) return !a.mark.open;  // closings first
    // Spans are listed in the order their elements closed, inner first, so
    // of two spans over the same range the later one is the outer one.
    if (a.mark.open) {
      // The span reaching furthest opens first.
      if (a.other != b.other) return a.other > b.other;
      return a.order > b.order;
    }
    // The span that opened last closes first.
    if (a.other != b.other) return a.other > b.other;
    return a.order < b.order;
  });
  std::vector<SpanMark> marks;
  marks.reserve(items.size());
  for (Item& i : items) marks.push_back(std::move(i.mark));
  return marks;
}

}  // namespace extractor
