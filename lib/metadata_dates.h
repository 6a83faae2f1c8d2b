// Metadata, the dates: when the article was published and last modified.
// Candidates come from what the page states for machines (JSON-LD, <meta>),
// its markup (microdata, <time>, elements classed as dates), the text near
// the headline and in the article's last lines, a "last edited" line below
// the article, and the URL; choose_dates() votes between the days they name.
#ifndef EXTRACTOR_LIB_METADATA_DATES_H_
#define EXTRACTOR_LIB_METADATA_DATES_H_

#include <string>
#include <string_view>
#include <vector>

#include "extractor/extractor.h"
#include "metadata_datetime.h"

namespace extractor {

class Evidence;
struct Zone;

// Ranks of date evidence, best first. Each also weighs in the vote between
// days (tuning::kDateRankWeights).
enum DateRank : int {
  kRankStated = 0,    // JSON-LD datePublished, article:published_time
  kRankDeclared = 1,  // other meta names, itemprop=datePublished, <time pubdate>
  kRankShown = 2,     // a date shown near the headline (or closing the article)
  kRankGeneric = 3,   // <meta name=date>, dc.date: often a CMS's own date
  kRankUrl = 4,       // the URL path
  kRankCreated = 5,   // dateCreated, uploadDate, a magazine's cover date
};

struct DateCandidate {
  DateTime date;
  int rank = kRankStated;  // DateRank: lower wins
  Source source = Source::kNone;
  // How far from the headline it is shown, in half-blocks (see
  // Zone::distance); dates closing the article count from
  // tuning::kTailDistance on, dates far from it from tuning::kFarDistance.
  int distance = 0;
};

struct DateCandidates {
  std::vector<DateCandidate> published;
  std::vector<DateCandidate> modified;
};

// How dates are read on this page.
struct DateContext {
  DateTime reference;  // no date after it is plausible; relative dates count from it
  bool reference_given = false;  // relative dates ("yesterday") only then
  NumericOrder order = NumericOrder::kDayFirst;
};

// The reference date ("YYYY-MM-DD" from the caller, else today) and the
// order of numeric dates: month first for English unless a region other
// than the US is declared.
DateContext date_context(const DatePatterns& patterns, std::string_view reference_date,
                         const std::string& language, const std::string& region);

DateCandidates date_candidates(const Evidence& ev, const Zone& zone, const DateContext& dc,
                               const DatePatterns& patterns);

struct DateChoice {
  std::string published;  // ISO 8601, as far as known
  Source published_source = Source::kNone;
  std::string modified;
  Source modified_source = Source::kNone;
};

// The published day most evidence points to (a vote, each candidate with
// its rank's weight; of the dates shown and of those the markup declares,
// only the one nearest the headline votes), with the time a candidate of the same day gives; the modified
// date is the best-ranked nearest; with no published date, the modified
// date stands for it.
DateChoice choose_dates(const DateCandidates& c);

}  // namespace extractor

#endif  // EXTRACTOR_LIB_METADATA_DATES_H_
