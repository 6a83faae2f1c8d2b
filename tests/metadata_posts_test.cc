// A thread's posts (lib/metadata_posts): each post's author and date chosen
// from its marks without a page (choose_post), then through extract() on our
// own small forum pages in several forum software shapes
// (tests/data/forums), read as threads (PageInfo::page_type), with the
// first post's author and date standing for the page's.
#include "metadata_posts.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "metadata_rules.h"
#include "metadata_test_util.h"

#ifndef EXTRACTOR_TEST_DATA
#error "EXTRACTOR_TEST_DATA must name the tests/data directory"
#endif

namespace extractor {
namespace {

using namespace test_util;  // NOLINT: the shared helpers

DateTime Reference() { return DateTime{2025, 1, 1}; }

PostChoice Choose(const PostEvidence& ev) {
  return choose_post(ev, Names(), Dates(), Reference(), NumericOrder::kMonthFirst);
}

TEST(MetadataPosts, TheMostTrustedMarkWins) {
  PostEvidence ev;
  ev.authors = {{PostMarkKind::kClassed, "by Classed Name"},
                {PostMarkKind::kLink, "linkname"},
                {PostMarkKind::kElement, "membername"},
                {PostMarkKind::kDeclared, "declared"}};
  EXPECT_EQ(Choose(ev).author, "declared");
  ev.authors.pop_back();
  EXPECT_EQ(Choose(ev).author, "membername");
  ev.authors.pop_back();
  EXPECT_EQ(Choose(ev).author, "linkname");
  ev.authors.pop_back();
  // An element classed as the author reads as a byline: its marker goes.
  EXPECT_EQ(Choose(ev).author, "Classed Name");
}

TEST(MetadataPosts, OfOneKindTheFirstThatReadsAsANameWins) {
  PostEvidence ev;
  ev.authors = {{PostMarkKind::kLink, "https://forum.example/u/7"},
                {PostMarkKind::kLink, "Pippin06"},
                {PostMarkKind::kLink, "someone else"}};
  // A login with digits is a member's name here.
  EXPECT_EQ(Choose(ev).author, "Pippin06");
}

TEST(MetadataPosts, ForumRolesAreNoPartOfTheName) {
  PostEvidence ev;
  ev.authors = {{PostMarkKind::kClassed, "Jane Roe, Moderator"}};
  EXPECT_EQ(Choose(ev).author, "Jane Roe");
  ev.authors = {{PostMarkKind::kClassed, "Well-known member"}};
  EXPECT_EQ(Choose(ev).author, "");
  ev.authors = {{PostMarkKind::kClassed, "Discussion starter"}};
  EXPECT_EQ(Choose(ev).author, "");
}

TEST(MetadataPosts, MachineDatesBeforeWrittenOnes) {
  PostEvidence ev;
  ev.dates = {{PostMarkKind::kLine, "Mon Jun 01, 2020 10:12 am"},
              {PostMarkKind::kElement, "2020-06-02T07:40:00Z"}};
  EXPECT_EQ(Choose(ev).date, "2020-06-02T07:40:00Z");
  ev.dates.pop_back();
  EXPECT_EQ(Choose(ev).date.substr(0, 10), "2020-06-01");
}

TEST(MetadataPosts, AMembersJoinDateIsNoPostsDate) {
  PostEvidence ev;
  ev.dates = {{PostMarkKind::kLine, "Joined Mar 4, 2010"},
              {PostMarkKind::kLine, "Posted on Nov 2, 2023"}};
  EXPECT_EQ(Choose(ev).date, "2023-11-02");
  ev.dates = {{PostMarkKind::kLine, "Member since 12.03.2011"}};
  EXPECT_EQ(Choose(ev).date, "");
}

TEST(MetadataPosts, DatesAfterTheReferenceAreNone) {
  PostEvidence ev;
  ev.dates = {{PostMarkKind::kElement, "2031-05-05T10:00:00Z"},
              {PostMarkKind::kElement, "2019-05-05T10:00:00Z"}};
  EXPECT_EQ(Choose(ev).date, "2019-05-05T10:00:00Z");
}

std::string Fixture(const std::string& name) {
  std::ifstream in(std::string(EXTRACTOR_TEST_DATA) + "/forums/" + name, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

Result Thread(const std::string& name) {
  PageInfo page;
  page.url = "https://forum.example/t/" + name;
  page.page_type = PageType::kForum;
  page.page_type_confidence = 1.0f;
  page.reference_date = "2025-01-01";
  return extract(Fixture(name), page);
}

struct Expected {
  std::string author;
  std::string day;
};

void ExpectPosts(const Result& r, const std::vector<Expected>& want) {
  ASSERT_EQ(r.posts.size(), want.size());
  for (std::size_t i = 0; i < want.size(); ++i) {
    EXPECT_EQ(r.posts[i].author, want[i].author) << i;
    EXPECT_EQ(r.posts[i].date.substr(0, 10), want[i].day) << i;
    EXPECT_LT(r.posts[i].first_block, r.posts[i].end_block);
    EXPECT_FALSE(r.posts[i].text.empty()) << i;
  }
  // The page's author and date are the first post's.
  EXPECT_EQ(r.metadata.authors, std::vector<std::string>{want[0].author});
  EXPECT_EQ(r.metadata.date.substr(0, 10), want[0].day);
}

// "Logged in as" and "Last post by" name others than the thread's author.
TEST(MetadataPosts, PhpbbShape) {
  ExpectPosts(Thread("phpbb-like.html"), {{"trailmix", "2020-06-01"},
                                          {"pinecone", "2020-06-02"},
                                          {"ridgeline", "2020-06-05"}});
}

// data-author, <time datetime>, a member card with a join date and a
// title, a quote of another post, the logged-in member in the header.
TEST(MetadataPosts, XenforoShape) {
  const Result r = Thread("xenforo-like.html");
  ExpectPosts(r, {{"levainlover", "2023-11-02"}, {"ryeguy", "2023-11-02"},
                  {"crumbcoat", "2023-11-04"}});
  EXPECT_NE(r.posts.at(2).text.find("Same thing happened"), std::string::npos);
}

// Posts only in <noscript>, with schema.org microdata.
TEST(MetadataPosts, DiscourseNoscriptShape) {
  ExpectPosts(Thread("discourse-noscript.html"), {{"mkoval", "2024-02-19"},
                                                  {"dana_ops", "2024-02-19"},
                                                  {"mkoval", "2024-02-20"}});
}

// A profile link per post, the date written in a line ("« on: ... »").
TEST(MetadataPosts, SmfShape) {
  ExpectPosts(Thread("smf-like.html"), {{"Marigold", "2019-04-12"},
                                        {"Old Digger", "2019-04-13"},
                                        {"Marigold", "2019-04-20"}});
}

TEST(MetadataPosts, OnlyThreadsHavePosts) {
  PageInfo page;
  page.page_type = PageType::kArticle;
  page.page_type_confidence = 1.0f;
  EXPECT_TRUE(extract(Fixture("smf-like.html"), page).posts.empty());
  EXPECT_TRUE(extract("<html><body><p>" + kBody + "</p></body></html>").posts.empty());
}

TEST(MetadataPosts, JsonGivesEveryPost) {
  JsonOptions o;
  o.full = true;
  const std::string json = render_json(Thread("discourse-noscript.html"), o);
  EXPECT_NE(json.find("\"posts\":[{\"author\":\"mkoval\",\"date\":\"2024-02-19T07:31:02Z\","
                      "\"text\":\"Since the upgrade"),
            std::string::npos)
      << json;
}

// The rules that make the first post's author and date the page's, each
// switched off.
TEST(MetadataPosts, WithoutTheFirstPostRulesThePageReadsOtherwise) {
  {
    RuleOff off("author.thread_first_post");
    const Result r = Thread("smf-like.html");
    EXPECT_EQ(r.posts.at(0).author, "Marigold");
    EXPECT_NE(r.metadata.authors, std::vector<std::string>{"Marigold"});
  }
  {
    RuleOff off("date.thread_first_post");
    const Result r = Thread("xenforo-like.html");
    EXPECT_EQ(r.posts.at(0).date.substr(0, 10), "2023-11-02");
    EXPECT_NE(r.metadata.date.substr(0, 10), "2023-11-02");
  }
}

}  // namespace
}  // namespace extractor
