// Tests of the metadata stages together, on whole pages written inline: each
// source (JSON-LD, meta, microdata, markup, URL, text), and pages where
// sources disagree. Each stage's own choices are tested in its own file
// (metadata_<stage>_test.cc) without a page.
#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

#include "metadata_test_util.h"

namespace extractor {
namespace {

using namespace test_util;  // NOLINT: the shared helpers

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

TEST(MetadataPage, APagesLastEditBelowTheArticle) {
  Metadata m;
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
