// Metadata, the site: name, canonical URL and host, language. See
// metadata_site.h.
#include "metadata_site.h"

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

// The most frequent function words of some Latin-script languages: enough
// to tell them apart on a few hundred words.
std::string latin_language(std::string_view text) {
  struct Lang {
    const char* code;
    const char* words[14];
  };
  static const Lang kLangs[] = {
      {"en", {"the", "and", "of", "to", "is", "that", "for", "with", "was", "on", "are", "this", "it", "in"}},
      {"de", {"der", "die", "und", "das", "ist", "nicht", "mit", "den", "ein", "eine", "sich", "auf", "für", "dem"}},
      {"fr", {"le", "la", "les", "et", "des", "est", "une", "pour", "dans", "que", "qui", "du", "pas", "sur"}},
      {"es", {"el", "los", "las", "y", "que", "del", "por", "con", "una", "para", "es", "se", "como", "más"}},
      {"it", {"il", "di", "che", "è", "per", "non", "una", "della", "sono", "con", "gli", "del", "nel", "anche"}},
      {"pt", {"o", "os", "que", "não", "com", "uma", "para", "do", "da", "em", "é", "são", "mais", "dos"}},
      {"nl", {"de", "het", "een", "en", "van", "is", "dat", "niet", "met", "voor", "op", "zijn", "te", "ook"}},
      {"pl", {"i", "w", "nie", "na", "się", "z", "że", "do", "jest", "to", "jak", "ale", "po", "od"}},
      {"cs", {"a", "je", "se", "na", "v", "že", "to", "s", "z", "do", "jsou", "by", "ale", "jak"}},
      {"sv", {"och", "att", "det", "som", "en", "är", "på", "för", "med", "av", "inte", "till", "har", "den"}},
      {"tr", {"ve", "bir", "bu", "da", "de", "için", "ile", "çok", "daha", "olarak", "gibi", "ama", "en", "olan"}},
      {"id", {"dan", "yang", "di", "ini", "itu", "dengan", "untuk", "dari", "dalam", "tidak", "akan", "pada", "juga", "ke"}},
  };
  // word -> bit set of the languages it is a function word of
  static const std::unordered_map<std::string, std::uint32_t>* const kIndex = [] {
    auto* index = new std::unordered_map<std::string, std::uint32_t>();
    for (std::size_t l = 0; l < std::size(kLangs); ++l)
      for (const char* w : kLangs[l].words) (*index)[w] |= 1u << l;
    return index;
  }();
  int counts[std::size(kLangs)] = {};
  std::size_t i = 0;
  int words = 0;
  std::string w;
  while (i < text.size() && words < tuning::kLatinMaxWords) {
    while (i < text.size() &&
           !(static_cast<unsigned char>(text[i]) >= 0x80 || is_ascii_alpha(text[i])))
      ++i;
    std::size_t j = i;
    while (j < text.size() &&
           (static_cast<unsigned char>(text[j]) >= 0x80 || is_ascii_alpha(text[j])))
      ++j;
    if (j == i) break;
    ++words;
    if (j - i <= 6) {
      w.assign(text.data() + i, j - i);
      for (char& c : w) c = lower_ascii(c);
      auto it = kIndex->find(w);
      if (it != kIndex->end())
        for (std::size_t l = 0; l < std::size(kLangs); ++l)
          if (it->second & (1u << l)) ++counts[l];
    }
    i = j;
  }
  std::size_t best = 0;
  for (std::size_t l = 1; l < std::size(kLangs); ++l)
    if (counts[l] > counts[best]) best = l;
  if (words < tuning::kLatinMinWords || counts[best] * tuning::kWordsPerFunctionWord < words)
    return {};
  return kLangs[best].code;
}

}  // namespace extractor
