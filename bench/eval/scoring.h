// Scoring for extractor-eval: plain functions over strings, one per kind of
// truth in ../shared/datasets (see its README, "Scoring conventions"), plus
// the per-set means and the floor check. Nothing here knows about files,
// threads or the library, so every rule is unit-tested on its own
// (tests/scoring_test.cc) and peers' outputs are scored by the same code.
//
// Body text follows the article-extraction-benchmark convention exactly
// (scrapinghub/article-extraction-benchmark, evaluate.py), so that our F1
// compares with the published figures:
//   tokens   = re.findall(r'\w+', text) on a Python str: maximal runs of
//              letters (L*), numbers (N*) and '_'; case kept
//   shingles = overlapping 4-token tuples, as a multiset; 1..3 tokens give one
//              shingle of all of them, 0 tokens none
//   tp/fp/fn = per shingle: min(counts), prediction excess, truth excess
//   page P   = 1 if fp == fn == 0, 0 if tp == fp == 0, else tp / (tp + fp)
//   page R   = the same with fn
//   set P    = mean page P over pages with tp + fp > 0 (the output has text)
//   set R    = mean page R over pages with tp + fn > 0 (the truth has text)
//   set F1   = 2 P R / (P + R) of those two means
// (evaluate.py also divides tp, fp, fn by their sum; ratios do not change.)
#ifndef EXTRACTOR_BENCH_EVAL_SCORING_H_
#define EXTRACTOR_BENCH_EVAL_SCORING_H_

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace extractor::eval {

// ---------------------------------------------------------------------------
// Text primitives
// ---------------------------------------------------------------------------

// Maximal runs of word characters as Python's re `\w+` finds them in a str:
// code points of general category L* or N*, and '_'. Views into `utf8`.
// Ill-formed UTF-8 bytes are separators.
std::vector<std::string_view> word_tokens(std::string_view utf8);

// What normalize() does with runs of white space (Unicode White_Space).
enum class Space {
  kFold,    // one ' ' for each run, none at either end
  kRemove,  // none at all
};

// Unicode NFKC with case folding (ICU "nfkc_cf", which also drops default
// ignorables such as U+00AD and U+200B), then white space folded or removed.
// Titles, author names and snippets are compared with kFold.
std::string normalize(std::string_view utf8, Space space = Space::kFold);

// ---------------------------------------------------------------------------
// Body: shingle matching
// ---------------------------------------------------------------------------

// A text's 4-token shingles, each a 64-bit hash of its token tuple, sorted
// (a sorted vector is the multiset). `tokens` is the text's token count.
struct Shingles {
  std::vector<std::uint64_t> hashes;
  std::size_t tokens = 0;
};
Shingles shingles(std::string_view text);

struct BodyCounts {
  std::int64_t tp = 0;
  std::int64_t fp = 0;
  std::int64_t fn = 0;
};
BodyCounts match(const Shingles& prediction, const Shingles& truth);
BodyCounts score_body(std::string_view prediction, std::string_view truth);

// Per-page figures, with the convention's special cases (see top of file).
double page_precision(const BodyCounts& c);
double page_recall(const BodyCounts& c);
// 2PR/(P+R) of the two above, 0 when both are 0. Only for ranking pages.
double page_f1(const BodyCounts& c);

// The set's body figures: add every page, then read the means.
class BodyMeans {
 public:
  void add(const BodyCounts& c);
  double precision() const;  // 0 when no page counted
  double recall() const;
  double f1() const;
  int precision_pages() const { return precision_pages_; }
  int recall_pages() const { return recall_pages_; }

 private:
  double precision_sum_ = 0;
  double recall_sum_ = 0;
  int precision_pages_ = 0;
  int recall_pages_ = 0;
};

// ---------------------------------------------------------------------------
// Snippets: must_contain / must_not_contain
// ---------------------------------------------------------------------------

struct SnippetScore {
  int passed = 0;  // must_contain found + must_not_contain absent
  int total = 0;   // how many snippets the page has
  std::vector<std::string> missing;  // must_contain not found (as given)
  std::vector<std::string> present;  // must_not_contain found (as given)
  double score() const { return total ? double(passed) / total : 1.0; }
};

// Substring tests after normalize(kFold) of both sides, as the datasets'
// README defines them ("whitespace folding").
//
// Folding is not neutral: postlight's must_contain is the DOM's textContent,
// which glues blocks together ("186 cmAvailable Lengths"), so an extractor
// that separates blocks fails such snippets. The reference figures do not
// settle it either: the all-text baseline (0.911) and Readability.js (0.884)
// on postlight-fixtures are reproduced with folding, trafilatura's 0.753 only
// with white space removed (0.719 folded). We follow the README; Space::kRemove
// is there for comparison.
SnippetScore score_snippets(std::string_view text,
                            const std::vector<std::string>& must_contain,
                            const std::vector<std::string>& must_not_contain);

// ---------------------------------------------------------------------------
// Metadata
// ---------------------------------------------------------------------------

// Equal after normalize().
bool same_title(std::string_view prediction, std::string_view truth);

// The sorted, distinct word tokens of all names, case-folded (normalize()),
// without the joiners "and", "und", "et", "y", "e", "i", "by", "von", "par",
// "и", "和" ('&' is no word token anyway).
std::vector<std::string> author_tokens(const std::vector<std::string>& names);
// The same non-empty token set.
bool same_authors(const std::vector<std::string>& prediction,
                  const std::vector<std::string>& truth);

// The first calendar day in `text` as "YYYY-MM-DD", or "" when there is none.
// Beside ISO dates it reads the unpadded and dotted forms some truths use
// ("2005-5-7 21:23", "2022-01.26"): a 4-digit year, then month and day of 1-2
// digits joined by '-', '/' or '.'. The time and zone are ignored (no
// conversion: "2016-12-09T23:30:00-05:00" is 2016-12-09).
std::string calendar_day(std::string_view text);
// Both have a day and it is the same. When both also give a time and a zone,
// the prediction's moment is read in the truth's zone first: the same
// instant written in two zones is the same answer.
bool same_day(std::string_view prediction, std::string_view truth);

// A share of correct answers.
struct Accuracy {
  int correct = 0;
  int total = 0;
  void add(bool ok) {
    correct += ok;
    ++total;
  }
  double value() const { return total ? double(correct) / total : 0.0; }
};

// A mean of per-page scores.
struct Mean {
  double sum = 0;
  int count = 0;
  void add(double x) {
    sum += x;
    ++count;
  }
  double value() const { return count ? sum / count : 0.0; }
};

// ---------------------------------------------------------------------------
// Per-set conventions and page types
// ---------------------------------------------------------------------------

// What a set's SCORING.json asks of a run. {"include_comments": true}: the
// set's annotators count reader comments as content, so the library runs
// with Options::include_comments and the comment threads are scored
// appended to the text (scored_text()). Unknown keys are ignored.
struct SetConventions {
  bool include_comments = false;
};
// From SCORING.json's text; throws std::invalid_argument when it is not a
// JSON object or a known key has the wrong type.
SetConventions parse_conventions(std::string_view scoring_json);

// The text a page is scored on: the article, then its comments when the
// set asks for them (separated by a blank line; either may be empty).
std::string scored_text(std::string_view text, std::string_view comments,
                        const SetConventions& conventions);

// Figures per page type (a truth's extra.page_type) within a set: the mean
// of per-page F1 (every page weighs the same, empty outputs count as 0),
// the set-style F1 of the type's pages, the empty outputs and the pages
// scoring 0.
// A truth's page type and the library's answer agree: the same name, or a
// "collection" answered "listing" (the library has one kind for both).
bool same_page_type(std::string_view truth, std::string_view predicted);

class TypeBreakdown {
 public:
  struct Row {
    std::string type;
    int pages = 0;
    int empty = 0;   // outputs with no word token
    int zero = 0;    // pages whose F1 is 0 (empty ones included)
    Mean page_f1;    // mean per-page F1
    BodyMeans body;  // set-style P/R/F1 over the type's pages
    Accuracy classified;  // the library's page type agrees (same_page_type)
  };
  // `predicted`: the page type the extractor gave ("" when it gives none).
  void add(const std::string& type, const BodyCounts& counts, bool empty,
           const std::string& predicted = "");
  // By page count, largest first; equal counts by name.
  std::vector<Row> rows() const;
  bool empty() const { return rows_.empty(); }

 private:
  std::map<std::string, Row> rows_;
};

// ---------------------------------------------------------------------------
// Floors: the quality gate
// ---------------------------------------------------------------------------

// One set's figures; a figure is absent when the set has no truth for it.
struct SetFigures {
  std::optional<double> precision, recall, f1, snippets, title, author, date;
  // Mean per-page F1 by page type (sets whose truths give extra.page_type).
  std::map<std::string, std::optional<double>, std::less<>> type_f1;
  // The figure named by a floors key ("f1", "precision", "recall",
  // "snippets", "title", "author", "date", "type_f1:<type>"); nullptr for an
  // unknown key.
  const std::optional<double>* get(std::string_view key) const;
};

struct Floors {
  double epsilon = 0.003;
  // set name -> figure key -> floor
  std::map<std::string, std::map<std::string, double>> sets;
};

// One line per failure: a figure below its floor minus epsilon, a floor with
// an unknown key, or a floor for a figure the set does not have. Sets that
// are not in `figures` (not evaluated in this run) are not checked.
std::vector<std::string> check_floors(
    const std::map<std::string, SetFigures>& figures, const Floors& floors);

}  // namespace extractor::eval

#endif  // EXTRACTOR_BENCH_EVAL_SCORING_H_
