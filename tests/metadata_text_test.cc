// Unit tests for lib/metadata_text: comparison keys, white space, entities.
#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

#include "metadata_test_util.h"
#include "metadata_text.h"

namespace extractor {
namespace {

using namespace test_util;  // NOLINT: the shared helpers

TEST(MetadataText, ComparisonKeyFoldsLikeNfkcCasefold) {
  // Without ICU: ASCII, Latin-1 letters, typographic punctuation.
  EXPECT_EQ(comparison_key("\xc3\x84rger \xc3\xbc" "ber die Stra\xc3\x9f" "e \xe2\x80\x94 "
                           "\xe2\x80\x9eTest\xe2\x80\x9c \xc2\xa9 2024"),
            "\xc3\xa4rger\xc3\xbc" "berdiestrasse" "test2024");
  EXPECT_EQ(comparison_key("\xc3\x89T\xc3\x89 \xc3\x80 PARIS \xc2\xab\xc2\xa0" "Caf\xc3\xa9\xc2\xa0\xc2\xbb"),
            "\xc3\xa9t\xc3\xa9\xc3\xa0paris" "caf\xc3\xa9");
  // Through ICU: a fraction, a superscript, a combining accent, Cyrillic.
  EXPECT_EQ(comparison_key("\xc2\xbd \xc2\xb2"), "122");
  EXPECT_EQ(comparison_key("Cafe\xcc\x81"), "caf\xc3\xa9");
  EXPECT_EQ(comparison_key("\xd0\x9c\xd0\x98\xd0\xa0"), "\xd0\xbc\xd0\xb8\xd1\x80");
  EXPECT_EQ(collapse_space("  a\t b \xc2\xa0 c\xe2\x80\x8b d  "), "a b c d");
}

TEST(MetadataText, SpacesAndEntities) {
  EXPECT_EQ(collapse_space("  a \t b\xc2\xa0 c "), "a b c");
  EXPECT_EQ(collapse_space("Knigh\xe2\x80\x8bt"), "Knight");
  EXPECT_EQ(decode_entities("Tom &amp; Jerry &#8211; &quot;x&quot; &#x27;y&#x27;"),
            "Tom & Jerry \xe2\x80\x93 \"x\" 'y'");
  EXPECT_EQ(comparison_key("Foo — Bar’s"), comparison_key("foo-bars"));
}

}  // namespace
}  // namespace extractor
