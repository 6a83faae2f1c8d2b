// The explain view: the page laid out by its own markup and CSS, nothing in
// it able to run or load, every block outlined and tinted by what the
// extractor decided, a panel beside it. See render_explain.h.
//
// What keeps the view inert, from the outside in:
//  - a Content-Security-Policy <meta> first in <head>: no script, no
//    fetch of any kind (default-src 'none'), no form submission, no <base>;
//    inline styles only. So no page script runs and no request leaves the
//    file even if something below were missed;
//  - the page is written back from its parsed tree, never copied: scripts,
//    frames, objects, embeds, <noscript>, <template>, <meta>, <link>,
//    <base>, SVG and MathML content are left out; attributes are allowed
//    per name (no handler, no URL: links keep their text, images their alt
//    and size); text and values are escaped;
//  - the page's CSS goes through scrub_css() (no url(), no @import, nothing
//    that can close the <style>).
// Nothing of ours is script either: cards are CSS (:hover, :focus), the
// panel's links are #fragments, the sections are <details>.
#include "render_explain.h"

#include <gumbo.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <type_traits>
#include <unordered_map>
#include <unordered_set>

#include "chars.h"
#include "dom.h"
#include "patterns.h"
#include "render.h"
#include "score.h"
#include "segment.h"

namespace extractor {
namespace {

// --- parts and their colours -------------------------------------------------
//
// The colours are Okabe and Ito's palette for readers with any common form
// of colour blindness, one hue per part a reader looks for first (body,
// headline, byline/date/caption, comments, newsletter, donation, related);
// the other boilerplate is grey. Colour is never the only signal: each box
// that is not body carries its part's name, the outline is solid for kept
// blocks, dashed for dropped ones and dotted for comments, and the card and
// the panel say it in words. Tints are the colour at 25 % over white, so
// that dark text stays readable on all of them.
struct PartStyle {
  const char* word;
  const char* legend;
  const char* colour;  // outline and the name's border
  const char* tint;    // the box's background
};

constexpr PartStyle kPartStyles[kPartCount] = {
    {"body", "article text", "#009E73", "#BFE7DC"},
    {"title", "headline", "#0072B2", "#BFDCEC"},
    {"byline", "byline, author, reading time", "#56B4E9", "#D5ECFA"},
    {"date", "date line", "#56B4E9", "#D5ECFA"},
    {"caption", "caption, credit", "#56B4E9", "#D5ECFA"},
    {"comments", "reader comments", "#CC79A7", "#F2DEE9"},
    {"newsletter", "newsletter, sign-up, log-in", "#E69F00", "#F9E7BF"},
    {"donation", "donation, membership, paywall", "#D55E00", "#F5D7BF"},
    {"related", "related, read also, feeds", "#9A8C00", "#FCF9D0"},
    {"share", "share and follow", "#5E5E5E", "#E6E6E6"},
    {"cookie", "cookie and consent notice", "#000000", "#D9D9D9"},
    {"ad", "advertising", "#5E5E5E", "#EFEFEF"},
    {"navigation", "navigation, header, footer, sidebar", "#8C8C8C", "#E3E3E3"},
    {"other", "other boilerplate", "#8C8C8C", "#F4F4F4"},
};

const PartStyle& style_of(Part p) { return kPartStyles[static_cast<int>(p)]; }

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
      {"post-meta", Part::kByline},
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

// --- escaping ----------------------------------------------------------------

// Text, escaped: & < > " and NUL (as U+FFFD). The bytes that need nothing
// are found by table and copied in runs (the page's text is most of the
// view).
struct EscapeTable {
  bool special[256] = {};
  constexpr explicit EscapeTable(bool text) {
    special[static_cast<unsigned char>('&')] = special[static_cast<unsigned char>('"')] = true;
    special[static_cast<unsigned char>('<')] = true;
    special[static_cast<unsigned char>('>')] = text;
    special[0] = true;
  }
};
constexpr EscapeTable kTextEscapes(true);
// In a value quoted with '"', '>' is only a character (and the paths in the
// cards are full of them).
constexpr EscapeTable kAttributeEscapes(false);

void append_escaped(std::string* out, std::string_view text,
                    const EscapeTable& table = kTextEscapes) {
  const char* p = text.data();
  const char* const end = p + text.size();
  while (p < end) {
    const char* run = p;
    while (p < end && !table.special[static_cast<unsigned char>(*p)]) ++p;
    out->append(run, static_cast<std::size_t>(p - run));
    if (p == end) break;
    switch (*p) {
      case '&': out->append("&amp;", 5); break;
      case '<': out->append("&lt;", 4); break;
      case '>': out->append("&gt;", 4); break;
      case '"': out->append("&quot;", 6); break;
      default: out->append("\xEF\xBF\xBD", 3); break;
    }
    ++p;
  }
}

// An attribute value, escaped for double quotes.
void append_attribute(std::string* out, std::string_view value) {
  append_escaped(out, value, kAttributeEscapes);
}

// A count, in decimal.
void append_number(std::string* out, std::size_t n) {
  char buf[24];
  char* p = buf + sizeof buf;
  do {
    *--p = static_cast<char>('0' + n % 10);
    n /= 10;
  } while (n > 0);
  out->append(p, static_cast<std::size_t>(buf + sizeof buf - p));
}

// A score in [0, 1] with two decimals ("0.93").
void append_score(std::string* out, float v) {
  if (!(v >= 0.0f)) v = 0.0f;  // NaN too
  const auto hundredths = static_cast<unsigned>(std::lround(std::min(v, 1.0f) * 100.0f));
  *out += static_cast<char>('0' + hundredths / 100);
  *out += '.';
  *out += static_cast<char>('0' + hundredths / 10 % 10);
  *out += static_cast<char>('0' + hundredths % 10);
}

// `s` cut to about `n` bytes at a character boundary, escaped, with "…"
// when cut (line breaks and tabs as spaces).
void append_snippet(std::string* out, std::string_view s, std::size_t n) {
  const std::string_view head = utf8_prefix(s, n);
  const std::size_t from = out->size();
  append_escaped(out, head);
  for (std::size_t k = from; k < out->size(); ++k)
    if ((*out)[k] == '\n' || (*out)[k] == '\t') (*out)[k] = ' ';
  if (head.size() < s.size()) *out += "…";
}

// An id as a URL fragment: what is not unreserved is percent-encoded
// (browsers decode the fragment before they look the id up).
void append_fragment(std::string* out, std::string_view id) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  for (const char c : id) {
    const auto u = static_cast<unsigned char>(c);
    if (is_ascii_alnum(c) || u == '-' || u == '_' || u == '.' || u == '~') {
      *out += c;
    } else {
      *out += '%';
      *out += kHex[u >> 4];
      *out += kHex[u & 15];
    }
  }
}

// --- CSS -----------------------------------------------------------------------

bool css_name_char(unsigned char c) {
  return is_ascii_alnum(static_cast<char>(c)) || c == '-' || c == '_' || c >= 0x80;
}

// The escape at css[i] ('\\'): its length, and the ASCII character it
// stands for (lower-cased; 0 when it is none).
std::size_t css_escape(std::string_view css, std::size_t i, char* ascii) {
  *ascii = 0;
  std::size_t j = i + 1;
  if (j >= css.size()) return 1;
  if (hex_digit_value(css[j]) >= 0) {
    unsigned v = 0;
    int digits = 0;
    while (j < css.size() && digits < 6 && hex_digit_value(css[j]) >= 0) {
      v = v * 16 + static_cast<unsigned>(hex_digit_value(css[j]));
      ++j;
      ++digits;
    }
    if (j < css.size() && (css[j] == ' ' || css[j] == '\t' || css[j] == '\n')) ++j;
    if (v > 0 && v < 0x80) *ascii = lower_ascii(static_cast<char>(v));
    return j - i;
  }
  if (css[j] == '\n') return 2;  // a line continuation in a string
  const auto u = static_cast<unsigned char>(css[j]);
  std::size_t len = 1;
  if (u >= 0xF0) len = 4;
  else if (u >= 0xE0) len = 3;
  else if (u >= 0xC0) len = 2;
  if (u < 0x80) *ascii = lower_ascii(static_cast<char>(u));
  return std::min(1 + len, css.size() - i);
}

// Appends css[i, i + n) with every '<' (also one escaped as "\<") written
// as the escape "\3c ", so that "</style" never appears.
void append_css_raw(std::string* out, std::string_view raw) {
  for (std::size_t i = 0; i < raw.size(); ++i) {
    const char c = raw[i];
    if (c == '\\' && i + 1 < raw.size() && raw[i + 1] == '<') {
      out->append("\\3c ");
      ++i;
    } else if (c == '<') {
      out->append("\\3c ");
    } else if (c == '\0') {
      out->append("\xEF\xBF\xBD");
    } else {
      *out += c;
    }
  }
}

// Past the string that starts at css[i] (a quote).
std::size_t skip_css_string(std::string_view css, std::size_t i) {
  const char q = css[i++];
  while (i < css.size() && css[i] != q && css[i] != '\n') {
    if (css[i] == '\\') {
      char ascii;
      i += css_escape(css, i, &ascii);
    } else {
      ++i;
    }
  }
  return i < css.size() && css[i] == q ? i + 1 : i;
}

// Past the ')' that closes the parenthesis opened before css[i].
std::size_t skip_css_parens(std::string_view css, std::size_t i) {
  int depth = 1;
  while (i < css.size() && depth > 0) {
    const char c = css[i];
    if (c == '"' || c == '\'') {
      i = skip_css_string(css, i);
      continue;
    }
    if (c == '\\') {
      char ascii;
      i += css_escape(css, i, &ascii);
      continue;
    }
    if (c == '(') ++depth;
    if (c == ')') --depth;
    ++i;
  }
  return i;
}

// Past an @import rule that starts at css[i]: its ';' or the end.
std::size_t skip_css_rule(std::string_view css, std::size_t i) {
  while (i < css.size()) {
    const char c = css[i];
    if (c == '"' || c == '\'') {
      i = skip_css_string(css, i);
    } else if (c == '(') {
      i = skip_css_parens(css, i + 1);
    } else if (c == '\\') {
      char ascii;
      i += css_escape(css, i, &ascii);
    } else if (c == ';') {
      return i + 1;
    } else if (c == '{' || c == '}') {
      return i;  // not ours to eat
    } else {
      ++i;
    }
  }
  return i;
}

// Functions that fetch (or, in old browsers, run script), as lower-case names.
bool loads_or_runs(std::string_view lower) {
  static constexpr std::string_view kFunctions[] = {
      "url",   "src",        "image-set",          "-webkit-image-set",
      "image", "cross-fade", "-webkit-cross-fade", "element",
      "-moz-element", "expression"};
  for (std::string_view f : kFunctions)
    if (lower == f) return true;
  return false;
}

// css[i, ...) read as a name with its escapes undone and ASCII lower-cased
// (a character that is not ASCII, or an escape of one, becomes '?'): the
// name into *name, and where it ends.
std::size_t read_name(std::string_view css, std::size_t i, std::string* name) {
  name->clear();
  while (i < css.size()) {
    const auto v = static_cast<unsigned char>(css[i]);
    if (css[i] == '\\') {
      if (i + 1 == css.size()) break;
      char ascii;
      const std::size_t n = css_escape(css, i, &ascii);
      *name += ascii != 0 ? ascii : '?';
      i += n;
    } else if (css_name_char(v)) {
      *name += lower_ascii(css[i]);
      ++i;
    } else {
      break;
    }
  }
  return i;
}

}  // namespace

// Most of a page's CSS needs nothing (inline sheets run to a megabyte on
// news sites, more than the rest of the page): it is copied in runs, found
// by table, and only '(' (the name before it: a function), '@', '\', '<',
// NUL, '/' and quotes stop the scan. (IE's `behavior` and Firefox's
// `-moz-binding` load their script by url(), which goes like any other.)
struct CssTriggers {
  bool stop[256] = {};
  constexpr CssTriggers() {
    for (const char c : {'(', '@', '\\', '<', '/', '"', '\'', ':'}) stop[static_cast<unsigned char>(c)] = true;
    stop[0] = true;
  }
};

// After "position:" at css[i] (the ':'): the end of a value that pins its
// element to the window (fixed, sticky), or npos.
std::size_t pinned_position(std::string_view css, std::size_t i) {
  std::size_t v = i + 1;
  while (v < css.size() && (css[v] == ' ' || css[v] == '\t' || css[v] == '\n')) ++v;
  std::size_t end = v;
  while (end < css.size() && css_name_char(static_cast<unsigned char>(css[end]))) ++end;
  const std::string_view value = css.substr(v, end - v);
  if (end < css.size() && css[end] == '\\') return std::string_view::npos;
  const bool floats = equals_lower_ascii(value, "fixed") || equals_lower_ascii(value, "sticky") ||
                      equals_lower_ascii(value, "-webkit-sticky");
  return floats ? end : std::string_view::npos;
}
constexpr CssTriggers kCssTriggers;

void scrub_css(std::string_view css, std::string* out) {
  std::size_t i = 0;       // the next byte to read
  std::size_t copied = 0;  // css[copied, i) is still to be copied as it is
  std::string name;        // a name, lower case, escapes undone
  const auto flush = [&](std::size_t upto) {
    out->append(css.data() + copied, upto - copied);
    copied = upto;
  };
  // The name that ends at css[end] began where plain name characters
  // before it begin (not before `floor`: what is copied or rewritten).
  const auto name_start = [&](std::size_t end, std::size_t floor) {
    while (end > floor && css_name_char(static_cast<unsigned char>(css[end - 1]))) --end;
    return end;
  };
  std::size_t floor = 0;  // no name starts before this
  while (i < css.size()) {
    while (i < css.size() && !kCssTriggers.stop[static_cast<unsigned char>(css[i])]) ++i;
    if (i == css.size()) break;
    const char c = css[i];
    switch (c) {
      case ':': {
        // The page's fixed and sticky elements (cookie banners, pop-ups,
        // sticky bars) are laid out where they stand instead: pinned to
        // the window, they would cover the boxes under them wherever one
        // scrolls (or a box a link scrolls to).
        const std::size_t start = name_start(i, floor);
        if (i - start == 8 && equals_lower_ascii(css.substr(start, 8), "position")) {
          const std::size_t end = pinned_position(css, i);
          if (end != std::string_view::npos) {
            flush(i + 1);
            out->append("static");
            copied = i = floor = end;
            continue;
          }
        }
        ++i;
        break;
      }
      case '(': {
        const std::size_t start = name_start(i, floor);
        if (start < i && i - start <= 18) {
          read_name(css, start, &name);
          if (loads_or_runs(name)) {
            flush(start);
            out->append("none");
            copied = i = floor = skip_css_parens(css, i + 1);
            continue;
          }
        }
        ++i;
        break;
      }
      case '\\': {
        // A name with escapes in it: read whole, from its start.
        const std::size_t start = name_start(i, floor);
        if (i + 1 == css.size()) {  // escapes nothing: dropped
          flush(i);
          copied = i = css.size();
          break;
        }
        const std::size_t end = read_name(css, start, &name);
        if (end < css.size() && css[end] == '(' && loads_or_runs(name)) {
          flush(start);
          out->append("none");
          copied = i = floor = skip_css_parens(css, end + 1);
          continue;
        }
        flush(start);
        append_css_raw(out, css.substr(start, end - start));  // an escaped '<' too
        copied = i = floor = std::max(end, i + 1);
        break;
      }
      case '<':
        flush(i);
        out->append("\\3c ");
        copied = floor = ++i;
        break;
      case '\0':
        flush(i);
        out->append("\xEF\xBF\xBD");
        copied = floor = ++i;
        break;
      case '/':
        if (i + 1 < css.size() && css[i + 1] == '*') {
          flush(i);
          const std::size_t close = css.find("*/", i + 2);
          *out += ' ';
          copied = i = floor = close == std::string_view::npos ? css.size() : close + 2;
        } else {
          ++i;
        }
        break;
      case '"':
      case '\'': {
        const std::size_t end = skip_css_string(css, i);
        const std::string_view str = css.substr(i, end - i);
        if (str.find_first_of(std::string_view("<\0", 2)) != std::string_view::npos) {
          flush(i);
          append_css_raw(out, str);
          copied = end;
        }
        i = floor = end;
        break;
      }
      default: {  // '@'
        const std::size_t end = read_name(css, i + 1, &name);
        if (name == "import") {
          flush(i);
          copied = i = floor = skip_css_rule(css, end);
        } else {
          ++i;
        }
        break;
      }
    }
  }
  flush(css.size());
}

namespace {

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

// A reason as its word, whether the library keeps reasons as words or as
// an enum with to_string() (issue 13 turns Block::reason, Scores::reasons
// and Result::empty_reason into enums; this file reads either).
inline std::string_view word_of(const char* reason) { return reason != nullptr ? reason : ""; }
inline std::string_view word_of(const std::string& reason) { return reason; }
template <typename Enum, typename = std::enable_if_t<std::is_enum_v<Enum>>>
std::string_view word_of(Enum reason) {
  return to_string(reason);
}
// Why a Result is empty, as a sentence ("" when it is not).
inline std::string_view empty_sentence(const std::string& reason) { return reason; }
template <typename Enum, typename = std::enable_if_t<std::is_enum_v<Enum>>>
std::string_view empty_sentence(Enum reason) {
  return describe(reason);
}

// The reason word of block i.
std::string_view reason_word(const Scores& scores, std::size_t i) {
  return i < scores.reasons.size() ? word_of(scores.reasons[i]) : std::string_view();
}

const char* decision_word(Label label) {
  switch (label) {
    case Label::kContent: return "kept";
    case Label::kComment: return "comment";
    case Label::kBoilerplate: break;
  }
  return "dropped";
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
      append_attribute(out, reason_word(scores, i));
      out->append(" · ");
      out->append(to_string(segments.blocks[i].kind));
      out->append(" · block ");
      append_number(out, i);
      if (i < paths.size()) {
        *out += '\n';
        append_attribute(out, paths[i]);
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
    append_escaped(&out_, t);
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
        append_attribute(out, a->value);
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
      append_attribute(out, id);
      *out += '"';
    }
    if (e.tag == GUMBO_TAG_BUTTON) *out += " type=\"button\"";
    if (focusable_by_default(e.tag) && mark == nullptr) *out += " tabindex=\"-1\"";
    std::string& css = css_;
    css.clear();
    if (mark != nullptr && mark->hidden >= 0) {
      *out += " data-exv-hidden=\"";
      append_attribute(out, page_.hidden[static_cast<std::size_t>(mark->hidden)].why);
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
      append_attribute(out, css);
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

const char* part_word(Part part) { return style_of(part).word; }

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

// --- the document ----------------------------------------------------------------

namespace {

// Our style sheet. Every rule that must hold against the page's CSS is
// !important and as specific as an id: `:is(#exv-x, [data-exv])` counts as
// an id (the most specific argument of :is()) without the page needing
// one; #exv-x itself is never written (page ids starting "exv-" are
// renamed). The panel resets whatever the page's CSS says about its
// elements with `all: revert` and then sets its own.
constexpr std::string_view kViewCss = R"CSS(
:root { --exv-w: min(30rem, 45vw); }
/* Room for the panel on the right. */
html { padding-right: var(--exv-w) !important; overflow: visible !important; }
body { overflow: visible !important; }
@counter-style exv-shown { system: fixed 0; symbols: "\2002hidden\2002" ""; fallback: exv-none; }
@counter-style exv-none { system: cyclic; symbols: ""; }

:is(#exv-x, [data-exv]) {
  outline: 2px solid var(--exv-c) !important; outline-offset: -1px !important;
  background-color: var(--exv-t) !important; background-image: none !important;
  color: #111 !important; opacity: 1 !important; visibility: visible !important;
}
:is(#exv-x, [data-exv-k="dropped"]) { outline-style: dashed !important; }
:is(#exv-x, [data-exv-k="comment"]) { outline-style: dotted !important; outline-width: 3px !important; }
:is(#exv-x, [data-exv]):not([data-exv="body"])::before {
  content: attr(data-exv) !important; position: absolute !important; z-index: 2147483646 !important;
  display: block !important; width: auto !important; height: auto !important;
  margin: -0.2em 0 0 -0.1em !important; padding: 0 0.35em !important;
  font: 600 11px/1.45 system-ui, sans-serif !important; letter-spacing: normal !important;
  text-transform: none !important; text-decoration: none !important; text-indent: 0 !important;
  color: #111 !important; background: var(--exv-t) !important;
  border: 1px solid var(--exv-c) !important; border-radius: 3px !important;
  transform: translateY(-60%) !important; pointer-events: none !important; opacity: 0.95 !important;
  white-space: nowrap !important;
}
:is(#exv-x, [data-exv]):focus { outline-width: 4px !important; outline-style: solid !important; }
:is(#exv-x, [data-exv]):target { outline: 4px solid #000 !important; box-shadow: 0 0 0 8px var(--exv-c) !important; }
:is(#exv-x, [data-exv]):is(:focus, :hover:not(:has([data-exv]:hover)))::after {
  content: attr(data-exv-card) !important; position: absolute !important; z-index: 2147483647 !important;
  display: block !important; width: max-content !important; max-width: 32em !important; height: auto !important;
  margin: 6px 0 0 !important; padding: 6px 9px !important;
  font: 12px/1.45 system-ui, sans-serif !important; letter-spacing: normal !important;
  text-transform: none !important; text-align: left !important; text-indent: 0 !important;
  white-space: pre-wrap !important; overflow-wrap: anywhere !important;
  color: #111 !important; background: #fff !important; border: 2px solid var(--exv-c) !important;
  border-radius: 4px !important; box-shadow: 0 3px 12px rgba(0,0,0,.35) !important;
  float: none !important; clear: none !important; transform: none !important; opacity: 1 !important;
}
/* A page that hides itself until its script has run (anti-flicker
   snippets) would be blank without script. */
:is(#exv-x, html, body) { opacity: 1 !important; visibility: visible !important; }
:is(#exv-x, body) { display: block !important; }
:is(#exv-x, [data-exv-hidden]):target {
  display: block !important; visibility: visible !important; opacity: 1 !important;
  position: static !important; width: auto !important; height: auto !important;
  clip: auto !important; clip-path: none !important; overflow: visible !important;
  margin: 4px !important; transform: none !important;
  outline: 3px dashed #000 !important; outline-offset: 2px !important;
  background: repeating-linear-gradient(135deg, #fff 0 6px, #e6e6e6 6px 12px) !important; color: #111 !important;
}
)CSS";

// The panel: fixed on the right, out of reach of the page's CSS.
constexpr std::string_view kPanelCss = R"CSS(
#exv-panel, #exv-panel * { all: revert !important; }
#exv-panel#exv-panel {
  display: block !important; position: fixed !important; top: 0 !important; right: 0 !important;
  bottom: 0 !important; left: auto !important; width: var(--exv-w) !important; box-sizing: border-box !important;
  overflow: auto !important; z-index: 2147483647 !important; margin: 0 !important; padding: 12px 16px 32px !important;
  background: #fff !important; color: #111 !important; border-left: 3px solid #111 !important;
  font: 14px/1.45 system-ui, sans-serif !important; text-align: left !important; direction: ltr !important;
  visibility: visible !important; opacity: 1 !important; transform: none !important;
}
#exv-panel h1 { font-size: 17px !important; margin: 0 0 4px !important; }
#exv-panel h2 { font-size: 15px !important; margin: 0 !important; display: inline !important; }
#exv-panel details { margin: 12px 0 0 !important; }
#exv-panel summary { cursor: pointer !important; }
#exv-panel p { margin: 4px 0 !important; }
#exv-panel ul, #exv-panel ol { margin: 6px 0 !important; padding: 0 0 0 22px !important; }
#exv-panel li { margin: 2px 0 !important; }
#exv-panel a { color: #0b4f8a !important; text-decoration: underline !important; }
#exv-panel a:focus { outline: 3px solid #E69F00 !important; outline-offset: 1px !important; }
#exv-panel table { border-collapse: collapse !important; width: 100% !important; font-size: 13px !important; }
#exv-panel th { white-space: nowrap !important; }
#exv-panel th, #exv-panel td { border-bottom: 1px solid #ddd !important; padding: 3px 4px !important; vertical-align: top !important; text-align: left !important; overflow-wrap: anywhere !important; }
#exv-panel .exv-source { color: #555 !important; white-space: nowrap !important; }
#exv-panel .exv-note { color: #555 !important; font-size: 12px !important; }
#exv-panel .exv-sw {
  display: inline-block !important; box-sizing: border-box !important; width: 2.4em !important; height: 1.1em !important;
  vertical-align: -0.2em !important; margin-right: 6px !important;
  background: var(--exv-t) !important; border: 2px solid var(--exv-c) !important;
}
#exv-panel .exv-sw.exv-solid { background: #fff !important; border: 2px solid #333 !important; }
#exv-panel .exv-sw.exv-dashed { background: #fff !important; border: 2px dashed #333 !important; }
#exv-panel .exv-sw.exv-dotted { background: #fff !important; border: 3px dotted #333 !important; }
#exv-panel ol.exv-blocks > li::before {
  content: attr(data-exv-part) !important; margin-right: 4px !important;
}
#exv-panel ol.exv-blocks > li::before, #exv-panel .exv-tag {
  display: inline-block !important; font-size: 11px !important; padding: 0 4px !important; margin-right: 4px !important;
  background: var(--exv-t) !important; border: 1px solid var(--exv-c) !important; border-radius: 3px !important;
}
#exv-panel .exv-vis::after {
  content: var(--exv-n) !important; display: inline-block !important; color: #fff !important;
  background: #111 !important; font-size: 11px !important; border-radius: 3px !important;
}
#exv-panel .exv-hid { color: #fff !important; background: #111 !important; font-size: 11px !important; padding: 0 4px !important; border-radius: 3px !important; }
#exv-panel ol.exv-text > li { margin: 6px 0 !important; }
exv-skip a {
  position: fixed !important; left: 8px !important; top: -100px !important; z-index: 2147483647 !important;
  background: #fff !important; color: #111 !important; padding: 6px 10px !important; border: 2px solid #111 !important;
  font: 14px system-ui, sans-serif !important;
}
exv-skip a:focus { top: 8px !important; }
)CSS";

void part_variables(std::string* css) {
  for (int p = 0; p < kPartCount; ++p) {
    const PartStyle& s = kPartStyles[p];
    // A run of boxes of one part (a menu's items) is named once.
    *css += ":is(#exv-x, [data-exv=\"";
    *css += s.word;
    *css += "\"]) + [data-exv=\"";
    *css += s.word;
    *css += "\"]::before { content: none !important; }\n";
    *css += ":is(#exv-x, [data-exv=\"";
    *css += s.word;
    *css += "\"], [data-exv-part=\"";
    *css += s.word;
    *css += "\"]) { --exv-c: ";
    *css += s.colour;
    *css += "; --exv-t: ";
    *css += s.tint;
    *css += "; }\n";
  }
}

void metadata_row(std::string* out, const char* field, std::string_view value, Source source) {
  if (value.empty()) return;
  *out += "<tr><th>";
  *out += field;
  *out += "</th><td>";
  append_escaped(out, value);
  *out += "</td><td class=\"exv-source\">";
  *out += to_string(source);
  *out += "</td></tr>\n";
}

std::string joined(const std::vector<std::string>& items) {
  std::string s;
  for (const std::string& i : items) {
    if (!s.empty()) s += ", ";
    s += i;
  }
  return s;
}

// A link to block i's box (or its text alone when it has none), with the
// mark that says when the page's CSS does not show that box; the text cut
// at `cut` bytes.
void block_link(std::string* out, const PageCapture& page, std::size_t i, std::string_view text,
                std::size_t cut = std::string_view::npos) {
  const std::int32_t a = i < page.anchor_of.size() ? page.anchor_of[i] : -1;
  if (a < 0) {
    append_snippet(out, text, cut);
    *out += " <span class=\"exv-hid\">no box</span>";
    return;
  }
  *out += "<a href=\"#";
  append_fragment(out, page.anchors[static_cast<std::size_t>(a)]);
  *out += "\">";
  if (cut == std::string_view::npos) {
    append_escaped(out, text);
  } else {
    append_snippet(out, text, cut);
  }
  *out += "</a><span class=\"exv-vis\" style=\"--exv-n:counter(exv";
  append_number(out, static_cast<std::size_t>(a));
  *out += ",exv-shown)\"></span>";
}

void panel(std::string* out, const PageCapture& page, const Result& r, const Options& options) {
  const std::size_t n = r.blocks.size();
  int counts[kPartCount] = {};
  int kept = 0;
  for (std::size_t i = 0; i < n && i < page.parts.size(); ++i) {
    ++counts[static_cast<int>(page.parts[i])];
    if (r.blocks[i].label == Label::kContent) ++kept;
  }
  *out += "<exv-panel id=\"exv-panel\" role=\"complementary\" aria-label=\"What the extractor "
          "decided\">\n";
  *out += "<h1>What the extractor decided</h1>\n<p class=\"exv-note\">";
  *out += std::to_string(n) + " blocks, " + std::to_string(kept) + " kept";
  if (!r.charset.empty()) {
    *out += " · charset ";
    append_escaped(out, r.charset);
  }
  if (!empty_sentence(r.empty_reason).empty()) {
    *out += " · ";
    append_escaped(out, empty_sentence(r.empty_reason));
  }
  *out += "</p>\n<p class=\"exv-note\">Tab or hover over a box for its score, reason and "
          "element path; a line of text leads to its box. No script of the page runs here "
          "and nothing is loaded: images show as their place and alt text.</p>\n";

  // Legend.
  *out += "<details open><summary><h2>Legend</h2></summary>\n<ul class=\"exv-legend\">\n";
  for (int p = 0; p < kPartCount; ++p) {
    const PartStyle& s = kPartStyles[p];
    *out += "<li data-exv-part=\"";
    *out += s.word;
    *out += "\"><span class=\"exv-sw\" aria-hidden=\"true\"></span><b>";
    *out += s.word;
    *out += "</b> — ";
    *out += s.legend;
    *out += " (" + std::to_string(counts[p]) + ")</li>\n";
  }
  *out += "<li><span class=\"exv-sw exv-solid\" aria-hidden=\"true\"></span>solid outline: kept in "
          "the text</li>\n<li><span class=\"exv-sw exv-dashed\" aria-hidden=\"true\"></span>dashed: "
          "dropped</li>\n<li><span class=\"exv-sw exv-dotted\" aria-hidden=\"true\"></span>dotted: "
          "a reader comment</li>\n</ul>\n</details>\n";

  // Metadata, each field with where it came from.
  const Metadata& m = r.metadata;
  const Metadata::Sources& s = m.sources;
  *out += "<details open><summary><h2>Metadata</h2></summary>\n<table>\n"
          "<tr><th>field</th><th>value</th><th>source</th></tr>\n";
  page_type_row(r, out);
  metadata_row(out, "title", m.title, s.title);
  metadata_row(out, "authors", joined(m.authors), s.authors);
  metadata_row(out, "date", m.date, s.date);
  metadata_row(out, "modified", m.date_modified, s.date_modified);
  metadata_row(out, "site", m.site_name, s.site_name);
  metadata_row(out, "language", m.language, s.language);
  metadata_row(out, "description", m.description, s.description);
  metadata_row(out, "url", m.url, s.url);  // text, not a link
  metadata_row(out, "image", m.image, s.image);
  metadata_row(out, "categories", joined(m.categories), s.categories);
  metadata_row(out, "tags", joined(m.tags), s.tags);
  *out += "</table>\n</details>\n";

  // The extracted text, one line per block as render_text writes them.
  const std::vector<const Block*> shown = visible_blocks(r.blocks, Label::kContent, false, options);
  *out += "<details open><summary><h2>Extracted text</h2></summary>\n";
  if (shown.empty()) *out += "<p>(none)</p>\n";
  *out += "<ol class=\"exv-text\">\n";
  for (const Block* b : shown) {
    *out += "<li>";
    block_link(out, page, static_cast<std::size_t>(b - r.blocks.data()), b->text);
    *out += "</li>\n";
  }
  *out += "</ol>\n</details>\n";

  if (options.include_comments) {
    const std::vector<const Block*> comments =
        visible_blocks(r.blocks, Label::kComment, false, options);
    if (!comments.empty()) {
      *out += "<details open><summary><h2>Comments</h2></summary>\n<ol class=\"exv-text\">\n";
      for (const Block* b : comments) {
        *out += "<li>";
        block_link(out, page, static_cast<std::size_t>(b - r.blocks.data()), b->text);
        *out += "</li>\n";
      }
      *out += "</ol>\n</details>\n";
    }
  }

  // Every block, with the part the view gives it.
  *out += "<details><summary><h2>All blocks (" + std::to_string(n) + ")</h2></summary>\n<ol class=\"exv-blocks\" start=\"0\">\n";
  for (std::size_t i = 0; i < n; ++i) {
    const Block& b = r.blocks[i];
    const Part p = i < page.parts.size() ? page.parts[i] : Part::kOther;
    // The part's name is drawn from data-exv-part by the style sheet.
    *out += "<li data-exv-part=\"";
    *out += part_word(p);
    *out += "\">";
    block_link(out, page, i, b.text.empty() ? std::string_view("(image)") : std::string_view(b.text), 90);
    *out += ' ';
    *out += decision_word(b.label);
    *out += ' ';
    append_score(out, b.score);
    *out += ' ';
    append_escaped(out, word_of(b.reason));
    *out += "</li>\n";
  }
  *out += "</ol>\n</details>\n";

  // What the page hides (no blocks come from there).
  *out += "<details open><summary><h2>Hidden by the page (" + std::to_string(page.hidden.size()) +
          ")</h2></summary>\n<p class=\"exv-note\">Elements the page's markup hides give no "
          "blocks; a link shows one in place. Boxes above marked <span class=\"exv-hid\">hidden"
          "</span> are not shown by the page's own style sheets.</p>\n<ul>\n";
  for (const PageCapture::Hidden& h : page.hidden) {
    *out += "<li><a href=\"#";
    append_fragment(out, h.anchor);
    *out += "\">";
    append_snippet(out, h.text.empty() ? std::string_view("(no text)") : std::string_view(h.text), 120);
    *out += "</a> <span class=\"exv-hid\">hidden</span> <span class=\"exv-note\">";
    append_escaped(out, h.why);
    *out += " · ";
    append_escaped(out, h.path);
    *out += "</span></li>\n";
  }
  *out += "</ul>\n</details>\n</exv-panel>\n";
}

}  // namespace

std::string render_explain(const PageCapture& page, const Result& result, const Options& options) {
  std::string out;
  out.reserve(page.body.size() + page.css.size() + 4096 + 300 * result.blocks.size());
  // The policy first: it governs only what follows it.
  out += "<!DOCTYPE html>\n<html";
  out += page.html_attributes;
  out += ">\n<head>\n<meta charset=\"utf-8\">\n"
         "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
         "style-src 'unsafe-inline'; form-action 'none'; base-uri 'none'\">\n"
         "<meta name=\"referrer\" content=\"no-referrer\">\n"
         "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
         "<meta name=\"generator\" content=\"extractor --explain\">\n<title>Explained: ";
  append_escaped(&out, result.metadata.title.empty() ? std::string_view("(no title)")
                                                     : std::string_view(result.metadata.title));
  out += "</title>\n";
  out += page.css;
  out += "<style id=\"exv-style\">\n";
  out.append(kViewCss);
  out.append(kPanelCss);
  part_variables(&out);
  // One counter per marked element, all declared on <html> so that the
  // panel (after the page) reads the count of each.
  if (!page.anchors.empty()) {
    out += "html { counter-reset:";
    for (std::size_t a = 0; a < page.anchors.size(); ++a) {
      out += " exv";
      append_number(&out, a);
    }
    out += " !important; }\n";
  }
  out += "</style>\n</head>\n<body";
  out += page.body_attributes;
  out += ">\n<exv-skip><a href=\"#exv-panel\">Skip to the extractor's panel</a></exv-skip>\n";
  out += page.body;
  out += '\n';
  panel(&out, page, result, options);
  out += "</body>\n</html>\n";
  return out;
}

}  // namespace extractor
