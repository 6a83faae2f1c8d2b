#include "block_features.h"

#include <cstdint>
#include <string_view>
#include <unordered_map>

#include "chars.h"
#include "patterns.h"

namespace extractor {
namespace {

// Blocks up to this many characters are checked against the text phrases.
constexpr int kShortBlock = 300;

bool is_sentence_end(char32_t cp) {
  return cp == '.' || cp == '!' || cp == '?' || cp == 0x3002 /* 。 */ ||
         cp == 0xFF01 /* ！ */ || cp == 0xFF1F /* ？ */ || cp == 0x2026 /* … */;
}

bool is_comma(char32_t cp) {
  return cp == ',' || cp == ';' || cp == 0xFF0C /* ， */ || cp == 0x3001 /* 、 */ ||
         cp == 0xFF1B /* ； */ || cp == 0x060C /* ، */;
}

bool is_closing(char32_t cp) {
  return cp == '"' || cp == '\'' || cp == ')' || cp == 0x201D || cp == 0x2019 ||
         cp == 0x00BB || cp == 0x300D || cp == 0x300F || cp == 0xFF09;
}

}  // namespace

int effective_length(const TextBlock& b) { return b.chars + 2 * b.cjk; }

void compute_features(std::vector<TextBlock>* blocks, const Patterns& patterns) {
  std::unordered_map<std::string_view, std::uint32_t> cues_of;  // views into the blocks' text
  for (TextBlock& b : *blocks) {
    if (b.kind == BlockKind::kImage) continue;
    const std::string_view text = b.text;
    bool in_word = false;
    char32_t last = 0;      // last non-space code point
    char32_t previous = 0;  // the one before `last`
    for (std::size_t i = 0; i < text.size();) {
      // ASCII (most of most pages) without the call.
      char32_t cp = static_cast<unsigned char>(text[i]);
      if (cp < 0x80) {
        ++i;
      } else {
        const std::int32_t d = decode_utf8(text, &i);
        if (d < 0) continue;  // not in decoded text
        cp = static_cast<char32_t>(d);
      }
      const bool space = cp == ' ' || cp == '\n' || cp == '\t';
      if (space) {
        // "end." followed by a space ends a sentence (abbreviations aside).
        if (is_sentence_end(last) || (is_closing(last) && is_sentence_end(previous)))
          ++b.sentence_ends;
        in_word = false;
        continue;
      }
      // One range test decides for ASCII and most scripts (CJK starts at
      // U+3040), instead of is_cjk() twice per character.
      const bool cjk = cp >= 0x3040 && is_cjk(cp);
      if (cjk) {
        ++b.cjk;
        in_word = false;
      } else if ((cp >= '0' && cp <= '9')) {
        ++b.digits;
      }
      if (cp == 0x3002 || cp == 0xFF01 || cp == 0xFF1F) ++b.sentence_ends;
      if (is_comma(cp)) ++b.commas;
      // ASCII letters and digits (std::isalnum in the C locale).
      const bool word_char = cp >= 0x80 ? !cjk
                                        : ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z') ||
                                              (cp >= '0' && cp <= '9');
      if (word_char && !in_word) ++b.words;
      in_word = word_char;
      previous = last;
      last = cp;
    }
    if (is_sentence_end(last) && last != 0x3002 && last != 0xFF01 && last != 0xFF1F)
      ++b.sentence_ends;
    else if (is_closing(last) && is_sentence_end(previous))
      ++b.sentence_ends;
    b.words += b.cjk / 2;  // two Han characters make about one word
    b.ends_with_punct = is_sentence_end(last) || is_closing(last) || last == ':';
    if (b.chars <= kShortBlock) {
      // Menus, share bars and footers repeat their short lines on a page:
      // each distinct text goes through the phrase sets once.
      auto it = cues_of.find(b.text);
      if (it == cues_of.end()) it = cues_of.emplace(b.text, patterns.text_cues(b.text)).first;
      b.text_cues = it->second;
    }
    // A short block that is mostly digits is a date, a time or a number line
    // ("16 January 2008", "10/04/2016 05:07 AM EDT").
    if (b.chars <= 40 && b.digits >= 4 && 3 * b.digits >= b.chars) b.text_cues |= kTextDateLine;
    // A short line with a date and no sentence in it: a dateline or a
    // byline ("12 марта 2024, 14:30 Автор: Анна Соколова Просмотров: 1 284").
    if ((b.text_cues & kTextHasDate) && b.chars <= 80 && b.sentence_ends == 0)
      b.text_cues |= kTextDateLine;
  }
}

}  // namespace extractor
