// Stage 5c: what kind of page this is.
//
// Article, forum thread, product, listing or collection, documentation,
// service or landing page — from general features only: schema.org types
// (JSON-LD, microdata), og:type, the URL path's shape, how the page's text
// is laid out (long paragraphs, code, tables, runs of like siblings such as
// posts or cards, comment threads) and the words of its buttons and labels
// (prices, "add to cart", "reply", "get started"). A small multiclass tree
// ensemble, trained by bench/train/pagetype.py on wcxb's seven page types,
// weighs them; it is compiled in as data (pagetype_trees.inc).
#ifndef EXTRACTOR_LIB_PAGETYPE_H_
#define EXTRACTOR_LIB_PAGETYPE_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "extractor/extractor.h"
#include "score.h"
#include "segment.h"

namespace extractor {

class Dom;
class Patterns;

// The words page_features() reads, compiled once (held by Patterns).
struct PageTypePatterns;
std::shared_ptr<const PageTypePatterns> compile_pagetype_patterns();

// Whether a text shows a price ("$36", "€ 49,95", "120 zł"): the word
// family the page type counts, for the readings of a page's kind.
bool shows_price(const PageTypePatterns& patterns, std::string_view text);

enum PageFeature : int {
#define PAGE_FEATURE(name) kP_##name,
#include "pagetype_features.inc"
#undef PAGE_FEATURE
  kPageFeatureCount
};

extern const char* const kPageFeatureNames[kPageFeatureCount];

struct PageTypeInput {
  const Dom& dom;
  const std::vector<std::string>& json_ld;  // bodies of ld+json scripts
  const Segments& segments;
  const Scores& scores;
  const Metadata& metadata;  // its url (canonical, else the page's) is read too
  const Patterns& patterns;  // the words of buttons, labels and titles
};

// The feature vector (kPageFeatureCount values) of one page.
std::vector<float> page_features(const PageTypeInput& input);

struct PageClass {
  PageType type = PageType::kOther;
  float confidence = 0;           // the ensemble's probability of `type`
  float article_probability = 0;  // its probability of kArticle
};

// kOther when no type reaches kPageTypeFloor.
PageClass classify_page(const std::vector<float>& features);

// Below this probability of its best type, a page is kOther.
constexpr float kPageTypeFloor = 0.4f;

}  // namespace extractor

#endif  // EXTRACTOR_LIB_PAGETYPE_H_
