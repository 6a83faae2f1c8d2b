// Stage 0: bytes that are no web page at all.
//
// Crawlers hand over whatever a URL served: PDFs, images, archives, a
// gzip body whose Content-Encoding was lost, executables. Decoded as text
// they give pages of junk; extract() returns nothing for them instead, and
// Result::empty_reason says what the bytes are.
#ifndef EXTRACTOR_LIB_SNIFF_H_
#define EXTRACTOR_LIB_SNIFF_H_

#include <string_view>

namespace extractor {

// What the bytes are when they are not text (HTML, XML or plain text, in
// any charset, UTF-16 included): a file signature at the start ("a PDF
// document", "a PNG image", "gzip-compressed data", "a ZIP archive", ...),
// else "binary data" when more than 1 in 20 of the first 8 KB are control
// bytes no text holds. nullptr for text: a page with a few NUL bytes in it
// is still a page.
const char* sniff_binary(std::string_view bytes);

}  // namespace extractor

#endif  // EXTRACTOR_LIB_SNIFF_H_
