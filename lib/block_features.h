// Stage 5a: the numbers each block is judged by.
#ifndef EXTRACTOR_LIB_BLOCK_FEATURES_H_
#define EXTRACTOR_LIB_BLOCK_FEATURES_H_

#include <string_view>
#include <vector>

#include "segment.h"

namespace extractor {

class Patterns;

// Fills words, sentence_ends, commas, digits, cjk, ends_with_punct and
// text_cues of every block. Text cues are looked up for short blocks only:
// boilerplate phrases ("Read also:", "Subscribe", "2 min read") live in
// short blocks, and a long paragraph that mentions one is still a paragraph.
void compute_features(std::vector<TextBlock>* blocks, const Patterns& patterns);

// The length of text, weighted so that scripts compare: one Han, kana or
// Hangul character carries about as much as three Latin letters.
int effective_length(const TextBlock& block);

}  // namespace extractor

#endif  // EXTRACTOR_LIB_BLOCK_FEATURES_H_
