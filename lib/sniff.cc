#include "sniff.h"

#include <cstddef>

namespace extractor {
namespace {

struct Signature {
  std::size_t offset;
  std::string_view magic;
  const char* what;
  EmptyReason reason;
};

struct Kind {
  const char* what = nullptr;
  EmptyReason reason = EmptyReason::kNone;
};

using namespace std::string_view_literals;

// File signatures: only ones no text page can start with (each has a byte
// outside printable ASCII, or is long and specific).
constexpr Signature kSignatures[] = {
    {0, "%PDF-"sv, "a PDF document", EmptyReason::kPdf},
    {0, "\x89PNG\r\n\x1a\n"sv, "a PNG image", EmptyReason::kImage},
    {0, "\xFF\xD8\xFF"sv, "a JPEG image", EmptyReason::kImage},
    {0, "GIF87a"sv, "a GIF image", EmptyReason::kImage},
    {0, "GIF89a"sv, "a GIF image", EmptyReason::kImage},
    {0, "II*\0"sv, "a TIFF image", EmptyReason::kImage},
    {0, "MM\0*"sv, "a TIFF image", EmptyReason::kImage},
    {0, "\0\0\1\0"sv, "an icon image", EmptyReason::kImage},
    {0, "\0\0\0\x0CJXL \r\n\x87\n"sv, "a JPEG XL image", EmptyReason::kImage},
    {0, "8BPS"sv, "a Photoshop image", EmptyReason::kImage},
    {0, "PK\x03\x04"sv, "a ZIP archive (or a document packed as one: docx, xlsx, epub, jar)", EmptyReason::kArchive},
    {0, "PK\x05\x06"sv, "a ZIP archive", EmptyReason::kArchive},
    {0, "\x1F\x8B"sv, "gzip-compressed data", EmptyReason::kGzip},
    {0, "BZh"sv, nullptr, EmptyReason::kNone},  // checked below: "BZh" + block size + block magic
    {0, "\xFD" "7zXZ\0"sv, "xz-compressed data", EmptyReason::kCompressed},
    {0, "\x28\xB5\x2F\xFD"sv, "zstd-compressed data", EmptyReason::kCompressed},
    {0, "\x04\x22\x4D\x18"sv, "LZ4-compressed data", EmptyReason::kCompressed},
    {0, "7z\xBC\xAF\x27\x1C"sv, "a 7z archive", EmptyReason::kArchive},
    {0, "Rar!\x1A\x07"sv, "a RAR archive", EmptyReason::kArchive},
    {257, "ustar"sv, "a tar archive", EmptyReason::kArchive},
    {0, "\x7F" "ELF"sv, "an executable (ELF)", EmptyReason::kExecutable},
    {0, "\xCF\xFA\xED\xFE"sv, "an executable (Mach-O)", EmptyReason::kExecutable},
    {0, "\xCA\xFE\xBA\xBE"sv, "a Java class file or Mach-O executable", EmptyReason::kExecutable},
    {0, "\0asm"sv, "a WebAssembly module", EmptyReason::kExecutable},
    {0, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"sv, "a Microsoft Office document (OLE)", EmptyReason::kDocument},
    {0, "SQLite format 3\0"sv, "an SQLite database", EmptyReason::kDocument},
    {0, "OggS"sv, "an Ogg audio or video file", EmptyReason::kMedia},
    {0, "fLaC"sv, "a FLAC audio file", EmptyReason::kMedia},
    {0, "ID3"sv, nullptr, EmptyReason::kNone},  // checked below: version bytes
    {0, "\x1A\x45\xDF\xA3"sv, "a Matroska or WebM video", EmptyReason::kMedia},
    {0, "wOFF"sv, "a web font (WOFF)", EmptyReason::kFont},
    {0, "wOF2"sv, "a web font (WOFF2)", EmptyReason::kFont},
    {0, "\0\1\0\0\0"sv, "a TrueType font", EmptyReason::kFont},
    {0, "OTTO\0"sv, "an OpenType font", EmptyReason::kFont},
};

bool at(std::string_view bytes, std::size_t offset, std::string_view magic) {
  return bytes.size() >= offset + magic.size() && bytes.substr(offset, magic.size()) == magic;
}

// RIFF and ISO base media containers name their kind a few bytes in.
Kind container(std::string_view b) {
  if (at(b, 0, "RIFF") && b.size() >= 12) {
    const std::string_view kind = b.substr(8, 4);
    if (kind == "WEBP") return {"a WebP image", EmptyReason::kImage};
    if (kind == "WAVE") return {"a WAV audio file", EmptyReason::kMedia};
    if (kind == "AVI ") return {"an AVI video", EmptyReason::kMedia};
    return {"a RIFF media file", EmptyReason::kMedia};
  }
  if (at(b, 4, "ftyp") && b.size() >= 12) {
    const std::string_view brand = b.substr(8, 4);
    if (brand == "avif" || brand == "avis") return {"an AVIF image", EmptyReason::kImage};
    if (brand == "heic" || brand == "heix" || brand == "mif1" || brand == "msf1")
      return {"a HEIF image", EmptyReason::kImage};
    return {"an MP4 or QuickTime media file", EmptyReason::kMedia};
  }
  if (at(b, 0, "BZh") && b.size() >= 10 && b[3] >= '1' && b[3] <= '9' &&
      b.substr(4, 6) == "\x31\x41\x59\x26\x53\x59"sv)
    return {"bzip2-compressed data", EmptyReason::kCompressed};
  if (at(b, 0, "ID3") && b.size() >= 10 && static_cast<unsigned char>(b[3]) <= 4 &&
      static_cast<unsigned char>(b[4]) < 0x10)
    return {"an MP3 audio file", EmptyReason::kMedia};
  return {};
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

Kind signature(std::string_view bytes) {
  for (const Signature& s : kSignatures)
    if (s.what != nullptr && at(bytes, s.offset, s.magic)) return {s.what, s.reason};
  return container(bytes);
}

}  // namespace

const char* sniff_format(std::string_view bytes) { return signature(bytes).what; }

EmptyReason sniff_binary(std::string_view bytes) {
  if (bytes.empty()) return EmptyReason::kNone;
  const Kind kind = signature(bytes);
  if (kind.what != nullptr) return kind.reason;
  // Byte order marks: text, whatever follows.
  if (at(bytes, 0, "\xEF\xBB\xBF") || at(bytes, 0, "\xFF\xFE") || at(bytes, 0, "\xFE\xFF"))
    return EmptyReason::kNone;
  const std::string_view sample = bytes.substr(0, 8192);
  std::size_t controls = 0;
  for (const char ch : sample) controls += control(static_cast<unsigned char>(ch));
  if (controls * 20 <= sample.size() || controls < 4) return EmptyReason::kNone;
  if (utf16_text(sample)) return EmptyReason::kNone;
  return EmptyReason::kBinary;
}

}  // namespace extractor
