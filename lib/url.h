// URLs, for every stage: resolution against a base, the host, and whether
// a text reads as a URL.
#ifndef EXTRACTOR_LIB_URL_H_
#define EXTRACTOR_LIB_URL_H_

#include <string>
#include <string_view>

namespace extractor {

// Resolves `ref` against `base` (RFC 3986, section 5.2). Returns `ref` as is
// when base is empty or ref is already absolute.
std::string resolve_url(std::string_view base, std::string_view ref);

// The host of an absolute URL, lower-cased ("https://WWW.Example.com:8080/a"
// -> "www.example.com"); "" when `url` has no "://".
std::string host_of(std::string_view url);

// True when `s` looks like a URL or a path ("http://", "https://", "//",
// "www.", or starts with '/').
bool looks_like_url(std::string_view s);

}  // namespace extractor

#endif  // EXTRACTOR_LIB_URL_H_
