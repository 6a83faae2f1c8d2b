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

#include "block_features.h"
#include "model.h"
#include "patterns.h"

namespace extractor {
namespace {

// How much evidence against a block counts, relative to evidence for it,
// when regions are compared (0.3: best on every development set between
// 0.15 and 1.0; see the comment at its use).
constexpr double kAgainst = 0.3;

float sigmoid(float x) { return 1.0f / (1.0f + std::exp(-x)); }

// Text cues that mark a block as boilerplate on their own.
constexpr std::uint32_t kStrongText =
    kTextReadAlso | kTextSubscribe | kTextDonate | kTextCookie | kTextShare | kTextAd |
    kTextReadingTime | kTextAudio | kTextCopyright | kTextLogin | kTextComments |
    kTextPrevNext | kTextFormHint | kTextMoreLink | kTextTags;

}  // namespace

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
  if (b.text_cues & kStrongText) x -= 2.5f;
  if (b.text_cues & kTextCredit) x -= 1.5f;
  if (b.text_cues & kTextByline) x -= 1.0f;
  return x;
}

namespace {

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

// The reason a boilerplate cue gives, or kWeak when no cue is set.
Reason cue_reason(std::uint32_t cues) {
  struct Name {
    std::uint32_t bit;
    Reason reason;
  };
  static constexpr Name kNames[] = {
      {kCueConsent, Reason::kConsent},     {kCueNewsletter, Reason::kNewsletter},
      {kCueDonate, Reason::kDonate},       {kCueShare, Reason::kShare},
      {kCueAd, Reason::kAd},               {kCueRelated, Reason::kRelated},
      {kCueFeed, Reason::kFeed},           {kCueComment, Reason::kComment},
      {kCueBreadcrumb, Reason::kBreadcrumb}, {kCueNav, Reason::kNav},
      {kCueModal, Reason::kModal},         {kCueLogin, Reason::kLogin},
      {kCueFooter, Reason::kFooter},       {kCueHeader, Reason::kHeader},
      {kCueSidebar, Reason::kSidebar},     {kCueTags, Reason::kTags},
      {kCueTools, Reason::kTools},         {kCueAudio, Reason::kAudio},
      {kCueForm, Reason::kForm},           {kCueAuthorBio, Reason::kAuthorBio},
      {kCueByline, Reason::kByline},       {kCueCaption, Reason::kCaption},
  };
  for (const Name& n : kNames)
    if (cues & n.bit) return n.reason;
  return Reason::kWeak;
}

Reason text_reason(const TextBlock& b) {
  struct Name {
    std::uint32_t bit;
    Reason reason;
  };
  static constexpr Name kNames[] = {
      {kTextReadAlso, Reason::kReadAlso},       {kTextSubscribe, Reason::kNewsletter},
      {kTextDonate, Reason::kDonate},           {kTextCookie, Reason::kConsent},
      {kTextShare, Reason::kShare},             {kTextAd, Reason::kAd},
      {kTextReadingTime, Reason::kReadingTime}, {kTextAudio, Reason::kAudio},
      {kTextCopyright, Reason::kCopyright},     {kTextLogin, Reason::kLogin},
      {kTextComments, Reason::kComment},        {kTextPrevNext, Reason::kPrevNext},
      {kTextFormHint, Reason::kForm},           {kTextMoreLink, Reason::kMoreLink},
      {kTextTags, Reason::kTags},               {kTextCredit, Reason::kCredit},
      {kTextByline, Reason::kByline},
  };
  for (const Name& n : kNames)
    if (b.text_cues & n.bit) return n.reason;
  const float density = b.chars > 0 ? static_cast<float>(b.link_chars) / b.chars : 0.0f;
  if (density > 0.5f) return Reason::kLinkDensity;
  return Reason::kWeak;
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

// A list inside the region is one piece of the article: release notes,
// a list of changes with a link in each item, steps. When most of its
// items are kept, the few the scores dropped for being short or link-heavy
// go with them; an item a boilerplate cue or text marks, or the classifier
// dropped, stays out.
void keep_list_together(const Segments& seg, Scores& s,
                        const std::vector<std::uint32_t>& local_cues, ScoreTrace* trace) {
  constexpr std::uint32_t kMarked = kStrongText | kTextCredit | kTextByline;
  const Element& region = seg.elements[static_cast<std::size_t>(s.region)];
  // Kept and dropped items per list (the items' parent element).
  std::vector<int> kept(seg.elements.size(), 0), dropped(seg.elements.size(), 0);
  auto list_of = [&](std::size_t i) -> int {
    const TextBlock& b = seg.blocks[i];
    if (b.kind != BlockKind::kListItem || b.element < 0 || !contains(region, static_cast<int>(i)))
      return -1;
    return seg.elements[static_cast<std::size_t>(b.element)].parent;
  };
  for (std::size_t i = 0; i < seg.blocks.size(); ++i) {
    const int list = list_of(i);
    if (trace != nullptr) {
      trace->list[i] = list;
      trace->list_marked[i] =
          (local_cues[i] & kBoilerplateCues) || (seg.blocks[i].text_cues & kMarked);
    }
    if (list < 0) continue;
    (s.labels[i] == Label::kContent ? kept : dropped)[static_cast<std::size_t>(list)]++;
  }
  for (std::size_t i = 0; i < seg.blocks.size(); ++i) {
    const int list = list_of(i);
    if (list < 0 || s.labels[i] != Label::kBoilerplate) continue;
    const auto l = static_cast<std::size_t>(list);
    if (kept[l] < 3 || kept[l] < 2 * dropped[l]) continue;
    if ((local_cues[i] & kBoilerplateCues) || (seg.blocks[i].text_cues & kMarked)) continue;
    if (s.reasons[i] == Reason::kModelDrop) continue;  // the classifier said no
    s.labels[i] = Label::kContent;
    s.reasons[i] = Reason::kList;
  }
}

// Images and captions never reach the plain text, but Markdown and HTML show
// those of the article: its lead picture under the headline (outside the
// body's container, in the <article> around it) as much as those between
// paragraphs. Media elsewhere, or in boilerplate, is boilerplate.
void label_media(const Segments& seg, Scores& s, const std::vector<std::uint32_t>& local_cues) {
  const std::size_t n = seg.blocks.size();
  // The article's scope: the nearest <article> or <main> at most three
  // levels above the region, else the region's parent.
  const Element& region = seg.elements[static_cast<std::size_t>(s.region)];
  int scope = region.parent >= 0 ? region.parent : s.region;
  int e = s.region;
  for (int up = 0; up <= 3 && e >= 0; ++up, e = seg.elements[static_cast<std::size_t>(e)].parent) {
    const GumboTag t = seg.elements[static_cast<std::size_t>(e)].tag;
    if (t == GUMBO_TAG_ARTICLE || t == GUMBO_TAG_MAIN) {
      scope = e;
      break;
    }
  }
  const Element& outer = seg.elements[static_cast<std::size_t>(scope)];
  int first_text = -1, last_text = -1;
  for (std::size_t i = 0; i < n; ++i) {
    if (s.labels[i] != Label::kContent) continue;
    const BlockKind k = seg.blocks[i].kind;
    if (k == BlockKind::kImage || k == BlockKind::kCaption) continue;
    if (first_text < 0) first_text = static_cast<int>(i);
    last_text = static_cast<int>(i);
  }
  if (first_text < 0) return;
  constexpr std::uint32_t kNotMedia = kBoilerplateCues & ~kCueCaption;
  for (std::size_t i = 0; i < n; ++i) {
    const BlockKind k = seg.blocks[i].kind;
    if (k != BlockKind::kImage && k != BlockKind::kCaption) continue;
    const int bi = static_cast<int>(i);
    const bool in_article = contains(outer, bi) && bi <= last_text &&
                            (bi >= first_text || contains(outer, first_text));
    if (in_article && !(local_cues[i] & kNotMedia)) {
      if (s.labels[i] != Label::kContent) {
        s.labels[i] = Label::kContent;
        s.reasons[i] = Reason::kMedia;
      }
    } else if (s.labels[i] == Label::kContent) {
      s.labels[i] = Label::kBoilerplate;
      s.reasons[i] = Reason::kMediaOutside;
    }
  }
}

// What the rules know of each block once the region search has read the
// page, and what the classifier reads of it.
struct Evidence {
  std::vector<float> base;           // per block: text_logit, the text alone
  std::vector<std::uint32_t> cues;   // per block: its and its ancestors' effective cues
  std::vector<float> p;              // per block: text and cues, as a probability
  std::vector<double> mass;          // per element: its content-like text
  int region = 0;                    // the element the region search chose
};

// The mass of content-like text per element: how much text its blocks hold
// that reads as article on its own, whatever the classes around it say.
std::vector<double> content_mass(const Segments& seg, const std::vector<float>& base) {
  std::vector<double> good(base.size());
  for (std::size_t i = 0; i < base.size(); ++i)
    good[i] = std::max(0.0, weight(seg.blocks[i]) * (sigmoid(base[i]) - 0.5));
  return element_sums(seg, good);
}

// Each element's cues as the region search reads them. An element that
// holds most of the page's content-like text is not boilerplate, whatever
// its class says: themes name the article's wrapper "content-sidebar-wrap"
// or "js-social-anchor", sites wrap whole pages in a <form>. Comment threads
// are the exception: a long thread under a short post is still comments,
// unless it is nearly all the page holds; and a cookie notice never wraps
// an article, however long it is. The classes of <body> and <html> describe
// the page type ("single-post has-comments sidebar-right"), not a region,
// and are not read at all.
std::vector<std::uint32_t> effective_cues(const Segments& seg, const std::vector<double>& mass) {
  const double total = mass[0];
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
  return effective;
}

// Each block's cues: its element's effective cues OR'ed with its
// ancestors' (parents come first in document order), so a block reads its
// context in one step.
std::vector<std::uint32_t> block_cues(const Segments& seg,
                                      const std::vector<std::uint32_t>& effective) {
  std::vector<std::uint32_t> inherited(seg.elements.size());
  for (std::size_t e = 0; e < seg.elements.size(); ++e) {
    const int parent = seg.elements[e].parent;
    inherited[e] = effective[e] | (parent >= 0 ? inherited[static_cast<std::size_t>(parent)] : 0u);
  }
  std::vector<std::uint32_t> cues(seg.blocks.size());
  for (std::size_t i = 0; i < seg.blocks.size(); ++i)
    cues[i] = inherited[static_cast<std::size_t>(seg.blocks[i].element)];
  return cues;
}

// The region: the element whose blocks sum the most evidence. Evidence
// against counts for less than evidence for: what reads as boilerplate
// inside the region is pruned anyway, while article text left outside it is
// lost. So a container holding the article with a reference list or a table
// of contents inside still beats any single paragraph of it.
int choose_region(const Segments& seg, const std::vector<float>& p) {
  std::vector<double> value(p.size());
  for (std::size_t i = 0; i < p.size(); ++i) {
    const double v = static_cast<double>(p[i]) - 0.5;
    value[i] = weight(seg.blocks[i]) * (v >= 0 ? v : kAgainst * v);
  }
  const std::vector<double> sums = element_sums(seg, value);
  // Strictly greater: on a tie the outer element (seen first) stays. Only
  // elements holding blocks compete (an inline element's range is empty).
  int region = 0;
  for (std::size_t e = 1; e < sums.size(); ++e) {
    const Element& el = seg.elements[e];
    if (el.end_block > el.first_block && sums[e] > sums[static_cast<std::size_t>(region)])
      region = static_cast<int>(e);
  }
  // No element holds more evidence for than against (a page of a few short
  // lines): the least bad single element is no article region; the whole
  // page is, and what nothing marks as boilerplate is kept below.
  if (sums[static_cast<std::size_t>(region)] <= 0.0) region = 0;
  return region;
}

// Every block's evidence, and the region it points to.
Evidence gather_evidence(const Segments& seg) {
  const std::size_t n = seg.blocks.size();
  Evidence ev;
  ev.base.resize(n);
  for (std::size_t i = 0; i < n; ++i) ev.base[i] = text_logit(seg.blocks[i]);
  ev.mass = content_mass(seg, ev.base);
  ev.cues = block_cues(seg, effective_cues(seg, ev.mass));
  ev.p.resize(n);
  for (std::size_t i = 0; i < n; ++i) ev.p[i] = sigmoid(ev.base[i] + cue_logit(ev.cues[i]));
  ev.region = choose_region(seg, ev.p);
  return ev;
}

// How sure a block inside the region must be to stay.
float region_threshold(Focus focus) {
  if (focus == Focus::kPrecision) return 0.45f;
  if (focus == Focus::kRecall) return 0.15f;
  return 0.3f;
}

// Inside the region, keep what is not evidently boilerplate; a comment
// thread there is comments.
void prune_region(const Segments& seg, const ExtractOptions& options, const Evidence& ev,
                  float threshold, Scores& s) {
  const Element& region = seg.elements[static_cast<std::size_t>(ev.region)];
  for (int bi = region.first_block; bi < region.end_block; ++bi) {
    const auto i = static_cast<std::size_t>(bi);
    const TextBlock& b = seg.blocks[i];
    if (ev.cues[i] & kCueComment) {
      s.labels[i] = options.include_comments ? Label::kComment : Label::kBoilerplate;
      s.reasons[i] = Reason::kComment;
      continue;
    }
    if (ev.p[i] >= threshold ||
        (b.kind == BlockKind::kImage && !(ev.cues[i] & kBoilerplateCues))) {
      s.labels[i] = Label::kContent;
      s.reasons[i] = Reason::kRegion;
    } else {
      const Reason why = cue_reason(ev.cues[i]);
      s.reasons[i] = why != Reason::kWeak ? why : text_reason(b);
    }
  }
}

// The article often does not sit in one container: its lead in a "dek"
// box before the body's container, its body split in two by an ad slot.
// Prose just before and after the region joins it. The walk steps over
// media and over one weak block (a subheading) when prose follows, and
// stops at the first block that reads as boilerplate.
void extend_region(const Segments& seg, const Evidence& ev, float threshold, Scores& s) {
  const Element& region = seg.elements[static_cast<std::size_t>(ev.region)];
  constexpr std::uint32_t kStopCues = kBoilerplateCues & ~(kCueByline | kCueCaption);
  auto prose = [&](int i) {
    const auto u = static_cast<std::size_t>(i);
    const TextBlock& b = seg.blocks[u];
    return b.kind != BlockKind::kImage && b.kind != BlockKind::kCaption && ev.p[u] >= 0.7f &&
           !(ev.cues[u] & kStopCues) && b.sentence_ends > 0;
  };
  auto media = [&](int i) {
    const BlockKind k = seg.blocks[static_cast<std::size_t>(i)].kind;
    return k == BlockKind::kImage || k == BlockKind::kCaption;
  };
  auto extend = [&](int from, int step) {
    const int limit = static_cast<int>(seg.blocks.size());
    for (int i = from; i >= 0 && i < limit; i += step) {
      const auto u = static_cast<std::size_t>(i);
      if (media(i)) continue;
      if (prose(i)) {
        s.labels[u] = Label::kContent;
        s.reasons[u] = Reason::kContinues;
        continue;
      }
      const int next = i + step;
      const bool weak_ok = ev.p[u] >= threshold && !(ev.cues[u] & kStopCues) &&
                           seg.blocks[u].text_cues == 0;
      if (weak_ok && next >= 0 && next < limit && prose(next)) {
        s.labels[u] = Label::kContent;
        s.reasons[u] = Reason::kContinues;
        continue;
      }
      break;
    }
  };
  extend(region.first_block - 1, -1);
  extend(region.end_block, +1);
}

// Comment threads, wherever they are: with include_comments, the
// comments' own text (not the reply form, not the "12 comments" links).
void label_comments(const Segments& seg, const Evidence& ev, Scores& s) {
  for (std::size_t i = 0; i < seg.blocks.size(); ++i) {
    const TextBlock& b = seg.blocks[i];
    if (!(ev.cues[i] & kCueComment) || s.labels[i] == Label::kContent) continue;
    if (b.kind == BlockKind::kImage || b.kind == BlockKind::kCaption) continue;
    if (sigmoid(ev.base[i]) >= 0.5f && !(ev.cues[i] & (kCueForm | kCueNewsletter))) {
      s.labels[i] = Label::kComment;
      s.reasons[i] = Reason::kComment;
    }
  }
}

// Nothing passed: a page of a few short lines ("Test"), or an article
// made only of short items. Keep the region's blocks that nothing marks
// as boilerplate rather than return nothing.
void keep_unmarked_when_empty(const Segments& seg, const Evidence& ev, Scores& s) {
  if (std::find(s.labels.begin(), s.labels.end(), Label::kContent) != s.labels.end()) return;
  const Element& region = seg.elements[static_cast<std::size_t>(ev.region)];
  for (int i = region.first_block; i < region.end_block; ++i) {
    const auto u = static_cast<std::size_t>(i);
    const TextBlock& b = seg.blocks[u];
    if (s.labels[u] == Label::kBoilerplate && !(ev.cues[u] & kBoilerplateCues) &&
        !(b.text_cues & ~kTextByline) && b.link_chars * 2 <= b.chars) {
      s.labels[u] = Label::kContent;
      s.reasons[u] = Reason::kFallback;
    }
  }
}

// What the classifier may not overrule: a block the rules drop because of
// a word that only boilerplate uses (a consent notice, a share bar, a
// "Read also:" line). A model trained on a few thousand pages has seen
// too few cookie walls to be trusted against the vocabulary.
// Bylines, date lines and image credits are locked too: several sets'
// annotators kept them in the body, but they are not the article's text.
constexpr std::uint32_t kHardCues = kCueConsent | kCueNewsletter | kCueDonate | kCueShare |
                                    kCueAd | kCueModal | kCueLogin | kCueBreadcrumb | kCueNav |
                                    kCueRelated | kCueFeed | kCueHidden | kCueByline |
                                    kCueCaption;
constexpr std::uint32_t kHardText = kTextReadAlso | kTextSubscribe | kTextDonate | kTextCookie |
                                    kTextShare | kTextAd | kTextReadingTime | kTextAudio |
                                    kTextLogin | kTextComments | kTextPrevNext |
                                    kTextFormHint | kTextMoreLink | kTextByline |
                                    kTextDateLine | kTextCredit;

// The classifier overrules the rules only when it is confident: below
// `drop_below` it drops a block they kept, from `keep_from` it keeps one
// they dropped. (With a single 0.5 cut, cross-validation by site gained as
// much on six sets but lost 0.018 on the smallest one.)
// Focus on precision lets it only drop blocks, focus on recall only keep.
struct ModelCuts {
  float drop_below = 0.3f, keep_from = 0.7f;
};

ModelCuts model_cuts(Focus focus) {
  ModelCuts cuts;
  if (focus == Focus::kPrecision) cuts.drop_below = 0.4f, cuts.keep_from = 2.0f;
  if (focus == Focus::kRecall) cuts.drop_below = -1.0f, cuts.keep_from = 0.6f;
  return cuts;
}

// What the classifier's features read of the page beyond one block: the
// rules' labels, each element's text and link characters, and whether it
// sits inside an <article> or <main>.
struct PageView {
  const Segments& seg;
  const Evidence& ev;
  std::vector<Label> rule;
  std::vector<float> chars, links;
  std::vector<double> element_chars, element_links;
  std::vector<bool> in_article;
  double region_share = 0.0;

  PageView(const Segments& segments, const Evidence& evidence, const Scores& s)
      : seg(segments), ev(evidence), rule(s.labels) {
    const std::size_t n = seg.blocks.size();
    chars.resize(n);
    links.resize(n);
    for (std::size_t i = 0; i < n; ++i) {
      chars[i] = static_cast<float>(seg.blocks[i].chars);
      links[i] = static_cast<float>(seg.blocks[i].link_chars);
    }
    element_chars = element_sums(seg, std::vector<double>(chars.begin(), chars.end()));
    element_links = element_sums(seg, std::vector<double>(links.begin(), links.end()));
    const double total = ev.mass[0];
    region_share = total > 0 ? ev.mass[static_cast<std::size_t>(ev.region)] / total : 0.0;
    // Parents come first.
    in_article.resize(seg.elements.size());
    for (std::size_t e = 0; e < seg.elements.size(); ++e) {
      const Element& el = seg.elements[e];
      in_article[e] = el.tag == GUMBO_TAG_ARTICLE || el.tag == GUMBO_TAG_MAIN ||
                      (el.parent >= 0 && in_article[static_cast<std::size_t>(el.parent)]);
    }
  }

  // Whether the rules dropped block i for a word the classifier may not
  // overrule.
  bool locked(std::size_t i) const {
    return rule[i] != Label::kContent &&
           ((ev.cues[i] & kHardCues) || (seg.blocks[i].text_cues & kHardText));
  }
};

// Block i's feature vector, into x (kFeatureCount values).
void feature_row(const PageView& page, std::size_t i, float* x) {
  const Segments& seg = page.seg;
  const Evidence& ev = page.ev;
  const std::vector<Label>& rule = page.rule;
  const std::size_t n = seg.blocks.size();
  const float blocks_f = static_cast<float>(n);
  const Element& region = seg.elements[static_cast<std::size_t>(ev.region)];
  const TextBlock& b = seg.blocks[i];
  const int bi = static_cast<int>(i);
  const Element& own = seg.elements[static_cast<std::size_t>(b.element)];
  std::fill(x, x + kFeatureCount, 0.0f);
  x[kF_locked] = page.locked(i) ? 1.0f : 0.0f;
  x[kF_rule_content] = rule[i] == Label::kContent ? 1.0f : 0.0f;
  x[kF_rule_p] = ev.p[i];
  x[kF_text_p] = sigmoid(ev.base[i]);
  x[kF_cue_logit] = cue_logit(ev.cues[i]);
  x[kF_log_length] = std::log1p(static_cast<float>(effective_length(b)));
  x[kF_link_density] = b.chars > 0 ? page.links[i] / page.chars[i] : 0.0f;
  x[kF_sentences] = static_cast<float>(std::min(b.sentence_ends, 10)) / 10.0f;
  x[kF_commas] = static_cast<float>(std::min(b.commas, 10)) / 10.0f;
  x[kF_digit_share] = b.chars > 0 ? static_cast<float>(b.digits) / page.chars[i] : 0.0f;
  x[kF_cjk_share] = b.chars > 0 ? static_cast<float>(b.cjk) / page.chars[i] : 0.0f;
  x[kF_ends_with_punct] = b.ends_with_punct ? 1.0f : 0.0f;
  x[kF_kind_paragraph + static_cast<int>(b.kind) - static_cast<int>(BlockKind::kParagraph)] =
      b.kind == BlockKind::kImage ? 0.0f : 1.0f;
  x[kF_level] = static_cast<float>(b.level) / 6.0f;
  x[kF_in_quote] = b.quote_depth > 0 ? 1.0f : 0.0f;
  x[kF_in_region] = contains(region, bi) ? 1.0f : 0.0f;
  x[kF_before_region] =
      bi < region.first_block ? static_cast<float>(region.first_block - bi) / blocks_f : 0.0f;
  x[kF_after_region] =
      bi >= region.end_block ? static_cast<float>(bi - region.end_block + 1) / blocks_f : 0.0f;
  x[kF_page_position] = static_cast<float>(i) / blocks_f;
  x[kF_region_share] = static_cast<float>(page.region_share);
  x[kF_region_depth] =
      contains(region, bi) ? static_cast<float>(own.depth - region.depth) / 10.0f : -1.0f;
  x[kF_prev_rule_content] = i > 0 && rule[i - 1] == Label::kContent ? 1.0f : 0.0f;
  x[kF_next_rule_content] = i + 1 < n && rule[i + 1] == Label::kContent ? 1.0f : 0.0f;
  float window = 0.0f;
  int count = 0;
  for (std::size_t j = i >= 2 ? i - 2 : 0; j <= std::min(n - 1, i + 2); ++j) {
    if (j == i) continue;
    window += ev.p[j];
    ++count;
  }
  x[kF_window_rule_p] = count > 0 ? window / static_cast<float>(count) : 0.0f;
  const int parent = own.parent >= 0 ? own.parent : b.element;
  const auto pu = static_cast<std::size_t>(parent);
  x[kF_parent_link_density] =
      page.element_chars[pu] > 0
          ? static_cast<float>(page.element_links[pu] / page.element_chars[pu])
          : 0.0f;
  x[kF_parent_blocks] = std::log1p(
      static_cast<float>(seg.elements[pu].end_block - seg.elements[pu].first_block));
  for (int t = 0; t <= kF_text_tags - kF_text_read_also; ++t)
    x[kF_text_read_also + t] = (b.text_cues >> t) & 1u ? 1.0f : 0.0f;
  for (int c = 0; c <= kF_cue_main - kF_cue_nav; ++c)
    x[kF_cue_nav + c] = (ev.cues[i] >> c) & 1u ? 1.0f : 0.0f;
  x[kF_tag_p] = own.tag == GUMBO_TAG_P ? 1.0f : 0.0f;
  x[kF_tag_div] = own.tag == GUMBO_TAG_DIV ? 1.0f : 0.0f;
  x[kF_tag_li] = own.tag == GUMBO_TAG_LI ? 1.0f : 0.0f;
  x[kF_tag_td] = own.tag == GUMBO_TAG_TD || own.tag == GUMBO_TAG_TR ? 1.0f : 0.0f;
  x[kF_in_article_tag] = page.in_article[static_cast<std::size_t>(b.element)] ? 1.0f : 0.0f;
  x[kF_in_link] = b.chars > 0 && b.link_chars >= b.chars ? 1.0f : 0.0f;
}

// The classifier: the rules' labels and everything they looked at, per
// block, into the trained ensemble, which overrules them where it is
// confident (model_cuts). With a trace, every block's feature vector is
// kept for the training tools.
void classify(const Segments& seg, const ExtractOptions& options, const Evidence& ev, Scores& s,
              ScoreTrace* trace) {
  const std::size_t n = seg.blocks.size();
  const PageView page(seg, ev, s);
  if (trace != nullptr) {
    trace->features.assign(n * kFeatureCount, 0.0f);
    trace->rule_labels = s.labels;
    trace->cues = ev.cues;
    trace->list.assign(n, -1);
    trace->list_marked.assign(n, false);
  }
  // The blocks the classifier sees, and their feature vectors, row by row.
  // Rows go to the ensemble a batch at a time, so that a page of 100,000
  // blocks does not hold 100,000 rows.
  std::vector<std::size_t> asked;
  constexpr std::size_t kBatch = 1024;
  std::vector<float> x(kFeatureCount), rows, probs;
  rows.reserve(std::min(n, kBatch) * kFeatureCount);
  auto flush = [&] {
    const std::size_t done = probs.size(), count = rows.size() / kFeatureCount;
    probs.resize(done + count);
    model_probabilities(rows.data(), count, probs.data() + done);
    rows.clear();
  };
  for (std::size_t i = 0; i < n; ++i) {
    feature_row(page, i, x.data());
    if (trace != nullptr) std::copy(x.begin(), x.end(), trace->features.begin() + i * kFeatureCount);
    if (!model_available() || seg.blocks[i].kind == BlockKind::kImage ||
        page.rule[i] == Label::kComment || page.locked(i))
      continue;
    asked.push_back(i);
    rows.insert(rows.end(), x.begin(), x.end());
    if (rows.size() == kBatch * kFeatureCount) flush();
  }
  flush();
  const ModelCuts cuts = model_cuts(options.focus);
  for (std::size_t k = 0; k < asked.size(); ++k) {
    const std::size_t i = asked[k];
    const float prob = probs[k];
    s.content[i] = prob;
    if (page.rule[i] == Label::kContent && prob < cuts.drop_below) {
      s.labels[i] = Label::kBoilerplate;
      s.reasons[i] = Reason::kModelDrop;
    } else if (page.rule[i] != Label::kContent && prob >= cuts.keep_from) {
      s.labels[i] = Label::kContent;
      s.reasons[i] = Reason::kModel;
    }
  }
}

}  // namespace

Scores score(const Segments& seg, const ExtractOptions& options, ScoreTrace* trace) {
  Scores s;
  const std::size_t n = seg.blocks.size();
  s.content.assign(n, 0.0f);
  s.labels.assign(n, Label::kBoilerplate);
  s.reasons.assign(n, Reason::kOutside);
  if (n == 0 || seg.elements.empty()) return s;

  const Evidence ev = gather_evidence(seg);
  s.region = ev.region;
  s.content = ev.p;
  const float threshold = region_threshold(options.focus);
  prune_region(seg, options, ev, threshold, s);
  extend_region(seg, ev, threshold, s);
  if (options.include_comments) label_comments(seg, ev, s);
  keep_unmarked_when_empty(seg, ev, s);

  if (trace == nullptr && !model_available()) return s;
  classify(seg, options, ev, s, trace);
  keep_list_together(seg, s, ev.cues, trace);
  label_media(seg, s, ev.cues);
  s.in_comments.resize(n);
  for (std::size_t i = 0; i < n; ++i) s.in_comments[i] = (ev.cues[i] & kCueComment) != 0;
  return s;
}

void keep_comments_out(bool include_comments, Scores* s) {
  for (std::size_t i = 0; i < s->in_comments.size() && i < s->labels.size(); ++i) {
    if (!s->in_comments[i] || s->labels[i] != Label::kContent || s->reasons[i] != Reason::kModel)
      continue;
    s->labels[i] = include_comments ? Label::kComment : Label::kBoilerplate;
    s->reasons[i] = Reason::kComment;
  }
}

}  // namespace extractor
