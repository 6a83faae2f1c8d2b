// Text helpers for the metadata stage. See metadata_text.h.
#include "metadata_text.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <cstring>

#include "chars.h"

namespace extractor {
namespace {

bool is_space_cp(char32_t c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' ||
         c == 0xA0 || (c >= 0x2000 && c <= 0x200A) || c == 0x202F || c == 0x205F ||
         c == 0x3000 || c == 0x1680;
}

// Invisible characters that are no space: zero-width space and joiners,
// word joiner, byte-order mark, soft hyphen ("Knigh\u200Bt" is "Knight").
bool is_invisible_cp(char32_t c) {
  return (c >= 0x200B && c <= 0x200D) || c == 0x2060 || c == 0xFEFF || c == 0xAD;
}

struct Named {
  const char* name;
  char32_t cp;
};
const Named kNamed[] = {
    {"amp", '&'},       {"lt", '<'},         {"gt", '>'},         {"quot", '"'},
    {"apos", '\''},     {"nbsp", 0xA0},      {"ndash", 0x2013},   {"mdash", 0x2014},
    {"hellip", 0x2026}, {"rsquo", 0x2019},   {"lsquo", 0x2018},   {"rdquo", 0x201D},
    {"ldquo", 0x201C},  {"laquo", 0xAB},     {"raquo", 0xBB},     {"middot", 0xB7},
    {"bull", 0x2022},   {"copy", 0xA9},      {"reg", 0xAE},       {"trade", 0x2122},
    {"eacute", 0xE9},   {"egrave", 0xE8},    {"aacute", 0xE1},    {"agrave", 0xE0},
    {"oacute", 0xF3},   {"uacute", 0xFA},    {"iacute", 0xED},    {"ntilde", 0xF1},
    {"auml", 0xE4},     {"ouml", 0xF6},      {"uuml", 0xFC},      {"Auml", 0xC4},
    {"Ouml", 0xD6},     {"Uuml", 0xDC},      {"szlig", 0xDF},     {"ccedil", 0xE7},
};

}  // namespace

int count_words(std::string_view s) {
  int n = 0;
  bool in = false;
  for (char c : s) {
    const bool space = c == ' ';
    if (!space && !in) ++n;
    in = !space;
  }
  return n;
}

std::string collapse_space(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool pending = false;
  std::size_t i = 0;
  while (i < s.size()) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {  // ASCII: no call per byte
      ++i;
      if (c == ' ' || (c >= '\t' && c <= '\r')) {
        pending = !out.empty();
        continue;
      }
      if (pending) out += ' ';
      pending = false;
      out += static_cast<char>(c);
      continue;
    }
    const std::size_t start = i;
    const char32_t cp = next_code_point(s, &i);
    if (is_invisible_cp(cp)) continue;
    if (is_space_cp(cp)) {
      pending = !out.empty();
      continue;
    }
    if (pending) out += ' ';
    pending = false;
    out.append(s.data() + start, i - start);
  }
  return out;
}

std::string decode_entities(std::string_view s) {
  if (s.find('&') == std::string_view::npos) return std::string(s);
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '&') {
      out += s[i];
      continue;
    }
    const std::size_t semi = s.find(';', i);
    if (semi == std::string_view::npos || semi - i > 10) {
      out += '&';
      continue;
    }
    const std::string_view name = s.substr(i + 1, semi - i - 1);
    char32_t cp = 0;
    if (!name.empty() && name[0] == '#') {
      const bool hex = name.size() > 1 && (name[1] == 'x' || name[1] == 'X');
      for (std::size_t k = hex ? 2 : 1; k < name.size(); ++k) {
        const char c = name[k];
        const int d = hex ? hex_digit_value(c) : is_ascii_digit(c) ? c - '0' : -1;
        if (d < 0 || cp > 0x10FFFF) {
          cp = 0;
          break;
        }
        cp = cp * (hex ? 16 : 10) + static_cast<char32_t>(d);
      }
      if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0;
    } else {
      for (const Named& n : kNamed)
        if (name == n.name) cp = n.cp;
    }
    if (cp == 0) {
      out += '&';
      continue;
    }
    append_utf8(cp, &out);
    i = semi;
  }
  return out;
}

std::string comparison_key(std::string_view s) {
  // Most titles and names need no normaliser: ASCII letters and digits
  // (NFKC leaves them; case folding lower-cases them), the Latin-1 letters
  // of Western European languages (precomposed, NFKC leaves them; folding
  // lower-cases them, and makes "ss" of "ß"), and punctuation that holds no
  // letter or digit before or after NFKC (no-break space, curly quotes,
  // dashes, ellipses, guillemets, middle dots, ©, ®, °, soft hyphen,
  // U+2000..U+206F). Anything else (combining marks, other scripts, ª, ²,
  // µ, ½, ...) goes through ICU.
  {
    std::string out;
    out.reserve(s.size());
    bool plain = true;
    for (std::size_t i = 0; i < s.size() && plain;) {
      const unsigned char c = static_cast<unsigned char>(s[i]);
      if (c < 0x80) {
        if (c >= 'A' && c <= 'Z') out += static_cast<char>(c | 0x20);
        else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) out += static_cast<char>(c);
        ++i;
        continue;
      }
      const char32_t cp = next_code_point(s, &i);
      if (cp >= 0xC0 && cp <= 0xFF && cp != 0xD7 && cp != 0xF7) {
        if (cp == 0xDF) out += "ss";
        else append_utf8(cp <= 0xDE ? cp + 0x20 : cp, &out);
      } else {
        plain = (cp >= 0xA0 && cp <= 0xBF && cp != 0xAA && cp != 0xB2 && cp != 0xB3 &&
                 cp != 0xB5 && cp != 0xB9 && cp != 0xBA && cp < 0xBC) ||
                cp == 0xBF || (cp >= 0x2000 && cp <= 0x206F);
      }
    }
    if (plain) return out;
  }
  static const icu::Normalizer2* nfkc_cf = [] {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* n = icu::Normalizer2::getNFKCCasefoldInstance(status);
    return U_SUCCESS(status) ? n : nullptr;
  }();
  icu::UnicodeString in =
      icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size())));
  UErrorCode status = U_ZERO_ERROR;
  icu::UnicodeString folded = nfkc_cf ? nfkc_cf->normalize(in, status) : in;
  if (U_FAILURE(status)) folded = in;
  std::string out;
  for (int32_t k = 0; k < folded.length();) {
    const UChar32 c = folded.char32At(k);
    k += U16_LENGTH(c);
    if (u_isalnum(c)) append_utf8(static_cast<char32_t>(c), &out);
  }
  return out;
}

void count_scripts(std::string_view s, ScriptCounts* n) {
  std::size_t i = 0;
  while (i < s.size()) {
    const char32_t c = next_code_point(s, &i);
    if (c < 0x80) {
      if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') ++n->latin;
      continue;
    }
    if (c < 0x250 && c >= 0xC0 && c != 0xD7 && c != 0xF7) ++n->latin;
    else if (c >= 0x1E00 && c <= 0x1EFF) ++n->latin;
    else if (c >= 0x370 && c <= 0x3FF) ++n->greek;
    else if (c >= 0x400 && c <= 0x52F) ++n->cyrillic;
    else if (c >= 0x590 && c <= 0x5FF) ++n->hebrew;
    else if ((c >= 0x600 && c <= 0x6FF) || (c >= 0x750 && c <= 0x77F)) ++n->arabic;
    else if (c >= 0x900 && c <= 0x97F) ++n->devanagari;
    else if (c >= 0xE00 && c <= 0xE7F) ++n->thai;
    else if (c >= 0x3040 && c <= 0x30FF) ++n->kana;
    else if ((c >= 0xAC00 && c <= 0xD7AF) || (c >= 0x1100 && c <= 0x11FF)) ++n->hangul;
    else if (is_cjk(c)) ++n->han;
    else if (u_isalpha(static_cast<UChar32>(c))) ++n->other;
  }
}

Script dominant_script(const ScriptCounts& c) {
  const int total = c.total();
  if (total == 0) return Script::kUnknown;
  // Japanese mixes kana with Han; a tenth of kana makes a text Japanese.
  if (c.kana * 10 >= c.han + c.kana && c.kana > 0 && c.han + c.kana >= total / 3)
    return Script::kKana;
  struct {
    int n;
    Script s;
  } all[] = {{c.latin, Script::kLatin},   {c.cyrillic, Script::kCyrillic},
             {c.greek, Script::kGreek},   {c.arabic, Script::kArabic},
             {c.hebrew, Script::kHebrew}, {c.han + c.kana, Script::kHan},
             {c.hangul, Script::kHangul}, {c.thai, Script::kThai},
             {c.devanagari, Script::kDevanagari}, {c.other, Script::kOther}};
  Script best = Script::kUnknown;
  int most = 0;
  for (const auto& a : all)
    if (a.n > most) {
      most = a.n;
      best = a.s;
    }
  return best;
}

}  // namespace extractor
