#include "decode.h"

#include <gtest/gtest.h>

namespace extractor {
namespace {

TEST(Decode, Utf8PassesThrough) {
  const Decoded d = decode("<p>caf\xC3\xA9</p>");
  EXPECT_EQ(d.text, "<p>caf\xC3\xA9</p>");
  EXPECT_EQ(d.charset, "utf-8");
}

}  // namespace
}  // namespace extractor
