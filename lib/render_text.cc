// Plain text of the labelled blocks.
#include "render.h"

namespace extractor {

std::string render_text(const std::vector<Block>& blocks, const RenderOptions& options,
                        Label label) {
  const std::vector<const Block*> shown =
      visible_blocks(blocks, label, /*with_media=*/false, options);
  std::string out;
  out.reserve(expected_size(shown, 2, /*markup=*/false));  // exact, "\n\n" apart
  const Block* prev = nullptr;
  for (const Block* b : shown) {
    if (prev != nullptr) out += same_run(*prev, *b) ? "\n" : "\n\n";
    out += b->text;
    prev = b;
  }
  return out;
}

}  // namespace extractor
