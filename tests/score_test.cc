// Unit tests for lib/score: block labels, the region, pruning, focus.
//
// Each page is small and hand-written; the assertions name blocks by their
// text, so a failure prints what was kept and why.
#include "score.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <limits>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "dom.h"
#include "block_features.h"
#include "model.h"
#include "patterns.h"
#include "prescan.h"

namespace extractor {
namespace {

const Patterns& Pats() {
  static const Patterns* const kPatterns = new Patterns();
  return *kPatterns;
}

struct Scored {
  std::unique_ptr<Dom> dom;
  Segments seg;
  Scores scores;

  // The block whose text starts with `prefix` (fails the test when none).
  int find(const std::string& prefix) const {
    for (std::size_t i = 0; i < seg.blocks.size(); ++i)
      if (seg.blocks[i].text.compare(0, prefix.size(), prefix) == 0) return static_cast<int>(i);
    ADD_FAILURE() << "no block starts with \"" << prefix << "\"\n" << dump();
    return -1;
  }
  Label label(const std::string& prefix) const {
    const int i = find(prefix);
    return i < 0 ? Label::kBoilerplate : scores.labels[static_cast<std::size_t>(i)];
  }
  std::string reason(const std::string& prefix) const {
    const int i = find(prefix);
    return i < 0 ? "" : to_string(scores.reasons[static_cast<std::size_t>(i)]);
  }
  std::string dump() const {
    std::ostringstream os;
    for (std::size_t i = 0; i < seg.blocks.size(); ++i)
      os << "  [" << to_string(scores.labels[i]) << " " << to_string(scores.reasons[i]) << " "
         << scores.content[i] << "] " << seg.blocks[i].text.substr(0, 60) << "\n";
    return os.str();
  }
};

Scored Score(const std::string& html, const Options& options = {}) {
  Scored s;
  s.dom = std::make_unique<Dom>(prescan(html, PrescanOptions::all(options.max_depth)));
  s.seg = segment(*s.dom, Pats(), options, "https://example.com/news/story");
  compute_features(&s.seg.blocks, Pats());
  s.scores = score(s.seg, options);
  return s;
}

Options WithFocus(Focus f) {
  Options o;
  o.focus = f;
  return o;
}

// Article prose: long, punctuated, link-poor.
const std::string kP1 =
    "The city council voted on Tuesday to extend the tram line to the northern suburbs, "
    "a project that has been debated for more than a decade. Construction is expected to "
    "begin next spring and to last three years.";
const std::string kP2 =
    "Supporters of the plan say it will cut commuting times in half for thousands of "
    "residents. Opponents worry about the cost, which has risen by a third since the first "
    "estimate, and about years of disruption on the main roads.";
const std::string kP3 =
    "The mayor said the money would come from a mix of regional and national funds. \"We "
    "have waited long enough,\" she told reporters after the vote, adding that the first "
    "trams could run before the end of the decade.";
const std::string kP4 =
    "Local businesses along the route have asked for compensation during the works. The "
    "council promised to publish a detailed timetable for each section of the line before "
    "the end of the year.";

std::string Nav() {
  return "<header class=\"site-header\"><div class=\"logo\">Daily Example</div>"
         "<nav class=\"main-nav\"><ul><li><a href=\"/\">Home</a></li>"
         "<li><a href=\"/news\">News</a></li><li><a href=\"/sport\">Sport</a></li>"
         "<li><a href=\"/culture\">Culture</a></li><li><a href=\"/about\">About us</a></li>"
         "</ul></nav></header>";
}

std::string Sidebar() {
  return "<aside class=\"sidebar\"><h3>Most read</h3><ul>"
         "<li><a href=\"/a\">Heatwave expected to last until the weekend</a></li>"
         "<li><a href=\"/b\">Local team wins the regional cup final</a></li>"
         "<li><a href=\"/c\">New bakery opens in the old town square</a></li></ul></aside>";
}

std::string Footer() {
  return "<footer class=\"site-footer\"><p>© 2024 Daily Example. All rights reserved.</p>"
         "<p><a href=\"/privacy\">Privacy</a> <a href=\"/terms\">Terms</a> "
         "<a href=\"/contact\">Contact</a></p></footer>";
}

std::string Article(const std::string& inner) {
  return "<article class=\"story\"><h1>Council approves tram extension</h1>" + inner +
         "</article>";
}

// --- the region ------------------------------------------------------------------

TEST(Score, ArticleBetweenNavSidebarAndFooter) {
  const Scored s = Score("<body>" + Nav() + "<div class=\"layout\"><main>" +
                         Article("<p>" + kP1 + "</p><p>" + kP2 + "</p><p>" + kP3 + "</p>") +
                         "</main>" + Sidebar() + "</div>" + Footer() + "</body>");
  SCOPED_TRACE(s.dump());
  EXPECT_EQ(s.label(kP1.substr(0, 20)), Label::kContent);
  EXPECT_EQ(s.label(kP2.substr(0, 20)), Label::kContent);
  EXPECT_EQ(s.label(kP3.substr(0, 20)), Label::kContent);
  EXPECT_EQ(s.label("Council approves"), Label::kContent);
  for (const char* chrome : {"Daily Example", "Home", "News", "About us", "Most read",
                             "Heatwave", "Local team", "©", "Privacy"})
    EXPECT_EQ(s.label(chrome), Label::kBoilerplate) << chrome;
  // The region is the article (or <main> around it), not the page.
  const Element& region = s.seg.elements[static_cast<std::size_t>(s.scores.region)];
  EXPECT_TRUE(region.tag == GUMBO_TAG_ARTICLE || region.tag == GUMBO_TAG_MAIN)
      << gumbo_normalized_tagname(region.tag);
  EXPECT_EQ(s.reason(kP1.substr(0, 20)), "region");
  EXPECT_EQ(s.reason("Home"), "outside");
}

TEST(Score, ScoresInUnitInterval) {
  const Scored s = Score("<body>" + Nav() + Article("<p>" + kP1 + "</p>") + Footer());
  ASSERT_EQ(s.scores.content.size(), s.seg.blocks.size());
  ASSERT_EQ(s.scores.labels.size(), s.seg.blocks.size());
  ASSERT_EQ(s.scores.reasons.size(), s.seg.blocks.size());
  for (float c : s.scores.content) {
    EXPECT_GE(c, 0.0f);
    EXPECT_LE(c, 1.0f);
  }
  // Prose scores higher than a menu item.
  EXPECT_GT(s.scores.content[static_cast<std::size_t>(s.find(kP1.substr(0, 20)))],
            s.scores.content[static_cast<std::size_t>(s.find("Home"))]);
}

TEST(Score, RelatedListInsideArticlePruned) {
  const Scored s = Score(
      "<body>" + Nav() +
      Article("<p>" + kP1 + "</p><p>" + kP2 +
              "</p><div class=\"related-stories\"><h3>Related</h3><ul>"
              "<li><a href=\"/x\">Bus fares to rise in the new year</a></li>"
              "<li><a href=\"/y\">Cycle lanes planned for the ring road</a></li>"
              "<li><a href=\"/z\">What the tram extension means for you</a></li></ul></div>"
              "<p>" + kP3 + "</p><p>" + kP4 + "</p>") +
      Footer());
  SCOPED_TRACE(s.dump());
  for (const std::string& p : {kP1, kP2, kP3, kP4})
    EXPECT_EQ(s.label(p.substr(0, 20)), Label::kContent) << p.substr(0, 20);
  for (const char* rel : {"Related", "Bus fares", "Cycle lanes", "What the tram"})
    EXPECT_EQ(s.label(rel), Label::kBoilerplate) << rel;
  EXPECT_EQ(s.reason("Bus fares"), "related");
}

TEST(Score, ListInsideArticleKeptTogether) {
  // Release notes: most items read as prose; one is short and mostly link.
  const Scored s = Score(
      "<body>" + Nav() +
      Article("<p>" + kP1 + "</p><ul>"
              "<li>The tram line now stops at the hospital, the university and the "
              "new stadium, with a train every six minutes at peak hours.</li>"
              "<li>Tickets can be bought on board, at every stop and in the app, "
              "and monthly passes cost the same as on the buses.</li>"
              "<li>Night services run on Fridays and Saturdays until two in the "
              "morning, starting from the central station.</li>"
              "<li>Anna <a href=\"/changes/1234\">fixed the timetable</a></li>"
              "<li>Work on the second section, to the airport, begins in spring, "
              "and the council expects it to take two years.</li></ul><p>" + kP2 + "</p>") +
      Sidebar() + Footer());
  SCOPED_TRACE(s.dump());
  EXPECT_EQ(s.label("The tram line now stops"), Label::kContent);
  EXPECT_EQ(s.label("Anna fixed the timetable"), Label::kContent);
  // A list whose items mostly read as boilerplate stays out (the sidebar's).
  EXPECT_EQ(s.label("Heatwave"), Label::kBoilerplate);
}

TEST(Score, ReadAlsoLineInsideArticlePruned) {
  const Scored s = Score("<body>" + Article("<p>" + kP1 + "</p><p>Read also:</p><p>" + kP2 +
                                            "</p><p>Advertisement</p><p>" + kP3 + "</p>") +
                         "</body>");
  SCOPED_TRACE(s.dump());
  EXPECT_EQ(s.label("Read also:"), Label::kBoilerplate);
  EXPECT_EQ(s.label("Advertisement"), Label::kBoilerplate);
  EXPECT_EQ(s.reason("Read also:"), "read-also");
  EXPECT_EQ(s.label(kP3.substr(0, 20)), Label::kContent);
}

// --- comments -----------------------------------------------------------------------

std::string CommentsPage() {
  return "<body>" + Article("<p>" + kP1 + "</p><p>" + kP2 + "</p><p>" + kP3 + "</p>") +
         "<section id=\"comments\" class=\"comments-area\"><h2>3 comments</h2>"
         "<ol class=\"comment-list\">"
         "<li class=\"comment\"><p>This extension is long overdue. I commute from the north "
         "every day and the buses are always full, so I am glad the council finally "
         "agreed.</p></li>"
         "<li class=\"comment\"><p>Another decade of roadworks, then. I would like to see "
         "the detailed budget before anyone celebrates, because these projects always cost "
         "more.</p></li></ol>"
         "<form class=\"comment-form\"><p>Leave a reply</p></form></section></body>";
}

TEST(Score, CommentsDroppedByDefault) {
  const Scored s = Score(CommentsPage());
  SCOPED_TRACE(s.dump());
  EXPECT_EQ(s.label(kP1.substr(0, 20)), Label::kContent);
  EXPECT_EQ(s.label("This extension"), Label::kBoilerplate);
  EXPECT_EQ(s.label("Another decade"), Label::kBoilerplate);
  for (Label l : s.scores.labels) EXPECT_NE(l, Label::kComment);
}

TEST(Score, CommentsLabelledWithIncludeComments) {
  Options o;
  o.include_comments = true;
  const Scored s = Score(CommentsPage(), o);
  SCOPED_TRACE(s.dump());
  EXPECT_EQ(s.label(kP1.substr(0, 20)), Label::kContent);
  EXPECT_EQ(s.label("This extension"), Label::kComment);
  EXPECT_EQ(s.label("Another decade"), Label::kComment);
  // Not the thread's heading or its reply form.
  EXPECT_NE(s.label("3 comments"), Label::kComment);
  EXPECT_NE(s.label("Leave a reply"), Label::kComment);
}

// --- reader comments and the page type ------------------------------------------

// A blog post and its reader comments (a theme's "commentlist"): the
// classifier, trained where annotators count comments as text, keeps the
// longest comment; the page type puts it back among the comments.
std::string BlogWithComments() {
  const char* const post[] = {
      "I started keeping a notebook by the bed last winter, when the nights were long and my "
      "head was too full to sleep. It was meant to be a place for lists, nothing more.",
      "After a month the lists had turned into sentences, and the sentences into small stories "
      "about the day, the neighbours, the weather over the river and the dog's opinions.",
      "I am not sure what it is about writing by hand that slows the mind down, but it works "
      "for me. The pen is slower than the thoughts, so the thoughts have to wait their turn.",
      "So this is my question for you, since so many of you wrote last time about your own "
      "evening habits: what do you keep by the bed, and does it help you sleep at all?"};
  const char* const comments[] = {
      "I keep a glass of water and a paperback that I have read at least five times. Knowing "
      "how it ends is the point, because nothing in it can keep me awake, and I drift off in a "
      "few pages.",
      "A notebook here too, for years now. I write three things that went well that day, even "
      "on the bad days, and it changed how I think about the evening. My partner laughed at it "
      "for a year, then she started doing it too, and now we read each other the best lines on "
      "Sundays over breakfast, which is a habit I would recommend to anyone.",
      "Earplugs and an eye mask, every night, even at home. Our street gets deliveries at five "
      "in the morning and the light comes through the curtains in summer, so I gave up fighting "
      "it.",
      "I tried the notebook idea after your last post and it helped more than I expected. The "
      "trick for me was to stop writing about work after eight, otherwise I just made lists of "
      "worries.",
      "Honestly the best thing I ever did was leave the phone in the kitchen to charge. The "
      "first week was strange, the second week I slept an hour longer, and I never went back "
      "to the old habit.",
      "White noise from a small fan, even in the middle of winter. My whole family thinks I am "
      "mad, but I have not slept without it since university and I am not going to start now."};
  std::string html =
      "<!DOCTYPE html><html><head><title>What do you keep by the bed? | A Quiet Notebook"
      "</title></head><body><div id=\"wrap\"><div id=\"header\"><h1><a href=\"/\">A Quiet "
      "Notebook</a></h1><ul id=\"menu\"><li><a href=\"/\">Home</a></li><li><a href=\"/about\">"
      "About</a></li><li><a href=\"/archive\">Archive</a></li></ul></div><div id=\"content\">"
      "<div id=\"contentmiddle\"><div class=\"contentdate\"><h3>Oct</h3><h4>23</h4></div>"
      "<h2>What do you keep by the bed?</h2>";
  for (const char* p : post) html += std::string("<p>") + p + "</p>";
  html += "<h1>Comments</h1><div id=\"commentblock\"><ol class=\"commentlist\">";
  int n = 0;
  for (const char* c : comments) {
    const std::string k = std::to_string(n++);
    html += "<li id=\"comment-10" + k + "\"><cite><a href=\"/u" + k + "\">Reader " + k +
            "</a></cite> says:<br><small class=\"commentmetadata\">October 23, 2012 at 2:1" + k +
            " pm</small><div class=\"commenttext\"><p>" + c + "</p></div></li>";
  }
  html +=
      "</ol></div><div id=\"respond\"><h3>Leave a Reply</h3><form action=\"/post\"><p>Name</p>"
      "<input name=\"n\"><p>Comment</p><textarea></textarea></form></div></div><div "
      "id=\"sidebar\"><h3>Archives</h3><ul><li><a href=\"/2012/10\">October 2012</a></li></ul>"
      "</div></div><div id=\"footer\"><p>Copyright 2012 A Quiet Notebook. All rights reserved."
      "</p></div></div></body></html>";
  return html;
}

Result ExtractTyped(const std::string& html, PageType type, float confidence,
                    bool include_comments) {
  Options o;
  o.include_comments = include_comments;
  PageInfo page;
  page.url = "https://notebook.example/2012/10/23/what-do-you-keep-by-the-bed/";
  page.page_type = type;
  page.page_type_confidence = confidence;
  return Extractor(o).extract(html, page);
}

TEST(Score, ReaderCommentsNeverInAnArticlesText) {
  const std::string html = BlogWithComments();
  const Result r = ExtractTyped(html, PageType::kArticle, 1.0f, false);
  EXPECT_NE(r.text.find("I started keeping a notebook"), std::string::npos) << r.text;
  EXPECT_NE(r.text.find("what do you keep by the bed, and"), std::string::npos) << r.text;
  for (const char* c : {"A notebook here too", "I keep a glass of water", "Earplugs and an eye",
                        "Honestly the best thing", "White noise from a small fan"})
    EXPECT_EQ(r.text.find(c), std::string::npos) << c << "\n" << r.text;
  for (const Block& b : r.blocks)
    if (b.text.rfind("A notebook here too", 0) == 0) EXPECT_EQ(b.reason, Reason::kComment);
  // A forum below the bar of the thread's reading is read as an article:
  // its reader comments stay out too.
  const Result unsure = ExtractTyped(html, PageType::kForum, 0.3f, false);
  EXPECT_EQ(unsure.text.find("A notebook here too"), std::string::npos) << unsure.text;
  // With comments asked for, it is a comment: cleaneval is scored with them.
  const Result with = ExtractTyped(html, PageType::kArticle, 1.0f, true);
  EXPECT_EQ(with.text.find("A notebook here too"), std::string::npos) << with.text;
  EXPECT_NE(with.comments.find("A notebook here too"), std::string::npos) << with.comments;
}

TEST(Score, KeepCommentsOut) {
  // A comment the classifier kept, one the rules left out, and article text.
  Scores s;
  s.labels = {Label::kContent, Label::kContent, Label::kBoilerplate, Label::kContent};
  s.reasons = {Reason::kModel, Reason::kRegion, Reason::kComment, Reason::kModel};
  s.in_comments = {true, false, true, false};
  Scores article = s;
  keep_comments_out(false, &article);
  EXPECT_EQ(article.labels[0], Label::kBoilerplate);
  EXPECT_EQ(article.reasons[0], Reason::kComment);
  EXPECT_EQ(article.labels[1], Label::kContent);
  EXPECT_EQ(article.labels[2], Label::kBoilerplate);
  EXPECT_EQ(article.labels[3], Label::kContent);  // kept by the classifier, not a comment
  Scores with = s;
  keep_comments_out(true, &with);
  EXPECT_EQ(with.labels[0], Label::kComment);
}

// --- focus ----------------------------------------------------------------------------

TEST(Score, FocusDecidesABorderlineBlock) {
  // A short unpunctuated line inside the article: kept when recall is
  // favoured, dropped when precision is.
  const std::string page = "<body>" + Nav() +
                           Article("<p>" + kP1 + "</p><p>" + kP2 +
                                   "</p><p>Updated with new figures</p><p>" + kP3 + "</p>") +
                           Footer() + "</body>";
  const Scored recall = Score(page, WithFocus(Focus::kRecall));
  const Scored precision = Score(page, WithFocus(Focus::kPrecision));
  SCOPED_TRACE("recall:\n" + recall.dump() + "precision:\n" + precision.dump());
  EXPECT_EQ(recall.label("Updated with"), Label::kContent);
  EXPECT_EQ(precision.label("Updated with"), Label::kBoilerplate);
  // Clear cases do not move.
  for (const Scored* s : {&recall, &precision}) {
    EXPECT_EQ(s->label(kP1.substr(0, 20)), Label::kContent);
    EXPECT_EQ(s->label("Home"), Label::kBoilerplate);
  }
}

TEST(Score, RecallKeepsAtLeastWhatPrecisionKeeps) {
  const std::string page = "<body>" + Nav() +
                           Article("<p>" + kP1 + "</p><p>Photo: Reuters</p><p>Short line</p>"
                                   "<p>" + kP2 + "</p><ul><li>one point</li><li>two</li></ul>") +
                           Sidebar() + Footer() + "</body>";
  const Scored recall = Score(page, WithFocus(Focus::kRecall));
  const Scored balanced = Score(page);
  const Scored precision = Score(page, WithFocus(Focus::kPrecision));
  for (std::size_t i = 0; i < recall.seg.blocks.size(); ++i) {
    if (precision.scores.labels[i] == Label::kContent)
      EXPECT_EQ(balanced.scores.labels[i], Label::kContent) << recall.seg.blocks[i].text;
    if (balanced.scores.labels[i] == Label::kContent)
      EXPECT_EQ(recall.scores.labels[i], Label::kContent) << recall.seg.blocks[i].text;
  }
}

// --- fallbacks and the region's edges ---------------------------------------------

TEST(Score, SingleShortLineKept) {
  const Scored s = Score("<body><p>Test</p></body>");
  ASSERT_EQ(s.seg.blocks.size(), 1u);
  EXPECT_EQ(s.scores.labels[0], Label::kContent);
  EXPECT_EQ(s.scores.reasons[0], Reason::kFallback);
}

TEST(Score, PageOfShortLinesKeptWhole) {
  // No element holds any prose: the page is the region, not its least bad
  // element (the first line alone), and every line nothing marks is kept.
  const Scored s =
      Score("<body><div class=\"list\"><p>Milk</p><p>Eggs</p>Bread<p>Butter</p></div></body>");
  SCOPED_TRACE(s.dump());
  for (const char* line : {"Milk", "Eggs", "Bread", "Butter"})
    EXPECT_EQ(s.label(line), Label::kContent) << line;
}

TEST(Score, FallbackDoesNotKeepBoilerplate) {
  const Scored s = Score("<body><div class=\"menu\">Home</div><p>Hello</p></body>");
  SCOPED_TRACE(s.dump());
  EXPECT_EQ(s.label("Hello"), Label::kContent);
  EXPECT_EQ(s.reason("Hello"), "fallback");
  EXPECT_EQ(s.label("Home"), Label::kBoilerplate);
}

TEST(Score, FallbackWhenTheMenuIsALink) {
  // Regression: when every block's value is negative, the region is an element
  // holding no block at all: its sum is 0, which beats every negative sum.
  // Inline elements (<a>, <span>) always have an empty block range, so here
  // the region is the <a> of the menu, range [0,0), and the fallback, which
  // only looks inside the region, keeps nothing: extract() returns an empty
  // text for "<nav><a href=/>Home</a></nav><p>Hello</p>". With
  // <div class=menu>Home</div> instead (no inline element) "Hello" is kept.
  const Scored s = Score("<body><nav><a href=\"/\">Home</a></nav><p>Hello</p></body>");
  SCOPED_TRACE(s.dump());
  const Element& region = s.seg.elements[static_cast<std::size_t>(s.scores.region)];
  EXPECT_LT(region.first_block, region.end_block) << "the region holds no block";
  EXPECT_EQ(s.label("Hello"), Label::kContent);
  EXPECT_EQ(s.label("Home"), Label::kBoilerplate);
}

TEST(Score, EmptyPage) {
  const Scored s = Score("<body></body>");
  EXPECT_TRUE(s.scores.labels.empty());
  EXPECT_TRUE(s.scores.content.empty());
}

TEST(Score, LeadInSeparateContainerBeforeRegionJoins) {
  // The region is the story body: the wrapper around lead and body also
  // holds a long list of more stories, which outweighs the lead. The lead
  // just before the region is prose, so it joins the article.
  const std::string lead =
      "Residents of the northern suburbs will get a direct tram link to the centre, after a "
      "decade of debate and three rejected plans.";
  std::string more = "<div class=\"more-stories\"><ul>";
  for (int i = 0; i < 8; ++i)
    more += "<li><a href=\"/s" + std::to_string(i) + "\">Another headline about the city, number " +
            std::to_string(i) + "</a></li>";
  more += "</ul></div>";
  const Scored s = Score("<body>" + Nav() +
                         "<div class=\"page\"><div class=\"top\"><p>" + lead + "</p></div>"
                         "<div class=\"story-body\"><p>" + kP1 + "</p><p>" + kP2 + "</p><p>" +
                         kP3 + "</p><p>" + kP4 + "</p></div>" + more + "</div>" + Footer() +
                         "</body>");
  SCOPED_TRACE(s.dump());
  const Element& region = s.seg.elements[static_cast<std::size_t>(s.scores.region)];
  EXPECT_EQ(region.first_block, s.find(kP1.substr(0, 20)));
  EXPECT_EQ(s.label("Residents of"), Label::kContent);
  EXPECT_EQ(s.reason("Residents of"), "continues");  // outside the region, joined to it
  EXPECT_EQ(s.label(kP1.substr(0, 20)), Label::kContent);
  EXPECT_EQ(s.reason(kP1.substr(0, 20)), "region");
  EXPECT_EQ(s.label("Another headline"), Label::kBoilerplate);
  EXPECT_EQ(s.label("Home"), Label::kBoilerplate);
}

TEST(Score, CookieBannerLongerThanArticleIsNotContent) {
  const std::string cookie_p =
      "We and our 842 partners store and access information on a device, such as cookies, and "
      "process personal data, such as unique identifiers and standard information sent by a "
      "device, for personalised advertising and content, advertising and content measurement, "
      "audience research and services development.";
  const std::string cookie_q =
      "You may click to consent to our and our partners' processing as described above. "
      "Alternatively you may access more detailed information and change your preferences "
      "before consenting or to refuse consenting. Your preferences will apply to this website "
      "only, and you can change them at any time.";
  const Scored s = Score(
      "<body><div id=\"cookie-consent\" class=\"cmp-banner\"><h2>We value your privacy</h2>"
      "<p>" + cookie_p + "</p><p>" + cookie_q + "</p><p>" + cookie_p + "</p><p>" + cookie_q +
      "</p></div>" +
      Article("<p>" + kP1 + "</p><p>" + kP2 + "</p>") + "</body>");
  SCOPED_TRACE(s.dump());
  EXPECT_EQ(s.label("We and our"), Label::kBoilerplate);
  EXPECT_EQ(s.label("You may click"), Label::kBoilerplate);
  EXPECT_EQ(s.label(kP1.substr(0, 20)), Label::kContent);
  EXPECT_EQ(s.label(kP2.substr(0, 20)), Label::kContent);
}

TEST(Score, ArticleInWrapperNamedLikeASidebarKept) {
  // Themes name the article's wrapper "content-sidebar-wrap": an element
  // holding nearly all the prose is not boilerplate, whatever its class.
  const Scored s = Score("<body>" + Nav() + "<div class=\"content-sidebar-wrap\"><p>" + kP1 +
                         "</p><p>" + kP2 + "</p><p>" + kP3 + "</p></div>" + Footer() +
                         "</body>");
  SCOPED_TRACE(s.dump());
  EXPECT_EQ(s.label(kP1.substr(0, 20)), Label::kContent);
  EXPECT_EQ(s.label(kP3.substr(0, 20)), Label::kContent);
}

TEST(Score, LinkDenseParagraphInsideArticlePruned) {
  const Scored s = Score(
      "<body>" +
      Article("<p>" + kP1 + "</p><p><a href=\"/1\">Trams</a> <a href=\"/2\">Council</a> "
              "<a href=\"/3\">Transport</a> <a href=\"/4\">Northern suburbs</a></p><p>" + kP2 +
              "</p>") +
      "</body>");
  SCOPED_TRACE(s.dump());
  EXPECT_EQ(s.label("Trams"), Label::kBoilerplate);
  EXPECT_EQ(s.reason("Trams"), "link-density");
}

TEST(Score, RecipeStepAboutCookiesKept) {
  // Regression: kTextCookie matches "cookies" anywhere in a block of up to 300
  // characters, and text_logit() takes 2.5 off such a block, so a recipe
  // step that names its subject is pruned from the article. See
  // Patterns.DISABLED_CookieInProseIsNotACookieNotice.
  const Scored s = Score(
      "<body><article><h1>Brown butter cookies</h1>"
      "<p>Brown the butter in a small pan over medium heat, stirring all the time, until it "
      "smells of toasted nuts. Pour it into a bowl and let it cool for ten minutes.</p>"
      "<p>Whisk in both sugars, then the egg and the vanilla, and fold in the flour, the salt "
      "and the baking soda until no dry streaks remain. Chill the dough for an hour.</p>"
      "<p>Bake the cookies for eleven minutes, until the edges are golden.</p>"
      "<p>Scoop the dough into balls the size of a walnut and set them well apart on a lined "
      "tray, because they spread a lot while baking in the oven.</p></article></body>");
  SCOPED_TRACE(s.dump());
  EXPECT_EQ(s.label("Bake the cookies"), Label::kContent);
}

TEST(Model, BatchEqualsOneByOne) {
  if (!model_available()) GTEST_SKIP() << "no classifier compiled in";
  // 150 feature vectors (more than one chunk, a ragged last one) with the
  // kinds of values the features take: flags, shares, log lengths, NaN.
  std::vector<float> rows(150 * kFeatureCount);
  unsigned state = 12345;
  for (float& v : rows) {
    state = state * 1103515245u + 12345u;
    const unsigned r = (state >> 16) % 100;
    v = r < 40 ? 0.0f : r < 60 ? 1.0f : static_cast<float>(r) / 17.0f;
  }
  rows[7] = std::numeric_limits<float>::quiet_NaN();
  std::vector<float> batch(150);
  model_probabilities(rows.data(), 150, batch.data());
  int differing = 0;
  float low = 1, high = 0;
  for (std::size_t j = 0; j < 150; ++j) {
    const float one = model_probability(&rows[j * kFeatureCount]);
    differing += one != batch[j];
    low = std::min(low, one);
    high = std::max(high, one);
  }
  EXPECT_EQ(differing, 0);
  EXPECT_LT(low, high);  // the vectors are not all alike to the model
  model_probabilities(rows.data(), 0, batch.data());  // nothing to do
}

}  // namespace
}  // namespace extractor
