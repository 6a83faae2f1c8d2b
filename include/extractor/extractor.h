// extractor: the article in a saved web page, and nothing around it.
//
// Given the bytes of an HTML page (any charset, any amount of malformation),
// extractor returns the article's body as plain text, Markdown and HTML, its
// metadata (title, authors, dates, site, language), and the list of text
// blocks the page was cut into, each labelled with why it was kept or dropped.
//
//   #include <extractor/extractor.h>
//
//   extractor::Extractor ex;                       // compile once (patterns)
//   extractor::Result r = ex.extract(html, {"https://example.com/a/1"});
//   std::cout << r.metadata.title << "\n\n" << r.text;
//
// Threading: an Extractor is immutable after construction; extract() is const
// and may be called from any number of threads at once on one shared object.
//
// Errors: only misuse throws (extractor::Error): invalid options, or input
// larger than Options::max_input_bytes. A page with no article is not an
// error: the Result is empty and Result::empty_reason says why.
//
// Hostile input: any bytes are accepted (binary files, NUL bytes, invalid or
// overlong UTF-8, wrong or unknown charsets, unterminated comments and
// scripts, a million nested tags). Time and memory grow linearly with the
// input: nothing recurses on the tree, every pattern is RE2, nesting past
// Options::max_depth is cut (text kept), and the tree handed to the parser
// is kept shallow and free of re-created formatting elements (lib/prescan).
// Peak memory is 10 to 15 times the input on text-heavy pages (the Result holds
// the text several times: blocks, text, Markdown, HTML).
//
// Pipeline (one file in lib/ per stage, in this order):
//   decode   bytes -> UTF-8 (BOM, caller charset, <meta>, validity, detection)
//   prescan  one pass that drops <script>/<style> bodies and keeps JSON-LD
//   dom      Gumbo parse, iterative walk
//   segment  DOM -> text blocks with tag path, cues and counts
//   score    label every block; choose the article region; prune inside it
//   metadata title, authors, dates, site, language, ...
//   render   text, Markdown, HTML, JSON
#ifndef EXTRACTOR_EXTRACTOR_H_
#define EXTRACTOR_EXTRACTOR_H_

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "extractor/version.h"

namespace extractor {

// ---------------------------------------------------------------------------
// Errors
// ---------------------------------------------------------------------------

enum class ErrorCode {
  kInvalidOption,  // an Options field is out of range
  kInputTooLarge,  // input longer than Options::max_input_bytes
};

// Thrown for misuse only. what() names the problem and the limit involved.
class Error : public std::runtime_error {
 public:
  Error(ErrorCode code, const std::string& message)
      : std::runtime_error(message), code_(code) {}
  ErrorCode code() const noexcept { return code_; }

 private:
  ErrorCode code_;
};

// ---------------------------------------------------------------------------
// Options: fixed when an Extractor is built.
// ---------------------------------------------------------------------------

// Which side of the precision/recall trade-off to favour when a block is in
// doubt. kBalanced is what the published F1 figures are measured with.
enum class Focus {
  kPrecision,  // drop doubtful blocks: less boilerplate, may lose a lead line
  kBalanced,   // default
  kRecall,     // keep doubtful blocks: never lose text, may keep some chrome
};

// What extraction reads: which blocks are the article, and which input is
// taken at all. Every stage before the renderers sees only this part.
struct ExtractOptions {
  // Comment threads are dropped by default. When true they are kept, labelled
  // Label::kComment, and returned in Result::comments (not in Result::text).
  bool include_comments = false;

  // Precision/recall trade-off for doubtful blocks. Default kBalanced.
  Focus focus = Focus::kBalanced;

  // Input longer than this many bytes is refused with ErrorCode::kInputTooLarge
  // (the message names the size and the limit). Default 64 MiB. Must be > 0.
  std::size_t max_input_bytes = std::size_t{64} << 20;

  // The deepest element nesting kept. The parser is fed a page whose open
  // elements, counted by the HTML tree-construction rules, never nest deeper:
  // start tags past it are dropped with their end tags, their text kept (so
  // 1,000,000 nested <div>s give the text inside them, cut at this depth).
  // Paragraphs and list items may go 16 past it, so that their text stays in
  // separate blocks; at most 32 formatting elements (b, i, a, font...) are
  // open at once and a tag keeps its first 64 attributes. Default 512 (what
  // browsers' parsers cap at). Must be in [16, 100000].
  int max_depth = 512;
};

// What rendering reads: what the text, Markdown and HTML of the labelled
// blocks show (render_text, render_markdown, render_html). The labels do
// not depend on it.
struct RenderOptions {
  // Data tables (rows of cells) are part of the article. Default true.
  // Layout tables (cells holding paragraphs) are always looked through.
  bool include_tables = true;

  // Markdown/HTML only: keep <img> (with its caption) inside the article.
  // Plain text never holds images or captions. Default true.
  bool include_images = true;

  // Markdown/HTML only: keep hyperlinks as [text](href). Default false: the
  // link text stays, the target is dropped.
  //
  // Safe to show, links or not: every URL any output or field carries is
  // http, https, mailto (links only) or relative, judged as a browser reads
  // it (character references, controls and white space inside the scheme,
  // case) and again after further decoding (percent-escapes, references);
  // a link with any other URL keeps only its text, an image with one is left
  // out. The HTML holds only the elements and attributes the renderer writes
  // (p, h1-h6, ul/ol/li, table/tr/td, pre/code, blockquote, figure/img/
  // figcaption, a href, img src/alt, em, strong, br): never the page's
  // handlers, style, script, iframe, object, embed, form, base, meta, SVG or
  // MathML. Markdown escapes page text so that it never becomes a link, an
  // image, raw HTML or a heading, and writes URLs percent-encoded where a
  // renderer would end or decode them.
  bool include_links = false;
};

// Both parts, as an Extractor is built with them. Fields are set by name
// whichever part they belong to (`Options o; o.focus = Focus::kRecall;
// o.include_links = true;`), and an Options is passed wherever either part
// is asked for.
struct Options : ExtractOptions, RenderOptions {};

enum class PageType : std::uint8_t;  // below, with Result

// Facts about one page that do not come from its bytes.
struct PageInfo {
  // The page's URL, if known. Relative links and the date in a URL path are
  // read against it; it is Result::metadata.url when the page names no
  // canonical URL.
  std::string url;

  // The charset the transport declared (e.g. HTTP Content-Type). It wins over
  // what the page declares, unless the bytes contradict it (see decode).
  // An unknown name is ignored and the charset is detected.
  std::string charset;

  // The day the page was fetched, "YYYY-MM-DD" (a time may follow). Dates
  // after it are impossible and rejected; relative dates in the page ("3
  // hours ago", "gestern", "2天前") are read against it, and only when it is
  // given. Default empty: today (UTC) for the check, no relative dates.
  std::string reference_date;

  // The kind of page, when the caller knows it (a crawler that knows a
  // site's forum or shop pages by their URLs): it stands instead of the
  // classifier's answer in Result::page_type, and the page is read as that
  // kind (a forum's posts, a listing's items, ...). Unset: the classifier
  // decides. page_type_confidence says how sure the caller is, as the
  // classifier's probability would (a kind's reading is only chosen from
  // some confidence on, see Result::page_type).
  std::optional<PageType> page_type;
  float page_type_confidence = 1.0f;
};

// ---------------------------------------------------------------------------
// Result
// ---------------------------------------------------------------------------

// What a block is, as a reader would call it.
enum class BlockKind : std::uint8_t {
  kParagraph,  // running text (also a <div> or <td> holding only text)
  kHeading,    // h1..h6; Block::level holds 1..6
  kListItem,   // li/dt/dd; Block::level holds the list nesting depth (1..)
  kTableRow,   // a row of a data table; cells separated by '\t' in text
  kCode,       // <pre>: text kept verbatim
  kCaption,    // figcaption, image credit: never part of plain text
  kImage,      // <img>: Block::src and Block::text (alt text)
};

// Why a block is (or is not) in the article.
enum class Label : std::uint8_t {
  kContent,      // the article's body
  kBoilerplate,  // anything around or inside it that is not the article
  kComment,      // a reader comment (kept only with Options::include_comments)
};

// What decided a block's label (Block::reason). to_string() gives the word
// the JSON writes ("region", "nav", "link-density", ...).
enum class Reason : std::uint8_t {
  // Where the block stands.
  kOutside,       // "outside": outside the article's region
  kRegion,        // "region": inside it, with enough content evidence
  kContinues,     // "continues": prose just before or after the region
  kFallback,      // "fallback": nothing passed; the region's unmarked blocks
  kList,          // "list": an item of a list whose items are mostly content
  kMedia,         // "media": an image or caption of the article
  kMediaOutside,  // "media-outside": an image or caption away from it
  kModel,         // "model": kept by the classifier against the rules
  kModelDrop,     // "model-drop": dropped by the classifier against the rules
  kLinkDensity,   // "link-density": mostly link text
  kWeak,          // "weak": too little content evidence, no other mark
  // What its element's class, id or role, or its own text, says it is.
  kComment,       // "comment"
  kConsent,       // "consent"
  kNewsletter,    // "newsletter"
  kDonate,        // "donate"
  kShare,         // "share"
  kAd,            // "ad"
  kRelated,       // "related"
  kFeed,          // "feed"
  kBreadcrumb,    // "breadcrumb"
  kNav,           // "nav"
  kModal,         // "modal"
  kLogin,         // "login"
  kFooter,        // "footer"
  kHeader,        // "header"
  kSidebar,       // "sidebar"
  kTags,          // "tags"
  kTools,         // "tools"
  kAudio,         // "audio"
  kForm,          // "form"
  kAuthorBio,     // "author-bio"
  kByline,        // "byline"
  kCaption,       // "caption"
  kReadAlso,      // "read-also"
  kReadingTime,   // "reading-time"
  kCopyright,     // "copyright"
  kPrevNext,      // "prev-next"
  kMoreLink,      // "more-link"
  kCredit,        // "credit"
  kHeadline,      // "headline": the article's headline, which is Result's title, not its text
  // How the page's kind reads it (Result::page_type; lib/regions.h).
  kPost,          // "post": the text of a post of a forum thread
  kPostMeta,      // "post-meta": a post's author line, date, counts and buttons
  kItem,          // "item": an item of a listing or collection (its title, price, summary)
  kReview,        // "review": a product's reviews and ratings (a product page's reading)
};

// Why a Result has no text (Result::empty_reason). to_string() gives a word
// ("no-text"), describe() the sentence the JSON writes.
enum class EmptyReason : std::uint8_t {
  kNone,       // "none": the Result has text
  kNoText,     // "no-text": the page has no visible text
  kNoArticle,  // "no-article": no block of the page reads as an article
  // Bytes that are no web page (lib/sniff); nothing is extracted from them.
  kPdf,         // "pdf": "not a web page: a PDF document"
  kImage,       // "image": PNG, JPEG, GIF, WebP, AVIF, HEIF, TIFF, icon, ...
  kGzip,        // "gzip": gzip-compressed data (saved without its .gz name or encoding)
  kCompressed,  // "compressed": bzip2, xz, zstd or LZ4 data
  kArchive,     // "archive": ZIP (also docx, xlsx, epub, jar), tar, 7z, RAR
  kDocument,    // "document": an office document (OLE) or a database file
  kExecutable,  // "executable": ELF, Mach-O, Java class, WebAssembly
  kMedia,       // "media": audio or video
  kFont,        // "font": a font file
  kBinary,      // "binary": binary data without a known signature
};

// An inline range inside Block::text, in bytes.
struct Span {
  enum class Kind : std::uint8_t { kLink, kEmphasis, kStrong, kCode };
  Kind kind;
  std::uint32_t begin;
  std::uint32_t end;
  // kLink only: resolved against PageInfo::url when known; empty when the
  // page's URL may not be shown (see RenderOptions::include_links).
  std::string href;
};

struct Block {
  BlockKind kind = BlockKind::kParagraph;
  Label label = Label::kBoilerplate;
  // Heading level 1..6, list nesting depth, or 0.
  std::uint8_t level = 0;
  // Nesting depth in <blockquote> elements (0: not a quotation).
  std::uint8_t quote_depth = 0;
  // For kListItem: the list is ordered (<ol>).
  bool ordered = false;
  // Visible text, whitespace collapsed (kept verbatim for kCode); lines
  // broken by <br> are separated by '\n'.
  std::string text;
  // Links and emphasis inside text.
  std::vector<Span> spans;
  // kImage: the image URL (resolved against PageInfo::url when known;
  // http, https or relative only: an image with another is no block).
  std::string src;
  // Confidence that the block is article content, in [0, 1].
  float score = 0;
  // What decided the label (to_string(): "region", "nav", "link-density", ...).
  Reason reason = Reason::kOutside;
  // The element path, e.g. "body>div#main>article.post>p": the innermost 32
  // elements ("...>" stands for the outer ones of a deeper path), each id and
  // first class cut at 40 bytes.
  std::string path;
};

// Where a metadata value came from.
enum class Source : std::uint8_t { kNone, kJsonLd, kMeta, kMarkup, kUrl, kText };

struct Metadata {
  // The headline: the article's <h1>, JSON-LD headline, og:title or <title>,
  // chosen by agreement, without the site's name (" | Site", "Site - ").
  std::string title;
  // Clean person names (an organisation only when the page names no person;
  // the site's own name only when its author fields name nothing else),
  // without "By", roles, dates, e-mail addresses or handles; never a URL,
  // or "Admin" / "Staff" alone.
  std::vector<std::string> authors;
  // Published, ISO 8601: YYYY-MM-DD, then Thh:mm[:ss] and the zone (Z,
  // +hh:mm) when the page gives them; the page's own zone, never converted.
  // Never a copyright year, a comment's date, a feed's date, or the
  // "updated" date when an original one exists. When the page has only an
  // updated date, that date (and date_modified holds it too).
  std::string date;
  std::string date_modified;         // ISO 8601, or empty
  std::string site_name;
  std::string language;              // BCP 47 primary tag, e.g. "en", "zh"
  std::string description;
  std::string url;                   // canonical URL, else PageInfo::url (http(s) only)
  std::string image;                 // main image URL (http(s) or relative only)
  std::vector<std::string> categories;  // sections (article:section, articleSection)
  std::vector<std::string> tags;        // article:tag, keywords

  // Where each field came from (kNone when empty): kJsonLd for the page's
  // schema.org JSON-LD, kMeta for <meta> tags (also microdata <meta>),
  // kMarkup for elements (<h1>, <time>, itemprop, rel=author, byline
  // elements, <html lang>, <link rel=canonical>), kUrl for the URL path,
  // kText for words found in the visible text (a "By ..." line, a date
  // written out, the script of the text for the language).
  struct Sources {
    Source title = Source::kNone;
    Source authors = Source::kNone;
    Source date = Source::kNone;
    Source date_modified = Source::kNone;
    Source site_name = Source::kNone;
    Source language = Source::kNone;
    Source description = Source::kNone;
    Source url = Source::kNone;
    Source image = Source::kNone;
    Source categories = Source::kNone;
    Source tags = Source::kNone;
  } sources;

  // Authors joined by ", " (empty when none).
  std::string author() const;
};

// What kind of page it is (Result::page_type).
enum class PageType : std::uint8_t {
  kArticle,        // news, blog post, essay, report: running prose
  kForum,          // a forum thread, a question and its answers, a discussion
  kProduct,        // one product (or offer) with its description and specifications
  kListing,        // a listing or collection: category, search, archive, tag or card pages
  kDocumentation,  // reference, guides, API documentation
  kService,        // a service, company or landing page
  kOther,          // none of these with confidence (see Result::page_type_confidence)
};

// One post of a forum thread (Result::posts): who wrote it and when, as the
// post shows them, and where its blocks are.
struct Post {
  std::string author;  // the name the post shows, or empty
  std::string date;    // ISO 8601 as far as shown, or empty
  std::string text;    // its blocks labelled content, one line each
  // The post's blocks: Result::blocks[first_block, end_block) (its text is
  // those labelled content).
  std::size_t first_block = 0;
  std::size_t end_block = 0;
};

struct Result {
  std::string text;      // the article as plain text (see render)
  std::string markdown;  // the article as Markdown
  std::string html;      // the article as a small clean HTML fragment
  std::string comments;  // comment threads as text (include_comments only)
  Metadata metadata;
  // Every block of the page in document order, with its label and score.
  std::vector<Block> blocks;
  // The charset the bytes were decoded from (e.g. "windows-1251").
  std::string charset;
  // Why no article was found: kNone exactly when text is not empty
  // (describe() gives the sentence, to_string() a word). For bytes that are
  // no web page, what they are (kPdf: "not a web page: a PDF document").
  EmptyReason empty_reason = EmptyReason::kNone;
  // The kind of page, from general features (schema.org types, og:type, the
  // URL's shape, the layout of the text, the words of buttons and labels),
  // weighed by a small classifier; kOther when no kind reaches 0.4.
  PageType page_type = PageType::kOther;
  // The classifier's probability of page_type (of the likeliest kind, for
  // kOther), in [0, 1]; 0 when nothing was read.
  float page_type_confidence = 0;
  // Its probability that the page is an article (what Readability's
  // isProbablyReaderable answers), in [0, 1].
  float article_probability = 0;
  // A forum thread's posts in page order, when the page is read as a thread
  // (page_type kForum); empty otherwise. The first post's author and date
  // are the page's (metadata.authors, metadata.date) when it shows them.
  std::vector<Post> posts;
};

// Equal in every field (scores compared exactly): a Result read back, or
// made on another thread, is the same Result.
bool operator==(const Span& a, const Span& b);
bool operator==(const Block& a, const Block& b);
bool operator==(const Post& a, const Post& b);
bool operator==(const Metadata::Sources& a, const Metadata::Sources& b);
bool operator==(const Metadata& a, const Metadata& b);
bool operator==(const Result& a, const Result& b);
inline bool operator!=(const Span& a, const Span& b) { return !(a == b); }
inline bool operator!=(const Block& a, const Block& b) { return !(a == b); }
inline bool operator!=(const Metadata& a, const Metadata& b) { return !(a == b); }
inline bool operator!=(const Result& a, const Result& b) { return !(a == b); }

// What Extractor::explain() returns: the Result, and the page with every
// block's decision drawn on it.
struct Explained {
  Result result;
  // The explain view: one self-contained HTML document (UTF-8) showing the
  // page as its own markup and style sheets lay it out, with every block
  // outlined and tinted by what the extractor made of it (body, title,
  // byline, date, caption, comments, newsletter, donation, related, share,
  // cookie, ad, navigation, other; solid outline kept, dashed dropped,
  // dotted comment), its name written on it; hovering or focusing a box
  // (Tab) shows its score, reason and element path. A side panel holds the
  // legend, the metadata with the source of each field (and the page type
  // where the Result has one), the extracted text with each line linking
  // to its box, every block, and the elements the page hides.
  //
  // Safe to open: a Content-Security-Policy forbids every script and every
  // request; the page is written back from its parsed tree without its
  // scripts, frames, objects, handlers, forms' actions, SVG/MathML content
  // or any URL (links keep their text, images their place and alt text);
  // its CSS loses url(), @import and the like. Nothing in the view is
  // script: cards are CSS, links are #fragments. Style sheets the page
  // links to are not in the file, so such pages lay out unstyled.
  std::string html;
};

// ---------------------------------------------------------------------------
// Extractor
// ---------------------------------------------------------------------------

struct BatchPage;
struct BatchResult;
struct BatchOptions;

class Extractor {
 public:
  // Compiles all patterns. Throws Error(kInvalidOption) for bad options.
  explicit Extractor(Options options = {});
  ~Extractor();
  Extractor(const Extractor&);
  Extractor& operator=(const Extractor&);
  Extractor(Extractor&&) noexcept;
  Extractor& operator=(Extractor&&) noexcept;

  // Extracts the article from one page's raw bytes. Thread-safe.
  // Throws Error(kInputTooLarge) when html.size() > max_input_bytes.
  Result extract(std::string_view html, const PageInfo& page = {}) const;

  // Extracts a stream of pages on several threads and hands back the
  // results in input order (see "Batches" below for the three types).
  //
  // `next` fills the next page and returns true, or returns false at the
  // end; it is called by one thread at a time, in input order, so it may
  // read a list, an iterator or an archive as it goes. `done` gets each
  // result on the calling thread, in input order; it may move from it, and
  // returning false stops the batch (no page is started after that, those
  // under way are finished and dropped). A page that fails (its read error,
  // input over max_input_bytes, out of memory) gets its error in its result
  // and costs no other page. An exception from `next`, `done` or `poll`
  // stops the batch and is rethrown here once every worker has stopped.
  // Returns the number of results handed to `done`.
  std::size_t extract_many(const std::function<bool(BatchPage&)>& next,
                           const std::function<bool(BatchResult&)>& done,
                           const BatchOptions& options) const;

  // extract(), and the explain view of the page (see Explained). The Result
  // is the one extract() gives. Writing the view costs about an eighth of
  // extract() (bench/extract_bench.cc, BM_ExplainCost: 11.6 % on the
  // evaluation pages). Thread-safe; throws as extract() does.
  Explained explain(std::string_view html, const PageInfo& page = {}) const;

  const Options& options() const noexcept;

  struct Impl;

 private:
  std::shared_ptr<const Impl> impl_;
};

// One-off extraction: builds an Extractor for this call only. Prefer a shared
// Extractor when extracting more than one page.
Result extract(std::string_view html, const PageInfo& page = {},
               const Options& options = {});

// ---------------------------------------------------------------------------
// Rendering a Result (already done by extract(); here for re-rendering)
// ---------------------------------------------------------------------------

// Plain text of the blocks labelled `label`: one block per paragraph with a
// blank line between; consecutive list items and table rows on their own
// lines; headings as their own paragraphs. Captions and images left out;
// tables too when options.include_tables is false.
std::string render_text(const std::vector<Block>& blocks, const RenderOptions& options = {},
                        Label label = Label::kContent);

// Markdown of the blocks labelled `label` (headings, lists, tables, quotes,
// code; links and images as RenderOptions say).
std::string render_markdown(const std::vector<Block>& blocks,
                            const RenderOptions& options = {},
                            Label label = Label::kContent);

// Plain text written so that Markdown shows it as it is: no page text
// becomes a link, an image, emphasis, a heading or raw HTML (what
// render_markdown does to the text of every block; for a title or a byline
// written around its output).
std::string markdown_escape(std::string_view text);

// An HTML fragment of the blocks labelled `label`.
std::string render_html(const std::vector<Block>& blocks,
                        const RenderOptions& options = {},
                        Label label = Label::kContent);

// A key and its value that a page's JSON carries beside the extracted
// fields (a WARC record's id, target URI and date): see JsonOptions::fields.
using Field = std::pair<std::string, std::string>;

struct JsonOptions {
  // Add "source" (an input's name, e.g. a file path) as the first key.
  std::string source;
  bool with_source = false;
  // Keys written after "source" (before "url"), in this order; an empty
  // value is written as null.
  std::vector<Field> fields;
  // Add "markdown", "comments", "description", "image", "tags", ... and
  // "sources" (where each metadata field came from).
  bool full = false;
  // Add "blocks" (every block with label, score, reason, path).
  bool with_blocks = false;
  // Pretty-print with two-space indentation (default: one line).
  bool pretty = false;
  // Non-empty: the page could not be read or extracted; added as the last
  // key, "error" (see render_error()).
  std::string error;
};

// One JSON object: source, url, title, author, authors, date, site_name,
// language, page_type, text (null where unknown), plus what JsonOptions
// adds (full: page_type_confidence, article_probability, ...).
std::string render_json(const Result& result, const JsonOptions& options = {});

// ---------------------------------------------------------------------------
// Documents: a page's output as the command-line tool writes it
// ---------------------------------------------------------------------------

enum class Format : std::uint8_t {
  kText,       // "text": the article's text
  kMarkdown,   // "markdown"
  kHtml,       // "html": the HTML fragment
  kJson,       // "json": render_json(), pretty unless one of several
  kJsonLines,  // "jsonl": render_json() on one line
};

struct DocumentOptions {
  Format format = Format::kText;
  // Text and Markdown: the title, author, date (text also site and URL)
  // before the article.
  bool with_metadata = false;
  // JSON: JsonOptions::full and JsonOptions::with_blocks.
  bool full = false;
  bool with_blocks = false;
  // One of several documents in one stream: text and Markdown begin with a
  // "==> SOURCE <==" or "<!-- SOURCE -->" line and end with a blank line;
  // JSON is one line.
  bool several = false;
};

// The document of one page, newline-terminated (HTML as the fragment is):
// text or Markdown (comments after a "--- comments ---" line or a
// "## Comments" heading), the HTML fragment, or the JSON object with
// "source" first and `fields` after it (JsonOptions::fields).
std::string render_document(const Result& result, std::string_view source,
                            const DocumentOptions& options,
                            const std::vector<Field>& fields = {});

// What stands in the place of a page that could not be read or extracted:
// in JSON, the object of an empty Result with "error" last, on one line;
// in the other formats nothing (the message belongs on standard error).
std::string render_error(std::string_view source, std::string_view message,
                         const DocumentOptions& options,
                         const std::vector<Field>& fields = {});

// ---------------------------------------------------------------------------
// Batches (Extractor::extract_many)
// ---------------------------------------------------------------------------

// One page of a batch, filled by the caller's `next` (and BatchOptions::load).
struct BatchPage {
  std::size_t index = 0;  // set by the batch: 0, 1, 2, ... in input order
  std::string source;     // the caller's name for the page (a path, a record id)
  // The bytes: a view of memory the caller keeps alive until the page's
  // result is handed back, or (when the view is empty) `owned`.
  std::string_view html;
  std::string owned;
  PageInfo info;
  // Set: the page could not be read; it is not extracted, and its result
  // carries this error.
  std::string error;
  // More keys for the page's JSON document, after "source" (a WARC
  // record's id, target URI and date); handed back in BatchResult::fields.
  std::vector<Field> fields;
};

struct BatchResult {
  std::size_t index = 0;  // the page's index
  std::string source;     // the page's source
  Result result;          // empty when error is set, or with BatchOptions::document
  // Why the page has no result: its read error, or what extract() threw
  // ("extractor: input of 70000000 bytes exceeds max_input_bytes (...)").
  std::string error;
  // With BatchOptions::document: render_document() of the result, or
  // render_error() of the error.
  std::string document;
  std::vector<Field> fields;  // the page's BatchPage::fields
  // With BatchOptions::explain: the page's explain view (Explained::html).
  std::string explain_html;
};

struct BatchOptions {
  // Worker threads; 0: one per core. With 1, the calling thread does the
  // work. Fewer are used when the system refuses more.
  unsigned threads = 0;
  // The most pages taken from `next` whose results `done` has not returned
  // from, so that memory stays flat however long the stream; 0: 8 per thread.
  std::size_t window = 0;
  // Run on a worker before extraction, for a page without error: fills
  // page.owned (reads the file page.source, say) or sets page.error. An
  // exception it throws becomes the page's error.
  std::function<void(BatchPage&)> load;
  // With a value: each result's document is rendered on its worker into
  // BatchResult::document, and the Result itself is not kept.
  std::optional<DocumentOptions> document;
  // Each page's explain view too (Extractor::explain), into
  // BatchResult::explain_html.
  bool explain = false;
  // Called on the calling thread about every 100 ms while it waits, and
  // between pages; false stops the batch as `done` returning false does
  // (a Ctrl-C check, say).
  std::function<bool()> poll;
};

// ---------------------------------------------------------------------------
// Names
// ---------------------------------------------------------------------------

// The words the JSON, the command line and the Python module use for enum
// values ("paragraph", "content", "json-ld", "link-density", "recall", ...).
const char* to_string(BlockKind kind);
const char* to_string(Label label);
const char* to_string(Source source);
const char* to_string(Reason reason);
const char* to_string(EmptyReason reason);
const char* to_string(Span::Kind kind);
const char* to_string(Focus focus);
const char* to_string(Format format);
const char* to_string(ErrorCode code);
const char* to_string(PageType type);  // "article", "forum", "product", ...

// The sentence that says why a Result is empty ("" for kNone).
const char* describe(EmptyReason reason);

// The value whose to_string() is `name` (for EmptyReason, describe() is
// read too). Throws Error(kInvalidOption) naming the values there are.
// Defined for BlockKind, Label, Source, Reason, EmptyReason, Span::Kind,
// Focus, Format and PageType.
template <typename Enum>
Enum from_string(std::string_view name);

// The converter a charset label names, as browsers read labels ("gb2312"
// -> "gb18030", "latin1" -> "windows-1252", "UTF8" -> "utf-8"), or "" when
// neither the WHATWG table nor ICU knows it (PageInfo::charset ignores such
// a label; a tool may refuse it).
std::string canonical_charset(std::string_view label);

// The library's version, "MAJOR.MINOR.PATCH" (EXTRACTOR_VERSION is the
// header's, from extractor/version.h).
const char* version() noexcept;

}  // namespace extractor

#endif  // EXTRACTOR_EXTRACTOR_H_
