#include "runs.h"

#include <algorithm>
#include <cstdint>
#include <string_view>
#include <utility>

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
  const std::size_t n = seg.blocks.size();
  // Elements that hold text: some block of theirs has a character.
  std::vector<int> chars(n + 1, 0);
  for (std::size_t i = 0; i < n; ++i) chars[i + 1] = chars[i] + seg.blocks[i].chars;
  // Each such element under its key; sorted, a key's members stand together
  // in document order. (No map and no list per key: most keys have one
  // member, and a page has thousands.)
  std::vector<std::pair<std::uint64_t, int>> keyed;
  keyed.reserve(seg.elements.size() / 2 + 1);
  for (std::size_t e = 1; e < seg.elements.size(); ++e) {
    const Element& el = seg.elements[e];
    if (!el.block_level || el.end_block <= el.first_block || el.parent < 0) continue;
    if (chars[static_cast<std::size_t>(el.end_block)] - chars[static_cast<std::size_t>(el.first_block)] <= 0)
      continue;
    std::uint64_t key = 0xCBF29CE484222325ULL ^ static_cast<std::uint64_t>(el.parent);
    key = fnv(std::string_view(reinterpret_cast<const char*>(&el.tag), sizeof el.tag), key);
    key = class_key(el.node, key);
    keyed.emplace_back(key, static_cast<int>(e));
  }
  std::sort(keyed.begin(), keyed.end());
  std::vector<Run> runs;
  for (std::size_t i = 0; i < keyed.size();) {
    std::size_t j = i + 1;
    while (j < keyed.size() && keyed[j].first == keyed[i].first) ++j;
    if (static_cast<int>(j - i) >= min_items) {
      Run r;
      r.parent = seg.elements[static_cast<std::size_t>(keyed[i].second)].parent;
      r.members.reserve(j - i);
      for (std::size_t k = i; k < j; ++k) r.members.push_back(keyed[k].second);
      runs.push_back(std::move(r));
    }
    i = j;
  }
  // In the order of their first member.
  std::sort(runs.begin(), runs.end(),
            [](const Run& a, const Run& b) { return a.members.front() < b.members.front(); });
  return runs;
}

}  // namespace extractor
