// extractor._extractor: the pybind11 face of the one library.
//
// Thin by design: it converts Python arguments into Options and PageInfo,
// releases the GIL around Extractor::extract, and hands back the C++ Result
// inside a Python object whose attributes are converted when read (a page's
// blocks become Python objects only if someone asks for them). The Pythonic
// helpers (module-level extract(), extract_many() over any iterable, the
// `python -m extractor` CLI) live in extractor/__init__.py and _cli.py.
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <cstring>
#include <limits>
#include <mutex>
#include <new>
#include <string>
#include <string_view>
#include <thread>
#include <type_traits>
#include <utility>
#include <vector>

#include "extractor/extractor.h"

namespace py = pybind11;
using namespace pybind11::literals;

namespace {

using extractor::Block;
using extractor::BlockKind;
using extractor::ErrorCode;
using extractor::Label;
using extractor::Source;
using extractor::Span;

// ---------------------------------------------------------------------------
// Names shared with Python: enums travel as the strings the JSON uses.
// ---------------------------------------------------------------------------

enum class Format { kText, kMarkdown, kHtml, kJson };

const char* format_name(Format f) {
  switch (f) {
    case Format::kText:
      return "text";
    case Format::kMarkdown:
      return "markdown";
    case Format::kHtml:
      return "html";
    case Format::kJson:
      return "json";
  }
  return "text";
}

const char* focus_name(extractor::Focus f) {
  switch (f) {
    case extractor::Focus::kPrecision:
      return "precision";
    case extractor::Focus::kBalanced:
      return "balanced";
    case extractor::Focus::kRecall:
      return "recall";
  }
  return "balanced";
}

const char* span_kind_name(Span::Kind k) {
  switch (k) {
    case Span::Kind::kLink:
      return "link";
    case Span::Kind::kEmphasis:
      return "emphasis";
    case Span::Kind::kStrong:
      return "strong";
    case Span::Kind::kCode:
      return "code";
  }
  return "link";
}

const char* error_code_name(ErrorCode c) {
  switch (c) {
    case ErrorCode::kInvalidOption:
      return "invalid_option";
    case ErrorCode::kInputTooLarge:
      return "input_too_large";
  }
  return "invalid_option";
}

[[noreturn]] void invalid(const std::string& message) {
  throw extractor::Error(ErrorCode::kInvalidOption, message);
}

// The enum whose to_string() is `name`, for Result.from_dict().
template <typename Enum>
Enum enum_from_name(const std::string& name, std::initializer_list<Enum> values,
                    const char* (*namer)(Enum), const char* what) {
  for (Enum v : values)
    if (name == namer(v)) return v;
  std::string known;
  for (Enum v : values) known += std::string(known.empty() ? "" : ", ") + "'" + namer(v) + "'";
  invalid(std::string(what) + " must be one of " + known + ", not '" + name + "'");
}

constexpr std::initializer_list<BlockKind> kBlockKinds = {
    BlockKind::kParagraph, BlockKind::kHeading, BlockKind::kListItem, BlockKind::kTableRow,
    BlockKind::kCode,      BlockKind::kCaption, BlockKind::kImage};
constexpr std::initializer_list<Label> kLabels = {Label::kContent, Label::kBoilerplate,
                                                  Label::kComment};
constexpr std::initializer_list<Source> kSources = {
    Source::kNone, Source::kJsonLd, Source::kMeta, Source::kMarkup, Source::kUrl, Source::kText};
constexpr std::initializer_list<Span::Kind> kSpanKinds = {Span::Kind::kLink, Span::Kind::kEmphasis,
                                                          Span::Kind::kStrong, Span::Kind::kCode};

// Fields that newer versions of the public header add, used when present so
// that this file builds against either.
template <typename T, typename = void>
struct HasReferenceDate : std::false_type {};
template <typename T>
struct HasReferenceDate<T, std::void_t<decltype(std::declval<T&>().reference_date)>>
    : std::true_type {};
template <typename T, typename = void>
struct HasListSources : std::false_type {};
template <typename T>
struct HasListSources<
    T, std::void_t<decltype(std::declval<T&>().categories), decltype(std::declval<T&>().tags)>>
    : std::true_type {};

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
  if constexpr (HasListSources<std::remove_const_t<Sources>>::value) {
    f("categories", s.categories);
    f("tags", s.tags);
  }
}

// ---------------------------------------------------------------------------
// Strings. The library promises valid UTF-8; "replace" keeps a broken promise
// from turning into an exception on attribute access.
// ---------------------------------------------------------------------------

py::str to_str(const std::string& s) {
  PyObject* o = PyUnicode_DecodeUTF8(s.data(), static_cast<Py_ssize_t>(s.size()), "replace");
  if (o == nullptr) throw py::error_already_set();
  return py::reinterpret_steal<py::str>(o);
}

py::object str_or_none(const std::string& s) {
  if (s.empty()) return py::none();
  return to_str(s);
}

py::list str_list(const std::vector<std::string>& v) {
  py::list out(v.size());
  for (std::size_t i = 0; i < v.size(); ++i) out[i] = to_str(v[i]);
  return out;
}

// A JSON string literal (UTF-8 kept as is, like the library's JSON).
std::string json_string(const std::string& s) {
  std::string out = "\"";
  for (char c : s) {
    const auto u = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\t') {
      out += "\\t";
    } else if (u < 0x20) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\u%04x", u);
      out += buf;
    } else {
      out += c;
    }
  }
  return out + "\"";
}

std::string type_name(py::handle h) { return Py_TYPE(h.ptr())->tp_name; }

// A str, or "" for None.
std::string opt_string(py::handle h, const char* what) {
  if (h.is_none()) return {};
  if (!PyUnicode_Check(h.ptr()))
    throw py::type_error(std::string(what) + " must be str or None, not " + type_name(h));
  return h.cast<std::string>();
}

// Span offsets are bytes of UTF-8 in C++ and code points in Python, so that
// block.text[span.begin:span.end] is the span's text.
std::uint32_t bytes_to_chars(const std::string& s, std::uint32_t bytes) {
  const std::size_t n = std::min<std::size_t>(bytes, s.size());
  std::uint32_t chars = 0;
  for (std::size_t i = 0; i < n; ++i)
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) ++chars;
  return chars;
}

std::uint32_t chars_to_bytes(const std::string& s, std::uint32_t chars) {
  std::size_t i = 0;
  for (std::uint32_t c = 0; i < s.size(); ++i) {
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80 && c++ == chars) break;
  }
  return static_cast<std::uint32_t>(i);
}

// ---------------------------------------------------------------------------
// The Python-side objects.
// ---------------------------------------------------------------------------

// The C++ Extractor plus what only Python has: the format that
// Result.content and str(result) give.
struct PyExtractor {
  extractor::Extractor ex;
  Format format = Format::kText;
};

// A Result as Python sees it: the C++ Result, the error that replaced it
// (extract_many only), and the format chosen for Result.content.
struct PyResult {
  extractor::Result result;
  std::string error;
  Format format = Format::kText;
};

// A Span with offsets in code points (see bytes_to_chars).
struct PySpan {
  Span::Kind kind = Span::Kind::kLink;
  std::uint32_t begin = 0;
  std::uint32_t end = 0;
  std::string href;
};

PySpan to_py_span(const Block& b, const Span& s) {
  return {s.kind, bytes_to_chars(b.text, s.begin), bytes_to_chars(b.text, s.end), s.href};
}

// ---------------------------------------------------------------------------
// Options: keyword arguments -> extractor::Options. Unknown names and bad
// values are misuse (extractor.Error); a wrong type is a TypeError.
// ---------------------------------------------------------------------------

constexpr const char* kOptionNames[] = {"format",          "include_comments", "focus",
                                        "include_tables",  "include_images",   "include_links",
                                        "max_input_bytes", "max_depth"};

bool as_bool(py::handle v, const char* name) {
  if (!PyBool_Check(v.ptr()))
    throw py::type_error(std::string("option ") + name + " must be a bool, not " + type_name(v));
  return v.ptr() == Py_True;
}

long long as_int(py::handle v, const char* name) {
  if (PyBool_Check(v.ptr()) || !PyLong_Check(v.ptr()))
    throw py::type_error(std::string("option ") + name + " must be an int, not " + type_name(v));
  int overflow = 0;
  const long long n = PyLong_AsLongLongAndOverflow(v.ptr(), &overflow);
  if (overflow != 0) invalid(std::string("option ") + name + " is out of range");
  return n;
}

std::string as_name(py::handle v, const char* name) {
  if (!PyUnicode_Check(v.ptr()))
    throw py::type_error(std::string("option ") + name + " must be a str, not " + type_name(v));
  return v.cast<std::string>();
}

PyExtractor make_extractor(const py::dict& kwargs) {
  extractor::Options o;
  Format format = Format::kText;
  for (auto item : kwargs) {
    const std::string key = py::str(item.first);
    py::handle v = item.second;
    if (v.is_none()) continue;  // None: the default
    if (key == "format") {
      format = enum_from_name(as_name(v, "format"),
                              {Format::kText, Format::kMarkdown, Format::kHtml, Format::kJson},
                              format_name, "format");
    } else if (key == "include_comments") {
      o.include_comments = as_bool(v, "include_comments");
    } else if (key == "focus") {
      o.focus = enum_from_name(
          as_name(v, "focus"),
          {extractor::Focus::kPrecision, extractor::Focus::kBalanced, extractor::Focus::kRecall},
          focus_name, "focus");
    } else if (key == "include_tables") {
      o.include_tables = as_bool(v, "include_tables");
    } else if (key == "include_images") {
      o.include_images = as_bool(v, "include_images");
    } else if (key == "include_links") {
      o.include_links = as_bool(v, "include_links");
    } else if (key == "max_input_bytes") {
      const long long n = as_int(v, "max_input_bytes");
      if (n <= 0)
        invalid("option max_input_bytes must be greater than 0, not " + std::to_string(n));
      o.max_input_bytes = static_cast<std::size_t>(n);
    } else if (key == "max_depth") {
      const long long n = as_int(v, "max_depth");
      if (n < std::numeric_limits<int>::min() || n > std::numeric_limits<int>::max())
        invalid("option max_depth is out of range");
      o.max_depth = static_cast<int>(n);  // the library checks the range
    } else {
      std::string known;
      for (const char* k : kOptionNames) known += std::string(known.empty() ? "" : ", ") + k;
      invalid("unknown option '" + key + "' (options: " + known + ")");
    }
  }
  return {extractor::Extractor(o), format};
}

py::dict options_dict(const PyExtractor& pe) {
  const extractor::Options& o = pe.ex.options();
  return py::dict("format"_a = format_name(pe.format), "include_comments"_a = o.include_comments,
                  "focus"_a = focus_name(o.focus), "include_tables"_a = o.include_tables,
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
    p.bytes = std::string_view(PyBytes_AS_STRING(o), static_cast<std::size_t>(PyBytes_GET_SIZE(o)));
    return;
  }
  if (PyUnicode_Check(o)) {
    // Already text: hand the library UTF-8 and say so, so nothing is detected.
    if (PyUnicode_IS_ASCII(o)) {  // its own buffer, no copy, nothing cached
      Py_ssize_t n = 0;
      const char* data = PyUnicode_AsUTF8AndSize(o, &n);
      if (data == nullptr) throw py::error_already_set();
      p.keep = py::reinterpret_borrow<py::object>(html);
      p.bytes = std::string_view(data, static_cast<std::size_t>(n));
    } else {
      // A temporary bytes object, rather than the UTF-8 copy that
      // PyUnicode_AsUTF8 would cache in the str for its whole life.
      PyObject* b = PyUnicode_AsUTF8String(o);
      if (b == nullptr && PyErr_ExceptionMatches(PyExc_UnicodeEncodeError)) {
        // Lone surrogates (from surrogateescape) cannot be UTF-8: each
        // becomes U+FFFD, as a decoder would show it.
        PyErr_Clear();
        py::object fixed = py::reinterpret_borrow<py::object>(html)
                               .attr("encode")("utf-16", "surrogatepass")
                               .attr("decode")("utf-16", "replace");
        b = PyUnicode_AsUTF8String(fixed.ptr());
      }
      if (b == nullptr) throw py::error_already_set();
      p.keep = py::reinterpret_steal<py::object>(b);
      p.bytes =
          std::string_view(PyBytes_AS_STRING(b), static_cast<std::size_t>(PyBytes_GET_SIZE(b)));
    }
    p.info.charset = "utf-8";
    return;
  }
  if (PyObject_CheckBuffer(o)) {  // bytearray, memoryview, mmap, numpy bytes...
    Py_buffer view;
    if (PyObject_GetBuffer(o, &view, PyBUF_SIMPLE) != 0) throw py::error_already_set();
    p.owned.assign(static_cast<const char*>(view.buf), static_cast<std::size_t>(view.len));
    PyBuffer_Release(&view);
    p.bytes = p.owned;
    return;
  }
  throw py::type_error("html must be str or bytes, not " + type_name(html));
}

template <typename Info>
void set_reference_date(Info& info, std::string date) {
  if constexpr (HasReferenceDate<Info>::value) {
    info.reference_date = std::move(date);
  } else if (!date.empty()) {
    invalid("reference_date needs a newer extractor library");
  }
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
Page make_page(py::handle html, py::handle url, py::handle charset,
               const std::string& reference_date) {
  Page p;
  set_html(p, html);
  p.info.url = opt_string(url, "url");
  std::string cs = opt_string(charset, "charset");
  if (p.info.charset.empty()) p.info.charset = std::move(cs);
  set_reference_date(p.info, reference_date);
  return p;
}

// One extract_many() item: html, (html, url) or (html, url, charset).
Page make_item(py::handle item, py::handle charset, const std::string& reference_date) {
  PyObject* o = item.ptr();
  if (PyTuple_Check(o) || PyList_Check(o)) {
    const py::sequence seq = py::reinterpret_borrow<py::sequence>(item);
    const std::size_t n = seq.size();
    if (n < 2 || n > 3)
      throw py::type_error("a page is html, (html, url) or (html, url, charset); got a " +
                           type_name(item) + " of " + std::to_string(n) + " items");
    const py::object html = seq[0], url = seq[1];
    const py::object cs = n == 3 ? py::object(seq[2]) : py::reinterpret_borrow<py::object>(charset);
    return make_page(html, url, cs, reference_date);
  }
  return make_page(item, py::none(), charset, reference_date);
}

// What a failed page gets in extract_many: never an exception that loses the rest.
void run_one(const PyExtractor& pe, const Page& page, PyResult& out) {
  out.format = pe.format;
  if (!page.error.empty()) {
    out.error = page.error;
    return;
  }
  try {
    out.result = pe.ex.extract(page.bytes, page.info);
  } catch (const std::bad_alloc&) {
    out.result = {};
    out.error = "extractor: out of memory";
  } catch (const std::exception& e) {
    out.result = {};
    out.error = e.what();
  } catch (...) {
    out.result = {};
    out.error = "extractor: unknown error";
  }
}

PyResult extract_one(const PyExtractor& pe, py::handle html, py::handle url, py::handle charset,
                     py::handle reference_date) {
  const Page page = make_page(html, url, charset, reference_date_string(reference_date));
  PyResult out;
  out.format = pe.format;
  {
    py::gil_scoped_release nogil;
    out.result = pe.ex.extract(page.bytes, page.info);
  }
  return out;
}

// Runs pages[i] -> out[i] on `threads` native threads with the GIL released.
// The calling thread only waits, waking every 100 ms to let Ctrl-C through.
void run_pool(const PyExtractor& pe, const std::vector<Page>& pages, std::vector<PyResult>& out,
              unsigned threads) {
  std::atomic<std::size_t> next{0};
  std::atomic<bool> stop{false};
  std::mutex mu;
  std::condition_variable cv;
  unsigned finished = 0;
  auto work = [&] {
    for (;;) {
      if (stop.load(std::memory_order_relaxed)) break;
      const std::size_t i = next.fetch_add(1, std::memory_order_relaxed);
      if (i >= pages.size()) break;
      run_one(pe, pages[i], out[i]);
    }
    {
      std::lock_guard<std::mutex> lock(mu);
      ++finished;
    }
    cv.notify_all();
  };
  std::vector<std::thread> pool;
  try {
    for (unsigned t = 0; t < threads; ++t) pool.emplace_back(work);
  } catch (const std::system_error&) {
    // Fewer threads than asked (a process limit): the ones started suffice.
  }
  auto join_all = [&] {
    py::gil_scoped_release nogil;
    for (std::thread& t : pool) t.join();
  };
  if (pool.empty()) {  // not even one: do the work here
    py::gil_scoped_release nogil;
    for (std::size_t i = 0; i < pages.size(); ++i) run_one(pe, pages[i], out[i]);
    return;
  }
  for (;;) {
    bool done;
    {
      py::gil_scoped_release nogil;
      std::unique_lock<std::mutex> lock(mu);
      done = cv.wait_for(lock, std::chrono::milliseconds(100),
                         [&] { return finished == pool.size(); });
    }
    if (done) break;
    if (PyErr_CheckSignals() != 0) {  // KeyboardInterrupt: stop after current pages
      stop = true;
      py::error_already_set pending;
      join_all();
      throw pending;
    }
  }
  join_all();
}

unsigned thread_count(long long threads, std::size_t pages) {
  if (threads < 0)
    invalid("threads must be >= 0 (0: one per core), not " + std::to_string(threads));
  unsigned n = threads == 0 ? std::max(1u, std::thread::hardware_concurrency())
                            : static_cast<unsigned>(std::min<long long>(threads, 4096));
  return static_cast<unsigned>(std::min<std::size_t>(n, pages));
}

py::list extract_many(const PyExtractor& pe, py::iterable items, long long threads,
                      py::handle charset, py::handle reference_date) {
  if (PyUnicode_Check(items.ptr()) || PyBytes_Check(items.ptr()))
    throw py::type_error("extract_many() takes an iterable of pages, not one page");
  opt_string(charset, "charset");
  const std::string date = reference_date_string(reference_date);
  {
    extractor::PageInfo probe;  // misuse fails before any work
    set_reference_date(probe, date);
  }
  std::vector<Page> pages;
  if (PySequence_Check(items.ptr())) pages.reserve(py::len_hint(items));
  for (py::handle item : items) {
    try {
      pages.push_back(make_item(item, charset, date));
    } catch (py::error_already_set& e) {
      pages.emplace_back();
      pages.back().error = e.what();
    } catch (const std::exception& e) {  // type_error, extractor::Error
      pages.emplace_back();
      pages.back().error = e.what();
    }
  }
  std::vector<PyResult> out(pages.size());
  const unsigned n = thread_count(threads, pages.size());
  if (n > 0) run_pool(pe, pages, out, n);
  py::list results(out.size());
  for (std::size_t i = 0; i < out.size(); ++i) results[i] = py::cast(std::move(out[i]));
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
    for (const Page& p : pages) {
      extractor::Result result = pe.ex.extract(p.bytes, p.info);
      (void)result;
    }
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// ---------------------------------------------------------------------------
// Result <-> dict
// ---------------------------------------------------------------------------

py::dict span_dict(const PySpan& s) {
  return py::dict("kind"_a = span_kind_name(s.kind), "begin"_a = s.begin, "end"_a = s.end,
                  "href"_a = str_or_none(s.href));
}

py::list spans_list(const Block& b) {
  py::list out(b.spans.size());
  for (std::size_t i = 0; i < b.spans.size(); ++i) out[i] = py::cast(to_py_span(b, b.spans[i]));
  return out;
}

py::dict block_dict(const Block& b) {
  py::list spans(b.spans.size());
  for (std::size_t i = 0; i < b.spans.size(); ++i) spans[i] = span_dict(to_py_span(b, b.spans[i]));
  return py::dict(
      "kind"_a = extractor::to_string(b.kind), "label"_a = extractor::to_string(b.label),
      "level"_a = int(b.level), "quote_depth"_a = int(b.quote_depth), "ordered"_a = b.ordered,
      "text"_a = to_str(b.text), "spans"_a = std::move(spans), "src"_a = str_or_none(b.src),
      "score"_a = b.score, "reason"_a = to_str(b.reason), "path"_a = to_str(b.path));
}

py::dict sources_dict(const extractor::Metadata::Sources& s) {
  py::dict d;
  for_each_source(s, [&](const char* key, Source v) { d[key] = extractor::to_string(v); });
  return d;
}

py::list blocks_list(const PyResult& r) {
  py::list out(r.result.blocks.size());
  for (std::size_t i = 0; i < r.result.blocks.size(); ++i) out[i] = py::cast(r.result.blocks[i]);
  return out;
}

py::dict result_dict(const PyResult& pr) {
  const extractor::Result& r = pr.result;
  const extractor::Metadata& m = r.metadata;
  py::list blocks(r.blocks.size());
  for (std::size_t i = 0; i < r.blocks.size(); ++i) blocks[i] = block_dict(r.blocks[i]);
  py::dict d;
  d["url"] = str_or_none(m.url);
  d["title"] = str_or_none(m.title);
  d["author"] = str_or_none(m.author());
  d["authors"] = str_list(m.authors);
  d["date"] = str_or_none(m.date);
  d["date_modified"] = str_or_none(m.date_modified);
  d["site_name"] = str_or_none(m.site_name);
  d["language"] = str_or_none(m.language);
  d["description"] = str_or_none(m.description);
  d["image"] = str_or_none(m.image);
  d["categories"] = str_list(m.categories);
  d["tags"] = str_list(m.tags);
  d["text"] = to_str(r.text);
  d["markdown"] = to_str(r.markdown);
  d["html"] = to_str(r.html);
  d["comments"] = to_str(r.comments);
  d["charset"] = str_or_none(r.charset);
  d["empty_reason"] = str_or_none(r.empty_reason);
  d["error"] = str_or_none(pr.error);
  d["sources"] = sources_dict(m.sources);
  d["blocks"] = std::move(blocks);
  return d;
}

// Reading a dict back: missing keys keep their defaults; a key we do not
// know is a mistake worth saying (to_json()'s "source" and the derived
// "author" are accepted and ignored).
class DictReader {
 public:
  DictReader(py::handle d, const char* what) : what_(what) {
    if (!PyDict_Check(d.ptr()))
      throw py::type_error(std::string(what) + " must be a dict, not " + type_name(d));
    dict_ = py::reinterpret_borrow<py::dict>(d);
  }
  void str(const char* key, std::string* out) {
    if (py::handle v = get(key); v && !v.is_none()) *out = cast<std::string>(v, key);
  }
  void strs(const char* key, std::vector<std::string>* out) {
    if (py::handle v = get(key); v && !v.is_none()) *out = cast<std::vector<std::string>>(v, key);
  }
  template <typename T>
  void value(const char* key, T* out) {
    if (py::handle v = get(key); v && !v.is_none()) *out = cast<T>(v, key);
  }
  py::handle get(const char* key) {
    seen_.push_back(key);
    return PyDict_GetItemString(dict_.ptr(), key);
  }
  void ignore(const char* key) { seen_.push_back(key); }
  void check_unknown() const {
    for (auto item : dict_) {
      const std::string k = py::str(item.first);
      if (std::find(seen_.begin(), seen_.end(), k) == seen_.end())
        invalid(std::string(what_) + ": unknown key '" + k + "'");
    }
  }

 private:
  template <typename T>
  T cast(py::handle v, const char* key) {
    try {
      return v.cast<T>();
    } catch (const py::cast_error&) {
      throw py::type_error(std::string(what_) + ": '" + key + "' has the wrong type (" +
                           type_name(v) + ")");
    }
  }
  const char* what_;
  py::dict dict_;
  std::vector<std::string> seen_;
};

Span span_from_dict(py::handle d, const std::string& text) {
  DictReader in(d, "span");
  Span s{};
  std::string kind = "link";
  std::uint32_t begin = 0, end = 0;
  in.str("kind", &kind);
  s.kind = enum_from_name(kind, kSpanKinds, span_kind_name, "span kind");
  in.value("begin", &begin);
  in.value("end", &end);
  in.str("href", &s.href);
  in.check_unknown();
  s.begin = chars_to_bytes(text, begin);
  s.end = chars_to_bytes(text, end);
  return s;
}

Block block_from_dict(py::handle d) {
  DictReader in(d, "block");
  Block b;
  std::string kind = extractor::to_string(b.kind), label = extractor::to_string(b.label);
  int level = 0, quote_depth = 0;
  in.str("kind", &kind);
  in.str("label", &label);
  b.kind = enum_from_name(kind, kBlockKinds, extractor::to_string, "block kind");
  b.label = enum_from_name(label, kLabels, extractor::to_string, "block label");
  in.value("level", &level);
  in.value("quote_depth", &quote_depth);
  b.level = static_cast<std::uint8_t>(std::clamp(level, 0, 255));
  b.quote_depth = static_cast<std::uint8_t>(std::clamp(quote_depth, 0, 255));
  in.value("ordered", &b.ordered);
  in.str("text", &b.text);
  if (py::handle spans = in.get("spans"); spans && !spans.is_none())
    for (py::handle s : spans) b.spans.push_back(span_from_dict(s, b.text));
  in.str("src", &b.src);
  in.value("score", &b.score);
  in.str("reason", &b.reason);
  in.str("path", &b.path);
  in.check_unknown();
  return b;
}

PyResult result_from_dict(py::handle d) {
  DictReader in(d, "Result.from_dict()");
  PyResult pr;
  extractor::Result& r = pr.result;
  extractor::Metadata& m = r.metadata;
  in.ignore("author");
  in.ignore("source");
  in.str("url", &m.url);
  in.str("title", &m.title);
  in.strs("authors", &m.authors);
  in.str("date", &m.date);
  in.str("date_modified", &m.date_modified);
  in.str("site_name", &m.site_name);
  in.str("language", &m.language);
  in.str("description", &m.description);
  in.str("image", &m.image);
  in.strs("categories", &m.categories);
  in.strs("tags", &m.tags);
  in.str("text", &r.text);
  in.str("markdown", &r.markdown);
  in.str("html", &r.html);
  in.str("comments", &r.comments);
  in.str("charset", &r.charset);
  in.str("empty_reason", &r.empty_reason);
  in.str("error", &pr.error);
  if (py::handle s = in.get("sources"); s && !s.is_none()) {
    DictReader src(s, "sources");
    for_each_source(m.sources, [&](const char* key, Source& out) {
      std::string name = "none";
      src.str(key, &name);
      out = enum_from_name(name, kSources, extractor::to_string, "source");
    });
    src.check_unknown();
  }
  if (py::handle blocks = in.get("blocks"); blocks && !blocks.is_none())
    for (py::handle b : blocks) r.blocks.push_back(block_from_dict(b));
  in.check_unknown();
  return pr;
}

// ---------------------------------------------------------------------------
// Equality (results identical whatever the thread count, pickling, ...)
// ---------------------------------------------------------------------------

bool same_span(const Span& a, const Span& b) {
  return a.kind == b.kind && a.begin == b.begin && a.end == b.end && a.href == b.href;
}

bool same_block(const Block& a, const Block& b) {
  return a.kind == b.kind && a.label == b.label && a.level == b.level &&
         a.quote_depth == b.quote_depth && a.ordered == b.ordered && a.text == b.text &&
         std::equal(a.spans.begin(), a.spans.end(), b.spans.begin(), b.spans.end(), same_span) &&
         a.src == b.src && a.score == b.score && a.reason == b.reason && a.path == b.path;
}

bool same_sources(const extractor::Metadata::Sources& a, const extractor::Metadata::Sources& b) {
  std::vector<Source> x, y;
  for_each_source(a, [&](const char*, Source v) { x.push_back(v); });
  for_each_source(b, [&](const char*, Source v) { y.push_back(v); });
  return x == y;
}

bool same_result(const PyResult& x, const PyResult& y) {
  const extractor::Result& a = x.result;
  const extractor::Result& b = y.result;
  const extractor::Metadata& ma = a.metadata;
  const extractor::Metadata& mb = b.metadata;
  return x.error == y.error && a.text == b.text && a.markdown == b.markdown && a.html == b.html &&
         a.comments == b.comments && a.charset == b.charset && a.empty_reason == b.empty_reason &&
         ma.title == mb.title && ma.authors == mb.authors && ma.date == mb.date &&
         ma.date_modified == mb.date_modified && ma.site_name == mb.site_name &&
         ma.language == mb.language && ma.description == mb.description && ma.url == mb.url &&
         ma.image == mb.image && ma.categories == mb.categories && ma.tags == mb.tags &&
         same_sources(ma.sources, mb.sources) &&
         std::equal(a.blocks.begin(), a.blocks.end(), b.blocks.begin(), b.blocks.end(), same_block);
}

// ---------------------------------------------------------------------------
// repr
// ---------------------------------------------------------------------------

// The first `limit` code points of s, with "…" when cut.
std::string preview(const std::string& s, std::size_t limit) {
  std::size_t i = 0, chars = 0;
  for (; i < s.size(); ++i) {
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80 && chars++ == limit) break;
  }
  return i < s.size() ? s.substr(0, i) + "\xE2\x80\xA6" : s;
}

std::string py_repr(const std::string& s) { return py::repr(to_str(s)).cast<std::string>(); }

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
    field("empty_reason", r.empty_reason);
  } else {
    std::size_t chars = bytes_to_chars(
        r.text, static_cast<std::uint32_t>(std::min<std::size_t>(r.text.size(), UINT32_MAX)));
    out += " text=" + py_repr(preview(r.text, 40)) + " (" + std::to_string(chars) + " chars)";
  }
  out += " blocks=" + std::to_string(r.blocks.size()) + ">";
  return out;
}

std::string block_repr(const Block& b) {
  char score[16];
  std::snprintf(score, sizeof score, "%.2f", static_cast<double>(b.score));
  std::string out = std::string("<extractor.Block ") + extractor::to_string(b.kind) + " " +
                    extractor::to_string(b.label) + " score=" + score +
                    " reason=" + py_repr(b.reason);
  if (b.level) out += " level=" + std::to_string(b.level);
  if (!b.src.empty()) out += " src=" + py_repr(preview(b.src, 60));
  return out + " text=" + py_repr(preview(b.text, 50)) + ">";
}

std::string content(const PyResult& pr) {
  switch (pr.format) {
    case Format::kText:
      return pr.result.text;
    case Format::kMarkdown:
      return pr.result.markdown;
    case Format::kHtml:
      return pr.result.html;
    case Format::kJson:
      return extractor::render_json(pr.result);
  }
  return pr.result.text;
}

// __eq__ that answers NotImplemented for other types, as Python's own do.
template <typename T, typename F>
auto equality(F same) {
  return [same](const T& a, py::handle b) -> py::object {
    if (!py::isinstance<T>(b)) return py::reinterpret_borrow<py::object>(Py_NotImplemented);
    return py::bool_(same(a, b.cast<const T&>()));
  };
}

}  // namespace

PYBIND11_MODULE(_extractor, m) {
  m.doc() =
      "The native core of the extractor package: bindings over the C++ library.\n\n"
      "Use the `extractor` package, which re-exports these names and adds extract()\n"
      "and extract_many().";
  m.attr("__version__") = EXTRACTOR_VERSION;

  // extractor.Error: misuse (unknown or bad option, input over the size
  // limit). A ValueError, with .code = "invalid_option" | "input_too_large".
  // Held for the life of the process, like the module itself.
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
      exc.attr("code") = error_code_name(e.code());
      PyErr_SetObject(error_type, exc.ptr());
    }
  });

  py::class_<PySpan>(m, "Span",
                     "An inline range of a Block's text: a link, emphasis, strong or code.\n\n"
                     "begin and end index Block.text in characters (code points), so\n"
                     "block.text[span.begin:span.end] is the span's text.")
      .def_property_readonly(
          "kind", [](const PySpan& s) { return span_kind_name(s.kind); },
          "\"link\", \"emphasis\", \"strong\" or \"code\".")
      .def_readonly("begin", &PySpan::begin, "Start offset in Block.text, in characters.")
      .def_readonly("end", &PySpan::end, "End offset (exclusive) in Block.text, in characters.")
      .def_property_readonly(
          "href", [](const PySpan& s) { return str_or_none(s.href); },
          "A link's target (resolved against the page URL), else None.")
      .def("to_dict", &span_dict, "The span as a dict of its attributes.")
      .def("__eq__", equality<PySpan>([](const PySpan& a, const PySpan& b) {
             return a.kind == b.kind && a.begin == b.begin && a.end == b.end && a.href == b.href;
           }))
      .def("__repr__", [](const PySpan& s) {
        return std::string("<extractor.Span ") + span_kind_name(s.kind) + " " +
               std::to_string(s.begin) + ":" + std::to_string(s.end) +
               (s.href.empty() ? "" : " href=" + py_repr(s.href)) + ">";
      });

  py::class_<Block>(m, "Block",
                    "One text block of the page (a paragraph, heading, list item, table\n"
                    "row, code block, caption or image), with the label the extractor gave\n"
                    "it and why. Result.blocks holds every block of the page in document\n"
                    "order, boilerplate included.")
      .def_property_readonly(
          "kind", [](const Block& b) { return extractor::to_string(b.kind); },
          "\"paragraph\", \"heading\", \"list-item\", \"table-row\", "
          "\"code\", \"caption\" or \"image\" (as in the JSON output).")
      .def_property_readonly(
          "label", [](const Block& b) { return extractor::to_string(b.label); },
          "\"content\" (the article), \"boilerplate\" or \"comment\".")
      .def_property_readonly(
          "level", [](const Block& b) { return int(b.level); },
          "Heading level 1..6, list nesting depth, or 0.")
      .def_property_readonly(
          "quote_depth", [](const Block& b) { return int(b.quote_depth); },
          "Nesting depth in <blockquote> (0: not a quotation).")
      .def_readonly("ordered", &Block::ordered, "For a list item: the list is ordered (<ol>).")
      .def_property_readonly(
          "text", [](const Block& b) { return to_str(b.text); },
          "Visible text, whitespace collapsed (verbatim for code); lines "
          "broken by <br> are separated by \"\\n\".")
      .def_property_readonly("spans", &spans_list, "Links and emphasis inside text (list of Span).")
      .def_property_readonly(
          "src", [](const Block& b) { return str_or_none(b.src); }, "An image's URL, else None.")
      .def_readonly("score", &Block::score, "Confidence that the block is content, in [0, 1].")
      .def_property_readonly(
          "reason", [](const Block& b) { return to_str(b.reason); },
          "A short word saying what decided the label (\"region\", "
          "\"nav\", \"link-density\", ...).")
      .def_property_readonly(
          "path", [](const Block& b) { return to_str(b.path); },
          "The element path, e.g. \"body>div#main>article.post>p\".")
      .def("to_dict", &block_dict, "The block as a dict of its attributes.")
      .def("__eq__", equality<Block>(same_block))
      .def("__repr__", &block_repr);

  py::class_<PyResult>(m, "Result",
                       "What extract() found in one page: the article as text, Markdown and\n"
                       "HTML, its metadata, and every block of the page.\n\n"
                       "Metadata that the page does not give is None; text, markdown, html\n"
                       "and comments are empty strings when there is nothing. A page with no\n"
                       "article has empty text and says why in empty_reason. From\n"
                       "extract_many(), a page that could not be processed has `error` set\n"
                       "and everything else empty.")
      .def(py::init<>(), "An empty Result (see also Result.from_dict()).")
      .def_property_readonly(
          "text", [](const PyResult& r) { return to_str(r.result.text); },
          "The article as plain text: paragraphs separated by blank lines.")
      .def_property_readonly(
          "markdown", [](const PyResult& r) { return to_str(r.result.markdown); },
          "The article as Markdown.")
      .def_property_readonly(
          "html", [](const PyResult& r) { return to_str(r.result.html); },
          "The article as a small clean HTML fragment.")
      .def_property_readonly(
          "comments", [](const PyResult& r) { return to_str(r.result.comments); },
          "Comment threads as text (only with include_comments=True).")
      .def_property_readonly(
          "content", [](const PyResult& r) { return to_str(content(r)); },
          "The article in the format the Extractor was asked for "
          "(text, markdown, html or json). Also str(result).")
      .def_property_readonly(
          "format", [](const PyResult& r) { return format_name(r.format); },
          "The format that content and str() give.")
      .def_property_readonly(
          "title", [](const PyResult& r) { return str_or_none(r.result.metadata.title); },
          "The article's title, without \" | Site\" suffixes, or None.")
      .def_property_readonly(
          "author", [](const PyResult& r) { return str_or_none(r.result.metadata.author()); },
          "The authors joined by \", \", or None.")
      .def_property_readonly(
          "authors", [](const PyResult& r) { return str_list(r.result.metadata.authors); },
          "The authors' names (list of str, possibly empty).")
      .def_property_readonly(
          "date", [](const PyResult& r) { return str_or_none(r.result.metadata.date); },
          "Publication date, ISO 8601 (YYYY-MM-DD[Thh:mm[:ss][zone]]), or None.")
      .def_property_readonly(
          "date_modified",
          [](const PyResult& r) { return str_or_none(r.result.metadata.date_modified); },
          "Last-modified date, ISO 8601, or None.")
      .def_property_readonly(
          "site_name", [](const PyResult& r) { return str_or_none(r.result.metadata.site_name); },
          "The site's name, or None.")
      .def_property_readonly(
          "language", [](const PyResult& r) { return str_or_none(r.result.metadata.language); },
          "BCP 47 primary language tag (\"en\", \"zh\", ...), or None.")
      .def_property_readonly(
          "description",
          [](const PyResult& r) { return str_or_none(r.result.metadata.description); },
          "The page's description, or None.")
      .def_property_readonly(
          "url", [](const PyResult& r) { return str_or_none(r.result.metadata.url); },
          "The canonical URL, else the url passed in, or None.")
      .def_property_readonly(
          "image", [](const PyResult& r) { return str_or_none(r.result.metadata.image); },
          "The main image's URL, or None.")
      .def_property_readonly(
          "categories", [](const PyResult& r) { return str_list(r.result.metadata.categories); },
          "Categories (list of str).")
      .def_property_readonly(
          "tags", [](const PyResult& r) { return str_list(r.result.metadata.tags); },
          "Tags (list of str).")
      .def_property_readonly(
          "sources", [](const PyResult& r) { return sources_dict(r.result.metadata.sources); },
          "Where each metadata field came from: {\"title\": \"json-ld\", ...}; "
          "\"none\" when the field is empty.")
      .def_property_readonly(
          "charset", [](const PyResult& r) { return str_or_none(r.result.charset); },
          "The charset the page was decoded from (\"utf-8\" for str input).")
      .def_property_readonly(
          "empty_reason", [](const PyResult& r) { return str_or_none(r.result.empty_reason); },
          "Why no article was found (when text is empty), else None.")
      .def_property_readonly(
          "error", [](const PyResult& r) { return str_or_none(r.error); },
          "extract_many(): why this page could not be processed, else None.")
      .def_property_readonly("blocks", &blocks_list,
                             "Every block of the page in document order (list of Block), "
                             "with its label, score and reason.")
      .def("to_dict", &result_dict,
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
            if (!source.is_none()) {
              jo.with_source = true;
              jo.source = opt_string(source, "source");
            }
            std::string json = extractor::render_json(r.result, jo);
            if (!r.error.empty()) {  // the same keys, plus the error
              json.pop_back();
              if (!json.empty() && json.back() == '\n') json.pop_back();
              json += std::string(pretty ? ",\n  " : ",") + "\"error\":" + (pretty ? " " : "") +
                      json_string(r.error) + (pretty ? "\n}" : "}");
            }
            return to_str(json);
          },
          py::kw_only(), "full"_a = false, "blocks"_a = false, "pretty"_a = false,
          "source"_a = py::none(),
          "The JSON the command-line tool writes for this page (byte for byte):\n"
          "url, title, author, authors, date, site_name, language, text, with null\n"
          "where unknown. full adds markdown, description, tags, sources, ...;\n"
          "blocks adds every block; pretty indents by two spaces; source adds a\n"
          "\"source\" key first (the CLI puts the input's name there).")
      .def("__str__", [](const PyResult& r) { return to_str(content(r)); })
      .def("__repr__", &result_repr)
      .def("__eq__", equality<PyResult>(same_result))
      .def(py::pickle(
          [](const PyResult& r) { return py::make_tuple(result_dict(r), format_name(r.format)); },
          [](py::tuple t) {
            if (t.size() != 2) throw std::runtime_error("bad Result pickle");
            PyResult r = result_from_dict(t[0]);
            r.format =
                enum_from_name(t[1].cast<std::string>(),
                               {Format::kText, Format::kMarkdown, Format::kHtml, Format::kJson},
                               format_name, "format");
            return r;
          }));

  py::class_<PyExtractor>(
      m, "Extractor",
      "Extractor(**options): options checked and patterns compiled once;\n"
      "then extract() any number of pages, from any number of threads.\n\n"
      "Options (all keyword, all optional; None means the default):\n"
      "  format            \"text\" (default), \"markdown\", \"html\" or \"json\":\n"
      "                    what Result.content and str(result) give\n"
      "  include_comments  keep comment threads in Result.comments (False)\n"
      "  focus             \"precision\", \"balanced\" (default) or \"recall\"\n"
      "  include_tables    data tables are part of the article (True)\n"
      "  include_images    Markdown/HTML keep images and captions (True)\n"
      "  include_links     Markdown/HTML keep link targets (False)\n"
      "  max_input_bytes   larger input raises Error (64 MiB)\n"
      "  max_depth         element nesting followed, 16..100000 (512)\n\n"
      "An unknown option or a bad value raises extractor.Error.")
      .def(py::init([](const py::kwargs& kwargs) { return make_extractor(kwargs); }))
      .def(
          "extract",
          [](const PyExtractor& pe, py::handle html, py::handle url, py::handle charset,
             py::handle reference_date) {
            return extract_one(pe, html, url, charset, reference_date);
          },
          "html"_a, "url"_a = py::none(), py::kw_only(), "charset"_a = py::none(),
          "reference_date"_a = py::none(),
          "Extracts the article from one page; the GIL is released meanwhile.\n\n"
          "html is str or bytes. bytes are decoded like a browser would (BOM,\n"
          "charset, <meta charset>, detection); charset, when given, is the one the\n"
          "transport declared (HTTP Content-Type) and wins unless the bytes\n"
          "contradict it. A str is already text: charset is ignored. url is the\n"
          "page's address (relative links, dates in the path). reference_date\n"
          "(\"YYYY-MM-DD\" or a datetime.date) is the day the page was fetched:\n"
          "later dates are impossible, and \"3 hours ago\" is read against it.\n\n"
          "Raises extractor.Error when the input is over max_input_bytes.")
      .def(
          "extract_many",
          [](const PyExtractor& pe, py::iterable pages, long long threads, py::handle charset,
             py::handle reference_date) {
            return extract_many(pe, pages, threads, charset, reference_date);
          },
          "pages"_a, py::kw_only(), "threads"_a = 0, "charset"_a = py::none(),
          "reference_date"_a = py::none(),
          "Extracts many pages on `threads` native threads (0: one per core) without\n"
          "the GIL; returns the Results in input order. Each page is html, (html,\n"
          "url) or (html, url, charset); charset and reference_date apply to all.\n"
          "A page that fails gets a Result with\n"
          "`error` set; it never costs the others.")
      .def_property_readonly("options", &options_dict, "The options, defaults filled in (a dict).")
      .def("__repr__",
           [](const PyExtractor& pe) {
             std::string out = "extractor.Extractor(";
             bool first = true;
             for (auto item : options_dict(pe)) {
               out += std::string(first ? "" : ", ") + py::str(item.first).cast<std::string>() +
                      "=" + py::repr(item.second).cast<std::string>();
               first = false;
             }
             return out + ")";
           })
      .def(py::pickle([](const PyExtractor& pe) { return options_dict(pe); },
                      [](const py::dict& d) { return make_extractor(d); }));

  m.def("_markdown_escape",
        [](const std::string& text) { return to_str(extractor::markdown_escape(text)); },
        "text"_a, "Plain text written so that Markdown shows it as it is.");
  m.def("_time_extract", &time_extract, "extractor"_a, "pages"_a, "repeat"_a = 1,
        "Benchmark helper: seconds that `repeat` passes of a C++ loop of\n"
        "Extractor::extract over `pages` take (no Python per page).");
}
