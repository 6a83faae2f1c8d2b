// Unit tests for lib/chars.h: UTF-8 code points and boundaries, ASCII case,
// the CJK ranges.
#include "chars.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace extractor {
namespace {

std::vector<char32_t> CodePoints(std::string_view s) {
  std::vector<char32_t> out;
  for (std::size_t i = 0; i < s.size();) out.push_back(next_code_point(s, &i));
  return out;
}

TEST(Chars, DecodesEveryWidth) {
  EXPECT_EQ(CodePoints("a\xc3\xa9\xe4\xb8\xad\xf0\x9f\x98\x80"),
            (std::vector<char32_t>{U'a', U'é', U'中', 0x1F600}));
}

TEST(Chars, IllFormedSequencesGiveReplacementAndMoveOn) {
  // A lone continuation byte, a truncated sequence at the end, an overlong
  // form and a surrogate: each is U+FFFD, and decoding always advances.
  EXPECT_EQ(CodePoints("\x80x"), (std::vector<char32_t>{0xFFFD, U'x'}));
  EXPECT_EQ(CodePoints("x\xe4\xb8"), (std::vector<char32_t>{U'x', 0xFFFD}));
  EXPECT_EQ(CodePoints("\xc0\xaf").front(), 0xFFFDu);
  EXPECT_EQ(CodePoints("\xed\xa0\x80").front(), 0xFFFDu);
  std::size_t i = 0;
  EXPECT_LT(decode_utf8("\xff", &i), 0);
  EXPECT_EQ(i, 1u);
}

TEST(Chars, AppendUtf8RoundTrips) {
  std::string s;
  for (char32_t c : {U'a', U'é', U'中', char32_t{0x1F600}}) append_utf8(c, &s);
  EXPECT_EQ(s, "a\xc3\xa9\xe4\xb8\xad\xf0\x9f\x98\x80");
  append_utf8(0xD800, &s);  // a surrogate is no character
  EXPECT_EQ(s.size(), 10u);
}

TEST(Chars, CutsNeverSplitACharacter) {
  const std::string s = "ab\xe4\xb8\xad\xe6\x96\x87";  // "ab中文"
  EXPECT_EQ(utf8_floor(s, 3), 2u);
  EXPECT_EQ(utf8_floor(s, 5), 5u);
  EXPECT_EQ(utf8_floor(s, 100), s.size());
  EXPECT_EQ(utf8_ceil(s, 3), 5u);
  EXPECT_EQ(utf8_ceil(s, 2), 2u);
  EXPECT_EQ(utf8_prefix(s, 4), "ab");
  EXPECT_EQ(utf8_prefix(s, 100), s);
  EXPECT_EQ(utf8_suffix(s, 4), "\xe6\x96\x87");
  EXPECT_EQ(utf8_suffix(s, 100), s);
  EXPECT_EQ(count_code_points(s), 4u);
}

TEST(Chars, AsciiCaseOnly) {
  EXPECT_EQ(lower_ascii("MixedCASE \xc3\x89t\xc3\xa9"), "mixedcase \xc3\x89t\xc3\xa9");
  EXPECT_TRUE(equals_ascii_ci("Canonical", "CANONICAL"));
  EXPECT_FALSE(equals_ascii_ci("canonical", "canonica"));
  EXPECT_FALSE(equals_ascii_ci("image_src", "image\x7fsrc"));
  EXPECT_TRUE(equals_lower_ascii("SCRIPT", "script"));
  EXPECT_FALSE(equals_lower_ascii("script", "SCRIPT"));  // the word is lower case
  EXPECT_TRUE(starts_with_ascii_ci("<SCRIPT type", 1, "script"));
  EXPECT_FALSE(starts_with_ascii_ci("<scr", 1, "script"));
  EXPECT_TRUE(is_ascii_alnum('7'));
  EXPECT_EQ(hex_digit_value('7'), 7);
  EXPECT_EQ(hex_digit_value('b'), 11);
  EXPECT_EQ(hex_digit_value('F'), 15);
  EXPECT_EQ(hex_digit_value('g'), -1);
  EXPECT_FALSE(is_ascii_alpha('\xe9'));
}

TEST(Chars, CjkRanges) {
  EXPECT_TRUE(is_cjk(U'中'));
  EXPECT_TRUE(is_cjk(U'あ'));
  EXPECT_TRUE(is_cjk(U'カ'));
  EXPECT_TRUE(is_cjk(U'한'));
  EXPECT_TRUE(is_cjk(0x20000));  // CJK Extension B
  EXPECT_FALSE(is_cjk(U'a'));
  EXPECT_FALSE(is_cjk(U'Я'));
  EXPECT_FALSE(is_cjk(0x3002));  // 。 is punctuation
  EXPECT_FALSE(is_cjk(0xFF0C));  // ，
  // Hangul Jamo: parts of a syllable, weighed as letters (see chars.h).
  EXPECT_FALSE(is_cjk(0x1100));
  EXPECT_FALSE(is_cjk(0x11FF));
  EXPECT_TRUE(is_han(U'中'));
  EXPECT_FALSE(is_han(U'あ'));
  EXPECT_TRUE(has_cjk("Linux \xe7\xb3\xbb\xe7\xbb\x9f"));
  EXPECT_FALSE(has_cjk("Linux"));
}

}  // namespace
}  // namespace extractor
