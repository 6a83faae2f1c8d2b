// An independent judge of the URLs the library shows (lib/safe_url.h),
// shared by the URL fuzzer and the safe-output tests. It is written apart
// from lib/safe_url.cc on purpose, from the URL standard's description of
// how a browser finds a scheme, so that a mistake in one is caught by the
// other.
#ifndef EXTRACTOR_FUZZ_URL_ORACLE_H_
#define EXTRACTOR_FUZZ_URL_ORACLE_H_

#include <cctype>
#include <string>
#include <string_view>

namespace url_oracle {

// The scheme a browser's URL parser finds in an attribute value: C0
// controls and spaces trimmed, tab/CR/LF dropped, then [A-Za-z][A-Za-z0-9+.-]*
// before ':'. Lower-cased; "" when the value is a relative reference.
inline std::string scheme(std::string_view v) {
  std::string s;
  for (char c : v)
    if (c != '\t' && c != '\n' && c != '\r') s += c;
  std::size_t a = 0;
  while (a < s.size() && static_cast<unsigned char>(s[a]) <= 0x20) ++a;
  std::string out;
  for (std::size_t i = a; i < s.size(); ++i) {
    const char c = s[i];
    if (c == ':') return out;
    const bool letter = (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
    const bool ok = out.empty() ? letter
                                : letter || (c >= '0' && c <= '9') || c == '+' || c == '-' ||
                                      c == '.';
    if (!ok) return "";
    out += static_cast<char>(letter ? (c | 0x20) : c);
  }
  return "";
}

// The scheme after a careless tool downstream has undone percent-escapes,
// numeric character references and &colon; as often as they nest, and
// dropped every byte that is white space, a control or not ASCII.
inline std::string scheme_after_decoding(std::string v) {
  auto hex = [](char c) { return std::isxdigit(static_cast<unsigned char>(c)) != 0; };
  auto dec = [](char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; };
  for (int round = 0; round < 8; ++round) {
    std::string d;
    for (std::size_t i = 0; i < v.size(); ++i) {
      if (v[i] == '%' && i + 2 < v.size() && hex(v[i + 1]) && hex(v[i + 2])) {
        d += static_cast<char>(std::stoi(v.substr(i + 1, 2), nullptr, 16));
        i += 2;
      } else if (v.compare(i, 2, "&#") == 0) {
        std::size_t j = i + 2;
        const bool x = j < v.size() && (v[j] == 'x' || v[j] == 'X');
        if (x) ++j;
        std::size_t k = j;
        while (k < v.size() && (x ? hex(v[k]) : dec(v[k]))) ++k;
        if (k == j) {
          d += v[i];
          continue;
        }
        long cp = 0;
        for (std::size_t q = j; q < k && cp <= 0x10FFFF; ++q)
          cp = cp * (x ? 16 : 10) + (dec(v[q]) ? v[q] - '0' : (v[q] | 0x20) - 'a' + 10);
        if (cp > 0x20 && cp < 0x7f) d += static_cast<char>(cp);
        i = (k < v.size() && v[k] == ';') ? k : k - 1;
      } else if (v.compare(i, 7, "&colon;") == 0) {
        d += ':';
        i += 6;
      } else if (v[i] == '\\' && i + 1 < v.size() && std::ispunct(static_cast<unsigned char>(v[i + 1]))) {
        d += v[i + 1];
        ++i;
      } else if (static_cast<unsigned char>(v[i]) > 0x20 && static_cast<unsigned char>(v[i]) < 0x7f) {
        d += v[i];
      }
    }
    if (d == v) break;
    v = d;
  }
  return scheme(v);
}

// Whether a URL the library wrote may be shown: http, https, mailto (links
// only) or relative, read either way above.
inline bool shown_url_ok(std::string_view url, bool image) {
  for (const std::string& s : {scheme(url), scheme_after_decoding(std::string(url))}) {
    if (s.empty() || s == "http" || s == "https") continue;
    if (!image && s == "mailto") continue;
    return false;
  }
  return true;
}

}  // namespace url_oracle

#endif  // EXTRACTOR_FUZZ_URL_ORACLE_H_
