// Unit tests for lib/metadata_dates: choose_dates() over hand-made
// candidates (the vote between days, the checks on shown dates, the time
// and zone), and how dates are read (date_context).
#include "metadata_dates.h"

#include <gtest/gtest.h>

#include <vector>

#include "metadata_test_util.h"
#include "metadata_tuning.h"

namespace extractor {
namespace {

using namespace test_util;  // NOLINT: the shared helpers

DateTime Day(int y, int m, int d) {
  DateTime t;
  t.year = y;
  t.month = m;
  t.day = d;
  return t;
}

DateTime At(int y, int m, int d, int hour, int minute, int zone = DateTime::kNoZone) {
  DateTime t = Day(y, m, d);
  t.hour = hour;
  t.minute = minute;
  t.second = 0;
  t.zone = zone;
  return t;
}

DateCandidate Cand(DateTime d, int rank, Source source, int distance = 0) {
  DateCandidate c;
  c.date = d;
  c.rank = rank;
  c.source = source;
  c.distance = distance;
  return c;
}

TEST(MetadataDates, WhatIsStatedAloneWins) {
  DateCandidates c;
  c.published = {Cand(Day(2024, 6, 7), kRankStated, Source::kJsonLd),
                 Cand(Day(2024, 6, 8), kRankShown, Source::kText, 4)};
  const DateChoice d = choose_dates(c);
  EXPECT_EQ(d.published, "2024-06-07");
  EXPECT_EQ(d.published_source, Source::kJsonLd);
  EXPECT_EQ(d.modified, "");
}

TEST(MetadataDates, TwoSourcesAgreeingOutvoteIt) {
  // Shown (weight 3) and the URL (3) against JSON-LD (5).
  DateCandidates c;
  c.published = {Cand(Day(2024, 6, 7), kRankStated, Source::kJsonLd),
                 Cand(Day(2024, 6, 8), kRankShown, Source::kText, 4),
                 Cand(Day(2024, 6, 8), kRankUrl, Source::kUrl)};
  const DateChoice d = choose_dates(c);
  EXPECT_EQ(d.published, "2024-06-08");
  // The day's best-ranked candidate gives the source.
  EXPECT_EQ(d.published_source, Source::kText);
}

TEST(MetadataDates, OnlyTheNearestShownDateVotes) {
  // A list of dates further down (a feed) does not outvote the stated day.
  DateCandidates c;
  c.published = {Cand(Day(2024, 6, 7), kRankStated, Source::kJsonLd),
                 Cand(Day(2024, 5, 1), kRankShown, Source::kMarkup, 40),
                 Cand(Day(2024, 5, 1), kRankShown, Source::kMarkup, 42),
                 Cand(Day(2024, 5, 1), kRankShown, Source::kMarkup, 44)};
  EXPECT_EQ(choose_dates(c).published, "2024-06-07");
}

TEST(MetadataDates, OnlyTheNearestDateTheMarkupDeclaresVotes) {
  // A forum's replies, each with its itemprop=datePublished, do not outvote
  // the thread's first post.
  DateCandidates c;
  c.published = {Cand(Day(2023, 12, 30), kRankStated, Source::kJsonLd),
                 Cand(Day(2023, 12, 30), kRankShown, Source::kMarkup, 4),
                 Cand(Day(2023, 12, 31), kRankDeclared, Source::kMarkup, 128),
                 Cand(Day(2023, 12, 31), kRankDeclared, Source::kMarkup, 164),
                 Cand(Day(2023, 12, 31), kRankDeclared, Source::kMarkup, 202)};
  EXPECT_EQ(choose_dates(c).published, "2023-12-30");
  // A declared meta is no list: it votes beside the markup's nearest.
  c.published.push_back(Cand(Day(2023, 12, 31), kRankDeclared, Source::kMeta));
  c.published.push_back(Cand(Day(2023, 12, 31), kRankGeneric, Source::kMeta));
  EXPECT_EQ(choose_dates(c).published, "2023-12-31");
}

TEST(MetadataDates, TheTimeOfTheSameDayAndTheZoneOfTheSameInstant) {
  DateCandidates c;
  c.published = {Cand(Day(2024, 6, 8), kRankStated, Source::kMeta),
                 Cand(At(2024, 6, 8, 19, 30), kRankShown, Source::kText, 2),
                 Cand(At(2024, 6, 9, 0, 30, 0), kRankGeneric, Source::kMeta)};
  // The stated day, the shown time, and the zone that makes it the instant
  // the generic tag gives in UTC.
  EXPECT_EQ(choose_dates(c).published, "2024-06-08T19:30:00-05:00");
  // A creation time is another moment: no zone from it.
  c.published[2].rank = kRankCreated;
  EXPECT_EQ(choose_dates(c).published, "2024-06-08T19:30:00");
}

TEST(MetadataDates, NoCandidateNoDate) {
  const DateChoice d = choose_dates(DateCandidates());
  EXPECT_EQ(d.published, "");
  EXPECT_EQ(d.published_source, Source::kNone);
  EXPECT_EQ(d.modified_source, Source::kNone);
}

TEST(MetadataDates, HowNumericDatesReadAndTheReference) {
  EXPECT_EQ(date_context(Dates(), "", "en", "").order, NumericOrder::kMonthFirst);
  EXPECT_EQ(date_context(Dates(), "", "en", "us").order, NumericOrder::kMonthFirst);
  EXPECT_EQ(date_context(Dates(), "", "en", "gb").order, NumericOrder::kDayFirst);
  EXPECT_EQ(date_context(Dates(), "", "de", "").order, NumericOrder::kDayFirst);
  const DateContext given = date_context(Dates(), "2021-12-02", "de", "");
  EXPECT_TRUE(given.reference_given);
  EXPECT_EQ(format_day(given.reference), "2021-12-02");
  const DateContext today = date_context(Dates(), "not a date", "de", "");
  EXPECT_FALSE(today.reference_given);
  EXPECT_EQ(format_day(today.reference), format_day(today_utc()));
}

}  // namespace
}  // namespace extractor
