// extractor [options] [FILE|DIR|-]...
//
// Maps flags onto extractor::Options, turns files, directories and stdin into
// inputs, runs one shared Extractor over them on a few threads, and writes
// the results in input order. No extraction logic lives here.
#include <zlib.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <atomic>
#include <cerrno>
#include <condition_variable>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <mutex>
#include <optional>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "extractor/extractor.h"

namespace fs = std::filesystem;

namespace {

enum class Format { kText, kMarkdown, kHtml, kJson, kJsonl };

struct Input {
  std::string name;  // what the user named: a path, or "-" for stdin
  std::string error;  // set when the input could not even be listed
};

struct Outcome {
  std::string output;  // what to write for this input
  std::string error;   // non-empty: the message for stderr
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

bool read_stream(std::istream& in, std::size_t limit, std::string* out, std::string* error) {
  char buf[1 << 16];
  while (in.read(buf, sizeof buf) || in.gcount() > 0) {
    out->append(buf, static_cast<std::size_t>(in.gcount()));
    if (out->size() > limit) {
      *error = "input exceeds the size limit of " + std::to_string(limit) + " bytes";
      return false;
    }
  }
  if (in.bad()) {
    *error = std::string("read error: ") + std::strerror(errno);
    return false;
  }
  return true;
}

// Reads a file, gunzipping *.gz; refuses more than `limit` bytes.
bool read_input(const std::string& name, std::size_t limit, std::string* out,
                std::string* error) {
  if (name == "-") return read_stream(std::cin, limit, out, error);
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
    std::ifstream in(name, std::ios::binary);
    if (!in) {
      *error = std::strerror(errno);
      return false;
    }
    return read_stream(in, limit, out, error);
  }
  gzFile f = gzopen(name.c_str(), "rb");
  if (f == nullptr) {
    *error = std::strerror(errno);
    return false;
  }
  char buf[1 << 16];
  int n;
  while ((n = gzread(f, buf, sizeof buf)) > 0) {
    out->append(buf, static_cast<std::size_t>(n));
    if (out->size() > limit) {
      gzclose(f);
      *error = "input exceeds the size limit of " + std::to_string(limit) + " bytes";
      return false;
    }
  }
  int code = 0;
  const char* msg = n < 0 ? gzerror(f, &code) : nullptr;
  gzclose(f);
  if (n < 0) {
    *error = std::string("gzip: ") + (msg ? msg : "read error");
    return false;
  }
  return true;
}

std::string text_header(const extractor::Metadata& m) {
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
std::string comment_safe(std::string name) {
  for (std::size_t i = name.find("--"); i != std::string::npos; i = name.find("--", i))
    name.replace(i, 2, "- -");
  return name;
}

// Line breaks inside a title or byline would end a Markdown heading.
std::string one_line(std::string text) {
  for (char& c : text)
    if (c == '\n' || c == '\r') c = ' ';
  return text;
}

struct Settings {
  Format format = Format::kText;
  bool with_metadata = false;
  bool full_json = false;
  bool blocks = false;
  extractor::PageInfo page;
  bool multiple = false;
};

Outcome process(const extractor::Extractor& ex, const Input& input, const Settings& s) {
  Outcome o;
  extractor::JsonOptions jo;
  jo.with_source = true;
  jo.source = input.name;
  jo.full = s.full_json;
  jo.with_blocks = s.blocks;
  auto error_line = [&](const std::string& message) {
    o.error = message;
    if (s.format == Format::kJson || s.format == Format::kJsonl) {
      extractor::Result empty;
      std::string json = extractor::render_json(empty, jo);
      // {"source":..., ..., "error": "..."}: same keys, plus the error.
      json.pop_back();
      std::string escaped;
      for (char c : message) {
        if (c == '"' || c == '\\') escaped += '\\';
        if (static_cast<unsigned char>(c) < 0x20) continue;
        escaped += c;
      }
      o.output = json + ",\"error\":\"" + escaped + "\"}\n";
    }
  };
  if (!input.error.empty()) {
    error_line(input.error);
    return o;
  }
  std::string bytes;
  std::string error;
  if (!read_input(input.name, ex.options().max_input_bytes, &bytes, &error)) {
    error_line(error);
    return o;
  }
  extractor::Result r;
  try {
    r = ex.extract(bytes, s.page);
  } catch (const std::exception& e) {
    error_line(e.what());
    return o;
  }
  switch (s.format) {
    case Format::kText:
      if (s.multiple) o.output = "==> " + input.name + " <==\n";
      if (s.with_metadata) o.output += text_header(r.metadata);
      o.output += r.text;
      if (!r.comments.empty()) o.output += "\n\n--- comments ---\n\n" + r.comments;
      o.output += s.multiple ? "\n\n" : "\n";
      break;
    case Format::kMarkdown:
      if (s.multiple) o.output = "<!-- " + comment_safe(input.name) + " -->\n";
      if (s.with_metadata && !r.metadata.title.empty()) {
        o.output += "# " + extractor::markdown_escape(one_line(r.metadata.title)) + "\n\n";
        std::string line = r.metadata.author();
        if (!r.metadata.date.empty()) line += (line.empty() ? "" : " · ") + r.metadata.date;
        if (!line.empty()) o.output += "*" + extractor::markdown_escape(one_line(line)) + "*\n\n";
      }
      o.output += r.markdown;
      if (!r.comments.empty())
        o.output += "\n\n## Comments\n\n" + extractor::markdown_escape(r.comments);
      o.output += s.multiple ? "\n\n" : "\n";
      break;
    case Format::kHtml:
      o.output = r.html;
      break;
    case Format::kJson:
      jo.pretty = !s.multiple;
      o.output = extractor::render_json(r, jo) + "\n";
      break;
    case Format::kJsonl:
      o.output = extractor::render_json(r, jo) + "\n";
      break;
  }
  return o;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{
      "Extracts the article (text, title, authors, date) from saved web pages.\n"
      "Inputs are files, directories (searched recursively for *.html, *.htm,\n"
      "*.xhtml, also gzipped) or - for standard input.",
      "extractor"};
  std::vector<std::string> args;
  std::string format_name;
  std::string focus_name = "balanced";
  std::string output_path;
  Settings s;
  extractor::Options options;
  unsigned threads = 0;
  app.add_option("inputs", args, "FILE, DIR or - (default: -)");
  app.add_option("-f,--format", format_name,
                 "text, markdown, html, json or jsonl (default: text for one input, "
                 "jsonl for several)")
      ->check(CLI::IsMember({"text", "markdown", "html", "json", "jsonl"}));
  app.add_option("-u,--url", s.page.url, "the page's URL (one input only)");
  app.add_option("--charset", s.page.charset, "decode the input(s) as this charset");
  app.add_option("--reference-date", s.page.reference_date,
                 "YYYY-MM-DD: the day relative dates count from, and the latest date a "
                 "page may carry (default: today)");
  app.add_flag("--include-comments", options.include_comments,
               "keep comment threads, after the article");
  app.add_option("--focus", focus_name, "precision, balanced (default) or recall")
      ->check(CLI::IsMember({"precision", "balanced", "recall"}));
  app.add_flag("--links", options.include_links, "keep link targets in Markdown/HTML");
  bool no_images = false;
  bool no_tables = false;
  app.add_flag("--no-images", no_images, "leave images out of Markdown/HTML");
  app.add_flag("--no-tables", no_tables, "leave tables out");
  app.add_flag("-m,--with-metadata", s.with_metadata,
               "text/markdown: title, author, date before the text");
  app.add_flag("--full", s.full_json, "json: add markdown, description, tags, sources, ...");
  app.add_flag("--blocks", s.blocks, "json: add every block with its label and score");
  app.add_option("-o,--output", output_path, "write to FILE instead of standard output");
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
  app.set_version_flag("--version", "extractor 0.1.0");
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? 0 : 2;
  }

  if (args.empty()) args.push_back("-");
  options.include_images = !no_images;
  options.include_tables = !no_tables;
  options.focus = focus_name == "precision" ? extractor::Focus::kPrecision
                  : focus_name == "recall"  ? extractor::Focus::kRecall
                                            : extractor::Focus::kBalanced;
  const std::vector<Input> inputs = list_inputs(args);
  s.multiple = inputs.size() != 1 || args.size() != 1 ||
               (args[0] != "-" && fs::is_directory(args[0]));
  if (s.multiple && !s.page.url.empty()) {
    std::cerr << "extractor: --url applies to a single input\n";
    return 2;
  }
  if (format_name.empty()) {
    s.format = s.multiple ? Format::kJsonl : Format::kText;
  } else {
    s.format = format_name == "text"       ? Format::kText
               : format_name == "markdown" ? Format::kMarkdown
               : format_name == "html"     ? Format::kHtml
               : format_name == "json"     ? Format::kJson
                                           : Format::kJsonl;
  }

  std::FILE* out = stdout;
  if (!output_path.empty()) {
    out = std::fopen(output_path.c_str(), "wb");
    if (out == nullptr) {
      std::cerr << "extractor: cannot write " << output_path << ": " << std::strerror(errno)
                << "\n";
      return 2;
    }
  }
  // A closed pipe (| head) is reported by fwrite, not by a signal.
  std::signal(SIGPIPE, SIG_IGN);

  const extractor::Extractor ex(options);
  if (threads == 0) threads = std::max(1u, std::thread::hardware_concurrency());
  threads = std::min<unsigned>(threads, static_cast<unsigned>(inputs.size()));

  // Workers fill slots; the main thread writes them in input order. A window
  // bounds how far workers run ahead, so memory stays flat on huge batches.
  std::vector<std::optional<Outcome>> slots(inputs.size());
  std::mutex mu;
  std::condition_variable cv;
  std::size_t next = 0;
  std::size_t written = 0;
  const std::size_t window = 8 * std::max(1u, threads);
  bool stop = false;
  auto work = [&] {
    for (;;) {
      std::size_t i;
      {
        std::unique_lock<std::mutex> lock(mu);
        cv.wait(lock, [&] { return stop || next >= inputs.size() || next < written + window; });
        if (stop || next >= inputs.size()) return;
        i = next++;
      }
      Outcome o = process(ex, inputs[i], s);
      {
        std::lock_guard<std::mutex> lock(mu);
        slots[i] = std::move(o);
      }
      cv.notify_all();
    }
  };
  std::vector<std::thread> pool;
  if (threads > 1)
    for (unsigned t = 0; t < threads; ++t) pool.emplace_back(work);

  int status = 0;
  int output_errno = 0;  // set when writing failed
  for (std::size_t i = 0; i < inputs.size(); ++i) {
    Outcome o;
    {
      std::unique_lock<std::mutex> lock(mu);
      if (threads <= 1) {
        lock.unlock();
        ++next;
        o = process(ex, inputs[i], s);
        lock.lock();
      } else {
        cv.wait(lock, [&] { return slots[i].has_value(); });
        o = std::move(*slots[i]);
        slots[i].reset();
      }
      written = i + 1;
    }
    cv.notify_all();
    if (!o.error.empty()) {
      std::cerr << "extractor: " << inputs[i].name << ": " << o.error << "\n";
      status = 1;
    }
    errno = 0;
    if (!o.output.empty() &&
        std::fwrite(o.output.data(), 1, o.output.size(), out) != o.output.size()) {
      output_errno = errno != 0 ? errno : EIO;
      {
        std::lock_guard<std::mutex> lock(mu);
        stop = true;
      }
      cv.notify_all();
      break;
    }
  }
  for (std::thread& t : pool) t.join();
  if (output_errno == 0 && std::fflush(out) != 0) output_errno = errno != 0 ? errno : EIO;
  if (out != stdout && std::fclose(out) != 0 && output_errno == 0)
    output_errno = errno != 0 ? errno : EIO;
  // The reader went away (| head): stop quietly, with the status a shell
  // reports for a process that SIGPIPE ended (128 + 13), as cat and grep do.
  if (output_errno == EPIPE) return 141;
  if (output_errno != 0) {
    std::cerr << "extractor: cannot write "
              << (output_path.empty() ? std::string("standard output") : output_path) << ": "
              << std::strerror(output_errno) << "\n";
    return 1;
  }
  return status;
}
