#include "runs.h"

#include <cstdint>
#include <string_view>
#include <unordered_map>

#include "dom.h"

namespace extractor {
namespace {

std::uint64_t fnv(std::string_view s, std::uint64_t h) {
  for (unsigned char c : s) h = (h ^ c) * 0x100000001B3ULL;
  return h;
}

// The element's first class, hashed without its digits.
std::uint64_t class_key(const GumboNode* node, std::uint64_t h) {
  std::string_view cls = attribute(node, "class");
  while (!cls.empty() && (cls.front() == ' ' || cls.front() == '\t' || cls.front() == '\n'))
    cls.remove_prefix(1);
  for (unsigned char c : cls) {
    if (c == ' ' || c == '\t' || c == '\n') break;
    if (c >= '0' && c <= '9') continue;
    h = (h ^ c) * 0x100000001B3ULL;
  }
  return h;
}

}  // namespace

std::vector<Run> find_runs(const Segments& seg, int min_items) {
  std::vector<Run> runs;
  const std::size_t n = seg.blocks.size();
  // Elements that hold text: some block of theirs has a character.
  std::vector<int> chars(n + 1, 0);
  for (std::size_t i = 0; i < n; ++i) chars[i + 1] = chars[i] + seg.blocks[i].chars;
  std::unordered_map<std::uint64_t, int> index;  // key -> runs[]
  index.reserve(seg.elements.size() / 4 + 1);
  for (std::size_t e = 1; e < seg.elements.size(); ++e) {
    const Element& el = seg.elements[e];
    if (!el.block_level || el.end_block <= el.first_block || el.parent < 0) continue;
    if (chars[static_cast<std::size_t>(el.end_block)] - chars[static_cast<std::size_t>(el.first_block)] <= 0)
      continue;
    std::uint64_t key = 0xCBF29CE484222325ULL ^ static_cast<std::uint64_t>(el.parent);
    key = fnv(std::string_view(reinterpret_cast<const char*>(&el.tag), sizeof el.tag), key);
    key = class_key(el.node, key);
    const auto [it, added] = index.emplace(key, static_cast<int>(runs.size()));
    if (added) runs.push_back(Run{el.parent, {}});
    runs[static_cast<std::size_t>(it->second)].members.push_back(static_cast<int>(e));
  }
  std::size_t kept = 0;
  for (std::size_t r = 0; r < runs.size(); ++r) {
    if (static_cast<int>(runs[r].members.size()) < min_items) continue;
    if (kept != r) runs[kept] = std::move(runs[r]);
    ++kept;
  }
  runs.resize(kept);
  return runs;
}

}  // namespace extractor
