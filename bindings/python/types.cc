// extractor._extractor's types: Span, Block and Result as Python sees them.
//
// Each attribute is declared once, in the field tables below (fields.h),
// which give the properties, to_dict() and from_dict() alike; equality is
// the library's, and enums travel as the library's words (to_string,
// from_string).
#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

#include "fields.h"
#include "types.h"

namespace extractor_python {
namespace {

using namespace pybind11::literals;
using extractor::Block;
using extractor::Format;
using extractor::Post;
using extractor::Span;

py::list str_list(const std::vector<std::string>& v) {
  py::list out(v.size());
  for (std::size_t i = 0; i < v.size(); ++i) out[i] = to_str(v[i]);
  return out;
}

// Span offsets are bytes of UTF-8 in C++ and code points in Python, so that
// block.text[span.begin:span.end] is the span's text.
std::uint32_t bytes_to_chars(const std::string& s, std::size_t bytes) {
  const std::size_t n = std::min(bytes, s.size());
  std::uint32_t chars = 0;
  for (std::size_t i = 0; i < n; ++i) chars += (static_cast<unsigned char>(s[i]) & 0xC0) != 0x80;
  return chars;
}

std::size_t chars_to_bytes(const std::string& s, std::size_t chars) {
  std::size_t i = 0;
  for (std::size_t c = 0; i < s.size(); ++i)
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80 && c++ == chars) break;
  return i;
}

// The first `limit` code points of s, with "…" when cut.
std::string preview(const std::string& s, std::size_t limit) {
  const std::size_t cut = chars_to_bytes(s, limit);
  return cut < s.size() ? s.substr(0, cut) + "\xE2\x80\xA6" : s;
}

std::string py_repr(const std::string& s) { return py::repr(to_str(s)).cast<std::string>(); }

// A Span with offsets in code points.
struct PySpan {
  Span::Kind kind = Span::Kind::kLink;
  std::uint32_t begin = 0;
  std::uint32_t end = 0;
  std::string href;
};

bool operator==(const PyResult& a, const PyResult& b) {
  return a.error == b.error && a.result == b.result;
}
bool operator==(const PySpan& a, const PySpan& b) {
  return a.kind == b.kind && a.begin == b.begin && a.end == b.end && a.href == b.href;
}

std::string content(const PyResult& r) {
  switch (r.format) {
    case Format::kMarkdown: return r.result.markdown;
    case Format::kHtml: return r.result.html;
    case Format::kJson:
    case Format::kJsonLines: return extractor::render_json(r.result);
    case Format::kText: break;
  }
  return r.result.text;
}


// Result: metadata strings (None when empty), lists, outputs, and the rest.
template <std::string extractor::Metadata::*M>
py::object meta(const PyResult& r) { return str_or_none(r.result.metadata.*M); }
template <std::string extractor::Metadata::*M>
void set_meta(PyResult& r, py::handle v) { r.result.metadata.*M = as<std::string>(v); }
template <std::vector<std::string> extractor::Metadata::*M>
py::object meta_list(const PyResult& r) { return str_list(r.result.metadata.*M); }
template <std::vector<std::string> extractor::Metadata::*M>
void set_meta_list(PyResult& r, py::handle v) {
  r.result.metadata.*M = as<std::vector<std::string>>(v);
}
template <std::string extractor::Result::*M>
py::object out(const PyResult& r) { return to_str(r.result.*M); }
template <std::string extractor::Result::*M>
void set_out(PyResult& r, py::handle v) { r.result.*M = as<std::string>(v); }

// Calls f(name, source) for every field of Metadata::Sources, in JSON order.
template <typename Sources, typename F>
void for_each_source(Sources& s, F&& f) {
  f("title", s.title);
  f("authors", s.authors);
  f("date", s.date);
  f("date_modified", s.date_modified);
  f("site_name", s.site_name);
  f("language", s.language);
  f("description", s.description);
  f("url", s.url);
  f("image", s.image);
  f("categories", s.categories);
  f("tags", s.tags);
}

py::object sources_dict(const PyResult& r) {
  py::dict d;
  for_each_source(r.result.metadata.sources,
                  [&](const char* k, extractor::Source v) { d[k] = name_of(v); });
  return std::move(d);
}

void set_sources(PyResult& r, py::handle v) {
  if (!PyDict_Check(v.ptr())) throw py::type_error("sources must be a dict, not " + type_name(v));
  std::size_t known = 0;
  for_each_source(r.result.metadata.sources, [&](const char* k, extractor::Source& s) {
    PyObject* name = PyDict_GetItemString(v.ptr(), k);
    if (name != nullptr) s = enum_of<extractor::Source>(name), ++known;
  });
  if (known != py::len(v)) invalid("sources: unknown key among " + py::repr(v).cast<std::string>());
}

py::object block_dict(const Block& b);

const Field<PySpan> kSpanFields[] = {
    {"kind", [](const PySpan& s) { return name_of(s.kind); },
     [](PySpan& s, py::handle v) { s.kind = enum_of<Span::Kind>(v); },
     "\"link\", \"emphasis\", \"strong\" or \"code\"."},
    {"begin", [](const PySpan& s) -> py::object { return py::int_(s.begin); },
     [](PySpan& s, py::handle v) { s.begin = as<std::uint32_t>(v); },
     "Start offset in Block.text, in characters."},
    {"end", [](const PySpan& s) -> py::object { return py::int_(s.end); },
     [](PySpan& s, py::handle v) { s.end = as<std::uint32_t>(v); },
     "End offset (exclusive) in Block.text, in characters."},
    {"href", [](const PySpan& s) { return str_or_none(s.href); },
     [](PySpan& s, py::handle v) { s.href = as<std::string>(v); },
     "A link's target (resolved against the page URL), else None."},
};

PySpan py_span(const Block& b, const Span& s) {
  return {s.kind, bytes_to_chars(b.text, s.begin), bytes_to_chars(b.text, s.end), s.href};
}

const Field<Block> kBlockFields[] = {
    {"kind", [](const Block& b) { return name_of(b.kind); },
     [](Block& b, py::handle v) { b.kind = enum_of<extractor::BlockKind>(v); },
     "\"paragraph\", \"heading\", \"list-item\", \"table-row\", \"code\", \"caption\" or "
     "\"image\" (as in the JSON output)."},
    {"label", [](const Block& b) { return name_of(b.label); },
     [](Block& b, py::handle v) { b.label = enum_of<extractor::Label>(v); },
     "\"content\" (the article), \"boilerplate\" or \"comment\"."},
    {"level", [](const Block& b) -> py::object { return py::int_(b.level); },
     [](Block& b, py::handle v) { b.level = std::clamp(as<int>(v), 0, 255); },
     "Heading level 1..6, list nesting depth, or 0."},
    {"quote_depth", [](const Block& b) -> py::object { return py::int_(b.quote_depth); },
     [](Block& b, py::handle v) { b.quote_depth = std::clamp(as<int>(v), 0, 255); },
     "Nesting depth in <blockquote> (0: not a quotation)."},
    {"ordered", [](const Block& b) -> py::object { return py::bool_(b.ordered); },
     [](Block& b, py::handle v) { b.ordered = as<bool>(v); },
     "For a list item: the list is ordered (<ol>)."},
    {"text", [](const Block& b) -> py::object { return to_str(b.text); },
     [](Block& b, py::handle v) { b.text = as<std::string>(v); },
     "Visible text, whitespace collapsed (verbatim for code); lines broken by <br> are "
     "separated by \"\\n\"."},
    {"spans",
     [](const Block& b) -> py::object {
       py::list out;
       for (const Span& s : b.spans) out.append(py::cast(py_span(b, s)));
       return std::move(out);
     },
     [](Block& b, py::handle v) {  // after text: offsets become bytes of it
       for (py::handle d : as<py::list>(v)) {
         const PySpan s = from_dict(d, kSpanFields, "span");
         b.spans.push_back({s.kind, static_cast<std::uint32_t>(chars_to_bytes(b.text, s.begin)),
                            static_cast<std::uint32_t>(chars_to_bytes(b.text, s.end)), s.href});
       }
     },
     "Links and emphasis inside text (list of Span).",
     [](const Block& b) -> py::object {
       py::list out;
       for (const Span& s : b.spans) out.append(to_dict(py_span(b, s), kSpanFields));
       return std::move(out);
     }},
    {"src", [](const Block& b) { return str_or_none(b.src); },
     [](Block& b, py::handle v) { b.src = as<std::string>(v); },
     "An image's URL, else None."},
    {"score", [](const Block& b) -> py::object { return py::float_(b.score); },
     [](Block& b, py::handle v) { b.score = as<float>(v); },
     "Confidence that the block is content, in [0, 1]."},
    {"reason", [](const Block& b) { return name_of(b.reason); },
     [](Block& b, py::handle v) { b.reason = enum_of<extractor::Reason>(v); },
     "What decided the label: \"region\", \"nav\", \"link-density\", ... (the JSON's words)."},
    {"path", [](const Block& b) -> py::object { return to_str(b.path); },
     [](Block& b, py::handle v) { b.path = as<std::string>(v); },
     "The element path, e.g. \"body>div#main>article.post>p\"."},
};

py::object block_dict(const Block& b) { return to_dict(b, kBlockFields); }

// A forum thread's post: who wrote it, when, and which blocks are its own.
const Field<Post> kPostFields[] = {
    {"author", [](const Post& p) { return str_or_none(p.author); },
     [](Post& p, py::handle v) { p.author = as<std::string>(v); },
     "The name the post shows, or None."},
    {"date", [](const Post& p) { return str_or_none(p.date); },
     [](Post& p, py::handle v) { p.date = as<std::string>(v); },
     "When it was posted, ISO 8601 as far as shown, or None."},
    {"text", [](const Post& p) -> py::object { return to_str(p.text); },
     [](Post& p, py::handle v) { p.text = as<std::string>(v); },
     "The post's text: its blocks labelled \"content\", one line each."},
    {"first_block", [](const Post& p) -> py::object { return py::int_(p.first_block); },
     [](Post& p, py::handle v) { p.first_block = as<std::size_t>(v); },
     "The post's blocks are Result.blocks[first_block:end_block]."},
    {"end_block", [](const Post& p) -> py::object { return py::int_(p.end_block); },
     [](Post& p, py::handle v) { p.end_block = as<std::size_t>(v); },
     "The end of the post's blocks (exclusive)."},
};

py::object post_dict(const Post& p) { return to_dict(p, kPostFields); }

void set_empty_reason(PyResult& r, py::handle v) {
  r.result.empty_reason = enum_of<extractor::EmptyReason>(v);
}

const Field<PyResult> kResultFields[] = {
    {"url", meta<&extractor::Metadata::url>, set_meta<&extractor::Metadata::url>,
     "The canonical URL, else the url passed in, or None."},
    {"title", meta<&extractor::Metadata::title>, set_meta<&extractor::Metadata::title>,
     "The article's title, without \" | Site\" suffixes, or None."},
    {"author", [](const PyResult& r) { return str_or_none(r.result.metadata.author()); }, nullptr,
     "The authors joined by \", \", or None."},
    {"authors", meta_list<&extractor::Metadata::authors>,
     set_meta_list<&extractor::Metadata::authors>, "The authors' names (list of str)."},
    {"date", meta<&extractor::Metadata::date>, set_meta<&extractor::Metadata::date>,
     "Publication date, ISO 8601 (YYYY-MM-DD[Thh:mm[:ss][zone]]), or None."},
    {"date_modified", meta<&extractor::Metadata::date_modified>,
     set_meta<&extractor::Metadata::date_modified>, "Last-modified date, ISO 8601, or None."},
    {"site_name", meta<&extractor::Metadata::site_name>, set_meta<&extractor::Metadata::site_name>,
     "The site's name, or None."},
    {"language", meta<&extractor::Metadata::language>, set_meta<&extractor::Metadata::language>,
     "BCP 47 primary language tag (\"en\", \"zh\", ...), or None."},
    {"description", meta<&extractor::Metadata::description>,
     set_meta<&extractor::Metadata::description>, "The page's description, or None."},
    {"image", meta<&extractor::Metadata::image>, set_meta<&extractor::Metadata::image>,
     "The main image's URL, or None."},
    {"categories", meta_list<&extractor::Metadata::categories>,
     set_meta_list<&extractor::Metadata::categories>, "Categories (list of str)."},
    {"tags", meta_list<&extractor::Metadata::tags>, set_meta_list<&extractor::Metadata::tags>,
     "Tags (list of str)."},
    {"text", out<&extractor::Result::text>, set_out<&extractor::Result::text>,
     "The article as plain text: paragraphs separated by blank lines."},
    {"markdown", out<&extractor::Result::markdown>, set_out<&extractor::Result::markdown>,
     "The article as Markdown."},
    {"html", out<&extractor::Result::html>, set_out<&extractor::Result::html>,
     "The article as a small clean HTML fragment."},
    {"comments", out<&extractor::Result::comments>, set_out<&extractor::Result::comments>,
     "Comment threads as text (only with include_comments=True)."},
    {"charset", [](const PyResult& r) { return str_or_none(r.result.charset); },
     [](PyResult& r, py::handle v) { r.result.charset = as<std::string>(v); },
     "The charset the page was decoded from (\"utf-8\" for str input)."},
    {"empty_reason",
     [](const PyResult& r) { return str_or_none(extractor::describe(r.result.empty_reason)); },
     set_empty_reason, "Why no article was found (when text is empty), else None."},
    {"empty_reason_code",
     [](const PyResult& r) -> py::object {
       if (r.result.empty_reason == extractor::EmptyReason::kNone) return py::none();
       return name_of(r.result.empty_reason);
     },
     set_empty_reason,
     "empty_reason as a word to branch on: \"no-text\", \"no-article\", or for bytes that "
     "are no web page what they are (\"pdf\", \"image\", \"gzip\", \"archive\", \"binary\", "
     "...), or None."},
    {"page_type", [](const PyResult& r) { return name_of(r.result.page_type); },
     [](PyResult& r, py::handle v) { r.result.page_type = enum_of<extractor::PageType>(v); },
     "The kind of page: \"article\", \"forum\", \"product\", \"listing\", \"documentation\", "
     "\"service\" or \"other\" (no kind with confidence)."},
    {"page_type_confidence",
     [](const PyResult& r) -> py::object { return py::float_(r.result.page_type_confidence); },
     [](PyResult& r, py::handle v) { r.result.page_type_confidence = as<float>(v); },
     "The classifier's probability of page_type, 0..1 (the JSON rounds it to three decimals)."},
    {"article_probability",
     [](const PyResult& r) -> py::object { return py::float_(r.result.article_probability); },
     [](PyResult& r, py::handle v) { r.result.article_probability = as<float>(v); },
     "The classifier's probability that the page is an article (what Readability's "
     "isProbablyReaderable answers), 0..1."},
    {"error", [](const PyResult& r) { return str_or_none(r.error); },
     [](PyResult& r, py::handle v) { r.error = as<std::string>(v); },
     "extract_many(): why this page could not be processed, else None."},
    {"sources", sources_dict, set_sources,
     "Where each metadata field came from: {\"title\": \"json-ld\", ...}; \"none\" when the "
     "field is empty."},
    {"blocks",
     [](const PyResult& r) -> py::object { return py::cast(r.result.blocks); },
     [](PyResult& r, py::handle v) {
       for (py::handle b : as<py::list>(v))
         r.result.blocks.push_back(from_dict(b, kBlockFields, "block"));
     },
     "Every block of the page in document order (list of Block), with its label, score and "
     "reason.",
     [](const PyResult& r) -> py::object {
       py::list out;
       for (const Block& b : r.result.blocks) out.append(block_dict(b));
       return std::move(out);
     }},
    {"posts",
     [](const PyResult& r) -> py::object { return py::cast(r.result.posts); },
     [](PyResult& r, py::handle v) {
       for (py::handle p : as<py::list>(v))
         r.result.posts.push_back(from_dict(p, kPostFields, "post"));
     },
     "A forum thread's posts in page order (list of Post: author, date and the range of "
     "its blocks), when the page is read as a thread; else empty. The first post's author "
     "and date are the page's when it shows them.",
     [](const PyResult& r) -> py::object {
       py::list out;
       for (const Post& p : r.result.posts) out.append(post_dict(p));
       return std::move(out);
     }},
    {"content", [](const PyResult& r) -> py::object { return to_str(content(r)); }, nullptr,
     "The article in the format the Extractor was asked for (text, markdown, html or json). "
     "Also str(result).",
     nullptr, false},
    {"format", [](const PyResult& r) { return name_of(r.format); }, nullptr,
     "The format that content and str() give.", nullptr, false},
};

PyResult result_from_dict(py::handle d) {
  return from_dict(d, kResultFields, "Result.from_dict()", {"source"});
}

std::string result_repr(const PyResult& pr) {
  const extractor::Result& r = pr.result;
  const extractor::Metadata& m = r.metadata;
  if (!pr.error.empty()) return "<extractor.Result error=" + py_repr(pr.error) + ">";
  std::string out = "<extractor.Result";
  auto field = [&](const char* key, const std::string& value) {
    if (!value.empty()) out += std::string(" ") + key + "=" + py_repr(value);
  };
  field("title", preview(m.title, 60));
  field("author", m.author());
  field("date", m.date);
  field("site_name", m.site_name);
  field("language", m.language);
  if (r.text.empty()) {
    field("empty_reason", extractor::describe(r.empty_reason));
  } else {
    out += " text=" + py_repr(preview(r.text, 40)) + " (" +
           std::to_string(bytes_to_chars(r.text, r.text.size())) + " chars)";
  }
  return out + " blocks=" + std::to_string(r.blocks.size()) + ">";
}

std::string block_repr(const Block& b) {
  char score[16];
  std::snprintf(score, sizeof score, "%.2f", static_cast<double>(b.score));
  std::string out = std::string("<extractor.Block ") + extractor::to_string(b.kind) + " " +
                    extractor::to_string(b.label) + " score=" + score +
                    " reason=" + py_repr(extractor::to_string(b.reason));
  if (b.level) out += " level=" + std::to_string(b.level);
  if (!b.src.empty()) out += " src=" + py_repr(preview(b.src, 60));
  return out + " text=" + py_repr(preview(b.text, 50)) + ">";
}

// __eq__ that answers NotImplemented for other types, as Python's own do.
template <typename T>
py::object equal(const T& a, py::handle b) {
  if (!py::isinstance<T>(b)) return py::reinterpret_borrow<py::object>(Py_NotImplemented);
  return py::bool_(a == b.cast<const T&>());
}

}  // namespace

// Format for Result.content: the CLI's "jsonl" is not one.
Format content_format(py::handle v) {
  const Format f = extractor::from_string<Format>(as<std::string>(v));
  if (f == Format::kJsonLines) invalid("format must be one of 'text', 'markdown', 'html', 'json'");
  return f;
}

void def_result_types(py::module_& m) {
  py::class_<PySpan> span(m, "Span",
                          "An inline range of a Block's text: a link, emphasis, strong or code.\n"
                          "begin and end index Block.text in characters (code points), so\n"
                          "block.text[span.begin:span.end] is the span's text.");
  def_fields(span, kSpanFields);
  span.def("to_dict", [](const PySpan& s) { return to_dict(s, kSpanFields); },
           "The span as a dict of its attributes.")
      .def("__eq__", &equal<PySpan>)
      .def("__repr__", [](const PySpan& s) {
        return std::string("<extractor.Span ") + extractor::to_string(s.kind) + " " +
               std::to_string(s.begin) + ":" + std::to_string(s.end) +
               (s.href.empty() ? "" : " href=" + py_repr(s.href)) + ">";
      });

  py::class_<Block> block(m, "Block",
                          "One text block of the page (a paragraph, heading, list item, table\n"
                          "row, code block, caption or image), with the label the extractor\n"
                          "gave it and why. Result.blocks holds every block of the page in\n"
                          "document order, boilerplate included.");
  def_fields(block, kBlockFields);
  block.def("to_dict", &block_dict, "The block as a dict of its attributes.")
      .def("__eq__", &equal<Block>)
      .def("__repr__", &block_repr);

  py::class_<Post> post(m, "Post",
                        "One post of a forum thread (Result.posts): its author and date as\n"
                        "the post shows them (None where it shows none), and its blocks,\n"
                        "Result.blocks[first_block:end_block], and its text.");
  def_fields(post, kPostFields);
  post.def("to_dict", &post_dict, "The post as a dict of its attributes.")
      .def("__eq__", &equal<Post>)
      .def("__repr__", [](const Post& p) {
        return "<extractor.Post author=" + (p.author.empty() ? "None" : py_repr(p.author)) +
               " date=" + (p.date.empty() ? "None" : py_repr(p.date)) + " blocks=" +
               std::to_string(p.first_block) + ":" + std::to_string(p.end_block) + ">";
      });

  py::class_<PyResult> result(
      m, "Result",
      "What extract() found in one page: the article as text, Markdown and HTML, its\n"
      "metadata, and every block of the page.\n\n"
      "Metadata that the page does not give is None; text, markdown, html and comments\n"
      "are empty strings when there is nothing. A page with no article has empty text\n"
      "and says why in empty_reason. From extract_many(), a page that could not be\n"
      "processed has `error` set and everything else empty.");
  def_fields(result, kResultFields);
  result.def(py::init<>(), "An empty Result (see also Result.from_dict()).")
      .def(
          "explain_html",
          [](const PyResult& r) {
            if (!r.explained)
              invalid("this Result has no explain view: extract with explain=True "
                      "(extractor.extract(html, explain=True))");
            return to_str(r.view);
          },
          "The explain view (str): one self-contained HTML file showing the page as\n"
          "its own markup lays it out, every block outlined and tinted by what the\n"
          "extractor decided, with a legend, hover/focus cards (score, reason, path)\n"
          "and a panel (metadata and sources, the text linking to its blocks, what\n"
          "the page hides). No script runs in it and it loads nothing. Only for a\n"
          "Result extracted with explain=True (not kept by to_dict() or pickling);\n"
          "raises extractor.Error otherwise.")
      .def("to_dict", [](const PyResult& r) { return to_dict(r, kResultFields); },
           "Every attribute as plain Python data (str, list, dict, None), blocks and\n"
           "spans included; json.dumps() takes it as is, Result.from_dict() reads it back.")
      .def_static("from_dict", &result_from_dict, "d"_a,
                  "The Result that to_dict() (or json.loads(to_json(full=True,\n"
                  "blocks=True))) describes. Unknown keys raise extractor.Error.")
      .def(
          "to_json",
          [](const PyResult& r, bool full, bool blocks, bool pretty, py::handle source) {
            extractor::JsonOptions jo;
            jo.full = full;
            jo.with_blocks = blocks;
            jo.pretty = pretty;
            jo.with_source = !source.is_none();
            jo.source = opt_string(source, "source");
            jo.error = r.error;
            return to_str(extractor::render_json(r.result, jo));
          },
          py::kw_only(), "full"_a = false, "blocks"_a = false, "pretty"_a = false,
          "source"_a = py::none(),
          "The JSON the command-line tool writes for this page (byte for byte): url,\n"
          "title, author, authors, date, site_name, language, text, with null where\n"
          "unknown. full adds markdown, description, tags, sources, ...; blocks adds\n"
          "every block; pretty indents by two spaces; source adds a \"source\" key\n"
          "first (the CLI puts the input's name there); a page in error has \"error\" last.")
      .def("__str__", [](const PyResult& r) { return to_str(content(r)); })
      .def("__repr__", &result_repr)
      .def("__eq__", &equal<PyResult>)
      .def(py::pickle(
          [](const PyResult& r) {
            return py::make_tuple(to_dict(r, kResultFields), name_of(r.format));
          },
          [](const py::tuple& t) {
            if (t.size() != 2) throw std::runtime_error("bad Result pickle");
            PyResult r = result_from_dict(t[0]);
            r.format = content_format(t[1]);
            return r;
          }));
}

}  // namespace extractor_python
