// Plain text of the labelled blocks.
#include "render.h"

namespace extractor {

std::string render_text(const std::vector<Block>& blocks, const Options& options, Label label) {
  std::string out;
  const Block* prev = nullptr;
  for (const Block* b : visible_blocks(blocks, label, /*with_media=*/false, options)) {
    if (prev != nullptr) out += same_run(*prev, *b) ? "\n" : "\n\n";
    out += b->text;
    prev = b;
  }
  return out;
}

}  // namespace extractor
