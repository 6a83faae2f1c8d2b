// The explain view's first half (capture_page(), see render_explain.h):
// while the tree is alive, what the view calls each block (its Part), and
// the page's <body> written back out from the tree, sanitised, with the
// elements that hold blocks marked and carrying their cards. What keeps
// the result inert is listed in render_explain.cc.
#include <gumbo.h>

#include <algorithm>
#include <cstring>
#include <unordered_map>
#include <unordered_set>

#include "chars.h"
#include "dom.h"
#include "patterns.h"
#include "render_explain.h"
#include "render_explain_write.h"
#include "score.h"
#include "segment.h"

namespace extractor {
namespace {

// --- what the view calls a block ----------------------------------------------

// A reason word (score.cc) as the part it names; kOther for the reasons
// that say where a block stands rather than what it is.
Part part_of_reason(std::string_view r) {
  struct Word {
    const char* word;
    Part part;
  };
  static constexpr Word kWords[] = {
      {"consent", Part::kCookie},        {"newsletter", Part::kNewsletter},
      {"login", Part::kNewsletter},      {"donate", Part::kDonation},
      {"share", Part::kShare},           {"ad", Part::kAd},
      {"related", Part::kRelated},       {"feed", Part::kRelated},
      {"read-also", Part::kRelated},     {"more-link", Part::kRelated},
      {"prev-next", Part::kRelated},     {"comment", Part::kComments},
      {"breadcrumb", Part::kNavigation}, {"nav", Part::kNavigation},
      {"header", Part::kNavigation},     {"footer", Part::kNavigation},
      {"sidebar", Part::kNavigation},    {"tags", Part::kNavigation},
      {"tools", Part::kNavigation},      {"copyright", Part::kNavigation},
      {"link-density", Part::kNavigation}, {"byline", Part::kByline},
      {"author-bio", Part::kByline},     {"reading-time", Part::kByline},
      {"caption", Part::kCaption},       {"credit", Part::kCaption},
  };
  for (const Word& w : kWords)
    if (r == w.word) return w.part;
  return Part::kOther;
}

// The part the cues of a block's elements name, in the order score.cc's
// cue_reason() weighs them; kOther when none does.
Part part_of_cues(std::uint32_t cues) {
  struct Cue {
    std::uint32_t bit;
    Part part;
  };
  static constexpr Cue kCues[] = {
      {kCueConsent, Part::kCookie},   {kCueNewsletter, Part::kNewsletter},
      {kCueDonate, Part::kDonation},  {kCueShare, Part::kShare},
      {kCueAd, Part::kAd},            {kCueRelated, Part::kRelated},
      {kCueFeed, Part::kRelated},     {kCueComment, Part::kComments},
      {kCueLogin, Part::kNewsletter}, {kCueBreadcrumb, Part::kNavigation},
      {kCueNav, Part::kNavigation},   {kCueFooter, Part::kNavigation},
      {kCueHeader, Part::kNavigation}, {kCueSidebar, Part::kNavigation},
      {kCueTags, Part::kNavigation},  {kCueTools, Part::kNavigation},
      {kCueAuthorBio, Part::kByline}, {kCueByline, Part::kByline},
      {kCueCaption, Part::kCaption},
  };
  for (const Cue& c : kCues)
    if (cues & c.bit) return c.part;
  return Part::kOther;
}

Part part_of_text_cues(std::uint32_t cues) {
  struct Cue {
    std::uint32_t bit;
    Part part;
  };
  static constexpr Cue kCues[] = {
      {kTextCookie, Part::kCookie},       {kTextSubscribe, Part::kNewsletter},
      {kTextDonate, Part::kDonation},     {kTextShare, Part::kShare},
      {kTextAd, Part::kAd},               {kTextReadAlso, Part::kRelated},
      {kTextMoreLink, Part::kRelated},    {kTextPrevNext, Part::kRelated},
      {kTextComments, Part::kComments},   {kTextLogin, Part::kNewsletter},
      {kTextByline, Part::kByline},       {kTextReadingTime, Part::kByline},
      {kTextDateLine, Part::kDate},       {kTextCredit, Part::kCaption},
      {kTextCopyright, Part::kNavigation}, {kTextTags, Part::kNavigation},
  };
  for (const Cue& c : kCues)
    if (cues & c.bit) return c.part;
  return Part::kOther;
}

// `a` and `b` hold the same words (white space runs and edges ignored).
bool same_words(std::string_view a, std::string_view b) {
  auto space = [](char c) { return c == ' ' || c == '\n' || c == '\t'; };
  std::size_t i = 0, j = 0;
  while (true) {
    while (i < a.size() && space(a[i])) ++i;
    while (j < b.size() && space(b[j])) ++j;
    if (i == a.size() || j == b.size()) return i == a.size() && j == b.size();
    const bool gap_a = i > 0 && space(a[i - 1]);
    const bool gap_b = j > 0 && space(b[j - 1]);
    if (gap_a != gap_b && i > 0 && j > 0) return false;
    if (a[i] != b[j]) return false;
    ++i;
    ++j;
  }
}

// The part named by the nearest of a block's elements whose own cues name
// one, below the elements that hold the article's region: those describe
// the page or the article as a whole (WordPress puts "status-publish", a
// byline word, and "tag-<slug>" on every post's <article>, and the body's
// classes name the page's template), not the block. At most 32 elements up,
// as paths go.
Part part_of_elements(const Segments& seg, const std::vector<bool>& holds_region, int element) {
  int e = element;
  for (int steps = 0; e > 0 && steps < 32; ++steps) {
    if (holds_region[static_cast<std::size_t>(e)]) break;
    const Element& el = seg.elements[static_cast<std::size_t>(e)];
    const Part p = part_of_cues(el.cues);
    if (p != Part::kOther) return p;
    e = el.parent;
  }
  return Part::kOther;
}

// What the view calls a block. The label decides first (kept text is body,
// but for the headline and captions); a dropped block is named by its
// reason when that names a kind of boilerplate, else by its elements' cues,
// else by its own text's cues ("outside", "weak" and the classifier's
// reasons say only where a block stands).
Part part_of(const Segments& seg, const std::vector<bool>& holds_region, const TextBlock& b,
             Label label, std::string_view reason, std::string_view title) {
  if (b.kind == BlockKind::kHeading && !title.empty() && same_words(b.text, title))
    return Part::kTitle;
  if (label == Label::kComment) return Part::kComments;
  if (label == Label::kContent)
    return b.kind == BlockKind::kCaption ? Part::kCaption : Part::kBody;
  Part p = part_of_reason(reason);
  if (p == Part::kOther && b.element >= 0 &&
      static_cast<std::size_t>(b.element) < seg.elements.size())
    p = part_of_elements(seg, holds_region, b.element);
  if (p == Part::kOther) p = part_of_text_cues(b.text_cues);
  if (p == Part::kOther && b.kind == BlockKind::kCaption) p = Part::kCaption;
  return p;
}

// --- the page, written back out ------------------------------------------------

enum class Action : std::uint8_t {
  kDrop,   // left out with its subtree
  kKeep,   // written with its children
  kVoid,   // written; no children, no end tag
  kEmpty,  // written with its end tag, no children (svg, math)
};

Action action_of(const GumboNode* node) {
  const GumboElement& e = node->v.element;
  if (e.tag_namespace != GUMBO_NAMESPACE_HTML) {
    // Only the outermost <svg>/<math> (its size is the page's layout); their
    // content is where script and URLs hide (and prescan dropped it).
    return e.tag == GUMBO_TAG_SVG || e.tag == GUMBO_TAG_MATH ? Action::kEmpty : Action::kDrop;
  }
  switch (e.tag) {
    case GUMBO_TAG_HEAD:
    case GUMBO_TAG_TITLE:
    case GUMBO_TAG_BASE:
    case GUMBO_TAG_LINK:
    case GUMBO_TAG_META:
    case GUMBO_TAG_STYLE:  // its sheet is in the view's <head>
    case GUMBO_TAG_SCRIPT:
    case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_IFRAME:
    case GUMBO_TAG_FRAME:
    case GUMBO_TAG_FRAMESET:
    case GUMBO_TAG_NOFRAMES:
    case GUMBO_TAG_NOEMBED:
    case GUMBO_TAG_OBJECT:
    case GUMBO_TAG_EMBED:
    case GUMBO_TAG_APPLET:
    case GUMBO_TAG_PARAM:
    case GUMBO_TAG_SOURCE:
    case GUMBO_TAG_TRACK:
    case GUMBO_TAG_MAP:
    case GUMBO_TAG_AREA:
    case GUMBO_TAG_BGSOUND:
    case GUMBO_TAG_KEYGEN:
    case GUMBO_TAG_MENUITEM:
    case GUMBO_TAG_ISINDEX:
    case GUMBO_TAG_NEXTID:
    case GUMBO_TAG_BASEFONT:
    case GUMBO_TAG_IMAGE:
    case GUMBO_TAG_MARQUEE:  // moves by itself
    case GUMBO_TAG_BLINK:
      return Action::kDrop;
    case GUMBO_TAG_BR:
    case GUMBO_TAG_COL:
    case GUMBO_TAG_HR:
    case GUMBO_TAG_IMG:
    case GUMBO_TAG_INPUT:
    case GUMBO_TAG_WBR:
    case GUMBO_TAG_SPACER:
      return Action::kVoid;
    case GUMBO_TAG_SVG:
    case GUMBO_TAG_MATH:
      return Action::kEmpty;
    default:
      return Action::kKeep;
  }
}

// The name the element is written with: its own, but for elements whose
// behaviour we do not want (a form submits: a <div> lays out the same) or
// whose content a browser reads raw (<xmp>, <listing>, <plaintext>: a <pre>,
// so that escaped text stays text). Unknown names are kept when they are
// custom-element names or a few that Gumbo 0.10 does not know; else <span>.
// (`*custom` holds an unknown element's name, which the result points to.)
std::string_view element_name(const GumboNode* node, std::string* custom) {
  const GumboTag tag = node->v.element.tag;
  switch (tag) {
    case GUMBO_TAG_FORM: return "div";
    case GUMBO_TAG_XMP:
    case GUMBO_TAG_LISTING:
    case GUMBO_TAG_PLAINTEXT: return "pre";
    case GUMBO_TAG_UNKNOWN: break;
    default: return gumbo_normalized_tagname(tag);
  }
  GumboStringPiece piece = node->v.element.original_tag;
  std::string& name = *custom;
  name.clear();
  if (piece.data != nullptr) {
    gumbo_tag_from_original_text(&piece);
    name.assign(piece.data, piece.length);
  }
  bool valid = !name.empty() && name.size() <= 64;
  bool dash = false;
  for (std::size_t i = 0; valid && i < name.size(); ++i) {
    char& c = name[i];
    c = lower_ascii(c);
    if (c == '-') dash = true;
    valid = is_ascii_lower(c) || (i > 0 && (is_ascii_digit(c) || c == '-'));
  }
  static constexpr std::string_view kKnown[] = {"dialog", "picture", "search", "slot",
                                                "hgroup", "rb", "rtc"};
  if (valid && !dash)
    valid = std::find(std::begin(kKnown), std::end(kKnown), name) != std::end(kKnown);
  // Ours: a page element named like one would take our panel's styles.
  if (valid && name.compare(0, 4, "exv-") == 0) valid = false;
  return valid ? std::string_view(name) : std::string_view("span");
}

// Attributes the view keeps: how the page lays out, never a URL, a handler
// or anything that submits (see the file comment). `id` is handled apart.
bool kept_attribute(GumboTag tag, std::string_view name) {
  static constexpr std::string_view kAny[] = {
      "class",  "lang",   "dir",     "hidden", "role",   "aria-hidden", "aria-label",
      "align",  "valign", "bgcolor", "border", "width",  "height",      "nowrap",
      "clear",  "hspace", "vspace",  "popover"};
  for (std::string_view a : kAny)
    if (name == a) return true;
  switch (tag) {
    case GUMBO_TAG_TD:
    case GUMBO_TAG_TH:
      return name == "colspan" || name == "rowspan";
    case GUMBO_TAG_TABLE:
      return name == "cellpadding" || name == "cellspacing" || name == "frame" ||
             name == "rules";
    case GUMBO_TAG_COL:
    case GUMBO_TAG_COLGROUP:
      return name == "span";
    case GUMBO_TAG_OL:
      return name == "start" || name == "reversed" || name == "type";
    case GUMBO_TAG_UL:
      return name == "type";
    case GUMBO_TAG_LI:
      return name == "value" || name == "type";
    case GUMBO_TAG_IMG:
      return name == "alt";
    case GUMBO_TAG_INPUT:
      return name == "alt" || name == "value" || name == "size" || name == "type";
    case GUMBO_TAG_OPTION:
      return name == "value";
    case GUMBO_TAG_TEXTAREA:
      return name == "cols" || name == "rows";
    case GUMBO_TAG_SELECT:
    case GUMBO_TAG_HR:
      return name == "size";
    case GUMBO_TAG_FONT:
      return name == "color" || name == "face" || name == "size";
    case GUMBO_TAG_DETAILS:
    case GUMBO_TAG_UNKNOWN:  // <dialog open>
      return name == "open";
    default:
      return false;
  }
}

// Things a reader could otherwise tab to besides the boxes and the panel.
bool focusable_by_default(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_INPUT:
    case GUMBO_TAG_BUTTON:
    case GUMBO_TAG_SELECT:
    case GUMBO_TAG_TEXTAREA:
    case GUMBO_TAG_SUMMARY:
    case GUMBO_TAG_VIDEO:
    case GUMBO_TAG_AUDIO:
      return true;
    default:
      return false;
  }
}

bool our_id(std::string_view id) { return id.compare(0, 4, "exv-") == 0; }

// The reason word of block i.
std::string_view reason_word(const Scores& scores, std::size_t i) {
  return i < scores.reasons.size() ? std::string_view(to_string(scores.reasons[i]))
                                   : std::string_view();
}

// What the view marks on one element that holds blocks.
struct Mark {
  int anchor = -1;        // index in PageCapture::anchors
  int hidden = -1;        // index in PageCapture::hidden
  Part part = Part::kOther;
  const char* decision = "dropped";  // "kept", "dropped", "comment"
  int first_block = -1;   // its blocks: first_block, then Cards::next
  int last_block = -1;
};

// What the hover/focus cards say, written straight into the element's
// data-exv-card attribute: each of its blocks' part, decision, score,
// reason, kind, index and element path.
struct Cards {
  const Segments& segments;
  const Scores& scores;
  const std::vector<std::string>& paths;
  const std::vector<Part>& parts;
  std::vector<int> next;  // per block: the next block of its element, or -1

  void write(const Mark& m, std::string* out) const {
    for (int b = m.first_block; b >= 0; b = next[static_cast<std::size_t>(b)]) {
      const auto i = static_cast<std::size_t>(b);
      if (b != m.first_block) out->append("\n\n");
      out->append(part_word(parts[i]));
      out->append(" · ");
      out->append(decision_word(i < scores.labels.size() ? scores.labels[i] : Label::kBoilerplate));
      out->append("\nscore ");
      append_score(out, i < scores.content.size() ? scores.content[i] : 0.0f);
      out->append(" · reason ");
      append_html_attribute(out, reason_word(scores, i));
      out->append(" · ");
      out->append(to_string(segments.blocks[i].kind));
      out->append(" · block ");
      append_number(out, i);
      if (i < paths.size()) {
        *out += '\n';
        append_html_attribute(out, paths[i]);
      }
    }
  }
};

class Writer {
 public:
  Writer(PageCapture* page, std::unordered_map<const GumboNode*, Mark>* marks, const Cards& cards)
      : page_(*page), out_(page->body), marks_(*marks), cards_(cards) {}

  bool enter(const GumboNode* node) {
    switch (node->type) {
      case GUMBO_NODE_TEXT:
      case GUMBO_NODE_WHITESPACE:
        text(node);
        return false;
      case GUMBO_NODE_ELEMENT:
        return element(node);
      default:  // comments, CDATA (foreign only), templates
        return false;
    }
  }

  void leave(const GumboNode* node) {
    if (open_.empty() || open_.back().node != node) return;
    const Open& o = open_.back();
    out_ += "</";
    if (o.known != nullptr) {
      out_.append(o.known);
    } else {
      out_ += o.custom;
    }
    out_ += '>';
    if (o.hidden >= 0) collecting_ = -1;
    open_.pop_back();
  }

  // <html>'s or <body>'s own attributes, for the view's (not `hidden`:
  // the panel is inside).
  void root_attributes(const GumboNode* node, std::string* out) {
    attributes(node, out, nullptr, true);
  }

 private:
  struct Open {
    const GumboNode* node;
    const char* known;   // the name, when it is not a custom one
    std::string custom;  // else this
    int hidden;
  };

  void text(const GumboNode* node) {
    std::string_view t = node->v.text.text;
    // The parser drops a newline that opens a <pre>, <listing> or
    // <textarea>: one that the text itself opens is written twice.
    const GumboNode* parent = node->parent;
    if (!t.empty() && t[0] == '\n' && parent != nullptr && parent->type == GUMBO_NODE_ELEMENT &&
        node->index_within_parent == 0) {
      const GumboTag tag = parent->v.element.tag;
      if (tag == GUMBO_TAG_PRE || tag == GUMBO_TAG_LISTING || tag == GUMBO_TAG_TEXTAREA ||
          tag == GUMBO_TAG_XMP || tag == GUMBO_TAG_PLAINTEXT)
        out_ += '\n';
    }
    append_html(&out_, t);
    if (collecting_ >= 0) collect(t);
  }

  // The start of a hidden element's text, white space collapsed.
  void collect(std::string_view t) {
    std::string& into = page_.hidden[static_cast<std::size_t>(collecting_)].text;
    for (const char c : t) {
      if (into.size() >= 240) return;
      if (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f') {
        if (!into.empty() && into.back() != ' ') into += ' ';
      } else {
        into += c;
      }
    }
  }

  bool element(const GumboNode* node) {
    const Action action = action_of(node);
    if (action == Action::kDrop) return false;
    const std::string_view name = element_name(node, &custom_);
    const auto it = marks_.find(node);
    const Mark* mark = it == marks_.end() ? nullptr : &it->second;
    out_ += '<';
    out_ += name;
    attributes(node, &out_, mark, false);
    out_ += '>';
    if (action == Action::kVoid) return false;
    if (action == Action::kEmpty) {
      out_ += "</";
      out_ += name;
      out_ += '>';
      return false;
    }
    const int hidden = mark != nullptr ? mark->hidden : -1;
    if (hidden >= 0 && collecting_ < 0) collecting_ = hidden;
    const bool custom = name.data() == custom_.data();
    open_.push_back({node, custom ? nullptr : name.data(), custom ? custom_ : std::string(), hidden});
    return true;
  }

  void attributes(const GumboNode* node, std::string* out, const Mark* mark, bool root) {
    const GumboElement& e = node->v.element;
    std::string_view page_id;
    std::string_view style;
    for (unsigned i = 0; i < e.attributes.length; ++i) {
      const auto* a = static_cast<const GumboAttribute*>(e.attributes.data[i]);
      const std::string_view n = a->name;
      if (n == "id") {
        page_id = a->value;
      } else if (n == "style") {
        style = a->value;
      } else if (kept_attribute(e.tag, n) && !(root && (n == "hidden" || n == "aria-hidden"))) {
        *out += ' ';
        out->append(n);
        *out += "=\"";
        append_html_attribute(out, a->value);
        *out += '"';
      }
    }
    // The id: the page's (its CSS may select it), renamed when it looks like
    // one of ours; a marked element's anchor, which is the page's own when
    // that is the first element to hold it (the one a #fragment finds).
    const bool ours = our_id(page_id);
    std::string_view id = page_id;
    if (mark != nullptr) {
      std::string& anchor = mark->hidden >= 0
                                ? page_.hidden[static_cast<std::size_t>(mark->hidden)].anchor
                                : page_.anchors[static_cast<std::size_t>(mark->anchor)];
      if (!id.empty() && !ours && ids_.insert(page_id).second) {
        anchor = std::string(page_id);
      } else {
        id = anchor;  // "exv-eN" / "exv-hN", set by capture_page()
      }
    } else if (!id.empty()) {
      ids_.insert(page_id);
    }
    if (!id.empty()) {
      *out += ours && id.data() == page_id.data() ? " id=\"page-" : " id=\"";
      append_html_attribute(out, id);
      *out += '"';
    }
    if (e.tag == GUMBO_TAG_BUTTON) *out += " type=\"button\"";
    if (focusable_by_default(e.tag) && mark == nullptr) *out += " tabindex=\"-1\"";
    std::string& css = css_;
    css.clear();
    if (mark != nullptr && mark->hidden >= 0) {
      *out += " data-exv-hidden=\"";
      append_html_attribute(out, page_.hidden[static_cast<std::size_t>(mark->hidden)].why);
      *out += '"';
    } else if (mark != nullptr) {
      *out += " tabindex=\"0\" data-exv=\"";
      *out += style_of(mark->part).word;
      *out += "\" data-exv-k=\"";
      *out += mark->decision;
      *out += "\" data-exv-card=\"";
      cards_.write(*mark, out);
      *out += '"';
      // Counted when the browser lays the element out: the panel reads the
      // count to say which blocks the page's CSS does not show.
      css = "counter-increment:exv";
      append_number(&css, static_cast<std::size_t>(mark->anchor));
      css += "!important;";
    }
    if (!style.empty()) scrub_css(style, &css);
    if (!css.empty()) {
      *out += " style=\"";
      append_html_attribute(out, css);
      *out += '"';
    }
  }

  PageCapture& page_;
  std::string& out_;
  std::unordered_map<const GumboNode*, Mark>& marks_;
  const Cards& cards_;
  std::vector<Open> open_;
  std::unordered_set<std::string_view> ids_;  // the page's, as the tree holds them
  std::string custom_;  // the current unknown element's name
  std::string css_;     // the current element's style attribute
  int collecting_ = -1;  // the hidden element whose text is being collected
};

// Media queries as a page writes them, when they are plain enough to write
// back (letters, digits, white space and ",():.-/"); else "" (the sheet
// is left out: better than applying a print or mobile sheet to the screen).
bool plain_media(std::string_view media) {
  for (const char c : media) {
    if (!(is_ascii_alnum(c) || std::strchr(" \t\n,():.-/", c) != nullptr))
      return false;
  }
  return true;
}

}  // namespace

void capture_page(const Dom& dom, const Segments& segments, const Scores& scores,
                  const std::vector<std::string>& paths,
                  const std::vector<std::string>& hidden_paths,
                  const std::vector<StyleSheet>& styles, std::string_view title,
                  PageCapture* out) {
  *out = PageCapture();
  for (const StyleSheet& sheet : styles) {
    std::string_view media = sheet.media;
    while (!media.empty() && (media.front() == ' ' || media.front() == '\t')) media.remove_prefix(1);
    while (!media.empty() && (media.back() == ' ' || media.back() == '\t')) media.remove_suffix(1);
    if (!plain_media(media)) continue;
    // One <style> each, as the page had them: an unclosed block or string
    // in one sheet ends with it, not in the next.
    const bool wrap = !media.empty();
    out->css += "<style>\n";
    if (wrap) {
      out->css += "@media ";
      out->css.append(media);
      out->css += " {\n";
    }
    scrub_css(sheet.css, &out->css);
    out->css += wrap ? "\n}\n</style>\n" : "\n</style>\n";
  }

  // Which elements hold which blocks; what the view calls each.
  const std::size_t n = segments.blocks.size();
  out->parts.resize(n, Part::kOther);
  out->anchor_of.assign(n, -1);
  std::unordered_map<const GumboNode*, Mark> marks;
  marks.reserve(n + segments.hidden.size());
  std::vector<std::size_t> longest;  // per anchor: its block with the most text
  Cards cards{segments, scores, paths, out->parts, std::vector<int>(n, -1)};
  std::vector<bool> holds_region(segments.elements.size(), false);
  for (int e = scores.region; e >= 0 && static_cast<std::size_t>(e) < segments.elements.size();
       e = segments.elements[static_cast<std::size_t>(e)].parent)
    holds_region[static_cast<std::size_t>(e)] = true;
  for (std::size_t i = 0; i < n; ++i) {
    const TextBlock& b = segments.blocks[i];
    const Label label = i < scores.labels.size() ? scores.labels[i] : Label::kBoilerplate;
    out->parts[i] = part_of(segments, holds_region, b, label, reason_word(scores, i), title);
    // Text straight in <body> (or outside it) has no box of its own.
    if (b.element <= 0 || static_cast<std::size_t>(b.element) >= segments.elements.size())
      continue;
    const GumboNode* node = segments.elements[static_cast<std::size_t>(b.element)].node;
    auto [it, added] = marks.try_emplace(node);
    Mark& m = it->second;
    if (added) {
      m.anchor = static_cast<int>(out->anchors.size());
      out->anchors.emplace_back("exv-e");
      append_number(&out->anchors.back(), static_cast<std::size_t>(m.anchor));
      longest.push_back(i);
    }
    out->anchor_of[i] = m.anchor;
    std::size_t& first = longest[static_cast<std::size_t>(m.anchor)];
    if (b.text.size() > segments.blocks[first].text.size()) first = i;
    if (m.first_block < 0) {
      m.first_block = static_cast<int>(i);
    } else {
      cards.next[static_cast<std::size_t>(m.last_block)] = static_cast<int>(i);
    }
    m.last_block = static_cast<int>(i);
  }
  // An element's box shows the part and decision of its longest block.
  for (auto& [node, m] : marks) {
    const std::size_t i = longest[static_cast<std::size_t>(m.anchor)];
    m.part = out->parts[i];
    m.decision = decision_word(i < scores.labels.size() ? scores.labels[i] : Label::kBoilerplate);
  }
  for (std::size_t h = 0; h < segments.hidden.size(); ++h) {
    const HiddenElement& he = segments.hidden[h];
    auto [it, added] = marks.try_emplace(he.node);
    if (!added) continue;
    it->second.hidden = static_cast<int>(out->hidden.size());
    PageCapture::Hidden entry;
    entry.anchor = "exv-h" + std::to_string(out->hidden.size());
    entry.why = he.why;
    if (h < hidden_paths.size()) entry.path = hidden_paths[h];
    out->hidden.push_back(std::move(entry));
  }

  const GumboNode* html = dom.root();
  const GumboNode* body = html != nullptr ? child_element(html, GUMBO_TAG_BODY) : nullptr;
  Writer writer(out, &marks, cards);
  if (html != nullptr) writer.root_attributes(html, &out->html_attributes);
  if (body == nullptr) return;  // a frameset page: nothing to lay out
  writer.root_attributes(body, &out->body_attributes);
  out->body.reserve(dom.html().size() + dom.html().size() / 2 + 64 * n);
  const GumboVector& kids = body->v.element.children;
  for (unsigned k = 0; k < kids.length; ++k) {
    walk(
        static_cast<const GumboNode*>(kids.data[k]),
        [&](const GumboNode* node, int) { return writer.enter(node); },
        [&](const GumboNode* node, int) { writer.leave(node); });
  }
}

}  // namespace extractor
