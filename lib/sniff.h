// Stage 0: bytes that are no web page at all.
//
// Crawlers hand over whatever a URL served: PDFs, images, archives, a
// gzip body whose Content-Encoding was lost, executables. Decoded as text
// they give pages of junk; extract() returns nothing for them instead, and
// Result::empty_reason says what the bytes are.
#ifndef EXTRACTOR_LIB_SNIFF_H_
#define EXTRACTOR_LIB_SNIFF_H_

#include <string_view>

#include "extractor/extractor.h"

namespace extractor {

// What the bytes are when they are not text (HTML, XML or plain text, in
// any charset, UTF-16 included), as the EmptyReason extract() gives: a file
// signature at the start (kPdf, kImage, kGzip, kArchive, ...), else kBinary
// when more than 1 in 20 of the first 8 KB are control bytes no text holds.
// EmptyReason::kNone for text: a page with a few NUL bytes is still a page.
EmptyReason sniff_binary(std::string_view bytes);

// The file format named by the signature, for messages and tests ("a PNG
// image", "xz-compressed data"); nullptr when there is none.
const char* sniff_format(std::string_view bytes);

}  // namespace extractor

#endif  // EXTRACTOR_LIB_SNIFF_H_
