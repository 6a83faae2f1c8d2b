#include <algorithm>
#include <string_view>

#include "render.h"

namespace extractor {
namespace {

void append_escaped(std::string* out, std::string_view text) {
  for (char c : text) {
    switch (c) {
      case '&': *out += "&amp;"; break;
      case '<': *out += "&lt;"; break;
      case '>': *out += "&gt;"; break;
      case '"': *out += "&quot;"; break;
      default: *out += c;
    }
  }
}

std::string inline_html(const Block& b, const Options& options, std::string_view text,
                        std::uint32_t base) {
  struct Mark {
    std::uint32_t at;
    bool open;
    const Span* span;
  };
  std::vector<Mark> marks;
  for (const Span& s : b.spans) {
    if (s.kind == Span::Kind::kLink && !options.include_links) continue;
    if (s.begin < base || s.end > base + text.size()) continue;
    marks.push_back({s.begin - base, true, &s});
    marks.push_back({s.end - base, false, &s});
  }
  std::stable_sort(marks.begin(), marks.end(), [](const Mark& a, const Mark& b) {
    if (a.at != b.at) return a.at < b.at;
    return !a.open && b.open;
  });
  std::string out;
  std::uint32_t pos = 0;
  auto text_to = [&](std::uint32_t upto) {
    for (; pos < upto; ++pos) {
      if (text[pos] == '\n') {
        out += "<br>";
      } else {
        append_escaped(&out, text.substr(pos, 1));
      }
    }
  };
  for (const Mark& m : marks) {
    text_to(m.at);
    switch (m.span->kind) {
      case Span::Kind::kLink:
        if (m.open) {
          out += "<a href=\"";
          append_escaped(&out, m.span->href);
          out += "\">";
        } else {
          out += "</a>";
        }
        break;
      case Span::Kind::kEmphasis: out += m.open ? "<em>" : "</em>"; break;
      case Span::Kind::kStrong: out += m.open ? "<strong>" : "</strong>"; break;
      case Span::Kind::kCode: out += m.open ? "<code>" : "</code>"; break;
    }
  }
  text_to(static_cast<std::uint32_t>(text.size()));
  return out;
}

}  // namespace

std::string render_html(const std::vector<Block>& blocks, const Options& options, Label label) {
  std::string out;
  const std::vector<const Block*> shown = visible_blocks(blocks, label, true, options);
  int quote = 0;
  for (std::size_t i = 0; i < shown.size(); ++i) {
    const Block& b = *shown[i];
    const Block* prev = i > 0 ? shown[i - 1] : nullptr;
    const Block* next = i + 1 < shown.size() ? shown[i + 1] : nullptr;
    while (quote < b.quote_depth) {
      out += "<blockquote>";
      ++quote;
    }
    while (quote > b.quote_depth) {
      out += "</blockquote>\n";
      --quote;
    }
    const std::string_view text = b.text;
    switch (b.kind) {
      case BlockKind::kHeading: {
        const std::string h = "h" + std::to_string(std::clamp<int>(b.level, 1, 6));
        out += "<" + h + ">" + inline_html(b, options, text, 0) + "</" + h + ">\n";
        break;
      }
      case BlockKind::kListItem: {
        const char* list = b.ordered ? "ol" : "ul";
        if (prev == nullptr || prev->kind != BlockKind::kListItem) out += std::string("<") + list + ">\n";
        out += "<li>" + inline_html(b, options, text, 0) + "</li>\n";
        if (next == nullptr || next->kind != BlockKind::kListItem) out += std::string("</") + list + ">\n";
        break;
      }
      case BlockKind::kTableRow: {
        if (prev == nullptr || prev->kind != BlockKind::kTableRow) out += "<table>\n";
        out += "<tr>";
        std::uint32_t start = 0;
        while (start <= text.size()) {
          std::size_t tab = text.find('\t', start);
          if (tab == std::string_view::npos) tab = text.size();
          out += "<td>" + inline_html(b, options, text.substr(start, tab - start), start) + "</td>";
          start = static_cast<std::uint32_t>(tab + 1);
        }
        out += "</tr>\n";
        if (next == nullptr || next->kind != BlockKind::kTableRow) out += "</table>\n";
        break;
      }
      case BlockKind::kCode:
        out += "<pre><code>";
        append_escaped(&out, text);
        out += "</code></pre>\n";
        break;
      case BlockKind::kImage:
        out += "<figure><img src=\"";
        append_escaped(&out, b.src);
        out += "\" alt=\"";
        append_escaped(&out, text);
        out += "\">";
        if (next != nullptr && next->kind == BlockKind::kCaption) {
          out += "<figcaption>" + inline_html(*next, options, next->text, 0) + "</figcaption>";
          ++i;
        }
        out += "</figure>\n";
        break;
      case BlockKind::kCaption:
        out += "<figure><figcaption>" + inline_html(b, options, text, 0) + "</figcaption></figure>\n";
        break;
      case BlockKind::kParagraph:
        out += "<p>" + inline_html(b, options, text, 0) + "</p>\n";
        break;
    }
  }
  while (quote-- > 0) out += "</blockquote>\n";
  return out;
}

}  // namespace extractor
