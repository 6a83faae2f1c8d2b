// Choosing the article region and pruning inside it.
//
// Every block gets a logit of being article text from its own features
// (length, sentence punctuation, link density, boilerplate phrases) and from
// the boilerplate words of the elements around it. The region is the element
// whose blocks sum the most evidence, weighted by text length: a container
// that adds a menu or a sidebar to the article adds negative evidence and
// loses to the article's own container.
//
#include "score.h"

#include <algorithm>
#include <cmath>

#include "features.h"
#include "patterns.h"

namespace extractor {
namespace {

// How much evidence against a block counts, relative to evidence for it,
// when regions are compared (0.3: best on every development set between
// 0.15 and 1.0; see the comment at its use).
constexpr double kAgainst = 0.3;

float sigmoid(float x) { return 1.0f / (1.0f + std::exp(-x)); }

// Evidence from the block alone.
float text_logit(const TextBlock& b) {
  if (b.kind == BlockKind::kImage) return 0.0f;
  const int len = effective_length(b);
  float x = -0.3f;
  if (b.kind == BlockKind::kHeading) {
    // Headings are short by nature: no length penalty; inside an article
    // they are structure, kept by the region threshold.
  } else if (len < 10) {
    x -= 1.0f;
  } else if (len < 25) {
    x -= 0.5f;
  } else if (len >= 80) {
    x += 0.8f;
    if (len >= 150) x += 0.7f;
    if (len >= 300) x += 0.5f;
  }
  if (b.sentence_ends >= 1) x += 0.4f;
  if (b.sentence_ends >= 3) x += 0.4f;
  if (b.commas >= 1) x += 0.2f;
  if (b.commas >= 3) x += 0.2f;
  // Link density: menus and related lists are mostly link text; article
  // paragraphs with links stay well under a half.
  const float density = b.chars > 0 ? static_cast<float>(b.link_chars) / b.chars : 0.0f;
  x -= 3.0f * density;
  if (density > 0.6f) x -= 1.0f;
  switch (b.kind) {
    case BlockKind::kListItem:
      x -= 0.2f;
      break;
    default:
      break;
  }
  constexpr std::uint32_t kStrongText =
      kTextReadAlso | kTextSubscribe | kTextDonate | kTextCookie | kTextShare | kTextAd |
      kTextReadingTime | kTextAudio | kTextCopyright | kTextLogin | kTextComments |
      kTextPrevNext | kTextFormHint | kTextMoreLink | kTextTags;
  if (b.text_cues & kStrongText) x -= 2.5f;
  if (b.text_cues & kTextCredit) x -= 1.5f;
  if (b.text_cues & kTextByline) x -= 1.0f;
  return x;
}

// Evidence from the boilerplate words of the elements around a block.
float cue_logit(std::uint32_t cues) {
  float x = 0.0f;
  constexpr std::uint32_t kStrong = kCueNav | kCueBreadcrumb | kCueNewsletter | kCueDonate |
                                    kCueConsent | kCueShare | kCueAd | kCueModal | kCueLogin |
                                    kCueRelated | kCueFeed | kCueComment;
  constexpr std::uint32_t kMedium = kCueFooter | kCueHeader | kCueSidebar | kCueTags |
                                    kCueTools | kCueAudio | kCueForm | kCueAuthorBio;
  if (cues & kStrong) x -= 3.0f;
  if (cues & kMedium) x -= 2.0f;
  if (cues & kCueByline) x -= 1.0f;
  if (cues & kCueCaption) x -= 1.0f;
  if (cues & (kCueArticle | kCueMain | kCueLead)) x += 0.5f;
  return x;
}

const char* cue_reason(std::uint32_t cues) {
  struct Name {
    std::uint32_t bit;
    const char* name;
  };
  static constexpr Name kNames[] = {
      {kCueConsent, "consent"},   {kCueNewsletter, "newsletter"}, {kCueDonate, "donate"},
      {kCueShare, "share"},       {kCueAd, "ad"},                 {kCueRelated, "related"},
      {kCueFeed, "feed"},         {kCueComment, "comment"},       {kCueBreadcrumb, "breadcrumb"},
      {kCueNav, "nav"},           {kCueModal, "modal"},           {kCueLogin, "login"},
      {kCueFooter, "footer"},     {kCueHeader, "header"},         {kCueSidebar, "sidebar"},
      {kCueTags, "tags"},         {kCueTools, "tools"},           {kCueAudio, "audio"},
      {kCueForm, "form"},         {kCueAuthorBio, "author-bio"},  {kCueByline, "byline"},
      {kCueCaption, "caption"},
  };
  for (const Name& n : kNames)
    if (cues & n.bit) return n.name;
  return nullptr;
}

const char* text_reason(const TextBlock& b) {
  struct Name {
    std::uint32_t bit;
    const char* name;
  };
  static constexpr Name kNames[] = {
      {kTextReadAlso, "read-also"},     {kTextSubscribe, "newsletter"},
      {kTextDonate, "donate"},          {kTextCookie, "consent"},
      {kTextShare, "share"},            {kTextAd, "ad"},
      {kTextReadingTime, "reading-time"}, {kTextAudio, "audio"},
      {kTextCopyright, "copyright"},    {kTextLogin, "login"},
      {kTextComments, "comment"},       {kTextPrevNext, "prev-next"},
      {kTextFormHint, "form"},          {kTextMoreLink, "more-link"},
      {kTextTags, "tags"},              {kTextCredit, "credit"},
      {kTextByline, "byline"},
  };
  for (const Name& n : kNames)
    if (b.text_cues & n.bit) return n.name;
  const float density = b.chars > 0 ? static_cast<float>(b.link_chars) / b.chars : 0.0f;
  if (density > 0.5f) return "link-density";
  return "weak";
}

// How much a block's text weighs in the region sums: sub-linear, so that a
// dozen article paragraphs outweigh one long legal notice or cookie text.
double weight(const TextBlock& b) {
  return std::pow(static_cast<double>(effective_length(b)), 0.8);
}

// Sums of per-block values over each element's blocks, via prefix sums (the
// blocks of an element are a contiguous range).
std::vector<double> element_sums(const Segments& seg, const std::vector<double>& value) {
  std::vector<double> prefix(value.size() + 1, 0.0);
  for (std::size_t i = 0; i < value.size(); ++i) prefix[i + 1] = prefix[i] + value[i];
  std::vector<double> sums(seg.elements.size(), 0.0);
  for (std::size_t e = 0; e < seg.elements.size(); ++e) {
    const Element& el = seg.elements[e];
    if (el.end_block > el.first_block)
      sums[e] = prefix[static_cast<std::size_t>(el.end_block)] -
                prefix[static_cast<std::size_t>(el.first_block)];
  }
  return sums;
}

bool contains(const Element& outer, int block) {
  return block >= outer.first_block && block < outer.end_block;
}

}  // namespace

Scores score(const Segments& seg, const Options& options) {
  Scores s;
  const std::size_t n = seg.blocks.size();
  s.content.assign(n, 0.0f);
  s.labels.assign(n, Label::kBoilerplate);
  s.reasons.assign(n, "outside");
  if (n == 0 || seg.elements.empty()) return s;

  // Text evidence alone, and the mass of content-like text per element.
  std::vector<float> base(n), p(n);
  std::vector<double> good(n);
  for (std::size_t i = 0; i < n; ++i) {
    base[i] = text_logit(seg.blocks[i]);
    good[i] = std::max(0.0, weight(seg.blocks[i]) * (sigmoid(base[i]) - 0.5));
  }
  const std::vector<double> mass = element_sums(seg, good);
  const double total = mass[0];

  // An element that holds most of the page's content-like text is not
  // boilerplate, whatever its class says: themes name the article's wrapper
  // "content-sidebar-wrap" or "js-social-anchor", sites wrap whole pages in a
  // <form>. Comment threads are the exception: a long thread under a short
  // post is still comments, unless it is nearly all the page holds; and a
  // cookie notice never wraps an article, however long it is. The
  // classes of <body> and <html> describe the page type ("single-post
  // has-comments sidebar-right"), not a region, and are not read at all.
  std::vector<std::uint32_t> effective(seg.elements.size());
  for (std::size_t e = 0; e < seg.elements.size(); ++e) {
    const Element& el = seg.elements[e];
    const std::uint32_t cues = el.cues;
    if (el.tag == GUMBO_TAG_BODY || el.tag == GUMBO_TAG_HTML) {
      effective[e] = 0;
    } else if (mass[e] > 0.85 * total) {
      effective[e] = cues & kCueConsent;
    } else if (mass[e] > 0.5 * total) {
      effective[e] = cues & (kCueComment | kCueConsent);
    } else {
      effective[e] = cues;
    }
  }

  std::vector<std::uint32_t> local_cues(n, 0);
  std::vector<double> value(n);
  for (std::size_t i = 0; i < n; ++i) {
    std::uint32_t cues = 0;
    for (int e = seg.blocks[i].element; e >= 0; e = seg.elements[static_cast<std::size_t>(e)].parent)
      cues |= effective[static_cast<std::size_t>(e)];
    local_cues[i] = cues;
    p[i] = sigmoid(base[i] + cue_logit(cues));
    // Evidence against counts for less than evidence for: what reads as
    // boilerplate inside the region is pruned anyway, while article text
    // left outside it is lost. So a container holding the article with a
    // reference list or a table of contents inside still beats any single
    // paragraph of it.
    const double v = static_cast<double>(p[i]) - 0.5;
    value[i] = weight(seg.blocks[i]) * (v >= 0 ? v : kAgainst * v);
  }
  const std::vector<double> sums = element_sums(seg, value);
  // Strictly greater: on a tie the outer element (seen first) stays.
  s.region = 0;
  for (std::size_t e = 1; e < sums.size(); ++e)
    if (sums[e] > sums[static_cast<std::size_t>(s.region)]) s.region = static_cast<int>(e);
  const Element& region = seg.elements[static_cast<std::size_t>(s.region)];

  // Inside the region, keep what is not evidently boilerplate.
  float threshold = 0.3f;
  if (options.focus == Focus::kPrecision) threshold = 0.45f;
  if (options.focus == Focus::kRecall) threshold = 0.15f;

  for (std::size_t i = 0; i < n; ++i) {
    s.content[i] = p[i];
    const int bi = static_cast<int>(i);
    if (!contains(region, bi)) continue;
    const TextBlock& b = seg.blocks[i];
    if (local_cues[i] & kCueComment) {
      s.labels[i] = options.include_comments ? Label::kComment : Label::kBoilerplate;
      s.reasons[i] = "comment";
      continue;
    }
    if (p[i] >= threshold || (b.kind == BlockKind::kImage && !(local_cues[i] & kBoilerplateCues))) {
      s.labels[i] = Label::kContent;
      s.reasons[i] = "region";
    } else {
      const char* why = cue_reason(local_cues[i]);
      s.reasons[i] = why != nullptr ? why : text_reason(b);
    }
  }
  // The article often does not sit in one container: its lead in a "dek"
  // box before the body's container, its body split in two by an ad slot.
  // Prose just before and after the region joins it. The walk steps over
  // media and over one weak block (a subheading) when prose follows, and
  // stops at the first block that reads as boilerplate.
  constexpr std::uint32_t kStopCues = kBoilerplateCues & ~(kCueByline | kCueCaption);
  auto prose = [&](int i) {
    const auto u = static_cast<std::size_t>(i);
    const TextBlock& b = seg.blocks[u];
    return b.kind != BlockKind::kImage && b.kind != BlockKind::kCaption && p[u] >= 0.7f &&
           !(local_cues[u] & kStopCues) && b.sentence_ends > 0;
  };
  auto media = [&](int i) {
    const BlockKind k = seg.blocks[static_cast<std::size_t>(i)].kind;
    return k == BlockKind::kImage || k == BlockKind::kCaption;
  };
  auto extend = [&](int from, int step) {
    const int limit = static_cast<int>(n);
    for (int i = from; i >= 0 && i < limit; i += step) {
      const auto u = static_cast<std::size_t>(i);
      if (media(i)) continue;
      if (prose(i)) {
        s.labels[u] = Label::kContent;
        s.reasons[u] = "continues";
        continue;
      }
      const int next = i + step;
      const bool weak_ok = p[u] >= threshold && !(local_cues[u] & kStopCues) &&
                           seg.blocks[u].text_cues == 0;
      if (weak_ok && next >= 0 && next < limit && prose(next)) {
        s.labels[u] = Label::kContent;
        s.reasons[u] = "continues";
        continue;
      }
      break;
    }
  };
  extend(region.first_block - 1, -1);
  extend(region.end_block, +1);

  // Comment threads, wherever they are: with include_comments, the
  // comments' own text (not the reply form, not the "12 comments" links).
  if (options.include_comments) {
    for (std::size_t i = 0; i < n; ++i) {
      const TextBlock& b = seg.blocks[i];
      if (!(local_cues[i] & kCueComment) || s.labels[i] == Label::kContent) continue;
      if (b.kind == BlockKind::kImage || b.kind == BlockKind::kCaption) continue;
      if (sigmoid(base[i]) >= 0.5f && !(local_cues[i] & (kCueForm | kCueNewsletter))) {
        s.labels[i] = Label::kComment;
        s.reasons[i] = "comment";
      }
    }
  }

  // Nothing passed: a page of a few short lines ("Test"), or an article
  // made only of short items. Keep the region's blocks that nothing marks
  // as boilerplate rather than return nothing.
  if (std::find(s.labels.begin(), s.labels.end(), Label::kContent) == s.labels.end()) {
    for (int i = region.first_block; i < region.end_block; ++i) {
      const auto u = static_cast<std::size_t>(i);
      const TextBlock& b = seg.blocks[u];
      if (s.labels[u] == Label::kBoilerplate && !(local_cues[u] & kBoilerplateCues) &&
          !(b.text_cues & ~kTextByline) && b.link_chars * 2 <= b.chars) {
        s.labels[u] = Label::kContent;
        s.reasons[u] = "fallback";
      }
    }
  }
  return s;
}

}  // namespace extractor
