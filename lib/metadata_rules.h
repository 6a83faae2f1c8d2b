// The metadata rules by name, for measuring each one (issue: every rule
// earns its place out of sample). Every rule is on in the library; only the
// evaluation tool (bench/eval: --rule-off NAME) switches one off, to see
// which pages and sites it changes. No public API reads or sets this.
#ifndef EXTRACTOR_LIB_METADATA_RULES_H_
#define EXTRACTOR_LIB_METADATA_RULES_H_

#include <atomic>
#include <cstdint>
#include <string_view>
#include <vector>

namespace extractor {
namespace rules {

// X(enumerator, "name", what it does)
#define EXTRACTOR_METADATA_RULES(X)                                                         \
  X(kAuthorJsonLdOrg, "author.jsonld_org", "JSON-LD's author organisations")                \
  X(kAuthorMeta, "author.meta", "meta author, Dublin Core, citation_author, ...")          \
  X(kAuthorTwitterLabel, "author.twitter_label", "\"Written by\" twitter:label/data pairs") \
  X(kAuthorAddressField, "author.address_field", "a field naming the site then single words: no people") \
  X(kAuthorWeakLogin, "author.weak_login", "a lone lower-case login weighs little")         \
  X(kAuthorMicrodata, "author.microdata", "itemprop=author")                                \
  X(kAuthorRelLink, "author.rel_link", "<a rel=author> near the headline")                  \
  X(kAuthorPageLink, "author.page_link", "links to an author's page near the headline")     \
  X(kAuthorInProse, "author.in_prose", "an author link inside running prose is no byline")  \
  X(kAuthorBylineClass, "author.byline_class", "elements classed as bylines near the headline") \
  X(kAuthorPictureCreditLine, "author.picture_credit_line", "a byline-classed line holding a picture's credit") \
  X(kAuthorCjkByline, "author.cjk_byline", "Chinese credit lines near the headline")          \
  X(kAuthorBylineText, "author.byline_text", "\"By ...\" lines near the headline")           \
  X(kAuthorPostWord, "author.post_word", "\"Posted ... by X\" near the headline")            \
  X(kAuthorMarkerNextLine, "author.marker_next_line", "\"Von:\" alone, the name on the next line") \
  X(kAuthorClosingCjk, "author.closing_cjk", "Chinese credits closing the article")         \
  X(kAuthorClosingByline, "author.closing_byline", "byline lines in the article's last lines") \
  X(kAuthorDropPictureCredits, "author.drop_picture_credits", "people credited for pictures/translation are no authors") \
  X(kAuthorBareCjkNames, "author.bare_cjk_names", "a line of bare Han names under the headline") \
  X(kAuthorCreditAnywhere, "author.credit_anywhere", "a credit line elsewhere in the article") \
  X(kAuthorSignOff, "author.sign_off", "the name signing the article off")                  \
  X(kAuthorPostAuthorComment, "author.post_author_comment", "the post author's comment")    \
  X(kAuthorCopyrightMeta, "author.copyright_meta", "the copyright meta's holder")           \
  X(kAuthorCopyrightText, "author.copyright_text", "the copyright line's holder")           \
  X(kAuthorCjkBestKind, "author.cjk_best_kind", "of Chinese credits, the best kind wins")   \
  X(kAuthorAgreedOrg, "author.agreed_org", "an agreed organisation over link-only people")  \
  X(kAuthorReadersForm, "author.readers_form", "the form written for readers, a fuller name") \
  X(kAuthorNoRepeatedWords, "author.no_repeated_words", "a name saying a word twice is no fuller form") \
  X(kAuthorSpeechTail, "author.speech_tail", "\"X says:\", \"X avatar\": the name without the label") \
  X(kAuthorWideMarkers, "author.wide_markers", "more byline markers: languages, inclusive forms, \"Redaktion:\"") \
  X(kAuthorNameShapes, "author.name_shapes", "glued markers and weekdays, degrees, site and agency beside a name") \
  X(kAuthorDateNameLine, "author.date_name_line", "a \"date – Name\" or \"Name • date\" line near the headline") \
  X(kAuthorThreadFirstPost, "author.thread_first_post", "a thread's first post's author is the page's") \
  X(kAuthorLoginDigits, "author.login_digits", "a one-word login with digits in a field or byline element") \
  X(kDateJsonLd, "date.jsonld", "JSON-LD datePublished")                                    \
  X(kDateMetaStated, "date.meta_stated", "article:published_time and kin")                  \
  X(kDateMetaDeclared, "date.meta_declared", "other publication metas (dc.date.issued, ...)") \
  X(kDateMetaGeneric, "date.meta_generic", "<meta name=date>, dc.date")                     \
  X(kDateCreated, "date.created", "dateCreated, uploadDate")                                \
  X(kDateModifiedStated, "date.modified_stated", "JSON-LD/meta modified dates")             \
  X(kDateMicrodata, "date.microdata", "itemprop=datePublished/dateModified")                \
  X(kDateMarkupNear, "date.markup_near", "<time>/date elements near the headline or closing") \
  X(kDateMarkupFar, "date.markup_far", "<time datetime> elsewhere on the page")             \
  X(kDateHeaderNotAway, "date.header_not_away", "a header/breadcrumb by the headline is the article's") \
  X(kDateTextNear, "date.text_near", "dates written near the headline")                     \
  X(kDateTextTail, "date.text_tail", "dates written in the article's last lines")           \
  X(kDateFirstPublishedLine, "date.first_published_line", "the first \"published\" line in the article") \
  X(kDateLastEditedLine, "date.last_edited_line", "\"last edited on\" below the article")   \
  X(kDateThreadFirstPost, "date.thread_first_post", "a thread's first post's date is the page's") \
  X(kDateUrl, "date.url", "the URL's date")                                                 \
  X(kDatePlaceholder, "date.placeholder", "CMS placeholder dates (1970-01-01) dropped")     \
  X(kDateNearestShownOnly, "date.nearest_shown_only", "of shown dates only the nearest votes") \
  X(kDateNearestDeclaredOnly, "date.nearest_declared_only", "of itemprop=datePublished only the nearest votes") \
  X(kDateTimeFromSameDay, "date.time_from_same_day", "the time from another candidate of the day") \
  X(kDateZoneBetween, "date.zone_between", "a local time's zone from the same instant elsewhere")

enum Rule : unsigned {
#define EXTRACTOR_RULE_ENUM(e, n, d) e,
  EXTRACTOR_METADATA_RULES(EXTRACTOR_RULE_ENUM)
#undef EXTRACTOR_RULE_ENUM
      kRuleCount
};
static_assert(kRuleCount <= 64, "one bit per rule");

// The rules switched off (a bit per Rule); 0 but in the evaluation tool.
extern std::atomic<std::uint64_t> g_off;

inline bool on(Rule r) {
  return (g_off.load(std::memory_order_relaxed) & (std::uint64_t{1} << r)) == 0;
}

struct Info {
  Rule rule;
  const char* name;
  const char* what;
};
const std::vector<Info>& all();
// Switches the named rule off; false when no rule has that name.
bool switch_off(std::string_view name);

}  // namespace rules
}  // namespace extractor

#endif  // EXTRACTOR_LIB_METADATA_RULES_H_
