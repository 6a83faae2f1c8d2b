// Stage 6: metadata, as stages over plain data, in the order they run. Each
// stage gathers its candidates from the evidence into a struct and chooses
// with a pure function (metadata_<stage>_test.cc drives it without a page).
#include "metadata.h"

#include "metadata_authors.h"
#include "metadata_dates.h"
#include "metadata_evidence.h"
#include "metadata_fields.h"
#include "metadata_site.h"
#include "metadata_title.h"
#include "metadata_zone.h"
#include "patterns.h"

namespace extractor {

Metadata extract_metadata(const MetadataInput& in) {
  Metadata m;
  // What the page gives: the article region, what sits away from it, its
  // elements, <meta> tags and JSON-LD.
  const Evidence ev(in);

  // The site: its name, the canonical URL (and the host the site's name
  // is told by), the language.
  const SiteNameChoice site = choose_site_name(site_name_candidates(ev));
  m.site_name = site.name;
  m.sources.site_name = site.source;
  const UrlChoice url = choose_url(url_candidates(ev));
  m.url = url.url;
  m.sources.url = url.source;
  const LanguageChoice language = choose_language(language_candidates(ev));
  m.language = language.language;
  m.sources.language = language.source;

  // The title, and where the headline and the article's last lines are.
  const TitleChoice title = choose_title(title_candidates(ev, m.site_name, url.host));
  m.title = title.title;
  m.sources.title = title.source;
  const Zone zone =
      locate_zone(ev.blocks, in.scores.labels, ev.region.begin, ev.region.end, m.title);

  // The dates, read around the headline and the article's end.
  const DatePatterns& dates = in.patterns.dates();
  const DateContext dc =
      date_context(dates, in.page.reference_date, language.language, language.region);
  const DateChoice date = choose_dates(date_candidates(ev, zone, dc, dates));
  m.date = date.published;
  m.sources.date = date.published_source;
  m.date_modified = date.modified;
  m.sources.date_modified = date.modified_source;

  // The authors.
  const SiteNames site_names{m.site_name, ev.ld.publisher, ev.ld.site_name, url.host};
  const AuthorChoice authors =
      choose_authors(author_candidates(ev, zone, site_names, m.title, in.patterns.names()));
  m.authors = authors.names;
  m.sources.authors = authors.source;

  // Description, image, categories, tags.
  const FieldChoice fields = choose_fields(field_candidates(ev));
  m.description = fields.description;
  m.sources.description = fields.description_source;
  m.image = fields.image;
  m.sources.image = fields.image_source;
  m.categories = fields.categories;
  m.sources.categories = fields.categories_source;
  m.tags = fields.tags;
  m.sources.tags = fields.tags_source;
  return m;
}

}  // namespace extractor
