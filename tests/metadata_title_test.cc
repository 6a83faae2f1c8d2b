// Unit tests for lib/metadata_title: the site's name stripped from titles, and
// choose_title() over hand-made candidates (no page parsed).
#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

#include "metadata_title.h"
#include "metadata_test_util.h"

namespace extractor {
namespace {

using namespace test_util;  // NOLINT: the shared helpers

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

}  // namespace
}  // namespace extractor
