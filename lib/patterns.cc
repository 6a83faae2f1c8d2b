// The vocabulary of boilerplate, in one place.
//
// Two tables: words found in class/id/role/data-* attributes, and phrases
// that open (or make up) short blocks of boilerplate text. Each group is one
// RE2 alternation; all groups of a table go into one RE2::Set, so an element
// or a block is tested against every group in a single pass.
//
// Rules for adding words: a word goes in only when it means the same thing on
// many unrelated sites (theme frameworks, CMSs, widget vendors used by
// thousands of sites); never a class name seen on one site.
#include "patterns.h"

#include <algorithm>

#include <re2/re2.h>
#include <re2/set.h>

#include <stdexcept>
#include <vector>

#include "chars.h"
#include "decode.h"
#include "metadata_names.h"
#include "metadata_datetime.h"
#include "pagetype.h"

namespace extractor {
namespace {

// Word boundaries inside a folded attribute string ("main-nav footer_links").
#define B "(?:^|[^a-z0-9])"
#define E "(?:[^a-z0-9]|$)"

struct Group {
  std::uint32_t bit;
  const char* pattern;
};

// Attribute words. Short words that occur inside unrelated words ("ad" in
// "head", "nav" in "unavailable", "foot" in "footnote") are bounded; long
// distinctive stems match anywhere.
const Group kAttributeGroups[] = {
    // Site navigation, menus, pagination, tables of contents, skip links.
    {kCueNav, B "(?:nav|navs|navbar|navigation|menu|menus|menubar|megamenu|mega-menu|submenu|"
              "dropdown|hamburger|pagination|pager|paging|pagenav|page-numbers|skip-?links?|"
              "skip-to|jump-?links?|toc|table-of-contents|tabs|tablist|sitemap|quicklinks|"
              "quick-links|searchform|search-form|lang-?switch|language-?selector)" E
              // A search box is navigation; a list of search results is a
              // listing's very content ("search-results", "search-page"):
              // "search" counts alone or with a box's word after it.
              "|" B "search(?:$|[^a-z0-9_-]|[_-](?:box|bar|form|field|input|button|btn|"
              "toggle|icon|trigger|overlay|modal|popup|drawer|wrapper|wrap|submit|query|label|"
              "open|close)" E ")"
              "|(?:main|top|sub|site|primary|secondary|global|mobile|header|footer|side|"
              "section)-?(?:nav|menu)"
              "|navigation|breadcrumb"},
    // The site's masthead (not an article's own header, which holds the title).
    {kCueHeader, B "(?:masthead|site-?header|global-?header|main-?header|top-?bar|topbar|"
                 "header-?top|header-?bar|top-?header|branding|site-?branding|logo|site-?logo|"
                 "site-?title|banner)" E},
    // Footers, copyright lines, legal links. ("foot" alone is bounded so
    // that footnotes, which are content, stay.)
    {kCueFooter, B "(?:foot|footer|site-?footer|page-?footer|global-?footer|copyright|"
                 "colophon|site-?info|legal|imprint|impressum|bottom-?bar|contentinfo)" E
                 "|footer"},
    // Sidebars, rails and widget columns. (Left columns are left out: in
    // older layouts the left column is as often the article as a menu. A
    // bare "widget" is any block of a theme, the post list included: blog
    // platforms wrap the posts in a "widget Blog", and a "widget-area" is
    // any widgetized part of a layout, a home page's sections of posts as
    // well as its sidebar: the column of widgets names itself.)
    {kCueSidebar, B "(?:sidebar|side-?bar|aside|rail|rightrail|right-?rail|"
                  "right-?col|col-?right|right-?column|"
                  "sidecol|side-?column|widgets|secondary|complementary|"
                  "sidebar-?\\w*)" E
                  "|sidebar"},
    // Related, recommended, read-also, more-news and trending lists.
    {kCueRelated, "related|recommend|read-?also|also-?read|readalso|see-?also|"
                  "read-?next|up-?next|next-?up|whats-?next|further-?reading|"
                  "more-?(?:news|stories|articles|from|on|like|in|to-?read|coverage|"
                  "headlines|posts|videos)|"
                  "you-?may|you-?might|might-?like|may-?like|also-?like|"
                  "popular|trending|most-?(?:read|viewed|popular|shared|commented|recent)|"
                  "top-?stories|top-?news|editors?-?picks?|editors?-?choice|"
                  "outbrain|taboola|zergnet|recirc|similar-?(?:posts|articles|stories)|"
                  "suggested|other-?(?:news|stories|articles|posts)|"
                  "latest-?(?:news|articles|posts|stories|headlines)|"
                  "post-?navigation|nav-?links|article-?list|story-?list|news-?list|"
                  "teaser-?list|card-?list|crp_related|yarpp|jp-relatedposts|"
                  // "relate-news", "relateList": Chinese CMSs' related lists.
                  B "relate(?:[^d]|$)"},
    // Newsletters, subscription prompts and their forms.
    {kCueNewsletter, "newsletter|subscri(?:be|ption|ber)|sign-?up|signup|mailing-?list|"
                     "mailchimp|mc4wp|mc-embed|mc_embed|optin|opt-in|email-?capture|"
                     "email-?signup|email-?form|e-?mail-?alert|inbox"},
    // Donation, membership and paywall appeals.
    // A bare "paywall" class marks the article text a paywall hides (it is
    // the content); the appeals are the prompts, banners and offers.
    {kCueDonate, "donat|membership|become-?a-?member|"
                 "pay-?wall-?(?:prompt|banner|offer|modal|overlay|message|promo|cta|ad|"
                 "inline|container|wrapper|box|notice)|support-?us|"
                 "supportus|contribution|patreon|fundrais|tinypass|piano-|"
                 "premium-?(?:wall|banner|promo|teaser|content-?wall)|meter-?(?:wall|banner)|"
                 "regwall|reg-?wall|subscriber-?only|plus-?teaser|paid-?content|"
                 B "(?:contribute|support|supporter|appeal)" E},
    // Cookie and consent notices.
    {kCueConsent, "cookie|consent|gdpr|onetrust|didomi|truste|cc-?banner|cc-?window|"
                  "privacy-?(?:banner|notice|bar|popup|manager|settings)|"
                  // "cmp" alone is too ambiguous: Adobe's component library
                  // prefixes every component with it ("cmp-text").
                  B "cmp-?(?:banner|container|dialog|modal|popup|overlay|wrapper|ui)" E},
    // Share bars, social links, follow-us.
    {kCueShare, "share|sharing|social|addthis|addtoany|a2a_|sociable|shariff|follow-?us|"
                "followus|" B "(?:sns|tweet|facebook|twitter|whatsapp|pinterest|linkedin|"
                "telegram|reddit|email-?this|print-?this|mail-?to|sharebar)" E},
    // Ads, sponsored content, promos, affiliate boxes.
    {kCueAd, B "(?:ad|ads|adv|advert|adverts|advertisement|advertising|adsense|adslot|"
             "ad-?slot|ad-?unit|ad-?units|ad-?container|ad-?wrapper|ad-?box|ad-?block|"
             "ad-?banner|ad-?zone|adzone|adbox|adblock|dfp|gpt|google-?ads?|sponsor|"
             "sponsors|sponsored|promo|promos|promotion|promoted|commercial|banner-?ad|"
             "native-?ad|affiliate|billboard|leaderboard|skyscraper|mpu|teaser-?ad|"
             "anzeige|werbung|reklama|pub|publicite)" E
             "|" B "ad[-_]|advert|adsbygoogle|sponsor"},
    // Reviews and ratings of a product (a review site's article names its
    // body "review" too: the product reading alone reads this cue).
    {kCueReview, B "(?:reviews?|ratings?|testimonials?|stars?-?rating)" E},
    // Comment threads. ("comment" followed by a letter is "commentary",
    // which is often the article itself.)
    {kCueComment, B "comments?(?:[^a-z]|$)|" B "comment(?:list|form|area|box|section|"
                  "thread|count)|disqus|" B "(?:respond|replies|reply|discussion|"
                  "discussions|talkback|kommentare|commentaires|comentarios)" E},
    // Bylines, datelines, post meta.
    // The short words only as whole class tokens or with a role suffix:
    // WordPress adds "author-<login>" and "category-<slug>" to every post.
    {kCueByline, "byline|by-line|dateline|posted-?on|post-?meta|entry-?meta|"
                 "article-?meta|story-?meta|meta-?info|article-?info|post-?info|"
                 "pubdate|publish|timestamp|"
                 "(?:^|\\s)(?:author|authors|date|time|meta|posted|posted-by|credits?|"
                 "updated|writer|writers|reporter|autor|autoren|verfasser|auteur)(?:\\s|$)|"
                 B "author-?(?:name|names|info|meta|link|links|line|wrap|wrapper|details|"
                 "date)" E "|" B "(?:post|entry|article|story)-?(?:date|time|author|authors)" E},
    // Captions and credits.
    {kCueCaption, "caption|figcaption|credit|photo-?desc|image-?desc|img-?desc|"
                  "media-?desc|" B "(?:legend|copyright-?image|image-?copyright|"
                  "photo-?source|image-?source)" E},
    // Visually hidden content (screen-reader text). Whole class tokens
    // only: "overflow-hidden" and responsive helpers such as "hidden-xs"
    // hide nothing, or only on some screens.
    {kCueHidden, "(?:^|\\s)(?:hidden|is-hidden|visually-?hidden|visuallyhidden|sr-only|"
                 "screen-?reader-?text|screenreader|screen-?reader-?only|offscreen|"
                 "off-?screen|element-?invisible|invisible|u-hidden|hide|hidden-print|"
                 "print-?only|a11y-?only|assistive-?text)(?:\\s|$)"},
    // The article and its body (positive).
    {kCueArticle, B "(?:article|articles?-?body|article-?content|article-?text|content|"
                  "entry|entry-?content|entry-?body|post|post-?content|post-?body|"
                  "post-?text|story|story-?body|story-?content|body|body-?text|"
                  "bodytext|text|main|main-?content|blog|blog-?post|prose|rich-?text|"
                  "richtext|hentry|h-entry|single|page-?content|news-?content|"
                  "news-?text|article__body|post__content|td-post-content|"
                  "field-?body|field-?name-?body|node-?content|"
                  "markdown|md-content|document|doc-content|wysiwyg)" E
                  "|articlebody|article-?body|story-?body|post-?body"},
    // Tag and category lists.
    // Whole class tokens only, for the same reason ("tag-<slug>").
    {kCueTags, "(?:^|\\s)(?:tags?|tag-?(?:list|cloud|links|box|container|wrap|wrapper|"
               "area|section|block)|tagcloud|tags-?list|categories|category|"
               "category-?(?:list|links|box)|cats?|topics?|keywords?|post-?tags|"
               "entry-?tags|entry-?categories|post-?categories|article-?tags|labels?|"
               "terms)(?:\\s|$)"},
    // News feeds, tickers, "latest" columns.
    {kCueFeed, B "(?:news-?feed|newsfeed|feed|feeds|ticker|news-?ticker|latest|flux|"
               "live-?(?:feed|flux|stream|ticker|news|updates?|items?)|"
               "live-?ticker|breaking-?news|headlines|news-?stream|river)" E},
    // Pop-ups, overlays, dialogs, drawers.
    {kCueModal, B "(?:modal|modals|popup|pop-?up|popover|overlay|lightbox|dialog|toast|"
                "interstitial|flyout|drawer|offcanvas|off-?canvas|alert-?bar|notice-?bar|"
                "notification)" E},
    // Audio players, "listen to this article".
    {kCueAudio, B "(?:audio|audio-?player|player|listen|podcast-?player|tts|"
                "text-?to-?speech|speechify|voice-?over|beyondwords)" E},
    // Article tools: print, font size, bookmarks, action bars.
    {kCueTools, B "(?:toolbar|tool-?bar|tools|article-?tools|print|font-?size|"
                "bookmark|bookmarks|save-?article|actions|article-?actions|utility|"
                "utilities|controls|reactions|rating|ratings|votes?|like-?button|"
                "reading-?time|read-?time|readtime|edit-?link|post-?edit-?link)" E},
    // Author boxes under the article.
    {kCueAuthorBio, "author-?(?:bio|box|info|card|profile|about|description|details)|"
                    "about-?(?:the-?)?author|" B "(?:bio|biography|contributor-?bio)" E},
    // Standfirst, lead, summary (positive: the article's first words).
    {kCueLead, B "(?:lead|lede|leadin|lead-?in|standfirst|stand-?first|summary|intro|"
               "introduction|dek|deck|sub-?title|subtitle|subhead|sub-?head|"
               "sub-?headline|kicker|excerpt|teaser-?text|article-?summary|"
               "article-?lead|article-?intro|story-?intro|abstract|chapo|chapeau|"
               "strapline)" E},
    // Headlines.
    {kCueTitle, B "(?:headline|title|entry-?title|post-?title|article-?title|"
                "story-?title|page-?title|heading)" E},
    // Log-in, account, register.
    {kCueLogin, B "(?:login|log-?in|signin|sign-?in|register|registration|account|"
                "user-?menu|my-?account|user-?nav|auth|logout)" E},
    {kCueBreadcrumb, "breadcrumb|" B "(?:crumbs?|bread-?crumbs?)" E},
    // ARIA landmark roles and itemprop values name regions outright.
    {kCueMain, B "(?:articlebody|article-body|main)" E},
};

#undef B
#undef E

// Phrases of short boilerplate blocks, case-insensitive, many languages.
const Group kTextGroups[] = {
    {kTextReadAlso,
     R"((?i)^[\s\p{P}\p{S}]*(?:read (?:also|more|next|this|too)|also read|see also|)"
     R"(related(?: articles?| stories| posts| content| news| coverage| reading| links)?|)"
     R"(more on (?:this|that|the)|recommended(?: for you| reading| articles| stories)?|)"
     R"(you (?:may|might) (?:also )?(?:like|enjoy|be interested)|further reading|)"
     R"(don'?t miss|must read|editors?'? ?picks?|more (?:news|stories|headlines)|)"
     R"(lesen sie (?:auch|mehr|hier)|mehr zum thema|auch interessant|)"
     R"(das könnte sie (?:auch )?interessieren|weitere artikel|lire (?:aussi|également)|)"
     R"(à lire (?:aussi|également)|voir aussi|sur le même sujet|lee (?:también|más)|)"
     R"(te puede interesar|ver también|leggi anche|potrebbe interessarti|)"
     R"(leia também|veja também|czytaj (?:także|też|również)|zobacz (?:także|też|również)|)"
     R"(читайте (?:также|тоже|ещё|еще|по теме)|смотрите также|по теме|читайте також|)"
     R"(також читайте|дивіться також|相关(?:阅读|新闻|文章|报道|链接|推荐)|延伸阅读|)"
     R"(推荐阅读|热门推荐|关联阅读|関連記事|関連ニュース|あわせて読みたい|こちらもおすすめ|)"
     R"(관련 ?기사)(?:\s*[:：|»>-]|\s*$))"},
    // Subscription prompts: the imperative at the start of the block, or a
    // phrase no article sentence uses.
    {kTextSubscribe,
     R"((?i)(?:^[\s\p{P}\p{S}]*(?:subscribe|sign up|sign-up|signup|newsletter|abonnieren|)"
     R"(s'abonner|abonnez-vous|inscrivez-vous|suscríbete|iscriviti|assine|zapisz się|)"
     R"(подпишитесь|подписаться|підпишіться|订阅|購読)|subscribe (?:to|for|now|today)|)"
     R"(sign up (?:for|to|now|today)|get (?:our|the) newsletter|in your inbox|)"
     R"(delivered to your inbox|join (?:our|the) (?:mailing|newsletter|list)|)"
     R"(newsletter abonnieren|jetzt anmelden|zum newsletter|abonnez-vous à|)"
     R"(suscríbete a|iscriviti alla|zapisz się na|подпишитесь на|订阅我们|メルマガ))"},
    {kTextDonate,
     R"((?i)(?:support (?:us|our|independent|quality|journalism)\b|)"
     R"(support (?:the|this) (?:site|website|work|newsroom|journalism|paper|magazine|blog|)"
     R"(podcast|channel|show|project|campaign|cause|fund)|donate|donation|)"
     R"(become a (?:member|patron|supporter|subscriber)|join us (?:in|today|now)|)"
     R"(make a (?:contribution|donation)|contribute (?:now|today)|support us (?:for|just|with)|)"
     R"(unterstützen sie|jetzt unterstützen|spenden sie|soutenez|faites un don|faire un don|)"
     R"(apóyanos|dona ahora|sostienici|wesprzyj|поддержите|поддержать|підтримайте|)"
     R"(підтримати|支持我们|赞助我们))"},
    // Cookie and privacy notices, by the phrases they are made of (an
    // article may well mention cookies or consent).
    {kTextCookie,
     R"((?i)(?:we use cookies|this (?:web)?site uses cookies|uses? cookies to|)"
     R"(cookies? (?:policy|settings|preferences|consent|notice|banner)|accept (?:all )?cookies|)"
     R"(reject all|accept all|manage (?:preferences|settings|options|cookies)|)"
     R"(privacy (?:policy|settings|preferences)|datenschutzerklärung|datenschutz-?einstellungen|)"
     R"(wir verwenden cookies|cookies? (?:akzeptieren|zulassen|einstellungen)|)"
     R"(nous utilisons des cookies|politique de confidentialité|utilizamos cookies|)"
     R"(política de privacidad|utilizziamo (?:i )?cookie|informativa sulla privacy|)"
     R"(używamy plików cookie|polityka prywatności|мы используем (?:файлы )?cookie|)"
     R"(политика конфиденциальности|файлы cookie|隐私政策|我们使用cookie))"},
    {kTextShare,
     R"((?i)^[\s\p{P}\p{S}]*(?:share(?: this| on| via| the| article| story| post)?|tweet|)"
     R"(pin it|e-?mail|print|facebook|twitter|linkedin|whatsapp|telegram|reddit|pinterest|)"
     R"(flipboard|xing|copy link|copy url|teilen|drucken|partager|imprimer|compartir|)"
     R"(imprimir|condividi|udostępnij|поделиться|поширити|分享(?:到)?|シェア|ツイート)(?:[\s\p{P}\p{S}]|facebook|twitter|e-?mail|whatsapp)*$)"},
    {kTextAd,
     R"((?i)^[\s\p{P}\p{S}]*(?:advertisement|advertising|advert|ads?|sponsored(?: content| by)?|)"
     R"(paid (?:content|post|partner)|promoted|anzeige|werbung|publicité|publicidad|)"
     R"(pubblicità|reklama|реклама|广告|広告|스폰서)[\s\p{P}\p{S}]*$)"},
    {kTextReadingTime,
     R"((?i)(?:\d+\s*(?:-\s*)?(?:min(?:ute)?s?|mins?)\.?\s*(?:read|lesezeit|de lecture|)"
     R"(de lectura|di lettura|czytania|чтения|читання)|reading time|lesezeit|)"
     R"(temps de lecture|tiempo de lectura|время (?:чтения|прочтения)|час читання|)"
     R"(阅读时间|\d+\s*分钟(?:阅读|读完)|読了時間|\d+\s*мин\.?\s*(?:чтения|читать)))"},
    {kTextAudio,
     R"((?i)(?:listen to (?:this|the) (?:article|story|podcast)|this audio is|)"
     R"(audio (?:version|is created|generated)|ai assistance|text.to.speech|)"
     R"(article audio|artikel anhören|écouter (?:cet|l'article)|)"
     R"(escuchar (?:este|el) artículo|слушать статью|прослухати|收听本文|音声で聞く))"},
    {kTextCopyright,
     R"((?i)(?:©|\(c\) ?(?:19|20)\d\d|copyright|all rights reserved|alle rechte vorbehalten|)"
     R"(tous droits réservés|todos los derechos reservados|tutti i diritti riservati|)"
     R"(wszelkie prawa zastrzeżone|все права защищены|усі права захищені|版权所有|)"
     R"(著作権|無断転載|)"
     // Chinese disclaimers, reprint notices, editor lines and app prompts,
     // at the start of a block (an article may quote the words).
     R"(^[\s\p{P}\p{S}]*(?:免责声明|免責聲明|版权声明|版權聲明|如需转载|转载请|轉載請|)"
     R"(未经授权|未經授權|本文仅代表|本文不代表|责任编辑|責任編輯|扫码下载|扫描二维码|)"
     R"(扫码关注|长按二维码|下载.{0,8}客户端)))"},
    {kTextLogin,
     R"((?i)^[\s\p{P}\p{S}]*(?:log ?in|log ?out|sign ?in|sign ?out|register|)"
     R"(create (?:an |your )?account|my account|anmelden|einloggen|registrieren|)"
     R"(se connecter|connexion|s'inscrire|iniciar sesión|regístrate|accedi|zaloguj|)"
     R"(войти|вход|регистрация|увійти|登录|注册|ログイン)[\s\p{P}\p{S}]*$)"},
    {kTextComments,
     R"((?i)(?:^\s*\d+\s+(?:comments?|replies|kommentare?|commentaires?|comentarios?|)"
     R"(commenti|komentarz\w*|комментари\w*|коментар\w*)|leave a (?:comment|reply)|)"
     R"(post a comment|add (?:a )?comment|write a comment|join the (?:discussion|conversation)|)"
     R"(show comments|view comments|load comments|comments? (?:are|is) closed|)"
     R"(kommentar schreiben|laisser un commentaire|deja un comentario|)"
     R"(lascia un commento|dodaj komentarz|оставить комментарий|)"
     R"(написать комментарий|发表评论|查看评论|コメントする))"},
    {kTextPrevNext,
     R"((?i)^[\s\p{P}\p{S}]*(?:previous|next|prev|older|newer|vorheriger|nächster|)"
     R"(précédent|suivant|anterior|siguiente|poprzedni|następny|предыдущ\w*|следующ\w*|)"
     R"(上一篇|下一篇|上一页|下一页)(?: (?:article|post|story|entry|page|posts|entries|)"
     R"(artikel|beitrag|article|artículo|статья))?[\s\p{P}\p{S}]*(?:$|:))"},
    {kTextCredit,
     R"((?i)(?:^[\s\p{P}\p{S}]*(?:photo|photos|image|images|picture|pic|foto|fotos|bild|)"
     R"(bilder|credit|credits|source|quelle|illustration|graphic|grafik|фото|图片|写真)\s*)"
     R"((?::|©|by\b|/)|(?:getty images|reuters|afp|ap photo|shutterstock|istock|)"
     R"(dpa|epa|imago|picture alliance|keystone|xinhua|unsplash)[\s\p{P}]*$))"},
    {kTextByline,
     R"((?i)^[\s\p{P}\p{S}]*(?:by|written by|posted by|reported by|story by|text by|)"
     R"(words by|von|autor(?:in)?|par|por|przez|автор|авторы|作者|记者|撰文|文)[\s:：/／]+\p{L})"},
    {kTextFormHint,
     R"((?i)(?:indicates required|required field|enter your (?:e-?mail|email address|name)|)"
     R"(your e-?mail(?: address)?|e-?mail address|please,? enter|invalid e-?mail|)"
     R"(successfu\w* subscribed|thank you for (?:signing up|subscribing)|)"
     R"(sent you a confirmation|pflichtfeld|ihre e-?mail|votre (?:adresse )?e-?mail|)"
     R"(tu correo|twój e-?mail|ваш e-?mail|введите))"},
    {kTextMoreLink,
     R"((?i)^[\s\p{P}\p{S}]*(?:read more|more|continue reading|read the (?:full|whole) )"
     R"((?:story|article)|see more|view more|show more|load more|more news|more stories|)"
     R"(more from|see all|view all|all news|weiterlesen|mehr|mehr lesen|alle artikel|)"
     R"(lire la suite|en savoir plus|leer más|ver más|seguir leyendo|continua a leggere|)"
     R"(czytaj dalej|więcej|читать далее|подробнее|ещё|читати далі|更多|阅读全文|)"
     R"(もっと見る|続きを読む)[\s\p{P}\p{S}]*$)"},
    {kTextTags,
     R"((?i)^[\s\p{P}\p{S}]*(?:tags?|tagged(?: with)?|topics?|categories|category|)"
     R"(filed under|keywords|schlagwörter|schlagworte|themen|étiquettes|mots-clés|)"
     R"(etiquetas|temas|tagi|теги|метки|рубрики|标签|关键词|タグ)\s*[:：])"},
    // A calendar date in the usual written forms (the metadata stage parses
    // dates; this only tells a date-and-byline line from a sentence).
    {kTextHasDate,
     R"((?i)(?:\b\d{4}-\d{1,2}-\d{1,2}\b|\b\d{1,2}[./]\d{1,2}[./]\d{2,4}\b|)"
     R"(\d{4}\s*年\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?|)"
     R"(\b\d{1,2}\.?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|januar|februar|märz|)"
     R"(mai|juni|juli|oktober|dezember|janvier|février|mars|avril|juin|juillet|août|septembre|)"
     R"(octobre|novembre|décembre|enero|febrero|marzo|abril|mayo|junio|julio|agosto|)"
     R"(septiembre|octubre|noviembre|diciembre|gennaio|febbraio|aprile|maggio|giugno|luglio|)"
     R"(settembre|ottobre|dicembre|stycznia|lutego|marca|kwietnia|maja|czerwca|lipca|sierpnia|)"
     R"(września|października|listopada|grudnia|января|февраля|марта|апреля|мая|июня|июля|)"
     R"(августа|сентября|октября|ноября|декабря|січня|лютого|березня|квітня|травня|червня|)"
     R"(липня|серпня|вересня|жовтня|листопада|грудня)\w*\.?,?\s+\d{4}\b|)"
     R"(\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\w*\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}\b))"},
};

std::unique_ptr<RE2::Set> compile(const Group* groups, std::size_t n,
                                  std::vector<std::uint32_t>* bits, bool latin1) {
  RE2::Options o;
  o.set_log_errors(false);
  o.set_never_capture(true);
  if (latin1) o.set_encoding(RE2::Options::EncodingLatin1);
  auto set = std::make_unique<RE2::Set>(o, RE2::UNANCHORED);
  for (std::size_t i = 0; i < n; ++i) {
    std::string error;
    if (set->Add(groups[i].pattern, &error) < 0)
      throw std::logic_error("extractor: bad pattern: " + error);
    bits->push_back(groups[i].bit);
  }
  if (!set->Compile()) throw std::logic_error("extractor: patterns do not compile");
  return set;
}

std::uint32_t match(const RE2::Set& set, const std::vector<std::uint32_t>& bits,
                    std::string_view text) {
  // Reused: a Match per element and per block, most with hits.
  thread_local std::vector<int> hits;
  hits.clear();
  if (!set.Match(re2::StringPiece(text.data(), text.size()), &hits)) return 0;
  std::uint32_t cues = 0;
  for (int h : hits) cues |= bits[static_cast<std::size_t>(h)];
  return cues;
}

}  // namespace

struct Patterns::Sets {
  std::unique_ptr<RE2::Set> attributes;
  std::vector<std::uint32_t> attribute_bits;
  std::unique_ptr<RE2::Set> text;
  std::vector<std::uint32_t> text_bits;

  Sets() {
    // Attribute words are ASCII after folding; Latin-1 mode keeps the DFA small.
    attributes = compile(kAttributeGroups, std::size(kAttributeGroups), &attribute_bits, true);
    text = compile(kTextGroups, std::size(kTextGroups), &text_bits, false);
  }
};

Patterns::Patterns()
    : sets_(std::make_unique<const Sets>()),
      charsets_(compile_charset_patterns()),
      dates_(compile_date_patterns()),
      names_(compile_name_patterns(dates_)),
      page_types_(compile_pagetype_patterns()) {}

Patterns::~Patterns() = default;

std::uint32_t Patterns::attribute_cues(std::string_view words) const {
  if (words.empty()) return 0;
  const std::string folded = drop_taxonomy_words(fold_attribute_words(words));
  std::uint32_t cues = match(*sets_->attributes, sets_->attribute_bits, folded);
  if (cues & kCueBreadcrumb) cues |= kCueNav;
  return cues;
}

std::uint32_t Patterns::text_cues(std::string_view text) const {
  if (text.empty()) return 0;
  return match(*sets_->text, sets_->text_bits, text);
}

std::string drop_taxonomy_words(std::string_view folded) {
  // Blog engines put the post's taxonomy and state on its container as
  // class words: "category-<slug> tag-<slug> status-publish format-aside"
  // (WordPress's post_class and its many imitators). The slug is whatever
  // the author named the topic ("tag-social-media", "category-advertising"),
  // so its words say nothing about the element: they are dropped, except
  // the words that name a list of tags itself ("tag-list", "category-links").
  static constexpr std::string_view kPrefixes[] = {"tag-", "tags-", "category-", "categories-",
                                                   "entry-category-", "post-tag-", "status-",
                                                   "format-"};
  static constexpr std::string_view kListWords[] = {
      "list", "cloud", "links", "link", "box", "container", "wrap", "wrapper",
      "area", "section", "block", "items", "item", "title", "label", "name"};
  std::string out;
  out.reserve(folded.size());
  std::size_t i = 0;
  while (i < folded.size()) {
    std::size_t j = i;
    while (j < folded.size() && folded[j] != ' ' && folded[j] != '\t' && folded[j] != '\n') ++j;
    const std::string_view token = folded.substr(i, j - i);
    bool drop = false;
    for (std::string_view prefix : kPrefixes) {
      if (token.size() > prefix.size() && token.substr(0, prefix.size()) == prefix) {
        const std::string_view rest = token.substr(prefix.size());
        drop = std::find(std::begin(kListWords), std::end(kListWords), rest) == std::end(kListWords);
        break;
      }
    }
    if (!drop && !token.empty()) {
      if (!out.empty()) out += ' ';
      out.append(token);
    }
    i = j < folded.size() ? j + 1 : j;
  }
  return out;
}

std::string fold_attribute_words(std::string_view words) {
  std::string out;
  out.reserve(words.size() + 8);
  char prev = ' ';
  for (char c : words) {
    if (is_ascii_upper(c)) {
      if (is_ascii_lower(prev)) out += '-';
      out += lower_ascii(c);
    } else {
      out += c;
    }
    prev = c;
  }
  return out;
}

}  // namespace extractor
