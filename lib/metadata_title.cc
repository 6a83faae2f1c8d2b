// The title for the metadata stage. See metadata_title.h.
#include "metadata_title.h"

#include <algorithm>
#include <unordered_map>

#include "chars.h"
#include "metadata_evidence.h"
#include "metadata_text.h"
#include "metadata_tuning.h"

namespace extractor {
namespace {

struct Part {
  std::size_t begin, end;
};

// The parts of a title between its separators, trimmed, in order. `loose`
// adds separators that are also ordinary punctuation in headlines (" : ",
// ": ", " > ", " -- ", "_"): used only to find parts that the page shows
// elsewhere, never to cut a title on their own.
std::vector<Part> split_title(std::string_view t, bool loose = false) {
  static const char* const kSpaced[] = {" | ",    " || ",   " - ",    " \xe2\x80\x93 ",
                                        " \xe2\x80\x94 ", " \xc2\xb7 ", " :: ", " \xc2\xbb ",
                                        " \xc2\xab ", " / ",    " \xe2\x80\xa2 ", " ~ ",
                                        " // ",   " \xef\xbd\x9c "};
  // Without spaces, in CJK titles: _ ｜ | - — －
  static const char* const kTight[] = {"_", "\xef\xbd\x9c", "|", "-", "\xe2\x80\x94",
                                       "\xef\xbc\x8d", "\xe2\x80\x94\xe2\x80\x94"};
  const bool cjk = has_cjk(t);
  std::vector<Part> seps;
  for (std::size_t i = 0; i < t.size();) {
    // Every separator starts with one of these bytes; most positions
    // start none (the title's letters), and are passed over at once.
    const unsigned char first = static_cast<unsigned char>(t[i]);
    if (first != ' ' && first != '_' && first != '|' && first != '-' && first != ':' &&
        first != 0xE2 && first != 0xEF) {
      ++i;
      continue;
    }
    std::size_t len = 0;
    for (const char* s : kSpaced) {
      const std::string_view sv(s);
      if (t.compare(i, sv.size(), sv) == 0) {
        len = std::max(len, sv.size());
      }
    }
    if (len == 0 && loose) {
      static const char* const kLoose[] = {" : ", ": ", " > ", " -- ", "_", " \xe2\x80\xba ",
                                           " \xef\xbc\x9a", "\xef\xbc\x9a"};
      for (const char* s : kLoose) {
        const std::string_view sv(s);
        if (t.compare(i, sv.size(), sv) == 0) len = std::max(len, sv.size());
      }
    }
    if (len == 0 && cjk) {
      for (const char* s : kTight) {
        const std::string_view sv(s);
        if (t.compare(i, sv.size(), sv) == 0) len = std::max(len, sv.size());
      }
      // A hyphen between two Latin letters or digits is part of a word.
      if (len == 1 && t[i] == '-' && i > 0 && i + 1 < t.size() &&
          static_cast<unsigned char>(t[i - 1]) < 0x80 &&
          static_cast<unsigned char>(t[i + 1]) < 0x80)
        len = 0;
    }
    if (len > 0) {
      seps.push_back({i, i + len});
      i += len;
    } else {
      ++i;
    }
  }
  std::vector<Part> parts;
  std::size_t start = 0;
  for (const Part& s : seps) {
    parts.push_back({start, s.begin});
    start = s.end;
  }
  parts.push_back({start, t.size()});
  // Trim spaces; drop empty parts.
  std::vector<Part> out;
  for (Part p : parts) {
    while (p.begin < p.end && t[p.begin] == ' ') ++p.begin;
    while (p.end > p.begin && t[p.end - 1] == ' ') --p.end;
    if (p.end > p.begin) out.push_back(p);
  }
  return out;
}

int word_count(std::string_view s) {
  if (has_cjk(s)) {
    return static_cast<int>(count_code_points(s)) / 2;  // two Han characters weigh about one word
  }
  return count_words(s);
}

std::string host_label(std::string_view host) {
  if (host.rfind("www.", 0) == 0) host.remove_prefix(4);
  return std::string(host.substr(0, host.find('.')));
}

// Every span of the title that removes whole parts from either end.
std::vector<std::string> variants(std::string_view t, bool loose = false) {
  std::vector<std::string> out;
  if (t.empty()) return out;
  out.emplace_back(t);
  const std::vector<Part> parts = split_title(t, loose);
  if (parts.size() < 2 || parts.size() > 8) return out;
  for (std::size_t i = 0; i < parts.size(); ++i)
    for (std::size_t j = i; j < parts.size(); ++j) {
      if (i == 0 && j + 1 == parts.size()) continue;
      out.emplace_back(t.substr(parts[i].begin, parts[j].end - parts[i].begin));
    }
  return out;
}

bool agrees(const std::string& key, std::string_view other) {
  if (key.empty() || other.empty()) return false;
  for (const std::string& v : variants(other))
    if (comparison_key(v) == key) return true;
  return false;
}

}  // namespace

std::string strip_site_name(std::string_view title, std::string_view site_name,
                            std::string_view host) {
  std::string t = collapse_space(title);
  // A label in CJK brackets closing the title ("欲張りなイヌ ＜福娘童話集
  // きょうのイソップ童話＞", "标题【网站】") names the site.
  {
    static const char* const kPairs[][2] = {{"\xef\xbc\x9c", "\xef\xbc\x9e"},   // ＜ ＞
                                            {"\xe3\x80\x90", "\xe3\x80\x91"},   // 【 】
                                            {"\xe3\x80\x8a", "\xe3\x80\x8b"}};  // 《 》
    for (const auto& pr : kPairs) {
      const std::string_view open(pr[0]), close(pr[1]);
      if (t.size() <= close.size() || t.compare(t.size() - close.size(), close.size(), close) != 0)
        continue;
      const std::size_t o = t.rfind(open);
      if (o == std::string::npos || o == 0) continue;
      const std::string head = collapse_space(t.substr(0, o));
      if (!head.empty()) t = head;
      break;
    }
  }
  const std::vector<Part> parts = split_title(t);
  if (parts.size() < 2) return t;
  const std::string site = comparison_key(site_name);
  const std::string label = comparison_key(host_label(host));
  std::string full_host(host);
  if (full_host.rfind("www.", 0) == 0) full_host.erase(0, 4);
  const std::string host_key = comparison_key(full_host);
  auto is_site = [&](const Part& p) {
    const std::string k = comparison_key(std::string_view(t).substr(p.begin, p.end - p.begin));
    if (k.empty()) return true;
    if (!site.empty()) {
      if (k == site) return true;
      if (k.size() >= 4 && site.find(k) != std::string::npos) return true;
      if (site.size() >= 4 && k.find(site) != std::string::npos && k.size() <= site.size() * 2)
        return true;
    }
    if (!label.empty() && label.size() >= 3) {
      if (k == label || k == host_key) return true;
      if (k.rfind(label, 0) == 0 && k.size() <= label.size() * 2) return true;
    }
    return false;
  };
  std::size_t first = 0, last = parts.size();
  while (last - first > 1 && is_site(parts[last - 1])) --last;
  while (last - first > 1 && is_site(parts[first])) ++first;
  if (first > 0 || last < parts.size())
    return t.substr(parts[first].begin, parts[last - 1].end - parts[first].begin);

  // No part names the site: keep the one long part when the others are
  // short labels ("Headline - Section - Site" with an unknown site).
  std::size_t best = 0;
  int best_words = -1, other_max = 0;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    const int w = word_count(std::string_view(t).substr(parts[i].begin, parts[i].end - parts[i].begin));
    if (w > best_words) {
      other_max = std::max(other_max, best_words);
      best_words = w;
      best = i;
    } else {
      other_max = std::max(other_max, w);
    }
  }
  if (best_words >= 3 && other_max <= 4 && best_words >= 2 * other_max &&
      (best == 0 || best + 1 == parts.size()))
    return t.substr(parts[best].begin, parts[best].end - parts[best].begin);
  return t;
}

// Whether `title` ends with `part` and a closing bracket after it, the
// bracket opened before it: "欲張りなイヌ　＜福娘童話集　きょうのイソップ童話＞".
bool bracketed_at_end(std::string_view title, std::string_view part) {
  static const char* const kPairs[][2] = {
      {"\xef\xbc\x9c", "\xef\xbc\x9e"},  // ＜ ＞
      {"\xe3\x80\x90", "\xe3\x80\x91"},  // 【 】
      {"\xe3\x80\x8a", "\xe3\x80\x8b"},  // 《 》
      {"\xef\xbc\x88", "\xef\xbc\x89"},  // （ ）
      {"[", "]"}, {"(", ")"}, {"<", ">"}};
  std::string_view t = title;
  while (!t.empty() && (t.back() == ' ' || t.back() == '\t')) t.remove_suffix(1);
  const std::size_t at = t.rfind(part);
  if (part.empty() || at == std::string_view::npos || at == 0) return false;
  for (const auto& pr : kPairs) {
    const std::string_view open(pr[0]), close(pr[1]);
    if (t.size() < close.size() || t.compare(t.size() - close.size(), close.size(), close) != 0)
      continue;
    // The closing bracket follows the part (spaces between allowed)...
    std::string_view between = t.substr(at + part.size(), t.size() - close.size() - at - part.size());
    while (!between.empty() && between.front() == ' ') between.remove_prefix(1);
    if (!between.empty()) continue;
    // ... and its opening bracket comes before it, after the title's start.
    const std::size_t o = t.rfind(open, at);
    if (o != std::string_view::npos && o > 0) return true;
  }
  return false;
}

TitleChoice choose_title(const TitleCandidates& c) {
  struct Src {
    std::string text;
    Source source;
  };
  std::vector<Src> sources;
  for (const auto& [text, source] :
       {std::pair<const std::string&, Source>{c.json_ld, Source::kJsonLd},
        {c.og, Source::kMeta}, {c.twitter, Source::kMeta}, {c.meta, Source::kMeta},
        {c.title_tag, Source::kMarkup}}) {
    std::string t = collapse_space(text);
    if (!t.empty()) sources.push_back({std::move(t), source});
  }
  const std::string site_key = comparison_key(c.site_name);
  std::string label(c.host);
  if (label.rfind("www.", 0) == 0) label.erase(0, 4);
  const std::string host_key = comparison_key(label.substr(0, label.find('.')));
  auto is_site = [&](const std::string& key) {
    return key.empty() || key == site_key || key == host_key;
  };

  // 1. What the page shows that a source confirms: a heading (or a short
  // visible text) equal to a source or to a part of one. The longest such
  // text wins (a headline is longer than the section or site names around
  // it); a heading beats a plain text of about the same length. A heading
  // that is the site's name (a logo) means nothing: every "Headline | Site"
  // confirms it.
  struct Shown {
    const std::string* text;
    bool heading;
    bool masthead;
  };
  std::unordered_map<std::string, Shown> shown;
  for (std::size_t i = 0; i < c.headings.size() && i < 12; ++i) {
    std::string k = comparison_key(c.headings[i]);
    const bool masthead = i < c.in_masthead.size() && c.in_masthead[i];
    if (k.size() >= 2 && !is_site(k))
      shown.emplace(std::move(k), Shown{&c.headings[i], true, masthead});
  }
  for (const std::string& t : c.texts) {
    std::string k = comparison_key(t);
    if (k.size() >= 6 && !is_site(k)) shown.emplace(std::move(k), Shown{&t, false, false});
  }
  const std::string* best = nullptr;
  Source best_source = Source::kNone;
  double best_score = 0;
  if (!shown.empty()) {
    std::vector<const std::string*> done;  // og:title often repeats <title>
    struct Match {
      const Shown* shown;
      double score;
      bool part;  // of the source, not all of it
    };
    std::vector<Match> matches;
    for (const Src& s : sources) {
      if (std::any_of(done.begin(), done.end(), [&](const std::string* d) { return *d == s.text; }))
        continue;
      done.push_back(&s.text);
      const std::string whole = comparison_key(s.text);
      matches.clear();
      for (const std::string& v : variants(s.text, true)) {
        const std::string k = comparison_key(v);
        auto it = shown.find(k);
        if (it == shown.end()) continue;
        if (!it->second.heading && word_count(v) < 2) continue;
        const double score = static_cast<double>(k.size()) * (it->second.heading ? 1.3 : 1.0);
        matches.push_back({&it->second, score, k != whole});
      }
      // "Headline | Site" with both shown as headings: the one in the
      // masthead is the site's name (its logo), however long.
      const bool other_part = std::any_of(matches.begin(), matches.end(), [](const Match& m) {
        return m.part && m.shown->heading && !m.shown->masthead;
      });
      for (const Match& m : matches) {
        if (other_part && m.part && m.shown->masthead) continue;
        if (m.score > best_score) {
          best_score = m.score;
          best = m.shown->text;
          best_source = m.shown->heading ? Source::kMarkup : s.source;
        }
      }
    }
  }
  if (best != nullptr) return {collapse_space(*best), best_source};

  // 2. A shown text that a source begins or ends with, without a separator
  // between them ("Headline(Site)", "Site Headline"): the longest that
  // covers much of the source.
  for (const Src& s : sources) {
    const std::string sk = comparison_key(s.text);
    for (const auto& [k, sh] : shown) {
      if (k.size() * 5 < sk.size() * 2 || k.size() >= sk.size()) continue;
      if (word_count(*sh.text) < 3) continue;
      if (sk.compare(0, k.size(), k) != 0 && sk.compare(sk.size() - k.size(), k.size(), k) != 0)
        continue;
      // What the title closes with inside brackets ("Headline ＜Site　Section＞",
      // "Headline 【Site】", "Headline [Site]") is the site's label.
      if (sk.compare(sk.size() - k.size(), k.size(), k) == 0 && bracketed_at_end(s.text, *sh.text))
        continue;
      if (static_cast<double>(k.size()) > best_score) {
        best_score = static_cast<double>(k.size());
        best = sh.text;
        best_source = sh.heading ? Source::kMarkup : s.source;
      }
    }
  }
  if (best != nullptr) return {collapse_space(*best), best_source};

  // 3. The <h1> at the article's start, unconfirmed: what the reader sees
  // as the headline, when it is long enough not to be a section's name.
  {
    const std::string h = collapse_space(c.headline);
    const std::string k = comparison_key(h);
    if (!is_site(k) && word_count(h) >= 3) return {h, Source::kMarkup};
  }

  // 4. Two sources that agree once stripped of the site name.
  std::vector<std::string> stripped, keys;
  for (const Src& s : sources) {
    stripped.push_back(strip_site_name(s.text, c.site_name, c.host));
    keys.push_back(comparison_key(stripped.back()));
  }
  for (std::size_t i = 0; i < sources.size(); ++i) {
    if (keys[i].empty()) continue;
    for (std::size_t j = i + 1; j < sources.size(); ++j) {
      if (keys[j] == keys[i]) return {stripped[i], sources[i].source};
      // One of them is a part of the other (a <title> with an unknown site).
      if (agrees(keys[i], sources[j].text)) return {stripped[i], sources[i].source};
      if (agrees(keys[j], sources[i].text)) return {stripped[j], sources[j].source};
    }
  }

  // 5. The first source.
  for (std::size_t i = 0; i < sources.size(); ++i)
    if (!keys[i].empty()) return {stripped[i], sources[i].source};

  // 6. A heading alone.
  for (const std::string& raw : c.headings) {
    std::string h = collapse_space(raw);
    if (!is_site(comparison_key(h))) return {std::move(h), Source::kMarkup};
  }
  return {};
}

namespace {

// "Home > News > Sport", "Start » Ratgeber", "首页 > 新闻": a trail of
// links to where the page sits (its levels joined by " > ", " » ", " › ").
bool is_breadcrumb_trail(std::string_view s) {
  for (const char* sep : {" > ", " \xc2\xbb ", " \xe2\x80\xba "})
    if (s.find(sep) != std::string_view::npos) return true;
  return false;
}

// An <h1> that reads as a whole title a source states for machines
// (og:title, JSON-LD's headline) is the headline wherever the page puts it:
// some pages put it in their breadcrumb trail or a menu bar.
bool states_whole(const Heading& h, const TitleCandidates& tc) {
  if (h.level != 1 || count_words(h.text) < tuning::kHeadlineMinWords) return false;
  const std::string k = comparison_key(h.text);
  for (const std::string* src : {&tc.json_ld, &tc.og, &tc.twitter, &tc.meta})
    if (!src->empty() && comparison_key(*src) == k) return true;
  return false;
}

// Visible h1 (and title-classed h2/h3) not in menus or sidebars, those
// nearest the region's start first.
std::vector<const Heading*> title_headings(const Evidence& ev, const TitleCandidates& tc) {
  std::vector<const Heading*> hs;
  for (const Heading& h : ev.gathered.headings)
    // A masthead <header> holds the site's logo h1 (its name, which no
    // title source confirms) and often the article's h1 too.
    if ((!(h.ctx & (kAway & ~kCueHeader)) || states_whole(h, tc)) &&
        (h.level == 1 || h.title_class))
      hs.push_back(&h);
  const Region& r = ev.region;
  std::stable_sort(hs.begin(), hs.end(), [&](const Heading* a, const Heading* b) {
    auto cost = [&](const Heading* h) {
      int d = h->block < r.begin ? r.begin - h->block : h->block - r.begin;
      if (h->block >= r.end) d += tuning::kHeadingAfterRegionCost;
      if (h->level != 1) d += tuning::kHeadingNotH1Cost;
      return d;
    };
    return cost(a) < cost(b);
  });
  return hs;
}

// A heading with a kicker is its headline: the kicker is a label that meta
// titles often repeat ("Kicker: Headline") and readers do not count as the
// title.
const std::string& shown_text(const Heading* h) {
  return h->after_kicker.empty() ? h->text : h->after_kicker;
}

// The <h1> at the article's start; else, on a page without one (older
// sites), the <h2> or <h3> opening the article or just above it. One of
// several headings of its level in the article is a section's ("Test case
// 1", "Test case 2"; "Fazit"), not the headline.
std::string region_headline(const Evidence& ev, const std::vector<const Heading*>& hs) {
  const Region& r = ev.region;
  if (!r.found) return {};
  for (const Heading* h : hs)
    if (h->level == 1 && h->block >= r.begin - tuning::kHeadlineH1Before &&
        h->block <= r.begin + tuning::kHeadlineH1After)
      return shown_text(h);
  const std::vector<TextBlock>& blocks = ev.blocks;
  const int n = static_cast<int>(blocks.size());
  const int to = std::min(n, r.begin + tuning::kHeadlineOtherAround);
  for (int i = std::max(0, r.begin - tuning::kHeadlineOtherAround); i < to; ++i) {
    const TextBlock& b = blocks[static_cast<std::size_t>(i)];
    if (b.kind != BlockKind::kHeading || b.level > 3 || ev.away(b)) continue;
    const int words = count_words(b.text);
    bool alone = true;
    for (int j = i + 1; j < std::min(n, r.end) && alone; ++j)
      alone = !(blocks[static_cast<std::size_t>(j)].kind == BlockKind::kHeading &&
                blocks[static_cast<std::size_t>(j)].level <= b.level);
    if (words >= tuning::kHeadlineMinWords && words <= tuning::kHeadlineMaxWords && alone)
      return b.text;
    return {};
  }
  return {};
}

// Short visible texts around the region's start: a <title> part that one of
// them repeats is the headline on pages without an <h1>. Only texts no
// longer than the longest source can repeat a part of one. `kicked` holds
// the comparison keys of whole headings with a kicker.
std::vector<std::string> nearby_texts(const Evidence& ev, const TitleCandidates& tc,
                                      const std::vector<std::string>& kicked) {
  std::vector<std::string> texts;
  std::size_t longest = 0;
  for (const std::string* t : {&tc.json_ld, &tc.og, &tc.twitter, &tc.meta, &tc.title_tag})
    longest = std::max(longest, t->size());
  const std::vector<TextBlock>& blocks = ev.blocks;
  const int from = std::max(0, ev.region.begin - tuning::kTitleTextsBefore);
  const int to = std::min(static_cast<int>(blocks.size()), ev.region.begin + tuning::kTitleTextsAfter);
  for (int i = from; i < to; ++i) {
    const TextBlock& b = blocks[static_cast<std::size_t>(i)];
    // An image's alt text is a logo's or a picture's, and a trail of links
    // ("Home > News > Sport") is where the page sits: neither is a
    // headline, though both repeat parts of the <title>.
    if (b.text.size() >= tuning::kTitleTextMinBytes &&
        b.text.size() <= longest + tuning::kTitleTextSlackBytes && !ev.away(b) &&
        b.kind != BlockKind::kImage && !is_breadcrumb_trail(b.text) &&
        (kicked.empty() ||
         std::find(kicked.begin(), kicked.end(), comparison_key(b.text)) == kicked.end()))
      texts.push_back(b.text);
  }
  return texts;
}

}  // namespace

TitleCandidates title_candidates(const Evidence& ev, const std::string& site_name,
                                 const std::string& host) {
  TitleCandidates tc;
  tc.json_ld = ev.ld.headline;
  tc.og = ev.metas.first({"og:title"});
  tc.twitter = ev.metas.first({"twitter:title"});
  tc.meta = ev.metas.first(
      {"dc.title", "dcterms.title", "title", "sailthru.title", "parsely-title", "headline"});
  if (tc.meta.empty())
    for (const Mark& mk : ev.gathered.marks)
      if (mk.kind == MarkKind::kHeadlineProp && !(mk.ctx & kAway)) {
        tc.meta = !mk.value.empty() ? mk.value : mk.text;
        if (!tc.meta.empty()) break;
      }
  tc.title_tag = ev.gathered.title_tag;
  tc.site_name = site_name;
  tc.host = host;
  const std::vector<const Heading*> hs = title_headings(ev, tc);
  tc.headline = region_headline(ev, hs);
  std::vector<std::string> kicked;  // comparison keys of whole kicker headings
  for (const Heading* h : hs) {
    const bool masthead = (h->ctx & kCueHeader) != 0;
    tc.headings.push_back(shown_text(h));
    tc.in_masthead.push_back(masthead);
    if (!h->after_kicker.empty()) {
      kicked.push_back(comparison_key(h->text));
      continue;
    }
    for (const std::string& p : h->parts) {
      tc.headings.push_back(p);
      tc.in_masthead.push_back(masthead);
    }
  }
  tc.texts = nearby_texts(ev, tc, kicked);
  return tc;
}

}  // namespace extractor
