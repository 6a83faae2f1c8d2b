// Unit tests for lib/metadata_zone: where the headline is (from the chosen
// title), the blocks around it and the article's last lines. The blocks are
// made by hand.
#include "metadata_zone.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace extractor {
namespace {

TextBlock Block(const std::string& text, BlockKind kind = BlockKind::kParagraph) {
  TextBlock b;
  b.text = text;
  b.kind = kind;
  return b;
}

// A page of `n` paragraphs "p0", "p1", ... with the given blocks put in.
std::vector<TextBlock> Page(int n, std::vector<std::pair<int, TextBlock>> at) {
  std::vector<TextBlock> blocks;
  for (int i = 0; i < n; ++i) blocks.push_back(Block("paragraph number " + std::to_string(i)));
  for (auto& [i, b] : at) blocks[static_cast<std::size_t>(i)] = std::move(b);
  return blocks;
}

const std::string kTitle = "Council backs plan to turn old rail yard into a park";

TEST(MetadataZone, TheHeadingThatReadsAsTheTitle) {
  const auto blocks = Page(60, {{3, Block("Council backs plan", BlockKind::kHeading)},
                                {20, Block(kTitle, BlockKind::kHeading)}});
  const Zone z = locate_zone(blocks, {}, 22, 50, kTitle);
  EXPECT_EQ(z.headline, 20);
  // Six blocks above the headline to twelve below, reaching eight blocks
  // into a region that starts below it.
  EXPECT_EQ(z.begin, 14);
  EXPECT_EQ(z.end, 32);
  EXPECT_TRUE(z.contains(20));
  EXPECT_FALSE(z.contains(32));
  EXPECT_EQ(z.anchor(), 20);
}

TEST(MetadataZone, TheNearestOfSeveralAndHeadingsWithAKicker) {
  // A heading holding a kicker besides the title counts two blocks further;
  // a paragraph that reads as the title eight.
  const auto blocks = Page(60, {{10, Block("Rail yard: " + kTitle, BlockKind::kHeading)},
                                {12, Block(kTitle)},
                                {30, Block(kTitle, BlockKind::kHeading)}});
  EXPECT_EQ(locate_zone(blocks, {}, 11, 50, kTitle).headline, 10);
  EXPECT_EQ(locate_zone(blocks, {}, 27, 50, kTitle).headline, 30);
  // Far from the region's start only a heading is looked at.
  const auto far = Page(120, {{100, Block(kTitle)}});
  EXPECT_EQ(locate_zone(far, {}, 10, 110, kTitle).headline, -1);
}

TEST(MetadataZone, NoHeadlineTheRegionsStart) {
  const auto blocks = Page(60, {});
  const Zone z = locate_zone(blocks, {}, 30, 50, kTitle);
  EXPECT_EQ(z.headline, -1);
  EXPECT_EQ(z.begin, 14);
  EXPECT_EQ(z.end, 40);
  EXPECT_EQ(z.anchor(), 30);
  EXPECT_EQ(locate_zone(blocks, {}, 30, 50, "").headline, -1);
}

TEST(MetadataZone, TheArticlesLastLines) {
  const auto blocks = Page(60, {{20, Block(kTitle, BlockKind::kHeading)}});
  std::vector<Label> labels(blocks.size(), Label::kBoilerplate);
  for (int i = 21; i < 40; ++i) labels[static_cast<std::size_t>(i)] = Label::kContent;
  const Zone z = locate_zone(blocks, labels, 20, 50, kTitle);
  EXPECT_EQ(z.last, 39);
  EXPECT_EQ(z.tail_begin, 36);
  EXPECT_EQ(z.tail_end, 43);
  EXPECT_TRUE(z.in_tail(38));
  EXPECT_FALSE(z.in_tail(25));  // before the last lines
  // Without labels there are no last lines.
  EXPECT_EQ(locate_zone(blocks, {}, 20, 50, kTitle).last, -1);
}

TEST(MetadataZone, DistancesInHalfBlocks) {
  Zone z;
  z.headline = 10;
  EXPECT_EQ(z.distance(10), 0);
  EXPECT_EQ(z.distance(12), 4);  // below: two half-blocks a block
  EXPECT_EQ(z.distance(8), 5);   // above: a little further
}

}  // namespace
}  // namespace extractor
