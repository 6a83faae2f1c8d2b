// Unit tests for lib/metadata_authors: choose_authors() over hand-made
// candidate lists (support, people before organisations, the long list in a
// field, the form written for readers, logins).
#include "metadata_authors.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "metadata_test_util.h"
#include "metadata_text.h"
#include "metadata_tuning.h"

namespace extractor {
namespace {

using namespace test_util;  // NOLINT: the shared helpers

// A candidate list as the gatherer makes it: the keys are the comparison
// keys of the names' words, sorted.
AuthorCandidate List(Strings names, tuning::AuthorSource s, Source source, int distance = 0) {
  AuthorCandidate c;
  for (const std::string& n : names) {
    std::size_t i = 0;
    while (i <= n.size()) {
      std::size_t j = n.find(' ', i);
      if (j == std::string::npos) j = n.size();
      std::string k = comparison_key(n.substr(i, j - i));
      if (!k.empty() && std::find(c.keys.begin(), c.keys.end(), k) == c.keys.end())
        c.keys.push_back(k);
      i = j + 1;
    }
  }
  std::sort(c.keys.begin(), c.keys.end());
  c.names = std::move(names);
  c.weight = s.weight;
  c.rank = s.rank;
  c.source = source;
  c.distance = distance;
  return c;
}

Strings Chosen(const AuthorCandidates& c) { return choose_authors(c).names; }

TEST(MetadataAuthors, TheBestSupportedList) {
  // JSON-LD (5) names one person; the meta tag (3) and the byline near the
  // headline (3, less with distance) another.
  AuthorCandidates c;
  c.lists = {List({"John Roe"}, tuning::kAuthorJsonLd, Source::kJsonLd),
             List({"Jane Doe"}, tuning::kAuthorMeta, Source::kMeta),
             List({"Jane Doe"}, tuning::kAuthorBylineText, Source::kText, 2)};
  EXPECT_EQ(Chosen(c), (Strings{"Jane Doe"}));
  // Far from the headline the byline weighs too little.
  c.lists[2].distance = 40;
  EXPECT_EQ(Chosen(c), (Strings{"John Roe"}));
  EXPECT_EQ(choose_authors(c).source, Source::kJsonLd);
}

TEST(MetadataAuthors, OneBlockVotesOnce) {
  // Three elements of one byline (the same distance and names) count once.
  AuthorCandidates c;
  c.lists = {List({"John Roe"}, tuning::kAuthorJsonLd, Source::kJsonLd),
             List({"Jane Doe"}, tuning::kAuthorBylineClass, Source::kMarkup, 2),
             List({"Jane Doe"}, tuning::kAuthorBylineClass, Source::kMarkup, 2),
             List({"Jane Doe"}, tuning::kAuthorBylineClass, Source::kMarkup, 2)};
  EXPECT_EQ(Chosen(c), (Strings{"John Roe"}));
}

TEST(MetadataAuthors, PeopleBeforeOrganisationsAndTheSiteLast) {
  AuthorCandidates c;
  c.lists = {List({"Example News Desk"}, tuning::kAuthorJsonLd, Source::kJsonLd),
             List({"Jane Doe"}, tuning::kAuthorTwitterLabel, Source::kMeta)};
  c.lists[0].organization = true;
  EXPECT_EQ(Chosen(c), (Strings{"Jane Doe"}));
  // Of organisations, one the site names over the site's own name.
  AuthorCandidates orgs;
  orgs.lists = {List({"Gazette"}, tuning::kAuthorJsonLd, Source::kJsonLd),
                List({"Gazette Sports Desk"}, tuning::kAuthorMeta, Source::kMeta)};
  for (AuthorCandidate& l : orgs.lists) l.organization = true;
  orgs.lists[0].site_named = true;
  EXPECT_EQ(Chosen(orgs), (Strings{"Gazette Sports Desk"}));
}

TEST(MetadataAuthors, AnAgreedOrganisationOverPeopleOnlyLinksName) {
  AuthorCandidates c;
  c.lists = {List({"Example Desk"}, tuning::kAuthorJsonLd, Source::kJsonLd),
             List({"Example Desk"}, tuning::kAuthorMeta, Source::kMeta),
             List({"Jane Doe"}, tuning::kAuthorPageLink, Source::kMarkup, 6)};
  c.lists[0].organization = c.lists[1].organization = true;
  c.lists[2].link_only = true;
  EXPECT_EQ(Chosen(c), (Strings{"Example Desk"}));
  // A byline (not links alone) names her as the writer.
  c.lists[2].link_only = false;
  EXPECT_EQ(Chosen(c), (Strings{"Jane Doe"}));
}

TEST(MetadataAuthors, AFullerFormOfTheSameNames) {
  AuthorCandidates c;
  c.lists = {List({"Nils"}, tuning::kAuthorMeta, Source::kMeta),
             List({"Nils Pickert"}, tuning::kAuthorBylineText, Source::kText, 2)};
  EXPECT_EQ(Chosen(c), (Strings{"Nils Pickert"}));
  EXPECT_EQ(choose_authors(c).source, Source::kMeta);  // the best list's source
  // Not two names run together.
  c.lists[1] = List({"NilsPickert Nils"}, tuning::kAuthorBylineText, Source::kText, 2);
  EXPECT_EQ(Chosen(c), (Strings{"Nils"}));
}

TEST(MetadataAuthors, ANameSayingAWordTwiceIsNoFullerForm) {
  // A byline element's text and its picture's alt text run together.
  AuthorCandidates c;
  c.lists = {List({"Elaine Chen"}, tuning::kAuthorJsonLd, Source::kJsonLd),
             List({"Elaine Chen Elaine Chen"}, tuning::kAuthorBylineClass, Source::kMarkup, 2)};
  EXPECT_EQ(Chosen(c), (Strings{"Elaine Chen"}));
  // A fuller form that repeats nothing still is one.
  c.lists[1] = List({"Elaine Marie Chen"}, tuning::kAuthorBylineClass, Source::kMarkup, 2);
  EXPECT_EQ(Chosen(c), (Strings{"Elaine Marie Chen"}));
}

TEST(MetadataAuthors, TheBestKindOfChineseCredit) {
  // A reporter closing the article over the editor in the line under it.
  AuthorCandidates c;
  c.lists = {List({"王建宏"}, tuning::kAuthorClosingCredit, Source::kText, 100),
             List({"魏喆"}, tuning::kAuthorClosingCredit, Source::kText, 101)};
  c.lists[0].cjk_priority = 0;
  c.lists[1].cjk_priority = 2;
  c.lists[1].weight = 5;  // however heavy
  EXPECT_EQ(Chosen(c), (Strings{"王建宏"}));
}

TEST(MetadataAuthors, NoListNoAuthor) {
  const AuthorChoice a = choose_authors(AuthorCandidates());
  EXPECT_TRUE(a.names.empty());
  EXPECT_EQ(a.source, Source::kNone);
}

// A "date – Name" line under the headline, no marker (rule
// author.date_name_line), read through the whole pipeline.
TEST(MetadataAuthors, DateNameLineUnderTheHeadline) {
  const std::string html =
      "<html><head><title>Council backs the park</title></head><body><article>"
      "<h1>Council backs the park</h1><p class=\"meta\">12 March 2024 \xe2\x80\x93 Jane Doe</p>" +
      kBody + "</article></body></html>";
  EXPECT_EQ(Meta(html).authors, Strings{"Jane Doe"});
  RuleOff off("author.date_name_line");
  EXPECT_EQ(Meta(html).authors, Strings{});
}

}  // namespace
}  // namespace extractor
