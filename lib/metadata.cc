// Stage 6: metadata. The <head> is walked for <title>, <meta> and <link>;
// the body's elements come from segmentation's list, with their cues, and
// only those around the article have their attributes read (microdata,
// <time>, rel=author, author links, byline and date classes); JSON-LD comes
// from prescan; the visible text is read only around the headline and the
// article's last lines. Each field is then chosen by rank (what the page
// states for machines, what it shows near the headline, what its URL says)
// and by agreement between sources.
#include "metadata.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <cstring>
#include <optional>
#include <unordered_map>

#include "chars.h"
#include "dom.h"
#include "metadata_names.h"
#include "metadata_datetime.h"
#include "metadata_jsonld.h"
#include "metadata_text.h"
#include "metadata_title.h"
#include "patterns.h"
#include "url.h"

namespace extractor {
namespace {

// Context bits beside the segment cues (which use the low 27 bits).
constexpr std::uint32_t kCtxCommentItem = 1u << 29;  // inside itemtype=Comment
constexpr std::uint32_t kCtxHead = 1u << 30;         // inside <head>

// Where an article's own metadata never is, though other articles' bylines
// and dates are: comments, sidebars, related lists, feeds, menus, and the
// masthead (which shows today's date). Ads, pop-ups and forms hold neither,
// and their words are too often on wrappers to be trusted.
constexpr std::uint32_t kAway = kCueComment | kCueSidebar | kCueRelated | kCueFeed | kCueNav |
                                kCueHeader | kCueBreadcrumb | kCtxCommentItem;

// ---------------------------------------------------------------------------
// Gathering
// ---------------------------------------------------------------------------

enum class MarkKind {
  kAuthorProp,     // itemprop=author / creator
  kAuthorRel,      // <a rel=author>
  kAuthorLink,     // <a href=".../author/jane-doe">: a link to an author's page
  kAuthorClass,    // an element whose class/id says author / byline
  kPublishedProp,  // itemprop=datePublished (or uploadDate)
  kModifiedProp,   // itemprop=dateModified
  kCreatedProp,    // itemprop=dateCreated
  kTime,           // <time>
  kDateClass,      // an element whose class/id says date / time / published
  kHeadlineProp,   // itemprop=headline
  kTagLink,        // <a rel=tag>
};

struct Mark {
  explicit Mark(MarkKind k) : kind(k) {}
  MarkKind kind;
  std::string value;  // a machine value (content, datetime), if any
  std::string text;   // the visible text
  int block = 0;      // the block the element's text starts in (approximate)
  std::uint32_t ctx = 0;
  bool pubdate = false;  // <time pubdate>
  bool updated = false;  // class says updated / modified
  bool published = false;  // class says published
};

struct Heading {
  std::string text;
  std::vector<std::string> parts;  // its child elements' texts (kicker, headline)
  // The text after a kicker ("<h1><span>Dachzeile</span> Headline</h1>"):
  // the headline itself. Empty when the heading has no kicker.
  std::string after_kicker;
  int block = 0;
  int level = 1;
  std::uint32_t ctx = 0;
  bool title_class = false;
};

struct Gathered {
  std::string html_lang;
  std::string title_tag;
  bool title_seen = false;
  std::vector<std::pair<std::string, std::string>> metas;  // key (lower case) -> content
  std::string canonical;
  std::string image_src;
  std::vector<Mark> marks;
  std::vector<Heading> headings;
};

// How node_text() treats the boundaries of inline elements.
enum class Inline {
  kJoin,   // as a browser renders them: "<em>Metroid</em>, One" reads "Metroid, One"
  kSpace,  // as separate words: "<span>By</span><a>Jane</a>" reads "By Jane"
};

// An element whose text a reader sees (not a script, a form control, an
// embedded frame, ...: see the tag table, flow_of()).
bool shows_text(const GumboNode* n) {
  return n->type == GUMBO_NODE_ELEMENT && flow_of(n->v.element.tag) != Flow::kSkip;
}

// The visible text of a subtree, up to about `limit` bytes (cut at a
// character boundary). Block-level elements and <br> always separate. The
// root is read whatever its tag (a <title> is read on purpose); elements
// under it that show no text are skipped.
std::string node_text(const GumboNode* root, std::size_t limit, Inline mode = Inline::kSpace) {
  // Runs of ASCII white space are written as one space as the text is
  // gathered, so that `limit` counts what a reader sees, not the page's
  // indentation.
  std::string out;
  auto space = [&] {
    if (!out.empty() && out.back() != ' ') out += ' ';
  };
  auto append = [&](const char* text) {
    for (const char* c = text; *c != '\0'; ++c) {
      if (*c == ' ' || *c == '\n' || *c == '\t' || *c == '\r' || *c == '\f') {
        space();
      } else {
        out += *c;
      }
    }
  };
  auto boundary = [&](const GumboNode* n) {
    if (mode == Inline::kSpace || breaks_text(n->v.element.tag)) space();
  };
  walk(
      root,
      [&](const GumboNode* n, int depth) {
        if (out.size() > limit) return false;
        switch (n->type) {
          case GUMBO_NODE_TEXT:
          case GUMBO_NODE_WHITESPACE:
          case GUMBO_NODE_CDATA:
            append(n->v.text.text);
            return false;
          case GUMBO_NODE_ELEMENT:
            if (depth > 0 && !shows_text(n)) return false;
            boundary(n);
            return true;
          default:
            return false;
        }
      },
      [&](const GumboNode* n, int) {
        if (n->type == GUMBO_NODE_ELEMENT) boundary(n);
      });
  if (out.size() > limit + 64) out.resize(utf8_floor(out, limit + 64));
  return collapse_space(out);
}

// "Home > News > Sport", "Start » Ratgeber", "首页 > 新闻": a trail of
// links to where the page sits (its levels joined by " > ", " » ", " › ").
bool is_breadcrumb_trail(std::string_view s) {
  for (const char* sep : {" > ", " \xc2\xbb ", " \xe2\x80\xba "})
    if (s.find(sep) != std::string_view::npos) return true;
  return false;
}

// False when `text`'s comparison key cannot start with `key`'s first
// character: its first letter or digit is ASCII and another (a quick test
// before computing the key; true when unsure).
bool may_open_with(std::string_view text, std::string_view key) {
  if (key.empty()) return true;
  for (char c : text) {
    if (static_cast<unsigned char>(c) >= 0x80) return true;
    if (is_ascii_alnum(c)) return lower_ascii(c) == key[0];
  }
  return true;
}

// A heading whose first child element is a short label (a kicker, topic
// line or "Dachzeile", up to six words) followed by the headline in other
// children or text: the headline's text. A label ending in a colon
// ("Editor's Letter:", "Krach im Vorstand:") opens the headline's sentence
// and stays; so does a label that is most of the heading.
std::string text_after_kicker(const GumboNode* h, const std::string& whole) {
  const GumboVector& kids = h->v.element.children;
  unsigned i = 0;
  while (i < kids.length &&
         static_cast<const GumboNode*>(kids.data[i])->type == GUMBO_NODE_WHITESPACE)
    ++i;
  if (i + 1 >= kids.length) return {};
  const auto* first = static_cast<const GumboNode*>(kids.data[i]);
  if (!shows_text(first) || first->v.element.tag == GUMBO_TAG_BR) return {};
  const std::string kicker = node_text(first, 200, Inline::kJoin);
  const int kw = count_words(kicker);
  if (kw == 0 || kw > 6 || kicker.size() < 3) return {};
  // Words are not counted by spaces in CJK headings, where a first span is
  // as often the main title before a subtitle.
  for (std::size_t i = 0; i < kicker.size();)
    if (is_cjk(next_code_point(kicker, &i))) return {};
  const std::string_view kv(kicker);
  if (kv.back() == ':' ||
      (kv.size() >= 3 && kv.substr(kv.size() - 3) == "\xef\xbc\x9a"))  // ：
    return {};
  std::string rest;
  for (++i; i < kids.length && rest.size() < 600; ++i) {
    const auto* k = static_cast<const GumboNode*>(kids.data[i]);
    if (k->type == GUMBO_NODE_TEXT) {
      rest += k->v.text.text;
    } else if (k->type == GUMBO_NODE_ELEMENT) {
      rest += ' ';
      if (shows_text(k)) rest += node_text(k, 600, Inline::kJoin);
    } else if (k->type == GUMBO_NODE_WHITESPACE) {
      rest += ' ';
    }
  }
  rest = collapse_space(rest);
  // The separator a hidden span or the markup puts between them.
  std::size_t b = 0;
  while (b < rest.size()) {
    if (rest[b] == ' ' || rest[b] == ':' || rest[b] == '-' || rest[b] == '|') {
      ++b;
    } else if (rest.compare(b, 3, "\xe2\x80\x93") == 0 ||
               rest.compare(b, 3, "\xe2\x80\x94") == 0) {
      b += 3;  // – —
    } else {
      break;
    }
  }
  rest.erase(0, b);
  if (count_words(rest) < 3 || rest.size() * 4 < kicker.size() * 3 || rest.size() >= whole.size())
    return {};
  return rest;
}

// What an element's class and id words say, for metadata.
enum : unsigned {
  kWordAuthor = 1,
  kWordDate = 2,
  kWordUpdated = 4,
  kWordPublished = 8,
  kWordAside = 16,  // bio, avatar, box, follow: around a name, not the byline
  kWordTitle = 32,
};

unsigned classify_words(const GumboNode* node) {
  std::string words;
  for (const char* a : {"class", "id", "data-component", "data-testid"}) {
    const std::string_view v = attribute(node, a);
    if (v.empty()) continue;
    words += ' ';
    words.append(v.substr(0, 200));
  }
  if (words.empty()) return 0;
  const std::string folded = fold_attribute_words(words);
  unsigned w = 0;
  std::size_t i = 0;
  while (i < folded.size()) {
    while (i < folded.size() && !is_ascii_lower(folded[i])) ++i;
    std::size_t j = i;
    while (j < folded.size() && is_ascii_lower(folded[j])) ++j;
    const std::string_view t(folded.data() + i, j - i);
    i = j;
    if (t.empty()) continue;
    auto starts = [&](const char* p) { return t.rfind(p, 0) == 0; };
    if (starts("author") || starts("byline") || t == "writer" || t == "writers" ||
        t == "creator" || t == "reporter" || t == "journalist" || t == "autor" ||
        t == "autoren" || t == "auteur" || t == "verfasser" || t == "contributor" ||
        t == "contributors" || t == "byl" || t == "by" || t == "postedby" || t == "writtenby")
      w |= kWordAuthor;
    if (starts("date") || starts("publish") || starts("timestamp") || starts("pubdate") ||
        t == "time" || t == "datetime" || t == "posted" || t == "dateline" || t == "created" ||
        t == "datum" || t == "fecha" || t == "postedon" || t == "pubtime")
      w |= kWordDate;
    if (starts("publish") || t == "pubdate" || t == "posted" || t == "postedon" ||
        t == "created")
      w |= kWordPublished;
    if (starts("updat") || starts("modif") || t == "lastmod" || t == "edited" ||
        t == "revised")
      w |= kWordUpdated;
    if (t == "bio" || t == "biography" || t == "about" || t == "box" || t == "card" ||
        t == "profile" || t == "avatar" || t == "image" || t == "img" || t == "photo" ||
        t == "pic" || t == "picture" || t == "thumb" || t == "thumbnail" || t == "follow" ||
        t == "social" || t == "description" || t == "desc" || t == "email" || t == "twitter" ||
        t == "more" || t == "title" || t == "role" || t == "job" || t == "position" ||
        t == "count" || t == "comments")
      w |= kWordAside;
    if (t == "title" || t == "headline" || starts("headline"))
      w |= kWordTitle;
  }
  return w;
}

bool has_token(std::string_view list, std::string_view token) {
  // Space-separated, case-insensitive; itemprop values may be full URLs.
  std::size_t i = 0;
  while (i < list.size()) {
    while (i < list.size() && list[i] == ' ') ++i;
    std::size_t j = i;
    while (j < list.size() && list[j] != ' ') ++j;
    std::string_view t = list.substr(i, j - i);
    const std::size_t slash = t.rfind('/');
    if (slash != std::string_view::npos) t.remove_prefix(slash + 1);
    if (equals_ascii_ci(t, token)) return true;
    i = j;
  }
  return false;
}

// The first descendant with itemprop=name: a microdata Person's name.
const GumboNode* find_itemprop_name(const GumboNode* root) {
  const GumboNode* found = nullptr;
  walk(
      root,
      [&](const GumboNode* n, int depth) {
        if (found != nullptr || n->type != GUMBO_NODE_ELEMENT) return false;
        if (depth > 0 && has_token(attribute(n, "itemprop"), "name")) {
          found = n;
          return false;
        }
        return depth < 8;
      },
      [](const GumboNode*, int) {});
  return found;
}

// Author words inside class and id values that segmentation's bounded
// words miss ("authorname-txt", "postAuthor", "bylineWrapper", "autorBox").
bool has_author_word(const char* v) {
  if (v == nullptr) return false;
  // One pass over the value (it is read for every element near the
  // article): "uthor", "utor", "riter" and "eporter" have a 't' after a
  // known letter, "yline" an 'l' after a 'y'.
  for (const char* p = v; *p != '\0'; ++p) {
    if (p == v) continue;
    if (*p == 't') {
      if (p[-1] == 'u' && ((p[1] == 'h' && p[2] == 'o' && p[3] == 'r') || (p[1] == 'o' && p[2] == 'r')))
        return true;
      if (p[1] == 'e' && p[2] == 'r' && p[-1] == 'i' && p - v >= 2 && p[-2] == 'r') return true;
      if (p[1] == 'e' && p[2] == 'r' && p[-1] == 'r' && p - v >= 4 && p[-2] == 'o' &&
          p[-3] == 'p' && p[-4] == 'e')
        return true;
    } else if (*p == 'l' && p[-1] == 'y' && p[1] == 'i' && p[2] == 'n' && p[3] == 'e') {
      return true;
    }
  }
  return false;
}

// Paths of author pages: "/author/jane-doe", "/autoren/...", "?author=12".
bool is_author_href(std::string_view href) {
  if (href.size() < 8 || href.size() > 300) return false;
  // Each path starts at a '/', so only the slashes are tried (one pass over
  // the link, not one search per path).
  static const std::string_view kPaths[] = {
      "/author",  "/autor",     "/auteur",  "/autore",    "/profile",  "/people/",
      "/staff/",  "/journalist", "/redakteur", "/redaktion/", "/writer", "/contributor",
      "/columnist", "/reporter", "/editors/", "/user/",    "/users/",
      "/member/", "/members/",  "/blogger/", "/u/"};
  for (std::size_t i = href.find('/'); i != std::string_view::npos; i = href.find('/', i + 1)) {
    const std::string_view rest = href.substr(i);
    if (rest.size() < 3) break;
    for (std::string_view p : kPaths)  // the letter after the slash first
      if (p[1] == rest[1] && rest.size() >= p.size() && rest.compare(0, p.size(), p) == 0)
        return true;
  }
  return href.find("author=") != std::string_view::npos;
}

// WordPress marks a comment that the post's own author wrote with the
// class "bypostauthor": the name that comment shows (its first short
// element classed as an author's, "comment-author", "fn") is the
// article's writer's. Empty when no comment is so marked.
std::string post_author_in_comments(const Segments& seg) {
  for (const Element& el : seg.elements) {
    if (!(el.cues & kCueComment) || !has_token(attribute(el.node, "class"), "bypostauthor"))
      continue;
    std::string name;
    walk(
        el.node,
        [&](const GumboNode* n, int depth) {
          if (!name.empty() || !shows_text(n)) return false;
          // The comment itself is classed by its author ("comment-author-
          // jdoe"); an element holding more than a name holds the text.
          if (depth > 0 && (classify_words(n) & kWordAuthor)) {
            std::string t = node_text(n, 80);
            if (t.size() <= 60) name = std::move(t);
          }
          return name.empty();
        },
        [](const GumboNode*, int) {});
    if (!name.empty()) return name;
  }
  return {};
}

class Gatherer {
 public:
  // `away` holds each element's own away cues, as far as they count.
  Gatherer(const Segments& seg, const std::vector<std::uint32_t>& away, const NamePatterns& names,
           Gathered* out)
      : seg_(seg), away_(away), names_(names), out_(*out) {}

  // <html lang>, the <head> (walked: it is small), then the body's elements
  // as segmentation listed them. Only elements whose text starts in blocks
  // [win_begin, win_end) (the article and what is around it) have their
  // attributes read in full; elsewhere only headings, <time> and the
  // <meta>/<title> a broken page leaves in the body are looked at. Reading
  // every element's attributes would cost more than the rest of the stage.
  void run(const GumboNode* root, int win_begin, int win_end, int gap_begin, int gap_end) {
    if (root == nullptr || root->type != GUMBO_NODE_ELEMENT) return;
    out_.html_lang = std::string(attribute(root, "lang"));
    if (out_.html_lang.empty()) out_.html_lang = std::string(attribute(root, "xml:lang"));
    const GumboVector& kids = root->v.element.children;
    for (unsigned i = 0; i < kids.length; ++i) {
      const auto* k = static_cast<const GumboNode*>(kids.data[i]);
      if (k->type == GUMBO_NODE_ELEMENT && k->v.element.tag == GUMBO_TAG_HEAD)
        walk(
            k,
            [&](const GumboNode* n, int) {
              if (n->type != GUMBO_NODE_ELEMENT) return false;
              return head_element(n, kCtxHead);
            },
            [](const GumboNode*, int) {});
    }
    const auto& els = seg_.elements;
    ctx_.assign(els.size(), 0);
    for (std::size_t e = 0; e < els.size(); ++e) {
      const Element& el = els[e];
      std::uint32_t ctx = (el.parent >= 0 ? ctx_[static_cast<std::size_t>(el.parent)] : 0) |
                          (el.cues & ~kAway) | away_[e];
      const bool window = el.first_block >= win_begin && el.first_block < win_end &&
                          !(el.first_block >= gap_begin && el.first_block < gap_end);
      const GumboTag tag = el.tag;
      const bool wanted = window || tag == GUMBO_TAG_H1 || tag == GUMBO_TAG_H2 ||
                          tag == GUMBO_TAG_H3 || tag == GUMBO_TAG_TIME;
      if (wanted) ctx = element(el, ctx, window);
      // What the parser moved out of a broken <head>: <meta>, <link>,
      // <title> near the top of the body (and any inside the window).
      if (window || el.depth <= 2) {
        const GumboVector& ch = el.node->v.element.children;
        for (unsigned i = 0; i < ch.length; ++i) {
          const auto* k = static_cast<const GumboNode*>(ch.data[i]);
          if (k->type != GUMBO_NODE_ELEMENT) continue;
          const GumboTag t = k->v.element.tag;
          if (t == GUMBO_TAG_META || t == GUMBO_TAG_LINK || t == GUMBO_TAG_TITLE) {
            block_ = el.first_block;
            head_element(k, ctx);
          }
        }
      }
      ctx_[e] = ctx;
    }
  }

 private:
  // <meta>, <link>, <title> (in the head, or left in the body).
  bool head_element(const GumboNode* n, std::uint32_t ctx) {
    switch (n->v.element.tag) {
      case GUMBO_TAG_TITLE:
        if (!out_.title_seen) {
          out_.title_seen = true;
          out_.title_tag = node_text(n, 600);
        }
        return false;
      case GUMBO_TAG_META:
        meta(n, ctx);
        return false;
      case GUMBO_TAG_LINK:
        link(n);
        return false;
      case GUMBO_TAG_SCRIPT:
      case GUMBO_TAG_STYLE:
      case GUMBO_TAG_NOSCRIPT:
      case GUMBO_TAG_TEMPLATE:
        return false;
      default:
        return true;
    }
  }

  // One body element; returns its context (with a Comment item's flag).
  std::uint32_t element(const Element& el, std::uint32_t ctx, bool window) {
    const GumboNode* n = el.node;
    const GumboTag tag = el.tag;
    block_ = el.first_block;
    // One pass over the attributes.
    std::string_view itemprop, rel;
    bool pubdate = false, named = false, authorish = false, datetime = false;
    const GumboVector& attrs = n->v.element.attributes;
    for (unsigned i = 0; i < attrs.length; ++i) {
      const auto* a = static_cast<const GumboAttribute*>(attrs.data[i]);
      const char* name = a->name;
      switch (name[0]) {
        case 'i':
          if (std::strcmp(name, "itemprop") == 0) {
            itemprop = a->value;
          } else if (std::strcmp(name, "id") == 0) {
            named = true;
            authorish = authorish || (window && has_author_word(a->value));
          } else if (std::strcmp(name, "itemtype") == 0 &&
                     std::strstr(a->value, "Comment") != nullptr) {
            ctx |= kCtxCommentItem;
          }
          break;
        case 'c':
          if (std::strcmp(name, "class") == 0) {
            named = true;
            authorish = authorish || (window && has_author_word(a->value));
          }
          break;
        case 'r':
          if (std::strcmp(name, "rel") == 0) rel = a->value;
          break;
        case 'p':
          if (std::strcmp(name, "pubdate") == 0) pubdate = true;
          break;
        case 'd':
          if (std::strcmp(name, "datetime") == 0) datetime = true;
          break;
        default:
          break;
      }
    }

    if (!itemprop.empty()) microdata(n, itemprop, ctx);
    // Custom elements that render a <time>'s datetime ("<relative-time>",
    // "<time-ago>", "<local-time>") are times.
    const bool time_like = tag == GUMBO_TAG_TIME || (tag == GUMBO_TAG_UNKNOWN && datetime);

    // Class and id words are read only where segmentation already saw
    // byline-like words (author, date, time, meta, byline, published, ...)
    // or the raw value names an author.
    const std::uint32_t cues = el.cues;
    const bool bylinish =
        window && named && (authorish || (cues & (kCueByline | kCueAuthorBio)) != 0);
    if (time_like) {
      Mark m{MarkKind::kTime};
      m.value = std::string(attribute(n, "datetime"));
      m.text = node_text(n, 200);
      m.block = block_;
      m.ctx = ctx;
      m.pubdate = pubdate;
      const unsigned w = named ? classify_words(n) : 0;
      m.updated = (w & kWordUpdated) != 0;
      m.published = (w & kWordPublished) != 0;
      out_.marks.push_back(std::move(m));
    } else if (tag == GUMBO_TAG_A && window) {
      if (!rel.empty() && has_token(rel, "author")) {
        add_text_mark(n, MarkKind::kAuthorRel, ctx, 120);
      } else if (!rel.empty() && (has_token(rel, "tag") || has_token(rel, "category"))) {
        add_text_mark(n, MarkKind::kTagLink, ctx, 80);
      } else if (is_author_href(attribute(n, "href"))) {
        add_text_mark(n, MarkKind::kAuthorLink, ctx, 120);
        if (!out_.marks.empty() && out_.marks.back().kind == MarkKind::kAuthorLink)
          out_.marks.back().value = std::string(attribute(n, "href"));
      }
    }
    if (tag == GUMBO_TAG_H1 || tag == GUMBO_TAG_H2 || tag == GUMBO_TAG_H3) {
      const bool title_class = (cues & kCueTitle) != 0;
      if (tag == GUMBO_TAG_H1 || title_class) {
        Heading h;
        h.text = node_text(n, 600, Inline::kJoin);
        const GumboVector& kids = n->v.element.children;
        for (unsigned i = 0; i < kids.length && h.parts.size() < 4; ++i) {
          const auto* k = static_cast<const GumboNode*>(kids.data[i]);
          if (!shows_text(k)) continue;
          std::string t = node_text(k, 600, Inline::kJoin);
          if (!t.empty() && t.size() < h.text.size()) h.parts.push_back(std::move(t));
        }
        if (h.parts.size() < 2) h.parts.clear();
        h.after_kicker = text_after_kicker(n, h.text);
        h.block = block_;
        h.level = tag == GUMBO_TAG_H1 ? 1 : tag == GUMBO_TAG_H2 ? 2 : 3;
        h.ctx = ctx;
        h.title_class = title_class;
        if (!h.text.empty() && out_.headings.size() < 64) out_.headings.push_back(std::move(h));
      }
    } else if (bylinish && !time_like) {
      const unsigned w = classify_words(n);
      if (w & (kWordAuthor | kWordDate)) byline_element(n, w, ctx);
      if (!(w & kWordAuthor)) hidden_marker_byline(el, ctx);
    } else if (window && !time_like) {
      hidden_marker_byline(el, ctx);
    }
    return ctx;
  }

  // A byline whose marker only screen readers get: "<span
  // class="screen-reader-text">By </span><span>Jane Doe</span> | <time>",
  // the name and date visible, the "By" hidden. Segmentation leaves the
  // hidden text out; the byline reads from the marker on.
  void hidden_marker_byline(const Element& el, std::uint32_t ctx) {
    // A byline is a line or two, not a section.
    if (el.end_block - el.first_block > 2) return;
    const GumboNode* n = el.node;
    const GumboVector& kids = n->v.element.children;
    if (kids.length < 2 || kids.length > 40 || out_.marks.size() > 400) return;
    for (unsigned i = 0; i + 1 < kids.length; ++i) {
      const auto* k = static_cast<const GumboNode*>(kids.data[i]);
      if (!shows_text(k)) continue;
      const std::string_view cls = attribute(k, "class");
      if (cls.empty() || cls.size() > 200) continue;
      // Class words of screen-reader-only text, in any ASCII case (most
      // class strings are lower case already and need no copy).
      auto screen_reader_only = [](std::string_view c) {
        for (std::string_view w : {"screen-reader", "sr-only", "visually-hidden", "visuallyhidden"})
          if (c.find(w) != std::string_view::npos) return true;
        return false;
      };
      const bool upper = std::any_of(cls.begin(), cls.end(), is_ascii_upper);
      if (!screen_reader_only(cls) && !(upper && screen_reader_only(lower_ascii(cls)))) continue;
      const std::string marker = node_text(k, 40);
      if (!is_bare_latin_marker(names_, marker)) continue;
      const std::string whole = node_text(n, 300);
      const std::size_t at = whole.find(marker);
      if (at == std::string::npos || whole.size() > 300) return;
      Mark m{MarkKind::kAuthorClass};
      m.text = whole.substr(at);
      m.block = block_;
      m.ctx = ctx;
      out_.marks.push_back(std::move(m));
      return;
    }
  }

  void add_text_mark(const GumboNode* n, MarkKind kind, std::uint32_t ctx, std::size_t limit) {
    Mark m{kind};
    m.text = node_text(n, limit);
    if (m.text.empty() || m.text.size() > limit) return;
    m.block = block_;
    m.ctx = ctx;
    out_.marks.push_back(std::move(m));
  }

  void byline_element(const GumboNode* n, unsigned w, std::uint32_t ctx) {
    if (out_.marks.size() > 400) return;
    // An element that holds a whole list or section is no byline.
    Mark m{(w & kWordAuthor) ? MarkKind::kAuthorClass : MarkKind::kDateClass};
    if ((w & kWordAuthor) && (w & kWordAside)) return;
    m.text = node_text(n, 300);
    if (m.text.empty() || m.text.size() > 300) return;
    m.value = std::string(attribute(n, "datetime"));
    if (m.value.empty()) m.value = std::string(attribute(n, "content"));
    m.block = block_;
    m.ctx = ctx;
    m.updated = (w & kWordUpdated) != 0;
    m.published = (w & kWordPublished) != 0;
    out_.marks.push_back(m);
    // A byline element that also holds the date ("By X | March 3").
    if ((w & kWordAuthor) && (w & kWordDate)) {
      m.kind = MarkKind::kDateClass;
      out_.marks.push_back(std::move(m));
    }
  }

  void microdata(const GumboNode* n, std::string_view itemprop, std::uint32_t ctx) {
    const GumboTag tag = n->v.element.tag;
    std::string value(attribute(n, "content"));
    if (value.empty()) value = std::string(attribute(n, "datetime"));
    auto mark = [&](MarkKind kind, std::string text) {
      Mark m{kind};
      m.value = value;
      m.text = std::move(text);
      m.block = block_;
      m.ctx = ctx;
      out_.marks.push_back(std::move(m));
    };
    if (has_token(itemprop, "author") || has_token(itemprop, "creator")) {
      if (tag == GUMBO_TAG_LINK || tag == GUMBO_TAG_META) {
        if (!value.empty()) mark(MarkKind::kAuthorProp, {});
        return;
      }
      const GumboNode* name = nullptr;
      if (gumbo_get_attribute(&n->v.element.attributes, "itemscope")) name = find_itemprop_name(n);
      if (name != nullptr) {
        std::string v(attribute(name, "content"));
        value = v;
        mark(MarkKind::kAuthorProp, v.empty() ? node_text(name, 120) : std::string());
      } else {
        mark(MarkKind::kAuthorProp, node_text(n, 200));
      }
      return;
    }
    const bool published = has_token(itemprop, "datePublished") || has_token(itemprop, "uploadDate");
    const bool modified = has_token(itemprop, "dateModified");
    const bool created = has_token(itemprop, "dateCreated");
    if (published || modified || created) {
      mark(published ? MarkKind::kPublishedProp
                     : modified ? MarkKind::kModifiedProp : MarkKind::kCreatedProp,
           tag == GUMBO_TAG_META ? std::string() : node_text(n, 200));
      return;
    }
    if (has_token(itemprop, "headline"))
      mark(MarkKind::kHeadlineProp, tag == GUMBO_TAG_META ? std::string() : node_text(n, 600));
  }

  void meta(const GumboNode* n, std::uint32_t ctx) {
    std::string_view content = attribute(n, "content");
    // Some generators (and sanitisers) write value= for content=.
    if (content.empty()) content = attribute(n, "value");
    if (content.empty()) return;
    for (const char* a : {"property", "name", "itemprop", "http-equiv"}) {
      const std::string_view key = attribute(n, a);
      if (key.empty()) continue;
      if (std::strcmp(a, "itemprop") == 0 && !(ctx & kCtxHead)) {
        microdata(n, key, ctx);
        if (ctx & kAway) continue;
      }
      // Cut at a character boundary: the value may become the title
      // (found by fuzzing: a cut sequence made the title invalid UTF-8).
      const std::string_view value = utf8_prefix(content, 2000);
      // RDFa lists several properties in one attribute ("dc:creator
      // og:author"), and writes Dublin Core's prefix with a colon.
      std::string_view keys = key.substr(0, 160);
      while (!keys.empty() && out_.metas.size() < 400) {
        const std::size_t sp = keys.find(' ');
        std::string k = lower_ascii(keys.substr(0, sp));
        keys = sp == std::string_view::npos ? std::string_view() : keys.substr(sp + 1);
        if (k.empty()) continue;
        if (k.rfind("dc:", 0) == 0) k.replace(0, 3, "dc.");
        else if (k.rfind("dcterms:", 0) == 0) k.replace(0, 8, "dcterms.");
        out_.metas.emplace_back(std::move(k), std::string(value));
      }
    }
  }

  void link(const GumboNode* n) {
    const std::string_view rel = attribute(n, "rel");
    const std::string_view href = attribute(n, "href");
    if (rel.empty() || href.empty()) return;
    if (has_token(rel, "canonical") && out_.canonical.empty()) out_.canonical = std::string(href);
    else if (has_token(rel, "image_src") && out_.image_src.empty())
      out_.image_src = std::string(href);
  }

  const Segments& seg_;
  const std::vector<std::uint32_t>& away_;
  const NamePatterns& names_;
  Gathered& out_;
  int block_ = 0;
  std::vector<std::uint32_t> ctx_;  // per element: cues of it and its ancestors
};

// ---------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------

class Metas {
 public:
  // Indexed once by key: a page has up to a few hundred <meta> tags and
  // the stage asks for some sixty keys.
  explicit Metas(const Gathered& g) : g_(g) {
    index_.reserve(g.metas.size());
    for (std::size_t i = 0; i < g.metas.size(); ++i) index_[g.metas[i].first].push_back(i);
  }
  // The first value of the first key present, in the order of `keys`.
  std::string first(std::initializer_list<const char*> keys) const {
    for (const char* k : keys) {
      auto it = index_.find(std::string_view(k));
      if (it == index_.end()) continue;
      for (std::size_t i : it->second) {
        std::string v = collapse_space(g_.metas[i].second);
        if (!v.empty()) return v;
      }
    }
    return {};
  }
  std::vector<std::string> all(const char* key) const {
    std::vector<std::string> out;
    auto it = index_.find(std::string_view(key));
    if (it != index_.end())
      for (std::size_t i : it->second) out.push_back(collapse_space(g_.metas[i].second));
    return out;
  }

 private:
  const Gathered& g_;
  std::unordered_map<std::string_view, std::vector<std::size_t>> index_;
};

// "en_US" -> "en", "zh-Hans-CN" -> "zh"; "" when it is no language tag.
std::string primary_language(std::string_view tag) {
  std::string s = lower_ascii(collapse_space(tag));
  s = s.substr(0, s.find_first_of("-_ ,;"));
  if (s.size() < 2 || s.size() > 3) return {};
  for (char c : s)
    if (!is_ascii_lower(c)) return {};
  if (s == "iw") return "he";
  if (s == "in") return "id";
  return s;
}

Script script_of_language(const std::string& l) {
  static const char* const cyr[] = {"ru", "uk", "bg", "mk", "be", "kk", "ky", "tg", "mn"};
  for (const char* c : cyr)
    if (l == c) return Script::kCyrillic;
  if (l == "el") return Script::kGreek;
  if (l == "ar" || l == "fa" || l == "ur" || l == "ps") return Script::kArabic;
  if (l == "he" || l == "yi") return Script::kHebrew;
  if (l == "zh" || l == "ja") return Script::kHan;
  if (l == "ko") return Script::kHangul;
  if (l == "th") return Script::kThai;
  if (l == "hi" || l == "mr" || l == "ne") return Script::kDevanagari;
  if (l == "sr" || l == "bs" || l == "sh") return Script::kUnknown;  // both scripts
  return Script::kLatin;
}

// The most frequent function words of some Latin-script languages: enough
// to tell them apart on a few hundred words.
std::string latin_language(std::string_view text) {
  struct Lang {
    const char* code;
    const char* words[14];
  };
  static const Lang kLangs[] = {
      {"en", {"the", "and", "of", "to", "is", "that", "for", "with", "was", "on", "are", "this", "it", "in"}},
      {"de", {"der", "die", "und", "das", "ist", "nicht", "mit", "den", "ein", "eine", "sich", "auf", "für", "dem"}},
      {"fr", {"le", "la", "les", "et", "des", "est", "une", "pour", "dans", "que", "qui", "du", "pas", "sur"}},
      {"es", {"el", "los", "las", "y", "que", "del", "por", "con", "una", "para", "es", "se", "como", "más"}},
      {"it", {"il", "di", "che", "è", "per", "non", "una", "della", "sono", "con", "gli", "del", "nel", "anche"}},
      {"pt", {"o", "os", "que", "não", "com", "uma", "para", "do", "da", "em", "é", "são", "mais", "dos"}},
      {"nl", {"de", "het", "een", "en", "van", "is", "dat", "niet", "met", "voor", "op", "zijn", "te", "ook"}},
      {"pl", {"i", "w", "nie", "na", "się", "z", "że", "do", "jest", "to", "jak", "ale", "po", "od"}},
      {"cs", {"a", "je", "se", "na", "v", "že", "to", "s", "z", "do", "jsou", "by", "ale", "jak"}},
      {"sv", {"och", "att", "det", "som", "en", "är", "på", "för", "med", "av", "inte", "till", "har", "den"}},
      {"tr", {"ve", "bir", "bu", "da", "de", "için", "ile", "çok", "daha", "olarak", "gibi", "ama", "en", "olan"}},
      {"id", {"dan", "yang", "di", "ini", "itu", "dengan", "untuk", "dari", "dalam", "tidak", "akan", "pada", "juga", "ke"}},
  };
  // word -> bit set of the languages it is a function word of
  static const std::unordered_map<std::string, std::uint32_t>* const kIndex = [] {
    auto* index = new std::unordered_map<std::string, std::uint32_t>();
    for (std::size_t l = 0; l < std::size(kLangs); ++l)
      for (const char* w : kLangs[l].words) (*index)[w] |= 1u << l;
    return index;
  }();
  int counts[std::size(kLangs)] = {};
  std::size_t i = 0;
  int words = 0;
  std::string w;
  while (i < text.size() && words < 250) {
    while (i < text.size() &&
           !(static_cast<unsigned char>(text[i]) >= 0x80 || is_ascii_alpha(text[i])))
      ++i;
    std::size_t j = i;
    while (j < text.size() &&
           (static_cast<unsigned char>(text[j]) >= 0x80 || is_ascii_alpha(text[j])))
      ++j;
    if (j == i) break;
    ++words;
    if (j - i <= 6) {
      w.assign(text.data() + i, j - i);
      for (char& c : w) c = lower_ascii(c);
      auto it = kIndex->find(w);
      if (it != kIndex->end())
        for (std::size_t l = 0; l < std::size(kLangs); ++l)
          if (it->second & (1u << l)) ++counts[l];
    }
    i = j;
  }
  std::size_t best = 0;
  for (std::size_t l = 1; l < std::size(kLangs); ++l)
    if (counts[l] > counts[best]) best = l;
  if (words < 20 || counts[best] * 10 < words) return {};
  return kLangs[best].code;
}

std::string language_of_script(Script s, std::string_view text) {
  switch (s) {
    case Script::kCyrillic: {
      // Ukrainian і ї є ґ; Russian ы э ё.
      int uk = 0, ru = 0;
      std::size_t i = 0;
      while (i < text.size()) {
        const char32_t c = next_code_point(text, &i);
        if (c == 0x456 || c == 0x457 || c == 0x454 || c == 0x491) ++uk;
        if (c == 0x44B || c == 0x44D || c == 0x451) ++ru;
      }
      return uk > ru ? "uk" : "ru";
    }
    case Script::kGreek: return "el";
    case Script::kArabic: return "ar";
    case Script::kHebrew: return "he";
    case Script::kHan: return "zh";
    case Script::kKana: return "ja";
    case Script::kHangul: return "ko";
    case Script::kThai: return "th";
    case Script::kDevanagari: return "hi";
    case Script::kLatin: return latin_language(text);
    default: return {};
  }
}

// ---------------------------------------------------------------------------
// Dates
// ---------------------------------------------------------------------------

struct DateCandidate {
  DateTime date;
  int rank;  // lower wins
  Source source;
  int distance = 0;  // from the headline, in blocks (visible dates)
};

// Ranks of published-date evidence, and the weight of each in the vote
// between days (see vote()).
enum : int {
  kRankStated = 0,    // JSON-LD datePublished, article:published_time     weight 5
  kRankDeclared = 1,  // other meta names, itemprop=datePublished, pubdate  weight 4
  kRankShown = 2,     // the date shown nearest the headline                weight 3
  kRankGeneric = 3,   // <meta name=date>, dc.date: often a CMS's own date  weight 2
  kRankUrl = 4,       // the URL path                                       weight 3
  kRankCreated = 5,   // dateCreated, uploadDate, a magazine's cover date   weight 1
};

// The distance of a page's "last edited" line: beyond any date read near
// the article.
constexpr int kLastEditDistance = 10000;

int weight_of(int rank) {
  static const int kWeights[] = {5, 4, 3, 2, 3, 1};
  return rank >= 0 && rank < 6 ? kWeights[rank] : 0;
}

struct DateContext {
  DateTime reference;
  bool reference_given = false;
  NumericOrder order = NumericOrder::kDayFirst;
};

std::optional<DateTime> machine_date(const DatePatterns& dp, std::string_view v,
                                     const DateContext& dc, int earliest) {
  std::optional<DateTime> d = parse_machine_date(dp, v);
  if (!d || !is_plausible(*d, dc.reference, earliest)) return std::nullopt;
  // Placeholder dates of CMSs and epoch zeros.
  if ((d->year == 1970 || d->year == 1900 || d->year == 2000) && d->month == 1 && d->day == 1 &&
      (!d->has_time() || (d->hour == 0 && d->minute == 0)))
    return std::nullopt;
  return d;
}

const DateCandidate* best_of(const std::vector<DateCandidate>& v) {
  const DateCandidate* best = nullptr;
  for (const DateCandidate& c : v)
    if (best == nullptr || c.rank < best->rank ||
        (c.rank == best->rank && c.distance < best->distance))
      best = &c;
  return best;
}

// The published day most evidence points to. Sources usually agree; when
// they do not (a CMS's "date" meta against the visible date, a video's
// upload date against the article's), each candidate votes for its day with
// its rank's weight, and only the shown date nearest the headline votes (a
// list of dates further down is a feed, not evidence). Ties go to the best
// rank.
const DateCandidate* vote(const std::vector<DateCandidate>& v) {
  const DateCandidate* nearest_shown = nullptr;
  for (const DateCandidate& c : v)
    if (c.rank == kRankShown && (nearest_shown == nullptr || c.distance < nearest_shown->distance))
      nearest_shown = &c;
  const DateCandidate* best = nullptr;
  int best_weight = 0;
  for (const DateCandidate& c : v) {
    if (c.rank == kRankShown && &c != nearest_shown) continue;
    int w = 0;
    const DateCandidate* top = nullptr;  // the best-ranked candidate of this day
    for (const DateCandidate& o : v) {
      if (o.date.day_number() != c.date.day_number()) continue;
      if (o.rank == kRankShown && &o != nearest_shown) continue;
      w += weight_of(o.rank);
      if (top == nullptr || o.rank < top->rank) top = &o;
    }
    if (best == nullptr || w > best_weight || (w == best_weight && top->rank < best->rank)) {
      best = top;
      best_weight = w;
    }
  }
  return best;
}

// ---------------------------------------------------------------------------
// The stage
// ---------------------------------------------------------------------------

struct Zone {
  int begin = 0;  // blocks [begin, end) around the headline and region start
  int end = 0;
  int headline = -1;
  int region_begin = 0;
  int region_end = 0;
  int tail_begin = 0;  // blocks [tail_begin, tail_end) around the article's last lines
  int tail_end = 0;
  int last = -1;       // the article's last content block
  bool contains(int b) const { return b >= begin && b < end; }
  bool in_tail(int b) const { return b >= tail_begin && b < tail_end && !contains(b); }
};


}  // namespace


Metadata extract_metadata(const MetadataInput& in) {
  const DatePatterns& dp = in.patterns.dates();
  const NamePatterns& np = in.patterns.names();
  Metadata m;
  const Segments& seg = in.segments;
  const std::vector<TextBlock>& blocks = seg.blocks;
  const std::string page_url = in.page.url;
  const std::string base = seg.base_url.empty() ? page_url : seg.base_url;

  const int region_begin =
      in.scores.region >= 0 ? seg.elements[static_cast<std::size_t>(in.scores.region)].first_block
                            : 0;
  const int region_end = in.scores.region >= 0
                             ? seg.elements[static_cast<std::size_t>(in.scores.region)].end_block
                             : static_cast<int>(blocks.size());
  // An element marked sidebar, feed, comments, ... that holds half of the
  // article's content is a layout wrapper ("left-column", "with-sidebar"),
  // not what its words say: its away cues do not count.
  const std::size_t n_el = seg.elements.size();
  std::vector<std::uint32_t> own_away(n_el), chain_away(n_el);
  {
    std::vector<int> prefix(blocks.size() + 1, 0);
    const bool labelled = in.scores.labels.size() == blocks.size();
    for (std::size_t i = 0; i < blocks.size(); ++i)
      prefix[i + 1] = prefix[i] + (labelled && in.scores.labels[i] == Label::kContent);
    const int content = prefix.back();
    for (std::size_t e = 0; e < n_el; ++e) {
      const Element& el = seg.elements[e];
      std::uint32_t a = el.cues & kAway;
      // An <aside> of a few blocks inside the article holds its byline and
      // date ("aside.meta") more often than anything else.
      if (el.tag == GUMBO_TAG_ASIDE && el.first_block >= region_begin &&
          el.end_block <= region_end && el.end_block - el.first_block <= 3)
        a &= ~kCueSidebar;
      if (a != 0 && content > 0) {
        const int inside = prefix[static_cast<std::size_t>(el.end_block)] -
                           prefix[static_cast<std::size_t>(el.first_block)];
        if (inside * 2 >= content) a = 0;
      }
      own_away[e] = a;
      chain_away[e] = a | (el.parent >= 0 ? chain_away[static_cast<std::size_t>(el.parent)] : 0);
    }
  }
  const std::uint32_t away = kAway;
  auto block_away = [&](const TextBlock& b) {
    return b.element >= 0 && chain_away[static_cast<std::size_t>(b.element)] != 0;
  };
  // Bylines and dates near the headline sit in columns and asides that
  // read as sidebars (and, for bylines, in article headers that read as
  // mastheads); what must keep them out is another article's context:
  // comments, related lists, feeds, menus.
  constexpr std::uint32_t kAwayAuthor =
      kCueComment | kCueRelated | kCueBreadcrumb | kCtxCommentItem;
  constexpr std::uint32_t kAwayDate = kAwayAuthor | kCueFeed | kCueNav | kCueHeader;
  // A date in a sidebar-like column is the article's only when none is
  // shown as near in the article itself.
  constexpr int kSidebarPenalty = 6;
  auto block_away_for = [&](const TextBlock& b, std::uint32_t mask) {
    return b.element >= 0 && (chain_away[static_cast<std::size_t>(b.element)] & mask) != 0;
  };

  Gathered g;
  // The window whose elements are read in full: around the region's start
  // (headline, byline) and its end (credits, closing dates); the middle of
  // a long article holds neither.
  {
    const int n = static_cast<int>(blocks.size());
    const bool region = in.scores.region >= 0;
    const int win_begin = region ? std::max(0, region_begin - 60) : 0;
    const int win_end = region ? std::min(n, region_end + 20) + 1 : n + 1;
    const int gap_begin = region ? region_begin + 40 : 0;
    const int gap_end = region ? region_end - 12 : 0;
    Gatherer(seg, own_away, np, &g).run(in.dom.root(), win_begin, win_end, gap_begin, gap_end);
  }
  const Metas metas(g);
  const JsonLdArticle ld = read_json_ld(in.json_ld, page_url);

  // --- site name ------------------------------------------------------------
  {
    std::string s = metas.first({"og:site_name"});
    Source src = Source::kMeta;
    if (s.empty() && !ld.publisher.empty()) {
      s = ld.publisher;
      src = Source::kJsonLd;
    }
    if (s.empty() && !ld.site_name.empty()) {
      s = ld.site_name;
      src = Source::kJsonLd;
    }
    if (s.empty()) {
      s = metas.first({"application-name", "al:android:app_name", "al:ios:app_name"});
      src = Source::kMeta;
    }
    if (!s.empty() && !looks_like_url(s)) {
      m.site_name = s;
      m.sources.site_name = src;
    }
  }

  // --- language ---------------------------------------------------------------
  std::string declared_region;  // "us" in "en-US": for numeric dates
  {
    struct Decl {
      std::string tag;
      Source source;
    };
    const Decl decls[] = {
        {g.html_lang, Source::kMarkup},
        {metas.first({"http-equiv:content-language", "content-language"}), Source::kMeta},
        {metas.first({"content-language", "language", "dc.language", "dcterms.language"}),
         Source::kMeta},
        {ld.language, Source::kJsonLd},
        {metas.first({"og:locale"}), Source::kMeta},
    };
    // http-equiv keys are stored under their attribute value.
    std::string lang;
    Source src = Source::kNone;
    for (const Decl& d : decls) {
      std::string p = primary_language(d.tag);
      if (p.empty()) continue;
      lang = p;
      src = d.source;
      std::string t = lower_ascii(d.tag);
      const std::size_t sep = t.find_first_of("-_");
      if (sep != std::string::npos) declared_region = t.substr(sep + 1, 2);
      break;
    }
    // Check it against the script of the article's text.
    std::string sample;
    for (std::size_t i = 0; i < blocks.size() && sample.size() < 1500; ++i)
      if (in.scores.labels.size() == blocks.size() && in.scores.labels[i] == Label::kContent)
        sample.append(blocks[i].text.substr(0, 600)).push_back(' ');
    if (sample.size() < 200)
      for (std::size_t i = 0; i < blocks.size() && sample.size() < 1500; ++i)
        if (!block_away(blocks[i]) && blocks[i].text.size() > 60)
          sample.append(blocks[i].text.substr(0, 600)).push_back(' ');
    ScriptCounts counts;
    count_scripts(sample, &counts);
    const Script script = counts.total() >= 40 ? dominant_script(counts) : Script::kUnknown;
    if (!lang.empty() && script != Script::kUnknown) {
      const Script expected = script_of_language(lang);
      const bool ok = expected == Script::kUnknown || expected == script ||
                      (lang == "ja" && (script == Script::kKana || script == Script::kHan)) ||
                      (lang == "zh" && script == Script::kHan);
      if (!ok || (lang == "zh" && script == Script::kKana)) {
        const std::string detected = language_of_script(script, sample);
        if (!detected.empty()) {
          lang = detected;
          src = Source::kText;
          declared_region.clear();
        }
      }
    }
    if (lang.empty() && script != Script::kUnknown) {
      lang = language_of_script(script, sample);
      if (!lang.empty()) src = Source::kText;
    }
    m.language = lang;
    m.sources.language = lang.empty() ? Source::kNone : src;
  }

  // --- url: the canonical URL, which gives the host when the caller gave no URL
  {
    std::string u = g.canonical;
    Source src = Source::kMarkup;
    if (u.empty()) {
      u = metas.first({"og:url"});
      src = Source::kMeta;
    }
    if (u.empty() && looks_like_url(ld.url)) {
      u = ld.url;
      src = Source::kJsonLd;
    }
    if (!u.empty()) {
      m.url = resolve_url(base, u);
      m.sources.url = src;
    } else if (!page_url.empty()) {
      m.url = page_url;
      m.sources.url = Source::kNone;
    }
  }

  // --- title ------------------------------------------------------------------
  const std::string host = host_of(page_url.empty() ? m.url : page_url);
  {
    TitleCandidates tc;
    tc.json_ld = ld.headline;
    tc.og = metas.first({"og:title"});
    tc.twitter = metas.first({"twitter:title"});
    tc.meta = metas.first({"dc.title", "dcterms.title", "title", "sailthru.title",
                           "parsely-title", "headline"});
    if (tc.meta.empty())
      for (const Mark& mk : g.marks)
        if (mk.kind == MarkKind::kHeadlineProp && !(mk.ctx & away)) {
          tc.meta = !mk.value.empty() ? mk.value : mk.text;
          if (!tc.meta.empty()) break;
        }
    tc.title_tag = g.title_tag;
    tc.site_name = m.site_name;
    tc.host = host;
    // Headings: visible h1 (and title-classed h2/h3) not in menus or
    // sidebars, those nearest the region's start first.
    // An <h1> that reads as a whole title a source states for machines
    // (og:title, JSON-LD's headline) is the headline wherever the page
    // puts it: some pages put it in their breadcrumb trail or a menu bar.
    auto states_whole = [&](const Heading& h) {
      if (h.level != 1 || count_words(h.text) < 3) return false;
      const std::string k = comparison_key(h.text);
      for (const std::string* src : {&tc.json_ld, &tc.og, &tc.twitter, &tc.meta})
        if (!src->empty() && comparison_key(*src) == k) return true;
      return false;
    };
    std::vector<const Heading*> hs;
    for (const Heading& h : g.headings)
      // A masthead <header> holds the site's logo h1 (its name, which no
      // title source confirms) and often the article's h1 too.
      if ((!(h.ctx & (away & ~kCueHeader)) || states_whole(h)) &&
          (h.level == 1 || h.title_class))
        hs.push_back(&h);
    std::stable_sort(hs.begin(), hs.end(), [&](const Heading* a, const Heading* b) {
      auto cost = [&](const Heading* h) {
        int d = h->block < region_begin ? region_begin - h->block : h->block - region_begin;
        if (h->block >= region_end) d += 1000;
        if (h->level != 1) d += 20;
        return d;
      };
      return cost(a) < cost(b);
    });
    // A heading with a kicker is its headline: the kicker is a label that
    // meta titles often repeat ("Kicker: Headline") and readers do not
    // count as the title.
    auto shown_text = [](const Heading* h) -> const std::string& {
      return h->after_kicker.empty() ? h->text : h->after_kicker;
    };
    std::vector<std::string> kicked;  // comparison keys of whole kicker headings
    for (const Heading* h : hs)
      if (h->level == 1 && h->block >= region_begin - 20 && h->block <= region_begin + 5 &&
          in.scores.region >= 0) {
        tc.headline = shown_text(h);
        break;
      }
    // No <h1> there: a page without one (older sites) often opens its
    // article with an <h2> or <h3> headline, or one just above it. One of
    // several headings of its level in the article is a section's
    // ("Test case 1", "Test case 2"; "Fazit"), not the headline.
    if (tc.headline.empty() && in.scores.region >= 0) {
      const int n = static_cast<int>(blocks.size());
      const int to = std::min(n, region_begin + 2);
      for (int i = std::max(0, region_begin - 2); i < to; ++i) {
        const TextBlock& b = blocks[static_cast<std::size_t>(i)];
        if (b.kind != BlockKind::kHeading || b.level > 3 || block_away(b)) continue;
        const int words = count_words(b.text);
        bool alone = true;
        for (int j = i + 1; j < std::min(n, region_end) && alone; ++j)
          alone = !(blocks[static_cast<std::size_t>(j)].kind == BlockKind::kHeading &&
                    blocks[static_cast<std::size_t>(j)].level <= b.level);
        if (words >= 3 && words <= 30 && alone) tc.headline = b.text;
        break;
      }
    }
    for (const Heading* h : hs) {
      const bool masthead = (h->ctx & kCueHeader) != 0;
      tc.headings.push_back(shown_text(h));
      tc.in_masthead.push_back(masthead);
      if (!h->after_kicker.empty()) {
        kicked.push_back(comparison_key(h->text));
        continue;
      }
      for (const std::string& p : h->parts) {
        tc.headings.push_back(p);
        tc.in_masthead.push_back(masthead);
      }
    }
    // Short visible texts around the region's start: a <title> part that
    // one of them repeats is the headline on pages without an <h1>. Only
    // texts no longer than the longest source can repeat a part of one.
    {
      std::size_t longest = 0;
      for (const std::string* t : {&tc.json_ld, &tc.og, &tc.twitter, &tc.meta, &tc.title_tag})
        longest = std::max(longest, t->size());
      const int from = std::max(0, region_begin - 40);
      const int to = std::min(static_cast<int>(blocks.size()), region_begin + 30);
      for (int i = from; i < to; ++i) {
        const TextBlock& b = blocks[static_cast<std::size_t>(i)];
        // An image's alt text is a logo's or a picture's, and a trail of
        // links ("Home > News > Sport") is where the page sits: neither is
        // a headline, though both repeat parts of the <title>.
        if (b.text.size() >= 8 && b.text.size() <= longest + 8 && !block_away(b) &&
            b.kind != BlockKind::kImage && !is_breadcrumb_trail(b.text) &&
            (kicked.empty() || std::find(kicked.begin(), kicked.end(),
                                         comparison_key(b.text)) == kicked.end()))
          tc.texts.push_back(b.text);
      }
    }
    const TitleChoice t = choose_title(tc);
    m.title = t.title;
    m.sources.title = t.source;
  }

  // --- the zone around the headline -------------------------------------------
  Zone zone;
  zone.region_begin = region_begin;
  zone.region_end = region_end;
  {
    const std::string key = comparison_key(m.title);
    int best = -1, best_d = 1 << 30;
    if (!key.empty()) {
      // Headings anywhere; other blocks only near the region's start.
      for (std::size_t i = 0; i < blocks.size(); ++i) {
        if (blocks[i].kind != BlockKind::kHeading &&
            std::abs(static_cast<int>(i) - region_begin) > 40)
          continue;
        // Away or not: a block that reads as the chosen title is the
        // headline (a masthead <header> often holds the article's h1).
        const TextBlock& b = blocks[i];
        if (b.text.size() > m.title.size() * 2 + 64 || b.text.size() * 2 + 8 < m.title.size())
          continue;
        // Only a heading may hold more than the title; another block must
        // read as it from its first letter (checked before keying it).
        if (b.kind != BlockKind::kHeading && !may_open_with(b.text, key)) continue;
        const std::string bk = comparison_key(b.text);
        int extra = 0;
        if (bk != key) {
          // A heading with a kicker before or after the title.
          if (b.kind != BlockKind::kHeading || bk.size() > key.size() * 2 ||
              bk.find(key) == std::string::npos)
            continue;
          extra = 2;
        }
        const int d = std::abs(static_cast<int>(i) - region_begin) + extra +
                      (b.kind == BlockKind::kHeading ? 0 : 8);
        if (d < best_d) {
          best_d = d;
          best = static_cast<int>(i);
        }
      }
    }
    zone.headline = best;
    const int n = static_cast<int>(blocks.size());
    if (best >= 0) {
      // Bylines sit just above or below the headline; when the region
      // starts a little further down (after a lead image, a standfirst),
      // the zone reaches its first blocks.
      zone.begin = std::max(0, best - 6);
      zone.end = std::min(n, best + 12);
      if (region_begin > best && region_begin <= best + 40)
        zone.end = std::min(n, std::max(zone.end, region_begin + 8));
    } else {
      zone.begin = std::max(0, region_begin - 16);
      zone.end = std::min(n, region_begin + 10);
    }
  }
  // The article's last lines: a byline, a date or a credit closes many.
  {
    for (int i = zone.region_end - 1; i >= zone.region_begin; --i)
      if (in.scores.labels.size() == blocks.size() &&
          in.scores.labels[static_cast<std::size_t>(i)] == Label::kContent) {
        zone.last = i;
        break;
      }
    if (zone.last >= 0) {
      zone.tail_begin = std::max(zone.region_begin, zone.last - 3);
      zone.tail_end = std::min(static_cast<int>(blocks.size()), zone.last + 4);
    }
  }
  const int anchor = zone.headline >= 0 ? zone.headline : zone.region_begin;
  // In half-blocks: a block above the headline is a little further than the
  // one as far below it (bylines and dates mostly follow the headline).
  auto distance = [&](int block) {
    const int d = block - anchor;
    return d >= 0 ? 2 * d : -2 * d + 1;
  };

  // --- dates --------------------------------------------------------------------
  DateContext dc;
  if (!in.page.reference_date.empty()) {
    if (auto r = parse_reference_date(dp, in.page.reference_date)) {
      dc.reference = *r;
      dc.reference_given = true;
    }
  }
  if (!dc.reference_given) dc.reference = today_utc();
  dc.order = (m.language == "en" && (declared_region.empty() || declared_region == "us"))
                 ? NumericOrder::kMonthFirst
                 : NumericOrder::kDayFirst;
  {
    std::vector<DateCandidate> pub, mod;
    auto add = [&](std::vector<DateCandidate>* v, std::optional<DateTime> d, int rank,
                   Source src, int dist = 0) {
      if (d) v->push_back({*d, rank, src, dist});
    };
    // What the page states for machines. Explicit dates may be old.
    add(&pub, machine_date(dp, ld.date_published, dc, 1900), kRankStated, Source::kJsonLd);
    add(&pub,
        machine_date(dp, metas.first({"article:published_time", "og:article:published_time",
                                  "og:published_time", "article:published", "datepublished",
                                  "itemprop:datepublished"}),
                     dc, 1900),
        kRankStated, Source::kMeta);
    add(&pub,
        machine_date(dp, metas.first({"dc.date.issued", "dcterms.issued", "sailthru.date",
                                  "parsely-pub-date", "publish-date", "publish_date",
                                  "publishdate", "pubdate", "publication_date",
                                  "citation_publication_date", "citation_date",
                                  "original-publish-date", "article.published",
                                  "rnews:datepublished", "og:pubdate", "release_date"}),
                     dc, 1900),
        kRankDeclared, Source::kMeta);
    add(&pub,
        machine_date(dp, metas.first({"date", "dc.date", "dcterms.date", "dc.date.created",
                                  "dcterms.created", "created"}),
                     dc, 1900),
        kRankGeneric, Source::kMeta);
    add(&pub, machine_date(dp, metas.first({"uploaddate", "datecreated"}), dc, 1900), kRankCreated,
        Source::kMeta);
    add(&pub, machine_date(dp, ld.date_created, dc, 1900), kRankCreated, Source::kJsonLd);
    add(&mod, machine_date(dp, ld.date_modified, dc, 1900), kRankStated, Source::kJsonLd);
    add(&mod,
        machine_date(dp, metas.first({"article:modified_time", "og:updated_time",
                                  "article:modified", "datemodified", "itemprop:datemodified",
                                  "dcterms.modified", "dc.date.modified", "last-modified",
                                  "lastmod", "revised"}),
                     dc, 1900),
        kRankStated, Source::kMeta);

    // A "header" around the headline's own lines is the article's header
    // (its date and byline), not the masthead: the masthead's date is
    // further from the article's <h1> than three blocks. So is a
    // breadcrumb there: the trail to the article's own section, which
    // pages often share a line with its date ("Celebrity · Posted 3 Oct").
    // (Breadcrumbs are also navigation: near the headline, a context that
    // is a breadcrumb counts as neither.)
    auto date_away = [&](int block, std::uint32_t ctx) {
      std::uint32_t mask = kAwayDate;
      if (zone.headline >= 0 && std::abs(block - zone.headline) <= 3) {
        mask &= ~(kCueHeader | kCueBreadcrumb);
        if (ctx & kCueBreadcrumb) mask &= ~kCueNav;
      }
      return (ctx & mask) != 0;
    };
    // Markup: microdata, <time>, date elements.
    for (const Mark& mk : g.marks) {
      if (date_away(mk.block, mk.ctx)) continue;
      const bool near = zone.contains(mk.block);
      switch (mk.kind) {
        case MarkKind::kPublishedProp:
        case MarkKind::kModifiedProp:
        case MarkKind::kCreatedProp: {
          std::optional<DateTime> d = machine_date(dp, mk.value, dc, 1900);
          if (!d && !mk.text.empty()) {
            auto found = find_text_dates(dp, mk.text, dc.order, nullptr);
            if (!found.empty() && is_plausible(found.front().date, dc.reference, 1995))
              d = found.front().date;
          }
          if (mk.kind == MarkKind::kModifiedProp) add(&mod, d, kRankDeclared, Source::kMarkup);
          else
            add(&pub, d, mk.kind == MarkKind::kCreatedProp ? kRankCreated : kRankDeclared,
                Source::kMarkup, distance(mk.block));
          break;
        }
        case MarkKind::kTime:
        case MarkKind::kDateClass: {
          const bool tail = zone.in_tail(mk.block);
          // A <time> elsewhere on the page counts only when nothing nearer
          // gives a date (the vote hears the nearest shown date only).
          const bool far = !near && !tail && !mk.pubdate;
          if (far && (mk.kind != MarkKind::kTime || mk.value.empty())) break;
          std::optional<DateTime> d;
          // A datetime attribute not in ISO form ("01-11-2023 10:29") is
          // ambiguous; the element's own text then decides.
          const bool iso = mk.value.size() >= 8 && is_ascii_digit(mk.value[0]) &&
                           is_ascii_digit(mk.value[3]) && !is_ascii_digit(mk.value[4]);
          if (!mk.value.empty() && (iso || mk.text.empty())) d = machine_date(dp, mk.value, dc, 1995);
          DateRole role = DateRole::kUnknown;
          if (!d && !mk.text.empty()) {
            auto found =
                find_text_dates(dp, mk.text, dc.order, dc.reference_given ? &dc.reference : nullptr);
            // The published one of several ("Published 2 May, updated 3 May");
            // an updated or a cover date only when there is no other.
            auto secondary = [](DateRole r) {
              return r == DateRole::kModified || r == DateRole::kIssue;
            };
            for (const TextDate& td : found) {
              if (td.role == DateRole::kOther) continue;
              if (!is_plausible(td.date, dc.reference, td.role == DateRole::kPublished ? 1900 : 1995))
                continue;
              if (!d || (secondary(role) && !secondary(td.role))) {
                d = td.date;
                role = td.role;
              }
            }
          } else if (d && !mk.text.empty() && !far) {
            // The role of a <time datetime> is read from its own text.
            auto found = find_text_dates(dp, mk.text, dc.order, nullptr);
            if (!found.empty()) role = found.front().role;
          }
          if (!d || role == DateRole::kOther) break;
          if (mk.updated && !mk.published) role = DateRole::kModified;
          if (mk.published) role = DateRole::kPublished;
          // A date closing the article counts after any near the headline.
          const int dist = (near   ? distance(mk.block)
                            : far  ? 1000 + std::abs(mk.block - anchor)
                                   : 200 + std::abs(mk.block - zone.last)) +
                           ((mk.ctx & kCueSidebar) ? kSidebarPenalty : 0);
          if (mk.pubdate) {
            add(&pub, d, kRankDeclared, Source::kMarkup, dist);
          } else if (role == DateRole::kModified) {
            add(&mod, d, kRankShown, Source::kMarkup, dist);
          } else if (role == DateRole::kIssue) {
            add(&pub, d, kRankCreated, Source::kMarkup, dist);
          } else {
            add(&pub, d, kRankShown, Source::kMarkup, dist);
          }
          break;
        }
        default:
          break;
      }
    }

    // Dates written near the headline.
    std::vector<int> date_blocks;
    for (int i = zone.begin; i < zone.end; ++i) date_blocks.push_back(i);
    for (int i = zone.tail_begin; i < zone.tail_end; ++i)
      if (zone.in_tail(i)) date_blocks.push_back(i);
    for (int i : date_blocks) {
      const TextBlock& b = blocks[static_cast<std::size_t>(i)];
      if ((b.element >= 0 && date_away(i, chain_away[static_cast<std::size_t>(b.element)])) ||
          b.kind == BlockKind::kCaption ||
          b.kind == BlockKind::kImage)
        continue;
      if (b.text_cues & kTextCopyright) continue;
      const bool tail = !zone.contains(i);
      std::string_view text = b.text;
      const bool short_block = text.size() <= 240;
      if (tail && !short_block) continue;
      if (!short_block) text = text.substr(0, 120);  // a dateline opens a paragraph
      auto found = find_text_dates(dp, text, dc.order, dc.reference_given ? &dc.reference : nullptr);
      for (const TextDate& td : found) {
        // In a paragraph only a dateline counts: a date opening it and
        // followed by a dash or colon ("BERLIN, 2. Dezember 2021 –").
        if (!short_block && td.begin > 2) {
          if (td.begin > 40) break;
          std::size_t k = td.end;
          while (k < text.size() && (text[k] == ' ' || text[k] == ',')) ++k;
          const std::string_view rest = text.substr(k, 3);
          const bool dash = !rest.empty() && (rest[0] == '-' || rest[0] == ':' ||
                                              rest[0] == '|' || rest[0] == '(' ||
                                              rest.rfind("\xe2\x80\x93", 0) == 0 ||
                                              rest.rfind("\xe2\x80\x94", 0) == 0);
          if (!dash) continue;
        }
        if (td.role == DateRole::kOther) continue;
        const int earliest = td.role == DateRole::kPublished ? 1900 : 1995;
        if (!is_plausible(td.date, dc.reference, earliest)) continue;
        const int dist = (tail ? 200 + std::abs(i - zone.last) : distance(i)) +
                         (block_away_for(b, kCueSidebar) ? kSidebarPenalty : 0);
        if (td.role == DateRole::kModified) {
          add(&mod, td.date, kRankShown, Source::kText, dist + 1);
        } else if (td.role == DateRole::kIssue) {
          add(&pub, td.date, kRankCreated, Source::kText, dist + 1);
        } else {
          // Markup (a <time>, a date element) wins over text at the same place.
          add(&pub, td.date, kRankShown, Source::kText, dist + 1 + (td.relative ? 4 : 0));
        }
      }
    }
    // No date shown near the headline: the first line in the article that
    // says it was published ("发布时间 2005/05/17", "Posted on ...") — a
    // guest book's first entry, a forum's first post, a page whose headline
    // was not found.
    if (in.scores.region >= 0 &&
        std::none_of(pub.begin(), pub.end(), [](const DateCandidate& c) {
          return c.rank == kRankShown && c.distance < 200;
        })) {
      const int n = static_cast<int>(blocks.size());
      for (int i = zone.region_begin; i < std::min(n, zone.region_end); ++i) {
        const TextBlock& b = blocks[static_cast<std::size_t>(i)];
        if (b.text.size() > 240 || block_away_for(b, kAwayDate) ||
            (b.text_cues & kTextCopyright))
          continue;
        bool done = false;
        for (const TextDate& td : find_text_dates(dp, b.text, dc.order, nullptr))
          if (td.role == DateRole::kPublished && is_plausible(td.date, dc.reference, 1995)) {
            add(&pub, td.date, kRankShown, Source::kText, 150);
            done = true;
            break;
          }
        if (done) break;
      }
    }
    // The line below the article that says when the page was last edited
    // ("This page was last edited on 29 January 2020", "Diese Seite wurde
    // zuletzt am ... geändert"), as wikis and documentation pages give it.
    {
      const int n = static_cast<int>(blocks.size());
      for (int i = zone.region_end; i < n; ++i) {
        const TextBlock& b = blocks[static_cast<std::size_t>(i)];
        if (b.text.size() > 240 || block_away_for(b, kAwayDate | kCueSidebar) ||
            (b.text_cues & kTextCopyright))
          continue;
        for (const TextDate& td : find_text_dates(dp, b.text, dc.order, nullptr))
          if (td.role == DateRole::kModified && is_plausible(td.date, dc.reference, 1995))
            add(&mod, td.date, kRankShown, Source::kText, kLastEditDistance + i);
      }
    }
    if (auto d = date_from_url(dp, page_url))
      if (is_plausible(*d, dc.reference, 1995)) add(&pub, d, kRankUrl, Source::kUrl);

    const DateCandidate* p = vote(pub);
    const DateCandidate* u = best_of(mod);
    const DateCandidate* last_edit = nullptr;
    for (const DateCandidate& c : mod)
      if (c.distance >= kLastEditDistance) {
        last_edit = &c;
        break;
      }
    // A date shown only in the article's last lines or far from the
    // headline ("reported on the radio on 29 April"), later than the
    // "Stand:" / "Updated" date under the headline, cannot be the original:
    // the page gives none, and the updated date is its only date. Nor can
    // any date only shown that is later than the page's last edit ("the
    // next meeting is on 5 February" on a page last edited on 29 January):
    // it is a day the page announces.
    if (p != nullptr && p->rank >= kRankShown &&
        ((u != nullptr && p->distance >= 200 && u->distance < 200 && u->rank == kRankShown &&
          p->date.day_number() > u->date.day_number()) ||
         (last_edit != nullptr && p->date.day_number() > last_edit->date.day_number())))
      p = nullptr;
    if (p != nullptr) {
      // A shown date on the same day carries the time the page omitted
      // from the stated one, and vice versa.
      DateTime d = p->date;
      if (!d.has_time())
        for (const DateCandidate& c : pub)
          if (c.date.day_number() == d.day_number() && c.date.has_time()) {
            d = c.date;
            break;
          }
      // A local time takes the zone of the same instant stated elsewhere
      // ("2016-12-19 19:08:44" in one tag, "2016-12-20T00:08:44Z" in
      // another): without it the day cannot be placed in time. A creation
      // or upload time is another moment, whole hours apart by chance.
      if (d.has_time() && d.zone == DateTime::kNoZone)
        for (const DateCandidate& c : pub)
          if (std::optional<int> zone = c.rank == kRankCreated ? std::nullopt
                                                               : zone_between(d, c.date)) {
            d.zone = *zone;
            break;
          }
      m.date = format_iso(d);
      m.sources.date = p->source;
    } else if (u != nullptr) {
      // Only an updated date: it is the only date the page gives.
      m.date = format_iso(u->date);
      m.sources.date = u->source;
    }
    if (u != nullptr && (p == nullptr || u->date.day_number() >= p->date.day_number())) {
      m.date_modified = format_iso(u->date);
      m.sources.date_modified = u->source;
    }
  }

  // --- authors --------------------------------------------------------------------
  {
    // Every source gives a list of names; each list is then supported by
    // the others that name the same people (weighted by how much a source
    // is to be trusted), and the best-supported list of people wins. An
    // organisation is returned only when no source names a person.
    struct AuthorCandidate {
      std::vector<std::string> names;
      std::vector<std::string> keys;
      int weight;
      int rank;
      Source source;
      int distance = 0;
      bool organization = false;
      double support = 0;
      int cjk_priority = -1;  // a Chinese credit's kind (see cjk_credits), else -1
      bool link_only = false;  // from links to author pages alone (no byline markup)
      bool site_named = false;  // names nothing but the site itself
    };
    std::vector<AuthorCandidate> cands;
    const std::string& site = m.site_name;
    const std::string site_key = comparison_key(site);
    // The site's and the publisher's names and the host, without "www."
    // and the top-level domain ("ElColombiano.com", "www.example.at"): a
    // name that reads as one of them is the publication's, an
    // organisation (returned only when no person is named).
    std::vector<std::string> site_keys;
    {
      auto bare = [](std::string s) {
        s = lower_ascii(s);
        if (s.rfind("www.", 0) == 0) s.erase(0, 4);
        const std::size_t dot = s.rfind('.');
        if (s.find(' ') == std::string::npos && dot != std::string::npos && dot > 0 &&
            s.size() - dot <= 7)
          s.erase(dot);
        return comparison_key(s);
      };
      for (const std::string& s : {m.site_name, ld.publisher, ld.site_name, host}) {
        std::string k = bare(s);
        if (k.size() >= 3) site_keys.push_back(std::move(k));
      }
      // The host's own name: "elpais" of "www.elpais.com.uy", "example" of
      // "blog.example.de".
      {
        std::vector<std::string> labels;
        std::size_t i = 0;
        while (i <= host.size()) {
          std::size_t j = host.find('.', i);
          if (j == std::string::npos) j = host.size();
          labels.push_back(host.substr(i, j - i));
          i = j + 1;
        }
        if (labels.size() >= 2) labels.pop_back();  // the top-level domain
        if (labels.size() >= 2 && labels.back().size() <= 3) labels.pop_back();  // "com" of .com.uy
        if (!labels.empty() && labels.back() != "www") {
          std::string k = comparison_key(labels.back());
          if (k.size() >= 3) site_keys.push_back(std::move(k));
        }
      }
    }
    auto is_site = [&](const std::string& name) {
      if (site_keys.empty()) return false;
      std::string k = comparison_key(name);
      if (std::find(site_keys.begin(), site_keys.end(), k) != site_keys.end()) return true;
      std::string b = lower_ascii(name);
      if (b.rfind("www.", 0) == 0) b.erase(0, 4);
      const std::size_t dot = b.rfind('.');
      if (b.find(' ') != std::string::npos || dot == std::string::npos || b.size() - dot > 7)
        return false;
      k = comparison_key(b.substr(0, dot));
      return std::find(site_keys.begin(), site_keys.end(), k) != site_keys.end();
    };
    // Names are compared word by word: "Nils" and "Nils Pickert" half agree.
    auto word_keys = [](const std::vector<std::string>& names) {
      std::vector<std::string> keys;
      for (const std::string& n : names) {
        std::size_t i = 0;
        while (i < n.size()) {
          std::size_t j = n.find(' ', i);
          if (j == std::string::npos) j = n.size();
          std::string k = comparison_key(std::string_view(n).substr(i, j - i));
          if (!k.empty() && std::find(keys.begin(), keys.end(), k) == keys.end())
            keys.push_back(std::move(k));
          i = j + 1;
        }
      }
      std::sort(keys.begin(), keys.end());
      return keys;
    };
    auto add_names = [&](std::vector<std::string> names, int weight, int rank, Source src,
                         int dist = 0) {
      if (names.empty()) return;
      AuthorCandidate c{{}, {}, weight, rank, src, dist};
      std::vector<std::string> orgs;
      c.site_named = true;
      for (std::string& n : names) {
        c.site_named = c.site_named && !site_key.empty() && comparison_key(n) == site_key;
        (looks_like_organization(np, n) || is_site(n) ? orgs : c.names).push_back(std::move(n));
      }
      // A field naming the site or an organisation, then single words
      // ("hessenschau.de, Frankfurt, Germany"): its address, no people.
      if (!orgs.empty() && !c.names.empty() && (src == Source::kMeta || src == Source::kJsonLd) &&
          std::all_of(c.names.begin(), c.names.end(),
                      [](const std::string& n) {
                        // One Latin word (a Han or kana name has no spaces).
                        if (n.find(' ') != std::string::npos) return false;
                        for (std::size_t i = 0; i < n.size();)
                          if (is_cjk(next_code_point(n, &i))) return false;
                        return true;
                      }))
        c.names.clear();
      if (c.names.empty()) {
        c.names = std::move(orgs);
        c.organization = true;
      }
      c.keys = word_keys(c.names);
      if (c.keys.empty()) return;
      // A lone lower-case login ("jdoe", "jane.doe", "sarah-indra") is a weak name.
      if (c.names.size() == 1 && c.names[0].find(' ') == std::string::npos &&
          lower_ascii(c.names[0]) == c.names[0] &&
          std::any_of(c.names[0].begin(), c.names[0].end(),
                      is_ascii_lower))
        c.weight = std::min(c.weight, 1);
      cands.push_back(std::move(c));
    };
    // Bylines in columns, menus and feeds are often other articles'; they
    // count as if further from the headline.
    constexpr std::uint32_t kSideCues = kCueSidebar | kCueNav | kCueFeed;
    constexpr int kSidePenalty = 12;
    // Nested byline elements repeat the same text: clean each text once.
    std::vector<std::pair<std::string, std::vector<std::string>>> cleaned;
    auto add = [&](std::string_view raw, AuthorValue kind, int weight, int rank, Source src,
                   int dist = 0) {
      if (raw.empty()) return;
      std::string key(raw);
      key += static_cast<char>('0' + static_cast<int>(kind));
      for (const auto& [k, names] : cleaned)
        if (k == key) {
          add_names(names, weight, rank, src, dist);
          return;
        }
      std::vector<std::string> names = clean_authors(np, raw, kind, site);
      cleaned.emplace_back(std::move(key), names);
      add_names(std::move(names), weight, rank, src, dist);
    };
    // JSON-LD.
    {
      std::string people, orgs;
      for (const JsonLdPerson& p : ld.authors) {
        std::string& to = p.organization ? orgs : people;
        if (!to.empty()) to += "; ";
        to += p.name;
      }
      add(people, AuthorValue::kField, 5, 0, Source::kJsonLd);
      add(orgs, AuthorValue::kField, 2, 6, Source::kJsonLd);
    }
    // Meta tags, one candidate per name.
    // Dublin Core first: a bibliographic field set on purpose, where
    // name="author" is often a CMS's default.
    for (const char* key : {"dc.creator", "dcterms.creator", "author", "article:author",
                            "parsely-author", "sailthru.author", "citation_author", "citation_authors",
                            "og:article:author", "book:author", "byl"}) {
      // Bibliographic fields write a name surname first ("Jong, Michiel
      // de", "Kooman, F.", "Page, Jeffrey C"), one person per tag.
      const bool bibliographic = std::strcmp(key, "dc.creator") == 0 ||
                                 std::strcmp(key, "dcterms.creator") == 0 ||
                                 std::strcmp(key, "citation_author") == 0;
      std::string joined;
      for (const std::string& v : metas.all(key)) {
        if (looks_like_url(v)) continue;
        if (!joined.empty()) joined += "; ";
        joined += bibliographic ? surname_last(v) : v;
      }
      if (joined.empty()) continue;
      std::vector<std::string> names = clean_authors(np, 
          joined, std::strcmp(key, "byl") == 0 ? AuthorValue::kByline : AuthorValue::kField, site);
      add_names(std::move(names), 3, 1, Source::kMeta);
    }
    // twitter:creator, where it is a name and not an @handle (which is an
    // account, often the site's own): the weakest of the meta names.
    {
      const std::string creator = metas.first({"twitter:creator"});
      if (!creator.empty() && creator.find('@') == std::string::npos && !looks_like_url(creator) &&
          creator != metas.first({"twitter:site"}))
        add_names(clean_authors(np, creator, AuthorValue::kField, site), 1, 1, Source::kMeta);
    }
    // Twitter's label/data pairs: SEO plugins write the author there
    // under a label in the site's language ("Written by", "Verfasst von",
    // "Escrito por") beside "Est. reading time".
    for (int k = 1; k <= 4; ++k) {
      const std::string n = std::to_string(k);
      const std::string label = metas.first({("twitter:label" + n).c_str()});
      if (label.empty() || label.size() > 40) continue;
      // A label that reads as a byline marker before a name.
      if (!is_bare_latin_marker(np, label)) continue;
      const std::string value = metas.first({("twitter:data" + n).c_str()});
      if (value.empty() || looks_like_url(value)) continue;
      // Weaker than a meta author: the account that posted, which a
      // visible byline may contradict.
      add_names(clean_authors(np, value, AuthorValue::kField, site), 2, 1, Source::kMeta);
    }
    const int n_blocks = static_cast<int>(blocks.size());
    // A line without a date that a container holds with a picture and
    // nothing else (an "author" class on an image's licence line) credits
    // the picture. (A partner's logo over the byline and its date is no
    // picture's credit.)
    auto credits_picture = [&](int block) {
      if (block < 1 || block >= n_blocks ||
          blocks[static_cast<std::size_t>(block)].digits > 0)
        return false;
      // A picture's credit label on the line before ("Foto:" / "Jane Doe").
      {
        const std::string& label = blocks[static_cast<std::size_t>(block) - 1].text;
        if (!label.empty() && label.size() <= 24 && label.back() == ':' &&
            !picture_or_translation_credit(np, label + " " +
                                           blocks[static_cast<std::size_t>(block)].text)
                 .empty())
          return true;
      }
      int e = blocks[static_cast<std::size_t>(block)].element;
      while (e >= 0 && seg.elements[static_cast<std::size_t>(e)].first_block == block)
        e = seg.elements[static_cast<std::size_t>(e)].parent;
      if (e < 0) return false;
      const Element& holder = seg.elements[static_cast<std::size_t>(e)];
      return holder.first_block == block - 1 && holder.end_block == block + 1 &&
             blocks[static_cast<std::size_t>(block) - 1].kind == BlockKind::kImage;
    };
    // Markup.
    {
      std::string props;
      // Consecutive author links of one byline ("A and B") are one list.
      std::string links;
      int links_block = -1, links_weight = 0, links_penalty = 0;
      Source links_source = Source::kMarkup;
      auto flush_links = [&]() {
        const std::size_t before = cands.size();
        if (!links.empty())
          add(links, AuthorValue::kByline, links_weight, 2, links_source,
              distance(links_block) + links_penalty);
        if (cands.size() > before && links_weight < 3) cands.back().link_only = true;
        links.clear();
        links_block = -1;
      };
      for (const Mark& mk : g.marks) {
        if (mk.ctx & kAwayAuthor) continue;
        switch (mk.kind) {
          case MarkKind::kAuthorProp: {
            const std::string& v = !mk.value.empty() ? mk.value : mk.text;
            if (v.empty() || looks_like_url(v)) break;
            if (!props.empty()) props += "; ";
            props += v;
            break;
          }
          case MarkKind::kAuthorRel:
          case MarkKind::kAuthorLink: {
            if (!zone.contains(mk.block)) break;
            // A link to a person's page inside running prose ("... the
            // parents of <a href=...?author=X>X</a> ...", "<a>Prince</a>
            // was married when he died.") is a reference, not a byline,
            // unless the line opens with a byline marker just before it.
            if (mk.kind == MarkKind::kAuthorLink && mk.block >= 0 &&
                mk.block < static_cast<int>(blocks.size())) {
              const std::string_view text = blocks[static_cast<std::size_t>(mk.block)].text;
              const std::size_t at = mk.text.empty() ? 0 : text.find(mk.text);
              if (at != std::string::npos) {
                const std::size_t nl = text.rfind('\n', at);
                const std::size_t begin = nl == std::string::npos ? 0 : nl + 1;
                const std::string_view line = text.substr(begin, text.find('\n', at) - begin);
                const bool prose = line.size() > 100 && line.find_first_of(".!?") != std::string::npos;
                if (prose && (at - begin > 40 || !starts_with_byline_marker(np, line))) break;
              }
            }
            const int w = mk.kind == MarkKind::kAuthorRel ? 3 : 2;
            if (links_block >= 0 && (std::abs(mk.block - links_block) > 1 || w != links_weight))
              flush_links();
            if (!links.empty()) links += "; ";
            links += mk.text;
            links_block = mk.block;
            links_penalty = (mk.ctx & kSideCues) ? kSidePenalty : 0;
            links_weight = w;
            break;
          }
          case MarkKind::kAuthorClass:
            // Near the headline an "author box" is the byline's (name and
            // date); the biography boxes under an article are further down.
            if (zone.contains(mk.block) && !credits_picture(mk.block))
              add(mk.text, AuthorValue::kByline, 3, 2, Source::kMarkup,
                  distance(mk.block) + ((mk.ctx & kSideCues) ? kSidePenalty : 0));
            break;
          default:
            break;
        }
      }
      flush_links();
      add(props, AuthorValue::kByline, 4, 1, Source::kMarkup);
    }
    auto add_cjk = [&](std::string_view text, int weight, int rank, int dist) {
      int prio = 0;
      std::vector<std::string> names = cjk_credits(np, text, site, &prio);
      const std::size_t before = cands.size();
      add_names(std::move(names), prio >= 2 ? std::min(weight, 1) : weight, rank, Source::kText,
                dist);
      if (cands.size() > before) {
        cands.back().cjk_priority = prio;
        // A source (来源) names a publication, whatever its name looks like.
        if (prio == 1) cands.back().organization = true;
      }
      return cands.size() > before;
    };
    // Text: "By ..." lines near the headline.
    for (int i = zone.begin; i < zone.end; ++i) {
      const TextBlock& b = blocks[static_cast<std::size_t>(i)];
      if (block_away_for(b, kAwayAuthor) || b.text.size() > 300) continue;
      if (b.cjk > 0)
      {
        const int dist = distance(i) + (block_away_for(b, kSideCues) ? kSidePenalty : 0);
        // Credit lines one under the other ("本报实习生 A" / "本报记者 B C")
        // are one byline, and a marker on a line of its own ("本报记者" /
        // "王某 李某") credits the next line: read them as one line.
        std::string joined = b.text;
        int k = i + 1;
        if (b.text.size() <= 80) {
          const bool bare = is_bare_cjk_marker(np, b.text);
          for (; k < std::min(n_blocks, i + 4); ++k) {
            const TextBlock& nb = blocks[static_cast<std::size_t>(k)];
            if (nb.text.size() > 80 || nb.cjk == 0 ||
                !(bare || starts_with_byline_marker(np, nb.text)))
              break;
            joined.append(" ").append(nb.text);
          }
        }
        if (!add_cjk(joined, 2, 4, dist))
          add_names(cjk_posted_by(np, b.text, site), 2, 4, Source::kText, dist);
        if (k > i + 1) i = k - 1;
      }
      else if (starts_with_byline_marker(np, b.text))
        add(b.text, AuthorValue::kText, 3, 3, Source::kText,
            distance(i) + (block_away_for(b, kSideCues) ? kSidePenalty : 0));
      else if (!byline_after_post_word(np, b.text).empty())
        add(byline_after_post_word(np, b.text), AuthorValue::kText, 3, 3, Source::kText,
            distance(i) + (block_away_for(b, kSideCues) ? kSidePenalty : 0));
      else if (is_bare_latin_marker(np, b.text) && i + 1 < n_blocks &&
               blocks[static_cast<std::size_t>(i) + 1].text.size() <= 80)
        // "Von:" on a line of its own, the name on the next.
        add(b.text + " " + blocks[static_cast<std::size_t>(i) + 1].text, AuthorValue::kText, 3, 3,
            Source::kText, distance(i) + (block_away_for(b, kSideCues) ? kSidePenalty : 0));
    }
    // Names in parentheses closing the article's last lines: no byline,
    // but how a login reads (see below).
    std::vector<std::string> signed_names;
    // Credits in the article's last lines ("Reporting by", "（记者 X）").
    {
      const int last = zone.last;
      if (last >= 0) {
        const int n = static_cast<int>(blocks.size());
        for (int i = std::max(zone.region_begin, last - 3); i < std::min(n, last + 4); ++i) {
          const TextBlock& b = blocks[static_cast<std::size_t>(i)];
          if (block_away_for(b, kAwayAuthor)) continue;
          const std::string_view t = utf8_suffix(b.text, 160);
          if (b.cjk == 0) {
            std::string signed_name = trailing_parenthesized_name(np, t);
            if (!signed_name.empty()) signed_names.push_back(std::move(signed_name));
          }
          if (b.cjk > 0) {
            add_cjk(t, 2, 5, 100 + i - last);
          } else {
            add_names(trailing_credit(np, t, site), 1, 5, Source::kText, 100 + i - last);
          }
          // "Text: Jane Doe", "Von: Jane Doe" closing the article; "Von:" and
          // the name on two lines; "Eingestellt von X um 21:11".
          if (b.text.size() <= 200 && starts_with_byline_marker(np, b.text))
            add(b.text, AuthorValue::kText, 2, 5, Source::kText, 100 + i - last);
          else if (!byline_after_post_word(np, b.text).empty())
            add(byline_after_post_word(np, b.text), AuthorValue::kText, 2, 5, Source::kText,
                100 + i - last);
          else if (is_bare_latin_marker(np, b.text) && i + 1 < n &&
                   blocks[static_cast<std::size_t>(i) + 1].text.size() <= 80)
            add(b.text + " " + blocks[static_cast<std::size_t>(i) + 1].text, AuthorValue::kText,
                2, 5, Source::kText, 100 + i - last);
          else if (is_credit_label(b.text) && i + 1 < n &&
                   blocks[static_cast<std::size_t>(i) + 1].text.size() <= 80)
            // Closing credits as label and name: "Interview" / "Jane Doe".
            add("By " + blocks[static_cast<std::size_t>(i) + 1].text, AuthorValue::kText, 2, 5,
                Source::kText, 100 + i - last);
        }
      }
    }
    // People a line near the headline credits for the pictures or the
    // translation ("Übersetzung Jane Doe") are no authors, even where the
    // account that posted the article bears their name; unless a byline
    // names them too.
    {
      std::vector<std::string> credited;
      for (int i = zone.begin; i < zone.end; ++i)
        for (const std::string& k : word_keys(
                 picture_or_translation_credit(np, blocks[static_cast<std::size_t>(i)].text)))
          credited.push_back(k);
      std::sort(credited.begin(), credited.end());
      auto only_credited = [&](const AuthorCandidate& c) {
        return std::includes(credited.begin(), credited.end(), c.keys.begin(), c.keys.end());
      };
      const bool bylined = std::any_of(cands.begin(), cands.end(), [&](const AuthorCandidate& c) {
        return (c.source == Source::kText || (c.source == Source::kMarkup && !c.link_only)) &&
               only_credited(c);
      });
      if (!credited.empty() && !bylined)
        cands.erase(std::remove_if(cands.begin(), cands.end(), only_credited), cands.end());
    }
    // Whether a source names anyone but the site itself: the site's own
    // name in an author field says no more than that no one signed, and
    // the searches below still look for a name.
    auto names_anyone = [&] {
      return std::any_of(cands.begin(), cands.end(),
                         [](const AuthorCandidate& c) { return !c.site_named; });
    };
    // A line of bare Han names just under the headline (after the headline
    // repeated, if it is): the byline of many Chinese pages.
    // The line above is the headline (or what reads as one: a short line
    // without a full stop) and the line below is the article's text. Such
    // a line can also be a label ("打印本页", "人物画像"): it counts only
    // when unlinked and when nothing else names anyone.
    if (!names_anyone()) {
      const std::string title_key = comparison_key(m.title);
      const int from = std::max(1, std::min(zone.begin, zone.region_begin));
      const int to = std::min(n_blocks - 1, std::max(zone.end, zone.region_begin + 6));
      for (int i = from; i < to; ++i) {
        const TextBlock& b = blocks[static_cast<std::size_t>(i)];
        if (b.cjk == 0 || b.text.size() > 64 || b.link_chars > 0 ||
            block_away_for(b, kAwayAuthor))
          continue;
        const TextBlock& above = blocks[static_cast<std::size_t>(i - 1)];
        const TextBlock& below = blocks[static_cast<std::size_t>(i + 1)];
        // Below: the text, or a subtitle opening with a dash ("——当代…").
        const bool subtitle = below.text.rfind("\xe2\x80\x94", 0) == 0;  // —
        if ((below.text.size() < 2 * b.text.size() + 60 && !subtitle) ||
            above.text.size() > 160 || above.sentence_ends > 0)
          continue;
        const bool headline =
            i - 1 == zone.headline || above.kind == BlockKind::kHeading ||
            (!title_key.empty() && title_key.find(comparison_key(above.text)) != std::string::npos);
        if (!headline && (i < zone.region_begin || i > zone.region_begin + 2)) continue;
        std::vector<std::string> names = cjk_name_line(np, b.text, site);
        if (names.empty()) continue;
        add_names(std::move(names), 2, 4, Source::kText, distance(i));
        break;
      }
    }
    // A Chinese credit line of its own anywhere else in the article
    // ("编辑：X" above a list of related links, "文：X" under a rule): read
    // only when the headline and the last lines credit no one.
    // The same for a Latin byline line of its own ("Autoren A und B").
    if (!names_anyone() && in.scores.region >= 0) {
      for (int i = zone.region_begin; i < std::min(n_blocks, zone.region_end + 4); ++i) {
        const TextBlock& b = blocks[static_cast<std::size_t>(i)];
        if (b.text.size() > 120 || block_away_for(b, kAwayAuthor)) continue;
        if (b.cjk > 0)
          add_cjk(b.text, 1, 6, 150);
        else if (starts_with_byline_marker(np, b.text))
          add(b.text, AuthorValue::kText, 1, 6, Source::kText, 150);
      }
    }
    // The name signing the article off on its last line ("Jane Doe", "Benni
    // / 10. September 2017"): a letter's, a speech's, a blog post's author,
    // read only when nothing else names anyone.
    if (!names_anyone() && zone.last >= 0) {
      const TextBlock& b = blocks[static_cast<std::size_t>(zone.last)];
      if (b.kind == BlockKind::kParagraph && b.cjk == 0 && b.link_chars == 0 &&
          !block_away_for(b, kAwayAuthor))
        add_names(sign_off_name(np, b.text, site), 1, 7, Source::kText, 150);
    }
    // The name on a comment that the post's author wrote (a blog's
    // owner answering readers), when nothing else names anyone.
    if (!names_anyone())
      add(post_author_in_comments(seg), AuthorValue::kField, 1, 8, Source::kMarkup, 200);
    // The person holding the copyright, in the copyright <meta> or a line
    // in the page's last blocks: the owner and writer of a personal site.
    // Read only when nothing else names anyone.
    if (!names_anyone()) {
      const std::string meta = metas.first({"copyright"});
      if (!meta.empty()) add_names(copyright_holder(np, "© " + meta, site), 1, 8, Source::kMeta);
    }
    if (!names_anyone()) {
      for (int i = n_blocks - 1; i >= std::max(zone.region_end, n_blocks - 40); --i) {
        std::vector<std::string> names =
            copyright_holder(np, blocks[static_cast<std::size_t>(i)].text, site);
        if (names.empty()) continue;
        add_names(std::move(names), 1, 8, Source::kText, 200);
        break;
      }
    }
    // Of Chinese credits, the best kind wins across lines too: a reporter
    // closing the last paragraph over the editor in the line under it.
    {
      int best_prio = 3;
      for (const AuthorCandidate& c : cands)
        if (c.cjk_priority >= 0 && !c.organization) best_prio = std::min(best_prio, c.cjk_priority);
      cands.erase(std::remove_if(cands.begin(), cands.end(),
                                 [&](const AuthorCandidate& c) {
                                   return c.cjk_priority > best_prio;
                                 }),
                  cands.end());
    }
    // Support: the weight of every candidate, times the share of names two
    // lists have in common. What the page shows counts less the further it
    // is from the headline (a list of other articles' bylines is further
    // down), and one block votes once however many elements in it say the
    // same.
    auto effective = [](const AuthorCandidate& c) {
      if (c.source == Source::kJsonLd || c.source == Source::kMeta || c.distance == 0)
        return static_cast<double>(c.weight);
      return c.weight / (1.0 + c.distance / 10.0);
    };
    for (AuthorCandidate& a : cands) {
      std::vector<std::pair<int, std::vector<std::string>>> counted;
      for (std::size_t ci = 0; ci < cands.size(); ++ci) {
        const AuthorCandidate& c = cands[ci];
        int common = 0;
        for (const std::string& k : a.keys)
          if (std::find(c.keys.begin(), c.keys.end(), k) != c.keys.end()) ++common;
        if (common == 0) continue;
        if (c.distance > 0 && c.source != Source::kJsonLd && c.source != Source::kMeta) {
          const std::pair<int, std::vector<std::string>> key{c.distance, c.keys};
          if (std::find(counted.begin(), counted.end(), key) != counted.end()) continue;
          counted.push_back(key);
        }
        a.support += effective(c) * static_cast<double>(common) /
                     static_cast<double>(std::max(a.keys.size(), c.keys.size()));
      }
    }
    // An organisation that the structured sources and the byline agree on
    // ("Example News Desk" in JSON-LD, meta and byline) over people that
    // only links to author pages name (people the article mentions).
    {
      double org_support = 0, person_support = 0;
      bool only_links = true;
      for (const AuthorCandidate& c : cands) {
        if (c.organization) {
          org_support = std::max(org_support, c.support);
        } else {
          person_support = std::max(person_support, c.support);
          only_links = only_links && c.link_only;
        }
      }
      if (only_links && person_support > 0 && org_support >= 3 * person_support)
        cands.erase(std::remove_if(cands.begin(), cands.end(),
                                   [](const AuthorCandidate& c) { return !c.organization; }),
                    cands.end());
    }
    const AuthorCandidate* best = nullptr;
    for (const AuthorCandidate& c : cands) {
      if (best == nullptr) {
        best = &c;
        continue;
      }
      if (c.organization != best->organization) {
        if (!c.organization) best = &c;
        continue;
      }
      // Of organisations, one the site names (its newsroom, an agency)
      // over the site's own name, which stands only when nothing else
      // is named.
      if (c.site_named != best->site_named) {
        if (!c.site_named) best = &c;
        continue;
      }
      if (c.support > best->support + 1e-9 ||
          (c.support > best->support - 1e-9 &&
           (c.rank < best->rank || (c.rank == best->rank && c.distance < best->distance))))
        best = &c;
    }
    // A long list in a field (three names or more) of which the byline
    // under the headline shows only the first: the others are credited
    // for the pictures, the styling, the models; the byline names the
    // writers.
    if (best != nullptr && !best->organization && best->names.size() >= 3 &&
        (best->source == Source::kMeta || best->source == Source::kJsonLd)) {
      auto opens_the_list = [&](const AuthorCandidate& c) {
        if (c.names.size() >= best->names.size()) return false;
        for (std::size_t i = 0; i < c.names.size(); ++i)
          if (comparison_key(c.names[i]) != comparison_key(best->names[i])) return false;
        return true;
      };
      // What the page shows of the list there: one element per name
      // (a paper's authors) shows all of it.
      auto visible = [&](const AuthorCandidate& c) {
        return !c.organization && !c.link_only && c.distance <= 12 &&
               (c.source == Source::kText || c.source == Source::kMarkup) &&
               std::includes(best->keys.begin(), best->keys.end(), c.keys.begin(), c.keys.end());
      };
      const AuthorCandidate* byline = nullptr;
      std::vector<std::string> shown_keys;
      for (const AuthorCandidate& c : cands) {
        if (!visible(c)) continue;
        shown_keys.insert(shown_keys.end(), c.keys.begin(), c.keys.end());
        if (opens_the_list(c) && (byline == nullptr || c.support > byline->support)) byline = &c;
      }
      std::sort(shown_keys.begin(), shown_keys.end());
      shown_keys.erase(std::unique(shown_keys.begin(), shown_keys.end()), shown_keys.end());
      if (byline != nullptr && shown_keys == byline->keys) best = byline;
    }
    if (best != nullptr) {
      // Of lists naming the same people, the one written for readers
      // ("Mike Cason", not the login "mikecason").
      const AuthorCandidate* shown = best;
      auto spaces = [](const AuthorCandidate& c) {
        int n = 0;
        for (const std::string& s : c.names) n += static_cast<int>(std::count(s.begin(), s.end(), ' '));
        return n;
      };
      for (const AuthorCandidate& c : cands)
        if (c.keys == best->keys && spaces(c) > spaces(*shown)) shown = &c;
      // A fuller form of the same names ("Nils" -> "Nils Pickert") that
      // the page also gives, with fair support.
      for (const AuthorCandidate& c : cands) {
        if (c.organization || c.names.size() != best->names.size() ||
            c.keys.size() <= best->keys.size() ||
            c.keys.size() > best->keys.size() + best->names.size() ||
            c.support < 0.5 * best->support)
          continue;
        if (!std::includes(c.keys.begin(), c.keys.end(), best->keys.begin(), best->keys.end()))
          continue;
        // The added word must be a word of its own, not two run together
        // ("WongAndrea").
        bool fused = false;
        for (const std::string& k : c.keys)
          if (!std::binary_search(best->keys.begin(), best->keys.end(), k))
            for (const std::string& b : best->keys)
              if (k.find(b) != std::string::npos) fused = true;
        if (fused) continue;
        if (shown == best || c.support > shown->support) shown = &c;
      }
      // A login that spells a person's name ("christian.stadtfeld",
      // "jane_doe") and a name the page shows that reads as it, first and
      // last word ("Christian P. Stadtfeld"): the one written for readers.
      std::string signed_login;
      if (shown->names.size() == 1) {
        const std::string& login = shown->names[0];
        std::vector<std::string> parts;
        bool is_login = !login.empty();
        for (char ch : login)
          if (!(is_ascii_lower(ch) || ch == '.' || ch == '_' || ch == '-')) is_login = false;
        if (is_login) {
          std::size_t i = 0;
          while (i <= login.size()) {
            std::size_t j = login.find_first_of("._-", i);
            if (j == std::string::npos) j = login.size();
            if (j > i) parts.push_back(login.substr(i, j - i));
            i = j + 1;
          }
        }
        const bool named =
            parts.size() >= 2 && std::all_of(parts.begin(), parts.end(), [](const std::string& p) {
              return p.size() >= 2;
            });
        auto reads_as_login = [&](const std::string& n) {
          const std::size_t first_end = n.find(' ');
          return named && first_end != std::string::npos &&
                 comparison_key(std::string_view(n).substr(0, first_end)) == parts.front() &&
                 comparison_key(std::string_view(n).substr(n.rfind(' ') + 1)) == parts.back();
        };
        const AuthorCandidate* readable = nullptr;
        for (const AuthorCandidate& c : cands)
          if (!c.organization && c.names.size() == 1 && &c != shown &&
              reads_as_login(c.names[0])) {
            readable = &c;
            break;
          }
        if (readable != nullptr) {
          shown = readable;
        } else {
          for (const std::string& n : signed_names)
            if (reads_as_login(n)) {
              signed_login = n;
              break;
            }
        }
      }
      if (!signed_login.empty()) {
        m.authors = {signed_login};
        m.sources.authors = Source::kText;
      } else {
        m.authors = shown->names;
        m.sources.authors = best->source;
      }
    }
  }

  // --- description, image, categories, tags -------------------------------------
  {
    std::string d = metas.first({"description"});
    Source src = Source::kMeta;
    if (d.empty()) d = metas.first({"og:description", "twitter:description", "dc.description"});
    if (d.empty() && !ld.description.empty()) {
      d = ld.description;
      src = Source::kJsonLd;
    }
    m.description = d;
    m.sources.description = d.empty() ? Source::kNone : src;
  }
  {
    std::string im = metas.first({"og:image", "og:image:url", "og:image:secure_url",
                                  "twitter:image", "twitter:image:src"});
    Source src = Source::kMeta;
    if (im.empty() && !ld.image.empty()) {
      im = ld.image;
      src = Source::kJsonLd;
    }
    if (im.empty() && !g.image_src.empty()) {
      im = g.image_src;
      src = Source::kMarkup;
    }
    if (!im.empty()) {
      m.image = resolve_url(base, im);
      m.sources.image = src;
    }
  }
  {
    // The keys of the values kept so far, per list (a page may list a
    // hundred keywords: each is keyed once, not once per later value).
    std::vector<std::string> category_keys, tag_keys;
    auto add_unique = [&](std::vector<std::string>* v, const std::string& s) {
      std::string t = collapse_space(s);
      if (t.empty() || t.size() > 100) return;
      std::vector<std::string>& keys = v == &m.categories ? category_keys : tag_keys;
      std::string k = comparison_key(t);
      if (std::find(keys.begin(), keys.end(), k) != keys.end()) return;
      keys.push_back(std::move(k));
      v->push_back(std::move(t));
    };
    for (const std::string& s : metas.all("article:section")) add_unique(&m.categories, s);
    if (!m.categories.empty()) m.sources.categories = Source::kMeta;
    if (m.categories.empty()) {
      for (const std::string& s : ld.sections) add_unique(&m.categories, s);
      if (!m.categories.empty()) m.sources.categories = Source::kJsonLd;
    }
    for (const std::string& s : metas.all("article:tag")) add_unique(&m.tags, s);
    if (!m.tags.empty()) m.sources.tags = Source::kMeta;
    if (m.tags.empty()) {
      for (const std::string& s : ld.keywords) add_unique(&m.tags, s);
      if (!m.tags.empty()) m.sources.tags = Source::kJsonLd;
    }
    if (m.tags.empty()) {
      for (const Mark& mk : g.marks)
        if (mk.kind == MarkKind::kTagLink && !(mk.ctx & away))
          add_unique(&m.tags, mk.text);
      if (!m.tags.empty()) m.sources.tags = Source::kMarkup;
    }
    if (m.tags.empty()) {
      std::string kw = metas.first({"news_keywords", "keywords"});
      std::size_t start = 0;
      while (start < kw.size()) {
        std::size_t comma = kw.find_first_of(",;", start);
        if (comma == std::string::npos) comma = kw.size();
        add_unique(&m.tags, kw.substr(start, comma - start));
        start = comma + 1;
      }
      if (!m.tags.empty()) m.sources.tags = Source::kMeta;
    }
    if (m.tags.size() > 30) m.tags.resize(30);
  }
  return m;
}

}  // namespace extractor
