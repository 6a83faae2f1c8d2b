// extractor-eval: runs the library over the evaluation sets (or scores a
// peer's predictions file) and prints one row of figures per set, then the
// worst pages. The scoring itself is in scoring.h; this file finds the sets,
// runs the pages on a thread pool, and reports.
//
//   extractor-eval                         every set under the default root
//   extractor-eval --sets cleaneval --worst 10
//   extractor-eval --id 001 -v             one page, with its text
//   extractor-eval --predictions trafilatura=/work/peers-out/trafilatura.jsonl
//   extractor-eval --floors bench/floors.json   the quality gate (exit 1)
#include <extractor/extractor.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>

#include "metadata_rules.h"  // lib/: the rules by name, for --rule-off
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <unordered_map>
#include <utility>
#include <vector>

#include "eval/scoring.h"

#ifndef EXTRACTOR_EVAL_DATASETS
#define EXTRACTOR_EVAL_DATASETS "../shared/datasets"
#endif
#ifndef EXTRACTOR_EVAL_DATASETS_MORE
#define EXTRACTOR_EVAL_DATASETS_MORE "build/datasets-more"
#endif

namespace fs = std::filesystem;
using nlohmann::json;

namespace extractor::eval {
namespace {

// ---------------------------------------------------------------------------
// Truth
// ---------------------------------------------------------------------------

struct Truth {
  std::string id;
  std::string url;
  std::optional<std::string> body;
  std::string title;                 // "" = no title truth
  std::vector<std::string> authors;  // empty = no author truth
  std::string date;                  // "" = no date truth
  std::vector<std::string> must_contain;
  std::vector<std::string> must_not_contain;
  std::string page_type;  // extra.page_type ("" = none)

  bool has_title() const { return !title.empty(); }
  bool has_authors() const { return !author_tokens(authors).empty(); }
  // A truth such as "2018" or "1998-3" names no day and is not counted.
  bool has_date() const { return !calendar_day(date).empty(); }
  bool has_snippets() const {
    return !must_contain.empty() || !must_not_contain.empty();
  }
};

struct Set {
  std::string name;
  fs::path dir;
  std::vector<Truth> pages;
  bool has_body = false;
  bool has_snippets = false;
  bool has_title = false;
  bool has_author = false;
  bool has_date = false;
  bool has_page_types = false;
  SetConventions conventions;  // from SCORING.json
};

std::string string_field(const json& j, const char* key) {
  const auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : "";
}

// A string, or a list of strings, or null.
std::vector<std::string> names_field(const json& j, const char* key) {
  std::vector<std::string> out;
  const auto it = j.find(key);
  if (it == j.end()) return out;
  if (it->is_string()) {
    if (!it->get_ref<const std::string&>().empty()) out.push_back(*it);
  } else if (it->is_array()) {
    for (const json& v : *it) {
      if (v.is_string() && !v.get_ref<const std::string&>().empty()) {
        out.push_back(v);
      }
    }
  }
  return out;
}

std::vector<std::string> list_field(const json& j, const char* key) {
  std::vector<std::string> out;
  const auto it = j.find(key);
  if (it == j.end() || !it->is_array()) return out;
  for (const json& v : *it) {
    if (v.is_string()) out.push_back(v);
  }
  return out;
}

Set load_set(const fs::path& dir) {
  Set set;
  set.dir = dir;
  set.name = dir.filename().string();
  if (set.name.empty()) set.name = dir.parent_path().filename().string();
  const fs::path file = dir / "truth.jsonl";
  std::ifstream in(file, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + file.string());
  if (const fs::path scoring = dir / "SCORING.json"; fs::exists(scoring)) {
    std::ifstream sin(scoring, std::ios::binary);
    std::ostringstream text;
    text << sin.rdbuf();
    try {
      set.conventions = parse_conventions(text.str());
    } catch (const std::exception& e) {
      throw std::runtime_error(scoring.string() + ": " + e.what());
    }
  }
  std::string line;
  int lineno = 0;
  while (std::getline(in, line)) {
    ++lineno;
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    json j;
    try {
      j = json::parse(line);
    } catch (const std::exception& e) {
      throw std::runtime_error(file.string() + ":" + std::to_string(lineno) +
                               ": " + e.what());
    }
    Truth t;
    t.id = string_field(j, "id");
    t.url = string_field(j, "url");
    if (j.contains("body") && j["body"].is_string()) t.body = j["body"];
    t.title = string_field(j, "title");
    t.authors = names_field(j, "author");
    t.date = string_field(j, "date");
    t.must_contain = list_field(j, "must_contain");
    t.must_not_contain = list_field(j, "must_not_contain");
    if (const auto extra = j.find("extra"); extra != j.end() && extra->is_object())
      t.page_type = string_field(*extra, "page_type");
    set.pages.push_back(std::move(t));
  }
  return set;
}

void summarise(Set& set) {
  set.has_body = set.has_snippets = set.has_title = set.has_author =
      set.has_date = set.has_page_types = false;
  for (const Truth& t : set.pages) {
    set.has_body |= t.body.has_value();
    set.has_snippets |= t.has_snippets();
    set.has_title |= t.has_title();
    set.has_author |= t.has_authors();
    set.has_date |= t.has_date();
    set.has_page_types |= !t.page_type.empty();
  }
}

// Each DIR is a set (it holds truth.jsonl) or a root of sets.
std::vector<fs::path> find_set_dirs(const std::vector<std::string>& dirs) {
  std::vector<fs::path> out;
  for (const std::string& d : dirs) {
    const fs::path dir(d);
    if (fs::exists(dir / "truth.jsonl")) {
      out.push_back(dir);
      continue;
    }
    if (!fs::is_directory(dir)) {
      throw std::runtime_error(d + ": no such directory");
    }
    std::vector<fs::path> found;
    for (const auto& entry : fs::directory_iterator(dir)) {
      if (entry.is_directory() && fs::exists(entry.path() / "truth.jsonl")) {
        found.push_back(entry.path());
      }
    }
    if (found.empty()) {
      throw std::runtime_error(
          d + ": neither a set (truth.jsonl) nor a root of sets");
    }
    std::sort(found.begin(), found.end());
    out.insert(out.end(), found.begin(), found.end());
  }
  return out;
}

// ---------------------------------------------------------------------------
// Outputs and per-page scores
// ---------------------------------------------------------------------------

// What an extractor said about one page.
struct Output {
  std::string text;
  std::string title;
  std::vector<std::string> authors;
  std::string date;
  std::string page_type;  // the library's Result::page_type ("" for peers)
  std::string author_source, date_source;  // Metadata::sources ("" for peers)
};

struct PageScore {
  const Truth* truth = nullptr;
  bool empty = false;    // the output has no word token
  bool missing = false;  // predictions mode: no line for this page
  std::string error;     // library mode: what extract() threw
  double seconds = 0;    // time inside extract()
  std::optional<BodyCounts> body;
  std::optional<SnippetScore> snippets;
  std::optional<bool> title, author, date;
  std::string page_type;  // the library's answer
  std::string author_source, date_source;
  std::vector<std::string> authors_out;  // what was returned
  std::string date_out;
  Output output;  // text kept only when it is to be printed (-v)

  double rank_score() const {
    if (body) return page_f1(*body);
    if (snippets) return snippets->score();
    return 1.0;
  }
};

PageScore score_page(const Truth& t, const Output& out) {
  PageScore s;
  s.truth = &t;
  s.page_type = out.page_type;
  if (t.body) {
    const Shingles predicted = shingles(out.text);
    s.empty = predicted.tokens == 0;
    s.body = match(predicted, shingles(*t.body));
  } else {
    s.empty = word_tokens(out.text).empty();
  }
  if (t.has_snippets()) {
    s.snippets = score_snippets(out.text, t.must_contain, t.must_not_contain);
  }
  if (t.has_title()) s.title = same_title(out.title, t.title);
  if (t.has_authors()) s.author = same_authors(out.authors, t.authors);
  if (t.has_date()) s.date = same_day(out.date, t.date);
  return s;
}

// ---------------------------------------------------------------------------
// Running: the thread pool
// ---------------------------------------------------------------------------

struct Job {
  const Set* set;
  const Truth* truth;
};

// Calls fn(i) for i in [0, n) on `threads` threads.
void parallel_for(std::size_t n, int threads,
                  const std::function<void(std::size_t)>& fn) {
  std::atomic<std::size_t> next{0};
  auto worker = [&] {
    for (std::size_t i; (i = next.fetch_add(1)) < n;) fn(i);
  };
  const int count = std::max(1, std::min<int>(threads, static_cast<int>(n)));
  std::vector<std::thread> pool;
  for (int k = 1; k < count; ++k) pool.emplace_back(worker);
  worker();
  for (std::thread& t : pool) t.join();
}

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point t0) {
  return std::chrono::duration<double>(Clock::now() - t0).count();
}

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path.string());
  std::ostringstream ss;
  ss << in.rdbuf();
  return std::move(ss).str();
}

void write_file(const fs::path& path, const std::string& data) {
  std::ofstream out(path, std::ios::binary);
  out << data;
  if (!out) throw std::runtime_error("cannot write " + path.string());
}

struct RunConfig {
  int threads = 1;
  bool keep_text = false;
  bool filtered_ids = false;  // --id given: other pages are not "unmatched"
  std::string dump_dir;
  extractor::Options options;
  // --page-types: the kind of page given to the library per set + '\n' + id,
  // with its confidence (out-of-sample predictions, or the truth's).
  std::unordered_map<std::string, std::pair<extractor::PageType, float>> page_types;
};

// --page-types FILE: JSON lines {set, id, page_type, confidence}; "truth"
// instead of a file: each page's extra.page_type (collection as listing).
void load_page_types(const std::string& file, const std::vector<Set>& sets, RunConfig* config) {
  if (file == "truth") {
    for (const Set& s : sets)
      for (const Truth& t : s.pages) {
        if (t.page_type.empty()) continue;
        const std::string kind = t.page_type == "collection" ? "listing" : t.page_type;
        config->page_types[s.name + '\n' + t.id] = {
            extractor::from_string<extractor::PageType>(kind), 1.0f};
      }
    return;
  }
  std::ifstream in(file, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + file);
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    const json j = json::parse(line);
    config->page_types[j.at("set").get<std::string>() + '\n' + j.at("id").get<std::string>()] = {
        extractor::from_string<extractor::PageType>(j.at("page_type").get<std::string>()),
        j.value("confidence", 1.0f)};
  }
}

// One evaluation: a name ("extractor" or a peer's) and a score per job.
struct Run {
  std::string name;
  bool library = false;
  std::vector<PageScore> pages;  // parallel to the jobs
  double extract_seconds = 0;    // sum over threads of time in extract()
  double wall_seconds = 0;       // the whole pool, reading and scoring too
  int unmatched = 0;             // predictions mode: lines for no known page
};

Run run_library(const std::vector<Job>& jobs, const RunConfig& config) {
  Run run;
  run.name = "extractor";
  run.library = true;
  run.pages.resize(jobs.size());
  const extractor::Extractor ex(config.options);
  // Sets whose SCORING.json counts comments as content run with them.
  extractor::Options with_comments = config.options;
  with_comments.include_comments = true;
  const extractor::Extractor ex_comments(with_comments);
  if (!config.dump_dir.empty()) {
    std::set<std::string> made;
    for (const Job& job : jobs) {
      if (made.insert(job.set->name).second) {
        fs::create_directories(fs::path(config.dump_dir) / job.set->name);
      }
    }
  }
  const auto start = Clock::now();
  parallel_for(jobs.size(), config.threads, [&](std::size_t i) {
    const Job& job = jobs[i];
    const Truth& t = *job.truth;
    Output out;
    std::string error;
    double seconds = 0;
    std::optional<extractor::Result> result;
    std::string html;
    try {
      html = read_file(job.set->dir / "pages" / (t.id + ".html"));
    } catch (const std::exception& e) {
      error = e.what();
    }
    if (error.empty()) {
      // Only the extract() call is timed: pages/s is the library's speed.
      const auto t0 = Clock::now();
      try {
        extractor::PageInfo page;
        page.url = t.url;
        if (const auto it = config.page_types.find(job.set->name + '\n' + t.id);
            it != config.page_types.end()) {
          page.page_type = it->second.first;
          page.page_type_confidence = it->second.second;
        }
        result = (job.set->conventions.include_comments ? ex_comments : ex)
                     .extract(html, page);
      } catch (const std::exception& e) {
        error = e.what();
      } catch (...) {
        error = "unknown exception";
      }
      seconds = seconds_since(t0);
    }
    if (result) {
      out.text = scored_text(result->text, result->comments, job.set->conventions);
      out.title = result->metadata.title;
      out.authors = result->metadata.authors;
      out.date = result->metadata.date;
      out.page_type = extractor::to_string(result->page_type);
      out.author_source = extractor::to_string(result->metadata.sources.authors);
      out.date_source = extractor::to_string(result->metadata.sources.date);
    }
    if (!config.dump_dir.empty()) {
      const fs::path base = fs::path(config.dump_dir) / job.set->name / t.id;
      try {
        write_file(fs::path(base.string() + ".txt"), out.text);
        // The HTML rendering too (the JSON has text and Markdown), so that
        // a before/after diff of two dumps covers every output.
        if (result) write_file(fs::path(base.string() + ".out.html"), result->html);
        if (result) write_file(fs::path(base.string() + ".md"), result->markdown);
        std::string js;
        if (result) {
          extractor::JsonOptions jo;
          jo.full = true;
          jo.with_blocks = true;
          jo.pretty = true;
          js = extractor::render_json(*result, jo);
        } else {
          js = json{{"error", error}}.dump(2);
        }
        write_file(fs::path(base.string() + ".json"), js + "\n");
      } catch (const std::exception& e) {
        error += (error.empty() ? "" : "; ") + std::string(e.what());
      }
    }
    PageScore s = score_page(t, out);
    s.author_source = out.author_source;
    s.date_source = out.date_source;
    s.authors_out = out.authors;
    s.date_out = out.date;
    s.error = std::move(error);
    s.seconds = seconds;
    if (config.keep_text) s.output = std::move(out);
    run.pages[i] = std::move(s);
  });
  run.wall_seconds = seconds_since(start);
  for (const PageScore& s : run.pages) run.extract_seconds += s.seconds;
  return run;
}

// A predictions file: one JSON object a line with set, id, text, title,
// author (string, list or null), date.
Run run_predictions(const std::string& name, const std::string& file,
                    const std::vector<Job>& jobs, const RunConfig& config) {
  Run run;
  run.name = name;
  std::unordered_map<std::string, Output> by_key;  // set + '\n' + id
  std::ifstream in(file, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + file);
  std::set<std::string> wanted, evaluated;
  for (const Job& job : jobs) {
    wanted.insert(job.set->name + '\n' + job.truth->id);
    evaluated.insert(job.set->name);
  }
  std::string line;
  int lineno = 0, bad = 0;
  while (std::getline(in, line)) {
    ++lineno;
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    json j;
    try {
      j = json::parse(line);
    } catch (const std::exception& e) {
      if (bad++ < 3) {
        std::fprintf(stderr, "%s:%d: skipped: %s\n", file.c_str(), lineno,
                     e.what());
      }
      continue;
    }
    const std::string set_name = string_field(j, "set");
    std::string key = set_name + '\n' + string_field(j, "id");
    if (!wanted.count(key)) {
      // A line for an evaluated set naming no page of it: a wrong id or set.
      if (!config.filtered_ids && evaluated.count(set_name)) ++run.unmatched;
      continue;
    }
    Output out;
    out.text = string_field(j, "text");
    out.title = string_field(j, "title");
    out.authors = names_field(j, "author");
    out.date = string_field(j, "date");
    by_key[std::move(key)] = std::move(out);
  }
  if (bad > 0) {
    std::fprintf(stderr, "%s: %d line(s) skipped as invalid JSON\n",
                 file.c_str(), bad);
  }
  run.pages.resize(jobs.size());
  static const Output kNone;
  const auto start = Clock::now();
  parallel_for(jobs.size(), config.threads, [&](std::size_t i) {
    const auto it = by_key.find(jobs[i].set->name + '\n' + jobs[i].truth->id);
    const Output& out = it == by_key.end() ? kNone : it->second;
    PageScore s = score_page(*jobs[i].truth, out);
    s.missing = it == by_key.end();
    if (config.keep_text) s.output = out;
    run.pages[i] = std::move(s);
  });
  run.wall_seconds = seconds_since(start);
  return run;
}

// ---------------------------------------------------------------------------
// Per-set figures
// ---------------------------------------------------------------------------

struct SetReport {
  const Set* set = nullptr;
  std::vector<const PageScore*> pages;
  int empty = 0, errors = 0, missing = 0;
  BodyMeans body;
  Mean snippets;
  Accuracy title, author, date;
  double seconds = 0;
  SetFigures figures;
  TypeBreakdown types;  // sets with extra.page_type and a body truth
};

std::vector<SetReport> aggregate(const std::vector<Set>& sets,
                                 const std::vector<Job>& jobs, const Run& run) {
  std::vector<SetReport> reports(sets.size());
  std::map<const Set*, std::size_t> index;
  for (std::size_t k = 0; k < sets.size(); ++k) {
    reports[k].set = &sets[k];
    index[&sets[k]] = k;
  }
  for (std::size_t i = 0; i < jobs.size(); ++i) {
    SetReport& r = reports[index[jobs[i].set]];
    const PageScore& s = run.pages[i];
    r.pages.push_back(&s);
    r.empty += s.empty;
    r.errors += !s.error.empty();
    r.missing += s.missing;
    r.seconds += s.seconds;
    if (s.body) r.body.add(*s.body);
    if (s.body && !s.truth->page_type.empty())
      r.types.add(s.truth->page_type, *s.body, s.empty, s.page_type);
    if (s.snippets) r.snippets.add(s.snippets->score());
    if (s.title) r.title.add(*s.title);
    if (s.author) r.author.add(*s.author);
    if (s.date) r.date.add(*s.date);
  }
  for (SetReport& r : reports) {
    SetFigures& f = r.figures;
    if (r.set->has_body) {
      f.precision = r.body.precision();
      f.recall = r.body.recall();
      f.f1 = r.body.f1();
    }
    if (r.snippets.count) f.snippets = r.snippets.value();
    if (r.title.total) f.title = r.title.value();
    if (r.author.total) f.author = r.author.value();
    if (r.date.total) f.date = r.date.value();
    for (const TypeBreakdown::Row& row : r.types.rows())
      f.type_f1[row.type] = row.page_f1.value();
  }
  return reports;
}

// ---------------------------------------------------------------------------
// Printing
// ---------------------------------------------------------------------------

std::string fmt3(double x) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.3f", x);
  return buf;
}

std::string accuracy_cell(const Accuracy& a) {
  if (a.total == 0) return "-";
  return fmt3(a.value()) + " (" + std::to_string(a.total) + ")";
}

// One line, at most `max` bytes (cut on a UTF-8 boundary), with "…" if cut.
std::string clip(std::string_view s, std::size_t max = 80) {
  std::string flat;
  bool space = false;
  for (char c : s) {
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
      space = !flat.empty();
      continue;
    }
    if (space) flat += ' ';
    space = false;
    flat += c;
  }
  if (flat.size() <= max) return flat;
  std::size_t cut = max;
  while (cut > 0 && (static_cast<unsigned char>(flat[cut]) & 0xC0) == 0x80)
    --cut;
  return flat.substr(0, cut) + "…";
}

void print_table(const Run& run, const std::vector<SetReport>& reports,
                 int threads) {
  std::size_t w = 5;
  for (const SetReport& r : reports) w = std::max(w, r.set->name.size());
  // pages/s only when the library ran: peers' files carry no timing.
  auto row = [&](const std::string& set, const std::string& pages,
                 const std::string& empty, const std::string& err,
                 const std::string& p, const std::string& r,
                 const std::string& f1, const std::string& snip,
                 const std::string& title, const std::string& author,
                 const std::string& date, const std::string& rate) {
    char buf[512];
    std::snprintf(buf, sizeof buf,
                  "%-*s %6s %5s %4s  %5s  %5s  %5s  %5s  %-11s  %-11s  %-11s",
                  static_cast<int>(w), set.c_str(), pages.c_str(),
                  empty.c_str(), err.c_str(), p.c_str(), r.c_str(), f1.c_str(),
                  snip.c_str(), title.c_str(), author.c_str(), date.c_str());
    std::string line = buf;
    if (run.library) {
      std::snprintf(buf, sizeof buf, "  %7s", rate.c_str());
      line += buf;
    }
    line.erase(line.find_last_not_of(' ') + 1);
    std::printf("%s\n", line.c_str());
  };
  auto cell = [](const std::optional<double>& x) {
    return x ? fmt3(*x) : std::string("-");
  };
  auto rate = [](std::size_t pages, double seconds) {
    return seconds > 0 ? std::to_string(std::lround(pages / seconds))
                       : std::string("-");
  };
  std::printf("== %s ==\n", run.name.c_str());
  row("set", "pages", "empty", run.library ? "err" : "miss", "P", "R", "F1",
      "snip", "title", "author", "date", "pages/s");
  std::size_t pages = 0;
  int empty = 0, errs = 0;
  for (const SetReport& r : reports) {
    const SetFigures& f = r.figures;
    const int err = run.library ? r.errors : r.missing;
    row(r.set->name, std::to_string(r.pages.size()), std::to_string(r.empty),
        std::to_string(err), cell(f.precision), cell(f.recall), cell(f.f1),
        cell(f.snippets), accuracy_cell(r.title), accuracy_cell(r.author),
        accuracy_cell(r.date), rate(r.pages.size(), r.seconds));
    pages += r.pages.size();
    empty += r.empty;
    errs += err;
  }
  row("total", std::to_string(pages), std::to_string(empty),
      std::to_string(errs), "", "", "", "", "", "", "",
      rate(pages, run.extract_seconds));
  if (run.library) {
    const double per_thread =
        run.extract_seconds > 0 ? pages / run.extract_seconds : 0;
    const double wall = run.wall_seconds > 0 ? pages / run.wall_seconds : 0;
    std::printf(
        "speed: %.0f pages/s per thread (extract() %.2f s summed over "
        "threads); "
        "%.0f pages/s with %d thread(s) (%.2f s wall, reading and scoring "
        "included)\n",
        per_thread, run.extract_seconds, wall, threads, run.wall_seconds);
  } else if (run.unmatched > 0) {  // counted only without --id
    std::printf(
        "note: %d prediction line(s) name a page that is not in their set\n",
        run.unmatched);
  }
}

// Sets whose truths give a page type: one row per type.
void print_types(const std::vector<SetReport>& reports) {
  for (const SetReport& r : reports) {
    if (r.types.empty()) continue;
    std::printf("%s by page type (page F1: mean per-page F1; zero: pages scoring 0; "
                "P/R/F1 as in the table above):\n",
                r.set->name.c_str());
    std::printf("  %-14s %5s %5s %4s  %7s  %5s  %5s  %5s  %s\n", "type", "pages", "empty",
                "zero", "page F1", "P", "R", "F1", "page type");
    Accuracy classified;
    for (const TypeBreakdown::Row& row : r.types.rows()) {
      std::printf("  %-14s %5d %5d %4d  %7s  %5s  %5s  %5s  %s\n", row.type.c_str(), row.pages,
                  row.empty, row.zero, fmt3(row.page_f1.value()).c_str(),
                  fmt3(row.body.precision()).c_str(), fmt3(row.body.recall()).c_str(),
                  fmt3(row.body.f1()).c_str(),
                  row.classified.total ? fmt3(row.classified.value()).c_str() : "-");
      classified.correct += row.classified.correct;
      classified.total += row.classified.total;
    }
    if (classified.total)
      std::printf("  page type agrees on %s of %d pages (in sample: the classifier is trained "
                  "on them; bench/train/pagetype.py gives the out-of-sample figure)\n",
                  fmt3(classified.value()).c_str(), classified.total);
  }
}

std::vector<const PageScore*> worst_pages(const SetReport& r, int n) {
  std::vector<const PageScore*> ranked;
  for (const PageScore* s : r.pages) {
    if ((s->body || s->snippets) && s->rank_score() < 1.0) ranked.push_back(s);
  }
  std::stable_sort(ranked.begin(), ranked.end(),
                   [](const PageScore* a, const PageScore* b) {
                     return a->rank_score() < b->rank_score();
                   });
  if (ranked.size() > static_cast<std::size_t>(std::max(n, 0)))
    ranked.resize(n);
  return ranked;
}

void print_worst(const std::vector<SetReport>& reports, int n) {
  if (n <= 0) return;
  for (const SetReport& r : reports) {
    const std::vector<const PageScore*> worst = worst_pages(r, n);
    if (worst.empty()) continue;
    std::size_t w = 2;
    for (const PageScore* s : worst) w = std::max(w, s->truth->id.size());
    std::printf("\nworst %s:\n", r.set->name.c_str());
    if (r.set->has_body) {
      std::printf("  %-*s  %5s  %5s  %5s%s\n", static_cast<int>(w), "id", "F1",
                  "P", "R", r.set->has_snippets ? "   snip" : "");
    } else {
      std::printf("  %-*s  %5s\n", static_cast<int>(w), "id", "snip");
    }
    for (const PageScore* s : worst) {
      std::string line = "  ";
      line += s->truth->id;
      line.append(w - s->truth->id.size(), ' ');
      if (s->body) {
        line += "  " + fmt3(page_f1(*s->body)) + "  " +
                fmt3(page_precision(*s->body)) + "  " +
                fmt3(page_recall(*s->body));
        if (s->snippets) line += "  " + fmt3(s->snippets->score());
      } else if (s->snippets) {
        line += "  " + fmt3(s->snippets->score());
      }
      if (s->missing)
        line += "  (no prediction)";
      else if (!s->error.empty())
        line += "  error: " + clip(s->error, 60);
      else if (s->empty)
        line += "  (empty output)";
      std::printf("%s\n", line.c_str());
      if (s->snippets) {
        for (const std::string& m : s->snippets->missing) {
          std::printf("  %*s    missing: \"%s\"\n", static_cast<int>(w), "",
                      clip(m).c_str());
        }
        for (const std::string& m : s->snippets->present) {
          std::printf("  %*s    present: \"%s\"\n", static_cast<int>(w), "",
                      clip(m).c_str());
        }
      }
    }
  }
}

std::string join(const std::vector<std::string>& v, const char* sep) {
  std::string out;
  for (std::size_t i = 0; i < v.size(); ++i) out += (i ? sep : "") + v[i];
  return out;
}

void print_page_text(const Set& set, const PageScore& s) {
  const Truth& t = *s.truth;
  const Output& o = s.output;
  std::printf("\n==== %s/%s", set.name.c_str(), t.id.c_str());
  if (s.body) {
    std::printf("  F1 %s  P %s  R %s", fmt3(page_f1(*s.body)).c_str(),
                fmt3(page_precision(*s.body)).c_str(),
                fmt3(page_recall(*s.body)).c_str());
  }
  if (s.snippets)
    std::printf("  snippets %s", fmt3(s.snippets->score()).c_str());
  std::printf("\n");
  if (!t.url.empty()) std::printf("url:    %s\n", t.url.c_str());
  if (!s.error.empty()) std::printf("error:  %s\n", s.error.c_str());
  auto meta = [](const char* name, const std::optional<bool>& ok,
                 const std::string& got, const std::string& want) {
    std::printf("%-7s %s", name, got.empty() ? "(none)" : got.c_str());
    if (ok)
      std::printf("   [%s; truth: %s]", *ok ? "ok" : "WRONG", want.c_str());
    std::printf("\n");
  };
  meta("title:", s.title, o.title, t.title);
  meta("author:", s.author, join(o.authors, "; "), join(t.authors, "; "));
  meta("date:", s.date, o.date, t.date);
  std::printf("---- text (%zu bytes)\n%s\n", o.text.size(), o.text.c_str());
}

// ---------------------------------------------------------------------------
// JSON report and floors
// ---------------------------------------------------------------------------

json page_json(const PageScore& s) {
  json p = {{"id", s.truth->id}, {"empty", s.empty}};
  if (!s.error.empty()) p["error"] = s.error;
  if (s.missing) p["no_prediction"] = true;
  if (s.body) {
    p["precision"] = page_precision(*s.body);
    p["recall"] = page_recall(*s.body);
    p["f1"] = page_f1(*s.body);
    p["tp"] = s.body->tp;
    p["fp"] = s.body->fp;
    p["fn"] = s.body->fn;
  }
  if (s.snippets) {
    p["snippets"] = s.snippets->score();
    if (!s.snippets->missing.empty()) p["missing"] = s.snippets->missing;
    if (!s.snippets->present.empty()) p["present"] = s.snippets->present;
  }
  if (s.title) p["title"] = *s.title;
  if (s.author) p["author"] = *s.author;
  if (s.date) p["date"] = *s.date;
  // What was returned and from where, for the per-source and per-rule
  // figures (bench/eval/metadata_rules.py).
  if (!s.truth->url.empty()) p["url"] = s.truth->url;
  if (s.author) {
    p["author_out"] = s.authors_out;
    p["author_source"] = s.author_source;
  }
  if (s.date) {
    p["date_out"] = s.date_out;
    p["date_source"] = s.date_source;
  }
  if (s.seconds > 0) p["seconds"] = s.seconds;
  return p;
}

json run_json(const Run& run, const std::vector<SetReport>& reports,
              int threads) {
  json sets = json::object();
  for (const SetReport& r : reports) {
    json s = {{"pages", r.pages.size()}, {"empty", r.empty}};
    if (run.library) {
      s["errors"] = r.errors;
      s["seconds"] = r.seconds;
      if (r.seconds > 0) s["pages_per_second"] = r.pages.size() / r.seconds;
    } else {
      s["missing"] = r.missing;
    }
    const SetFigures& f = r.figures;
    if (f.f1) {
      s["precision"] = *f.precision;
      s["recall"] = *f.recall;
      s["f1"] = *f.f1;
      s["precision_pages"] = r.body.precision_pages();
      s["recall_pages"] = r.body.recall_pages();
    }
    if (f.snippets) {
      s["snippets"] = *f.snippets;
      s["snippets_count"] = r.snippets.count;
    }
    if (f.title) {
      s["title"] = *f.title;
      s["title_count"] = r.title.total;
    }
    if (f.author) {
      s["author"] = *f.author;
      s["author_count"] = r.author.total;
    }
    if (f.date) {
      s["date"] = *f.date;
      s["date_count"] = r.date.total;
    }
    if (!r.types.empty()) {
      json types = json::object();
      for (const TypeBreakdown::Row& row : r.types.rows()) {
        types[row.type] = {{"pages", row.pages},
                           {"empty", row.empty},
                           {"zero", row.zero},
                           {"page_f1", row.page_f1.value()},
                           {"precision", row.body.precision()},
                           {"recall", row.body.recall()},
                           {"f1", row.body.f1()}};
        if (row.classified.total) types[row.type]["page_type_accuracy"] = row.classified.value();
      }
      s["page_types"] = std::move(types);
    }
    json pages = json::array();
    for (const PageScore* p : r.pages) pages.push_back(page_json(*p));
    s["per_page"] = std::move(pages);
    sets[r.set->name] = std::move(s);
  }
  json out = {{"sets", std::move(sets)}};
  if (run.library) {
    out["threads"] = threads;
    out["extract_seconds"] = run.extract_seconds;
    out["wall_seconds"] = run.wall_seconds;
  }
  return out;
}

Floors load_floors(const std::string& file) {
  const json j = json::parse(read_file(file));
  Floors floors;
  floors.epsilon = j.value("epsilon", floors.epsilon);
  for (const auto& [set, keys] : j.at("sets").items()) {
    for (const auto& [key, value] : keys.items()) {
      floors.sets[set][key] = value.get<double>();
    }
  }
  return floors;
}

// ---------------------------------------------------------------------------
// main
// ---------------------------------------------------------------------------

int run_main(int argc, char** argv) {
  CLI::App app{
      "extractor-eval: the library's figures on the evaluation sets.\n"
      "Each DIR is a datasets root (holding <set>/truth.jsonl) or one set "
      "directory;\n"
      "without DIR: $EXTRACTOR_DATASETS, else " EXTRACTOR_EVAL_DATASETS
      "\nand " EXTRACTOR_EVAL_DATASETS_MORE " when it exists.\n"
      "A set's SCORING.json says how it is run ({\"include_comments\": true}:\n"
      "with comments, appended to the text); sets whose truths give\n"
      "extra.page_type get a table by page type.\n"
      "Body P/R/F1 follow the article-extraction-benchmark convention; "
      "snippets,\n"
      "title, author and date as in the datasets' README.",
      "extractor-eval"};
  std::vector<std::string> dirs, set_names, predictions, ids;
  std::string dump_dir, json_file, floors_file, page_types_file, focus = "balanced";
  const unsigned hw = std::thread::hardware_concurrency();
  int threads = hw ? static_cast<int>(hw) : 1;
  int worst = 5;
  bool verbose = false;
  bool links = false;
  app.add_option("DIR", dirs, "datasets root or set directory (repeatable)")
      ->type_name("DIR");
  app.add_option("--sets", set_names, "only these sets (directory names)")
      ->delimiter(',')
      ->type_name("A,B")
      ->allow_extra_args(false);
  app.add_option("--threads", threads,
                 "worker threads (default: hardware threads)")
      ->check(CLI::PositiveNumber)
      ->type_name("N")
      ->capture_default_str();
  app.add_option("--worst", worst,
                 "list the N worst pages of each set (0: none)")
      ->check(CLI::NonNegativeNumber)
      ->type_name("N")
      ->capture_default_str();
  app.add_option("--dump", dump_dir,
                 "write each page's output as DIR/<set>/<id>.txt (text) and "
                 "DIR/<set>/<id>.json (render_json: full, with blocks), "
                 "DIR/<set>/<id>.out.html (Result::html), DIR/<set>/<id>.md (Result::markdown)")
      ->type_name("DIR");
  app.add_option(
         "--predictions", predictions,
         "score this JSONL of {set,id,text,title,author,date} instead of "
         "running the library; repeatable, one table per NAME "
         "(default NAME: the file's stem)")
      ->type_name("[NAME=]FILE")
      ->allow_extra_args(false);
  app.add_option("--json", json_file,
                 "write every per-set figure and per-page score to FILE")
      ->type_name("FILE");
  app.add_option(
         "--floors", floors_file,
         "exit 1 when a figure is below its floor in FILE minus its epsilon "
         "(bench/floors.json)")
      ->type_name("FILE");
  app.add_option("--page-types", page_types_file,
                 "give the library each page's kind (PageInfo::page_type) from FILE, JSON "
                 "lines of {set, id, page_type, confidence} (bench/train/pagetype.py "
                 "--predictions writes the out-of-sample ones), or \"truth\": the truth's "
                 "extra.page_type")
      ->type_name("FILE|truth");
  std::vector<std::string> rules_off;
  bool list_rules = false;
  app.add_option("--rule-off", rules_off,
                 "switch this metadata rule off, to measure it (repeatable; "
                 "bench/eval/metadata_rules.py runs every one)")
      ->type_name("NAME")
      ->allow_extra_args(false);
  app.add_flag("--list-rules", list_rules, "print the metadata rules' names and exit");
  app.add_option("--id", ids, "only this page (repeatable)")
      ->type_name("ID|SET/ID")
      ->allow_extra_args(false);
  app.add_flag("--links", links,
               "keep links in the Markdown and HTML outputs (Options::include_links; "
               "the scores read the text, which links do not change)");
  app.add_option("--focus", focus, "the library's Options::focus")
      ->check(CLI::IsMember({"precision", "balanced", "recall"}))
      ->capture_default_str();
  app.add_flag(
      "-v,--verbose", verbose,
      "print the text and metadata of the --id pages (without --id: of "
      "the worst pages)");
  app.footer(
      "Columns: empty = outputs with no word; err = extract() threw (miss = "
      "no\n"
      "prediction line); title/author/date = accuracy (pages with that "
      "truth);\n"
      "pages/s = pages / time inside extract() summed over threads.\n"
      "Exit status: 0 ok, 1 below a floor, 2 usage or input error.\n\n"
      "Examples:\n"
      "  extractor-eval --sets cleaneval,l3s-gn1 --worst 10\n"
      "  extractor-eval --id readability-tests/001 -v\n"
      "  extractor-eval --predictions "
      "trafilatura=/work/peers-out/trafilatura.jsonl\n"
      "  extractor-eval --floors bench/floors.json --worst 0");
  try {
    app.parse(argc, argv);
    if (list_rules) {
      for (const extractor::rules::Info& i : extractor::rules::all())
        std::printf("%s\t%s\n", i.name, i.what);
      return 0;
    }
    for (const std::string& r : rules_off)
      if (!extractor::rules::switch_off(r))
        throw CLI::ValidationError("--rule-off", "no metadata rule named " + r);
  } catch (const CLI::ParseError& e) {
    return app.exit(e);
  }

  if (dirs.empty()) {
    const char* env = std::getenv("EXTRACTOR_DATASETS");
    dirs.push_back(env && *env ? env : EXTRACTOR_EVAL_DATASETS);
    if (!(env && *env) && fs::is_directory(EXTRACTOR_EVAL_DATASETS_MORE))
      dirs.push_back(EXTRACTOR_EVAL_DATASETS_MORE);
  }

  // Sets, filtered by --sets and --id.
  std::vector<Set> sets;
  {
    std::set<std::string> seen;
    for (const fs::path& dir : find_set_dirs(dirs)) {
      Set s = load_set(dir);
      if (!set_names.empty() && std::find(set_names.begin(), set_names.end(),
                                          s.name) == set_names.end()) {
        continue;
      }
      if (!seen.insert(s.name).second) {
        std::fprintf(stderr, "warning: set %s given twice; using %s\n",
                     s.name.c_str(), dir.string().c_str());
        continue;
      }
      sets.push_back(std::move(s));
    }
    for (const std::string& name : set_names) {
      if (!seen.count(name)) {
        std::fprintf(stderr, "extractor-eval: no set named %s\n", name.c_str());
        return 2;
      }
    }
  }
  if (!ids.empty()) {
    std::set<std::string> matched;
    for (Set& s : sets) {
      std::vector<Truth> kept;
      for (Truth& t : s.pages) {
        for (const std::string& id : ids) {
          if (id == t.id || id == s.name + "/" + t.id) {
            matched.insert(id);
            kept.push_back(std::move(t));
            break;
          }
        }
      }
      s.pages = std::move(kept);
    }
    sets.erase(std::remove_if(sets.begin(), sets.end(),
                              [](const Set& s) { return s.pages.empty(); }),
               sets.end());
    for (const std::string& id : ids) {
      if (!matched.count(id))
        std::fprintf(stderr, "warning: no page with id %s\n", id.c_str());
    }
  }
  if (sets.empty()) {
    std::fprintf(stderr, "extractor-eval: no pages to evaluate\n");
    return 2;
  }
  for (Set& s : sets) summarise(s);

  std::vector<Job> jobs;
  for (const Set& s : sets) {
    for (const Truth& t : s.pages) jobs.push_back({&s, &t});
  }

  RunConfig config;
  config.threads = threads;
  config.keep_text = verbose;
  config.filtered_ids = !ids.empty();
  config.dump_dir = dump_dir;
  config.options.focus = focus == "precision" ? extractor::Focus::kPrecision
                         : focus == "recall"  ? extractor::Focus::kRecall
                                              : extractor::Focus::kBalanced;
  config.options.include_links = links;
  if (!page_types_file.empty()) {
    try {
      load_page_types(page_types_file, sets, &config);
    } catch (const std::exception& e) {
      std::fprintf(stderr, "extractor-eval: --page-types: %s\n", e.what());
      return 2;
    }
  }

  Floors floors;
  if (!floors_file.empty()) floors = load_floors(floors_file);  // fail early

  std::vector<Run> runs;
  if (predictions.empty()) {
    if (!dump_dir.empty()) fs::create_directories(dump_dir);
    runs.push_back(run_library(jobs, config));
  } else {
    if (!dump_dir.empty()) {
      std::fprintf(stderr, "warning: --dump is ignored with --predictions\n");
    }
    for (const std::string& p : predictions) {
      std::string name, file = p;
      const std::size_t eq = p.find('=');
      if (eq != std::string::npos && p.find('/') > eq) {
        name = p.substr(0, eq);
        file = p.substr(eq + 1);
      } else {
        name = fs::path(p).stem().string();
      }
      runs.push_back(run_predictions(name, file, jobs, config));
    }
  }

  json report = json::object();
  std::vector<std::string> failures;
  for (std::size_t k = 0; k < runs.size(); ++k) {
    const Run& run = runs[k];
    const std::vector<SetReport> reports = aggregate(sets, jobs, run);
    if (k > 0) std::printf("\n");
    print_table(run, reports, threads);
    print_types(reports);
    for (const SetReport& r : reports) {
      for (const PageScore* s : r.pages) {
        if (!s->error.empty()) {
          std::printf("error: %s/%s: %s\n", r.set->name.c_str(),
                      s->truth->id.c_str(), s->error.c_str());
        }
      }
    }
    print_worst(reports, worst);
    if (verbose) {
      for (const SetReport& r : reports) {
        const std::vector<const PageScore*> shown =
            ids.empty() ? worst_pages(r, worst) : r.pages;
        for (const PageScore* s : shown) print_page_text(*r.set, *s);
      }
    }
    if (!json_file.empty()) report[run.name] = run_json(run, reports, threads);
    if (!floors_file.empty()) {
      std::map<std::string, SetFigures> figures;
      for (const SetReport& r : reports) figures[r.set->name] = r.figures;
      for (const std::string& f : check_floors(figures, floors)) {
        failures.push_back(runs.size() > 1 ? run.name + ": " + f : f);
      }
    }
  }

  if (!json_file.empty()) write_file(json_file, report.dump(1) + "\n");
  if (!floors_file.empty()) {
    if (!failures.empty()) {
      std::printf("\nbelow floors (%s, epsilon %.3f):\n", floors_file.c_str(),
                  floors.epsilon);
      for (const std::string& f : failures) std::printf("  %s\n", f.c_str());
      return 1;
    }
    std::printf("\nfloors: all figures at or above %s\n", floors_file.c_str());
  }
  return 0;
}

}  // namespace
}  // namespace extractor::eval

int main(int argc, char** argv) {
  try {
    return extractor::eval::run_main(argc, argv);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "extractor-eval: %s\n", e.what());
    return 2;
  }
}
