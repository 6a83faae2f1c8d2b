// Unit tests for lib/metadata_fields: the description, the image, the
// categories and the tags, chosen from hand-made candidates.
#include "metadata_fields.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "metadata_tuning.h"

namespace extractor {
namespace {

using Strings = std::vector<std::string>;

TEST(MetadataFields, DescriptionInOrder) {
  FieldCandidates c;
  c.ld_description = "From JSON-LD.";
  EXPECT_EQ(choose_fields(c).description, "From JSON-LD.");
  EXPECT_EQ(choose_fields(c).description_source, Source::kJsonLd);
  c.og_description = "From og.";
  EXPECT_EQ(choose_fields(c).description, "From og.");
  EXPECT_EQ(choose_fields(c).description_source, Source::kMeta);
  c.description = "The meta description.";
  EXPECT_EQ(choose_fields(c).description, "The meta description.");
  EXPECT_EQ(choose_fields(FieldCandidates()).description_source, Source::kNone);
}

TEST(MetadataFields, ImageResolvedAgainstTheBase) {
  FieldCandidates c;
  c.base = "https://gazette.example/local/story";
  c.image_src = "/img/src.jpg";
  EXPECT_EQ(choose_fields(c).image, "https://gazette.example/img/src.jpg");
  EXPECT_EQ(choose_fields(c).image_source, Source::kMarkup);
  c.ld_image = "ld.jpg";
  EXPECT_EQ(choose_fields(c).image, "https://gazette.example/local/ld.jpg");
  EXPECT_EQ(choose_fields(c).image_source, Source::kJsonLd);
  c.og_image = "https://cdn.example/og.jpg";
  EXPECT_EQ(choose_fields(c).image, "https://cdn.example/og.jpg");
  EXPECT_EQ(choose_fields(c).image_source, Source::kMeta);
}

TEST(MetadataFields, CategoriesUniqueByKey) {
  FieldCandidates c;
  c.ld_sections = {"Politics"};
  EXPECT_EQ(choose_fields(c).categories, (Strings{"Politics"}));
  EXPECT_EQ(choose_fields(c).categories_source, Source::kJsonLd);
  c.meta_sections = {"Local", " local ", "LOCAL", "", "Sport"};
  EXPECT_EQ(choose_fields(c).categories, (Strings{"Local", "Sport"}));
  EXPECT_EQ(choose_fields(c).categories_source, Source::kMeta);
}

TEST(MetadataFields, TagsFromTheFirstSourceThatGivesSome) {
  FieldCandidates c;
  c.keywords = "budget, council; Budget ,  ,library";
  EXPECT_EQ(choose_fields(c).tags, (Strings{"budget", "council", "library"}));
  EXPECT_EQ(choose_fields(c).tags_source, Source::kMeta);
  c.tag_links = {"Council"};
  EXPECT_EQ(choose_fields(c).tags, (Strings{"Council"}));
  EXPECT_EQ(choose_fields(c).tags_source, Source::kMarkup);
  c.ld_keywords = {"Budgets"};
  EXPECT_EQ(choose_fields(c).tags_source, Source::kJsonLd);
  c.meta_tags = {"Budget"};
  EXPECT_EQ(choose_fields(c).tags, (Strings{"Budget"}));
  EXPECT_EQ(choose_fields(c).tags_source, Source::kMeta);
}

TEST(MetadataFields, TagsAreLabelsAndFew) {
  FieldCandidates c;
  for (int i = 0; i < 40; ++i) c.meta_tags.push_back("tag " + std::to_string(i));
  c.meta_tags.insert(c.meta_tags.begin(), std::string(tuning::kMaxTagBytes + 1, 'x'));
  const FieldChoice f = choose_fields(c);
  ASSERT_EQ(f.tags.size(), tuning::kMaxTags);
  EXPECT_EQ(f.tags.front(), "tag 0");
}

}  // namespace
}  // namespace extractor
