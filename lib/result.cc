// What the public types say about themselves: the names of enum values (and
// reading them back), equality of Results, and the library's version.
#include <iterator>
#include <string>
#include <type_traits>

#include "extractor/extractor.h"

namespace extractor {

namespace {

// Each enum's words, in the order of its values.
constexpr const char* kReasonNames[] = {
    // Where the block stands.
    "outside", "region", "continues", "fallback", "list", "media", "media-outside", "model",
    "model-drop", "link-density", "weak",
    // What its element's class, id or role, or its own text, says it is.
    "comment", "consent", "newsletter", "donate", "share", "ad", "related", "feed", "breadcrumb",
    "nav", "modal", "login", "footer", "header", "sidebar", "tags", "tools", "audio", "form",
    "author-bio", "byline", "caption", "read-also", "reading-time", "copyright", "prev-next",
    "more-link", "credit", "headline",
    // How the page's kind reads it.
    "post", "post-meta", "item", "review"};
static_assert(std::size(kReasonNames) == static_cast<std::size_t>(Reason::kReview) + 1);
constexpr const char* kEmptyReasonNames[] = {
    "none",  "no-text",    "no-article", "pdf",  "image",      "gzip", "compressed",
    "archive", "document", "executable", "media", "font", "binary"};
static_assert(std::size(kEmptyReasonNames) == static_cast<std::size_t>(EmptyReason::kBinary) + 1);
constexpr const char* kEmptyReasonSentences[] = {
    "",
    "the page has no visible text",
    "no block of the page reads as an article",
    "not a web page: a PDF document",
    "not a web page: an image",
    "not a web page: gzip-compressed data (a .gz file without its name, or a body saved "
    "without its Content-Encoding)",
    "not a web page: compressed data (bzip2, xz, zstd or LZ4)",
    "not a web page: an archive (ZIP, tar, 7z or RAR; docx, xlsx, epub and jar are ZIP)",
    "not a web page: an office document or a database file",
    "not a web page: an executable or compiled code",
    "not a web page: audio or video",
    "not a web page: a font",
    "not a web page: binary data"};
static_assert(std::size(kEmptyReasonSentences) == std::size(kEmptyReasonNames));
constexpr const char* kPageTypeNames[] = {"article",       "forum",   "product", "listing",
                                          "documentation", "service", "other"};
static_assert(std::size(kPageTypeNames) == static_cast<std::size_t>(PageType::kOther) + 1);
constexpr const char* kSpanKindNames[] = {"link", "emphasis", "strong", "code"};
static_assert(std::size(kSpanKindNames) == static_cast<std::size_t>(Span::Kind::kCode) + 1);
constexpr const char* kFocusNames[] = {"precision", "balanced", "recall"};
static_assert(std::size(kFocusNames) == static_cast<std::size_t>(Focus::kRecall) + 1);
constexpr const char* kFormatNames[] = {"text", "markdown", "html", "json", "jsonl"};
static_assert(std::size(kFormatNames) == static_cast<std::size_t>(Format::kJsonLines) + 1);
constexpr const char* kErrorCodeNames[] = {"invalid_option", "input_too_large"};
static_assert(std::size(kErrorCodeNames) ==
              static_cast<std::size_t>(ErrorCode::kInputTooLarge) + 1);

// names[value], or "?" for a value past the table.
template <typename Enum, std::size_t N>
const char* lookup(const char* const (&names)[N], Enum value) {
  const auto i = static_cast<std::size_t>(value);
  return i < N ? names[i] : "?";
}

// What from_string's message calls each enum's values.
const char* what(BlockKind) { return "block kind"; }
const char* what(Label) { return "label"; }
const char* what(Source) { return "source"; }
const char* what(Reason) { return "reason"; }
const char* what(EmptyReason) { return "empty reason"; }
const char* what(Span::Kind) { return "span kind"; }
const char* what(Focus) { return "focus"; }
const char* what(Format) { return "format"; }
const char* what(PageType) { return "page type"; }

}  // namespace

const char* to_string(Reason reason) { return lookup(kReasonNames, reason); }
const char* to_string(EmptyReason reason) { return lookup(kEmptyReasonNames, reason); }
const char* describe(EmptyReason reason) {
  const auto i = static_cast<std::size_t>(reason);
  return i < std::size(kEmptyReasonSentences) ? kEmptyReasonSentences[i] : "";
}
const char* to_string(Span::Kind kind) { return lookup(kSpanKindNames, kind); }
const char* to_string(Focus focus) { return lookup(kFocusNames, focus); }
const char* to_string(Format format) { return lookup(kFormatNames, format); }
const char* to_string(ErrorCode code) { return lookup(kErrorCodeNames, code); }
const char* to_string(PageType type) { return lookup(kPageTypeNames, type); }

// Every enum's values count up from 0, and to_string() says "?" past the
// last one.
template <typename Enum>
Enum from_string(std::string_view name) {
  std::string known;
  for (int i = 0;; ++i) {
    const auto value = static_cast<Enum>(i);
    const std::string_view word = to_string(value);
    if (word == "?") break;
    if (name == word) return value;
    if constexpr (std::is_same_v<Enum, EmptyReason>) {
      if (i > 0 && name == describe(value)) return value;
    }
    known += std::string(i == 0 ? "" : ", ") + "'" + std::string(word) + "'";
  }
  throw Error(ErrorCode::kInvalidOption, std::string(what(Enum{})) + " must be one of " + known +
                                             ", not '" + std::string(name) + "'");
}

template BlockKind from_string<BlockKind>(std::string_view);
template Label from_string<Label>(std::string_view);
template Source from_string<Source>(std::string_view);
template Reason from_string<Reason>(std::string_view);
template EmptyReason from_string<EmptyReason>(std::string_view);
template Span::Kind from_string<Span::Kind>(std::string_view);
template Focus from_string<Focus>(std::string_view);
template Format from_string<Format>(std::string_view);
template PageType from_string<PageType>(std::string_view);

bool operator==(const Span& a, const Span& b) {
  return a.kind == b.kind && a.begin == b.begin && a.end == b.end && a.href == b.href;
}

bool operator==(const Block& a, const Block& b) {
  return a.kind == b.kind && a.label == b.label && a.level == b.level &&
         a.quote_depth == b.quote_depth && a.ordered == b.ordered && a.text == b.text &&
         a.spans == b.spans && a.src == b.src && a.score == b.score && a.reason == b.reason &&
         a.path == b.path;
}

bool operator==(const Post& a, const Post& b) {
  return a.author == b.author && a.date == b.date && a.text == b.text &&
         a.first_block == b.first_block &&
         a.end_block == b.end_block;
}

bool operator==(const Metadata::Sources& a, const Metadata::Sources& b) {
  return a.title == b.title && a.authors == b.authors && a.date == b.date &&
         a.date_modified == b.date_modified && a.site_name == b.site_name &&
         a.language == b.language && a.description == b.description && a.url == b.url &&
         a.image == b.image && a.categories == b.categories && a.tags == b.tags;
}

bool operator==(const Metadata& a, const Metadata& b) {
  return a.title == b.title && a.authors == b.authors && a.date == b.date &&
         a.date_modified == b.date_modified && a.site_name == b.site_name &&
         a.language == b.language && a.description == b.description && a.url == b.url &&
         a.image == b.image && a.categories == b.categories && a.tags == b.tags &&
         a.sources == b.sources;
}

bool operator==(const Result& a, const Result& b) {
  return a.text == b.text && a.markdown == b.markdown && a.html == b.html &&
         a.comments == b.comments && a.metadata == b.metadata && a.blocks == b.blocks &&
         a.charset == b.charset && a.empty_reason == b.empty_reason &&
         a.page_type == b.page_type && a.page_type_confidence == b.page_type_confidence &&
         a.article_probability == b.article_probability && a.posts == b.posts;
}

const char* version() noexcept { return EXTRACTOR_VERSION; }

}  // namespace extractor
