// lib/safe_url: which URLs may be shown, and how Markdown writes them.
//
// The vectors follow the classes of filter evasion catalogued for
// cross-site scripting (OWASP's filter-evasion and HTML5 security cheat
// sheets), written out here in our own words: case, character references
// with and without ';', leading zeros, hex, white space and controls inside
// or before the scheme, percent-encoding, double encoding, script-capable
// schemes other than javascript.
#include "safe_url.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <vector>

#include "url_invariant.h"

namespace extractor {
namespace {

// The value of an attribute as the page's parser hands it to us: character
// references in the page's markup are already decoded by then, so "&#106;"
// below stands for a reference that was encoded twice in the page.
struct Vector {
  const char* name;
  std::string url;
};

class Refused : public ::testing::TestWithParam<Vector> {};

TEST_P(Refused, AsLinkAndAsImage) {
  EXPECT_EQ(safe_url(GetParam().url, UrlUse::kLink), "") << GetParam().name;
  EXPECT_EQ(safe_url(GetParam().url, UrlUse::kImage), "") << GetParam().name;
}

INSTANTIATE_TEST_SUITE_P(
    Evasions, Refused,
    ::testing::Values(
        Vector{"plain", "javascript:alert(1)"},
        Vector{"mixed_case", "JaVaScRiPt:alert(1)"},
        Vector{"upper_case", "JAVASCRIPT:alert(1)"},
        Vector{"leading_space", "   javascript:alert(1)"},
        Vector{"leading_controls", std::string("\x01\x0e\x1f javascript:alert(1)")},
        Vector{"tab_inside", "jav\tascript:alert(1)"},
        Vector{"newline_inside", "jav\nascript:alert(1)"},
        Vector{"cr_inside", "jav\rascript:alert(1)"},
        Vector{"many_breaks", "j\na\tv\ra\ns\tc\rr\ni\tp\rt\n:alert(1)"},
        Vector{"space_inside", "java script:alert(1)"},
        Vector{"nul_inside", std::string("java\0script:alert(1)", 21)},
        Vector{"replacement_char_inside", "java\xEF\xBF\xBDscript:alert(1)"},
        Vector{"zero_width_inside", "java\xE2\x80\x8Bscript:alert(1)"},
        Vector{"nbsp_inside", "java\xC2\xA0script:alert(1)"},
        Vector{"decimal_reference", "&#106;avascript:alert(1)"},
        Vector{"decimal_no_semicolon", "&#106avascript:alert(1)"},
        Vector{"leading_zeros", "&#0000106&#0000097vascript:alert(1)"},
        Vector{"hex_reference", "&#x6A;avascript:alert(1)"},
        Vector{"hex_upper_no_semicolon", "&#X6Aavascript:alert(1)"},
        Vector{"named_colon", "javascript&colon;alert(1)"},
        Vector{"named_tab", "java&Tab;script:alert(1)"},
        Vector{"named_newline", "java&NewLine;script:alert(1)"},
        Vector{"double_encoded", "&amp;#106;avascript:alert(1)"},
        Vector{"percent_in_scheme", "java%73cript:alert(1)"},
        Vector{"percent_colon", "javascript%3Aalert(1)"},
        Vector{"percent_tab", "java%09script:alert(1)"},
        Vector{"percent_twice", "java%2573cript:alert(1)"},
        Vector{"backslash_escape", "javascript\\:alert(1)"},
        Vector{"vbscript", "vbscript:msgbox(1)"},
        Vector{"vbscript_case", "VBScript:msgbox(1)"},
        Vector{"livescript", "livescript:alert(1)"},
        Vector{"mocha", "mocha:alert(1)"},
        Vector{"data_html", "data:text/html,<script>alert(1)</script>"},
        Vector{"data_base64", "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=="},
        Vector{"data_svg", "data:image/svg+xml,<svg onload=alert(1)>"},
        Vector{"data_case", "DaTa:text/html,x"},
        Vector{"file", "file:///etc/passwd"},
        Vector{"about", "about:blank"},
        Vector{"blob", "blob:https://e.com/0f1e"},
        Vector{"padded_beyond_probe", std::string(5000, ' ') + "javascript:alert(1)"},
        Vector{"references_beyond_probe", [] {
                 std::string s;
                 for (int i = 0; i < 1000; ++i) s += "&#9;";
                 return s + "javascript:alert(1)";
               }()}));

TEST(SafeUrl, KeepsWebAddressesAsTheyAre) {
  for (const char* url :
       {"https://e.com/a/b?c=1&d=2#f", "http://e.com", "HTTPS://E.COM/X", "/news/2024/one",
        "../up/one.html", "page.html", "?q=1", "#section", "//cdn.e.com/x.js",
        "https://e.com/wiki/Category:Ferries", "https://e.com/a%20b", "12:30",
        "https://e.com/?next=javascript:alert(1)", "https://xn--bcher-kva.example/ü"}) {
    EXPECT_EQ(safe_url(url, UrlUse::kLink), url) << url;
    EXPECT_EQ(safe_url(url, UrlUse::kImage), url) << url;
  }
}

TEST(SafeUrl, MailtoIsALinkNotAnImage) {
  EXPECT_EQ(safe_url("mailto:desk@e.com", UrlUse::kLink), "mailto:desk@e.com");
  EXPECT_EQ(safe_url("MAILTO:desk@e.com", UrlUse::kLink), "MAILTO:desk@e.com");
  EXPECT_EQ(safe_url("mailto:desk@e.com", UrlUse::kImage), "");
}

TEST(SafeUrl, OtherSchemesRefused) {
  for (const char* url : {"ftp://e.com/f", "tel:+123", "intent://x#Intent;end", "ms-its:x",
                          "view-source:https://e.com", "C:\\pages\\a.html"})
    EXPECT_EQ(safe_url(url, UrlUse::kLink), "") << url;
}

TEST(SafeUrl, BrowserStrippingThenEscaping) {
  // What a browser strips goes; what it would keep but no output may write
  // raw is percent-encoded.
  EXPECT_EQ(safe_url("  https://e.com/a\n b \t", UrlUse::kLink), "https://e.com/a%20b");
  EXPECT_EQ(safe_url("https://e.com/\"q\"<x>`y`'z'", UrlUse::kLink),
            "https://e.com/%22q%22%3Cx%3E%60y%60%27z%27");
  EXPECT_EQ(safe_url("https://e.com/a\x01" "b\x7f" "c", UrlUse::kLink),
            "https://e.com/a%01b%7Fc");
  EXPECT_EQ(safe_url("", UrlUse::kLink), "");
  EXPECT_EQ(safe_url(" \t\n", UrlUse::kLink), "");
}

TEST(SafeUrl, IdempotentOnWhatItKeeps) {
  for (const char* url : {"https://e.com/a b", "/x?q=\"1\"", "mailto:a@e.com", "https://e.com/%2525"}) {
    const std::string once = safe_url(url, UrlUse::kLink);
    ASSERT_FALSE(once.empty()) << url;
    EXPECT_EQ(safe_url(once, UrlUse::kLink), once) << url;
  }
}

TEST(SafeUrl, RelativeReferenceThatDecodesToAScriptSchemeRefused) {
  // A browser reads these as relative paths, but a tool that decodes once
  // more before it looks would not.
  EXPECT_EQ(safe_url("javascript%3Aalert(1)", UrlUse::kLink), "");
  EXPECT_EQ(safe_url("%6Aavascript:alert(1)", UrlUse::kLink), "");
}

TEST(SafeUrl, FuzzerFindings) {
  // A reference to a control between "&#" and digits: once the control is
  // gone, "&#000" is a reference of its own, and what follows it decodes
  // on into "to:" (url_fuzzer, in CI).
  const std::string found("%&#&#09;000\0\0\0\0" "11to:desk@examp&c\0\0\0av", 37);
  EXPECT_EQ(url_invariant::violation(found), "");
  EXPECT_EQ(safe_url(found, UrlUse::kLink), "");
}

TEST(MarkdownUrl, DestinationEndsWhereWeMeanIt) {
  EXPECT_EQ(markdown_url("https://e.com/a_(b)"), "https://e.com/a_%28b%29");
  EXPECT_EQ(markdown_url("https://e.com/[x]\\y"), "https://e.com/%5Bx%5D%5Cy");
  EXPECT_EQ(markdown_url("https://e.com/?a=1&b=2"), "https://e.com/?a=1&b=2");
  // An '&' that begins a character reference would be decoded by the renderer.
  EXPECT_EQ(markdown_url("https://e.com/?a=1&amp;b=2"), "https://e.com/?a=1%26amp;b=2");
  EXPECT_EQ(markdown_url("/&#106;x"), "/%26#106;x");
  EXPECT_EQ(markdown_url(safe_url("https://e.com/a b<c>", UrlUse::kLink)),
            "https://e.com/a%20b%3Cc%3E");
}

}  // namespace
}  // namespace extractor

// The fuzzer's invariant (fuzz/url_invariant.h) over values built from the
// pieces disguises are made of, in every build: the libFuzzer target
// searches further in CI's fuzzing stage.
namespace extractor {
namespace {

TEST(SafeUrl, InvariantOnGeneratedValues) {
  const std::vector<std::string> pieces = {
      "javascript", "java", "script", "vb", "data", "mailto", "http", "https", ":", "://", "/",
      "%3A", "%3a", "%25", "%73", "%09", "%0A", "&#106;", "&#x6A", "&#0000058", "&colon;",
      "&amp;", "&Tab;", "&NewLine;", "\\", "\\:", "\t", "\n", "\r", " ", std::string(1, '\0'),
      "\x0e", "\x7f", "\xC2\xA0", "\xE2\x80\x8B", "\xEF\xBF\xBD", "\xC3", "a", "J", "S", ".",
      "+", "-", "?", "#", "(", ")", "[", "]", "<", ">", "\"", "'", "`", "alert(1)", "e.com"};
  std::uint32_t state = 12345;
  auto next = [&state] {
    state = state * 1664525u + 1013904223u;  // a fixed sequence: failures reproduce
    return state >> 8;
  };
  int kept = 0;
  for (int n = 0; n < 200000; ++n) {
    std::string value;
    const int parts = 1 + static_cast<int>(next() % 8);
    for (int p = 0; p < parts; ++p) value += pieces[next() % pieces.size()];
    const std::string broken = url_invariant::violation(value);
    ASSERT_TRUE(broken.empty()) << broken << " from value of " << value.size() << " bytes";
    if (!safe_url(value, UrlUse::kLink).empty()) ++kept;
  }
  // Both sides were reached: many values kept, many refused.
  EXPECT_GT(kept, 20000);
  EXPECT_GT(200000 - kept, 5000);
}

}  // namespace
}  // namespace extractor
