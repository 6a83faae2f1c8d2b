// Unit tests for lib/metadata_site: the site's name, the canonical URL and
// the host, the language. The choices are driven by hand-made candidates.
#include "metadata_site.h"

#include <gtest/gtest.h>

#include <string>

namespace extractor {
namespace {

TEST(MetadataSite, SiteNameInOrderOfTrust) {
  SiteNameCandidates c;
  c.app_name = "Gazette App";
  EXPECT_EQ(choose_site_name(c).name, "Gazette App");
  EXPECT_EQ(choose_site_name(c).source, Source::kMeta);
  c.ld_site_name = "Gazette Online";
  EXPECT_EQ(choose_site_name(c).name, "Gazette Online");
  c.publisher = "Northfield Gazette Ltd";
  EXPECT_EQ(choose_site_name(c).name, "Northfield Gazette Ltd");
  EXPECT_EQ(choose_site_name(c).source, Source::kJsonLd);
  c.og_site_name = "Northfield Gazette";
  EXPECT_EQ(choose_site_name(c).name, "Northfield Gazette");
  EXPECT_EQ(choose_site_name(c).source, Source::kMeta);
}

TEST(MetadataSite, ASiteNameThatIsAUrlIsNone) {
  // The first source given decides: a URL there is no name, and the weaker
  // sources are not asked.
  SiteNameCandidates c;
  c.og_site_name = "https://gazette.example/";
  c.publisher = "Northfield Gazette";
  EXPECT_EQ(choose_site_name(c).name, "");
  EXPECT_EQ(choose_site_name(c).source, Source::kNone);
}

TEST(MetadataSite, CanonicalUrlResolvedAgainstTheBase) {
  UrlCandidates c;
  c.canonical = "/local/budget-vote";
  c.og_url = "https://gazette.example/og";
  c.base = "https://gazette.example/local/budget-vote?utm=x";
  c.page_url = c.base;
  const UrlChoice u = choose_url(c);
  EXPECT_EQ(u.url, "https://gazette.example/local/budget-vote");
  EXPECT_EQ(u.source, Source::kMarkup);
  c.canonical.clear();
  EXPECT_EQ(choose_url(c).url, "https://gazette.example/og");
  EXPECT_EQ(choose_url(c).source, Source::kMeta);
}

TEST(MetadataSite, JsonLdUrlOnlyWhenItReadsAsOne) {
  UrlCandidates c;
  c.ld_url = "budget-vote";  // an id, not a URL
  c.page_url = "https://gazette.example/a";
  c.base = c.page_url;
  EXPECT_EQ(choose_url(c).url, "https://gazette.example/a");
  EXPECT_EQ(choose_url(c).source, Source::kNone);
  c.ld_url = "https://gazette.example/b";
  EXPECT_EQ(choose_url(c).url, "https://gazette.example/b");
  EXPECT_EQ(choose_url(c).source, Source::kJsonLd);
}

TEST(MetadataSite, TheHostIsThePagesElseTheCanonicalUrls) {
  // With the caller's URL, its host; without one, the canonical URL's (the
  // title and the authors tell the site's name by it).
  UrlCandidates c;
  c.canonical = "https://www.fotorumors.example/lens-back-in-stock/";
  EXPECT_EQ(choose_url(c).host, "www.fotorumors.example");
  c.page_url = "https://mirror.example/copy";
  c.base = c.page_url;
  EXPECT_EQ(choose_url(c).host, "mirror.example");
  EXPECT_EQ(choose_url(c).url, "https://www.fotorumors.example/lens-back-in-stock/");
  // A relative canonical URL and no base give no host.
  c = UrlCandidates();
  c.canonical = "/lens-back-in-stock/";
  EXPECT_EQ(choose_url(c).host, "");
}

const std::string kEnglish =
    "The council met on Tuesday evening to discuss the new budget for the coming year, and "
    "the debate went on until well after midnight, with many of the residents attending. ";
const std::string kGerman =
    "Der Rat hat am Dienstag über den neuen Haushalt beraten, und die Debatte dauerte bis "
    "weit nach Mitternacht, denn es ist nicht klar, ob das Geld für die Bibliothek reicht. ";
const std::string kRussian =
    "Городской совет во вторник обсуждал новый бюджет на следующий год, и обсуждение "
    "продолжалось до глубокой ночи, а многие жители пришли на заседание. ";

TEST(MetadataSite, TheFirstDeclarationAndItsRegion) {
  LanguageCandidates c;
  c.declared = {{"", Source::kMarkup},
                {"en-US", Source::kMeta},
                {"de", Source::kJsonLd}};
  c.sample = kEnglish;
  const LanguageChoice l = choose_language(c);
  EXPECT_EQ(l.language, "en");
  EXPECT_EQ(l.source, Source::kMeta);
  EXPECT_EQ(l.region, "us");
}

TEST(MetadataSite, TheTextsScriptOverridesADeclarationItContradicts) {
  LanguageCandidates c;
  c.declared = {{"en-GB", Source::kMarkup}};
  c.sample = kRussian;
  const LanguageChoice l = choose_language(c);
  EXPECT_EQ(l.language, "ru");
  EXPECT_EQ(l.source, Source::kText);
  EXPECT_EQ(l.region, "");
  // A declaration in the same script stands (the text is not read for the
  // language itself: "en" on a German page stays).
  c.declared = {{"en", Source::kMarkup}};
  c.sample = kGerman;
  EXPECT_EQ(choose_language(c).language, "en");
}

TEST(MetadataSite, NoDeclarationTheTextTells) {
  LanguageCandidates c;
  c.sample = kGerman + kGerman;
  EXPECT_EQ(choose_language(c).language, "de");
  EXPECT_EQ(choose_language(c).source, Source::kText);
  c.sample = "短い";  // too little text to tell
  EXPECT_EQ(choose_language(c).language, "");
  EXPECT_EQ(choose_language(c).source, Source::kNone);
}

TEST(MetadataSite, PrimaryLanguageOfATag) {
  EXPECT_EQ(primary_language("en_US"), "en");
  EXPECT_EQ(primary_language(" zh-Hans-CN "), "zh");
  EXPECT_EQ(primary_language("iw"), "he");
  EXPECT_EQ(primary_language("in"), "id");
  EXPECT_EQ(primary_language("english"), "");
  EXPECT_EQ(primary_language("x"), "");
  EXPECT_EQ(primary_language("e1"), "");
}

TEST(MetadataSite, LatinLanguageByFunctionWords) {
  EXPECT_EQ(latin_language(kEnglish + kEnglish), "en");
  EXPECT_EQ(latin_language(kGerman + kGerman), "de");
  EXPECT_EQ(latin_language("the and of"), "");  // too few words
  // Enough words, of no listed language.
  std::string lorem;
  for (int i = 0; i < 6; ++i) lorem += "lorem ipsum dolor sit amet ";
  EXPECT_EQ(latin_language(lorem), "");
}

}  // namespace
}  // namespace extractor
