// A tokenizer-lite: just enough of the HTML5 tokenizer to know, at every '<',
// whether a tag starts there, and where raw-text elements end.
#include "prescan.h"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <string>
#include <unordered_map>
#include <vector>

namespace extractor {
namespace {

constexpr std::size_t npos = std::string_view::npos;

inline bool is_alpha(char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }
inline char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c | 0x20) : c; }
inline bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r';
}
// What may follow a tag name: white space, '/', '>'.
inline bool ends_name(char c) { return is_space(c) || c == '/' || c == '>'; }

// s[pos...] starts with `word` (lower case), ignoring ASCII case.
bool starts_with_ci(std::string_view s, std::size_t pos, std::string_view word) {
  if (pos + word.size() > s.size()) return false;
  for (std::size_t i = 0; i < word.size(); ++i)
    if (lower(s[pos + i]) != word[i]) return false;
  return true;
}

bool name_is(std::string_view name, std::string_view lower_word) {
  if (name.size() != lower_word.size()) return false;
  for (std::size_t i = 0; i < name.size(); ++i)
    if (lower(name[i]) != lower_word[i]) return false;
  return true;
}

std::size_t find_char(std::string_view s, std::size_t from, char c) {
  if (from >= s.size()) return npos;
  const void* p = std::memchr(s.data() + from, c, s.size() - from);
  return p ? static_cast<std::size_t>(static_cast<const char*>(p) - s.data()) : npos;
}

// "</name" followed by a name terminator at s[pos].
bool is_end_tag_of(std::string_view s, std::size_t pos, std::string_view name) {
  return pos + 2 + name.size() < s.size() && s[pos + 1] == '/' &&
         starts_with_ci(s, pos + 2, name) && ends_name(s[pos + 2 + name.size()]);
}

// Position of the '<' of the end tag of a RAWTEXT/RCDATA element, or npos.
std::size_t find_end_tag(std::string_view s, std::size_t from, std::string_view name) {
  for (std::size_t p = find_char(s, from, '<'); p != npos; p = find_char(s, p + 1, '<'))
    if (is_end_tag_of(s, p, name)) return p;
  return npos;
}

// Where a <script> body ends, following the script-data escape states:
// inside "<!--" a "<script>" starts a double-escaped section in which
// "</script>" does not end the element.
std::size_t find_script_end(std::string_view s, std::size_t from) {
  enum { kData, kEscaped, kDoubleEscaped } state = kData;
  std::size_t p = from;
  std::size_t next_dashes = npos;  // cached position of the next "-->"
  std::size_t dashes_from = npos;
  auto find_dashes = [&](std::size_t at) {
    if (dashes_from == npos || at > next_dashes || at < dashes_from) {
      next_dashes = s.find("-->", at);
      dashes_from = at;
    }
    return next_dashes;
  };
  while (p < s.size()) {
    if (state == kData) {
      const std::size_t q = find_char(s, p, '<');
      if (q == npos) return npos;
      if (s.compare(q, 4, "<!--") == 0) {
        // "<!-->" and "<!--->" close at once.
        if (q + 4 < s.size() && s[q + 4] == '>') {
          p = q + 5;
        } else if (s.compare(q + 4, 2, "->") == 0) {
          p = q + 6;
        } else {
          state = kEscaped;
          p = q + 4;
        }
        continue;
      }
      if (is_end_tag_of(s, q, "script")) return q;
      p = q + 1;
    } else {
      const std::size_t dashes = find_dashes(p);
      const std::size_t lt = find_char(s, p, '<');
      if (dashes != npos && (lt == npos || dashes < lt)) {
        state = kData;
        p = dashes + 3;
        continue;
      }
      if (lt == npos) return npos;
      if (is_end_tag_of(s, lt, "script")) {
        if (state == kEscaped) return lt;
        state = kEscaped;
        p = lt + 8;
        continue;
      }
      if (state == kEscaped && lt + 7 < s.size() && starts_with_ci(s, lt + 1, "script") &&
          ends_name(s[lt + 7])) {
        state = kDoubleEscaped;
        p = lt + 7;
        continue;
      }
      p = lt + 1;
    }
  }
  return npos;
}

// JSON-LD bodies nested deeper than this ([[[[...) are not kept: the
// metadata readers walk JSON recursively, and real JSON-LD nests a dozen
// levels at most. (A page of a million '[' was a stack overflow.)
constexpr int kMaxJsonDepth = 64;

// `json` does not nest arrays and objects deeper than kMaxJsonDepth
// (brackets inside strings do not count).
bool shallow_json(std::string_view json) {
  int depth = 0;
  bool in_string = false;
  for (std::size_t i = 0; i < json.size(); ++i) {
    const char c = json[i];
    if (in_string) {
      if (c == '\\') {
        ++i;
      } else if (c == '"') {
        in_string = false;
      }
    } else if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      if (++depth > kMaxJsonDepth) return false;
    } else if (c == ']' || c == '}') {
      --depth;
    }
  }
  return true;
}

// The attributes some stage reads: segmentation (class, id, role, itemprop,
// the data-* names of components, hidden/aria-hidden/style, image sources,
// details' open), metadata (meta and link keys and values, itemscope and
// itemtype, datetime, pubdate, rel, lang), rendering (href, src, alt), and
// what the parser itself looks at (type, encoding). Everything else (data-*,
// on*, srcset, title, tabindex, most aria-*, SVG geometry, ...) is dropped
// before the parse: on news pages the attributes are a third of what is
// left after scripts and styles, and the parser copies them byte by byte.
// A stage that starts reading another attribute must add it here.
bool kept_attribute(std::string_view name) {
  static constexpr std::string_view kKept[] = {
      "alt",           "aria-hidden",    "aria-label",   "charset",     "class",
      "content",       "data-component", "data-lazy-src", "data-module", "data-original",
      "data-role",     "data-src",       "data-testid",  "data-type",   "data-url",
      "datetime",      "encoding",       "height",       "hidden",      "href",
      "http-equiv",    "id",             "itemprop",     "itemscope",   "itemtype",
      "lang",          "name",           "open",         "property",    "pubdate",
      "rel",           "role",           "src",          "style",       "type",
      "value",         "width",          "xml:lang"};
  if (name.empty() || name.size() > 16) return false;
  const char first = lower(name[0]);
  for (std::string_view k : kKept)
    if (k[0] == first && name_is(name, k)) return true;
  return false;
}

// What the explain view adds (PrescanOptions::keep_layout): the attributes
// that change how a page lays out and no stage reads. (`style` is kept
// whole as well; width, height, type and value already are.)
bool layout_attribute(std::string_view name) {
  static constexpr std::string_view kLayout[] = {
      "align",   "bgcolor", "border",   "cellpadding", "cellspacing", "clear",
      "color",   "cols",    "colspan",  "dir",         "face",        "frame",
      "hspace",  "nowrap",  "popover",  "reversed",    "rows",        "rowspan",
      "rules",   "size",    "span",     "start",       "valign",      "vspace"};
  if (name.empty() || name.size() > 11) return false;
  const char first = lower(name[0]);
  for (std::string_view k : kLayout)
    if (k[0] == first && name_is(name, k)) return true;
  return false;
}

// A formatting element other than <a> (the model's table, kKnownTags, below).
bool is_formatting_but_a(std::string_view name);

// A style attribute matters only when it may hide its element
// (display:none, visibility:hidden).
bool may_hide(std::string_view style) {
  for (std::size_t i = 0; i + 4 <= style.size(); ++i) {
    const char c = lower(style[i]);
    if ((c == 'n' && starts_with_ci(style, i, "none")) ||
        (c == 'h' && starts_with_ci(style, i, "hidden")))
      return true;
  }
  return false;
}

// A part of the input that is not copied: [begin, end).
struct Span {
  std::size_t begin;
  std::size_t end;
  bool stash = false;  // an attribute value for the stash, not dropped
};

struct Tag {
  std::string_view name;
  std::size_t end = npos;  // one past '>'; npos when the tag runs to EOF
  bool self_closing = false;
  bool is_json_ld = false;  // type="application/ld+json"
  bool is_template = false;  // type="text/template" or "text/html"
  // A <link> some stage reads: rel=canonical or image_src, or itemprop.
  bool read_link = false;
  // A <font> with color, face or size: it breaks out of SVG/MathML.
  bool font_breaks = false;
  // The values of type and media, as written (for <style>, keep_layout).
  std::string_view type;
  std::string_view media;
};

bool contains_ci(std::string_view s, std::string_view lower_word) {
  for (std::size_t i = 0; i + lower_word.size() <= s.size(); ++i)
    if (starts_with_ci(s, i, lower_word)) return true;
  return false;
}

// Attributes kept per tag. Gumbo checks each new attribute name against all
// the earlier ones of its tag (quadratic: 100,000 attributes on one tag take
// a minute); real tags carry a few dozen at most.
constexpr int kMaxAttributes = 64;

// Attribute values shorter than this stay: a placeholder is nine bytes.
constexpr std::size_t kMinStashedValue = 12;

// Scans the tag whose name starts at s[pos]; stops after its '>'. Quoted
// attribute values may hold '>'. Appends to *drops the attributes not to be
// copied: those past kMaxAttributes and, with `filter`, those no stage reads
// (but, with `layout`, those that lay the page out: see keep_layout); with
// `stash`, the long quoted values the parser need not read (see TextStash),
// as spans marked `stash`.
Tag scan_tag(std::string_view s, std::size_t pos, bool filter, bool stash, bool layout,
             std::vector<Span>* drops) {
  Tag t;
  int attributes = 0;
  int layout_attributes = 0;  // counted apart, so that the stages' stay the same
  std::size_t p = pos;
  while (p < s.size() && !ends_name(s[p])) ++p;
  t.name = s.substr(pos, p - pos);
  // Formatting elements keep every attribute: the parser treats two of them
  // as the same when their attributes are (at most three alike stay on its
  // list of active formatting elements), so dropping some would change the
  // tree. <a> is the exception: a new one closes the last, so two are never
  // on that list together.
  if (is_formatting_but_a(t.name)) filter = stash = false;
  // A <script>'s attributes matter only for JSON-LD (read here, below).
  const bool script = filter && name_is(t.name, "script");
  const bool link = name_is(t.name, "link");
  while (p < s.size()) {
    const char c = s[p];
    if (is_space(c)) {
      ++p;
      continue;
    }
    if (c == '>') {
      t.end = p + 1;
      return t;
    }
    if (c == '/') {
      ++p;
      if (p < s.size() && s[p] == '>') t.self_closing = true;
      continue;
    }
    // Attribute name (a leading '=' belongs to the name).
    const std::size_t name_begin = p++;
    while (p < s.size() && !ends_name(s[p]) && s[p] != '=') ++p;
    const std::string_view attr = s.substr(name_begin, p - name_begin);
    std::string_view value;
    bool quoted = false;
    std::size_t q = p;  // past the value, if there is one
    while (q < s.size() && is_space(s[q])) ++q;
    if (q < s.size() && s[q] == '=') {
      ++q;
      while (q < s.size() && is_space(s[q])) ++q;
      if (q >= s.size()) break;
      if (s[q] == '"' || s[q] == '\'') {
        const std::size_t close = find_char(s, q + 1, s[q]);
        if (close == npos) return t;  // unterminated: the tag eats the rest
        value = s.substr(q + 1, close - q - 1);
        quoted = true;
        q = close + 1;
      } else {
        const std::size_t vb = q;
        while (q < s.size() && !is_space(s[q]) && s[q] != '>') ++q;
        value = s.substr(vb, q - vb);
      }
      p = q;
    }
    if (name_is(attr, "media")) t.media = value;
    if (name_is(attr, "type")) {
      t.type = value;
      while (!value.empty() && is_space(value.front())) value.remove_prefix(1);
      t.is_json_ld = starts_with_ci(value, 0, "application/ld+json");
      while (!value.empty() && is_space(value.back())) value.remove_suffix(1);
      t.is_template = (value.size() == 13 && starts_with_ci(value, 0, "text/template")) ||
                      (value.size() == 9 && starts_with_ci(value, 0, "text/html"));
    }
    if (name_is(attr, "color") || name_is(attr, "face") || name_is(attr, "size"))
      t.font_breaks = true;
    if (link && ((name_is(attr, "rel") &&
                  (contains_ci(value, "canonical") || contains_ci(value, "image_src"))) ||
                 name_is(attr, "itemprop")))
      t.read_link = true;
    const bool kept =
        !filter || (script ? name_is(attr, "type")
                           : kept_attribute(attr) && (!name_is(attr, "style") || may_hide(value)));
    const bool for_layout =
        !kept && layout && !script && (name_is(attr, "style") || layout_attribute(attr));
    if (for_layout ? ++layout_attributes > kMaxAttributes
                   : (!kept || ++attributes > kMaxAttributes)) {
      if (!drops->empty() && drops->back().end == name_begin && !drops->back().stash) {
        drops->back().end = p;
      } else {
        drops->push_back(Span{name_begin, p});
      }
    } else if (filter && value.size() > 5 && starts_with_ci(value, 0, "data:") &&
               (name_is(attr, "src") || starts_with_ci(attr, 0, "data-"))) {
      // An inline image's bytes ("data:image/gif;base64,...", placeholders
      // of lazy images): the stages only see that it is one.
      const std::size_t v = static_cast<std::size_t>(value.data() - s.data());
      drops->push_back(Span{v + 5, v + value.size()});
    } else if (stash && quoted && value.size() >= kMinStashedValue &&
               !name_is(attr, "type") && !name_is(attr, "encoding")) {
      // The tree builder reads the values of type (<input type=hidden>) and
      // encoding (<annotation-xml>), and compares the attributes of
      // formatting elements (kept whole above); no other value changes the
      // tree. The value up to its first character reference or NUL.
      std::size_t n = 0;
      while (n < value.size() && value[n] != '&' && value[n] != '\0') ++n;
      if (n >= kMinStashedValue) {
        const std::size_t v = static_cast<std::size_t>(value.data() - s.data());
        drops->push_back(Span{v, v + n, true});
      }
    }
  }
  return t;
}

// --- the open-element model -------------------------------------------------
//
// Gumbo's tree builder answers "is there a <p> in button scope", "which
// element does this end tag close" and "reconstruct the active formatting
// elements" by walking its stack of open elements, so its time is the input
// size times that stack's depth, and it has no depth limit of its own. We
// keep the stack shallow by modelling it here, with the tree-construction
// rules that decide its depth, and dropping start tags (with their end tags;
// their text stays) that would nest deeper than max_depth.
//
// The model must never be shallower than Gumbo's stack, or an attacker can
// grow the real stack behind its back (a `<span><section></span>` loop,
// where `</span>` is ignored because a special element is above the span;
// `<li><dd><li><dd>`, which nest because each stops the other's implied end).
// So every rule below pops only what the HTML standard pops, using the same
// scopes; where the model is unsure it keeps elements (deeper than real),
// which can only cost a dropped tag on a pathological page.
//
// Formatting elements (b, i, a, font, ...) need one more step: when the
// parser closes one implicitly (the <p> around it ends), it stays on the list
// of active formatting elements and is re-created in every later block, with
// its attributes: `<b id=1>...<b id=512>` then a million `<p>x` builds half a
// billion elements. When the model pops a formatting element implicitly, it
// writes its end tag before the tag that closed it, so the parser takes it
// off that list; and at most kMaxFormatting formatting elements are open.

// Formatting elements open at once. Real pages nest a handful; each one open
// is re-created in every block while it stays unclosed.
constexpr int kMaxFormatting = 32;

// How far past max_depth paragraphs, list items and options may open.
constexpr int kLeafMargin = 16;

// Distinct unknown (custom) element names followed individually; beyond this
// they share one id whose end tags never close anything (the model then errs
// deeper, which is the safe side).
constexpr int kMaxUnknownNames = 4096;

enum TagFlag : std::uint32_t {
  kNotPushed = 1u << 0,    // void, or merged into an existing element (html, body)
  kSpecial = 1u << 1,      // the standard's "special" category
  kScope = 1u << 2,        // bounds "has an element in scope"
  kButtonScope = 1u << 3,  // also bounds "in button scope"
  kListScope = 1u << 4,    // also bounds "in list item scope"
  kTableScope = 1u << 5,   // bounds "in table scope"
  kMarker = 1u << 6,       // pushes a marker on the active formatting list
  kFormatting = 1u << 7,
  kClosesP = 1u << 8,      // its start tag closes a <p> in button scope
  kImplied = 1u << 9,      // "generate implied end tags" pops it
  kHeading = 1u << 10,
  kCell = 1u << 11,        // td, th
  kSection = 1u << 12,     // tbody, thead, tfoot
  kDdDt = 1u << 13,
  kForeign = 1u << 14,     // set on entries pushed inside <svg>/<math>
  kNotAdp = 1u << 15,      // special but not address/div/p: stops <li>'s implied end
  kIntegration = 1u << 16,  // an SVG/MathML integration point: special only there
};

struct KnownTag {
  std::string_view name;
  std::uint32_t flags;
};

constexpr std::uint32_t kBlock = kSpecial | kNotAdp | kClosesP;
constexpr KnownTag kKnownTags[] = {
    // Never on the stack: void elements; html/head/body merge into the ones
    // the parser made; caption/colgroup hold no nesting of their own.
    {"area", kNotPushed}, {"base", kNotPushed}, {"basefont", kNotPushed},
    {"bgsound", kNotPushed}, {"br", kNotPushed}, {"col", kNotPushed},
    {"embed", kNotPushed}, {"hr", kNotPushed | kClosesP}, {"img", kNotPushed},
    {"image", kNotPushed}, {"input", kNotPushed}, {"keygen", kNotPushed},
    {"link", kNotPushed}, {"meta", kNotPushed}, {"param", kNotPushed},
    {"source", kNotPushed}, {"track", kNotPushed}, {"wbr", kNotPushed},
    {"frame", kNotPushed}, {"html", kNotPushed}, {"head", kNotPushed},
    {"body", kNotPushed}, {"caption", kNotPushed}, {"colgroup", kNotPushed},
    // Blocks: special, close an open <p>.
    {"address", kSpecial | kClosesP}, {"div", kSpecial | kClosesP},
    {"p", kSpecial | kClosesP | kImplied},
    {"article", kBlock}, {"aside", kBlock}, {"blockquote", kBlock}, {"center", kBlock},
    {"details", kBlock}, {"dialog", kBlock}, {"dir", kBlock}, {"dl", kBlock},
    {"fieldset", kBlock}, {"figcaption", kBlock}, {"figure", kBlock}, {"footer", kBlock},
    {"header", kBlock}, {"hgroup", kBlock}, {"main", kBlock}, {"menu", kBlock},
    {"nav", kBlock}, {"search", kBlock}, {"section", kBlock}, {"summary", kBlock},
    {"pre", kBlock}, {"listing", kBlock}, {"form", kBlock},
    {"ol", kBlock | kListScope}, {"ul", kBlock | kListScope},
    {"li", kBlock | kImplied}, {"dd", kBlock | kImplied | kDdDt},
    {"dt", kBlock | kImplied | kDdDt},
    {"h1", kBlock | kHeading}, {"h2", kBlock | kHeading}, {"h3", kBlock | kHeading},
    {"h4", kBlock | kHeading}, {"h5", kBlock | kHeading}, {"h6", kBlock | kHeading},
    // Other special elements.
    {"frameset", kSpecial | kNotAdp}, {"noscript", kSpecial | kNotAdp},
    {"select", kSpecial | kNotAdp}, {"button", kSpecial | kNotAdp | kButtonScope},
    {"applet", kSpecial | kNotAdp | kScope | kMarker},
    {"marquee", kSpecial | kNotAdp | kScope | kMarker},
    {"object", kSpecial | kNotAdp | kScope | kMarker},
    {"template", kSpecial | kNotAdp | kScope | kMarker | kTableScope},
    {"table", kSpecial | kNotAdp | kScope | kTableScope},
    {"tbody", kSpecial | kNotAdp | kSection}, {"thead", kSpecial | kNotAdp | kSection},
    {"tfoot", kSpecial | kNotAdp | kSection}, {"tr", kSpecial | kNotAdp},
    {"td", kSpecial | kNotAdp | kScope | kMarker | kCell},
    {"th", kSpecial | kNotAdp | kScope | kMarker | kCell},
    // MathML text and SVG HTML integration points (title only reaches the
    // model inside <svg>; in HTML it is raw text).
    {"mi", kIntegration}, {"mo", kIntegration}, {"mn", kIntegration}, {"ms", kIntegration},
    {"mtext", kIntegration}, {"annotation-xml", kIntegration},
    {"foreignobject", kIntegration}, {"desc", kIntegration}, {"title", kIntegration},
    // Formatting elements.
    {"a", kFormatting}, {"b", kFormatting}, {"big", kFormatting}, {"code", kFormatting},
    {"em", kFormatting}, {"font", kFormatting}, {"i", kFormatting}, {"nobr", kFormatting},
    {"s", kFormatting}, {"small", kFormatting}, {"strike", kFormatting},
    {"strong", kFormatting}, {"tt", kFormatting}, {"u", kFormatting},
    // Popped by "generate implied end tags"; nest otherwise (outside <ruby>,
    // outside <select>).
    {"option", kImplied}, {"optgroup", kImplied}, {"rb", kImplied}, {"rp", kImplied},
    {"rt", kImplied}, {"rtc", kImplied}, {"ruby", 0}, {"svg", 0}, {"math", 0},
};
constexpr int kKnownCount = static_cast<int>(sizeof kKnownTags / sizeof kKnownTags[0]);

// The known names bucketed by length and first letter. known_id() runs for
// every tag of the page; a linear scan of all ~120 names was 2% of
// extract() (callgrind, bench/extractor-bench), a bucket holds one to three.
struct KnownIndex {
  static constexpr std::size_t kMaxLength = 14;  // "annotation-xml"
  std::vector<std::uint8_t> buckets[kMaxLength + 1][26];
  KnownIndex() {
    for (int i = 0; i < kKnownCount; ++i) {
      const std::string_view n = kKnownTags[i].name;
      buckets[n.size()][static_cast<unsigned char>(n[0] - 'a')].push_back(
          static_cast<std::uint8_t>(i));
    }
  }
};
static_assert(kKnownCount < 256, "ids are stored as bytes");

int known_id(std::string_view lower_name) {
  static const KnownIndex index;
  if (lower_name.empty() || lower_name.size() > KnownIndex::kMaxLength) return -1;
  const unsigned first = static_cast<unsigned char>(lower_name[0]) - 'a';
  if (first >= 26) return -1;
  for (const std::uint8_t i : index.buckets[lower_name.size()][first])
    if (kKnownTags[i].name == lower_name) return i;
  return -1;
}

bool is_formatting_but_a(std::string_view name) {
  if (name.empty() || name.size() > KnownIndex::kMaxLength) return false;
  char lower_name[KnownIndex::kMaxLength];
  for (std::size_t i = 0; i < name.size(); ++i) lower_name[i] = lower(name[i]);
  const int id = known_id(std::string_view(lower_name, name.size()));
  return id >= 0 && (kKnownTags[id].flags & kFormatting) && kKnownTags[id].name != "a";
}

class OpenElements {
 public:
  explicit OpenElements(int max_depth)
      : max_depth_(max_depth), pos_(kKnownCount + 1), names_(kKnownCount + 1) {
    for (int i = 0; i < kKnownCount; ++i) names_[static_cast<std::size_t>(i)] = kKnownTags[i].name;
    id_p_ = known_id("p");
    id_a_ = known_id("a");
    id_li_ = known_id("li");
    id_nobr_ = known_id("nobr");
    id_button_ = known_id("button");
    id_select_ = known_id("select");
    id_form_ = known_id("form");
    id_option_ = known_id("option");
    id_optgroup_ = known_id("optgroup");
    id_ruby_ = known_id("ruby");
    id_rtc_ = known_id("rtc");
    id_rb_ = known_id("rb");
    id_rp_ = known_id("rp");
    id_rt_ = known_id("rt");
    id_tr_ = known_id("tr");
    id_pre_ = known_id("pre");
    id_table_ = known_id("table");
    id_listing_ = known_id("listing");
  }

  // The current node is an SVG/MathML element: there the tokenizer reads
  // <![CDATA[ ]]> as text (elsewhere it is a bogus comment).
  bool current_is_foreign() const {
    const int t = top_live();
    return t >= 0 && (entries_[static_cast<std::size_t>(t)].flags & kForeign) != 0;
  }

  // Start tags here follow the rules for foreign content: the current node
  // is an SVG/MathML element other than an integration point (where HTML
  // may be).
  bool in_foreign_content() const {
    const int t = top_live();
    if (t < 0) return false;
    const std::uint32_t f = entries_[static_cast<std::size_t>(t)].flags;
    return (f & kForeign) && !(f & kIntegration);
  }

  // Text here goes to a table, row or row group, not a cell: the parser
  // treats a run of only white space there differently from other text, so
  // nothing between two runs may be taken out.
  bool in_table_text() const { return !table_.empty() && top(cell_) < top(table_); }

  // A <pre> or <listing> is open: white space there is content.
  bool preformatted() const {
    return !pos_[static_cast<std::size_t>(id_pre_)].empty() ||
           !pos_[static_cast<std::size_t>(id_listing_)].empty();
  }

  // End tags written before the current tag (formatting elements the model
  // closed implicitly). The caller copies them out and clears them.
  std::string& injected() { return injected_; }

  // A start tag. Returns false when it is to be dropped (too deep).
  // `inside_foreign`: the tag is in SVG/MathML content (not a breakout, which
  // the caller handles first); `enters_foreign`: it is an <svg> or <math>.
  bool start(std::string_view name, bool self_closing, bool inside_foreign,
             bool enters_foreign) {
    const int id = intern(name);
    if (inside_foreign) {
      // A foreign element ("<svg><nav>" is SVG's nav): none of the HTML
      // rules below (closing a <p>, a list item, ...) applies to it, and
      // "/>" closes it.
      if (self_closing) return true;
      // Integration points bound the scopes of the HTML inside them.
      const std::uint32_t foreign_flags =
          (flags_of(id) & kIntegration) ? kIntegration | kSpecial | kNotAdp | kScope : 0u;
      return push_capped(id, kForeign | foreign_flags, max_depth_);
    }
    const bool self_closing_foreign = enters_foreign && self_closing;
    const bool in_foreign = enters_foreign;
    const std::uint32_t flags = flags_of(id);
    if (flags & kNotPushed) {
      if (flags & kClosesP) close_p();
      return true;
    }
    if (self_closing_foreign) return true;
    if (id == id_form_ && !pos_[id].empty()) return true;  // ignored by the parser
    // Cells, rows and row groups outside any table (or template) are
    // ignored by the parser: pushing them would let their end tags close
    // what is really open (a <pre> around them, say).
    if (((flags & (kCell | kSection)) || id == id_tr_) && table_.empty()) return true;
    // A <table> straight inside a table (not in a cell) closes that one.
    if (id == id_table_ && !table_.empty() && top(cell_) < top(table_) &&
        entries_[static_cast<std::size_t>(top(table_))].id == id_table_)
      pop_to(top(table_), true);
    if (id == id_li_) {
      const int stop = top(not_adp_);
      if (stop >= 0 && entries_[stop].id == id_li_) pop_to(stop, true);
    } else if (flags & kDdDt) {
      const int stop = top(not_adp_);
      if (stop >= 0 && (flags_of(entries_[stop].id) & kDdDt)) pop_to(stop, true);
    }
    if (flags & kClosesP) close_p();
    if (flags & kHeading) {
      const int t = top_live();
      if (t >= 0 && (flags_of(entries_[t].id) & kHeading)) pop_to(t, true);
    }
    if (id == id_a_ && top(pos_[id]) > top(marker_) && top(pos_[id]) >= 0) end_formatting(id);
    if (id == id_nobr_ && in_scope(top(pos_[id]), scope_)) end_formatting(id);
    if (id == id_button_ && in_scope(top(pos_[id]), scope_)) pop_to(top(pos_[id]), true);
    if (id == id_select_ && !pos_[id].empty()) {
      pop_to(top(pos_[id]), true);  // a <select> in a <select> closes it
      return true;
    }
    if (id == id_option_ || id == id_optgroup_) {
      int t = top_live();
      if (t >= 0 && entries_[t].id == id_option_) pop_to(t, true);
      t = top_live();
      if (id == id_optgroup_ && t >= 0 && entries_[t].id == id_optgroup_ &&
          !pos_[id_select_].empty())
        pop_to(t, true);
    }
    if ((id == id_rb_ || id == id_rtc_ || id == id_rp_ || id == id_rt_) &&
        in_scope(top(pos_[id_ruby_]), scope_)) {
      const bool keep_rtc = id == id_rp_ || id == id_rt_;
      for (int t = top_live(); t >= 0; t = top_live()) {
        const int tid = entries_[t].id;
        if (!(flags_of(tid) & kImplied) || (keep_rtc && tid == id_rtc_)) break;
        pop_to(t, true);
      }
    }
    // In a table (not in a cell) these first clear the stack back to the
    // table, row group or row: what was opened there (foster-parented
    // elements) closes.
    if (flags & kCell) {
      if (top(cell_) > top(table_)) {
        pop_to(top(cell_), true);
      } else {
        pop_above(std::max({top(pos_[static_cast<std::size_t>(id_tr_)]), top(section_), top(table_)}));
      }
    } else if (id == id_tr_) {
      if (top(pos_[id]) > top(table_)) {
        pop_to(top(pos_[id]), true);
      } else {
        pop_above(std::max(top(section_), top(table_)));
      }
    } else if (flags & kSection) {
      if (top(section_) > top(table_)) {
        pop_to(top(section_), true);
      } else {
        pop_above(top(table_));
      }
    }

    // Paragraphs and list items close their predecessor, so they may go a
    // little past the cap: a page cut at the cap keeps its paragraphs apart.
    const int cap = (flags & kImplied) ? max_depth_ + kLeafMargin : max_depth_;
    return push_capped(id, flags | (in_foreign ? kForeign : 0u), cap);
  }

  // An end tag. Returns false when it is to be dropped (its start tag was).
  bool end(std::string_view name) {
    const int id = intern(name);
    if (any_dropped_ && static_cast<std::size_t>(id) < dropped_.size() && dropped_[id] > 0) {
      --dropped_[id];
      return false;
    }
    if (id == kOtherUnknown || pos_[id].empty()) return true;
    const int target = top(pos_[id]);
    // The flags of what it closes: an <mi> or <desc> outside SVG/MathML is an
    // ordinary element (flags 0), inside it an integration point.
    const std::uint32_t flags = (flags_of(id) & kIntegration)
                                    ? entries_[static_cast<std::size_t>(target)].flags
                                    : flags_of(id);
    if (flags & kNotPushed) return true;
    if (flags & kFormatting) {
      end_formatting(id);
    } else if (id == id_form_) {
      if (in_scope(target, scope_)) erase(target);
    } else if (id == id_p_) {
      if (in_scope(target, button_)) pop_to(target, false);
    } else if (id == id_li_) {
      if (in_scope(target, list_)) pop_to(target, false);
    } else if (flags & kHeading) {
      // Any heading's end tag closes the innermost heading.
      const int h = top(heading_);
      if (in_scope(h, scope_)) pop_to(h, false);
    } else if (flags & (kTableScope | kCell | kSection) || id == id_tr_) {
      if (in_scope(target, table_)) pop_to(target, false);
    } else if (flags & kSpecial) {
      if (in_scope(target, scope_)) pop_to(target, false);
    } else if (target >= top(special_)) {
      // "Any other end tag": closes the innermost element of that name
      // unless a special element is open inside it.
      pop_to(target, false);
    }
    return true;
  }

  // A start tag that ends <svg>/<math> content: the foreign elements close.
  void break_out_of_foreign() {
    for (int t = top_live(); t >= 0 && (entries_[t].flags & kForeign) &&
                             !(entries_[t].flags & kIntegration);
         t = top_live())
      pop_to(t, false);
  }

 private:
  static constexpr int kOtherUnknown = kKnownCount;

  struct Entry {
    int id;
    std::uint32_t flags;
    bool dead = false;        // removed from the middle (adoption agency, </form>)
    std::vector<int> clones;  // formatting elements the parser re-created above it
  };

  // Pushes unless `cap` elements (or kMaxFormatting formatting elements)
  // are open; returns false when the start tag is to be dropped.
  bool push_capped(int id, std::uint32_t flags, int cap) {
    if (live_ >= cap || ((flags & kFormatting) && formatting_ >= kMaxFormatting)) {
      if (dropped_.size() <= static_cast<std::size_t>(id)) dropped_.resize(id + 1, 0);
      ++dropped_[id];
      any_dropped_ = true;
      return false;
    }
    push(id, flags);
    return true;
  }

  std::uint32_t flags_of(int id) const { return id < kKnownCount ? kKnownTags[id].flags : 0; }
  static int top(const std::vector<int>& v) { return v.empty() ? -1 : v.back(); }
  // `target` is open and no boundary of the scope is open inside it.
  static bool in_scope(int target, const std::vector<int>& boundaries) {
    return target >= 0 && target >= top(boundaries);
  }
  int top_live() const {
    for (int i = static_cast<int>(entries_.size()) - 1; i >= 0; --i)
      if (!entries_[static_cast<std::size_t>(i)].dead) return i;
    return -1;
  }

  int intern(std::string_view name) {
    lower_.assign(name);
    for (char& c : lower_) c = lower(c);
    const int k = known_id(lower_);
    if (k >= 0) return k;
    if (const auto it = unknown_.find(lower_); it != unknown_.end()) return it->second;
    if (unknown_.size() >= static_cast<std::size_t>(kMaxUnknownNames)) return kOtherUnknown;
    // Ids: known tags, then kOtherUnknown, then each unknown name.
    const int id = kKnownCount + 1 + static_cast<int>(unknown_.size());
    unknown_.emplace(lower_, id);
    if (pos_.size() < static_cast<std::size_t>(id) + 1) pos_.resize(id + 1);
    if (names_.size() < static_cast<std::size_t>(id) + 1) names_.resize(id + 1);
    names_[static_cast<std::size_t>(id)] = lower_;
    return id;
  }

  std::vector<int>* category(std::uint32_t flags, int which) {
    switch (which) {
      case 0: return (flags & kSpecial) ? &special_ : nullptr;
      case 1: return (flags & kScope) ? &scope_ : nullptr;
      case 2: return (flags & (kScope | kButtonScope)) ? &button_ : nullptr;
      case 3: return (flags & (kScope | kListScope)) ? &list_ : nullptr;
      case 4: return (flags & kTableScope) ? &table_ : nullptr;
      case 5: return (flags & kMarker) ? &marker_ : nullptr;
      case 6: return (flags & kNotAdp) ? &not_adp_ : nullptr;
      case 7: return (flags & kHeading) ? &heading_ : nullptr;
      case 8: return (flags & kCell) ? &cell_ : nullptr;
      case 9: return (flags & kSection) ? &section_ : nullptr;
      default: return nullptr;
    }
  }
  static constexpr int kCategories = 10;

  void push(int id, std::uint32_t flags) {
    const int i = static_cast<int>(entries_.size());
    entries_.push_back(Entry{id, flags, false, {}});
    pos_[static_cast<std::size_t>(id)].push_back(i);
    for (int c = 0; c < kCategories; ++c)
      if (std::vector<int>* v = category(flags, c)) v->push_back(i);
    ++live_;
    if (flags & kFormatting) ++formatting_;
  }

  void write_end_tag(int id) {
    if (id == kOtherUnknown) return;
    injected_ += "</";
    injected_ += names_[static_cast<std::size_t>(id)];
    injected_ += '>';
  }

  // Pops the top entry. `implicit`: the parser closes it without an end tag
  // of its own, so a formatting element gets one written (see above).
  void pop_top(bool implicit) {
    Entry& e = entries_.back();
    // Re-created formatting elements sit just above their element.
    for (auto it = e.clones.rbegin(); it != e.clones.rend(); ++it) {
      write_end_tag(*it);
      --live_;
      --formatting_;
    }
    if (!e.dead) {
      const int i = static_cast<int>(entries_.size()) - 1;
      std::vector<int>& ids = pos_[static_cast<std::size_t>(e.id)];
      if (!ids.empty() && ids.back() == i) ids.pop_back();
      for (int c = 0; c < kCategories; ++c)
        if (std::vector<int>* v = category(e.flags, c); v != nullptr && !v->empty() && v->back() == i)
          v->pop_back();
      --live_;
      if (e.flags & kFormatting) {
        --formatting_;
        if (implicit) write_end_tag(e.id);
      }
    }
    entries_.pop_back();
  }

  // Pops everything above entry `keep` (nothing when it is -1).
  void pop_above(int keep) {
    if (keep < 0) return;
    while (static_cast<int>(entries_.size()) > keep + 1) pop_top(true);
  }

  // Pops everything above `target`, then target itself.
  void pop_to(int target, bool implicit_target) {
    while (static_cast<int>(entries_.size()) > target + 1) pop_top(true);
    pop_top(implicit_target);
    // Dropped start tags were nested inside every element the model holds,
    // so closing one of those closed them too: their end tags are now
    // ordinary (stray) end tags, as they are for the parser, which never saw
    // their start tags.
    if (any_dropped_) {
      std::fill(dropped_.begin(), dropped_.end(), 0);
      any_dropped_ = false;
    }
  }

  // Takes an entry out of the middle (its clones move to the entry below).
  void erase(int i) {
    Entry& e = entries_[static_cast<std::size_t>(i)];
    std::vector<int>& ids = pos_[static_cast<std::size_t>(e.id)];
    ids.erase(std::remove(ids.begin(), ids.end(), i), ids.end());
    for (int c = 0; c < kCategories; ++c)
      if (std::vector<int>* v = category(e.flags, c))
        v->erase(std::remove(v->begin(), v->end(), i), v->end());
    e.dead = true;
    --live_;
    if (e.flags & kFormatting) --formatting_;
    if (!e.clones.empty() && i > 0) {
      std::vector<int>& below = entries_[static_cast<std::size_t>(i - 1)].clones;
      below.insert(below.end(), e.clones.begin(), e.clones.end());
      e.clones.clear();
    }
  }

  // The adoption agency algorithm, as far as depth goes: with no special
  // element open inside the formatting element, everything down to it
  // closes; otherwise it leaves the stack and a copy of it is created just
  // inside the first special element above it (the "furthest block").
  void end_formatting(int id) {
    const int target = top(pos_[static_cast<std::size_t>(id)]);
    if (!in_scope(target, scope_)) return;
    const auto fb = std::upper_bound(special_.begin(), special_.end(), target);
    if (fb == special_.end()) {
      pop_to(target, false);
      return;
    }
    const int furthest = *fb;
    erase(target);
    entries_[static_cast<std::size_t>(furthest)].clones.push_back(id);
    ++live_;
    ++formatting_;
  }

  void close_p() {
    const int p = top(pos_[static_cast<std::size_t>(id_p_)]);
    if (in_scope(p, button_)) pop_to(p, true);
  }

  const int max_depth_;
  std::vector<Entry> entries_;
  std::vector<std::vector<int>> pos_;  // by tag id: indices into entries_
  std::vector<int> special_, scope_, button_, list_, table_, marker_, not_adp_, heading_,
      cell_, section_;
  std::vector<std::string> names_;  // by tag id
  std::unordered_map<std::string, int> unknown_;
  std::vector<int> dropped_;  // by tag id: start tags dropped, end tags to drop
  bool any_dropped_ = false;
  int live_ = 0;        // open elements, clones included
  int formatting_ = 0;  // of which formatting elements
  std::string injected_;
  std::string lower_;
  int id_p_, id_a_, id_li_, id_nobr_, id_button_, id_select_, id_form_, id_option_,
      id_optgroup_, id_ruby_, id_rtc_, id_rb_, id_rp_, id_rt_, id_tr_, id_pre_, id_listing_, id_table_;
};

// Start tags that end SVG/MathML content (the "breakout" list of the tree
// construction rules for foreign content).
bool breaks_out_of_foreign(std::string_view name) {
  static constexpr std::string_view kBreakout[] = {
      "b", "big", "blockquote", "body", "br", "center", "code", "dd", "div", "dl",
      "dt", "em", "embed", "h1", "h2", "h3", "h4", "h5", "h6", "head", "hr", "i",
      "img", "li", "listing", "menu", "meta", "nobr", "ol", "p", "pre", "ruby", "s",
      "small", "span", "strong", "strike", "sub", "sup", "table", "tt", "u", "ul",
      "var"};
  for (std::string_view b : kBreakout)
    if (name_is(name, b)) return true;
  return false;
}

// Elements whose content the tokenizer reads as text up to their end tag.
bool is_raw_text(std::string_view name) {
  static constexpr std::string_view kRaw[] = {"script", "style", "title", "textarea",
                                              "xmp", "iframe", "noembed", "noframes"};
  for (std::string_view r : kRaw)
    if (name_is(name, r)) return true;
  return false;
}

std::string lowered(std::string_view name) {
  std::string l(name);
  for (char& c : l) c = lower(c);
  return l;
}

// Numeric character references whose value cannot be a code point
// ("&#x1Fbbbbbbbbbbbb;", "&#99999999999;") become U+FFFD, as the standard
// says. Gumbo 0.10 accumulates the digits in an int that overflows (found by
// fuzzing: the wrapped value was written out as invalid UTF-8). Past six
// significant hex digits or seven decimal ones the value is always above
// U+10FFFF, so the reference is replaced before Gumbo sees it: the digits
// and an optional ';', as the tokenizer would consume them.
void replace_huge_char_refs(std::string* html) {
  const std::string& h = *html;
  std::string out;
  std::size_t copied = 0;
  for (std::size_t p = find_char(h, 0, '&'); p != npos; p = find_char(h, p + 1, '&')) {
    if (p + 2 >= h.size() || h[p + 1] != '#') continue;
    std::size_t q = p + 2;
    const bool hex = h[q] == 'x' || h[q] == 'X';
    if (hex) ++q;
    auto is_digit = [hex](char c) {
      return (c >= '0' && c <= '9') ||
             (hex && ((c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')));
    };
    while (q < h.size() && h[q] == '0') ++q;
    const std::size_t significant = q;
    while (q < h.size() && is_digit(h[q])) ++q;
    if (q - significant <= (hex ? 6u : 7u)) continue;
    if (q < h.size() && h[q] == ';') ++q;
    out.append(h, copied, p - copied);
    out += "\xEF\xBF\xBD";
    copied = q;
    p = q - 1;
  }
  if (copied == 0) return;
  out.append(h, copied, npos);
  *html = std::move(out);
}

// Characters as markup that reads as exactly them ('<' and '&' escaped, NUL
// as U+FFFD, as the parser would take it in foreign content).
void append_as_text(std::string_view text, std::string* out) {
  for (const char c : text) {
    switch (c) {
      case '<': *out += "&lt;"; break;
      case '&': *out += "&amp;"; break;
      case '\0': *out += "\xEF\xBF\xBD"; break;
      default: *out += c;
    }
  }
}

// The content of an <svg> element, dropped as it is scanned. Everything in
// it is SVG markup the later stages skip, so only its end matters: the
// parser closes the <svg> at its end tag, at an HTML start tag that breaks
// out of foreign content, or at an end tag that closes an HTML element
// around it. The dropped elements are followed by name so that their end
// tags are told apart from those. Where HTML may legally sit inside
// (<foreignObject>, <desc>, <title>) or anything unexpected comes, the
// dropping stops and the rest of the element is kept as it is.
class ForeignDrop {
 public:
  bool active() const { return active_; }
  void begin() {
    active_ = true;
    open_.clear();
  }
  void stop() { active_ = false; }
  // The dropped elements still open when the dropping stopped, outermost
  // first: written back as bare start tags, so that what follows nests as
  // it would have.
  const std::vector<std::string_view>& still_open() const { return open_; }

  // A start tag inside the dropped content: false when the dropping stops
  // here (the tag is then handled as any other).
  bool start(std::string_view name, bool self_closing) {
    static constexpr std::string_view kStops[] = {"foreignobject", "desc", "title", "math",
                                                  "font"};
    for (std::string_view n : kStops)
      if (name_is(name, n)) return halt();
    if (breaks_out_of_foreign(name)) return halt();
    if (!self_closing) open_.push_back(name);
    return true;
  }

  // An end tag inside the dropped content. kDropped: it closes a dropped
  // element; kEnds: it is the <svg>'s own (kept, the dropping ends);
  // kStop: anything else (the dropping stops; handled as any other tag).
  enum class End { kDropped, kEnds, kStop };
  End end(std::string_view name) {
    for (std::size_t i = open_.size(); i-- > 0;) {
      if (name_is_ci(open_[i], name)) {
        open_.resize(i);
        return End::kDropped;
      }
    }
    active_ = false;
    return name_is(name, "svg") ? End::kEnds : End::kStop;
  }

 private:
  bool halt() {
    active_ = false;
    return false;
  }
  static bool name_is_ci(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
      if (lower(a[i]) != lower(b[i])) return false;
    return true;
  }

  bool active_ = false;
  std::vector<std::string_view> open_;  // dropped elements, by name
};

// Runs shorter than this stay: a placeholder is nine bytes.
constexpr std::size_t kMinStashedRun = 12;

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return -1;
}

}  // namespace

bool TextStash::add(std::string_view run, std::string* out) {
  constexpr std::size_t kMaxRuns = std::size_t{1} << (4 * kDigits);
  if (ends_.size() >= kMaxRuns || text_.size() + 3 * run.size() > UINT32_MAX) return false;
  // What the parser's input stream makes of the characters: CR LF and a lone
  // CR become LF, and the code points HTML forbids (C0 and C1 controls but
  // white space, noncharacters) U+FFFD, as Gumbo's UTF-8 reader does.
  const std::size_t before = text_.size();
  const auto* b = reinterpret_cast<const unsigned char*>(run.data());
  const std::size_t n = run.size();
  // Bytes that start no character the reader changes: printable ASCII, and
  // the lead bytes of characters other than C1 controls (C2), noncharacters
  // (EF) and the supplementary planes' (F0-F4), and continuation bytes.
  auto plain = [](unsigned char c) {
    return c >= 0x20 ? (c != 0x7F && c != 0xC2 && c != 0xEF && c < 0xF0)
                     : (c == '\t' || c == '\n' || c == '\f');
  };
  // The code points HTML forbids in its input stream (Gumbo's reader
  // replaces them): C0 controls but white space, DEL, C1, noncharacters.
  auto forbidden = [](std::uint32_t cp) {
    return (cp >= 0x01 && cp <= 0x08) || cp == 0x0B || (cp >= 0x0E && cp <= 0x1F) ||
           (cp >= 0x7F && cp <= 0x9F) || (cp >= 0xFDD0 && cp <= 0xFDEF) ||
           (cp & 0xFFFE) == 0xFFFE;
  };
  for (std::size_t i = 0; i < n;) {
    std::size_t j = i;
    while (j < n && plain(b[j])) ++j;
    if (j > i) {
      text_.append(run, i, j - i);
      i = j;
      continue;
    }
    const unsigned char c = b[i];
    if (c < 0x80) {
      if (c == '\r') {
        text_ += '\n';
        i += (i + 1 < n && b[i + 1] == '\n') ? 2 : 1;
        continue;
      }
      if (forbidden(c)) {
        text_ += "\xEF\xBF\xBD";
      } else {
        text_ += static_cast<char>(c);
      }
      ++i;
      continue;
    }
    const std::size_t width = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 0;
    bool well_formed = width != 0 && i + width <= n;
    std::uint32_t cp = width == 4 ? c & 0x07u : width == 3 ? c & 0x0Fu : c & 0x1Fu;
    for (std::size_t k = 1; well_formed && k < width; ++k) {
      well_formed = (b[i + k] & 0xC0) == 0x80;
      cp = (cp << 6) | (b[i + k] & 0x3Fu);
    }
    if (!well_formed) {  // not expected after decode(); left to the parser
      text_.resize(before);
      return false;
    }
    if (forbidden(cp)) {
      text_ += "\xEF\xBF\xBD";
    } else {
      text_.append(run, i, width);
    }
    i += width;
  }
  const std::size_t index = ends_.size();
  ends_.push_back(static_cast<std::uint32_t>(text_.size()));
  *out += kMarker;
  static constexpr char kHex[] = "0123456789abcdef";
  for (std::size_t d = kDigits; d-- > 0;) *out += kHex[(index >> (4 * d)) & 0xF];
  return true;
}

void TextStash::expand(std::string_view text, std::string* out) const {
  std::size_t copied = 0;
  for (std::size_t p = text.find(kMarker); p != npos; p = text.find(kMarker, p + 1)) {
    if (p + kPlaceholder > text.size()) break;
    std::size_t index = 0;
    bool ok = true;
    for (std::size_t d = 0; d < kDigits && ok; ++d) {
      const int v = hex_value(text[p + kMarker.size() + d]);
      ok = v >= 0;
      index = index * 16 + static_cast<std::size_t>(v < 0 ? 0 : v);
    }
    if (!ok || index >= ends_.size()) continue;
    out->append(text, copied, p - copied);
    out->append(run(index));
    copied = p + kPlaceholder;
    p = copied - 1;
  }
  out->append(text, copied, npos);
}

Prescanned prescan(std::string_view s, const PrescanOptions& options) {
  Prescanned out;
  out.html.reserve(s.size());
  std::size_t copied = 0;  // s[copied, p) is still to be copied
  std::size_t gap = 0;     // where the text before the next '<' starts
  OpenElements open(options.max_depth);
  ForeignDrop svg;
  std::vector<Span> drops;  // of the current tag's attributes
  std::size_t p = find_char(s, 0, '<');

  auto copy_to = [&](std::size_t upto) {
    if (upto > copied) out.html.append(s.data() + copied, upto - copied);
    copied = upto;
  };
  // Cuts s[from, to) out of the copy.
  auto skip = [&](std::size_t from, std::size_t to) {
    copy_to(from);
    if (to > copied) copied = to;
  };
  // Placeholders would be ambiguous on a page holding U+E000 itself.
  bool stash = options.stash_text && s.find(TextStash::kMarker) == npos;
  // The text s[b, e), which starts and ends with a character that is not
  // white space, into the stash: its runs between character references
  // (a reference and the rest of its word stay: the tokenizer reads them).
  // A '<' that opened no tag, or a NUL, keeps the whole text as it is:
  // "</ x" opens a comment that ends at the next '>', and NUL is read apart.
  auto stash_runs = [&](std::size_t b, std::size_t e) {
    if (e - b < kMinStashedRun) return;
    const std::string_view text = s.substr(b, e - b);
    if (text.find('<') != npos || text.find('\0') != npos) return;
    std::size_t p = b;
    while (p < e) {
      std::size_t amp = find_char(s.substr(0, e), p, '&');  // not past the text
      if (amp == npos) amp = e;
      std::size_t rb = p, re = amp;
      while (rb < re && is_space(s[rb])) ++rb;
      while (re > rb && is_space(s[re - 1])) --re;
      if (re - rb >= kMinStashedRun) {
        copy_to(rb);
        if (out.stash.add(s.substr(rb, re - rb), &out.html)) copied = re;
      }
      p = amp;
      while (p < e && !is_space(s[p])) ++p;
    }
  };
  // The text between the last construct and the '<' at `at`: dropped inside
  // <svg>; else white-space runs at its edges become one character (not in
  // <pre>), and long runs of characters go to the stash.
  auto text_before = [&](std::size_t at) {
    if (svg.active()) {
      skip(gap, at);
      return;
    }
    const bool collapse_edges = options.collapse_space && !open.preformatted();
    if (at - gap < 2 || (!collapse_edges && !stash)) return;
    auto collapse = [&](std::size_t b, std::size_t e) {  // s[b, e) is white space
      if (!collapse_edges || e - b < 2) return;
      const bool newline = std::memchr(s.data() + b, '\n', e - b) != nullptr;
      copy_to(b);
      out.html += newline ? '\n' : ' ';
      copied = e;
    };
    std::size_t lead = gap;
    while (lead < at && is_space(s[lead])) ++lead;
    if (lead == at) {
      collapse(gap, at);
      return;
    }
    std::size_t trail = at;
    while (trail > lead && is_space(s[trail - 1])) --trail;
    collapse(gap, lead);
    if (stash) stash_runs(lead, trail);
    collapse(trail, at);
  };
  // Writes the end tags the model closed implicitly before the tag at s[at],
  // then the tag: dropped when `keep` is false, else without the attribute
  // spans in `drops` (the rest is copied later with the text).
  auto emit = [&](std::size_t at, const Tag& tag, bool keep) {
    std::string& injected = open.injected();
    if (injected.empty() && keep && drops.empty()) return;
    copy_to(at);
    out.html += injected;
    injected.clear();
    if (!keep) {
      copied = tag.end;
      return;
    }
    for (const Span& d : drops) {
      if (!d.stash) {
        skip(d.begin, d.end);
      } else {
        copy_to(d.begin);
        if (out.stash.add(s.substr(d.begin, d.end - d.begin), &out.html)) copied = d.end;
      }
    }
  };

  while (p != npos && p + 1 < s.size()) {
    const char c = s[p + 1];
    const bool end_tag = c == '/';
    const std::size_t name_pos = p + (end_tag ? 2 : 1);
    if (c != '!' && c != '?' && (name_pos >= s.size() || !is_alpha(s[name_pos]))) {
      // '<' as text, or "</>": the text goes on to the next construct,
      // and is handled once, there.
      p = find_char(s, p + 1, '<');
      continue;
    }
    text_before(p);
    if (c == '!' || c == '?') {
      std::size_t end;
      bool keep = false;  // the doctype
      if (s.compare(p, 9, "<![CDATA[") == 0 && open.current_is_foreign()) {
        // CDATA in SVG/MathML is text, and written as text here: Gumbo
        // 0.10 aborts (a failed assertion in handle_in_table) on CDATA
        // inside an integration point inside a table ("<table><svg><desc>
        // <![CDATA[c]]>x"). Unterminated, it runs to the end of the page.
        // Gumbo never sees "<![CDATA[": in HTML it is a bogus comment, and
        // dropped below whatever the levers say.
        const std::size_t close = s.find("]]>", p + 9);
        const std::size_t body_end = close == npos ? s.size() : close;
        const std::size_t after = close == npos ? s.size() : close + 3;
        copy_to(p);
        if (!svg.active()) append_as_text(s.substr(p + 9, body_end - p - 9), &out.html);
        copied = after;
        gap = after;
        p = find_char(s, after, '<');
        continue;
      }
      if (c == '?') {  // a bogus comment
        end = find_char(s, p + 2, '>');
      } else if (s.compare(p, 4, "<!--") == 0) {
        if (p + 4 < s.size() && s[p + 4] == '>') {
          end = p + 4;
        } else if (s.compare(p + 4, 2, "->") == 0) {
          end = p + 5;
        } else {
          end = s.find("-->", p + 4);
          if (end != npos) end += 2;
        }
      } else {
        end = find_char(s, p + 2, '>');
        keep = starts_with_ci(s, p + 2, "doctype");
      }
      if (end == npos) break;  // runs to EOF: the rest is a comment
      ++end;
      const bool cdata = s.compare(p, 9, "<![CDATA[") == 0;
      if (svg.active() || cdata || (options.drop_comments && !keep && !open.in_table_text()))
        skip(p, end);
      gap = end;
      p = find_char(s, end, '<');
      continue;
    }
    drops.clear();
    const Tag tag = scan_tag(s, name_pos, options.drop_attributes, stash, options.keep_layout, &drops);
    if (tag.end == npos) break;  // an unterminated tag is dropped at EOF
    gap = tag.end;

    if (svg.active()) {
      bool dropped = false;
      if (end_tag) {
        dropped = svg.end(tag.name) == ForeignDrop::End::kDropped;
      } else {
        dropped = svg.start(tag.name, tag.self_closing);
      }
      if (dropped) {
        skip(p, tag.end);
        p = find_char(s, tag.end, '<');
        continue;
      }
      copy_to(p);
      for (std::string_view name : svg.still_open()) {
        if (!open.start(name, false, true, false)) continue;
        out.html += '<';
        out.html += name;
        out.html += '>';
      }
    }

    if (end_tag) {
      // (The model first: a </title> in SVG closes its <title>.)
      const bool known = open.end(tag.name);
      emit(p, tag, known || is_raw_text(tag.name));
      p = find_char(s, tag.end, '<');
      continue;
    }

    // A start tag: in SVG/MathML content (the model's current node says),
    // or in HTML.
    bool foreign = open.in_foreign_content();
    if (foreign && (breaks_out_of_foreign(tag.name) ||
                    (tag.font_breaks && name_is(tag.name, "font")))) {
      open.break_out_of_foreign();
      foreign = open.in_foreign_content();
    }
    if (!foreign && is_raw_text(tag.name)) {
      // Raw-text elements hold no elements, so they do not count towards
      // the depth; script and style bodies are dropped, the others kept.
      const bool script = name_is(tag.name, "script");
      if (script && tag.is_template) {
        out.has_templates = true;
        if (options.unwrap_templates) {
          // The start tag becomes a <div>; the body is read as markup, and
          // its </script>, an end tag nothing matches, is ignored.
          const bool kept = open.start("div", false, false, false);
          emit(p, tag, false);
          if (kept) out.html += "<div>";
          gap = tag.end;
          p = find_char(s, tag.end, '<');
          continue;
        }
      }
      const bool drop = script || name_is(tag.name, "style");
      const std::size_t body_end = script ? find_script_end(s, tag.end)
                                          : find_end_tag(s, tag.end, lowered(tag.name));
      const std::size_t stop = body_end == npos ? s.size() : body_end;
      if (script && tag.is_json_ld && shallow_json(s.substr(tag.end, stop - tag.end)))
        out.json_ld.emplace_back(s.substr(tag.end, stop - tag.end));
      // A style sheet a browser applies: no type, or text/css.
      if (options.keep_layout && !script && drop && !svg.active() &&
          (tag.type.empty() || name_is(tag.type, "text/css")))
        out.styles.push_back({std::string(tag.media), std::string(s.substr(tag.end, stop - tag.end))});
      emit(p, tag, true);
      if (drop) {
        copy_to(tag.end);  // keep the start tag; the end tag is copied next
        copied = stop;
      }
      if (body_end == npos) {
        // An unclosed <title> or <textarea> would swallow the whole rest of
        // the page. Browsers show a blank page then; the pages we see are
        // mostly a truncated title followed by the real page, so the element
        // is closed before the next tag instead.
        if (drop) break;
        const std::size_t lt = find_char(s, tag.end, '<');
        if (lt == npos) break;
        copy_to(lt);
        out.html += "</";
        out.html += lowered(tag.name);
        out.html += '>';
        gap = lt;
        p = lt;
        continue;
      }
      drops.clear();
      const Tag close = scan_tag(s, body_end + 2, options.drop_attributes, false, false, &drops);
      if (close.end == npos) break;
      emit(body_end, close, true);
      gap = close.end;
      p = find_char(s, close.end, '<');
      continue;
    }
    if (!foreign && name_is(tag.name, "plaintext")) break;  // the rest is text
    const bool enters_foreign = !foreign && (name_is(tag.name, "svg") || name_is(tag.name, "math"));
    // <link> is void and moves nothing: one no stage reads goes whole.
    const bool unread_link =
        options.drop_attributes && !tag.read_link && !foreign && !open.in_table_text() &&
        name_is(tag.name, "link");
    const bool keep =
        !unread_link && open.start(tag.name, tag.self_closing, foreign, enters_foreign);
    emit(p, tag, keep);
    if (keep && enters_foreign && !tag.self_closing && options.drop_foreign &&
        name_is(tag.name, "svg")) {
      copy_to(tag.end);
      svg.begin();
    }
    p = find_char(s, tag.end, '<');
  }
  copy_to(s.size());
  replace_huge_char_refs(&out.html);
  return out;
}

}  // namespace extractor
