// The pipeline: each stage in order, nothing else.
#include "extractor/extractor.h"

#include <algorithm>
#include <optional>
#include <string>

#include "decode.h"
#include "dom.h"
#include "block_features.h"
#include "chars.h"
#include "metadata.h"
#include "metadata_posts.h"
#include "pagetype.h"
#include "patterns.h"
#include "prescan.h"
#include "regions.h"
#include "render_explain.h"
#include "safe_url.h"
#include "score.h"
#include "segment.h"
#include "sniff.h"

namespace extractor {

struct Extractor::Impl {
  Options options;
  Patterns patterns;
  explicit Impl(Options o) : options(std::move(o)) {}
};

namespace {

void validate(const Options& o) {
  if (o.max_input_bytes == 0)
    throw Error(ErrorCode::kInvalidOption, "extractor: max_input_bytes must be greater than 0");
  if (o.max_depth < 16 || o.max_depth > 100000)
    throw Error(ErrorCode::kInvalidOption,
                "extractor: max_depth must be in [16, 100000], got " +
                    std::to_string(o.max_depth));
}

// Elements named in Block::path, innermost first. A path names a block's
// place for a reader; past a few dozen levels it is noise, and building it
// whole made the output (and the time) depth x blocks: 100,000 paragraphs
// 500 levels deep were a gigabyte of paths.
constexpr std::size_t kPathElements = 32;

// "div#main.post": one element's step of a path.
std::string path_step(const GumboNode* node) {
  std::string step;
  const GumboTag tag = node->v.element.tag;
  if (tag == GUMBO_TAG_UNKNOWN) {
    GumboStringPiece name = node->v.element.original_tag;
    if (name.data != nullptr) {
      gumbo_tag_from_original_text(&name);
      step.append(name.data, name.length);
    }
  } else {
    step += gumbo_normalized_tagname(tag);
  }
  const std::string_view id = attribute(node, "id");
  if (!id.empty()) {
    step += '#';
    step.append(utf8_prefix(id, 40));
  }
  std::string_view cls = attribute(node, "class");
  while (!cls.empty() && cls.front() == ' ') cls.remove_prefix(1);
  if (!cls.empty()) {
    step += '.';
    step.append(utf8_prefix(cls.substr(0, cls.find(' ')), 40));
  }
  return step;
}

// Frees what `x` holds now. (Assigning an empty string would not: a string
// move-assigned from a short one keeps its buffer.)
template <class T>
void release(T& x) {
  T gone(std::move(x));
}

// "body>div#main>article.post>p" for a block's element; "...>" stands for
// the outer elements of a path longer than kPathElements. Each element's
// step is made once per page (blocks share their ancestors).
class Paths {
 public:
  explicit Paths(const Segments& seg) : seg_(seg), steps_(seg.elements.size()) {}

  std::string of(int element) {
    chain_.clear();
    int e = element;
    for (; e >= 0 && chain_.size() < kPathElements;
         e = seg_.elements[static_cast<std::size_t>(e)].parent)
      chain_.push_back(e);
    std::string path = e >= 0 ? "..." : "";
    for (auto it = chain_.rbegin(); it != chain_.rend(); ++it) {
      std::optional<std::string>& step = steps_[static_cast<std::size_t>(*it)];
      if (!step) step = path_step(seg_.elements[static_cast<std::size_t>(*it)].node);
      if (!path.empty()) path += '>';
      path += *step;
    }
    return path;
  }

 private:
  const Segments& seg_;
  std::vector<std::optional<std::string>> steps_;
  std::vector<int> chain_;
};

}  // namespace

Extractor::Extractor(Options options) {
  validate(options);
  impl_ = std::make_shared<const Impl>(std::move(options));
}
Extractor::~Extractor() = default;
Extractor::Extractor(const Extractor&) = default;
Extractor& Extractor::operator=(const Extractor&) = default;
Extractor::Extractor(Extractor&&) noexcept = default;
Extractor& Extractor::operator=(Extractor&&) noexcept = default;

const Options& Extractor::options() const noexcept { return impl_->options; }

namespace {

// The page's own URL and its main image are shown as links: only http(s)
// or relative ones (safe_url.h); any other is dropped with its source.
void keep_safe_urls(Metadata* m) {
  m->url = safe_url(m->url, UrlUse::kImage);
  if (m->url.empty()) m->sources.url = Source::kNone;
  m->image = safe_url(m->image, UrlUse::kImage);
  if (m->image.empty()) m->sources.image = Source::kNone;
}

// The page's blocks, labelled, and its metadata, into `result`; with
// `view`, also what the explain view shows of the page, read while the tree
// is alive (render_explain.h).
//
// Memory: on a text-dense page each copy of the text weighs as much as the
// page, and the tree several times that. So the tree goes once the blocks'
// paths are read from it, and the blocks' working data before the caller
// writes the outputs.
void analyze(Prescanned pre, const Options& options, const Patterns& patterns,
             const PageInfo& page, Result* result, PageCapture* view) {
  Segments segments;
  Scores scores;
  std::vector<std::string> paths;
  {
    const Dom dom(std::move(pre.html), pre.stash);
    release(pre.stash);  // back in the tree now
    read_blocks(dom, patterns, options, page.url, &segments, &scores);
    result->metadata =
        extract_metadata(MetadataInput{dom, pre.json_ld, segments, scores, page, patterns});
    // The kind of page (the URL's shape: the canonical one where the page
    // names it), when anything tells it: text, JSON-LD, a title or a URL (a
    // forum whose posts are rendered by script shows no text at all).
    // The caller's word, when given, stands instead.
    if (page.page_type) {
      result->page_type = *page.page_type;
      result->page_type_confidence = page.page_type_confidence;
      result->article_probability =
          *page.page_type == PageType::kArticle ? page.page_type_confidence : 0.0f;
    } else if (!segments.blocks.empty() || !pre.json_ld.empty() ||
               !result->metadata.title.empty() || !result->metadata.url.empty()) {
      const PageClass kind = classify_page(
          page_features(PageTypeInput{dom, pre.json_ld, segments, scores, result->metadata, patterns}));
      result->page_type = kind.type;
      result->page_type_confidence = kind.confidence;
      result->article_probability = kind.article_probability;
    }
    // A forum thread's replies are its content; on every other page reader
    // comments are comments, whatever the classifier made of them.
    std::vector<int> posts;
    if (!read_as_type(segments, patterns, result->page_type, result->page_type_confidence,
                      &scores, &posts))
      keep_comments_out(options.include_comments, &scores);
    leave_headline_out(segments, result->metadata.title, &scores);
    read_posts(segments, scores, posts, patterns, page, result);
    keep_safe_urls(&result->metadata);

    Paths of(segments);
    paths.reserve(segments.blocks.size());
    for (const TextBlock& tb : segments.blocks) paths.push_back(of.of(tb.element));
    if (view != nullptr) {
      std::vector<std::string> hidden_paths;
      hidden_paths.reserve(segments.hidden.size());
      for (const HiddenElement& h : segments.hidden)
        hidden_paths.push_back(h.parent >= 0 ? of.of(h.parent) + ">" + path_step(h.node)
                                             : path_step(h.node));
      capture_page(dom, segments, scores, paths, hidden_paths, pre.styles,
                   result->metadata.title, view);
    }
  }  // the tree is gone: segments' element nodes dangle from here on

  result->blocks.clear();
  result->blocks.reserve(segments.blocks.size());
  for (std::size_t i = 0; i < segments.blocks.size(); ++i) {
    TextBlock& tb = segments.blocks[i];
    Block b;
    b.kind = tb.kind;
    b.label = scores.labels[i];
    b.level = tb.level;
    b.quote_depth = tb.quote_depth;
    b.ordered = tb.ordered;
    b.score = scores.content[i];
    b.reason = scores.reasons[i];
    b.path = std::move(paths[i]);
    b.text = std::move(tb.text);
    b.spans = std::move(tb.spans);
    b.src = std::move(tb.src);
    result->blocks.push_back(std::move(b));
  }
  for (Post& p : result->posts) {
    for (std::size_t i = p.first_block; i < p.end_block && i < result->blocks.size(); ++i) {
      const Block& b = result->blocks[i];
      if (b.label != Label::kContent || b.kind == BlockKind::kImage || b.text.empty()) continue;
      if (!p.text.empty()) p.text += '\n';
      p.text += b.text;
    }
  }
}

// Bytes of text in the blocks labelled content.
std::size_t content_bytes(const Result& r) {
  std::size_t n = 0;
  for (const Block& b : r.blocks)
    if (b.label == Label::kContent && b.kind != BlockKind::kImage) n += b.text.size();
  return n;
}

// extract() and explain(): the pipeline, and with `view` the explain view's
// capture of the page (the first prescan then keeps what a layout needs:
// PrescanOptions::keep_layout, which changes nothing the stages read).
Result run(const Options& options, const Patterns& patterns, std::string_view html,
           const PageInfo& page, PageCapture* view) {
  if (html.size() > options.max_input_bytes)
    throw Error(ErrorCode::kInputTooLarge,
                "extractor: input of " + std::to_string(html.size()) +
                    " bytes exceeds max_input_bytes (" +
                    std::to_string(options.max_input_bytes) + ")");
  Result result;
  // A PDF, an image, an archive or compressed bytes: no page to read.
  if (const EmptyReason what = sniff_binary(html); what != EmptyReason::kNone) {
    result.empty_reason = what;
    return result;
  }
  Decoded decoded = decode(html, patterns.charsets(), page.charset);
  result.charset = std::move(decoded.charset);

  PrescanOptions scan = PrescanOptions::all(options.max_depth);
  scan.keep_layout = view != nullptr;
  Prescanned pre = prescan(decoded.text, scan);
  // A page whose script renders markup templates may hold its article only
  // there (blogs that ship the post as <script type="text/template">): when
  // the page as shown yields no article (under 200 bytes of text), the
  // templates are read as part of it, and that reading stands if it finds
  // more. The decoded text is kept for that only on such pages.
  const bool templates = pre.has_templates;
  if (!templates) release(decoded.text);  // before the parse
  analyze(std::move(pre), options, patterns, page, &result, view);
  if (templates && content_bytes(result) < kArticleBytes) {
    scan.unwrap_templates = true;
    Result again;
    again.charset = result.charset;
    PageCapture view_again;
    analyze(prescan(decoded.text, scan), options, patterns, page, &again,
            view != nullptr ? &view_again : nullptr);
    if (content_bytes(again) > content_bytes(result)) {
      // The kind of page is the page as shown, not its templates read as markup.
      again.page_type = result.page_type;
      again.page_type_confidence = result.page_type_confidence;
      again.article_probability = result.article_probability;
      result = std::move(again);
      if (view != nullptr) *view = std::move(view_again);
    }
  }
  release(decoded.text);

  result.text = render_text(result.blocks, options, Label::kContent);
  result.markdown = render_markdown(result.blocks, options, Label::kContent);
  result.html = render_html(result.blocks, options, Label::kContent);
  if (options.include_comments) result.comments = render_text(result.blocks, options, Label::kComment);
  if (result.text.empty())
    result.empty_reason = result.blocks.empty() ? EmptyReason::kNoText : EmptyReason::kNoArticle;
  return result;
}

}  // namespace

Result Extractor::extract(std::string_view html, const PageInfo& page) const {
  return run(impl_->options, impl_->patterns, html, page, nullptr);
}

Explained Extractor::explain(std::string_view html, const PageInfo& page) const {
  Explained out;
  PageCapture view;
  out.result = run(impl_->options, impl_->patterns, html, page, &view);
  out.html = render_explain(view, out.result, impl_->options);
  return out;
}

Result extract(std::string_view html, const PageInfo& page, const Options& options) {
  return Extractor(options).extract(html, page);
}

}  // namespace extractor
