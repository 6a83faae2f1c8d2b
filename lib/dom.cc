#include "dom.h"

#include <cstddef>
#include <cstdlib>
#include <cstring>
#include <new>

namespace extractor {

Arena::~Arena() {
  for (char* c : chunks_) std::free(c);
}

void* Arena::allocate(std::size_t size) {
  constexpr std::size_t kAlign = alignof(std::max_align_t);
  size = (size + kAlign - 1) & ~(kAlign - 1);
  if (size > left_) {
    // Big requests (long text nodes, the tokenizer's buffers) get a chunk of
    // their own, so the current chunk's tail is not wasted.
    if (size > next_chunk_ / 4) {
      char* big = static_cast<char*>(std::malloc(size));
      if (big == nullptr) throw std::bad_alloc();
      chunks_.push_back(big);
      reserved_ += size;
      return big;
    }
    char* chunk = static_cast<char*>(std::malloc(next_chunk_));
    if (chunk == nullptr) throw std::bad_alloc();
    chunks_.push_back(chunk);
    reserved_ += next_chunk_;
    cursor_ = chunk;
    left_ = next_chunk_;
    if (next_chunk_ < (std::size_t{4} << 20)) next_chunk_ *= 2;
  }
  void* p = cursor_;
  cursor_ += size;
  left_ -= size;
  return p;
}

namespace {

void* arena_allocate(void* userdata, std::size_t size) {
  return static_cast<Arena*>(userdata)->allocate(size);
}
// Memory goes back all at once when the Dom dies.
void arena_free(void*, void*) {}

}  // namespace

Dom::Dom(std::string html, const TextStash& stash) : html_(std::move(html)) {
  GumboOptions options = kGumboDefaultOptions;
  options.allocator = arena_allocate;
  options.deallocator = arena_free;
  options.userdata = &arena_;
  options.max_errors = 0;  // parse errors are never shown; do not collect them
  output_ = gumbo_parse_with_options(&options, html_.data(), html_.size());
  if (!stash.empty()) restore_text(stash);
}

// A placeholder's characters stay together in one text node (no tag, no
// reference among them), wherever the tree builder moved the node.
void Dom::restore_text(const TextStash& stash) {
  std::string expanded;
  walk(
      output_->document,
      [&](const GumboNode* node, int) {
        if (node->type != GUMBO_NODE_TEXT) return children_of(node) != nullptr;
        const std::string_view text = node->v.text.text;
        if (text.find(TextStash::kMarker) == std::string_view::npos) return false;
        expanded.clear();
        stash.expand(text, &expanded);
        char* copy = static_cast<char*>(arena_.allocate(expanded.size() + 1));
        std::memcpy(copy, expanded.c_str(), expanded.size() + 1);
        // The tree is ours until the Dom is handed out.
        const_cast<GumboNode*>(node)->v.text.text = copy;
        return false;
      },
      [](const GumboNode*, int) {});
}

std::string_view attribute(const GumboNode* element, const char* name) {
  if (element->type != GUMBO_NODE_ELEMENT && element->type != GUMBO_NODE_TEMPLATE) return {};
  const GumboAttribute* a = gumbo_get_attribute(&element->v.element.attributes, name);
  return a != nullptr && a->value != nullptr ? std::string_view(a->value) : std::string_view();
}

}  // namespace extractor
