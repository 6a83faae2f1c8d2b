// The WARC reader's text helpers, and a response record's HTTP message
// taken apart: headers, chunked transfer coding, gzip/deflate content
// coding, HTML by type or by sniffing (see warc.h).
#include <zlib.h>

#include <algorithm>
#include <climits>
#include <cstring>
#include <string>
#include <string_view>

#include "warc.h"
#include "warc_parse.h"

namespace extractor::warc {
namespace detail {

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
Fields header_fields(std::string_view header) {
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

std::string field(const Fields& fields, std::string_view name) {
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

}  // namespace detail

using namespace detail;

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

}  // namespace extractor::warc
