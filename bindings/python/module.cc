// extractor._extractor: the pybind11 face of the one library.
//
// It converts Python arguments into Options and PageInfo, releases the GIL
// around the library's calls (extract, extract_many, the command), and hands
// back the C++ Result inside a Python object whose attributes are converted
// when read. Each attribute is declared once, in the field tables below,
// which give the properties, to_dict() and from_dict() alike. The Pythonic
// helpers live in extractor/__init__.py; `python -m extractor` runs the
// command of bindings/cli.
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <limits>
#include <string>
#include <thread>
#include <vector>

#include "cli.h"
#include "extractor/extractor.h"

namespace py = pybind11;
using namespace pybind11::literals;

namespace {

using extractor::Block;
using extractor::Format;
using extractor::Span;

// ---------------------------------------------------------------------------
// Conversions. The library promises valid UTF-8; "replace" keeps a broken
// promise from turning into an exception on attribute access.
// ---------------------------------------------------------------------------

py::str to_str(const std::string& s) {
  PyObject* o = PyUnicode_DecodeUTF8(s.data(), static_cast<Py_ssize_t>(s.size()), "replace");
  if (o == nullptr) throw py::error_already_set();
  return py::reinterpret_steal<py::str>(o);
}

py::object str_or_none(const std::string& s) { return s.empty() ? py::object(py::none()) : to_str(s); }

py::list str_list(const std::vector<std::string>& v) {
  py::list out(v.size());
  for (std::size_t i = 0; i < v.size(); ++i) out[i] = to_str(v[i]);
  return out;
}

std::string type_name(py::handle h) { return Py_TYPE(h.ptr())->tp_name; }

[[noreturn]] void invalid(const std::string& message) {
  throw extractor::Error(extractor::ErrorCode::kInvalidOption, message);
}

// `v` as a T, or a TypeError naming `what`.
template <typename T>
T as(py::handle v, const std::string& what) {
  try {
    return v.cast<T>();
  } catch (const py::cast_error&) {
    throw py::type_error(what + " has the wrong type (" + type_name(v) + ")");
  }
}

// A str, or "" for None.
std::string opt_string(py::handle h, const char* what) {
  if (h.is_none()) return {};
  if (!PyUnicode_Check(h.ptr()))
    throw py::type_error(std::string(what) + " must be str or None, not " + type_name(h));
  return h.cast<std::string>();
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

// ---------------------------------------------------------------------------
// The Python-side objects.
// ---------------------------------------------------------------------------

// The Extractor plus the format that Result.content and str(result) give.
struct PyExtractor {
  extractor::Extractor ex;
  Format format = Format::kText;
};

// A Result, the error that replaced it (extract_many only), and the format
// chosen for Result.content.
struct PyResult {
  extractor::Result result;
  std::string error;
  Format format = Format::kText;
};

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

// Format for Result.content: the CLI's "jsonl" is not one.
Format content_format(py::handle v) {
  const Format f = extractor::from_string<Format>(as<std::string>(v, "format"));
  if (f == Format::kJsonLines) invalid("format must be one of 'text', 'markdown', 'html', 'json'");
  return f;
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

// ---------------------------------------------------------------------------
// Field tables: one row per attribute.
// ---------------------------------------------------------------------------

template <typename T>
struct Field {
  const char* name;
  py::object (*get)(const T&);
  void (*set)(T&, py::handle);  // from_dict; nullptr: derived from other fields
  const char* doc;
  py::object (*plain)(const T&) = nullptr;  // to_dict, where not get (lists of objects)
  bool in_dict = true;
};

template <typename T, std::size_t N>
py::dict to_dict(const T& x, const Field<T> (&fields)[N]) {
  py::dict d;
  for (const Field<T>& f : fields)
    if (f.in_dict) d[f.name] = (f.plain ? f.plain : f.get)(x);
  return d;
}

// The T that `d` describes, fields set in table order; a key that is no
// field (nor in `ignored`) is a mistake worth saying.
template <typename T, std::size_t N>
T from_dict(py::handle d, const Field<T> (&fields)[N], const char* what,
            std::initializer_list<const char*> ignored = {}) {
  if (!PyDict_Check(d.ptr()))
    throw py::type_error(std::string(what) + " must be a dict, not " + type_name(d));
  T out{};
  for (const Field<T>& f : fields) {
    PyObject* v = PyDict_GetItemString(d.ptr(), f.name);
    if (v != nullptr && v != Py_None && f.set != nullptr) f.set(out, v);
  }
  for (auto item : py::reinterpret_borrow<py::dict>(d)) {
    const std::string key = py::str(item.first);
    auto named = [&](const char* name) { return key == name; };
    if (std::none_of(std::begin(fields), std::end(fields), [&](const Field<T>& f) {
          return named(f.name) && f.in_dict;
        }) && std::none_of(ignored.begin(), ignored.end(), named))
      invalid(std::string(what) + ": unknown key '" + key + "'");
  }
  return out;
}

template <typename T, typename Class, std::size_t N>
void def_fields(Class& cls, const Field<T> (&fields)[N]) {
  for (const Field<T>& f : fields) cls.def_property_readonly(f.name, f.get, f.doc);
}

template <typename Enum>
py::object name_of(Enum e) {
  return py::str(extractor::to_string(e));
}
template <typename Enum>
Enum enum_of(py::handle v, const char* key) {
  return extractor::from_string<Enum>(as<std::string>(v, std::string("'") + key + "'"));
}

// Result: metadata strings (None when empty), lists, outputs, and the rest.
template <std::string extractor::Metadata::*M>
py::object meta(const PyResult& r) { return str_or_none(r.result.metadata.*M); }
template <std::string extractor::Metadata::*M>
void set_meta(PyResult& r, py::handle v) { r.result.metadata.*M = as<std::string>(v, "a metadata field"); }
template <std::vector<std::string> extractor::Metadata::*M>
py::object meta_list(const PyResult& r) { return str_list(r.result.metadata.*M); }
template <std::vector<std::string> extractor::Metadata::*M>
void set_meta_list(PyResult& r, py::handle v) {
  r.result.metadata.*M = as<std::vector<std::string>>(v, "a list of str");
}
template <std::string extractor::Result::*M>
py::object out(const PyResult& r) { return to_str(r.result.*M); }
template <std::string extractor::Result::*M>
void set_out(PyResult& r, py::handle v) { r.result.*M = as<std::string>(v, "an output"); }

// Calls f(name, source) for every field of Metadata::Sources, in JSON order.
template <typename Sources, typename F>
void for_each_source(Sources& s, F&& f) {
  f("title", s.title), f("authors", s.authors), f("date", s.date);
  f("date_modified", s.date_modified), f("site_name", s.site_name), f("language", s.language);
  f("description", s.description), f("url", s.url), f("image", s.image);
  f("categories", s.categories), f("tags", s.tags);
}

py::object sources_dict(const PyResult& r) {
  py::dict d;
  for_each_source(r.result.metadata.sources, [&](const char* k, extractor::Source v) { d[k] = name_of(v); });
  return std::move(d);
}

void set_sources(PyResult& r, py::handle v) {
  if (!PyDict_Check(v.ptr())) throw py::type_error("sources must be a dict, not " + type_name(v));
  std::size_t known = 0;
  for_each_source(r.result.metadata.sources, [&](const char* k, extractor::Source& s) {
    PyObject* name = PyDict_GetItemString(v.ptr(), k);
    if (name != nullptr) s = enum_of<extractor::Source>(name, k), ++known;
  });
  if (known != py::len(v)) invalid("sources: unknown key among " + py::repr(v).cast<std::string>());
}

py::object block_dict(const Block& b);

const Field<PySpan> kSpanFields[] = {
    {"kind", [](const PySpan& s) { return name_of(s.kind); },
     [](PySpan& s, py::handle v) { s.kind = enum_of<Span::Kind>(v, "kind"); },
     "\"link\", \"emphasis\", \"strong\" or \"code\"."},
    {"begin", [](const PySpan& s) -> py::object { return py::int_(s.begin); },
     [](PySpan& s, py::handle v) { s.begin = as<std::uint32_t>(v, "'begin'"); },
     "Start offset in Block.text, in characters."},
    {"end", [](const PySpan& s) -> py::object { return py::int_(s.end); },
     [](PySpan& s, py::handle v) { s.end = as<std::uint32_t>(v, "'end'"); },
     "End offset (exclusive) in Block.text, in characters."},
    {"href", [](const PySpan& s) { return str_or_none(s.href); },
     [](PySpan& s, py::handle v) { s.href = as<std::string>(v, "'href'"); },
     "A link's target (resolved against the page URL), else None."},
};

PySpan py_span(const Block& b, const Span& s) {
  return {s.kind, bytes_to_chars(b.text, s.begin), bytes_to_chars(b.text, s.end), s.href};
}

const Field<Block> kBlockFields[] = {
    {"kind", [](const Block& b) { return name_of(b.kind); },
     [](Block& b, py::handle v) { b.kind = enum_of<extractor::BlockKind>(v, "kind"); },
     "\"paragraph\", \"heading\", \"list-item\", \"table-row\", \"code\", \"caption\" or "
     "\"image\" (as in the JSON output)."},
    {"label", [](const Block& b) { return name_of(b.label); },
     [](Block& b, py::handle v) { b.label = enum_of<extractor::Label>(v, "label"); },
     "\"content\" (the article), \"boilerplate\" or \"comment\"."},
    {"level", [](const Block& b) -> py::object { return py::int_(b.level); },
     [](Block& b, py::handle v) { b.level = std::clamp(as<int>(v, "'level'"), 0, 255); },
     "Heading level 1..6, list nesting depth, or 0."},
    {"quote_depth", [](const Block& b) -> py::object { return py::int_(b.quote_depth); },
     [](Block& b, py::handle v) { b.quote_depth = std::clamp(as<int>(v, "'quote_depth'"), 0, 255); },
     "Nesting depth in <blockquote> (0: not a quotation)."},
    {"ordered", [](const Block& b) -> py::object { return py::bool_(b.ordered); },
     [](Block& b, py::handle v) { b.ordered = as<bool>(v, "'ordered'"); },
     "For a list item: the list is ordered (<ol>)."},
    {"text", [](const Block& b) -> py::object { return to_str(b.text); },
     [](Block& b, py::handle v) { b.text = as<std::string>(v, "'text'"); },
     "Visible text, whitespace collapsed (verbatim for code); lines broken by <br> are "
     "separated by \"\\n\"."},
    {"spans",
     [](const Block& b) -> py::object {
       py::list out;
       for (const Span& s : b.spans) out.append(py::cast(py_span(b, s)));
       return std::move(out);
     },
     [](Block& b, py::handle v) {  // after text: offsets become bytes of it
       for (py::handle d : as<py::list>(v, "'spans'")) {
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
     [](Block& b, py::handle v) { b.src = as<std::string>(v, "'src'"); },
     "An image's URL, else None."},
    {"score", [](const Block& b) -> py::object { return py::float_(b.score); },
     [](Block& b, py::handle v) { b.score = as<float>(v, "'score'"); },
     "Confidence that the block is content, in [0, 1]."},
    {"reason", [](const Block& b) { return name_of(b.reason); },
     [](Block& b, py::handle v) { b.reason = enum_of<extractor::Reason>(v, "reason"); },
     "What decided the label: \"region\", \"nav\", \"link-density\", ... (the JSON's words)."},
    {"path", [](const Block& b) -> py::object { return to_str(b.path); },
     [](Block& b, py::handle v) { b.path = as<std::string>(v, "'path'"); },
     "The element path, e.g. \"body>div#main>article.post>p\"."},
};

py::object block_dict(const Block& b) { return to_dict(b, kBlockFields); }

void set_empty_reason(PyResult& r, py::handle v) {
  r.result.empty_reason = enum_of<extractor::EmptyReason>(v, "empty_reason");
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
     [](PyResult& r, py::handle v) { r.result.charset = as<std::string>(v, "'charset'"); },
     "The charset the page was decoded from (\"utf-8\" for str input)."},
    {"empty_reason",
     [](const PyResult& r) { return str_or_none(extractor::describe(r.result.empty_reason)); },
     set_empty_reason, "Why no article was found (when text is empty), else None."},
    {"empty_reason_code",
     [](const PyResult& r) -> py::object {
       if (r.result.empty_reason == extractor::EmptyReason::kNone) return py::none();
       return name_of(r.result.empty_reason);
     },
     set_empty_reason, "empty_reason as a word to branch on: \"no-text\", \"no-article\", or None."},
    {"error", [](const PyResult& r) { return str_or_none(r.error); },
     [](PyResult& r, py::handle v) { r.error = as<std::string>(v, "'error'"); },
     "extract_many(): why this page could not be processed, else None."},
    {"sources", sources_dict, set_sources,
     "Where each metadata field came from: {\"title\": \"json-ld\", ...}; \"none\" when the "
     "field is empty."},
    {"blocks",
     [](const PyResult& r) -> py::object { return py::cast(r.result.blocks); },
     [](PyResult& r, py::handle v) {
       for (py::handle b : as<py::list>(v, "'blocks'"))
         r.result.blocks.push_back(from_dict(b, kBlockFields, "block"));
     },
     "Every block of the page in document order (list of Block), with its label, score and "
     "reason.",
     [](const PyResult& r) -> py::object {
       py::list out;
       for (const Block& b : r.result.blocks) out.append(block_dict(b));
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

// ---------------------------------------------------------------------------
// Options: keyword arguments -> extractor::Options. Unknown names and bad
// values are misuse (extractor.Error); a wrong type is a TypeError.
// ---------------------------------------------------------------------------

bool as_bool(py::handle v, const std::string& name) {
  if (!PyBool_Check(v.ptr()))
    throw py::type_error("option " + name + " must be a bool, not " + type_name(v));
  return v.ptr() == Py_True;
}

long long as_int(py::handle v, const std::string& name, long long low, long long high) {
  if (PyBool_Check(v.ptr()) || !PyLong_Check(v.ptr()))
    throw py::type_error("option " + name + " must be an int, not " + type_name(v));
  int overflow = 0;
  const long long n = PyLong_AsLongLongAndOverflow(v.ptr(), &overflow);
  if (overflow != 0 || n < low || n > high) invalid("option " + name + " is out of range");
  return n;
}

PyExtractor make_extractor(const py::dict& kwargs) {
  extractor::Options o;
  Format format = Format::kText;
  bool* const flags[] = {&o.include_comments, &o.include_tables, &o.include_images,
                         &o.include_links};
  const char* const flag_names[] = {"include_comments", "include_tables", "include_images",
                                    "include_links"};
  for (auto item : kwargs) {
    const std::string key = py::str(item.first);
    py::handle v = item.second;
    if (v.is_none()) continue;  // None: the default
    const auto flag = std::find(std::begin(flag_names), std::end(flag_names), key);
    if (flag != std::end(flag_names)) {
      *flags[flag - std::begin(flag_names)] = as_bool(v, key);
    } else if (key == "format") {
      if (!PyUnicode_Check(v.ptr())) throw py::type_error("option format must be a str");
      format = content_format(v);
    } else if (key == "focus") {
      if (!PyUnicode_Check(v.ptr())) throw py::type_error("option focus must be a str");
      o.focus = extractor::from_string<extractor::Focus>(v.cast<std::string>());
    } else if (key == "max_input_bytes") {
      o.max_input_bytes = static_cast<std::size_t>(
          as_int(v, key, 1, std::numeric_limits<long long>::max()));
    } else if (key == "max_depth") {  // the library checks the range
      o.max_depth = static_cast<int>(as_int(v, key, std::numeric_limits<int>::min(),
                                            std::numeric_limits<int>::max()));
    } else {
      invalid("unknown option '" + key + "' (options: format, include_comments, focus, "
              "include_tables, include_images, include_links, max_input_bytes, max_depth)");
    }
  }
  return {extractor::Extractor(o), format};
}

py::dict options_dict(const PyExtractor& pe) {
  const extractor::Options& o = pe.ex.options();
  return py::dict("format"_a = name_of(pe.format), "include_comments"_a = o.include_comments,
                  "focus"_a = name_of(o.focus), "include_tables"_a = o.include_tables,
                  "include_images"_a = o.include_images, "include_links"_a = o.include_links,
                  "max_input_bytes"_a = o.max_input_bytes, "max_depth"_a = o.max_depth);
}

// ---------------------------------------------------------------------------
// Pages: Python input -> bytes + PageInfo, converted while the GIL is held.
// ---------------------------------------------------------------------------

struct Page {
  py::object keep;    // the object `bytes` points into (bytes are immutable)
  std::string owned;  // or a copy (bytearray, memoryview, ...)
  std::string_view bytes;
  extractor::PageInfo info;
  std::string error;  // extract_many: why this item is not a page
};

void set_html(Page& p, py::handle html) {
  PyObject* o = html.ptr();
  if (PyBytes_Check(o)) {
    p.keep = py::reinterpret_borrow<py::object>(html);
  } else if (PyUnicode_Check(o)) {
    // Already text: hand the library UTF-8 and say so, so nothing is detected.
    p.info.charset = "utf-8";
    if (PyUnicode_IS_ASCII(o)) {  // its own buffer, no copy, nothing cached
      Py_ssize_t n = 0;
      const char* data = PyUnicode_AsUTF8AndSize(o, &n);
      if (data == nullptr) throw py::error_already_set();
      p.keep = py::reinterpret_borrow<py::object>(html);
      p.bytes = std::string_view(data, static_cast<std::size_t>(n));
      return;
    }
    // A temporary bytes object, rather than the UTF-8 copy that
    // PyUnicode_AsUTF8 would cache in the str for its whole life.
    o = PyUnicode_AsUTF8String(o);
    if (o == nullptr && PyErr_ExceptionMatches(PyExc_UnicodeEncodeError)) {
      // Lone surrogates (from surrogateescape) cannot be UTF-8: each becomes
      // U+FFFD, as a decoder would show it.
      PyErr_Clear();
      py::object fixed = py::reinterpret_borrow<py::object>(html)
                             .attr("encode")("utf-16", "surrogatepass")
                             .attr("decode")("utf-16", "replace");
      o = PyUnicode_AsUTF8String(fixed.ptr());
    }
    if (o == nullptr) throw py::error_already_set();
    p.keep = py::reinterpret_steal<py::object>(o);
  } else if (PyObject_CheckBuffer(o)) {  // bytearray, memoryview, mmap, numpy bytes...
    Py_buffer view;
    if (PyObject_GetBuffer(o, &view, PyBUF_SIMPLE) != 0) throw py::error_already_set();
    p.owned.assign(static_cast<const char*>(view.buf), static_cast<std::size_t>(view.len));
    PyBuffer_Release(&view);
    p.bytes = p.owned;
    return;
  } else {
    throw py::type_error("html must be str or bytes, not " + type_name(html));
  }
  p.bytes = std::string_view(PyBytes_AS_STRING(o), static_cast<std::size_t>(PyBytes_GET_SIZE(o)));
}

// "YYYY-MM-DD[...]" from a str, a datetime.date or a datetime.datetime.
std::string reference_date_string(py::handle d) {
  if (d.is_none()) return {};
  if (PyUnicode_Check(d.ptr())) return d.cast<std::string>();
  if (py::hasattr(d, "isoformat") && py::hasattr(d, "year"))
    return d.attr("isoformat")().cast<std::string>();
  throw py::type_error("reference_date must be str, datetime.date or None, not " + type_name(d));
}

// `charset` applies to bytes only: a str is already decoded.
Page make_page(py::handle html, py::handle url, py::handle charset, const std::string& date) {
  Page p;
  set_html(p, html);
  p.info.url = opt_string(url, "url");
  std::string cs = opt_string(charset, "charset");
  if (p.info.charset.empty()) p.info.charset = std::move(cs);
  p.info.reference_date = date;
  return p;
}

// One extract_many() item: html, (html, url) or (html, url, charset).
Page make_item(py::handle item, py::handle charset, const std::string& date) {
  if (!PyTuple_Check(item.ptr()) && !PyList_Check(item.ptr()))
    return make_page(item, py::none(), charset, date);
  const py::sequence seq = py::reinterpret_borrow<py::sequence>(item);
  const std::size_t n = seq.size();
  if (n < 2 || n > 3)
    throw py::type_error("a page is html, (html, url) or (html, url, charset); got a " +
                         type_name(item) + " of " + std::to_string(n) + " items");
  return make_page(seq[0], seq[1],
                   n == 3 ? py::object(seq[2]) : py::reinterpret_borrow<py::object>(charset), date);
}

PyResult extract_one(const PyExtractor& pe, py::handle html, py::handle url, py::handle charset,
                     py::handle reference_date) {
  const Page page = make_page(html, url, charset, reference_date_string(reference_date));
  PyResult out;
  out.format = pe.format;
  py::gil_scoped_release nogil;
  out.result = pe.ex.extract(page.bytes, page.info);
  return out;
}

// The library's batch on native threads without the GIL; Ctrl-C is looked
// at every 100 ms and stops it after the pages under way.
py::list extract_many(const PyExtractor& pe, py::iterable items, long long threads,
                      py::handle charset, py::handle reference_date) {
  if (PyUnicode_Check(items.ptr()) || PyBytes_Check(items.ptr()))
    throw py::type_error("extract_many() takes an iterable of pages, not one page");
  if (threads < 0)
    invalid("threads must be >= 0 (0: one per core), not " + std::to_string(threads));
  opt_string(charset, "charset");
  const std::string date = reference_date_string(reference_date);
  std::vector<Page> pages;
  for (py::handle item : items) {
    try {
      pages.push_back(make_item(item, charset, date));
    } catch (const std::exception& e) {  // a TypeError, a failed encode(), ...
      pages.emplace_back();
      pages.back().error = e.what();
    }
  }
  std::vector<PyResult> out(pages.size());
  extractor::BatchOptions batch;
  batch.threads = static_cast<unsigned>(std::min<long long>(threads, 4096));
  if (batch.threads == 0) batch.threads = std::max(1u, std::thread::hardware_concurrency());
  batch.threads = static_cast<unsigned>(std::min<std::size_t>(batch.threads, pages.size()));
  batch.poll = [] {
    py::gil_scoped_acquire gil;
    return PyErr_CheckSignals() == 0;  // the exception stays set
  };
  std::size_t next = 0;
  if (!pages.empty()) {
    py::gil_scoped_release nogil;
    pe.ex.extract_many(
        [&](extractor::BatchPage& p) {
          if (next == pages.size()) return false;
          const Page& page = pages[next++];
          p.html = page.bytes;
          p.info = page.info;
          p.error = page.error;
          return true;
        },
        [&](extractor::BatchResult& r) {
          out[r.index].result = std::move(r.result);
          out[r.index].error = std::move(r.error);
          return true;
        },
        batch);
  }
  if (PyErr_Occurred()) throw py::error_already_set();  // KeyboardInterrupt
  py::list results(out.size());
  for (std::size_t i = 0; i < out.size(); ++i) {
    out[i].format = pe.format;
    results[i] = py::cast(std::move(out[i]));
  }
  return results;
}

// The C++ loop that Python's per-call overhead is measured against
// (bench/python_threads.py): the same conversions, then one timed loop
// without the GIL. Returns seconds.
double time_extract(const PyExtractor& pe, py::iterable items, int repeat) {
  std::vector<Page> pages;
  for (py::handle item : items) pages.push_back(make_item(item, py::none(), {}));
  py::gil_scoped_release nogil;
  const auto start = std::chrono::steady_clock::now();
  for (int r = 0; r < repeat; ++r)
    for (const Page& p : pages) pe.ex.extract(p.bytes, p.info);
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

PYBIND11_MODULE(_extractor, m) {
  m.doc() = "The native core of the extractor package (see the `extractor` package).";
  m.attr("__version__") = extractor::version();

  // extractor.Error: misuse. A ValueError, with .code = "invalid_option" |
  // "input_too_large". Held for the life of the process, like the module.
  static PyObject* const error_type =
      py::exception<extractor::Error>(m, "Error", PyExc_ValueError).release().ptr();
  py::handle(error_type).attr("__doc__") =
      "Misuse of the extractor: an unknown or invalid option, or input larger than\n"
      "max_input_bytes. A ValueError; `code` is \"invalid_option\" or\n"
      "\"input_too_large\". A page with no article is not an error: its Result is\n"
      "empty and says why in empty_reason.";
  py::handle(error_type).attr("code") = py::none();
  py::register_exception_translator([](std::exception_ptr p) {
    try {
      if (p) std::rethrow_exception(p);
    } catch (const extractor::Error& e) {
      py::object exc = py::handle(error_type)(e.what());
      exc.attr("code") = extractor::to_string(e.code());
      PyErr_SetObject(error_type, exc.ptr());
    }
  });

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
          [](const PyResult& r) { return py::make_tuple(to_dict(r, kResultFields), name_of(r.format)); },
          [](const py::tuple& t) {
            if (t.size() != 2) throw std::runtime_error("bad Result pickle");
            PyResult r = result_from_dict(t[0]);
            r.format = content_format(t[1]);
            return r;
          }));

  py::class_<PyExtractor>(
      m, "Extractor",
      "Extractor(**options): options checked and patterns compiled once;\n"
      "then extract() any number of pages, from any number of threads.\n\n"
      "Options (all keyword, all optional; None means the default). What the\n"
      "extraction reads:\n"
      "  include_comments  keep comment threads in Result.comments (False)\n"
      "  focus             \"precision\", \"balanced\" (default) or \"recall\"\n"
      "  max_input_bytes   larger input raises Error (64 MiB)\n"
      "  max_depth         element nesting followed, 16..100000 (512)\n"
      "What the rendering reads:\n"
      "  format            \"text\" (default), \"markdown\", \"html\" or \"json\":\n"
      "                    what Result.content and str(result) give\n"
      "  include_tables    data tables are part of the article (True)\n"
      "  include_images    Markdown/HTML keep images and captions (True)\n"
      "  include_links     Markdown/HTML keep link targets (False)\n\n"
      "An unknown option or a bad value raises extractor.Error.")
      .def(py::init([](const py::kwargs& kwargs) { return make_extractor(kwargs); }))
      .def("extract", &extract_one, "html"_a, "url"_a = py::none(), py::kw_only(),
           "charset"_a = py::none(), "reference_date"_a = py::none(),
           "Extracts the article from one page; the GIL is released meanwhile.\n\n"
           "html is str or bytes. bytes are decoded like a browser would (BOM,\n"
           "charset, <meta charset>, detection); charset, when given, is the one the\n"
           "transport declared (HTTP Content-Type) and wins unless the bytes\n"
           "contradict it. A str is already text: charset is ignored. url is the\n"
           "page's address (relative links, dates in the path). reference_date\n"
           "(\"YYYY-MM-DD\" or a datetime.date) is the day the page was fetched:\n"
           "later dates are impossible, and \"3 hours ago\" is read against it.\n\n"
           "Raises extractor.Error when the input is over max_input_bytes.")
      .def("extract_many", &extract_many, "pages"_a, py::kw_only(), "threads"_a = 0,
           "charset"_a = py::none(), "reference_date"_a = py::none(),
           "Extracts many pages on `threads` native threads (0: one per core) without\n"
           "the GIL; returns the Results in input order. Each page is html, (html,\n"
           "url) or (html, url, charset); charset and reference_date apply to all.\n"
           "A page that fails gets a Result with `error` set; it never costs the others.")
      .def_property_readonly("options", &options_dict, "The options, defaults filled in (a dict).")
      .def("__repr__",
           [](const PyExtractor& pe) {
             std::string out;
             for (auto item : options_dict(pe))
               out += std::string(out.empty() ? "" : ", ") + py::str(item.first).cast<std::string>() +
                      "=" + py::repr(item.second).cast<std::string>();
             return "extractor.Extractor(" + out + ")";
           })
      .def(py::pickle([](const PyExtractor& pe) { return options_dict(pe); },
                      [](const py::dict& d) { return make_extractor(d); }));

  m.def("_time_extract", &time_extract, "extractor"_a, "pages"_a, "repeat"_a = 1,
        "Benchmark helper: seconds that `repeat` passes of a C++ loop of\n"
        "Extractor::extract over `pages` take (no Python per page).");
  m.def(
      "_run_cli",
      [](const std::vector<std::string>& args) {
        py::gil_scoped_release nogil;
        return extractor::cli::run(args, stdin, stdout, stderr);
      },
      "args"_a,
      "Runs the `extractor` command (the same code as the executable) with args\n"
      "(args[0] is the program's name) on the process's standard streams; returns\n"
      "its exit status. `python -m extractor` calls it.");
}
