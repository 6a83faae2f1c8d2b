// Dates for the metadata stage: machine-readable forms (ISO 8601, RFC 822,
// epoch seconds), dates written for readers in many languages and scripts,
// dates in URL paths, and the checks that keep impossible ones out.
//
// No locale-dependent libc call is used: month names are data, calendars are
// arithmetic, and the ISO 8601 text is formatted here.
#ifndef EXTRACTOR_LIB_METADATA_DATETIME_H_
#define EXTRACTOR_LIB_METADATA_DATETIME_H_

#include <climits>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace extractor {

// The date patterns, compiled once: month names in many languages and
// scripts, the numeric forms, times of day, the words that say what a date
// is, relative dates, URL paths (a struct of RE2s, metadata_datetime.cc).
// The Extractor compiles them with its other patterns (Patterns::dates())
// and shares them between threads; the readers below take them.
struct DatePatterns;
std::shared_ptr<const DatePatterns> compile_date_patterns();

struct DateTime {
  static constexpr int kNoZone = INT_MIN;
  int year = 0;
  int month = 0;  // 1..12
  int day = 0;    // 1..31
  int hour = -1;  // -1: no time given
  int minute = -1;
  int second = -1;       // -1: not given (hh:mm only)
  int zone = kNoZone;    // minutes east of UTC, or kNoZone

  bool has_time() const { return hour >= 0; }
  // YYYYMMDD as one number, for comparing calendar days.
  int day_number() const { return year * 10000 + month * 100 + day; }
};

// "YYYY-MM-DD", then "Thh:mm", ":ss" and the zone ("Z", "+02:00") when known.
std::string format_iso(const DateTime& d);

// "YYYY-MM-DD" only.
std::string format_day(const DateTime& d);

// A real calendar day (month 1..12, day within the month, leap years) and a
// real clock time when there is one.
bool is_valid(const DateTime& d);

// Days since 1970-01-01 of a civil date, and back (proleptic Gregorian).
long days_from_civil(int y, int m, int d);
DateTime civil_from_days(long days);

// Today's date in UTC (from the system clock, no locale).
DateTime today_utc();

// Parses "YYYY-MM-DD" (optionally with a time) into a day; nullopt otherwise.
std::optional<DateTime> parse_reference_date(const DatePatterns& patterns,
                                             std::string_view text);

// A date as machines write it in attributes (<meta content>, <time datetime>,
// JSON-LD): ISO 8601 and its common variants ("2021-12-02T10:00:00.000Z",
// "2021-12-02 10:00", "2021/12/02", "20211202"), RFC 822 / 1123 ("Thu, 02
// Dec 2021 10:00:00 GMT"), epoch seconds or milliseconds, and, as a last
// resort, the first date a reader would see in the value (find_text_dates).
// Returns nullopt for anything without a calendar day.
std::optional<DateTime> parse_machine_date(const DatePatterns& patterns, std::string_view value);

// How to read an all-numeric day/month pair that could be either way round
// ("03/04/2021"): month first for US English, day first elsewhere. Dotted
// and dashed dates ("03.04.2021", "03-04-2021") are always day first.
enum class NumericOrder { kDayFirst, kMonthFirst };

// What a few words before a date say it is.
// kOther: a date that is no article's ("Joined", "Member since", "建立于").
// kIssue: a magazine's cover date ("December 5, 2016 Issue"), days or weeks
// after the article went online: the article's only when nothing else is.
enum class DateRole { kUnknown, kPublished, kModified, kOther, kIssue };

struct TextDate {
  DateTime date;
  std::size_t begin = 0;  // byte range of the date in the text
  std::size_t end = 0;
  DateRole role = DateRole::kUnknown;
  bool relative = false;  // "3 hours ago", "yesterday": read against a reference
};

// Every date written for readers in `text`, in order: "December 2, 2021",
// "Dec. 2nd, 2021", "2 December 2021", "2. Dezember 2021", "2 de diciembre
// de 2021", "2 декабря 2021", "2 грудня 2021", "2021. december 2.",
// "2021年12月2日", "2021년 12월 2일", "2021-12-02", "02.12.2021",
// "12/02/2021", each with the time of day that follows it ("at 14:30",
// "um 14.30 Uhr", "2:30 pm", "14时30分"). Relative forms ("3 hours ago",
// "vor 2 Tagen", "yesterday", "昨天", "2天前") only when `reference` is given.
// The role is read from the words just before the date ("Updated",
// "Published", "aktualisiert", "发布时间", ...), and from an "issue" after it.
std::vector<TextDate> find_text_dates(const DatePatterns& patterns, std::string_view text,
                                      NumericOrder order, const DateTime* reference);

// The date in a URL's path: /2021/12/02/, /2021-12-02-, /20211202/,
// /2021/1202/. nullopt when the path has no full day.
std::optional<DateTime> date_from_url(const DatePatterns& patterns, std::string_view url);

// The zone that makes `local` (a time without a zone) the same instant as
// `zoned`: "2016-12-19 19:08:44" and "2016-12-20T00:08:44Z" are one moment
// written twice, at -05:00. nullopt when no real zone does: the two differ
// by other than whole or half hours, by more than 14 hours, or in their
// seconds.
std::optional<int> zone_between(const DateTime& local, const DateTime& zoned);

// Whether a date can be a web page's: not after `reference` (plus a day, for
// zones), and not before `earliest_year`.
bool is_plausible(const DateTime& d, const DateTime& reference, int earliest_year);

}  // namespace extractor

#endif  // EXTRACTOR_LIB_METADATA_DATETIME_H_
