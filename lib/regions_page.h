// What the readings of lib/regions.cc (forum, listing, documentation,
// service) and lib/regions_product.cc share: the page's blocks weighed
// once (Page), the keys of an element's tag and class, the text a post or
// an item never carries. Internal to the library.
#ifndef EXTRACTOR_LIB_REGIONS_PAGE_H_
#define EXTRACTOR_LIB_REGIONS_PAGE_H_

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <string_view>
#include <vector>

#include "block_features.h"
#include "dom.h"
#include "patterns.h"
#include "score.h"
#include "segment.h"

namespace extractor {
namespace regions_page {

inline float sigmoid(float x) { return 1.0f / (1.0f + std::exp(-x)); }

// Text and cues a post's text never carries: share bars, log-in prompts,
// "Read also". A post's author line and date stay: a thread is read with
// them (wcxb's and htmltotext's truths keep them).
constexpr std::uint32_t kNotPostText = kTextReadAlso | kTextSubscribe | kTextDonate |
                                       kTextCookie | kTextShare | kTextAd | kTextLogin |
                                       kTextPrevNext | kTextFormHint | kTextCredit;

inline std::uint64_t mix(std::uint64_t h, std::uint64_t v) { return (h ^ v) * 0x100000001B3ULL; }

// The element's tag and first class (digits left out), hashed.
inline std::uint64_t step_key(const Element& el) {
  std::uint64_t h = mix(0xCBF29CE484222325ULL, static_cast<std::uint64_t>(el.tag));
  std::string_view cls = attribute(el.node, "class");
  while (!cls.empty() && cls.front() == ' ') cls.remove_prefix(1);
  for (unsigned char c : cls) {
    if (c == ' ' || c == '\t' || c == '\n') break;
    if (c >= '0' && c <= '9') continue;
    h = mix(h, c);
  }
  return h;
}

struct Page {
  const Segments& seg;
  std::vector<double> good;  // per block: content-like mass, cues not read
  std::vector<double> good_prefix;
  std::vector<int> chars_prefix, links_prefix;
  explicit Page(const Segments& s) : seg(s) {
    const std::size_t n = s.blocks.size();
    good.resize(n);
    good_prefix.assign(n + 1, 0.0);
    chars_prefix.assign(n + 1, 0);
    links_prefix.assign(n + 1, 0);
    for (std::size_t i = 0; i < n; ++i) {
      const TextBlock& b = s.blocks[i];
      const double w = std::pow(static_cast<double>(effective_length(b)), 0.8);
      good[i] = b.kind == BlockKind::kImage ? 0.0 : std::max(0.0, w * (sigmoid(text_logit(b)) - 0.5));
      good_prefix[i + 1] = good_prefix[i] + good[i];
      chars_prefix[i + 1] = chars_prefix[i] + b.chars;
      links_prefix[i + 1] = links_prefix[i] + b.link_chars;
    }
  }
  const Element& el(int e) const { return seg.elements[static_cast<std::size_t>(e)]; }
  double mass(int e) const {
    const Element& x = el(e);
    return good_prefix[static_cast<std::size_t>(x.end_block)] -
           good_prefix[static_cast<std::size_t>(x.first_block)];
  }
  int chars(int e) const {
    const Element& x = el(e);
    return chars_prefix[static_cast<std::size_t>(x.end_block)] -
           chars_prefix[static_cast<std::size_t>(x.first_block)];
  }
  int links(int e) const {
    const Element& x = el(e);
    return links_prefix[static_cast<std::size_t>(x.end_block)] -
           links_prefix[static_cast<std::size_t>(x.first_block)];
  }
  // The cues of `e` and every element above it, but those of an element
  // holding most of the page's content-like text (as score() reads them:
  // the wrapper of a page's main column may be named anything), consent
  // notices excepted.
  std::uint32_t cues_above(int e) const {
    const double half = 0.5 * good_prefix.back();
    return cues_above_unless(e, [&](int x) { return mass(x) > half; });
  }
  // The same by characters: a listing's items are short linked texts that
  // read as little content, so the wrapper of its main column is the one
  // holding most of the page's characters.
  std::uint32_t cues_above_by_chars(int e) const {
    const int half = chars_prefix.back() / 2;
    return cues_above_unless(e, [&](int x) { return chars(x) > half; });
  }

 private:
  // The cues of `e` and its ancestors (<body> and <html> aside), but only
  // the consent cue of those `main_column` says hold the page's main column:
  // a cookie notice never wraps a page's content, however long it is.
  template <typename MainColumn>
  std::uint32_t cues_above_unless(int e, MainColumn main_column) const {
    std::uint32_t c = 0;
    for (; e >= 0; e = el(e).parent) {
      const GumboTag t = el(e).tag;
      if (t == GUMBO_TAG_BODY || t == GUMBO_TAG_HTML) continue;
      c |= main_column(e) ? el(e).cues & kCueConsent : el(e).cues;
    }
    return c;
  }
};

// The cues of the elements from `element` up to `top`, both included.
inline std::uint32_t cues_between(const Page& page, int element, int top) {
  std::uint32_t c = 0;
  for (int e = element; e >= 0; e = page.el(e).parent) {
    c |= page.el(e).cues;
    if (e == top) break;
  }
  return c;
}

}  // namespace regions_page

// A product page read as its kind (lib/regions_product.cc): its name,
// description and specifications, not its reviews, other products, the
// shop's terms or a layout's second copy of a text.
void read_product(const Segments& seg, Scores* s);

}  // namespace extractor

#endif  // EXTRACTOR_LIB_REGIONS_PAGE_H_
