// Stage 2: one fast pass over the decoded page before the parser sees it.
#ifndef EXTRACTOR_LIB_PRESCAN_H_
#define EXTRACTOR_LIB_PRESCAN_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace extractor {

// What the pass takes out besides script and style bodies. Each lever
// removes only what no later stage reads and what cannot change the tree
// the parser builds for what is kept; all are on by default, and
// bench/extractor-bench times each on its own.
struct PrescanOptions {
  // Start tags nested deeper than this are dropped (with their end tags;
  // their text stays).
  int max_depth = 512;
  // Comments and bogus comments (<!-- -->, <? >, <!x>); the doctype stays.
  bool drop_comments = true;
  // Attributes no stage reads (kept: see kept_attribute() in prescan.cc):
  // data-*, on*, srcset, title, aria-* but aria-hidden/aria-label, ...;
  // style only when it may hide the element; a <script>'s but its type; the
  // bytes of inline images (src="data:..." keeps "data:"); and whole <link>
  // elements but canonical, image_src and microdata ones.
  bool drop_attributes = true;
  // The content of <svg> and <math>, which no stage reads (the elements
  // themselves stay).
  bool drop_foreign = true;
  // Runs of white space at the edges of text between tags become one
  // character ('\n' when the run held one), outside <pre> and <listing>.
  bool collapse_space = true;
  // Long runs of text between tags, and long quoted attribute values, are
  // held out of the page (TextStash): the parser reads a placeholder for
  // each and Dom puts the text back.
  bool stash_text = true;
  // <script type="text/template"> and <script type="text/html"> hold markup
  // a page's script renders (some blogs ship their whole article that way).
  // Off, their bodies go like any script's; on, each becomes a <div> whose
  // content is parsed as the page's own. (extract() turns it on for a
  // second pass when the first finds no article.)
  bool unwrap_templates = false;
  // For the explain view (Extractor::explain), which lays the page out with
  // its own CSS: every style attribute and the presentational attributes
  // (colspan, align, bgcolor, ...) stay, and the bodies of <style> elements
  // are kept aside in Prescanned::styles. What the stages read is the same
  // with it on or off: they never read those attributes (a style attribute
  // that may hide its element is kept either way), and a <style>'s body is
  // one text node no stage walks into. Off in extract().
  bool keep_layout = false;

  // Every lever on (what extract() runs).
  static PrescanOptions all(int max_depth) {
    PrescanOptions o;
    o.max_depth = max_depth;
    return o;
  }
  // Only script/style bodies and the depth cap: the page as the parser
  // would see it otherwise.
  static PrescanOptions bodies_only(int max_depth) {
    PrescanOptions o;
    o.max_depth = max_depth;
    o.drop_comments = o.drop_attributes = o.drop_foreign = o.collapse_space = false;
    o.stash_text = false;
    return o;
  }
};

// Text the parser need not read. Gumbo's tokenizer costs tens of
// nanoseconds a character of text (one token each, appended one by one to
// the text node), while the tree it builds depends only on whether a run of
// characters is white space, NUL, or else: a run with no '<', '&' or NUL in
// it, starting and ending with a character that is not white space, builds
// the same tree as any one such character. prescan() puts each long run
// here and writes a placeholder in its place (U+E000 and six hex digits of
// its index: not white space), and Dom writes the run back into the text
// node after the parse. Long quoted attribute values go the same way (the
// tree depends on the values of only a few attributes; see scan_tag).
// Pages that hold U+E000 themselves are not stashed.
class TextStash {
 public:
  static constexpr std::string_view kMarker = "\xEE\x80\x80";  // U+E000
  static constexpr std::size_t kDigits = 6;
  static constexpr std::size_t kPlaceholder = 3 + kDigits;

  bool empty() const { return ends_.empty(); }
  std::size_t size() const { return ends_.size(); }
  std::string_view run(std::size_t i) const {
    const std::size_t begin = i == 0 ? 0 : ends_[i - 1];
    return std::string_view(text_).substr(begin, ends_[i] - begin);
  }
  // Keeps `run` (valid UTF-8, as decode() makes it) as the parser would read
  // it (see prescan.cc) and appends its placeholder to `out`; false, and
  // nothing done, when the stash is full or a character it reads is cut.
  bool add(std::string_view run, std::string* out);
  // `text` with every placeholder replaced by its run, appended to `out`.
  void expand(std::string_view text, std::string* out) const;

 private:
  std::string text_;
  std::vector<std::uint32_t> ends_;
};

// A <style> element's body and its media attribute (keep_layout only).
struct StyleSheet {
  std::string media;  // as the page wrote it; "" when absent
  std::string css;
};

struct Prescanned {
  // The page with the bodies of <script> and <style> removed (the tags stay,
  // so the tree is the one the full page gives), open-element nesting
  // capped, and what PrescanOptions names taken out.
  std::string html;
  // Bodies of <script type="application/ld+json">, in document order.
  std::vector<std::string> json_ld;
  // The bodies of <style> elements (type text/css or none) in document
  // order, with PrescanOptions::keep_layout; else empty.
  std::vector<StyleSheet> styles;
  // The text runs `html` holds placeholders for (PrescanOptions::stash_text).
  TextStash stash;
  // The page has a markup template script (see unwrap_templates).
  bool has_templates = false;
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
Prescanned prescan(std::string_view html, const PrescanOptions& options);

}  // namespace extractor

#endif  // EXTRACTOR_LIB_PRESCAN_H_
