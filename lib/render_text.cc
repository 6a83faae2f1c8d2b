#include "render.h"

namespace extractor {

std::vector<const Block*> visible_blocks(const std::vector<Block>& blocks, Label label,
                                         bool with_media, const Options& options) {
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

std::string render_text(const std::vector<Block>& blocks, Label label) {
  std::string out;
  const Block* prev = nullptr;
  for (const Block* b : visible_blocks(blocks, label, /*with_media=*/false, Options{})) {
    if (prev != nullptr) out += same_run(*prev, *b) ? "\n" : "\n\n";
    out += b->text;
    prev = b;
  }
  return out;
}

}  // namespace extractor
