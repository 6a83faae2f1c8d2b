// The command's inputs: arguments and -i lists into files, directories
// searched for pages and WARC files, page files read (gunzipped), and the
// file --output-dir writes each result to.
#include "inputs.h"

#include <zlib.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>

namespace extractor::cli {
namespace {

namespace fs = std::filesystem;

std::string lower_name(const fs::path& p) {
  std::string name = p.filename().string();
  std::transform(name.begin(), name.end(), name.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return name;
}

bool ends_with(const std::string& s, const char* suffix) {
  const std::size_t n = std::strlen(suffix);
  return s.size() > n && s.compare(s.size() - n, n, suffix) == 0;
}

bool is_warc(const fs::path& p) {
  const std::string name = lower_name(p);
  return ends_with(name, ".warc") || ends_with(name, ".warc.gz");
}

// A page file or a WARC file (what a directory is searched for).
bool has_page_extension(const fs::path& p) {
  std::string name = lower_name(p);
  if (ends_with(name, ".gz")) name.resize(name.size() - 3);
  for (const char* ext : {".html", ".htm", ".xhtml", ".warc"})
    if (ends_with(name, ext)) return true;
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
          found.push_back({path.string(), {}, is_warc(path)});
        }
      } else if (fs::is_directory(link)) {
        pending.push_back(path);
      } else if (fs::is_regular_file(link) && has_page_extension(path)) {
        found.push_back({path.string(), {}, is_warc(path)});
      }
    }
    if (ec) found.push_back({dir.string(), "cannot read directory: " + ec.message()});
  }
  std::sort(found.begin(), found.end(),
            [](const Input& a, const Input& b) { return a.name < b.name; });
  for (Input& f : found) inputs->push_back(std::move(f));
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

}  // namespace

bool looks_like_url(const std::string& s) {
  const std::size_t colon = s.find("://");
  if (colon == std::string::npos || colon == 0) return false;
  if (!std::isalpha(static_cast<unsigned char>(s[0]))) return false;
  for (std::size_t i = 1; i < colon; ++i) {
    const char c = s[i];
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '+' && c != '-' && c != '.')
      return false;
  }
  return true;
}

std::vector<Input> list_inputs(const std::vector<std::string>& args) {
  std::vector<Input> inputs;
  for (const std::string& arg : args) {
    std::error_code ec;
    if (arg != "-" && fs::is_directory(arg, ec)) {
      list_directory(arg, &inputs);
    } else if (looks_like_url(arg) && !fs::exists(arg, ec)) {
      inputs.push_back({arg,
                        "pages are not fetched: save the page first (curl -o page.html URL), "
                        "then give the file, with --url URL for its address"});
    } else {
      inputs.push_back({arg, {}, arg != "-" && is_warc(arg)});
    }
  }
  return inputs;
}

bool read_list(const std::string& path, std::FILE* in, std::vector<std::string>* names,
               std::string* error) {
  std::string text;
  if (!read_input(path, in, std::size_t{1} << 30, &text, error)) return false;
  std::size_t at = 0;
  while (at < text.size()) {
    std::size_t eol = text.find('\n', at);
    if (eol == std::string::npos) eol = text.size();
    std::string line = text.substr(at, eol - at);
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (!line.empty()) names->push_back(std::move(line));
    at = eol + 1;
  }
  return true;
}

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


std::string output_path(const std::string& dir, const std::string& name, const std::string& ext) {
  if (name == "-") return (fs::path(dir) / ("stdin" + ext)).string();
  fs::path rel;
  for (const fs::path& part : fs::path(name).relative_path()) {
    if (part == "." || part == ".." || part.empty()) continue;
    rel /= part;
  }
  std::string file = rel.filename().string();
  std::string lower = lower_name(rel);
  if (ends_with(lower, ".gz")) {
    file.resize(file.size() - 3);
    lower.resize(lower.size() - 3);
  }
  const std::size_t dot = file.rfind('.');
  if (dot != std::string::npos && dot > 0) file.resize(dot);
  return (fs::path(dir) / rel.parent_path() / (file + ext)).string();
}

}  // namespace extractor::cli
