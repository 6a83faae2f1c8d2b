// Unit tests for lib/block_features: the numbers each block is judged by.
#include "block_features.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "chars.h"
#include "patterns.h"

namespace extractor {
namespace {

const Patterns& Pats() {
  static const Patterns* const kPatterns = new Patterns();
  return *kPatterns;
}

// A block as segment() leaves it: text and its count of non-space code
// points; then compute_features() on it.
TextBlock F(const std::string& text, BlockKind kind = BlockKind::kParagraph) {
  TextBlock b;
  b.kind = kind;
  b.text = text;
  for (std::size_t i = 0; i < text.size();) {
    const char32_t cp = next_code_point(text, &i);
    if (cp != ' ' && cp != '\n' && cp != '\t') ++b.chars;
  }
  std::vector<TextBlock> blocks{std::move(b)};
  compute_features(&blocks, Pats());
  return std::move(blocks[0]);
}

// --- words ----------------------------------------------------------------------

TEST(Features, WordCounts) {
  EXPECT_EQ(F("Hello brave new world").words, 4);
  EXPECT_EQ(F("  spaced   out\twords\n").words, 3);
  EXPECT_EQ(F("One, two; three.").words, 3);
  EXPECT_EQ(F("Привет, мир").words, 2);
  EXPECT_EQ(F("café naïve").words, 2);
  EXPECT_EQ(F("").words, 0);
  EXPECT_EQ(F("... --- !!!").words, 0);
}

TEST(Features, PunctuationSplitsWords) {
  EXPECT_EQ(F("don't").words, 2);
  EXPECT_EQ(F("e-mail").words, 2);
  EXPECT_EQ(F("3.14").words, 2);
}

TEST(Features, Digits) {
  EXPECT_EQ(F("In 2024, 15 people").digits, 6);
  EXPECT_EQ(F("no digits").digits, 0);
}

// --- sentences ------------------------------------------------------------------

TEST(Features, SentenceEnds) {
  EXPECT_EQ(F("One. Two! Three?").sentence_ends, 3);  // ". " "! " and the final "?"
  EXPECT_EQ(F("No end").sentence_ends, 0);
  EXPECT_EQ(F("Final only.").sentence_ends, 1);
  EXPECT_EQ(F("Pi is 3.14 exactly").sentence_ends, 0);  // no space after the dot
  EXPECT_EQ(F("Wait... what").sentence_ends, 1);
  EXPECT_EQ(F("Line one.\nLine two.").sentence_ends, 2);
}

TEST(Features, SentenceEndInsideClosingQuote) {
  EXPECT_EQ(F("He said \"stop.\" Then he left.").sentence_ends, 2);
  EXPECT_EQ(F("(As noted.) More").sentence_ends, 1);
  EXPECT_EQ(F("She wrote: «Fin.»").sentence_ends, 1);
}

TEST(Features, CjkSentenceEndsNeedNoSpace) {
  EXPECT_EQ(F("这是第一句。这是第二句！这是第三句？").sentence_ends, 3);
  EXPECT_EQ(F("日本語の文です。").sentence_ends, 1);  // counted once, not again at the end
}

// --- CJK ----------------------------------------------------------------------------

TEST(Features, CjkCounting) {
  const TextBlock han = F("这是一个测试");
  EXPECT_EQ(han.cjk, 6);
  EXPECT_EQ(han.words, 3);  // two Han characters make about one word
  EXPECT_EQ(F("ひらがなとカタカナ").cjk, 9);
  EXPECT_EQ(F("한국어 문장").cjk, 5);
  EXPECT_EQ(F("Latin only").cjk, 0);
  EXPECT_EQ(F("Кириллица").cjk, 0);
}

TEST(Features, MixedScriptWords) {
  const TextBlock b = F("我们使用Linux系统");
  EXPECT_EQ(b.cjk, 6);
  EXPECT_EQ(b.words, 1 + 3);  // "Linux" and six Han characters
}

TEST(Features, EffectiveLengthWeightsCjk) {
  EXPECT_EQ(effective_length(F("abc")), 3);
  EXPECT_EQ(effective_length(F("中文")), 6);  // 2 characters, each worth 3
  EXPECT_EQ(effective_length(F("ab 中")), 2 + 3);
  EXPECT_EQ(effective_length(F("北京是中国的首都。")), 8 * 3 + 1);
}

// --- commas and final punctuation ----------------------------------------------------

TEST(Features, Commas) {
  EXPECT_EQ(F("a, b; c").commas, 2);
  EXPECT_EQ(F("北京，上海、广州；深圳").commas, 3);
  EXPECT_EQ(F("نعم، لا").commas, 1);
  EXPECT_EQ(F("none here").commas, 0);
}

TEST(Features, EndsWithPunct) {
  EXPECT_TRUE(F("Done.").ends_with_punct);
  EXPECT_TRUE(F("Really?").ends_with_punct);
  EXPECT_TRUE(F("Note:").ends_with_punct);
  EXPECT_TRUE(F("He said \"yes.\"").ends_with_punct);
  EXPECT_TRUE(F("完成。").ends_with_punct);
  EXPECT_TRUE(F("Done.  ").ends_with_punct);  // trailing space ignored
  EXPECT_FALSE(F("Headline").ends_with_punct);
  EXPECT_FALSE(F("a, b,").ends_with_punct);
  EXPECT_FALSE(F("").ends_with_punct);
}

// --- text cues ------------------------------------------------------------------------

TEST(Features, TextCuesForShortBlocks) {
  EXPECT_TRUE(F("Advertisement").text_cues & kTextAd);
  EXPECT_TRUE(F("© 2021 Example Media").text_cues & kTextCopyright);
  EXPECT_TRUE(F("Read also:").text_cues & kTextReadAlso);
  EXPECT_EQ(F("A plain sentence about the weather.").text_cues, 0u);
}

TEST(Features, NoTextCuesForLongBlocks) {
  // The same phrase in a block over 300 characters is not looked up.
  std::string filler;
  while (filler.size() < 290) filler += "word ";
  const std::string at_limit = "© 2021 " + std::string(300 - 5, 'x');  // 300 non-space chars
  const TextBlock limit = F(at_limit);
  ASSERT_EQ(limit.chars, 300);
  EXPECT_TRUE(limit.text_cues & kTextCopyright);
  const TextBlock over = F(at_limit + "y");
  ASSERT_EQ(over.chars, 301);
  EXPECT_EQ(over.text_cues, 0u);
  EXPECT_EQ(F(filler + filler + "All rights reserved.").text_cues, 0u);
}

TEST(Features, ImageBlocksNotMeasured) {
  const TextBlock img = F("Advertisement. Read also: 2 min read", BlockKind::kImage);
  EXPECT_EQ(img.words, 0);
  EXPECT_EQ(img.sentence_ends, 0);
  EXPECT_EQ(img.text_cues, 0u);
}

TEST(Features, InvalidUtf8DoesNotStopTheCount) {
  const TextBlock b = F("one \xFF two. three");
  EXPECT_EQ(b.words, 3);
  EXPECT_EQ(b.sentence_ends, 1);
}

TEST(Features, AllBlocksFilled) {
  std::vector<TextBlock> blocks(3);
  blocks[0].text = "First block here.";
  blocks[0].chars = 15;
  blocks[1].text = "Share on Facebook";
  blocks[1].chars = 15;
  blocks[2].text = "北京";
  blocks[2].chars = 2;
  compute_features(&blocks, Pats());
  EXPECT_EQ(blocks[0].words, 3);
  EXPECT_EQ(blocks[0].sentence_ends, 1);
  EXPECT_TRUE(blocks[1].text_cues & kTextShare);
  EXPECT_EQ(blocks[2].cjk, 2);
}

}  // namespace
}  // namespace extractor
