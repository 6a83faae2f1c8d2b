// A product page read as its kind (lib/regions_page.h read_product): its
// titled sections and runs of keys and values kept, its reviews, other
// products, the shop's terms and a layout's second copies left out.
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include <re2/re2.h>

#include "product_words.h"
#include "regions_page.h"
#include "runs.h"

namespace extractor {
namespace {

using namespace regions_page;  // NOLINT: the helpers every reading shares

constexpr int kDetailTitleChars = 40;

// The titles of other products and of the shop's terms ("You may also
// like", "Frequently bought together", "Shipping & returns"): on a product
// page, the section under such a title (as read_details() cuts it, up to the
// next title of its rank or a product's title) is no part of the product.
// Reviews and questions are left to the other readings: shops' questions
// and answers are often the product's own text.
void drop_others(const Page& page, Scores* s) {
  const Segments& seg = page.seg;
  const int n = static_cast<int>(seg.blocks.size());
  for (int i = 0; i < n; ++i) {
    const TextBlock& t = seg.blocks[static_cast<std::size_t>(i)];
    if (t.chars == 0 || t.chars > kDetailTitleChars || t.kind == BlockKind::kImage || t.element < 0)
      continue;
    if (t.link_chars * 2 > t.chars || !RE2::FullMatch(t.text, others_title())) continue;
    int top = t.element;
    while (top >= 0 && page.el(top).end_block <= i + 1) top = page.el(top).parent;
    if (top < 0) continue;
    const int rank = t.kind == BlockKind::kHeading ? t.level : 7;
    for (int j = i; j < page.el(top).end_block; ++j) {
      const TextBlock& b = seg.blocks[static_cast<std::size_t>(j)];
      if (j > i && b.kind == BlockKind::kHeading && b.level <= rank) break;
      if (j > i && b.chars > 0 && b.chars <= kDetailTitleChars && RE2::FullMatch(b.text, detail_title()))
        break;
      if (s->labels[static_cast<std::size_t>(j)] != Label::kContent) continue;
      s->labels[static_cast<std::size_t>(j)] = Label::kBoilerplate;
      s->reasons[static_cast<std::size_t>(j)] = Reason::kRelated;
    }
  }
}

constexpr int kReviewLineChars = 120;

// Runs of like siblings most of whose members carry a review's lines are
// customers' reviews.
void drop_review_runs(const Page& page, Scores* s) {
  const Segments& seg = page.seg;
  std::vector<char> shaped(seg.elements.size(), 0);
  for (const TextBlock& b : seg.blocks)
    if (b.element >= 0 && b.chars > 0 && b.chars <= kReviewLineChars &&
        RE2::PartialMatch(b.text, review_line()))
      shaped[static_cast<std::size_t>(b.element)] = 1;
  for (const Run& r : find_runs(seg, 2)) {
    int with = 0;
    bool name = false;  // a column of the layout holding the product's name
    for (int m : r.members) {
      const Element& x = page.el(m);
      bool any = false;
      for (int i = x.first_block; i < x.end_block; ++i) {
        const TextBlock& b = seg.blocks[static_cast<std::size_t>(i)];
        any |= b.element >= 0 && shaped[static_cast<std::size_t>(b.element)];
        name |= b.kind == BlockKind::kHeading && b.level == 1;
      }
      with += any;
    }
    if (name || with < 2 || with * 2 < static_cast<int>(r.members.size())) continue;
    for (int m : r.members) {
      const Element& x = page.el(m);
      for (int i = x.first_block; i < x.end_block; ++i) {
        const auto u = static_cast<std::size_t>(i);
        s->labels[u] = Label::kBoilerplate;
        s->reasons[u] = Reason::kReview;
      }
    }
  }
}

// Cues that put a title out of the product's own sections, and a block out
// of one. Menu words are not among them: shops name the bar of a product's tabs
// as they name menus; a menu is told by its links (and <nav>) instead.
constexpr std::uint32_t kOffDetailTitle =
    kCueHeader | kCueFooter | kCueBreadcrumb | kCueReview | kCueRelated | kCueComment | kCueFeed |
    kCueAd | kCueConsent | kCueNewsletter | kCueLogin;
constexpr std::uint32_t kOffDetail = kOffDetailTitle | kCueShare | kCueForm;

bool under_nav(const Page& page, int e) {
  for (; e >= 0; e = page.el(e).parent)
    if (page.el(e).tag == GUMBO_TAG_NAV) return true;
  return false;
}

// A product's sections under their titles ("Description", "Specifications",
// "Details", ...): shops keep them in tabs, accordions and drawers away
// from the buy box, often under classes that read as dialogs or sidebars.
// A section is the title and the blocks after it inside the smallest
// element holding more than the title, up to the next title of its rank
// or above, or a shop's title (reviews, shipping, other products).
void read_details(const Page& page, Scores* s) {
  const Segments& seg = page.seg;
  const int n = static_cast<int>(seg.blocks.size());
  std::unordered_set<std::string> sections;
  for (int i = 0; i < n; ++i) {
    const TextBlock& t = seg.blocks[static_cast<std::size_t>(i)];
    if (t.chars == 0 || t.chars > kDetailTitleChars || t.kind == BlockKind::kImage ||
        t.kind == BlockKind::kCaption || t.element < 0)
      continue;
    if (!RE2::FullMatch(t.text, detail_title())) continue;
    if (t.link_chars * 2 > t.chars) continue;
    if ((page.cues_above(t.element) & kOffDetailTitle) || under_nav(page, t.element)) continue;
    int top = t.element;
    while (top >= 0 && page.el(top).end_block <= i + 1) top = page.el(top).parent;
    if (top < 0) continue;
    const int rank = t.kind == BlockKind::kHeading ? t.level : 7;
    int end = i + 1;
    for (; end < page.el(top).end_block; ++end) {
      const TextBlock& b = seg.blocks[static_cast<std::size_t>(end)];
      if (b.kind == BlockKind::kHeading && b.level <= rank &&
          !RE2::FullMatch(b.text, detail_title()))
        break;
      if (b.chars > 0 && b.chars <= kDetailTitleChars && RE2::FullMatch(b.text, shop_title())) break;
    }
    int chars = 0, links = 0;
    for (int j = i + 1; j < end; ++j) {
      chars += seg.blocks[static_cast<std::size_t>(j)].chars;
      links += seg.blocks[static_cast<std::size_t>(j)].link_chars;
    }
    if (links * 2 > chars) continue;  // a menu's column under its title
    // The same section twice (a narrow and a wide layout's copies) once,
    // short keys and values too (drop_repeats() leaves those).
    std::string whole;
    for (int j = i; j < end; ++j) {
      whole += seg.blocks[static_cast<std::size_t>(j)].text;
      whole += '\n';
    }
    if (!sections.insert(std::move(whole)).second) continue;
    for (int j = i; j < end; ++j) {
      const auto u = static_cast<std::size_t>(j);
      const TextBlock& b = seg.blocks[u];
      if (b.kind == BlockKind::kImage || b.kind == BlockKind::kCaption || b.chars == 0) continue;
      if (s->labels[u] == Label::kContent) continue;
      if ((cues_between(page, b.element, top) & kOffDetail) || (b.text_cues & kNotPostText)) continue;
      if (b.link_chars * 2 > b.chars && b.kind != BlockKind::kTableRow) continue;
      s->labels[u] = Label::kContent;
      s->reasons[u] = Reason::kDetail;
    }
  }
}

// A product's specifications as a run of like siblings, each a key and its
// value: two short blocks (the key no link), or a table row of two cells.
constexpr int kSpecKeyChars = 40;
constexpr int kSpecValueChars = 160;

bool spec_pair(const Page& page, int member) {
  const Segments& seg = page.seg;
  const Element& x = page.el(member);
  const TextBlock* parts[2] = {nullptr, nullptr};
  int n = 0;
  for (int i = x.first_block; i < x.end_block; ++i) {
    const TextBlock& b = seg.blocks[static_cast<std::size_t>(i)];
    if (b.kind == BlockKind::kImage || b.chars == 0) continue;
    if (n == 2) return false;
    parts[n++] = &b;
  }
  if (n == 1 && parts[0]->kind == BlockKind::kTableRow) {
    const std::string& t = parts[0]->text;
    const std::size_t tab = t.find('\t');
    return tab != std::string::npos && tab > 0 && tab <= static_cast<std::size_t>(4 * kSpecKeyChars) &&
           t.find('\t', tab + 1) == std::string::npos && parts[0]->chars <= kSpecKeyChars + kSpecValueChars;
  }
  if (n != 2) return false;
  return parts[0]->chars <= kSpecKeyChars && parts[0]->link_chars == 0 &&
         parts[1]->chars <= kSpecValueChars && parts[0]->kind != BlockKind::kTableRow &&
         parts[1]->kind != BlockKind::kTableRow;
}

// Runs of at least three members, four in five of them pairs, not mostly
// links, outside the site's masthead, footer, menus and other lists.
void read_specs(const Page& page, Scores* s) {
  const Segments& seg = page.seg;
  for (const Run& r : find_runs(seg, 3)) {
    int pairs = 0, chars = 0, links = 0;
    for (int m : r.members) {
      pairs += spec_pair(page, m);
      chars += page.chars(m);
      links += page.links(m);
    }
    if (pairs * 5 < static_cast<int>(r.members.size()) * 4 || links * 2 > chars) continue;
    if ((page.cues_above(r.parent) & kOffDetailTitle) || under_nav(page, r.parent)) continue;
    for (int m : r.members) {
      const Element& x = page.el(m);
      for (int i = x.first_block; i < x.end_block; ++i) {
        const auto u = static_cast<std::size_t>(i);
        const TextBlock& b = seg.blocks[u];
        if (b.kind == BlockKind::kImage || b.kind == BlockKind::kCaption || b.chars == 0) continue;
        if (s->labels[u] == Label::kContent) continue;
        if ((cues_between(page, b.element, r.parent) & kOffDetail) || (b.text_cues & kNotPostText)) continue;
        s->labels[u] = Label::kContent;
        s->reasons[u] = Reason::kDetail;
      }
    }
  }
}

// Shops lay a product's text out once per screen size (a narrow and a wide
// gallery, the description beside the buy button and again in a tab): a
// text of kRepeatChars or more kept a second time is a copy when it stands
// under another path (the tags and first classes from <body> down) or when
// the text kept before or after it repeats too. The same text under the
// same path between other texts is the next item of a list saying the same
// (a grid's cards) and stays.
constexpr int kRepeatChars = 20;

std::uint64_t path_key(const Segments& seg, int e) {
  std::uint64_t h = 0xCBF29CE484222325ULL;
  for (; e >= 0; e = seg.elements[static_cast<std::size_t>(e)].parent)
    h = mix(h, step_key(seg.elements[static_cast<std::size_t>(e)]));
  return h;
}

void drop_repeats(const Segments& seg, Scores* s) {
  std::vector<std::size_t> kept;  // the kept blocks with text, in order
  for (std::size_t i = 0; i < seg.blocks.size(); ++i)
    if (s->labels[i] == Label::kContent && seg.blocks[i].kind != BlockKind::kImage &&
        seg.blocks[i].chars > 0)
      kept.push_back(i);
  const auto text = [&](std::size_t k) -> std::string_view { return seg.blocks[kept[k]].text; };
  std::unordered_map<std::string_view, std::size_t> first;  // text -> its first place in `kept`
  std::vector<std::size_t> copies;
  for (std::size_t k = 0; k < kept.size(); ++k) {
    const TextBlock& b = seg.blocks[kept[k]];
    if (b.chars < kRepeatChars) continue;
    const auto [it, is_first] = first.emplace(b.text, k);
    if (is_first) continue;
    const std::size_t j = it->second;
    const bool moved = path_key(seg, b.element) != path_key(seg, seg.blocks[kept[j]].element);
    const bool before = j > 0 && text(k - 1) == text(j - 1) && k - 1 != j;
    const bool after = k + 1 < kept.size() && text(k + 1) == text(j + 1) && j + 1 != k;
    if (moved || before || after) copies.push_back(kept[k]);
  }
  for (std::size_t i : copies) {
    s->labels[i] = Label::kBoilerplate;
    s->reasons[i] = Reason::kRepeat;
  }
}

}  // namespace

// A product page: its name, description and specifications; the shop's
// reviews and ratings (a run of customers' words under a container that
// names them) are not the product's text. A container named for reviews
// that holds most of the page's content-like text is the page's own column,
// named anything (cues_above()). Runs of reviews told by their lines, the
// product's titled sections and its runs of keys and values are read after.
void read_product(const Segments& seg, Scores* s) {
  const Page page(seg);
  const double half = 0.5 * page.good_prefix.back();
  std::vector<char> review(seg.elements.size(), 0);
  for (std::size_t e = 0; e < seg.elements.size(); ++e) {
    const Element& x = seg.elements[e];
    const bool above = x.parent >= 0 && review[static_cast<std::size_t>(x.parent)];
    review[e] = above || ((x.cues & kCueReview) && page.mass(static_cast<int>(e)) <= half);
  }
  for (std::size_t i = 0; i < seg.blocks.size(); ++i) {
    const int e = seg.blocks[i].element;
    if (e < 0 || !review[static_cast<std::size_t>(e)]) continue;
    s->labels[i] = Label::kBoilerplate;
    s->reasons[i] = Reason::kReview;
  }
  drop_review_runs(page, s);
  read_details(page, s);
  read_specs(page, s);
  drop_repeats(seg, s);
  drop_others(page, s);
}

}  // namespace extractor
