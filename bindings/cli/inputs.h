// What the command reads: its arguments (and -i lists) turned into inputs,
// the bytes of a page file, and where --output-dir puts each result.
#ifndef EXTRACTOR_BINDINGS_CLI_INPUTS_H_
#define EXTRACTOR_BINDINGS_CLI_INPUTS_H_

#include <cstdio>
#include <string>
#include <vector>

namespace extractor::cli {

struct Input {
  std::string name;   // what the user named: a path, or "-" for standard input
  std::string error;  // set when the input could not even be listed
  bool warc = false;  // a WARC file (*.warc, *.warc.gz): many pages
};

// Files as named, directories searched recursively (sorted) for page files
// (*.html, *.htm, *.xhtml, also gzipped) and WARC files (*.warc, *.warc.gz);
// "-" is standard input. A URL that names no file becomes an input in error
// ("pages are not fetched").
std::vector<Input> list_inputs(const std::vector<std::string>& args);

// The lines of a -i list (blank lines skipped), from `path` or, for "-",
// from `in`; false with `error` set when it cannot be read.
bool read_list(const std::string& path, std::FILE* in, std::vector<std::string>* names,
               std::string* error);

// Reads a file, gunzipping *.gz, or `in` for "-"; refuses more than `limit`
// bytes (then `error` says so).
bool read_input(const std::string& name, std::FILE* in, std::size_t limit, std::string* out,
                std::string* error);

// Where --output-dir DIR puts the result of input `name`: DIR, then the
// input's path as given (made relative: a root, "." and ".." dropped),
// its extension replaced by `ext` (".txt"); standard input is "stdin".
std::string output_path(const std::string& dir, const std::string& name, const std::string& ext);

// True when `s` reads as a URL (scheme "://"), not as a file name.
bool looks_like_url(const std::string& s);

}  // namespace extractor::cli

#endif  // EXTRACTOR_BINDINGS_CLI_INPUTS_H_
