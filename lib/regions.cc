#include "regions.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>

#include "dom.h"
#include "block_features.h"
#include "pagetype.h"
#include "metadata_text.h"
#include "patterns.h"
#include "regions_page.h"
#include "runs.h"

namespace extractor {

std::size_t content_bytes(const Segments& segments, const Scores& scores) {
  std::size_t n = 0;
  for (std::size_t i = 0; i < segments.blocks.size() && i < scores.labels.size(); ++i) {
    const TextBlock& b = segments.blocks[i];
    if (scores.labels[i] == Label::kContent && b.kind != BlockKind::kImage) n += b.text.size();
  }
  return n;
}

namespace {

// The text bytes under `node` (scripts and styles left out).
std::size_t text_bytes(const GumboNode* node) {
  std::size_t n = 0;
  walk(
      node,
      [&](const GumboNode* x, int) {
        if (x->type == GUMBO_NODE_ELEMENT)
          return flow_of(x->v.element.tag) != Flow::kSkip;
        if (x->type == GUMBO_NODE_TEXT || x->type == GUMBO_NODE_CDATA)
          n += std::strlen(x->v.text.text);
        return false;
      },
      [](const GumboNode*, int) {});
  return n;
}

// A page whose content sits under one hidden element (an unclosed pop-up
// that swallows the rest of the page, a wrapper that script reveals) or in
// hidden chunks at the end of <body> (streamed server rendering: <div
// hidden> parts that script moves into place): when the page as shown
// holds no article and those hold four times the text of every shown block,
// and 1,000 bytes at least, they are read as shown, and that reading is
// kept when it holds more content.
void read_hidden_wrapper(const Dom& dom, const Patterns& patterns, const Options& options,
                         std::string_view page_url, Segments* segments, Scores* scores,
                         ScoreTrace* trace) {
  if (segments->hidden.empty()) return;
  const std::size_t shown = content_bytes(*segments, *scores);
  if (shown >= kArticleBytes) return;
  std::size_t all = 0;
  for (const TextBlock& b : segments->blocks) all += b.text.size();
  std::vector<const GumboNode*> reveal;
  const GumboNode* best = nullptr;
  std::size_t most = 0, chunks = 0;
  for (const HiddenElement& h : segments->hidden) {
    if (h.node == nullptr || h.node->type != GUMBO_NODE_ELEMENT) continue;
    const std::size_t n = text_bytes(h.node);
    if (n > most) most = n, best = h.node;
    const bool chunk = h.parent == 0 && h.node->v.element.tag == GUMBO_TAG_DIV &&
                       h.why != nullptr && std::strcmp(h.why, "hidden attribute") == 0;
    if (chunk && n > 0) reveal.push_back(h.node), chunks += n;
  }
  if (best == nullptr) return;
  if (std::find(reveal.begin(), reveal.end(), best) == reveal.end()) reveal.push_back(best), chunks += most;
  if (chunks < 1000 || chunks < 4 * all) return;
  Segments again = segment(dom, patterns, options, page_url, /*read_noscript=*/false, &reveal);
  compute_features(&again.blocks, patterns);
  ScoreTrace trace_again;
  Scores scores_again = score(again, options, trace != nullptr ? &trace_again : nullptr);
  if (content_bytes(again, scores_again) <= shown) return;
  *segments = std::move(again);
  *scores = std::move(scores_again);
  if (trace != nullptr) *trace = std::move(trace_again);
}

}  // namespace

void read_blocks(const Dom& dom, const Patterns& patterns, const Options& options,
                 std::string_view page_url, Segments* segments, Scores* scores,
                 ScoreTrace* trace) {
  *segments = segment(dom, patterns, options, page_url);
  compute_features(&segments->blocks, patterns);
  *scores = score(*segments, options, trace);
  read_hidden_wrapper(dom, patterns, options, page_url, segments, scores, trace);
  if (segments->noscript == 0) return;
  const std::size_t shown = content_bytes(*segments, *scores);
  if (shown >= kArticleBytes) return;
  // Forums that render their posts by script (Discourse and the like) serve
  // the thread to crawlers in <noscript>; so do some shops their grid.
  Segments again = segment(dom, patterns, options, page_url, /*read_noscript=*/true);
  compute_features(&again.blocks, patterns);
  ScoreTrace trace_again;
  Scores scores_again = score(again, options, trace != nullptr ? &trace_again : nullptr);
  if (content_bytes(again, scores_again) <= shown) return;
  *segments = std::move(again);
  *scores = std::move(scores_again);
  if (trace != nullptr) *trace = std::move(trace_again);
}

}  // namespace extractor

namespace extractor {
namespace {

using namespace regions_page;  // NOLINT: the helpers every reading shares

// Cues that put a run of like siblings out of a thread or a listing:
// menus, sidebars, related and feed lists, footers, ads.
constexpr std::uint32_t kOffRun = kCueNav | kCueHeader | kCueFooter | kCueSidebar | kCueRelated |
                                  kCueFeed | kCueAd | kCueNewsletter | kCueConsent | kCueShare |
                                  kCueModal | kCueLogin | kCueBreadcrumb | kCueTags;

// The page type's confidence above which a run marked as comments is read
// as the thread even beside an article (read_forum).
constexpr float kSureThread = 0.9f;
constexpr std::uint32_t kNotPostCues = kBoilerplateCues & ~kCueComment;


// A post's block: the path from the member down to the block's element, as
// tag and first class of every step.
std::uint64_t signature(const Page& page, int member, int element) {
  std::uint64_t h = 0x84222325CBF29CE4ULL;
  for (int e = element; e >= 0 && e != member; e = page.el(e).parent) h = mix(h, step_key(page.el(e)));
  return h;
}


// How alike a run's members are: the share of its mass in blocks whose
// path inside their member (signature()) recurs in another member. Posts
// and cards repeat one layout; the columns of a page's layout do not.
double regularity(const Page& page, const Run& r) {
  std::unordered_map<std::uint64_t, std::pair<int, int>> seen;  // signature -> members, last
  for (std::size_t k = 0; k < r.members.size(); ++k) {
    const int m = r.members[k];
    const Element& x = page.el(m);
    for (int i = x.first_block; i < x.end_block; ++i) {
      auto& [count, last] = seen[signature(page, m, page.seg.blocks[static_cast<std::size_t>(i)].element)];
      if (count == 0 || last != static_cast<int>(k)) ++count, last = static_cast<int>(k);
    }
  }
  double shared = 0, all = 0;
  for (const int m : r.members) {
    const Element& x = page.el(m);
    for (int i = x.first_block; i < x.end_block; ++i) {
      const auto u = static_cast<std::size_t>(i);
      const double g = page.good[u] + 1e-3 * page.seg.blocks[u].chars;
      all += g;
      if (seen[signature(page, m, page.seg.blocks[u].element)].first >= 2) shared += g;
    }
  }
  return all > 0 ? shared / all : 0.0;
}

// The thread: the run of like siblings holding the most post-like text,
// weighed by how alike its members are.
const Run* thread_run(const Page& page, const Scores& scores, const std::vector<Run>& runs) {
  struct Candidate {
    const Run* run;
    double mass;
    double kept;  // the share of its text the article's reading keeps
  };
  std::vector<Candidate> candidates;
  for (const Run& r : runs) {
    double mass = 0;
    int chars = 0, links = 0, multi = 0, kept = 0;
    bool consent = false;
    for (int m : r.members) {
      mass += page.mass(m);
      chars += page.chars(m);
      links += page.links(m);
      const Element& x = page.el(m);
      multi += x.end_block - x.first_block >= 2;
      for (int i = x.first_block; i < x.end_block; ++i) {
        const auto u = static_cast<std::size_t>(i);
        if (scores.labels[u] == Label::kContent) kept += page.seg.blocks[u].chars;
        consent |= (page.seg.blocks[u].text_cues & kTextCookie) != 0;
      }
    }
    if (consent) continue;  // the cookie categories of a consent dialog
    if (links * 2 > chars) continue;
    if (multi * 2 < static_cast<int>(r.members.size())) continue;  // posts hold several blocks
    if (mass <= 0) continue;
    if (page.cues_above(r.parent) & kOffRun) continue;
    candidates.push_back({&r, mass, chars > 0 ? static_cast<double>(kept) / chars : 0.0});
  }
  // The likeness of the heaviest few only: it reads every block of a run.
  std::sort(candidates.begin(), candidates.end(),
            [](const Candidate& a, const Candidate& b) { return a.mass > b.mass; });
  if (candidates.size() > 6) candidates.resize(6);
  const Run* best = nullptr;
  double best_score = 0;
  for (const Candidate& c : candidates) {
    const double like = regularity(page, *c.run);
    // What the article's reading keeps of it counts too: its region
    // weighs cues and context a run alone does not.
    const double score = c.mass * like * (0.25 + c.kept);
    if (score > best_score) {
      best_score = score;
      best = c.run;
    }
  }
  return best;
}

bool read_forum(const Segments& seg, float confidence, Scores* s, std::vector<int>* posts) {
  const Page page(seg);
  const std::vector<Run> runs = find_runs(seg, 2);
  const Run* run = thread_run(page, *s, runs);
  if (run == nullptr) return false;
  // Which paths inside a post hold its text: those under which some post
  // has prose.
  std::unordered_map<std::uint64_t, double> sig_mass;
  double total = 0;
  for (int m : run->members) {
    const Element& x = page.el(m);
    for (int i = x.first_block; i < x.end_block; ++i) {
      const auto u = static_cast<std::size_t>(i);
      const double g = page.good[u];
      sig_mass[signature(page, m, seg.blocks[u].element)] += g;
      total += g;
    }
  }
  // An article and its reader comments reads like a thread whose first
  // post stands apart: the run is marked as comments and the article's
  // reading keeps more text outside it than a post's worth. That takes a
  // surer page type (blogs and news with comments come out as forums at
  // middling confidence).
  if (page.cues_above(run->parent) & kCueComment || page.el(run->members[0]).cues & kCueComment) {
    double outside = 0;
    for (std::size_t i = 0; i < seg.blocks.size(); ++i) {
      if (s->labels[i] != Label::kContent) continue;
      const int b = static_cast<int>(i);
      bool in = false;
      for (int m : run->members) in |= b >= page.el(m).first_block && b < page.el(m).end_block;
      if (!in) outside += page.good[i];
    }
    if (outside > total / static_cast<double>(run->members.size()) && confidence < kSureThread)
      return false;
  }
  if (posts != nullptr) *posts = run->members;
  for (int m : run->members) {
    const Element& x = page.el(m);
    for (int i = x.first_block; i < x.end_block; ++i) {
      const auto u = static_cast<std::size_t>(i);
      const TextBlock& b = seg.blocks[u];
      if (b.kind == BlockKind::kImage || b.kind == BlockKind::kCaption) continue;
      const bool body = sig_mass[signature(page, m, b.element)] > 0.02 * total;
      const bool marked =
          (cues_between(page, b.element, m) & kNotPostCues) || (b.text_cues & kNotPostText);
      if (body && !marked) {
        s->labels[u] = Label::kContent;
        s->reasons[u] = Reason::kPost;
      } else {
        s->labels[u] = Label::kBoilerplate;
        s->reasons[u] = Reason::kPostMeta;
      }
    }
  }
  return true;
}

// Cues that put a run of like siblings out of a listing: the site's menus,
// masthead, footer, breadcrumbs, dialogs and prompts. Feeds, "related" and
// card-grid wrappers are a listing's very items.
constexpr std::uint32_t kOffList = kCueNav | kCueHeader | kCueFooter | kCueSidebar | kCueModal |
                                   kCueLogin | kCueBreadcrumb | kCueConsent | kCueNewsletter |
                                   kCueShare | kCueTags | kCueComment;

// Two runs are parts of one list when their members are alike (tag and
// first class) and so are their parents, and the parents' ancestors up to
// one they share, at most three steps above them.
bool alike_parts(const Page& page, const Run& a, const Run& b) {
  if (step_key(page.el(a.members[0])) != step_key(page.el(b.members[0]))) return false;
  int x = a.parent, y = b.parent;
  for (int step = 0; step < 4 && x >= 0 && y >= 0; ++step) {
    if (x == y) return step > 0;
    if (step_key(page.el(x)) != step_key(page.el(y))) return false;
    x = page.el(x).parent;
    y = page.el(y).parent;
  }
  return false;
}

// Two runs that take turns under one parent (a table's rows of titles and
// rows of details, a list's headings and their summaries) are one list, its
// items cut in two.
bool interleaved(const Run& a, const Run& b) {
  if (a.parent != b.parent) return false;
  const std::size_t n = a.members.size(), m = b.members.size();
  if (n + 1 < m || m + 1 < n) return false;
  // Each member of one lies between two members of the other.
  std::size_t j = 0;
  for (std::size_t i = 0; i + 1 < n; ++i) {
    while (j < m && b.members[j] < a.members[i]) ++j;
    if (j >= m || b.members[j] > a.members[i + 1]) return false;
  }
  return true;
}

// A listing or a collection: the run of like siblings holding the most item
// text (titles, prices, summaries), its members alike.
void read_listing(const Segments& seg, const Patterns& patterns, Scores* s) {
  const Page page(seg);
  const std::vector<Run> runs = find_runs(seg, 3);
  struct Candidate {
    const Run* run;
    double chars;
  };
  std::vector<Candidate> candidates;
  for (const Run& r : runs) {
    int chars = 0;
    bool consent = false;
    for (int m : r.members) {
      chars += page.chars(m);
      const Element& x = page.el(m);
      for (int i = x.first_block; i < x.end_block; ++i)
        consent |= (seg.blocks[static_cast<std::size_t>(i)].text_cues & kTextCookie) != 0;
    }
    if (consent) continue;
    // Items are small parts of the page, not the columns of its layout.
    int largest = 0;
    for (int m : r.members) largest = std::max(largest, page.chars(m));
    if (largest * 4 > page.chars_prefix.back()) continue;
    if (chars < 20 * static_cast<int>(r.members.size())) continue;  // a menu's short links
    if (((page.cues_above(r.parent) & page.cues_above_by_chars(r.parent)) |
         page.el(r.members[0]).cues) &
        kOffList)
      continue;
    candidates.push_back({&r, static_cast<double>(chars)});
  }
  std::sort(candidates.begin(), candidates.end(),
            [](const Candidate& a, const Candidate& b) { return a.chars > b.chars; });
  const Run* best = nullptr;
  double best_score = 0;
  for (std::size_t k = 0; k < candidates.size() && k < 6; ++k) {
    const double score = candidates[k].chars * regularity(page, *candidates[k].run);
    if (score > best_score) {
      best_score = score;
      best = candidates[k].run;
    }
  }
  if (best == nullptr) return;
  // A list cut in parts (one list per letter, a grid per section, a table
  // per day): the runs alike the best, under parents alike it, are its
  // parts.
  std::vector<int> members = best->members;
  for (const Candidate& c : candidates)
    if (c.run != best && (alike_parts(page, *c.run, *best) || interleaved(*c.run, *best)))
      members.insert(members.end(), c.run->members.begin(), c.run->members.end());
  std::vector<char> in(seg.blocks.size(), 0);
  // An article the page type took for a listing (its reading keeps more
  // text outside the items than half of what they hold, or some prose: two
  // or three sentences) keeps the article's reading.
  int items = 0;
  for (int m : members) {
    items += page.chars(m);
    const Element& x = page.el(m);
    for (int i = x.first_block; i < x.end_block; ++i) in[static_cast<std::size_t>(i)] = 1;
  }
  int outside = 0, prose = 0;
  for (std::size_t i = 0; i < seg.blocks.size(); ++i) {
    const TextBlock& b = seg.blocks[i];
    if (in[i] || s->labels[i] != Label::kContent) continue;
    outside += b.chars;
    if (b.kind != BlockKind::kHeading && b.kind != BlockKind::kListItem && b.sentence_ends >= 1 &&
        effective_length(b) >= 80)
      prose += effective_length(b);
  }
  // A shop's grid (most items show a price) is read beside the prose the
  // article's reading keeps: a collection's introduction, a category's text.
  int priced = 0;
  for (int m : members) {
    const Element& x = page.el(m);
    for (int i = x.first_block; i < x.end_block; ++i) {
      const TextBlock& b = seg.blocks[static_cast<std::size_t>(i)];
      if (b.chars > 0 && b.chars < 200 && shows_price(patterns.page_types(), b.text)) {
        ++priced;
        break;
      }
    }
  }
  const bool shop = priced * 5 >= static_cast<int>(members.size()) * 3;
  if (!shop && (items < 2 * outside || prose >= 200)) return;
  for (int m : members) {
    const Element& x = page.el(m);
    for (int i = x.first_block; i < x.end_block; ++i) {
      const auto u = static_cast<std::size_t>(i);
      const TextBlock& b = seg.blocks[u];
      if (b.kind == BlockKind::kImage || b.kind == BlockKind::kCaption || b.chars == 0) continue;
      const bool marked =
          (cues_between(page, b.element, m) & kNotPostCues & ~(kCueFeed | kCueRelated | kCueAd)) ||
          (b.text_cues & kNotPostText);
      if (marked) continue;
      s->labels[u] = Label::kContent;
      s->reasons[u] = Reason::kItem;
    }
  }
}


// Whether a block stands in the site's chrome, a prompt, a related list or
// a comment thread (by its cues or those above it, `also` added), or says
// what a page's own text never says: the readings below leave it out.
bool off_content(const Page& page, const TextBlock& b, std::uint32_t also = 0) {
  return b.element < 0 || (page.cues_above(b.element) & (kOffRun | kCueComment | also)) ||
         (b.text_cues & kNotPostText);
}

// Documentation: a page's lists of links between its paragraphs are its
// own (the topics of a guide, the pages of a chapter), not a menu or a
// "read also": inside the article's span, outside menus, sidebars and
// related lists, they are read as content.
void read_documentation(const Segments& seg, Scores* s) {
  const Page page(seg);
  const std::size_t n = seg.blocks.size();
  std::size_t first = n, last = 0;
  for (std::size_t i = 0; i < n; ++i)
    if (s->labels[i] == Label::kContent && seg.blocks[i].kind != BlockKind::kImage) {
      first = std::min(first, i);
      last = i;
    }
  if (first >= last) return;
  for (std::size_t i = first + 1; i < last; ++i) {
    const TextBlock& b = seg.blocks[i];
    if (s->labels[i] != Label::kBoilerplate ||
        (s->reasons[i] != Reason::kLinkDensity && s->reasons[i] != Reason::kModelDrop &&
         s->reasons[i] != Reason::kWeak))
      continue;
    if (off_content(page, b)) continue;
    s->labels[i] = Label::kContent;
    s->reasons[i] = Reason::kList;
  }
}

// A service's landing page: its sections (what is offered, how, for whom,
// what clients say) are its content, each a region of its own; every block
// outside the site's menus, masthead, footer, sidebars, prompts and related
// lists is read, unless it is mostly links.
void read_service(const Segments& seg, Scores* s) {
  const Page page(seg);
  std::vector<std::size_t> sections;
  int kept = 0, more = 0;
  for (std::size_t i = 0; i < seg.blocks.size(); ++i) {
    const TextBlock& b = seg.blocks[i];
    if (s->labels[i] == Label::kContent) kept += b.chars;
    if (s->labels[i] != Label::kBoilerplate || s->reasons[i] != Reason::kOutside) continue;
    if (b.kind == BlockKind::kImage || b.chars == 0 || b.link_chars * 2 > b.chars) continue;
    if (off_content(page, b, kCueDonate)) continue;
    sections.push_back(i);
    more += b.chars;
  }
  // An article's region holds most of its page's readable text (the rest,
  // under half as much, is the page's asides); a landing page's region is
  // one section of several.
  if (more * 2 < kept) return;
  for (std::size_t i : sections) {
    s->labels[i] = Label::kContent;
    s->reasons[i] = Reason::kRegion;
  }
}

}  // namespace

void leave_headline_out(const Segments& segments, std::string_view title, Scores* scores) {
  if (title.empty()) return;
  const std::string key = comparison_key(title);
  if (key.empty()) return;
  for (std::size_t i = 0; i < segments.blocks.size(); ++i) {
    if (scores->labels[i] != Label::kContent) continue;
    const TextBlock& b = segments.blocks[i];
    if (b.kind == BlockKind::kImage || b.kind == BlockKind::kCaption) continue;
    // Only before the text begins: a heading further down that repeats the
    // title is the text's own.
    if (b.kind != BlockKind::kHeading) return;
    if (comparison_key(b.text) != key) continue;
    // A page whose text is its headline alone keeps it (an empty text would
    // say there is no article).
    for (std::size_t j = i + 1; j < segments.blocks.size(); ++j) {
      const TextBlock& t = segments.blocks[j];
      if (scores->labels[j] == Label::kContent && t.kind != BlockKind::kImage &&
          t.kind != BlockKind::kCaption && t.kind != BlockKind::kHeading && t.chars > 0) {
        scores->labels[i] = Label::kBoilerplate;
        scores->reasons[i] = Reason::kHeadline;
        return;
      }
    }
    return;
  }
}

bool read_as_type(const Segments& segments, const Patterns& patterns, PageType type,
                  float confidence, Scores* scores, std::vector<int>* posts) {
  if (posts != nullptr) posts->clear();
  if (segments.blocks.empty()) return false;
  bool thread = false;
  if (type == PageType::kForum && confidence >= 0.5f)
    thread = read_forum(segments, confidence, scores, posts);
  if (type == PageType::kListing && confidence >= 0.5f) read_listing(segments, patterns, scores);
  if (type == PageType::kProduct && confidence >= 0.5f) read_product(segments, scores);
  if (type == PageType::kDocumentation && confidence >= 0.5f) read_documentation(segments, scores);
  if (type == PageType::kService && confidence >= 0.5f) read_service(segments, scores);
  return thread;
}

}  // namespace extractor
