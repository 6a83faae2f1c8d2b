// The URL filter: see safe_url.h for what it guarantees.
#include "safe_url.h"

#include <array>
#include <cstdint>

#include "chars.h"

namespace extractor {
namespace {

// What the URL parser of a browser does to an attribute value before it
// looks for a scheme: C0 controls and spaces stripped at both ends, every
// tab, CR and LF removed wherever it is.
std::string browser_clean(std::string_view url) {
  while (!url.empty() && static_cast<unsigned char>(url.front()) <= 0x20) url.remove_prefix(1);
  while (!url.empty() && static_cast<unsigned char>(url.back()) <= 0x20) url.remove_suffix(1);
  std::string out;
  out.reserve(url.size());
  for (char c : url)
    if (c != '\t' && c != '\n' && c != '\r') out += c;
  return out;
}

// The scheme, lower-cased, as the URL standard finds it: a letter, then
// letters, digits, '+', '-' or '.', then ':'. "" for a relative reference;
// `complete` is false when the text ends inside what could still be one.
std::string scheme_of(std::string_view s, bool* complete = nullptr) {
  if (complete != nullptr) *complete = true;
  if (s.empty() || !is_ascii_alpha(s[0])) return {};
  std::size_t i = 1;
  while (i < s.size() && (is_ascii_alnum(s[i]) || s[i] == '+' || s[i] == '-' || s[i] == '.')) ++i;
  if (i == s.size()) {
    if (complete != nullptr) *complete = false;
    return {};
  }
  if (s[i] != ':') return {};
  return lower_ascii(s.substr(0, i));
}

bool allowed(std::string_view scheme, UrlUse use) {
  if (scheme.empty() || scheme == "http" || scheme == "https") return true;
  return use == UrlUse::kLink && scheme == "mailto";
}

// Whether a lenient reader might skip the byte: white space, controls, and
// every byte of a non-ASCII character (no-break and zero-width spaces, the
// byte order mark, U+FFFD for a NUL: none may spell a scheme, and a scheme
// of ASCII letters around them must still be seen).
constexpr bool skippable(unsigned char c) { return c <= 0x20 || c >= 0x7F; }

// A character reference at s[i] ('&'): appends what it stands for and
// returns its length, or 0 when none starts there. Numeric references with
// or without the ';' (browsers accept both), and the named ones that spell
// URL punctuation or white space.
std::size_t char_reference(std::string_view s, std::size_t i, std::string* out) {
  std::size_t j = i + 1;
  if (j < s.size() && s[j] == '#') {
    ++j;
    const bool hex = j < s.size() && (s[j] == 'x' || s[j] == 'X');
    if (hex) ++j;
    std::uint32_t cp = 0;
    const std::size_t digits = j;
    while (j < s.size() && (hex ? hex_digit_value(s[j]) >= 0 : is_ascii_digit(s[j]))) {
      cp = cp * (hex ? 16 : 10) + static_cast<std::uint32_t>(hex ? hex_digit_value(s[j]) : s[j] - '0');
      if (cp > 0x10FFFF) cp = 0xFFFD + 0x110000;  // stays out of range, no overflow
      ++j;
    }
    if (j == digits) return 0;
    if (j < s.size() && s[j] == ';') ++j;
    // What a reader skips is gone at once, so that the characters around
    // it meet in this round ("&#&#09;000" reads as "&#000" next): a
    // reference only ever stands for a printable ASCII character here.
    if (cp > 0x20 && cp < 0x7F) *out += static_cast<char>(cp);
    return j - i;
  }
  static constexpr struct {
    const char* name;
    const char* text;
  } kNamed[] = {
      {"colon", ":"}, {"tab", "\t"},   {"newline", "\n"}, {"sol", "/"},    {"bsol", "\\"},
      {"lpar", "("},  {"rpar", ")"},   {"period", "."},   {"comma", ","},  {"semi", ";"},
      {"num", "#"},   {"percnt", "%"}, {"amp", "&"},      {"lt", "<"},     {"gt", ">"},
      {"quot", "\""}, {"apos", "'"},   {"nbsp", " "},     {"excl", "!"},   {"quest", "?"},
      {"equals", "="}, {"plus", "+"},  {"dash", "-"},     {"hyphen", "-"}, {"grave", "`"},
  };
  while (j < s.size() && is_ascii_alnum(s[j]) && j - i <= 8) ++j;
  const std::size_t len = j - i - 1;
  if (len == 0) return 0;
  for (const auto& e : kNamed) {
    const std::string_view name = e.name;
    if (name.size() != len) continue;
    bool same = true;
    for (std::size_t k = 0; k < len && same; ++k) same = lower_ascii(s[i + 1 + k]) == name[k];
    if (!same) continue;
    if (j < s.size() && s[j] == ';') ++j;
    if (!skippable(static_cast<unsigned char>(e.text[0]))) *out += e.text;
    return j - i;
  }
  return 0;
}


// One round of decoding as a lenient reader would do it: character
// references, percent-escapes and backslash escapes undone, skippable
// bytes dropped.
std::string decode_once(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    const char c = s[i];
    if (c == '&') {
      if (const std::size_t n = char_reference(s, i, &out)) {
        i += n;
        continue;
      }
    } else if (c == '%' && i + 2 < s.size() && hex_digit_value(s[i + 1]) >= 0 &&
               hex_digit_value(s[i + 2]) >= 0) {
      out += static_cast<char>(hex_digit_value(s[i + 1]) * 16 + hex_digit_value(s[i + 2]));
      i += 3;
      continue;
    } else if (c == '\\' && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) < 0x7F &&
               !is_ascii_alnum(s[i + 1]) && s[i + 1] > 0x20) {
      out += s[i + 1];
      i += 2;
      continue;
    }
    if (!skippable(static_cast<unsigned char>(c))) out += c;
    ++i;
  }
  return out;
}

// How much of a URL the disguise check reads: enough for any scheme behind
// any reasonable amount of padding, and bounded for the megabyte data: URLs
// of inline images.
constexpr std::size_t kProbeBytes = 4096;
// Rounds of decoding: each undoes one layer ("&amp;#106;" takes two).
constexpr int kProbeRounds = 6;

// Whether `url`, decoded as many times as a chain of lenient readers might,
// still reads as a relative reference or an allowed scheme.
bool disguise_free(std::string_view url, UrlUse use) {
  const bool cut = url.size() > kProbeBytes;
  std::string probe(url.substr(0, kProbeBytes));
  for (int round = 0; round < kProbeRounds; ++round) {
    std::string next = decode_once(probe);
    bool complete = true;
    const std::string scheme = scheme_of(next, &complete);
    if (!allowed(scheme, use)) return false;
    // Decoding leaves the letters and ':' of "http:" as they are: an allowed
    // scheme found stays the scheme however often the rest is decoded.
    if (!scheme.empty()) return true;
    // A cut probe that decodes to nothing but could-be-scheme letters (or to
    // nothing at all) may hide a scheme in what was not read: refuse it.
    if (cut && (!complete || next.empty())) return false;
    if (next == probe) return true;
    probe = std::move(next);
  }
  // Still changing after every round: nested beyond any honest URL.
  return false;
}

// Bytes no output writes raw inside a URL: controls, space, DEL, quotes,
// angle brackets, backtick.
constexpr bool needs_escape(unsigned char c) {
  return c <= 0x20 || c == 0x7F || c == '"' || c == '\'' || c == '<' || c == '>' || c == '`';
}

void append_escaped_byte(std::string* out, unsigned char c) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  *out += '%';
  *out += kHex[c >> 4];
  *out += kHex[c & 15];
}

std::string safe_url_slow(std::string_view url, UrlUse use);

}  // namespace

namespace {

// Whether a relative reference in which '&' is the only byte a decoder
// reads (no '%', '\\' or skippable byte) reads the same to every decoder
// here, so that the slow path would keep it whole: no '&' begins a
// character reference decode_once() undoes, nor one markdown_url() escapes
// (whose escapes decode back to what they stood for), and no probe of it or
// of its Markdown form is cut. Most query strings ("?a=1&b=2").
bool inert_ampersands(std::string_view s) {
  if (s.size() > kProbeBytes / 3) return false;
  std::string unused;
  for (std::size_t i = s.find('&'); i != std::string_view::npos; i = s.find('&', i + 1)) {
    if (char_reference(s, i, &unused) != 0) return false;
    std::size_t j = i + 1;
    if (j < s.size() && s[j] == '#') ++j;
    const std::size_t start = j;
    while (j < s.size() && is_ascii_alnum(s[j])) ++j;
    if (j > start && j < s.size() && s[j] == ';') return false;
  }
  return true;
}

// The part of `url` safe_url() keeps as it is when one pass settles it:
// nothing to strip or escape, and a scheme spelled out ("https:" has no byte
// a decoder changes) or a relative reference without '&', '%', '\\' or a
// byte a reader skips, or whose only such bytes are inert '&'s
// (inert_ampersands) — most URLs. `settled` is false when the slow path
// must decide; an empty view with `settled` means "refused".
std::string_view settle(std::string_view url, UrlUse use, bool* settled) {
  *settled = true;
  std::string_view trimmed = url;
  while (!trimmed.empty() && static_cast<unsigned char>(trimmed.front()) <= 0x20)
    trimmed.remove_prefix(1);
  while (!trimmed.empty() && static_cast<unsigned char>(trimmed.back()) <= 0x20)
    trimmed.remove_suffix(1);
  if (trimmed.empty()) return {};
  // Per byte: 1 = an output escapes it, 2 = a decoder reads or skips it,
  // 4 = that, and not '&'.
  static constexpr auto kClass = [] {
    std::array<std::uint8_t, 256> t{};
    for (int c = 0; c < 256; ++c) {
      const auto u = static_cast<unsigned char>(c);
      t[c] = static_cast<std::uint8_t>((needs_escape(u) ? 1 : 0) |
                                       (c == '&' || c == '%' || c == '\\' || skippable(u) ? 2 : 0) |
                                       (c == '%' || c == '\\' || skippable(u) ? 4 : 0));
    }
    return t;
  }();
  unsigned seen = 0;
  for (const char c : trimmed) seen |= kClass[static_cast<unsigned char>(c)];
  const bool plain = (seen & 1) == 0;
  const bool decodable = (seen & 2) != 0;
  if (plain) {
    const std::string scheme = scheme_of(trimmed);
    if (!allowed(scheme, use)) return {};
    if (!scheme.empty() || !decodable) return trimmed;
    if ((seen & 4) == 0 && inert_ampersands(trimmed)) return trimmed;
  }
  *settled = false;
  return {};
}

}  // namespace

std::string safe_url(std::string_view url, UrlUse use) {
  bool settled;
  const std::string_view kept = settle(url, use, &settled);
  return settled ? std::string(kept) : safe_url_slow(url, use);
}

void make_safe_url(std::string* url, UrlUse use) {
  bool settled;
  const std::string_view kept = settle(*url, use, &settled);
  if (settled && kept.size() == url->size()) return;  // kept whole: no copy
  *url = settled ? std::string(kept) : safe_url_slow(*url, use);
}

namespace {

// safe_url() for what its one pass could not settle.
std::string safe_url_slow(std::string_view url, UrlUse use) {
  std::string cleaned = browser_clean(url);
  if (cleaned.empty()) return {};
  const std::string scheme = scheme_of(cleaned);
  if (!allowed(scheme, use)) return {};
  // What could turn into another scheme on decoding: nothing, when the
  // scheme is spelled out ("https:" has no byte a decoder changes), nor in a
  // relative reference without '&', '%', '\\' or a byte a reader skips (the
  // great majority of URLs, which so cost one pass).
  bool decodable = false;
  for (char c : cleaned)
    decodable |= c == '&' || c == '%' || c == '\\' || skippable(static_cast<unsigned char>(c));
  const bool probe = scheme.empty() && decodable;
  if (probe && !disguise_free(cleaned, use)) return {};
  std::size_t escapes = 0;
  for (char c : cleaned) escapes += needs_escape(static_cast<unsigned char>(c));
  if (escapes == 0 && !probe) return cleaned;
  std::string out;
  out.reserve(cleaned.size() + 2 * escapes);
  for (char c : cleaned) {
    if (needs_escape(static_cast<unsigned char>(c))) {
      append_escaped_byte(&out, static_cast<unsigned char>(c));
    } else {
      out += c;
    }
  }
  // The escapes just written are read by the next decoder too ("\\" before a
  // NUL's "%00" reads as an escaped '%'): the URL as each output writes it
  // is judged again.
  if (probe && (!disguise_free(out, use) || !disguise_free(markdown_url(out), use))) return {};
  return out;
}

}  // namespace

std::string markdown_url(std::string_view url) {
  std::string out;
  out.reserve(url.size());
  for (std::size_t i = 0; i < url.size(); ++i) {
    const auto c = static_cast<unsigned char>(url[i]);
    bool escape = needs_escape(c) || c == '(' || c == ')' || c == '[' || c == ']' || c == '\\';
    if (c == '&') {
      // "&amp;", "&#106;", "&colon;": a renderer would decode it.
      std::size_t j = i + 1;
      if (j < url.size() && url[j] == '#') ++j;
      const std::size_t start = j;
      while (j < url.size() && is_ascii_alnum(url[j])) ++j;
      escape = j > start && j < url.size() && url[j] == ';';
    }
    if (escape) {
      append_escaped_byte(&out, c);
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}

}  // namespace extractor
