// Unit tests for lib/metadata_jsonld: the article's fields from JSON-LD,
// broken JSON repaired, the right object chosen.
#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

#include "metadata_jsonld.h"
#include "metadata_test_util.h"

namespace extractor {
namespace {

using namespace test_util;  // NOLINT: the shared helpers

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

}  // namespace
}  // namespace extractor
