// URLs, for every stage. See url.h.
#include "url.h"

#include <vector>

#include "chars.h"

namespace extractor {

namespace {

struct UrlParts {
  std::string_view scheme, authority, path, query, fragment;
  bool has_authority = false, has_query = false, has_fragment = false;
};

UrlParts split_url(std::string_view u) {
  UrlParts p;
  const std::size_t colon = u.find(':');
  const std::size_t first_delim = u.find_first_of("/?#");
  if (colon != std::string_view::npos && colon > 0 &&
      (first_delim == std::string_view::npos || colon < first_delim)) {
    bool ok = is_ascii_alpha(u[0]);
    for (std::size_t i = 1; i < colon && ok; ++i) {
      const char c = u[i];
      ok = is_ascii_alnum(c) || c == '+' || c == '-' || c == '.';
    }
    if (ok) {
      p.scheme = u.substr(0, colon);
      u.remove_prefix(colon + 1);
    }
  }
  if (const std::size_t hash = u.find('#'); hash != std::string_view::npos) {
    p.fragment = u.substr(hash + 1);
    p.has_fragment = true;
    u = u.substr(0, hash);
  }
  if (const std::size_t q = u.find('?'); q != std::string_view::npos) {
    p.query = u.substr(q + 1);
    p.has_query = true;
    u = u.substr(0, q);
  }
  if (u.substr(0, 2) == "//") {
    u.remove_prefix(2);
    const std::size_t slash = u.find('/');
    p.authority = u.substr(0, slash);
    p.has_authority = true;
    u = slash == std::string_view::npos ? std::string_view() : u.substr(slash);
  }
  p.path = u;
  return p;
}

std::string remove_dot_segments(std::string_view path) {
  std::vector<std::string_view> out;
  std::size_t i = 0;
  const bool absolute = !path.empty() && path[0] == '/';
  bool trailing_slash = false;
  while (i <= path.size()) {
    std::size_t j = path.find('/', i);
    if (j == std::string_view::npos) j = path.size();
    const std::string_view seg = path.substr(i, j - i);
    trailing_slash = false;
    if (seg == "..") {
      if (!out.empty()) out.pop_back();
      trailing_slash = true;
    } else if (seg == ".") {
      trailing_slash = true;
    } else if (!seg.empty() || (j < path.size() && i != 0)) {
      if (!seg.empty()) out.push_back(seg);
    }
    i = j + 1;
  }
  std::string r = absolute ? "/" : "";
  for (std::size_t k = 0; k < out.size(); ++k) {
    if (k > 0) r += '/';
    r.append(out[k]);
  }
  if ((trailing_slash || (!path.empty() && path.back() == '/')) && !out.empty()) r += '/';
  return r;
}

}  // namespace

std::string resolve_url(std::string_view base, std::string_view ref) {
  while (!ref.empty() && (ref.front() == ' ' || ref.front() == '\n' || ref.front() == '\t'))
    ref.remove_prefix(1);
  while (!ref.empty() && (ref.back() == ' ' || ref.back() == '\n' || ref.back() == '\t'))
    ref.remove_suffix(1);
  if (base.empty()) return std::string(ref);
  const UrlParts r = split_url(ref);
  if (!r.scheme.empty()) return std::string(ref);
  const UrlParts b = split_url(base);
  if (b.scheme.empty()) return std::string(ref);
  std::string out(b.scheme);
  out += ':';
  std::string path;
  std::string_view query;
  bool has_query = false;
  std::string_view authority = b.authority;
  bool has_authority = b.has_authority;
  if (r.has_authority) {
    authority = r.authority;
    has_authority = true;
    path = remove_dot_segments(r.path);
    query = r.query;
    has_query = r.has_query;
  } else if (r.path.empty()) {
    path = std::string(b.path);
    query = r.has_query ? r.query : b.query;
    has_query = r.has_query || b.has_query;
  } else {
    if (r.path[0] == '/') {
      path = remove_dot_segments(r.path);
    } else {
      std::string merged;
      if (b.has_authority && b.path.empty()) {
        merged = "/";
      } else {
        const std::size_t slash = b.path.rfind('/');
        if (slash != std::string_view::npos) merged = std::string(b.path.substr(0, slash + 1));
      }
      merged.append(r.path);
      path = remove_dot_segments(merged);
    }
    query = r.query;
    has_query = r.has_query;
  }
  if (has_authority) {
    out += "//";
    out.append(authority);
  }
  out += path;
  if (has_query) {
    out += '?';
    out.append(query);
  }
  if (r.has_fragment) {
    out += '#';
    out.append(r.fragment);
  }
  return out;
}

std::string host_of(std::string_view url) {
  const std::size_t p = url.find("://");
  if (p == std::string_view::npos) return {};
  url.remove_prefix(p + 3);
  url = url.substr(0, url.find_first_of("/?#:"));
  return lower_ascii(url);
}

bool looks_like_url(std::string_view s) {
  const std::string l = lower_ascii(s.substr(0, 12));
  return l.rfind("http://", 0) == 0 || l.rfind("https://", 0) == 0 || l.rfind("//", 0) == 0 ||
         l.rfind("www.", 0) == 0 || l.rfind("/", 0) == 0 ||
         s.find("://") != std::string_view::npos;
}

}  // namespace extractor
