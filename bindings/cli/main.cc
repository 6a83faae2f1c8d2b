// extractor [options] [FILE|DIR|-]...: the command (bindings/cli/cli.cc) on
// the process's standard streams.
#include <csignal>
#include <cstdio>
#include <string>
#include <vector>

#include "cli.h"

int main(int argc, char** argv) {
  // A closed pipe (| head) is then reported by fwrite, not by a signal.
  std::signal(SIGPIPE, SIG_IGN);
  return extractor::cli::run(std::vector<std::string>(argv, argv + argc), stdin, stdout, stderr);
}
