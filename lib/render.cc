// What the renderers share: which blocks show, and how inline spans nest.
#include "render.h"

#include <algorithm>

#include "safe_url.h"

namespace extractor {
namespace {

// The bytes append_html() (text) and append_html_attribute() replace.
struct EscapeTable {
  bool special[256] = {};
  constexpr explicit EscapeTable(bool text) {
    special[static_cast<unsigned char>('&')] = special[static_cast<unsigned char>('"')] = true;
    special[static_cast<unsigned char>('<')] = true;
    special[static_cast<unsigned char>('>')] = text;
    special[0] = true;
  }
};
constexpr EscapeTable kTextEscapes(true);
constexpr EscapeTable kAttributeEscapes(false);

void append_escaped(std::string* out, std::string_view text, const EscapeTable& table) {
  const char* p = text.data();
  const char* const end = p + text.size();
  while (p < end) {
    const char* run = p;
    while (p < end && !table.special[static_cast<unsigned char>(*p)]) ++p;
    out->append(run, static_cast<std::size_t>(p - run));
    if (p == end) break;
    switch (*p) {
      case '&': out->append("&amp;", 5); break;
      case '<': out->append("&lt;", 4); break;
      case '>': out->append("&gt;", 4); break;
      case '"': out->append("&quot;", 6); break;
      default: out->append("\xEF\xBF\xBD", 3); break;
    }
    ++p;
  }
}

}  // namespace

void append_html(std::string* out, std::string_view text) {
  append_escaped(out, text, kTextEscapes);
}

void append_html_attribute(std::string* out, std::string_view value) {
  append_escaped(out, value, kAttributeEscapes);
}

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
