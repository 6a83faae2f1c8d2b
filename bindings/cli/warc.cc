// The WARC reader (see warc.h): the record parser over the byte stream of
// warc_parse.h, and the read-ahead thread.
#include "warc.h"

#include <algorithm>
#include <condition_variable>
#include <cstring>
#include <deque>
#include <mutex>
#include <string_view>
#include <thread>
#include <utility>
#include <vector>

#include "warc_parse.h"

namespace extractor::warc {
namespace {

using namespace detail;

constexpr std::string_view kBoundary = "\r\n\r\nWARC/1.";  // a block's end, the next record

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
