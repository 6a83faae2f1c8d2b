// What the public types say about themselves: the names of enum values (and
// reading them back), equality of Results, and the library's version.
#include <string>

#include "extractor/extractor.h"

namespace extractor {

const char* to_string(Reason reason) {
  switch (reason) {
    case Reason::kOutside: return "outside";
    case Reason::kRegion: return "region";
    case Reason::kContinues: return "continues";
    case Reason::kFallback: return "fallback";
    case Reason::kList: return "list";
    case Reason::kMedia: return "media";
    case Reason::kMediaOutside: return "media-outside";
    case Reason::kModel: return "model";
    case Reason::kModelDrop: return "model-drop";
    case Reason::kLinkDensity: return "link-density";
    case Reason::kWeak: return "weak";
    case Reason::kComment: return "comment";
    case Reason::kConsent: return "consent";
    case Reason::kNewsletter: return "newsletter";
    case Reason::kDonate: return "donate";
    case Reason::kShare: return "share";
    case Reason::kAd: return "ad";
    case Reason::kRelated: return "related";
    case Reason::kFeed: return "feed";
    case Reason::kBreadcrumb: return "breadcrumb";
    case Reason::kNav: return "nav";
    case Reason::kModal: return "modal";
    case Reason::kLogin: return "login";
    case Reason::kFooter: return "footer";
    case Reason::kHeader: return "header";
    case Reason::kSidebar: return "sidebar";
    case Reason::kTags: return "tags";
    case Reason::kTools: return "tools";
    case Reason::kAudio: return "audio";
    case Reason::kForm: return "form";
    case Reason::kAuthorBio: return "author-bio";
    case Reason::kByline: return "byline";
    case Reason::kCaption: return "caption";
    case Reason::kReadAlso: return "read-also";
    case Reason::kReadingTime: return "reading-time";
    case Reason::kCopyright: return "copyright";
    case Reason::kPrevNext: return "prev-next";
    case Reason::kMoreLink: return "more-link";
    case Reason::kCredit: return "credit";
  }
  return "?";
}

const char* to_string(EmptyReason reason) {
  switch (reason) {
    case EmptyReason::kNone: return "none";
    case EmptyReason::kNoText: return "no-text";
    case EmptyReason::kNoArticle: return "no-article";
  }
  return "?";
}

const char* describe(EmptyReason reason) {
  switch (reason) {
    case EmptyReason::kNone: return "";
    case EmptyReason::kNoText: return "the page has no visible text";
    case EmptyReason::kNoArticle: return "no block of the page reads as an article";
  }
  return "";
}

const char* to_string(Span::Kind kind) {
  switch (kind) {
    case Span::Kind::kLink: return "link";
    case Span::Kind::kEmphasis: return "emphasis";
    case Span::Kind::kStrong: return "strong";
    case Span::Kind::kCode: return "code";
  }
  return "?";
}

const char* to_string(Focus focus) {
  switch (focus) {
    case Focus::kPrecision: return "precision";
    case Focus::kBalanced: return "balanced";
    case Focus::kRecall: return "recall";
  }
  return "?";
}

const char* to_string(Format format) {
  switch (format) {
    case Format::kText: return "text";
    case Format::kMarkdown: return "markdown";
    case Format::kHtml: return "html";
    case Format::kJson: return "json";
    case Format::kJsonLines: return "jsonl";
  }
  return "?";
}

const char* to_string(ErrorCode code) {
  switch (code) {
    case ErrorCode::kInvalidOption: return "invalid_option";
    case ErrorCode::kInputTooLarge: return "input_too_large";
  }
  return "?";
}

namespace {

// How many values each enum has (they count up from 0), and what its values
// are called in messages.
template <typename Enum>
struct EnumInfo;
template <>
struct EnumInfo<BlockKind> {
  static constexpr int kCount = static_cast<int>(BlockKind::kImage) + 1;
  static constexpr const char* kWhat = "block kind";
};
template <>
struct EnumInfo<Label> {
  static constexpr int kCount = static_cast<int>(Label::kComment) + 1;
  static constexpr const char* kWhat = "label";
};
template <>
struct EnumInfo<Source> {
  static constexpr int kCount = static_cast<int>(Source::kText) + 1;
  static constexpr const char* kWhat = "source";
};
template <>
struct EnumInfo<Reason> {
  static constexpr int kCount = static_cast<int>(Reason::kCredit) + 1;
  static constexpr const char* kWhat = "reason";
};
template <>
struct EnumInfo<EmptyReason> {
  static constexpr int kCount = static_cast<int>(EmptyReason::kNoArticle) + 1;
  static constexpr const char* kWhat = "empty reason";
};
template <>
struct EnumInfo<Span::Kind> {
  static constexpr int kCount = static_cast<int>(Span::Kind::kCode) + 1;
  static constexpr const char* kWhat = "span kind";
};
template <>
struct EnumInfo<Focus> {
  static constexpr int kCount = static_cast<int>(Focus::kRecall) + 1;
  static constexpr const char* kWhat = "focus";
};
template <>
struct EnumInfo<Format> {
  static constexpr int kCount = static_cast<int>(Format::kJsonLines) + 1;
  static constexpr const char* kWhat = "format";
};

template <typename Enum>
bool named(Enum value, std::string_view name) {
  return name == to_string(value);
}
template <>
bool named(EmptyReason value, std::string_view name) {
  return name == to_string(value) || (value != EmptyReason::kNone && name == describe(value));
}

}  // namespace

template <typename Enum>
Enum from_string(std::string_view name) {
  using Info = EnumInfo<Enum>;
  std::string known;
  for (int i = 0; i < Info::kCount; ++i) {
    const auto value = static_cast<Enum>(i);
    if (named(value, name)) return value;
    known += std::string(i == 0 ? "" : ", ") + "'" + to_string(value) + "'";
  }
  throw Error(ErrorCode::kInvalidOption, std::string(Info::kWhat) + " must be one of " + known +
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

bool operator==(const Span& a, const Span& b) {
  return a.kind == b.kind && a.begin == b.begin && a.end == b.end && a.href == b.href;
}

bool operator==(const Block& a, const Block& b) {
  return a.kind == b.kind && a.label == b.label && a.level == b.level &&
         a.quote_depth == b.quote_depth && a.ordered == b.ordered && a.text == b.text &&
         a.spans == b.spans && a.src == b.src && a.score == b.score && a.reason == b.reason &&
         a.path == b.path;
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
         a.charset == b.charset && a.empty_reason == b.empty_reason;
}

const char* version() noexcept { return EXTRACTOR_VERSION; }

}  // namespace extractor
