// Unit tests for lib/metadata_gather and lib/metadata_evidence: what the
// page's elements say (the <head>, marks, headings and the text read from
// them), where an article's metadata is not (away cues), and the window of
// elements read. Pages are parsed: this is the stage that reads them.
#include "metadata_evidence.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "block_features.h"
#include "dom.h"
#include "metadata_test_util.h"
#include "patterns.h"
#include "prescan.h"
#include "score.h"
#include "segment.h"

namespace extractor {
namespace {

using namespace test_util;  // NOLINT: the shared helpers

const Patterns& Pats() {
  static const Patterns* const kPatterns = new Patterns();
  return *kPatterns;
}

// A page through the stages before metadata, and its evidence.
struct Page {
  explicit Page(const std::string& html, const std::string& url = "")
      : pre(prescan(html, PrescanOptions::all(512))),
        dom(pre.html, pre.stash),
        seg(segment(dom, Pats(), options, url)) {
    info.url = url;
    compute_features(&seg.blocks, Pats());
    scores = score(seg, options);
    // The evidence keeps a reference to its input: it lives here.
    input = std::make_unique<const MetadataInput>(
        MetadataInput{dom, pre.json_ld, seg, scores, info, Pats()});
    ev = std::make_unique<const Evidence>(*input);
  }
  const Gathered& g() const { return ev->gathered; }

  Options options;
  PageInfo info;
  Prescanned pre;
  Dom dom;
  Segments seg;
  Scores scores;
  std::unique_ptr<const MetadataInput> input;
  std::unique_ptr<const Evidence> ev;
};

TEST(MetadataEvidence, TheHead) {
  const Page p(
      "<html lang=\"de-AT\"><head><title>  Budget\n vote | Gazette </title>"
      "<meta property=\"og:title\" content=\"Budget vote\">"
      "<meta name=\"DC:Creator\" content=\"Doe, Jane\">"
      "<meta name=\"description\" value=\"Written with value=\">"
      "<link rel=\"canonical\" href=\"/budget\"><link rel=\"image_src\" href=\"/i.jpg\">"
      "</head><body><p>x</p></body></html>");
  EXPECT_EQ(p.g().html_lang, "de-AT");
  EXPECT_EQ(p.g().title_tag, "Budget vote | Gazette");
  EXPECT_EQ(p.g().canonical, "/budget");
  EXPECT_EQ(p.g().image_src, "/i.jpg");
  EXPECT_EQ(p.ev->metas.first({"og:title"}), "Budget vote");
  // Keys lower-cased, Dublin Core's colon written as a dot.
  EXPECT_EQ(p.ev->metas.all("dc.creator"), (Strings{"Doe, Jane"}));
  EXPECT_EQ(p.ev->metas.first({"nothing", "description"}), "Written with value=");
  EXPECT_EQ(p.ev->metas.first({"nothing"}), "");
}

TEST(MetadataEvidence, HeadingsWithTheirParts) {
  const Page p(
      "<html><body><article><h1><span>Krach im Vorstand</span> Der Rat vertagt die "
      "Abstimmung</h1>" + kBody + "</article></body></html>");
  ASSERT_EQ(p.g().headings.size(), 1u);
  const Heading& h = p.g().headings[0];
  EXPECT_EQ(h.level, 1);
  EXPECT_EQ(h.text, "Krach im Vorstand Der Rat vertagt die Abstimmung");
  // The kicker is a label; the headline is the text after it.
  EXPECT_EQ(h.after_kicker, "Der Rat vertagt die Abstimmung");
}

TEST(MetadataEvidence, TextThatShowsNoneIsNotRead) {
  // Fallback text of media and frames, ruby annotations, scripts: no reader
  // sees them (the tag table, dom.h), in headings as in blocks.
  const Page p(
      "<html><body><article><h1>Budget vote <video>Your browser cannot play this"
      "</video>postponed<iframe>frame text</iframe> again<ruby>漢<rt>kan</rt></ruby></h1>" +
      kBody + "</article></body></html>");
  ASSERT_EQ(p.g().headings.size(), 1u);
  EXPECT_EQ(p.g().headings[0].text, "Budget vote postponed again漢");
}

TEST(MetadataEvidence, MarksNearTheArticle) {
  const Page p(
      "<html><body><article><h1>Budget vote postponed again tonight</h1>"
      "<p class=\"byline\">By <a rel=\"author\" href=\"/people/jane\">Jane Doe</a></p>"
      "<time datetime=\"2024-06-08T10:00:00Z\" pubdate>8 June</time>" +
      kBody + "<a rel=\"tag\" href=\"/t/budget\">Budget</a></article></body></html>");
  bool rel = false, time = false, tag = false;
  for (const Mark& m : p.g().marks) {
    if (m.kind == MarkKind::kAuthorRel) {
      rel = true;
      EXPECT_EQ(m.text, "Jane Doe");
    } else if (m.kind == MarkKind::kTime) {
      time = true;
      EXPECT_EQ(m.value, "2024-06-08T10:00:00Z");
      EXPECT_TRUE(m.pubdate);
    } else if (m.kind == MarkKind::kTagLink) {
      tag = true;
      EXPECT_EQ(m.text, "Budget");
    }
  }
  EXPECT_TRUE(rel);
  EXPECT_TRUE(time);
  EXPECT_TRUE(tag);
}

TEST(MetadataEvidence, AwayFromTheArticle) {
  const Page p(
      "<html><body><div class=\"sidebar\"><p>Other story by John Roe, 3 May</p></div>"
      "<article><h1>Budget vote postponed again tonight</h1>"
      "<aside class=\"sidebar\"><p>By Jane Doe</p></aside>" +
      kBody + "</article></body></html>");
  const std::vector<TextBlock>& blocks = p.seg.blocks;
  bool other = false, byline = false;
  for (const TextBlock& b : blocks) {
    if (b.text.rfind("Other story", 0) == 0) {
      other = true;
      EXPECT_TRUE(p.ev->away(b));
      EXPECT_TRUE(p.ev->away(b, kCueSidebar));
      EXPECT_FALSE(p.ev->away(b, kAwayForAuthors));  // a sidebar is not another article's
    }
    if (b.text == "By Jane Doe") {
      byline = true;
      // A short <aside> inside the article holds its byline.
      EXPECT_FALSE(p.ev->away(b));
    }
  }
  EXPECT_TRUE(other);
  EXPECT_TRUE(byline);
}

TEST(MetadataEvidence, AWrapperHoldingTheArticleIsNotAway) {
  // A column classed as a sidebar that holds the article ("with-sidebar"
  // layouts) says nothing about it.
  const Page p("<html><body><div class=\"sidebar\"><article><h1>Budget vote postponed "
               "again</h1>" + kBody + "</article></div></body></html>");
  for (const TextBlock& b : p.seg.blocks) EXPECT_FALSE(p.ev->away(b)) << b.text;
}

TEST(MetadataEvidence, TheWindowReadInFull) {
  Region r;
  r.found = true;
  r.begin = 100;
  r.end = 300;
  const ReadWindow w = read_window(r, 1000);
  EXPECT_EQ(w.begin, 40);
  EXPECT_EQ(w.end, 321);
  EXPECT_EQ(w.gap_begin, 140);
  EXPECT_EQ(w.gap_end, 288);
  // No region: the whole page, no gap.
  const ReadWindow all = read_window(Region(), 50);
  EXPECT_EQ(all.begin, 0);
  EXPECT_EQ(all.end, 51);
  EXPECT_EQ(all.gap_begin, all.gap_end);
}

TEST(MetadataEvidence, ThePostAuthorsComment) {
  const Page p(
      "<html><body><article><h1>Rebuilding a hub</h1>" + kBody + "</article>"
      "<ol class=\"comments\"><li class=\"comment\"><span class=\"comment-author\">Reader"
      "</span> Nice!</li><li class=\"comment bypostauthor\"><span class=\"comment-author\">"
      "Jane Doe</span> Thanks!</li></ol></body></html>");
  EXPECT_EQ(post_author_in_comments(p.seg), "Jane Doe");
}

}  // namespace
}  // namespace extractor
