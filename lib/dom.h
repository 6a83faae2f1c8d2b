// Stage 3: the parsed tree. Dom owns the input buffer and the Gumbo output
// (text nodes' original_text points into the buffer), and walks the tree
// without recursion.
#ifndef EXTRACTOR_LIB_DOM_H_
#define EXTRACTOR_LIB_DOM_H_

#include <gumbo.h>

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "prescan.h"

namespace extractor {

// Bump allocator handed to Gumbo through GumboOptions: one free of a few
// chunks instead of one per node, and no call to gumbo_destroy_output, whose
// recursive descent would overflow the stack on deeply nested pages.
class Arena {
 public:
  Arena() = default;
  Arena(const Arena&) = delete;
  Arena& operator=(const Arena&) = delete;
  ~Arena();
  void* allocate(std::size_t size);
  std::size_t bytes_reserved() const { return reserved_; }

 private:
  std::vector<char*> chunks_;
  char* cursor_ = nullptr;
  std::size_t left_ = 0;
  std::size_t next_chunk_ = 64 * 1024;
  std::size_t reserved_ = 0;
};

class Dom {
 public:
  // Parses `html` (valid UTF-8) and writes the runs of `stash` back into
  // the text nodes that hold their placeholders. The Dom keeps the buffer
  // alive.
  explicit Dom(std::string html, const TextStash& stash = TextStash());
  // The page prescan() made, its stashed text included.
  explicit Dom(Prescanned&& page) : Dom(std::move(page.html), page.stash) {}
  Dom(const Dom&) = delete;
  Dom& operator=(const Dom&) = delete;
  ~Dom() = default;

  const GumboNode* document() const { return output_->document; }
  const GumboNode* root() const { return output_->root; }
  std::string_view html() const { return html_; }

 private:
  void restore_text(const TextStash& stash);

  std::string html_;
  Arena arena_;
  GumboOutput* output_ = nullptr;  // lives in arena_
};

// How an element's text flows, for every stage that reads text from the
// tree: the one tag table.
enum class Flow : std::uint8_t {
  kInline,  // part of the line around it (a, em, span, unknown tags)
  kBlock,   // starts and ends a block of text (p, div, li, h1, td, ...)
  kSkip,    // no text a reader reads as the page: code, styles, media,
            // embedded frames (iframe, video, canvas), form controls, <head>
};
Flow flow_of(GumboTag tag);

// True where text breaks: block-level elements, <br> and <img>.
inline bool breaks_text(GumboTag tag) {
  return tag == GUMBO_TAG_BR || tag == GUMBO_TAG_IMG || flow_of(tag) == Flow::kBlock;
}

// 1..6 for h1..h6; 0 for any other tag.
int heading_level(GumboTag tag);

// Children of a document, element or template node; nullptr for the others.
inline const GumboVector* children_of(const GumboNode* node) {
  switch (node->type) {
    case GUMBO_NODE_DOCUMENT:
      return &node->v.document.children;
    case GUMBO_NODE_ELEMENT:
    case GUMBO_NODE_TEMPLATE:
      return &node->v.element.children;
    default:
      return nullptr;
  }
}

// The text of a text, white-space or CDATA node; nullptr for any other node.
inline const char* text_of(const GumboNode* node) {
  switch (node->type) {
    case GUMBO_NODE_TEXT:
    case GUMBO_NODE_WHITESPACE:
    case GUMBO_NODE_CDATA:
      return node->v.text.text;
    default:
      return nullptr;
  }
}

// The value of attribute `name` of an element, or "" when absent.
std::string_view attribute(const GumboNode* element, const char* name);

// Pre-order walk of the subtree at `root` with enter/leave events, iterative
// (an explicit stack of child positions), so that depth costs heap, not
// stack. `enter(node, depth)` returns false to skip the node's children;
// `leave(node, depth)` is called for every entered node after its children.
template <typename Enter, typename Leave>
void walk(const GumboNode* root, Enter&& enter, Leave&& leave) {
  struct Frame {
    const GumboNode* node;
    unsigned next_child;
  };
  std::vector<Frame> stack;
  stack.reserve(64);
  if (!enter(root, 0)) {
    leave(root, 0);
    return;
  }
  stack.push_back({root, 0});
  while (!stack.empty()) {
    Frame& top = stack.back();
    const GumboVector* kids = children_of(top.node);
    if (kids != nullptr && top.next_child < kids->length) {
      const auto* child = static_cast<const GumboNode*>(kids->data[top.next_child++]);
      const int depth = static_cast<int>(stack.size());
      if (enter(child, depth)) {
        stack.push_back({child, 0});
      } else {
        leave(child, depth);
      }
      continue;
    }
    const GumboNode* done = top.node;
    stack.pop_back();
    leave(done, static_cast<int>(stack.size()));
  }
}

}  // namespace extractor

#endif  // EXTRACTOR_LIB_DOM_H_
