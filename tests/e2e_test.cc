// End-to-end tests on realistic fixture pages written by us (tests/data).
//
// Every file tests/data/NAME.expect, and every tests/data/NAME.VARIANT.expect,
// is one test case: the extractor runs on the bytes of tests/data/NAME.html
// (NAME is the file name up to its first '.') with the options the file
// names, and the result is checked against the file. A new fixture needs no
// change here: drop NAME.html and NAME.expect into tests/data.
//
// Expectation file format (UTF-8, line oriented):
//
//   # a comment: any line whose first character is '#'
//   [options]                   key = value; every key optional:
//   url = https://...           PageInfo::url
//   charset = windows-1251      PageInfo::charset (the transport's charset)
//   include_comments = true     Options fields: include_comments,
//   focus = precision           include_tables, include_images,
//                               include_links (true/false) and focus
//                               (precision/balanced/recall)
//   [title]                     one line each, all optional; the field
//   [author]                    must equal it: title = Metadata::title,
//   [date]                      author = Metadata::author() (names joined
//   [language]                  by ", "), date = the first 10 characters of
//   [charset]                   Metadata::date, language = Metadata::language,
//                               charset = Result::charset (case-insensitive)
//   [must]                      one snippet per line that must occur in
//   [must_not]                  Result::text / must not occur in it
//   [comments_must]             the same against Result::comments
//   [comments_must_not]
//   [markdown_must]             the same against Result::markdown
//   [markdown_must_not]
//   [lines]                     one line per entry that must be a whole line
//                               of Result::text, byte for byte: leading
//                               spaces count (code indentation), "\t" is a
//                               tab (table cells), "\\" a backslash
//
// Snippets in the must/must_not sections are trimmed and compared as
// substrings, case-sensitively, after collapsing every run of whitespace
// (ASCII whitespace and U+00A0) to one space on both sides, so a snippet
// written on one line matches text the renderer wrapped or indented. Empty
// lines are ignored; a snippet that starts with '#' is written "\#", and one
// that reads like a section header is written "\[...]" (inside [lines] an
// unknown "[word]" is taken as a line of text: "[sync]" in a TOML example).
// An unknown section or option key fails the test, so typos do not pass
// silently.
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "extractor/extractor.h"

#ifndef EXTRACTOR_TEST_DATA
#error "EXTRACTOR_TEST_DATA must name the tests/data directory"
#endif

namespace {

namespace fs = std::filesystem;

const fs::path kDataDir = EXTRACTOR_TEST_DATA;

std::string read_bytes(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::string trim(const std::string& s) {
  const auto not_space = [](unsigned char c) { return !std::isspace(c); };
  auto b = std::find_if(s.begin(), s.end(), not_space);
  auto e = std::find_if(s.rbegin(), s.rend(), not_space).base();
  return b < e ? std::string(b, e) : std::string();
}

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// Runs of ASCII whitespace and U+00A0 (C2 A0) become one space; the ends are
// trimmed.
std::string collapse(const std::string& s) {
  std::string out;
  bool pending = false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    bool space = std::isspace(c) != 0;
    if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xA0) {
      space = true;
      ++i;
    }
    if (space) {
      pending = !out.empty();
      continue;
    }
    if (pending) out += ' ';
    pending = false;
    out += static_cast<char>(c);
  }
  return out;
}

// "\t" -> tab, "\\" -> backslash, "\#" -> '#', "\[" -> '['; other
// characters as written.
std::string unescape(const std::string& s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\\' && i + 1 < s.size()) {
      const char n = s[i + 1];
      if (n == 't' || n == '\\' || n == '#' || n == '[') {
        out += n == 't' ? '\t' : n;
        ++i;
        continue;
      }
    }
    out += s[i];
  }
  return out;
}

struct Expectation {
  std::string name;  // file name without ".expect", e.g. "blog-comments.comments"
  std::string html_file;
  extractor::Options options;
  extractor::PageInfo page;
  // Single-line fields: section name -> expected value.
  std::map<std::string, std::string> fields;
  // Snippet sections: section name -> snippets, in file order.
  std::map<std::string, std::vector<std::string>> snippets;
  std::vector<std::string> errors;  // problems in the file itself
};

const char* const kFieldSections[] = {"title", "author", "date", "language", "charset"};
const char* const kSnippetSections[] = {"must",          "must_not",          "comments_must",
                                        "comments_must_not", "markdown_must", "markdown_must_not",
                                        "lines"};

bool is_one_of(const std::string& s, const char* const* begin, const char* const* end) {
  return std::find_if(begin, end, [&](const char* x) { return s == x; }) != end;
}

bool parse_bool(const std::string& v, bool* out) {
  if (v == "true" || v == "1" || v == "yes") {
    *out = true;
    return true;
  }
  if (v == "false" || v == "0" || v == "no") {
    *out = false;
    return true;
  }
  return false;
}

void set_option(Expectation* e, int line_no, const std::string& line) {
  const std::size_t eq = line.find('=');
  const std::string where = "line " + std::to_string(line_no) + ": ";
  if (eq == std::string::npos) {
    e->errors.push_back(where + "expected key = value in [options]: " + line);
    return;
  }
  const std::string key = trim(line.substr(0, eq));
  const std::string value = trim(line.substr(eq + 1));
  bool ok = true;
  if (key == "url") {
    e->page.url = value;
  } else if (key == "charset") {
    e->page.charset = value;
  } else if (key == "include_comments") {
    ok = parse_bool(value, &e->options.include_comments);
  } else if (key == "include_tables") {
    ok = parse_bool(value, &e->options.include_tables);
  } else if (key == "include_images") {
    ok = parse_bool(value, &e->options.include_images);
  } else if (key == "include_links") {
    ok = parse_bool(value, &e->options.include_links);
  } else if (key == "focus") {
    if (value == "precision") {
      e->options.focus = extractor::Focus::kPrecision;
    } else if (value == "balanced") {
      e->options.focus = extractor::Focus::kBalanced;
    } else if (value == "recall") {
      e->options.focus = extractor::Focus::kRecall;
    } else {
      ok = false;
    }
  } else {
    e->errors.push_back(where + "unknown option '" + key + "'");
    return;
  }
  if (!ok) e->errors.push_back(where + "bad value for '" + key + "': " + value);
}

Expectation parse_expectation(const fs::path& path) {
  Expectation e;
  const std::string file = path.filename().string();
  e.name = file.substr(0, file.size() - std::string(".expect").size());
  e.html_file = file.substr(0, file.find('.')) + ".html";
  std::istringstream in(read_bytes(path));
  std::string section;
  std::string raw;
  int line_no = 0;
  while (std::getline(in, raw)) {
    ++line_no;
    if (!raw.empty() && raw.back() == '\r') raw.pop_back();
    if (raw.empty() || raw[0] == '#') continue;
    const std::string t = trim(raw);
    if (t.empty()) continue;
    if (t.front() == '[' && t.back() == ']') {
      const std::string name = t.substr(1, t.size() - 2);
      if (name == "options" ||
          is_one_of(name, std::begin(kFieldSections), std::end(kFieldSections)) ||
          is_one_of(name, std::begin(kSnippetSections), std::end(kSnippetSections))) {
        section = name;
        continue;
      }
      // Inside [lines], "[sync]" is a line of code (TOML, INI); elsewhere a
      // bracketed word is a misspelt section.
      if (section != "lines") {
        e.errors.push_back("line " + std::to_string(line_no) + ": unknown section [" + name +
                           "]");
        continue;
      }
    }
    if (section.empty()) {
      e.errors.push_back("line " + std::to_string(line_no) + ": text before any [section]");
    } else if (section == "options") {
      set_option(&e, line_no, t);
    } else if (is_one_of(section, std::begin(kFieldSections), std::end(kFieldSections))) {
      if (e.fields.count(section) != 0)
        e.errors.push_back("line " + std::to_string(line_no) + ": [" + section +
                           "] holds more than one line");
      e.fields[section] = unescape(t);
    } else if (section == "lines") {
      // Leading spaces are part of the line; trailing ones are not.
      std::string l = raw;
      while (!l.empty() && std::isspace(static_cast<unsigned char>(l.back()))) l.pop_back();
      e.snippets[section].push_back(unescape(l));
    } else {
      e.snippets[section].push_back(unescape(t));
    }
  }
  return e;
}

std::vector<fs::path> expectation_files() {
  std::vector<fs::path> files;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(kDataDir, ec))
    if (entry.is_regular_file() && entry.path().extension() == ".expect")
      files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  return files;
}

// "blog-comments.comments.expect" -> "blog_comments_comments".
std::string test_name(const fs::path& p) {
  std::string s = p.stem().string();
  for (char& c : s)
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
  return s;
}

// The extracted text, shortened, to print once under a failing fixture.
std::string excerpt(const std::string& s, std::size_t max = 3000) {
  if (s.size() <= max) return s;
  std::size_t cut = max;
  while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
  return s.substr(0, cut) + "\n[... " + std::to_string(s.size() - cut) + " more bytes]";
}

class E2e : public ::testing::TestWithParam<fs::path> {};

TEST_P(E2e, Fixture) {
  const Expectation e = parse_expectation(GetParam());
  const std::string& fx = e.name;
  for (const std::string& err : e.errors) ADD_FAILURE() << fx << ".expect: " << err;
  if (!e.errors.empty()) return;

  const fs::path html_path = kDataDir / e.html_file;
  ASSERT_TRUE(fs::exists(html_path)) << fx << ": no page " << html_path;
  const std::string html = read_bytes(html_path);
  ASSERT_FALSE(html.empty()) << fx << ": empty page " << html_path;

  const extractor::Extractor ex(e.options);
  const extractor::Result r = ex.extract(html, e.page);
  const extractor::Metadata& m = r.metadata;

  // Metadata fields.
  for (const auto& [field, want] : e.fields) {
    std::string got;
    if (field == "title") {
      got = m.title;
    } else if (field == "author") {
      got = m.author();
    } else if (field == "date") {
      got = m.date.substr(0, 10);
    } else if (field == "language") {
      got = m.language;
    } else if (field == "charset") {
      if (lower(r.charset) != lower(want))
        ADD_FAILURE() << fx << ": [charset] Result::charset is \"" << r.charset
                      << "\", expected \"" << want << "\"";
      continue;
    }
    if (got != want)
      ADD_FAILURE() << fx << ": [" << field << "] metadata is \"" << got << "\", expected \""
                    << want << "\"";
  }

  // Snippets.
  const std::string text = collapse(r.text);
  const std::string comments = collapse(r.comments);
  const std::string markdown = collapse(r.markdown);
  struct Target {
    const char* must;
    const char* must_not;
    const char* field;
    const std::string* haystack;
  };
  const Target targets[] = {
      {"must", "must_not", "Result::text", &text},
      {"comments_must", "comments_must_not", "Result::comments", &comments},
      {"markdown_must", "markdown_must_not", "Result::markdown", &markdown},
  };
  for (const Target& t : targets) {
    for (const char* section : {t.must, t.must_not}) {
      const auto it = e.snippets.find(section);
      if (it == e.snippets.end()) continue;
      const bool want = section == t.must;
      for (const std::string& snippet : it->second) {
        const bool found = t.haystack->find(collapse(snippet)) != std::string::npos;
        if (found == want) continue;
        ADD_FAILURE() << fx << ": [" << section << "] "
                      << (want ? "missing from " : "unwanted in ") << t.field << ": \""
                      << snippet << "\"";
      }
    }
  }

  // Whole lines, verbatim.
  if (const auto it = e.snippets.find("lines"); it != e.snippets.end()) {
    std::vector<std::string> lines;
    std::istringstream in(r.text);
    for (std::string l; std::getline(in, l);) lines.push_back(l);
    for (const std::string& want : it->second) {
      if (std::find(lines.begin(), lines.end(), want) != lines.end()) continue;
      std::string shown = want;
      for (std::size_t p = 0; (p = shown.find('\t', p)) != std::string::npos; p += 2)
        shown.replace(p, 1, "\\t");
      ADD_FAILURE() << fx << ": [lines] no line of Result::text is exactly \"" << shown << "\"";
    }
  }

  if (HasFailure()) {
    std::cout << "---- " << fx << ": Result::text (" << r.text.size() << " bytes, charset "
              << r.charset << ")"
              << (r.text.empty() ? std::string(", empty: ") + describe(r.empty_reason) : "") << "\n"
              << excerpt(r.text) << "\n";
    if (e.options.include_comments)
      std::cout << "---- " << fx << ": Result::comments\n" << excerpt(r.comments) << "\n";
    std::cout << "---- end of " << fx << "\n";
  }
}

INSTANTIATE_TEST_SUITE_P(Pages, E2e, ::testing::ValuesIn(expectation_files()),
                         [](const ::testing::TestParamInfo<fs::path>& info) {
                           return test_name(info.param);
                         });
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(E2e);

// The fixture set itself: present, and every page has an expectation.
TEST(E2eData, EveryPageHasAnExpectation) {
  ASSERT_TRUE(fs::is_directory(kDataDir)) << "EXTRACTOR_TEST_DATA is not a directory: "
                                          << kDataDir;
  const std::vector<fs::path> expects = expectation_files();
  EXPECT_FALSE(expects.empty()) << "no .expect files in " << kDataDir;
  for (const auto& entry : fs::directory_iterator(kDataDir)) {
    if (entry.path().extension() != ".html") continue;
    const std::string stem = entry.path().stem().string();
    const bool has = std::any_of(expects.begin(), expects.end(), [&](const fs::path& p) {
      const std::string f = p.filename().string();
      return f.substr(0, f.find('.')) == stem;
    });
    EXPECT_TRUE(has) << entry.path().filename() << " has no " << stem << ".expect";
  }
  for (const fs::path& p : expects) {
    const std::string f = p.filename().string();
    EXPECT_TRUE(fs::exists(kDataDir / (f.substr(0, f.find('.')) + ".html")))
        << f << " names no page " << f.substr(0, f.find('.')) << ".html";
  }
}

}  // namespace
