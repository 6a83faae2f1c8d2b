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
// (Inline: segmentation asks for every element of the page.)
inline Flow flow_of(GumboTag tag) {
  switch (tag) {
    // Not text a reader reads as the page: code, styles, media, widgets.
    case GUMBO_TAG_HEAD:
    case GUMBO_TAG_SCRIPT:
    case GUMBO_TAG_STYLE:
    case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_IFRAME:
    case GUMBO_TAG_OBJECT:
    case GUMBO_TAG_EMBED:
    case GUMBO_TAG_APPLET:
    case GUMBO_TAG_SVG:
    case GUMBO_TAG_MATH:
    case GUMBO_TAG_CANVAS:
    case GUMBO_TAG_VIDEO:
    case GUMBO_TAG_AUDIO:
    case GUMBO_TAG_MAP:
    case GUMBO_TAG_SELECT:
    case GUMBO_TAG_OPTION:
    case GUMBO_TAG_OPTGROUP:
    case GUMBO_TAG_DATALIST:
    case GUMBO_TAG_BUTTON:
    case GUMBO_TAG_INPUT:
    case GUMBO_TAG_TEXTAREA:
    case GUMBO_TAG_PROGRESS:
    case GUMBO_TAG_METER:
    case GUMBO_TAG_FRAME:
    case GUMBO_TAG_NOFRAMES:
    case GUMBO_TAG_PARAM:
    case GUMBO_TAG_SOURCE:
    case GUMBO_TAG_TRACK:
    case GUMBO_TAG_LINK:
    case GUMBO_TAG_META:
    case GUMBO_TAG_TITLE:
    case GUMBO_TAG_BASE:
    case GUMBO_TAG_RP:
    case GUMBO_TAG_RT:
    case GUMBO_TAG_KEYGEN:
    case GUMBO_TAG_AREA:
      return Flow::kSkip;
    case GUMBO_TAG_ADDRESS:
    case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_BODY:
    case GUMBO_TAG_CENTER:
    case GUMBO_TAG_DD:
    case GUMBO_TAG_DETAILS:
    case GUMBO_TAG_DIR:
    case GUMBO_TAG_DIV:
    case GUMBO_TAG_DL:
    case GUMBO_TAG_DT:
    case GUMBO_TAG_FIELDSET:
    case GUMBO_TAG_FIGCAPTION:
    case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_FORM:
    case GUMBO_TAG_H1:
    case GUMBO_TAG_H2:
    case GUMBO_TAG_H3:
    case GUMBO_TAG_H4:
    case GUMBO_TAG_H5:
    case GUMBO_TAG_H6:
    case GUMBO_TAG_HEADER:
    case GUMBO_TAG_HGROUP:
    case GUMBO_TAG_HR:
    case GUMBO_TAG_LI:
    case GUMBO_TAG_MAIN:
    case GUMBO_TAG_MENU:
    case GUMBO_TAG_NAV:
    case GUMBO_TAG_OL:
    case GUMBO_TAG_P:
    case GUMBO_TAG_PRE:
    case GUMBO_TAG_LISTING:
    case GUMBO_TAG_XMP:
    case GUMBO_TAG_PLAINTEXT:
    case GUMBO_TAG_SECTION:
    case GUMBO_TAG_SUMMARY:
    case GUMBO_TAG_TABLE:
    case GUMBO_TAG_CAPTION:
    case GUMBO_TAG_TBODY:
    case GUMBO_TAG_THEAD:
    case GUMBO_TAG_TFOOT:
    case GUMBO_TAG_TR:
    case GUMBO_TAG_TD:
    case GUMBO_TAG_TH:
    case GUMBO_TAG_UL:
    case GUMBO_TAG_LEGEND:
    case GUMBO_TAG_FRAMESET:
    case GUMBO_TAG_HTML:
      return Flow::kBlock;
    default:
      return Flow::kInline;
  }
}

// True where text breaks: block-level elements, <br> and <img>.
inline bool breaks_text(GumboTag tag) {
  return tag == GUMBO_TAG_BR || tag == GUMBO_TAG_IMG || flow_of(tag) == Flow::kBlock;
}

// 1..6 for h1..h6; 0 for any other tag.
inline int heading_level(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_H1: return 1;
    case GUMBO_TAG_H2: return 2;
    case GUMBO_TAG_H3: return 3;
    case GUMBO_TAG_H4: return 4;
    case GUMBO_TAG_H5: return 5;
    case GUMBO_TAG_H6: return 6;
    default: return 0;
  }
}

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

// The first child element of `parent` with tag `tag`; nullptr when none.
inline const GumboNode* child_element(const GumboNode* parent, GumboTag tag) {
  const GumboVector* kids = children_of(parent);
  if (kids == nullptr) return nullptr;
  for (unsigned i = 0; i < kids->length; ++i) {
    const auto* k = static_cast<const GumboNode*>(kids->data[i]);
    if (k->type == GUMBO_NODE_ELEMENT && k->v.element.tag == tag) return k;
  }
  return nullptr;
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
