// extractor [options] [FILE|DIR|-]...
//
// Maps flags onto extractor::Options and DocumentOptions, turns files,
// directories and standard input into the pages of one batch
// (Extractor::extract_many: input order, N threads, the documents written
// by the library), and writes them out. No extraction or layout logic lives
// here.
#include "cli.h"

#include <zlib.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "extractor/extractor.h"

namespace extractor::cli {
namespace {

namespace fs = std::filesystem;

struct Input {
  std::string name;   // what the user named: a path, or "-" for standard input
  std::string error;  // set when the input could not even be listed
};

bool has_page_extension(const fs::path& p) {
  std::string name = p.filename().string();
  std::transform(name.begin(), name.end(), name.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (name.size() > 3 && name.compare(name.size() - 3, 3, ".gz") == 0)
    name.resize(name.size() - 3);
  for (const char* ext : {".html", ".htm", ".xhtml"}) {
    const std::size_t n = std::strlen(ext);
    if (name.size() > n && name.compare(name.size() - n, n, ext) == 0) return true;
  }
  return false;
}

// Expands directories (recursively, sorted) into their page files. Symlinked
// directories are not followed, so that a link loop cannot recur forever;
// a directory that cannot be read, and a page name whose link leads nowhere
// (dangling, or a loop), become inputs with an error, reported in their
// place, rather than being skipped in silence.
void list_directory(const std::string& root, std::vector<Input>* inputs) {
  std::vector<Input> found;
  std::vector<fs::path> pending = {fs::path(root)};
  while (!pending.empty()) {
    const fs::path dir = std::move(pending.back());
    pending.pop_back();
    std::error_code ec;
    fs::directory_iterator it(dir, ec);
    if (ec) {
      found.push_back({dir.string(), "cannot read directory: " + ec.message()});
      continue;
    }
    for (const fs::directory_iterator end; it != end; it.increment(ec)) {
      const fs::path path = it->path();
      std::error_code lec;
      const fs::file_status link = it->symlink_status(lec);
      if (fs::is_symlink(link)) {
        std::error_code tec;
        const fs::file_status target = fs::status(path, tec);
        if (tec && has_page_extension(path)) {
          found.push_back({path.string(), tec.message()});
        } else if (!tec && fs::is_regular_file(target) && has_page_extension(path)) {
          found.push_back({path.string(), {}});
        }
      } else if (fs::is_directory(link)) {
        pending.push_back(path);
      } else if (fs::is_regular_file(link) && has_page_extension(path)) {
        found.push_back({path.string(), {}});
      }
    }
    if (ec) found.push_back({dir.string(), "cannot read directory: " + ec.message()});
  }
  std::sort(found.begin(), found.end(),
            [](const Input& a, const Input& b) { return a.name < b.name; });
  for (Input& f : found) inputs->push_back(std::move(f));
}

std::vector<Input> list_inputs(const std::vector<std::string>& args) {
  std::vector<Input> inputs;
  for (const std::string& arg : args) {
    std::error_code ec;
    if (arg != "-" && fs::is_directory(arg, ec)) {
      list_directory(arg, &inputs);
    } else {
      inputs.push_back({arg, {}});
    }
  }
  return inputs;
}

std::string limit_error(std::size_t limit) {
  return "input exceeds the size limit of " + std::to_string(limit) + " bytes";
}

// Everything `read` (fread or gzread) gives, up to `limit` bytes.
template <typename Read>
bool read_all(Read read, std::size_t limit, std::string* out, std::string* error) {
  char buf[1 << 16];
  for (;;) {
    const long n = read(buf, sizeof buf);
    if (n < 0) return false;  // `read` said why
    if (n == 0) return true;
    out->append(buf, static_cast<std::size_t>(n));
    if (out->size() > limit) {
      *error = limit_error(limit);
      return false;
    }
  }
}

bool read_stream(std::FILE* f, std::size_t limit, std::string* out, std::string* error) {
  return read_all(
      [&](char* buf, std::size_t size) -> long {
        const std::size_t n = std::fread(buf, 1, size, f);
        if (n == 0 && std::ferror(f)) {
          *error = std::string("read error: ") + std::strerror(errno);
          return -1;
        }
        return static_cast<long>(n);
      },
      limit, out, error);
}

// Reads a file, gunzipping *.gz, or `in` for "-"; refuses more than `limit` bytes.
bool read_input(const std::string& name, std::FILE* in, std::size_t limit, std::string* out,
                std::string* error) {
  if (name == "-") return read_stream(in, limit, out, error);
  std::error_code ec;
  const auto status = fs::status(name, ec);
  if (ec) {
    *error = ec.message();
    return false;
  }
  if (fs::is_directory(status)) {
    *error = "is a directory";
    return false;
  }
  const bool gz = name.size() > 3 && name.compare(name.size() - 3, 3, ".gz") == 0;
  if (!gz) {
    std::FILE* f = std::fopen(name.c_str(), "rb");
    if (f == nullptr) {
      *error = std::strerror(errno);
      return false;
    }
    const bool ok = read_stream(f, limit, out, error);
    std::fclose(f);
    return ok;
  }
  gzFile f = gzopen(name.c_str(), "rb");
  if (f == nullptr) {
    *error = std::strerror(errno);
    return false;
  }
  const bool ok = read_all(
      [&](char* buf, std::size_t size) -> long {
        const int n = gzread(f, buf, static_cast<unsigned>(size));
        if (n < 0) {
          int code = 0;
          const char* msg = gzerror(f, &code);
          *error = std::string("gzip: ") + (msg ? msg : "read error");
        }
        return n;
      },
      limit, out, error);
  gzclose(f);
  return ok;
}

void write_text(std::FILE* f, const std::string& s) { std::fwrite(s.data(), 1, s.size(), f); }

// A CLI11 validator: the value must name a value of Enum. The help shows
// the names, "{a,b,c}" (an enum's values count up from 0 until to_string()
// says "?").
template <typename Enum>
CLI::Validator one_of() {
  std::string names;
  for (int i = 0; std::string_view(to_string(static_cast<Enum>(i))) != "?"; ++i)
    names += std::string(i == 0 ? "{" : ",") + to_string(static_cast<Enum>(i));
  return CLI::Validator(
      [](std::string& value) -> std::string {
        try {
          from_string<Enum>(value);
          return {};
        } catch (const Error& e) {
          return e.what();
        }
      },
      names + "}");
}

// --explain: the one input's explain view (Extractor::explain) to `to`.
// The exit status: 0, 1 (the input or the output failed), 141 (a closed pipe).
int write_explain(const Extractor& ex, const Input& input, std::FILE* in, const PageInfo& page,
                  std::FILE* to, std::FILE* err, const std::string& to_name) {
  std::string bytes, error = input.error;
  if (error.empty() && read_input(input.name, in, ex.options().max_input_bytes, &bytes, &error)) {
    try {
      const std::string view = ex.explain(bytes, page).html;
      errno = 0;
      if (std::fwrite(view.data(), 1, view.size(), to) == view.size() && std::fflush(to) == 0)
        return 0;
      const int e = errno != 0 ? errno : EIO;
      if (e == EPIPE) return 141;
      write_text(err, "extractor: cannot write " + to_name + ": " + std::strerror(e) + "\n");
      return 1;
    } catch (const std::exception& e) {
      error = e.what();
    }
  }
  write_text(err, "extractor: " + input.name + ": " + error + "\n");
  return 1;
}

}  // namespace

int run(const std::vector<std::string>& args, std::FILE* in, std::FILE* out, std::FILE* err) {
  CLI::App app{
      "Extracts the article (text, title, authors, date) from saved web pages.\n"
      "Inputs are files, directories (searched recursively for *.html, *.htm,\n"
      "*.xhtml, also gzipped) or - for standard input.",
      "extractor"};
  std::vector<std::string> names;
  std::string format_name;
  std::string focus_name = "balanced";
  std::string output_path;
  DocumentOptions doc;
  PageInfo page;
  Options options;
  unsigned threads = 0;
  bool no_images = false;
  bool no_tables = false;
  app.add_option("inputs", names, "FILE, DIR or - (default: -)");
  app.add_option("-f,--format", format_name,
                 "text, markdown, html, json or jsonl (default: text for one input, "
                 "jsonl for several)")
      ->check(one_of<Format>());
  app.add_option("-u,--url", page.url, "the page's URL (one input only)");
  app.add_option("--charset", page.charset, "decode the input(s) as this charset");
  app.add_option("--reference-date", page.reference_date,
                 "YYYY-MM-DD: the day relative dates count from, and the latest date a "
                 "page may carry (default: today)");
  app.add_flag("--include-comments", options.include_comments,
               "keep comment threads, after the article");
  app.add_option("--focus", focus_name, "precision, balanced (default) or recall")
      ->check(one_of<Focus>());
  app.add_flag("--links", options.include_links, "keep link targets in Markdown/HTML");
  app.add_flag("--no-images", no_images, "leave images out of Markdown/HTML");
  app.add_flag("--no-tables", no_tables, "leave tables out");
  app.add_flag("-m,--with-metadata", doc.with_metadata,
               "text/markdown: title, author, date before the text");
  app.add_flag("--full", doc.full, "json: add markdown, description, tags, sources, ...");
  app.add_flag("--blocks", doc.with_blocks, "json: add every block with its label and score");
  app.add_option("-o,--output", output_path, "write to FILE instead of standard output");
  bool explain = false;
  app.add_flag("--explain", explain,
               "one input: write its explain view (an HTML file: the page with every "
               "block's decision drawn on it) instead of the text");
  app.add_option("-j,--threads", threads, "worker threads (default: all cores)");
  app.add_option("--max-input-bytes", options.max_input_bytes,
                 "refuse inputs larger than this (default: 64 MiB)")
      ->check(CLI::PositiveNumber);
  app.footer(
      "Exit status: 0 every input done; 1 an input could not be read or was refused\n"
      "(its message is on standard error, and with json/jsonl an \"error\" line\n"
      "stands in its place; every other input's result is still written), or the\n"
      "output could not be written; 2 usage error, or the -o file cannot be opened;\n"
      "141 standard output was closed early (| head), as for cat or grep.");
  app.set_version_flag("--version", std::string("extractor ") + version());
  try {
    std::vector<const char*> argv;
    for (const std::string& a : args) argv.push_back(a.c_str());
    app.parse(static_cast<int>(argv.size()), argv.data());
  } catch (const CLI::ParseError& e) {
    std::ostringstream o, e2;
    const int status = app.exit(e, o, e2);
    write_text(out, o.str());
    write_text(err, e2.str());
    std::fflush(out);
    return status == 0 ? 0 : 2;
  }

  if (names.empty()) names.push_back("-");
  options.include_images = !no_images;
  options.include_tables = !no_tables;
  options.focus = from_string<Focus>(focus_name);
  const std::vector<Input> inputs = list_inputs(names);
  doc.several = inputs.size() != 1 || names.size() != 1 ||
                (names[0] != "-" && fs::is_directory(names[0]));
  if (doc.several && !page.url.empty()) {
    write_text(err, "extractor: --url applies to a single input\n");
    return 2;
  }
  if (explain && (doc.several || !format_name.empty())) {
    write_text(err, "extractor: --explain takes one page, and no --format\n");
    return 2;
  }
  if (format_name.empty()) {
    doc.format = doc.several ? Format::kJsonLines : Format::kText;
  } else {
    doc.format = from_string<Format>(format_name);
  }

  std::FILE* to = out;
  if (!output_path.empty()) {
    to = std::fopen(output_path.c_str(), "wb");
    if (to == nullptr) {
      write_text(err,
                 "extractor: cannot write " + output_path + ": " + std::strerror(errno) + "\n");
      return 2;
    }
  }

  const Extractor ex(options);
  if (explain) {
    const int status = write_explain(ex, inputs.front(), in, page, to, err,
                                     output_path.empty() ? "standard output" : output_path);
    if (to != out) std::fclose(to);
    return status;
  }
  BatchOptions batch;
  if (threads == 0) threads = std::max(1u, std::thread::hardware_concurrency());
  batch.threads = std::max<unsigned>(1, std::min<std::size_t>(threads, inputs.size()));
  batch.document = doc;
  batch.load = [&](BatchPage& p) {
    read_input(p.source, in, options.max_input_bytes, &p.owned, &p.error);
  };
  std::size_t next = 0;
  int status = 0;
  int output_errno = 0;  // set when writing failed
  ex.extract_many(
      [&](BatchPage& p) {
        if (next == inputs.size()) return false;
        p.source = inputs[next].name;
        p.error = inputs[next].error;
        p.info = page;
        ++next;
        return true;
      },
      [&](BatchResult& r) {
        if (!r.error.empty()) {
          write_text(err, "extractor: " + r.source + ": " + r.error + "\n");
          std::fflush(err);
          status = 1;
        }
        errno = 0;
        if (!r.document.empty() &&
            std::fwrite(r.document.data(), 1, r.document.size(), to) != r.document.size()) {
          output_errno = errno != 0 ? errno : EIO;
          return false;
        }
        return true;
      },
      batch);
  if (output_errno == 0 && std::fflush(to) != 0) output_errno = errno != 0 ? errno : EIO;
  if (to != out && std::fclose(to) != 0 && output_errno == 0)
    output_errno = errno != 0 ? errno : EIO;
  // The reader went away (| head): stop quietly, with the status a shell
  // reports for a process that SIGPIPE ended (128 + 13), as cat and grep do.
  if (output_errno == EPIPE) return 141;
  if (output_errno != 0) {
    write_text(err, "extractor: cannot write " +
                        (output_path.empty() ? std::string("standard output") : output_path) +
                        ": " + std::strerror(output_errno) + "\n");
    return 1;
  }
  return status;
}

}  // namespace extractor::cli
