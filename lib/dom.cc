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

// --- The tag table ----------------------------------------------------------

Flow flow_of(GumboTag tag) {
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

int heading_level(GumboTag tag) {
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

}  // namespace extractor
