// The page read as its kind (lib/regions.h read_as_type: a forum's posts,
// a listing's items) and the runs of
// like siblings it chooses from (lib/runs.h), through extract() with the
// page type given by the caller (PageInfo::page_type).
#include "regions.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "dom.h"
#include "patterns.h"
#include "runs.h"
#include "segment.h"

namespace extractor {
namespace {

const char* const kReplies[] = {
    "I pitched the same tent in January and the poles held fine, but condensation was a real "
    "problem inside, so bring a small towel and leave the vents open all night.",
    "A four-season tent is worth it if you expect wind above the tree line; otherwise a good "
    "three-season one with a snow skirt does the job, in my experience, for much less money.",
    "Whatever you choose, practise pitching it in the garden with gloves on first. Cold "
    "fingers and small clips do not mix, and the first night is not the time to learn.",
    "Check the rating of your sleeping bag before the tent, honestly. Most of the cold comes "
    "from the ground, so a mat with a decent insulation value matters more than the shell.",
};

// A thread: the question, then replies in a run of like elements whose
// classes read as comments (as many forum themes name them), each with an
// author line, a date and buttons.
std::string Thread() {
  std::string page =
      "<html><head><title>Tent for a first winter trip? - Outdoor Community</title></head>"
      "<body><nav><a href=\"/\">Forums</a> <a href=\"/gear\">Gear</a></nav>"
      "<h1>Tent for a first winter trip?</h1><div class=\"comments\">";
  page +=
      "<div class=\"comment post-1\"><div class=\"author\">hiker1</div>"
      "<div class=\"body\"><p>I am planning my first trip in the snow next month, two nights "
      "near the lake. Is my summer tent good enough, or should I rent a proper winter one, "
      "and what else would you bring that a summer list leaves out?</p></div>"
      "<div class=\"share\"><a href=\"/r\">Reply</a> <a href=\"/q\">Quote</a></div></div>";
  for (int i = 0; i < 4; ++i)
    page += "<div class=\"comment post-" + std::to_string(i + 2) + "\"><div class=\"author\">user" +
            std::to_string(i + 7) + "</div><div class=\"body\"><p>" + kReplies[i] +
            "</p></div><div class=\"share\"><a href=\"/r\">Reply</a> <a href=\"/q\">Quote</a>"
            "</div></div>";
  page += "</div><footer>About us · Rules · Privacy</footer></body></html>";
  return page;
}

Result ExtractAs(const std::string& html, PageType type, float confidence) {
  PageInfo page;
  page.url = "https://community.example/t/tent-for-a-first-winter-trip/4412";
  page.page_type = type;
  page.page_type_confidence = confidence;
  return Extractor().extract(html, page);
}

TEST(ReadAsType, ForumThreadGivesEveryPost) {
  const std::string html = Thread();
  const Result forum = ExtractAs(html, PageType::kForum, 1.0f);
  for (const char* reply : kReplies)
    EXPECT_NE(forum.text.find(std::string(reply).substr(0, 60)), std::string::npos) << reply;
  EXPECT_NE(forum.text.find("I am planning my first trip"), std::string::npos);
  // The buttons are no post's text.
  EXPECT_EQ(forum.text.find("Quote"), std::string::npos);
  EXPECT_EQ(forum.text.find("Privacy"), std::string::npos);
  // Read as an article, the replies are reader comments: not the text.
  const Result article = ExtractAs(html, PageType::kArticle, 1.0f);
  EXPECT_EQ(article.text.find(std::string(kReplies[2]).substr(0, 60)), std::string::npos);
}

TEST(ReadAsType, ForumBelowItsBarReadsAsAnArticle) {
  const std::string html = Thread();
  const Result unsure = ExtractAs(html, PageType::kForum, 0.3f);
  const Result article = ExtractAs(html, PageType::kArticle, 1.0f);
  EXPECT_EQ(unsure.text, article.text);
}

// A blog post and its comments: an article outside the run, the run marked
// as comments. Read as a thread only when the page type is sure of it.
std::string BlogWithComments() {
  std::string page =
      "<html><head><title>Winter camping, a first time</title></head><body>"
      "<article class=\"post\"><h1>Winter camping, a first time</h1>";
  for (int i = 0; i < 6; ++i)
    page +=
        "<p>We left the car at the trailhead before sunrise, loaded the sleds and walked for "
        "four hours along the frozen river, stopping only to eat and to check the map twice, "
        "because the snow had covered every marker we had counted on finding that day.</p>";
  page += "</article><section id=\"comments\" class=\"comments\">";
  for (int i = 0; i < 4; ++i)
    page += "<div class=\"comment\"><div class=\"comment-author\">reader" + std::to_string(i) +
            "</div><div class=\"comment-body\"><p>" + kReplies[i] + "</p></div></div>";
  page += "</section></body></html>";
  return page;
}

TEST(ReadAsType, CommentsBesideAnArticleNeedASureThread) {
  const std::string html = BlogWithComments();
  const std::string reply = std::string(kReplies[1]).substr(0, 60);
  const Result middling = ExtractAs(html, PageType::kForum, 0.7f);
  EXPECT_NE(middling.text.find("frozen river"), std::string::npos);
  EXPECT_EQ(middling.text.find(reply), std::string::npos);
  const Result sure = ExtractAs(html, PageType::kForum, 0.95f);
  EXPECT_NE(sure.text.find("frozen river"), std::string::npos);
  EXPECT_NE(sure.text.find(reply), std::string::npos);
}

const char* const kShoes[] = {"Trail Runner 3 Waterproof", "Summit Mid Leather Boot",
                              "Ridge Light Hiker", "Canyon Sandal Pro", "Alpine GTX Mid",
                              "River Crossing Water Shoe"};

// A collection: a menu, a short heading, then a grid of product cards
// (a name that links, a price, a line of description).
std::string Collection() {
  std::string page =
      "<html><head><title>Hiking boots | Outfitters</title></head><body>"
      "<nav class=\"menu\"><ul><li><a href=\"/men\">Men</a></li><li><a href=\"/women\">Women"
      "</a></li><li><a href=\"/kids\">Kids</a></li><li><a href=\"/sale\">Sale</a></li></ul>"
      "</nav><h1>Hiking boots</h1><div class=\"grid\">";
  for (int i = 0; i < 6; ++i)
    page += "<div class=\"card card-" + std::to_string(i) + "\"><a href=\"/p/" +
            std::to_string(i) + "\">" + kShoes[i] + "</a><div class=\"price\">$1" +
            std::to_string(i) + "9.00</div><p class=\"note\">Grippy sole, light upper</p></div>";
  page += "</div><footer><a href=\"/help\">Help</a> <a href=\"/stores\">Stores</a></footer>"
          "</body></html>";
  return page;
}

TEST(ReadAsType, ListingGivesEveryItem) {
  const std::string html = Collection();
  const Result listing = ExtractAs(html, PageType::kListing, 1.0f);
  for (const char* shoe : kShoes) EXPECT_NE(listing.text.find(shoe), std::string::npos) << shoe;
  EXPECT_NE(listing.text.find("$159.00"), std::string::npos);
  EXPECT_EQ(listing.text.find("Women"), std::string::npos);
  EXPECT_EQ(listing.text.find("Stores"), std::string::npos);
  // The article's reading finds no article there.
  const Result article = ExtractAs(html, PageType::kArticle, 1.0f);
  EXPECT_EQ(article.text.find(kShoes[3]), std::string::npos);
}

// The wrapper of a listing's main column may carry any name, a layout's
// "bottom-bar" too; it holds most of the page's characters though little
// that reads as prose (its items are short linked texts), while the page's
// "about" text outside it reads as prose.
TEST(ReadAsType, ListingUnderAWrapperNamedForItsLayout) {
  std::string html = Collection();
  const std::string grid = "<div class=\"grid\">";
  html.replace(html.find("<nav"), 0, "<div class=\"layout-with-bottom-bar\">");
  html.replace(html.find("<footer>"), 0,
               "</div><div class=\"about\"><p>We are a small outfitter run by people who walk "
               "the hills every weekend, and we test every boot we sell.</p></div>");
  ASSERT_NE(html.find(grid), std::string::npos);
  const Result listing = ExtractAs(html, PageType::kListing, 1.0f);
  for (const char* shoe : kShoes) EXPECT_NE(listing.text.find(shoe), std::string::npos) << shoe;
}

// A list cut in parts, one per section (a letter, a day, a region): every
// part's items are the listing's.
TEST(ReadAsType, ListingInPartsGivesEveryPart) {
  const char* const kPlaces[] = {"Aberdeen harbour walk", "Alnwick castle gardens",
                                 "Ambleside lake shore", "Arundel river path",
                                 "Bamburgh dunes and beach", "Bath canal towpath",
                                 "Beddgelert forest trail", "Berwick city walls"};
  std::string html =
      "<html><head><title>Walks by place</title></head><body><nav class=\"menu\"><a href=\"/\">"
      "Home</a> <a href=\"/maps\">Maps</a></nav><h1>Walks by place</h1><div class=\"index\">";
  for (int part = 0; part < 2; ++part) {
    html += std::string("<div class=\"letter\"><h2>") + (part ? "B" : "A") +
            "</h2><ul class=\"walks\">";
    for (int i = 0; i < 4; ++i)
      html += std::string("<li class=\"walk\"><a href=\"/w/") + std::to_string(part * 4 + i) +
              "\">" + kPlaces[part * 4 + i] + "</a> <span>a circular route of a few miles</span>"
              "</li>";
    html += "</ul></div>";
  }
  html += "</div><footer><a href=\"/about\">About</a></footer></body></html>";
  const Result listing = ExtractAs(html, PageType::kListing, 1.0f);
  for (const char* place : kPlaces) EXPECT_NE(listing.text.find(place), std::string::npos) << place;
  EXPECT_EQ(listing.text.find("Maps"), std::string::npos);
}

// A table whose items take two rows each, a title row and a details row:
// both rows of every item are the listing's.
TEST(ReadAsType, ListingOfTwoRowItemsGivesBothRows) {
  std::string html =
      "<html><head><title>Jobs</title></head><body><nav class=\"menu\"><a href=\"/\">Home</a> "
      "<a href=\"/post\">Post a job</a></nav><table class=\"jobs\">";
  for (int i = 0; i < 5; ++i)
    html += "<tr class=\"job\"><td><a href=\"/j/" + std::to_string(i) + "\">" + kShoes[i] +
            " workshop is hiring a repair technician</a></td></tr><tr><td class=\"details\">"
            "Posted " + std::to_string(i + 2) + " days ago, full time, apply by letter " +
            std::to_string(i) + "</td></tr>";
  html += "</table><footer><a href=\"/about\">About</a></footer></body></html>";
  const Result listing = ExtractAs(html, PageType::kListing, 1.0f);
  for (int i = 0; i < 5; ++i) {
    EXPECT_NE(listing.text.find(kShoes[i]), std::string::npos) << kShoes[i];
    EXPECT_NE(listing.text.find("apply by letter " + std::to_string(i)), std::string::npos) << i;
  }
}

// A shop's collection opens with its introduction, prose the article's
// reading keeps; its grid shows prices, so its items are read beside it.
// (The same items without prices are an article's list: see below.)
TEST(ReadAsType, ShopGridIsReadBesideItsIntroduction) {
  std::string html = Collection();
  html.replace(html.find("<div class=\"grid\">"), 0,
               "<div class=\"intro\"><p>Our hiking boots are chosen for long days on rough "
               "ground: every pair has been worn on the trail by our staff before it reaches the "
               "shop, and we only keep the ones that stayed dry and comfortable after a week of "
               "walking.</p><p>Leather boots need a few days to soften, while synthetic ones are "
               "lighter from the first mile; our fitting guide explains how to choose the size "
               "for thick socks.</p></div>");
  const Result listing = ExtractAs(html, PageType::kListing, 1.0f);
  EXPECT_NE(listing.text.find("fitting guide"), std::string::npos);
  for (const char* shoe : kShoes) EXPECT_NE(listing.text.find(shoe), std::string::npos) << shoe;
  // Without prices, the grid is a list beside an article, left to its reading.
  std::string unpriced = html;
  for (std::size_t at; (at = unpriced.find("$1")) != std::string::npos;)
    unpriced.replace(at, 2, "No. 1");
  const Result article_like = ExtractAs(unpriced, PageType::kListing, 1.0f);
  EXPECT_NE(article_like.text.find("fitting guide"), std::string::npos);
  EXPECT_EQ(article_like.text.find(kShoes[3]), std::string::npos);
}

// An article with a list of related stories, taken for a listing: the
// article's reading stands.
TEST(ReadAsType, ArticleTakenForAListingKeepsItsReading) {
  std::string html = "<html><body><article><h1>Winter camping, a first time</h1>";
  for (int i = 0; i < 4; ++i)
    html +=
        "<p>We left the car at the trailhead before sunrise, loaded the sleds and walked for "
        "four hours along the frozen river, stopping only to eat and to check the map.</p>";
  html += "</article><div class=\"more\">";
  for (int i = 0; i < 12; ++i)
    html += "<div class=\"story\"><a href=\"/s/" + std::to_string(i) + "\">" + kShoes[i % 6] +
            ": a review after a season on the trail, and what we would change</a><span>May " +
            std::to_string(i + 1) + ", 2024</span></div>";
  html += "</div></body></html>";
  const Result listing = ExtractAs(html, PageType::kListing, 1.0f);
  const Result article = ExtractAs(html, PageType::kArticle, 1.0f);
  EXPECT_NE(article.text.find("frozen river"), std::string::npos);
  EXPECT_EQ(listing.text, article.text);
}

// A guide's list of its topics, links between its paragraphs, is its own
// text on a documentation page; the menu beside it stays out.
TEST(ReadAsType, DocumentationKeepsItsListsOfTopics) {
  const char* const kTopics[] = {"Installing the command-line tools", "Configuring a project",
                                 "Writing your first pipeline", "Testing a pipeline locally",
                                 "Deploying to production", "Monitoring and logs"};
  std::string html =
      "<html><head><title>Pipelines guide</title></head><body><nav class=\"menu\"><ul>"
      "<li><a href=\"/docs\">Docs</a></li><li><a href=\"/api\">API reference</a></li>"
      "<li><a href=\"/blog\">Blog</a></li></ul></nav><main><h1>Pipelines</h1>"
      "<p>A pipeline is a series of steps that turn your source files into a deployed "
      "service. Each step runs in its own container, and a step starts only when the steps "
      "it depends on have finished without an error.</p><p>This guide walks through the whole "
      "life of a pipeline, from the first install to the logs of a running service.</p><ul>";
  for (int i = 0; i < 6; ++i)
    html += std::string("<li><a href=\"/docs/pipelines/") + std::to_string(i) + "\">" +
            kTopics[i] + "</a></li>";
  html +=
      "</ul><p>Every part of the guide can be read on its own, but the examples build on each "
      "other, so reading them in order is the quickest way to a working setup.</p></main>"
      "<footer><a href=\"/privacy\">Privacy</a> <a href=\"/terms\">Terms</a></footer>"
      "</body></html>";
  const Result doc = ExtractAs(html, PageType::kDocumentation, 1.0f);
  for (const char* topic : kTopics) EXPECT_NE(doc.text.find(topic), std::string::npos) << topic;
  EXPECT_EQ(doc.text.find("API reference"), std::string::npos);
  const Result article = ExtractAs(html, PageType::kArticle, 1.0f);
  EXPECT_EQ(article.text.find(kTopics[2]), std::string::npos);
}

// A service's landing page whose article reading kept one section of
// several (as it does when the page's sections sit in containers of their
// own): read as a landing page, every section is its text, its menus and
// footer not; an article's few asides are left to the article's reading.
Scores OneSectionKept(const Segments& seg) {
  Scores s;
  const std::size_t n = seg.blocks.size();
  s.content.assign(n, 0.0f);
  s.labels.assign(n, Label::kBoilerplate);
  s.reasons.assign(n, Reason::kOutside);
  for (std::size_t i = 0; i < n; ++i)
    if (seg.blocks[i].text.find("two hundred") != std::string::npos ||
        seg.blocks[i].text == "Bookkeeping for small firms") {
      s.labels[i] = Label::kContent;
      s.reasons[i] = Reason::kRegion;
    }
  return s;
}

std::string Landing(bool sections) {
  std::string html =
      "<html><body><header class=\"site-header\"><nav><a href=\"/\">Home</a> "
      "<a href=\"/services\">Services</a> <a href=\"/contact\">Contact</a></nav></header>"
      "<div class=\"hero\"><h1>Bookkeeping for small firms</h1><p>We keep the books of two "
      "hundred small firms along the coast: invoices, payroll, VAT returns and the year-end "
      "accounts, all done by people who know your trade and answer the phone.</p></div>";
  if (sections)
    html +=
        "<section class=\"band\"><h2>How it works</h2><p>Send us your receipts by photo or "
        "post. Every month we reconcile your accounts, chase late invoices and send you a "
        "one-page report of where the money went.</p></section><section class=\"band\">"
        "<h2>What it costs</h2><p>One fixed monthly fee, agreed in advance and based on the "
        "number of transactions, with no charge for phone calls or the first meeting.</p>"
        "</section>";
  else
    html += "<div class=\"note\"><p>Open on weekdays.</p></div>";
  html +=
      "<footer class=\"site-footer\"><p>Harbour Accounting Ltd, 4 Quay Street, registered in "
      "England, company number 0123456, regulated for accountancy work.</p></footer>"
      "</body></html>";
  return html;
}

TEST(ReadAsType, ServiceReadsEverySection) {
  static const Patterns* const patterns = new Patterns();
  const Dom dom{Landing(true)};
  const Segments seg = segment(dom, *patterns, Options{}, "");
  Scores s = OneSectionKept(seg);
  read_as_type(seg, *patterns, PageType::kService, 1.0f, &s);
  std::string kept;
  for (std::size_t i = 0; i < seg.blocks.size(); ++i)
    if (s.labels[i] == Label::kContent) kept += seg.blocks[i].text + "\n";
  for (const char* line : {"two hundred", "Send us your receipts", "fixed monthly fee"})
    EXPECT_NE(kept.find(line), std::string::npos) << line;
  EXPECT_EQ(kept.find("Contact"), std::string::npos);
  EXPECT_EQ(kept.find("Quay Street"), std::string::npos);
  // Read as an article, the labels stay as they were.
  Scores as_article = OneSectionKept(seg);
  read_as_type(seg, *patterns, PageType::kArticle, 1.0f, &as_article);
  EXPECT_EQ(as_article.labels, OneSectionKept(seg).labels);
}

TEST(ReadAsType, ServiceLeavesAnArticlesFewAsidesOut) {
  static const Patterns* const patterns = new Patterns();
  const Dom dom{Landing(false)};
  const Segments seg = segment(dom, *patterns, Options{}, "");
  Scores s = OneSectionKept(seg);
  read_as_type(seg, *patterns, PageType::kService, 1.0f, &s);
  EXPECT_EQ(s.labels, OneSectionKept(seg).labels);
}

// The headline is the title, not a line of the text; a heading further
// down that repeats it is the text's own, and a page that is a headline
// alone keeps it.
TEST(Headline, IsTheTitleNotTheText) {
  const std::string body =
      "<p>The ferry to the outer islands will run twice a day from May, the harbour board said "
      "on Monday, after a winter in which storms cancelled a third of its crossings.</p>"
      "<p>Islanders had asked for a second boat for years; the board found the money by "
      "selling the old pier office, which has stood empty since the ticket desk moved.</p>";
  const std::string html =
      "<html><head><title>Ferry to run twice a day - Harbour News</title></head><body>"
      "<article><h1>Ferry to run twice a day</h1>" + body +
      "<h2>Ferry to run twice a day</h2><p>The timetable will be published in April, with "
      "the first crossing leaving the harbour at seven in the morning.</p></article></body></html>";
  const Result r = Extractor().extract(html);
  EXPECT_EQ(r.metadata.title, "Ferry to run twice a day");
  EXPECT_EQ(r.text.rfind("Ferry to run twice a day", 0), std::string::npos) << r.text;
  EXPECT_NE(r.text.find("\n\nFerry to run twice a day\n\n"), std::string::npos) << r.text;
  bool headline = false;
  for (const Block& b : r.blocks) headline |= b.reason == Reason::kHeadline;
  EXPECT_TRUE(headline);

  const Result alone = Extractor().extract(
      "<html><head><title>Ferry to run twice a day</title></head><body><article>"
      "<h1>Ferry to run twice a day</h1></article></body></html>");
  EXPECT_EQ(alone.text, "Ferry to run twice a day");
}

// A product page: its description and specifications; its customers'
// reviews are not its text, unless the page is read as an article.
TEST(ReadAsType, ProductLeavesItsReviewsOut) {
  std::string html =
      "<html><body><main><h1>Trail 25 pack</h1><div class=\"description\">"
      "<p>A light daypack for long hikes, with a padded hip belt, a rain cover and a sleeve "
      "for a water reservoir. The frame sheet keeps the load close to the back.</p>"
      "<p>Made from recycled nylon with a water-repellent finish; the zips are rated for "
      "cold weather and the side pockets hold a litre bottle each.</p>"
      "<table><tr><td>Weight</td><td>1.1 kg</td></tr><tr><td>Volume</td><td>25 l</td></tr>"
      "</table></div><section class=\"product-reviews\"><h2>Customer reviews</h2>";
  for (int i = 0; i < 3; ++i)
    html += "<div class=\"review\"><p>Carried it for a week in the hills and the straps "
            "never chafed; the rain cover kept everything dry in a storm.</p></div>";
  html += "</section></main></body></html>";
  const Result product = ExtractAs(html, PageType::kProduct, 1.0f);
  EXPECT_NE(product.text.find("padded hip belt"), std::string::npos);
  EXPECT_NE(product.text.find("1.1 kg"), std::string::npos);
  EXPECT_EQ(product.text.find("never chafed"), std::string::npos);
  const Result article = ExtractAs(html, PageType::kArticle, 1.0f);
  EXPECT_NE(article.text.find("never chafed"), std::string::npos);
}

// A page whose content an unclosed hidden pop-up swallows is read with the
// pop-up shown; a page with content of its own keeps its hidden parts out.
TEST(ReadBlocks, ContentUnderAHiddenWrapperIsRead) {
  std::string body;
  for (int i = 0; i < 8; ++i)
    body += "<p>The kettle boils a litre in three minutes and keeps the water warm for an "
            "hour; its base turns freely and the lid opens with one hand.</p>";
  const std::string hidden = "<html><body><div style=\"display: none\"><p>Email a friend</p>" +
                             body + "</body></html>";
  EXPECT_NE(Extractor().extract(hidden).text.find("keeps the water warm"), std::string::npos);
  const std::string shown = "<html><body><article>" + body +
                            "</article><div style=\"display:none\"><p>A pop-up with a long "
                            "text that the page never shows to its readers at all.</p>" +
                            body + "</div></body></html>";
  EXPECT_EQ(Extractor().extract(shown).text.find("never shows"), std::string::npos);
}

TEST(Runs, LikeSiblingsGroupByTagAndClassWithoutDigits) {
  const std::string html =
      "<html><body><div id=\"list\">"
      "<div class=\"item-1 card\"><p>first item text</p></div>"
      "<div class=\"item-2 card\"><p>second item text</p></div>"
      "<div class=\"item-3\"><p>third item text</p></div>"
      "<div class=\"other\"><p>not like the others</p></div>"
      "<section class=\"item-4\"><p>another tag</p></section>"
      "</div></body></html>";
  static const Patterns* const patterns = new Patterns();
  const Dom dom{std::string(html)};
  const Segments seg = segment(dom, *patterns, Options{}, "");
  const std::vector<extractor::Run> runs = find_runs(seg, 3);
  ASSERT_EQ(runs.size(), 1u);
  EXPECT_EQ(runs[0].members.size(), 3u);
  EXPECT_EQ(find_runs(seg, 4).size(), 0u);
}

}  // namespace
}  // namespace extractor
