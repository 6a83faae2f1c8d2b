// The real `extractor` binary on broken inputs and broken outputs: each bad
// input gets a clear message and an error line in its place while every
// other input's result is still written; the exit status says what
// happened (0 ok, 1 an input or the output failed, 2 usage, 141 the reader
// of standard output went away).
//
// Permission tests need a user whom permissions bind: when the tests run as
// root (CI does), the binary is started as `nobody` (uid 65534) from a copy
// in the test's scratch directory.
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#ifndef EXTRACTOR_CLI
#error "EXTRACTOR_CLI must name the extractor binary"
#endif
#ifndef EXTRACTOR_TEST_DATA
#error "EXTRACTOR_TEST_DATA must name the tests/data directory"
#endif

namespace fs = std::filesystem;

namespace {

constexpr uid_t kNobody = 65534;

struct CliRun {
  int status = -1;  // exit status, or 128 + signal
  std::string out;
  std::string err;
};

// Runs the CLI with `args`. `during(pid)` runs in the parent after the start
// (before the output is read); `read_limit` closes standard output's pipe
// after that many bytes (0: read all).
// `as_nobody`: when root, run the binary as nobody (permission tests); the
// binary is then run from `bin` (a copy nobody can reach).
CliRun RunCli(const std::vector<std::string>& args, const std::function<void(pid_t)>& during = {},
           std::size_t read_limit = 0, const std::string& nobody_bin = {}) {
  int out_pipe[2], err_pipe[2];
  if (pipe(out_pipe) != 0 || pipe(err_pipe) != 0) std::abort();
  const pid_t pid = fork();
  if (pid == 0) {
    dup2(out_pipe[1], 1);
    dup2(err_pipe[1], 2);
    close(out_pipe[0]);
    close(err_pipe[0]);
    close(out_pipe[1]);
    close(err_pipe[1]);
    const int devnull = open("/dev/null", O_RDONLY);
    dup2(devnull, 0);
    signal(SIGPIPE, SIG_DFL);
    std::string bin = EXTRACTOR_CLI;
    if (!nobody_bin.empty() && geteuid() == 0) {
      if (setgid(kNobody) != 0 || setuid(kNobody) != 0) _exit(99);
      bin = nobody_bin;
    }
    std::vector<char*> argv;
    argv.push_back(bin.data());
    std::vector<std::string> copy = args;
    for (std::string& a : copy) argv.push_back(a.data());
    argv.push_back(nullptr);
    execv(bin.c_str(), argv.data());
    _exit(98);
  }
  close(out_pipe[1]);
  close(err_pipe[1]);
  if (during) during(pid);
  CliRun r;
  pollfd fds[2] = {{out_pipe[0], POLLIN, 0}, {err_pipe[0], POLLIN, 0}};
  bool out_open = true, err_open = true;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(120);
  while ((out_open || err_open) && std::chrono::steady_clock::now() < deadline) {
    fds[0].fd = out_open ? out_pipe[0] : -1;
    fds[1].fd = err_open ? err_pipe[0] : -1;
    if (poll(fds, 2, 1000) < 0) break;
    char buf[65536];
    if (out_open && (fds[0].revents & (POLLIN | POLLHUP))) {
      const ssize_t n = read(out_pipe[0], buf, sizeof buf);
      if (n <= 0) {
        out_open = false;
      } else {
        r.out.append(buf, static_cast<std::size_t>(n));
        if (read_limit > 0 && r.out.size() >= read_limit) {
          close(out_pipe[0]);  // the reader goes away, as `| head` does
          out_open = false;
          out_pipe[0] = -1;
        }
      }
    }
    if (err_open && (fds[1].revents & (POLLIN | POLLHUP))) {
      const ssize_t n = read(err_pipe[0], buf, sizeof buf);
      if (n <= 0)
        err_open = false;
      else
        r.err.append(buf, static_cast<std::size_t>(n));
    }
  }
  if (out_pipe[0] >= 0) close(out_pipe[0]);
  close(err_pipe[0]);
  int status = 0;
  // Bounded wait: a CLI that hangs is killed, and the test fails on status.
  for (int i = 0; i < 1200; ++i) {
    if (waitpid(pid, &status, WNOHANG) == pid) {
      r.status = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
      return r;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  kill(pid, SIGKILL);
  waitpid(pid, &status, 0);
  r.status = -2;
  return r;
}

std::string Slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::vector<std::string> Lines(const std::string& s) {
  std::vector<std::string> lines;
  std::istringstream in(s);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

// A scratch directory that `nobody` may enter, removed at the end.
class Cli : public ::testing::Test {
 protected:
  void SetUp() override {
    char tmpl[] = "/tmp/extractor-cli-test-XXXXXX";
    ASSERT_NE(mkdtemp(tmpl), nullptr);
    dir_ = tmpl;
    fs::permissions(dir_, fs::perms::owner_all | fs::perms::group_read | fs::perms::group_exec |
                              fs::perms::others_read | fs::perms::others_exec);
    page_ = Slurp(fs::path(EXTRACTOR_TEST_DATA) / "news-seed.html");
    ASSERT_FALSE(page_.empty());
  }
  void TearDown() override {
    std::error_code ec;
    for (const auto& e : fs::recursive_directory_iterator(dir_, ec))
      if (e.is_directory(ec) && !e.is_symlink(ec)) fs::permissions(e.path(), fs::perms::owner_all, ec);
    fs::remove_all(dir_, ec);
  }
  std::string Write(const std::string& rel, const std::string& bytes) {
    const fs::path p = dir_ / rel;
    fs::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << bytes;
    return p.string();
  }
  std::string Path(const std::string& rel) const { return (dir_ / rel).string(); }
  // The binary copied where nobody can run it (for the permission tests).
  std::string NobodyBin() {
    const fs::path bin = dir_ / "bin" / "extractor";
    fs::create_directories(bin.parent_path());
    fs::copy_file(EXTRACTOR_CLI, bin, fs::copy_options::overwrite_existing);
    fs::permissions(bin.parent_path(), fs::perms::owner_all | fs::perms::others_read |
                                           fs::perms::others_exec | fs::perms::group_read |
                                           fs::perms::group_exec);
    fs::permissions(bin, fs::perms::owner_all | fs::perms::others_read | fs::perms::others_exec |
                             fs::perms::group_read | fs::perms::group_exec);
    return bin.string();
  }

  fs::path dir_;
  std::string page_;
};

TEST_F(Cli, GoodInputsExitZero) {
  const std::string a = Write("a.html", page_);
  const CliRun r = RunCli({a});
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.out.find("Sergei Lavrov"), std::string::npos);
  EXPECT_TRUE(r.err.empty()) << r.err;
}

TEST_F(Cli, EmptyAndBinaryInputsAreNotErrors) {
  Write("d/empty.html", "");
  Write("d/space.html", "   \n\t ");
  Write("d/png.html", std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR\xff\xfe\0\x01", 20));
  const CliRun r = RunCli({Path("d"), "-f", "jsonl"});
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(Lines(r.out).size(), 3u);
  EXPECT_TRUE(r.err.empty()) << r.err;
}

TEST_F(Cli, NotAWebPageSaysWhatItIs) {
  // A gzip body saved without its .gz name, and a PDF: no text, the reason
  // names the bytes; the page type of a page is in its JSON.
  Write("d/a.html", std::string("\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03\xcb\x48\xcd", 13));
  Write("d/b.html", "%PDF-1.4\n%\xE2\xE3\xCF\xD3\n1 0 obj\n<< >>\nendobj\n");
  Write("d/c.html", page_);
  const CliRun r = RunCli({Path("d"), "-f", "jsonl", "--full"});
  EXPECT_EQ(r.status, 0) << r.err;
  const auto lines = Lines(r.out);
  ASSERT_EQ(lines.size(), 3u);
  EXPECT_NE(lines[0].find("\"empty_reason\":\"not a web page: gzip-compressed data"),
            std::string::npos) << lines[0];
  EXPECT_NE(lines[1].find("\"empty_reason\":\"not a web page: a PDF document\""),
            std::string::npos) << lines[1];
  EXPECT_NE(lines[0].find("\"page_type\":\"other\""), std::string::npos) << lines[0];
  EXPECT_NE(lines[2].find("\"page_type\":\""), std::string::npos) << lines[2];
  EXPECT_NE(lines[2].find("\"article_probability\":"), std::string::npos) << lines[2];
}

TEST_F(Cli, UsageErrorExitsTwo) {
  EXPECT_EQ(RunCli({"--no-such-flag"}).status, 2);
  EXPECT_EQ(RunCli({"--format", "yaml", Path("x")}).status, 2);
}

TEST_F(Cli, UnreadableFileReportedOthersWritten) {
  const std::string a = Write("d/a.html", page_);
  const std::string b = Write("d/b.html", page_);
  const std::string c = Write("d/c.html", page_);
  fs::permissions(b, fs::perms::none);
  const CliRun r = RunCli({Path("d"), "-f", "jsonl"}, {}, 0, NobodyBin());
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.err.find("extractor: " + b + ": Permission denied"), std::string::npos) << r.err;
  const auto lines = Lines(r.out);
  ASSERT_EQ(lines.size(), 3u) << r.out;
  EXPECT_NE(lines[0].find("Kossov"), std::string::npos);
  EXPECT_NE(lines[1].find("\"error\":\"Permission denied\""), std::string::npos) << lines[1];
  EXPECT_NE(lines[2].find("Kossov"), std::string::npos);
}

TEST_F(Cli, DirectoryWithoutPermissionReported) {
  Write("d/a.html", page_);
  Write("d/locked/b.html", page_);
  Write("d/z.html", page_);
  fs::permissions(Path("d/locked"), fs::perms::none);
  const CliRun r = RunCli({Path("d"), "-f", "jsonl"}, {}, 0, NobodyBin());
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.err.find(Path("d/locked") + ": cannot read directory: Permission denied"),
            std::string::npos)
      << r.err;
  EXPECT_EQ(Lines(r.out).size(), 3u) << r.out;  // a, the locked directory's error, z
}

TEST_F(Cli, SymlinkLoopsReportedNotFollowed) {
  Write("d/a.html", page_);
  fs::create_symlink("loop.html", Path("d/loop.html"));   // a file link to itself
  fs::create_symlink(".", Path("d/self"));                 // a directory link to itself
  fs::create_symlink("nowhere.html", Path("d/dangling.html"));
  fs::create_symlink("argloop", Path("argloop"));
  const CliRun r = RunCli({Path("d"), Path("argloop"), "-f", "jsonl"});
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.err.find(Path("d/loop.html") + ": Too many levels of symbolic links"),
            std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find(Path("argloop") + ": Too many levels of symbolic links"), std::string::npos);
  EXPECT_NE(r.err.find(Path("d/dangling.html") + ": No such file or directory"), std::string::npos);
  // a.html once (d/self is not followed), the dangling link, the loop, the argument.
  EXPECT_EQ(Lines(r.out).size(), 4u) << r.out;
}

TEST_F(Cli, FileVanishingMidRun) {
  // The first input is a FIFO: the CLI blocks on it after listing the
  // directory, b.html is removed meanwhile, then the FIFO gets a page.
  Write("d/a.html", page_);
  const std::string b = Write("d/b.html", page_);
  ASSERT_EQ(mkfifo(Path("fifo").c_str(), 0644), 0);
  const CliRun r = RunCli({"-j", "1", "-f", "jsonl", Path("fifo"), Path("d")}, [&](pid_t) {
    const int fd = open(Path("fifo").c_str(), O_WRONLY);  // returns once the CLI opened it
    ASSERT_GE(fd, 0);
    fs::remove(b);
    ASSERT_EQ(write(fd, page_.data(), page_.size()), static_cast<ssize_t>(page_.size()));
    close(fd);
  });
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.err.find(b + ": No such file or directory"), std::string::npos) << r.err;
  const auto lines = Lines(r.out);
  ASSERT_EQ(lines.size(), 3u) << r.out;
  EXPECT_NE(lines[0].find("Kossov"), std::string::npos);
  EXPECT_NE(lines[1].find("Kossov"), std::string::npos);
  EXPECT_NE(lines[2].find("\"error\":\"No such file or directory\""), std::string::npos);
}

TEST_F(Cli, StdoutClosedEarlyStopsQuietly) {
  std::vector<std::string> args = {"-f", "jsonl", "--blocks", "-j", "2"};
  const std::string a = Write("a.html", page_);
  for (int i = 0; i < 400; ++i) args.push_back(a);
  const CliRun r = RunCli(args, {}, /*read_limit=*/100);
  EXPECT_EQ(r.status, 141) << r.err;
  EXPECT_TRUE(r.err.empty()) << r.err;
}

TEST_F(Cli, OutputFileThatCannotBeOpened) {
  const std::string a = Write("a.html", page_);
  const CliRun r = RunCli({a, "-o", Path("no-such-dir/out.txt")});
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("cannot write " + Path("no-such-dir/out.txt") + ": No such file"),
            std::string::npos)
      << r.err;
}

TEST_F(Cli, OutputDeviceFull) {
  const std::string a = Write("a.html", page_);
  const CliRun r = RunCli({a, "-o", "/dev/full"});
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.err.find("cannot write /dev/full: No space left on device"), std::string::npos)
      << r.err;
}

TEST_F(Cli, InputOverTheLimitIsThatInputsError) {
  const std::string a = Write("d/a.html", page_);
  const std::string big = Write("d/big.html", std::string(5000, 'x'));
  const CliRun r = RunCli({Path("d"), "-f", "jsonl", "--max-input-bytes", "4096"});
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.err.find(big + ": input exceeds the size limit of 4096 bytes"), std::string::npos)
      << r.err;
  const auto lines = Lines(r.out);
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_NE(lines[1].find("\"error\":\"input exceeds the size limit of 4096 bytes\""),
            std::string::npos);
}

TEST_F(Cli, ErrorLinesAreJsonWhateverTheName) {
  // A name with a quote, a backslash and a tab, whose link leads nowhere.
  const std::string odd = Path("d/we\"ird\\na\tme.html");
  Write("d/a.html", page_);
  fs::create_symlink("nowhere.html", odd);
  for (const char* format : {"jsonl", "json"}) {
    const CliRun r = RunCli({"-f", format, "--full", Path("d")});
    EXPECT_EQ(r.status, 1);
    const auto lines = Lines(r.out);
    ASSERT_EQ(lines.size(), 2u) << r.out;
    const nlohmann::ordered_json a = nlohmann::ordered_json::parse(lines[0]);
    const nlohmann::ordered_json e = nlohmann::ordered_json::parse(lines[1]);
    EXPECT_EQ(e["source"], odd);
    EXPECT_EQ(e["error"], "No such file or directory");
    EXPECT_EQ(e["text"], "");
    // The keys of a page's line, in the same order, then the error.
    std::vector<std::string> keys_a, keys_e;
    for (auto it = a.begin(); it != a.end(); ++it) keys_a.push_back(it.key());
    for (auto it = e.begin(); it != e.end(); ++it) keys_e.push_back(it.key());
    keys_a.push_back("error");
    EXPECT_EQ(keys_e, keys_a);
  }
  // Not in text: the message is on standard error only.
  const CliRun t = RunCli({"-f", "text", Path("d")});
  EXPECT_EQ(t.status, 1);
  EXPECT_EQ(t.out.find("nowhere"), std::string::npos);
  EXPECT_NE(t.err.find(odd + ": No such file or directory"), std::string::npos) << t.err;
}

TEST_F(Cli, SameOutputWhateverTheThreadCount) {
  std::vector<std::string> args = {"-f", "jsonl", "--full", "--blocks", EXTRACTOR_TEST_DATA};
  args.push_back("-j");
  args.push_back("1");
  const CliRun one = RunCli(args);
  args.back() = "4";
  const CliRun four = RunCli(args);
  EXPECT_EQ(one.status, 0) << one.err;
  EXPECT_EQ(four.status, 0) << four.err;
  EXPECT_GE(Lines(one.out).size(), 5u);
  EXPECT_EQ(one.out, four.out);
}

}  // namespace

// What the command writes around the article in Markdown — the title, the
// byline line, comments, the input's name — is escaped like the article:
// a page cannot put a link, an image or raw HTML there.
TEST_F(Cli, MarkdownLayoutEscapesPageText) {
  const std::string page =
      "<html><head><title>Ferry news [read](javascript:alert(1)) &lt;img src=x "
      "onerror=alert(2)&gt;</title><meta name=author content=\"Ann ![x](javascript:alert(3))\">"
      "</head><body><article><h1>Ferry news</h1>"
      "<p>The harbour authority has published the spring timetable for the ferries, and several "
      "early sailings move by a quarter of an hour, the operator said on Monday.</p>"
      "<p>Commuters on the first boat from the north pier now leave at 6:15 rather than 6:00, and "
      "the evening crossings are unchanged for the rest of the season.</p></article>"
      "<section class=comments><div class=comment><p>[click](javascript:alert(4)) and "
      "&lt;script&gt;alert(5)&lt;/script&gt; said a reader who wrote a long comment here.</p>"
      "</div></section></body></html>";
  const std::string a = Write("x--> <script>alert(6)</script>.html", page);
  const std::string b = Write("b.html", page);
  const CliRun r = RunCli({"-f", "markdown", "--with-metadata", "--include-comments", a, b});
  ASSERT_EQ(r.status, 0) << r.err;
  // Every '<' is escaped, or opens one of the command's own name comments,
  // which then end where the command ends them.
  std::istringstream lines(r.out);
  std::string line;
  while (std::getline(lines, line)) {
    if (line.rfind("<!-- ", 0) == 0) {
      EXPECT_EQ(line.find("-->"), line.size() - 3) << line;
      continue;
    }
    for (std::size_t i = line.find('<'); i != std::string::npos; i = line.find('<', i + 1))
      EXPECT_TRUE(i > 0 && line[i - 1] == '\\') << line;
    for (std::size_t i = line.find("]("); i != std::string::npos; i = line.find("](", i + 1))
      EXPECT_TRUE(i > 0 && line[i - 1] == '\\') << line;
  }
  EXPECT_NE(r.out.find("# Ferry news \\[read\\](javascript:alert(1)) \\<img"), std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("\\[click\\](javascript:alert(4))"), std::string::npos) << r.out;
}

// ---------------------------------------------------------------------------
// WARC input and the command-line habits of issue 15.
// ---------------------------------------------------------------------------

namespace {

std::string WarcRecord(const std::string& type, const std::string& uri, const std::string& block,
                       int id) {
  return "WARC/1.1\r\nWARC-Type: " + type + "\r\nWARC-Record-ID: <urn:uuid:rec-" +
         std::to_string(id) + ">\r\nWARC-Date: 2024-05-0" + std::to_string(1 + id % 9) +
         "T12:00:00Z\r\nWARC-Target-URI: " + uri + "\r\nContent-Length: " +
         std::to_string(block.size()) + "\r\n\r\n" + block + "\r\n\r\n";
}

std::string HttpPage(const std::string& type, const std::string& body) {
  return "HTTP/1.1 200 OK\r\nContent-Type: " + type + "\r\n\r\n" + body;
}

}  // namespace

TEST_F(Cli, WarcGivesJsonLinesWithTheRecordsIdUriAndDate) {
  std::string warc = WarcRecord("warcinfo", "", "software: test\r\n", 0);
  for (int i = 1; i <= 12; ++i) {
    const std::string uri = "https://news.example/story/" + std::to_string(i);
    warc += WarcRecord("request", uri, "GET / HTTP/1.1\r\n\r\n", 100 + i);
    warc += WarcRecord("response", uri, HttpPage("text/html; charset=utf-8", page_), i);
  }
  warc += WarcRecord("response", "https://news.example/a.png", HttpPage("image/png", "PNG"), 99);
  const std::string damaged = "WARC/1.1\r\nWARC-Type: response\r\nContent-Length: 99999\r\n\r\nshort";
  const std::string path = Write("crawl.warc", warc + damaged);
  const CliRun one = RunCli({path, "-j", "1"});
  EXPECT_EQ(one.status, 1) << one.err;  // the damaged record
  const auto lines = Lines(one.out);
  ASSERT_EQ(lines.size(), 13u) << one.out;
  for (int i = 1; i <= 12; ++i) {
    const auto j = nlohmann::json::parse(lines[i - 1]);
    EXPECT_EQ(j["warc_record_id"], "<urn:uuid:rec-" + std::to_string(i) + ">");
    EXPECT_EQ(j["warc_target_uri"], "https://news.example/story/" + std::to_string(i));
    EXPECT_EQ(j["warc_date"], "2024-05-0" + std::to_string(1 + i % 9) + "T12:00:00Z");
    EXPECT_NE(j["text"].get<std::string>().find("Sergei Lavrov"), std::string::npos);
    EXPECT_EQ(j["source"].get<std::string>().rfind(path + "@", 0), 0u);
  }
  const auto bad = nlohmann::json::parse(lines[12]);
  EXPECT_EQ(bad["source"], path + "@" + std::to_string(warc.size()));
  EXPECT_EQ(bad["error"], "truncated record: 5 of 99999 bytes");
  EXPECT_NE(one.err.find(path + ": 12 pages from 26 records; skipped 1 not HTML, 12 request, "
                                "1 warcinfo; 1 fault"),
            std::string::npos)
      << one.err;
  // -j N keeps the order.
  const CliRun four = RunCli({path, "-j", "4"});
  EXPECT_EQ(four.out, one.out);
}

// Output read by a program gets JSON lines for one input as for several
// (xargs batches); -f says otherwise.
TEST_F(Cli, FormatDoesNotDependOnTheInputCountWhenPiped) {
  const std::string a = Write("a.html", page_);
  const std::string b = Write("b.html", page_);
  const CliRun one = RunCli({a});
  const CliRun two = RunCli({a, b});
  ASSERT_EQ(Lines(one.out).size(), 1u);
  EXPECT_EQ(Lines(two.out)[0], Lines(one.out)[0]);
  EXPECT_EQ(nlohmann::json::parse(one.out)["source"], a);
  const CliRun text = RunCli({"-f", "text", a});
  EXPECT_EQ(text.out.find("{\"source\""), std::string::npos);
  EXPECT_NE(text.out.find("Sergei Lavrov"), std::string::npos);
}

TEST_F(Cli, InputListAndOutputDirMirroringTheInputs) {
  Write("site/index.html", page_);
  Write("site/news/a.html", page_);
  // Broken gzip: an error in its place, and no file.
  Write("site/news/b.htm.gz", std::string("\x1f\x8b\x08\0\0\0\0\0\0\x03garbage", 17));
  const std::string list = Write("list.txt", Path("site") + "\n\n" + Path("site/news/a.html") + "\n");
  const CliRun r = RunCli({"-i", list, "--output-dir", Path("out")});
  EXPECT_EQ(r.status, 1) << r.err;
  EXPECT_TRUE(r.out.empty());
  const fs::path root = fs::path(Path("out")) / fs::path(Path("site")).relative_path();
  EXPECT_TRUE(fs::exists(root / "index.txt"));
  EXPECT_TRUE(fs::exists(root / "news" / "a.txt"));
  EXPECT_FALSE(fs::exists(root / "news" / "b.txt"));
  EXPECT_NE(Slurp(root / "news" / "a.txt").find("Sergei Lavrov"), std::string::npos);
  const CliRun json = RunCli({"-i", list, "--output-dir", Path("out2"), "-f", "json"});
  const fs::path root2 = fs::path(Path("out2")) / fs::path(Path("site")).relative_path();
  EXPECT_EQ(nlohmann::json::parse(Slurp(root2 / "index.json"))["source"], Path("site/index.html"));
  EXPECT_EQ(RunCli({"-i", Path("no-such-list")}).status, 2);
}

TEST_F(Cli, UrlsAreNotFetched) {
  const CliRun r = RunCli({"https://example.com/news/1"});
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.err.find("https://example.com/news/1: pages are not fetched"), std::string::npos)
      << r.err;
}

TEST_F(Cli, CharsetAndDateOptionsAreChecked) {
  const std::string a = Write("a.html", page_);
  EXPECT_EQ(RunCli({"--charset", "no-such-charset", a}).status, 2);
  EXPECT_EQ(RunCli({"--reference-date", "2024-13-01", a}).status, 2);
  EXPECT_EQ(RunCli({"--reference-date", "2023-02-29", a}).status, 2);
  EXPECT_EQ(RunCli({"--reference-date", "yesterday", a}).status, 2);
  EXPECT_EQ(RunCli({"--charset", "latin1", "--reference-date", "2024-02-29", a}).status, 0);
  EXPECT_EQ(RunCli({"--reference-date", "2024-02-29T10:00:00Z", a}).status, 0);
}

// --explain: one page's explain view, to -o or standard output; the
// options reach the Result it shows; anything but one page is a usage error.
TEST_F(Cli, ExplainWritesTheViewOfOnePage) {
  const std::string a = Write("a.html", page_);
  const CliRun r = RunCli({"--explain", a, "-o", Path("a.explain.html")});
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_TRUE(r.out.empty()) << r.out;
  const std::string view = Slurp(Path("a.explain.html"));
  EXPECT_EQ(view.rfind("<!DOCTYPE html>", 0), 0u);
  EXPECT_NE(view.find("<meta http-equiv=\"Content-Security-Policy\""), std::string::npos);
  EXPECT_NE(view.find("data-exv=\"body\""), std::string::npos);
  EXPECT_NE(view.find("Sergei Lavrov"), std::string::npos);
  EXPECT_EQ(RunCli({"--explain", a}).out, view);
  const std::string b = Write("b.html", Slurp(fs::path(EXTRACTOR_TEST_DATA) / "blog-comments.html"));
  const CliRun plain = RunCli({"--explain", b});
  const CliRun comments = RunCli({"--explain", "--include-comments", b});
  ASSERT_EQ(comments.status, 0) << comments.err;
  EXPECT_EQ(plain.out.find("<h2>Comments</h2>"), std::string::npos);
  EXPECT_NE(comments.out.find("<h2>Comments</h2>"), std::string::npos);
}

TEST_F(Cli, ExplainTakesOnePage) {
  const std::string a = Write("d/a.html", page_);
  Write("d/b.html", page_);
  EXPECT_EQ(RunCli({"--explain", a, a}).status, 2);
  EXPECT_EQ(RunCli({"--explain", Path("d")}).status, 2);
  EXPECT_EQ(RunCli({"--explain", "--format", "json", a}).status, 2);
  const CliRun missing = RunCli({"--explain", Path("missing.html")});
  EXPECT_EQ(missing.status, 1);
  EXPECT_NE(missing.err.find("missing.html"), std::string::npos) << missing.err;
  EXPECT_TRUE(missing.out.empty());
}
