// Generators of hostile and broken pages, shared by tests/robustness_test.cc
// (small and full sizes, checked for a sane result), fuzz/stress.cc (time and
// peak memory against size, to show linearity) and the fuzzing seed corpus.
//
// Every generator is deterministic: the same `n` gives the same bytes, so a
// failure reproduces and results can be compared byte for byte.
#ifndef EXTRACTOR_FUZZ_HOSTILE_H_
#define EXTRACTOR_FUZZ_HOSTILE_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace extractor::hostile {

// A few lines of article prose, so that a page has something to extract.
inline const char* prose() {
  return "The committee met on Tuesday to review the budget, and after a long "
         "debate it approved the plan. Members said the vote was close, but "
         "the outcome was never really in doubt.";
}

// `count` copies of `unit`, reserved once.
inline std::string repeat(const std::string& unit, std::size_t count) {
  std::string s;
  s.reserve(unit.size() * count);
  for (std::size_t i = 0; i < count; ++i) s += unit;
  return s;
}

// Deterministic pseudo-random bytes (xorshift64*).
inline std::string random_bytes(std::size_t n, std::uint64_t seed) {
  std::string s(n, '\0');
  std::uint64_t x = seed | 1;
  for (std::size_t i = 0; i < n; ++i) {
    x ^= x >> 12;
    x ^= x << 25;
    x ^= x >> 27;
    s[i] = static_cast<char>((x * 0x2545F4914F6CDD1DULL) >> 56);
  }
  return s;
}

inline std::string article_page(const std::string& body) {
  return "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Budget vote</title>"
         "</head><body><article><h1>Budget vote</h1><p>" +
         std::string(prose()) + "</p>" + body + "<p>" + prose() + "</p></article></body></html>";
}

// --- binary files served as text/html ----------------------------------------

inline std::string png(std::size_t n) {
  std::string s("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16);
  return s + random_bytes(n, 1);
}
inline std::string pdf(std::size_t n) {
  return "%PDF-1.4\n%\xE2\xE3\xCF\xD3\n1 0 obj\n<< /Length " + std::to_string(n) +
         " /Filter /FlateDecode >>\nstream\n" + random_bytes(n, 2) + "\nendstream\nendobj\n%%EOF\n";
}
inline std::string gzip(std::size_t n) {
  return std::string("\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03", 10) + random_bytes(n, 3);
}

// --- bytes that are not what they claim ------------------------------------------

// NUL bytes in text, in a tag name, in an attribute value.
inline std::string nul_bytes(std::size_t n) {
  std::string unit = std::string("<p>before") + '\0' + "after " + prose() + "</p><d" + '\0' +
                     "iv class=\"a" + '\0' + "b\">x</div>";
  return article_page(repeat(unit, n));
}

// Overlong forms, surrogates, code points past U+10FFFF, stray continuation
// bytes and truncated sequences, in a UTF-8 page: a few per paragraph of
// valid accented text (a page of mostly broken bytes is decoded as a legacy
// charset instead, which is right too).
inline std::string invalid_utf8(std::size_t n) {
  const std::string bad =
      "\xC0\xAF \xE0\x80\xAF \xF0\x80\x80\xAF \xC1\xBF \xED\xA0\x80 \xED\xBF\xBF "
      "\xF4\x90\x80\x80 \xF8\x88\x80\x80\x80 \xFE\xFF \x80\x80 \xE2\x82 \xF0\x9F\x98";
  const std::string accented = repeat("caf\xC3\xA9 cr\xC3\xA8me br\xC3\xBBl\xC3\xA9\x65 na\xC3\xAFve ", 12);
  return article_page(repeat("<p>" + accented + bad + " " + prose() + "</p>", n));
}

// Valid UTF-8 declared as windows-1251.
inline std::string wrong_charset(std::size_t n) {
  return "<html><head><meta charset=\"windows-1251\"></head><body><article>" +
         repeat("<p>Caf\xC3\xA9 cr\xC3\xA8me br\xC3\xBBl\xC3\xA9\x65: " + std::string(prose()) +
                    "</p>",
                n) +
         "</article></body></html>";
}

// windows-1252 bytes declared as UTF-8.
inline std::string latin1_declared_utf8(std::size_t n) {
  return "<html><head><meta charset=\"utf-8\"></head><body><article>" +
         repeat("<p>Caf\xE9 cr\xE8me br\xFBl\xE9\x65: " + std::string(prose()) + "</p>", n) +
         "</article></body></html>";
}

inline std::string unknown_charset(std::size_t n) {
  return "<html><head><meta charset=\"x-klingon-9\"></head><body><article>" +
         repeat("<p>" + std::string(prose()) + "</p>", n) + "</article></body></html>";
}

// --- shapes of tree ------------------------------------------------------------------

inline std::string nested_divs(std::size_t n) {
  return "<html><body>" + repeat("<div>", n) + prose() + repeat("</div>", n) + "</body></html>";
}
// Never closed: the parser closes them all at EOF.
inline std::string unclosed_divs(std::size_t n) {
  return "<html><body>" + repeat("<div>", n) + prose();
}
inline std::string sibling_paragraphs(std::size_t n) {
  return article_page(repeat("<p>Paragraph of the article. " + std::string(prose()) + "</p>\n", n));
}
inline std::string nested_tables(std::size_t n) {
  return "<html><body>" + repeat("<table><tr><td>", n) + prose() +
         repeat("</td></tr></table>", n) + "</body></html>";
}
inline std::string unclosed_tables(std::size_t n) {
  return "<html><body>" + repeat("<table><tr><td>cell ", n) + prose();
}
// Formatting elements never closed, each with its own attribute so that the
// "Noah's Ark" clause (at most three identical entries) does not bound them,
// then paragraphs that make the parser reconstruct all of them, each time.
inline std::string formatting_storm(std::size_t n) {
  std::string s = "<html><body>";
  for (std::size_t i = 0; i < n; ++i) s += "<b id=b" + std::to_string(i) + ">";
  s += repeat("<p>" + std::string(prose()) + "</p>", n);
  return s;
}
// Misnested formatting (<b><p></b>): the adoption agency algorithm for each.
inline std::string adoption_storm(std::size_t n) {
  return article_page(repeat("<b><i><p>x</b>y</i>z</p>", n));
}
// Every <a> while an <a> is open runs the adoption agency.
inline std::string anchor_storm(std::size_t n) {
  return article_page(repeat("<a href=\"/x\"><div>link text ", n));
}
inline std::string font_storm(std::size_t n) {
  std::string s = "<html><body>";
  for (std::size_t i = 0; i < n; ++i)
    s += "<font color=c" + std::to_string(i) + "><p>" + std::string(prose()) + "</font>";
  return s;
}
inline std::string nested_lists(std::size_t n) {
  return "<html><body>" + repeat("<ul><li>item ", n) + repeat("</li></ul>", n) + "</body></html>";
}
inline std::string unclosed_items(std::size_t n) {
  return "<html><body><ul>" + repeat("<li><p>item text ", n) + "</ul></body></html>";
}
// <rt>/<rp>/<rb> outside <ruby> do not close one another.
inline std::string ruby_storm(std::size_t n) {
  return "<html><body><p>" + repeat("<rt><rb>ruby ", n) + "</p></body></html>";
}
inline std::string nested_svg(std::size_t n) {
  return "<html><body><p>" + std::string(prose()) + "</p>" + repeat("<svg><g>", n) + "</body></html>";
}
inline std::string nested_templates(std::size_t n) {
  return "<html><body>" + repeat("<template><div>", n) + prose() + "</body></html>";
}
inline std::string nested_selects(std::size_t n) {
  return "<html><body>" + repeat("<select><optgroup><option>o", n) + prose() + "</body></html>";
}
inline std::string nested_quotes(std::size_t n) {
  return "<html><body>" + repeat("<blockquote><p>quoted text " + std::string(prose()), n) +
         "</body></html>";
}
inline std::string stray_end_tags(std::size_t n) {
  return article_page(repeat("</p></div></li></td></b></a></table>", n));
}

// --- big nodes ------------------------------------------------------------------------

// One text node of about n bytes.
inline std::string huge_text(std::size_t n) {
  const std::string unit = "lorem ipsum dolor sit amet, consectetur. ";
  std::string words = repeat(unit, n / unit.size() + 1);
  words.resize(n);
  return "<html><body><p>" + words + "</p></body></html>";
}
// One text node of about n bytes with no space in it.
inline std::string huge_word(std::size_t n) {
  return "<html><body><p>" + std::string(n, 'x') + "</p></body></html>";
}
// An attribute value of n bytes, in each attribute we read.
inline std::string huge_attribute(std::size_t n) {
  const std::string v(n, 'a');
  return article_page("<div class=\"" + v + "\" id=\"" + v + "\"><p style=\"" + v + "\">text " +
                      prose() + "</p><a href=\"" + v + "\">link</a><img src=\"" + v +
                      "\" alt=\"" + v + "\"></div>");
}
inline std::string unquoted_attribute(std::size_t n) {
  return article_page("<div class=" + std::string(n, 'b') + "><p>" + prose() + "</p></div>");
}
// n attributes on one element (Gumbo checks each new name against the others).
inline std::string many_attributes(std::size_t n) {
  std::string s = "<div";
  for (std::size_t i = 0; i < n; ++i) s += " a" + std::to_string(i) + "=v";
  return article_page(s + "><p>" + prose() + "</p></div>");
}
// One attribute name repeated n times (every duplicate is a parse error).
inline std::string duplicate_attributes(std::size_t n) {
  return article_page("<div" + repeat(" class=x", n) + "><p>" + prose() + "</p></div>");
}
inline std::string huge_comment(std::size_t n) {
  return article_page("<!--" + std::string(n, '-') + "-->");
}
inline std::string many_entities(std::size_t n) {
  return article_page("<p>" + repeat("&amp;&#x1F600;&#0;&#xD800;&#99999999;&notanentity;&lt", n) +
                      "</p>");
}
// Numeric references too large for an int (found by fuzzing: Gumbo's
// overflow came out as invalid UTF-8), in text and in attributes.
inline std::string huge_char_refs(std::size_t n) {
  return article_page(repeat(
      "<p title=\"&#x1Fbbbbbbbbbbbb;\"><a href=\"/&#99999999999999\">a&#x1Fbbbbbbbbbbbbbbbbbbb`b"
      "&#99999999999999999999;c&#x0000000041;d&#x110000;e&#4294967393;f</a></p>",
      n));
}
inline std::string long_entity_name(std::size_t n) {
  return article_page("<p>&" + std::string(n, 'a') + "; " + prose() + "</p>");
}

// --- truncated and special tokenizer states -----------------------------------------

inline std::string unterminated_comment(std::size_t n) {
  return article_page("") + "<!-- " + repeat("<p>not text</p>", n);
}
inline std::string unterminated_script(std::size_t n) {
  return "<html><body><p>" + std::string(prose()) + "</p><script>" +
         repeat("var x = '<p>not text</p>';", n);
}
inline std::string script_escapes(std::size_t n) {
  return article_page(repeat("<script><!--<script></script>-->x</script>", n));
}
inline std::string unterminated_tag(std::size_t n) {
  return article_page("") + "<div class=\"" + repeat("x ", n);
}
inline std::string unterminated_title(std::size_t n) {
  return "<html><head><title>Budget vote" + repeat("<p>" + std::string(prose()) + "</p>", n);
}
inline std::string plaintext(std::size_t n) {
  return "<html><body><p>" + std::string(prose()) + "</p><plaintext>" +
         repeat("<p>shown as text</p>\n", n);
}
inline std::string frameset(std::size_t n) {
  return "<html><head><title>Frames</title></head><frameset cols=\"50%,50%\">" +
         repeat("<frame src=\"a.html\"><frameset rows=\"1,1\">", n) +
         "<noframes><body><p>" + prose() + "</p></body></noframes></frameset></html>";
}
inline std::string truncated_page(std::size_t n) {
  std::string s = sibling_paragraphs(n);
  return s.substr(0, s.size() / 2 + 7);  // cut mid-tag, mid-word
}
// JSON-LD of n nested arrays, then n nested objects (the metadata readers
// walk JSON recursively).
inline std::string deep_json_ld(std::size_t n) {
  return "<html><head><script type=\"application/ld+json\">" + repeat("[", n) + repeat("]", n) +
         "</script><script type=\"application/ld+json\">" + repeat("{\"a\":", n) + "1" +
         repeat("}", n) + "</script></head><body><article><p>" + prose() +
         "</p></article></body></html>";
}
inline std::string cdata_in_svg(std::size_t n) {
  return article_page("<svg><![CDATA[" + repeat("<p>x</p>", n));
}

struct Case {
  const char* name;
  std::string (*make)(std::size_t);
  std::size_t n;  // the size the issue names (or a comparable one)
};

// Every case, at its full size; tests run most of them at full size and the
// heaviest at a fraction (see robustness_test.cc).
inline const std::vector<Case>& cases() {
  static const std::vector<Case> kCases = {
      {"png", png, 1 << 20},
      {"pdf", pdf, 1 << 20},
      {"gzip", gzip, 1 << 20},
      {"nul_bytes", nul_bytes, 10000},
      {"invalid_utf8", invalid_utf8, 10000},
      {"wrong_charset", wrong_charset, 10000},
      {"latin1_declared_utf8", latin1_declared_utf8, 10000},
      {"unknown_charset", unknown_charset, 10000},
      {"nested_divs", nested_divs, 1000000},
      {"unclosed_divs", unclosed_divs, 1000000},
      {"sibling_paragraphs", sibling_paragraphs, 100000},
      {"nested_tables", nested_tables, 10000},
      {"unclosed_tables", unclosed_tables, 10000},
      {"formatting_storm", formatting_storm, 10000},
      {"adoption_storm", adoption_storm, 100000},
      {"anchor_storm", anchor_storm, 100000},
      {"font_storm", font_storm, 100000},
      {"nested_lists", nested_lists, 100000},
      {"unclosed_items", unclosed_items, 100000},
      {"ruby_storm", ruby_storm, 100000},
      {"nested_svg", nested_svg, 100000},
      {"nested_templates", nested_templates, 100000},
      {"nested_selects", nested_selects, 100000},
      {"nested_quotes", nested_quotes, 100000},
      {"stray_end_tags", stray_end_tags, 100000},
      {"huge_text", huge_text, std::size_t{50} << 20},
      {"huge_word", huge_word, std::size_t{50} << 20},
      {"huge_attribute", huge_attribute, std::size_t{10} << 20},
      {"unquoted_attribute", unquoted_attribute, std::size_t{10} << 20},
      {"many_attributes", many_attributes, 100000},
      {"duplicate_attributes", duplicate_attributes, 100000},
      {"huge_comment", huge_comment, std::size_t{10} << 20},
      {"many_entities", many_entities, 100000},
      {"long_entity_name", long_entity_name, 1 << 20},
      {"huge_char_refs", huge_char_refs, 10000},
      {"unterminated_comment", unterminated_comment, 100000},
      {"unterminated_script", unterminated_script, 100000},
      {"script_escapes", script_escapes, 100000},
      {"unterminated_tag", unterminated_tag, 1 << 20},
      {"unterminated_title", unterminated_title, 10000},
      {"plaintext", plaintext, 100000},
      {"frameset", frameset, 10000},
      {"truncated_page", truncated_page, 10000},
      {"cdata_in_svg", cdata_in_svg, 100000},
      {"deep_json_ld", deep_json_ld, 1000000},
  };
  return kCases;
}

}  // namespace extractor::hostile

#endif  // EXTRACTOR_FUZZ_HOSTILE_H_
