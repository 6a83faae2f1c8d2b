// Unit tests for lib/url: resolution (RFC 3986's examples and web cases),
// hosts, and what reads as a URL.
#include "url.h"

#include <gtest/gtest.h>

#include <string>
#include <utility>

namespace extractor {
namespace {

TEST(Url, ResolveRfc3986NormalExamples) {
  const std::string base = "http://a/b/c/d;p?q";
  const std::pair<const char*, const char*> cases[] = {
      {"g:h", "g:h"},
      {"g", "http://a/b/c/g"},
      {"./g", "http://a/b/c/g"},
      {"g/", "http://a/b/c/g/"},
      {"/g", "http://a/g"},
      {"//g", "http://g"},
      {"?y", "http://a/b/c/d;p?y"},
      {"g?y", "http://a/b/c/g?y"},
      {"#s", "http://a/b/c/d;p?q#s"},
      {"g#s", "http://a/b/c/g#s"},
      {"g?y#s", "http://a/b/c/g?y#s"},
      {";x", "http://a/b/c/;x"},
      {"g;x", "http://a/b/c/g;x"},
      {"g;x?y#s", "http://a/b/c/g;x?y#s"},
      {"", "http://a/b/c/d;p?q"},
      {".", "http://a/b/c/"},
      {"./", "http://a/b/c/"},
      {"..", "http://a/b/"},
      {"../", "http://a/b/"},
      {"../g", "http://a/b/g"},
      {"../..", "http://a/"},
      {"../../", "http://a/"},
      {"../../g", "http://a/g"},
  };
  for (const auto& [ref, want] : cases) EXPECT_EQ(resolve_url(base, ref), want) << ref;
}

TEST(Url, ResolveRfc3986AbnormalExamples) {
  const std::string base = "http://a/b/c/d;p?q";
  const std::pair<const char*, const char*> cases[] = {
      {"../../../g", "http://a/g"},
      {"../../../../g", "http://a/g"},
      {"/./g", "http://a/g"},
      {"/../g", "http://a/g"},
      {"g.", "http://a/b/c/g."},
      {".g", "http://a/b/c/.g"},
      {"g..", "http://a/b/c/g.."},
      {"..g", "http://a/b/c/..g"},
      {"./../g", "http://a/b/g"},
      {"./g/.", "http://a/b/c/g/"},
      {"g/./h", "http://a/b/c/g/h"},
      {"g/../h", "http://a/b/c/h"},
      {"g;x=1/./y", "http://a/b/c/g;x=1/y"},
      {"g;x=1/../y", "http://a/b/c/y"},
      {"g?y/./x", "http://a/b/c/g?y/./x"},
      {"g?y/../x", "http://a/b/c/g?y/../x"},
      {"g#s/./x", "http://a/b/c/g#s/./x"},
      {"g#s/../x", "http://a/b/c/g#s/../x"},
      {"http:g", "http:g"},
  };
  for (const auto& [ref, want] : cases) EXPECT_EQ(resolve_url(base, ref), want) << ref;
}

TEST(Url, ResolveWebCases) {
  EXPECT_EQ(resolve_url("https://example.com", "a.html"), "https://example.com/a.html");
  EXPECT_EQ(resolve_url("https://example.com/x/y.html", "//cdn.net/i.png"),
            "https://cdn.net/i.png");
  EXPECT_EQ(resolve_url("https://example.com/x/", "  /path?q=1 \n"),
            "https://example.com/path?q=1");
  EXPECT_EQ(resolve_url("https://example.com/x", "mailto:me@example.com"), "mailto:me@example.com");
  EXPECT_EQ(resolve_url("https://example.com/x", "HTTPS://Other.org/"), "HTTPS://Other.org/");
  EXPECT_EQ(resolve_url("https://example.com/a/b#frag", "#top"), "https://example.com/a/b#top");
  EXPECT_EQ(resolve_url("https://example.com/a/b?q", "c?r"), "https://example.com/a/c?r");
}

TEST(Url, ResolveWithoutUsableBase) {
  EXPECT_EQ(resolve_url("", "../x"), "../x");
  EXPECT_EQ(resolve_url("", " x "), "x");
  EXPECT_EQ(resolve_url("/relative/base", "x"), "x");  // a base without a scheme
}

TEST(Url, Host) {
  EXPECT_EQ(host_of("https://WWW.Example.com:8080/a?b"), "www.example.com");
  EXPECT_EQ(host_of("http://example.org"), "example.org");
  EXPECT_EQ(host_of("http://example.org#top"), "example.org");
  EXPECT_EQ(host_of("/relative/path"), "");
  EXPECT_EQ(host_of(""), "");
}

TEST(Url, LooksLikeUrl) {
  EXPECT_TRUE(looks_like_url("https://example.com/a"));
  EXPECT_TRUE(looks_like_url("HTTP://EXAMPLE.COM"));
  EXPECT_TRUE(looks_like_url("//cdn.example.com/x.png"));
  EXPECT_TRUE(looks_like_url("www.example.com"));
  EXPECT_TRUE(looks_like_url("/author/jane-doe"));
  EXPECT_TRUE(looks_like_url("see ftp://example.com"));
  EXPECT_FALSE(looks_like_url("Jane Doe"));
  EXPECT_FALSE(looks_like_url("example.com"));
}

}  // namespace
}  // namespace extractor
