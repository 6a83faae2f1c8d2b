// The page type's readings of the URL and of <head>'s words
// (lib/pagetype.cc uses them): what the path and host say, the kind of
// software <meta name="generator"> names, a model word in a title.
#ifndef EXTRACTOR_LIB_PAGETYPE_URL_H_
#define EXTRACTOR_LIB_PAGETYPE_URL_H_

#include <string_view>

namespace extractor {

// The url_* features (pagetype_features.inc) of `url`, written into x.
void url_features(std::string_view url, float* x);

// The gen_* feature the generator's software falls under, or -1.
int generator_feature(std::string_view generator);

// A word of ASCII letters and digits both ("X200", "7800X3D"), not a
// year's decade or an ordinal ("1990s", "21st").
bool has_model_word(std::string_view s);

}  // namespace extractor

#endif  // EXTRACTOR_LIB_PAGETYPE_URL_H_
