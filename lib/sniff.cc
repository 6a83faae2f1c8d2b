#include "sniff.h"

#include <cstddef>

namespace extractor {
namespace {

struct Signature {
  std::size_t offset;
  std::string_view magic;
  const char* what;
};

using namespace std::string_view_literals;

// File signatures: only ones no text page can start with (each has a byte
// outside printable ASCII, or is long and specific).
constexpr Signature kSignatures[] = {
    {0, "%PDF-"sv, "a PDF document"},
    {0, "\x89PNG\r\n\x1a\n"sv, "a PNG image"},
    {0, "\xFF\xD8\xFF"sv, "a JPEG image"},
    {0, "GIF87a"sv, "a GIF image"},
    {0, "GIF89a"sv, "a GIF image"},
    {0, "II*\0"sv, "a TIFF image"},
    {0, "MM\0*"sv, "a TIFF image"},
    {0, "\0\0\1\0"sv, "an icon image"},
    {0, "\0\0\0\x0CJXL \r\n\x87\n"sv, "a JPEG XL image"},
    {0, "8BPS"sv, "a Photoshop image"},
    {0, "PK\x03\x04"sv, "a ZIP archive (or a document packed as one: docx, xlsx, epub, jar)"},
    {0, "PK\x05\x06"sv, "a ZIP archive"},
    {0, "\x1F\x8B"sv, "gzip-compressed data"},
    {0, "BZh"sv, nullptr},  // checked below: "BZh" + block size + block magic
    {0, "\xFD" "7zXZ\0"sv, "xz-compressed data"},
    {0, "\x28\xB5\x2F\xFD"sv, "zstd-compressed data"},
    {0, "\x04\x22\x4D\x18"sv, "LZ4-compressed data"},
    {0, "7z\xBC\xAF\x27\x1C"sv, "a 7z archive"},
    {0, "Rar!\x1A\x07"sv, "a RAR archive"},
    {257, "ustar"sv, "a tar archive"},
    {0, "\x7F" "ELF"sv, "an executable (ELF)"},
    {0, "\xCF\xFA\xED\xFE"sv, "an executable (Mach-O)"},
    {0, "\xCA\xFE\xBA\xBE"sv, "a Java class file or Mach-O executable"},
    {0, "\0asm"sv, "a WebAssembly module"},
    {0, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"sv, "a Microsoft Office document (OLE)"},
    {0, "SQLite format 3\0"sv, "an SQLite database"},
    {0, "OggS"sv, "an Ogg audio or video file"},
    {0, "fLaC"sv, "a FLAC audio file"},
    {0, "ID3"sv, nullptr},  // checked below: version bytes
    {0, "\x1A\x45\xDF\xA3"sv, "a Matroska or WebM video"},
    {0, "wOFF"sv, "a web font (WOFF)"},
    {0, "wOF2"sv, "a web font (WOFF2)"},
    {0, "\0\1\0\0\0"sv, "a TrueType font"},
    {0, "OTTO\0"sv, "an OpenType font"},
};

bool at(std::string_view bytes, std::size_t offset, std::string_view magic) {
  return bytes.size() >= offset + magic.size() && bytes.substr(offset, magic.size()) == magic;
}

// RIFF and ISO base media containers name their kind a few bytes in.
const char* container(std::string_view b) {
  if (at(b, 0, "RIFF") && b.size() >= 12) {
    const std::string_view kind = b.substr(8, 4);
    if (kind == "WEBP") return "a WebP image";
    if (kind == "WAVE") return "a WAV audio file";
    if (kind == "AVI ") return "an AVI video";
    return "a RIFF media file";
  }
  if (at(b, 4, "ftyp") && b.size() >= 12) {
    const std::string_view brand = b.substr(8, 4);
    if (brand == "avif" || brand == "avis") return "an AVIF image";
    if (brand == "heic" || brand == "heix" || brand == "mif1" || brand == "msf1")
      return "a HEIF image";
    return "an MP4 or QuickTime media file";
  }
  if (at(b, 0, "BZh") && b.size() >= 10 && b[3] >= '1' && b[3] <= '9' &&
      b.substr(4, 6) == "\x31\x41\x59\x26\x53\x59"sv)
    return "bzip2-compressed data";
  if (at(b, 0, "ID3") && b.size() >= 10 && static_cast<unsigned char>(b[3]) <= 4 &&
      static_cast<unsigned char>(b[4]) < 0x10)
    return "an MP3 audio file";
  return nullptr;
}

// Bytes that no text holds: C0 controls but tab, line feed, vertical tab,
// form feed, carriage return and escape (ISO-2022 uses it), and DEL.
bool control(unsigned char c) {
  return (c < 0x20 && c != '\t' && c != '\n' && c != '\v' && c != '\f' && c != '\r' &&
          c != 0x1B) ||
         c == 0x7F;
}

// UTF-16 text without a byte order mark: its NUL bytes fall on one side of
// every pair (ASCII characters), and the other side holds text.
bool utf16_text(std::string_view s) {
  std::size_t nul[2] = {0, 0}, other_control[2] = {0, 0};
  for (std::size_t i = 0; i + 1 < s.size(); i += 2) {
    for (int k = 0; k < 2; ++k) {
      const auto c = static_cast<unsigned char>(s[i + static_cast<std::size_t>(k)]);
      if (c == 0) ++nul[k];
      else if (control(c)) ++other_control[k];
    }
  }
  const std::size_t pairs = s.size() / 2;
  for (int k = 0; k < 2; ++k) {
    const int o = 1 - k;
    // Most pairs have their NUL on side k and none on the other side; the
    // other side's bytes are not controls.
    if (nul[k] * 2 >= pairs && nul[o] * 50 <= pairs && other_control[o] * 50 <= pairs)
      return true;
  }
  return false;
}

}  // namespace

const char* sniff_binary(std::string_view bytes) {
  if (bytes.empty()) return nullptr;
  for (const Signature& s : kSignatures)
    if (s.what != nullptr && at(bytes, s.offset, s.magic)) return s.what;
  if (const char* what = container(bytes)) return what;
  // Byte order marks: text, whatever follows.
  if (at(bytes, 0, "\xEF\xBB\xBF") || at(bytes, 0, "\xFF\xFE") || at(bytes, 0, "\xFE\xFF"))
    return nullptr;
  const std::string_view sample = bytes.substr(0, 8192);
  std::size_t controls = 0;
  for (const char ch : sample) controls += control(static_cast<unsigned char>(ch));
  if (controls * 20 <= sample.size() || controls < 4) return nullptr;
  if (utf16_text(sample)) return nullptr;
  return "binary data";
}

}  // namespace extractor
