// A tokenizer-lite: just enough of the HTML5 tokenizer to know, at every '<',
// whether a tag starts there, and where raw-text elements end.
#include "prescan.h"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <string>
#include <unordered_map>
#include <vector>

#include "chars.h"
#include "prescan_model.h"

namespace extractor {
namespace {

using prescan_model::breaks_out_of_foreign;
using prescan_model::ForeignDrop;
using prescan_model::is_formatting_but_a;
using prescan_model::OpenElements;

constexpr std::size_t npos = std::string_view::npos;

inline bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r';
}
// What may follow a tag name: white space, '/', '>'.
inline bool ends_name(char c) { return is_space(c) || c == '/' || c == '>'; }

std::size_t find_char(std::string_view s, std::size_t from, char c) {
  if (from >= s.size()) return npos;
  const void* p = std::memchr(s.data() + from, c, s.size() - from);
  return p ? static_cast<std::size_t>(static_cast<const char*>(p) - s.data()) : npos;
}

// "</name" followed by a name terminator at s[pos].
bool is_end_tag_of(std::string_view s, std::size_t pos, std::string_view name) {
  return pos + 2 + name.size() < s.size() && s[pos + 1] == '/' &&
         starts_with_ascii_ci(s, pos + 2, name) && ends_name(s[pos + 2 + name.size()]);
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
      if (state == kEscaped && lt + 7 < s.size() && starts_with_ascii_ci(s, lt + 1, "script") &&
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
  return name.size() <= 16 && is_one_of_lower_ascii(name, kKept);
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
  return name.size() <= 11 && is_one_of_lower_ascii(name, kLayout);
}

// A style attribute matters only when it may hide its element
// (display:none, visibility:hidden).
bool may_hide(std::string_view style) {
  for (std::size_t i = 0; i + 4 <= style.size(); ++i) {
    const char c = lower_ascii(style[i]);
    if ((c == 'n' && starts_with_ascii_ci(style, i, "none")) ||
        (c == 'h' && starts_with_ascii_ci(style, i, "hidden")))
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
    if (starts_with_ascii_ci(s, i, lower_word)) return true;
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
  const bool script = filter && equals_lower_ascii(t.name, "script");
  const bool link = equals_lower_ascii(t.name, "link");
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
    if (equals_lower_ascii(attr, "media")) t.media = value;
    if (equals_lower_ascii(attr, "type")) {
      t.type = value;
      while (!value.empty() && is_space(value.front())) value.remove_prefix(1);
      t.is_json_ld = starts_with_ascii_ci(value, 0, "application/ld+json");
      while (!value.empty() && is_space(value.back())) value.remove_suffix(1);
      t.is_template = (value.size() == 13 && starts_with_ascii_ci(value, 0, "text/template")) ||
                      (value.size() == 9 && starts_with_ascii_ci(value, 0, "text/html"));
    }
    if (equals_lower_ascii(attr, "color") || equals_lower_ascii(attr, "face") || equals_lower_ascii(attr, "size"))
      t.font_breaks = true;
    if (link && ((equals_lower_ascii(attr, "rel") &&
                  (contains_ci(value, "canonical") || contains_ci(value, "image_src"))) ||
                 equals_lower_ascii(attr, "itemprop")))
      t.read_link = true;
    const bool kept =
        !filter || (script ? equals_lower_ascii(attr, "type")
                           : kept_attribute(attr) && (!equals_lower_ascii(attr, "style") || may_hide(value)));
    const bool for_layout = !kept && layout && !script &&
                            (equals_lower_ascii(attr, "style") || layout_attribute(attr));
    if (for_layout ? ++layout_attributes > kMaxAttributes
                   : (!kept || ++attributes > kMaxAttributes)) {
      if (!drops->empty() && drops->back().end == name_begin && !drops->back().stash) {
        drops->back().end = p;
      } else {
        drops->push_back(Span{name_begin, p});
      }
    } else if (filter && value.size() > 5 && starts_with_ascii_ci(value, 0, "data:") &&
               (equals_lower_ascii(attr, "src") || starts_with_ascii_ci(attr, 0, "data-"))) {
      // An inline image's bytes ("data:image/gif;base64,...", placeholders
      // of lazy images): the stages only see that it is one.
      const std::size_t v = static_cast<std::size_t>(value.data() - s.data());
      drops->push_back(Span{v + 5, v + value.size()});
    } else if (stash && quoted && value.size() >= kMinStashedValue &&
               !equals_lower_ascii(attr, "type") && !equals_lower_ascii(attr, "encoding")) {
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


// Elements whose content the tokenizer reads as text up to their end tag.
bool is_raw_text(std::string_view name) {
  static constexpr std::string_view kRaw[] = {"script", "style", "title", "textarea",
                                              "xmp", "iframe", "noembed", "noframes"};
  return is_one_of_lower_ascii(name, kRaw);
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
    auto is_digit = [hex](char c) { return hex ? hex_digit_value(c) >= 0 : is_ascii_digit(c); };
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

// Runs shorter than this stay: a placeholder is nine bytes.
constexpr std::size_t kMinStashedRun = 12;

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
    std::size_t next = i;
    const std::int32_t cp = decode_utf8(run, &next);
    if (cp < 0) {  // not expected after decode(); left to the parser
      text_.resize(before);
      return false;
    }
    if (forbidden(static_cast<std::uint32_t>(cp))) {
      text_ += "\xEF\xBF\xBD";
    } else {
      text_.append(run, i, next - i);
    }
    i = next;
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
      const int v = hex_digit_value(text[p + kMarker.size() + d]);
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

namespace {

// One pass over a page (see prescan()): the constructs are read one by one
// from each '<'; what is kept is copied to the output as the scan goes.
class Scanner {
 public:
  Scanner(std::string_view s, const PrescanOptions& options)
      : s_(s),
        options_(options),
        open_(options.max_depth),
        // Placeholders would be ambiguous on a page holding U+E000 itself.
        stash_(options.stash_text && s.find(TextStash::kMarker) == npos) {
    out_.html.reserve(s.size());
  }

  Prescanned run() {
    p_ = find_char(s_, 0, '<');
    while (p_ != npos && p_ + 1 < s_.size() && step()) {
    }
    copy_to(s_.size());
    replace_huge_char_refs(&out_.html);
    return std::move(out_);
  }

 private:
  // The construct at the '<' at p_; false when the rest of the page is left
  // as it is (a comment, a tag or a raw-text element running to its end).
  bool step() {
    const char c = s_[p_ + 1];
    const bool end_tag = c == '/';
    const std::size_t name_pos = p_ + (end_tag ? 2 : 1);
    if (c != '!' && c != '?' && (name_pos >= s_.size() || !is_ascii_alpha(s_[name_pos]))) {
      // '<' as text, or "</>": the text goes on to the next construct, and
      // is handled once, there.
      p_ = find_char(s_, p_ + 1, '<');
      return true;
    }
    text_before(p_);
    if (c == '!' || c == '?') return declaration(c);
    drops_.clear();
    const Tag tag =
        scan_tag(s_, name_pos, options_.drop_attributes, stash_, options_.keep_layout, &drops_);
    if (tag.end == npos) return false;  // an unterminated tag is dropped at EOF
    gap_ = tag.end;
    if (svg_.active() && dropped_in_svg(tag, end_tag)) return true;
    if (end_tag) {
      // (The model first: a </title> in SVG closes its <title>.)
      const bool known = open_.end(tag.name);
      emit(p_, tag, known || is_raw_text(tag.name));
      p_ = find_char(s_, tag.end, '<');
      return true;
    }
    return start_tag(tag);
  }

  void copy_to(std::size_t upto) {
    if (upto > copied_) out_.html.append(s_.data() + copied_, upto - copied_);
    copied_ = upto;
  }

  // Cuts s[from, to) out of the copy.
  void skip(std::size_t from, std::size_t to) {
    copy_to(from);
    if (to > copied_) copied_ = to;
  }

  // The text s[b, e), which starts and ends with a character that is not
  // white space, into the stash: its runs between character references (a
  // reference and the rest of its word stay: the tokenizer reads them). A
  // '<' that opened no tag, or a NUL, keeps the whole text as it is: "</ x"
  // opens a comment that ends at the next '>', and NUL is read apart.
  void stash_runs(std::size_t b, std::size_t e) {
    if (e - b < kMinStashedRun) return;
    const std::string_view text = s_.substr(b, e - b);
    if (text.find('<') != npos || text.find('\0') != npos) return;
    std::size_t p = b;
    while (p < e) {
      std::size_t amp = find_char(s_.substr(0, e), p, '&');  // not past the text
      if (amp == npos) amp = e;
      std::size_t rb = p, re = amp;
      while (rb < re && is_space(s_[rb])) ++rb;
      while (re > rb && is_space(s_[re - 1])) --re;
      if (re - rb >= kMinStashedRun) {
        copy_to(rb);
        if (out_.stash.add(s_.substr(rb, re - rb), &out_.html)) copied_ = re;
      }
      p = amp;
      while (p < e && !is_space(s_[p])) ++p;
    }
  }

  // s[b, e) is white space: one character in the copy (a newline if it
  // holds one), when the edges of text are collapsed.
  void collapse(std::size_t b, std::size_t e, bool collapse_edges) {
    if (!collapse_edges || e - b < 2) return;
    const bool newline = std::memchr(s_.data() + b, '\n', e - b) != nullptr;
    copy_to(b);
    out_.html += newline ? '\n' : ' ';
    copied_ = e;
  }

  // The text between the last construct and the '<' at `at`: dropped inside
  // <svg>; else white-space runs at its edges become one character (not in
  // <pre>), and long runs of characters go to the stash.
  void text_before(std::size_t at) {
    if (svg_.active()) {
      skip(gap_, at);
      return;
    }
    const bool collapse_edges = options_.collapse_space && !open_.preformatted();
    if (at - gap_ < 2 || (!collapse_edges && !stash_)) return;
    std::size_t lead = gap_;
    while (lead < at && is_space(s_[lead])) ++lead;
    if (lead == at) {
      collapse(gap_, at, collapse_edges);
      return;
    }
    std::size_t trail = at;
    while (trail > lead && is_space(s_[trail - 1])) --trail;
    collapse(gap_, lead, collapse_edges);
    if (stash_) stash_runs(lead, trail);
    collapse(trail, at, collapse_edges);
  }

  // Writes the end tags the model closed implicitly before the tag at s[at],
  // then the tag: dropped when `keep` is false, else without the attribute
  // spans in drops_ (the rest is copied later with the text).
  void emit(std::size_t at, const Tag& tag, bool keep) {
    std::string& injected = open_.injected();
    if (injected.empty() && keep && drops_.empty()) return;
    copy_to(at);
    out_.html += injected;
    injected.clear();
    if (!keep) {
      copied_ = tag.end;
      return;
    }
    for (const Span& d : drops_) {
      if (!d.stash) {
        skip(d.begin, d.end);
      } else {
        copy_to(d.begin);
        if (out_.stash.add(s_.substr(d.begin, d.end - d.begin), &out_.html)) copied_ = d.end;
      }
    }
  }

  // "<!", "<?": a comment, the doctype, CDATA, a bogus comment.
  bool declaration(char c) {
    const std::size_t p = p_;
    if (s_.compare(p, 9, "<![CDATA[") == 0 && open_.current_is_foreign()) {
      // CDATA in SVG/MathML is text, and written as text here: Gumbo 0.10
      // aborts (a failed assertion in handle_in_table) on CDATA inside an
      // integration point inside a table ("<table><svg><desc>
      // <![CDATA[c]]>x"). Unterminated, it runs to the end of the page.
      // Gumbo never sees "<![CDATA[": in HTML it is a bogus comment, and
      // dropped below whatever the levers say.
      const std::size_t close = s_.find("]]>", p + 9);
      const std::size_t body_end = close == npos ? s_.size() : close;
      const std::size_t after = close == npos ? s_.size() : close + 3;
      copy_to(p);
      if (!svg_.active()) append_as_text(s_.substr(p + 9, body_end - p - 9), &out_.html);
      copied_ = after;
      gap_ = after;
      p_ = find_char(s_, after, '<');
      return true;
    }
    std::size_t end;
    bool keep = false;  // the doctype
    if (c == '?') {  // a bogus comment
      end = find_char(s_, p + 2, '>');
    } else if (s_.compare(p, 4, "<!--") == 0) {
      if (p + 4 < s_.size() && s_[p + 4] == '>') {
        end = p + 4;
      } else if (s_.compare(p + 4, 2, "->") == 0) {
        end = p + 5;
      } else {
        end = s_.find("-->", p + 4);
        if (end != npos) end += 2;
      }
    } else {
      end = find_char(s_, p + 2, '>');
      keep = starts_with_ascii_ci(s_, p + 2, "doctype");
    }
    if (end == npos) return false;  // runs to EOF: the rest is a comment
    ++end;
    const bool cdata = s_.compare(p, 9, "<![CDATA[") == 0;
    if (svg_.active() || cdata || (options_.drop_comments && !keep && !open_.in_table_text()))
      skip(p, end);
    gap_ = end;
    p_ = find_char(s_, end, '<');
    return true;
  }

  // A tag inside <svg> content being dropped: true when it is dropped too;
  // else the dropping has stopped, and the dropped elements still open are
  // written back as bare start tags, so that what follows nests as it would
  // have.
  bool dropped_in_svg(const Tag& tag, bool end_tag) {
    const bool dropped = end_tag ? svg_.end(tag.name) == ForeignDrop::End::kDropped
                                 : svg_.start(tag.name, tag.self_closing);
    if (dropped) {
      skip(p_, tag.end);
      p_ = find_char(s_, tag.end, '<');
      return true;
    }
    copy_to(p_);
    for (std::string_view name : svg_.still_open()) {
      if (!open_.start(name, false, true, false)) continue;
      out_.html += '<';
      out_.html += name;
      out_.html += '>';
    }
    return false;
  }

  // A start tag: in SVG/MathML content (the model's current node says), or
  // in HTML.
  bool start_tag(const Tag& tag) {
    bool foreign = open_.in_foreign_content();
    if (foreign && (breaks_out_of_foreign(tag.name) ||
                    (tag.font_breaks && equals_lower_ascii(tag.name, "font")))) {
      open_.break_out_of_foreign();
      foreign = open_.in_foreign_content();
    }
    if (!foreign && is_raw_text(tag.name)) return raw_text(tag);
    if (!foreign && equals_lower_ascii(tag.name, "plaintext")) return false;  // the rest is text
    const bool enters_foreign =
        !foreign && (equals_lower_ascii(tag.name, "svg") || equals_lower_ascii(tag.name, "math"));
    // <link> is void and moves nothing: one no stage reads goes whole.
    const bool unread_link = options_.drop_attributes && !tag.read_link && !foreign &&
                             !open_.in_table_text() && equals_lower_ascii(tag.name, "link");
    const bool keep =
        !unread_link && open_.start(tag.name, tag.self_closing, foreign, enters_foreign);
    emit(p_, tag, keep);
    if (keep && enters_foreign && !tag.self_closing && options_.drop_foreign &&
        equals_lower_ascii(tag.name, "svg")) {
      copy_to(tag.end);
      svg_.begin();
    }
    p_ = find_char(s_, tag.end, '<');
    return true;
  }

  // A raw-text element: it holds no elements, so it does not count towards
  // the depth; script and style bodies are dropped, the others kept.
  bool raw_text(const Tag& tag) {
    const bool script = equals_lower_ascii(tag.name, "script");
    if (script && tag.is_template) {
      out_.has_templates = true;
      if (options_.unwrap_templates) {
        // The start tag becomes a <div>; the body is read as markup, and
        // its </script>, an end tag nothing matches, is ignored.
        const bool kept = open_.start("div", false, false, false);
        emit(p_, tag, false);
        if (kept) out_.html += "<div>";
        gap_ = tag.end;
        p_ = find_char(s_, tag.end, '<');
        return true;
      }
    }
    const bool drop = script || equals_lower_ascii(tag.name, "style");
    const std::size_t body_end = script ? find_script_end(s_, tag.end)
                                        : find_end_tag(s_, tag.end, lower_ascii(tag.name));
    const std::size_t stop = body_end == npos ? s_.size() : body_end;
    if (script && tag.is_json_ld && shallow_json(s_.substr(tag.end, stop - tag.end)))
      out_.json_ld.emplace_back(s_.substr(tag.end, stop - tag.end));
    // A style sheet a browser applies: no type, or text/css.
    if (options_.keep_layout && !script && drop && !svg_.active() &&
        (tag.type.empty() || equals_lower_ascii(tag.type, "text/css")))
      out_.styles.push_back(
          {std::string(tag.media), std::string(s_.substr(tag.end, stop - tag.end))});
    emit(p_, tag, true);
    if (drop) {
      copy_to(tag.end);  // keep the start tag; the end tag is copied next
      copied_ = stop;
    }
    if (body_end == npos) {
      // An unclosed <title> or <textarea> would swallow the whole rest of
      // the page. Browsers show a blank page then; the pages we see are
      // mostly a truncated title followed by the real page, so the element
      // is closed before the next tag instead.
      if (drop) return false;
      const std::size_t lt = find_char(s_, tag.end, '<');
      if (lt == npos) return false;
      copy_to(lt);
      out_.html += "</";
      out_.html += lower_ascii(tag.name);
      out_.html += '>';
      gap_ = lt;
      p_ = lt;
      return true;
    }
    drops_.clear();
    const Tag close = scan_tag(s_, body_end + 2, options_.drop_attributes, false, false, &drops_);
    if (close.end == npos) return false;
    emit(body_end, close, true);
    gap_ = close.end;
    p_ = find_char(s_, close.end, '<');
    return true;
  }

  const std::string_view s_;
  const PrescanOptions& options_;
  Prescanned out_;
  std::size_t p_ = npos;     // the '<' being read
  std::size_t copied_ = 0;   // s[copied_, p_) is still to be copied
  std::size_t gap_ = 0;      // where the text before the next '<' starts
  OpenElements open_;
  ForeignDrop svg_;
  std::vector<Span> drops_;  // of the current tag's attributes
  const bool stash_;
};

}  // namespace

Prescanned prescan(std::string_view s, const PrescanOptions& options) {
  return Scanner(s, options).run();
}

}  // namespace extractor
