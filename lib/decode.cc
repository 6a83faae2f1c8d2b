// Bytes -> UTF-8, the way browsers decide, with a statistical guess for pages
// that declare nothing or declare wrongly.
//
// Order of evidence:
//   1. a byte-order mark;
//   2. valid UTF-8 holding non-ASCII characters is UTF-8, whatever the page or
//      the transport says: a legacy single-byte or CJK text is practically
//      never well-formed UTF-8 by accident, while "UTF-8 page declared as
//      Latin-1" is a common mistake (most of the l3s-gn1 set);
//   3. the transport's charset, then the page's own declaration, unless the
//      detector is confident that the bytes are a multibyte CJK charset and
//      the declaration a single-byte one (a frequent mistake on Chinese pages);
//   4. ICU's charset detector; 5. windows-1252.
//
// Conversion uses ICU, the engine under Boost.Locale's ICU backend: Boost's
// own converter can only skip or stop at an invalid byte, while ICU
// substitutes U+FFFD as browsers do, so nothing is silently lost.
#include "decode.h"

#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <cstring>
#include <memory>
#include <string>
#include <vector>

#include "chars.h"
#include "re2/re2.h"

namespace extractor {
namespace {

// WHATWG Encoding Standard labels whose browser behaviour differs from what a
// plain ICU lookup of the label would give.
struct LabelMapping {
  const char* label;
  const char* converter;
};
constexpr LabelMapping kLabelMappings[] = {
    {"utf-8", "utf-8"},
    {"utf8", "utf-8"},
    {"unicode-1-1-utf-8", "utf-8"},
    {"x-unicode20utf8", "utf-8"},
    // Latin-1 and ASCII labels mean windows-1252 in every browser.
    {"iso-8859-1", "windows-1252"},
    {"iso8859-1", "windows-1252"},
    {"iso_8859-1", "windows-1252"},
    {"iso88591", "windows-1252"},
    {"latin1", "windows-1252"},
    {"l1", "windows-1252"},
    {"ascii", "windows-1252"},
    {"us-ascii", "windows-1252"},
    {"cp819", "windows-1252"},
    {"ibm819", "windows-1252"},
    {"cp1252", "windows-1252"},
    {"x-cp1252", "windows-1252"},
    {"windows-1252", "windows-1252"},
    {"iso-8859-9", "windows-1254"},
    {"latin5", "windows-1254"},
    {"iso-8859-11", "windows-874"},
    {"tis-620", "windows-874"},
    // GB2312 and GBK pages are decoded as their superset GB18030.
    {"gb2312", "gb18030"},
    {"gb_2312", "gb18030"},
    {"gb_2312-80", "gb18030"},
    {"gbk", "gb18030"},
    {"x-gbk", "gb18030"},
    {"cp936", "gb18030"},
    {"ms936", "gb18030"},
    {"windows-936", "gb18030"},
    {"chinese", "gb18030"},
    {"csgb2312", "gb18030"},
    {"euc-cn", "gb18030"},
    {"gb18030", "gb18030"},
    {"big5", "big5"},
    {"big5-hkscs", "big5"},
    {"cn-big5", "big5"},
    {"x-x-big5", "big5"},
    {"euc-kr", "windows-949"},
    {"ks_c_5601-1987", "windows-949"},
    {"korean", "windows-949"},
    {"shift_jis", "windows-31j"},
    {"shift-jis", "windows-31j"},
    {"sjis", "windows-31j"},
    {"x-sjis", "windows-31j"},
    {"ms_kanji", "windows-31j"},
    {"cp932", "windows-31j"},
    {"windows-31j", "windows-31j"},
    {"x-user-defined", "windows-1252"},
    {"utf-16", "utf-16le"},
    {"unicode", "utf-16le"},
    {"ucs-2", "utf-16le"},
};

std::string lower_trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '"' || s.front() == '\''))
    s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '"' || s.back() == '\'' ||
                        s.back() == ';'))
    s.remove_suffix(1);
  return lower_ascii(s);
}

bool is_cjk_multibyte(std::string_view converter) {
  return converter == "gb18030" || converter == "big5" || converter == "windows-949" ||
         converter == "windows-31j" || converter == "euc-jp" ||
         converter == "iso-2022-jp" || converter == "iso-2022-kr" ||
         converter == "iso-2022-cn";
}

bool is_ascii(std::string_view s) {
  // Eight bytes at a time; the tail byte by byte.
  std::size_t i = 0;
  for (; i + 8 <= s.size(); i += 8) {
    std::uint64_t w;
    std::memcpy(&w, s.data() + i, 8);
    if (w & 0x8080808080808080ULL) return false;
  }
  for (; i < s.size(); ++i)
    if (static_cast<unsigned char>(s[i]) & 0x80) return false;
  return true;
}

// The detector is fed at most this much of a page. A quarter megabyte is far
// more than it needs to be sure, and bounds its cost on huge pages.
constexpr std::size_t kDetectorSample = 256 * 1024;

struct DetectorCloser {
  void operator()(UCharsetDetector* d) const { ucsdet_close(d); }
};

// Which of the detector's answers count. ICU runs every recognizer on every
// sample (ICU 72's detectAll ignores ucsdet_setDetectableCharset), so the
// choice is made among its ranked answers. The EBCDIC ones (IBM420,
// IBM424), no encoding of the web, never count.
enum class Recognize {
  kAll,
  kNoCjk,    // not the multibyte CJK ones: the bytes cannot be CJK
  kOnlyCjk,  // only the multibyte CJK ones: which of them, is the question
};

// ICU's detector, fed a sample; returns the canonical converter and its
// confidence (0..100) of the best answer that counts, or {"", 0}.
std::pair<std::string, int> detect_sample(std::string_view bytes, Recognize which);

std::size_t high_bytes(std::string_view s) {
  return static_cast<std::size_t>(std::count_if(
      s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; }));
}

// At most 16 bytes >= 0x80, and at most one in a thousand, in the sample.
bool hardly_any_non_ascii(std::string_view bytes) {
  const std::string_view sample = bytes.substr(0, kDetectorSample);
  const std::size_t high = high_bytes(sample);
  return high <= 16 && high * 1000 <= sample.size();
}

// The detector costs about a thousand instructions per byte of its sample:
// on small legacy pages with no declared charset it was a quarter of
// extract() (cleaneval). So the page's first 4 KB go first, then 4 KB
// around its first non-ASCII byte, then its first 16 KB, and an answer
// stands when it is a single-byte charset with some confidence, from a
// sample that holds some of the page's non-ASCII bytes (which are what
// charsets differ in). A multibyte CJK answer needs the
// whole sample to say which CJK charset (on 16 KB of a Korean page the
// detector says GB18030, with confidence 70 and more, where the whole page
// says EUC-KR), but not that it is one: a confident CJK answer sends the
// whole sample back, where only the CJK answers count. Outputs on all
// dataset pages are the same as with the whole sample every time.
std::pair<std::string, int> detect(std::string_view bytes, bool cjk) {
  constexpr std::size_t kQuickSamples[] = {4 * 1024, 16 * 1024};
  constexpr int kQuickConfidence = 30;
  constexpr int kCjkConfidence = 50;
  constexpr std::size_t kQuickHighBytes = 8;
  const Recognize which = cjk ? Recognize::kAll : Recognize::kNoCjk;
  // The first 4 KB; 4 KB from a kilobyte before the first non-ASCII byte
  // (the markup of a page's head holds none); the first 16 KB.
  std::size_t first_high = 0;
  while (first_high < bytes.size() && static_cast<unsigned char>(bytes[first_high]) < 0x80)
    ++first_high;
  std::vector<std::string_view> samples;
  for (const auto& [from, size] :
       {std::pair<std::size_t, std::size_t>{0, kQuickSamples[0]},
        {first_high > 1024 ? first_high - 1024 : 0, kQuickSamples[0]},
        {0, kQuickSamples[1]}}) {
    if (bytes.size() <= from + size) continue;
    const std::string_view sample = bytes.substr(from, size);
    if (samples.empty() || samples.back().data() != sample.data() ||
        samples.back().size() != sample.size())
      samples.push_back(sample);
  }
  for (const std::string_view sample : samples) {
    if (high_bytes(sample) < kQuickHighBytes) continue;
    auto quick = detect_sample(sample, which);
    if (quick.first.empty()) continue;
    if (!is_cjk_multibyte(quick.first)) {
      if (quick.second >= kQuickConfidence) return quick;
    } else if (quick.second >= kCjkConfidence) {
      return detect_sample(bytes, Recognize::kOnlyCjk);
    }
  }
  return detect_sample(bytes, which);
}

std::pair<std::string, int> detect_sample(std::string_view bytes, Recognize which) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UCharsetDetector, DetectorCloser> det(ucsdet_open(&status));
  if (U_FAILURE(status)) return {"", 0};
  const int32_t len = static_cast<int32_t>(std::min(bytes.size(), kDetectorSample));
  ucsdet_enableInputFilter(det.get(), true);  // ignore markup
  ucsdet_setText(det.get(), bytes.data(), len, &status);
  int32_t found = 0;
  const UCharsetMatch** matches = ucsdet_detectAll(det.get(), &found, &status);
  if (U_FAILURE(status) || matches == nullptr) return {"", 0};
  for (int32_t i = 0; i < found; ++i) {  // best first
    const char* name = ucsdet_getName(matches[i], &status);
    if (U_FAILURE(status) || name == nullptr) return {"", 0};
    if (std::strncmp(name, "IBM42", 5) == 0) continue;
    std::string charset = canonical_charset(name);
    const bool cjk = is_cjk_multibyte(charset);
    if ((which == Recognize::kNoCjk && cjk) || (which == Recognize::kOnlyCjk && !cjk)) continue;
    const int confidence = ucsdet_getConfidence(matches[i], &status);
    if (U_FAILURE(status)) return {"", 0};
    return {std::move(charset), confidence};
  }
  return {"", 0};
}

// True when the bytes are no text in a multibyte CJK charset, decided
// without running the detector, which costs ~1000 instructions a byte of
// its sample (the single-byte recognizers' n-gram passes, one per language,
// and the multibyte ones' character walks).
//
// Text in Shift_JIS, GB18030, EUC-JP, EUC-KR or Big5 writes its common
// characters (kana, hangul, the frequent hanzi) as two bytes >= 0x80 in a
// row: a page in one holds hundreds of such pairs. A page in a single-byte
// charset holds letters >= 0x80 between ASCII ones ("é" in "café"), rarely
// two in a row. So fewer than 16 pairs means not CJK; ISO-2022 text is
// 7-bit and starts with ESC. Below the pairs, the bound ICU's recognizers
// themselves set (csrmbcs.cpp: at most 10 to ten or fewer double-byte
// characters; csr2022.cpp: nothing without an ESC) holds too.
bool cjk_detection_impossible(std::string_view bytes) {
  constexpr std::size_t kMinPairs = 16;
  const std::string_view sample = bytes.substr(0, std::min(bytes.size(), kDetectorSample));
  std::size_t pairs = 0;
  bool previous_high = false;
  for (const char c : sample) {
    const unsigned char b = static_cast<unsigned char>(c);
    if (b == 0x1B) return false;
    const bool high = b >= 0x80;
    if (high && previous_high) {
      if (++pairs >= kMinPairs) return false;
      previous_high = false;  // a pair is two bytes
    } else {
      previous_high = high;
    }
  }
  return true;
}

std::string convert(std::string_view bytes, const std::string& converter) {
  if (converter == "utf-8") return repair_utf8(bytes);
  // The UnicodeString constructor converts with ICU's default callbacks:
  // an illegal sequence becomes U+FFFD, an unmapped byte U+001A / U+FFFD.
  icu::UnicodeString u(bytes.data(), static_cast<int32_t>(bytes.size()),
                       converter.c_str());
  if (u.isBogus()) return repair_utf8(bytes);
  std::string out;
  out.reserve(bytes.size() + bytes.size() / 2);
  u.toUTF8String(out);
  // Controls that ICU maps unmapped bytes to are not text.
  std::replace(out.begin(), out.end(), '\x1a', ' ');
  return out;
}

}  // namespace

std::string canonical_charset(std::string_view label) {
  const std::string l = lower_trim(label);
  if (l.empty()) return "";
  for (const auto& m : kLabelMappings)
    if (l == m.label) return m.converter;
  // Anything else ICU knows (windows-1251, koi8-r, iso-8859-2, euc-jp, ...).
  UErrorCode status = U_ZERO_ERROR;
  UConverter* cnv = ucnv_open(l.c_str(), &status);
  if (U_FAILURE(status) || cnv == nullptr) return "";
  std::string name = lower_trim(ucnv_getName(cnv, &status));
  ucnv_close(cnv);
  // ICU's own names for the common single-byte tables are of the form
  // "ibm-1251_P100-1995"; keep the web label, which ICU accepts as an alias.
  (void)name;
  return l;
}

struct CharsetPatterns {
  std::unique_ptr<RE2> xml, meta;
  CharsetPatterns() {
    RE2::Options o;
    o.set_encoding(RE2::Options::EncodingLatin1);
    o.set_case_sensitive(false);
    xml = std::make_unique<RE2>(R"(^\s*<\?xml[^>]*encoding\s*=\s*["']?([a-zA-Z0-9_:.+-]+))", o);
    o.set_dot_nl(true);
    meta = std::make_unique<RE2>(R"(<meta\s[^>]*?charset\s*=\s*["']?\s*([a-zA-Z0-9_:.+-]+))", o);
  }
};

std::shared_ptr<const CharsetPatterns> compile_charset_patterns() {
  return std::make_shared<const CharsetPatterns>();
}

std::string declared_charset(std::string_view bytes, const CharsetPatterns& patterns) {
  // Browsers look at the first 1024 bytes; real pages put the declaration
  // after long inline scripts often enough that we look further.
  constexpr std::size_t kHead = 16 * 1024;
  std::string_view head = bytes.substr(0, std::min(bytes.size(), kHead));
  std::string cs;
  if (RE2::PartialMatch(head, *patterns.meta, &cs)) return cs;
  if (RE2::PartialMatch(head, *patterns.xml, &cs)) return cs;
  return "";
}

namespace {

// Counts of well-formed multibyte characters and ill-formed sequences.
struct Utf8Census {
  std::size_t multibyte = 0;
  std::size_t invalid = 0;
};

Utf8Census utf8_census(std::string_view bytes, bool stop_at_first_error) {
  Utf8Census c;
  const std::size_t n = bytes.size();
  std::size_t i = 0;
  while (i < n) {
    // Eight ASCII bytes at a time: most of a page is markup.
    if (n - i >= 8) {
      std::uint64_t w;
      std::memcpy(&w, bytes.data() + i, 8);
      if (!(w & 0x8080808080808080ULL)) {
        i += 8;
        continue;
      }
    }
    if (!(static_cast<unsigned char>(bytes[i]) & 0x80)) {
      ++i;
      continue;
    }
    const std::size_t start = i;
    if (decode_utf8(bytes, &i) < 0) {
      ++c.invalid;
      if (stop_at_first_error) return c;
      i = start + 1;
    } else {
      ++c.multibyte;
    }
  }
  return c;
}

}  // namespace

bool is_valid_utf8(std::string_view bytes) {
  return utf8_census(bytes, /*stop_at_first_error=*/true).invalid == 0;
}

std::string repair_utf8(std::string_view bytes) {
  std::string out;
  out.reserve(bytes.size());
  const std::size_t n = bytes.size();
  std::size_t i = 0;
  while (i < n) {
    const std::size_t start = i;
    if (!(static_cast<unsigned char>(bytes[i]) & 0x80)) {
      // Copy the ASCII run in one go.
      while (i < n && !(static_cast<unsigned char>(bytes[i]) & 0x80)) ++i;
      out.append(bytes, start, i - start);
      continue;
    }
    if (decode_utf8(bytes, &i) < 0) {
      out += "\xEF\xBF\xBD";  // U+FFFD for the first byte; resync after it
      // Skip the continuation bytes that belonged to the broken sequence.
      i = start + 1;
      while (i < n && is_utf8_continuation(bytes[i]) && i - start < 4) ++i;
    } else {
      out.append(bytes, start, i - start);
    }
  }
  return out;
}

Decoded decode(std::string_view bytes, const CharsetPatterns& patterns,
               std::string_view transport_charset) {
  Decoded d;
  // 1. Byte-order marks.
  if (bytes.size() >= 3 && std::memcmp(bytes.data(), "\xEF\xBB\xBF", 3) == 0) {
    d.text = repair_utf8(bytes.substr(3));
    d.charset = "utf-8";
    d.source = CharsetSource::kBom;
    return d;
  }
  if (bytes.size() >= 2 && (std::memcmp(bytes.data(), "\xFF\xFE", 2) == 0 ||
                            std::memcmp(bytes.data(), "\xFE\xFF", 2) == 0)) {
    d.charset = bytes[0] == '\xFF' ? "utf-16le" : "utf-16be";
    d.text = convert(bytes.substr(2), d.charset);
    d.source = CharsetSource::kBom;
    return d;
  }

  const std::string transport = canonical_charset(transport_charset);
  const std::string declared = canonical_charset(declared_charset(bytes, patterns));
  const std::string& claimed = !transport.empty() ? transport : declared;
  const CharsetSource claimed_source =
      !transport.empty() ? CharsetSource::kTransport : CharsetSource::kMeta;

  // 2. Valid UTF-8. Pure ASCII decodes the same in every ASCII-compatible
  // charset; only the 7-bit stateful encodings (ISO-2022-*, HZ) and UTF-16
  // need their converter for it.
  if (is_ascii(bytes)) {
    const bool seven_bit = claimed.rfind("iso-2022", 0) == 0 || claimed == "hz-gb-2312";
    if (seven_bit) {
      d.text = convert(bytes, claimed);
      d.charset = claimed;
      d.source = claimed_source;
    } else {
      d.text.assign(bytes);
      d.charset = claimed.empty() || claimed.rfind("utf-16", 0) == 0 ? "utf-8" : claimed;
      d.source = claimed.empty() ? CharsetSource::kUtf8 : claimed_source;
    }
    return d;
  }
  // Valid UTF-8, or mostly so: pages with a few broken bytes (a truncated
  // download, one pasted Latin-1 quote) are repaired rather than decoded as
  // something else. A legacy CJK page forms a well-formed UTF-8 pair for
  // about one character in twelve by chance, a single-byte page far fewer,
  // so "four valid multibyte characters per ill-formed sequence" separates
  // them.
  //
  // When the page or the transport says UTF-8 as well, one valid multibyte
  // character per ill-formed sequence is enough: a legacy page declared as
  // UTF-8 still falls far below that (one in twelve, see above), while a
  // UTF-8 page with binary junk pasted in (a truncated download with an
  // image in it) would otherwise be decoded as windows-1252, turning every
  // accented letter into mojibake.
  const Utf8Census census = utf8_census(bytes, /*stop_at_first_error=*/false);
  const std::size_t ratio = claimed == "utf-8" ? 1 : 4;
  if (census.invalid == 0 ||
      (census.multibyte >= 8 && census.multibyte >= ratio * census.invalid)) {
    d.text = census.invalid == 0 ? std::string(bytes) : repair_utf8(bytes);
    d.charset = "utf-8";
    d.source = claimed == "utf-8" ? claimed_source : CharsetSource::kUtf8;
    return d;
  }

  // 3. What the transport or the page claims, checked against the detector
  // when the claim is a single-byte charset the detector says is really CJK.
  if (!claimed.empty() && claimed != "utf-8" && claimed.rfind("utf-16", 0) != 0) {
    if (!is_cjk_multibyte(claimed) && !cjk_detection_impossible(bytes)) {
      auto [guess, confidence] = detect(bytes, /*cjk=*/true);
      if (is_cjk_multibyte(guess) && confidence >= 50) {
        d.text = convert(bytes, guess);
        d.charset = guess;
        d.source = CharsetSource::kDetected;
        return d;
      }
    }
    d.text = convert(bytes, claimed);
    d.charset = claimed;
    d.source = claimed_source;
    return d;
  }

  // 4. Declared UTF-8 (the bytes say otherwise) or nothing: detect. An
  // undeclared page with hardly any non-ASCII bytes (a few symbols in an
  // English page) gives a detector nothing to tell charsets apart by, and
  // the answer would change a handful of characters: 5.
  const bool nothing_to_detect = claimed.empty() && hardly_any_non_ascii(bytes);
  auto [guess, confidence] = nothing_to_detect
                                 ? std::pair<std::string, int>()
                                 : detect(bytes, !cjk_detection_impossible(bytes));
  if (claimed == "utf-8" && (guess.empty() || guess == "utf-8")) {
    d.text = repair_utf8(bytes);
    d.charset = "utf-8";
    d.source = claimed_source;
    return d;
  }
  if (!guess.empty() && guess.rfind("utf-16", 0) != 0 && guess.rfind("utf-32", 0) != 0) {
    d.text = convert(bytes, guess);
    d.charset = guess;
    d.source = CharsetSource::kDetected;
    return d;
  }
  // 5. Nothing to go on.
  d.text = convert(bytes, "windows-1252");
  d.charset = "windows-1252";
  d.source = CharsetSource::kDefault;
  return d;
}

}  // namespace extractor
