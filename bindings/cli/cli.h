// The `extractor` command, as a function: the executable (main.cc) and the
// Python module's `python -m extractor` both run this one implementation.
#ifndef EXTRACTOR_BINDINGS_CLI_CLI_H_
#define EXTRACTOR_BINDINGS_CLI_CLI_H_

#include <cstdio>
#include <string>
#include <vector>

namespace extractor::cli {

// Runs the command with `args` (args[0] is the program's name): pages from
// the files, directories or `in` ("-") it names, documents to `out` (or the
// -o file), messages to `err`. Returns the exit status: 0 every input done;
// 1 an input could not be read or was refused, or the output could not be
// written; 2 usage error; 141 `out` was closed by its reader. The caller
// ignores SIGPIPE, so that a closed output is an error to write rather than
// a signal.
int run(const std::vector<std::string>& args, std::FILE* in, std::FILE* out, std::FILE* err);

}  // namespace extractor::cli

#endif  // EXTRACTOR_BINDINGS_CLI_CLI_H_
