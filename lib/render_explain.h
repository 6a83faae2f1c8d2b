// The explain view (Extractor::explain): the page as its own markup lays it
// out, with every block outlined and tinted by what the extractor decided,
// and a side panel (legend, metadata with sources, the extracted text, the
// blocks, what the page hides).
//
// Built in two steps, because extract() frees the tree before it writes the
// outputs and the view needs both:
//   capture_page()    while the tree is alive (called by the pipeline in
//                     lib/extractor.cc when a view is asked for): the page's
//                     <body> written back out, sanitised, with the elements
//                     that hold blocks marked;
//   render_explain()  once the Result is complete: the document around it.
//
// Why a hook and not a second parse of the page: the parse is a third of
// extract() (README, "Speed"), over the 20 % the view may cost. The tree
// the stages see lacks what a layout needs (prescan drops <style> bodies and
// the attributes no stage reads), so Extractor::explain() prescans with
// PrescanOptions::keep_layout, which keeps them and changes nothing the
// stages read.
#ifndef EXTRACTOR_LIB_RENDER_EXPLAIN_H_
#define EXTRACTOR_LIB_RENDER_EXPLAIN_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include "extractor/extractor.h"
#include "prescan.h"

namespace extractor {

class Dom;
struct Segments;
struct Scores;

// What a block is, as the view names and colours it: finer than Label (the
// reason and the cues of the block's elements say which boilerplate it is).
enum class Part : std::uint8_t {
  kBody,        // the article's text (kept)
  kTitle,       // the headline (the heading whose text is the title)
  kByline,      // byline, author box, reading time
  kDate,        // a line that is only a date
  kCaption,     // captions and credits
  kComments,    // reader comments
  kNewsletter,  // newsletter, subscription, sign-up and log-in prompts
  kDonation,    // donation, membership and paywall appeals
  kRelated,     // related links, read-also, news feeds, more/prev/next links
  kShare,       // share and follow bars
  kCookie,      // cookie and consent notices
  kAd,          // ads, sponsored blocks
  kNavigation,  // menus, breadcrumbs, mastheads, footers, sidebars, tags
  kOther,       // any other boilerplate
};
constexpr int kPartCount = 14;

// "body", "newsletter", ...: the word the view writes (data-exv, the legend).
const char* part_word(Part part);

// What the view keeps of the page, read while its tree is alive.
struct PageCapture {
  std::string html_attributes;  // for the view's <html>: ` lang="en"`...
  std::string body_attributes;  // for its <body>
  std::string css;              // the page's style sheets: <style> elements, scrubbed
  std::string body;             // <body>'s content, sanitised, blocks marked
  // Per block (Result::blocks' order): its Part, and the index in `anchors`
  // of the element that holds it (-1: none is marked, e.g. text directly in
  // <body>).
  std::vector<Part> parts;
  std::vector<std::int32_t> anchor_of;
  // The id of each marked element (the page's own when it has a unique one,
  // else "exv-eN"), in document order.
  std::vector<std::string> anchors;
  // Elements the page hides (segment leaves them out: hidden, aria-hidden,
  // inline display:none, screen-reader classes, closed dialogs).
  struct Hidden {
    std::string anchor;
    const char* why = "";
    std::string path;
    std::string text;  // the start of its text
  };
  std::vector<Hidden> hidden;
};

// Writes the page's <body> (and its style sheets) into *out as the view
// shows it, while `dom` is alive. `paths` are the blocks' element paths,
// `hidden_paths` those of segments.hidden; `title` the metadata's title
// (which heading is the headline).
void capture_page(const Dom& dom, const Segments& segments, const Scores& scores,
                  const std::vector<std::string>& paths,
                  const std::vector<std::string>& hidden_paths,
                  const std::vector<StyleSheet>& styles, std::string_view title,
                  PageCapture* out);

// The whole view: one self-contained HTML document. `result` is the one the
// capture was made with (its blocks in the same order).
std::string render_explain(const PageCapture& page, const Result& result,
                           const Options& options);

// Page CSS as the view writes it (appended to *out): nothing in it can end
// the <style> element or attribute it stands in ('<' written as the escape
// "\3c "), load anything (url(), src(), image-set(), image(), cross-fade(),
// element() become `none`; @import rules go) or run anything in an old
// browser (expression() becomes `none`; IE's behavior and Firefox's
// -moz-binding only ever load through url()), however the page spells it
// (escapes in names, case, comments).
// Comments are dropped; NUL becomes U+FFFD.
void scrub_css(std::string_view css, std::string* out);

// The panel's "page type" row, for a Result that has a page type (another
// change adds Result::page_type); nothing for one that has none.
template <typename R, typename = void>
struct HasPageType : std::false_type {};
template <typename R>
struct HasPageType<R, std::void_t<decltype(std::declval<const R&>().page_type)>>
    : std::true_type {};

template <typename R>
void page_type_row(const R& r, std::string* out) {
  if constexpr (HasPageType<R>::value) {
    *out += "<tr><th>page type</th><td>";
    *out += to_string(r.page_type);  // a word of ours ("article", ...)
    *out += "</td><td class=\"exv-source\">classifier</td></tr>\n";
  } else {
    (void)r;
    (void)out;
  }
}

}  // namespace extractor

#endif  // EXTRACTOR_LIB_RENDER_EXPLAIN_H_
