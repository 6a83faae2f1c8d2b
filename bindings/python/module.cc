// extractor._extractor: the pybind11 face of the one library.
//
// It converts Python arguments into Options and PageInfo, releases the GIL
// around the library's calls (extract, extract_many, the command), and hands
// back the C++ Result inside a Python object (types.cc) whose attributes are
// converted when read. The Pythonic helpers live in extractor/__init__.py;
// `python -m extractor` runs the command of bindings/cli.
#include <algorithm>
#include <chrono>
#include <limits>
#include <string>
#include <thread>
#include <vector>

#include "cli.h"
#include "types.h"

using namespace pybind11::literals;
namespace py = pybind11;

namespace extractor_python {
namespace {

using extractor::Format;

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

std::string as_name(py::handle v, const std::string& name) {
  if (!PyUnicode_Check(v.ptr()))
    throw py::type_error("option " + name + " must be a str, not " + type_name(v));
  return v.cast<std::string>();
}

// What extraction reads goes to ExtractOptions, what rendering reads to
// RenderOptions (both parts of Options); `format` is the module's own.
PyExtractor make_extractor(const py::dict& kwargs) {
  extractor::Options o;
  Format format = Format::kText;
  bool explain = false;
  for (auto item : kwargs) {
    const std::string key = py::str(item.first);
    py::handle v = item.second;
    if (v.is_none()) continue;  // None: the default
    if (key == "include_comments") {
      o.include_comments = as_bool(v, key);
    } else if (key == "focus") {
      o.focus = extractor::from_string<extractor::Focus>(as_name(v, key));
    } else if (key == "max_input_bytes") {
      o.max_input_bytes = static_cast<std::size_t>(
          as_int(v, key, 1, std::numeric_limits<long long>::max()));
    } else if (key == "max_depth") {  // the library checks the range
      o.max_depth = static_cast<int>(as_int(v, key, std::numeric_limits<int>::min(),
                                            std::numeric_limits<int>::max()));
    } else if (key == "include_tables") {
      o.include_tables = as_bool(v, key);
    } else if (key == "include_images") {
      o.include_images = as_bool(v, key);
    } else if (key == "include_links") {
      o.include_links = as_bool(v, key);
    } else if (key == "format") {
      as_name(v, key);
      format = content_format(v);
    } else if (key == "explain") {
      explain = as_bool(v, key);
    } else {
      invalid("unknown option '" + key + "' (options: include_comments, focus, "
              "max_input_bytes, max_depth, include_tables, include_images, include_links, "
              "format, explain)");
    }
  }
  return {extractor::Extractor(o), format, explain};
}

py::dict options_dict(const PyExtractor& pe) {
  const extractor::Options& o = pe.ex.options();
  return py::dict("format"_a = name_of(pe.format), "include_comments"_a = o.include_comments,
                  "focus"_a = name_of(o.focus), "include_tables"_a = o.include_tables,
                  "include_images"_a = o.include_images, "include_links"_a = o.include_links,
                  "max_input_bytes"_a = o.max_input_bytes, "max_depth"_a = o.max_depth,
                  "explain"_a = pe.explain);
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
  if (pe.explain) {
    extractor::Explained e = pe.ex.explain(page.bytes, page.info);
    out.result = std::move(e.result);
    out.view = std::move(e.html);
    out.explained = true;
  } else {
    out.result = pe.ex.extract(page.bytes, page.info);
  }
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
  batch.explain = pe.explain;
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
          out[r.index].view = std::move(r.explain_html);
          out[r.index].explained = pe.explain && out[r.index].error.empty();
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
}  // namespace extractor_python

PYBIND11_MODULE(_extractor, m) {
  using namespace extractor_python;
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

  def_result_types(m);
  def_warc(m);

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
      "  include_links     Markdown/HTML keep link targets (False)\n"
      "  explain           also write each page's explain view, for\n"
      "                    Result.explain_html() (False)\n\n"
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
               out += (out.empty() ? "" : ", ") + py::str(item.first).cast<std::string>() + "=" +
                      py::repr(item.second).cast<std::string>();
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
