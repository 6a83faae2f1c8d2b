// What the command's batch reads and shows: the pages in input order (page
// files, and the HTML records of WARC files) and the progress line.
#ifndef EXTRACTOR_BINDINGS_CLI_PAGES_H_
#define EXTRACTOR_BINDINGS_CLI_PAGES_H_

#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <memory>
#include <string>
#include <vector>

#include "extractor/extractor.h"
#include "inputs.h"
#include "warc.h"

namespace extractor::cli {

// The pages of the batch, in input order: page files (read on the workers,
// by `load`), and the HTML records of WARC files (read here, in order).
class Pages {
 public:
  Pages(const std::vector<Input>& inputs, const PageInfo& page, std::size_t max_bytes,
        std::FILE* err)
      : inputs_(inputs), page_(page), err_(err) {
    warc_options_.max_record_bytes = max_bytes;
  }

  // BatchOptions's `next`; `out_name` gets the name --output-dir mirrors.
  bool next(BatchPage& p, std::string* out_name) {
    for (;;) {
      if (warc_ && next_record(p, out_name)) return true;
      if (at_ == inputs_.size()) return false;
      const Input& input = inputs_[at_++];
      if (input.warc && input.error.empty()) {
        std::FILE* f = std::fopen(input.name.c_str(), "rb");
        if (f != nullptr) {
          warc_ = std::make_unique<warc::ReadAhead>(f, warc_options_);
          warc_name_ = input.name;
          continue;
        }
        p.error = std::strerror(errno);
      } else {
        p.error = input.error;
      }
      p.source = input.name;
      p.info = page_;
      *out_name = input.name;
      return true;
    }
  }

 private:
  // The next page or fault of the open WARC file; false (and the file's
  // summary on standard error) at its end.
  bool next_record(BatchPage& p, std::string* out_name) {
    warc::Page page;
    warc::Fault fault;
    const warc::Reader::Item item = warc_->next(&page, &fault);
    if (item == warc::Reader::Item::kEnd) {
      const std::string line =
          "extractor: " + warc_name_ + ": " + warc::summary(warc_->counts()) + "\n";
      std::fwrite(line.data(), 1, line.size(), err_);
      warc_.reset();
      return false;
    }
    const bool is_page = item == warc::Reader::Item::kPage;
    const std::uint64_t offset = is_page ? page.offset : fault.offset;
    p.source = warc_name_ + "@" + std::to_string(offset);
    *out_name = warc_name_ + "/" + std::to_string(offset) + ".warc";
    if (!is_page) {
      p.error = fault.message;
      p.fields = {{"warc_record_id", ""}, {"warc_target_uri", ""}, {"warc_date", ""}};
      return true;
    }
    p.info.url = page.target_uri;
    p.info.charset = page_.charset.empty() ? page.charset : page_.charset;
    p.info.reference_date = page_.reference_date.empty() ? page.date : page_.reference_date;
    p.owned = std::move(page.html);
    p.fields = {{"warc_record_id", std::move(page.record_id)},
                {"warc_target_uri", std::move(page.target_uri)},
                {"warc_date", std::move(page.date)}};
    return true;
  }

  const std::vector<Input>& inputs_;
  const PageInfo page_;
  std::FILE* err_;
  warc::Options warc_options_;
  std::size_t at_ = 0;
  std::unique_ptr<warc::ReadAhead> warc_;
  std::string warc_name_;
};

// "extractor: 1,234 pages, 2 errors, 310 pages/s" on a terminal's standard
// error, redrawn about once a second after the first two.
class Progress {
 public:
  explicit Progress(std::FILE* err) : err_(err), on_(isatty(fileno(err)) != 0) {}
  ~Progress() { clear(); }

  void count(bool error) {
    ++pages_;
    errors_ += error ? 1 : 0;
  }

  void tick() {
    if (!on_) return;
    const auto now = std::chrono::steady_clock::now();
    if (now - start_ < std::chrono::seconds(2) || now - last_ < std::chrono::seconds(1)) return;
    last_ = now;
    const double s = std::chrono::duration<double>(now - start_).count();
    const std::string line = "\r\033[Kextractor: " + std::to_string(pages_) + " pages, " +
                             std::to_string(errors_) + " errors, " +
                             std::to_string(static_cast<long>(pages_ / s)) + " pages/s";
    std::fwrite(line.data(), 1, line.size(), err_);
    std::fflush(err_);
    shown_ = true;
  }

  // Before a message, and at the end: the line goes.
  void clear() {
    if (!shown_) return;
    std::fwrite("\r\033[K", 1, 4, err_);
    shown_ = false;
  }

 private:
  std::FILE* err_;
  bool on_;
  bool shown_ = false;
  std::size_t pages_ = 0, errors_ = 0;
  std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now(), last_;
};

}  // namespace extractor::cli

#endif  // EXTRACTOR_BINDINGS_CLI_PAGES_H_
