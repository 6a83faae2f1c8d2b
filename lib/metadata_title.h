// Metadata, the title: candidates from JSON-LD, <meta>, the page's headings,
// texts near the article's start and <title>, chosen by agreement, without
// the site's name.
#ifndef EXTRACTOR_LIB_METADATA_TITLE_H_
#define EXTRACTOR_LIB_METADATA_TITLE_H_

#include <string>
#include <string_view>
#include <vector>

#include "extractor/extractor.h"

namespace extractor {

class Evidence;

struct TitleCandidates {
  std::string json_ld;    // the article's headline
  std::string og;         // og:title
  std::string twitter;    // twitter:title
  std::string meta;       // dc.title, name="title", itemprop=headline
  std::string title_tag;  // <title>
  // Visible top-level headings (h1 first; then headings marked as titles),
  // most likely first: those in or just before the article region.
  std::vector<std::string> headings;
  // For each heading: whether it sits in the site's masthead (where the
  // logo's <h1> is, and sometimes the article's too).
  std::vector<bool> in_masthead;
  // The <h1> at the article's start (just above or at the region's first
  // blocks), if there is one: the page's headline even when no other source
  // repeats it (meta titles are often written for search engines).
  std::string headline;
  // Other short visible texts near the article's start, in any order.
  std::vector<std::string> texts;
  std::string site_name;  // when known
  std::string host;       // the page's host, e.g. "www.example.com"
};

// What the page states and shows: JSON-LD's headline, og:title,
// twitter:title, the meta titles (or an itemprop=headline), <title>, the
// visible headings (nearest the article first, with their parts, a kicker
// left out), the headline at the article's start, and short texts near it.
TitleCandidates title_candidates(const Evidence& ev, const std::string& site_name,
                                 const std::string& host);

struct TitleChoice {
  std::string title;
  Source source = Source::kNone;
};

// A heading that agrees with any other source (equal, or equal to it
// without a site-name part) wins (not a masthead heading that repeats one
// part of a source another heading repeats another part of: that is the
// site's name in "Headline | Site"); else a visible text equal to a part of a
// source (the longest such part); else the article's own <h1> when it reads
// as a headline (three words or more); else two sources that agree once the
// site name is stripped; else the first of JSON-LD, og:title, twitter:title,
// meta title, <title>, stripped; else the first heading.
TitleChoice choose_title(const TitleCandidates& c);

// "Headline | Site", "Site - Headline", "Headline – Section – Site" ->
// "Headline": parts naming the site (or the host) are removed from either
// end; when no part names it, a short part at either end is removed only
// if what is left is clearly the headline (three or more words, much
// longer). Separators: " | ", " - ", " – ", " — ", " · ", " :: ", " » ",
// " / ", and for CJK titles also "_", "｜", "-" without spaces.
std::string strip_site_name(std::string_view title, std::string_view site_name,
                            std::string_view host);

}  // namespace extractor

#endif  // EXTRACTOR_LIB_METADATA_TITLE_H_
