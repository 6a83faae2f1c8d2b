// Metadata, the evidence: the page's elements read in one pass. See
// metadata_gather.h.
#include "metadata_gather.h"

#include <algorithm>
#include <cstring>
#include <string_view>

#include "chars.h"
#include "dom.h"
#include "metadata_names.h"
#include "metadata_text.h"

namespace extractor {
namespace {

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
        if (const char* text = text_of(n)) {
          append(text);
          return false;
        }
        if (n->type != GUMBO_NODE_ELEMENT || (depth > 0 && !shows_text(n))) return false;
        boundary(n);
        return true;
      },
      [&](const GumboNode* n, int) {
        if (n->type == GUMBO_NODE_ELEMENT) boundary(n);
      });
  if (out.size() > limit + 64) out.resize(utf8_floor(out, limit + 64));
  return collapse_space(out);
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

}  // namespace

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

namespace {

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

}  // namespace

Gathered gather(const Dom& dom, const Segments& seg, const std::vector<std::uint32_t>& own_away,
                const NamePatterns& names, const ReadWindow& window) {
  Gathered g;
  Gatherer(seg, own_away, names, &g)
      .run(dom.root(), window.begin, window.end, window.gap_begin, window.gap_end);
  return g;
}

}  // namespace extractor
