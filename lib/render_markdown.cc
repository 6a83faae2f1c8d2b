// Markdown (CommonMark with GitHub tables) of the labelled blocks.
#include <algorithm>
#include <string_view>

#include "chars.h"
#include "render.h"
#include "safe_url.h"

namespace extractor {
namespace {

// Whether text[i] ('&') begins what CommonMark reads as a character
// reference: "&amp;", "&#106;", "&#x6A;".
bool starts_reference(std::string_view text, std::size_t i) {
  std::size_t j = i + 1;
  if (j < text.size() && text[j] == '#') ++j;
  const std::size_t start = j;
  while (j < text.size() && j - start < 32 && is_ascii_alnum(text[j])) ++j;
  return j > start && j < text.size() && text[j] == ';';
}

// Plain text made safe from Markdown syntax: inline markers everywhere, and
// at a line start what would open a heading, quote, list, table or fence.
void append_escaped(std::string* out, std::string_view text, bool line_start, bool in_table) {
  // text[from, i) holds nothing to escape and is appended in one go.
  std::size_t from = 0;
  auto flush = [&](std::size_t to) {
    out->append(text.data() + from, to - from);
    from = to;
  };
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    const bool at_line_start = (i == 0 && line_start) || (i > 0 && text[i - 1] == '\n');
    // '<' would open raw HTML or an autolink (<javascript:...> is one); an
    // '&' that begins a character reference would be decoded.
    bool escape = c == '\\' || c == '*' || c == '_' || c == '`' || c == '[' || c == ']' ||
                  c == '<' || (c == '&' && starts_reference(text, i)) || (in_table && c == '|');
    if (!escape && !at_line_start) continue;
    flush(i);
    from = i + 1;  // c itself is written below
    // At a line start: a heading, quote, list, table, tilde fence or the
    // underline of a setext heading.
    if (at_line_start &&
        (c == '#' || c == '>' || c == '-' || c == '+' || c == '|' || c == '~' || c == '='))
      escape = true;
    if (at_line_start && is_ascii_digit(c)) {
      // "1984. The year" would start an ordered list: escape its dot.
      std::size_t j = i;
      while (j < text.size() && is_ascii_digit(text[j]) && j - i < 9) ++j;
      if (j < text.size() && (text[j] == '.' || text[j] == ')') &&
          (j + 1 == text.size() || text[j + 1] == ' ')) {
        out->append(text.substr(i, j - i));
        *out += '\\';
        *out += text[j];
        i = j;
        from = j + 1;
        continue;
      }
    }
    if (escape) *out += '\\';
    *out += c;
  }
  flush(text.size());
}

// The shortest run of backticks longer than any run inside `text`.
std::string fence_for(std::string_view text, std::size_t at_least) {
  std::size_t longest = 0, run = 0;
  for (char c : text) {
    run = c == '`' ? run + 1 : 0;
    longest = std::max(longest, run);
  }
  return std::string(std::max(at_least, longest + 1), '`');
}

// Text with its spans as Markdown inline syntax. Code spans keep their
// content verbatim (CommonMark takes backslashes literally there).
std::string inline_markdown(const Block& b, const RenderOptions& options, bool in_table = false) {
  const std::string_view text = b.text;
  const std::vector<SpanMark> marks =
      span_marks(b, options, 0, static_cast<std::uint32_t>(text.size()));
  std::string out;
  std::uint32_t pos = 0;
  int code = 0;
  auto text_to = [&](std::uint32_t upto) {
    if (upto <= pos) return;
    const std::string_view piece = text.substr(pos, upto - pos);
    if (code > 0) {
      out.append(piece);
    } else {
      append_escaped(&out, piece, pos == 0, in_table);
    }
    pos = upto;
  };
  for (const SpanMark& m : marks) {
    text_to(m.at);
    switch (m.span->kind) {
      case Span::Kind::kLink:
        out += m.open ? "[" : "](" + markdown_url(m.href) + ")";
        break;
      case Span::Kind::kEmphasis:
        out += '*';
        break;
      case Span::Kind::kStrong:
        out += "**";
        break;
      case Span::Kind::kCode: {
        const std::string fence =
            fence_for(text.substr(m.span->begin, m.span->end - m.span->begin), 1);
        out += fence;
        code += m.open ? 1 : -1;
        break;
      }
    }
  }
  text_to(static_cast<std::uint32_t>(text.size()));
  return out;
}

void prefix_lines(std::string* out, const std::string& text, const std::string& prefix) {
  std::size_t start = 0;
  while (start <= text.size()) {
    const std::size_t nl = text.find('\n', start);
    *out += prefix;
    out->append(text, start, nl == std::string::npos ? std::string::npos : nl - start);
    if (nl == std::string::npos) break;
    *out += '\n';
    start = nl + 1;
  }
}

}  // namespace

std::string markdown_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  append_escaped(&out, text, /*line_start=*/true, /*in_table=*/false);
  return out;
}

std::string render_markdown(const std::vector<Block>& blocks, const RenderOptions& options,
                            Label label) {
  const std::vector<const Block*> shown =
      visible_blocks(blocks, label, /*with_media=*/true, options);
  std::string out;
  out.reserve(expected_size(shown, 8, /*markup=*/true));
  const Block* prev = nullptr;
  // Indentation of nested list items: each level is indented by the width
  // of its parent's marker ("- " is 2, "1. " is 3), as CommonMark requires.
  std::vector<std::size_t> marker_widths;
  for (const Block* b : shown) {
    if (b->kind == BlockKind::kImage && safe_url(b->src, UrlUse::kImage).empty()) continue;
    const bool run = prev != nullptr && same_run(*prev, *b);
    if (prev != nullptr) out += run ? "\n" : "\n\n";
    if (b->kind != BlockKind::kListItem) marker_widths.clear();
    std::string quote;
    for (int q = 0; q < b->quote_depth; ++q) quote += "> ";
    std::string body;
    switch (b->kind) {
      case BlockKind::kHeading: {
        std::string heading = inline_markdown(*b, options);
        std::replace(heading.begin(), heading.end(), '\n', ' ');
        body = std::string(std::clamp<int>(b->level, 1, 6), '#') + " " + heading;
        break;
      }
      case BlockKind::kListItem: {
        const std::size_t level = std::max<std::size_t>(1, b->level);
        const std::string marker = b->ordered ? "1. " : "- ";
        marker_widths.resize(std::min(marker_widths.size(), level - 1));
        std::size_t indent = 0;
        for (std::size_t w : marker_widths) indent += w;
        // Levels skipped by the page (a list directly inside a list) count
        // as plain bullets.
        for (std::size_t l = marker_widths.size() + 1; l < level; ++l) indent += 2;
        marker_widths.resize(level - 1, 2);
        marker_widths.push_back(marker.size());
        std::string item = inline_markdown(*b, options);
        // Continuation lines stay inside the item.
        std::string continued;
        const std::string pad(indent + marker.size(), ' ');
        for (char c : item) {
          continued += c;
          if (c == '\n') continued += pad;
        }
        body = std::string(indent, ' ') + marker + continued;
        break;
      }
      case BlockKind::kTableRow: {
        const std::string cells = inline_markdown(*b, options, /*in_table=*/true);
        std::size_t columns = 1;
        std::string row = "| ";
        for (char c : cells) {
          if (c == '\t') {
            row += " | ";
            ++columns;
          } else if (c == '\n') {
            row += ' ';
          } else {
            row += c;
          }
        }
        row += " |";
        body = row;
        if (!run) {  // first row of a table: the header separator follows
          body += "\n|";
          for (std::size_t i = 0; i < columns; ++i) body += " --- |";
        }
        break;
      }
      case BlockKind::kCode: {
        const std::string fence = fence_for(b->text, 3);
        body = fence + "\n" + b->text + "\n" + fence;
        break;
      }
      case BlockKind::kImage: {
        std::string alt;
        append_escaped(&alt, b->text, false, false);
        std::replace(alt.begin(), alt.end(), '\n', ' ');
        body = "![" + alt + "](" + markdown_url(safe_url(b->src, UrlUse::kImage)) + ")";
        break;
      }
      case BlockKind::kCaption:
        body = "*" + inline_markdown(*b, options) + "*";
        break;
      case BlockKind::kParagraph: {
        // A <br> is a hard line break ("\\" at the end of the line); a bare
        // newline would join the lines.
        for (char c : inline_markdown(*b, options)) {
          if (c == '\n') body += '\\';
          body += c;
        }
        break;
      }
    }
    if (quote.empty()) {
      out += body;
    } else {
      prefix_lines(&out, body, quote);
    }
    prev = b;
  }
  return out;
}

}  // namespace extractor
