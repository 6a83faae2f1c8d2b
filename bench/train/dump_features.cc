// dump_features: every block's feature vector over evaluation sets, for
// bench/train/train.py.
//
//   dump_features OUT_DIR SET_DIR...
//
// Writes OUT_DIR/features.f32 (float32 rows of kFeatureCount values, every
// block of every page in order) and OUT_DIR/pages.jsonl (one line per page:
// set, id, the title the library finds, and per block its text, kind, the
// rules' label, its label with comments included, the label and score the
// compiled-in classifier gives, its cues and its list for the list rule;
// whether the page is read as a forum thread with the compiled page type), so
// that the trainer can label blocks against the sets' truth and replay what
// score() does after the classifier with another model.
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "decode.h"
#include "dom.h"
#include "block_features.h"
#include "metadata.h"
#include "model.h"
#include "pagetype.h"
#include "patterns.h"
#include "prescan.h"
#include "regions.h"
#include "score.h"
#include "segment.h"

namespace fs = std::filesystem;
using namespace extractor;

int main(int argc, char** argv) {
  if (argc < 3) {
    std::cerr << "usage: dump_features OUT_DIR SET_DIR...\n";
    return 2;
  }
  const fs::path out_dir = argv[1];
  fs::create_directories(out_dir);
  std::ofstream features(out_dir / "features.f32", std::ios::binary);
  std::ofstream pages(out_dir / "pages.jsonl");
  const Patterns patterns;
  const Options options;
  Options with_comments;
  with_comments.include_comments = true;
  std::size_t total_blocks = 0;
  for (int a = 2; a < argc; ++a) {
    const fs::path set_dir = argv[a];
    std::string set = set_dir.filename().string();
    if (set.empty()) set = set_dir.parent_path().filename().string();  // "DIR/"
    std::ifstream truth(set_dir / "truth.jsonl");
    std::string line;
    while (std::getline(truth, line)) {
      const auto t = nlohmann::json::parse(line);
      const std::string id = t.at("id");
      const std::string url = t.value("url", "");
      std::ifstream in(set_dir / "pages" / (id + ".html"), std::ios::binary);
      std::stringstream bytes;
      bytes << in.rdbuf();
      Decoded decoded = decode(bytes.str(), patterns.charsets());
      Prescanned pre = prescan(decoded.text, PrescanOptions::all(options.max_depth));
      const Dom dom(std::move(pre.html), pre.stash);
      Segments seg;
      Scores scores;
      ScoreTrace trace;
      read_blocks(dom, patterns, options, url, &seg, &scores, &trace);
      const Scores commented = score(seg, with_comments);
      PageInfo info;
      info.url = url;
      const Metadata meta = extract_metadata(MetadataInput{dom, pre.json_ld, seg, scores, info, patterns});
      features.write(reinterpret_cast<const char*>(trace.features.data()),
                     static_cast<std::streamsize>(trace.features.size() * sizeof(float)));
      nlohmann::json page;
      page["set"] = set;
      page["id"] = id;
      page["n"] = seg.blocks.size();
      page["title"] = meta.title;
      const std::vector<float> kind_features =
          page_features(PageTypeInput{dom, pre.json_ld, seg, scores, meta, patterns});
      const PageClass kind = classify_page(kind_features);
      page["page_features"] = kind_features;
      // With the compiled page type: whether the page is read as a forum
      // thread; on every other page, reader comments the classifier keeps
      // go back to the comments (keep_comments_out; the trainer replays it).
      Scores typed = scores;
      const bool thread = read_as_type(seg, patterns, kind.type, kind.confidence, &typed);
      page["forum"] = thread;
      if (!thread) keep_comments_out(/*include_comments=*/false, &scores);
      auto& blocks = page["blocks"] = nlohmann::json::array();
      for (std::size_t i = 0; i < seg.blocks.size(); ++i) {
        nlohmann::json b = {{"text", seg.blocks[i].text},
                            {"kind", to_string(seg.blocks[i].kind)},
                            {"rule", to_string(trace.rule_labels[i])},
                            {"label", to_string(scores.labels[i])},
                            {"p", scores.content[i]},
                            {"reason", scores.reasons[i]},
                            {"cues", trace.cues.empty() ? 0u : trace.cues[i]}};
        if (commented.labels[i] == Label::kComment) b["comment"] = true;
        if (!trace.list.empty() && trace.list[i] >= 0) {
          b["list"] = trace.list[i];
          if (trace.list_marked[i]) b["list_marked"] = true;
        }
        blocks.push_back(std::move(b));
      }
      pages << page.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
      total_blocks += seg.blocks.size();
    }
  }
  std::cerr << "dump_features: " << total_blocks << " blocks, " << kFeatureCount
            << " features each\n";
  std::ofstream names(out_dir / "feature_names.txt");
  for (int f = 0; f < kFeatureCount; ++f) names << kFeatureNames[f] << "\n";
  std::ofstream page_names(out_dir / "page_feature_names.txt");
  for (int f = 0; f < kPageFeatureCount; ++f) page_names << kPageFeatureNames[f] << "\n";
  return 0;
}
