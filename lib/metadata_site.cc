// Metadata, the site: name, canonical URL and host, language. See
// metadata_site.h.
#include "metadata_site.h"

#include <algorithm>
#include <cstdint>
#include <unordered_map>

#include "chars.h"
#include "metadata_evidence.h"
#include "metadata_text.h"
#include "metadata_tuning.h"
#include "url.h"

namespace extractor {
namespace {

Script script_of_language(const std::string& l) {
  static const char* const cyr[] = {"ru", "uk", "bg", "mk", "be", "kk", "ky", "tg", "mn"};
  for (const char* c : cyr)
    if (l == c) return Script::kCyrillic;
  if (l == "el") return Script::kGreek;
  if (l == "ar" || l == "fa" || l == "ur" || l == "ps") return Script::kArabic;
  if (l == "he" || l == "yi") return Script::kHebrew;
  if (l == "zh" || l == "ja") return Script::kHan;
  if (l == "ko") return Script::kHangul;
  if (l == "th") return Script::kThai;
  if (l == "hi" || l == "mr" || l == "ne") return Script::kDevanagari;
  if (l == "sr" || l == "bs" || l == "sh") return Script::kUnknown;  // both scripts
  return Script::kLatin;
}

std::string language_of_script(Script s, std::string_view text) {
  switch (s) {
    case Script::kCyrillic: {
      // Ukrainian і ї є ґ; Russian ы э ё.
      int uk = 0, ru = 0;
      std::size_t i = 0;
      while (i < text.size()) {
        const char32_t c = next_code_point(text, &i);
        if (c == 0x456 || c == 0x457 || c == 0x454 || c == 0x491) ++uk;
        if (c == 0x44B || c == 0x44D || c == 0x451) ++ru;
      }
      return uk > ru ? "uk" : "ru";
    }
    case Script::kGreek: return "el";
    case Script::kArabic: return "ar";
    case Script::kHebrew: return "he";
    case Script::kHan: return "zh";
    case Script::kKana: return "ja";
    case Script::kHangul: return "ko";
    case Script::kThai: return "th";
    case Script::kDevanagari: return "hi";
    case Script::kLatin: return latin_language(text);
    default: return {};
  }
}

// The content blocks' text, else (when they hold little) the longer blocks
// outside menus, sidebars and comments: what the page is written in.
std::string language_sample(const Evidence& ev) {
  const std::vector<TextBlock>& blocks = ev.blocks;
  const std::vector<Label>& labels = ev.input.scores.labels;
  std::string sample;
  for (std::size_t i = 0; i < blocks.size() && sample.size() < tuning::kLanguageSample; ++i)
    if (labels.size() == blocks.size() && labels[i] == Label::kContent)
      sample.append(blocks[i].text.substr(0, tuning::kLanguageSampleBlock)).push_back(' ');
  if (sample.size() < tuning::kLanguageSampleMin)
    for (std::size_t i = 0; i < blocks.size() && sample.size() < tuning::kLanguageSample; ++i)
      if (!ev.away(blocks[i]) && blocks[i].text.size() > tuning::kLanguageSampleLongBlock)
        sample.append(blocks[i].text.substr(0, tuning::kLanguageSampleBlock)).push_back(' ');
  return sample;
}

}  // namespace

SiteNameCandidates site_name_candidates(const Evidence& ev) {
  SiteNameCandidates c;
  c.og_site_name = ev.metas.first({"og:site_name"});
  c.publisher = ev.ld.publisher;
  c.ld_site_name = ev.ld.site_name;
  c.app_name = ev.metas.first({"application-name", "al:android:app_name", "al:ios:app_name"});
  return c;
}

SiteNameChoice choose_site_name(const SiteNameCandidates& c) {
  const std::pair<const std::string*, Source> order[] = {
      {&c.og_site_name, Source::kMeta},
      {&c.publisher, Source::kJsonLd},
      {&c.ld_site_name, Source::kJsonLd},
      {&c.app_name, Source::kMeta},
  };
  for (const auto& [name, source] : order) {
    if (name->empty()) continue;
    if (looks_like_url(*name)) return {};
    return {*name, source};
  }
  return {};
}

UrlCandidates url_candidates(const Evidence& ev) {
  UrlCandidates c;
  c.canonical = ev.gathered.canonical;
  c.og_url = ev.metas.first({"og:url"});
  c.ld_url = ev.ld.url;
  c.page_url = ev.input.page.url;
  const std::string& base = ev.input.segments.base_url;
  c.base = base.empty() ? c.page_url : base;
  return c;
}

UrlChoice choose_url(const UrlCandidates& c) {
  UrlChoice u;
  std::string found = c.canonical;
  Source src = Source::kMarkup;
  if (found.empty()) {
    found = c.og_url;
    src = Source::kMeta;
  }
  if (found.empty() && looks_like_url(c.ld_url)) {
    found = c.ld_url;
    src = Source::kJsonLd;
  }
  if (!found.empty()) {
    u.url = resolve_url(c.base, found);
    u.source = src;
  } else if (!c.page_url.empty()) {
    u.url = c.page_url;
  }
  u.host = host_of(c.page_url.empty() ? u.url : c.page_url);
  return u;
}

LanguageCandidates language_candidates(const Evidence& ev) {
  LanguageCandidates c;
  // http-equiv keys are stored under their attribute value.
  c.declared = {
      {ev.gathered.html_lang, Source::kMarkup},
      {ev.metas.first({"http-equiv:content-language", "content-language"}), Source::kMeta},
      {ev.metas.first({"content-language", "language", "dc.language", "dcterms.language"}),
       Source::kMeta},
      {ev.ld.language, Source::kJsonLd},
      {ev.metas.first({"og:locale"}), Source::kMeta},
  };
  c.sample = language_sample(ev);
  return c;
}

LanguageChoice choose_language(const LanguageCandidates& c) {
  LanguageChoice choice;
  std::string& lang = choice.language;
  Source src = Source::kNone;
  for (const LanguageDeclaration& d : c.declared) {
    std::string p = primary_language(d.tag);
    if (p.empty()) continue;
    lang = p;
    src = d.source;
    std::string t = lower_ascii(d.tag);
    const std::size_t sep = t.find_first_of("-_");
    if (sep != std::string::npos) choice.region = t.substr(sep + 1, 2);
    break;
  }
  // Check it against the script of the article's text.
  ScriptCounts counts;
  count_scripts(c.sample, &counts);
  const Script script =
      counts.total() >= tuning::kScriptMinLetters ? dominant_script(counts) : Script::kUnknown;
  if (!lang.empty() && script != Script::kUnknown) {
    const Script expected = script_of_language(lang);
    const bool ok = expected == Script::kUnknown || expected == script ||
                    (lang == "ja" && (script == Script::kKana || script == Script::kHan)) ||
                    (lang == "zh" && script == Script::kHan);
    if (!ok || (lang == "zh" && script == Script::kKana)) {
      const std::string detected = language_of_script(script, c.sample);
      if (!detected.empty()) {
        lang = detected;
        src = Source::kText;
        choice.region.clear();
      }
    }
  }
  if (lang.empty() && script != Script::kUnknown) {
    lang = language_of_script(script, c.sample);
    if (!lang.empty()) src = Source::kText;
  }
  choice.source = lang.empty() ? Source::kNone : src;
  return choice;
}

std::string primary_language(std::string_view tag) {
  std::string s = lower_ascii(collapse_space(tag));
  s = s.substr(0, s.find_first_of("-_ ,;"));
  if (s.size() < 2 || s.size() > 3) return {};
  for (char c : s)
    if (!is_ascii_lower(c)) return {};
  if (s == "iw") return "he";
  if (s == "in") return "id";
  return s;
}

namespace {

// The most frequent function words of some Latin-script languages, a line
// each (its code first): enough to tell them apart on a few hundred words.
constexpr std::string_view kFunctionWords =
    "en the and of to is that for with was on are this it in\n"
    "de der die und das ist nicht mit den ein eine sich auf für dem\n"
    "fr le la les et des est une pour dans que qui du pas sur\n"
    "es el los las y que del por con una para es se como más\n"
    "it il di che è per non una della sono con gli del nel anche\n"
    "pt o os que não com uma para do da em é são mais dos\n"
    "nl de het een en van is dat niet met voor op zijn te ook\n"
    "pl i w nie na się z że do jest to jak ale po od\n"
    "cs a je se na v že to s z do jsou by ale jak\n"
    "sv och att det som en är på för med av inte till har den\n"
    "tr ve bir bu da de için ile çok daha olarak gibi ama en olan\n"
    "id dan yang di ini itu dengan untuk dari dalam tidak akan pada juga ke";

struct FunctionWords {
  std::vector<std::string> languages;                      // codes, in table order
  std::unordered_map<std::string, std::uint32_t> index;  // word -> bit set of languages
};

const FunctionWords& function_words() {
  static const FunctionWords* const kWords = [] {
    auto* f = new FunctionWords();
    std::size_t line = 0;
    while (line < kFunctionWords.size()) {
      std::size_t end = kFunctionWords.find('\n', line);
      if (end == std::string_view::npos) end = kFunctionWords.size();
      const std::uint32_t bit = 1u << f->languages.size();
      std::size_t i = line;
      while (i < end) {
        const std::size_t j = std::min(end, kFunctionWords.find(' ', i));
        const std::string word(kFunctionWords.substr(i, j - i));
        if (i == line) f->languages.push_back(word);
        else f->index[word] |= bit;
        i = j + 1;
      }
      line = end + 1;
    }
    return f;
  }();
  return *kWords;
}

}  // namespace

std::string latin_language(std::string_view text) {
  const FunctionWords& fw = function_words();
  const std::size_t n_languages = fw.languages.size();
  // Words are runs of letters; any byte of a non-ASCII character counts as one.
  auto in_word = [](char c) { return static_cast<unsigned char>(c) >= 0x80 || is_ascii_alpha(c); };
  std::vector<int> counts(n_languages, 0);
  std::size_t i = 0;
  int words = 0;
  std::string w;
  while (i < text.size() && words < tuning::kLatinMaxWords) {
    while (i < text.size() && !in_word(text[i])) ++i;
    std::size_t j = i;
    while (j < text.size() && in_word(text[j])) ++j;
    if (j == i) break;
    ++words;
    if (j - i <= 6) {
      w.assign(text.data() + i, j - i);
      for (char& c : w) c = lower_ascii(c);
      auto it = fw.index.find(w);
      if (it != fw.index.end())
        for (std::size_t l = 0; l < n_languages; ++l)
          if (it->second & (1u << l)) ++counts[l];
    }
    i = j;
  }
  std::size_t best = 0;
  for (std::size_t l = 1; l < n_languages; ++l)
    if (counts[l] > counts[best]) best = l;
  if (words < tuning::kLatinMinWords || counts[best] * tuning::kWordsPerFunctionWord < words)
    return {};
  return fw.languages[best];
}

}  // namespace extractor
