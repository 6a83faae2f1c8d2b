// The explain view: the page laid out by its own markup and CSS, nothing in
// it able to run or load, every block outlined and tinted by what the
// extractor decided, a panel beside it. See render_explain.h.
//
// What keeps the view inert, from the outside in:
//  - a Content-Security-Policy <meta> first in <head>: no script, no
//    fetch of any kind (default-src 'none'), no form submission, no <base>;
//    inline styles only. So no page script runs and no request leaves the
//    file even if something below were missed;
//  - the page is written back from its parsed tree, never copied: scripts,
//    frames, objects, embeds, <noscript>, <template>, <meta>, <link>,
//    <base>, SVG and MathML content are left out; attributes are allowed
//    per name (no handler, no URL: links keep their text, images their alt
//    and size); text and values are escaped;
//  - the page's CSS goes through scrub_css() (no url(), no @import, nothing
//    that can close the <style>).
// Nothing of ours is script either: cards are CSS (:hover, :focus), the
// panel's links are #fragments, the sections are <details>.
#include "render_explain.h"

#include <string>
#include <string_view>

#include "render.h"
#include "render_explain_write.h"

namespace extractor {

const char* part_word(Part part) { return style_of(part).word; }

// --- the document around the page ---------------------------------------------

namespace {

// Our style sheet. Every rule that must hold against the page's CSS is
// !important and as specific as an id: `:is(#exv-x, [data-exv])` counts as
// an id (the most specific argument of :is()) without the page needing
// one; #exv-x itself is never written (page ids starting "exv-" are
// renamed). The panel resets whatever the page's CSS says about its
// elements with `all: revert` and then sets its own.
constexpr std::string_view kViewCss = R"CSS(
:root { --exv-w: min(30rem, 45vw); }
/* Room for the panel on the right. */
html { padding-right: var(--exv-w) !important; overflow: visible !important; }
body { overflow: visible !important; }
@counter-style exv-shown { system: fixed 0; symbols: "\2002hidden\2002" ""; fallback: exv-none; }
@counter-style exv-none { system: cyclic; symbols: ""; }

:is(#exv-x, [data-exv]) {
  outline: 2px solid var(--exv-c) !important; outline-offset: -1px !important;
  background-color: var(--exv-t) !important; background-image: none !important;
  color: #111 !important; opacity: 1 !important; visibility: visible !important;
}
:is(#exv-x, [data-exv-k="dropped"]) { outline-style: dashed !important; }
:is(#exv-x, [data-exv-k="comment"]) { outline-style: dotted !important; outline-width: 3px !important; }
:is(#exv-x, [data-exv]):not([data-exv="body"])::before {
  content: attr(data-exv) !important; position: absolute !important; z-index: 2147483646 !important;
  display: block !important; width: auto !important; height: auto !important;
  margin: -0.2em 0 0 -0.1em !important; padding: 0 0.35em !important;
  font: 600 11px/1.45 system-ui, sans-serif !important; letter-spacing: normal !important;
  text-transform: none !important; text-decoration: none !important; text-indent: 0 !important;
  color: #111 !important; background: var(--exv-t) !important;
  border: 1px solid var(--exv-c) !important; border-radius: 3px !important;
  transform: translateY(-60%) !important; pointer-events: none !important; opacity: 0.95 !important;
  white-space: nowrap !important;
}
:is(#exv-x, [data-exv]):focus { outline-width: 4px !important; outline-style: solid !important; }
:is(#exv-x, [data-exv]):target { outline: 4px solid #000 !important; box-shadow: 0 0 0 8px var(--exv-c) !important; }
:is(#exv-x, [data-exv]):is(:focus, :hover:not(:has([data-exv]:hover)))::after {
  content: attr(data-exv-card) !important; position: absolute !important; z-index: 2147483647 !important;
  display: block !important; width: max-content !important; max-width: 32em !important; height: auto !important;
  margin: 6px 0 0 !important; padding: 6px 9px !important;
  font: 12px/1.45 system-ui, sans-serif !important; letter-spacing: normal !important;
  text-transform: none !important; text-align: left !important; text-indent: 0 !important;
  white-space: pre-wrap !important; overflow-wrap: anywhere !important;
  color: #111 !important; background: #fff !important; border: 2px solid var(--exv-c) !important;
  border-radius: 4px !important; box-shadow: 0 3px 12px rgba(0,0,0,.35) !important;
  float: none !important; clear: none !important; transform: none !important; opacity: 1 !important;
}
/* A page that hides itself until its script has run (anti-flicker
   snippets) would be blank without script. */
:is(#exv-x, html, body) { opacity: 1 !important; visibility: visible !important; }
:is(#exv-x, body) { display: block !important; }
:is(#exv-x, [data-exv-hidden]):target {
  display: block !important; visibility: visible !important; opacity: 1 !important;
  position: static !important; width: auto !important; height: auto !important;
  clip: auto !important; clip-path: none !important; overflow: visible !important;
  margin: 4px !important; transform: none !important;
  outline: 3px dashed #000 !important; outline-offset: 2px !important;
  background: repeating-linear-gradient(135deg, #fff 0 6px, #e6e6e6 6px 12px) !important; color: #111 !important;
}
)CSS";

// The panel: fixed on the right, out of reach of the page's CSS.
constexpr std::string_view kPanelCss = R"CSS(
#exv-panel, #exv-panel * { all: revert !important; }
#exv-panel#exv-panel {
  display: block !important; position: fixed !important; top: 0 !important; right: 0 !important;
  bottom: 0 !important; left: auto !important; width: var(--exv-w) !important; box-sizing: border-box !important;
  overflow: auto !important; z-index: 2147483647 !important; margin: 0 !important; padding: 12px 16px 32px !important;
  background: #fff !important; color: #111 !important; border-left: 3px solid #111 !important;
  font: 14px/1.45 system-ui, sans-serif !important; text-align: left !important; direction: ltr !important;
  visibility: visible !important; opacity: 1 !important; transform: none !important;
}
#exv-panel h1 { font-size: 17px !important; margin: 0 0 4px !important; }
#exv-panel h2 { font-size: 15px !important; margin: 0 !important; display: inline !important; }
#exv-panel details { margin: 12px 0 0 !important; }
#exv-panel summary { cursor: pointer !important; }
#exv-panel p { margin: 4px 0 !important; }
#exv-panel ul, #exv-panel ol { margin: 6px 0 !important; padding: 0 0 0 22px !important; }
#exv-panel li { margin: 2px 0 !important; }
#exv-panel a { color: #0b4f8a !important; text-decoration: underline !important; }
#exv-panel a:focus { outline: 3px solid #E69F00 !important; outline-offset: 1px !important; }
#exv-panel table { border-collapse: collapse !important; width: 100% !important; font-size: 13px !important; }
#exv-panel th { white-space: nowrap !important; }
#exv-panel th, #exv-panel td { border-bottom: 1px solid #ddd !important; padding: 3px 4px !important; vertical-align: top !important; text-align: left !important; overflow-wrap: anywhere !important; }
#exv-panel .exv-source { color: #555 !important; white-space: nowrap !important; }
#exv-panel .exv-note { color: #555 !important; font-size: 12px !important; }
#exv-panel .exv-sw {
  display: inline-block !important; box-sizing: border-box !important; width: 2.4em !important; height: 1.1em !important;
  vertical-align: -0.2em !important; margin-right: 6px !important;
  background: var(--exv-t) !important; border: 2px solid var(--exv-c) !important;
}
#exv-panel .exv-sw.exv-solid { background: #fff !important; border: 2px solid #333 !important; }
#exv-panel .exv-sw.exv-dashed { background: #fff !important; border: 2px dashed #333 !important; }
#exv-panel .exv-sw.exv-dotted { background: #fff !important; border: 3px dotted #333 !important; }
#exv-panel ol.exv-blocks > li::before {
  content: attr(data-exv-part) !important; margin-right: 4px !important;
}
#exv-panel ol.exv-blocks > li::before, #exv-panel .exv-tag {
  display: inline-block !important; font-size: 11px !important; padding: 0 4px !important; margin-right: 4px !important;
  background: var(--exv-t) !important; border: 1px solid var(--exv-c) !important; border-radius: 3px !important;
}
#exv-panel .exv-vis::after {
  content: var(--exv-n) !important; display: inline-block !important; color: #fff !important;
  background: #111 !important; font-size: 11px !important; border-radius: 3px !important;
}
#exv-panel .exv-hid { color: #fff !important; background: #111 !important; font-size: 11px !important; padding: 0 4px !important; border-radius: 3px !important; }
#exv-panel ol.exv-text > li { margin: 6px 0 !important; }
exv-skip a {
  position: fixed !important; left: 8px !important; top: -100px !important; z-index: 2147483647 !important;
  background: #fff !important; color: #111 !important; padding: 6px 10px !important; border: 2px solid #111 !important;
  font: 14px system-ui, sans-serif !important;
}
exv-skip a:focus { top: 8px !important; }
)CSS";

void part_variables(std::string* css) {
  for (int p = 0; p < kPartCount; ++p) {
    const PartStyle& s = kPartStyles[p];
    // A run of boxes of one part (a menu's items) is named once.
    *css += ":is(#exv-x, [data-exv=\"";
    *css += s.word;
    *css += "\"]) + [data-exv=\"";
    *css += s.word;
    *css += "\"]::before { content: none !important; }\n";
    *css += ":is(#exv-x, [data-exv=\"";
    *css += s.word;
    *css += "\"], [data-exv-part=\"";
    *css += s.word;
    *css += "\"]) { --exv-c: ";
    *css += s.colour;
    *css += "; --exv-t: ";
    *css += s.tint;
    *css += "; }\n";
  }
}

void metadata_row(std::string* out, const char* field, std::string_view value, Source source) {
  if (value.empty()) return;
  *out += "<tr><th>";
  *out += field;
  *out += "</th><td>";
  append_html(out, value);
  *out += "</td><td class=\"exv-source\">";
  *out += to_string(source);
  *out += "</td></tr>\n";
}

std::string joined(const std::vector<std::string>& items) {
  std::string s;
  for (const std::string& i : items) {
    if (!s.empty()) s += ", ";
    s += i;
  }
  return s;
}

// A link to block i's box (or its text alone when it has none), with the
// mark that says when the page's CSS does not show that box; the text cut
// at `cut` bytes.
void block_link(std::string* out, const PageCapture& page, std::size_t i, std::string_view text,
                std::size_t cut = std::string_view::npos) {
  const std::int32_t a = i < page.anchor_of.size() ? page.anchor_of[i] : -1;
  if (a < 0) {
    append_snippet(out, text, cut);
    *out += " <span class=\"exv-hid\">no box</span>";
    return;
  }
  *out += "<a href=\"#";
  append_fragment(out, page.anchors[static_cast<std::size_t>(a)]);
  *out += "\">";
  if (cut == std::string_view::npos) {
    append_html(out, text);
  } else {
    append_snippet(out, text, cut);
  }
  *out += "</a><span class=\"exv-vis\" style=\"--exv-n:counter(exv";
  append_number(out, static_cast<std::size_t>(a));
  *out += ",exv-shown)\"></span>";
}

// How many blocks the view gives each part, and how many are kept.
struct Tally {
  int parts[kPartCount] = {};
  int kept = 0;
};

Tally tally(const PageCapture& page, const Result& r) {
  Tally t;
  for (std::size_t i = 0; i < r.blocks.size() && i < page.parts.size(); ++i) {
    ++t.parts[static_cast<int>(page.parts[i])];
    if (r.blocks[i].label == Label::kContent) ++t.kept;
  }
  return t;
}

// The heading and the notes under it: blocks, kept, charset, why empty.
void panel_head(std::string* out, const Result& r, int kept) {
  const std::size_t n = r.blocks.size();
  *out += "<h1>What the extractor decided</h1>\n<p class=\"exv-note\">";
  *out += std::to_string(n) + " blocks, " + std::to_string(kept) + " kept";
  if (!r.charset.empty()) {
    *out += " · charset ";
    append_html(out, r.charset);
  }
  if (const std::string_view why = describe(r.empty_reason); !why.empty()) {
    *out += " · ";
    append_html(out, why);
  }
  *out += "</p>\n<p class=\"exv-note\">Tab or hover over a box for its score, reason and "
          "element path; a line of text leads to its box. No script of the page runs here "
          "and nothing is loaded: images show as their place and alt text.</p>\n";
}

// The legend: each part's colour, word and count, then the outlines.
void legend(std::string* out, const Tally& t) {
  *out += "<details open><summary><h2>Legend</h2></summary>\n<ul class=\"exv-legend\">\n";
  for (int p = 0; p < kPartCount; ++p) {
    const PartStyle& s = kPartStyles[p];
    *out += "<li data-exv-part=\"";
    *out += s.word;
    *out += "\"><span class=\"exv-sw\" aria-hidden=\"true\"></span><b>";
    *out += s.word;
    *out += "</b> — ";
    *out += s.legend;
    *out += " (" + std::to_string(t.parts[p]) + ")</li>\n";
  }
  *out += "<li><span class=\"exv-sw exv-solid\" aria-hidden=\"true\"></span>solid outline: kept in "
          "the text</li>\n<li><span class=\"exv-sw exv-dashed\" aria-hidden=\"true\"></span>dashed: "
          "dropped</li>\n<li><span class=\"exv-sw exv-dotted\" aria-hidden=\"true\"></span>dotted: "
          "a reader comment</li>\n</ul>\n</details>\n";
}

// Metadata, each field with where it came from.
void metadata_table(std::string* out, const Result& r) {
  const Metadata& m = r.metadata;
  const Metadata::Sources& s = m.sources;
  *out += "<details open><summary><h2>Metadata</h2></summary>\n<table>\n"
          "<tr><th>field</th><th>value</th><th>source</th></tr>\n";
  page_type_row(r, out);
  metadata_row(out, "title", m.title, s.title);
  metadata_row(out, "authors", joined(m.authors), s.authors);
  metadata_row(out, "date", m.date, s.date);
  metadata_row(out, "modified", m.date_modified, s.date_modified);
  metadata_row(out, "site", m.site_name, s.site_name);
  metadata_row(out, "language", m.language, s.language);
  metadata_row(out, "description", m.description, s.description);
  metadata_row(out, "url", m.url, s.url);  // text, not a link
  metadata_row(out, "image", m.image, s.image);
  metadata_row(out, "categories", joined(m.categories), s.categories);
  metadata_row(out, "tags", joined(m.tags), s.tags);
  *out += "</table>\n</details>\n";
}

// The blocks' texts, one item each, linked to their boxes.
void text_items(std::string* out, const PageCapture& page, const Result& r,
                const std::vector<const Block*>& blocks) {
  for (const Block* b : blocks) {
    *out += "<li>";
    block_link(out, page, static_cast<std::size_t>(b - r.blocks.data()), b->text);
    *out += "</li>\n";
  }
}

// The extracted text, one line per block as render_text writes them, and
// the comments when they are asked for.
void text_lists(std::string* out, const PageCapture& page, const Result& r,
                const Options& options) {
  const std::vector<const Block*> shown = visible_blocks(r.blocks, Label::kContent, false, options);
  *out += "<details open><summary><h2>Extracted text</h2></summary>\n";
  if (shown.empty()) *out += "<p>(none)</p>\n";
  *out += "<ol class=\"exv-text\">\n";
  text_items(out, page, r, shown);
  *out += "</ol>\n</details>\n";
  if (!options.include_comments) return;
  const std::vector<const Block*> comments =
      visible_blocks(r.blocks, Label::kComment, false, options);
  if (comments.empty()) return;
  *out += "<details open><summary><h2>Comments</h2></summary>\n<ol class=\"exv-text\">\n";
  text_items(out, page, r, comments);
  *out += "</ol>\n</details>\n";
}

// Every block, with the part the view gives it.
void all_blocks(std::string* out, const PageCapture& page, const Result& r) {
  const std::size_t n = r.blocks.size();
  *out += "<details><summary><h2>All blocks (" + std::to_string(n) + ")</h2></summary>\n<ol class=\"exv-blocks\" start=\"0\">\n";
  for (std::size_t i = 0; i < n; ++i) {
    const Block& b = r.blocks[i];
    const Part p = i < page.parts.size() ? page.parts[i] : Part::kOther;
    // The part's name is drawn from data-exv-part by the style sheet.
    *out += "<li data-exv-part=\"";
    *out += part_word(p);
    *out += "\">";
    block_link(out, page, i, b.text.empty() ? std::string_view("(image)") : std::string_view(b.text), 90);
    *out += ' ';
    *out += decision_word(b.label);
    *out += ' ';
    append_score(out, b.score);
    *out += ' ';
    append_html(out, to_string(b.reason));
    *out += "</li>\n";
  }
  *out += "</ol>\n</details>\n";
}

// What the page hides (no blocks come from there).
void hidden_list(std::string* out, const PageCapture& page) {
  *out += "<details open><summary><h2>Hidden by the page (" + std::to_string(page.hidden.size()) +
          ")</h2></summary>\n<p class=\"exv-note\">Elements the page's markup hides give no "
          "blocks; a link shows one in place. Boxes above marked <span class=\"exv-hid\">hidden"
          "</span> are not shown by the page's own style sheets.</p>\n<ul>\n";
  for (const PageCapture::Hidden& h : page.hidden) {
    *out += "<li><a href=\"#";
    append_fragment(out, h.anchor);
    *out += "\">";
    append_snippet(out, h.text.empty() ? std::string_view("(no text)") : std::string_view(h.text), 120);
    *out += "</a> <span class=\"exv-hid\">hidden</span> <span class=\"exv-note\">";
    append_html(out, h.why);
    *out += " · ";
    append_html(out, h.path);
    *out += "</span></li>\n";
  }
  *out += "</ul>\n</details>\n";
}

void panel(std::string* out, const PageCapture& page, const Result& r, const Options& options) {
  const Tally t = tally(page, r);
  *out += "<exv-panel id=\"exv-panel\" role=\"complementary\" aria-label=\"What the extractor "
          "decided\">\n";
  panel_head(out, r, t.kept);
  legend(out, t);
  metadata_table(out, r);
  text_lists(out, page, r, options);
  all_blocks(out, page, r);
  hidden_list(out, page);
  *out += "</exv-panel>\n";
}

}  // namespace

std::string render_explain(const PageCapture& page, const Result& result, const Options& options) {
  std::string out;
  out.reserve(page.body.size() + page.css.size() + 4096 + 300 * result.blocks.size());
  // The policy first: it governs only what follows it.
  out += "<!DOCTYPE html>\n<html";
  out += page.html_attributes;
  out += ">\n<head>\n<meta charset=\"utf-8\">\n"
         "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
         "style-src 'unsafe-inline'; form-action 'none'; base-uri 'none'\">\n"
         "<meta name=\"referrer\" content=\"no-referrer\">\n"
         "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
         "<meta name=\"generator\" content=\"extractor --explain\">\n<title>Explained: ";
  append_html(&out, result.metadata.title.empty() ? std::string_view("(no title)")
                                                     : std::string_view(result.metadata.title));
  out += "</title>\n";
  out += page.css;
  out += "<style id=\"exv-style\">\n";
  out.append(kViewCss);
  out.append(kPanelCss);
  part_variables(&out);
  // One counter per marked element, all declared on <html> so that the
  // panel (after the page) reads the count of each.
  if (!page.anchors.empty()) {
    out += "html { counter-reset:";
    for (std::size_t a = 0; a < page.anchors.size(); ++a) {
      out += " exv";
      append_number(&out, a);
    }
    out += " !important; }\n";
  }
  out += "</style>\n</head>\n<body";
  out += page.body_attributes;
  out += ">\n<exv-skip><a href=\"#exv-panel\">Skip to the extractor's panel</a></exv-skip>\n";
  out += page.body;
  out += '\n';
  panel(&out, page, result, options);
  out += "</body>\n</html>\n";
  return out;
}


}  // namespace extractor
