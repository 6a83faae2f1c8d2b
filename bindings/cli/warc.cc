// The WARC reader (see warc.h): a byte stream that undoes gzip member by
// member (zlib), a record parser over it, and the HTTP payload taken apart.
#include "warc.h"

#include <zlib.h>

#include <algorithm>
#include <condition_variable>
#include <cstring>
#include <deque>
#include <mutex>
#include <thread>
#include <string_view>
#include <utility>
#include <vector>

namespace extractor::warc {
namespace {

constexpr std::size_t kChunk = std::size_t{1} << 18;        // bytes read at a time
constexpr std::size_t kMaxHeader = std::size_t{1} << 20;    // a WARC or HTTP header
constexpr std::string_view kBoundary = "\r\n\r\nWARC/1.";  // a block's end, the next record

char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = lower(c);
  return out;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
    s.remove_suffix(1);
  return s;
}

bool starts_with_nocase(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i)
    if (lower(s[i]) != lower(prefix[i])) return false;
  return true;
}

// "Name: value" lines after the first line of a header, names lowercased;
// a line that starts with white space continues the one before.
std::vector<std::pair<std::string, std::string>> header_fields(std::string_view header) {
  std::vector<std::pair<std::string, std::string>> fields;
  std::size_t at = header.find('\n');
  while (at != std::string_view::npos && at + 1 < header.size()) {
    const std::size_t start = at + 1;
    at = header.find('\n', start);
    std::string_view line =
        header.substr(start, at == std::string_view::npos ? std::string_view::npos : at - start);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty()) break;
    if ((line[0] == ' ' || line[0] == '\t') && !fields.empty()) {
      fields.back().second += " " + std::string(trim(line));
      continue;
    }
    const std::size_t colon = line.find(':');
    if (colon == std::string_view::npos) continue;
    fields.emplace_back(lower(trim(line.substr(0, colon))), std::string(trim(line.substr(colon + 1))));
  }
  return fields;
}

std::string field(const std::vector<std::pair<std::string, std::string>>& fields,
                  std::string_view name) {
  for (const auto& f : fields)
    if (f.first == name) return f.second;
  return {};
}

// A decimal Content-Length; false when it is not one.
bool parse_length(std::string_view s, std::uint64_t* out) {
  if (s.empty() || s.size() > 18) return false;
  std::uint64_t n = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
    n = n * 10 + static_cast<std::uint64_t>(c - '0');
  }
  *out = n;
  return true;
}

// The media type ("text/html") and charset of a Content-Type value.
void media_type(std::string_view value, std::string* type, std::string* charset) {
  const std::size_t semi = value.find(';');
  *type = lower(trim(value.substr(0, semi)));
  charset->clear();
  std::size_t at = semi;
  while (at != std::string_view::npos) {
    const std::size_t next = value.find(';', at + 1);
    std::string_view param = trim(value.substr(at + 1, next == std::string_view::npos
                                                           ? std::string_view::npos
                                                           : next - at - 1));
    if (starts_with_nocase(param, "charset=")) {
      std::string_view v = trim(param.substr(8));
      if (v.size() >= 2 && (v.front() == '"' || v.front() == '\'')) v = v.substr(1, v.size() - 2);
      *charset = std::string(trim(v));
    }
    at = next;
  }
}

bool html_type(const std::string& type) {
  return type == "text/html" || type == "application/xhtml+xml";
}

// A type that says nothing about the payload, so that the bytes decide.
bool generic_type(const std::string& type) {
  return type.empty() || type == "application/octet-stream" || type == "unknown/unknown" ||
         type == "application/unknown" || type == "*/*";
}

// Undoes HTTP chunked transfer coding; false (and `body` untouched) when
// the bytes are not chunked after all (crawlers often store them decoded).
bool dechunk(std::string* body) {
  std::string out;
  std::size_t at = 0;
  for (;;) {
    const std::size_t eol = body->find('\n', at);
    if (eol == std::string::npos) return false;
    std::size_t size = 0, digits = 0;
    for (std::size_t i = at; i < eol; ++i) {
      const char c = (*body)[i];
      int v = -1;
      if (c >= '0' && c <= '9') v = c - '0';
      else if (c >= 'a' && c <= 'f') v = c - 'a' + 10;
      else if (c >= 'A' && c <= 'F') v = c - 'A' + 10;
      if (v < 0) break;  // ";extension" or "\r"
      if (++digits > 15) return false;
      size = size * 16 + static_cast<std::size_t>(v);
    }
    if (digits == 0) return false;
    at = eol + 1;
    if (size == 0) break;
    if (size > body->size() - at) {  // the last chunk cut short: keep what there is
      out.append(*body, at, std::string::npos);
      break;
    }
    out.append(*body, at, size);
    at += size;
    if (at < body->size() && (*body)[at] == '\r') ++at;
    if (at < body->size() && (*body)[at] == '\n') ++at;
    if (at >= body->size()) break;
  }
  *body = std::move(out);
  return true;
}

// gzip (window_bits 16 + 15), zlib (15) or raw deflate (-15) data inflated,
// at most `limit` bytes; false when it is not such data or is larger.
bool inflate_all(const std::string& in, int window_bits, std::size_t limit, std::string* out) {
  z_stream z{};
  if (inflateInit2(&z, window_bits) != Z_OK) return false;
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
  z.avail_in = static_cast<uInt>(std::min<std::size_t>(in.size(), UINT32_MAX));
  out->clear();
  int ret = Z_OK;
  char buf[1 << 16];
  while (ret == Z_OK) {
    z.next_out = reinterpret_cast<Bytef*>(buf);
    z.avail_out = sizeof buf;
    ret = inflate(&z, Z_NO_FLUSH);
    out->append(buf, sizeof buf - z.avail_out);
    if (out->size() > limit) ret = Z_MEM_ERROR;
    if (ret == Z_BUF_ERROR && z.avail_in == 0) {  // cut short: keep what there is
      ret = out->empty() ? Z_DATA_ERROR : Z_STREAM_END;
    }
  }
  inflateEnd(&z);
  return ret == Z_STREAM_END;
}

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

}  // namespace

// ---------------------------------------------------------------------------
// The record parser.
// ---------------------------------------------------------------------------

struct Reader::Impl {
  Impl(std::FILE* f, Options o) : s(f), options(o) {}

  Stream s;
  Options options;
  Counts counts;
  std::string buf;            // decompressed bytes; buf[0] is at stream offset `base`
  std::size_t pos = 0;        // where the next record (or the scan) starts
  std::uint64_t base = 0;
  bool end = false;
  bool scanning = false;      // after a bad record: skip to the next "WARC/1." line quietly

  enum class Fill { kOk, kShort, kBroken };

  // At least `n` bytes from `pos` on, if the stream has them.
  Fill fill(std::size_t n) {
    if (pos > kChunk && pos * 2 > buf.size()) {
      buf.erase(0, pos);
      base += pos;
      pos = 0;
    }
    while (buf.size() - pos < n) {
      if (end) return Fill::kShort;
      const Stream::Got got = s.read(&buf, std::max(kChunk, n - (buf.size() - pos)));
      if (got == Stream::Got::kEnd) {
        end = true;
        return Fill::kShort;
      }
      if (got == Stream::Got::kFault) return Fill::kBroken;
    }
    return Fill::kOk;
  }

  void locate(std::uint64_t at, std::uint64_t* offset, bool* in_stream) {
    if (!s.gzip()) {
      *offset = at;
      *in_stream = false;
      return;
    }
    const std::int64_t member = s.member_at(at);
    *in_stream = member < 0;
    *offset = member < 0 ? at : static_cast<std::uint64_t>(member);
  }

  Item fault_at(std::size_t at, std::string message, Fault* fault) {
    locate(base + at, &fault->offset, &fault->in_stream);
    fault->message = std::move(message);
    ++counts.faults;
    return Item::kFault;
  }

  // The gzip stream broke under the record being read: it is dropped, and
  // reading goes on with the next member.
  Item broken(Fault* fault) {
    fault->offset = s.fault_offset();
    fault->in_stream = false;
    fault->message = s.fault_message();
    ++counts.faults;
    base = s.total();
    buf.clear();
    pos = 0;
    scanning = true;
    return Item::kFault;
  }

  // A bad record: reported at `start`, reading goes on after its header.
  Item bad(std::size_t start, std::size_t resume, std::string message, Fault* fault) {
    const Item item = fault_at(start, std::move(message), fault);
    pos = resume;
    scanning = true;
    return item;
  }

  Item next(Page* page, Fault* fault) {
    for (;;) {
      // Blank lines between records.
      for (;;) {
        const Fill f = fill(1);
        if (f == Fill::kBroken) return broken(fault);
        if (f == Fill::kShort) return Item::kEnd;
        if (buf[pos] != '\r' && buf[pos] != '\n') break;
        ++pos;
      }
      if (fill(8) == Fill::kBroken) return broken(fault);
      if (std::string_view(buf).substr(pos, 7) != "WARC/1.") {
        const std::uint64_t at = base + pos;
        std::uint64_t offset = 0;
        bool in_stream = false;
        locate(at, &offset, &in_stream);
        const bool quiet = scanning;
        if (!seek_record()) return broken(fault);
        scanning = false;
        if (quiet) continue;
        fault->offset = offset;
        fault->in_stream = in_stream;
        fault->message = "not a WARC record: " + std::to_string(base + pos - at) + " bytes skipped";
        ++counts.faults;
        return Item::kFault;
      }
      scanning = false;
      const Item item = record(page, fault);
      if (item != Item::kEnd) return item;  // kEnd here: a record skipped
    }
  }

  // Where a record's first line, "WARC/1.0" or "WARC/1.1" and CRLF, is next
  // found from `from` (anywhere: a record cut short may run into the next
  // one mid-line), or npos.
  std::size_t find_version(std::size_t from, std::size_t until = std::string::npos) const {
    for (std::size_t hit = buf.find("WARC/1.", from); hit < until && hit != std::string::npos;
         hit = buf.find("WARC/1.", hit + 1)) {
      if (hit + 10 > buf.size()) return hit;  // may be one: look again with more
      if (buf[hit + 7] >= '0' && buf[hit + 7] <= '9' && buf[hit + 8] == '\r' && buf[hit + 9] == '\n')
        return hit;
    }
    return std::string::npos;
  }

  // Moves `pos` to the next record's first line, or to the end, dropping
  // what it passes; false when the stream broke meanwhile.
  bool seek_record() {
    std::size_t from = pos + 1;
    for (;;) {
      const std::size_t hit = find_version(from);
      if (hit != std::string::npos && hit + 10 <= buf.size()) {
        pos = hit;
        return true;
      }
      // Keep the last 9 bytes: a first line across the next read.
      pos = std::max(pos, buf.size() >= 9 ? buf.size() - 9 : 0);
      const Fill f = fill(buf.size() - pos + 1);
      from = pos;
      if (f == Fill::kBroken) return false;
      if (f == Fill::kShort) {
        if (hit != std::string::npos) {
          from = hit + 1;
          continue;
        }
        pos = buf.size();
        return true;
      }
    }
  }

  // One record from `pos`: kPage, kFault, or kEnd for a record skipped.
  // (fill() may move the buffer: `pos` is the record's start throughout.)
  Item record(Page* page, Fault* fault) {
    s.member_at(base + pos);  // forget the gzip members before this record
    std::size_t header_end = std::string::npos;
    for (std::size_t searched = 0;;) {
      header_end = buf.find("\r\n\r\n", pos + searched);
      if (header_end != std::string::npos || buf.size() - pos > kMaxHeader) break;
      searched = buf.size() - pos >= 3 ? buf.size() - pos - 3 : 0;
      const Fill f = fill(buf.size() - pos + 1);
      if (f == Fill::kBroken) return broken(fault);
      if (f == Fill::kShort) break;
    }
    if (header_end == std::string::npos || header_end - pos > kMaxHeader)
      return bad(pos, pos + 1, "truncated record header", fault);
    const std::size_t header = header_end + 4 - pos;  // its blank line included
    // Another record starting inside the header: this one was cut short.
    const std::size_t inner = find_version(pos + 1, header_end);
    if (inner != std::string::npos) return bad(pos, inner, "truncated record header", fault);
    const auto fields = header_fields(std::string_view(buf).substr(pos, header));
    std::uint64_t length = 0;
    const std::string declared = field(fields, "content-length");
    if (declared.empty()) return bad(pos, pos + header, "record without Content-Length", fault);
    if (!parse_length(declared, &length))
      return bad(pos, pos + header, "invalid Content-Length '" + declared + "'", fault);
    const std::string type = lower(field(fields, "warc-type"));
    if (length > options.max_record_bytes) return skip_large(header, length, type, fault);

    const std::size_t need = header + static_cast<std::size_t>(length);
    if (fill(need + 4) == Fill::kBroken) return broken(fault);
    const std::size_t have = buf.size() - pos;
    if (have < need)
      return bad(pos, pos + header,
                 "truncated record: " + std::to_string(have - header) + " of " +
                     std::to_string(length) + " bytes",
                 fault);
    const std::string_view tail = std::string_view(buf).substr(pos + need, 4);
    if (tail != "\r\n\r\n" && !(end && std::string_view("\r\n\r\n").substr(0, tail.size()) == tail))
      return bad(pos, pos + header,
                 "record does not end where its Content-Length (" + declared + ") says", fault);
    // A .warc.gz record ends its gzip member: the member's CRC is checked
    // before the record is believed.
    if (s.gzip() && s.in_member() && buf.size() == pos + need + tail.size()) {
      const Stream::Got got = s.read(&buf, kChunk);
      if (got == Stream::Got::kFault) {
        const Item item = fault_at(pos, s.fault_message(), fault);
        base = s.total();
        buf.clear();
        pos = 0;
        scanning = true;
        return item;
      }
    }
    ++counts.records;
    std::string block = buf.substr(pos + header, static_cast<std::size_t>(length));
    locate(base + pos, &page->offset, &page->in_stream);
    pos += need + tail.size();
    return take(fields, type, std::move(block), page) ? Item::kPage : Item::kEnd;
  }

  // A block over max_record_bytes: read past, not kept; stops early where
  // the next record visibly begins (its Content-Length was wrong).
  Item skip_large(std::size_t header, std::uint64_t length, const std::string& type,
                  Fault* fault) {
    std::uint64_t offset = 0;
    bool in_stream = false;
    locate(base + pos, &offset, &in_stream);
    auto fail = [&](std::string message) {
      fault->offset = offset;
      fault->in_stream = in_stream;
      fault->message = std::move(message);
      ++counts.faults;
      return Item::kFault;
    };
    pos += header;
    std::size_t look = pos;  // where a boundary may start
    std::uint64_t left = length;
    while (left > 0) {
      const Fill f = fill(1);
      if (f == Fill::kBroken) return broken(fault);
      if (f == Fill::kShort)
        return fail("truncated record: " + std::to_string(length - left) + " of " +
                    std::to_string(length) + " bytes");
      const std::size_t take =
          static_cast<std::size_t>(std::min<std::uint64_t>(left, buf.size() - pos));
      const std::size_t hit = buf.find(kBoundary, look);
      if (hit != std::string::npos && hit + 4 <= pos + take) {
        pos = hit + 4;
        scanning = false;
        return fail("record ends before its Content-Length (" + std::to_string(length) +
                    ") says");
      }
      pos += take;
      left -= take;
      look = pos - std::min(pos - look, kBoundary.size() - 1);
      if (look > kChunk) {  // nothing of the block is kept
        buf.erase(0, look);
        base += look;
        pos -= look;
        look = 0;
      }
    }
    if (fill(4) == Fill::kBroken) return broken(fault);
    if (std::string_view(buf).substr(pos, 4) == "\r\n\r\n") pos += 4;
    ++counts.records;
    if (type == "response" || type == "resource")
      return fail("record of " + std::to_string(length) + " bytes is over the limit of " +
                  std::to_string(options.max_record_bytes) + " bytes: skipped");
    ++counts.skipped["too large"];
    return Item::kEnd;
  }

  // A record read whole: true when it is a page (then in `page`).
  bool take(const std::vector<std::pair<std::string, std::string>>& fields,
            const std::string& type, std::string&& block, Page* page) {
    std::string why;
    bool html = false;
    if (type == "response") {
      html = http_page(std::move(block), options.max_record_bytes, page, &why);
    } else if (type == "resource") {
      std::string media;
      media_type(field(fields, "content-type"), &media, &page->charset);
      html = !block.empty() && (html_type(media) || (generic_type(media) && sniff_html(block)));
      why = block.empty() ? "empty payload" : "not HTML";
      if (html) page->html = std::move(block);
    } else {
      why = type.empty() ? "no WARC-Type" : type;
    }
    if (!html) {
      ++counts.skipped[why];
      return false;
    }
    std::string uri = field(fields, "warc-target-uri");
    if (uri.size() >= 2 && uri.front() == '<' && uri.back() == '>') uri = uri.substr(1, uri.size() - 2);
    page->target_uri = std::move(uri);
    page->record_id = field(fields, "warc-record-id");
    page->date = field(fields, "warc-date");
    ++counts.pages;
    return true;
  }
};

bool http_page(std::string&& block, std::size_t max_bytes, Page* page, std::string* why) {
  page->html.clear();
  page->charset.clear();
  std::size_t body = block.find("\r\n\r\n");
  std::size_t skip = 4;
  const std::size_t lf = block.find("\n\n");
  if (lf != std::string::npos && (body == std::string::npos || lf < body)) {
    body = lf;
    skip = 2;
  }
  if (!starts_with_nocase(block, "HTTP/") || body == std::string::npos || body > kMaxHeader) {
    *why = "no HTTP header";
    return false;
  }
  const auto fields = header_fields(std::string_view(block).substr(0, body + skip));
  block.erase(0, body + skip);
  std::string type;
  media_type(field(fields, "content-type"), &type, &page->charset);
  const std::string transfer = lower(field(fields, "transfer-encoding"));
  if (transfer.find("chunked") != std::string::npos) dechunk(&block);
  const std::string coding = lower(field(fields, "content-encoding"));
  if (!coding.empty() && coding != "identity") {
    std::string plain;
    const bool gz = coding == "gzip" || coding == "x-gzip";
    const bool ok = gz ? inflate_all(block, 16 + 15, max_bytes, &plain)
                  : coding == "deflate" ? (inflate_all(block, 15, max_bytes, &plain) ||
                                           inflate_all(block, -15, max_bytes, &plain))
                                        : false;
    if (ok) {
      block = std::move(plain);
    } else if (!sniff_html(block)) {  // not stored decoded either
      *why = gz || coding == "deflate" ? "undecodable content encoding"
                                       : "unsupported content encoding";
      return false;
    }
  }
  if (block.empty()) {
    *why = "empty payload";
    return false;
  }
  if (!html_type(type) && !(generic_type(type) && sniff_html(block))) {
    *why = "not HTML";
    return false;
  }
  page->html = std::move(block);
  return true;
}

bool sniff_html(const std::string& bytes) {
  std::string_view s(bytes);
  if (s.substr(0, 3) == "\xEF\xBB\xBF") s.remove_prefix(3);
  while (!s.empty() && (s[0] == ' ' || s[0] == '\t' || s[0] == '\n' || s[0] == '\r' || s[0] == '\f'))
    s.remove_prefix(1);
  static const char* const kTags[] = {"<!DOCTYPE HTML", "<HTML", "<HEAD", "<SCRIPT", "<IFRAME",
                                      "<H1", "<DIV", "<FONT", "<TABLE", "<A", "<STYLE",
                                      "<TITLE", "<B", "<BODY", "<BR", "<P", "<!--"};
  for (const char* tag : kTags) {
    const std::size_t n = std::strlen(tag);
    if (!starts_with_nocase(s, tag)) continue;
    if (std::strcmp(tag, "<!--") == 0) return true;
    if (s.size() > n && (s[n] == ' ' || s[n] == '>')) return true;
  }
  return false;
}

std::string summary(const Counts& c) {
  std::string out = std::to_string(c.pages) + (c.pages == 1 ? " page" : " pages") + " from " +
                    std::to_string(c.records) + (c.records == 1 ? " record" : " records");
  if (!c.skipped.empty()) {
    out += "; skipped";
    const char* sep = " ";
    for (const auto& [why, n] : c.skipped) {
      out += sep + std::to_string(n) + " " + why;
      sep = ", ";
    }
  }
  if (c.faults > 0)
    out += "; " + std::to_string(c.faults) + (c.faults == 1 ? " fault" : " faults");
  return out;
}

Reader::Reader(std::FILE* file, Options options)
    : impl_(std::make_unique<Impl>(file, options)) {}
Reader::~Reader() = default;

Reader::Item Reader::next(Page* page, Fault* fault) { return impl_->next(page, fault); }

const Counts& Reader::counts() const { return impl_->counts; }

struct ReadAhead::Impl {
  struct Item {
    Reader::Item kind;
    Page page;
    Fault fault;
  };

  Impl(std::FILE* file, Options options, std::size_t max_bytes)
      : reader(file, options), max_bytes(max_bytes), thread([this] { read(); }) {}

  ~Impl() {
    {
      std::lock_guard<std::mutex> lock(mu);
      stop = true;
    }
    cv.notify_all();
    thread.join();
  }

  void read() {
    for (;;) {
      Item item;
      item.kind = reader.next(&item.page, &item.fault);
      const std::size_t size = item.page.html.size();
      std::unique_lock<std::mutex> lock(mu);
      cv.wait(lock, [&] { return stop || queued.empty() || bytes + size <= max_bytes; });
      if (stop) return;
      const bool end = item.kind == Reader::Item::kEnd;
      bytes += size;
      queued.push_back(std::move(item));
      cv.notify_all();
      if (end) return;
    }
  }

  Reader::Item next(Page* page, Fault* fault) {
    std::unique_lock<std::mutex> lock(mu);
    cv.wait(lock, [&] { return !queued.empty(); });
    Item item = std::move(queued.front());
    queued.pop_front();
    bytes -= item.page.html.size();
    if (item.kind == Reader::Item::kEnd) {
      queued.push_front(Item{Reader::Item::kEnd, {}, {}});  // the end stays the end
    } else {
      cv.notify_all();
    }
    lock.unlock();
    if (page != nullptr) *page = std::move(item.page);
    if (fault != nullptr) *fault = std::move(item.fault);
    return item.kind;
  }

  Reader reader;  // its counts are read after the end only
  const std::size_t max_bytes;
  std::mutex mu;
  std::condition_variable cv;
  std::deque<Item> queued;
  std::size_t bytes = 0;
  bool stop = false;
  std::thread thread;  // last: starts once the rest is ready
};

ReadAhead::ReadAhead(std::FILE* file, Options options, std::size_t max_bytes)
    : impl_(std::make_unique<Impl>(file, options, max_bytes)) {}
ReadAhead::~ReadAhead() = default;

Reader::Item ReadAhead::next(Page* page, Fault* fault) { return impl_->next(page, fault); }

const Counts& ReadAhead::counts() const { return impl_->reader.counts(); }

}  // namespace extractor::warc
