// Shared by the metadata tests: the compiled date and name patterns (once
// per test binary), and a page's metadata through the whole pipeline.
#ifndef EXTRACTOR_TESTS_METADATA_TEST_UTIL_H_
#define EXTRACTOR_TESTS_METADATA_TEST_UTIL_H_

#include <gtest/gtest.h>

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "extractor/extractor.h"
#include "metadata_datetime.h"
#include "metadata_names.h"
#include "metadata_rules.h"

namespace extractor {
namespace test_util {

using Strings = std::vector<std::string>;

inline const std::shared_ptr<const DatePatterns>& DatesPtr() {
  static const std::shared_ptr<const DatePatterns> patterns = compile_date_patterns();
  return patterns;
}
inline const DatePatterns& Dates() { return *DatesPtr(); }

inline const NamePatterns& Names() {
  static const std::shared_ptr<const NamePatterns> patterns = compile_name_patterns(DatesPtr());
  return *patterns;
}

// Switches a metadata rule off for a scope (as bench/eval's --rule-off
// does), to show what it changes.
class RuleOff {
 public:
  explicit RuleOff(const char* name) : saved_(rules::g_off.load()) {
    if (!rules::switch_off(name)) ADD_FAILURE() << "no rule " << name;
  }
  ~RuleOff() { rules::g_off.store(saved_); }
  RuleOff(const RuleOff&) = delete;
  RuleOff& operator=(const RuleOff&) = delete;

 private:
  std::uint64_t saved_;
};

// The metadata extract() finds on a page.
inline Metadata Meta(const std::string& html, PageInfo page = {}) {
  return extract(html, page).metadata;
}

// Three paragraphs of an article: enough text for a page to have one.
inline const std::string kBody =
    "<p>The council met on Tuesday evening to discuss the new budget for the coming year, "
    "and the debate went on until well after midnight, with many residents attending.</p>"
    "<p>Several members argued that the library should get more money, while others said "
    "that the roads needed repairs first, and the vote was postponed to next week.</p>"
    "<p>The mayor said she was confident that an agreement would be reached soon, and "
    "thanked everyone who had come to speak at the meeting for their patience.</p>";

}  // namespace test_util
}  // namespace extractor

#endif  // EXTRACTOR_TESTS_METADATA_TEST_UTIL_H_
