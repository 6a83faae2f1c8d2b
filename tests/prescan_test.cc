#include "prescan.h"

#include <gtest/gtest.h>

namespace extractor {
namespace {

TEST(Prescan, DropsScriptBody) {
  const Prescanned p = prescan("<p>a</p><script>var x = '<p>b</p>';</script><p>c</p>", 512);
  EXPECT_EQ(p.html, "<p>a</p><script></script><p>c</p>");
}

}  // namespace
}  // namespace extractor
