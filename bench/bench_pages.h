// The pages the benchmarks run over, read into memory once.
//
// A directory argument names them: a datasets root (<root>/<set>/pages/*.html,
// with each set's truth.jsonl for the pages' URLs), one set directory
// (<set>/pages/*.html), or any directory of *.html / *.htm files (searched
// recursively). Default: the bundled examples (examples/pages).
#ifndef EXTRACTOR_BENCH_BENCH_PAGES_H_
#define EXTRACTOR_BENCH_BENCH_PAGES_H_

#include <cstddef>
#include <string>
#include <vector>

namespace extractor::bench {

struct Page {
  std::string set;    // the set's directory name ("" outside a datasets tree)
  std::string id;     // file stem
  std::string url;    // from truth.jsonl, when known
  std::string bytes;  // the raw page
};

struct Corpus {
  std::string dir;
  std::vector<Page> pages;  // sorted by set, then id
  std::size_t bytes = 0;    // sum of the pages' sizes
};

// Loads the pages under `dir` (see above). Exits with a message when there
// are none.
Corpus load_corpus(const std::string& dir);

// The corpus every benchmark of this binary runs over (set by main()).
const Corpus& corpus();
void set_corpus(Corpus corpus);

}  // namespace extractor::bench

#endif  // EXTRACTOR_BENCH_BENCH_PAGES_H_
