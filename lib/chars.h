// Characters, for every stage: UTF-8 code points (ICU's U8_NEXT) and the
// boundaries between them, ASCII classes and case, and the CJK ranges. The
// text the stages see is valid UTF-8 (decode() makes it so); the helpers
// still never read past the end or loop on bad bytes.
#ifndef EXTRACTOR_LIB_CHARS_H_
#define EXTRACTOR_LIB_CHARS_H_

#include <unicode/utf8.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace extractor {

// --- UTF-8 -------------------------------------------------------------------

inline bool is_utf8_continuation(char c) {
  return (static_cast<unsigned char>(c) & 0xC0) == 0x80;
}

// The code point at s[*i], moving *i past it; -1 for an ill-formed sequence
// (*i then moves past its longest well-formed start, at least one byte).
inline std::int32_t decode_utf8(std::string_view s, std::size_t* i) {
  const unsigned char c = static_cast<unsigned char>(s[*i]);
  if (c < 0x80) {
    ++*i;
    return c;
  }
  // A window of at most one sequence keeps ICU's int32_t offsets small on
  // any length of text.
  const auto n = static_cast<std::int32_t>(std::min<std::size_t>(s.size() - *i, 4));
  std::int32_t k = 0;
  UChar32 cp;
  U8_NEXT(s.data() + *i, k, n, cp);
  *i += static_cast<std::size_t>(k);
  return cp;
}

// The code point at s[*i], moving *i past it; U+FFFD for an ill-formed
// sequence.
inline char32_t next_code_point(std::string_view s, std::size_t* i) {
  const std::int32_t cp = decode_utf8(s, i);
  return cp < 0 ? 0xFFFD : static_cast<char32_t>(cp);
}

// Appends the UTF-8 form of a code point (nothing for a surrogate or a value
// past U+10FFFF).
inline void append_utf8(char32_t cp, std::string* out) {
  char buf[U8_MAX_LENGTH];
  std::int32_t n = 0;
  UBool error = false;
  U8_APPEND(buf, n, U8_MAX_LENGTH, static_cast<UChar32>(cp), error);
  if (!error) out->append(buf, static_cast<std::size_t>(n));
}

// Where text may be cut without cutting a character in two: the start of
// the character holding byte n, or s.size() when n is at or past the end.
inline std::size_t utf8_floor(std::string_view s, std::size_t n) {
  if (n >= s.size()) return s.size();
  while (n > 0 && is_utf8_continuation(s[n])) --n;
  return n;
}

// The first character boundary at or after byte n.
inline std::size_t utf8_ceil(std::string_view s, std::size_t n) {
  while (n < s.size() && is_utf8_continuation(s[n])) ++n;
  return n;
}

// At most `n` bytes of `s`, not cutting a character.
inline std::string_view utf8_prefix(std::string_view s, std::size_t n) {
  return s.substr(0, utf8_floor(s, n));
}

// At most the last `n` bytes of `s`, not cutting a character.
inline std::string_view utf8_suffix(std::string_view s, std::size_t n) {
  return s.size() <= n ? s : s.substr(utf8_ceil(s, s.size() - n));
}

// Code points in `s` (bytes that do not continue a sequence).
inline std::size_t count_code_points(std::string_view s) {
  std::size_t n = 0;
  for (char c : s) n += !is_utf8_continuation(c);
  return n;
}

// --- ASCII ---------------------------------------------------------------------
// Locale-free: the C library's isalpha/tolower follow the process locale, and
// the vocabularies (tag and attribute names, class words, charset labels) are
// ASCII.

inline bool is_ascii_upper(char c) { return c >= 'A' && c <= 'Z'; }
inline bool is_ascii_lower(char c) { return c >= 'a' && c <= 'z'; }
inline bool is_ascii_alpha(char c) { return is_ascii_upper(c) || is_ascii_lower(c); }
inline bool is_ascii_digit(char c) { return c >= '0' && c <= '9'; }
inline bool is_ascii_alnum(char c) { return is_ascii_alpha(c) || is_ascii_digit(c); }

// 0-15 for a hexadecimal digit (either case), else -1.
inline int hex_digit_value(char c) {
  if (is_ascii_digit(c)) return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

inline char lower_ascii(char c) { return is_ascii_upper(c) ? static_cast<char>(c | 0x20) : c; }

// ASCII letters lower-cased; other bytes unchanged.
inline std::string lower_ascii(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = lower_ascii(c);
  return out;
}

// Equal but for ASCII case.
inline bool equals_ascii_ci(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (lower_ascii(a[i]) != lower_ascii(b[i])) return false;
  return true;
}

// `s` is `lower_word` (lower case) but for ASCII case: one fold a byte, for
// the scanners that compare every tag and attribute name with their lists.
inline bool equals_lower_ascii(std::string_view s, std::string_view lower_word) {
  if (s.size() != lower_word.size()) return false;
  for (std::size_t i = 0; i < s.size(); ++i)
    if (lower_ascii(s[i]) != lower_word[i]) return false;
  return true;
}

// `s` is one of `lower_words` (lower case) but for ASCII case.
template <std::size_t N>
bool is_one_of_lower_ascii(std::string_view s, const std::string_view (&lower_words)[N]) {
  for (std::string_view w : lower_words)
    if (equals_lower_ascii(s, w)) return true;
  return false;
}

// s[pos...] starts with `lower_word` (lower case), ignoring ASCII case.
inline bool starts_with_ascii_ci(std::string_view s, std::size_t pos, std::string_view lower_word) {
  if (pos > s.size() || s.size() - pos < lower_word.size()) return false;
  for (std::size_t i = 0; i < lower_word.size(); ++i)
    if (lower_ascii(s[pos + i]) != lower_word[i]) return false;
  return true;
}

// --- CJK -------------------------------------------------------------------------

// A code point of the Han (unified, extension A, compatibility, the
// supplementary planes), kana or Hangul syllable blocks: scripts written
// without spaces between words (Hangul aside), where one character carries
// about what three Latin letters do.
//
// Hangul Jamo (U+1100-U+11FF) are not counted: a jamo is a part of a
// syllable (two or three make one, in decomposed text), as much as a Latin
// letter, and Korean separates words with spaces. (No page of the
// evaluation sets holds one; count_scripts() still counts them as Hangul.)
inline bool is_cjk(char32_t c) {
  return (c >= 0x3040 && c <= 0x30FF) || (c >= 0x3400 && c <= 0x4DBF) ||
         (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xAC00 && c <= 0xD7AF) ||
         (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x20000 && c <= 0x2FA1F);
}

// A Han character (unified, extension A, compatibility).
inline bool is_han(char32_t c) {
  return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) ||
         (c >= 0xF900 && c <= 0xFAFF);
}

// True when `s` holds a CJK code point.
inline bool has_cjk(std::string_view s) {
  for (std::size_t i = 0; i < s.size();)
    if (is_cjk(next_code_point(s, &i))) return true;
  return false;
}

}  // namespace extractor

#endif  // EXTRACTOR_LIB_CHARS_H_
