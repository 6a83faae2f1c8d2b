// extractor._extractor's two halves share this: the objects it wraps and
// the conversions both use. types.cc defines Span, Block and Result as
// Python sees them; module.cc the module, Extractor and the calls.
#ifndef EXTRACTOR_BINDINGS_PYTHON_TYPES_H_
#define EXTRACTOR_BINDINGS_PYTHON_TYPES_H_

#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <string>
#include <vector>

#include "extractor/extractor.h"

namespace extractor_python {

namespace py = pybind11;

// The Extractor plus the format that Result.content and str(result) give.
struct PyExtractor {
  extractor::Extractor ex;
  extractor::Format format = extractor::Format::kText;
  bool explain = false;  // also write each page's explain view (Result.explain_html())
};

// A Result, the error that replaced it (extract_many only), and the format
// chosen for Result.content.
struct PyResult {
  extractor::Result result;
  std::string error;
  extractor::Format format = extractor::Format::kText;
  bool explained = false;  // made with explain=True: `view` is its explain view
  std::string view;
};

// Strings: the library promises valid UTF-8; "replace" keeps a broken
// promise from turning into an exception on attribute access.
inline py::str to_str(const std::string& s) {
  PyObject* o = PyUnicode_DecodeUTF8(s.data(), static_cast<Py_ssize_t>(s.size()), "replace");
  if (o == nullptr) throw py::error_already_set();
  return py::reinterpret_steal<py::str>(o);
}

inline py::object str_or_none(const std::string& s) {
  return s.empty() ? py::object(py::none()) : to_str(s);
}

inline std::string type_name(py::handle h) { return Py_TYPE(h.ptr())->tp_name; }

// Misuse: extractor.Error with code "invalid_option".
[[noreturn]] inline void invalid(const std::string& message) {
  throw extractor::Error(extractor::ErrorCode::kInvalidOption, message);
}

// A str, or "" for None; else a TypeError naming `what`.
inline std::string opt_string(py::handle h, const char* what) {
  if (h.is_none()) return {};
  if (!PyUnicode_Check(h.ptr()))
    throw py::type_error(std::string(what) + " must be str or None, not " + type_name(h));
  return h.cast<std::string>();
}

// An enum value as the word the JSON uses.
template <typename Enum>
py::object name_of(Enum e) {
  return py::str(extractor::to_string(e));
}

// The format Result.content gives, from its name ("jsonl" is the command's only).
extractor::Format content_format(py::handle name);

// Defines Span, Block and Result in `m`.
void def_result_types(py::module_& m);

// Defines the WARC reader and the WARC batch (warc.cc).
void def_warc(py::module_& m);

}  // namespace extractor_python

#endif  // EXTRACTOR_BINDINGS_PYTHON_TYPES_H_
