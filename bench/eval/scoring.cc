#include "eval/scoring.h"

#include <optional>

#include <nlohmann/json.hpp>

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cstdio>
#include <stdexcept>

namespace extractor::eval {
namespace {

// Python's str `\w`: str.isalnum() or '_'. isalnum is isalpha (L*) or
// isdecimal/isdigit/isnumeric, which for every assigned code point but a few
// CJK ideographs (already L*) is N*. Combining marks (M*) are not word
// characters, so a Devanagari vowel sign splits a token, as in Python.
bool is_word_char(UChar32 c) {
  if (c < 0x80) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
           (c >= '0' && c <= '9') || c == '_';
  }
  return (U_GET_GC_MASK(c) & (U_GC_L_MASK | U_GC_N_MASK)) != 0;
}

// splitmix64's finaliser: a cheap 64-bit mix with full avalanche.
std::uint64_t mix(std::uint64_t x) {
  x += 0x9E3779B97F4A7C15ULL;
  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
  return x ^ (x >> 31);
}

// FNV-1a over the token's bytes, then mixed.
std::uint64_t hash_token(std::string_view s) {
  std::uint64_t h = 0xCBF29CE484222325ULL;
  for (unsigned char ch : s) {
    h ^= ch;
    h *= 0x100000001B3ULL;
  }
  return mix(h);
}

// A tuple's hash: each token folded in with a full mix, so order matters, and
// a 1..3-token tuple goes through fewer rounds than a 4-token one. With ~10^4
// shingles a page, a 64-bit collision has odds of ~10^-11 a page.
std::uint64_t hash_tuple(const std::uint64_t* tokens, std::size_t n) {
  std::uint64_t h = 0x51ED27F1A3C6B0D5ULL;
  for (std::size_t i = 0; i < n; ++i) h = mix(h ^ tokens[i]);
  return h;
}

const icu::Normalizer2& nfkc_cf() {
  // getNFKCCasefoldInstance returns a shared singleton owned by ICU, safe to
  // use from many threads.
  static const icu::Normalizer2* instance = [] {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* n =
        icu::Normalizer2::getNFKCCasefoldInstance(status);
    if (U_FAILURE(status) || n == nullptr) {
      throw std::runtime_error(std::string("ICU nfkc_cf normalizer: ") +
                               u_errorName(status));
    }
    return n;
  }();
  return *instance;
}

// Joiners between names, compared after normalize(): "A and B", "A und B",
// "A et B", "A y B", "A e B", "A i B" (ca/pl/hr), "by A", "von A" (also a
// name particle; dropping it on both sides is harmless), "par A", "А и Б",
// "甲 和 乙" (only when spaced: CJK runs have no word breaks).
const std::vector<std::string>& joiners() {
  static const std::vector<std::string> words = {
      "and", "und", "et", "y", "e", "i", "by", "von", "par", "и", "和", "&"};
  return words;
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_date_sep(char c) { return c == '-' || c == '/' || c == '.'; }

}  // namespace

std::vector<std::string_view> word_tokens(std::string_view utf8) {
  std::vector<std::string_view> tokens;
  const auto* s = reinterpret_cast<const std::uint8_t*>(utf8.data());
  const std::int64_t n = static_cast<std::int64_t>(utf8.size());
  std::int64_t i = 0;
  std::int64_t start = -1;  // start of the current token, -1 outside one
  while (i < n) {
    const std::int64_t at = i;
    UChar32 c;
    U8_NEXT(s, i, n, c);  // c < 0 for an ill-formed sequence
    if (c >= 0 && is_word_char(c)) {
      if (start < 0) start = at;
    } else if (start >= 0) {
      tokens.emplace_back(utf8.data() + start, at - start);
      start = -1;
    }
  }
  if (start >= 0) tokens.emplace_back(utf8.data() + start, n - start);
  return tokens;
}

std::string normalize(std::string_view utf8, Space space) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::UnicodeString in = icu::UnicodeString::fromUTF8(
      icu::StringPiece(utf8.data(), static_cast<std::int32_t>(utf8.size())));
  const icu::UnicodeString folded = nfkc_cf().normalize(in, status);
  if (U_FAILURE(status)) {
    throw std::runtime_error(std::string("ICU normalize: ") +
                             u_errorName(status));
  }
  icu::UnicodeString out;
  bool pending_space = false;
  for (std::int32_t i = 0; i < folded.length();) {
    const UChar32 c = folded.char32At(i);
    i += U16_LENGTH(c);
    if (u_isUWhiteSpace(c)) {
      pending_space =
          space == Space::kFold && !out.isEmpty();  // trims the start
      continue;
    }
    if (pending_space) {
      out.append(static_cast<UChar>(' '));
      pending_space = false;
    }
    out.append(c);
  }  // a trailing run leaves pending_space set and is dropped: trims the end
  std::string result;
  out.toUTF8String(result);
  return result;
}

Shingles shingles(std::string_view text) {
  constexpr std::size_t kN = 4;
  const std::vector<std::string_view> tokens = word_tokens(text);
  Shingles out;
  out.tokens = tokens.size();
  if (tokens.empty()) return out;
  std::vector<std::uint64_t> th(tokens.size());
  for (std::size_t i = 0; i < tokens.size(); ++i) th[i] = hash_token(tokens[i]);
  if (tokens.size() < kN) {
    out.hashes.push_back(hash_tuple(th.data(), th.size()));
    return out;
  }
  out.hashes.reserve(tokens.size() - kN + 1);
  for (std::size_t i = 0; i + kN <= tokens.size(); ++i) {
    out.hashes.push_back(hash_tuple(th.data() + i, kN));
  }
  std::sort(out.hashes.begin(), out.hashes.end());
  return out;
}

BodyCounts match(const Shingles& prediction, const Shingles& truth) {
  // A merge of two sorted multisets: common elements are tp, the rest of
  // each side its excess.
  BodyCounts c;
  const auto& p = prediction.hashes;
  const auto& t = truth.hashes;
  std::size_t i = 0, j = 0;
  while (i < p.size() && j < t.size()) {
    if (p[i] == t[j]) {
      ++c.tp;
      ++i;
      ++j;
    } else if (p[i] < t[j]) {
      ++c.fp;
      ++i;
    } else {
      ++c.fn;
      ++j;
    }
  }
  c.fp += static_cast<std::int64_t>(p.size() - i);
  c.fn += static_cast<std::int64_t>(t.size() - j);
  return c;
}

BodyCounts score_body(std::string_view prediction, std::string_view truth) {
  return match(shingles(prediction), shingles(truth));
}

double page_precision(const BodyCounts& c) {
  if (c.fp == 0 && c.fn == 0) return 1.0;
  if (c.tp == 0 && c.fp == 0) return 0.0;
  return double(c.tp) / double(c.tp + c.fp);
}

double page_recall(const BodyCounts& c) {
  if (c.fp == 0 && c.fn == 0) return 1.0;
  if (c.tp == 0 && c.fn == 0) return 0.0;
  return double(c.tp) / double(c.tp + c.fn);
}

double page_f1(const BodyCounts& c) {
  const double p = page_precision(c), r = page_recall(c);
  return p + r > 0 ? 2 * p * r / (p + r) : 0.0;
}

void BodyMeans::add(const BodyCounts& c) {
  if (c.tp + c.fp > 0) {
    precision_sum_ += page_precision(c);
    ++precision_pages_;
  }
  if (c.tp + c.fn > 0) {
    recall_sum_ += page_recall(c);
    ++recall_pages_;
  }
}

double BodyMeans::precision() const {
  return precision_pages_ ? precision_sum_ / precision_pages_ : 0.0;
}

double BodyMeans::recall() const {
  return recall_pages_ ? recall_sum_ / recall_pages_ : 0.0;
}

double BodyMeans::f1() const {
  const double p = precision(), r = recall();
  return p + r > 0 ? 2 * p * r / (p + r) : 0.0;
}

SnippetScore score_snippets(std::string_view text,
                            const std::vector<std::string>& must_contain,
                            const std::vector<std::string>& must_not_contain) {
  SnippetScore s;
  s.total = static_cast<int>(must_contain.size() + must_not_contain.size());
  if (s.total == 0) return s;
  const std::string hay = normalize(text, Space::kFold);
  // A snippet that normalises to nothing says nothing: it passes either way
  // (as a must_not_contain, "" would otherwise be found in every text).
  for (const std::string& m : must_contain) {
    const std::string needle = normalize(m, Space::kFold);
    if (needle.empty() || hay.find(needle) != std::string::npos) {
      ++s.passed;
    } else {
      s.missing.push_back(m);
    }
  }
  for (const std::string& m : must_not_contain) {
    const std::string needle = normalize(m, Space::kFold);
    if (needle.empty() || hay.find(needle) == std::string::npos) {
      ++s.passed;
    } else {
      s.present.push_back(m);
    }
  }
  return s;
}

bool same_title(std::string_view prediction, std::string_view truth) {
  return normalize(prediction) == normalize(truth);
}

std::vector<std::string> author_tokens(const std::vector<std::string>& names) {
  std::vector<std::string> out;
  const auto& skip = joiners();
  for (const std::string& name : names) {
    const std::string folded = normalize(name);
    for (std::string_view t : word_tokens(folded)) {
      if (std::find(skip.begin(), skip.end(), t) == skip.end()) {
        out.emplace_back(t);
      }
    }
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

bool same_authors(const std::vector<std::string>& prediction,
                  const std::vector<std::string>& truth) {
  const std::vector<std::string> t = author_tokens(truth);
  return !t.empty() && author_tokens(prediction) == t;
}

std::string calendar_day(std::string_view s) {
  const std::size_t n = s.size();
  for (std::size_t i = 0; i + 8 <= n; ++i) {
    // A 4-digit year not inside a longer number.
    if (i > 0 && is_digit(s[i - 1])) continue;
    if (!(is_digit(s[i]) && is_digit(s[i + 1]) && is_digit(s[i + 2]) &&
          is_digit(s[i + 3]))) {
      continue;
    }
    std::size_t j = i + 4;
    int parts[2] = {0, 0};
    bool ok = true;
    for (int& part : parts) {
      if (j >= n || !is_date_sep(s[j])) {
        ok = false;
        break;
      }
      ++j;
      std::size_t digits = 0;
      while (j < n && is_digit(s[j]) && digits < 3) {
        part = part * 10 + (s[j] - '0');
        ++j;
        ++digits;
      }
      if (digits < 1 || digits > 2) {
        ok = false;
        break;
      }
    }
    if (!ok || parts[0] < 1 || parts[0] > 12 || parts[1] < 1 || parts[1] > 31) {
      continue;
    }
    char buf[16];
    std::snprintf(buf, sizeof buf, "%.4s-%02d-%02d", s.data() + i, parts[0],
                  parts[1]);
    return buf;
  }
  return {};
}

namespace {

// An ISO 8601 date-time with an explicit zone ("2019-04-03T15:30:00.000Z",
// "2019-04-04T00:30+09:00"), as minutes since 1970 plus the zone's offset.
struct ZonedTime {
  long long minutes = 0;  // UTC
  int offset = 0;         // minutes east of UTC
};

long long days_from_civil(int y, int m, int d) {
  y -= m <= 2;
  const int era = (y >= 0 ? y : y - 399) / 400;
  const int yoe = y - era * 400;
  const int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return static_cast<long long>(era) * 146097 + doe - 719468;
}

std::string civil_from_days(long long z) {
  z += 719468;
  const long long era = (z >= 0 ? z : z - 146096) / 146097;
  const long long doe = z - era * 146097;
  const long long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const long long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const long long mp = (5 * doy + 2) / 153;
  const long long d = doy - (153 * mp + 2) / 5 + 1;
  const long long m = mp + (mp < 10 ? 3 : -9);
  const long long y = yoe + era * 400 + (m <= 2);
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04lld-%02lld-%02lld", y, m, d);
  return buf;
}

std::optional<ZonedTime> zoned_time(std::string_view s) {
  auto num = [&](std::size_t at, std::size_t len, int* out) {
    if (at + len > s.size()) return false;
    int v = 0;
    for (std::size_t i = at; i < at + len; ++i) {
      if (!is_digit(s[i])) return false;
      v = v * 10 + (s[i] - '0');
    }
    *out = v;
    return true;
  };
  int y, mo, d, h, mi;
  if (!num(0, 4, &y) || s.size() < 16 || s[4] != '-' || !num(5, 2, &mo) || s[7] != '-' ||
      !num(8, 2, &d) || (s[10] != 'T' && s[10] != ' ') || !num(11, 2, &h) || s[13] != ':' ||
      !num(14, 2, &mi))
    return std::nullopt;
  std::size_t i = 16;
  while (i < s.size() && (is_digit(s[i]) || s[i] == ':' || s[i] == '.')) ++i;  // seconds
  if (i >= s.size()) return std::nullopt;  // no zone: local time of unknown place
  int offset = 0;
  if (s[i] == 'Z' || s[i] == 'z') {
    offset = 0;
  } else if (s[i] == '+' || s[i] == '-') {
    int oh, om = 0;
    if (!num(i + 1, 2, &oh)) return std::nullopt;
    std::size_t j = i + 3;
    if (j < s.size() && s[j] == ':') ++j;
    if (j < s.size()) num(j, 2, &om);
    offset = (s[i] == '-' ? -1 : 1) * (oh * 60 + om);
  } else {
    return std::nullopt;
  }
  ZonedTime t;
  t.offset = offset;
  t.minutes = days_from_civil(y, mo, d) * 1440 + h * 60 + mi - offset;
  return t;
}

}  // namespace

bool same_day(std::string_view prediction, std::string_view truth) {
  const std::string t = calendar_day(truth);
  if (t.empty()) return false;
  // Both with a time and a zone: the same day where the truth was written
  // (a page's "2019-04-04T00:30+09:00" is the truth's "2019-04-03T15:30Z").
  const std::optional<ZonedTime> zt = zoned_time(truth);
  const std::optional<ZonedTime> zp = zoned_time(prediction);
  if (zt && zp) {
    const long long local = zp->minutes + zt->offset;
    const long long day = local >= 0 ? local / 1440 : -((-local + 1439) / 1440);
    return civil_from_days(day) == t;
  }
  return calendar_day(prediction) == t;
}

const std::optional<double>* SetFigures::get(std::string_view key) const {
  if (key == "precision") return &precision;
  if (key == "recall") return &recall;
  if (key == "f1") return &f1;
  if (key == "snippets") return &snippets;
  if (key == "title") return &title;
  if (key == "author") return &author;
  if (key == "date") return &date;
  constexpr std::string_view kType = "type_f1:";
  if (key.substr(0, kType.size()) == kType) {
    static const std::optional<double> kAbsent;
    const auto it = type_f1.find(key.substr(kType.size()));
    return it != type_f1.end() ? &it->second : &kAbsent;
  }
  return nullptr;
}

SetConventions parse_conventions(std::string_view scoring_json) {
  nlohmann::json j;
  try {
    j = nlohmann::json::parse(scoring_json);
  } catch (const std::exception& e) {
    throw std::invalid_argument(std::string("SCORING.json: ") + e.what());
  }
  if (!j.is_object()) throw std::invalid_argument("SCORING.json: not a JSON object");
  SetConventions c;
  if (const auto it = j.find("include_comments"); it != j.end()) {
    if (!it->is_boolean())
      throw std::invalid_argument("SCORING.json: include_comments is not true or false");
    c.include_comments = it->get<bool>();
  }
  return c;
}

std::string scored_text(std::string_view text, std::string_view comments,
                        const SetConventions& conventions) {
  std::string out(text);
  if (conventions.include_comments && !comments.empty()) {
    if (!out.empty()) out += "\n\n";
    out += comments;
  }
  return out;
}

bool same_page_type(std::string_view truth, std::string_view predicted) {
  return !predicted.empty() &&
         (truth == predicted || (truth == "collection" && predicted == "listing"));
}

void TypeBreakdown::add(const std::string& type, const BodyCounts& counts, bool empty,
                        const std::string& predicted) {
  Row& row = rows_[type];
  if (!predicted.empty()) row.classified.add(same_page_type(type, predicted));
  row.type = type;
  ++row.pages;
  row.empty += empty;
  const double f1 = page_f1(counts);
  row.zero += f1 == 0.0;
  row.page_f1.add(f1);
  row.body.add(counts);
}

std::vector<TypeBreakdown::Row> TypeBreakdown::rows() const {
  std::vector<Row> out;
  for (const auto& [type, row] : rows_) out.push_back(row);
  std::stable_sort(out.begin(), out.end(),
                   [](const Row& a, const Row& b) { return a.pages > b.pages; });
  return out;
}

std::vector<std::string> check_floors(
    const std::map<std::string, SetFigures>& figures, const Floors& floors) {
  std::vector<std::string> failures;
  char buf[256];
  for (const auto& [set, keys] : floors.sets) {
    const auto it = figures.find(set);
    if (it == figures.end()) continue;
    for (const auto& [key, floor] : keys) {
      const std::optional<double>* figure = it->second.get(key);
      if (figure == nullptr) {
        failures.push_back(set + ": unknown floor key \"" + key + "\"");
      } else if (!figure->has_value()) {
        failures.push_back(set + ": floor for " + key +
                           " but the set has no such figure");
      } else if (**figure < floor - floors.epsilon) {
        std::snprintf(buf, sizeof buf, "%s: %s %.3f is below its floor %.3f",
                      set.c_str(), key.c_str(), **figure, floor);
        failures.push_back(buf);
      }
    }
  }
  return failures;
}

}  // namespace extractor::eval
