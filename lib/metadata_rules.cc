// The metadata rules by name. See metadata_rules.h.
#include "metadata_rules.h"

namespace extractor {
namespace rules {

std::atomic<std::uint64_t> g_off{0};

const std::vector<Info>& all() {
  static const std::vector<Info> table = {
#define EXTRACTOR_RULE_INFO(e, n, d) {e, n, d},
      EXTRACTOR_METADATA_RULES(EXTRACTOR_RULE_INFO)
#undef EXTRACTOR_RULE_INFO
  };
  return table;
}

bool switch_off(std::string_view name) {
  for (const Info& i : all())
    if (name == i.name) {
      g_off.fetch_or(std::uint64_t{1} << i.rule, std::memory_order_relaxed);
      return true;
    }
  return false;
}

}  // namespace rules
}  // namespace extractor
