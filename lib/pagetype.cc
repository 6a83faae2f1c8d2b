#include "pagetype.h"

#include <re2/re2.h>
#include <re2/set.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <iterator>
#include <memory>

#include "dom.h"
#include "block_features.h"
#include "chars.h"
#include "pagetype_url.h"
#include "patterns.h"
#include "runs.h"
#include "trees.h"

namespace extractor {
namespace {

#include "pagetype_trees.inc"

float log1(double x) { return static_cast<float>(std::log1p(std::max(0.0, x))); }

// --- schema.org types ------------------------------------------------------

enum Family : int {
  kArticleFamily,
  kProductFamily,
  kForumFamily,
  kListingFamily,
  kDocsFamily,
  kServiceFamily,
  kFaqFamily,
  kRatingFamily,
  kPersonFamily,
  kFamilies
};

int family_of(std::string_view type) {
  // "https://schema.org/Product" -> "Product"
  if (const std::size_t slash = type.rfind('/'); slash != std::string_view::npos)
    type.remove_prefix(slash + 1);
  struct Entry {
    std::string_view name;
    int family;
  };
  static constexpr Entry kTypes[] = {
      {"Article", kArticleFamily},          {"NewsArticle", kArticleFamily},
      {"BlogPosting", kArticleFamily},      {"Report", kArticleFamily},
      {"ScholarlyArticle", kArticleFamily}, {"OpinionNewsArticle", kArticleFamily},
      {"AnalysisNewsArticle", kArticleFamily}, {"ReportageNewsArticle", kArticleFamily},
      {"LiveBlogPosting", kArticleFamily},  {"ReviewNewsArticle", kArticleFamily},
      {"Product", kProductFamily},          {"Offer", kProductFamily},
      {"AggregateOffer", kProductFamily},   {"ProductGroup", kProductFamily},
      {"IndividualProduct", kProductFamily}, {"ProductModel", kProductFamily},
      {"DiscussionForumPosting", kForumFamily}, {"QAPage", kForumFamily},
      {"Question", kForumFamily},           {"Answer", kForumFamily},
      {"Comment", kForumFamily},            {"SocialMediaPosting", kForumFamily},
      {"Conversation", kForumFamily},
      {"ItemList", kListingFamily},         {"CollectionPage", kListingFamily},
      {"SearchResultsPage", kListingFamily}, {"OfferCatalog", kListingFamily},
      {"TechArticle", kDocsFamily},         {"APIReference", kDocsFamily},
      {"SoftwareSourceCode", kDocsFamily},  {"HowTo", kDocsFamily},
      {"Organization", kServiceFamily},     {"Corporation", kServiceFamily},
      {"LocalBusiness", kServiceFamily},    {"Service", kServiceFamily},
      {"ProfessionalService", kServiceFamily}, {"SoftwareApplication", kServiceFamily},
      {"WebApplication", kServiceFamily},   {"ContactPage", kServiceFamily},
      {"AboutPage", kServiceFamily},
      {"FAQPage", kFaqFamily},
      {"AggregateRating", kRatingFamily},   {"Review", kRatingFamily},
      {"Rating", kRatingFamily},
      {"Person", kPersonFamily},            {"ProfilePage", kPersonFamily},
  };
  for (const Entry& e : kTypes)
    if (e.name == type) return e.family;
  return -1;
}

// Every "@type" value in a JSON-LD body: "X" or ["X", "Y"]. A scan, not a
// parse: a broken body still names its types.
void json_ld_types(std::string_view s, std::array<bool, kFamilies>& seen) {
  for (std::size_t at = s.find("\"@type\""); at != std::string_view::npos;
       at = s.find("\"@type\"", at + 7)) {
    std::size_t i = at + 7;
    while (i < s.size() && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r')) ++i;
    if (i >= s.size() || s[i] != ':') continue;
    ++i;
    while (i < s.size() && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r')) ++i;
    const bool list = i < s.size() && s[i] == '[';
    const std::size_t end = list ? s.find(']', i) : s.find_first_of(",}", i);
    const std::string_view value = s.substr(i, end == std::string_view::npos ? 200 : end - i);
    // Each quoted string in it.
    for (std::size_t q = value.find('"'); q != std::string_view::npos;) {
      const std::size_t close = value.find('"', q + 1);
      if (close == std::string_view::npos) break;
      const int f = family_of(value.substr(q + 1, close - q - 1));
      if (f >= 0) seen[static_cast<std::size_t>(f)] = true;
      q = value.find('"', close + 1);
    }
  }
}

// itemtype="https://schema.org/Product https://schema.org/Thing"
void microdata_types(std::string_view itemtype, std::array<bool, kFamilies>& seen) {
  while (!itemtype.empty()) {
    const std::size_t space = itemtype.find(' ');
    const int f = family_of(itemtype.substr(0, space));
    if (f >= 0) seen[static_cast<std::size_t>(f)] = true;
    if (space == std::string_view::npos) break;
    itemtype.remove_prefix(space + 1);
  }
}

// What <head> says: og:type, and the words the site names itself and the
// page with (<title>, og:site_name, og:title), joined.
struct Head {
  std::string_view og_type;
  std::string_view generator;
  std::string names;
  bool price = false, published = false, modified = false, section = false;
};

Head read_head(const Dom& dom) {
  Head out;
  const GumboNode* html = dom.root();
  if (html == nullptr || html->type != GUMBO_NODE_ELEMENT) return out;
  for (unsigned i = 0; i < html->v.element.children.length; ++i) {
    const auto* head = static_cast<const GumboNode*>(html->v.element.children.data[i]);
    if (head->type != GUMBO_NODE_ELEMENT || head->v.element.tag != GUMBO_TAG_HEAD) continue;
    for (unsigned k = 0; k < head->v.element.children.length && k < 400; ++k) {
      const auto* el = static_cast<const GumboNode*>(head->v.element.children.data[k]);
      if (el->type != GUMBO_NODE_ELEMENT) continue;
      if (el->v.element.tag == GUMBO_TAG_TITLE && el->v.element.children.length > 0) {
        const auto* t = static_cast<const GumboNode*>(el->v.element.children.data[0]);
        if (t->type == GUMBO_NODE_TEXT)
          out.names.append(t->v.text.text, std::min<std::size_t>(std::strlen(t->v.text.text), 300)) += " | ";
      } else if (el->v.element.tag == GUMBO_TAG_META) {
        const std::string_view property = attribute(el, "property");
        if (property == "og:type") {
          out.og_type = attribute(el, "content");
        } else if (property == "product:price:amount" || property == "og:price:amount" ||
                   property == "product:availability" || property == "og:availability") {
          out.price = true;
        } else if (property == "article:published_time") {
          out.published = true;
        } else if (property == "article:modified_time") {
          out.modified = true;
        } else if (property == "article:section" || property == "article:tag") {
          out.section = true;
        } else if (property.empty() && out.generator.empty() &&
                   attribute(el, "name") == "generator") {
          out.generator = attribute(el, "content");
        } else if (property == "og:site_name" || property == "og:title") {
          const std::string_view v = attribute(el, "content");
          out.names.append(v.substr(0, 300)) += " | ";
        }
      }
    }
  }
  return out;
}

// --- words of short blocks ---------------------------------------------------

constexpr int kWordFamilies = kP_word_listing - kP_word_price + 1;
constexpr int kTitleFamilies = kP_title_news - kP_title_docs + 1;

// Which of a list of patterns a text matches, as bits.
class Words {
 public:
  template <std::size_t N>
  explicit Words(const char* const (&patterns)[N]) : set_(options(), RE2::UNANCHORED) {
    for (const char* p : patterns) set_.Add(p, nullptr);
    ok_ = set_.Compile();
  }
  unsigned match(std::string_view text) const {
    if (!ok_) return 0;
    // Reused: a match per short block.
    thread_local std::vector<int> hits;
    hits.clear();
    if (!set_.Match(re2::StringPiece(text.data(), text.size()), &hits)) return 0;
    unsigned bits = 0;
    for (int h : hits) bits |= 1u << h;
    return bits;
  }

 private:
  static RE2::Options options() {
    RE2::Options o;
    o.set_case_sensitive(false);
    o.set_log_errors(false);
    return o;
  }
  RE2::Set set_;
  bool ok_ = false;
};

// In the order of the word_* features.
constexpr const char* kWordPatterns[kWordFamilies] = {
        // price
        R"((?:[$€£¥₹]\s?\d|\d[\d.,]*\s?(?:€|£|\$|usd|eur|gbp|chf|kr|zł|руб|₽|元)))",
        // cart
        R"(\b(?:add to (?:cart|basket|bag|trolley)|buy (?:it )?now|checkout|in stock|out of stock|add to wish ?list|free (?:shipping|delivery|returns)|warenkorb|ajouter au panier|añadir al carrito|aggiungi al carrello|qty|quantity|sku|specifications|specs|dimensions|warranty|select (?:size|color|colour)|size guide)\b)",
        // rating
        R"(\b(?:\d(?:\.\d)? out of 5|\d+ (?:customer )?(?:reviews?|ratings?)|write a review|reviews?|ratings?|stars?)\b)",
        // forum
        R"(\b(?:reply|replies|quote|joined|posts|views|thread|members?|likes?|permalink|upvotes?|answers?|asked|answered|posted by|report post|new topic|original poster|op)\b)",
        // service
        R"(\b(?:contact (?:us|sales)|get started|free trial|start (?:your )?free|book a (?:demo|call|consultation)|request a (?:demo|quote)|schedule a (?:demo|call|consultation)|get a (?:free )?quote|sign up|learn more|talk to (?:us|an expert|sales)|our (?:services|team|clients)|pricing|get in touch|call (?:us|now|today)|free (?:estimate|consultation)|testimonials|why choose us|book (?:now|online)|request (?:info|information))\b)",
        // more
        R"(\b(?:read more|continue reading|view all|see all|load more|show more|more stories|view more|see more)\b)",
        // pagination
        R"(^\s*(?:next|previous|prev|older|newer|next page|previous page|older posts|newer posts|page \d+(?: of \d+)?|\d{1,3}|»|«|›|‹|…)\s*$)",
        // docs
        R"(\b(?:parameters?|returns?|examples?|syntax|arguments?|usage|installation|deprecated|see also|type signature|default value|request body|response|endpoint|on this page|edit this page|was this (?:page|article) helpful|in this (?:article|section|guide)|table of contents|prerequisites)\b)",
        // listing
        R"(\b(?:sort by|sort|filters?|refine|showing \d+|\d+ (?:items|products|results|articles|stories)|results for|view as|grid view|list view|shop all|all categories|featured|new arrivals|best ?sellers?)\b)",
};

// In the order of the title_* features.
constexpr const char* kTitlePatterns[kTitleFamilies] = {
      R"(\b(?:documentation|docs|reference|api|tutorials?|guides?|manual|handbook|developers?|sdk|getting started|how to)\b)",
      R"(\b(?:forums?|community|discussions?|threads?|boards?|q ?& ?a|questions?|answers|reddit|topic)\b)",
      R"(\b(?:shop|store|buy|price|prices|sale|deals?|outlet|cart)\b)",
      R"(\b(?:list of|lists|category|categories|archives?|all|best|top \d+|results|collections?|directory|browse|hub)\b)",
      R"(\b(?:services?|solutions?|company|agency|consulting|software|platform|professional|experts?|contractors?|lawyers?|attorneys?|clinic|insurance|near me|\w+ing services)\b)",
      R"(\b(?:news|blog|magazine|journal|times|post|daily|tribune|herald|gazette|report|press)\b)",
};

}  // namespace

struct PageTypePatterns {
  Words words{kWordPatterns};
  Words title_words{kTitlePatterns};
};

bool shows_price(const PageTypePatterns& patterns, std::string_view text) {
  return patterns.words.match(text) & 1u;  // price is the first family (kWordPatterns)
}

std::shared_ptr<const PageTypePatterns> compile_pagetype_patterns() {
  return std::make_shared<const PageTypePatterns>();
}

namespace {

// --- what the markup says ---------------------------------------------------

// schema.org types (JSON-LD and microdata), the words of the title and site
// names, og:type, the URL, and whether metadata found a date or an author.
void markup_features(const PageTypeInput& in, float* x) {
  std::array<bool, kFamilies> types{};
  for (const std::string& body : in.json_ld) json_ld_types(body, types);
  for (const Element& e : in.segments.elements) {
    const std::string_view itemtype = attribute(e.node, "itemtype");
    if (!itemtype.empty()) microdata_types(itemtype, types);
  }
  for (int f = 0; f < kFamilies; ++f)
    x[kP_schema_article + f] = types[static_cast<std::size_t>(f)] ? 1.0f : 0.0f;
  const Head head = read_head(in.dom);
  const unsigned title_bits = in.patterns.page_types().title_words.match(head.names);
  for (int f = 0; f < kTitleFamilies; ++f) x[kP_title_docs + f] = (title_bits >> f) & 1u ? 1.0f : 0.0f;
  std::string og(head.og_type);
  for (char& c : og) c = lower_ascii(c);
  if (og.empty()) {
  } else if (og.find("article") != std::string::npos || og.find("blog") != std::string::npos) {
    x[kP_og_article] = 1.0f;
  } else if (og.find("product") != std::string::npos) {
    x[kP_og_product] = 1.0f;
  } else if (og == "website") {
    x[kP_og_website] = 1.0f;
  } else {
    x[kP_og_other] = 1.0f;
  }
  x[kP_title_model] = has_model_word(head.names) ? 1.0f : 0.0f;
  x[kP_meta_price] = head.price ? 1.0f : 0.0f;
  x[kP_meta_published] = head.published ? 1.0f : 0.0f;
  x[kP_meta_modified_only] = head.modified && !head.published ? 1.0f : 0.0f;
  x[kP_meta_section] = head.section ? 1.0f : 0.0f;
  if (const int g = generator_feature(head.generator); g >= 0) x[g] = 1.0f;
  url_features(in.metadata.url, x);
  const Metadata& m = in.metadata;
  x[kP_meta_date] = m.date.empty() ? 0.0f : 1.0f;
  x[kP_meta_author] = m.authors.empty() ? 0.0f : 1.0f;
  x[kP_meta_date_text] =
      !m.date.empty() && (m.sources.date == Source::kText || m.sources.date == Source::kMarkup)
          ? 1.0f
          : 0.0f;
}

// --- form controls and buttons ------------------------------------------------

// Up to `limit` bytes of the text under `node`, words separated by a space.
void gather_text(const GumboNode* node, std::string* out, std::size_t limit, int depth = 0) {
  if (out->size() >= limit || depth > 8) return;
  if (node->type == GUMBO_NODE_TEXT) {
    if (!out->empty()) out->push_back(' ');
    out->append(node->v.text.text, std::min(std::strlen(node->v.text.text), limit - std::min(limit, out->size())));
    return;
  }
  if (node->type != GUMBO_NODE_ELEMENT) return;
  const GumboVector& kids = node->v.element.children;
  for (unsigned i = 0; i < kids.length && out->size() < limit; ++i)
    gather_text(static_cast<const GumboNode*>(kids.data[i]), out, limit, depth + 1);
}

bool is_button_class(std::string_view cls) {
  // "btn", "button", "btn-primary", "cta-button": a word of the class list.
  for (std::size_t i = 0; i + 3 <= cls.size(); ++i) {
    if ((cls.compare(i, 3, "btn") == 0 || (i + 6 <= cls.size() && cls.compare(i, 6, "button") == 0)) &&
        (i == 0 || !is_ascii_alpha(cls[i - 1])))
      return true;
  }
  return false;
}

// The segmenter leaves form controls out of the blocks: counted here, under
// the shown elements that hold them, with the words of the buttons
// (<button>, submit inputs, and links marked as buttons).
void control_features(const PageTypeInput& in, float* x) {
  int buttons = 0, inputs = 0, selects = 0, forms = 0, seen = 0;
  std::array<int, kWordFamilies> words{};
  const Words& vocabulary = in.patterns.page_types().words;
  std::string text;
  auto button_words = [&](const GumboNode* node, std::string_view value) {
    if (++seen > 2000) return;
    text.assign(value.substr(0, 80));
    if (node != nullptr) gather_text(node, &text, 80);
    if (text.empty()) return;
    const unsigned bits = vocabulary.match(text);
    for (int f = 0; f < kWordFamilies; ++f) words[static_cast<std::size_t>(f)] += (bits >> f) & 1u;
  };
  for (const Element& e : in.segments.elements) {
    if (e.tag == GUMBO_TAG_FORM) ++forms;
    if (e.tag == GUMBO_TAG_A) {
      const std::string_view role = attribute(e.node, "role");
      if (role == "button" || is_button_class(lower_ascii(attribute(e.node, "class").substr(0, 200))))
        button_words(e.node, {});
    }
    const GumboVector& kids = e.node->v.element.children;
    for (unsigned i = 0; i < kids.length; ++i) {
      const auto* k = static_cast<const GumboNode*>(kids.data[i]);
      if (k->type != GUMBO_NODE_ELEMENT) continue;
      switch (k->v.element.tag) {
        case GUMBO_TAG_BUTTON:
          ++buttons;
          button_words(k, attribute(k, "aria-label"));
          break;
        case GUMBO_TAG_SELECT:
          ++selects;
          break;
        case GUMBO_TAG_TEXTAREA:
          ++inputs;
          break;
        case GUMBO_TAG_INPUT: {
          const std::string type = lower_ascii(attribute(k, "type"));
          if (type == "submit" || type == "button") {
            ++buttons;
            button_words(nullptr, attribute(k, "value"));
          } else if (type != "hidden" && type != "checkbox" && type != "radio") {
            ++inputs;
          }
          break;
        }
        default:
          break;
      }
    }
  }
  x[kP_ctl_buttons] = log1(buttons);
  x[kP_ctl_inputs] = log1(inputs);
  x[kP_ctl_selects] = log1(selects);
  x[kP_ctl_forms] = log1(forms);
  auto family = [&](PageFeature word_feature) {
    return log1(words[static_cast<std::size_t>(word_feature - kP_word_price)]);
  };
  x[kP_btn_cart] = family(kP_word_cart);
  x[kP_btn_forum] = family(kP_word_forum);
  x[kP_btn_service] = family(kP_word_service);
  x[kP_btn_more] = family(kP_word_more);
}

// --- what the text is made of -------------------------------------------------

// Per block, running totals (index i: the blocks before i), so that an
// element's share of anything is two lookups.
struct BlockPrefixes {
  std::vector<double> chars, links, content;
  std::vector<int> dated, heading, image;
  explicit BlockPrefixes(std::size_t n)
      : chars(n + 1, 0), links(n + 1, 0), content(n + 1, 0), dated(n + 1, 0), heading(n + 1, 0),
        image(n + 1, 0) {}
};

// Counts over all the page's blocks and over those the scorer kept.
struct TextCounts {
  std::size_t blocks = 0;
  double chars = 0, links = 0, content = 0, content_links = 0, code = 0, comment = 0,
         article = 0, form = 0;
  int content_blocks = 0, long_paragraphs = 0, headings = 0, items = 0, rows = 0, codes = 0,
      images = 0, dated = 0, bylines = 0, content_sentences = 0, code_spans = 0, subheadings = 0;
  double short_chars = 0;
  int tel = 0, mailto = 0, nav = 0, breadcrumb = 0, c_headings = 0, c_items = 0, c_rows = 0;
  double sidebar = 0;
  int headline_links = 0, linked_headings = 0, fragment_links = 0, nav_links = 0,
      deep_headings = 0, question_headings = 0;
  int content_words = 0, we = 0, you = 0, me = 0;
  // Short blocks (up to 80 bytes, the first 5,000) per word family.
  std::array<int, kWordFamilies> word_counts{};
};

// English words that say who speaks and to whom: "we"/"our" (a company),
// "you"/"your" (a reader addressed), "I"/"my" (a writer).
void count_pronouns(std::string_view text, TextCounts& t) {
  std::size_t k = 0;
  while (k < text.size()) {
    while (k < text.size() && !is_ascii_alpha(text[k])) {
      // A word of other letters (UTF-8) counts as a word too.
      if (static_cast<unsigned char>(text[k]) >= 0xC0) {
        ++t.content_words;
        while (k + 1 < text.size() && static_cast<unsigned char>(text[k + 1]) >= 0x80) ++k;
      }
      ++k;
    }
    const std::size_t start = k;
    while (k < text.size() && is_ascii_alpha(text[k])) ++k;
    const std::size_t n = k - start;
    if (n == 0) break;
    ++t.content_words;
    if (n > 5) continue;
    char w[6] = {};
    for (std::size_t j = 0; j < n; ++j) w[j] = lower_ascii(text[start + j]);
    const std::string_view word(w, n);
    if (word == "we" || word == "our" || word == "us" || word == "ours") ++t.we;
    else if (word == "you" || word == "your" || word == "yours") ++t.you;
    else if (word == "i" || word == "my" || word == "me") ++t.me;
  }
}

TextCounts count_text(const PageTypeInput& in, BlockPrefixes& pre) {
  const Segments& seg = in.segments;
  const std::size_t n = seg.blocks.size();
  TextCounts t;
  t.blocks = n;
  const Words& vocabulary = in.patterns.page_types().words;
  int short_seen = 0;
  for (std::size_t i = 0; i < n; ++i) {
    const TextBlock& b = seg.blocks[i];
    const bool is_content = i < in.scores.labels.size() && in.scores.labels[i] == Label::kContent;
    const double c = b.chars;
    const bool has_date = (b.text_cues & (kTextHasDate | kTextDateLine)) != 0;
    t.chars += c;
    t.links += b.link_chars;
    if (b.kind == BlockKind::kImage) ++t.images;
    if (b.kind == BlockKind::kHeading) {
      ++t.headings;
      t.linked_headings += b.chars > 0 && 2 * b.link_chars > b.chars;
      t.deep_headings += b.level >= 3;
      std::string_view h = b.text;
      while (!h.empty() && (h.back() == ' ' || h.back() == '\n')) h.remove_suffix(1);
      t.question_headings += !h.empty() && h.back() == '?';
    }
    if (b.kind == BlockKind::kHeading && b.level >= 2 && b.level <= 4) ++t.subheadings;
    if (b.chars < 100) t.short_chars += c;
    for (const Span& sp : b.spans) {
      t.code_spans += sp.kind == Span::Kind::kCode;
      if (sp.kind == Span::Kind::kLink) {
        t.fragment_links += sp.href.find('#') != std::string::npos;
        t.nav_links += (b.cues & (kCueNav | kCueSidebar)) != 0;
      }
      if (sp.kind == Span::Kind::kLink && sp.end >= sp.begin + 25 && sp.end <= b.text.size()) {
        int spaces = 0;
        for (std::uint32_t k = sp.begin; k < sp.end; ++k) spaces += b.text[k] == ' ';
        t.headline_links += spaces >= 3;
      }
      if (sp.kind == Span::Kind::kLink && sp.href.size() > 4) {
        t.tel += sp.href.compare(0, 4, "tel:") == 0;
        t.mailto += sp.href.compare(0, 7, "mailto:") == 0;
      }
    }
    if (b.kind == BlockKind::kListItem) ++t.items;
    if (b.kind == BlockKind::kTableRow) ++t.rows;
    if (b.kind == BlockKind::kCode) ++t.codes, t.code += c;
    if (b.cues & kCueComment) t.comment += c;
    if (b.cues & (kCueArticle | kCueMain)) t.article += c;
    if (b.cues & kCueForm) t.form += c;
    if (b.cues & kCueSidebar) t.sidebar += c;
    if (b.cues & (kCueNav | kCueBreadcrumb)) ++t.nav;
    if (b.cues & kCueBreadcrumb) t.breadcrumb = 1;
    if (has_date) ++t.dated;
    if ((b.text_cues & kTextByline) || (b.cues & kCueByline)) ++t.bylines;
    if (is_content && b.kind != BlockKind::kImage) {
      t.content += c;
      t.content_links += b.link_chars;
      ++t.content_blocks;
      t.content_sentences += b.sentence_ends;
      t.c_headings += b.kind == BlockKind::kHeading;
      t.c_items += b.kind == BlockKind::kListItem;
      t.c_rows += b.kind == BlockKind::kTableRow;
      if (t.content_words < 20000) count_pronouns(b.text, t);
    }
    if (b.kind == BlockKind::kParagraph && b.chars >= 300) ++t.long_paragraphs;
    if (b.kind != BlockKind::kImage && !b.text.empty() && b.text.size() <= 80 &&
        short_seen < 5000) {
      ++short_seen;
      const unsigned bits = vocabulary.match(b.text);
      for (int f = 0; f < kWordFamilies; ++f) t.word_counts[static_cast<std::size_t>(f)] += (bits >> f) & 1u;
    }
    pre.chars[i + 1] = pre.chars[i] + c;
    pre.links[i + 1] = pre.links[i] + b.link_chars;
    pre.content[i + 1] = pre.content[i] + (is_content ? c : 0.0);
    pre.dated[i + 1] = pre.dated[i] + (has_date ? 1 : 0);
    pre.heading[i + 1] = pre.heading[i] + (b.kind == BlockKind::kHeading ? 1 : 0);
    pre.image[i + 1] = pre.image[i] + (b.kind == BlockKind::kImage ? 1 : 0);
  }
  return t;
}

// The counts as shares of the page, of its blocks and of its content.
void text_features(const TextCounts& t, float* x) {
  const double blocks = std::max<double>(1.0, static_cast<double>(t.blocks));
  const double all = std::max(1.0, t.chars);
  x[kP_log_blocks] = log1(static_cast<double>(t.blocks));
  x[kP_log_chars] = log1(t.chars);
  x[kP_content_share] = static_cast<float>(t.content / all);
  x[kP_log_content_chars] = log1(t.content);
  x[kP_link_share] = static_cast<float>(t.links / all);
  x[kP_content_link_share] = t.content > 0 ? static_cast<float>(t.content_links / t.content) : 0.0f;
  x[kP_long_paragraphs] = log1(t.long_paragraphs);
  x[kP_mean_content_block] = t.content_blocks > 0 ? log1(t.content / t.content_blocks) : 0.0f;
  x[kP_sentences_per_block] =
      t.content_blocks > 0
          ? static_cast<float>(t.content_sentences) / static_cast<float>(t.content_blocks)
          : 0.0f;
  x[kP_heading_share] = static_cast<float>(t.headings / blocks);
  x[kP_list_share] = static_cast<float>(t.items / blocks);
  x[kP_table_share] = static_cast<float>(t.rows / blocks);
  x[kP_code_share] = static_cast<float>(t.code / all);
  x[kP_code_blocks] = log1(t.codes);
  x[kP_image_share] = static_cast<float>(t.images / blocks);
  x[kP_comment_share] = static_cast<float>(t.comment / all);
  x[kP_article_cue_share] = static_cast<float>(t.article / all);
  x[kP_date_blocks] = log1(t.dated);
  x[kP_byline_blocks] = log1(t.bylines);
  x[kP_form_share] = static_cast<float>(t.form / all);
  x[kP_short_share] = static_cast<float>(t.short_chars / all);
  x[kP_code_spans] = static_cast<float>(std::min(1000.0 * t.code_spans / all, 50.0));
  x[kP_subheadings] = log1(t.subheadings);
  x[kP_tel_links] = log1(t.tel);
  x[kP_mailto_links] = log1(t.mailto);
  x[kP_nav_blocks] = log1(t.nav);
  x[kP_breadcrumb] = static_cast<float>(t.breadcrumb);
  x[kP_sidebar_share] = static_cast<float>(t.sidebar / all);
  const float cb = static_cast<float>(std::max(1, t.content_blocks));
  x[kP_content_headings] = static_cast<float>(t.c_headings) / cb;
  x[kP_content_items] = static_cast<float>(t.c_items) / cb;
  x[kP_content_rows] = static_cast<float>(t.c_rows) / cb;
  for (int f = 0; f < kWordFamilies; ++f)
    x[kP_word_price + f] = log1(t.word_counts[static_cast<std::size_t>(f)]);
  x[kP_headline_links] = log1(t.headline_links);
  x[kP_fragment_links] = log1(t.fragment_links);
  x[kP_nav_links] = log1(t.nav_links);
  x[kP_deep_headings] = log1(t.deep_headings);
  x[kP_question_headings] = static_cast<float>(t.question_headings) / static_cast<float>(std::max(1, t.headings));
  x[kP_linked_headings] = log1(t.linked_headings);
  x[kP_linked_heading_share] = static_cast<float>(static_cast<double>(t.linked_headings) / std::max(1, t.headings));
  const double words = std::max(1, t.content_words);
  x[kP_pron_we] = static_cast<float>(100.0 * t.we / words);
  x[kP_pron_you] = static_cast<float>(100.0 * t.you / words);
  x[kP_pron_i] = static_cast<float>(100.0 * t.me / words);
}

// --- runs of like siblings ----------------------------------------------------

// Runs of like siblings (runs.h: a listing's items, a thread's posts): how
// many, and the features of the run of three or more that holds the most
// text.
void sibling_run_features(const Segments& seg, const BlockPrefixes& pre, double page_chars,
                          float* x) {
  struct Group {
    int items = 0, dated = 0, headed = 0, imaged = 0;
    double chars = 0, links = 0, content = 0;
  };
  const std::vector<Run> found = find_runs(seg, 3);
  const int runs = static_cast<int>(found.size());
  Group best_group;
  const Group* best = nullptr;
  for (const Run& r : found) {
    Group g;
    for (const int m : r.members) {
      const Element& el = seg.elements[static_cast<std::size_t>(m)];
      const auto a = static_cast<std::size_t>(el.first_block), z = static_cast<std::size_t>(el.end_block);
      ++g.items;
      g.chars += pre.chars[z] - pre.chars[a];
      g.links += pre.links[z] - pre.links[a];
      g.content += pre.content[z] - pre.content[a];
      g.dated += pre.dated[z] > pre.dated[a];
      g.headed += pre.heading[z] > pre.heading[a];
      g.imaged += pre.image[z] > pre.image[a];
    }
    if (best == nullptr || g.chars > best->chars) {
      best_group = g;
      best = &best_group;
    }
  }
  x[kP_rep_groups] = log1(runs);
  if (best == nullptr) return;
  const double all = std::max(1.0, page_chars);
  const double k = best->items;
  x[kP_rep_items] = log1(k);
  x[kP_rep_share] = static_cast<float>(best->chars / all);
  x[kP_rep_item_chars] = log1(best->chars / k);
  x[kP_rep_link_share] = static_cast<float>(best->links / best->chars);
  x[kP_rep_dated] = static_cast<float>(best->dated / k);
  x[kP_rep_headed] = static_cast<float>(best->headed / k);
  x[kP_rep_images] = static_cast<float>(best->imaged / k);
  x[kP_rep_in_content] = static_cast<float>(best->content / best->chars);
}

}  // namespace

const char* const kPageFeatureNames[kPageFeatureCount] = {
#define PAGE_FEATURE(name) #name,
#include "pagetype_features.inc"
#undef PAGE_FEATURE
};

std::vector<float> page_features(const PageTypeInput& in) {
  std::vector<float> x(kPageFeatureCount, 0.0f);
  markup_features(in, x.data());
  control_features(in, x.data());
  BlockPrefixes pre(in.segments.blocks.size());
  const TextCounts counts = count_text(in, pre);
  text_features(counts, x.data());
  sibling_run_features(in.segments, pre, counts.chars, x.data());
  return x;
}

PageClass classify_page(const std::vector<float>& x) {
  PageClass out;
  if (kPageTreeCount == 0 || x.size() != static_cast<std::size_t>(kPageFeatureCount)) return out;
  std::array<double, kPageClasses> sum{};
  for (int t = 0; t < kPageTreeCount; ++t)
    sum[static_cast<std::size_t>(t % kPageClasses)] +=
        tree_value(kPageTreeNodes, kPageTreeRoots[t], x.data());
  const double top = *std::max_element(sum.begin(), sum.end());
  double total = 0;
  std::array<double, kPageClasses> p{};
  for (int c = 0; c < kPageClasses; ++c) {
    p[static_cast<std::size_t>(c)] = std::exp(sum[static_cast<std::size_t>(c)] - top);
    total += p[static_cast<std::size_t>(c)];
  }
  int best = 0;
  for (int c = 1; c < kPageClasses; ++c)
    if (p[static_cast<std::size_t>(c)] > p[static_cast<std::size_t>(best)]) best = c;
  out.confidence = static_cast<float>(p[static_cast<std::size_t>(best)] / total);
  out.article_probability = static_cast<float>(p[0] / total);
  out.type = out.confidence >= kPageTypeFloor ? static_cast<PageType>(best) : PageType::kOther;
  return out;
}

}  // namespace extractor
