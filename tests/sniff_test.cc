// Bytes that are no web page (lib/sniff): named by what they are, and
// extract() returns no text for them instead of decoded junk.
#include "sniff.h"

#include <gtest/gtest.h>

#include <string>
#include <string_view>

#include "extractor/extractor.h"
#include "hostile.h"

namespace extractor {
namespace {

std::string Bytes(std::string_view head, std::size_t random = 4096) {
  return std::string(head) + hostile::random_bytes(random, 9);
}

// "text", the format a signature names, or "binary data".
std::string Sniff(const std::string& bytes) {
  if (sniff_binary(bytes) == EmptyReason::kNone) return "text";
  const char* format = sniff_format(bytes);
  return format != nullptr ? format : "binary data";
}

TEST(Sniff, Documents) {
  EXPECT_EQ(Sniff(hostile::pdf(1000)), "a PDF document");
  EXPECT_EQ(Sniff(Bytes(std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8))),
            "a Microsoft Office document (OLE)");
  EXPECT_EQ(Sniff(Bytes(std::string("SQLite format 3\0", 16))), "an SQLite database");
}

TEST(Sniff, Images) {
  EXPECT_EQ(Sniff(hostile::png(1000)), "a PNG image");
  EXPECT_EQ(Sniff(Bytes("\xFF\xD8\xFF\xE0")), "a JPEG image");
  EXPECT_EQ(Sniff(Bytes("GIF89a")), "a GIF image");
  EXPECT_EQ(Sniff(Bytes(std::string("RIFF\x10\0\0\0WEBPVP8 ", 16))), "a WebP image");
  EXPECT_EQ(Sniff(Bytes(std::string("\0\0\0\x1C" "ftypavif", 12))), "an AVIF image");
  EXPECT_EQ(Sniff(Bytes(std::string("II*\0", 4))), "a TIFF image");
}

TEST(Sniff, ArchivesAndCompressedData) {
  EXPECT_EQ(Sniff(hostile::gzip(1000)), "gzip-compressed data");
  EXPECT_EQ(Sniff(Bytes("PK\x03\x04")),
            "a ZIP archive (or a document packed as one: docx, xlsx, epub, jar)");
  EXPECT_EQ(Sniff(Bytes("BZh91AY&SY")), "bzip2-compressed data");
  EXPECT_EQ(Sniff(Bytes(std::string("\xFD" "7zXZ\0", 6))), "xz-compressed data");
  EXPECT_EQ(Sniff(Bytes("\x28\xB5\x2F\xFD")), "zstd-compressed data");
  EXPECT_EQ(Sniff(Bytes("7z\xBC\xAF\x27\x1C")), "a 7z archive");
  EXPECT_EQ(Sniff(Bytes("Rar!\x1A\x07\x01")), "a RAR archive");
  // tar: a file name, then "ustar" at byte 257 of the header.
  std::string tar(512, '\0');
  tar.replace(0, 9, "notes.txt");
  tar.replace(257, 6, std::string("ustar\0", 6));
  EXPECT_EQ(Sniff(tar + "Some plain text in the archive."), "a tar archive");
}

TEST(Sniff, ExecutablesAndMedia) {
  EXPECT_EQ(Sniff(Bytes("\x7F" "ELF\x02\x01\x01")), "an executable (ELF)");
  EXPECT_EQ(Sniff(Bytes(std::string("\0asm\1\0\0\0", 8))), "a WebAssembly module");
  EXPECT_EQ(Sniff(Bytes(std::string("\0\0\0\x18" "ftypmp42", 12))),
            "an MP4 or QuickTime media file");
  EXPECT_EQ(Sniff(Bytes(std::string("ID3\x04\0\0\0\0\0\0", 10))), "an MP3 audio file");
}

TEST(Sniff, BinaryWithoutASignature) {
  EXPECT_EQ(Sniff(hostile::random_bytes(10000, 4)), "binary data");
  // Even after an HTML-looking start.
  EXPECT_EQ(Sniff("<html>" + hostile::random_bytes(10000, 5)), "binary data");
}

TEST(Sniff, TextIsText) {
  EXPECT_EQ(Sniff(""), "text");
  EXPECT_EQ(Sniff("<!DOCTYPE html><html><body><p>Hello.</p></body></html>"), "text");
  EXPECT_EQ(Sniff("Plain text, a line.\n\tAnd another\r\n\f"), "text");
  // A few NUL bytes in a page do not make it binary.
  EXPECT_EQ(Sniff(hostile::nul_bytes(100)), "text");
  // Legacy charsets and ISO-2022 (escape sequences) are text.
  EXPECT_EQ(Sniff("<p>\xC0\xE1\xE2\xE3 \xE4\xE5\xE6, \x80\x93 \x1B$B$3$s\x1B(B</p>"), "text");
  // UTF-16 without a byte order mark: NUL beside every ASCII character.
  std::string utf16le;
  for (char c : std::string("<html><body><p>Hello, world. A page in UTF-16.</p></body></html>")) {
    utf16le += c;
    utf16le += '\0';
  }
  EXPECT_EQ(Sniff(utf16le), "text");
  EXPECT_EQ(Sniff('\0' + utf16le.substr(0, utf16le.size() - 1)), "text");  // big-endian
  // Starting like a signature is not enough where the signature is specific.
  EXPECT_EQ(Sniff("BZh is how this text starts.\n"), "text");
  EXPECT_EQ(Sniff("ID3 tags: a page about MP3 metadata."), "text");
}

TEST(Sniff, KindsOfBytes) {
  EXPECT_EQ(sniff_binary(hostile::pdf(100)), EmptyReason::kPdf);
  EXPECT_EQ(sniff_binary(hostile::png(100)), EmptyReason::kImage);
  EXPECT_EQ(sniff_binary(Bytes("GIF89a")), EmptyReason::kImage);
  EXPECT_EQ(sniff_binary(hostile::gzip(100)), EmptyReason::kGzip);
  EXPECT_EQ(sniff_binary(Bytes("BZh91AY&SY")), EmptyReason::kCompressed);
  EXPECT_EQ(sniff_binary(Bytes("PK\x03\x04")), EmptyReason::kArchive);
  EXPECT_EQ(sniff_binary(Bytes(std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8))),
            EmptyReason::kDocument);
  EXPECT_EQ(sniff_binary(Bytes("\x7F" "ELF\x02")), EmptyReason::kExecutable);
  EXPECT_EQ(sniff_binary(Bytes("OggS")), EmptyReason::kMedia);
  EXPECT_EQ(sniff_binary(Bytes("wOF2")), EmptyReason::kFont);
  EXPECT_EQ(sniff_binary(hostile::random_bytes(10000, 4)), EmptyReason::kBinary);
  EXPECT_EQ(sniff_binary(hostile::nul_bytes(10)), EmptyReason::kNone);
  EXPECT_STREQ(to_string(EmptyReason::kGzip), "gzip");
  EXPECT_EQ(from_string<EmptyReason>("pdf"), EmptyReason::kPdf);
  EXPECT_EQ(from_string<EmptyReason>("not a web page: binary data"), EmptyReason::kBinary);
}

TEST(Sniff, ExtractReturnsNoTextAndSaysWhatTheBytesAre) {
  const Extractor ex;
  struct Case {
    std::string bytes;
    EmptyReason reason;
    std::string sentence;
  };
  const Case cases[] = {
      {hostile::pdf(100000), EmptyReason::kPdf, "not a web page: a PDF document"},
      {hostile::png(100000), EmptyReason::kImage, "not a web page: an image"},
      {hostile::gzip(100000), EmptyReason::kGzip,
       "not a web page: gzip-compressed data (a .gz file without its name, or a body saved "
       "without its Content-Encoding)"},
      {Bytes("PK\x03\x04", 100000), EmptyReason::kArchive,
       "not a web page: an archive (ZIP, tar, 7z or RAR; docx, xlsx, epub and jar are ZIP)"},
      {hostile::random_bytes(100000, 6), EmptyReason::kBinary, "not a web page: binary data"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.sentence);
    const Result r = ex.extract(c.bytes);
    EXPECT_TRUE(r.text.empty());
    EXPECT_TRUE(r.markdown.empty());
    EXPECT_TRUE(r.html.empty());
    EXPECT_TRUE(r.blocks.empty());
    EXPECT_TRUE(r.metadata.title.empty());
    EXPECT_EQ(r.empty_reason, c.reason);
    EXPECT_EQ(describe(r.empty_reason), c.sentence);
  }
  // A page with NUL bytes is read as a page.
  const Result page = ex.extract(hostile::nul_bytes(100));
  EXPECT_FALSE(page.text.empty());
  EXPECT_EQ(page.empty_reason, EmptyReason::kNone);
}

}  // namespace
}  // namespace extractor
