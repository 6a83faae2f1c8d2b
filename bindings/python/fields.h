// Field tables: one row per attribute of a Python type, which gives its
// read-only property, its to_dict() entry and its from_dict() reading alike
// (types.cc declares the rows of Span, Block and Result).
#ifndef EXTRACTOR_BINDINGS_PYTHON_FIELDS_H_
#define EXTRACTOR_BINDINGS_PYTHON_FIELDS_H_

#include <algorithm>
#include <initializer_list>
#include <iterator>
#include <string>

#include "types.h"

namespace extractor_python {

// `v` as a T, or a TypeError (from_dict() says which key).
template <typename T>
T as(py::handle v) {
  try {
    return v.cast<T>();
  } catch (const py::cast_error&) {
    throw py::type_error("has the wrong type (" + type_name(v) + ")");
  }
}

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
    if (v == nullptr || v == Py_None || f.set == nullptr) continue;
    try {
      f.set(out, v);
    } catch (const py::type_error& e) {
      throw py::type_error(std::string(what) + ": '" + f.name + "' " + e.what());
    }
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
Enum enum_of(py::handle v) {
  return extractor::from_string<Enum>(as<std::string>(v));
}

}  // namespace extractor_python

#endif  // EXTRACTOR_BINDINGS_PYTHON_FIELDS_H_
