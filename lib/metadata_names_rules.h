// The name patterns, compiled: a struct of RE2s shared by the files that
// read names (metadata_names.cc, metadata_names_cjk.cc); other stages hold
// it opaque (metadata_names.h).
#ifndef EXTRACTOR_LIB_METADATA_NAMES_RULES_H_
#define EXTRACTOR_LIB_METADATA_NAMES_RULES_H_

#include <re2/re2.h>

#include <memory>
#include <string_view>

#include "metadata_names.h"

namespace extractor {

struct NamePatterns {
  std::unique_ptr<RE2> posted, bare_marker_tail, weekday_tail, cjk_posted_by, copyright,
      copyright_end;
  std::unique_ptr<RE2> marker, marker_wide, glued_marker, degree_only, degree_tail,
      agency_tail, glued_weekday, site_dash, cjk_marker, role_only, role_prefix, role_suffix, desk_alone,
      collective_tail, collective_head;
  std::unique_ptr<RE2> cut, bio, speech_tail, location, photo, photo_suffix, split, email, handle, parens;
  std::unique_ptr<RE2> cjk_credit_marker, cjk_colon, cjk_paren, cjk_slash_wen,
      stop_name, cjk_bracket_before_source,
      non_name_word, org_cjk, org_word, inner_marker, lead_word, edge_word, photo_credit;

  explicit NamePatterns(std::shared_ptr<const DatePatterns> dates);
  // Names read dates ("Jane Doe, 3. Mai 2021").
  const DatePatterns& dates() const { return *dates_; }

 private:
  std::shared_ptr<const DatePatterns> dates_;
  // The groups of patterns, compiled in turn by the constructor.
  void compile_bylines();  // byline markers, roles, newsrooms
  void compile_cuts();     // where a byline stops being names
  void compile_credits();  // Chinese credit lines
  void compile_words();    // words that are no names, organisations, copyright lines
};

// A word found where a Chinese credit's name should be that is no name:
// "转载" (reprinted), "佚名" (anonymous), a field's or a box's label.
bool is_not_cjk_name(std::string_view s);

}  // namespace extractor

#endif  // EXTRACTOR_LIB_METADATA_NAMES_RULES_H_
