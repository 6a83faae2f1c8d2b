// One walk over <body>: elements with their cues, text cut into blocks.
#include "segment.h"

#include <algorithm>
#include <cstring>
#include <unordered_map>

#include "chars.h"
#include "dom.h"
#include "patterns.h"
#include "safe_url.h"
#include "url.h"

namespace extractor {
namespace {

// Cues that an element's tag carries by itself.
std::uint32_t tag_cues(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_NAV:
    case GUMBO_TAG_MENU:
      return kCueNav;
    case GUMBO_TAG_ASIDE:
      return kCueSidebar;
    case GUMBO_TAG_FOOTER:
      return kCueFooter;
    case GUMBO_TAG_HEADER:
      return kCueHeader;
    case GUMBO_TAG_FORM:
      return kCueForm;
    case GUMBO_TAG_FIGCAPTION:
      return kCueCaption;
    case GUMBO_TAG_MAIN:
      return kCueMain;
    case GUMBO_TAG_ARTICLE:
      return kCueArticle;
    default:
      return 0;
  }
}

// `text` holds `lower_word` when spaces, tabs and newlines are left out and
// ASCII case is folded ("Display: None" holds "display:none"), without
// building the folded copy (a style attribute on most elements of a page).
bool contains_folded(const char* text, std::string_view lower_word) {
  auto skip = [](const char* p) {
    while (*p == ' ' || *p == '\t' || *p == '\n') ++p;
    return p;
  };
  for (const char* start = skip(text); *start; start = skip(start + 1)) {
    const char* p = start;
    std::size_t k = 0;
    while (k < lower_word.size() && *p && lower_ascii(*p) == lower_word[k]) {
      ++k;
      p = skip(p + 1);
    }
    if (k == lower_word.size()) return true;
  }
  return false;
}

// hidden, aria-hidden="true", inline display:none / visibility:hidden:
// which of them hides the element (see Segments::hidden), or nullptr.
const char* hidden_by(const GumboNode* node) {
  const GumboVector& attrs = node->v.element.attributes;
  for (unsigned i = 0; i < attrs.length; ++i) {
    const auto* a = static_cast<const GumboAttribute*>(attrs.data[i]);
    const char* name = a->name;
    if (name[0] != 'h' && name[0] != 'a' && name[0] != 's') continue;  // the three below
    if (std::strcmp(name, "hidden") == 0) return "hidden attribute";
    if (std::strcmp(name, "aria-hidden") == 0) {
      if (equals_lower_ascii(a->value, "true")) return "aria-hidden";
    } else if (std::strcmp(name, "style") == 0) {
      if (contains_folded(a->value, "display:none")) return "style display:none";
      if (contains_folded(a->value, "visibility:hidden")) return "style visibility:hidden";
    }
  }
  return nullptr;
}

// An id made from a heading ("sharing-with-a-single-developer", as
// documentation generators and wikis write them) names the text, not the
// element's role: four words or more, or a word like "with" or "the".
bool is_slug(std::string_view id) {
  static constexpr std::string_view kStop[] = {"a",   "an",  "the",  "of",   "and", "or",
                                               "to",  "in",  "on",   "with", "for", "is",
                                               "at",  "by",  "from", "how",  "what", "why"};
  int parts = 0;
  std::size_t start = 0;
  while (start <= id.size()) {
    std::size_t end = id.find_first_of("-_ ", start);
    if (end == std::string_view::npos) end = id.size();
    const std::string_view part = id.substr(start, end - start);
    if (!part.empty()) {
      ++parts;
      if (is_one_of_lower_ascii(part, kStop)) return true;
    }
    start = end + 1;
  }
  return parts >= 4;
}

// The attribute values that name what an element is.
void gather_words(const GumboNode* node, std::string* words) {
  words->clear();
  const GumboVector& attrs = node->v.element.attributes;
  for (unsigned i = 0; i < attrs.length; ++i) {
    const auto* a = static_cast<const GumboAttribute*>(attrs.data[i]);
    const char* n = a->name;
    // Most attributes (href, src, style, title, ...) are none of these: the
    // first letter settles them before any comparison.
    if (n[0] != 'c' && n[0] != 'i' && n[0] != 'r' && n[0] != 'a' && n[0] != 'd') continue;
    const bool wanted = std::strcmp(n, "class") == 0 || std::strcmp(n, "id") == 0 ||
                        std::strcmp(n, "role") == 0 || std::strcmp(n, "itemprop") == 0 ||
                        std::strcmp(n, "aria-label") == 0 ||
                        std::strcmp(n, "data-component") == 0 ||
                        std::strcmp(n, "data-module") == 0 ||
                        std::strcmp(n, "data-testid") == 0 ||
                        std::strcmp(n, "data-type") == 0 || std::strcmp(n, "data-role") == 0;
    if (!wanted || a->value == nullptr || a->value[0] == '\0') continue;
    if (n[0] == 'i' && n[1] == 'd' && is_slug(a->value)) continue;
    // Very long attribute values are generated data, not names.
    std::string_view v(a->value);
    if (v.size() > 256) v = v.substr(0, 256);
    if (!words->empty()) *words += ' ';
    words->append(v);
  }
}

std::string_view unknown_tag_name(const GumboNode* node) {
  GumboStringPiece name = node->v.element.original_tag;
  if (name.data == nullptr) return {};
  gumbo_tag_from_original_text(&name);
  return std::string_view(name.data, name.length);
}


class Walker {
 public:
  Walker(const Patterns& patterns, const Options& options, bool read_noscript,
         const std::vector<const GumboNode*>* shown, Segments* out)
      : patterns_(patterns), options_(options), read_noscript_(read_noscript), shown_(shown),
        out_(*out) {}

  bool enter(const GumboNode* node) {
    if (const char* text = text_of(node)) {
      append_text(text);
      return false;
    }
    return node->type == GUMBO_NODE_ELEMENT && enter_element(node);  // not comments, templates
  }

  void leave(const GumboNode* node) {
    if (open_.empty() || out_.elements[static_cast<std::size_t>(open_.back())].node != node)
      return;  // a skipped element, or a text node
    const int idx = open_.back();
    Element& e = out_.elements[static_cast<std::size_t>(idx)];
    const GumboTag tag = e.tag;
    if (e.block_level) flush();
    if (tag == GUMBO_TAG_ARTICLE || tag == GUMBO_TAG_MAIN) --article_depth_;
    switch (tag) {
      case GUMBO_TAG_UL:
      case GUMBO_TAG_OL:
      case GUMBO_TAG_DL:
        --list_depth_;
        ordered_.pop_back();
        break;
      case GUMBO_TAG_LI:
      case GUMBO_TAG_DT:
      case GUMBO_TAG_DD:
        --item_depth_;
        break;
      case GUMBO_TAG_BLOCKQUOTE:
        --quote_depth_;
        break;
      case GUMBO_TAG_PRE:
      case GUMBO_TAG_LISTING:
      case GUMBO_TAG_XMP:
      case GUMBO_TAG_PLAINTEXT:
        --pre_depth_;
        break;
      case GUMBO_TAG_FIGCAPTION:
        --caption_depth_;
        break;
      case GUMBO_TAG_TR:
        merge_row(idx);
        row_start_.pop_back();
        break;
      default:
        if (heading_level(tag) > 0) headings_.pop_back();
        break;
    }
    close_span(node);
    if (tag == GUMBO_TAG_A && is_link(node)) --link_depth_;
    e.end_block = static_cast<int>(out_.blocks.size());
    open_.pop_back();
    inherited_.pop_back();
    if (e.block_level) owners_.pop_back();
  }

  void finish() { flush(); }

 private:
  // An element left out as hidden, with its subtree: noted for the
  // explain view, which lists what the page hides.
  bool skip_hidden(const GumboNode* node, const char* why) {
    out_.hidden.push_back({node, open_.empty() ? -1 : open_.back(), why});
    return false;
  }

  bool is_shown(const GumboNode* node) const {
    return shown_ != nullptr && std::find(shown_->begin(), shown_->end(), node) != shown_->end();
  }

  static bool is_link(const GumboNode* node) {
    return !attribute(node, "href").empty();
  }

  bool enter_element(const GumboNode* node) {
    const GumboTag tag = node->v.element.tag;
    Flow flow = flow_of(tag);
    std::uint32_t cues = tag_cues(tag);
    // An article's own <header> holds its title, byline and standfirst; only
    // a header outside <article>/<main> is the site's masthead.
    if (tag == GUMBO_TAG_HEADER && article_depth_ > 0) cues &= ~kCueHeader;
    if (tag == GUMBO_TAG_UNKNOWN) {
      // Tags Gumbo 0.10 does not know: <dialog> (a closed one is not shown),
      // and custom elements, which sites use as block containers.
      const std::string_view name = unknown_tag_name(node);
      if (equals_lower_ascii(name, "dialog")) {
        if (gumbo_get_attribute(&node->v.element.attributes, "open") == nullptr)
          return skip_hidden(node, "closed dialog");
        cues |= kCueModal;
        flow = Flow::kBlock;
      } else if (equals_lower_ascii(name, "search")) {
        cues |= kCueNav;
        flow = Flow::kBlock;
      } else if (name.find('-') != std::string_view::npos) {
        flow = Flow::kBlock;
      }
    }
    if (tag == GUMBO_TAG_NOSCRIPT) {
      // Its markup (Gumbo parses it as scripting were off): read when asked,
      // else counted when it holds any element.
      if (read_noscript_) {
        flow = Flow::kBlock;
      } else {
        const GumboVector& kids = node->v.element.children;
        for (unsigned i = 0; i < kids.length; ++i) {
          if (static_cast<const GumboNode*>(kids.data[i])->type == GUMBO_NODE_ELEMENT) {
            ++out_.noscript;
            break;
          }
        }
      }
    }
    if (flow == Flow::kSkip) return false;
    if (const char* why = hidden_by(node); why != nullptr && !is_shown(node))
      return skip_hidden(node, why);

    gather_words(node, &words_);
    if (!words_.empty()) {
      auto it = cue_cache_.find(words_);
      if (it == cue_cache_.end())
        it = cue_cache_.emplace(words_, patterns_.attribute_cues(words_)).first;
      cues |= it->second;
    }
    // Class words on a heading name its style ("anchorWithStickyNavbar",
    // "widget-title"), rarely its role; the container around it says that.
    if (heading_level(tag) > 0) cues &= kCueHidden | kCueComment | kCueRelated | kCueTitle;
    // Screen-reader-only text is not on the page a reader sees.
    if ((cues & kCueHidden) && tag != GUMBO_TAG_BODY && tag != GUMBO_TAG_HTML)
      return skip_hidden(node, "hiding class or role");

    const bool block = flow == Flow::kBlock || tag == GUMBO_TAG_BR || tag == GUMBO_TAG_IMG;
    if (flow == Flow::kBlock) flush();

    const int idx = static_cast<int>(out_.elements.size());
    Element e;
    e.node = node;
    e.parent = open_.empty() ? -1 : open_.back();
    e.tag = tag;
    e.cues = cues;
    e.depth = static_cast<std::uint16_t>(std::min<std::size_t>(open_.size(), 65535));
    e.block_level = flow == Flow::kBlock;
    e.first_block = static_cast<int>(out_.blocks.size());
    out_.elements.push_back(e);
    open_.push_back(idx);
    inherited_.push_back((inherited_.empty() ? 0 : inherited_.back()) | cues);
    if (flow == Flow::kBlock) owners_.push_back(idx);
    (void)block;

    if (tag == GUMBO_TAG_ARTICLE || tag == GUMBO_TAG_MAIN) ++article_depth_;
    switch (tag) {
      case GUMBO_TAG_UL:
      case GUMBO_TAG_OL:
      case GUMBO_TAG_DL:
        ++list_depth_;
        ordered_.push_back(tag == GUMBO_TAG_OL);
        break;
      case GUMBO_TAG_LI:
      case GUMBO_TAG_DT:
      case GUMBO_TAG_DD:
        ++item_depth_;
        break;
      case GUMBO_TAG_BLOCKQUOTE:
        ++quote_depth_;
        break;
      case GUMBO_TAG_PRE:
      case GUMBO_TAG_LISTING:
      case GUMBO_TAG_XMP:
      case GUMBO_TAG_PLAINTEXT:
        ++pre_depth_;
        break;
      case GUMBO_TAG_FIGCAPTION:
        ++caption_depth_;
        break;
      case GUMBO_TAG_TR:
        row_start_.push_back(static_cast<int>(out_.blocks.size()));
        break;
      case GUMBO_TAG_BR:
        line_break();
        break;
      case GUMBO_TAG_IMG:
        image(node, idx);
        break;
      case GUMBO_TAG_A:
        if (is_link(node)) {
          ++link_depth_;
          // A link whose URL may not be shown stays a link (it counts as
          // one for link density) with no href: outputs write its text.
          std::string href = resolve_url(out_.base_url, attribute(node, "href"));
          make_safe_url(&href, UrlUse::kLink);
          open_span(node, Span::Kind::kLink, std::move(href));
        }
        break;
      case GUMBO_TAG_EM:
      case GUMBO_TAG_I:
        open_span(node, Span::Kind::kEmphasis, {});
        break;
      case GUMBO_TAG_STRONG:
      case GUMBO_TAG_B:
        open_span(node, Span::Kind::kStrong, {});
        break;
      case GUMBO_TAG_CODE:
      case GUMBO_TAG_KBD:
      case GUMBO_TAG_SAMP:
      case GUMBO_TAG_TT:
        if (pre_depth_ == 0) open_span(node, Span::Kind::kCode, {});
        break;
      default:
        if (const int level = heading_level(tag)) headings_.push_back(level);
        break;
    }
    return true;
  }

  // --- text -----------------------------------------------------------------

  void append_text(const char* text) {
    if (text == nullptr) return;
    const bool in_link = link_depth_ > 0;
    if (pre_depth_ > 0) {
      for (const char* p = text; *p; ++p) {
        const unsigned char c = static_cast<unsigned char>(*p);
        if (c == '\r') continue;
        buf_ += static_cast<char>(c);
        if (c > ' ' && !is_utf8_continuation(static_cast<char>(c))) count_char(in_link);
      }
      return;
    }
    for (const char* p = text; *p; ++p) {
      const unsigned char c = static_cast<unsigned char>(*p);
      if (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f') {
        pending_space_ = true;
        continue;
      }
      if (c == 0xC2 && static_cast<unsigned char>(p[1]) == 0xA0) {  // no-break space
        pending_space_ = true;
        ++p;
        continue;
      }
      if (pending_space_) {
        if (!buf_.empty() && buf_.back() != '\n') buf_ += ' ';
        pending_space_ = false;
      }
      buf_ += static_cast<char>(c);
      if (!is_utf8_continuation(static_cast<char>(c))) count_char(in_link);
    }
  }

  void count_char(bool in_link) {
    ++chars_;
    if (in_link) ++link_chars_;
  }

  void line_break() {
    if (pre_depth_ > 0) {
      buf_ += '\n';
      return;
    }
    while (!buf_.empty() && buf_.back() == ' ') buf_.pop_back();
    pending_space_ = false;
    if (buf_.empty()) return;
    // Two breaks in a row end a paragraph, as old pages write them.
    if (buf_.back() == '\n') {
      flush();
      return;
    }
    buf_ += '\n';
  }

  void image(const GumboNode* node, int idx) {
    if (!buf_.empty()) return;  // an inline picture inside text: not a block
    // The first source that may be shown: lazy-loading pages put a
    // placeholder (an inline data: image, about:blank) in src and the
    // picture in a data- attribute.
    std::string src;
    for (const char* name : {"src", "data-src", "data-lazy-src", "data-original", "data-url"}) {
      const std::string_view value = attribute(node, name);
      if (value.find_first_not_of(" \t\n\r\f") == std::string_view::npos) continue;
      src = resolve_url(out_.base_url, value);
      make_safe_url(&src, UrlUse::kImage);
      if (!src.empty()) break;
    }
    if (src.empty()) return;
    const std::string_view w = attribute(node, "width");
    const std::string_view h = attribute(node, "height");
    if ((w == "1" || w == "0") && (h == "1" || h == "0")) return;  // tracking pixel
    TextBlock b;
    b.element = idx;
    b.kind = BlockKind::kImage;
    b.text = std::string(attribute(node, "alt"));
    b.src = std::move(src);
    b.quote_depth = static_cast<std::uint8_t>(std::min(quote_depth_, 255));
    b.cues = inherited_.back();
    out_.blocks.push_back(std::move(b));
  }

  // --- inline spans ------------------------------------------------------------

  void open_span(const GumboNode* node, Span::Kind kind, std::string href) {
    // The pending space is written before the span's text only where
    // append_text() writes it: not at the start, not after a line break (a
    // span counted one byte late there began inside the next character, and
    // Markdown and HTML came out as invalid UTF-8; bench/extractor-bench's
    // check found it).
    const bool space = pending_space_ && !buf_.empty() && buf_.back() != '\n';
    const std::uint32_t start = static_cast<std::uint32_t>(buf_.size() + (space ? 1 : 0));
    span_stack_.push_back({node, generation_, Span{kind, start, start, std::move(href)}});
  }

  void close_span(const GumboNode* node) {
    if (span_stack_.empty() || span_stack_.back().node != node) return;
    OpenSpan s = std::move(span_stack_.back());
    span_stack_.pop_back();
    if (s.generation != generation_) return;  // the block was flushed meanwhile
    // The text may have begun with a space collapsed out of the element.
    while (s.span.begin < buf_.size() && buf_[s.span.begin] == ' ') ++s.span.begin;
    std::size_t end = buf_.size();
    while (end > s.span.begin && (buf_[end - 1] == ' ' || buf_[end - 1] == '\n')) --end;
    if (end <= s.span.begin) return;
    s.span.end = static_cast<std::uint32_t>(end);
    spans_.push_back(std::move(s.span));
  }

  // --- blocks ----------------------------------------------------------------

  void flush() {
    pending_space_ = false;
    while (!buf_.empty() && (buf_.back() == ' ' || buf_.back() == '\n')) buf_.pop_back();
    if (!buf_.empty() && chars_ > 0) {
      TextBlock b;
      b.element = owners_.empty() ? 0 : owners_.back();
      b.text = std::move(buf_);
      b.chars = chars_;
      b.link_chars = link_chars_;
      b.cues = inherited_.empty() ? 0 : inherited_.back();
      b.quote_depth = static_cast<std::uint8_t>(std::min(quote_depth_, 255));
      if (pre_depth_ > 0) {
        b.kind = BlockKind::kCode;
      } else if (!headings_.empty()) {
        b.kind = BlockKind::kHeading;
        b.level = static_cast<std::uint8_t>(headings_.back());
      } else if (caption_depth_ > 0 ||
                 (!owners_.empty() &&
                  (out_.elements[static_cast<std::size_t>(owners_.back())].cues & kCueCaption))) {
        // <figcaption>, or an element whose class says caption or credit.
        b.kind = BlockKind::kCaption;
      } else if (item_depth_ > 0) {
        b.kind = BlockKind::kListItem;
        b.level = static_cast<std::uint8_t>(std::clamp(list_depth_, 1, 255));
        b.ordered = !ordered_.empty() && ordered_.back();
      }
      // Spans may point past the trimmed end.
      for (Span& s : spans_) {
        s.end = std::min<std::uint32_t>(s.end, static_cast<std::uint32_t>(b.text.size()));
        if (s.begin < s.end) b.spans.push_back(std::move(s));
      }
      out_.blocks.push_back(std::move(b));
    }
    buf_.clear();
    spans_.clear();
    chars_ = 0;
    link_chars_ = 0;
    ++generation_;
  }

  // A row whose cells hold only inline text becomes one kTableRow block,
  // cells separated by tabs. Rows of layout tables (cells holding
  // paragraphs, lists, nested tables) keep their blocks.
  void merge_row(int tr) {
    const std::size_t begin = static_cast<std::size_t>(row_start_.back());
    const std::size_t end = out_.blocks.size();
    if (end - begin < 2) return;
    for (std::size_t i = begin; i < end; ++i) {
      const TextBlock& b = out_.blocks[i];
      if (b.kind != BlockKind::kParagraph) return;
      const Element& cell = out_.elements[static_cast<std::size_t>(b.element)];
      if ((cell.tag != GUMBO_TAG_TD && cell.tag != GUMBO_TAG_TH) || cell.parent != tr) return;
      if (i > begin && b.element == out_.blocks[i - 1].element) return;  // one block per cell
    }
    TextBlock row = std::move(out_.blocks[begin]);
    row.kind = BlockKind::kTableRow;
    row.element = tr;
    for (std::size_t i = begin + 1; i < end; ++i) {
      TextBlock& b = out_.blocks[i];
      const auto offset = static_cast<std::uint32_t>(row.text.size() + 1);
      row.text += '\t';
      row.text += b.text;
      for (Span& s : b.spans) {
        s.begin += offset;
        s.end += offset;
        row.spans.push_back(std::move(s));
      }
      row.chars += b.chars;
      row.link_chars += b.link_chars;
      row.cues &= b.cues;
    }
    out_.blocks.resize(begin);
    out_.blocks.push_back(std::move(row));
    // The row's cells (every element after the <tr>) now share its block.
    const int merged = static_cast<int>(begin);
    for (std::size_t e = static_cast<std::size_t>(tr) + 1; e < out_.elements.size(); ++e) {
      Element& el = out_.elements[e];
      const bool had_text = el.end_block > el.first_block;
      el.first_block = merged;
      el.end_block = had_text ? merged + 1 : merged;
    }
  }

  struct OpenSpan {
    const GumboNode* node;
    std::uint64_t generation;
    Span span;
  };

  const Patterns& patterns_;
  const Options& options_;
  const bool read_noscript_;
  const std::vector<const GumboNode*>* shown_;
  Segments& out_;
  std::unordered_map<std::string, std::uint32_t> cue_cache_;
  std::string words_;

  std::vector<int> open_;                 // open elements
  std::vector<std::uint32_t> inherited_;  // their cues, OR'ed from the root
  std::vector<int> owners_;               // open block-level elements
  std::vector<int> headings_;
  std::vector<bool> ordered_;
  std::vector<int> row_start_;
  std::vector<OpenSpan> span_stack_;
  int list_depth_ = 0;
  int item_depth_ = 0;
  int quote_depth_ = 0;
  int pre_depth_ = 0;
  int caption_depth_ = 0;
  int link_depth_ = 0;
  int article_depth_ = 0;  // open <article> and <main> elements

  std::string buf_;
  std::vector<Span> spans_;
  bool pending_space_ = false;
  int chars_ = 0;
  int link_chars_ = 0;
  std::uint64_t generation_ = 0;
};

}  // namespace

Segments segment(const Dom& dom, const Patterns& patterns, const Options& options,
                 std::string_view page_url, bool read_noscript,
                 const std::vector<const GumboNode*>* shown) {
  Segments out;
  const GumboNode* html = dom.root();
  out.base_url = std::string(page_url);
  if (const GumboNode* head = child_element(html, GUMBO_TAG_HEAD)) {
    // Without the page's URL, its own canonical link is where it lives.
    if (out.base_url.empty()) {
      const GumboVector* kids = children_of(head);
      for (unsigned i = 0; kids != nullptr && i < kids->length; ++i) {
        const auto* k = static_cast<const GumboNode*>(kids->data[i]);
        if (k->type != GUMBO_NODE_ELEMENT || k->v.element.tag != GUMBO_TAG_LINK) continue;
        if (!equals_lower_ascii(attribute(k, "rel"), "canonical")) continue;
        const std::string_view href = attribute(k, "href");
        if (href.substr(0, 7) == "http://" || href.substr(0, 8) == "https://")
          out.base_url = std::string(href);
        break;
      }
    }
    if (const GumboNode* base = child_element(head, GUMBO_TAG_BASE)) {
      const std::string_view href = attribute(base, "href");
      if (!href.empty()) out.base_url = resolve_url(out.base_url, href);
    }
  }
  // A base that is no web address (<base href="javascript:...">) would turn
  // every relative link into one that may not be shown: they stay relative.
  if (!out.base_url.empty() && safe_url(out.base_url, UrlUse::kImage).empty())
    out.base_url.clear();
  const GumboNode* body = child_element(html, GUMBO_TAG_BODY);
  if (body == nullptr) body = html;  // framesets and other oddities
  out.elements.reserve(1024);
  out.blocks.reserve(256);
  Walker walker(patterns, options, read_noscript, shown, &out);
  walk(
      body, [&](const GumboNode* n, int) { return walker.enter(n); },
      [&](const GumboNode* n, int) { walker.leave(n); });
  walker.finish();
  return out;
}

}  // namespace extractor
