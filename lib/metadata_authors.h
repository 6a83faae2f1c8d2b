// Metadata, the authors. Every source gives a list of names: JSON-LD, the
// meta tags, the markup (microdata, rel=author, links to author pages,
// elements classed as bylines), the bylines near the headline, the credits
// closing the article, and, when none of these names anyone, weaker places
// (a line of bare Chinese names under the headline, a signature, the post
// author's comment, the copyright holder). choose_authors() then supports
// each list by the others that name the same people, weighted by how much a
// source is to be trusted, and the best-supported list of people wins; an
// organisation only when no source names a person.
#ifndef EXTRACTOR_LIB_METADATA_AUTHORS_H_
#define EXTRACTOR_LIB_METADATA_AUTHORS_H_

#include <string>
#include <vector>

#include "extractor/extractor.h"

namespace extractor {

class Evidence;
struct NamePatterns;
struct Zone;

// One source's list of names.
struct AuthorCandidate {
  std::vector<std::string> names;  // as written for readers
  std::vector<std::string> keys;   // the comparison keys of their words, sorted, unique
  int weight = 0;                  // how much the source is trusted (tuning::kAuthor*)
  int rank = 0;                    // breaks ties between equal support: lower wins
  Source source = Source::kNone;
  int distance = 0;  // from the headline, in half-blocks (Zone::distance); 0 for fields
  bool organization = false;  // names an organisation (or the site), no person
  int cjk_priority = -1;      // a Chinese credit's kind (see cjk_credits), else -1
  bool link_only = false;     // from links to author pages alone (no byline markup)
  bool site_named = false;    // names nothing but the site itself
};

struct AuthorCandidates {
  std::vector<AuthorCandidate> lists;
};

// The site as authors are told from it: its name, the publisher's, the
// WebSite's and the host.
struct SiteNames {
  std::string site_name;
  std::string publisher;
  std::string ld_site_name;
  std::string host;
};

// `title` is the chosen title (a line of bare names sits under it).
AuthorCandidates author_candidates(const Evidence& ev, const Zone& zone, const SiteNames& site,
                                   const std::string& title, const NamePatterns& names);

struct AuthorChoice {
  std::vector<std::string> names;
  Source source = Source::kNone;
};

// The best-supported list (support: each list's weight, less with its
// distance from the headline for what the page shows, times the share of
// names two lists have in common; a block counted once), people before
// organisations, the site's own name last; then the form written for
// readers of the same names ("Mike Cason" over the login "mikecason", a
// fuller "Nils Pickert" over "Nils"), and of a long list in a field only
// the writers the byline shows.
AuthorChoice choose_authors(const AuthorCandidates& c);

}  // namespace extractor

#endif  // EXTRACTOR_LIB_METADATA_AUTHORS_H_
