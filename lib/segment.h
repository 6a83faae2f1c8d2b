// Stage 4: the DOM cut into text blocks.
#ifndef EXTRACTOR_LIB_SEGMENT_H_
#define EXTRACTOR_LIB_SEGMENT_H_

#include <gumbo.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "extractor/extractor.h"

namespace extractor {

class Dom;
class Patterns;

// One element of the page (every element under <body> that is not skipped).
struct Element {
  const GumboNode* node = nullptr;
  int parent = -1;               // index in Segments::elements; -1 for the root
  GumboTag tag = GUMBO_TAG_UNKNOWN;
  std::uint32_t cues = 0;        // own cues: tag semantics + attribute words
  std::uint16_t depth = 0;       // 0 for <body>
  bool block_level = false;      // starts a new block (div, p, li, ...)
  int first_block = 0;           // blocks [first_block, end_block) lie inside
  int end_block = 0;
};

// A block of text and what segmentation knows about it. The features that
// need the finished text are filled in by compute_features().
struct TextBlock {
  int element = -1;  // innermost block-level element holding the text
  BlockKind kind = BlockKind::kParagraph;
  std::uint8_t level = 0;
  std::uint8_t quote_depth = 0;
  bool ordered = false;
  std::string text;
  std::vector<Span> spans;
  std::string src;  // images

  // Counts gathered while walking.
  int chars = 0;       // non-space code points
  int link_chars = 0;  // of which inside <a href>
  std::uint32_t cues = 0;  // OR of the cues of every enclosing element

  // Filled by compute_features().
  int words = 0;
  int sentence_ends = 0;  // . ! ? and their CJK forms, ending a sentence
  int commas = 0;         // , ; and CJK commas
  int digits = 0;
  int cjk = 0;            // Han, kana and Hangul code points
  bool ends_with_punct = false;
  std::uint32_t text_cues = 0;
};

// An element left out with its subtree because the page hides it.
struct HiddenElement {
  const GumboNode* node = nullptr;
  int parent = -1;            // index in Segments::elements
  const char* why = nullptr;  // "hidden attribute", "style display:none", ...
};

struct Segments {
  std::vector<Element> elements;  // document order; elements[0] is <body>
  std::vector<TextBlock> blocks;  // document order
  std::vector<HiddenElement> hidden;  // document order, outermost only
  std::string base_url;           // <base href> resolved against the page URL
  // <noscript> elements holding markup that were left out (read_noscript
  // off): what a page shows browsers without script, often all a
  // script-rendered forum or shop serves as markup.
  int noscript = 0;
};

// Walks the tree under <body> once. Hidden subtrees (hidden, aria-hidden,
// display:none, visually-hidden classes) and non-text elements (script,
// style, template, form controls, media) give no blocks; nor does
// <noscript>, unless `read_noscript`: then its content is read as the
// page's own (what a browser without script shows). `shown`, when given,
// lists hidden elements read as shown (regions.cc: a page whose content
// sits under a hidden wrapper, or in hidden chunks, that script reveals).
Segments segment(const Dom& dom, const Patterns& patterns, const Options& options,
                 std::string_view page_url, bool read_noscript = false,
                 const std::vector<const GumboNode*>* shown = nullptr);

}  // namespace extractor

#endif  // EXTRACTOR_LIB_SEGMENT_H_
