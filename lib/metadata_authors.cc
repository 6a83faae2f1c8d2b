// Metadata, the authors. See metadata_authors.h.
#include "metadata_authors.h"

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <string_view>
#include <utility>

#include "chars.h"
#include "metadata_evidence.h"
#include "metadata_names.h"
#include "metadata_rules.h"
#include "metadata_text.h"
#include "metadata_tuning.h"
#include "metadata_zone.h"
#include "url.h"

namespace extractor {
namespace {

using rules::on;
using tuning::AuthorSource;

// Bylines in columns, menus and feeds are often other articles'; they count
// as if further from the headline.
constexpr std::uint32_t kSideCues = kCueSidebar | kCueNav | kCueFeed;

// Names are compared word by word: "Nils" and "Nils Pickert" half agree.
std::vector<std::string> word_keys(const std::vector<std::string>& names) {
  std::vector<std::string> keys;
  for (const std::string& n : names) {
    std::size_t i = 0;
    while (i < n.size()) {
      std::size_t j = n.find(' ', i);
      if (j == std::string::npos) j = n.size();
      std::string k = comparison_key(std::string_view(n).substr(i, j - i));
      if (!k.empty() && std::find(keys.begin(), keys.end(), k) == keys.end())
        keys.push_back(std::move(k));
      i = j + 1;
    }
  }
  std::sort(keys.begin(), keys.end());
  return keys;
}

// "ElColombiano.com", "www.example.at" -> the key of "elcolombiano",
// "example"; a name with a space is keyed whole.
std::string bare_site_key(std::string s) {
  s = lower_ascii(s);
  if (s.rfind("www.", 0) == 0) s.erase(0, 4);
  const std::size_t dot = s.rfind('.');
  if (s.find(' ') == std::string::npos && dot != std::string::npos && dot > 0 &&
      s.size() - dot <= 7)
    s.erase(dot);
  return comparison_key(s);
}

// The site's and the publisher's names and the host, without "www." and the
// top-level domain, and the host's own name ("elpais" of
// "www.elpais.com.uy", "example" of "blog.example.de"): a name that reads as
// one of them is the publication's, an organisation.
std::vector<std::string> site_keys_of(const SiteNames& site) {
  std::vector<std::string> keys;
  for (const std::string& s : {site.site_name, site.publisher, site.ld_site_name, site.host}) {
    std::string k = bare_site_key(s);
    if (k.size() >= 3) keys.push_back(std::move(k));
  }
  const std::string& host = site.host;
  std::vector<std::string> labels;
  std::size_t i = 0;
  while (i <= host.size()) {
    std::size_t j = host.find('.', i);
    if (j == std::string::npos) j = host.size();
    labels.push_back(host.substr(i, j - i));
    i = j + 1;
  }
  if (labels.size() >= 2) labels.pop_back();  // the top-level domain
  if (labels.size() >= 2 && labels.back().size() <= 3) labels.pop_back();  // "com" of .com.uy
  if (!labels.empty() && labels.back() != "www") {
    std::string k = comparison_key(labels.back());
    if (k.size() >= 3) keys.push_back(std::move(k));
  }
  return keys;
}

// One Latin word (a Han or kana name has no spaces).
bool is_single_latin_word(const std::string& n) {
  if (n.find(' ') != std::string::npos) return false;
  for (std::size_t i = 0; i < n.size();)
    if (is_cjk(next_code_point(n, &i))) return false;
  return true;
}

class AuthorGatherer {
 public:
  AuthorGatherer(const Evidence& ev, const Zone& zone, const SiteNames& site,
                 const std::string& title, const NamePatterns& names)
      : ev_(ev),
        blocks_(ev.blocks),
        n_blocks_(static_cast<int>(ev.blocks.size())),
        zone_(zone),
        np_(names),
        site_(site.site_name),
        site_key_(comparison_key(site.site_name)),
        site_keys_(site_keys_of(site)),
        title_(title) {}

  AuthorCandidates run() {
    structured();
    markup();
    near_headline();
    closing_lines();
    drop_picture_credits();
    when_no_one_is_named();
    return std::move(out_);
  }

 private:
  std::vector<AuthorCandidate>& cands() { return out_.lists; }

  bool is_site(const std::string& name) const {
    if (site_keys_.empty()) return false;
    std::string k = comparison_key(name);
    if (std::find(site_keys_.begin(), site_keys_.end(), k) != site_keys_.end()) return true;
    std::string b = lower_ascii(name);
    if (b.rfind("www.", 0) == 0) b.erase(0, 4);
    const std::size_t dot = b.rfind('.');
    if (b.find(' ') != std::string::npos || dot == std::string::npos || b.size() - dot > 7)
      return false;
    k = comparison_key(b.substr(0, dot));
    return std::find(site_keys_.begin(), site_keys_.end(), k) != site_keys_.end();
  }

  // Whether a source names anyone but the site itself: the site's own name
  // in an author field says no more than that no one signed, and the weaker
  // searches still look for a name.
  bool names_anyone() const {
    return std::any_of(out_.lists.begin(), out_.lists.end(),
                       [](const AuthorCandidate& c) { return !c.site_named; });
  }

  int side_penalty(const TextBlock& b) const {
    return ev_.away(b, kSideCues) ? tuning::kAuthorSidePenalty : 0;
  }

  void add_names(std::vector<std::string> names, AuthorSource s, Source src, int dist = 0) {
    if (names.empty()) return;
    AuthorCandidate c;
    c.weight = s.weight;
    c.rank = s.rank;
    c.source = src;
    c.distance = dist;
    std::vector<std::string> orgs;
    c.site_named = true;
    for (std::string& n : names) {
      c.site_named = c.site_named && !site_key_.empty() && comparison_key(n) == site_key_;
      (looks_like_organization(np_, n) || is_site(n) ? orgs : c.names).push_back(std::move(n));
    }
    // A field naming the site or an organisation, then single words
    // ("hessenschau.de, Frankfurt, Germany"): its address, no people.
    if (on(rules::kAuthorAddressField) && !orgs.empty() && !c.names.empty() &&
        (src == Source::kMeta || src == Source::kJsonLd) &&
        std::all_of(c.names.begin(), c.names.end(), is_single_latin_word))
      c.names.clear();
    if (c.names.empty()) {
      c.names = std::move(orgs);
      c.organization = true;
    }
    c.keys = word_keys(c.names);
    if (c.keys.empty()) return;
    // A lone lower-case login ("jdoe", "jane.doe", "sarah-indra") is a weak name.
    if (on(rules::kAuthorWeakLogin) && c.names.size() == 1 &&
        c.names[0].find(' ') == std::string::npos &&
        lower_ascii(c.names[0]) == c.names[0] &&
        std::any_of(c.names[0].begin(), c.names[0].end(), is_ascii_lower))
      c.weight = std::min(c.weight, tuning::kAuthorWeakWeight);
    cands().push_back(std::move(c));
  }

  // Cleans `raw` (nested byline elements repeat the same text: each text
  // is cleaned once) and adds its names.
  void add(std::string_view raw, AuthorValue kind, AuthorSource s, Source src, int dist = 0) {
    if (raw.empty()) return;
    std::string key(raw);
    key += static_cast<char>('0' + static_cast<int>(kind));
    for (const auto& [k, names] : cleaned_)
      if (k == key) {
        add_names(names, s, src, dist);
        return;
      }
    std::vector<std::string> names = clean_authors(np_, raw, kind, site_);
    cleaned_.emplace_back(std::move(key), names);
    add_names(std::move(names), s, src, dist);
  }

  // A Chinese credit line; false when it names no one.
  bool add_cjk(std::string_view text, AuthorSource s, int dist) {
    int prio = 0;
    std::vector<std::string> names = cjk_credits(np_, text, site_, &prio);
    const std::size_t before = cands().size();
    if (prio >= 2) s.weight = std::min(s.weight, tuning::kAuthorWeakWeight);
    add_names(std::move(names), s, Source::kText, dist);
    if (cands().size() == before) return false;
    cands().back().cjk_priority = prio;
    // A source (来源) names a publication, whatever its name looks like.
    if (prio == 1) cands().back().organization = true;
    return true;
  }

  // JSON-LD and the meta tags.
  void structured() {
    std::string people, orgs;
    for (const JsonLdPerson& p : ev_.ld.authors) {
      std::string& to = p.organization ? orgs : people;
      if (!to.empty()) to += "; ";
      to += p.name;
    }
    add(people, AuthorValue::kField, tuning::kAuthorJsonLd, Source::kJsonLd);
    if (on(rules::kAuthorJsonLdOrg))
      add(orgs, AuthorValue::kField, tuning::kAuthorJsonLdOrg, Source::kJsonLd);
    if (on(rules::kAuthorMeta)) meta_authors();
    const Metas& metas = ev_.metas;
    // Twitter's label/data pairs: SEO plugins write the author there under
    // a label in the site's language ("Written by", "Verfasst von",
    // "Escrito por") beside "Est. reading time".
    for (int k = 1; k <= 4 && on(rules::kAuthorTwitterLabel); ++k) {
      const std::string n = std::to_string(k);
      const std::string label = metas.first({("twitter:label" + n).c_str()});
      if (label.empty() || label.size() > 40) continue;
      // A label that reads as a byline marker before a name.
      if (!is_bare_latin_marker(np_, label)) continue;
      const std::string value = metas.first({("twitter:data" + n).c_str()});
      if (value.empty() || looks_like_url(value)) continue;
      // Weaker than a meta author: the account that posted, which a visible
      // byline may contradict.
      add_names(clean_authors(np_, value, AuthorValue::kField, site_), tuning::kAuthorTwitterLabel,
                Source::kMeta);
    }
  }

  // Meta tags, one candidate per key. Dublin Core first: a bibliographic
  // field set on purpose, where name="author" is often a CMS's default.
  void meta_authors() {
    for (const char* key : {"dc.creator", "dcterms.creator", "author", "article:author",
                            "parsely-author", "sailthru.author", "citation_author",
                            "citation_authors", "og:article:author", "book:author", "byl"}) {
      // Bibliographic fields write a name surname first ("Jong, Michiel
      // de", "Kooman, F.", "Page, Jeffrey C"), one person per tag.
      const bool bibliographic = std::strcmp(key, "dc.creator") == 0 ||
                                 std::strcmp(key, "dcterms.creator") == 0 ||
                                 std::strcmp(key, "citation_author") == 0;
      std::string joined;
      for (const std::string& v : ev_.metas.all(key)) {
        if (looks_like_url(v)) continue;
        if (!joined.empty()) joined += "; ";
        joined += bibliographic ? surname_last(v) : v;
      }
      if (joined.empty()) continue;
      const AuthorValue kind =
          std::strcmp(key, "byl") == 0 ? AuthorValue::kByline : AuthorValue::kField;
      add_names(clean_authors(np_, joined, kind, site_), tuning::kAuthorMeta, Source::kMeta);
    }
  }

  // A line without a date that a container holds with a picture and nothing
  // else (an "author" class on an image's licence line) credits the
  // picture. (A partner's logo over the byline and its date is no picture's
  // credit.)
  bool credits_picture(int block) const {
    if (!on(rules::kAuthorPictureCreditLine)) return false;
    if (block < 1 || block >= n_blocks_ || blocks_[static_cast<std::size_t>(block)].digits > 0)
      return false;
    // A picture's credit label on the line before ("Foto:" / "Jane Doe").
    const std::string& label = blocks_[static_cast<std::size_t>(block) - 1].text;
    if (!label.empty() && label.size() <= 24 && label.back() == ':' &&
        !picture_or_translation_credit(np_,
                                       label + " " + blocks_[static_cast<std::size_t>(block)].text)
             .empty())
      return true;
    const std::vector<Element>& elements = ev_.input.segments.elements;
    int e = blocks_[static_cast<std::size_t>(block)].element;
    while (e >= 0 && elements[static_cast<std::size_t>(e)].first_block == block)
      e = elements[static_cast<std::size_t>(e)].parent;
    if (e < 0) return false;
    const Element& holder = elements[static_cast<std::size_t>(e)];
    return holder.first_block == block - 1 && holder.end_block == block + 1 &&
           blocks_[static_cast<std::size_t>(block) - 1].kind == BlockKind::kImage;
  }

  // A link to a person's page inside running prose ("... the parents of <a
  // href=...?author=X>X</a> ...", "<a>Prince</a> was married when he
  // died.") is a reference, not a byline, unless the line opens with a
  // byline marker just before it.
  bool in_prose(const Mark& mk) const {
    if (!on(rules::kAuthorInProse)) return false;
    if (mk.block < 0 || mk.block >= n_blocks_) return false;
    const std::string_view text = blocks_[static_cast<std::size_t>(mk.block)].text;
    const std::size_t at = mk.text.empty() ? 0 : text.find(mk.text);
    if (at == std::string::npos) return false;
    const std::size_t nl = text.rfind('\n', at);
    const std::size_t begin = nl == std::string::npos ? 0 : nl + 1;
    const std::string_view line = text.substr(begin, text.find('\n', at) - begin);
    const bool prose = line.size() > 100 && line.find_first_of(".!?") != std::string::npos;
    return prose && (at - begin > 40 || !starts_with_byline_marker(np_, line));
  }

  // Microdata, links to authors' pages, elements classed as bylines.
  void markup() {
    std::string props;
    // Consecutive author links of one byline ("A and B") are one list.
    std::string links;
    int links_block = -1, links_penalty = 0;
    AuthorSource links_source{0, 0};
    auto flush_links = [&]() {
      const std::size_t before = cands().size();
      if (!links.empty())
        add(links, AuthorValue::kByline, links_source, Source::kMarkup,
            zone_.distance(links_block) + links_penalty);
      if (cands().size() > before && links_source.weight < tuning::kAuthorRelLink.weight)
        cands().back().link_only = true;
      links.clear();
      links_block = -1;
    };
    for (const Mark& mk : ev_.gathered.marks) {
      if (mk.ctx & kAwayForAuthors) continue;
      const int penalty = (mk.ctx & kSideCues) ? tuning::kAuthorSidePenalty : 0;
      if (mk.kind == MarkKind::kAuthorProp) {
        if (!on(rules::kAuthorMicrodata)) continue;
        const std::string& v = !mk.value.empty() ? mk.value : mk.text;
        if (v.empty() || looks_like_url(v)) continue;
        if (!props.empty()) props += "; ";
        props += v;
      } else if (mk.kind == MarkKind::kAuthorRel || mk.kind == MarkKind::kAuthorLink) {
        if (!zone_.contains(mk.block)) continue;
        if (!on(mk.kind == MarkKind::kAuthorRel ? rules::kAuthorRelLink : rules::kAuthorPageLink))
          continue;
        if (mk.kind == MarkKind::kAuthorLink && in_prose(mk)) continue;
        const AuthorSource s =
            mk.kind == MarkKind::kAuthorRel ? tuning::kAuthorRelLink : tuning::kAuthorPageLink;
        if (links_block >= 0 &&
            (std::abs(mk.block - links_block) > 1 || s.weight != links_source.weight))
          flush_links();
        if (!links.empty()) links += "; ";
        links += mk.text;
        links_block = mk.block;
        links_penalty = penalty;
        links_source = s;
      } else if (mk.kind == MarkKind::kAuthorClass) {
        // Near the headline an "author box" is the byline's (name and
        // date); the biography boxes under an article are further down.
        if (on(rules::kAuthorBylineClass) && zone_.contains(mk.block) &&
            !credits_picture(mk.block))
          add(mk.text, AuthorValue::kByline, tuning::kAuthorBylineClass, Source::kMarkup,
              zone_.distance(mk.block) + penalty);
      }
    }
    flush_links();
    add(props, AuthorValue::kByline, tuning::kAuthorMicrodata, Source::kMarkup);
  }

  // Chinese credits near the headline. Credit lines one under the other
  // ("本报实习生 A" / "本报记者 B C") are one byline, and a marker on a line of
  // its own ("本报记者" / "王某 李某") credits the next line: they are read as
  // one line. Returns the last block read.
  int cjk_byline(int i) {
    const TextBlock& b = blocks_[static_cast<std::size_t>(i)];
    const int dist = zone_.distance(i) + side_penalty(b);
    std::string joined = b.text;
    int k = i + 1;
    if (b.text.size() <= 80) {
      const bool bare = is_bare_cjk_marker(np_, b.text);
      for (; k < std::min(n_blocks_, i + 4); ++k) {
        const TextBlock& nb = blocks_[static_cast<std::size_t>(k)];
        if (nb.text.size() > 80 || nb.cjk == 0 ||
            !(bare || starts_with_byline_marker(np_, nb.text)))
          break;
        joined.append(" ").append(nb.text);
      }
    }
    if (!add_cjk(joined, tuning::kAuthorCjkCredit, dist))
      add_names(cjk_posted_by(np_, b.text, site_), tuning::kAuthorCjkCredit, Source::kText, dist);
    return k > i + 1 ? k - 1 : i;
  }

  // Bylines near the headline: "By ...", "Posted by ...", "Von:" over the
  // name, Chinese credits.
  void near_headline() {
    for (int i = zone_.begin; i < zone_.end; ++i) {
      const TextBlock& b = blocks_[static_cast<std::size_t>(i)];
      if (ev_.away(b, kAwayForAuthors) || b.text.size() > 300) continue;
      const int dist = zone_.distance(i) + side_penalty(b);
      if (b.cjk > 0) {
        if (on(rules::kAuthorCjkByline)) i = cjk_byline(i);
      } else if (starts_with_byline_marker(np_, b.text)) {
        if (on(rules::kAuthorBylineText))
          add(b.text, AuthorValue::kText, tuning::kAuthorBylineText, Source::kText, dist);
      } else if (on(rules::kAuthorPostWord) && !byline_after_post_word(np_, b.text).empty()) {
        add(byline_after_post_word(np_, b.text), AuthorValue::kText, tuning::kAuthorBylineText,
            Source::kText, dist);
      } else if (on(rules::kAuthorMarkerNextLine) && is_bare_latin_marker(np_, b.text) &&
                 i + 1 < n_blocks_ && blocks_[static_cast<std::size_t>(i) + 1].text.size() <= 80) {
        // "Von:" on a line of its own, the name on the next.
        add(b.text + " " + blocks_[static_cast<std::size_t>(i) + 1].text, AuthorValue::kText,
            tuning::kAuthorBylineText, Source::kText, dist);
      } else if (on(rules::kAuthorDateNameLine) && b.digits > 0 && b.text.size() <= 120) {
        // "12 March 2024 – Jane Doe": a date and a name, no marker.
        add_names(date_name_line(np_, b.text, site_), tuning::kAuthorBylineText, Source::kText,
                  dist);
      }
    }
  }

  // Credits in the article's last lines ("（记者 X）", "Text: Jane Doe",
  // "Eingestellt von X um 21:11").
  void closing_lines() {
    const int last = zone_.last;
    if (last < 0) return;
    const int from = std::max(zone_.region_begin, last - tuning::kTailAbove);
    for (int i = from; i < std::min(n_blocks_, last + tuning::kTailBelow); ++i) {
      const TextBlock& b = blocks_[static_cast<std::size_t>(i)];
      if (ev_.away(b, kAwayForAuthors)) continue;
      const int dist = tuning::kAuthorTailDistance + i - last;
      const std::string_view t = utf8_suffix(b.text, 160);
      if (b.cjk > 0 && on(rules::kAuthorClosingCjk))
        add_cjk(t, tuning::kAuthorClosingCredit, dist);
      const std::string* next =
          i + 1 < n_blocks_ ? &blocks_[static_cast<std::size_t>(i) + 1].text : nullptr;
      // Byline lines ("By", "Posted by", "Von:" over the name).
      const bool bylines = on(rules::kAuthorClosingByline);
      if (b.text.size() <= 200 && starts_with_byline_marker(np_, b.text)) {
        if (bylines)
          add(b.text, AuthorValue::kText, tuning::kAuthorClosingCredit, Source::kText, dist);
      } else if (!byline_after_post_word(np_, b.text).empty()) {
        if (bylines)
          add(byline_after_post_word(np_, b.text), AuthorValue::kText,
              tuning::kAuthorClosingCredit, Source::kText, dist);
      } else if (is_bare_latin_marker(np_, b.text) && next != nullptr && next->size() <= 80) {
        if (bylines)
          add(b.text + " " + *next, AuthorValue::kText, tuning::kAuthorClosingCredit,
              Source::kText, dist);
      }
    }
  }

  // People a line near the headline credits for the pictures or the
  // translation ("Übersetzung Jane Doe") are no authors, even where the
  // account that posted the article bears their name; unless a byline
  // names them too.
  void drop_picture_credits() {
    std::vector<std::string> credited;
    for (int i = zone_.begin; i < zone_.end; ++i)
      for (const std::string& k : word_keys(picture_or_translation_credit(
               np_, blocks_[static_cast<std::size_t>(i)].text)))
        credited.push_back(k);
    std::sort(credited.begin(), credited.end());
    auto only_credited = [&](const AuthorCandidate& c) {
      return std::includes(credited.begin(), credited.end(), c.keys.begin(), c.keys.end());
    };
    std::vector<AuthorCandidate>& cs = cands();
    const bool bylined = std::any_of(cs.begin(), cs.end(), [&](const AuthorCandidate& c) {
      return (c.source == Source::kText || (c.source == Source::kMarkup && !c.link_only)) &&
             only_credited(c);
    });
    if (!credited.empty() && !bylined && on(rules::kAuthorDropPictureCredits))
      cs.erase(std::remove_if(cs.begin(), cs.end(), only_credited), cs.end());
  }

  // A line of bare Han names just under the headline (after the headline
  // repeated, if it is): the byline of many Chinese pages. The line above
  // is the headline (or what reads as one: a short line without a full
  // stop) and the line below is the article's text. Such a line can also be
  // a label ("打印本页", "人物画像"): it counts only when unlinked.
  void bare_cjk_names() {
    const std::string title_key = comparison_key(title_);
    const int from = std::max(1, std::min(zone_.begin, zone_.region_begin));
    const int to = std::min(n_blocks_ - 1, std::max(zone_.end, zone_.region_begin + 6));
    for (int i = from; i < to; ++i) {
      const TextBlock& b = blocks_[static_cast<std::size_t>(i)];
      if (b.cjk == 0 || b.text.size() > 64 || b.link_chars > 0 || ev_.away(b, kAwayForAuthors))
        continue;
      const TextBlock& above = blocks_[static_cast<std::size_t>(i - 1)];
      const TextBlock& below = blocks_[static_cast<std::size_t>(i + 1)];
      // Below: the text, or a subtitle opening with a dash ("——当代…").
      const bool subtitle = below.text.rfind("\xe2\x80\x94", 0) == 0;  // —
      if ((below.text.size() < 2 * b.text.size() + 60 && !subtitle) || above.text.size() > 160 ||
          above.sentence_ends > 0)
        continue;
      const bool headline =
          i - 1 == zone_.headline || above.kind == BlockKind::kHeading ||
          (!title_key.empty() && title_key.find(comparison_key(above.text)) != std::string::npos);
      if (!headline && (i < zone_.region_begin || i > zone_.region_begin + 2)) continue;
      std::vector<std::string> names = cjk_name_line(np_, b.text, site_);
      if (names.empty()) continue;
      add_names(std::move(names), tuning::kAuthorCjkCredit, Source::kText, zone_.distance(i));
      return;
    }
  }

  // The weaker places, each read only when nothing before names anyone.
  void when_no_one_is_named() {
    if (!names_anyone() && on(rules::kAuthorBareCjkNames)) bare_cjk_names();
    // A Chinese credit line of its own anywhere else in the article ("编辑：X"
    // above a list of related links, "文：X" under a rule); the same for a
    // Latin byline line of its own ("Autoren A und B").
    if (!names_anyone() && ev_.region.found && on(rules::kAuthorCreditAnywhere)) {
      for (int i = zone_.region_begin; i < std::min(n_blocks_, zone_.region_end + 4); ++i) {
        const TextBlock& b = blocks_[static_cast<std::size_t>(i)];
        if (b.text.size() > 120 || ev_.away(b, kAwayForAuthors)) continue;
        if (b.cjk > 0)
          add_cjk(b.text, tuning::kAuthorCreditAnywhere, tuning::kAuthorElsewhereDistance);
        else if (starts_with_byline_marker(np_, b.text))
          add(b.text, AuthorValue::kText, tuning::kAuthorCreditAnywhere, Source::kText,
              tuning::kAuthorElsewhereDistance);
      }
    }
    // The name signing the article off on its last line ("Jane Doe", "Benni
    // / 10. September 2017"): a letter's, a speech's, a blog post's author.
    if (!names_anyone() && zone_.last >= 0 && on(rules::kAuthorSignOff)) {
      const TextBlock& b = blocks_[static_cast<std::size_t>(zone_.last)];
      if (b.kind == BlockKind::kParagraph && b.cjk == 0 && b.link_chars == 0 &&
          !ev_.away(b, kAwayForAuthors))
        add_names(sign_off_name(np_, b.text, site_), tuning::kAuthorSignOff, Source::kText,
                  tuning::kAuthorElsewhereDistance);
    }
    // The name on a comment that the post's author wrote (a blog's owner
    // answering readers).
    if (!names_anyone() && on(rules::kAuthorPostAuthorComment))
      add(post_author_in_comments(ev_.input.segments), AuthorValue::kByline,
          tuning::kAuthorPageOwner, Source::kMarkup, tuning::kAuthorOwnerDistance);
    // The person holding the copyright, in the copyright <meta> or a line in
    // the page's last blocks: the owner and writer of a personal site.
    if (!names_anyone()) {
      const std::string meta = ev_.metas.first({"copyright"});
      if (!meta.empty() && on(rules::kAuthorCopyrightMeta))
        add_names(copyright_holder(np_, "© " + meta, site_), tuning::kAuthorPageOwner,
                  Source::kMeta);
    }
    if (!names_anyone() && on(rules::kAuthorCopyrightText)) {
      for (int i = n_blocks_ - 1; i >= std::max(zone_.region_end, n_blocks_ - 40); --i) {
        std::vector<std::string> names =
            copyright_holder(np_, blocks_[static_cast<std::size_t>(i)].text, site_);
        if (names.empty()) continue;
        add_names(std::move(names), tuning::kAuthorPageOwner, Source::kText,
                  tuning::kAuthorOwnerDistance);
        break;
      }
    }
  }

  const Evidence& ev_;
  const std::vector<TextBlock>& blocks_;
  const int n_blocks_;
  const Zone& zone_;
  const NamePatterns& np_;
  const std::string& site_;
  const std::string site_key_;
  const std::vector<std::string> site_keys_;
  const std::string& title_;
  std::vector<std::pair<std::string, std::vector<std::string>>> cleaned_;
  AuthorCandidates out_;
};

// A candidate with the support the others give it.
struct Supported : AuthorCandidate {
  double support = 0;
};

// Support: the weight of every candidate, times the share of names two
// lists have in common. What the page shows counts less the further it is
// from the headline (a list of other articles' bylines is further down),
// and one block votes once however many elements in it say the same.
void support(std::vector<Supported>* cands) {
  auto effective = [](const AuthorCandidate& c) {
    if (c.source == Source::kJsonLd || c.source == Source::kMeta || c.distance == 0)
      return static_cast<double>(c.weight);
    return c.weight / (1.0 + c.distance / tuning::kAuthorDistanceScale);
  };
  for (Supported& a : *cands) {
    std::vector<std::pair<int, std::vector<std::string>>> counted;
    for (const Supported& c : *cands) {
      int common = 0;
      for (const std::string& k : a.keys)
        if (std::find(c.keys.begin(), c.keys.end(), k) != c.keys.end()) ++common;
      if (common == 0) continue;
      if (c.distance > 0 && c.source != Source::kJsonLd && c.source != Source::kMeta) {
        const std::pair<int, std::vector<std::string>> key{c.distance, c.keys};
        if (std::find(counted.begin(), counted.end(), key) != counted.end()) continue;
        counted.push_back(key);
      }
      a.support += effective(c) * static_cast<double>(common) /
                   static_cast<double>(std::max(a.keys.size(), c.keys.size()));
    }
  }
}

// Of Chinese credits, the best kind wins across lines too: a reporter
// closing the last paragraph over the editor in the line under it.
void keep_best_cjk_kind(std::vector<Supported>* cands) {
  int best_prio = 3;
  for (const Supported& c : *cands)
    if (c.cjk_priority >= 0 && !c.organization) best_prio = std::min(best_prio, c.cjk_priority);
  cands->erase(std::remove_if(cands->begin(), cands->end(),
                              [&](const Supported& c) { return c.cjk_priority > best_prio; }),
               cands->end());
}

// An organisation that the structured sources and the byline agree on
// ("Example News Desk" in JSON-LD, meta and byline) over people that only
// links to author pages name (people the article mentions).
void prefer_agreed_organization(std::vector<Supported>* cands) {
  double org_support = 0, person_support = 0;
  bool only_links = true;
  for (const Supported& c : *cands) {
    if (c.organization) {
      org_support = std::max(org_support, c.support);
    } else {
      person_support = std::max(person_support, c.support);
      only_links = only_links && c.link_only;
    }
  }
  if (only_links && person_support > 0 &&
      org_support >= tuning::kOrganizationOverLinks * person_support)
    cands->erase(std::remove_if(cands->begin(), cands->end(),
                                [](const Supported& c) { return !c.organization; }),
                 cands->end());
}

// People before organisations; of organisations, one the site names (its
// newsroom, an agency) over the site's own name, which stands only when
// nothing else is named; then the best supported, the best rank, the
// nearest.
const Supported* best_supported(const std::vector<Supported>& cands) {
  const Supported* best = nullptr;
  for (const Supported& c : cands) {
    if (best == nullptr) {
      best = &c;
      continue;
    }
    if (c.organization != best->organization) {
      if (!c.organization) best = &c;
      continue;
    }
    if (c.site_named != best->site_named) {
      if (!c.site_named) best = &c;
      continue;
    }
    if (c.support > best->support + 1e-9 ||
        (c.support > best->support - 1e-9 &&
         (c.rank < best->rank || (c.rank == best->rank && c.distance < best->distance))))
      best = &c;
  }
  return best;
}

// Of lists naming the same people, the one written for readers ("Mike
// Cason", not the login "mikecason"); a fuller form of the same names
// ("Nils" -> "Nils Pickert") that the page also gives, with fair support.
const Supported* readers_form(const std::vector<Supported>& cands, const Supported* best) {
  const Supported* shown = best;
  auto spaces = [](const AuthorCandidate& c) {
    int n = 0;
    for (const std::string& s : c.names) n += static_cast<int>(std::count(s.begin(), s.end(), ' '));
    return n;
  };
  // A name that says a word twice ("Elaine Chen Elaine Chen": an element's
  // text and its image's alt run together) is no fuller form.
  auto repeats_a_word = [](const AuthorCandidate& c) {
    std::size_t words = 0;
    for (const std::string& n : c.names)
      words += static_cast<std::size_t>(std::count(n.begin(), n.end(), ' ')) + 1;
    return words > c.keys.size();
  };
  for (const Supported& c : cands)
    if (c.keys == best->keys && spaces(c) > spaces(*shown) &&
        !(on(rules::kAuthorNoRepeatedWords) && repeats_a_word(c)))
      shown = &c;
  for (const Supported& c : cands) {
    if (c.organization || c.names.size() != best->names.size() ||
        c.keys.size() <= best->keys.size() ||
        c.keys.size() > best->keys.size() + best->names.size() ||
        c.support < tuning::kFullerNameSupport * best->support)
      continue;
    if (!std::includes(c.keys.begin(), c.keys.end(), best->keys.begin(), best->keys.end()))
      continue;
    // The added word must be a word of its own, not two run together
    // ("WongAndrea").
    bool fused = false;
    for (const std::string& k : c.keys)
      if (!std::binary_search(best->keys.begin(), best->keys.end(), k))
        for (const std::string& b : best->keys)
          if (k.find(b) != std::string::npos) fused = true;
    if (fused) continue;
    if (shown == best || c.support > shown->support) shown = &c;
  }
  return shown;
}

}  // namespace

AuthorCandidates author_candidates(const Evidence& ev, const Zone& zone, const SiteNames& site,
                                   const std::string& title, const NamePatterns& names) {
  return AuthorGatherer(ev, zone, site, title, names).run();
}

AuthorChoice choose_authors(const AuthorCandidates& c) {
  std::vector<Supported> cands;
  cands.reserve(c.lists.size());
  for (const AuthorCandidate& a : c.lists) cands.push_back(Supported{a});
  if (on(rules::kAuthorCjkBestKind)) keep_best_cjk_kind(&cands);
  support(&cands);
  if (on(rules::kAuthorAgreedOrg)) prefer_agreed_organization(&cands);
  const Supported* best = best_supported(cands);
  if (best == nullptr) return {};
  const Supported* shown = on(rules::kAuthorReadersForm) ? readers_form(cands, best) : best;
  return {shown->names, best->source};
}

}  // namespace extractor
