// Names for the authors stage: from a raw value (a meta tag, a JSON-LD
// name, the text of a byline element, a credit line) to a list of clean
// names. Latin-script readers in metadata_names.cc, Chinese credits in
// metadata_names_cjk.cc, the compiled patterns in metadata_names_rules.cc.
#ifndef EXTRACTOR_LIB_METADATA_NAMES_H_
#define EXTRACTOR_LIB_METADATA_NAMES_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace extractor {

struct DatePatterns;

// The name patterns, compiled once: byline markers and roles in many
// languages, Chinese credit markers, organisation words, the cuts that end a
// byline (a struct of RE2s, metadata_names_rules.h). The Extractor compiles
// them with its other patterns (Patterns::names()) and shares them between
// threads; the readers below take them. Names read dates with `dates`.
struct NamePatterns;
std::shared_ptr<const NamePatterns> compile_name_patterns(
    std::shared_ptr<const DatePatterns> dates);

// How much to trust that a value names people at all.
enum class AuthorValue {
  kField,   // a field meant for names (meta author, JSON-LD name): any clean
            // value is a name, even a one-word user name
  kByline,  // the text of a byline element: names after an optional marker,
            // around roles, dates and "updated" notes
  kText,    // a line of running text: a name only after a byline marker
            // ("By", "Von", "Автор:", "文／", "记者")
};

// Splits and cleans `raw` into names: byline markers ("By", "von", "par",
// "Автор:", "文／", "记者"), roles ("Staff Writer", "Correspondent",
// "Redakteurin", "特约记者"), dates and times, e-mail addresses, social
// handles, parenthesised agencies, "Updated ..." notes, trailing "|" are
// removed; "and", "und", "et", "y", "и", "&", ",", ";", "、" split names;
// photographer and illustrator credits are dropped with their names. Never
// returns a URL, a date, or a lone "Admin" / "Staff" / "Editor"; the site's
// own name is returned (the caller tells the publication from a person).
// Names are returned as written, without duplicates.
std::vector<std::string> clean_authors(const NamePatterns& patterns, std::string_view raw, AuthorValue kind,
                                       std::string_view site_name);

// True when `name` reads as one person's (or organisation's) name: a few
// words, letters first, no digits, no URL, not a stop word.
bool is_plausible_name(const NamePatterns& patterns, std::string_view name);

// True when `name` reads as an organisation's: it holds a word such as
// "News", "Post", "Times", "Press", "Agency", "Media", "Inc", "GmbH",
// "Staff", "Team", "Desk", "Redaktion", or ends in a Chinese organisation
// suffix (社, 网, 报, 台, ...).
bool looks_like_organization(const NamePatterns& patterns, std::string_view name);

// A short line of a date and a name beside it, a dash, a bullet or a bar
// between and no marker ("12 March 2024 – Jane Doe", "Jane Doe • Mar 12,
// 2024"): the name, cleaned (clean_authors, a byline); nothing when the line
// is anything else (a date and a headline, a place, a phrase).
std::vector<std::string> date_name_line(const NamePatterns& patterns, std::string_view text,
                                        std::string_view site_name);

// True when the text starts with a byline marker ("By ", "Von ", "Автор:",
// "作者：", ...) followed by a letter.
bool starts_with_byline_marker(const NamePatterns& patterns, std::string_view text);

// "Posted in News by jdoe on May 3", "Publiziert am 13. Januar 2014 von
// uriebe": the byline inside a posting line, from its "by" / "von" on;
// empty when the line does not start with a posting word.
std::string_view byline_after_post_word(const NamePatterns& patterns, std::string_view text);

// True when the text is a byline marker and nothing else ("By", "Von:",
// "| By"): the name is on the next line.
bool is_bare_latin_marker(const NamePatterns& patterns, std::string_view text);

// True when the text is a Chinese credit marker and nothing else ("本报记者",
// "作者：", "编辑："): the names are on the next line.
bool is_bare_cjk_marker(const NamePatterns& patterns, std::string_view text);

// Chinese credits anywhere in a line: "作者：宋怡 杨志华", "记者 王建宏 张文攀",
// "（记者 胡晓蓉）", "光明日报记者王某", "责任编辑：魏喆", "马俊峰/文". A name is
// 2-4 Han characters (more with a middle dot) ending where the Han run ends
// or where a word such as 发自, 报道, 摄, 来源, 时间 begins; inside running
// text it must also start with a common family name. Organisations (names
// ending in 社, 网, 报, 台, ...) are left out.
// When a line credits several kinds ("作者：A … 编辑：B"), authors and reporters
// win over a source (来源), a source over editors; *priority (if given)
// receives 0, 1 or 2 for the kind returned (3: none of them).
std::vector<std::string> cjk_credits(const NamePatterns& patterns, std::string_view text, std::string_view site_name,
                                     int* priority = nullptr);

// The name that signs an article off, on its last line: "Jane Doe" alone
// (two or three capitalised words), or "Benni" / "Jane Doe" over the day
// it was signed ("10. September 2017") or a short role ("Vorsitzender").
// Empty when the line reads as anything else.
std::vector<std::string> sign_off_name(const NamePatterns& patterns, std::string_view text, std::string_view site_name);
// "ggjjzhzz 发表于 2005-9-15 11:46", "王某 发布于 2020-01-02": the user a
// blog post or forum post names before the date it was posted.
std::vector<std::string> cjk_posted_by(const NamePatterns& patterns, std::string_view text, std::string_view site_name);

// A line that is nothing but one to four Han names ("茉莉", "赵延东、风笑天",
// "[ 黄宇 ]"): the byline many Chinese pages put, without a marker, just
// under the headline. Organisations, field labels ("来源", "人物") and the
// site's name are not names; anything else on the line means no names.
std::vector<std::string> cjk_name_line(const NamePatterns& patterns, std::string_view text, std::string_view site_name);

// "Fotos: Jane Doe", "Übersetzung Jane Doe, 12.12.22", "Illustration by
// Jane Doe": the people a line credits for an article's pictures or its
// translation (who are not its authors); empty for any other line.
std::vector<std::string> picture_or_translation_credit(const NamePatterns& patterns, std::string_view text);

// "© 2024 Jane Doe. All rights reserved.", "Copyright (c) 2012- Jane Doe •
// Impressum": the person a copyright line (a footer's, the copyright
// <meta>) names, a personal site's owner. Empty when the line is no
// copyright line or names an organisation ("© 2024 Example Media Ltd").
std::vector<std::string> copyright_holder(const NamePatterns& patterns, std::string_view text, std::string_view site_name);

// "Jong, Michiel de" -> "Michiel de Jong", "Kooman, F." -> "F. Kooman": a
// bibliographic field's name written surname first (one surname, a comma,
// up to three given names opening with a capital and a lower-case letter or
// a dot). Anything else ("Jane Doe, Reuters") is returned as is.
std::string surname_last(const std::string& value);

}  // namespace extractor

#endif  // EXTRACTOR_LIB_METADATA_NAMES_H_
