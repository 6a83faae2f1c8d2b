// The numbers the metadata stages weigh their evidence by, in one place,
// with what each weighs. They were set on the evaluation sets
// (../shared/datasets; bench/eval/metadata-audit.md has the misses left):
// a change here changes outputs, and stays only when the figures say so,
// out of sample as well as in (see README, Quality).
//
// Distances are in blocks unless said otherwise; a "zone" is the blocks
// around the headline (metadata_zone.h).
#ifndef EXTRACTOR_LIB_METADATA_TUNING_H_
#define EXTRACTOR_LIB_METADATA_TUNING_H_

#include <cstddef>

namespace extractor {
namespace tuning {

// --- evidence (metadata_evidence) ---------------------------------------------

// The elements whose attributes are read in full: from this many blocks
// before the article region's start (the headline and byline above it) to
// this many after its end (closing credits and dates)...
constexpr int kReadBefore = 60;
constexpr int kReadAfter = 20;
// ...but not the middle of a long article, from this many blocks after its
// start to this many before its end: it holds no byline.
constexpr int kReadGapFromStart = 40;
constexpr int kReadGapToEnd = 12;
// An <aside> of at most this many blocks inside the article holds its
// byline and date ("aside.meta"), not a sidebar.
constexpr int kBylineAsideBlocks = 3;
// An element with away cues (sidebar, feed, comments, ...) holding at least
// this share of the article's content blocks is a layout wrapper
// ("left-column", "with-sidebar"): its cues do not count.
constexpr double kWrapperContentShare = 0.5;

// --- site: language (metadata_site) ------------------------------------------

// The text a declared language is checked against: up to this many bytes,
// at most this many of each block...
constexpr std::size_t kLanguageSample = 1500;
constexpr std::size_t kLanguageSampleBlock = 600;
// ...from the blocks labelled content; when they give less than this, from
// the page's blocks longer than this outside menus, sidebars and comments.
constexpr std::size_t kLanguageSampleMin = 200;
constexpr std::size_t kLanguageSampleLongBlock = 60;
// Fewer letters than this tell no script.
constexpr int kScriptMinLetters = 40;
// A Latin-script text is told by its first words (this many at most; fewer
// than the minimum tell nothing), when at least one in this many is a
// function word of the language.
constexpr int kLatinMaxWords = 250;
constexpr int kLatinMinWords = 20;
constexpr int kWordsPerFunctionWord = 10;

// --- title (metadata_title) --------------------------------------------------

// A headline has this many words at least (fewer: a section's or a site's
// name), and a heading opening the article at most this many.
constexpr int kHeadlineMinWords = 3;
constexpr int kHeadlineMaxWords = 30;
// Headings are tried nearest the region's start first; one after the
// region's end, or other than an <h1>, counts as this much further.
constexpr int kHeadingAfterRegionCost = 1000;
constexpr int kHeadingNotH1Cost = 20;
// The article's own <h1> is from this many blocks above the region's start
// to this many into it; without one, an <h2>/<h3> this near its start.
constexpr int kHeadlineH1Before = 20;
constexpr int kHeadlineH1After = 5;
constexpr int kHeadlineOtherAround = 2;
// Visible texts that may repeat a part of the <title>: from this many
// blocks above the region's start to this many into it, of at least this
// many bytes and no more than the longest title source plus the slack.
constexpr int kTitleTextsBefore = 40;
constexpr int kTitleTextsAfter = 30;
constexpr std::size_t kTitleTextMinBytes = 8;
constexpr std::size_t kTitleTextSlackBytes = 8;

// --- zone (metadata_zone) ------------------------------------------------------

// A block other than a heading reads as the headline only this near the
// region's start; such a block counts as this much further than a
// heading, and a heading holding a kicker besides the title this much.
constexpr int kHeadlineTextAround = 40;
constexpr int kHeadlineTextCost = 8;
constexpr int kHeadlineKickerCost = 2;
// The blocks read for bylines and dates: this many above the headline to
// this many below it, reaching this many into the region when it starts
// within reach below the headline (after a lead image, a standfirst)...
constexpr int kZoneAboveHeadline = 6;
constexpr int kZoneBelowHeadline = 12;
constexpr int kZoneRegionStartReach = 40;
constexpr int kZoneIntoRegion = 8;
// ...or, with no headline found, around the region's start.
constexpr int kZoneAboveRegion = 16;
constexpr int kZoneBelowRegion = 10;
// The article's last lines: this many above its last content block to
// this many below it (the block itself is 0).
constexpr int kTailAbove = 3;
constexpr int kTailBelow = 4;

// --- dates (metadata_dates) ----------------------------------------------------

// The earliest year a date stated for machines (or shown as "Published")
// may have; a date only shown, or in a URL, from this later year on (older
// ones are years in the text: "since 1987", a book's date).
constexpr int kEarliestStatedYear = 1900;
constexpr int kEarliestShownYear = 1995;
// The weight of each DateRank in the vote between days: stated 5,
// declared 4, shown 3, generic 2, URL 3, created 1. A day the JSON-LD
// states is outvoted only by two others agreeing.
constexpr int kDateRankWeights[] = {5, 4, 3, 2, 3, 1};
// A masthead <header> or a breadcrumb this near the headline is the
// article's own header: its date counts.
constexpr int kArticleHeaderBlocks = 3;
// Distances of dates away from the headline (half-blocks near it): those
// in the article's last lines from here on, those elsewhere on the page
// from further still, the first "published" line of an article without a
// date near its headline between the two, a "last edited" line below the
// article beyond them all.
constexpr int kTailDistance = 200;
constexpr int kFarDistance = 1000;
constexpr int kFirstPublishedLineDistance = 150;
constexpr int kLastEditDistance = 10000;
// How much further a date counts when in a sidebar-like column (the
// article's only when none is shown as near in the article itself), when
// in text rather than markup at the same place, when relative ("3 hours
// ago").
constexpr int kSidebarDatePenalty = 6;
constexpr int kTextAfterMarkup = 1;
constexpr int kRelativeDatePenalty = 4;
// Lines up to this many bytes are read whole for dates; in a longer one
// (a paragraph) only its first bytes, for a dateline: a date opening it
// (within its first few bytes).
constexpr std::size_t kDateLineMaxBytes = 240;
constexpr std::size_t kDatelineBytes = 120;
constexpr std::size_t kDatelineOpening = 2;

// --- authors (metadata_authors) ------------------------------------------------

// Each source's list of names supports the others that name the same
// people with its weight; the rank breaks ties between equal support
// (lower wins).
struct AuthorSource {
  int weight;
  int rank;
};
constexpr AuthorSource kAuthorJsonLd{5, 0};        // JSON-LD's author people: stated on purpose
constexpr AuthorSource kAuthorJsonLdOrg{2, 6};     // JSON-LD's author organisations
constexpr AuthorSource kAuthorMeta{3, 1};          // meta author, Dublin Core, citation_author, ...
constexpr AuthorSource kAuthorTwitterLabel{2, 1};  // "Written by" in twitter:label/data: the poster
constexpr AuthorSource kAuthorMicrodata{4, 1};     // itemprop=author
constexpr AuthorSource kAuthorRelLink{3, 2};       // <a rel=author> near the headline
constexpr AuthorSource kAuthorPageLink{2, 2};      // a link to an author's page near the headline
constexpr AuthorSource kAuthorBylineClass{3, 2};   // an element classed as a byline near it
constexpr AuthorSource kAuthorBylineText{3, 3};    // a "By ..." line near it
constexpr AuthorSource kAuthorCjkCredit{2, 4};     // a Chinese credit line near it, or bare names
constexpr AuthorSource kAuthorClosingCredit{2, 5};   // a credit line closing the article
constexpr AuthorSource kAuthorCreditAnywhere{1, 6};  // a credit line elsewhere in the article
constexpr AuthorSource kAuthorSignOff{1, 7};       // a name signing the article off
constexpr AuthorSource kAuthorPageOwner{1, 8};     // the post author's comment, the copyright holder
// A lone lower-case login ("jdoe") and a Chinese editor's credit weigh at
// most this.
constexpr int kAuthorWeakWeight = 1;
// The distance (half-blocks, as Zone::distance) given to names read away
// from the headline: closing the article (plus the lines from its last),
// elsewhere in it or signing it off, and the page's owner.
constexpr int kAuthorTailDistance = 100;
constexpr int kAuthorElsewhereDistance = 150;
constexpr int kAuthorOwnerDistance = 200;
// A byline in a column, a menu or a feed (often another article's) counts
// as this much further from the headline.
constexpr int kAuthorSidePenalty = 12;
// What the page shows counts less the further it is from the headline: its
// weight over 1 + distance / this.
constexpr double kAuthorDistanceScale = 10.0;
// An organisation the structured sources and the byline agree on beats
// people only links to author pages name when its support is this many
// times theirs.
constexpr double kOrganizationOverLinks = 3.0;
// A fuller form of the chosen names ("Nils Pickert" for "Nils") replaces
// them with at least this share of their support.
constexpr double kFullerNameSupport = 0.5;

// --- the remaining fields (metadata_fields) --------------------------------------

// A category or tag longer than this is a sentence, not a label; a page
// keeps this many tags at most.
constexpr std::size_t kMaxTagBytes = 100;
constexpr std::size_t kMaxTags = 30;

}  // namespace tuning
}  // namespace extractor

#endif  // EXTRACTOR_LIB_METADATA_TUNING_H_
