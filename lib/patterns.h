// Every vocabulary the stages listen to, compiled once per Extractor and
// shared by its threads: the class/id/role words and the short phrases of
// boilerplate text (RE2 sets, here), and the patterns of the charset
// declarations (decode), of dates and of names (metadata). No regular
// expression is compiled anywhere else.
#ifndef EXTRACTOR_LIB_PATTERNS_H_
#define EXTRACTOR_LIB_PATTERNS_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

namespace re2 {
class RE2;
}

namespace extractor {

struct CharsetPatterns;
struct DatePatterns;
struct NamePatterns;
struct PageTypePatterns;

// What an element's class/id/role (or its tag) says it is. Bit flags.
enum Cue : std::uint32_t {
  kCueNav = 1u << 0,         // navigation, menus, breadcrumbs, pagination
  kCueHeader = 1u << 1,      // the site's masthead
  kCueFooter = 1u << 2,      // the site's (or an article's) footer
  kCueSidebar = 1u << 3,     // sidebars, rails, widgets, secondary columns
  kCueRelated = 1u << 4,     // related / recommended / read-also / more-news
  kCueNewsletter = 1u << 5,  // newsletter and subscription prompts and forms
  kCueDonate = 1u << 6,      // donation, membership and paywall appeals
  kCueConsent = 1u << 7,     // cookie and consent notices
  kCueShare = 1u << 8,       // share and social bars, follow-us
  kCueAd = 1u << 9,          // ads, sponsored blocks, promos
  kCueComment = 1u << 10,    // comment threads
  kCueByline = 1u << 11,     // author / date / reading-time line of an article
  kCueCaption = 1u << 12,    // captions and image credits
  kCueHidden = 1u << 13,     // visually hidden (sr-only, hidden, ...)
  kCueArticle = 1u << 14,    // the article or its body (positive)
  kCueTags = 1u << 15,       // tag and category lists
  kCueFeed = 1u << 16,       // news feeds, tickers, "latest" lists
  kCueModal = 1u << 17,      // pop-ups, overlays, dialogs
  kCueAudio = 1u << 18,      // audio players, "listen to this article"
  kCueTools = 1u << 19,      // toolbars, print/save/font-size tools
  kCueAuthorBio = 1u << 20,  // author boxes under the article
  kCueLead = 1u << 21,       // standfirst, lead, summary, dek (positive)
  kCueTitle = 1u << 22,      // headline (positive)
  kCueForm = 1u << 23,       // <form> and form widgets
  kCueLogin = 1u << 24,      // log-in / account / register prompts
  kCueBreadcrumb = 1u << 25, // breadcrumbs (also kCueNav)
  kCueMain = 1u << 26,       // <main>, role=main, itemprop=articleBody (positive)
  kCueReview = 1u << 27,     // reviews, ratings, testimonials (read on product pages only)
};

// Cues that mark an element as boilerplate wherever it is.
constexpr std::uint32_t kBoilerplateCues =
    kCueNav | kCueHeader | kCueFooter | kCueSidebar | kCueRelated | kCueNewsletter |
    kCueDonate | kCueConsent | kCueShare | kCueAd | kCueComment | kCueHidden | kCueTags |
    kCueFeed | kCueModal | kCueAudio | kCueTools | kCueAuthorBio | kCueForm | kCueLogin |
    kCueBreadcrumb;

// What a short block's text says it is. Bit flags.
enum TextCue : std::uint32_t {
  kTextReadAlso = 1u << 0,     // "Read also:", "Related:", "Lesen Sie auch", ...
  kTextSubscribe = 1u << 1,    // newsletter / subscription / sign-up prompts
  kTextDonate = 1u << 2,       // donation and membership appeals
  kTextCookie = 1u << 3,       // cookie and privacy notices
  kTextShare = 1u << 4,        // "Share", "Tweet", "Share on Facebook"
  kTextAd = 1u << 5,           // "Advertisement", "Anzeige", "Sponsored"
  kTextReadingTime = 1u << 6,  // "2 min read"
  kTextAudio = 1u << 7,        // "Listen to this article", "audio ... AI"
  kTextCopyright = 1u << 8,    // "© 2021 ...", "All rights reserved"
  kTextLogin = 1u << 9,        // "Log in", "Sign in", "Register"
  kTextComments = 1u << 10,    // "12 comments", "Leave a reply"
  kTextPrevNext = 1u << 11,    // "Previous article", "Next post"
  kTextCredit = 1u << 12,      // "Photo: Reuters", "Getty Images"
  kTextByline = 1u << 13,      // "By Jane Doe", "Von ...", "Автор:"
  kTextDateLine = 1u << 14,    // a block that is (almost) only a date/time
  kTextFormHint = 1u << 15,    // "* indicates required", "enter your email"
  kTextMoreLink = 1u << 16,    // "Read more", "Continue reading", "More news"
  kTextTags = 1u << 17,        // "Tags:", "Topics:", "Schlagworte:"
  kTextHasDate = 1u << 18,     // holds a calendar date ("2 декабря 2021", "2021-12-02")
};

class Patterns {
 public:
  Patterns();
  ~Patterns();
  Patterns(const Patterns&) = delete;
  Patterns& operator=(const Patterns&) = delete;

  // Cues of an element from its class, id, role and data-* words. `words` is
  // the attribute values joined by spaces; camelCase is split and case folded
  // here ("mainNav" reads as "main-nav").
  std::uint32_t attribute_cues(std::string_view words) const;

  // Cues of a block's text. Meant for short blocks (the phrases are short);
  // the caller decides when a block is short enough to ask.
  std::uint32_t text_cues(std::string_view text) const;

  // The charset declarations decode() reads (decode.h).
  const CharsetPatterns& charsets() const { return *charsets_; }
  // The dates and names the metadata stages read (metadata_datetime.h,
  // metadata_names.h).
  const DatePatterns& dates() const { return *dates_; }
  const NamePatterns& names() const { return *names_; }
  // The words of buttons, labels and titles the page type reads (pagetype.h).
  const PageTypePatterns& page_types() const { return *page_types_; }

 private:
  struct Sets;
  std::unique_ptr<const Sets> sets_;
  // Each defined (and compiled by its constructor) in the file that reads
  // it; shared_ptr, so that it is destroyed here without its definition.
  std::shared_ptr<const CharsetPatterns> charsets_;
  std::shared_ptr<const DatePatterns> dates_;
  std::shared_ptr<const NamePatterns> names_;  // holds dates_ too
  std::shared_ptr<const PageTypePatterns> page_types_;
};

// "mainNav  Footer_links" -> "main-nav footer_links": case folded, with a
// hyphen where a lower-case letter meets an upper-case one.
std::string fold_attribute_words(std::string_view words);
// The folded words without the taxonomy and state words blog engines put on
// a post ("category-<slug>", "tag-<slug>", "status-publish", "format-aside").
std::string drop_taxonomy_words(std::string_view folded);

}  // namespace extractor

#endif  // EXTRACTOR_LIB_PATTERNS_H_
