// Metadata, the site: its name, the page's canonical URL (and so the host
// the title and the authors tell the site's name by), and the language.
// Each gathers its candidates from the evidence and chooses with a pure
// function.
#ifndef EXTRACTOR_LIB_METADATA_SITE_H_
#define EXTRACTOR_LIB_METADATA_SITE_H_

#include <string>
#include <string_view>
#include <vector>

#include "extractor/extractor.h"

namespace extractor {

class Evidence;

// --- the site's name -----------------------------------------------------------

struct SiteNameCandidates {
  std::string og_site_name;  // og:site_name
  std::string publisher;     // JSON-LD publisher's name
  std::string ld_site_name;  // JSON-LD WebSite's name
  std::string app_name;      // application-name, al:android:app_name, al:ios:app_name
};

struct SiteNameChoice {
  std::string name;
  Source source = Source::kNone;
};

SiteNameCandidates site_name_candidates(const Evidence& ev);

// The first of og:site_name, the publisher, the WebSite's name, the app's
// name; none when that one reads as a URL.
SiteNameChoice choose_site_name(const SiteNameCandidates& c);

// --- the canonical URL -----------------------------------------------------------

struct UrlCandidates {
  std::string canonical;  // <link rel=canonical>
  std::string og_url;     // og:url
  std::string ld_url;     // JSON-LD url or mainEntityOfPage
  std::string base;       // what relative URLs resolve against (<base>, the page's URL)
  std::string page_url;   // the caller's, if any
};

struct UrlChoice {
  std::string url;
  Source source = Source::kNone;
  // The page's host: the caller's URL's, else the canonical URL's (the
  // site's name stripped from titles and told from authors by it).
  std::string host;
};

UrlCandidates url_candidates(const Evidence& ev);

// The canonical link, else og:url, else JSON-LD's url (when it reads as
// one), resolved against the base; else the caller's URL (source kNone).
UrlChoice choose_url(const UrlCandidates& c);

// --- the language ------------------------------------------------------------------

struct LanguageDeclaration {
  std::string tag;  // as written: "en-US", "de_DE", "zh-Hans-CN"
  Source source = Source::kNone;
};

struct LanguageCandidates {
  // What the page declares, strongest first: <html lang>, http-equiv
  // Content-Language, <meta name=language> and Dublin Core, JSON-LD's
  // inLanguage, og:locale.
  std::vector<LanguageDeclaration> declared;
  // The article's text (the blocks labelled content, else the page's
  // longer blocks outside menus and sidebars), to check the declaration by.
  std::string sample;
};

struct LanguageChoice {
  std::string language;  // ISO 639-1 where one exists: "en", "de", "zh"
  Source source = Source::kNone;
  // The region of the declaration chosen, lower case ("us" of "en-US"):
  // how numeric dates read. Empty when the language came from the text.
  std::string region;
};

LanguageCandidates language_candidates(const Evidence& ev);

// The first declaration that names a language, unless the sample's script
// says otherwise ("en" on a page in Cyrillic): then the language the text
// reads as (by script; for Latin script, by its function words).
LanguageChoice choose_language(const LanguageCandidates& c);

// "en_US" -> "en", "zh-Hans-CN" -> "zh", "iw" -> "he"; "" when `tag` is no
// language tag.
std::string primary_language(std::string_view tag);

// The Latin-script language whose function words ("the", "und", "les",
// ...) make up at least a tenth of the text's first words; "" when none
// does, or when the text is too short to tell.
std::string latin_language(std::string_view text);

}  // namespace extractor

#endif  // EXTRACTOR_LIB_METADATA_SITE_H_
