// A tokenizer-lite: just enough of the HTML5 tokenizer to know, at every '<',
// whether a tag starts there, and where raw-text elements end.
#include "prescan.h"

#include <cstring>

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

struct Tag {
  std::string_view name;
  std::size_t end = npos;  // one past '>'; npos when the tag runs to EOF
  bool self_closing = false;
  bool is_json_ld = false;  // type="application/ld+json"
};

// Scans the tag whose name starts at s[pos]; stops after its '>'. Quoted
// attribute values may hold '>'.
Tag scan_tag(std::string_view s, std::size_t pos) {
  Tag t;
  std::size_t p = pos;
  while (p < s.size() && !ends_name(s[p])) ++p;
  t.name = s.substr(pos, p - pos);
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
    while (p < s.size() && is_space(s[p])) ++p;
    if (p >= s.size() || s[p] != '=') continue;
    ++p;
    while (p < s.size() && is_space(s[p])) ++p;
    if (p >= s.size()) break;
    std::string_view value;
    if (s[p] == '"' || s[p] == '\'') {
      const std::size_t close = find_char(s, p + 1, s[p]);
      if (close == npos) return t;  // unterminated: the tag eats the rest
      value = s.substr(p + 1, close - p - 1);
      p = close + 1;
    } else {
      const std::size_t vb = p;
      while (p < s.size() && !is_space(s[p]) && s[p] != '>') ++p;
      value = s.substr(vb, p - vb);
    }
    if (name_is(attr, "type")) {
      while (!value.empty() && is_space(value.front())) value.remove_prefix(1);
      t.is_json_ld = starts_with_ci(value, 0, "application/ld+json");
    }
  }
  return t;
}

// Elements that never nest (void) or whose end tag is implied by the next
// sibling or the parent's end: they do not deepen the tree, so they are not
// counted towards the depth cap.
bool is_flat(std::string_view name) {
  static constexpr std::string_view kFlat[] = {
      "area", "base", "basefont", "bgsound", "br", "col", "embed", "hr", "img",
      "input", "keygen", "link", "meta", "param", "source", "track", "wbr",
      "p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th", "tbody",
      "thead", "tfoot", "caption", "colgroup", "rb", "rt", "rp", "rtc",
      "html", "head", "body", "frame", "image"};
  for (std::string_view f : kFlat)
    if (name_is(name, f)) return true;
  return false;
}

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

}  // namespace

Prescanned prescan(std::string_view s, int max_depth) {
  Prescanned out;
  out.html.reserve(s.size());
  std::size_t copied = 0;  // s[copied, p) is still to be copied
  int depth = 0;           // counted open elements
  int foreign = 0;         // open <svg>/<math> elements
  std::size_t p = find_char(s, 0, '<');

  auto copy_to = [&](std::size_t upto) {
    if (upto > copied) out.html.append(s.data() + copied, upto - copied);
    copied = upto;
  };

  while (p != npos && p + 1 < s.size()) {
    const char c = s[p + 1];
    if (c == '!') {
      std::size_t end;
      if (s.compare(p, 4, "<!--") == 0) {
        if (p + 4 < s.size() && s[p + 4] == '>') {
          end = p + 5;
        } else if (s.compare(p + 4, 2, "->") == 0) {
          end = p + 6;
        } else {
          end = s.find("-->", p + 4);
          end = end == npos ? npos : end + 3;
        }
      } else if (foreign > 0 && s.compare(p, 9, "<![CDATA[") == 0) {
        end = s.find("]]>", p + 9);
        end = end == npos ? npos : end + 3;
      } else {
        end = find_char(s, p + 2, '>');
        end = end == npos ? npos : end + 1;
      }
      if (end == npos) break;  // runs to EOF: the rest is a comment
      p = find_char(s, end, '<');
      continue;
    }
    if (c == '?') {  // bogus comment
      const std::size_t end = find_char(s, p + 2, '>');
      if (end == npos) break;
      p = find_char(s, end + 1, '<');
      continue;
    }
    const bool end_tag = c == '/';
    const std::size_t name_pos = p + (end_tag ? 2 : 1);
    if (name_pos >= s.size() || !is_alpha(s[name_pos])) {
      p = find_char(s, p + 1, '<');  // '<' as text, or "</>"
      continue;
    }
    const Tag tag = scan_tag(s, name_pos);
    if (tag.end == npos) break;  // an unterminated tag is dropped at EOF

    if (end_tag) {
      if (name_is(tag.name, "svg") || name_is(tag.name, "math")) {
        if (foreign > 0) --foreign;
      }
      if (!is_flat(tag.name) && !is_raw_text(tag.name)) {
        if (depth > max_depth) {  // the end of a start tag we dropped
          copy_to(p);
          copied = tag.end;
        }
        if (depth > 0) --depth;
      }
      p = find_char(s, tag.end, '<');
      continue;
    }

    // A start tag.
    if (foreign > 0 && breaks_out_of_foreign(tag.name)) foreign = 0;
    if (foreign == 0 && is_raw_text(tag.name)) {
      // Raw-text elements hold no elements, so they do not count towards
      // the depth; script and style bodies are dropped, the others kept.
      const bool script = name_is(tag.name, "script");
      const bool drop = script || name_is(tag.name, "style");
      const std::size_t body_end = script ? find_script_end(s, tag.end)
                                          : find_end_tag(s, tag.end, lowered(tag.name));
      const std::size_t stop = body_end == npos ? s.size() : body_end;
      if (script && tag.is_json_ld) out.json_ld.emplace_back(s.substr(tag.end, stop - tag.end));
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
        p = lt;
        continue;
      }
      const Tag close = scan_tag(s, body_end + 2);
      if (close.end == npos) break;
      p = find_char(s, close.end, '<');
      continue;
    }
    if (foreign == 0 && name_is(tag.name, "plaintext")) break;  // the rest is text
    const bool counted = !is_flat(tag.name) && !(foreign > 0 && tag.self_closing);
    if (counted && ++depth > max_depth) {
      copy_to(p);
      copied = tag.end;
      p = find_char(s, tag.end, '<');
      continue;
    }
    if ((name_is(tag.name, "svg") || name_is(tag.name, "math")) && !tag.self_closing) ++foreign;
    p = find_char(s, tag.end, '<');
  }
  copy_to(s.size());
  return out;
}

}  // namespace extractor
