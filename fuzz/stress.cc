// extractor-stress: time and peak memory of extract() on the hostile pages of
// fuzz/hostile.h, at several sizes, so that linearity can be seen (and a
// regression to quadratic time caught by eye): at 10x the size a case should
// take about 10x the time.
//
//   extractor-stress                         every case at 1%, 10%, 100% of its size
//   extractor-stress --case nested_divs --scales 0.01,0.1,1,2
//   extractor-stress --timeout 60            a case still running after 60 s is killed
//   extractor-stress --write-seeds DIR       each case, small (<= 16 KiB), as DIR/NAME.html:
//                                            seeds for the fuzzer (fuzz/make_corpus.sh)
//
// Each measurement runs in a child process, so its peak RSS is its own; the
// time is that of extract() alone (generating the page is not counted).
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <string>
#include <vector>

#include "extractor/extractor.h"
#include "hostile.h"

namespace {

struct Report {
  double seconds = 0;      // wall time of extract()
  double cpu_seconds = 0;  // CPU time of extract()
  std::size_t input = 0;
  std::size_t text = 0;
  std::size_t blocks = 0;
  int error = 0;  // 1: extractor::Error thrown
};

void usage() {
  std::fprintf(stderr,
               "usage: extractor-stress [--case NAME]... [--scales S,S,...] [--timeout SECONDS]\n"
               "       extractor-stress --write-seeds DIR\n");
}

// Each case at the largest n whose page fits in `limit` bytes (the fuzzer's
// -max_len), halving from its full size.
int write_seeds(const std::string& dir, std::size_t limit) {
  for (const auto& c : extractor::hostile::cases()) {
    std::string page;
    for (std::size_t n = 1024; n >= 1; n /= 2) {
      page = c.make(n);
      if (page.size() <= limit) break;
    }
    if (page.size() > limit) page.resize(limit);
    std::ofstream out(dir + "/" + c.name + ".html", std::ios::binary);
    out.write(page.data(), static_cast<std::streamsize>(page.size()));
    if (!out) {
      std::fprintf(stderr, "extractor-stress: cannot write %s/%s.html\n", dir.c_str(), c.name);
      return 1;
    }
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> names;
  std::vector<double> scales = {0.01, 0.1, 1.0};
  int timeout = 120;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--case" && i + 1 < argc) {
      names.push_back(argv[++i]);
    } else if (a == "--scales" && i + 1 < argc) {
      scales.clear();
      for (char* tok = std::strtok(argv[++i], ","); tok; tok = std::strtok(nullptr, ","))
        scales.push_back(std::atof(tok));
    } else if (a == "--write-seeds" && i + 1 < argc) {
      return write_seeds(argv[i + 1], 16 * 1024);
    } else if (a == "--timeout" && i + 1 < argc) {
      timeout = std::atoi(argv[++i]);
    } else {
      usage();
      return 2;
    }
  }
  std::printf("%-22s %10s %12s %8s %8s %8s %9s %8s\n", "case", "n", "input_bytes", "wall_s",
              "cpu_s", "MB/cpu_s", "peak_MiB", "blocks");
  const extractor::Extractor ex;
  int failures = 0;
  for (const auto& c : extractor::hostile::cases()) {
    if (!names.empty()) {
      bool wanted = false;
      for (const auto& n : names) wanted |= n == c.name;
      if (!wanted) continue;
    }
    for (double scale : scales) {
      const auto n = static_cast<std::size_t>(static_cast<double>(c.n) * scale);
      if (n == 0) continue;
      int fds[2];
      if (pipe(fds) != 0) return 1;
      const pid_t pid = fork();
      if (pid == 0) {
        close(fds[0]);
        alarm(static_cast<unsigned>(timeout));
        const std::string page = c.make(n);
        Report r;
        r.input = page.size();
        const auto t0 = std::chrono::steady_clock::now();
        const std::clock_t c0 = std::clock();
        try {
          const extractor::Result res = ex.extract(page);
          r.text = res.text.size();
          r.blocks = res.blocks.size();
        } catch (const extractor::Error&) {
          r.error = 1;
        }
        r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
        r.cpu_seconds = static_cast<double>(std::clock() - c0) / CLOCKS_PER_SEC;
        if (write(fds[1], &r, sizeof r) != sizeof r) _exit(1);
        _exit(0);
      }
      close(fds[1]);
      Report r;
      const bool got = read(fds[0], &r, sizeof r) == sizeof r;
      close(fds[0]);
      int status = 0;
      struct rusage ru {};
      wait4(pid, &status, 0, &ru);
      const double peak_mib = static_cast<double>(ru.ru_maxrss) / 1024.0;
      if (!got || !WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        ++failures;
        std::printf("%-22s %10zu %12s %8s %8s %8s %9.1f  %s\n", c.name, n, "-", "-", "-", "-", peak_mib,
                    WIFSIGNALED(status) ? strsignal(WTERMSIG(status)) : "failed");
      } else {
        std::printf("%-22s %10zu %12zu %8.3f %8.3f %8.1f %9.1f %8zu%s\n", c.name, n, r.input,
                    r.seconds, r.cpu_seconds,
                    static_cast<double>(r.input) / 1e6 / std::max(r.cpu_seconds, 1e-6), peak_mib,
                    r.blocks, r.error ? "  (Error: over a limit)" : "");
      }
      std::fflush(stdout);
    }
  }
  return failures == 0 ? 0 : 1;
}
