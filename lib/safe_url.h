// Which of a page's URLs may reach an output, and how each output writes
// them. Every link and image the library hands out — Block::src, Span::href,
// Metadata::url and ::image, the Markdown and HTML — passes through here.
//
// Readers, archives and chat tools show what we extract, so a URL that a
// browser or a Markdown renderer would run as script must never come out,
// however the page disguised it: upper case, character references,
// percent-encoding, tabs, newlines or controls inside the scheme.
#ifndef EXTRACTOR_LIB_SAFE_URL_H_
#define EXTRACTOR_LIB_SAFE_URL_H_

#include <string>
#include <string_view>

namespace extractor {

enum class UrlUse {
  kLink,   // <a href>: http, https, mailto or a relative reference
  kImage,  // <img src>, the canonical and image URLs: http, https or relative
};

// The URL as outputs write it, or "" when it may not be shown.
//
// Judged as a browser reads an attribute value: leading and trailing C0
// controls and spaces stripped, every tab, CR and LF removed, the scheme
// compared without regard to case. That scheme must be one `use` allows, or
// absent (a relative reference). A second reading of the value with
// character references, percent-escapes and backslash escapes undone
// (repeatedly, as a chain of tools that each decode once more would see it)
// and every byte that is white space, a control or part of a non-ASCII
// character dropped must not name another scheme either, so that no later
// decoding step turns it into javascript:, vbscript: or data:. The URL kept has its remaining controls, spaces, quotes, angle
// brackets and backticks percent-encoded; nothing else about it changes.
std::string safe_url(std::string_view url, UrlUse use);

// `*url` replaced by what safe_url() returns for it, without a copy when it
// is kept as it is (most URLs).
void make_safe_url(std::string* url, UrlUse use);

// `url` (already safe_url's) as a Markdown link or image destination: also
// percent-encodes what CommonMark and older renderers read inside a
// destination — parentheses, square brackets, backslashes, and an '&' that
// begins a character reference — so that the destination ends where we
// mean and says what we mean.
std::string markdown_url(std::string_view url);

}  // namespace extractor

#endif  // EXTRACTOR_LIB_SAFE_URL_H_
