// What lib/safe_url.h promises, as one check: shared by the libFuzzer
// target (fuzz/url_fuzzer.cc) and the test that runs it over generated
// values in every build (tests/safe_url_test.cc).
#ifndef EXTRACTOR_FUZZ_URL_INVARIANT_H_
#define EXTRACTOR_FUZZ_URL_INVARIANT_H_

#include <string>
#include <string_view>

#include "safe_url.h"
#include "url_oracle.h"

namespace url_invariant {

// "" when the filter keeps its promises on `value`, else what it broke.
inline std::string violation(std::string_view value) {
  using extractor::UrlUse;
  for (const UrlUse use : {UrlUse::kLink, UrlUse::kImage}) {
    const bool image = use == UrlUse::kImage;
    const std::string kept = extractor::safe_url(value, use);
    if (kept.empty()) continue;
    if (!url_oracle::shown_url_ok(kept, image)) return "kept an active URL: " + kept;
    for (unsigned char c : kept)
      if (c <= 0x20 || c == 0x7F || c == '"' || c == '\'' || c == '<' || c == '>' || c == '`')
        return "kept a byte no output may write raw: " + kept;
    if (extractor::safe_url(kept, use) != kept) return "not stable on a second pass: " + kept;
    const std::string md = extractor::markdown_url(kept);
    if (md.find_first_of("()[]\\<> ") != std::string::npos)
      return "Markdown destination could end early: " + md;
    if (!url_oracle::shown_url_ok(md, image)) return "Markdown form is active: " + md;
  }
  return {};
}

}  // namespace url_invariant

#endif  // EXTRACTOR_FUZZ_URL_INVARIANT_H_
