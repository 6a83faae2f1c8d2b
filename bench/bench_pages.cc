// Page loading for the benchmark tools.
#include "bench_pages.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <unordered_map>

namespace fs = std::filesystem;

namespace extractor::bench {
namespace {

Corpus& the_corpus() {
  static Corpus c;
  return c;
}

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return std::move(ss).str();
}

bool is_html(const fs::path& p) {
  const std::string ext = p.extension().string();
  return ext == ".html" || ext == ".htm" || ext == ".xhtml";
}

// The pages of one set: <set>/pages/*.html with URLs from <set>/truth.jsonl.
void load_set(const fs::path& set_dir, std::vector<Page>* out) {
  std::unordered_map<std::string, std::string> urls;
  std::ifstream truth(set_dir / "truth.jsonl");
  for (std::string line; std::getline(truth, line);) {
    if (line.empty()) continue;
    const auto j = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
    if (j.is_object() && j.contains("id") && j.contains("url") && j["url"].is_string())
      urls[j["id"].get<std::string>()] = j["url"].get<std::string>();
  }
  for (const auto& e : fs::directory_iterator(set_dir / "pages")) {
    if (!e.is_regular_file() || !is_html(e.path())) continue;
    Page p;
    p.set = set_dir.filename().string();
    p.id = e.path().stem().string();
    if (auto it = urls.find(p.id); it != urls.end()) p.url = it->second;
    p.bytes = read_file(e.path());
    out->push_back(std::move(p));
  }
}

}  // namespace

Corpus load_corpus(const std::string& dir) {
  Corpus c;
  c.dir = dir;
  const fs::path root(dir);
  std::error_code ec;
  if (fs::is_directory(root / "pages", ec)) {
    load_set(root, &c.pages);
  } else if (fs::is_directory(root, ec)) {
    bool any_set = false;
    for (const auto& e : fs::directory_iterator(root)) {
      if (e.is_directory() && fs::is_directory(e.path() / "pages")) {
        load_set(e.path(), &c.pages);
        any_set = true;
      }
    }
    if (!any_set) {
      for (const auto& e : fs::recursive_directory_iterator(root)) {
        if (!e.is_regular_file() || !is_html(e.path())) continue;
        Page p;
        p.id = fs::relative(e.path(), root).string();
        p.bytes = read_file(e.path());
        c.pages.push_back(std::move(p));
      }
    }
  }
  std::sort(c.pages.begin(), c.pages.end(), [](const Page& a, const Page& b) {
    return a.set != b.set ? a.set < b.set : a.id < b.id;
  });
  for (const Page& p : c.pages) c.bytes += p.bytes.size();
  if (c.pages.empty()) {
    std::fprintf(stderr, "extractor-bench: no *.html pages under %s\n", dir.c_str());
    std::exit(2);
  }
  return c;
}

const Corpus& corpus() { return the_corpus(); }
void set_corpus(Corpus c) { the_corpus() = std::move(c); }

}  // namespace extractor::bench
