// Unit tests for the metadata stage: each source (JSON-LD, meta, microdata,
// markup, URL, text), each cleaning rule, and pages where sources disagree.
// Pages are written inline; the helpers below build the parts a test needs.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "extractor/extractor.h"
#include "metadata_names.h"
#include "metadata_datetime.h"
#include "metadata_jsonld.h"
#include "metadata_text.h"
#include "metadata_title.h"

namespace extractor {
namespace {

using Strings = std::vector<std::string>;

const std::shared_ptr<const DatePatterns>& DatesPtr() {
  static const std::shared_ptr<const DatePatterns> patterns = compile_date_patterns();
  return patterns;
}
const DatePatterns& Dates() { return *DatesPtr(); }

const NamePatterns& Names() {
  static const std::shared_ptr<const NamePatterns> patterns = compile_name_patterns(DatesPtr());
  return *patterns;
}

// ---------------------------------------------------------------------------
// Dates: machine forms
// ---------------------------------------------------------------------------

std::string Machine(std::string_view v) {
  std::optional<DateTime> d = parse_machine_date(Dates(), v);
  return d ? format_iso(*d) : "-";
}

TEST(MetadataDates, IsoForms) {
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

TEST(MetadataDates, RfcAndEpoch) {
  EXPECT_EQ(Machine("Thu, 02 Dec 2021 10:00:00 GMT"), "2021-12-02T10:00:00Z");
  EXPECT_EQ(Machine("1638439200"), "2021-12-02T10:00:00Z");
  EXPECT_EQ(Machine("1638439200000"), "2021-12-02T10:00:00Z");
  // Java's and JavaScript's Date.toString().
  EXPECT_EQ(Machine("Mon Aug 03 12:45:00 EDT 2015"), "2015-08-03T12:45");
  EXPECT_EQ(Machine("Tue Feb 20 2018 01:00:00 GMT+0100 (Central European Standard Time)"),
            "2018-02-20T01:00:00+01:00");
}

TEST(MetadataDates, RejectsWhatIsNoDay) {
  EXPECT_EQ(Machine(""), "-");
  EXPECT_EQ(Machine("2021-12"), "-");
  EXPECT_EQ(Machine("2021-02-30"), "-");
  EXPECT_EQ(Machine("2021-13-01"), "-");
  EXPECT_EQ(Machine("yesterday"), "-");
  EXPECT_EQ(Machine("Aktualisiert: {{date}}, {{time}}"), "-");
}

TEST(MetadataDates, FormatsOnlyWhatIsKnown) {
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

TEST(MetadataDates, CivilArithmetic) {
  EXPECT_EQ(days_from_civil(1970, 1, 1), 0);
  const DateTime d = civil_from_days(days_from_civil(2024, 2, 29));
  EXPECT_EQ(format_day(d), "2024-02-29");
  EXPECT_EQ(format_day(civil_from_days(days_from_civil(2021, 3, 1) - 1)), "2021-02-28");
}

// ---------------------------------------------------------------------------
// Dates: text in many languages
// ---------------------------------------------------------------------------

std::string FirstTextDate(std::string_view text,
                          NumericOrder order = NumericOrder::kDayFirst) {
  std::vector<TextDate> found = find_text_dates(Dates(), text, order, nullptr);
  return found.empty() ? "-" : format_iso(found.front().date);
}

TEST(MetadataDates, TextInManyLanguages) {
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

TEST(MetadataDates, TimeOfDayFollowsTheDate) {
  EXPECT_EQ(FirstTextDate("December 2, 2021 at 2:30 pm"), "2021-12-02T14:30");
  EXPECT_EQ(FirstTextDate("2. Dezember 2021, 14:30 Uhr"), "2021-12-02T14:30");
  EXPECT_EQ(FirstTextDate("2021年12月2日 14时30分"), "2021-12-02T14:30");
  EXPECT_EQ(FirstTextDate("10:52, 1. listopadu 2021"), "2021-11-01T10:52");
}

TEST(MetadataDates, NorthAmericanZoneNames) {
  EXPECT_EQ(FirstTextDate("on 1 June 2019 at 08:34 PM EDT."), "2019-06-01T20:34-04:00");
  EXPECT_EQ(FirstTextDate("January 15, 2008 07:36 PST"), "2008-01-15T07:36-08:00");
  EXPECT_EQ(Machine("Mon, 19 Dec 2016 12:55:00 PST"), "2016-12-19T12:55:00-08:00");
  // CST is also China's (+08:00); the French "est" is a verb.
  EXPECT_EQ(FirstTextDate("2006-12-28 00:17:04 CST"), "2006-12-28T00:17:04");
  EXPECT_EQ(FirstTextDate("le 2 décembre 2021 à 14:30 est une date"), "2021-12-02T14:30");
}

TEST(MetadataDates, ZoneOfTheSameInstant) {
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

TEST(MetadataDates, TwoDigitYears) {
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

TEST(MetadataDates, NumericOrder) {
  // Slashes follow the page's convention; dots and dashes are day first.
  EXPECT_EQ(FirstTextDate("03/04/2021", NumericOrder::kMonthFirst), "2021-03-04");
  EXPECT_EQ(FirstTextDate("03/04/2021", NumericOrder::kDayFirst), "2021-04-03");
  EXPECT_EQ(FirstTextDate("03.04.2021", NumericOrder::kMonthFirst), "2021-04-03");
  EXPECT_EQ(FirstTextDate("01-11-2023 10:29", NumericOrder::kMonthFirst), "2023-11-01T10:29");
  // A part over 12 decides.
  EXPECT_EQ(FirstTextDate("12/25/2021", NumericOrder::kDayFirst), "2021-12-25");
}

TEST(MetadataDates, NoDatesInOrdinaryNumbers) {
  EXPECT_EQ(FirstTextDate("Version 2.4.1 fixes 12 bugs"), "-");
  EXPECT_EQ(FirstTextDate("Call 555-1234-2021"), "-");
  EXPECT_EQ(FirstTextDate("May 2021"), "-");  // no day
  EXPECT_EQ(FirstTextDate("you may 5 times"), "-");
}

TEST(MetadataDates, RolesFromTheWordsBefore) {
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

TEST(MetadataDates, RelativeOnlyWithAReference) {
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

TEST(MetadataDates, Urls) {
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

TEST(MetadataDates, Plausibility) {
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

// ---------------------------------------------------------------------------
// JSON-LD
// ---------------------------------------------------------------------------

TEST(MetadataJsonLd, ArticleFields) {
  const JsonLdArticle a = read_json_ld({R"({
    "@context": "https://schema.org", "@type": "NewsArticle",
    "headline": "Top diplomats meet", "datePublished": "2021-12-02T20:45:00+02:00",
    "dateModified": "2021-12-03T08:00:00+02:00",
    "author": [{"@type": "Person", "name": "Igor Kossov"}, {"@type": "Person", "name": "Anna Myroniuk"}],
    "publisher": {"@type": "Organization", "name": "The Kyiv Ledger"},
    "image": {"@type": "ImageObject", "url": "https://example.com/a.jpg"},
    "keywords": "Russia, Diplomacy", "articleSection": ["Ukraine"], "inLanguage": "en-US"})"},
                                       "");
  ASSERT_TRUE(a.found);
  EXPECT_TRUE(a.is_article);
  EXPECT_EQ(a.headline, "Top diplomats meet");
  ASSERT_EQ(a.authors.size(), 2u);
  EXPECT_EQ(a.authors[1].name, "Anna Myroniuk");
  EXPECT_EQ(a.date_published, "2021-12-02T20:45:00+02:00");
  EXPECT_EQ(a.date_modified, "2021-12-03T08:00:00+02:00");
  EXPECT_EQ(a.publisher, "The Kyiv Ledger");
  EXPECT_EQ(a.image, "https://example.com/a.jpg");
  EXPECT_EQ(a.keywords, (Strings{"Russia", "Diplomacy"}));
  EXPECT_EQ(a.sections, (Strings{"Ukraine"}));
  EXPECT_EQ(a.language, "en-US");
}

TEST(MetadataJsonLd, GraphWithReferences) {
  const JsonLdArticle a = read_json_ld({R"({"@context":"https://schema.org","@graph":[
    {"@type":"WebSite","@id":"https://ex.com/#website","name":"Example Times"},
    {"@type":"WebPage","@id":"https://ex.com/a/#webpage","datePublished":"2020-01-01"},
    {"@type":"Article","@id":"https://ex.com/a/#article","headline":"A story",
     "author":{"@id":"https://ex.com/#/person/1"},"datePublished":"2020-10-12T12:29:10+00:00"},
    {"@type":["Person"],"@id":"https://ex.com/#/person/1","name":"Giovanni Gaggero"}]})"},
                                       "");
  EXPECT_EQ(a.headline, "A story");
  ASSERT_EQ(a.authors.size(), 1u);
  EXPECT_EQ(a.authors[0].name, "Giovanni Gaggero");
  EXPECT_EQ(a.date_published, "2020-10-12T12:29:10+00:00");
  EXPECT_EQ(a.site_name, "Example Times");
}

TEST(MetadataJsonLd, OrganisationAuthorIsMarked) {
  const JsonLdArticle a = read_json_ld(
      {R"({"@type":"Article","headline":"H","author":{"@type":"Organization","name":"ACME News"}})"},
      "");
  ASSERT_EQ(a.authors.size(), 1u);
  EXPECT_TRUE(a.authors[0].organization);
}

TEST(MetadataJsonLd, BrokenJsonIsRepaired) {
  // A raw newline inside a string, a trailing comma, an invalid escape.
  JsonLdArticle a = read_json_ld(
      {"{\"@type\":\"Article\",\"headline\":\"Two\nlines\",\"name\":\"It\\'s\",}"}, "");
  EXPECT_EQ(a.headline, "Two lines");
  // Two objects one after the other, in CDATA.
  a = read_json_ld({"//<![CDATA[\n{\"@type\":\"WebSite\",\"name\":\"Site\"}\n"
                    "{\"@type\":\"BlogPosting\",\"headline\":\"Post\"}\n//]]>"},
                   "");
  EXPECT_EQ(a.headline, "Post");
  EXPECT_EQ(a.site_name, "Site");
  // HTML-escaped quotes.
  a = read_json_ld({"{&quot;@type&quot;:&quot;Article&quot;,&quot;headline&quot;:&quot;Esc&quot;}"},
                   "");
  EXPECT_EQ(a.headline, "Esc");
  // Hopeless: nothing, no crash.
  a = read_json_ld({"{\"@type\": \"Article\", \"headline\": "}, "");
  EXPECT_FALSE(a.found);
}

TEST(MetadataJsonLd, RelatedArticlesDoNotWin) {
  const JsonLdArticle a = read_json_ld({R"({"@type":"NewsArticle","headline":"Main",
    "datePublished":"2021-01-02","mainEntityOfPage":"https://ex.com/main",
    "hasPart":{"@type":"ItemList","itemListElement":[{"@type":"ListItem","item":
      {"@type":"NewsArticle","headline":"Other","datePublished":"2020-05-05"}}]}})"},
                                       "https://ex.com/main");
  EXPECT_EQ(a.headline, "Main");
  EXPECT_EQ(a.date_published, "2021-01-02");
}

TEST(MetadataJsonLd, VideoInsideAnArticleGivesNoDate) {
  const JsonLdArticle a = read_json_ld(
      {R"([{"@type":"Article","headline":"Text"},{"@type":"VideoObject","name":"Clip","uploadDate":"2015-01-16"}])"},
      "");
  EXPECT_EQ(a.headline, "Text");
  EXPECT_EQ(a.date_published, "");
}

// ---------------------------------------------------------------------------
// Authors: cleaning rules
// ---------------------------------------------------------------------------

Strings Byline(std::string_view raw, std::string_view site = "") {
  return clean_authors(Names(), raw, AuthorValue::kByline, site);
}

TEST(MetadataAuthors, MarkersInManyLanguages) {
  EXPECT_EQ(Byline("By Jane Doe"), (Strings{"Jane Doe"}));
  EXPECT_EQ(Byline("Written by Jane Doe"), (Strings{"Jane Doe"}));
  EXPECT_EQ(Byline("von Anna Schmidt"), (Strings{"Anna Schmidt"}));
  EXPECT_EQ(Byline("par Jean Dupont"), (Strings{"Jean Dupont"}));
  EXPECT_EQ(Byline("Por María López"), (Strings{"María López"}));
  EXPECT_EQ(Byline("Автор: Анна Соколова"), (Strings{"Анна Соколова"}));
  EXPECT_EQ(Byline("文／李文静"), (Strings{"李文静"}));
  EXPECT_EQ(Byline("记者 王建宏 张文攀"), (Strings{"王建宏", "张文攀"}));
  EXPECT_EQ(Byline("Zeige alle Beiträge von Michael Veeser-Dombrowski"),
            (Strings{"Michael Veeser-Dombrowski"}));
}

TEST(MetadataAuthors, Joins) {
  EXPECT_EQ(Byline("By Jane Doe and John Roe"), (Strings{"Jane Doe", "John Roe"}));
  EXPECT_EQ(Byline("Von Anna Schmidt und Max Muster"), (Strings{"Anna Schmidt", "Max Muster"}));
  EXPECT_EQ(Byline("Иван Петров и Анна Соколова"), (Strings{"Иван Петров", "Анна Соколова"}));
  EXPECT_EQ(Byline("Jane Doe, John Roe & Max Muster"),
            (Strings{"Jane Doe", "John Roe", "Max Muster"}));
  EXPECT_EQ(Byline("赵延东、风笑天"), (Strings{"赵延东", "风笑天"}));
}

TEST(MetadataAuthors, RolesAreNotNames) {
  EXPECT_EQ(Byline("By Jane Doe, Staff Writer"), (Strings{"Jane Doe"}));
  EXPECT_EQ(Byline("Jane Doe, Chief Political Correspondent"), (Strings{"Jane Doe"}));
  EXPECT_EQ(Byline("Sam Stein Senior Politics Editor"), (Strings{"Sam Stein"}));
  EXPECT_EQ(Byline("Redakteurin Anna Schmidt"), (Strings{"Anna Schmidt"}));
  EXPECT_EQ(Byline("Staff Writer"), Strings{});
  EXPECT_EQ(Byline("Correspondent"), Strings{});
}

TEST(MetadataAuthors, DatesHandlesAndAddressesGo) {
  EXPECT_EQ(Byline("By Jane Doe | March 3, 2021"), (Strings{"Jane Doe"}));
  EXPECT_EQ(Byline("By Jane Doe on 3 March 2021 at 10:00"), (Strings{"Jane Doe"}));
  EXPECT_EQ(Byline("Jane Doe jane.doe@example.com"), (Strings{"Jane Doe"}));
  EXPECT_EQ(Byline("Jane Doe @janedoe"), (Strings{"Jane Doe"}));
  EXPECT_EQ(Byline("By Jane Doe | Updated 4 March 2021"), (Strings{"Jane Doe"}));
  EXPECT_EQ(Byline("Jane Doe |"), (Strings{"Jane Doe"}));
  EXPECT_EQ(Byline("Jane Doe (AP)"), (Strings{"Jane Doe"}));
  EXPECT_EQ(Byline("By Jane Doe 3 min read"), (Strings{"Jane Doe"}));
}

TEST(MetadataAuthors, PhotographersAndTranslatorsAreNotAuthors) {
  EXPECT_EQ(Byline("By Jane Doe | Photos by Sam Lens"), (Strings{"Jane Doe"}));
  EXPECT_EQ(Byline("Text: Jane Doe; Fotos: Max Bild"), (Strings{"Jane Doe"}));
  EXPECT_EQ(Byline("Mark Newton, Übersetzung Sarah Jungblut"), (Strings{"Mark Newton"}));
  EXPECT_EQ(Byline("Alexander Karper Foto: © GEPA"), (Strings{"Alexander Karper"}));
  EXPECT_EQ(Byline("蔡雪婧/摄"), Strings{});
  EXPECT_EQ(Byline("Von links nach rechts: Mathias Malischewski, Jane Doe"), Strings{});
  EXPECT_EQ(Byline("Gesponserte Inhalte"), Strings{});
}

TEST(MetadataAuthors, NeverAUrlOrADate) {
  EXPECT_EQ(Byline("https://www.facebook.com/jane.doe"), Strings{});
  EXPECT_EQ(Byline("March 3, 2021"), Strings{});
  // The site's own name is kept: the stage reads it as the publication.
  EXPECT_EQ(Byline("The Example Times", "The Example Times"), (Strings{"The Example Times"}));
  EXPECT_EQ(Byline("Admin"), Strings{});
  EXPECT_EQ(Byline("Staff"), Strings{});
  EXPECT_EQ(Byline("admin"), Strings{});
  EXPECT_EQ(Byline("Veröffentlicht am"), Strings{});
  EXPECT_EQ(Byline("Wednesday"), Strings{});
  // A user menu's links; a profile's counts after the name.
  EXPECT_EQ(Byline("Log in; Sign up"), Strings{});
  EXPECT_EQ(Byline("Jane Doe 2 reviews"), (Strings{"Jane Doe"}));
  // A book's edition before its editor.
  EXPECT_EQ(Byline("Revised Edition Edited by Jane Doe"), Strings{});
}

TEST(MetadataAuthors, LabelsAfterAName) {
  EXPECT_EQ(Byline("Meg Wagner NEW YORK DAILY NEWS"), (Strings{"Meg Wagner"}));
  // Initials before a capitalised family name are one name.
  EXPECT_EQ(Byline("E. DOE / J. R. DA SILVA"), (Strings{"E. DOE", "J. R. DA SILVA"}));
  EXPECT_EQ(Byline("Disko Von Ernst Lohoff"), (Strings{"Ernst Lohoff"}));
  EXPECT_EQ(Byline("Ursula von der Leyen"), (Strings{"Ursula von der Leyen"}));
  EXPECT_EQ(Byline("Jake Goulding on"), (Strings{"Jake Goulding"}));
}

TEST(MetadataAuthors, ANewsroomCreditedAsAWhole) {
  // The newsroom's name is what the page credits: an organisation.
  EXPECT_EQ(Byline("von Redaktion, "), (Strings{"Redaktion"}));
  EXPECT_EQ(clean_authors(Names(), "Die Redaktion", AuthorValue::kField, ""), (Strings{"Redaktion"}));
  EXPECT_TRUE(looks_like_organization(Names(), "Redaktion"));
  // A collective word closing or opening a name belongs to it.
  EXPECT_EQ(clean_authors(Names(), "Example News Desk", AuthorValue::kField, ""),
            (Strings{"Example News Desk"}));
  EXPECT_EQ(Byline("By AOL Staff"), (Strings{"AOL Staff"}));
  EXPECT_EQ(clean_authors(Names(), "Example.LIVE Redaktion", AuthorValue::kField, ""),
            (Strings{"Example.LIVE Redaktion"}));
  EXPECT_EQ(clean_authors(Names(), "Redaktion Example Index", AuthorValue::kField, ""),
            (Strings{"Redaktion Example Index"}));
  // Roles after a separator still go, and "Staff" / "Team" alone are none.
  EXPECT_EQ(Byline("Jane Doe, Staff"), (Strings{"Jane Doe"}));
  EXPECT_EQ(Byline("Jane Doe | Team"), (Strings{"Jane Doe"}));
  EXPECT_EQ(Byline("The Team"), Strings{});
  EXPECT_EQ(Byline("Meet the Team"), Strings{});
  EXPECT_EQ(Byline("Our Team"), Strings{});
  EXPECT_EQ(Byline("Staff"), Strings{});
}

TEST(MetadataAuthors, UserNamesWithUnderscores) {
  EXPECT_EQ(clean_authors(Names(), "Herr_Example", AuthorValue::kField, ""), (Strings{"Herr_Example"}));
  EXPECT_FALSE(is_plausible_name(Names(), "some_variable name"));
  EXPECT_FALSE(is_plausible_name(Names(), "_private"));
}

TEST(MetadataAuthors, FieldsKeepOneWordNames) {
  EXPECT_EQ(clean_authors(Names(), "zboygirl", AuthorValue::kField, ""), (Strings{"zboygirl"}));
  EXPECT_EQ(clean_authors(Names(), "Smith, John", AuthorValue::kField, ""), (Strings{"John Smith"}));
  // A user name ending in a number, in a field only.
  EXPECT_EQ(clean_authors(Names(), "happyfox313", AuthorValue::kField, ""), (Strings{"happyfox313"}));
  EXPECT_EQ(clean_authors(Names(), "happyfox313", AuthorValue::kByline, ""), Strings{});
  EXPECT_EQ(clean_authors(Names(), "2024", AuthorValue::kField, ""), Strings{});
  EXPECT_EQ(clean_authors(Names(), "Jane Doe 2", AuthorValue::kField, ""), Strings{});
}

TEST(MetadataAuthors, TextNeedsAMarker) {
  EXPECT_EQ(clean_authors(Names(), "Jane Doe went home.", AuthorValue::kText, ""), Strings{});
  EXPECT_EQ(clean_authors(Names(), "By Jane Doe", AuthorValue::kText, ""), (Strings{"Jane Doe"}));
}

TEST(MetadataAuthors, Organisations) {
  EXPECT_TRUE(looks_like_organization(Names(), "Associated Press"));
  EXPECT_TRUE(looks_like_organization(Names(), "Us Weekly Staff"));
  EXPECT_TRUE(looks_like_organization(Names(), "新华社"));
  EXPECT_FALSE(looks_like_organization(Names(), "Jane Doe"));
  EXPECT_FALSE(looks_like_organization(Names(), "李文静"));
}

TEST(MetadataAuthors, ChineseCreditKinds) {
  int prio = -1;
  EXPECT_EQ(cjk_credits(Names(), "编辑： 金金  来源： 21世纪经济报道  作者：宋怡 杨志华", "", &prio),
            (Strings{"宋怡", "杨志华"}));
  EXPECT_EQ(prio, 0);
  EXPECT_EQ(cjk_credits(Names(), "来源：新闻晨报 编辑：山石", "", &prio), (Strings{"山石"}));
  EXPECT_EQ(prio, 2);
  // No separator after the marker: a family name is needed.
  EXPECT_EQ(cjk_credits(Names(), "记者致电上海、武汉等地商场人士", ""), Strings{});
  EXPECT_EQ(cjk_credits(Names(), "本报北京电 记者王建宏报道", ""), (Strings{"王建宏"}));
}

TEST(MetadataAuthors, ChineseCredits) {
  EXPECT_EQ(cjk_credits(Names(), "来源：东城日报   作者：李文静   我要评论", ""), (Strings{"李文静"}));
  EXPECT_EQ(cjk_credits(Names(), "据新华社拉萨电（记者 格桑边觉）记者近日从西藏", ""), (Strings{"格桑边觉"}));
  EXPECT_EQ(cjk_credits(Names(), "……发展。（责任编辑：魏喆）", ""), (Strings{"魏喆"}));
  EXPECT_EQ(cjk_credits(Names(), "顶端新闻·河南商报记者马俊峰/文", ""), (Strings{"马俊峰"}));
  EXPECT_EQ(cjk_credits(Names(), "本报记者 罗科苏盈发自北京", ""), (Strings{"罗科苏盈"}));
  // "记者" in running text is no credit.
  EXPECT_EQ(cjk_credits(Names(), "孙启勤告诉记者，他仍然在坚持购买彩票。", ""), Strings{});
  EXPECT_EQ(cjk_credits(Names(), "记者近日从西藏自治区农业农村厅了解到", ""), Strings{});
  // Sources that are organisations.
  EXPECT_EQ(cjk_credits(Names(), "来源：新闻晨报", ""), Strings{});
}

TEST(MetadataAuthors, ChineseCreditsOfOneKindAddUp) {
  int prio = -1;
  EXPECT_EQ(cjk_credits(Names(), "本报实习生 刘国栋 周炜 本报记者 王燕平 方云凤", "", &prio),
            (Strings{"刘国栋", "周炜", "王燕平", "方云凤"}));
  EXPECT_EQ(prio, 0);
  // A writer (执笔人) over the editor on the next line.
  EXPECT_EQ(cjk_credits(Names(), "执笔人：闵乐夫 赵兰波 编辑： 吕峥", "", &prio),
            (Strings{"闵乐夫", "赵兰波"}));
  EXPECT_EQ(prio, 0);
  // A forum post's user needs no family name.
  EXPECT_EQ(cjk_credits(Names(), "本贴由大卫于2005年8月12日16:12:21在〖心灵体操〗发表.", ""),
            (Strings{"大卫"}));
}

TEST(MetadataAuthors, PostingLinesAndBareMarkers) {
  EXPECT_EQ(byline_after_post_word(Names(), "Posted in Datenschutz by damianduchamps on August 3, 2019"),
            "by damianduchamps on August 3, 2019");
  EXPECT_EQ(byline_after_post_word(Names(), "Publiziert am 13. Januar 2014 von uriebe"), "von uriebe");
  EXPECT_EQ(byline_after_post_word(Names(), "The report was written by the council"), "");
  EXPECT_TRUE(is_bare_latin_marker(Names(), "Von:"));
  EXPECT_TRUE(is_bare_latin_marker(Names(), "| By"));
  EXPECT_FALSE(is_bare_latin_marker(Names(), "By Jane Doe"));
  EXPECT_FALSE(is_bare_latin_marker(Names(), "Byline"));
  EXPECT_TRUE(is_bare_cjk_marker(Names(), "本报记者"));
  EXPECT_FALSE(is_bare_cjk_marker(Names(), "本报记者 王某"));
  EXPECT_EQ(clean_authors(Names(), "Autoren Jelko Djuren und Jutta Klaukien", AuthorValue::kText, ""),
            (Strings{"Jelko Djuren", "Jutta Klaukien"}));
  EXPECT_EQ(clean_authors(Names(), "Eingestellt von Michel Berger um 21:11", AuthorValue::kText, ""),
            (Strings{"Michel Berger"}));
}

TEST(MetadataAuthors, PhrasesInitialsAndColumns) {
  // "Von X über Y bis Z" is a heading's phrase, not a byline.
  EXPECT_EQ(clean_authors(Names(), "Von Atemschutzmaske über Exit-Strategie", AuthorValue::kText, ""),
            Strings{});
  EXPECT_EQ(clean_authors(Names(), "Von Atemschutzmaske über Exit-Strategie und Kontaktverbot bis Zoonose",
                          AuthorValue::kText, ""),
            Strings{});
  // A marker alone is no name.
  EXPECT_EQ(clean_authors(Names(), "Von", AuthorValue::kField, ""), Strings{});
  EXPECT_TRUE(is_plausible_name(Names(), "Ludwig van Beethoven"));
  EXPECT_TRUE(is_plausible_name(Names(), "Organization for Transformative Works"));
  EXPECT_TRUE(is_plausible_name(Names(), "Cindy mangomini"));
  // Initials of an agency or a paper are an organisation's.
  EXPECT_TRUE(looks_like_organization(Names(), "LN"));
  EXPECT_TRUE(looks_like_organization(Names(), "AFP"));
  EXPECT_FALSE(looks_like_organization(Names(), "Li"));
  EXPECT_EQ(clean_authors(Names(), "Eine Kolumne von Nils Pickert", AuthorValue::kText, ""),
            (Strings{"Nils Pickert"}));
  EXPECT_EQ(clean_authors(Names(), "A column by Jane Doe", AuthorValue::kText, ""), (Strings{"Jane Doe"}));
}

TEST(MetadataAuthors, ChineseNamesSpacedAndJoined) {
  // A one-character part spaced apart is half of one name.
  EXPECT_EQ(clean_authors(Names(), "王  明", AuthorValue::kField, ""), (Strings{"王明"}));
  EXPECT_EQ(clean_authors(Names(), "王建宏 张文攀", AuthorValue::kField, ""), (Strings{"王建宏", "张文攀"}));
  // "&" joins two names (or the halves of a user's).
  EXPECT_EQ(cjk_credits(Names(), "作者： 晨风&细雨", ""), (Strings{"晨风", "细雨"}));
  // A Japanese line's closing note is no credit.
  EXPECT_EQ(cjk_credits(Names(), "記事を毎朝メールでまとめ読み(登録無料)", ""), Strings{});
  EXPECT_EQ(cjk_credits(Names(), "……的过程吗？（王明）", ""), (Strings{"王明"}));
  // The place a report was filed from is no name.
  EXPECT_EQ(cjk_credits(Names(), "……的过程吗？”（王明 北京报道）", ""), (Strings{"王明"}));
  // A bracketed name before the source in a portal's credit line.
  EXPECT_EQ(cjk_credits(Names(), "2004年7月16日08:19 [ 李文静 ] 来源：[ 东城日报 ]", ""),
            (Strings{"李文静"}));
  // A menu's label read as a link's name is none.
  EXPECT_EQ(Byline("人物"), Strings{});
  // Journals and publishers are organisations.
  EXPECT_TRUE(looks_like_organization(Names(), "中文学术期刊"));
  EXPECT_TRUE(looks_like_organization(Names(), "Example Publishers"));
}

TEST(MetadataAuthors, SignOffLines) {
  EXPECT_EQ(sign_off_name(Names(), "Jane Doe", ""), (Strings{"Jane Doe"}));
  EXPECT_EQ(sign_off_name(Names(), "Benni\n10. September 2017", ""), (Strings{"Benni"}));
  EXPECT_EQ(sign_off_name(Names(), "Anna SCHMIDT\nBundesvorsitzende", ""), (Strings{"Anna SCHMIDT"}));
  EXPECT_EQ(sign_off_name(Names(), "Ludwig van Beethoven", ""), (Strings{"Ludwig van Beethoven"}));
  // One word alone, labels, places, phrases and sentences are no sign-off.
  EXPECT_EQ(sign_off_name(Names(), "Benni", ""), Strings{});
  EXPECT_EQ(sign_off_name(Names(), "In This Issue", ""), Strings{});
  EXPECT_EQ(sign_off_name(Names(), "Flags of Europe", ""), Strings{});
  EXPECT_EQ(sign_off_name(Names(), "Cheshire, CT", ""), Strings{});
  EXPECT_EQ(sign_off_name(Names(), "Visa Categories:", ""), Strings{});
  EXPECT_EQ(sign_off_name(Names(), "Thanks for reading", ""), Strings{});
  EXPECT_EQ(sign_off_name(Names(), "Jane Doe\nShe went home. Then she slept.", ""), Strings{});
  EXPECT_EQ(sign_off_name(Names(), "Example Times", "Example Times"), Strings{});
}

TEST(MetadataAuthors, ChinesePostedBy) {
  EXPECT_EQ(cjk_posted_by(Names(), "[湖湘文化]陈天华《警世钟》\nggjjzhzz 发表于 2005-9-15 11:46:00", ""),
            (Strings{"ggjjzhzz"}));
  EXPECT_EQ(cjk_posted_by(Names(), "王小明 发布于 2020-01-02", ""), (Strings{"王小明"}));
  EXPECT_EQ(cjk_posted_by(Names(), "本文发表于2020年", ""), Strings{});
}

TEST(MetadataAuthors, ChineseNameLine) {
  EXPECT_EQ(cjk_name_line(Names(), "茉莉", ""), (Strings{"茉莉"}));
  EXPECT_EQ(cjk_name_line(Names(), "赵延东、风笑天", ""), (Strings{"赵延东", "风笑天"}));
  EXPECT_EQ(cjk_name_line(Names(), "[ 黄宇 ]", ""), (Strings{"黄宇"}));
  // Labels, organisations, longer words and sentences are no names.
  EXPECT_EQ(cjk_name_line(Names(), "来源", ""), Strings{});
  EXPECT_EQ(cjk_name_line(Names(), "公告", ""), Strings{});
  EXPECT_EQ(cjk_name_line(Names(), "简介", ""), Strings{});
  EXPECT_EQ(cjk_name_line(Names(), "新华社", ""), Strings{});
  EXPECT_EQ(cjk_name_line(Names(), "社会资本与再就业", ""), Strings{});
  EXPECT_EQ(cjk_name_line(Names(), "茉莉说", ""), (Strings{"茉莉说"}));  // 3 characters: a pen name
  EXPECT_EQ(cjk_name_line(Names(), "茉莉：我是怎样卷入的", ""), Strings{});
}

TEST(MetadataAuthors, CopyrightHolders) {
  EXPECT_EQ(copyright_holder(Names(), "Copyright (c) 2012- Jane Doe. All rights reserved. Design by "
                             "Example Templates.", ""),
            (Strings{"Jane Doe"}));
  EXPECT_EQ(copyright_holder(Names(), "(c) Jane Doe \u2022 Weitere Rechte siehe Impressum", ""),
            (Strings{"Jane Doe"}));
  EXPECT_EQ(copyright_holder(Names(), "Copyright by Stephen B. Doe, 2006, all rights reserved.", ""),
            (Strings{"Stephen B. Doe"}));
  EXPECT_EQ(copyright_holder(Names(), "Copyright \u00a9 \u674e\u5efa\u5fe0", ""),
            (Strings{"\u674e\u5efa\u5fe0"}));
  // Companies, and lines that are no copyright notice.
  EXPECT_EQ(copyright_holder(Names(), "\u00a9 2024 Example Media Ltd. All rights reserved.", ""), Strings{});
  EXPECT_EQ(copyright_holder(Names(), "\u00a9 2020, The Daily Example", ""), Strings{});
  EXPECT_EQ(copyright_holder(Names(), "Copyright and Trade Mark Notice", ""), Strings{});
  EXPECT_EQ(copyright_holder(Names(), "Jane Doe wrote this.", ""), Strings{});
}

// ---------------------------------------------------------------------------
// Title
// ---------------------------------------------------------------------------

TEST(MetadataTitle, SiteNameStripped) {
  EXPECT_EQ(strip_site_name("Headline here | Example Times", "Example Times", ""), "Headline here");
  EXPECT_EQ(strip_site_name("Example Times - Headline here", "Example Times", ""), "Headline here");
  EXPECT_EQ(strip_site_name("Headline – Section – example.com", "", "www.example.com"),
            "Headline – Section");
  EXPECT_EQ(strip_site_name("宇航员在太空中喝酒会怎么样_探索者_光明网", "光明网", ""),
            "宇航员在太空中喝酒会怎么样_探索者");
  // Unknown site: one long part and short labels.
  EXPECT_EQ(strip_site_name("A long and telling headline - Sport - Daily", "", ""),
            "A long and telling headline");
  // A dash inside the headline stays.
  EXPECT_EQ(strip_site_name("Spider-Man returns", "", ""), "Spider-Man returns");
  // A label in CJK brackets closing the title is the site's.
  EXPECT_EQ(strip_site_name("欲張りなイヌ\u3000＜福娘童話集\u3000きょうのイソップ童話＞", "", ""),
            "欲張りなイヌ");
  EXPECT_EQ(strip_site_name("新政策出台【示例网】", "", ""), "新政策出台");
  EXPECT_EQ(strip_site_name("【示例网】", "", ""), "【示例网】");
}


TEST(MetadataTitle, HeadingConfirmedBySources) {
  TitleCandidates c;
  c.og = "Lotte Tobisch ist tot";
  c.title_tag = "Chronik: Lotte Tobisch ist tot - wien.ORF.at";
  c.headings = {"Lotte Tobisch ist tot"};
  EXPECT_EQ(choose_title(c).title, "Lotte Tobisch ist tot");
  EXPECT_EQ(choose_title(c).source, Source::kMarkup);
}

TEST(MetadataTitle, LogoHeadingIgnored) {
  TitleCandidates c;
  c.title_tag = "Headline of the story | Example";
  c.site_name = "Example";
  c.headings = {"Example"};
  EXPECT_EQ(choose_title(c).title, "Headline of the story");
}

TEST(MetadataTitle, MastheadHeadingRepeatingTheSitePartLoses) {
  // "Headline | Site" with the site's name in a masthead <h1> (a blog
  // theme's site title) and the headline in the article's: the longer
  // part is the site's name here.
  TitleCandidates c;
  c.title_tag = "Small sheep | The sheep of the web - a comic strip";
  c.headings = {"The sheep of the web - a comic strip", "Small sheep"};
  c.in_masthead = {true, false};
  EXPECT_EQ(choose_title(c).title, "Small sheep");
  // A masthead heading that is the whole title is the headline.
  c.title_tag = "A headline of the story";
  c.headings = {"A headline of the story", "Small sheep"};
  EXPECT_EQ(choose_title(c).title, "A headline of the story");
  // Outside a masthead, the longest part shown wins as before.
  c.title_tag = "Small sheep | The sheep of the web - a comic strip";
  c.headings = {"The sheep of the web - a comic strip", "Small sheep"};
  c.in_masthead = {false, false};
  EXPECT_EQ(choose_title(c).title, "The sheep of the web - a comic strip");
}

TEST(MetadataTitle, VisibleTextConfirmsATitlePart) {
  TitleCandidates c;
  c.title_tag = "Chelsea hoping to sign Anelka - Soccer - Sport - Breaking News";
  c.texts = {"Soccer", "Chelsea hoping to sign Anelka", "Some paragraph of text here."};
  EXPECT_EQ(choose_title(c).title, "Chelsea hoping to sign Anelka");
}

TEST(MetadataTitle, TheArticlesH1OverAnUnconfirmedMetaTitle) {
  TitleCandidates c;
  c.og = "13 Ways To Compliment Women In The Most Empowering Way";
  c.twitter = c.og;
  c.headline = "The Transformative Power Of Feminist Compliments";
  c.headings = {c.headline};
  EXPECT_EQ(choose_title(c).title, "The Transformative Power Of Feminist Compliments");
  // A section's name is no headline.
  c.headline = "Arbeit";
  c.headings = {c.headline};
  EXPECT_EQ(choose_title(c).title, c.og);
}

TEST(MetadataTitle, SourcesAgreeWithoutHeading) {
  TitleCandidates c;
  c.og = "Riverside library reopens";
  c.title_tag = "Riverside library reopens | Northfield Gazette";
  EXPECT_EQ(choose_title(c).title, "Riverside library reopens");
}

// ---------------------------------------------------------------------------
// Text helpers
// ---------------------------------------------------------------------------

TEST(MetadataText, ComparisonKeyFoldsLikeNfkcCasefold) {
  // Without ICU: ASCII, Latin-1 letters, typographic punctuation.
  EXPECT_EQ(comparison_key("\xc3\x84rger \xc3\xbc" "ber die Stra\xc3\x9f" "e \xe2\x80\x94 "
                           "\xe2\x80\x9eTest\xe2\x80\x9c \xc2\xa9 2024"),
            "\xc3\xa4rger\xc3\xbc" "berdiestrasse" "test2024");
  EXPECT_EQ(comparison_key("\xc3\x89T\xc3\x89 \xc3\x80 PARIS \xc2\xab\xc2\xa0" "Caf\xc3\xa9\xc2\xa0\xc2\xbb"),
            "\xc3\xa9t\xc3\xa9\xc3\xa0paris" "caf\xc3\xa9");
  // Through ICU: a fraction, a superscript, a combining accent, Cyrillic.
  EXPECT_EQ(comparison_key("\xc2\xbd \xc2\xb2"), "122");
  EXPECT_EQ(comparison_key("Cafe\xcc\x81"), "caf\xc3\xa9");
  EXPECT_EQ(comparison_key("\xd0\x9c\xd0\x98\xd0\xa0"), "\xd0\xbc\xd0\xb8\xd1\x80");
  EXPECT_EQ(collapse_space("  a\t b \xc2\xa0 c\xe2\x80\x8b d  "), "a b c d");
}

TEST(MetadataText, SpacesAndEntities) {
  EXPECT_EQ(collapse_space("  a \t b\xc2\xa0 c "), "a b c");
  EXPECT_EQ(collapse_space("Knigh\xe2\x80\x8bt"), "Knight");
  EXPECT_EQ(decode_entities("Tom &amp; Jerry &#8211; &quot;x&quot; &#x27;y&#x27;"),
            "Tom & Jerry \xe2\x80\x93 \"x\" 'y'");
  EXPECT_EQ(comparison_key("Foo — Bar’s"), comparison_key("foo-bars"));
}

// ---------------------------------------------------------------------------
// The stage on whole pages
// ---------------------------------------------------------------------------

Metadata Meta(const std::string& html, PageInfo page = {}) {
  return extract(html, page).metadata;
}

const std::string kBody =
    "<p>The council met on Tuesday evening to discuss the new budget for the coming year, "
    "and the debate went on until well after midnight, with many residents attending.</p>"
    "<p>Several members argued that the library should get more money, while others said "
    "that the roads needed repairs first, and the vote was postponed to next week.</p>"
    "<p>The mayor said she was confident that an agreement would be reached soon, and "
    "thanked everyone who had come to speak at the meeting for their patience.</p>";

TEST(MetadataPage, MetaTagsAndSources) {
  const Metadata m = Meta(
      "<html lang=\"en-GB\"><head><title>Budget vote postponed | Northfield Gazette</title>"
      "<meta property=\"og:title\" content=\"Budget vote postponed\">"
      "<meta property=\"og:site_name\" content=\"Northfield Gazette\">"
      "<meta name=\"author\" content=\"Priya Raman\">"
      "<meta property=\"article:published_time\" content=\"2024-06-08T11:30:00-05:00\">"
      "<meta property=\"article:modified_time\" content=\"2024-06-09T08:00:00-05:00\">"
      "<meta name=\"description\" content=\"The vote was postponed.\">"
      "<meta property=\"og:image\" content=\"/img/council.jpg\">"
      "<meta property=\"article:section\" content=\"Local\">"
      "<meta property=\"article:tag\" content=\"Budget\"><meta property=\"article:tag\" content=\"Council\">"
      "<link rel=\"canonical\" href=\"/local/budget-vote\">"
      "</head><body><article><h1>Budget vote postponed</h1>" +
          kBody + "</article></body></html>",
      PageInfo{"https://gazette.example/local/budget-vote?utm=x", {}, {}});
  EXPECT_EQ(m.title, "Budget vote postponed");
  EXPECT_EQ(m.authors, (Strings{"Priya Raman"}));
  EXPECT_EQ(m.sources.authors, Source::kMeta);
  EXPECT_EQ(m.date, "2024-06-08T11:30:00-05:00");
  EXPECT_EQ(m.sources.date, Source::kMeta);
  EXPECT_EQ(m.date_modified, "2024-06-09T08:00:00-05:00");
  EXPECT_EQ(m.site_name, "Northfield Gazette");
  EXPECT_EQ(m.language, "en");
  EXPECT_EQ(m.sources.language, Source::kMarkup);
  EXPECT_EQ(m.description, "The vote was postponed.");
  EXPECT_EQ(m.image, "https://gazette.example/img/council.jpg");
  EXPECT_EQ(m.url, "https://gazette.example/local/budget-vote");
  EXPECT_EQ(m.categories, (Strings{"Local"}));
  EXPECT_EQ(m.tags, (Strings{"Budget", "Council"}));
  EXPECT_EQ(m.sources.tags, Source::kMeta);
}

TEST(MetadataPage, TheCanonicalUrlsHostNamesTheSiteWithoutAPageUrl) {
  // The site's logo is the only <h1> and the <title> ends with its name;
  // no og:site_name. The host of the canonical URL tells the logo from the
  // headline when the caller gives no URL, as the page's URL does.
  const std::string page =
      "<html><head><title>Lens back in stock at last | Fotorumors</title>"
      "<link rel=\"canonical\" href=\"https://www.fotorumors.example/lens-back-in-stock/\">"
      "</head><body><header><h1 id=\"logo\"><a href=\"/\">Fotorumors</a></h1></header>"
      "<div class=\"post\">" +
      kBody + "</div></body></html>";
  EXPECT_EQ(Meta(page).title, "Lens back in stock at last");
  EXPECT_EQ(Meta(page, PageInfo{"https://www.fotorumors.example/lens-back-in-stock/", {}, {}}).title,
            "Lens back in stock at last");
}

TEST(MetadataPage, JsonLdDateAgainstTheVisibleByline) {
  // JSON-LD states one day, the byline shows another: what the page
  // states for machines wins alone...
  const std::string head =
      "<html><head><title>T</title><script type=\"application/ld+json\">"
      "{\"@type\":\"NewsArticle\",\"headline\":\"Budget vote postponed\","
      "\"datePublished\":\"2024-06-07T23:00:00Z\"}</script></head><body><article>"
      "<h1>Budget vote postponed</h1><p class=\"byline\">By Priya Raman, June 8, 2024</p>";
  Metadata m = Meta(head + kBody + "</article></body></html>");
  EXPECT_EQ(m.date.substr(0, 10), "2024-06-07");
  EXPECT_EQ(m.sources.date, Source::kJsonLd);
  EXPECT_EQ(m.authors, (Strings{"Priya Raman"}));
  // ...but the visible date and the URL together outvote it.
  m = Meta(head + kBody + "</article></body></html>",
           PageInfo{"https://gazette.example/2024/06/08/budget/", {}, {}});
  EXPECT_EQ(m.date.substr(0, 10), "2024-06-08");
}

TEST(MetadataPage, ALocalTimeTakesTheZoneOfTheSameInstant) {
  // One tag gives the local time, another the same instant in UTC: the day
  // shown to readers, with the zone that places it.
  const std::string head =
      "<html><head><title>Budget vote postponed</title>"
      "<meta name=\"sailthru.date\" content=\"2024-06-08 19:30:12\">"
      "<meta property=\"article:published_time\" content=\"2024-06-09T00:30:12+00:00\">";
  const std::string body = "</head><body><article><h1>Budget vote postponed</h1>"
                           "<p class=\"byline\">June 8, 2024 | 7:30pm</p>" + kBody +
                           "</article></body></html>";
  Metadata m = Meta(head + body);
  EXPECT_EQ(m.date, "2024-06-08T19:30:12-05:00");
  // Times of two different moments lend no zone, nor does a creation
  // time whole hours before.
  m = Meta("<html><head><title>Budget vote postponed</title>"
           "<meta name=\"sailthru.date\" content=\"2024-06-08 19:30:12\">"
           "<meta property=\"og:updated_time\" content=\"2024-06-09T00:45:00+00:00\">" +
           body);
  EXPECT_EQ(m.date, "2024-06-08T19:30:12");
  m = Meta("<html><head><title>Budget vote postponed</title>"
           "<meta name=\"sailthru.date\" content=\"2024-06-08 19:30:12\">"
           "<meta itemprop=\"dateCreated\" content=\"2024-06-08T15:30:12Z\">" + body);
  EXPECT_EQ(m.date, "2024-06-08T19:30:12");
}

TEST(MetadataPage, AMagazinesCoverDateIsNotTheArticles) {
  // The cover date above the headline, the online date below it.
  const std::string page =
      "<html><head><title>Lessons from the garden</title></head><body><article>"
      "<p class=\"rubric\"><a href=\"/magazine/2024/06/17\">June 17, 2024 Issue</a></p>"
      "<h1>Lessons from the garden</h1><p class=\"byline\">By Priya Raman</p>"
      "<p>June 9, 2024</p>" + kBody + "</article></body></html>";
  EXPECT_EQ(Meta(page).date, "2024-06-09");
  // A URL with the cover date and the date stated for machines disagree:
  // the statement and the online date win.
  const std::string stated =
      "<html><head><title>Lessons from the garden</title><script type=\"application/ld+json\">"
      "{\"@type\":\"Article\",\"datePublished\":\"2024-06-09T10:00:00Z\"}</script>" +
      page.substr(page.find("</head>"));
  EXPECT_EQ(
      Meta(stated, PageInfo{"https://mag.example/magazine/2024/06/17/garden", {}, {}}).date,
      "2024-06-09T10:00:00Z");
  // A print article with no other date: the cover date is its date.
  EXPECT_EQ(Meta("<html><head><title>Lessons from the garden</title></head><body><article>"
                 "<h1>Lessons from the garden</h1><p>June 17, 2024 issue</p>" + kBody +
                 "</article></body></html>").date,
            "2024-06-17");
}

TEST(MetadataPage, SidebarWithManyDates) {
  const Metadata m = Meta(
      "<html><head><title>Budget vote postponed</title></head><body>"
      "<div class=\"sidebar\"><h3>Latest</h3><ul>"
      "<li><a href=\"/a\">Older story</a> <span class=\"date\">1 May 2024</span></li>"
      "<li><a href=\"/b\">Other story</a> <span class=\"date\">2 May 2024</span></li>"
      "<li><a href=\"/c\">Third story</a> <span class=\"date\">3 May 2024</span></li></ul></div>"
      "<article><h1>Budget vote postponed</h1><p class=\"meta\">8 June 2024</p>" +
      kBody +
      "</article><aside class=\"related\"><h3>Related</h3><ul>"
      "<li><a href=\"/d\">Story D</a> <time datetime=\"2024-06-01\">1 June</time></li>"
      "<li><a href=\"/e\">Story E</a> <time datetime=\"2024-06-02\">2 June</time></li>"
      "</ul></aside></body></html>");
  EXPECT_EQ(m.date, "2024-06-08");
}

TEST(MetadataPage, OnlyAnUpdatedDate) {
  const Metadata m = Meta(
      "<html><head><title>Budget vote postponed</title></head><body><article>"
      "<h1>Budget vote postponed</h1><p>Updated: June 9, 2024</p>" +
      kBody + "</article></body></html>");
  EXPECT_EQ(m.date_modified, "2024-06-09");
  EXPECT_EQ(m.date, "2024-06-09");  // the only date the page gives
}

TEST(MetadataPage, UpdatedIsNotPublished) {
  const Metadata m = Meta(
      "<html><head><title>Budget vote postponed</title></head><body><article>"
      "<h1>Budget vote postponed</h1><p>Published June 8, 2024. Updated June 9, 2024</p>" +
      kBody + "</article></body></html>");
  EXPECT_EQ(m.date, "2024-06-08");
  EXPECT_EQ(m.date_modified, "2024-06-09");
}

TEST(MetadataPage, CommentDatesAndCopyrightIgnored) {
  const Metadata m = Meta(
      "<html><head><title>Budget vote postponed</title></head><body><article>"
      "<h1>Budget vote postponed</h1><p class=\"byline\">By Priya Raman</p>" +
      kBody +
      "</article><div id=\"comments\"><div class=\"comment\"><span class=\"author\">Troll</span>"
      "<time datetime=\"2024-06-10\">June 10, 2024</time><p>First!</p></div></div>"
      "<footer><p>© 2024 Northfield Gazette</p></footer></body></html>");
  EXPECT_EQ(m.date, "");
  EXPECT_EQ(m.authors, (Strings{"Priya Raman"}));
}

TEST(MetadataPage, SeveralAuthorsWithRolesAndAPhotographer) {
  const Metadata m = Meta(
      "<html><head><title>A century of storms</title></head><body><article>"
      "<h1>A century of storms</h1>"
      "<div class=\"byline\">By Maren Holt, Senior Correspondent, and Tomás Reyes, Staff "
      "Writer | Photographs by Lena Kraus</div>" +
      kBody + "</article></body></html>");
  EXPECT_EQ(m.authors, (Strings{"Maren Holt", "Tomás Reyes"}));
}

TEST(MetadataPage, TwitterLabelAndDataName) {
  // "Verfasst von" / "Written by" over twitter:data1 names the author; the
  // reading time beside it is no name.
  const std::string head =
      "<html lang=\"de\"><head><title>Budget vote postponed</title>"
      "<meta name=\"twitter:label1\" content=\"Verfasst von\">"
      "<meta name=\"twitter:data1\" content=\"Priya Raman\">"
      "<meta name=\"twitter:label2\" content=\"Geschätzte Lesezeit\">"
      "<meta name=\"twitter:data2\" content=\"3 Minuten\">";
  Metadata m = Meta(head + "</head><body><article><h1>Budget vote postponed</h1>" + kBody +
                    "</article></body></html>");
  EXPECT_EQ(m.authors, (Strings{"Priya Raman"}));
  EXPECT_EQ(m.sources.authors, Source::kMeta);
  // The account that posted gives way to the byline the readers see.
  m = Meta(head + "</head><body><article><h1>Budget vote postponed</h1>"
                  "<p class=\"byline\">By Tomás Reyes</p>" +
           kBody + "</article></body></html>");
  EXPECT_EQ(m.authors, (Strings{"Tomás Reyes"}));
}

TEST(MetadataPage, TwitterCreatorWhenItIsAName) {
  const std::string top = "<html><head><title>Budget vote postponed</title>";
  const std::string body =
      "</head><body><article><h1>Budget vote postponed</h1>" + kBody + "</article></body></html>";
  EXPECT_EQ(Meta(top + "<meta name=\"twitter:creator\" content=\"quill42\">" + body).authors,
            (Strings{"quill42"}));
  // An @handle is an account (often the site's own), not a name.
  EXPECT_EQ(Meta(top + "<meta name=\"twitter:creator\" content=\"@quill42\">" + body).authors,
            Strings{});
  // The byline readers see wins.
  EXPECT_EQ(Meta(top + "<meta name=\"twitter:creator\" content=\"quill42\">"
                       "</head><body><article><h1>Budget vote postponed</h1>"
                       "<p class=\"byline\">By Priya Raman</p>" +
                 kBody + "</article></body></html>")
                .authors,
            (Strings{"Priya Raman"}));
}

TEST(MetadataPage, ANewsroomOnlyWhenNoOneSigns) {
  const std::string top =
      "<html lang=\"de\"><head><title>Budget vote postponed</title></head><body><article>"
      "<h1>Budget vote postponed</h1><p class=\"byline author\">von Redaktion</p>";
  EXPECT_EQ(Meta(top + kBody + "</article></body></html>").authors, (Strings{"Redaktion"}));
  // A person named anywhere near the headline wins over the newsroom.
  EXPECT_EQ(Meta(top + "<p>Von Anna Schmidt</p>" + kBody + "</article></body></html>").authors,
            (Strings{"Anna Schmidt"}));
}

TEST(MetadataPage, CitationAuthorsOverAPublisherInTheAuthorTag) {
  const Metadata m = Meta(
      "<html><head><title>Budget vote postponed</title>"
      "<meta name=\"author\" content=\"Example Journals, Example Publishers\">"
      "<meta name=\"citation_authors\" content=\"Priya Raman\">"
      "</head><body><article><h1>Budget vote postponed</h1>" +
      kBody + "</article></body></html>");
  EXPECT_EQ(m.authors, (Strings{"Priya Raman"}));
}

TEST(MetadataPage, APersonNamedLikeTheSiteIsThePublication) {
  // JSON-LD names the paper as its "Person"; the visible byline names the
  // reporter.
  const std::string ld =
      "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\","
      "\"headline\":\"Budget vote postponed\",\"author\":{\"@type\":\"Person\","
      "\"name\":\"North Field\"},\"publisher\":{\"@type\":\"Organization\","
      "\"name\":\"NorthField.com\"}}</script>";
  Metadata m = Meta("<html><head><title>Budget vote postponed</title>" + ld +
                    "</head><body><article><h1>Budget vote postponed</h1>"
                    "<p class=\"byline\">By Priya Raman</p>" +
                    kBody + "</article></body></html>");
  EXPECT_EQ(m.authors, (Strings{"Priya Raman"}));
  // Without a person the publication's name is what there is.
  m = Meta("<html><head><title>Budget vote postponed</title>" + ld +
           "</head><body><article><h1>Budget vote postponed</h1>" + kBody +
           "</article></body></html>");
  EXPECT_EQ(m.authors, (Strings{"North Field"}));
}

TEST(MetadataPage, TheSitesOwnNameOnlyWhenNothingElseIsNamed) {
  const std::string head =
      "<html><head><title>Budget vote postponed</title>"
      "<meta property=\"og:site_name\" content=\"Northfield Gazette\">"
      "<meta name=\"author\" content=\"Northfield Gazette\">";
  const std::string top = "</head><body><article><h1>Budget vote postponed</h1>";
  // The author field names the site and nothing else does: the site.
  EXPECT_EQ(Meta(head + top + kBody + "</article></body></html>").authors,
            (Strings{"Northfield Gazette"}));
  // A byline "von <the site's name>" names it too (a blog named after its
  // writer's login).
  EXPECT_EQ(Meta("<html><head><title>Budget vote postponed</title>"
                 "<meta property=\"og:site_name\" content=\"Zahlenfee\">" +
                 top + "<h4 class=\"vcard author\">von <span class=\"fn\">zahlenfee</span></h4>" +
                 kBody + "</article></body></html>")
                .authors,
            (Strings{"zahlenfee"}));
  // Another organisation (an agency, the newsroom) over the site's name.
  const std::string ld =
      "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\","
      "\"headline\":\"Budget vote postponed\",\"author\":{\"@type\":\"Organization\","
      "\"name\":\"Example Press Agency\"}}</script>";
  EXPECT_EQ(Meta(head + ld + top + kBody + "</article></body></html>").authors,
            (Strings{"Example Press Agency"}));
  // A person named anywhere wins, even in a byline line far down the
  // article, read only when nothing but the site is named.
  std::string far = head + top;
  for (int i = 0; i < 6; ++i) far += kBody;
  far += "<p><strong>By Priya Raman</strong></p>";
  for (int i = 0; i < 3; ++i) far += kBody;
  EXPECT_EQ(Meta(far + "</article></body></html>")
                .authors,
            (Strings{"Priya Raman"}));
}

TEST(MetadataPage, AnAuthorBoxUnderTheHeadlineIsTheByline) {
  const Metadata m = Meta(
      "<html><head><title>Budget vote postponed</title></head><body><article>"
      "<h1>Budget vote postponed</h1><div class=\"author-box\"><span class=\"author\">Priya "
      "Raman</span> <time datetime=\"2024-06-08\">8 June 2024</time></div>" +
      kBody + "</article></body></html>");
  EXPECT_EQ(m.authors, (Strings{"Priya Raman"}));
}

TEST(MetadataPage, APersonalSitesOwnerFromItsCopyright) {
  const std::string page =
      "<html><head><title>Budget vote postponed</title></head><body><article>"
      "<h1>Budget vote postponed</h1>" +
      kBody + "</article><footer><p>Copyright (c) 2012- Priya Raman. All rights reserved. "
              "Design by <a href=\"/t\">Example Templates</a>.</p></footer></body></html>";
  EXPECT_EQ(Meta(page).authors, (Strings{"Priya Raman"}));
  // A byline wins over the copyright's holder.
  std::string signed_page = page;
  signed_page.insert(signed_page.find("</h1>") + 5, "<p class=\"byline\">By Tomás Reyes</p>");
  EXPECT_EQ(Meta(signed_page).authors, (Strings{"Tomás Reyes"}));
  // The copyright <meta>.
  EXPECT_EQ(Meta("<html><head><title>Budget vote postponed</title>"
                 "<meta name=\"copyright\" content=\"Priya Raman\"></head><body><article>"
                 "<h1>Budget vote postponed</h1>" +
                 kBody + "</article></body></html>")
                .authors,
            (Strings{"Priya Raman"}));
}

TEST(MetadataPage, TheTranslatorWhoPostedIsNoAuthor) {
  // The account that posted (JSON-LD, twitter:data1) is the translator's,
  // as the line under the byline says.
  const Metadata m = Meta(
      "<html lang=\"de\"><head><title>Budget vote postponed</title>"
      "<meta name=\"twitter:label1\" content=\"Verfasst von\">"
      "<meta name=\"twitter:data1\" content=\"jane-roe\">"
      "<script type=\"application/ld+json\">{\"@type\":\"Article\",\"headline\":\"Budget "
      "vote postponed\",\"author\":{\"@type\":\"Person\",\"name\":\"jane-roe\"}}</script>"
      "</head><body><article><h1>Budget vote postponed</h1>"
      "<h3>A subtitle that says what the article is about, in one sentence.</h3>"
      "<p>Autor Priya Raman:</p>"
      "<p>Übersetzung <a href=\"/author/jane-roe/\">Jane-Roe Example</a>, 12.12.22</p>" +
      kBody + "</article></body></html>");
  EXPECT_EQ(m.authors, (Strings{"Priya Raman"}));
  EXPECT_EQ(picture_or_translation_credit(Names(), "Übersetzung Jane Roe, 12.12.22"),
            (Strings{"Jane Roe"}));
  EXPECT_EQ(picture_or_translation_credit(Names(), "Fotos: Sam Lens"), (Strings{"Sam Lens"}));
  EXPECT_EQ(picture_or_translation_credit(Names(), "Von Jane Roe"), Strings{});
}

TEST(MetadataPage, ANameUnderAPictureCreditsIt) {
  // The picture's licence line is marked "author-name"; the byline is
  // further down, after the standfirst.
  const Metadata m = Meta(
      "<html><head><title>Budget vote postponed</title></head><body><article>"
      "<h1>Budget vote postponed</h1><div class=\"img-holder\"><img src=\"/council.jpg\">"
      "<div class=\"license\"><span class=\"author-name\">Sam Lens</span></div></div>"
      "<h3>A subtitle that says what the article is about, in one sentence.</h3>"
      "<div class=\"author\"><p>By Priya Raman</p></div>" +
      kBody + "</article></body></html>");
  EXPECT_EQ(m.authors, (Strings{"Priya Raman"}));
}

TEST(MetadataPage, TheBlogsAuthorAnsweringInTheComments) {
  const std::string comments =
      "<ol class=\"commentlist\"><li class=\"comment even depth-1\"><div "
      "class=\"comment-author vcard\"><cite class=\"fn\">Troll</cite></div><p>First! What a "
      "long and pointless meeting that must have been.</p><ul class=\"children\"><li "
      "class=\"comment byuser comment-author-praman bypostauthor odd depth-2\"><div "
      "class=\"comment-author vcard\"><cite class=\"fn\">Priya Raman</cite></div><p>Thanks "
      "for reading, and for the kind words about the council.</p></li></ul></li></ol>";
  const std::string page =
      "<html><head><title>Budget vote postponed</title></head><body><article>"
      "<h1>Budget vote postponed</h1>" +
      kBody + "</article><div id=\"comments\">" + comments + "</div></body></html>";
  EXPECT_EQ(Meta(page).authors, (Strings{"Priya Raman"}));
  // Comments without the post's author name no one.
  std::string others = page;
  others.replace(others.find(" bypostauthor"), 13, "");
  EXPECT_EQ(Meta(others).authors, Strings{});
}

TEST(MetadataPage, ABylineShowingTheFirstOfACreditsList) {
  // The author field lists the writer, then the photographer, the models
  // and the stylists; the byline shows the writer.
  const std::string head =
      "<html><head><title>Budget vote postponed</title>"
      "<meta name=\"author\" content=\"Priya Raman,Sam Lens,Ann Model at Example Models,"
      "Tom Stylist for Example Brand\"></head><body><article><h1>Budget vote postponed</h1>";
  EXPECT_EQ(Meta(head + "<p class=\"byline\">By Priya Raman</p>" + kBody +
                 "</article></body></html>")
                .authors,
            (Strings{"Priya Raman"}));
  // A paper shows each of its authors under the title: the whole list.
  const std::string paper =
      "<html><head><title>Budget vote postponed</title>"
      "<meta name=\"citation_author\" content=\"Priya Raman\">"
      "<meta name=\"citation_author\" content=\"Tomás Reyes\">"
      "<meta name=\"citation_author\" content=\"Maren Holt\"></head><body><article>"
      "<h1>Budget vote postponed</h1><div class=\"authors\"><span class=\"author\">Priya "
      "Raman</span>, <span class=\"author\">Tomás Reyes</span>, <span class=\"author\">Maren "
      "Holt</span></div>";
  EXPECT_EQ(Meta(paper + kBody + "</article></body></html>").authors,
            (Strings{"Priya Raman", "Tomás Reyes", "Maren Holt"}));
}

TEST(MetadataPage, AMetaAuthorNamedLikeTheHostIsThePublication) {
  const Metadata m = Meta(
      "<html><head><title>Budget vote postponed</title>"
      "<meta name=\"author\" content=\"NorthField\"></head><body><article>"
      "<h1>Budget vote postponed</h1><p class=\"byline\">Por P. RAMAN / J. R. DA SILVA</p>" +
          kBody + "</article></body></html>",
      PageInfo{"https://www.northfield.com.uy/politica/budget", {}, {}});
  EXPECT_EQ(m.authors, (Strings{"P. RAMAN", "J. R. DA SILVA"}));
}

TEST(MetadataPage, AnAuthorLinkInRunningProseIsNoByline) {
  const Metadata m = Meta(
      "<html><head><title>Budget vote postponed</title></head><body><article>"
      "<h1>Budget vote postponed</h1><p>What did the council think? The budget that "
      "<a href=\"https://quotes.example/person.php?author=Smith,Adam\">Adam Smith</a> "
      "would have written was not on the table.</p>" +
      kBody + "<p>Text: Priya Raman</p></article></body></html>");
  EXPECT_EQ(m.authors, (Strings{"Priya Raman"}));
  // A sentence opening with the link is prose too.
  const std::string top =
      "<html><head><title>Budget vote postponed</title></head><body><article>"
      "<h1>Budget vote postponed</h1>";
  EXPECT_EQ(Meta(top + "<p><a href=\"/people/adam-smith\">Adam Smith</a> was married when he "
                       "wrote the book, and he wanted all of its money to go to the council's "
                       "library.</p>" +
                 kBody + "</article></body></html>")
                .authors,
            Strings{});
  // A byline marker before it, or a line of its own, is a byline.
  EXPECT_EQ(Meta(top + "<p>By <a href=\"/people/priya-raman\">Priya Raman</a>. The council met "
                       "again on Wednesday, and the vote on the budget was postponed once "
                       "more.</p>" +
                 kBody + "</article></body></html>")
                .authors,
            (Strings{"Priya Raman"}));
  EXPECT_EQ(Meta(top + "<p><a href=\"/people/priya-raman\">Priya Raman</a>, <a "
                       "href=\"/people/tomas-reyes\">Tomás Reyes</a>, <a "
                       "href=\"/people/maren-holt\">Maren Holt</a>, <a "
                       "href=\"/people/lena-kraus\">Lena Kraus</a>, <a "
                       "href=\"/people/anna-schmidt\">Anna Schmidt</a><br>Institute of Budget "
                       "Studies, Northfield University, 12 Example Road, Northfield, NF1 2AB, "
                       "United Kingdom.</p>" +
                 kBody + "</article></body></html>")
                .authors,
            (Strings{"Priya Raman", "Tomás Reyes", "Maren Holt", "Lena Kraus", "Anna Schmidt"}));
}

TEST(MetadataPage, ADeskEveryoneAgreesOnOverPeopleTheArticleLinksTo) {
  const std::string head =
      "<html><head><title>Budget vote postponed</title>"
      "<meta name=\"author\" content=\"Example News Desk\">"
      "<meta name=\"parsely-author\" content=\"Example News Desk\">"
      "</head><body><article><h1>Budget vote postponed</h1>";
  const std::string linked =
      "<p>With <a href=\"/people/priya-raman\">Priya Raman</a></p>";
  EXPECT_EQ(Meta(head + "<p class=\"byline\">By Example News Desk</p>" + linked + kBody +
                 "</article></body></html>")
                .authors,
            (Strings{"Example News Desk"}));
  // A person in the byline still wins over the desk.
  EXPECT_EQ(Meta(head + "<p class=\"byline\">By Priya Raman</p>" + kBody +
                 "</article></body></html>")
                .authors,
            (Strings{"Priya Raman"}));
}

TEST(MetadataPage, ANameSigningTheArticleOff) {
  const Metadata m = Meta(
      "<html><head><title>Budget vote postponed</title></head><body><article>"
      "<h1>Budget vote postponed</h1>" +
      kBody + "<p>Priya Raman<br>8. Juni 2024</p></article><footer>Impressum</footer></body></html>");
  EXPECT_EQ(m.authors, (Strings{"Priya Raman"}));
}

TEST(MetadataPage, ClosingCreditsAsLabelAndName) {
  const Metadata m = Meta(
      "<html><head><title>Budget vote postponed</title></head><body><article>"
      "<h1>Budget vote postponed</h1>" +
      kBody + "<div class=\"credits\"><div>Interview</div><div>PRIYA RAMAN</div>"
              "<div>Fotograf</div><div>TOMÁS REYES</div></div></article></body></html>");
  EXPECT_EQ(m.authors, (Strings{"PRIYA RAMAN"}));
  EXPECT_TRUE(is_credit_label("Interview:"));
  EXPECT_FALSE(is_credit_label("Interview mit Priya Raman"));
}

TEST(MetadataPage, MicrodataAndRelAuthor) {
  const Metadata m = Meta(
      "<html><head><title>Budget vote postponed</title></head><body>"
      "<article itemscope itemtype=\"https://schema.org/NewsArticle\">"
      "<h1 itemprop=\"headline\">Budget vote postponed</h1>"
      "<span itemprop=\"author\" itemscope itemtype=\"https://schema.org/Person\">"
      "<a rel=\"author\" href=\"/people/priya\"><span itemprop=\"name\">Priya Raman</span></a></span>"
      "<time itemprop=\"datePublished\" datetime=\"2024-06-08\">8 June</time>" +
      kBody + "</article></body></html>");
  EXPECT_EQ(m.authors, (Strings{"Priya Raman"}));
  EXPECT_EQ(m.date, "2024-06-08");
  EXPECT_EQ(m.sources.date, Source::kMarkup);
}

TEST(MetadataPage, DateFromTheUrl) {
  const Metadata m = Meta(
      "<html><head><title>Budget vote postponed</title></head><body><article>"
      "<h1>Budget vote postponed</h1>" +
          kBody + "</article></body></html>",
      PageInfo{"https://gazette.example/2021/12/02/budget/", {}, {}});
  EXPECT_EQ(m.date, "2021-12-02");
  EXPECT_EQ(m.sources.date, Source::kUrl);
}

TEST(MetadataPage, ImpossibleDatesRejected) {
  const std::string page =
      "<html><head><title>Budget vote postponed</title>"
      "<meta property=\"article:published_time\" content=\"2031-01-01\"></head><body><article>"
      "<h1>Budget vote postponed</h1><p>12 May 1988</p>" +
      kBody + "</article></body></html>";
  PageInfo info;
  info.reference_date = "2024-06-10";
  const Metadata m = Meta(page, info);
  EXPECT_EQ(m.date, "");  // after the reference date; before 1995 in text
}

TEST(MetadataPage, RelativeDateNeedsAReference) {
  const std::string page =
      "<html><head><title>Budget vote postponed</title></head><body><article>"
      "<h1>Budget vote postponed</h1><p>2 days ago</p>" +
      kBody + "</article></body></html>";
  EXPECT_EQ(Meta(page).date, "");
  PageInfo info;
  info.reference_date = "2024-06-10";
  EXPECT_EQ(Meta(page, info).date, "2024-06-08");
}

TEST(MetadataPage, NonEnglishByline) {
  const Metadata m = Meta(
      "<html lang=\"de\"><head><title>Haushalt vertagt</title></head><body><article>"
      "<h1>Haushalt vertagt</h1><p>Von Anna Schmidt und Max Muster | 2. Dezember 2021</p>"
      "<p>Der Rat hat am Dienstagabend über den neuen Haushalt beraten, und die Debatte "
      "dauerte bis weit nach Mitternacht, viele Bürgerinnen und Bürger waren dabei.</p>"
      "</article></body></html>");
  EXPECT_EQ(m.authors, (Strings{"Anna Schmidt", "Max Muster"}));
  EXPECT_EQ(m.sources.authors, Source::kText);
  EXPECT_EQ(m.date, "2021-12-02");
  EXPECT_EQ(m.sources.date, Source::kText);
}

const std::string kZhBody =
    "<p>一九八九年四月，我在湖南张家界开一个全省教学研究会议。按照惯例，会议安排了一天时间，"
    "让与会者游览风景区，大家都很高兴，一路上谈笑风生，直到傍晚才回到宾馆。</p>"
    "<p>第二天早上，我们从广播里听到了消息，会场里的气氛一下子变了，很多人都在低声议论，"
    "会议的议程也因此推迟了半天，主持人不得不重新安排了发言的顺序。</p>";

TEST(MetadataPage, ChineseNameLineUnderTheHeadline) {
  const Metadata m = Meta(
      "<html><head><title>我是怎样卷入的</title></head><body><div>"
      "<h1>我是怎样卷入的</h1><p>茉莉</p>" + kZhBody + "</div></body></html>");
  EXPECT_EQ(m.authors, (Strings{"茉莉"}));
  EXPECT_EQ(m.sources.authors, Source::kText);
}

TEST(MetadataPage, ChineseNameLineAboveASubtitle) {
  const Metadata m = Meta(
      "<html><head><title>犬儒病</title></head><body><div>"
      "<h1>犬儒病</h1><p>胡平</p><p>——当代中国的精神危机</p>" + kZhBody + "</div></body></html>");
  EXPECT_EQ(m.authors, (Strings{"胡平"}));
}

TEST(MetadataPage, ChineseCreditsAcrossLines) {
  // The reporter closing the last paragraph wins over the editor under it.
  const Metadata a = Meta(
      "<html><head><title>绿色工厂名单公布</title></head><body><div><h1>绿色工厂名单公布</h1>" +
      kZhBody + "<p>我省将持续优化政策环境，推动工业高质量发展。（记者 胡晓蓉）</p>"
      "<div>责任编辑：孙重远</div></div></body></html>");
  EXPECT_EQ(a.authors, (Strings{"胡晓蓉"}));
  // A marker on a line of its own credits the names on the next line.
  const Metadata b = Meta(
      "<html><head><title>谁来埋单</title></head><body><div><h1>谁来埋单</h1>"
      "<p>本报实习生</p><p>刘国栋 周炜</p><p>本报记者</p><p>王燕平 方云凤</p>" +
      kZhBody + "</div></body></html>");
  EXPECT_EQ(b.authors, (Strings{"刘国栋", "周炜", "王燕平", "方云凤"}));
}

TEST(MetadataPage, ArticleHeaderDateIsNotTheMastheads) {
  const Metadata m = Meta(
      "<html><head><title>Budget vote postponed</title></head><body>"
      "<header><p>Press release</p><p>12.12.2022 12:22</p></header><article>"
      "<h1>Budget vote postponed</h1>" + kBody +
      "<ul class=\"related\"><li>10.08.2022 Older news</li></ul></article></body></html>");
  EXPECT_EQ(m.date.substr(0, 10), "2022-12-12");
}

TEST(MetadataPage, DateBesideTheBreadcrumbOverTheHeadline) {
  // The article's header shares a line between the trail to its section
  // and its date; a trail elsewhere on the page is still navigation.
  const Metadata m = Meta(
      "<html><head><title>Budget vote postponed</title></head><body>"
      "<nav class=\"breadcrumbs\"><a href=\"/\">Home</a> <time datetime=\"2019-01-01\">"
      "1 Jan 2019</time></nav><article><div class=\"header\">"
      "<div class=\"breadcrumbs\"><a href=\"/local\">Local</a> <span>&#xB7;</span> "
      "<time datetime=\"2016-10-03T16:35:39Z\">Posted on 3 Oct 2016</time></div>"
      "<h1>Budget vote postponed</h1></div>" + kBody + "</article></body></html>");
  EXPECT_EQ(m.date, "2016-10-03T16:35:39Z");
}

TEST(MetadataPage, BreadcrumbAndLogoAltAreNoHeadline) {
  // No <h1>: the <title>'s parts are "Story | Site Section"; the trail and
  // the logo's alt text repeat the section, the story's own line its
  // headline part. Neither of the first two is the title.
  const Metadata m = Meta(
      "<html><head><title>The greedy dog | Fable Corner Weekly Fables</title></head><body>"
      "<div><img src=\"/logo.png\" alt=\"Fable Corner Weekly Fables\">"
      "<p>Fable Corner &gt; Weekly Fables</p></div><div><p>The greedy dog</p>" + kBody +
      "</div></body></html>");
  EXPECT_NE(m.title, "Fable Corner Weekly Fables");
  EXPECT_NE(m.title, "Fable Corner > Weekly Fables");
  const Metadata t = Meta(
      "<html><head><title>The greedy dog | Fable Corner Weekly Fables</title></head><body>"
      "<div><p>Fable Corner &gt; Weekly Fables</p></div><div><p>The greedy dog</p>" + kBody +
      "</div></body></html>");
  EXPECT_NE(t.title, "Fable Corner > Weekly Fables");
}

TEST(MetadataPage, AnH2OpeningTheArticleIsItsHeadline) {
  // No <h1>, a <title> naming only the site and section: the heading that
  // opens the article is its headline.
  const Metadata m = Meta(
      "<html><head><title>Valley Sports Wire - Hockey</title></head><body>"
      "<div class=\"menu\"><a href=\"/\">Home</a> <a href=\"/hockey\">Hockey</a></div>"
      "<div><h2>Riverside names two captains for the winter classic</h2>" + kBody + kBody +
      "</div></body></html>");
  EXPECT_EQ(m.title, "Riverside names two captains for the winter classic");
  // One of several headings of its level is a section's: the <title> stays.
  const Metadata t = Meta(
      "<html><head><title>Lazy loading of images with alt text</title></head><body><div>"
      "<h2>Test case number one</h2>" + kBody + "<h2>Test case number two</h2>" + kBody +
      "</div></body></html>");
  EXPECT_EQ(t.title, "Lazy loading of images with alt text");
}

TEST(MetadataPage, LaterDateInTheLastLinesIsNoOriginal) {
  const Metadata m = Meta(
      "<html lang=\"de\"><head><title>Daten gehackt</title></head><body><article>"
      "<h1>Daten gehackt</h1><p>Stand: 28.04.2020 18:00 Uhr</p>" + kBody + kBody + kBody +
      kBody + kBody +
      "<p>Über dieses Thema berichtete das Radio am 29. April 2020 um 09:53 Uhr.</p>"
      "</article></body></html>");
  EXPECT_EQ(m.date, "2020-04-28T18:00");
}

TEST(MetadataPage, APagesLastEditBelowTheArticle) {
  // A wiki page: the only date near the headline is one it announces; the
  // line under the page says when it was last edited.
  const std::string wiki =
      "<html lang=\"de\"><head><title>Stammtisch</title></head><body><div id=\"content\">"
      "<h1>Stammtisch</h1><p>Der nächste Stammtisch findet am Mi. 5. Februar 2020 ab 19 Uhr "
      "statt.</p>" + kBody + "</div><div id=\"footer\"><ul><li>Diese Seite wurde zuletzt am "
      "29. Januar 2020 um 13:22 Uhr geändert.</li><li><a href=\"/privacy\">Datenschutz</a>"
      "</li></ul></div></body></html>";
  Metadata m = Meta(wiki);
  EXPECT_EQ(m.date, "2020-01-29T13:22");
  EXPECT_EQ(m.date_modified, "2020-01-29T13:22");
  // A byline's date before the last edit is the article's; a feed item's
  // "update" in a sidebar is no edit of the page.
  m = Meta("<html><head><title>Budget vote postponed</title></head><body><article>"
           "<h1>Budget vote postponed</h1><p class=\"byline\">By Priya Raman, June 8, 2024</p>" +
           kBody + "</article><div class=\"sidebar\"><ul><li><a href=\"/x\">Road works: an "
           "update</a> 12 June 2024</li></ul></div><footer><p>This page was last edited on 10 "
           "June 2024, at 09:12.</p></footer></body></html>");
  EXPECT_EQ(m.date, "2024-06-08");
  EXPECT_EQ(m.date_modified, "2024-06-10T09:12");
}

TEST(MetadataPage, ABlogsOwnDatesAreNoArticles) {
  const Metadata m = Meta(
      "<html><head><title>Notes</title></head><body><div class=\"info\"><p>Blog: Notes</p>"
      "<p>Joined: 6 October 2004</p></div><article><p>Posted on 15 September 2005</p>" + kBody +
      "</article></body></html>");
  EXPECT_EQ(m.date, "2005-09-15");
  std::vector<TextDate> d = find_text_dates(Dates(), "建立于:2004年10月6日", NumericOrder::kDayFirst, nullptr);
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].role, DateRole::kOther);
}

TEST(MetadataPage, FirstPublishedLineInTheArticle) {
  // No date near the headline; the guest book's first entry says when.
  const Metadata m = Meta(
      "<html><head><title>Guest book</title></head><body><article><h1>Guest book</h1>" + kBody +
      kBody + kBody + kBody + kBody + "<p>Entry 1, published 2005/05/17 22:11:42 by Jane</p>" +
      kBody + kBody + "<p>Entry 2, published 2005/07/23 10:46:32 by Joe</p></article></body></html>");
  EXPECT_EQ(m.date, "2005-05-17T22:11:42");
}

TEST(MetadataPage, SpaceSeparatedRdfaProperties) {
  const Metadata m = Meta(
      "<html><head><title>Budget vote postponed</title>"
      "<meta property=\"dc:creator twitter:site_name\" content=\"Priya Raman\">"
      "<meta name=\"author\" content=\"webteam\"></head><body><article>"
      "<h1>Budget vote postponed</h1>" + kBody + "</article></body></html>");
  EXPECT_EQ(m.authors, (Strings{"Priya Raman"}));
}

TEST(MetadataPage, ChineseSourceIsAPublication) {
  // "来源：半月谈" names a magazine; the editor is the person the page names.
  const Metadata m = Meta(
      "<html><head><title>武汉的声音</title></head><body><div><h1>武汉的声音</h1>"
      "<p>2020-02-19 20:29:58 来源： 半月谈</p>" + kZhBody +
      "<p>【纠错】 责任编辑： 焦鹏</p></div></body></html>");
  EXPECT_EQ(m.authors, (Strings{"焦鹏"}));
}

TEST(MetadataPage, BylineMarkerOnItsOwnLine) {
  const Metadata m = Meta(
      "<html><head><title>Budget vote postponed</title></head><body><article>"
      "<h1>Budget vote postponed</h1>" + kBody +
      "<div class=\"info\"><div>Von:</div><div>Götz Warnke</div></div></article></body></html>");
  EXPECT_EQ(m.authors, (Strings{"Götz Warnke"}));
}

TEST(MetadataPage, ForumPostByline) {
  // A forum post's "von X am 26/10/13, 03:48 pm": the date's two-digit
  // year no longer leaves the byline unread.
  const Metadata m = Meta(
      "<html lang=\"de\"><head><title>Forums-Regeln</title></head><body><h1>Forums-Regeln</h1>"
      "<div class=\"post\"><p class=\"author\">von lupa am 26/10/13, 03:48 pm</p>"
      "<div class=\"content\">" + kBody + "</div></div></body></html>");
  EXPECT_EQ(m.authors, (Strings{"lupa"}));
  EXPECT_EQ(m.date.substr(0, 10), "2013-10-26");
}

TEST(MetadataPage, LoginReadAsTheNameThatSignsTheArticle) {
  // JSON-LD names a login; the article closes with the writer's name in
  // parentheses, which reads as that login.
  const std::string ld =
      "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":"
      "\"Budget vote postponed\",\"author\":{\"@type\":\"Person\",\"name\":"
      "\"christian.stadtfeld\"}}</script>";
  const Metadata a = Meta(
      "<html><head><title>Budget vote postponed</title>" + ld + "</head><body><article>"
      "<h1>Budget vote postponed</h1>" + kBody +
      "<p>The council meets again next week. (Christian P. Stadtfeld) +++</p></article>"
      "</body></html>");
  EXPECT_EQ(a.authors, (Strings{"Christian P. Stadtfeld"}));
  // A parenthesis that does not read as the login changes nothing, and
  // is no byline of its own (places and organisations close texts so).
  const Metadata b = Meta(
      "<html><head><title>Budget vote postponed</title>" + ld + "</head><body><article>"
      "<h1>Budget vote postponed</h1>" + kBody +
      "<p>The council meets again next week. (Stanford University)</p></article>"
      "</body></html>");
  EXPECT_EQ(b.authors, (Strings{"christian.stadtfeld"}));
  const Metadata c = Meta(
      "<html><head><title>Budget vote postponed</title></head><body><article>"
      "<h1>Budget vote postponed</h1>" + kBody +
      "<p>The council meets again next week. (New York)</p></article></body></html>");
  EXPECT_TRUE(c.authors.empty());
}

TEST(MetadataPage, HeadlineInTheBreadcrumbTrail) {
  // The <h1> sits in the breadcrumb bar; og:title states it whole. A
  // sub-headline in the article does not win over it.
  const Metadata m = Meta(
      "<html><head><title>Pearl dress stolen from the hotel room | Gazette</title>"
      "<meta property=\"og:title\" content=\"Pearl dress stolen from the hotel room\">"
      "<meta name=\"twitter:title\" content=\"Dress ... STOLEN\"></head><body>"
      "<div class=\"breadcrumbs\"><a href=\"/\">Home</a><h1>Pearl dress stolen from the hotel "
      "room</h1></div><article><div class=\"headline\"><h2>Jane Doe</h2><h4 class=\"title\">"
      "Dress ... STOLEN</h4></div>" + kBody + "</article></body></html>");
  EXPECT_EQ(m.title, "Pearl dress stolen from the hotel room");
}

TEST(MetadataPage, FormSentenceIsNoByline) {
  // "By clicking ..." under the article is a form's sentence.
  const Metadata m = Meta(
      "<html><head><title>Budget vote postponed</title></head><body><article>"
      "<h1>Budget vote postponed</h1>" + kBody + "</article><form><p>By clicking \"Submit,\" "
      "you agree to the Privacy Policy and Terms of Use.</p></form></body></html>");
  EXPECT_TRUE(m.authors.empty());
  EXPECT_EQ(clean_authors(Names(), "By clicking Submit, you agree to the Terms", AuthorValue::kText, ""),
            Strings{});
  EXPECT_EQ(clean_authors(Names(), "By Jane Doe", AuthorValue::kText, ""), (Strings{"Jane Doe"}));
}

TEST(MetadataPage, AuthorFieldWithTheSitesAddress) {
  // The site's name, then its city and country: no one is named.
  const Metadata m = Meta(
      "<html><head><title>Budget vote postponed</title>"
      "<meta property=\"og:site_name\" content=\"gazette.example\">"
      "<meta name=\"author\" content=\"gazette.example, Frankfurt, Germany\"></head><body>"
      "<article><h1>Budget vote postponed</h1>" + kBody + "</article></body></html>");
  for (const std::string& a : m.authors) {
    EXPECT_NE(a, "Frankfurt");
    EXPECT_NE(a, "Germany");
  }
}

TEST(MetadataPage, BylineMarkerForScreenReadersOnly) {
  // "By" is hidden for screen readers; the name and date show without it.
  const Metadata m = Meta(
      "<html><head><title>Budget vote postponed</title></head><body><article><header>"
      "<h1>Budget vote postponed</h1><div class=\"meta-info\"><span class=\"label\">Hot!</span>"
      "\n<span class=\"screen-reader-text\">| By </span>\n<span>Priya Raman</span> |\n"
      "<time>June 8, 2024</time></div></header>" + kBody + "</article></body></html>");
  EXPECT_EQ(m.authors, (Strings{"Priya Raman"}));
  // Hidden text that is no byline marker says nothing.
  const Metadata n = Meta(
      "<html><head><title>Budget vote postponed</title></head><body><article><header>"
      "<h1>Budget vote postponed</h1><div class=\"meta-info\"><span class=\"sr-only\">Topic:"
      "</span> <span>Town Hall</span></div></header>" + kBody + "</article></body></html>");
  EXPECT_TRUE(n.authors.empty());
}

TEST(MetadataPage, PictureCreditLabelOnItsOwnLine) {
  // "Foto:" and the photographer in an author-classed element on the next
  // line credit the picture: no author.
  const Metadata m = Meta(
      "<html><head><title>Budget vote postponed</title></head><body><article><figure>"
      "<img src=\"a.jpg\" alt=\"\"><figcaption>The council hall.</figcaption></figure>"
      "<div class=\"credit\"><strong>Foto:</strong><p class=\"autor\">Jaime Ortiz</p></div>"
      "<h1>Budget vote postponed</h1>" + kBody + "</article></body></html>");
  EXPECT_TRUE(m.authors.empty());
}

TEST(MetadataPage, BibliographicCreatorsSurnameFirst) {
  // One DC.Creator per person, surname first: each is one name.
  const Metadata m = Meta(
      "<html><head><title>Budget vote postponed</title>"
      "<meta name=\"DC.Creator\" content=\"Kooman, F.\">"
      "<meta name=\"DC.Creator\" content=\"Jong, Michiel de\"></head><body><article>"
      "<h1>Budget vote postponed</h1>" + kBody + "</article></body></html>");
  EXPECT_EQ(m.authors, (Strings{"F. Kooman", "Michiel de Jong"}));
  // A name and an organisation stay as they are.
  const Metadata n = Meta(
      "<html><head><title>Budget vote postponed</title>"
      "<meta name=\"DC.Creator\" content=\"Priya Raman, AP\"></head><body><article>"
      "<h1>Budget vote postponed</h1>" + kBody + "</article></body></html>");
  EXPECT_EQ(n.authors, (Strings{"Priya Raman"}));
}

TEST(MetadataTitle, BracketedSiteLabelShownOnThePage) {
  // The page shows the bracketed label (the site's section) as text, not
  // the headline: the label is no title.
  const Metadata m = Meta(
      "<html><head><title>欲張りなイヌ\u3000＜福娘童話集\u3000きょうのイソップ童話＞</title></head>"
      "<body><div><p>きょうのイソップ童話</p>" + kZhBody + "</div></body></html>");
  EXPECT_EQ(m.title, "欲張りなイヌ");
}

TEST(MetadataAuthors, WeekdayBeforeTheDateIsNoName) {
  EXPECT_EQ(clean_authors(Names(), "By Jane Doe, Montag, 3. Mai 2021", AuthorValue::kByline, ""),
            (Strings{"Jane Doe"}));
  EXPECT_EQ(clean_authors(Names(), "By jdoe » Wed Jan 21, 2009 5:42 am", AuthorValue::kByline, ""),
            (Strings{"jdoe"}));
  EXPECT_EQ(clean_authors(Names(), "By Jane Doe | Sat 3 May 2021", AuthorValue::kByline, ""),
            (Strings{"Jane Doe"}));
  // Only after a separator: a surname that is also a weekday's short form stays.
  EXPECT_EQ(clean_authors(Names(), "By Wei Sun, May 3, 2021", AuthorValue::kByline, ""),
            (Strings{"Wei Sun"}));
}

TEST(MetadataPage, KickerIsNotTheTitle) {
  const Metadata a = Meta(
      "<html><head><title>Interne Unterlagen im Netz: Daten gehackt und verkauft | Tagblatt</title>"
      "</head><body><article><h1><span class=\"topline\">Interne Unterlagen im Netz</span> "
      "<span>Daten gehackt und verkauft</span></h1>" + kBody + "</article></body></html>");
  EXPECT_EQ(a.title, "Daten gehackt und verkauft");
  // The kicker as a text node's label, unconfirmed by any source.
  const Metadata b = Meta(
      "<html><head><title>Gazette</title></head><body><article><h1><span>Budget</span> "
      "Council vote postponed again</h1>" + kBody + "</article></body></html>");
  EXPECT_EQ(b.title, "Council vote postponed again");
  // A label ending in a colon opens the headline's sentence.
  const Metadata c = Meta(
      "<html><head><title>Gazette</title></head><body><article><h1><span>Editor's Letter:</span> "
      "goodbye to the old office</h1>" + kBody + "</article></body></html>");
  EXPECT_EQ(c.title, "Editor's Letter: goodbye to the old office");
}

TEST(MetadataPage, LanguageCheckedAgainstTheScript) {
  // Declared English, written in Russian.
  const Metadata m = Meta(
      "<html lang=\"en\"><head><title>Библиотека</title></head><body><article><h1>Библиотека</h1>"
      "<p>Областная научная библиотека завершила оцифровку архива местных газет: более "
      "двухсот тысяч страниц теперь можно бесплатно читать на сайте библиотеки.</p>"
      "</article></body></html>");
  EXPECT_EQ(m.language, "ru");
  EXPECT_EQ(m.sources.language, Source::kText);
}

TEST(MetadataPage, LanguageFromFunctionWords) {
  const Metadata m = Meta(std::string("<html><head><title>Budget</title></head><body><article>") +
                          kBody + "</article></body></html>");
  EXPECT_EQ(m.language, "en");
  EXPECT_EQ(m.sources.language, Source::kText);
}

TEST(MetadataPage, ExplainInJson) {
  Result r = extract(
      "<html><head><title>Budget vote postponed</title>"
      "<meta name=\"author\" content=\"Priya Raman\"></head><body><article>"
      "<h1>Budget vote postponed</h1>" +
      kBody + "</article></body></html>");
  JsonOptions o;
  o.full = true;
  const std::string json = render_json(r, o);
  EXPECT_NE(json.find("\"sources\""), std::string::npos);
  EXPECT_NE(json.find("\"authors\":\"meta\""), std::string::npos);
  // Without the option, the keys stay as they were.
  EXPECT_EQ(render_json(r).find("\"sources\""), std::string::npos);
}

}  // namespace
}  // namespace extractor
