// A page's document as the command-line tool writes it: the layout of every
// format around the renderers' output, and the line of a page in error.
#include <string>

#include "extractor/extractor.h"

namespace extractor {
namespace {

// "title: ...", "author: ...", "date: ...", "site: ...", "url: ..." (the
// known ones) and a blank line; nothing when none is known.
std::string text_header(const Metadata& m) {
  std::string h;
  auto line = [&](const char* key, const std::string& value) {
    if (!value.empty()) h += std::string(key) + ": " + value + "\n";
  };
  line("title", m.title);
  line("author", m.author());
  line("date", m.date);
  line("site", m.site_name);
  line("url", m.url);
  return h.empty() ? h : h + "\n";
}

// A name inside an HTML comment: "--" would end the comment there.
std::string comment_safe(std::string_view name) {
  std::string safe(name);
  for (std::size_t i = safe.find("--"); i != std::string::npos; i = safe.find("--", i))
    safe.replace(i, 2, "- -");
  return safe;
}

// Markdown showing `text` on one line as it is: a line break inside a title
// or byline would end its heading.
std::string markdown_line(std::string text) {
  for (char& c : text)
    if (c == '\n' || c == '\r') c = ' ';
  return markdown_escape(text);
}

// "# Title" and "*Author · date*", each followed by a blank line; nothing
// without a title.
std::string markdown_header(const Metadata& m) {
  if (m.title.empty()) return {};
  std::string h = "# " + markdown_line(m.title) + "\n\n";
  std::string line = m.author();
  if (!m.date.empty()) line += (line.empty() ? "" : " \xC2\xB7 ") + m.date;
  if (!line.empty()) h += "*" + markdown_line(line) + "*\n\n";
  return h;
}

JsonOptions json_options(std::string_view source, const DocumentOptions& options,
                         const std::vector<Field>& fields) {
  JsonOptions jo;
  jo.with_source = true;
  jo.source = std::string(source);
  jo.fields = fields;
  jo.full = options.full;
  jo.with_blocks = options.with_blocks;
  return jo;
}

}  // namespace

std::string render_document(const Result& r, std::string_view source,
                            const DocumentOptions& options, const std::vector<Field>& fields) {
  const bool markdown = options.format == Format::kMarkdown;
  switch (options.format) {
    case Format::kText:
    case Format::kMarkdown: {
      std::string out;
      if (options.several)
        out += markdown ? "<!-- " + comment_safe(source) + " -->\n"
                        : "==> " + std::string(source) + " <==\n";
      if (options.with_metadata)
        out += markdown ? markdown_header(r.metadata) : text_header(r.metadata);
      out += markdown ? r.markdown : r.text;
      if (!r.comments.empty()) {
        out += markdown ? "\n\n## Comments\n\n" + markdown_escape(r.comments)
                        : "\n\n--- comments ---\n\n" + r.comments;
      }
      out += options.several ? "\n\n" : "\n";
      return out;
    }
    case Format::kHtml:
      return r.html;
    case Format::kJson:
    case Format::kJsonLines: {
      JsonOptions jo = json_options(source, options, fields);
      jo.pretty = options.format == Format::kJson && !options.several;
      return render_json(r, jo) + "\n";
    }
  }
  return {};
}

std::string render_error(std::string_view source, std::string_view message,
                         const DocumentOptions& options, const std::vector<Field>& fields) {
  if (options.format != Format::kJson && options.format != Format::kJsonLines) return {};
  JsonOptions jo = json_options(source, options, fields);
  jo.error = std::string(message);
  return render_json(Result(), jo) + "\n";
}

}  // namespace extractor
