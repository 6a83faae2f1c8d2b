// One test per class of boilerplate that must not reach the article text
// (the list of issue 2): each puts a realistic piece of that boilerplate
// into, around or between the paragraphs of a small news page, and checks
// through the public API that every paragraph stays and the boilerplate goes.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "extractor/extractor.h"

namespace extractor {
namespace {

const std::vector<std::string> kParagraphs = {
    "The regional water board approved a plan on Monday to replace the city's oldest mains, "
    "some of which were laid before the First World War, over the next eight years.",
    "Engineers say the cast-iron pipes burst more than three hundred times last winter, "
    "leaving whole streets without water for up to two days at a time.",
    "The work will cost about 140 million euros, most of it paid for by a loan from the "
    "national infrastructure bank, and will be carried out one district at a time.",
    "Residents will be told at least a month in advance when the work reaches their street, "
    "the board said, and temporary supplies will be set up where needed.",
};

// A page: `before` goes before the article, `inside_top` after its headline,
// `middle` between the second and third paragraphs, `inside_bottom` after
// the last one, `after` after the article.
std::string Page(const std::string& before, const std::string& inside_top,
                 const std::string& middle, const std::string& inside_bottom,
                 const std::string& after) {
  std::string html =
      "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
      "<title>Water board approves plan to replace old mains | City Gazette</title></head><body>"
      "<header class=\"site-header\"><a class=\"logo\" href=\"/\">City Gazette</a>"
      "<nav class=\"main-menu\"><ul><li><a href=\"/news\">News</a></li>"
      "<li><a href=\"/politics\">Politics</a></li><li><a href=\"/business\">Business</a></li>"
      "<li><a href=\"/sport\">Sport</a></li></ul></nav></header>" +
      before +
      "<main><article class=\"post\"><h1>Water board approves plan to replace old mains</h1>" +
      inside_top + "<div class=\"entry-content\">";
  for (std::size_t i = 0; i < kParagraphs.size(); ++i) {
    html += "<p>" + kParagraphs[i] + "</p>";
    if (i == 1) html += middle;
  }
  html += inside_bottom + "</div></article></main>" + after +
          "<footer class=\"site-footer\"><p>City Gazette, 12 Harbour Road.</p>"
          "<p><a href=\"/about\">About us</a> <a href=\"/contact\">Contact</a></p></footer>"
          "</body></html>";
  return html;
}

void ExpectArticleWithout(const Result& r, const std::vector<std::string>& unwanted) {
  for (const std::string& p : kParagraphs)
    EXPECT_NE(r.text.find(p), std::string::npos) << "lost: " << p << "\n--- text:\n" << r.text;
  for (const std::string& u : unwanted)
    EXPECT_EQ(r.text.find(u), std::string::npos) << "kept: " << u << "\n--- text:\n" << r.text;
}

Result Extract(const std::string& html, const Options& options = {}) {
  return extract(html, PageInfo{"https://gazette.example/news/2024/03/04/water-mains"}, options);
}

TEST(Boilerplate, NavigationMenusAndBreadcrumbs) {
  const Result r = Extract(Page(
      "<nav class=\"breadcrumbs\" aria-label=\"Breadcrumb\"><a href=\"/\">Home</a> › "
      "<a href=\"/news\">News</a> › <a href=\"/news/city\">City</a></nav>",
      "", "", "",
      "<nav class=\"pagination\"><a href=\"/p/1\">Previous article</a> "
      "<a href=\"/p/3\">Next article</a></nav>"));
  ExpectArticleWithout(r, {"Politics", "Business", "Home", "Previous article", "Next article"});
}

TEST(Boilerplate, MarkupTemplatesStayOutWhenThePageHasItsArticle) {
  // Templates a page's script renders (a comment, a sign-up dialog) are read
  // only when the page as shown holds no article (tests/data/blog-template-post).
  const std::string templ =
      "<script type=\"text/html\" id=\"comment-template\"><li class=\"comment\"><p>Thanks "
      "for reading! Share your thoughts on this story with the other readers below, and "
      "please keep the conversation civil and on topic for everyone.</p></li></script>"
      "<script type=\"text/template\"><div class=\"dialog\"><p>Stay informed about what "
      "happens in your neighbourhood every single week of the year, for free.</p></div></script>";
  const Result r = Extract(Page("", "", "", templ, templ));
  ExpectArticleWithout(r, {"Thanks for reading", "Stay informed"});
}

TEST(Boilerplate, SiteHeaderAndFooter) {
  const Result r = Extract(Page("", "", "", "", ""));
  ExpectArticleWithout(r, {"City Gazette, 12 Harbour Road", "About us", "Contact"});
}

TEST(Boilerplate, NewsletterPromptAndForm) {
  const Result r = Extract(Page(
      "", "",
      "<div class=\"newsletter-signup\"><h3>Get the morning briefing</h3>"
      "<p>Sign up for our newsletter and get the day's most important city news in your "
      "inbox every morning.</p><form action=\"/subscribe\"><label>Email address</label>"
      "<input type=\"email\"><button>Subscribe</button><p>* indicates required</p></form></div>",
      "", ""));
  ExpectArticleWithout(r, {"morning briefing", "Sign up for our newsletter", "Email address",
                           "indicates required"});
}

TEST(Boilerplate, DonationMembershipAndPaywallAppeals) {
  const Result r = Extract(Page(
      "", "<div class=\"donation-prompt\"><p>Support independent local journalism.</p>"
          "<a href=\"/membership\">Become a member</a> <a href=\"/donate\">Donate once</a></div>",
      "", "<div class=\"paywall-prompt\"><p>You have read 3 of your 5 free articles this "
          "month. Subscribe for unlimited access.</p></div>",
      ""));
  ExpectArticleWithout(r, {"Support independent", "Become a member", "Donate once",
                           "free articles this month"});
}

TEST(Boilerplate, CookieAndConsentNotice) {
  const Result r = Extract(Page(
      "<div id=\"cookie-notice\" class=\"cookie-banner\" role=\"dialog\"><p>We use cookies "
      "and similar technologies to improve your experience, to measure audiences and to show "
      "you personalised advertising. You can accept all cookies or manage your preferences "
      "at any time in our privacy settings.</p><button>Accept all</button>"
      "<button>Manage preferences</button></div>",
      "", "", "", ""));
  ExpectArticleWithout(r, {"We use cookies", "privacy settings", "Accept all"});
}

TEST(Boilerplate, ShareAndSocialBar) {
  const Result r = Extract(Page(
      "", "<div class=\"share-bar\"><a href=\"#\">Share on Facebook</a> "
          "<a href=\"#\">Share on X</a> <a href=\"#\">Email</a></div>",
      "", "<div class=\"social-follow\"><p>Follow us</p><a href=\"#\">Instagram</a></div>", ""));
  ExpectArticleWithout(r, {"Share on Facebook", "Share on X", "Follow us", "Instagram"});
}

TEST(Boilerplate, ReadAlsoInlineBetweenParagraphs) {
  // No class at all: the phrase alone gives it away.
  const Result r = Extract(Page(
      "", "",
      "<p><strong>Read also:</strong> <a href=\"/news/2024/02/11/reservoir-levels\">Reservoir "
      "levels fall to their lowest in twenty years</a></p>",
      "", ""));
  ExpectArticleWithout(r, {"Read also", "Reservoir levels fall"});
}

TEST(Boilerplate, RelatedAndMoreNewsLists) {
  const Result r = Extract(Page(
      "", "", "",
      "<section class=\"related-articles\"><h2>Related stories</h2><ul>"
      "<li><a href=\"/a\">Burst main floods three streets in the old town</a></li>"
      "<li><a href=\"/b\">Council rejects plan to sell the water company</a></li></ul></section>",
      "<section class=\"more-news\"><h2>More news</h2>"
      "<article class=\"teaser\"><h3><a href=\"/c\">Tram line extension approved</a></h3>"
      "<p>The northern suburbs will be connected by 2029.</p></article>"
      "<article class=\"teaser\"><h3><a href=\"/d\">New bridge opens to cyclists</a></h3>"
      "<p>The crossing took four years to build.</p></article></section>"));
  ExpectArticleWithout(r, {"Related stories", "Burst main floods", "More news",
                           "Tram line extension", "The crossing took four years"});
}

TEST(Boilerplate, NewsFeedAndOtherSidebars) {
  const Result r = Extract(Page(
      "", "", "", "",
      "<aside class=\"sidebar\"><section class=\"news-feed\"><h3>News Feed</h3>"
      "<div class=\"feed-item\"><time>1:35 AM</time><p>Storm closes the coastal road for "
      "the second time this week, police said in a short statement.</p></div>"
      "<div class=\"feed-item\"><time>11:10 PM</time><p>Ferry services resume after a "
      "two-day strike by crews over pay and working hours.</p></div></section>"
      "<section class=\"widget\"><h3>Most read</h3><ol><li><a href=\"/e\">Five places to "
      "eat this weekend</a></li></ol></section></aside>"));
  ExpectArticleWithout(r, {"News Feed", "1:35 AM", "Storm closes the coastal road",
                           "Ferry services resume", "Most read", "Five places to eat"});
}

TEST(Boilerplate, AdsAndPromos) {
  const Result r = Extract(Page(
      "<div class=\"ad-slot ad-leaderboard\"><span>Advertisement</span></div>", "",
      "<div class=\"ad-container\"><p>Advertisement</p></div>",
      "<div class=\"promo-box\"><p>Try the City Gazette app: news, weather and traffic in "
      "one place.</p></div>",
      ""));
  ExpectArticleWithout(r, {"Advertisement", "Try the City Gazette app"});
}

TEST(Boilerplate, ReadingTimeAndAudioNotices) {
  const Result r = Extract(Page(
      "", "<div class=\"meta\"><span class=\"reading-time\">4 min read</span></div>"
          "<div class=\"audio-player\"><p>Listen to this article</p>"
          "<p>This audio is created with AI assistance</p></div>",
      "", "", ""));
  ExpectArticleWithout(r, {"4 min read", "Listen to this article", "AI assistance"});
}

TEST(Boilerplate, CommentThreadsOnlyWithTheOption) {
  const std::string comments =
      "<section id=\"comments\" class=\"comments-area\"><h2>3 comments</h2>"
      "<ol class=\"comment-list\"><li class=\"comment\"><div class=\"comment-author\">Mara</div>"
      "<div class=\"comment-content\"><p>About time. Our street lost water four times last "
      "year and nobody could tell us when it would come back.</p></div></li>"
      "<li class=\"comment\"><div class=\"comment-author\">Tom</div>"
      "<div class=\"comment-content\"><p>Eight years is far too slow for pipes that are "
      "already a century old, in my opinion as an engineer.</p></div></li></ol>"
      "<div id=\"respond\"><h3>Leave a Reply</h3><form><textarea></textarea></form></div>"
      "</section>";
  const Result without = Extract(Page("", "", "", "", comments));
  ExpectArticleWithout(without, {"About time", "Eight years is far too slow", "Leave a Reply"});
  EXPECT_TRUE(without.comments.empty());

  Options options;
  options.include_comments = true;
  const Result with = Extract(Page("", "", "", "", comments), options);
  ExpectArticleWithout(with, {"About time", "Eight years is far too slow"});
  EXPECT_NE(with.comments.find("Our street lost water four times"), std::string::npos)
      << with.comments;
  EXPECT_NE(with.comments.find("already a century old"), std::string::npos) << with.comments;
  EXPECT_EQ(with.comments.find("Leave a Reply"), std::string::npos) << with.comments;
  bool labelled = false;
  for (const Block& b : with.blocks) labelled |= b.label == Label::kComment;
  EXPECT_TRUE(labelled);
}

TEST(Boilerplate, ImageCreditsAndCaptionsStayOutOfText) {
  const Result r = Extract(Page(
      "", "<figure class=\"wp-caption\"><img src=\"/img/mains.jpg\" alt=\"Workers lift a pipe\">"
          "<figcaption>Workers lift a section of the 1912 main on Elm Street. "
          "Photo: Jane Roe / City Gazette</figcaption></figure>",
      "<p class=\"image-credit\">Photo: Getty Images</p>", "", ""));
  ExpectArticleWithout(r, {"Workers lift a section", "Jane Roe", "Getty Images"});
  // The caption stays with the image where images are kept.
  EXPECT_NE(r.markdown.find("Workers lift a section"), std::string::npos) << r.markdown;
}

}  // namespace
}  // namespace extractor
