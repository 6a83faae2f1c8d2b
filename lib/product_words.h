// The words of a product page the product reading (lib/regions.cc) reads:
// the titles of its sections and of the shop's, and the lines of a
// customer's review. Each compiled once, on first use.
#ifndef EXTRACTOR_LIB_PRODUCT_WORDS_H_
#define EXTRACTOR_LIB_PRODUCT_WORDS_H_

#include <re2/re2.h>

namespace extractor {

// A product's own section titles: "Description", "Specifications",
// "Details", "What's in the box", ... (the whole block).
const RE2& detail_title();
// The titles a shop puts around them: reviews, questions, shipping,
// returns, other products (the whole block).
const RE2& shop_title();
// Of those, other products and the shop's terms only (the whole block).
const RE2& others_title();
// A line of a customer's review: stars, "Verified purchase", "found this
// helpful" (anywhere in a short block).
const RE2& review_line();

}  // namespace extractor

#endif  // EXTRACTOR_LIB_PRODUCT_WORDS_H_
