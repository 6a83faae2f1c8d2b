// extractor [options] [FILE|DIR|WARC|-]...
//
// Maps flags onto extractor::Options and DocumentOptions, turns files,
// directories, WARC records and standard input into the pages of one batch
// (pages.h; Extractor::extract_many: input order, N threads, the documents
// written by the library), and writes them out. No extraction or layout
// logic lives here.
#include "cli.h"

#include <unistd.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <cerrno>
#include <cstring>
#include <deque>
#include <filesystem>
#include <mutex>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "extractor/extractor.h"
#include "inputs.h"
#include "pages.h"

namespace extractor::cli {
namespace {

namespace fs = std::filesystem;

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

// "YYYY-MM-DD", a real day, optionally followed by "T" and a time.
std::string check_date(std::string& value) {
  auto digits = [&](std::size_t at, std::size_t n) {
    int v = 0;
    for (std::size_t i = at; i < at + n; ++i) {
      if (i >= value.size() || value[i] < '0' || value[i] > '9') return -1;
      v = v * 10 + (value[i] - '0');
    }
    return v;
  };
  const int y = digits(0, 4), m = digits(5, 2), d = digits(8, 2);
  static const int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool ok = y > 0 && m >= 1 && m <= 12 && d >= 1 && d <= kDays[m - 1] &&
                  value[4] == '-' && value[7] == '-' &&
                  (value.size() == 10 || value[10] == 'T' || value[10] == ' ') &&
                  !(m == 2 && d == 29 && (y % 4 != 0 || (y % 100 == 0 && y % 400 != 0)));
  return ok ? "" : "not a date YYYY-MM-DD: '" + value + "'";
}

std::string check_charset(std::string& value) {
  return canonical_charset(value).empty() ? "unknown charset '" + value + "'" : "";
}

const char* extension(Format f) {
  switch (f) {
    case Format::kText: return ".txt";
    case Format::kMarkdown: return ".md";
    case Format::kHtml: return ".html";
    case Format::kJson:
    case Format::kJsonLines: return ".json";
  }
  return ".txt";
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

// Writes `text` to `path`, making its directories; the errno, or 0.
int write_file(const std::string& path, const std::string& text) {
  std::error_code ec;
  fs::create_directories(fs::path(path).parent_path(), ec);
  std::FILE* f = std::fopen(path.c_str(), "wb");
  if (f == nullptr) return errno;
  errno = 0;
  const bool ok = std::fwrite(text.data(), 1, text.size(), f) == text.size();
  int e = ok ? 0 : (errno != 0 ? errno : EIO);
  if (std::fclose(f) != 0 && e == 0) e = errno != 0 ? errno : EIO;
  return e;
}


// The command line, as parsed.
struct Flags {
  std::vector<std::string> names;
  std::string list_path;
  std::string format_name;
  std::string focus_name = "balanced";
  std::string output_path;
  std::string output_dir;
  DocumentOptions doc;
  PageInfo page;
  Options options;
  unsigned threads = 0;
  bool no_images = false;
  bool no_tables = false;
  bool explain = false;
};

// The flags, their help and their checks, bound to `f`.
void add_flags(CLI::App& app, Flags& f) {
  app.add_option("inputs", f.names, "FILE, DIR, WARC or - (default: -)");
  app.add_option("-i,--input-list", f.list_path,
                 "read the inputs from FILE, one a line (- for standard input)");
  app.add_option("-f,--format", f.format_name,
                 "text, markdown, html, json or jsonl (default: jsonl when standard output\n"
                 "is not a terminal; on a terminal, text for one page file, jsonl otherwise)")
      ->check(one_of<Format>());
  app.add_option("-u,--url", f.page.url, "the page's URL (one input only)");
  app.add_option("--charset", f.page.charset, "decode the input(s) as this charset")
      ->check(CLI::Validator(check_charset, "NAME"));
  app.add_option("--reference-date", f.page.reference_date,
                 "YYYY-MM-DD: the day relative dates count from, and the latest date a "
                 "page may carry (default: today; a WARC record's own date)")
      ->check(CLI::Validator(check_date, "DATE"));
  app.add_flag("--include-comments", f.options.include_comments,
               "keep comment threads, after the article");
  app.add_option("--focus", f.focus_name, "precision, balanced (default) or recall")
      ->check(one_of<Focus>());
  app.add_flag("--links", f.options.include_links, "keep link targets in Markdown/HTML");
  app.add_flag("--no-images", f.no_images, "leave images out of Markdown/HTML");
  app.add_flag("--no-tables", f.no_tables, "leave tables out");
  app.add_flag("-m,--with-metadata", f.doc.with_metadata,
               "text/markdown: title, author, date before the text");
  app.add_flag("--full", f.doc.full, "json: add markdown, description, tags, sources, ...");
  app.add_flag("--blocks", f.doc.with_blocks, "json: add every block with its label and score");
  auto* to_file = app.add_option("-o,--output", f.output_path,
                                 "write to FILE instead of standard output");
  app.add_option("--output-dir", f.output_dir,
                 "write each input's result to its own file under DIR, mirroring the\n"
                 "input paths (default format: text)")
      ->excludes(to_file);
  app.add_flag("--explain", f.explain,
               "one input: write its explain view (an HTML file: the page with every "
               "block's decision drawn on it) instead of the text");
  app.add_option("-j,--threads", f.threads, "worker threads (default: all cores)");
  app.add_option("--max-input-bytes", f.options.max_input_bytes,
                 "refuse inputs (and WARC records) larger than this (default: 64 MiB)")
      ->check(CLI::PositiveNumber);
  app.footer(
      "A WARC input gives one JSON line per HTML response, with warc_record_id,\n"
      "warc_target_uri and warc_date; other records are skipped and counted, a\n"
      "damaged record is reported with its offset (FILE@OFFSET) and skipped.\n\n"
      "Exit status: 0 every input done; 1 an input (or WARC record) could not be\n"
      "read or was refused (its message is on standard error, and with json/jsonl\n"
      "an \"error\" line stands in its place; every other input's result is still\n"
      "written), or the output could not be written; 2 usage error, or the -o file\n"
      "cannot be opened; 141 standard output was closed early (| head).");
  app.set_version_flag("--version", std::string("extractor ") + version());
}

// What the parsed flags decide: the inputs, and whether they are several.
struct Plan {
  std::vector<Input> inputs;
  bool any_warc = false;
  bool several = false;  // more than one input, a directory, a list or a WARC file
};

// Settles what the flags leave open: the inputs (a -i list's lines, or the
// names; standard input when none), the options, whether there are several
// pages, and the format. The exit status of a usage error (2, its message on
// `err`), or 0.
int settle(Flags& f, std::FILE* in, std::FILE* out, std::FILE* err, Plan* p) {
  if (!f.list_path.empty()) {
    std::string error;
    if (!read_list(f.list_path, in, &f.names, &error)) {
      write_text(err, "extractor: cannot read the list " + f.list_path + ": " + error + "\n");
      return 2;
    }
  } else if (f.names.empty()) {
    f.names.push_back("-");
  }
  f.options.include_images = !f.no_images;
  f.options.include_tables = !f.no_tables;
  f.options.focus = from_string<Focus>(f.focus_name);
  p->inputs = list_inputs(f.names);
  p->any_warc =
      std::any_of(p->inputs.begin(), p->inputs.end(), [](const Input& i) { return i.warc; });
  p->several = p->inputs.size() != 1 || f.names.size() != 1 || !f.list_path.empty() ||
               p->any_warc || (f.names[0] != "-" && fs::is_directory(f.names[0]));
  if (p->several && !f.page.url.empty()) {
    write_text(err, "extractor: --url applies to a single input\n");
    return 2;
  }
  if (f.explain &&
      (p->several || p->any_warc || !f.format_name.empty() || !f.output_dir.empty())) {
    write_text(err, "extractor: --explain takes one page, and no --format\n");
    return 2;
  }
  // The format never depends on how many inputs there are when the output
  // is read by a program (a pipe, a file): xargs batches of one and of many
  // give the same JSON lines. A person at a terminal gets one page as text.
  const bool terminal = f.output_path.empty() && isatty(fileno(out)) != 0;
  if (!f.format_name.empty()) {
    f.doc.format = from_string<Format>(f.format_name);
  } else if (!f.output_dir.empty()) {
    f.doc.format = Format::kText;
  } else {
    f.doc.format = terminal && !p->several ? Format::kText : Format::kJsonLines;
  }
  f.doc.several = p->several && f.output_dir.empty();
  return 0;
}

// The batch: every page through Extractor::extract_many, each document
// written to `to` in input order, or to its own file under --output-dir.
// Returns the status of the inputs (0, or 1 when one failed); a failed
// write to `to` stops the batch and leaves its errno in `output_errno`.
int extract_all(const Extractor& ex, const Flags& f, const Plan& plan, std::FILE* in,
                std::FILE* to, std::FILE* err, int* output_errno) {
  BatchOptions batch;
  const unsigned threads =
      f.threads != 0 ? f.threads : std::max(1u, std::thread::hardware_concurrency());
  batch.threads = plan.any_warc
                      ? threads
                      : std::max<unsigned>(1, std::min<std::size_t>(threads, plan.inputs.size()));
  batch.document = f.doc;
  batch.load = [&](BatchPage& p) {
    if (p.owned.empty()) read_input(p.source, in, f.options.max_input_bytes, &p.owned, &p.error);
  };
  Pages pages(plan.inputs, f.page, f.options.max_input_bytes, err);
  std::mutex names_mu;
  std::deque<std::string> out_names;  // --output-dir: the names of the pages under way
  Progress progress(err);
  batch.poll = [&] {
    progress.tick();
    return true;
  };
  int status = 0;
  ex.extract_many(
      [&](BatchPage& p) {
        std::string name;
        if (!pages.next(p, &name)) return false;
        std::lock_guard<std::mutex> lock(names_mu);
        out_names.push_back(std::move(name));
        return true;
      },
      [&](BatchResult& r) {
        std::string name;
        {
          std::lock_guard<std::mutex> lock(names_mu);
          name = std::move(out_names.front());
          out_names.pop_front();
        }
        progress.count(!r.error.empty());
        if (!r.error.empty()) {
          progress.clear();
          write_text(err, "extractor: " + r.source + ": " + r.error + "\n");
          std::fflush(err);
          status = 1;
        }
        if (!f.output_dir.empty()) {
          if (r.document.empty() && !r.error.empty()) return true;
          const std::string path = output_path(f.output_dir, name, extension(f.doc.format));
          if (const int e = write_file(path, r.document); e != 0) {
            progress.clear();
            write_text(err, "extractor: cannot write " + path + ": " + std::strerror(e) + "\n");
            status = 1;
          }
          return true;
        }
        errno = 0;
        if (!r.document.empty() &&
            std::fwrite(r.document.data(), 1, r.document.size(), to) != r.document.size()) {
          *output_errno = errno != 0 ? errno : EIO;
          return false;
        }
        progress.tick();
        return true;
      },
      batch);
  progress.clear();
  return status;
}

}  // namespace

int run(const std::vector<std::string>& args, std::FILE* in, std::FILE* out, std::FILE* err) {
  CLI::App app{
      "Extracts the article (text, title, authors, date) from saved web pages.\n"
      "Inputs are files, directories (searched recursively for *.html, *.htm,\n"
      "*.xhtml, also gzipped, and *.warc, *.warc.gz), WARC files (the HTML\n"
      "responses in them) or - for standard input. Pages are not fetched.",
      "extractor"};
  Flags f;
  add_flags(app, f);
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
  Plan p;
  if (const int status = settle(f, in, out, err, &p); status != 0) return status;

  std::FILE* to = out;
  const std::string to_name = f.output_path.empty() ? "standard output" : f.output_path;
  if (!f.output_path.empty()) {
    to = std::fopen(f.output_path.c_str(), "wb");
    if (to == nullptr) {
      write_text(err, "extractor: cannot write " + f.output_path + ": " +
                          std::strerror(errno) + "\n");
      return 2;
    }
  }
  const Extractor ex(f.options);
  if (f.explain) {
    const int status = write_explain(ex, p.inputs.front(), in, f.page, to, err, to_name);
    if (to != out) std::fclose(to);
    return status;
  }
  int output_errno = 0;  // set when writing failed
  const int status = extract_all(ex, f, p, in, to, err, &output_errno);
  if (output_errno == 0 && std::fflush(to) != 0) output_errno = errno != 0 ? errno : EIO;
  if (to != out && std::fclose(to) != 0 && output_errno == 0)
    output_errno = errno != 0 ? errno : EIO;
  // The reader went away (| head): stop quietly, with the status a shell
  // reports for a process that SIGPIPE ended (128 + 13), as cat and grep do.
  if (output_errno == EPIPE) return 141;
  if (output_errno != 0) {
    write_text(err, "extractor: cannot write " + to_name + ": " + std::strerror(output_errno) +
                        "\n");
    return 1;
  }
  return status;
}

}  // namespace extractor::cli
