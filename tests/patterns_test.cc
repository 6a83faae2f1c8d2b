// Unit tests for lib/patterns: attribute words and text phrases.
#include "patterns.h"

#include <gtest/gtest.h>

#include <string_view>

namespace extractor {
namespace {

const Patterns& P() {
  static const Patterns* const kPatterns = new Patterns();
  return *kPatterns;
}

std::uint32_t Attr(std::string_view words) { return P().attribute_cues(words); }
std::uint32_t Text(std::string_view text) { return P().text_cues(text); }

// Every word fires `cue`.
void ExpectAttr(std::uint32_t cue, std::initializer_list<std::string_view> words) {
  for (std::string_view w : words) EXPECT_TRUE(Attr(w) & cue) << "\"" << w << "\"";
}
// No word fires `cue`.
void ExpectNotAttr(std::uint32_t cue, std::initializer_list<std::string_view> words) {
  for (std::string_view w : words) EXPECT_FALSE(Attr(w) & cue) << "\"" << w << "\"";
}
void ExpectText(std::uint32_t cue, std::initializer_list<std::string_view> texts) {
  for (std::string_view t : texts) EXPECT_TRUE(Text(t) & cue) << "\"" << t << "\"";
}
void ExpectNotText(std::uint32_t cue, std::initializer_list<std::string_view> texts) {
  for (std::string_view t : texts) EXPECT_FALSE(Text(t) & cue) << "\"" << t << "\"";
}

// --- folding ----------------------------------------------------------------------

TEST(Patterns, FoldAttributeWords) {
  EXPECT_EQ(fold_attribute_words("mainNav  Footer_links"), "main-nav  footer_links");
  EXPECT_EQ(fold_attribute_words("relatedPostsWidget"), "related-posts-widget");
  EXPECT_EQ(fold_attribute_words("NAV"), "nav");
  EXPECT_EQ(fold_attribute_words("x1Y"), "x1y");  // a digit is not a lower-case letter
  EXPECT_EQ(fold_attribute_words(""), "");
}

TEST(Patterns, CamelCaseFolding) {
  EXPECT_TRUE(Attr("mainNav") & kCueNav);
  EXPECT_TRUE(Attr("siteFooter") & kCueFooter);
  EXPECT_TRUE(Attr("RightRail") & kCueSidebar);
  EXPECT_TRUE(Attr("articleBody") & kCueArticle);
  EXPECT_TRUE(Attr("adSlot") & kCueAd);
  // Folding does not invent boundaries inside lower-case words.
  EXPECT_FALSE(Attr("canvasnavy") & kCueNav);
}

TEST(Patterns, EmptyWordsHaveNoCues) {
  EXPECT_EQ(Attr(""), 0u);
  EXPECT_EQ(Attr("   "), 0u);
  EXPECT_EQ(Text(""), 0u);
}

// --- attribute groups: typical words and near-misses --------------------------

TEST(Patterns, NavCue) {
  ExpectAttr(kCueNav, {"nav", "navbar", "main-menu", "site-navigation", "pagination",
                       "skip-link", "toc", "menu-item", "navigation", "top-nav"});
  ExpectNotAttr(kCueNav, {"unavailable", "canvas", "navy-blue", "menuiserie", "tocsin",
                          "synopsis"});
}

// A search box is navigation; the results of a search are a listing's items.
TEST(Patterns, SearchBoxIsNavSearchResultsAreNot) {
  ExpectAttr(kCueNav, {"search", "site-search", "search-form", "search_box", "searchform",
                       "header search-toggle", "search-wrapper"});
  ExpectNotAttr(kCueNav, {"search-results", "product-search-results tab-pane",
                          "search-page-wrapper", "searchresults", "search-result-item"});
}

TEST(Patterns, BreadcrumbImpliesNav) {
  EXPECT_TRUE(Attr("breadcrumbs") & kCueBreadcrumb);
  EXPECT_TRUE(Attr("breadcrumbs") & kCueNav);
  EXPECT_TRUE(Attr("crumbs") & kCueBreadcrumb);
}

TEST(Patterns, HeaderCue) {
  ExpectAttr(kCueHeader, {"masthead", "site-header", "siteHeader", "top-bar", "site-logo",
                          "branding"});
  ExpectNotAttr(kCueHeader, {"head", "header-image", "subheader", "article-header",
                             "heading"});
}

TEST(Patterns, FooterCue) {
  ExpectAttr(kCueFooter, {"footer", "site-footer", "foot", "copyright", "colophon",
                          "page-footer", "entry-footer", "impressum"});
  ExpectNotAttr(kCueFooter, {"footnote", "footnotes", "football", "barefoot"});
}

TEST(Patterns, SidebarCue) {
  ExpectAttr(kCueSidebar, {"sidebar", "side-bar", "right-rail", "widgets", "col-right",
                           "secondary", "sidebar-primary", "sidebar widget-area"});
  // A bare "widget" is any block of a theme: blog platforms wrap the post
  // list in "widget Blog", and a "widget-area" is any widgetized part of a
  // layout (a home page's sections of posts as well as its sidebar).
  ExpectNotAttr(kCueSidebar, {"trail", "railway", "widgetized-content-none", "widget Blog",
                              "home-bottom widget-area"});
}

TEST(Patterns, TaxonomyWordsOfAPostSayNothing) {
  // The slugs of a post's categories and tags, and its state, are the
  // author's words, not the element's role.
  EXPECT_EQ(Attr("post-12 post type-post status-publish format-aside hentry "
                 "category-advertising tag-social-media tag-related-links"),
            Attr("post-12 post type-post hentry"));
  EXPECT_FALSE(Attr("entry category-newsletter tag-comments") &
               (kCueNewsletter | kCueComment | kCueByline | kCueSidebar));
  EXPECT_EQ(drop_taxonomy_words("post status-publish tag-foo"), "post");
  // The words that name a list of tags still do.
  ExpectAttr(kCueTags, {"tag-list", "tag-cloud", "category-links"});
  // Only words that begin with a taxonomy prefix are dropped.
  EXPECT_EQ(drop_taxonomy_words("main-category-news tag-list"), "main-category-news tag-list");
}

TEST(Patterns, RelatedCue) {
  ExpectAttr(kCueRelated, {"related-posts", "recommended", "read-also", "more-stories",
                           "you-may-like", "trending", "most-read", "outbrain", "taboola",
                           "yarpp", "jp-relatedposts", "popular-articles", "relate-news",
                           "relateList"});
  ExpectNotAttr(kCueRelated, {"thread", "reader", "readable", "more", "story", "correlate"});
}

TEST(Patterns, NewsletterCue) {
  ExpectAttr(kCueNewsletter, {"newsletter", "subscribe-box", "signup", "sign-up-form",
                              "mc4wp-form", "mailchimp", "email-signup"});
  ExpectNotAttr(kCueNewsletter, {"signal", "sign", "design"});
}

TEST(Patterns, DonateCue) {
  ExpectAttr(kCueDonate, {"donate", "donation-banner", "membership", "support-us",
                          "paywall-prompt", "tinypass", "contribute"});
  // A bare "paywall" class marks the text a paywall hides: the article.
  ExpectNotAttr(kCueDonate, {"paywall", "contributor", "supportive", "supporting"});
}

TEST(Patterns, ConsentCue) {
  ExpectAttr(kCueConsent, {"cookie-banner", "cookieConsent", "gdpr", "onetrust-banner-sdk",
                           "cmp-banner", "privacy-notice", "didomi-popup"});
  ExpectNotAttr(kCueConsent, {"cmp-text", "cmp", "cmp-image", "privacy-policy-text"});
}

TEST(Patterns, ShareCue) {
  ExpectAttr(kCueShare, {"share", "social-links", "share-buttons", "addtoany", "follow-us",
                         "twitter", "facebook"});
  ExpectNotAttr(kCueShare, {"shadow", "shallow", "twitterish"});
}

TEST(Patterns, AdCue) {
  ExpectAttr(kCueAd, {"ad", "ads", "ad-slot", "adsbygoogle", "advertisement", "ad_300x250",
                      "sponsored", "promo", "dfp-slot", "google-ad"});
  ExpectNotAttr(kCueAd, {"head", "download", "shadow", "thread", "loaded", "badge", "radio",
                         "add", "gradient", "header"});
}

TEST(Patterns, CommentCue) {
  ExpectAttr(kCueComment, {"comments", "comment", "comment-list", "commentlist", "disqus_thread",
                           "respond", "replies", "comments-area"});
  ExpectNotAttr(kCueComment, {"commentary", "commentator", "uncommented"});
}

TEST(Patterns, BylineCue) {
  ExpectAttr(kCueByline, {"byline", "post-meta", "entry-meta", "author", "date", "published",
                          "timestamp"});
  ExpectNotAttr(kCueByline, {"update-box", "authority", "candidate", "metadata-free"});
}

TEST(Patterns, CaptionCue) {
  ExpectAttr(kCueCaption, {"caption", "wp-caption-text", "image-credit", "photo-desc"});
  ExpectNotAttr(kCueCaption, {"captive", "legendary"});
}

TEST(Patterns, HiddenCueWholeClassTokensOnly) {
  ExpectAttr(kCueHidden, {"hidden", "sr-only", "visually-hidden", "screen-reader-text",
                          "a b sr-only", "element-invisible", "hide"});
  ExpectNotAttr(kCueHidden, {"overflow-hidden", "hidden-xs", "hidden-sm-down", "is-hiding",
                             "shidden", "hide-on-mobile", "not-hidden"});
}

TEST(Patterns, ArticleCue) {
  ExpectAttr(kCueArticle, {"article", "article-body", "entry-content", "post-content",
                           "story-body", "articleBody", "prose", "content"});
  ExpectNotAttr(kCueArticle, {"contentinfo-bar", "poster", "storyline", "postal"});
}

TEST(Patterns, TagsCue) {
  ExpectAttr(kCueTags, {"tags", "tag-list", "post-tags", "categories", "topics"});
  ExpectNotAttr(kCueTags, {"tagline", "stage", "vintage"});
}

TEST(Patterns, FeedModalAudioToolsCues) {
  ExpectAttr(kCueFeed, {"news-ticker", "latest", "newsfeed"});
  ExpectNotAttr(kCueFeed, {"feedback", "latestnews-ish", "riverside"});
  ExpectAttr(kCueModal, {"modal", "popup", "overlay", "off-canvas", "lightbox"});
  ExpectNotAttr(kCueModal, {"canvas", "modality"});
  ExpectAttr(kCueAudio, {"audio-player", "listen", "tts"});
  ExpectNotAttr(kCueAudio, {"players-list", "listening-room"});
  ExpectAttr(kCueTools, {"toolbar", "print", "article-tools", "reading-time"});
  ExpectNotAttr(kCueTools, {"printed-matter", "toolkit"});
}

TEST(Patterns, AuthorBioLeadTitleLoginCues) {
  ExpectAttr(kCueAuthorBio, {"author-bio", "about-the-author", "author-box", "bio"});
  ExpectNotAttr(kCueAuthorBio, {"biology", "author"});
  ExpectAttr(kCueLead, {"lead", "standfirst", "dek", "article-summary", "intro"});
  ExpectNotAttr(kCueLead, {"leader", "leading", "decker", "introspect"});
  ExpectAttr(kCueTitle, {"headline", "entry-title", "post-title"});
  ExpectNotAttr(kCueTitle, {"titles-list-x", "subtitle-ish"});
  ExpectAttr(kCueLogin, {"login", "sign-in", "my-account", "register"});
  ExpectNotAttr(kCueLogin, {"accountant", "authority"});
}

TEST(Patterns, MainCue) {
  ExpectAttr(kCueMain, {"main", "main content"});
  ExpectNotAttr(kCueMain, {"domain", "mainland", "remaining"});
}

TEST(Patterns, ItempropArticleBodyIsMain) {
  // Regression: patterns.h documents kCueMain for itemprop=articleBody and the
  // group lists "articlebody", but attribute_cues() folds camelCase first:
  // "articleBody" becomes "article-body", which the kCueMain group does not
  // match (kCueArticle fires instead). No camelCase spelling can match it.
  EXPECT_TRUE(Attr("articleBody") & kCueMain);
}

TEST(Patterns, NearMissesCarryNoBoilerplateCue) {
  for (std::string_view w : {"head", "download", "unavailable", "footnote", "commentary",
                             "overflow-hidden", "hidden-xs", "shadow", "thread", "canvas",
                             "cmp-text"})
    EXPECT_EQ(Attr(w) & kBoilerplateCues, 0u) << "\"" << w << "\"";
}

TEST(Patterns, SeveralWordsCombine) {
  const std::uint32_t c = Attr("post-footer share-buttons");
  EXPECT_TRUE(c & kCueFooter);
  EXPECT_TRUE(c & kCueShare);
  EXPECT_FALSE(c & kCueNav);
}

// --- text phrases -------------------------------------------------------------

TEST(Patterns, ReadAlsoText) {
  ExpectText(kTextReadAlso, {"Read also:", "READ MORE:", "Related articles", "See also",
                             "Lesen Sie auch:", "Mehr zum Thema", "Lire aussi :",
                             "Читайте также:", "Читайте также", "相关阅读", "延伸阅读：",
                             "関連記事", "→ Read also: The other story"});
  ExpectNotText(kTextReadAlso,
                {"Read also the report, which the committee published on Monday.",
                 "Related to this, the council voted.", "He wanted to read more books."});
}

TEST(Patterns, ReadingTimeText) {
  ExpectText(kTextReadingTime, {"2 min read", "5 minute read", "3 mins read", "Reading time",
                                "Lesezeit: 4 Minuten", "5 分钟阅读", "3 мин. чтения"});
  ExpectNotText(kTextReadingTime, {"It took 2 minutes to read the verdict.", "10 min walk"});
}

TEST(Patterns, FormHintText) {
  ExpectText(kTextFormHint, {"* indicates required", "Enter your email", "Email address",
                             "Thank you for subscribing!"});
  ExpectNotText(kTextFormHint, {"The statute indicates that a permit is needed."});
}

TEST(Patterns, AdText) {
  ExpectText(kTextAd, {"Advertisement", "ADVERTISEMENT", "- Advertisement -", "Anzeige",
                       "Sponsored content", "Реклама", "广告"});
  ExpectNotText(kTextAd, {"The advertisement industry grew by 4% last year.",
                          "Advertisements were banned from the stadium."});
}

TEST(Patterns, CopyrightText) {
  ExpectText(kTextCopyright, {"© 2021 Example Media", "(c) 2019 Example", "Copyright 2020",
                              "All rights reserved.", "Alle Rechte vorbehalten",
                              "Все права защищены", "版权所有"});
  ExpectNotText(kTextCopyright, {"(c) the third option", "A copy right here."});
  // Chinese disclaimers, reprint notices, editor lines and app prompts, at
  // the start of a block only.
  ExpectText(kTextCopyright, {"【免责声明】本文仅代表作者本人观点", "如需转载请与本报联系",
                              "责任编辑：张三", "扫码下载客户端"});
  ExpectNotText(kTextCopyright, {"他在会上宣读了免责声明的内容。"});
}

TEST(Patterns, ShareText) {
  ExpectText(kTextShare, {"Share on Facebook", "Share", "Tweet", "Share this:",
                          "Facebook Twitter Email", "Teilen", "Поделиться"});
  ExpectNotText(kTextShare, {"Shares fell sharply on Monday.",
                             "Facebook said it would appeal the decision."});
}

TEST(Patterns, SubscribeDonateCookieText) {
  ExpectText(kTextSubscribe, {"Subscribe to our newsletter", "Sign up", "Jetzt anmelden",
                              "Подпишитесь на рассылку", "订阅"});
  ExpectText(kTextDonate, {"Support independent journalism", "Donate now",
                           "Become a member", "Поддержите нас"});
  ExpectText(kTextCookie, {"We use cookies to improve your experience.", "Accept all",
                           "Privacy settings"});
}

TEST(Patterns, SupportInProseIsNotADonationAppeal) {
  ExpectText(kTextDonate, {"Please support us", "Support the site on Patreon",
                           "Support this podcast", "Support our work"});
  // "support the ..." and "support us..." run on in ordinary sentences.
  ExpectNotText(kTextDonate, {"Shout out to Ann for landing the changes to support the migration!",
                              "Add telemetry for tracking multiple PiP support usage",
                              "The bill has the support of the governor."});
}

TEST(Patterns, CookieInProseIsNotACookieNotice) {
  // Regression: kTextCookie is unanchored ("cookies?\b", "consent", ...), so any
  // block of up to 300 characters that mentions cookies or consent is a
  // cookie notice: text_logit() then takes 2.5 off it, and a recipe step or
  // a short news paragraph is pruned (see Score.DISABLED_RecipeStepAboutCookiesKept).
  ExpectNotText(kTextCookie, {"Let the cookies cool on a rack for ten minutes.",
                              "The age of consent was raised to 16 in 1885."});
}

TEST(Patterns, LoginCommentsPrevNextText) {
  ExpectText(kTextLogin, {"Log in", "Sign in", "Register", "Войти"});
  ExpectNotText(kTextLogin, {"Log in to the server with ssh and run the script."});
  ExpectText(kTextComments, {"12 comments", "Leave a reply", "Post a comment",
                             "Comments are closed."});
  ExpectText(kTextPrevNext, {"Previous article", "Next post", "« Older", "Next:"});
  ExpectNotText(kTextPrevNext, {"Next, heat the oil in a pan."});
}

TEST(Patterns, CreditBylineDateTagsMoreText) {
  ExpectText(kTextCredit, {"Photo: Reuters", "Getty Images", "Image by Jane Roe",
                           "Foto: dpa"});
  ExpectText(kTextByline, {"By Jane Doe", "Written by Ann Lee", "Von Max Muster",
                           "Автор: Иван Петров"});
  ExpectNotText(kTextByline, {"By 2030 the plan should be complete.",
                              "Bypass the gate."});
  ExpectText(kTextTags, {"Tags: politics, europe", "Topics:", "Schlagworte: EU"});
  ExpectText(kTextMoreLink, {"Read more", "Continue reading →", "Weiterlesen", "阅读全文"});
  ExpectNotText(kTextMoreLink, {"Read more about the plan in our explainer."});
}

TEST(Patterns, ProseHasNoTextCues) {
  EXPECT_EQ(Text("The committee met on Tuesday to discuss the budget, which has grown "
                 "by a fifth since the last election."),
            0u);
  EXPECT_EQ(Text("Комитет собрался во вторник, чтобы обсудить бюджет."), 0u);
  EXPECT_EQ(Text("委员会周二开会讨论预算问题。"), 0u);
}

}  // namespace
}  // namespace extractor
