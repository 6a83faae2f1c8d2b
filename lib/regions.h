// Stage 5d: the main content of every kind of page.
//
// score() reads a page as an article: one region, the rest boilerplate. A
// script-rendered page, a forum thread, a listing or a product page needs
// another reading, and this stage gives it:
//
//   - read_blocks(): the page's blocks scored, and, when the page as shown
//     holds no article, its <noscript> markup read as part of it (forums and
//     shops that render by script keep a crawler's view there);
//   - (after the page type) read_as_type(): the reading of the page's kind.
#ifndef EXTRACTOR_LIB_REGIONS_H_
#define EXTRACTOR_LIB_REGIONS_H_

#include <cstddef>
#include <string_view>
#include <vector>

#include "extractor/extractor.h"
#include "score.h"
#include "segment.h"

namespace extractor {

class Dom;
class Patterns;

// Bytes of text in the blocks `scores` labels content (images left out).
std::size_t content_bytes(const Segments& segments, const Scores& scores);

// Less than this is no article: a date line, a title, "Loading…".
constexpr std::size_t kArticleBytes = 200;

// segment(), compute_features() and score() over the page; when that finds
// less than kArticleBytes of content and the page has <noscript> markup,
// the same with <noscript> read, which stands when it finds more. `trace`
// (the training tools) gets the reading that stands.
void read_blocks(const Dom& dom, const Patterns& patterns, const Options& options,
                 std::string_view page_url, Segments* segments, Scores* scores,
                 ScoreTrace* trace = nullptr);

// The page read as its kind: a forum thread's posts (every post's text
// with its author line and date, not its buttons; comment-thread classes do
// not rule posts out), a listing's or collection's items (the largest run of
// like, small siblings outside menus, header and footer: every item's
// title, price and summary), unless the article's reading holds prose and
// the items are no shop's (most show no price); a product's name,
// description and specifications (its titled sections in tabs, drawers and
// dialogs, its runs of keys and values), not its customers' reviews, other
// products or the shop's terms; documentation with the lists of links
// between its paragraphs (its topics, not a menu), a service's landing page
// with every section of it when the article's reading kept one of several.
// Changes `scores` only where the kind's reading differs from the article's,
// and only when `confidence` reaches the kind's bar. `patterns` gives the
// words of prices. `posts`, when given, gets the elements
// (Segments::elements) of the thread's posts in page order when the page is
// read as a thread, else nothing. True when the page was read as a forum
// thread (its replies are then its content: keep_comments_out() is for
// every other page).
bool read_as_type(const Segments& segments, const Patterns& patterns, PageType type,
                  float confidence, Scores* scores, std::vector<int>* posts = nullptr);

// The article's headline is its title (Metadata::title), not a line of its
// text: the heading that opens the kept text and reads as the title (the
// same words, case and punctuation aside) is left out of it (Reason::kHeadline).
void leave_headline_out(const Segments& segments, std::string_view title, Scores* scores);

}  // namespace extractor

#endif  // EXTRACTOR_LIB_REGIONS_H_
