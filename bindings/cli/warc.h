// Reading the HTML pages out of a WARC file (ISO 28500: WARC/1.0 and 1.1),
// as crawlers write them: uncompressed, one gzip member per record (the
// usual .warc.gz), or the whole file in one gzip stream.
//
// Our own small record parser over zlib, because Debian has no WARC
// library. The command (cli.cc) and the Python module (`extractor.read_warc`,
// `Extractor.extract_warc`) both read WARC files with it: one implementation.
//
// What a page is: a `response` record whose HTTP payload is HTML (by its
// Content-Type; by sniffing its first bytes when the type is missing or
// generic), or a `resource` record of type text/html. Its target URI is the
// page's URL, the HTTP charset its declared charset, its WARC-Date its
// fetch date; HTTP chunked transfer coding and gzip/deflate content coding
// are undone. Every other record is skipped and counted by why.
//
// Faults never stop the reader: a truncated or corrupt record (bad gzip
// data, a header without Content-Length, a block that does not end where
// its Content-Length says) is reported with its offset and skipped, and the
// reader goes on at the next record it can find: the next gzip member, or
// the next "WARC/1." line after the bad record's header. Memory is bounded
// by Options::max_record_bytes (plus a 256 KiB read buffer), however long
// the file: a record larger than that is skipped unread, as too large.
#ifndef EXTRACTOR_BINDINGS_CLI_WARC_H_
#define EXTRACTOR_BINDINGS_CLI_WARC_H_

#include <cstdint>
#include <cstdio>
#include <map>
#include <memory>
#include <string>

namespace extractor::warc {

// One HTML page from a record.
struct Page {
  // Where the record starts: its byte offset in the file (for a .warc.gz
  // written a member per record, the offset of its gzip member, as crawl
  // indexes give it). Inside a whole-file gzip stream, where no record but
  // the first starts a member, the offset in the decompressed stream, and
  // `in_stream` is true.
  std::uint64_t offset = 0;
  bool in_stream = false;
  std::string record_id;   // WARC-Record-ID, "<urn:uuid:...>"
  std::string target_uri;  // WARC-Target-URI
  std::string date;        // WARC-Date, "2024-05-01T12:00:00Z"
  std::string charset;     // the HTTP Content-Type's charset, "" if none
  std::string html;        // the payload, transfer and content codings undone
};

// A record that could not be read.
struct Fault {
  std::uint64_t offset = 0;  // as Page::offset
  bool in_stream = false;
  std::string message;       // "truncated: 1200 of 5000 bytes", ...
};

struct Counts {
  std::uint64_t records = 0;  // records read whole (pages and skipped ones)
  std::uint64_t pages = 0;    // HTML pages handed out
  std::uint64_t faults = 0;   // records (or gzip members) that could not be read
  // Records read whole but not pages, by why: the record type ("request",
  // "metadata", "warcinfo", "revisit", ...) or, for responses, "not HTML",
  // "empty payload", "no HTTP header", "unsupported content encoding",
  // "too large".
  std::map<std::string, std::uint64_t> skipped;
};

// "2 pages from 5 records; skipped 1 request, 1 metadata; 1 fault".
std::string summary(const Counts& counts);

struct Options {
  // A record whose block is longer than this is skipped unread ("too
  // large"), and so is a page whose decoded payload is. Default 64 MiB, the
  // library's default Options::max_input_bytes.
  std::size_t max_record_bytes = std::size_t{64} << 20;
};

class Reader {
 public:
  // Reads `file` (opened for binary reading; the reader closes it). A gzip
  // stream is recognised by its first bytes, whatever the file's name.
  Reader(std::FILE* file, Options options = {});
  ~Reader();
  Reader(const Reader&) = delete;
  Reader& operator=(const Reader&) = delete;

  enum class Item { kPage, kFault, kEnd };
  // The next page or fault, in file order; kEnd at the end of the file.
  Item next(Page* page, Fault* fault);

  const Counts& counts() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// A Reader on a thread of its own, a few pages ahead of its consumer, so
// that decompressing and parsing the file overlap the extraction of the
// pages before (the command uses it). At most `max_bytes` of pages wait at
// once (besides one page of any size).
class ReadAhead {
 public:
  ReadAhead(std::FILE* file, Options options = {}, std::size_t max_bytes = std::size_t{32} << 20);
  ~ReadAhead();  // stops the reading thread
  ReadAhead(const ReadAhead&) = delete;
  ReadAhead& operator=(const ReadAhead&) = delete;

  Reader::Item next(Page* page, Fault* fault);
  // The counts once next() has returned kEnd.
  const Counts& counts() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Whether the first bytes of a payload look like HTML, as the WHATWG
// sniffing rules read them ("<!DOCTYPE HTML", "<html", "<head", "<body",
// "<p", "<!--", ... after white space).
bool sniff_html(const std::string& bytes);

// The HTTP message of a `response` record's block taken apart: the page
// when it is HTML (true), else false with `why` set to the skip reason.
bool http_page(std::string&& block, std::size_t max_bytes, Page* page, std::string* why);

}  // namespace extractor::warc

#endif  // EXTRACTOR_BINDINGS_CLI_WARC_H_
