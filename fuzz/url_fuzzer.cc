// libFuzzer target over the URL filter (lib/safe_url.h): the input is an
// attribute value, taken two ways — as the bytes a parser hands over, and
// as markup that Gumbo decodes first (character references, NULs), the way
// a page's href reaches the filter.
//
// The invariant (url_invariant.h): whatever the filter keeps is a URL a
// browser and a careless decoder downstream both read as http(s), mailto
// (links only) or relative (fuzz/url_oracle.h judges); it holds no byte an
// output may not write raw; it is kept unchanged by a second pass; and its
// Markdown form holds nothing that would end a destination early. A broken
// invariant aborts, which libFuzzer reports with the input.
//
// Build and run: see fuzz/README.md.
#include <gumbo.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "url_invariant.h"

namespace {

void check(std::string_view value) {
  const std::string broken = url_invariant::violation(value);
  if (broken.empty()) return;
  std::fprintf(stderr, "url_fuzzer: %s\n", broken.c_str());
  std::abort();
}

// The value of href in `<a href="INPUT">`, as the parser decodes it.
std::string parsed_value(std::string_view input) {
  std::string page = "<a href=\"";
  for (char c : input) page += c == '"' ? '\'' : c;
  page += "\">x</a>";
  GumboOutput* out = gumbo_parse_with_options(&kGumboDefaultOptions, page.data(), page.size());
  std::string value;
  // html > body > a, when the input has not broken out of the tag.
  const GumboNode* body = nullptr;
  const GumboVector& top = out->root->v.element.children;
  for (unsigned i = 0; i < top.length; ++i) {
    const auto* n = static_cast<const GumboNode*>(top.data[i]);
    if (n->type == GUMBO_NODE_ELEMENT && n->v.element.tag == GUMBO_TAG_BODY) body = n;
  }
  if (body != nullptr && body->v.element.children.length > 0) {
    const auto* a = static_cast<const GumboNode*>(body->v.element.children.data[0]);
    if (a->type == GUMBO_NODE_ELEMENT) {
      if (const GumboAttribute* href = gumbo_get_attribute(&a->v.element.attributes, "href"))
        value = href->value;
    }
  }
  gumbo_destroy_output(&kGumboDefaultOptions, out);
  return value;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size > 4096) return 0;  // URLs, not pages: long ones only slow the search
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  check(input);
  check(parsed_value(input));
  return 0;
}
