// The page type (lib/pagetype): general features read right, and pages that
// are plainly of one kind classified as that kind, through extract().
#include "pagetype.h"

#include <gtest/gtest.h>

#include <cmath>

#include <string>
#include <vector>

#include "decode.h"
#include "dom.h"
#include "block_features.h"
#include "metadata.h"
#include "patterns.h"
#include "prescan.h"
#include "score.h"
#include "segment.h"

namespace extractor {
namespace {

std::string Repeat(const std::string& unit, int n) {
  std::string out;
  for (int i = 0; i < n; ++i) {
    std::string u = unit;
    for (std::size_t at; (at = u.find("{i}")) != std::string::npos;) u.replace(at, 3, std::to_string(i + 1));
    out += u;
  }
  return out;
}

const char kProse[] =
    "The committee met on Tuesday to discuss the proposal, which would change how the city "
    "plans its parks, roads and schools over the next ten years. Several members said that "
    "the plan needed more work, while others argued that waiting would only raise its cost. ";

std::string ArticlePage() {
  return std::string(
             "<html><head><title>Council weighs a ten-year plan for parks | The Daily Courier"
             "</title><meta property=\"og:type\" content=\"article\">"
             "<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\","
             "\"@type\":\"NewsArticle\",\"headline\":\"Council weighs a ten-year plan\","
             "\"datePublished\":\"2024-05-02\",\"author\":{\"@type\":\"Person\",\"name\":"
             "\"Dana Whitfield\"}}</script></head><body><nav><a href=\"/\">Home</a>"
             "<a href=\"/news\">News</a></nav><article><h1>Council weighs a ten-year plan for "
             "parks</h1><p class=\"byline\">By Dana Whitfield, May 2, 2024</p>") +
         Repeat(std::string("<p>") + kProse + kProse + "</p>", 8) +
         "</article><footer>© 2024 The Daily Courier</footer></body></html>";
}

std::string ProductPage() {
  return std::string(
             "<html><head><title>Trail Runner 3 waterproof shoe – Buy online | Outfitters Shop"
             "</title><meta property=\"og:type\" content=\"product\">"
             "<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\","
             "\"@type\":\"Product\",\"name\":\"Trail Runner 3\",\"offers\":{\"@type\":\"Offer\","
             "\"price\":\"129.99\",\"priceCurrency\":\"USD\"},\"aggregateRating\":{\"@type\":"
             "\"AggregateRating\",\"ratingValue\":\"4.6\",\"reviewCount\":\"212\"}}</script>"
             "</head><body><nav><a href=\"/shop\">Shop</a><a href=\"/cart\">Cart</a></nav>"
             "<main><h1>Trail Runner 3</h1><p class=\"price\">$129.99</p><p>4.6 out of 5</p>"
             "<p>212 reviews</p><button>Add to cart</button><p>In stock</p><label>Quantity"
             "</label><h2>Description</h2><p>A light waterproof shoe for long days on rough "
             "trails, with a grippy sole and a snug, breathable upper.</p><h2>Specifications"
             "</h2><table><tr><td>Weight</td><td>280 g</td></tr><tr><td>Drop</td><td>6 mm</td>"
             "</tr><tr><td>Upper</td><td>Recycled mesh</td></tr></table></main>") +
         Repeat("<div class=\"card\"><a href=\"/p/{i}\">Other shoe {i}</a><span>$99.00</span>"
                "</div>",
                6) +
         "<footer>Free shipping on orders over $50</footer></body></html>";
}

std::string ForumPage() {
  return std::string(
             "<html><head><title>Which tent for a first winter trip? - Outdoor Forum</title>"
             "</head><body><nav><a href=\"/forum\">Forums</a><a href=\"/forum/camping\">"
             "Camping</a></nav><h1>Which tent for a first winter trip?</h1>") +
         Repeat("<div class=\"post\" id=\"post-{i}\"><div class=\"post-author\">"
                "<a href=\"/members/{i}\">hiker{i}</a><span>Joined: Mar 2019</span>"
                "<span>Posts: 1{i}4</span></div><div class=\"post-date\">Jan {i}, 2024</div>"
                "<div class=\"post-body\"><p>I have used a four-season tent for years and it "
                "kept me dry and warm in heavy snow; a three-season one did not.</p></div>"
                "<div class=\"post-tools\"><a href=\"#\">Reply</a> <a href=\"#\">Quote</a>"
                "</div></div>",
                8) +
         "</body></html>";
}

Result Extract(const std::string& html, const std::string& url) {
  PageInfo page;
  page.url = url;
  return Extractor().extract(html, page);
}

TEST(PageType, Names) {
  EXPECT_STREQ(to_string(PageType::kArticle), "article");
  EXPECT_STREQ(to_string(PageType::kForum), "forum");
  EXPECT_STREQ(to_string(PageType::kProduct), "product");
  EXPECT_STREQ(to_string(PageType::kListing), "listing");
  EXPECT_STREQ(to_string(PageType::kDocumentation), "documentation");
  EXPECT_STREQ(to_string(PageType::kService), "service");
  EXPECT_STREQ(to_string(PageType::kOther), "other");
}

// The feature vector of a page, as extract() computes it.
std::vector<float> Features(const std::string& html, const std::string& url) {
  const Patterns patterns;
  const Options options;
  Prescanned pre = prescan(decode(html, patterns.charsets()).text, PrescanOptions::all(options.max_depth));
  const Dom dom(std::move(pre.html), pre.stash);
  Segments seg = segment(dom, patterns, options, url);
  compute_features(&seg.blocks, patterns);
  const Scores scores = score(seg, options);
  PageInfo page;
  page.url = url;
  const Metadata meta = extract_metadata(MetadataInput{dom, pre.json_ld, seg, scores, page, patterns});
  return page_features(PageTypeInput{dom, pre.json_ld, seg, scores, meta, patterns});
}

TEST(PageType, SchemaTypesOgTypeAndWords) {
  const std::vector<float> p = Features(ProductPage(), "https://shop.example/p/trail-runner-3");
  ASSERT_EQ(p.size(), static_cast<std::size_t>(kPageFeatureCount));
  EXPECT_EQ(p[kP_schema_product], 1.0f);
  EXPECT_EQ(p[kP_schema_rating], 1.0f);
  EXPECT_EQ(p[kP_schema_article], 0.0f);
  EXPECT_EQ(p[kP_og_product], 1.0f);
  EXPECT_GT(p[kP_word_price], 0.0f);
  EXPECT_GT(p[kP_word_cart], 0.0f);
  EXPECT_GT(p[kP_word_rating], 0.0f);
  EXPECT_EQ(p[kP_url_product_word], 1.0f);  // "p" in the path
  EXPECT_EQ(p[kP_title_shop], 1.0f);
  EXPECT_GT(p[kP_rep_items], 0.0f);  // the cards

  const std::vector<float> a = Features(ArticlePage(), "https://courier.example/news/2024/05/02/council-weighs-a-ten-year-plan");
  EXPECT_EQ(a[kP_schema_article], 1.0f);
  EXPECT_EQ(a[kP_schema_person], 1.0f);
  EXPECT_EQ(a[kP_og_article], 1.0f);
  EXPECT_EQ(a[kP_url_date], 1.0f);
  EXPECT_EQ(a[kP_url_article_word], 1.0f);
  EXPECT_EQ(a[kP_url_slug_words], 6.0f);
  EXPECT_EQ(a[kP_url_depth], 5.0f);
  EXPECT_EQ(a[kP_meta_date], 1.0f);
  EXPECT_EQ(a[kP_meta_author], 1.0f);
  EXPECT_GT(a[kP_long_paragraphs], 0.0f);
  EXPECT_EQ(a[kP_word_price], 0.0f);

  const std::vector<float> f = Features(ForumPage(), "https://outdoors.example/forum/threads/which-tent.1234/");
  EXPECT_EQ(f[kP_url_forum_word], 1.0f);
  EXPECT_EQ(f[kP_title_forum], 1.0f);
  EXPECT_GT(f[kP_word_forum], 0.0f);
  EXPECT_GE(f[kP_rep_items], std::log1p(8.0f) - 1e-5f);  // eight posts
  EXPECT_EQ(f[kP_rep_dated], 1.0f);                      // each with its date
}

TEST(PageType, FormControlsAndButtonWords) {
  // The segmenter leaves controls out of the blocks; the page type counts
  // them where they stand, with the words of buttons.
  const std::vector<float> p = Features(ProductPage(), "https://shop.example/p/trail-runner-3");
  EXPECT_EQ(p[kP_ctl_buttons], std::log1p(1.0f));
  EXPECT_EQ(p[kP_btn_cart], std::log1p(1.0f));  // <button>Add to cart</button>
  EXPECT_EQ(p[kP_ctl_inputs], 0.0f);
  const std::vector<float> f = Features(
      "<html><body><h1>Book a consultation</h1><p>Tell us about your project.</p>"
      "<form action=\"/send\"><input type=\"text\" name=\"name\"><input type=\"email\" "
      "name=\"mail\"><input type=\"hidden\" name=\"token\"><input type=\"checkbox\">"
      "<select name=\"budget\"><option>Small</option></select><textarea></textarea>"
      "<input type=\"submit\" value=\"Get a free estimate\"></form>"
      "<div><button>Reply</button><button aria-label=\"Load more\"></button></div>"
      "<a class=\"btn btn-primary\" href=\"/start\">Get started</a>"
      "<a class=\"subtitle\" href=\"/about\">Contact us</a></body></html>",
      "https://agency.example/contact");
  EXPECT_EQ(f[kP_ctl_forms], std::log1p(1.0f));
  EXPECT_EQ(f[kP_ctl_inputs], std::log1p(3.0f));   // text, email, textarea: not hidden, not a box
  EXPECT_EQ(f[kP_ctl_selects], std::log1p(1.0f));
  EXPECT_EQ(f[kP_ctl_buttons], std::log1p(3.0f));  // the submit input, two <button>s
  EXPECT_EQ(f[kP_btn_forum], std::log1p(1.0f));    // "Reply"
  EXPECT_EQ(f[kP_btn_more], std::log1p(1.0f));     // its label: "Load more"
  // "Get a free estimate" and the link marked as a button; "subtitle" holds no
  // button word, so its link is no button.
  EXPECT_EQ(f[kP_btn_service], std::log1p(2.0f));
  EXPECT_EQ(f[kP_btn_cart], 0.0f);
}

TEST(PageType, HeadMetadataAndGenerator) {
  auto head = [](const std::string& meta) {
    return Features("<html><head><title>Trail Runner X200 | Outfitters</title>" + meta +
                        "</head><body><p>x</p></body></html>",
                    "https://example.org/a");
  };
  const std::vector<float> shop = head(
      "<meta property=\"product:price:amount\" content=\"129.99\">"
      "<meta name=\"generator\" content=\"WooCommerce 8.2\">");
  EXPECT_EQ(shop[kP_meta_price], 1.0f);
  EXPECT_EQ(shop[kP_gen_shop], 1.0f);
  EXPECT_EQ(shop[kP_gen_cms], 0.0f);
  EXPECT_EQ(shop[kP_title_model], 1.0f);  // "X200"
  const std::vector<float> post = head(
      "<meta property=\"article:published_time\" content=\"2024-05-02T10:00:00Z\">"
      "<meta property=\"article:modified_time\" content=\"2024-05-03T10:00:00Z\">"
      "<meta property=\"article:section\" content=\"Gear\">"
      "<meta name=\"generator\" content=\"WordPress 6.5\">");
  EXPECT_EQ(post[kP_meta_published], 1.0f);
  EXPECT_EQ(post[kP_meta_modified_only], 0.0f);
  EXPECT_EQ(post[kP_meta_section], 1.0f);
  EXPECT_EQ(post[kP_gen_cms], 1.0f);
  EXPECT_EQ(post[kP_meta_price], 0.0f);
  const std::vector<float> page = head(
      "<meta property=\"article:modified_time\" content=\"2024-05-03T10:00:00Z\">"
      "<meta name=\"generator\" content=\"mkdocs-1.6.1, mkdocs-material-9.5.3\">");
  EXPECT_EQ(page[kP_meta_modified_only], 1.0f);
  EXPECT_EQ(page[kP_gen_docs], 1.0f);
  const struct {
    const char* generator;
    PageFeature kind;
  } kinds[] = {{"Discourse", kP_gen_forum}, {"Elementor 3.21.4", kP_gen_builder},
               {"MediaWiki 1.41.0", kP_gen_wiki}};
  for (const auto& k : kinds) {
    const std::vector<float> g = head(std::string("<meta name=\"generator\" content=\"") +
                                      k.generator + "\">");
    EXPECT_EQ(g[k.kind], 1.0f) << k.generator;
    EXPECT_EQ(g[kP_gen_cms], 0.0f) << k.generator;
  }
  EXPECT_EQ(Features("<html><head><title>The 1990s in 21st-century eyes</title></head>"
                     "<body><p>x</p></body></html>", "https://example.org/a")[kP_title_model],
            0.0f);
}

TEST(PageType, HeadlinesLinksHeadingsAndVoice) {
  const std::string cards =
      "<html><body><nav><a href=\"/\">Home</a><a href=\"/news\">News</a></nav>"
      "<p><a href=\"#top\">Back to top</a></p>" +
      Repeat("<div class=\"card\"><h3><a href=\"/story-{i}\">Council weighs a ten-year plan "
             "{i}</a></h3><p>Short summary.</p></div>",
             5) +
      "<h3>Why does it matter?</h3><p>" + kProse + "</p></body></html>";
  const std::vector<float> c = Features(cards, "https://courier.example/news/");
  EXPECT_EQ(c[kP_headline_links], std::log1p(5.0f));
  EXPECT_EQ(c[kP_linked_headings], std::log1p(5.0f));
  EXPECT_FLOAT_EQ(c[kP_linked_heading_share], 5.0f / 6.0f);
  EXPECT_EQ(c[kP_deep_headings], std::log1p(6.0f));
  EXPECT_FLOAT_EQ(c[kP_question_headings], 1.0f / 6.0f);
  EXPECT_GE(c[kP_fragment_links], std::log1p(1.0f));
  EXPECT_EQ(c[kP_nav_links], std::log1p(2.0f));

  // Who the content speaks as: a firm to its client, or a reporter.
  const std::vector<float> firm = Features(
      "<html><body><main><h1>Business formation</h1>" +
          Repeat("<p>We help you form your company. Our lawyers draft your papers and we file "
                 "them with the state, so that you can open your doors sooner.</p>",
                 6) +
          "</main></body></html>",
      "https://firm.example/business-formation/");
  EXPECT_GT(firm[kP_pron_we], 5.0f);  // per 100 words
  EXPECT_GT(firm[kP_pron_you], 5.0f);
  EXPECT_EQ(firm[kP_pron_i], 0.0f);
  const std::vector<float> diary = Features(
      "<html><body><article><h1>My first winter trip</h1>" +
          Repeat("<p>I packed my old tent and a stove a friend lent me, and I walked up the "
                 "valley before dawn while the snow was still hard.</p>",
                 6) +
          "</article></body></html>",
      "https://hiker.example/2024/01/my-first-winter-trip");
  EXPECT_GT(diary[kP_pron_i], 5.0f);
  EXPECT_EQ(diary[kP_pron_we], 0.0f);
  const std::vector<float> a = Features(ArticlePage(), "https://courier.example/news/2024/05/02/council-weighs-a-ten-year-plan");
  EXPECT_EQ(a[kP_pron_we], 0.0f);
  EXPECT_EQ(a[kP_pron_you], 0.0f);
}

TEST(PageType, UrlShape) {
  auto url = [](const std::string& u) { return Features("<p>x</p>", u); };
  const std::vector<float> docs = url("https://docs.example.org/guide/install");
  EXPECT_EQ(docs[kP_url_docs_word], 1.0f);  // the host's "docs" and the path's "guide"
  EXPECT_EQ(docs[kP_url_depth], 2.0f);
  const std::vector<float> home = url("https://example.org/");
  EXPECT_EQ(home[kP_url_root], 1.0f);
  EXPECT_EQ(home[kP_url_depth], 0.0f);
  const std::vector<float> list = url("https://example.org/category/shoes?page=2");
  EXPECT_EQ(list[kP_url_listing_word], 1.0f);
  EXPECT_EQ(list[kP_url_query], 1.0f);
  // A site's name is no word: "forumexample" is not "forum".
  EXPECT_EQ(url("https://forumexample.org/a-b")[kP_url_forum_word], 0.0f);
}

TEST(PageType, PlainPagesOfEachKind) {
  const Result article =
      Extract(ArticlePage(), "https://courier.example/news/2024/05/02/council-weighs-a-ten-year-plan");
  EXPECT_EQ(article.page_type, PageType::kArticle);
  EXPECT_GT(article.article_probability, 0.5f);
  EXPECT_EQ(article.page_type_confidence, article.article_probability);

  const Result product = Extract(ProductPage(), "https://shop.example/p/trail-runner-3");
  EXPECT_EQ(product.page_type, PageType::kProduct);
  EXPECT_LT(product.article_probability, 0.5f);

  const Result forum = Extract(ForumPage(), "https://outdoors.example/forum/threads/which-tent.1234/");
  EXPECT_EQ(forum.page_type, PageType::kForum);
  EXPECT_LT(forum.article_probability, 0.5f);
  for (const Result* r : {&article, &product, &forum}) {
    EXPECT_GE(r->page_type_confidence, kPageTypeFloor);
    EXPECT_LE(r->page_type_confidence, 1.0f);
  }
}

TEST(PageType, InJson) {
  const Result r = Extract(ArticlePage(), "https://courier.example/news/2024/05/02/council-weighs-a-ten-year-plan");
  EXPECT_NE(render_json(r).find("\"page_type\":\"article\""), std::string::npos);
  JsonOptions full;
  full.full = true;
  const std::string j = render_json(r, full);
  EXPECT_NE(j.find("\"page_type_confidence\":"), std::string::npos);
  EXPECT_NE(j.find("\"article_probability\":"), std::string::npos);
}

TEST(PageType, ForumWithoutVisibleTextStillAForum) {
  // A thread whose posts the browser renders by script, and no <noscript>
  // view either (that one would be read, lib/regions.h): no text, but its
  // JSON-LD, its URL and its title say what it is.
  const std::string page =
      "<html><head><title>Tent for a first winter trip? - Support - Outdoor Community</title>"
      "<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\",\"@type\":"
      "\"DiscussionForumPosting\",\"headline\":\"Tent for a first winter trip?\","
      "\"author\":{\"@type\":\"Person\",\"name\":\"hiker1\"}}</script></head>"
      "<body><div id=\"app\"></div><script>render()</script></body></html>";
  const Result r = Extract(page, "https://community.example/t/tent-for-a-first-winter-trip/4412");
  EXPECT_TRUE(r.text.empty());
  EXPECT_EQ(r.page_type, PageType::kForum);
}

TEST(PageType, NothingReadIsOther) {
  const Result empty = Extractor().extract("");
  EXPECT_EQ(empty.page_type, PageType::kOther);
  EXPECT_EQ(empty.page_type_confidence, 0.0f);
  const Result pdf = Extractor().extract("%PDF-1.4\n%\xE2\xE3\xCF\xD3\n");
  EXPECT_EQ(pdf.page_type, PageType::kOther);
  EXPECT_EQ(pdf.article_probability, 0.0f);
}

}  // namespace
}  // namespace extractor
