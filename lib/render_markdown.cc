#include <algorithm>
#include <string_view>

#include "render.h"

namespace extractor {
namespace {

// Characters that would turn plain text into Markdown syntax.
void append_escaped(std::string* out, std::string_view text, bool line_start) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    const bool at_line_start = (i == 0 && line_start) || (i > 0 && text[i - 1] == '\n');
    if (c == '\\' || c == '*' || c == '_' || c == '`' || c == '[' || c == ']' ||
        (at_line_start && (c == '#' || c == '>' || c == '-' || c == '+' || c == '|')))
      *out += '\\';
    *out += c;
  }
}

// Text with its spans as Markdown inline syntax.
std::string inline_markdown(const Block& b, const Options& options) {
  struct Mark {
    std::uint32_t at;
    bool open;
    const Span* span;
  };
  std::vector<Mark> marks;
  for (const Span& s : b.spans) {
    if (s.kind == Span::Kind::kLink && !options.include_links) continue;
    marks.push_back({s.begin, true, &s});
    marks.push_back({s.end, false, &s});
  }
  // Closings before openings at the same offset; inner spans close first.
  std::stable_sort(marks.begin(), marks.end(), [](const Mark& a, const Mark& b) {
    if (a.at != b.at) return a.at < b.at;
    return !a.open && b.open;
  });
  std::string out;
  std::uint32_t pos = 0;
  for (const Mark& m : marks) {
    if (m.at > pos) {
      append_escaped(&out, std::string_view(b.text).substr(pos, m.at - pos), pos == 0);
      pos = m.at;
    }
    switch (m.span->kind) {
      case Span::Kind::kLink:
        out += m.open ? "[" : "](" + m.span->href + ")";
        break;
      case Span::Kind::kEmphasis:
        out += '*';
        break;
      case Span::Kind::kStrong:
        out += "**";
        break;
      case Span::Kind::kCode:
        out += '`';
        break;
    }
  }
  if (pos < b.text.size()) append_escaped(&out, std::string_view(b.text).substr(pos), pos == 0);
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

std::string render_markdown(const std::vector<Block>& blocks, const Options& options,
                            Label label) {
  std::string out;
  const Block* prev = nullptr;
  for (const Block* b : visible_blocks(blocks, label, /*with_media=*/true, options)) {
    const bool run = prev != nullptr && same_run(*prev, *b);
    if (prev != nullptr) out += run ? "\n" : "\n\n";
    std::string quote;
    for (int q = 0; q < b->quote_depth; ++q) quote += "> ";
    std::string body;
    switch (b->kind) {
      case BlockKind::kHeading:
        body = std::string(std::max<int>(1, b->level), '#') + " " + inline_markdown(*b, options);
        break;
      case BlockKind::kListItem:
        body = std::string(2 * std::max(0, b->level - 1), ' ') + (b->ordered ? "1. " : "- ") +
               inline_markdown(*b, options);
        break;
      case BlockKind::kTableRow: {
        std::string cells = inline_markdown(*b, options);
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
      case BlockKind::kCode:
        body = "```\n" + b->text + "\n```";
        break;
      case BlockKind::kImage:
        body = "![" + b->text + "](" + b->src + ")";
        break;
      case BlockKind::kCaption:
        body = "*" + inline_markdown(*b, options) + "*";
        break;
      case BlockKind::kParagraph:
        body = inline_markdown(*b, options);
        break;
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
