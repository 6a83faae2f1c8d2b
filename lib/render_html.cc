// A small, clean HTML fragment of the labelled blocks.
#include <algorithm>
#include <string_view>

#include "render.h"
#include "safe_url.h"

namespace extractor {
namespace {

// text[begin, end) of a block with its spans as tags; '\n' becomes <br>.
std::string inline_html(const Block& b, const RenderOptions& options, std::uint32_t begin,
                        std::uint32_t end) {
  const std::string_view text = std::string_view(b.text).substr(begin, end - begin);
  std::string out;
  std::uint32_t pos = 0;
  // text[pos, upto) escaped, each '\n' as <br>, line by line.
  auto text_to = [&](std::uint32_t upto) {
    while (pos < upto) {
      const std::size_t nl = text.substr(0, upto).find('\n', pos);
      const std::uint32_t stop = nl == std::string_view::npos ? upto : static_cast<std::uint32_t>(nl);
      append_html(&out, text.substr(pos, stop - pos));
      pos = stop;
      if (pos < upto) {
        out += "<br>";
        ++pos;
      }
    }
  };
  for (const SpanMark& m : span_marks(b, options, begin, end)) {
    text_to(m.at);
    switch (m.span->kind) {
      case Span::Kind::kLink:
        if (m.open) {
          out += "<a href=\"";
          append_html(&out, m.href);
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

std::string inline_html(const Block& b, const RenderOptions& options) {
  return inline_html(b, options, 0, static_cast<std::uint32_t>(b.text.size()));
}

// Open lists, innermost last; each item's <li> stays open until the next
// item at its level or above, so that nested lists sit inside their item.
class Lists {
 public:
  void item(std::string* out, const Block& b, const std::string& content) {
    const std::size_t level = std::max<std::size_t>(1, b.level);
    while (open_.size() > level) close_one(out);
    if (open_.size() == level) {
      if (open_.back() != b.ordered) {
        close_one(out);
      } else {
        *out += "</li>\n";
      }
    }
    while (open_.size() < level) {
      // A list opened deeper than one level below the last item (or with
      // no item at all) gets empty items to hang from.
      if (!open_.empty() && !item_open_) *out += "<li>";
      const bool ordered = open_.size() + 1 == level ? b.ordered : false;
      *out += ordered ? "<ol>\n" : "<ul>\n";
      open_.push_back(ordered);
      item_open_ = false;
    }
    *out += "<li>" + content;
    item_open_ = true;
  }
  void close_all(std::string* out) {
    while (!open_.empty()) close_one(out);
  }

 private:
  void close_one(std::string* out) {
    if (item_open_) *out += "</li>\n";
    *out += open_.back() ? "</ol>" : "</ul>";
    open_.pop_back();
    // The enclosing list's item is still open.
    item_open_ = !open_.empty();
    if (open_.empty()) *out += "\n";
  }
  std::vector<bool> open_;  // ordered?
  bool item_open_ = false;
};

}  // namespace

std::string render_html(const std::vector<Block>& blocks, const RenderOptions& options,
                        Label label) {
  const std::vector<const Block*> shown = visible_blocks(blocks, label, true, options);
  std::string out;
  out.reserve(expected_size(shown, 16, /*markup=*/true));
  Lists lists;
  int quote = 0;
  for (std::size_t i = 0; i < shown.size(); ++i) {
    const Block& b = *shown[i];
    const Block* prev = i > 0 ? shown[i - 1] : nullptr;
    const Block* next = i + 1 < shown.size() ? shown[i + 1] : nullptr;
    if (b.kind != BlockKind::kListItem || b.quote_depth != quote) lists.close_all(&out);
    while (quote < b.quote_depth) {
      out += "<blockquote>";
      ++quote;
    }
    while (quote > b.quote_depth) {
      out += "</blockquote>\n";
      --quote;
    }
    switch (b.kind) {
      case BlockKind::kHeading: {
        const std::string h = "h" + std::to_string(std::clamp<int>(b.level, 1, 6));
        out += "<" + h + ">" + inline_html(b, options) + "</" + h + ">\n";
        break;
      }
      case BlockKind::kListItem:
        lists.item(&out, b, inline_html(b, options));
        break;
      case BlockKind::kTableRow: {
        if (prev == nullptr || prev->kind != BlockKind::kTableRow) out += "<table>\n";
        out += "<tr>";
        std::uint32_t start = 0;
        const std::string_view text = b.text;
        while (start <= text.size()) {
          std::size_t tab = text.find('\t', start);
          if (tab == std::string_view::npos) tab = text.size();
          out += "<td>" + inline_html(b, options, start, static_cast<std::uint32_t>(tab)) + "</td>";
          start = static_cast<std::uint32_t>(tab + 1);
        }
        out += "</tr>\n";
        if (next == nullptr || next->kind != BlockKind::kTableRow) out += "</table>\n";
        break;
      }
      case BlockKind::kCode:
        out += "<pre><code>";
        append_html(&out, b.text);
        out += "</code></pre>\n";
        break;
      case BlockKind::kImage: {
        const std::string src = safe_url(b.src, UrlUse::kImage);
        if (src.empty()) break;  // its caption, if any, stands alone
        out += "<figure><img src=\"";
        append_html(&out, src);
        out += "\" alt=\"";
        append_html(&out, b.text);
        out += "\">";
        if (next != nullptr && next->kind == BlockKind::kCaption) {
          out += "<figcaption>" + inline_html(*next, options) + "</figcaption>";
          ++i;
        }
        out += "</figure>\n";
        break;
      }
      case BlockKind::kCaption:
        out += "<figure><figcaption>" + inline_html(b, options) + "</figcaption></figure>\n";
        break;
      case BlockKind::kParagraph:
        out += "<p>" + inline_html(b, options) + "</p>\n";
        break;
    }
  }
  lists.close_all(&out);
  while (quote-- > 0) out += "</blockquote>\n";
  return out;
}

}  // namespace extractor
