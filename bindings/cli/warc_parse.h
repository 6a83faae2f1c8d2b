// The WARC reader's private parts (warc.h is its face): the text helpers
// the record parser and the HTTP payload share, and the byte stream that
// undoes gzip member by member.
#ifndef EXTRACTOR_BINDINGS_CLI_WARC_PARSE_H_
#define EXTRACTOR_BINDINGS_CLI_WARC_PARSE_H_

#include <zlib.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <deque>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace extractor::warc::detail {

constexpr std::size_t kChunk = std::size_t{1} << 18;      // bytes read at a time
constexpr std::size_t kMaxHeader = std::size_t{1} << 20;  // a WARC or HTTP header

using Fields = std::vector<std::pair<std::string, std::string>>;

std::string lower(std::string_view s);

// "Name: value" lines after the first line of a header, names lowercased;
// a line that starts with white space continues the one before.
Fields header_fields(std::string_view header);

// The value of the first field named `name` (lowercase), or "".
std::string field(const Fields& fields, std::string_view name);

// A decimal Content-Length; false when it is not one.
bool parse_length(std::string_view s, std::uint64_t* out);

// The media type ("text/html") and charset of a Content-Type value.
void media_type(std::string_view value, std::string* type, std::string* charset);

// text/html or application/xhtml+xml.
bool html_type(const std::string& type);

// A type that says nothing about the payload, so that the bytes decide.
bool generic_type(const std::string& type);

// ---------------------------------------------------------------------------
// Stream: the file's bytes, gzip members undone one after another.
// ---------------------------------------------------------------------------

class Stream {
 public:
  enum class Got { kData, kMemberEnd, kEnd, kFault };

  explicit Stream(std::FILE* f) : f_(f), in_(kChunk) {
    refill();
    // gzip when two of its first three bytes say so (one may be damaged).
    if (avail() >= 3)
      gzip_ = (in_[0] == 0x1f) + (in_[1] == 0x8b) + (in_[2] == 8) >= 2;
    if (gzip_ && inflateInit2(&z_, 16 + 15) != Z_OK) gzip_ = false;
  }
  ~Stream() {
    if (gzip_) inflateEnd(&z_);
    if (f_ != nullptr) std::fclose(f_);
  }

  bool gzip() const { return gzip_; }
  bool in_member() const { return in_member_; }
  std::uint64_t total() const { return total_; }  // decompressed bytes handed out
  std::uint64_t fault_offset() const { return fault_offset_; }
  const std::string& fault_message() const { return fault_message_; }

  // The file offset of the gzip member that starts at decompressed offset
  // `at`, or -1 (no member starts there). Forgets starts before `at`.
  std::int64_t member_at(std::uint64_t at) {
    while (!starts_.empty() && starts_.front().first < at) starts_.pop_front();
    if (!starts_.empty() && starts_.front().first == at) return starts_.front().second;
    return -1;
  }

  // Appends at most `max` bytes to `out`. kMemberEnd: a gzip member ended
  // cleanly after them (its CRC checked); kFault: the member being read is
  // corrupt or truncated (this call appends nothing; the stream goes on at
  // the next gzip member it finds). kData may append nothing (a spot a
  // resync guessed at was no member).
  Got read(std::string* out, std::size_t max) {
    if (!gzip_) {
      if (avail() == 0 && !refill()) return Got::kEnd;
      const std::size_t n = std::min(avail(), max);
      out->append(reinterpret_cast<const char*>(&in_[pos_]), n);
      pos_ += n;
      total_ += n;
      return Got::kData;
    }
    if (!in_member_) {
      if (!have(1)) return Got::kEnd;
      if (!gzip_header_here()) return fail_at(offset(), "not gzip data");
      inflateReset(&z_);
      member_offset_ = offset();
      in_member_ = true;
      starts_.emplace_back(total_, member_offset_);
    }
    const std::size_t before = out->size();
    out->resize(before + max);
    std::size_t produced = 0;
    Got got = Got::kData;
    while (produced < max) {
      if (avail() == 0 && !refill()) {
        out->resize(before);
        return fail_at(member_offset_, "gzip member truncated");
      }
      z_.next_in = &in_[pos_];
      z_.avail_in = static_cast<uInt>(avail());
      z_.next_out = reinterpret_cast<Bytef*>(&(*out)[before + produced]);
      z_.avail_out = static_cast<uInt>(std::min<std::size_t>(max - produced, UINT32_MAX));
      const int ret = inflate(&z_, Z_NO_FLUSH);
      pos_ = static_cast<std::size_t>(z_.next_in - in_.data());
      produced = static_cast<std::size_t>(reinterpret_cast<char*>(z_.next_out) - &(*out)[before]);
      if (ret == Z_STREAM_END) {
        in_member_ = false;
        got = Got::kMemberEnd;
        break;
      }
      if (ret != Z_OK && ret != Z_BUF_ERROR) {
        out->resize(before);
        return fail_at(member_offset_,
                       std::string("gzip: ") + (z_.msg != nullptr ? z_.msg : "corrupt data"));
      }
    }
    out->resize(before + produced);
    if (produced > 0) guessed_ = false;
    total_ += produced;
    return got;
  }

 private:
  std::size_t avail() const { return len_ - pos_; }
  std::uint64_t offset() const { return in_start_ + pos_; }

  // More compressed (or plain) bytes; false at the end of the file.
  bool refill() {
    if (eof_) return false;
    if (pos_ > 0) {
      std::memmove(in_.data(), in_.data() + pos_, avail());
      in_start_ += pos_;
      len_ -= pos_;
      pos_ = 0;
    }
    const std::size_t n = std::fread(in_.data() + len_, 1, in_.size() - len_, f_);
    len_ += n;
    if (n == 0) eof_ = true;
    return n > 0;
  }

  // Enough bytes for `n` to be looked at, if the file has them.
  bool have(std::size_t n) {
    while (avail() < n)
      if (!refill()) return false;
    return true;
  }

  // A gzip header: magic, deflate, no reserved flag bits, a known XFL.
  bool gzip_header_here() {
    if (!have(10)) return false;
    const unsigned char* p = &in_[pos_];
    return p[0] == 0x1f && p[1] == 0x8b && p[2] == 8 && (p[3] & 0xe0) == 0 &&
           (p[8] == 0 || p[8] == 2 || p[8] == 4);
  }

  // The member at `at` is bad: reported (kFault) unless it was a spot a
  // resync guessed at and gave no byte (kData, nothing appended); the stream
  // goes on at the next gzip header after `at`.
  Got fail_at(std::uint64_t at, std::string message) {
    in_member_ = false;
    const bool report = !guessed_;
    if (report) {
      fault_offset_ = at;
      fault_message_ = std::move(message);
    }
    scan(at + 1);
    return report ? Got::kFault : Got::kData;
  }

  // Goes on at the next gzip header at or after file offset `from`.
  void scan(std::uint64_t from) {
    guessed_ = true;
    if (from >= in_start_ && from <= in_start_ + len_) {
      pos_ = static_cast<std::size_t>(from - in_start_);
    } else if (fseeko(f_, static_cast<off_t>(from), SEEK_SET) == 0) {
      in_start_ = from;
      len_ = pos_ = 0;
      eof_ = false;
    }  // else (a pipe): on from where the reading is
    for (;;) {
      while (avail() >= 3) {
        const void* hit = std::memchr(&in_[pos_], 0x1f, avail() - 2);
        if (hit == nullptr) {
          pos_ = len_ - 2;
          break;
        }
        pos_ = static_cast<std::size_t>(static_cast<const unsigned char*>(hit) - in_.data());
        if (gzip_header_here()) return;
        ++pos_;
      }
      if (!refill()) {
        pos_ = len_;
        return;
      }
    }
  }

  std::FILE* f_;
  std::vector<unsigned char> in_;
  std::size_t pos_ = 0, len_ = 0;
  std::uint64_t in_start_ = 0;  // file offset of in_[0]
  bool eof_ = false;
  bool gzip_ = false;
  z_stream z_{};
  bool in_member_ = false;
  bool guessed_ = false;  // the member being read was found by a resync, no byte yet
  std::uint64_t member_offset_ = 0;
  std::uint64_t total_ = 0;
  std::deque<std::pair<std::uint64_t, std::uint64_t>> starts_;  // (decompressed, file) offsets
  std::uint64_t fault_offset_ = 0;
  std::string fault_message_;
};


}  // namespace extractor::warc::detail

#endif  // EXTRACTOR_BINDINGS_CLI_WARC_PARSE_H_
