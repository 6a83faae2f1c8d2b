// Names written for Latin-script readers: bylines, name fields, closing
// credits, sign-offs, copyright lines. See metadata_names.h.
#include "metadata_names.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <string>
#include <vector>

#include "chars.h"
#include "metadata_datetime.h"
#include "metadata_names_rules.h"
#include "metadata_rules.h"
#include "metadata_text.h"
#include "url.h"

namespace extractor {
namespace {

// The byline markers in use: the wider vocabulary unless its rule is off.
const RE2& byline_marker(const NamePatterns& r) {
  return rules::on(rules::kAuthorWideMarkers) ? *r.marker_wide : *r.marker;
}

// "example.com", "www.example.de", or the site's own name: a site beside a
// name.
bool names_the_site(std::string_view x, std::string_view site_name) {
  const std::string t = collapse_space(x);
  if (t.empty()) return false;
  if (!site_name.empty() && comparison_key(t) == comparison_key(site_name)) return true;
  if (t.find(' ') != std::string::npos) return false;
  const std::size_t dot = t.rfind('.');
  if (dot == std::string::npos || dot == 0 || t.size() - dot < 3 || t.size() - dot > 7) return false;
  for (std::size_t i = dot + 1; i < t.size(); ++i)
    if (!is_ascii_alpha(t[i])) return false;
  return true;
}

// "Example.com - Jane Doe": the site's address beside the name; "Jane
// Doe/dpa": an agency after a slash. Both go.
void drop_site_and_agency(const NamePatterns& r, std::string_view site_name, std::string* s) {
  std::string left, right;
  if (RE2::FullMatch(*s, *r.site_dash, &left, &right)) {
    if (names_the_site(left, site_name) && !names_the_site(right, site_name))
      *s = right;
    else if (names_the_site(right, site_name) && !names_the_site(left, site_name))
      *s = left;
  }
  RE2::Replace(s, *r.agency_tail, "\\1");
}

std::string without_degrees(const NamePatterns& r, std::string part) {
  RE2::Replace(&part, *r.degree_tail, "");
  return part;
}

bool consume(const RE2& re, std::string* s) {
  re2::StringPiece in(*s);
  re2::StringPiece m;
  if (!re.Match(in, 0, in.size(), RE2::ANCHOR_START, &m, 1) || m.empty()) return false;
  s->erase(0, m.size());
  return true;
}

// Truncates at the first match of re (keeping what is before it).
bool cut_at(const RE2& re, std::string* s, std::size_t min_keep = 1) {
  re2::StringPiece in(*s);
  re2::StringPiece m;
  std::size_t pos = 0;
  while (pos < in.size() && re.Match(in, pos, in.size(), RE2::UNANCHORED, &m, 1)) {
    const std::size_t at = static_cast<std::size_t>(m.data() - in.data());
    if (at >= min_keep) {
      s->erase(at);
      return true;
    }
    pos = at + std::max<std::size_t>(m.size(), 1);
  }
  return false;
}

void replace_all(const RE2& re, std::string* s, const char* with) {
  RE2::GlobalReplace(s, re, with);
}

bool is_trim_char(char32_t c) {
  if (c == '.' || c == '\'' || c == 0x2019) return false;  // "Jr.", "O'Neil" handled below
  return c == ' ' || c == 0xA0 || c == 0x3000 || u_ispunct(static_cast<UChar32>(c)) ||
         u_hasBinaryProperty(static_cast<UChar32>(c), UCHAR_WHITE_SPACE) ||
         (u_charType(static_cast<UChar32>(c)) == U_MATH_SYMBOL) ||
         (u_charType(static_cast<UChar32>(c)) == U_OTHER_SYMBOL) || c == '|' || c == '>' ||
         c == '<';
}

// Strips punctuation and spaces from both ends; a final '.' stays only after
// an initial or an abbreviation ("John Q.", "Jr.").
std::string trim_name(std::string s) {
  // leading
  std::size_t i = 0;
  while (i < s.size()) {
    std::size_t j = i;
    const char32_t c = next_code_point(s, &j);
    if (!is_trim_char(c) && c != '.' && c != '\'') break;
    i = j;
  }
  s.erase(0, i);
  // trailing
  for (;;) {
    if (s.empty()) break;
    const std::size_t k = utf8_floor(s, s.size() - 1);
    std::size_t j = k;
    const char32_t c = next_code_point(s, &j);
    if (c == '.') {
      // keep after a one-letter word or "Jr"/"Sr"
      const std::size_t sp = s.rfind(' ', k);
      const std::string_view word =
          std::string_view(s).substr(sp == std::string::npos ? 0 : sp + 1, k - (sp == std::string::npos ? 0 : sp + 1));
      if (word.size() == 1 || word == "Jr" || word == "Sr" || word == "jr" || word == "sr") break;
      s.erase(k);
      continue;
    }
    if (!is_trim_char(c) && c != '\'') break;
    s.erase(k);
  }
  return s;
}

bool all_upper_short(std::string_view w) {
  if (w.size() < 2 || w.size() > 5) return false;
  for (char c : w)
    if (c < 'A' || c > 'Z') return false;
  return true;
}

bool only_cjk(std::string_view s) {
  std::size_t i = 0;
  bool any = false;
  while (i < s.size()) {
    const char32_t c = next_code_point(s, &i);
    if (c == ' ' || c == 0xB7 || c == 0x30FB) continue;
    if (!is_cjk(c)) return false;
    any = true;
  }
  return any;
}

std::vector<std::string> split_words(std::string_view s) {
  std::vector<std::string> out;
  std::size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && s[i] == ' ') ++i;
    std::size_t j = i;
    while (j < s.size() && s[j] != ' ') ++j;
    if (j > i) out.emplace_back(s.substr(i, j - i));
    i = j;
  }
  return out;
}

// "happyface313", "Need2KnowLion", "josh_wilmot90": a user name of letters
// and digits (and "_", ".", "-"), one word opening with a letter, three
// letters at least; in a field meant for names it names the account that
// wrote.
bool is_login_with_number(std::string_view s, AuthorValue kind) {
  if (!rules::on(rules::kAuthorLoginDigits)) {  // as it was: a field's, letters then a number
    std::size_t letters = 0;
    while (letters < s.size() && is_ascii_alpha(s[letters])) ++letters;
    if (kind != AuthorValue::kField || letters < 3 || letters == s.size()) return false;
    return std::all_of(s.begin() + static_cast<std::ptrdiff_t>(letters), s.end(),
                       [](char c) { return c >= '0' && c <= '9'; }) &&
           s.size() - letters <= 4;
  }
  if (s.size() < 4 || s.size() > 32 || !is_ascii_alpha(s[0])) return false;
  int letters = 0, digits = 0;
  for (char c : s) {
    if (is_ascii_alpha(c))
      ++letters;
    else if (is_ascii_digit(c))
      ++digits;
    else if (c != '_' && c != '.' && c != '-')
      return false;
  }
  return letters >= 3 && digits >= 1 && digits <= 8;
}

// Han names separated by spaces are several: "王建宏 张文攀"; but a
// one-character part is a family or given name spaced apart from the rest
// ("赵  培"). Other parts stay whole, white space collapsed.
std::vector<std::string> split_han_names(const std::vector<std::string>& parts) {
  std::vector<std::string> expanded;
  for (const std::string& p : parts) {
    const std::string t = collapse_space(p);
    if (only_cjk(t) && t.find(' ') != std::string::npos) {
      std::vector<std::string> w = split_words(t);
      if (w.size() == 2 && (count_code_points(w[0]) == 1 || count_code_points(w[1]) == 1) &&
          count_code_points(w[0]) + count_code_points(w[1]) <= 4) {
        expanded.push_back(w[0] + w[1]);
        continue;
      }
      for (std::string& x : w) expanded.push_back(std::move(x));
    } else {
      expanded.push_back(t);
    }
  }
  return expanded;
}

// One part of a split byline to one name, or "".
std::string clean_part(const NamePatterns& patterns, std::string part, AuthorValue kind) {
  const NamePatterns& r = patterns;
  part = collapse_space(part);
  if (part.empty()) return {};
  // "Photo: X", "X/摄": a photographer, not an author.
  {
    re2::StringPiece in(part);
    if (r.photo->Match(in, 0, in.size(), RE2::ANCHOR_START, nullptr, 0)) return {};
    if (r.photo_suffix->Match(in, 0, in.size(), RE2::UNANCHORED, nullptr, 0) &&
        only_cjk(part.substr(0, part.find_first_of("/\xef"))))
      return {};
  }
  consume(byline_marker(r), &part);
  consume(*r.cjk_marker, &part);
  part = trim_name(part);
  if (part.empty()) return {};
  {
    re2::StringPiece in(part);
    // "Log in", "Sign up", "Admin" whole, before any word is cut off it.
    if (r.stop_name->Match(in, 0, in.size(), RE2::ANCHOR_BOTH, nullptr, 0)) return {};
    // "Redaktion" alone: the newsroom credited as a whole (an organisation).
    re2::StringPiece desk[2];
    if (r.desk_alone->Match(in, 0, in.size(), RE2::ANCHOR_BOTH, desk, 2))
      return std::string(desk[1].data(), desk[1].size());
    // "AOL Staff", "Redaktion Example": an organisation's full name.
    if (r.collective_tail->Match(in, 0, in.size(), RE2::ANCHOR_BOTH, nullptr, 0) ||
        r.collective_head->Match(in, 0, in.size(), RE2::ANCHOR_BOTH, nullptr, 0)) {
      // "Our Team", "Meet the Team", "The Sports Desk": a heading, not a
      // name.
      static const char* const kNotOwners[] = {"the", "our", "my", "your", "meet", "about",
                                               "unser", "unsere", "das", "die", "notre",
                                               "nuestro", "nuestra", "sports", "news"};
      const std::string head = lower_ascii(split_words(part).front());
      for (const char* w : kNotOwners)
        if (head == w) return {};
      return is_plausible_name(patterns, part) ? part : std::string();
    }
    if (r.role_only->Match(in, 0, in.size(), RE2::ANCHOR_START, nullptr, 0)) return {};
  }
  while (consume(*r.role_prefix, &part)) {
  }
  {
    // The leftmost cut that leaves a name of two words or more (one word
    // when the part had no more than two).
    const int total_words = static_cast<int>(split_words(part).size());
    const int keep_min = total_words > 2 ? 2 : 1;
    int words = 0;
    for (std::size_t p = 0; p < part.size(); ++p) {
      if (part[p] != ' ' && part[p] != ',') continue;
      if (p == 0 || part[p - 1] == ' ' || part[p - 1] == ',') continue;
      ++words;
      if (words < keep_min) continue;
      re2::StringPiece in(part.data() + p, part.size() - p);
      if (r.role_suffix->Match(in, 0, in.size(), RE2::ANCHOR_BOTH, nullptr, 0)) {
        part.erase(p);
        break;
      }
    }
  }
  part = trim_name(part);
  if (kind != AuthorValue::kField) {
    // "Jane Doe in Berlin"; but a capitalised "DA" or "Da" is a name's
    // particle ("J. R. DA SILVA").
    re2::StringPiece in(part);
    re2::StringPiece g[2];
    if (r.location->Match(in, 0, in.size(), RE2::UNANCHORED, g, 2) && g[0].data() != in.data()) {
      std::size_t k = 0;
      const std::string_view word(g[1].data(), g[1].size());
      if (!u_isupper(static_cast<UChar32>(next_code_point(word, &k))))
        part.erase(static_cast<std::size_t>(g[0].data() - in.data()));
    }
  }
  part = trim_name(part);
  // "Disko Von Ernst Lohoff": a capitalised marker inside starts the name.
  {
    re2::StringPiece in(part);
    re2::StringPiece g[2];
    if (r.inner_marker->Match(in, 0, in.size(), RE2::UNANCHORED, g, 2))
      part.erase(0, static_cast<std::size_t>(g[1].data() - in.data()));
  }
  // Words left at either end by a cut: "Jane Doe on", "durch Jane Doe".
  for (;;) {
    std::vector<std::string> w = split_words(part);
    if (w.size() < 2) break;
    re2::StringPiece first(w.front()), last(w.back());
    if (r.edge_word->Match(last, 0, last.size(), RE2::ANCHOR_BOTH, nullptr, 0)) {
      part.erase(part.rfind(' '));
    } else if (r.lead_word->Match(first, 0, first.size(), RE2::ANCHOR_BOTH, nullptr, 0)) {
      part.erase(0, part.find(' ') + 1);
    } else {
      break;
    }
    part = trim_name(part);
  }
  // "Meg Wagner NEW YORK DAILY NEWS", "Tom DiChristopher WATCH LIVE": a
  // capitalised tail after a mixed-case name is a label.
  {
    std::vector<std::string> w = split_words(part);
    auto caps = [](const std::string& x) {
      int letters = 0;
      for (unsigned char c : x) {
        if (c >= 'a' && c <= 'z') return false;
        if (c >= 'A' && c <= 'Z') ++letters;
      }
      return letters >= 2;
    };
    std::size_t k = w.size();
    while (k > 0 && caps(w[k - 1])) --k;
    if (k >= 2 && k < w.size()) {
      // The name before the tail is written in mixed case: initials alone
      // ("J. I. DA SILVA") are no such name.
      bool mixed = true, lower = false;
      for (std::size_t i = 0; i < k; ++i) {
        mixed = mixed && !caps(w[i]);
        for (std::size_t j = 0; j < w[i].size();)
          if (u_islower(static_cast<UChar32>(next_code_point(w[i], &j)))) lower = true;
      }
      mixed = mixed && lower;
      if (mixed) {
        std::string kept;
        for (std::size_t i = 0; i < k; ++i) kept += (i ? " " : "") + w[i];
        part = kept;
      }
    }
  }
  if (!is_plausible_name(patterns, part) && !(kind != AuthorValue::kText && is_login_with_number(part, kind)))
    return {};
  return part;
}


}  // namespace

bool is_plausible_name(const NamePatterns& patterns, std::string_view name) {
  if (name.size() < 2 || name.size() > 80) return false;
  const NamePatterns& r = patterns;
  re2::StringPiece in(name.data(), name.size());
  if (r.stop_name->Match(in, 0, in.size(), RE2::ANCHOR_START, nullptr, 0)) return false;
  if (r.non_name_word->Match(in, 0, in.size(), RE2::UNANCHORED, nullptr, 0)) return false;
  if (looks_like_url(name) || name.find('@') != std::string_view::npos) return false;
  std::size_t i = 0;
  bool first = true;
  int letters = 0;
  while (i < name.size()) {
    const char32_t c = next_code_point(name, &i);
    if (c >= '0' && c <= '9') return false;
    if (c == 0xFFFD || c == '{' || c == '}' || c == '<' || c == '>' || c == '=' ||
        c == '#' || c == '|' || c == '?' || c == '!')
      return false;
    // "ThE_PaiN", "Herr_Rein": a user name, one word; never in a phrase.
    if (c == '_' && name.find(' ') != std::string_view::npos) return false;
    if (first && !u_isalpha(static_cast<UChar32>(c))) return false;
    first = false;
    if (u_isalpha(static_cast<UChar32>(c))) ++letters;
  }
  if (letters < 2 && !only_cjk(name)) return false;
  if (only_cjk(name)) {
    const std::size_t n = count_code_points(name);
    return n >= 2 && n <= 16;
  }
  const std::vector<std::string> words = split_words(name);
  if (words.size() > 6) return false;
  // Several words, none capitalised: a phrase, not a name ("the sports team").
  if (words.size() > 1) {
    bool capital = false;
    for (const std::string& w : words) {
      std::size_t k = 0;
      const char32_t c = next_code_point(w, &k);
      if (u_isupper(static_cast<UChar32>(c)) || u_istitle(static_cast<UChar32>(c)) ||
          !u_hasBinaryProperty(static_cast<UChar32>(c), UCHAR_CASED))
        capital = true;
    }
    if (!capital) return false;
    // A lower-case word between two others that is no name particle
    // ("von", "de", "van der", "bin"): a phrase ("Atemschutzmaske über
    // Exit-Strategie"). A last word may be a lower-case user name.
    static const char* const kParticles[] = {
        "von", "vom", "van", "der", "den", "de", "del", "della", "di", "da", "das", "dos",
        "du", "des", "la", "le", "zu", "zur", "ten", "ter", "y", "e", "bin", "al", "el",
        "ibn", "af", "av", "och", "und", "and", "et", "of", "for", "the", "v.", "d'", "st.", "mc"};
    for (std::size_t k = 1; k + 1 < words.size(); ++k) {
      const std::string& w = words[k];
      std::size_t j = 0;
      const char32_t c = next_code_point(w, &j);
      if (!u_islower(static_cast<UChar32>(c))) continue;
      bool particle = false;
      for (const char* p : kParticles)
        if (w == p) particle = true;
      if (!particle && w.size() > 2) return false;
    }
  }
  return true;
}

bool looks_like_organization(const NamePatterns& patterns, std::string_view name) {
  const NamePatterns& r = patterns;
  re2::StringPiece in(name.data(), name.size());
  if (r.org_word->Match(in, 0, in.size(), RE2::UNANCHORED, nullptr, 0)) return true;
  // "AP", "LN", "NDR", "AFP": an agency's or a paper's initials.
  if (name.size() >= 2 && name.size() <= 4 &&
      std::all_of(name.begin(), name.end(), [](char c) { return c >= 'A' && c <= 'Z'; }))
    return true;
  if (only_cjk(name) && r.org_cjk->Match(in, 0, in.size(), RE2::UNANCHORED, nullptr, 0))
    return true;
  return false;
}

bool starts_with_byline_marker(const NamePatterns& patterns, std::string_view text) {
  const NamePatterns& r = patterns;
  re2::StringPiece in(text.data(), std::min<std::size_t>(text.size(), 200));
  re2::StringPiece m;
  if (rules::on(rules::kAuthorNameShapes) &&
      r.glued_marker->Match(in, 0, in.size(), RE2::ANCHOR_START, nullptr, 0))
    return true;
  if (byline_marker(r).Match(in, 0, in.size(), RE2::ANCHOR_START, &m, 1) && m.size() < in.size()) {
    std::size_t k = m.size();
    const char32_t c = next_code_point(text, &k);
    return u_isalpha(static_cast<UChar32>(c)) != 0;
  }
  if (r.cjk_marker->Match(in, 0, in.size(), RE2::ANCHOR_START, &m, 1) && m.size() < in.size()) {
    // A bare "文" / "图" opens many sentences; it is a marker only with a
    // separator ("文／", "文:").
    const std::string_view head(m.data(), m.size());
    const bool has_sep = head.find_first_of(":/|") != std::string_view::npos ||
                         head.find("\xef\xbc\x9a") != std::string_view::npos ||  // ：
                         head.find("\xef\xbc\x8f") != std::string_view::npos ||  // ／
                         head.find(' ') != std::string_view::npos;
    const bool long_marker = count_code_points(head) >= 2 &&
                             head.rfind("\xe6\x96\x87", 0) != 0;  // not 文...
    return has_sep || long_marker;
  }
  return false;
}

std::vector<std::string> date_name_line(const NamePatterns& patterns, std::string_view text,
                                        std::string_view site_name) {
  if (text.size() > 120 || text.find('\n') != std::string_view::npos) return {};
  const std::string t = collapse_space(text);
  const std::vector<TextDate> dates =
      find_text_dates(patterns.dates(), t, NumericOrder::kDayFirst, nullptr);
  if (dates.size() != 1) return {};
  // The separators between the two: a dash, a bullet, a middle dot, a bar.
  static const char* const kSeparators[] = {"\xe2\x80\x93", "\xe2\x80\x94", "\xe2\x80\xa2",
                                            "\xc2\xb7", "|", " - ", "/"};
  auto strip = [](std::string_view x) {
    while (!x.empty() && (x.front() == ' ' || x.front() == ',')) x.remove_prefix(1);
    while (!x.empty() && (x.back() == ' ' || x.back() == ',')) x.remove_suffix(1);
    return x;
  };
  auto separated = [&](std::string_view x, bool at_start) -> std::string_view {
    x = strip(x);
    for (const char* sep : kSeparators) {
      const std::string_view sv = std::string_view(sep).substr(sep[0] == ' ' ? 1 : 0,
                                                               sep[0] == ' ' ? 1 : std::string_view::npos);
      if (at_start && x.substr(0, sv.size()) == sv) return strip(x.substr(sv.size()));
      if (!at_start && x.size() >= sv.size() && x.substr(x.size() - sv.size()) == sv)
        return strip(x.substr(0, x.size() - sv.size()));
    }
    return {};
  };
  const std::string_view before = strip(std::string_view(t).substr(0, dates[0].begin));
  const std::string_view after = std::string_view(t).substr(dates[0].end);
  std::string_view name;
  if (before.empty())
    name = separated(after, true);  // "12 March 2024 – Jane Doe"
  else if (strip(after).empty())
    name = separated(before, false);  // "Jane Doe • 12 March 2024"
  if (name.empty() || name.size() > 60) return {};
  const std::vector<std::string> words = split_words(name);
  if (words.size() < 2 || words.size() > 4) return {};
  // Every word capitalised, no punctuation but an initial's dot, a hyphen
  // or an apostrophe: a name, not a phrase, a label ("Source: X") or a
  // headline.
  for (const std::string& w : words) {
    std::size_t k = 0;
    if (!u_isupper(static_cast<UChar32>(next_code_point(w, &k)))) return {};
    for (std::size_t j = 0; j < w.size();) {
      const char32_t c = next_code_point(w, &j);
      if (u_ispunct(static_cast<UChar32>(c)) && c != '.' && c != '-' && c != '\'' && c != 0x2019)
        return {};
    }
  }
  std::vector<std::string> names =
      clean_authors(patterns, name, AuthorValue::kByline, site_name);
  if (names.size() != 1 || names[0] != std::string(name)) return {};
  return names;
}

std::string_view byline_after_post_word(const NamePatterns& patterns, std::string_view text) {
  if (text.size() > 240) return {};
  re2::StringPiece in(text.data(), text.size());
  re2::StringPiece g[2];
  if (!patterns.posted->Match(in, 0, in.size(), RE2::ANCHOR_START, g, 2)) return {};
  return text.substr(static_cast<std::size_t>(g[1].data() - text.data()));
}

bool is_bare_latin_marker(const NamePatterns& patterns, std::string_view text) {
  if (text.empty() || text.size() > 40) return false;
  const NamePatterns& r = patterns;
  const std::string t = std::string(text) + " ";  // a marker is followed by a space
  re2::StringPiece in(t);
  // "By", "Von:", "| By", "Autor:" and nothing else.
  re2::StringPiece m;
  if (!byline_marker(r).Match(in, 0, in.size(), RE2::ANCHOR_START, &m, 1)) return false;
  re2::StringPiece rest(in.data() + m.size(), in.size() - m.size());
  return RE2::FullMatch(rest, *r.bare_marker_tail);
}

bool is_bare_cjk_marker(const NamePatterns& patterns, std::string_view text) {
  if (text.empty() || text.size() > 40) return false;
  const NamePatterns& r = patterns;
  re2::StringPiece in(text.data(), text.size());
  re2::StringPiece m;
  // Two characters at least: a lone "文" or "图" is a caption's.
  return r.cjk_marker->Match(in, 0, in.size(), RE2::ANCHOR_BOTH, &m, 1) &&
         count_code_points(text) >= 2;
}

std::vector<std::string> clean_authors(const NamePatterns& patterns, std::string_view raw, AuthorValue kind,
                                       std::string_view site_name) {
  std::vector<std::string> out;
  std::string line(raw);
  // A byline is one line: what follows a line break ("Tags: ...", a bio)
  // is something else. The line holding the marker is the one to read.
  if (kind != AuthorValue::kField && line.find('\n') != std::string::npos) {
    std::size_t start = 0;
    std::string first;
    while (start <= line.size()) {
      std::size_t nl = line.find('\n', start);
      if (nl == std::string::npos) nl = line.size();
      std::string l = line.substr(start, nl - start);
      if (first.empty() && !collapse_space(l).empty()) first = l;
      if (starts_with_byline_marker(patterns, collapse_space(l))) {
        first = l;
        break;
      }
      start = nl + 1;
    }
    line = first;
  }
  std::string s = collapse_space(decode_entities(line));
  if (s.empty()) return out;
  if (s.size() > 600) s.erase(600);
  const bool shapes = rules::on(rules::kAuthorNameShapes);
  if (shapes) RE2::Replace(&s, *patterns.glued_marker, "\\1 \\2");
  if (looks_like_url(s)) return out;
  const NamePatterns& r = patterns;

  // "蔡雪婧/摄": a photographer's credit, whole.
  {
    re2::StringPiece in(s);
    if (r.photo_credit->Match(in, 0, in.size(), RE2::ANCHOR_BOTH, nullptr, 0)) return out;
  }
  // Chinese credits have their own reader; names there are not split by
  // spaces or words as Latin ones are.
  if (kind != AuthorValue::kField) {
    bool cjk = false;
    for (std::size_t i = 0; i < s.size() && !cjk;) cjk = is_cjk(next_code_point(s, &i));
    if (cjk) {
      out = cjk_credits(patterns, s, site_name);
      if (!out.empty() || kind == AuthorValue::kText) return out;
    }
  }
  if (kind == AuthorValue::kText && !starts_with_byline_marker(patterns, s)) return out;

  // What follows a byline's names: dates, "Updated", bios, "3 min read".
  const std::vector<TextDate> dates = find_text_dates(patterns.dates(), s, NumericOrder::kDayFirst, nullptr);
  if (!dates.empty()) {
    s.erase(dates.front().begin);
    // also drop the word that introduced the date ("on", "am", "le")
    // The day of the week before the date is the date's too ("jdoe »
    // Wed Jan 21, 2009", "Jane Doe, Montag, 3. Mai 2021"), after a
    // separator only: "Wei Sun, May 3" keeps its surname.
    re2::StringPiece in(s);
    re2::StringPiece m;
    if (r.weekday_tail->Match(in, 0, in.size(), RE2::UNANCHORED, &m, 1))
      s.erase(static_cast<std::size_t>(m.data() - in.data()));
    else if (shapes)
      RE2::Replace(&s, *r.glued_weekday, "\\1");
  }
  cut_at(*r.cut, &s);
  if (kind != AuthorValue::kField) cut_at(*r.bio, &s);
  if (kind != AuthorValue::kField && rules::on(rules::kAuthorSpeechTail)) cut_at(*r.speech_tail, &s);
  replace_all(*r.email, &s, " ");
  replace_all(*r.handle, &s, " ");
  // "Richard (R.J.) Eskow", "Jane Doe (AP)": a parenthesis is dropped.
  replace_all(*r.parens, &s, " ");
  s = collapse_space(s);
  const std::size_t before_marker = s.size();
  consume(byline_marker(r), &s);
  s = collapse_space(s);
  // "By clicking Submit, you agree to ...", "By using this site you
  // accept ...": a sentence of a form or a consent notice, no byline.
  if (s.size() < before_marker) {
    std::size_t w = 0;
    while (w < s.size() && s[w] >= 'a' && s[w] <= 'z') ++w;
    if (w >= 5 && w < s.size() && s[w] == ' ' && s.compare(w - 3, 3, "ing") == 0 &&
        s.size() > w + 8)
      return out;
  }
  // A whole line of credits for a picture ("Von links nach rechts: A, B",
  // "Photos: A, B"): no author in it.
  {
    re2::StringPiece in(s);
    if (r.photo->Match(in, 0, in.size(), RE2::ANCHOR_START, nullptr, 0)) return out;
  }
  if (shapes) drop_site_and_agency(r, site_name, &s);

  // Split into parts.
  std::vector<std::string> parts;
  {
    re2::StringPiece in(s);
    re2::StringPiece m;
    std::size_t pos = 0, start = 0;
    while (pos < in.size() && r.split->Match(in, pos, in.size(), RE2::UNANCHORED, &m, 1)) {
      const std::size_t at = static_cast<std::size_t>(m.data() - in.data());
      if (m.empty()) {
        pos = at + 1;
        continue;
      }
      parts.emplace_back(s.substr(start, at - start));
      start = at + m.size();
      pos = start;
    }
    parts.emplace_back(s.substr(start));
  }
  // "Smith, John" in a name field: one person, family name first.
  if (kind == AuthorValue::kField && parts.size() == 2 && s.find(',') != std::string::npos &&
      split_words(parts[0]).size() == 1 && split_words(parts[1]).size() == 1 &&
      !only_cjk(parts[0])) {
    parts = {parts[1] + " " + parts[0]};
  }
  const std::vector<std::string> expanded = split_han_names(parts);
  std::vector<std::string> keys;
  bool has_long = false;
  for (const std::string& p : expanded)
    if (split_words(p).size() >= 2 || only_cjk(p)) has_long = true;
  for (const std::string& p : expanded) {
    // "PhD" after a comma, "MD, MPH" after the name: credentials.
    if (shapes && RE2::FullMatch(collapse_space(p), *r.degree_only)) continue;
    std::string name = clean_part(patterns, shapes ? without_degrees(r, p) : p, kind);
    if (name.empty()) continue;
    // An agency abbreviation beside real names: "Jane Doe / AP".
    if (has_long && all_upper_short(name)) continue;
    std::string key = comparison_key(name);
    if (key.empty()) continue;
    if (only_cjk(name)) {
      re2::StringPiece in(name);
      if (r.org_cjk->Match(in, 0, in.size(), RE2::UNANCHORED, nullptr, 0)) continue;
      // A menu's or a box's label ("人物", "专栏") read as a link's name.
      if (is_not_cjk_name(name)) continue;
    }
    if (std::find(keys.begin(), keys.end(), key) != keys.end()) continue;
    keys.push_back(std::move(key));
    out.push_back(std::move(name));
    if (out.size() >= 12) break;
  }
  return out;
}

std::vector<std::string> sign_off_name(const NamePatterns& patterns, std::string_view text, std::string_view site_name) {
  std::vector<std::string> out;
  if (text.empty() || text.size() > 100) return out;
  const std::size_t nl = text.find('\n');
  const std::string name = collapse_space(text.substr(0, nl));
  std::string rest;
  if (nl != std::string_view::npos) {
    rest = collapse_space(text.substr(nl + 1));
    if (rest.find('\n') != std::string::npos) return out;
  }
  const std::vector<std::string> words = split_words(name);
  if (words.empty() || words.size() > 4 || !is_plausible_name(patterns, name) || only_cjk(name))
    return out;
  // Every word capitalised ("Kazım TÜRKMEN", "Jane Doe"); a name particle
  // ("von", "de") may stand between. No punctuation but initials' dots,
  // hyphens and apostrophes ("Cheshire, CT" is a place, "Categories:" a
  // label), and no function word ("In This Issue", "New Products").
  static const char* const kParticles[] = {"von", "van", "de", "der", "den", "da", "di", "du",
                                           "la", "le", "del", "bin", "al", "ten", "zu"};
  static const char* const kFunction[] = {"in", "this", "the", "of", "for", "and", "new",
                                          "our", "my", "your", "to", "on", "at", "with",
                                          "der", "die", "das", "und", "im", "für", "mit",
                                          "le", "la", "les", "et", "el", "los", "y"};
  for (std::size_t i = 0; i < words.size(); ++i) {
    const std::string& w = words[i];
    std::size_t k = 0;
    const char32_t c = next_code_point(w, &k);
    bool particle = false;
    for (const char* p : kParticles) particle = particle || (i > 0 && i + 1 < words.size() && w == p);
    if (!u_isupper(static_cast<UChar32>(c)) && !particle) return out;
    const std::string lw = lower_ascii(w);
    for (const char* f : kFunction)
      if (lw == f && !particle) return out;
    if (w.find('.') != std::string::npos && w.size() > 2) return out;
    for (std::size_t j = 0; j < w.size();) {
      const char32_t d = next_code_point(w, &j);
      if (u_ispunct(static_cast<UChar32>(d)) && d != '.' && d != '-' && d != '\'' && d != 0x2019)
        return out;
    }
  }
  if (rest.empty()) {
    // A line of its own: a full name, two or three words.
    if (words.size() < 2 || words.size() > 3) return out;
  } else {
    // Under the name: the day it was signed, or a short role.
    const std::vector<TextDate> dates = find_text_dates(patterns.dates(), rest, NumericOrder::kDayFirst, nullptr);
    const bool dated = !dates.empty() && dates.front().begin <= 3;
    const bool role = rest.size() <= 48 && split_words(rest).size() <= 4 &&
                      std::none_of(rest.begin(), rest.end(), [](char ch) {
                        return ch == '.' || ch == '!' || ch == '?' || ch == ':' ||
                               (ch >= '0' && ch <= '9');
                      });
    if (!dated && !role) return out;
  }
  const std::string key = comparison_key(name);
  if (!site_name.empty() && key == comparison_key(site_name)) return out;
  out.push_back(name);
  return out;
}

std::vector<std::string> picture_or_translation_credit(const NamePatterns& patterns, std::string_view text) {
  if (text.empty() || text.size() > 200) return {};
  const NamePatterns& r = patterns;
  const std::string line = collapse_space(text.substr(0, text.find('\n')));
  re2::StringPiece in(line);
  re2::StringPiece m;
  if (!r.photo->Match(in, 0, in.size(), RE2::ANCHOR_START, &m, 1)) return {};
  return clean_authors(patterns, std::string_view(line).substr(m.size()), AuthorValue::kField, {});
}

std::vector<std::string> copyright_holder(const NamePatterns& patterns, std::string_view text, std::string_view site_name) {
  // The mark, then the years ("2012-", "2009 - 2024,"), then the holder up
  // to where the line goes on: "All rights reserved", a separator before
  // the next link ("Impressum", "Design by ...").
  if (text.empty() || text.size() > 200) return {};
  re2::StringPiece in(text.data(), text.size());
  re2::StringPiece g[2];
  if (!patterns.copyright->Match(in, 0, in.size(), RE2::ANCHOR_BOTH, g, 2)) return {};
  std::string holder(g[1].data(), g[1].size());
  cut_at(*patterns.copyright_end, &holder);
  // A sentence ends the holder ("Jane Doe. Design by ..."); an initial's
  // dot does not ("Stephen B. Doe").
  for (std::size_t dot = holder.find(". "); dot != std::string::npos;
       dot = holder.find(". ", dot + 1)) {
    const std::size_t word = holder.find_last_of(' ', dot);
    if (dot - (word == std::string::npos ? 0 : word + 1) > 1) {
      holder.erase(dot);
      break;
    }
  }
  holder = trim_name(holder);
  // A company holds the rights to its pages: no writer's name. A person's
  // reads as a signature does ("Jane Doe", "李建忠").
  if (looks_like_organization(patterns, holder)) return {};
  std::vector<std::string> names = sign_off_name(patterns, holder, site_name);
  return names.empty() ? cjk_name_line(patterns, holder, site_name) : names;
}

// "Jong, Michiel de" -> "Michiel de Jong", "Kooman, F." -> "F. Kooman": a
// value of one surname, a comma, and given names (a capitalised word with
// lower-case letters or an initial first, up to three words). Anything else
// ("Jane Doe, Reuters", "Department of X, Queensland") is returned as is.
std::string surname_last(const std::string& v) {
  const std::string t = collapse_space(v);
  const std::size_t comma = t.find(',');
  if (comma == std::string::npos || t.find(',', comma + 1) != std::string::npos ||
      t.find(';') != std::string::npos)
    return v;
  const std::string surname = collapse_space(t.substr(0, comma));
  const std::string given = collapse_space(t.substr(comma + 1));
  if (surname.empty() || given.empty() || surname.find(' ') != std::string::npos ||
      count_words(given) > 3)
    return v;
  // The given names open with a capital followed by a lower-case letter
  // ("Michiel") or a dot ("F.", "T.D."): not "AP", "USA", "Staff".
  const unsigned char c0 = static_cast<unsigned char>(given[0]);
  const unsigned char c1 = given.size() > 1 ? static_cast<unsigned char>(given[1]) : 0;
  if (!is_ascii_upper(static_cast<char>(c0)) ||
      !(is_ascii_lower(static_cast<char>(c1)) || c1 == '.' || c1 >= 0x80))
    return v;
  const unsigned char s0 = static_cast<unsigned char>(surname[0]);
  if (!(is_ascii_upper(static_cast<char>(s0)) || s0 >= 0x80)) return v;
  return given + " " + surname;
}

}  // namespace extractor
