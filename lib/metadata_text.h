// Small text helpers shared by the metadata files: white space, entities,
// comparison keys, scripts.
#ifndef EXTRACTOR_LIB_METADATA_TEXT_H_
#define EXTRACTOR_LIB_METADATA_TEXT_H_

#include <cstddef>
#include <string>
#include <string_view>

namespace extractor {

// Runs of white space (ASCII, U+00A0, U+2000..U+200A, U+202F, U+205F,
// U+3000) become one ' '; invisible characters (U+200B..U+200D, U+2060,
// U+FEFF, soft hyphen) are dropped; both ends trimmed.
std::string collapse_space(std::string_view s);

// &amp; &lt; &gt; &quot; &apos; &#39; &#x27; &nbsp; and other numeric
// references decoded; a few common named ones (&ndash; &mdash; &hellip;
// &rsquo; ...). Unknown names are kept as written.
std::string decode_entities(std::string_view s);

// A key for "the same text": NFKC with case folding, only letters and digits
// kept. "Foo — Bar’s" and "foo-bars" give the same key.
std::string comparison_key(std::string_view s);

// Runs of characters between single spaces (the text is collapsed).
int count_words(std::string_view s);

// The writing system most letters of `s` are in.
enum class Script { kUnknown, kLatin, kCyrillic, kGreek, kArabic, kHebrew, kHan, kKana,
                    kHangul, kThai, kDevanagari, kOther };
struct ScriptCounts {
  int latin = 0, cyrillic = 0, greek = 0, arabic = 0, hebrew = 0, han = 0, kana = 0,
      hangul = 0, thai = 0, devanagari = 0, other = 0;
  int total() const {
    return latin + cyrillic + greek + arabic + hebrew + han + kana + hangul + thai +
           devanagari + other;
  }
};
void count_scripts(std::string_view s, ScriptCounts* counts);
Script dominant_script(const ScriptCounts& c);

}  // namespace extractor

#endif  // EXTRACTOR_LIB_METADATA_TEXT_H_
