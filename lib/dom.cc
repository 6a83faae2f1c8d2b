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

// A placeholder's characters stay together in one text node or attribute
// value (no tag, no reference among them), wherever the tree builder moved
// or copied it.
void Dom::restore_text(const TextStash& stash) {
  std::string expanded;
  // `text` with its placeholders expanded, in the arena; nullptr if it has none.
  auto restored = [&](const char* text) -> const char* {
    const std::string_view t = text;
    if (t.find(TextStash::kMarker) == std::string_view::npos) return nullptr;
    expanded.clear();
    stash.expand(t, &expanded);
    char* copy = static_cast<char*>(arena_.allocate(expanded.size() + 1));
    std::memcpy(copy, expanded.c_str(), expanded.size() + 1);
    return copy;
  };
  // The tree is ours until the Dom is handed out.
  walk(
      output_->document,
      [&](const GumboNode* node, int) {
        auto* n = const_cast<GumboNode*>(node);
        if (n->type == GUMBO_NODE_TEXT) {
          if (const char* t = restored(n->v.text.text)) n->v.text.text = t;
          return false;
        }
        if (n->type == GUMBO_NODE_ELEMENT || n->type == GUMBO_NODE_TEMPLATE) {
          const GumboVector& attributes = n->v.element.attributes;
          for (unsigned i = 0; i < attributes.length; ++i) {
            auto* a = static_cast<GumboAttribute*>(attributes.data[i]);
            // A stashed value starts with its placeholder.
            if (a->value[0] != TextStash::kMarker[0]) continue;
            if (const char* v = restored(a->value)) a->value = v;
          }
        }
        return children_of(node) != nullptr;
      },
      [](const GumboNode*, int) {});
}

std::string_view attribute(const GumboNode* element, const char* name) {
  if (element->type != GUMBO_NODE_ELEMENT && element->type != GUMBO_NODE_TEMPLATE) return {};
  const GumboAttribute* a = gumbo_get_attribute(&element->v.element.attributes, name);
  return a != nullptr && a->value != nullptr ? std::string_view(a->value) : std::string_view();
}

}  // namespace extractor
