// Unit tests for lib/metadata_datetime: dates as machines write them and as
// readers see them, in many languages, dates in URLs, plausibility.
#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

#include "metadata_datetime.h"
#include "metadata_test_util.h"

namespace extractor {
namespace {

using namespace test_util;  // NOLINT: the shared helpers

std::string Machine(std::string_view v) {
  std::optional<DateTime> d = parse_machine_date(Dates(), v);
  return d ? format_iso(*d) : "-";
}

TEST(MetadataDateTime, IsoForms) {
  EXPECT_EQ(Machine("2021-12-02"), "2021-12-02");
  EXPECT_EQ(Machine("2021-12-02T10:15:30Z"), "2021-12-02T10:15:30Z");
  EXPECT_EQ(Machine("2016-12-09T09:13:00.000Z"), "2016-12-09T09:13:00Z");
  EXPECT_EQ(Machine("2021-12-02T10:15:30+02:00"), "2021-12-02T10:15:30+02:00");
  EXPECT_EQ(Machine("2019-06-17T18:28:00+0200"), "2019-06-17T18:28:00+02:00");
  EXPECT_EQ(Machine("2021-12-02 10:15"), "2021-12-02T10:15");
  EXPECT_EQ(Machine("  2022-5-5 22:17:36 "), "2022-05-05T22:17:36");
  EXPECT_EQ(Machine("2021/12/02"), "2021-12-02");
  EXPECT_EQ(Machine("20211202"), "2021-12-02");
}

TEST(MetadataDateTime, RfcAndEpoch) {
  EXPECT_EQ(Machine("Thu, 02 Dec 2021 10:00:00 GMT"), "2021-12-02T10:00:00Z");
  EXPECT_EQ(Machine("1638439200"), "2021-12-02T10:00:00Z");
  EXPECT_EQ(Machine("1638439200000"), "2021-12-02T10:00:00Z");
  // Java's and JavaScript's Date.toString().
  EXPECT_EQ(Machine("Mon Aug 03 12:45:00 EDT 2015"), "2015-08-03T12:45");
  EXPECT_EQ(Machine("Tue Feb 20 2018 01:00:00 GMT+0100 (Central European Standard Time)"),
            "2018-02-20T01:00:00+01:00");
}

TEST(MetadataDateTime, RejectsWhatIsNoDay) {
  EXPECT_EQ(Machine(""), "-");
  EXPECT_EQ(Machine("2021-12"), "-");
  EXPECT_EQ(Machine("2021-02-30"), "-");
  EXPECT_EQ(Machine("2021-13-01"), "-");
  EXPECT_EQ(Machine("yesterday"), "-");
  EXPECT_EQ(Machine("Aktualisiert: {{date}}, {{time}}"), "-");
}

TEST(MetadataDateTime, FormatsOnlyWhatIsKnown) {
  DateTime d;
  d.year = 2021;
  d.month = 12;
  d.day = 2;
  EXPECT_EQ(format_iso(d), "2021-12-02");
  d.hour = 9;
  d.minute = 5;
  EXPECT_EQ(format_iso(d), "2021-12-02T09:05");
  d.zone = -300;
  EXPECT_EQ(format_iso(d), "2021-12-02T09:05-05:00");
}

TEST(MetadataDateTime, CivilArithmetic) {
  EXPECT_EQ(days_from_civil(1970, 1, 1), 0);
  const DateTime d = civil_from_days(days_from_civil(2024, 2, 29));
  EXPECT_EQ(format_day(d), "2024-02-29");
  EXPECT_EQ(format_day(civil_from_days(days_from_civil(2021, 3, 1) - 1)), "2021-02-28");
}

std::string FirstTextDate(std::string_view text,
                          NumericOrder order = NumericOrder::kDayFirst) {
  std::vector<TextDate> found = find_text_dates(Dates(), text, order, nullptr);
  return found.empty() ? "-" : format_iso(found.front().date);
}

TEST(MetadataDateTime, TextInManyLanguages) {
  EXPECT_EQ(FirstTextDate("December 2, 2021"), "2021-12-02");
  EXPECT_EQ(FirstTextDate("Dec. 2nd, 2021"), "2021-12-02");
  EXPECT_EQ(FirstTextDate("2 December 2021"), "2021-12-02");
  EXPECT_EQ(FirstTextDate("2. Dezember 2021"), "2021-12-02");
  EXPECT_EQ(FirstTextDate("2 de diciembre de 2021"), "2021-12-02");
  EXPECT_EQ(FirstTextDate("le 2 décembre 2021"), "2021-12-02");
  EXPECT_EQ(FirstTextDate("2 dicembre 2021"), "2021-12-02");
  EXPECT_EQ(FirstTextDate("2 grudnia 2021 r."), "2021-12-02");
  EXPECT_EQ(FirstTextDate("2. prosince 2021"), "2021-12-02");
  EXPECT_EQ(FirstTextDate("2 декабря 2021 года"), "2021-12-02");
  EXPECT_EQ(FirstTextDate("2 грудня 2021"), "2021-12-02");
  EXPECT_EQ(FirstTextDate("2021. december 2."), "2021-12-02");
  EXPECT_EQ(FirstTextDate("2021年12月2日"), "2021-12-02");
  EXPECT_EQ(FirstTextDate("2021년 12월 2일"), "2021-12-02");
  EXPECT_EQ(FirstTextDate("02.12.2021"), "2021-12-02");
  EXPECT_EQ(FirstTextDate("2021-12-02"), "2021-12-02");
}

TEST(MetadataDateTime, TimeOfDayFollowsTheDate) {
  EXPECT_EQ(FirstTextDate("December 2, 2021 at 2:30 pm"), "2021-12-02T14:30");
  EXPECT_EQ(FirstTextDate("2. Dezember 2021, 14:30 Uhr"), "2021-12-02T14:30");
  EXPECT_EQ(FirstTextDate("2021年12月2日 14时30分"), "2021-12-02T14:30");
  EXPECT_EQ(FirstTextDate("10:52, 1. listopadu 2021"), "2021-11-01T10:52");
}

TEST(MetadataDateTime, NorthAmericanZoneNames) {
  EXPECT_EQ(FirstTextDate("on 1 June 2019 at 08:34 PM EDT."), "2019-06-01T20:34-04:00");
  EXPECT_EQ(FirstTextDate("January 15, 2008 07:36 PST"), "2008-01-15T07:36-08:00");
  EXPECT_EQ(Machine("Mon, 19 Dec 2016 12:55:00 PST"), "2016-12-19T12:55:00-08:00");
  // CST is also China's (+08:00); the French "est" is a verb.
  EXPECT_EQ(FirstTextDate("2006-12-28 00:17:04 CST"), "2006-12-28T00:17:04");
  EXPECT_EQ(FirstTextDate("le 2 décembre 2021 à 14:30 est une date"), "2021-12-02T14:30");
}

TEST(MetadataDateTime, ZoneOfTheSameInstant) {
  auto at = [](std::string_view v) { return *parse_machine_date(Dates(), v); };
  auto zone = [&](std::string_view local, std::string_view zoned) {
    std::optional<int> z = zone_between(at(local), at(zoned));
    return z ? *z : -9999;
  };
  EXPECT_EQ(zone("2016-12-19 19:08:44", "2016-12-20T00:08:44Z"), -300);
  EXPECT_EQ(zone("2016-12-19 19:08", "2016-12-20T00:08:44Z"), -300);
  EXPECT_EQ(zone("2022-01-05 17:30", "2022-01-05T12:00:00Z"), 330);
  EXPECT_EQ(zone("2016-12-06 21:08:12", "2016-12-06T16:08:12-05:00"), 0);
  // Not one instant: other seconds, a quarter hour, more than 14 hours.
  EXPECT_EQ(zone("2016-12-19 19:08:45", "2016-12-20T00:08:44Z"), -9999);
  EXPECT_EQ(zone("2016-12-19 12:55", "2016-12-19T11:40:00-08:00"), -9999);
  EXPECT_EQ(zone("2016-12-19 08:00", "2016-12-20T00:00:00Z"), -9999);
  EXPECT_EQ(zone("2016-12-19", "2016-12-20T00:00:00Z"), -9999);
}

TEST(MetadataDateTime, TwoDigitYears) {
  DateTime ref;
  ref.year = 2024;
  ref.month = 1;
  ref.day = 1;
  auto first = [&](std::string_view t) {
    std::vector<TextDate> f = find_text_dates(Dates(), t, NumericOrder::kDayFirst, &ref);
    return f.empty() ? std::string("-") : format_day(f.front().date);
  };
  EXPECT_EQ(first("Von: Björn Jahner | 31.10.23"), "2023-10-31");
  EXPECT_EQ(first("6.11.22"), "2022-11-06");
  EXPECT_EQ(first("31.10.98"), "1998-10-31");  // not in the future
  EXPECT_EQ(first("Version 1.10.23.4"), "-");
  // With slashes, as forum software writes a post's date: a part over 12
  // decides which way round, else the page's order.
  EXPECT_EQ(first("von lupa am 26/10/13, 03:48 pm"), "2013-10-26");
  EXPECT_EQ(first("Posted 10/26/13"), "2013-10-26");
  EXPECT_EQ(first("am 03/04/13"), "2013-04-03");
  {
    std::vector<TextDate> f = find_text_dates(Dates(), "on 03/04/13", NumericOrder::kMonthFirst, &ref);
    ASSERT_FALSE(f.empty());
    EXPECT_EQ(format_day(f.front().date), "2013-03-04");
  }
  EXPECT_EQ(first("see /12/10/13/ or 1/2/13/4"), "-");
  EXPECT_EQ(first("one slash only: 24/7"), "-");
}

TEST(MetadataDateTime, NumericOrder) {
  // Slashes follow the page's convention; dots and dashes are day first.
  EXPECT_EQ(FirstTextDate("03/04/2021", NumericOrder::kMonthFirst), "2021-03-04");
  EXPECT_EQ(FirstTextDate("03/04/2021", NumericOrder::kDayFirst), "2021-04-03");
  EXPECT_EQ(FirstTextDate("03.04.2021", NumericOrder::kMonthFirst), "2021-04-03");
  EXPECT_EQ(FirstTextDate("01-11-2023 10:29", NumericOrder::kMonthFirst), "2023-11-01T10:29");
  // A part over 12 decides.
  EXPECT_EQ(FirstTextDate("12/25/2021", NumericOrder::kDayFirst), "2021-12-25");
}

TEST(MetadataDateTime, NoDatesInOrdinaryNumbers) {
  EXPECT_EQ(FirstTextDate("Version 2.4.1 fixes 12 bugs"), "-");
  EXPECT_EQ(FirstTextDate("Call 555-1234-2021"), "-");
  EXPECT_EQ(FirstTextDate("May 2021"), "-");  // no day
  EXPECT_EQ(FirstTextDate("you may 5 times"), "-");
}

TEST(MetadataDateTime, RolesFromTheWordsBefore) {
  auto role = [](std::string_view text) {
    std::vector<TextDate> f = find_text_dates(Dates(), text, NumericOrder::kDayFirst, nullptr);
    return f.empty() ? -1 : static_cast<int>(f.front().role);
  };
  EXPECT_EQ(role("Updated: March 3, 2021"), static_cast<int>(DateRole::kModified));
  EXPECT_EQ(role("Aktualisiert am 3. März 2021"), static_cast<int>(DateRole::kModified));
  EXPECT_EQ(role("Published March 3, 2021"), static_cast<int>(DateRole::kPublished));
  EXPECT_EQ(role("Veröffentlicht am 3. März 2021"), static_cast<int>(DateRole::kPublished));
  EXPECT_EQ(role("Diese Seite wurde zuletzt am 3. März 2021 geändert."),
            static_cast<int>(DateRole::kModified));
  EXPECT_EQ(role("发布时间：2021年3月3日"), static_cast<int>(DateRole::kPublished));
  EXPECT_EQ(role("March 3, 2021"), static_cast<int>(DateRole::kUnknown));
  // The nearer word wins: "Published ..., updated ...".
  std::vector<TextDate> f = find_text_dates(Dates(), "Published 2 May 2021, updated 3 May 2021",
                                            NumericOrder::kDayFirst, nullptr);
  ASSERT_EQ(f.size(), 2u);
  EXPECT_EQ(f[0].role, DateRole::kPublished);
  EXPECT_EQ(f[1].role, DateRole::kModified);
  // A magazine's cover date is read from the word after it.
  EXPECT_EQ(role("December 5, 2016 Issue"), static_cast<int>(DateRole::kIssue));
  EXPECT_EQ(role("the print edition of the December 5, 2016, issue"),
            static_cast<int>(DateRole::kIssue));
  EXPECT_EQ(role("December 5, 2016 issued a statement"), static_cast<int>(DateRole::kUnknown));
}

TEST(MetadataDateTime, RelativeOnlyWithAReference) {
  EXPECT_TRUE(find_text_dates(Dates(), "3 hours ago", NumericOrder::kDayFirst, nullptr).empty());
  DateTime ref;
  ref.year = 2021;
  ref.month = 12;
  ref.day = 2;
  auto rel = [&](std::string_view t) {
    std::vector<TextDate> f = find_text_dates(Dates(), t, NumericOrder::kDayFirst, &ref);
    return f.empty() ? std::string("-") : format_day(f.front().date);
  };
  EXPECT_EQ(rel("3 hours ago"), "2021-12-02");
  EXPECT_EQ(rel("2 days ago"), "2021-11-30");
  EXPECT_EQ(rel("vor 2 Tagen"), "2021-11-30");
  EXPECT_EQ(rel("il y a 3 jours"), "2021-11-29");
  EXPECT_EQ(rel("hace 1 día"), "2021-12-01");
  EXPECT_EQ(rel("2 дня назад"), "2021-11-30");
  EXPECT_EQ(rel("3天前"), "2021-11-29");
  EXPECT_EQ(rel("yesterday"), "2021-12-01");
  EXPECT_EQ(rel("gestern, 14:30"), "2021-12-01");
}

TEST(MetadataDateTime, Urls) {
  auto url = [](std::string_view u) {
    std::optional<DateTime> d = date_from_url(Dates(), u);
    return d ? format_day(*d) : std::string("-");
  };
  EXPECT_EQ(url("https://example.com/2021/12/02/some-story/"), "2021-12-02");
  EXPECT_EQ(url("https://example.com/news/20211202/story.html"), "2021-12-02");
  EXPECT_EQ(url("https://example.com/2021-12-02-story"), "2021-12-02");
  EXPECT_EQ(url("https://example.com/2021/1202/story"), "2021-12-02");
  EXPECT_EQ(url("https://example.com/2021/12/story"), "-");           // no day
  EXPECT_EQ(url("https://example.com/story?id=20211202"), "-");       // query
  EXPECT_EQ(url("https://20211202.example.com/story"), "-");          // host
  EXPECT_EQ(url("https://example.com/item/12345678/"), "-");          // not a date
}

TEST(MetadataDateTime, Plausibility) {
  DateTime ref;
  ref.year = 2021;
  ref.month = 12;
  ref.day = 2;
  DateTime d = ref;
  EXPECT_TRUE(is_plausible(d, ref, 1995));
  d.day = 3;  // a day ahead: time zones
  EXPECT_TRUE(is_plausible(d, ref, 1995));
  d.day = 5;
  EXPECT_FALSE(is_plausible(d, ref, 1995));
  d.year = 1990;
  EXPECT_FALSE(is_plausible(d, ref, 1995));
  EXPECT_TRUE(is_plausible(d, ref, 1900));
}

}  // namespace
}  // namespace extractor
