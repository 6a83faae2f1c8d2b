// Stage 1: bytes in any charset -> valid UTF-8.
#ifndef EXTRACTOR_LIB_DECODE_H_
#define EXTRACTOR_LIB_DECODE_H_

#include <memory>
#include <string>
#include <string_view>

namespace extractor {

// The patterns of a page's own charset declaration (<meta charset>,
// http-equiv, <?xml encoding>), compiled once (a struct of RE2s, decode.cc):
// the Extractor compiles them with its other patterns (Patterns::charsets())
// and shares them between threads.
struct CharsetPatterns;
std::shared_ptr<const CharsetPatterns> compile_charset_patterns();

// How the charset of a page was decided, strongest first.
enum class CharsetSource {
  kBom,        // a byte-order mark
  kTransport,  // the caller's charset (HTTP Content-Type), bytes agreeing
  kMeta,       // <meta charset>, http-equiv or an XML declaration
  kUtf8,       // the bytes are valid UTF-8 (whatever was declared)
  kDetected,   // ICU's statistical detector
  kDefault,    // nothing to go on: windows-1252, as browsers do
};

struct Decoded {
  std::string text;     // valid UTF-8; invalid input bytes became U+FFFD
  std::string charset;  // the converter used, e.g. "utf-8", "gb18030"
  CharsetSource source = CharsetSource::kDefault;
};

// Decodes a page. `transport_charset` may be empty or an unknown label (then
// ignored). Never throws on bad input.
Decoded decode(std::string_view bytes, const CharsetPatterns& patterns,
               std::string_view transport_charset = {});

// Maps a charset label as found on the web to the converter browsers really
// use ("gb2312" -> "gb18030", "iso-8859-1" -> "windows-1252", "utf8" ->
// "utf-8"), or "" when neither the WHATWG table nor ICU knows the label.
std::string canonical_charset(std::string_view label);

// The charset a page declares in its first bytes (<meta charset=...>,
// <meta http-equiv=Content-Type content="...; charset=...">, <?xml encoding>),
// as written, or "" when it declares none.
std::string declared_charset(std::string_view bytes, const CharsetPatterns& patterns);

// True when `bytes` is well-formed UTF-8 (no overlongs, no surrogates).
bool is_valid_utf8(std::string_view bytes);

// `bytes` as valid UTF-8: each ill-formed sequence becomes U+FFFD.
std::string repair_utf8(std::string_view bytes);

}  // namespace extractor

#endif  // EXTRACTOR_LIB_DECODE_H_
