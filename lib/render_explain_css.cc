// The explain view's scrubber for the page's CSS (scrub_css(), declared in
// render_explain.h): what keeps the page's style sheets and style
// attributes from loading or running anything, or closing the <style>
// they stand in (see render_explain.cc for the whole list of what keeps
// the view inert).
#include <algorithm>
#include <string>
#include <string_view>

#include "chars.h"
#include "render_explain.h"

namespace extractor {
namespace {

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

}  // namespace extractor
