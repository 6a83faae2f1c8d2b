// Stage 2: one fast pass over the decoded page before the parser sees it.
#ifndef EXTRACTOR_LIB_PRESCAN_H_
#define EXTRACTOR_LIB_PRESCAN_H_

#include <string>
#include <string_view>
#include <vector>

namespace extractor {

struct Prescanned {
  // The page with the bodies of <script> and <style> removed (the tags stay,
  // so the tree is the one the full page gives) and open-element nesting
  // capped: start tags nested deeper than the cap are dropped, with their
  // end tags; their text stays.
  std::string html;
  // Bodies of <script type="application/ld+json">, in document order.
  std::vector<std::string> json_ld;
};

// Gumbo's tokenizer spends most of its time inside script and style bodies
// (over half the bytes of a typical news page) and its tree builder's scope
// checks are linear in the depth of the open-element stack, so feeding it
// less and shallower input is the largest speed and safety lever we have.
//
// The scan follows the HTML tokenizer where it matters for finding where a
// raw-text element ends: comments, quoted attribute values, RCDATA and
// RAWTEXT elements (title, textarea, xmp, iframe, noembed, noframes),
// <plaintext>, the script-data escape states (<!-- <script> ... -->), and
// SVG/MathML content, where <script> and <style> are ordinary elements.
Prescanned prescan(std::string_view html, int max_depth);

}  // namespace extractor

#endif  // EXTRACTOR_LIB_PRESCAN_H_
