// Stage 2, the tree construction prescan() follows: the open-element model
// that keeps the tree shallow, and the SVG content it drops.
#ifndef EXTRACTOR_LIB_PRESCAN_MODEL_H_
#define EXTRACTOR_LIB_PRESCAN_MODEL_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "chars.h"

namespace extractor {

// Gumbo's tree builder answers "is there a <p> in button scope", "which
// element does this end tag close" and "reconstruct the active formatting
// elements" by walking its stack of open elements, so its time is the input
// size times that stack's depth, and it has no depth limit of its own. We
// keep the stack shallow by modelling it here, with the tree-construction
// rules that decide its depth, and dropping start tags (with their end tags;
// their text stays) that would nest deeper than max_depth.
//
// The model must never be shallower than Gumbo's stack, or an attacker can
// grow the real stack behind its back (a `<span><section></span>` loop,
// where `</span>` is ignored because a special element is above the span;
// `<li><dd><li><dd>`, which nest because each stops the other's implied end).
// So every rule below pops only what the HTML standard pops, using the same
// scopes; where the model is unsure it keeps elements (deeper than real),
// which can only cost a dropped tag on a pathological page.
//
// Formatting elements (b, i, a, font, ...) need one more step: when the
// parser closes one implicitly (the <p> around it ends), it stays on the list
// of active formatting elements and is re-created in every later block, with
// its attributes: `<b id=1>...<b id=512>` then a million `<p>x` builds half a
// billion elements. When the model pops a formatting element implicitly, it
// writes its end tag before the tag that closed it, so the parser takes it
// off that list; and at most kMaxFormatting formatting elements are open.

class OpenElements {
 public:
  explicit OpenElements(int max_depth);
  ~OpenElements();
  OpenElements(const OpenElements&) = delete;
  OpenElements& operator=(const OpenElements&) = delete;

  // The current node is an SVG/MathML element: there the tokenizer reads
  // <![CDATA[ ]]> as text (elsewhere it is a bogus comment).
  bool current_is_foreign() const;
  // Start tags here follow the rules for foreign content: the current node
  // is an SVG/MathML element other than an integration point (where HTML
  // may be).
  bool in_foreign_content() const;
  // Text here goes to a table, row or row group, not a cell: the parser
  // treats a run of only white space there differently from other text, so
  // nothing between two runs may be taken out.
  bool in_table_text() const;
  // A <pre> or <listing> is open: white space there is content.
  bool preformatted() const;
  // End tags written before the current tag (formatting elements the model
  // closed implicitly). The caller copies them out and clears them.
  std::string& injected();

  // A start tag. Returns false when it is to be dropped (too deep).
  // `inside_foreign`: the tag is in SVG/MathML content (not a breakout, which
  // the caller handles first); `enters_foreign`: it is an <svg> or <math>.
  bool start(std::string_view name, bool self_closing, bool inside_foreign, bool enters_foreign);
  // An end tag. Returns false when it is to be dropped (its start tag was).
  bool end(std::string_view name);
  // A start tag that ends <svg>/<math> content: the foreign elements close.
  void break_out_of_foreign();

 private:
  class Model;  // the stack and the rules (prescan_model.cc)
  std::unique_ptr<Model> model_;
};

// Start tags that end SVG/MathML content (the "breakout" list of the tree
// construction rules for foreign content).
bool breaks_out_of_foreign(std::string_view name);

// The content of an <svg> element, dropped as it is scanned. Everything in
// it is SVG markup the later stages skip, so only its end matters: the
// parser closes the <svg> at its end tag, at an HTML start tag that breaks
// out of foreign content, or at an end tag that closes an HTML element
// around it. The dropped elements are followed by name so that their end
// tags are told apart from those. Where HTML may legally sit inside
// (<foreignObject>, <desc>, <title>) or anything unexpected comes, the
// dropping stops and the rest of the element is kept as it is.
class ForeignDrop {
 public:
  bool active() const { return active_; }
  void begin() {
    active_ = true;
    open_.clear();
  }
  void stop() { active_ = false; }
  // The dropped elements still open when the dropping stopped, outermost
  // first: written back as bare start tags, so that what follows nests as
  // it would have.
  const std::vector<std::string_view>& still_open() const { return open_; }

  // A start tag inside the dropped content: false when the dropping stops
  // here (the tag is then handled as any other).
  bool start(std::string_view name, bool self_closing) {
    static constexpr std::string_view kStops[] = {"foreignobject", "desc", "title", "math",
                                                  "font"};
    for (std::string_view n : kStops)
      if (equals_ascii_ci(name, n)) return halt();
    if (breaks_out_of_foreign(name)) return halt();
    if (!self_closing) open_.push_back(name);
    return true;
  }

  // An end tag inside the dropped content. kDropped: it closes a dropped
  // element; kEnds: it is the <svg>'s own (kept, the dropping ends);
  // kStop: anything else (the dropping stops; handled as any other tag).
  enum class End { kDropped, kEnds, kStop };
  End end(std::string_view name) {
    for (std::size_t i = open_.size(); i-- > 0;) {
      if (equals_ascii_ci(open_[i], name)) {
        open_.resize(i);
        return End::kDropped;
      }
    }
    active_ = false;
    return equals_ascii_ci(name, "svg") ? End::kEnds : End::kStop;
  }

 private:
  bool halt() {
    active_ = false;
    return false;
  }

  bool active_ = false;
  std::vector<std::string_view> open_;  // dropped elements, by name
};

// A formatting element other than <a> (b, i, font, ...).
bool is_formatting_but_a(std::string_view name);

}  // namespace extractor

#endif  // EXTRACTOR_LIB_PRESCAN_MODEL_H_
