// One benchmark per pipeline stage, over real pages, plus the parser levers.
//
// Every benchmark first checks its stage's output on every page
// (SkipWithError when wrong), then times one pass over all pages per
// iteration. A stage's input is made by the stages before it outside the
// timed region (PauseTiming), so each figure is that stage alone; bytes/s
// and pages/s are per raw page, so that stages compare.
//
//   BM_Decode     bytes -> UTF-8                              lib/decode
//   BM_Prescan    drop script/style bodies, keep JSON-LD      lib/prescan
//   BM_Parse      Gumbo on the prescanned page, arena         lib/dom
//   BM_Segment    DOM -> blocks                               lib/segment
//   BM_Features   per-block counts and text cues              lib/features
//   BM_Score      rules + classifier                          lib/score, lib/model
//   BM_Classifier the classifier alone, on the same blocks    lib/model
//   BM_Metadata   title, authors, dates, ...                  lib/metadata*
//   BM_Render     text + Markdown + HTML of a Result          lib/render_*
//   BM_RenderJson render_json (full, with blocks)             lib/render_json
//
// The parser levers (BM_Gumbo/prescan:P/quiet:Q/arena:A): Gumbo 0.10.1
// alone on the page's raw bytes with its default options (the issue's
// baseline, "Gumbo parsing the raw pages", tree freed with
// gumbo_destroy_output as a Gumbo user would), then each lever on its own:
// max_errors = 0, the arena allocator, and the prescan's levers added one
// by one (P = 1: script/style bodies out; 2: + comments; 3: + unread
// attributes; 4: + <svg> content; 5: + white-space runs = what lib/ does).
#include <benchmark/benchmark.h>
#include <gumbo.h>

#include <cstring>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "bench_pages.h"
#include "decode.h"
#include "dom.h"
#include "extractor/extractor.h"
#include "block_features.h"
#include "metadata.h"
#include "model.h"
#include "patterns.h"
#include "prescan.h"
#include "score.h"
#include "segment.h"

namespace extractor::bench {
namespace {

const Options& options() {
  static const Options o;
  return o;
}

const Patterns& patterns() {
  static const Patterns p;
  return p;
}

// Runs fn(i) for every page i once per iteration and sets the counters.
template <typename Fn>
void over_pages(benchmark::State& state, Fn&& fn) {
  const Corpus& c = corpus();
  const std::size_t n = c.pages.size();
  std::int64_t pages = 0;
  std::int64_t bytes = 0;
  for (auto _ : state) {
    for (std::size_t i = 0; i < n; ++i) {
      fn(i);
      bytes += static_cast<std::int64_t>(c.pages[i].bytes.size());
    }
    pages += static_cast<std::int64_t>(n);
  }
  state.SetBytesProcessed(bytes);
  state.counters["pages/s"] = benchmark::Counter(static_cast<double>(pages),
                                                 benchmark::Counter::kIsRate);
}

// --- stage inputs, made once and kept (strings only: trees are rebuilt) ----

const std::vector<std::string>& decoded_pages() {
  static const std::vector<std::string> v = [] {
    std::vector<std::string> out;
    for (const Page& p : corpus().pages) out.push_back(decode(p.bytes, patterns().charsets()).text);
    return out;
  }();
  return v;
}

const std::vector<Prescanned>& prescanned_pages() {
  static const std::vector<Prescanned> v = [] {
    std::vector<Prescanned> out;
    for (const std::string& d : decoded_pages())
      out.push_back(prescan(d, PrescanOptions::all(options().max_depth)));
    return out;
  }();
  return v;
}

// The prescan with its first `levers` levers on (1: bodies only ... 5: all).
PrescanOptions levers_upto(int levers) {
  PrescanOptions o = PrescanOptions::bodies_only(options().max_depth);
  o.drop_comments = levers >= 2;
  o.drop_attributes = levers >= 3;
  o.drop_foreign = levers >= 4;
  o.collapse_space = levers >= 5;
  o.stash_text = levers >= 6;
  return o;
}

// Everything the stages make for one page, in pipeline order.
struct Staged {
  std::unique_ptr<Dom> dom;
  Segments segments;
  Scores scores;
  Metadata metadata;
};

enum class Upto { kDom, kSegment, kFeatures, kScore, kMetadata };

Staged stages(std::size_t i, Upto upto) {
  Staged s;
  s.dom = std::make_unique<Dom>(prescanned_pages()[i].html, prescanned_pages()[i].stash);
  if (upto == Upto::kDom) return s;
  s.segments = segment(*s.dom, patterns(), options(), corpus().pages[i].url);
  if (upto == Upto::kSegment) return s;
  compute_features(&s.segments.blocks, patterns());
  if (upto == Upto::kFeatures) return s;
  s.scores = score(s.segments, options());
  if (upto == Upto::kScore) return s;
  const PageInfo info{corpus().pages[i].url, {}, {}, {}, 1.0f};
  s.metadata = extract_metadata(
      MetadataInput{*s.dom, prescanned_pages()[i].json_ld, s.segments, s.scores, info, patterns()});
  return s;
}

// The content text of staged blocks, as extract() renders it.
std::string staged_text(Staged& s) {
  std::vector<Block> blocks(s.segments.blocks.size());
  for (std::size_t b = 0; b < blocks.size(); ++b) {
    const TextBlock& tb = s.segments.blocks[b];
    blocks[b].kind = tb.kind;
    blocks[b].level = tb.level;
    blocks[b].quote_depth = tb.quote_depth;
    blocks[b].ordered = tb.ordered;
    blocks[b].text = tb.text;
    blocks[b].label = s.scores.labels[b];
  }
  return render_text(blocks, options(), Label::kContent);
}

const Extractor& shared_extractor() {
  static const Extractor ex;
  return ex;
}

// --- checks, run once per binary ------------------------------------------

// "" when the stages run one by one give extract()'s text and title on every
// page: the stage benchmarks time what the library does.
const std::string& chain_error() {
  static const std::string err = [] {
    const Corpus& c = corpus();
    for (std::size_t i = 0; i < c.pages.size(); ++i) {
      const Result r = shared_extractor().extract(c.pages[i].bytes, PageInfo{c.pages[i].url, {}, {}, {}, 1.0f});
      Staged s = stages(i, Upto::kMetadata);
      if (staged_text(s) != r.text) return "stages differ from extract() on " + c.pages[i].id;
      if (s.metadata.title != r.metadata.title)
        return "metadata title differs from extract() on " + c.pages[i].id;
    }
    return std::string();
  }();
  return err;
}

bool check(benchmark::State& state, const std::string& error) {
  if (error.empty()) return true;
  state.SkipWithError(error.c_str());
  for (auto _ : state) {
  }
  return false;
}

// --- stages --------------------------------------------------------------

void BM_Decode(benchmark::State& state) {
  const Corpus& c = corpus();
  std::string err;
  for (std::size_t i = 0; i < c.pages.size() && err.empty(); ++i)
    if (!is_valid_utf8(decoded_pages()[i]) || (decoded_pages()[i].empty() && !c.pages[i].bytes.empty()))
      err = "decode: invalid or empty UTF-8 for " + c.pages[i].id;
  if (!check(state, err)) return;
  over_pages(state, [&](std::size_t i) {
    Decoded d = decode(c.pages[i].bytes, patterns().charsets());
    benchmark::DoNotOptimize(d.text.data());
  });
}
BENCHMARK(BM_Decode)->Unit(benchmark::kMillisecond);

void BM_Prescan(benchmark::State& state) {
  const Corpus& c = corpus();
  // Valid UTF-8 out, and the stages after it giving extract()'s results.
  std::string err = chain_error();
  for (std::size_t i = 0; i < c.pages.size() && err.empty(); ++i)
    if (!is_valid_utf8(prescanned_pages()[i].html))
      err = "prescan: output not valid UTF-8 for " + c.pages[i].id;
  if (!check(state, err)) return;
  std::size_t in = 0, out = 0;
  for (std::size_t i = 0; i < c.pages.size(); ++i) {
    in += decoded_pages()[i].size();
    out += prescanned_pages()[i].html.size();
  }
  state.counters["kept"] = static_cast<double>(out) / static_cast<double>(in);
  over_pages(state, [&](std::size_t i) {
    Prescanned p = prescan(decoded_pages()[i], PrescanOptions::all(options().max_depth));
    benchmark::DoNotOptimize(p.html.data());
  });
}
BENCHMARK(BM_Prescan)->Unit(benchmark::kMillisecond);

void BM_Parse(benchmark::State& state) {
  const Corpus& c = corpus();
  std::string err;
  for (std::size_t i = 0; i < c.pages.size() && err.empty(); ++i) {
    const Dom dom(prescanned_pages()[i].html, prescanned_pages()[i].stash);
    if (dom.root() == nullptr || dom.root()->type != GUMBO_NODE_ELEMENT)
      err = "parse: no root element for " + c.pages[i].id;
  }
  if (!check(state, err)) return;
  over_pages(state, [&](std::size_t i) {
    const Dom dom(prescanned_pages()[i].html, prescanned_pages()[i].stash);
    benchmark::DoNotOptimize(dom.root());
  });
}
BENCHMARK(BM_Parse)->Unit(benchmark::kMillisecond);

void BM_Segment(benchmark::State& state) {
  if (!check(state, chain_error())) return;
  over_pages(state, [&](std::size_t i) {
    state.PauseTiming();
    Staged s = stages(i, Upto::kDom);
    state.ResumeTiming();
    Segments seg = segment(*s.dom, patterns(), options(), corpus().pages[i].url);
    benchmark::DoNotOptimize(seg.blocks.data());
    state.PauseTiming();
    seg = Segments();
    s = Staged();
    state.ResumeTiming();
  });
}
BENCHMARK(BM_Segment)->Unit(benchmark::kMillisecond);

void BM_Features(benchmark::State& state) {
  if (!check(state, chain_error())) return;
  over_pages(state, [&](std::size_t i) {
    state.PauseTiming();
    Staged s = stages(i, Upto::kSegment);
    state.ResumeTiming();
    compute_features(&s.segments.blocks, patterns());
    benchmark::DoNotOptimize(s.segments.blocks.data());
    state.PauseTiming();
    s = Staged();
    state.ResumeTiming();
  });
}
BENCHMARK(BM_Features)->Unit(benchmark::kMillisecond);

void BM_Score(benchmark::State& state) {
  if (!check(state, chain_error())) return;
  std::int64_t blocks = 0;
  over_pages(state, [&](std::size_t i) {
    state.PauseTiming();
    Staged s = stages(i, Upto::kFeatures);
    blocks += static_cast<std::int64_t>(s.segments.blocks.size());
    state.ResumeTiming();
    const Scores sc = score(s.segments, options());
    benchmark::DoNotOptimize(sc.labels.data());
    state.PauseTiming();
    s = Staged();
    state.ResumeTiming();
  });
  state.counters["blocks/s"] = benchmark::Counter(static_cast<double>(blocks),
                                                  benchmark::Counter::kIsRate);
}
BENCHMARK(BM_Score)->Unit(benchmark::kMillisecond);

// The classifier's own cost inside BM_Score: model_probabilities() over the
// feature vectors score() made (ScoreTrace), as score() calls it.
void BM_Classifier(benchmark::State& state) {
  if (!check(state, chain_error())) return;
  if (!model_available()) {
    state.SkipWithError("no classifier compiled in");
    return;
  }
  std::int64_t blocks = 0;
  over_pages(state, [&](std::size_t i) {
    state.PauseTiming();
    Staged s = stages(i, Upto::kFeatures);
    ScoreTrace trace;
    score(s.segments, options(), &trace);
    const std::size_t n = trace.features.size() / kFeatureCount;
    blocks += static_cast<std::int64_t>(n);
    state.ResumeTiming();
    std::vector<float> probs(n);
    model_probabilities(trace.features.data(), n, probs.data());
    benchmark::DoNotOptimize(probs.data());
    state.PauseTiming();
    s = Staged();
    trace = ScoreTrace();
    state.ResumeTiming();
  });
  state.counters["blocks/s"] = benchmark::Counter(static_cast<double>(blocks),
                                                  benchmark::Counter::kIsRate);
}
BENCHMARK(BM_Classifier)->Unit(benchmark::kMillisecond);

void BM_Metadata(benchmark::State& state) {
  if (!check(state, chain_error())) return;
  over_pages(state, [&](std::size_t i) {
    state.PauseTiming();
    Staged s = stages(i, Upto::kScore);
    const PageInfo info{corpus().pages[i].url, {}, {}, {}, 1.0f};
    state.ResumeTiming();
    Metadata m = extract_metadata(
        MetadataInput{*s.dom, prescanned_pages()[i].json_ld, s.segments, s.scores, info, patterns()});
    benchmark::DoNotOptimize(m.title.data());
    state.PauseTiming();
    m = Metadata();
    s = Staged();
    state.ResumeTiming();
  });
}
BENCHMARK(BM_Metadata)->Unit(benchmark::kMillisecond);

// Results of extract() for the renderers, made once.
const std::vector<Result>& results() {
  static const std::vector<Result> v = [] {
    std::vector<Result> out;
    for (const Page& p : corpus().pages)
      out.push_back(shared_extractor().extract(p.bytes, PageInfo{p.url, {}, {}, {}, 1.0f}));
    return out;
  }();
  return v;
}

void BM_Render(benchmark::State& state) {
  std::string err;
  for (std::size_t i = 0; i < results().size() && err.empty(); ++i) {
    const Result& r = results()[i];
    if (render_text(r.blocks, options()) != r.text || render_markdown(r.blocks, options()) != r.markdown ||
        render_html(r.blocks, options()) != r.html)
      err = "render: output differs from extract()'s for " + corpus().pages[i].id;
  }
  if (!check(state, err)) return;
  over_pages(state, [&](std::size_t i) {
    const Result& r = results()[i];
    std::string t = render_text(r.blocks, options());
    std::string m = render_markdown(r.blocks, options());
    std::string h = render_html(r.blocks, options());
    benchmark::DoNotOptimize(t.data());
    benchmark::DoNotOptimize(m.data());
    benchmark::DoNotOptimize(h.data());
  });
}
BENCHMARK(BM_Render)->Unit(benchmark::kMillisecond);

void BM_RenderJson(benchmark::State& state) {
  JsonOptions jo;
  jo.full = true;
  jo.with_blocks = true;
  std::string err;
  for (std::size_t i = 0; i < results().size() && err.empty(); ++i) {
    const std::string j = render_json(results()[i], jo);
    if (j.size() < 2 || j.front() != '{' || j.back() != '}' || !is_valid_utf8(j))
      err = "render_json: not a JSON object for " + corpus().pages[i].id;
  }
  if (!check(state, err)) return;
  over_pages(state, [&](std::size_t i) {
    std::string j = render_json(results()[i], jo);
    benchmark::DoNotOptimize(j.data());
  });
}
BENCHMARK(BM_RenderJson)->Unit(benchmark::kMillisecond);

// --- the parser levers ----------------------------------------------------

void* arena_allocate(void* userdata, std::size_t size) {
  return static_cast<Arena*>(userdata)->allocate(size);
}
void arena_free(void*, void*) {}

// Args: input (0: the raw page's bytes, 1: the prescanned page), quiet
// (max_errors = 0), arena (the bump allocator of lib/dom).
// BM_Gumbo/prescan:0/quiet:0/arena:0 is Gumbo alone with its defaults.
void BM_Gumbo(benchmark::State& state) {
  const int levers = static_cast<int>(state.range(0));
  const bool quiet = state.range(1) != 0;
  const bool arena = state.range(2) != 0;
  const Corpus& c = corpus();
  std::vector<std::string> prescanned;
  if (levers > 0)
    for (const std::string& d : decoded_pages())
      prescanned.push_back(prescan(d, levers_upto(levers)).html);
  auto input = [&](std::size_t i) -> const std::string& {
    return levers > 0 ? prescanned[i] : c.pages[i].bytes;
  };
  auto parse = [&](std::size_t i) {
    GumboOptions o = kGumboDefaultOptions;
    if (quiet) o.max_errors = 0;
    std::unique_ptr<Arena> a;
    if (arena) {
      a = std::make_unique<Arena>();
      o.allocator = arena_allocate;
      o.deallocator = arena_free;
      o.userdata = a.get();
    }
    const std::string& in = input(i);
    GumboOutput* out = gumbo_parse_with_options(&o, in.data(), in.size());
    const bool ok = out != nullptr && out->root != nullptr;
    if (!arena) gumbo_destroy_output(&o, out);  // the arena frees all at once
    return ok;
  };
  std::string err;
  for (std::size_t i = 0; i < c.pages.size() && err.empty(); ++i)
    if (!parse(i)) err = "gumbo: no tree for " + c.pages[i].id;
  if (!check(state, err)) return;
  over_pages(state, [&](std::size_t i) { benchmark::DoNotOptimize(parse(i)); });
}
BENCHMARK(BM_Gumbo)
    ->ArgNames({"prescan", "quiet", "arena"})
    ->Args({0, 0, 0})   // Gumbo alone, default options, the raw page
    ->Args({0, 1, 0})   // + max_errors = 0
    ->Args({0, 1, 1})   // + arena
    ->Args({1, 0, 0})   // script/style bodies out, default options
    ->Args({1, 1, 1})   // + max_errors = 0, arena
    ->Args({2, 1, 1})   // + comments out
    ->Args({3, 1, 1})   // + unread attributes out
    ->Args({4, 1, 1})   // + <svg> content out
    ->Args({5, 1, 1})   // + white-space runs collapsed
    ->Args({6, 1, 1})   // + long text runs stashed: what lib/dom parses (BM_Parse adds
                        //   writing the runs back)
    ->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace extractor::bench
