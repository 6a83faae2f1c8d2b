// Unit tests for bench/eval/scoring.h. Every expectation is computed by hand
// (or, for tokens, is what Python's re.findall(r'\w+', s) returns).
#include "eval/scoring.h"

#include <gtest/gtest.h>

#include <stdexcept>
#include <string>
#include <vector>

namespace extractor::eval {
namespace {

std::vector<std::string> Tokens(std::string_view s) {
  std::vector<std::string> out;
  for (std::string_view t : word_tokens(s)) out.emplace_back(t);
  return out;
}

using Strings = std::vector<std::string>;

// --- Tokens ----------------------------------------------------------------

TEST(Tokens, AsciiWordsDigitsUnderscore) {
  EXPECT_EQ(Tokens("Hello, world_1 2.5!"),
            (Strings{"Hello", "world_1", "2", "5"}));
  EXPECT_EQ(Tokens("it's"), (Strings{"it", "s"}));
}

TEST(Tokens, EmptyAndPunctuationOnly) {
  EXPECT_TRUE(Tokens("").empty());
  EXPECT_TRUE(Tokens(" \n— !? …").empty());
}

TEST(Tokens, UnicodeLettersAndNumbers) {
  EXPECT_EQ(Tokens("Größe über Čech"), (Strings{"Größe", "über", "Čech"}));
  // U+00B2 SUPERSCRIPT TWO is No: a word character.
  EXPECT_EQ(Tokens("x² = 4"), (Strings{"x²", "4"}));
  // CJK has no spaces: a run of ideographs is one token; U+FF0C ends it.
  EXPECT_EQ(Tokens("中文，测试。"), (Strings{"中文", "测试"}));
}

TEST(Tokens, CombiningMarksSplitLikePython) {
  // "nai" + U+0308 COMBINING DIAERESIS + "ve": the mark is Mn, not \w.
  EXPECT_EQ(Tokens("nai\u0308ve"), (Strings{"nai", "ve"}));
  // Devanagari "हिन्दी": vowel signs (Mc) and virama (Mn) split it, as in
  // Python: ['ह', 'न', 'द'].
  EXPECT_EQ(Tokens("हिन्दी"), (Strings{"ह", "न", "द"}));
}

TEST(Tokens, IllFormedBytesSeparate) {
  EXPECT_EQ(Tokens("ab\xFF"
                   "cd"),
            (Strings{"ab", "cd"}));
  EXPECT_EQ(Tokens("ab\xC3"), (Strings{"ab"}));  // truncated sequence at end
}

// --- Shingles and body scores ----------------------------------------------

TEST(Body, ShingleCounts) {
  EXPECT_EQ(shingles("a b c d e").hashes.size(), 2u);
  EXPECT_EQ(shingles("a b c d e").tokens, 5u);
  EXPECT_EQ(shingles("a b").hashes.size(), 1u);  // 1..3 tokens: one shingle
  EXPECT_EQ(shingles("...").hashes.size(), 0u);
}

TEST(Body, Identical) {
  const BodyCounts c = score_body("a b c d e", "a, b. c d\n\ne");
  EXPECT_EQ(c.tp, 2);
  EXPECT_EQ(c.fp, 0);
  EXPECT_EQ(c.fn, 0);
  EXPECT_DOUBLE_EQ(page_precision(c), 1.0);
  EXPECT_DOUBLE_EQ(page_recall(c), 1.0);
}

TEST(Body, ExtraToken) {
  // prediction abcd bcde cdef; truth abcd bcde.
  const BodyCounts c = score_body("a b c d e f", "a b c d e");
  EXPECT_EQ(c.tp, 2);
  EXPECT_EQ(c.fp, 1);
  EXPECT_EQ(c.fn, 0);
  EXPECT_DOUBLE_EQ(page_precision(c), 2.0 / 3);
  EXPECT_DOUBLE_EQ(page_recall(c), 1.0);
  EXPECT_DOUBLE_EQ(page_f1(c), 0.8);
}

TEST(Body, MultisetCountsRepeats) {
  // prediction: xyzw yzwx zwxy wxyz xyzw (xyzw twice); truth: xyzw once.
  const BodyCounts c = score_body("x y z w x y z w", "x y z w");
  EXPECT_EQ(c.tp, 1);
  EXPECT_EQ(c.fp, 4);
  EXPECT_EQ(c.fn, 0);
  EXPECT_DOUBLE_EQ(page_precision(c), 0.2);
}

TEST(Body, ShortTextsAreOneShingle) {
  const BodyCounts same = score_body("a b", "a b");
  EXPECT_EQ(same.tp, 1);
  const BodyCounts c = score_body("a b c", "a b");
  EXPECT_EQ(c.tp, 0);
  EXPECT_EQ(c.fp, 1);
  EXPECT_EQ(c.fn, 1);
  EXPECT_DOUBLE_EQ(page_precision(c), 0.0);
  EXPECT_DOUBLE_EQ(page_recall(c), 0.0);
}

TEST(Body, CaseSensitive) {
  const BodyCounts c = score_body("The cat sat down", "the cat sat down");
  EXPECT_EQ(c.tp, 0);
  EXPECT_EQ(c.fp, 1);
  EXPECT_EQ(c.fn, 1);
}

TEST(Body, SpecialCases) {
  // Empty output: P = 0 (tp == fp == 0), R = 0.
  const BodyCounts empty_out = score_body("", "a b c d");
  EXPECT_EQ(empty_out.fn, 1);
  EXPECT_DOUBLE_EQ(page_precision(empty_out), 0.0);
  EXPECT_DOUBLE_EQ(page_recall(empty_out), 0.0);
  // Both empty: fp == fn == 0, so P = R = 1.
  const BodyCounts none = score_body("", "");
  EXPECT_DOUBLE_EQ(page_precision(none), 1.0);
  EXPECT_DOUBLE_EQ(page_recall(none), 1.0);
  // Empty truth, some output: P = 0, R = 0 (tp == fn == 0).
  const BodyCounts extra = score_body("a b c d", "");
  EXPECT_DOUBLE_EQ(page_precision(extra), 0.0);
  EXPECT_DOUBLE_EQ(page_recall(extra), 0.0);
  EXPECT_DOUBLE_EQ(page_f1(extra), 0.0);
}

TEST(Body, MeansSkipPagesAsTheConventionSays) {
  BodyMeans m;
  m.add({2, 1, 0});  // P 2/3, R 1
  m.add({0, 0, 3});  // empty output: not in P; R 0
  m.add({0, 0, 0});  // nothing on either side: in neither
  m.add({0, 2, 0});  // empty truth: P 0; not in R
  EXPECT_EQ(m.precision_pages(), 2);
  EXPECT_EQ(m.recall_pages(), 2);
  EXPECT_DOUBLE_EQ(m.precision(), 1.0 / 3);
  EXPECT_DOUBLE_EQ(m.recall(), 0.5);
  EXPECT_DOUBLE_EQ(m.f1(), 0.4);  // 2 * 1/3 * 1/2 / (5/6)
}

TEST(Body, MeansOfNothingAreZero) {
  BodyMeans m;
  EXPECT_EQ(m.precision(), 0.0);
  EXPECT_EQ(m.f1(), 0.0);
}

// --- Normalisation and snippets --------------------------------------------

TEST(Normalize, CaseWhitespaceCompatibility) {
  EXPECT_EQ(normalize("  Hello\n\t World  "), "hello world");
  EXPECT_EQ(normalize("\uFB01ne"), "fine");    // U+FB01 LATIN SMALL LIGATURE FI
  EXPECT_EQ(normalize("Ｆｕｌｌ"), "full");    // full-width
  EXPECT_EQ(normalize("Straße"), "strasse");   // case folding
  EXPECT_EQ(normalize("a\u00A0b"), "a b");     // no-break space
  EXPECT_EQ(normalize("co\u00ADop"), "coop");  // soft hyphen: ignorable
  EXPECT_EQ(normalize("A\u0308"), normalize("\u00E4"));  // Ä vs ä
  EXPECT_EQ(normalize(" \n "), "");
}

TEST(Normalize, RemoveSpace) {
  EXPECT_EQ(normalize(" A b\n\n C\u00A0", Space::kRemove), "abc");
}

TEST(Snippets, FoundMissingPresent) {
  const SnippetScore s =
      score_snippets("Hello  World.\n\nSecond paragraph",
                     {"hello world", "SECOND\nparagraph", "absent"},
                     {"Cookie", "world. second"});
  EXPECT_EQ(s.total, 5);
  EXPECT_EQ(s.passed, 3);
  EXPECT_DOUBLE_EQ(s.score(), 0.6);
  EXPECT_EQ(s.missing, (Strings{"absent"}));
  EXPECT_EQ(s.present, (Strings{"world. second"}));
}

TEST(Snippets, WhiteSpaceIsFolded) {
  // Runs of white space match one space; glued text does not match text
  // that the output separates.
  const SnippetScore s = score_snippets("Lengths: 178, 186 cm\n\nAvailable now",
                                        {"186 cm Available", "186 cmAvailable"},
                                        {"cm  \n Available"});
  EXPECT_EQ(s.passed, 1);
  EXPECT_EQ(s.missing, (Strings{"186 cmAvailable"}));
  EXPECT_EQ(s.present, (Strings{"cm  \n Available"}));
}

TEST(Snippets, NoSnippetsScoresOne) {
  const SnippetScore s = score_snippets("text", {}, {});
  EXPECT_EQ(s.total, 0);
  EXPECT_DOUBLE_EQ(s.score(), 1.0);
}

TEST(Snippets, EmptyOutputFailsMustContainOnly) {
  const SnippetScore s = score_snippets("", {"a"}, {"b"});
  EXPECT_EQ(s.passed, 1);
  EXPECT_DOUBLE_EQ(s.score(), 0.5);
}

TEST(Snippets, BlankSnippetPasses) {
  const SnippetScore s = score_snippets("text", {" "}, {"\n"});
  EXPECT_EQ(s.passed, 2);
}

// --- Metadata ---------------------------------------------------------------

TEST(Title, EqualAfterNormalisation) {
  EXPECT_TRUE(same_title("  The  Title ", "the\u00A0title"));
  EXPECT_FALSE(same_title("The Title", "The Title!"));
  EXPECT_FALSE(same_title("", "The Title"));
}

TEST(Author, TokensDropJoiners) {
  EXPECT_EQ(author_tokens({"Jean Dupont et Marie Curie"}),
            (Strings{"curie", "dupont", "jean", "marie"}));
  EXPECT_EQ(author_tokens({"By Ann & Bob"}), (Strings{"ann", "bob"}));
  EXPECT_TRUE(author_tokens({}).empty());
}

TEST(Author, SameSetOfNames) {
  EXPECT_TRUE(same_authors({"Josh Haskell", "David Caplan", "Patrick Reevell"},
                           {"JOSH HASKELL, DAVID CAPLAN and PATRICK REEVELL"}));
  EXPECT_TRUE(same_authors({"By John Smith"}, {"John Smith"}));
  EXPECT_TRUE(same_authors({"пётр", "Иван"}, {"Иван и Пётр"}));
  EXPECT_TRUE(same_authors({"Smith, John"}, {"John Smith"}));  // order ignored
  EXPECT_FALSE(
      same_authors({"Josh Haskell"}, {"Josh Haskell", "David Caplan"}));
  EXPECT_FALSE(same_authors({}, {"John Smith"}));
  EXPECT_FALSE(same_authors({}, {}));  // no truth: never counted as right
}

TEST(Date, CalendarDay) {
  EXPECT_EQ(calendar_day("2016-12-09T09:13:00.000Z"), "2016-12-09");
  EXPECT_EQ(calendar_day("2016-12-09T23:30:00-05:00"), "2016-12-09");
  EXPECT_EQ(calendar_day("2005-5-7 21:23:57"), "2005-05-07");
  EXPECT_EQ(calendar_day("2022-01.26"), "2022-01-26");
  EXPECT_EQ(calendar_day("Published 2019/10/19"), "2019-10-19");
  EXPECT_EQ(calendar_day("2018"), "");
  EXPECT_EQ(calendar_day("1998-3"), "");
  EXPECT_EQ(calendar_day("2016-13-01"), "");   // no month 13
  EXPECT_EQ(calendar_day("12016-12-09"), "");  // year inside a longer number
  EXPECT_EQ(calendar_day("2016-12-123"), "");  // day of three digits
  EXPECT_EQ(calendar_day("v 1999-99-99, 2001-02-03"), "2001-02-03");
}

TEST(Date, SameDayNoTimeZoneConversion) {
  EXPECT_TRUE(same_day("2016-12-09T23:30:00-05:00", "2016-12-09"));
  EXPECT_TRUE(same_day("2016-12-09", "2016-12-09T09:13:00.000Z"));
  EXPECT_FALSE(same_day("2016-12-10", "2016-12-09T23:00"));
  EXPECT_FALSE(same_day("", "2016-12-09"));
  EXPECT_FALSE(same_day("2016-12-09", "2018"));
}

// --- Floors -----------------------------------------------------------------

TEST(Floors, BelowFloorMinusEpsilonFails) {
  SetFigures a;
  a.f1 = 0.9;
  a.title = 0.5;
  Floors floors;
  floors.epsilon = 0.003;
  floors.sets["a"] = {{"f1", 0.902},      // 0.9 >= 0.899: passes
                      {"title", 0.51},    // 0.5 < 0.507: fails
                      {"snippets", 0.0},  // the set has no such figure
                      {"bogus", 0.0}};    // unknown key
  floors.sets["b"] = {{"f1", 1.0}};       // not evaluated: not checked
  const std::vector<std::string> failures = check_floors({{"a", a}}, floors);
  ASSERT_EQ(failures.size(), 3u);
  EXPECT_EQ(failures[0], "a: unknown floor key \"bogus\"");
  EXPECT_EQ(failures[1],
            "a: floor for snippets but the set has no such figure");
  EXPECT_EQ(failures[2], "a: title 0.500 is below its floor 0.510");
}

TEST(Dates, SameInstantInTwoZones) {
  // Tokyo just after midnight is the previous day in UTC.
  EXPECT_TRUE(same_day("2019-04-04T00:30:00+09:00", "2019-04-03T15:30:00.000Z"));
  EXPECT_FALSE(same_day("2019-04-04T00:30:00+09:00", "2019-04-04T12:00:00Z"));
  EXPECT_TRUE(same_day("2016-12-09T04:13:00-05:00", "2016-12-09T09:13:00.000Z"));
  // A zone on one side only: the written days are compared.
  EXPECT_TRUE(same_day("2019-04-04T00:30:00+09:00", "2019-04-04"));
  EXPECT_FALSE(same_day("2019-04-04", "2019-04-03T15:30:00Z"));
}

// --- Set conventions and page types ----------------------------------------

TEST(Conventions, ScoringJson) {
  EXPECT_TRUE(parse_conventions(R"({"include_comments": true, "why": "x"})").include_comments);
  EXPECT_FALSE(parse_conventions(R"({"why": "no key: the default"})").include_comments);
  EXPECT_FALSE(parse_conventions(R"({"include_comments": false})").include_comments);
  EXPECT_THROW(parse_conventions(R"({"include_comments": "yes"})"), std::invalid_argument);
  EXPECT_THROW(parse_conventions("[true]"), std::invalid_argument);
  EXPECT_THROW(parse_conventions("{"), std::invalid_argument);
}

TEST(Conventions, CommentsAppendedOnlyWhenAsked) {
  SetConventions with;
  with.include_comments = true;
  EXPECT_EQ(scored_text("Body.", "A reply.", with), "Body.\n\nA reply.");
  EXPECT_EQ(scored_text("", "A reply.", with), "A reply.");
  EXPECT_EQ(scored_text("Body.", "", with), "Body.");
  EXPECT_EQ(scored_text("Body.", "A reply.", SetConventions{}), "Body.");
  // Scored appended, the comments' shingles count: a truth holding the
  // article and its comments is matched in full.
  const BodyCounts c = score_body(scored_text("one two three four", "five six seven eight", with),
                                  "one two three four\nfive six seven eight");
  EXPECT_EQ(c.fp, 0);
  EXPECT_EQ(c.fn, 0);
}

TEST(PageTypes, MeanPerPageF1AndEmptyPerType) {
  TypeBreakdown types;
  EXPECT_TRUE(types.empty());
  const BodyCounts perfect{4, 0, 0}, half{1, 1, 1}, none{0, 0, 3};
  types.add("article", perfect, false);
  types.add("article", half, false);
  types.add("forum", none, true);
  types.add("article", none, true);
  const std::vector<TypeBreakdown::Row> rows = types.rows();
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].type, "article");  // most pages first
  EXPECT_EQ(rows[0].pages, 3);
  EXPECT_EQ(rows[0].empty, 1);
  EXPECT_EQ(rows[0].zero, 1);
  EXPECT_DOUBLE_EQ(rows[0].page_f1.value(), (1.0 + 0.5 + 0.0) / 3);
  // Set-style: precision over the two pages with output, recall over all three.
  EXPECT_DOUBLE_EQ(rows[0].body.precision(), 0.75);
  EXPECT_DOUBLE_EQ(rows[0].body.recall(), 0.5);
  EXPECT_EQ(rows[1].type, "forum");
  EXPECT_EQ(rows[1].empty, 1);
  EXPECT_DOUBLE_EQ(rows[1].page_f1.value(), 0.0);
}

TEST(PageTypes, ClassifierAgreementPerType) {
  EXPECT_TRUE(same_page_type("forum", "forum"));
  EXPECT_TRUE(same_page_type("collection", "listing"));
  EXPECT_FALSE(same_page_type("listing", "collection"));
  EXPECT_FALSE(same_page_type("article", ""));
  TypeBreakdown types;
  const BodyCounts c{1, 0, 0};
  types.add("collection", c, false, "listing");
  types.add("collection", c, false, "article");
  types.add("collection", c, false);  // no answer (a peer): not counted
  const std::vector<TypeBreakdown::Row> rows = types.rows();
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].classified.total, 2);
  EXPECT_EQ(rows[0].classified.correct, 1);
}

TEST(PageTypes, FloorsOnATypesFigure) {
  SetFigures a;
  a.f1 = 0.8;
  a.type_f1["forum"] = 0.45;
  a.type_f1["article"] = 0.9;
  Floors floors;
  floors.sets["a"] = {{"type_f1:article", 0.9}, {"type_f1:forum", 0.5},
                      {"type_f1:listing", 0.1}};
  const std::vector<std::string> failures = check_floors({{"a", a}}, floors);
  ASSERT_EQ(failures.size(), 2u);
  EXPECT_EQ(failures[0], "a: type_f1:forum 0.450 is below its floor 0.500");
  EXPECT_EQ(failures[1], "a: floor for type_f1:listing but the set has no such figure");
}

}  // namespace
}  // namespace extractor::eval
