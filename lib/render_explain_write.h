// What both halves of the explain view write with: render_explain_page.cc
// (the page, captured while its tree is alive) and render_explain.cc (the
// document around it). The parts' words and colours, the word for a
// decision, and numbers, scores, snippets and fragments as the view writes
// them; HTML escaping is the renderers' (render.h).
#ifndef EXTRACTOR_LIB_RENDER_EXPLAIN_WRITE_H_
#define EXTRACTOR_LIB_RENDER_EXPLAIN_WRITE_H_

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <string>
#include <string_view>

#include "chars.h"
#include "render.h"
#include "render_explain.h"

namespace extractor {

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

inline constexpr PartStyle kPartStyles[kPartCount] = {
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

inline const PartStyle& style_of(Part p) { return kPartStyles[static_cast<int>(p)]; }

inline const char* decision_word(Label label) {
  switch (label) {
    case Label::kContent: return "kept";
    case Label::kComment: return "comment";
    case Label::kBoilerplate: break;
  }
  return "dropped";
}

// A count, in decimal.
inline void append_number(std::string* out, std::size_t n) {
  char buf[24];
  char* p = buf + sizeof buf;
  do {
    *--p = static_cast<char>('0' + n % 10);
    n /= 10;
  } while (n > 0);
  out->append(p, static_cast<std::size_t>(buf + sizeof buf - p));
}

// A score in [0, 1] with two decimals ("0.93").
inline void append_score(std::string* out, float v) {
  if (!(v >= 0.0f)) v = 0.0f;  // NaN too
  const auto hundredths = static_cast<unsigned>(std::lround(std::min(v, 1.0f) * 100.0f));
  *out += static_cast<char>('0' + hundredths / 100);
  *out += '.';
  *out += static_cast<char>('0' + hundredths / 10 % 10);
  *out += static_cast<char>('0' + hundredths % 10);
}

// `s` cut to about `n` bytes at a character boundary, escaped, with "…"
// when cut (line breaks and tabs as spaces).
inline void append_snippet(std::string* out, std::string_view s, std::size_t n) {
  const std::string_view head = utf8_prefix(s, n);
  const std::size_t from = out->size();
  append_html(out, head);
  for (std::size_t k = from; k < out->size(); ++k)
    if ((*out)[k] == '\n' || (*out)[k] == '\t') (*out)[k] = ' ';
  if (head.size() < s.size()) *out += "…";
}

// An id as a URL fragment: what is not unreserved is percent-encoded
// (browsers decode the fragment before they look the id up).
inline void append_fragment(std::string* out, std::string_view id) {
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

}  // namespace extractor

#endif  // EXTRACTOR_LIB_RENDER_EXPLAIN_WRITE_H_
