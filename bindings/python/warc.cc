// extractor._extractor's WARC half: the command's WARC reader
// (bindings/cli/warc.h, one implementation for both) as a Python iterator,
// and batches of a WARC file's pages extracted on native threads without
// the GIL. extractor/__init__.py builds read_warc() and extract_warc() on it.
#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "types.h"
#include "warc.h"

using namespace pybind11::literals;

namespace extractor_python {
namespace {

namespace warc = extractor::warc;

struct PyWarcReader {
  std::string path;
  std::unique_ptr<warc::Reader> reader;
  bool ended = false;
  // Held while reading: the GIL is not, and two Python threads may share
  // one reader.
  std::unique_ptr<std::mutex> mu = std::make_unique<std::mutex>();
};

PyWarcReader open_reader(const std::string& path, std::size_t max_record_bytes) {
  if (max_record_bytes == 0) invalid("max_record_bytes must be > 0");
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (f == nullptr) {
    PyErr_SetFromErrnoWithFilename(PyExc_OSError, path.c_str());
    throw py::error_already_set();
  }
  warc::Options o;
  o.max_record_bytes = max_record_bytes;
  PyWarcReader r;
  r.path = path;
  r.reader = std::make_unique<warc::Reader>(f, o);
  return r;
}

// What a record is, as the tuple extractor.WarcRecord is made of:
// (source, offset, record_id, target_uri, date, charset).
struct Meta {
  std::uint64_t offset = 0;
  std::string record_id, target_uri, date, charset, error;
};

py::tuple meta_tuple(const PyWarcReader& r, const Meta& m) {
  return py::make_tuple(to_str(r.path + "@" + std::to_string(m.offset)), m.offset,
                        str_or_none(m.record_id), str_or_none(m.target_uri), str_or_none(m.date),
                        str_or_none(m.charset));
}

// The next page or fault (false at the end); `html` gets the page's bytes.
bool next_record(PyWarcReader& r, Meta* meta, std::string* html) {
  if (r.ended) return false;
  warc::Page page;
  warc::Fault fault;
  const warc::Reader::Item item = r.reader->next(&page, &fault);
  if (item == warc::Reader::Item::kEnd) {
    r.ended = true;
    return false;
  }
  if (item == warc::Reader::Item::kFault) {
    *meta = Meta{fault.offset, {}, {}, {}, {}, std::move(fault.message)};
    html->clear();
    return true;
  }
  *meta = Meta{page.offset, std::move(page.record_id), std::move(page.target_uri),
               std::move(page.date), std::move(page.charset), {}};
  *html = std::move(page.html);
  return true;
}

// read_warc()'s step: (record tuple, html bytes or None, error or None).
py::object reader_next(PyWarcReader& r) {
  Meta meta;
  std::string html;
  bool more = false;
  {
    py::gil_scoped_release nogil;
    std::lock_guard<std::mutex> lock(*r.mu);
    more = next_record(r, &meta, &html);
  }
  if (!more) throw py::stop_iteration();
  py::object bytes = meta.error.empty()
                         ? py::object(py::bytes(html.data(), html.size()))
                         : py::object(py::none());
  return py::make_tuple(meta_tuple(r, meta), bytes, str_or_none(meta.error));
}

py::dict counts_dict(const PyWarcReader& r) {
  warc::Counts c;
  {
    py::gil_scoped_release nogil;
    std::lock_guard<std::mutex> lock(*r.mu);
    c = r.reader->counts();
  }
  py::dict skipped;
  for (const auto& [why, n] : c.skipped) skipped[to_str(why)] = n;
  return py::dict("records"_a = c.records, "pages"_a = c.pages, "faults"_a = c.faults,
                  "skipped"_a = skipped);
}

// Up to `max_pages` of the reader's pages and faults, extracted on
// `threads` native threads without the GIL: [(record tuple, Result)], in
// file order; empty at the end. Ctrl-C stops it after the pages under way.
py::list extract_chunk(const PyExtractor& pe, PyWarcReader& r, long long threads,
                       std::size_t max_pages, const std::string& date) {
  if (threads < 0) invalid("threads must be >= 0 (0: one per core)");
  std::mutex mu;
  std::vector<Meta> metas;
  std::vector<PyResult> results;
  metas.reserve(max_pages);
  results.reserve(max_pages);
  extractor::BatchOptions batch;
  batch.threads = static_cast<unsigned>(std::min<long long>(threads, 4096));
  if (batch.threads == 0) batch.threads = std::max(1u, std::thread::hardware_concurrency());
  batch.poll = [] {
    py::gil_scoped_acquire gil;
    return PyErr_CheckSignals() == 0;
  };
  {
    py::gil_scoped_release nogil;
    std::lock_guard<std::mutex> reading(*r.mu);
    pe.ex.extract_many(
        [&](extractor::BatchPage& p) {
          Meta meta;
          if (metas.size() == max_pages || !next_record(r, &meta, &p.owned)) return false;
          p.info.url = meta.target_uri;
          p.info.charset = meta.charset;
          p.info.reference_date = date.empty() ? meta.date : date;
          p.error = meta.error;
          std::lock_guard<std::mutex> lock(mu);
          metas.push_back(std::move(meta));
          results.emplace_back();
          return true;
        },
        [&](extractor::BatchResult& b) {
          std::lock_guard<std::mutex> lock(mu);
          results[b.index].result = std::move(b.result);
          results[b.index].error = std::move(b.error);
          return true;
        },
        batch);
  }
  if (PyErr_Occurred()) throw py::error_already_set();  // KeyboardInterrupt
  py::list out(metas.size());
  for (std::size_t i = 0; i < metas.size(); ++i) {
    results[i].format = pe.format;
    out[i] = py::make_tuple(meta_tuple(r, metas[i]), py::cast(std::move(results[i])));
  }
  return out;
}

}  // namespace

void def_warc(py::module_& m) {
  py::class_<PyWarcReader>(m, "_WarcReader",
                           "A WARC file's HTML pages and faults, in file order (see "
                           "extractor.read_warc).")
      .def(py::init(&open_reader), "path"_a, "max_record_bytes"_a = std::size_t{64} << 20)
      .def("__iter__", [](PyWarcReader& r) -> PyWarcReader& { return r; })
      .def("__next__", &reader_next)
      .def_property_readonly("counts", &counts_dict,
                             "{'records', 'pages', 'faults', 'skipped': {why: n}} so far.")
      .def("summary", [](const PyWarcReader& r) {
        py::gil_scoped_release nogil;
        std::lock_guard<std::mutex> lock(*r.mu);
        return warc::summary(r.reader->counts());
      });
  m.def("_extract_warc_chunk", &extract_chunk, "extractor"_a, "reader"_a, "threads"_a,
        "max_pages"_a, "reference_date"_a = std::string());
}

}  // namespace extractor_python
