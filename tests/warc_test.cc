// The WARC reader (bindings/cli/warc.h) on WARC files built here from the
// fixture pages of tests/data: every kind of record, the three layouts
// (uncompressed, a gzip member per record, one gzip stream), and the faults
// a crawl's files have: files cut short and records cut out at every 997th
// byte, bit flips, records without Content-Length, empty payloads, a
// Content-Length that lies, and a 100 MB payload. Every good record must
// come out, byte for byte, and every fault be counted and named.
#include <zlib.h>

#include <unistd.h>

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "warc.h"

#ifndef EXTRACTOR_TEST_DATA
#error "EXTRACTOR_TEST_DATA must name the tests/data directory"
#endif

namespace fs = std::filesystem;
using extractor::warc::Fault;
using extractor::warc::Page;
using extractor::warc::Reader;

namespace {

std::string ReadFile(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  std::ostringstream s;
  s << f.rdbuf();
  return s.str();
}

// One gzip member (or, with `whole`, the start of a stream: see Gzip()).
std::string Gzip(const std::string& data) {
  z_stream z{};
  deflateInit2(&z, 6, Z_DEFLATED, 16 + 15, 8, Z_DEFAULT_STRATEGY);
  std::string out(deflateBound(&z, data.size()) + 64, '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  z.avail_in = static_cast<uInt>(data.size());
  z.next_out = reinterpret_cast<Bytef*>(&out[0]);
  z.avail_out = static_cast<uInt>(out.size());
  EXPECT_EQ(deflate(&z, Z_FINISH), Z_STREAM_END);
  out.resize(z.total_out);
  deflateEnd(&z);
  return out;
}

std::string Zlib(const std::string& data) {
  uLongf n = compressBound(data.size());
  std::string out(n, '\0');
  compress(reinterpret_cast<Bytef*>(&out[0]), &n, reinterpret_cast<const Bytef*>(data.data()),
           data.size());
  out.resize(n);
  return out;
}

int serial = 0;

struct Rec {
  std::string bytes;     // the whole record
  bool page = false;     // an HTML page the reader must give
  std::string uri, id, charset, html;
};

Rec Record(const std::string& type, const std::string& block, const std::string& uri,
           const std::string& content_type, bool with_length = true) {
  Rec r;
  r.id = "<urn:uuid:00000000-0000-0000-0000-" + std::to_string(100000000000 + ++serial) + ">";
  r.uri = uri;
  std::string h = "WARC/1.1\r\nWARC-Type: " + type + "\r\nWARC-Record-ID: " + r.id +
                  "\r\nWARC-Date: 2024-05-01T12:00:00Z\r\n";
  if (!uri.empty()) h += "WARC-Target-URI: " + uri + "\r\n";
  if (!content_type.empty()) h += "Content-Type: " + content_type + "\r\n";
  if (with_length) h += "Content-Length: " + std::to_string(block.size()) + "\r\n";
  r.bytes = h + "\r\n" + block + "\r\n\r\n";
  return r;
}

// A response record; `page_html` is what the reader must hand out (empty:
// the record is not a page).
Rec Response(const std::string& uri, const std::string& headers, const std::string& body,
             const std::string& page_html, const std::string& charset = "") {
  Rec r = Record("response", "HTTP/1.1 200 OK\r\n" + headers + "\r\n" + body, uri,
                 "application/http; msgtype=response");
  r.page = !page_html.empty();
  r.html = page_html;
  r.charset = charset;
  return r;
}

std::string Chunked(const std::string& body) {
  std::string out;
  for (std::size_t i = 0; i < body.size(); i += 700) {
    const std::string piece = body.substr(i, 700);
    char size[32];
    std::snprintf(size, sizeof size, "%zx\r\n", piece.size());
    out += size + piece + "\r\n";
  }
  return out + "0\r\n\r\n";
}

// Records of every kind, from the fixture pages.
std::vector<Rec> Corpus() {
  std::vector<std::string> pages;
  for (const auto& e : fs::directory_iterator(EXTRACTOR_TEST_DATA))
    if (e.path().extension() == ".html") pages.push_back(e.path().string());
  std::sort(pages.begin(), pages.end());
  std::vector<Rec> recs;
  recs.push_back(Record("warcinfo", "software: warc_test\r\n", "", "application/warc-fields"));
  int n = 0;
  for (const std::string& p : pages) {
    const std::string html = ReadFile(p);
    const std::string uri = "https://fixtures.example/" + fs::path(p).filename().string();
    recs.push_back(Record("request", "GET / HTTP/1.1\r\nHost: fixtures.example\r\n\r\n", uri,
                          "application/http; msgtype=request"));
    switch (n++ % 5) {
      case 0:
        recs.push_back(Response(uri, "Content-Type: text/html; charset=UTF-8\r\n", html, html,
                                "UTF-8"));
        break;
      case 1:
        recs.push_back(Response(uri, "Content-Type: text/html\r\nTransfer-Encoding: chunked\r\n",
                                Chunked(html), html));
        break;
      case 2:
        recs.push_back(Response(uri, "Content-Type: text/html\r\nContent-Encoding: gzip\r\n",
                                Gzip(html), html));
        break;
      case 3:
        recs.push_back(Response(uri, "Content-Encoding: deflate\r\n", Zlib(html), html));
        break;  // no Content-Type: sniffed
      default:
        recs.push_back(Response(uri, "Content-Type: application/octet-stream\r\n", html, html));
    }
    recs.push_back(Record("metadata", "fetchTimeMs: 12\r\n", uri, "application/warc-fields"));
  }
  // Not pages: an image, JSON, an empty payload, a revisit, a response
  // without an HTTP header; a resource record that is.
  recs.push_back(Response("https://fixtures.example/a.png", "Content-Type: image/png\r\n",
                          std::string("\x89PNG\r\n\x1a\n\0\0", 10), ""));
  recs.push_back(Response("https://fixtures.example/a.json",
                          "Content-Type: application/json\r\n", "{\"a\": 1}", ""));
  recs.push_back(Response("https://fixtures.example/empty", "Content-Type: text/html\r\n", "", ""));
  recs.push_back(Record("revisit", "HTTP/1.1 200 OK\r\n\r\n", "https://fixtures.example/r",
                        "application/http; msgtype=response"));
  recs.push_back(Record("response", "", "https://fixtures.example/zero", "application/http"));
  Rec res = Record("resource", "<!doctype html><title>Kept</title><p>A resource page.</p>",
                   "https://fixtures.example/resource", "text/html; charset=windows-1252");
  res.page = true;
  res.html = "<!doctype html><title>Kept</title><p>A resource page.</p>";
  res.charset = "windows-1252";
  recs.push_back(res);
  return recs;
}

enum class Layout { kPlain, kMembers, kWhole };

// The file's bytes, and each record's [start, end) in them (for kWhole, in
// the decompressed stream).
std::string Build(const std::vector<Rec>& recs, Layout layout,
                  std::vector<std::pair<std::size_t, std::size_t>>* spans = nullptr) {
  std::string out, plain;
  for (const Rec& r : recs) {
    const std::size_t start = layout == Layout::kWhole ? plain.size() : out.size();
    if (layout == Layout::kMembers) {
      out += Gzip(r.bytes);
    } else {
      (layout == Layout::kWhole ? plain : out) += r.bytes;
    }
    if (spans != nullptr)
      spans->emplace_back(start, layout == Layout::kWhole ? plain.size() : out.size());
  }
  return layout == Layout::kWhole ? Gzip(plain) : out;
}

struct Read {
  std::vector<Page> pages;
  std::vector<Fault> faults;
  extractor::warc::Counts counts;
};

Read ReadWarc(const std::string& bytes, std::size_t max_record = std::size_t{64} << 20) {
  static int n = 0;
  const std::string path = (fs::temp_directory_path() /
                            ("warc_test_" + std::to_string(getpid()) + "_" + std::to_string(n++)))
                               .string();
  {
    std::ofstream f(path, std::ios::binary);
    f.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  }
  extractor::warc::Options o;
  o.max_record_bytes = max_record;
  Reader reader(std::fopen(path.c_str(), "rb"), o);
  Read out;
  for (;;) {
    Page p;
    Fault f;
    const Reader::Item item = reader.next(&p, &f);
    if (item == Reader::Item::kEnd) break;
    if (item == Reader::Item::kPage) out.pages.push_back(std::move(p));
    if (item == Reader::Item::kFault) out.faults.push_back(std::move(f));
  }
  out.counts = reader.counts();
  fs::remove(path);
  return out;
}

// The pages of `recs` (those whose index `keep` allows), as the reader must
// give them.
std::vector<const Rec*> Expected(const std::vector<Rec>& recs,
                                 const std::function<bool(std::size_t)>& keep) {
  std::vector<const Rec*> out;
  for (std::size_t i = 0; i < recs.size(); ++i)
    if (recs[i].page && keep(i)) out.push_back(&recs[i]);
  return out;
}

// Every expected page is in `got`, in order, byte for byte; `extra` more
// (damaged but readable) pages may be among them.
void ExpectPages(const std::vector<const Rec*>& want, const std::vector<Page>& got,
                 const std::string& what) {
  std::size_t g = 0;
  for (const Rec* w : want) {
    while (g < got.size() && got[g].record_id != w->id) ++g;
    ASSERT_LT(g, got.size()) << what << ": lost " << w->uri;
    EXPECT_EQ(got[g].html, w->html) << what << ": " << w->uri;
    EXPECT_EQ(got[g].target_uri, w->uri);
    EXPECT_EQ(got[g].charset, w->charset);
    EXPECT_EQ(got[g].date, "2024-05-01T12:00:00Z");
    ++g;
  }
}

TEST(Warc, EveryLayoutGivesEveryPage) {
  const std::vector<Rec> recs = Corpus();
  const auto all = Expected(recs, [](std::size_t) { return true; });
  ASSERT_GE(all.size(), 8u);
  for (Layout layout : {Layout::kPlain, Layout::kMembers, Layout::kWhole}) {
    std::vector<std::pair<std::size_t, std::size_t>> spans;
    const Read r = ReadWarc(Build(recs, layout, &spans));
    EXPECT_TRUE(r.faults.empty()) << r.faults[0].message;
    ASSERT_EQ(r.pages.size(), all.size());
    ExpectPages(all, r.pages, "whole file");
    EXPECT_EQ(r.counts.records, recs.size());
    EXPECT_EQ(r.counts.pages, all.size());
    EXPECT_EQ(r.counts.skipped.at("request"), all.size() - 1);
    EXPECT_EQ(r.counts.skipped.at("not HTML"), 2u);
    EXPECT_EQ(r.counts.skipped.at("empty payload"), 1u);
    EXPECT_EQ(r.counts.skipped.at("no HTTP header"), 1u);
    EXPECT_EQ(r.counts.skipped.at("revisit"), 1u);
    // Offsets are where the records start (a member's, for .warc.gz).
    std::size_t page = 0;
    for (std::size_t i = 0; i < recs.size(); ++i) {
      if (!recs[i].page) continue;
      EXPECT_EQ(r.pages[page].offset, spans[i].first) << recs[i].uri;
      EXPECT_EQ(r.pages[page].in_stream, layout == Layout::kWhole && i > 0);
      ++page;
    }
  }
  EXPECT_EQ(extractor::warc::summary(ReadWarc(Build(recs, Layout::kPlain)).counts),
            std::to_string(all.size()) + " pages from " + std::to_string(recs.size()) +
                " records; skipped 1 empty payload, " + std::to_string(all.size() - 1) +
                " metadata, 1 no HTTP header, 2 not HTML, " + std::to_string(all.size() - 1) +
                " request, 1 revisit, 1 warcinfo");
}

// A record cut short where the next one follows (a hole of bytes from
// every 997th byte to the next record's start): only that record is lost,
// as a fault; and the file cut off there: every record before the cut.
TEST(Warc, CutAtEvery997thByte) {
  const std::vector<Rec> recs = Corpus();
  for (Layout layout : {Layout::kPlain, Layout::kMembers}) {
    std::vector<std::pair<std::size_t, std::size_t>> spans;
    const std::string file = Build(recs, layout, &spans);
    std::size_t cuts = 0;
    for (std::size_t cut = 997; cut < file.size(); cut += 997, ++cuts) {
      std::size_t hit = 0;
      while (spans[hit].second <= cut) ++hit;
      if (spans[hit].first == cut) continue;  // no record is cut there
      const std::string what = "layout " + std::to_string(static_cast<int>(layout)) + " cut at " +
                               std::to_string(cut) + " in record " + std::to_string(hit);
      const Read holed = ReadWarc(file.substr(0, cut) + file.substr(spans[hit].second));
      ExpectPages(Expected(recs, [&](std::size_t i) { return i != hit; }), holed.pages, what);
      // Cut inside the final blank line of a record: that record is whole.
      const bool whole = layout == Layout::kPlain && spans[hit].second - cut <= 4;
      EXPECT_EQ(holed.faults.size(), whole ? 0u : 1u) << what;
      EXPECT_EQ(holed.counts.faults, holed.faults.size());
      for (const Fault& f : holed.faults) EXPECT_EQ(f.offset, spans[hit].first) << f.message;

      const Read cut_off = ReadWarc(file.substr(0, cut));
      ExpectPages(Expected(recs, [&](std::size_t i) { return i < hit; }), cut_off.pages, what);
      EXPECT_LE(cut_off.faults.size(), 1u) << what;
    }
    EXPECT_GT(cuts, 30u);
  }
  // One gzip stream: what was written before the cut still comes out.
  std::vector<std::pair<std::size_t, std::size_t>> spans;
  const std::string file = Build(recs, Layout::kWhole, &spans);
  for (std::size_t cut = 997; cut < file.size(); cut += 997) {
    const Read r = ReadWarc(file.substr(0, cut));
    EXPECT_EQ(r.faults.size(), 1u) << cut;
    for (std::size_t i = 0; i < r.pages.size(); ++i) {
      const auto want = Expected(recs, [](std::size_t) { return true; });
      EXPECT_EQ(r.pages[i].html, want[i]->html);
    }
  }
}

// Bit flips: every record that holds no flipped bit still comes out
// unchanged; the damaged ones are faults or (uncompressed) damaged pages.
TEST(Warc, BitFlips) {
  const std::vector<Rec> recs = Corpus();
  const char* seed = std::getenv("EXTRACTOR_WARC_SEED");  // another sequence of flips
  std::mt19937 rng(seed != nullptr ? static_cast<unsigned>(std::atoi(seed)) : 15u);
  for (Layout layout : {Layout::kPlain, Layout::kMembers}) {
    std::vector<std::pair<std::size_t, std::size_t>> spans;
    const std::string file = Build(recs, layout, &spans);
    std::size_t faults = 0;
    for (int trial = 0; trial < 300; ++trial) {
      std::string bad = file;
      if (trial < 3) {  // the file's first bytes: the gzip magic, "WARC/1.1"
        bad[trial] = static_cast<char>(bad[trial] ^ 0x10);
        const Read r = ReadWarc(bad);
        ExpectPages(Expected(recs, [](std::size_t i) { return i != 0; }), r.pages, "first bytes");
        continue;
      }
      std::vector<bool> hit(recs.size(), false);
      const int flips = 1 + trial % 4;
      for (int k = 0; k < flips; ++k) {
        const std::size_t at = rng() % bad.size();
        bad[at] = static_cast<char>(bad[at] ^ (1 << (rng() % 8)));
        for (std::size_t i = 0; i < spans.size(); ++i)
          if (at >= spans[i].first && at < spans[i].second) hit[i] = true;
      }
      const Read r = ReadWarc(bad);
      ExpectPages(Expected(recs, [&](std::size_t i) { return !hit[i]; }), r.pages,
                  "trial " + std::to_string(trial));
      EXPECT_EQ(r.counts.faults, r.faults.size());
      for (const Fault& f : r.faults) EXPECT_FALSE(f.message.empty());
      faults += r.faults.size();
    }
    // gzip's CRC sees nearly every flip; uncompressed, most flips land in
    // a page's bytes and make another page, not a fault.
    EXPECT_GT(faults, layout == Layout::kMembers ? 250u : 0u);
  }
}

TEST(Warc, RecordWithoutContentLengthIsAFault) {
  std::vector<Rec> recs = Corpus();
  Rec& victim = recs[2];  // the first page's response
  ASSERT_TRUE(victim.page);
  const std::size_t at = victim.bytes.find("Content-Length: ");
  victim.bytes.erase(at, victim.bytes.find("\r\n", at) + 2 - at);
  for (Layout layout : {Layout::kPlain, Layout::kMembers, Layout::kWhole}) {
    const Read r = ReadWarc(Build(recs, layout));
    ExpectPages(Expected(recs, [](std::size_t i) { return i != 2; }), r.pages, "no length");
    ASSERT_EQ(r.faults.size(), 1u);
    EXPECT_EQ(r.faults[0].message, "record without Content-Length");
  }
}

// A Content-Length that says more than the record holds, and one over the
// size limit: the records after it still come out.
TEST(Warc, LyingContentLength) {
  for (const std::string lie : {"Content-Length: 9", "Content-Length: 99999999999"}) {
    std::vector<Rec> recs = Corpus();
    Rec& victim = recs[5];
    ASSERT_TRUE(victim.page);
    const std::size_t at = victim.bytes.find("Content-Length: ");
    victim.bytes.replace(at, victim.bytes.find("\r\n", at) - at, lie);
    for (Layout layout : {Layout::kPlain, Layout::kMembers, Layout::kWhole}) {
      const Read r = ReadWarc(Build(recs, layout));
      ExpectPages(Expected(recs, [](std::size_t i) { return i != 5; }), r.pages, lie);
      EXPECT_EQ(r.faults.size(), 1u) << lie;
    }
  }
}

// Garbage before, between and after records is reported once each.
TEST(Warc, GarbageIsSkippedAndNamed) {
  const std::vector<Rec> recs = Corpus();
  std::string file = "junk\r\n" + recs[0].bytes + recs[1].bytes + "more junk\r\n";
  for (std::size_t i = 2; i < recs.size(); ++i) file += recs[i].bytes;
  file += std::string("\0\0\0tail", 7);
  const Read r = ReadWarc(file);
  ExpectPages(Expected(recs, [](std::size_t) { return true; }), r.pages, "garbage");
  ASSERT_EQ(r.faults.size(), 3u);
  EXPECT_EQ(r.faults[0].message, "not a WARC record: 6 bytes skipped");
  EXPECT_EQ(r.faults[0].offset, 0u);
}

// A 100 MB payload: over the 64 MiB limit a fault (and the reader skips it
// without holding it); under a larger limit, the page, whole.
TEST(Warc, HundredMegabytePayload) {
  std::string big = "<!doctype html><title>Big</title><body>";
  const std::string para = "<p>A paragraph of a very long page, repeated to make it large.</p>\n";
  while (big.size() < 100'000'000) big += para;
  std::vector<Rec> recs = Corpus();
  recs.insert(recs.begin() + 3, Response("https://fixtures.example/big",
                                         "Content-Type: text/html\r\n", big, big));
  for (Layout layout : {Layout::kPlain, Layout::kMembers}) {
    const std::string file = Build(recs, layout);
    const Read limited = ReadWarc(file);
    ExpectPages(Expected(recs, [](std::size_t i) { return i != 3; }), limited.pages, "limited");
    ASSERT_EQ(limited.faults.size(), 1u);
    EXPECT_NE(limited.faults[0].message.find("is over the limit of 67108864 bytes"),
              std::string::npos)
        << limited.faults[0].message;
    const Read all = ReadWarc(file, std::size_t{128} << 20);
    EXPECT_TRUE(all.faults.empty());
    ExpectPages(Expected(recs, [](std::size_t) { return true; }), all.pages, "all");
  }
}

TEST(Warc, SniffsHtmlAsBrowsersDo) {
  using extractor::warc::sniff_html;
  EXPECT_TRUE(sniff_html("\xEF\xBB\xBF  <!DOCTYPE html><p>x"));
  EXPECT_TRUE(sniff_html("\n<HTML>"));
  EXPECT_TRUE(sniff_html("<p class=a>"));
  EXPECT_TRUE(sniff_html("<!-- x -->"));
  EXPECT_FALSE(sniff_html("<pre>"));  // "<p" must end there
  EXPECT_FALSE(sniff_html("{\"a\": 1}"));
  EXPECT_FALSE(sniff_html(""));
  EXPECT_FALSE(sniff_html("<?xml version=\"1.0\"?><rss>"));
}

}  // namespace

namespace {

// The read-ahead thread hands out what the reader does, in order, whatever
// its queue's bound; stopping it early does not hang.
TEST(Warc, ReadAheadIsTheReaderOnAThread) {
  std::vector<Rec> recs = Corpus();
  recs.push_back(Record("response", "HTTP/1.1 200 OK\r\n\r\n<p>cut", "https://x.example/", "",
                        false));  // no Content-Length: a fault among the pages
  const std::string file = Build(recs, Layout::kMembers);
  const Read want = ReadWarc(file);
  const std::string path = (fs::temp_directory_path() / "warc_test_readahead.warc.gz").string();
  {
    std::ofstream f(path, std::ios::binary);
    f << file;
  }
  for (std::size_t bound : {std::size_t{1}, std::size_t{1} << 20}) {
    extractor::warc::ReadAhead ahead(std::fopen(path.c_str(), "rb"), {}, bound);
    std::size_t pages = 0, faults = 0;
    for (;;) {
      Page p;
      Fault f;
      const Reader::Item item = ahead.next(&p, &f);
      if (item == Reader::Item::kEnd) break;
      if (item == Reader::Item::kPage) {
        ASSERT_LT(pages, want.pages.size());
        EXPECT_EQ(p.html, want.pages[pages].html);
        EXPECT_EQ(p.offset, want.pages[pages].offset);
        ++pages;
      } else {
        EXPECT_EQ(f.message, want.faults[faults++].message);
      }
    }
    EXPECT_EQ(pages, want.pages.size());
    EXPECT_EQ(faults, want.faults.size());
    EXPECT_EQ(ahead.next(nullptr, nullptr), Reader::Item::kEnd);  // the end stays the end
    EXPECT_EQ(ahead.counts().pages, pages);
  }
  for (int i = 0; i < 20; ++i) {  // dropped after a page, or at once
    extractor::warc::ReadAhead ahead(std::fopen(path.c_str(), "rb"), {}, 1);
    Page p;
    Fault f;
    if (i % 2 == 0) ahead.next(&p, &f);
  }
  fs::remove(path);
}

}  // namespace
