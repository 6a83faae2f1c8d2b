// Metadata, the evidence (1 of 2): what the page's elements say, read in one
// pass. The <head> is walked for <title>, <meta> and <link>; the body's
// elements come from segmentation's list, with their cues, and only those
// around the article have their attributes read (microdata, <time>,
// rel=author, author links, byline and date classes, headings).
#ifndef EXTRACTOR_LIB_METADATA_GATHER_H_
#define EXTRACTOR_LIB_METADATA_GATHER_H_

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "patterns.h"
#include "segment.h"

namespace extractor {

class Dom;
struct NamePatterns;

// Context bits beside the segment cues (which use the low 27 bits).
constexpr std::uint32_t kCtxCommentItem = 1u << 29;  // inside itemtype=Comment
constexpr std::uint32_t kCtxHead = 1u << 30;         // inside <head>

// Where an article's own metadata never is, though other articles' bylines
// and dates are: comments, sidebars, related lists, feeds, menus, and the
// masthead (which shows today's date). Ads, pop-ups and forms hold neither,
// and their words are too often on wrappers to be trusted.
constexpr std::uint32_t kAway = kCueComment | kCueSidebar | kCueRelated | kCueFeed | kCueNav |
                                kCueHeader | kCueBreadcrumb | kCtxCommentItem;

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

// The blocks [begin, end) whose elements are read in full, but for the gap
// [gap_begin, gap_end) (the middle of a long article holds no byline).
struct ReadWindow {
  int begin = 0;
  int end = 0;
  int gap_begin = 0;
  int gap_end = 0;
};

// <html lang>, the <head>, then the body's elements as segmentation listed
// them: only elements whose text starts in `window` have their attributes
// read in full; elsewhere only headings, <time> and the <meta>/<title> a
// broken page leaves in the body are looked at (reading every element's
// attributes would cost more than the rest of the stage). `own_away` holds
// each element's own away cues, as far as they count (see Evidence).
Gathered gather(const Dom& dom, const Segments& seg, const std::vector<std::uint32_t>& own_away,
                const NamePatterns& names, const ReadWindow& window);

// WordPress marks a comment that the post's own author wrote with the
// class "bypostauthor": the name that comment shows (its first short
// element classed as an author's, "comment-author", "fn") is the
// article's writer's. Empty when no comment is so marked.
std::string post_author_in_comments(const Segments& seg);

}  // namespace extractor

#endif  // EXTRACTOR_LIB_METADATA_GATHER_H_
