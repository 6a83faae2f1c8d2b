// Stage 7: shared helpers of the renderers (render_*.cc).
#ifndef EXTRACTOR_LIB_RENDER_H_
#define EXTRACTOR_LIB_RENDER_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "extractor/extractor.h"

namespace extractor {

// Text as HTML: & < > " as character references, NUL as U+FFFD (what a
// parser reads it as). Runs that need nothing are copied whole (the text
// is most of an HTML output).
void append_html(std::string* out, std::string_view text);

// A value for an attribute in double quotes: the same, but for '>', which
// is only a character there (and the explain view's element paths are full
// of them).
void append_html_attribute(std::string* out, std::string_view value);

// Whether two consecutive rendered blocks belong together on adjacent lines
// (items of one list, rows of one table) rather than in separate paragraphs.
inline bool same_run(const Block& a, const Block& b) {
  return (a.kind == BlockKind::kListItem && b.kind == BlockKind::kListItem) ||
         (a.kind == BlockKind::kTableRow && b.kind == BlockKind::kTableRow);
}

// Where an inline span opens or closes, in the order a renderer writes them:
// by offset; at one offset closings before openings, the innermost span
// closed first and the outermost opened first, so that the output nests.
struct SpanMark {
  std::uint32_t at;  // byte offset, relative to the rendered range
  bool open;
  const Span* span;
  std::string href;  // a link's marks: its URL as safe_url() keeps it
};

// The marks of `block`'s spans lying inside [begin, end) of its text;
// links only when options keep them and their URL may be shown (a link
// without one is written as its text).
std::vector<SpanMark> span_marks(const Block& block, const RenderOptions& options,
                                 std::uint32_t begin, std::uint32_t end);

// The blocks labelled `label` that a renderer shows, in order. Plain text
// leaves images and captions out; tables go when options exclude them.
std::vector<const Block*> visible_blocks(const std::vector<Block>& blocks, Label label,
                                         bool with_media, const RenderOptions& options);

// The bytes of the shown blocks' text plus `per_block` for each and an
// eighth for markup: what an output is reserved at, so that a large one is
// not grown by doubling (which on a text-dense page left twice its size
// allocated).
inline std::size_t expected_size(const std::vector<const Block*>& shown, std::size_t per_block,
                                 bool markup) {
  std::size_t n = 0;
  for (const Block* b : shown) n += b->text.size() + per_block;
  return markup ? n + n / 8 : n;
}

}  // namespace extractor

#endif  // EXTRACTOR_LIB_RENDER_H_
