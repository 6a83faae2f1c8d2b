// Author names for the metadata stage. See metadata_authors.h.
#include "metadata_authors.h"

#include <re2/re2.h>
#include <unicode/uchar.h>

#include <algorithm>
#include <memory>
#include <stdexcept>

#include "chars.h"
#include "metadata_dates.h"
#include "metadata_text.h"
#include "url.h"

namespace extractor {
namespace {

// White space and the punctuation that frames names.
#define S "[\\s\\x{a0}\\x{3000}]"

// Words that open a byline, many languages. Latin-script markers must be
// followed by a space or a colon; CJK markers by anything.
const char kLatinMarkers[] =
    "(?:(?:view|see|show|read|more|all|zeige|alle|mehr|voir|ver|tutti)" S "+(?:all" S "+|alle" S
    "+|tous" S "+les" S "+|todos" S "+los" S "+)?(?:posts|articles|stories|entries|"
    "beiträge|artikel|articles|artículos|entradas|articoli)" S "+(?:by|von|de|di|from)"
    "|(?:(?:(?:eine?|an?)" S "+)?(?:written|posted|reported|story|text|words|article|"
    "interview|compiled|kolumne|kommentar|gastbeitrag|gastkommentar|beitrag|essay|column|"
    "reporting|analysis|commentary|review|published|created|submitted|contributed|"
    "geschrieben|verfasst|eingestellt|gepostet|publiziert|veröffentlicht|erstellt|"
    "texte?|écrit|escrito|scritto|napisał[a]?)" S "+)?"
    "(?:by|von|vom|durch|par|por|di|door|av|af|przez|od|от|від)"
    "|autor(?:in|innen|en|es|as|a|ka|zy)?|author(?:s)?|auteur(?:e|s|es)?|verfasser(?:in)?|"
    "text|texte|tekst|testo|textos?|redakteur(?:in)?|reporter(?:in)?|"
    "автор(?:ы|и)?|текст|кореспондент|корреспондент)";

// Markers of two or more characters; the one-character ones ("文", "图",
// "글") open many ordinary words and count only before a separator.
const char kCjkMarkers[] =
    "(?:本报记者|本報記者|本报通讯员|新华社记者|新華社記者|特约记者|特約記者|实习记者|"
    "通讯员|通訊員|本报实习生|本報實習生|实习生|實習生|执笔人|執筆人|执笔|執筆|"
    "记者|記者|作者|撰文|撰稿|整理|责任编辑|責任編輯|责编|責編|编辑|編輯|"
    "文字|图文|圖文|来源|來源|筆者|著者|投稿者|기자)";
const char kCjkShortMarkers[] = "(?:文|图|圖|글)";

// Roles that follow or precede a name: never names themselves.
const char kRoles[] =
    "(?:(?:senior|chief|deputy|associate|assistant|contributing|managing|executive|"
    "political|foreign|national|international|sports?|business|science|health|tech(?:nology)?|"
    "arts|culture|food|travel|fashion|music|film|economics?|legal|investigative|"
    "special|staff|guest|freelance|local|regional|digital|web|online|news|photo|video|"
    "white house|washington|europe(?:an)?|global|data|social media|breaking news|"
    "weekend|features?|opinion|editorial|correspondent)" S "+)*"
    "(?:writer|reporter|correspondent|editor(?:[- ]at[- ]large|[- ]in[- ]chief)?|editors|"
    "contributor|columnist|journalist|critic|producer|photographer|photojournalist|"
    "intern|analyst|blogger|author|anchor|host|presenter|researcher|fellow|director|"
    "head of [\\pL ]+|team|staff|desk|ceo|cto|cfo|coo|founder|co-founder|cofounder|"
    "president|vice president|partner|manager|designer|developer|engineer|"
    "redakteur(?:in)?|redaktion|korrespondent(?:in)?|journalist(?:in)?|autor(?:in)?|"
    "reporter(?:in)?|mitarbeiter(?:in)?|volontär(?:in)?|chefredakteur(?:in)?|ressortleiter(?:in)?|"
    "rédacteur|rédactrice|rédaction|journaliste|correspondant(?:e)?|envoyée? spéciale?|"
    "chroniqueur|chroniqueuse|periodista|redactor(?:a)?|corresponsal|enviad[oa] especial|"
    "columnista|giornalista|inviat[oa]|corrispondente|redattore|redattrice|"
    "jornalista|repórter|dziennikar(?:z|ka)|redaktor(?:ka)?|korespondent(?:ka)?|"
    "корреспондент|журналист(?:ка)?|редактор|обозреватель|кореспондент|журналіст(?:ка)?|"
    "оглядач|记者|記者|编辑|編輯|责任编辑|責任編輯|通讯员|通訊員|实习生|實習生|特约记者|"
    "本报记者|主编|主編|撰稿人|评论员|評論員|イラスト|著者|著|監訳|翻訳者|翻訳|訳|編集部|編集|"
    "写真|記者|ライター)";

}  // namespace

struct NamePatterns::Compiled {
  std::unique_ptr<RE2> posted, bare_marker_tail, weekday_tail, cjk_posted_by, copyright,
      copyright_end;
  std::unique_ptr<RE2> marker, cjk_marker, role_only, role_prefix, role_suffix, desk_alone,
      collective_tail, collective_head;
  std::unique_ptr<RE2> cut, bio, location, photo, photo_suffix, split, email, handle, parens;
  std::unique_ptr<RE2> trailing_latin, cjk_credit_marker, cjk_colon, cjk_paren, cjk_slash_wen,
      stop_name, cjk_bracket_before_source,
      non_name_word, org_cjk, org_word, inner_marker, lead_word, edge_word, photo_credit,
      trailing_paren;

  Compiled() {
    RE2::Options o;
    o.set_log_errors(false);
    o.set_case_sensitive(false);
    auto make = [&](const std::string& p) {
      auto re = std::make_unique<RE2>(p, o);
      if (!re->ok()) throw std::logic_error("extractor: bad author pattern: " + re->error());
      return re;
    };
    const std::string lat = kLatinMarkers;
    const std::string cjk = kCjkMarkers;
    const std::string roles = kRoles;
    marker = make("^[\\s\\x{a0}\\pP\\pS]*" + lat + "(?:" S "*[:：|/／]" S "*|" S "+)(?:the" S
                  "+)?");
    const std::string cjk_short = kCjkShortMarkers;
    cjk_marker = make("^[\\s\\x{a0}\\pP\\pS]*(?:" + cjk + S "*[:：/／|・]?|" + cjk_short +
                      S "*[:：/／|・])" S "*");
    role_only = make("^(?:(?:the|a|an|our|unsere?r?|la|le|el|il|un|une)" S "+)?" + roles +
                     "(?:" S "*(?:,|&|and|und|et|y|/)?" S "*" + roles + ")*" S "*$");
    role_prefix = make("^" + roles + "(?:" S "+|" S "*[:：]" S "*)");
    // "Jane Doe, Staff Writer", "Sam Stein Senior Politics Editor": a role
    // (with up to two words qualifying it) closing the name.
    role_suffix = make("(?:" S "*[,|/–—-]" S "*|" S "+)(?:\\pL+" S "+){0,2}" + roles + "$");
    // A newsroom named as a whole ("Redaktion", "La rédaction"): the
    // organisation a page credits when no one signs. Unlike "Staff" or
    // "Team" alone, these words name the paper's editorial office itself.
    const std::string desk =
        "(?:redaktion|rédaction|redaction|redacción|redazione|redakcja|redactie|redaksjon|"
        "redaktionen|редакция|редакція)";
    desk_alone = make("^(?:(?:die|la|le|the|de|a|az)" S "+)?(" + desk + ")$");
    // A collective word that ends or opens an organisation's name without
    // a separator ("AOL Staff", "BWW News Desk", "Support Team", "Example
    // Redaktion", "Redaktion Example"): part of the name, not a role.
    const std::string collective = "(?:staff|team|desk|newsroom|" + desk.substr(3);
    collective_tail = make("^[^,;|/–—]*\\pL[^,;|/–—]*" S "+" + collective + "$");
    collective_head = make("^" + desk + S "+\\p{Lu}[^,;|/–—]*$");
    // Where a byline stops being names: "Updated ...", "3 min read", bios.
    cut = make(
        "(?:^|[\\s\\pP])(?:(?:um|at|à|a las|alle|o)" S "+\\d{1,2}[:.h]\\d{2}|"
        "last updated|updated|published|posted|first published|created|"
        "aktualisiert|veröffentlicht|erschienen|mis à jour|publié|actualizado|publicado|"
        "aggiornato|pubblicato|opublikowano|обновлено|опубликовано|发布|發佈|发表|更新|"
        "\\d+" S "*(?:min(?:ute)?s?|mins?)\\.?" S "*read|read more|view (?:all|more)|"
        "more (?:stories|articles|posts)|tags|schlagwörter|schlagworte|stichwörter|"
        "(?:foto|fotos|photo|photos|bild|bilder|image|images|video)" S "*(?::|©|by\\b)|"
        "kategorien?|categories|filed under|"
        "follow|subscribe|contact|e-?mail (?:the )?author|send (?:an )?e-?mail|twitter|"
        "facebook|instagram|linkedin|alle artikel|mehr von|"
        "additional reporting|contributed (?:to )?(?:this )?report|contributed reporting|"
        "editing by|edited by|reviewed by|fact[- ]checked by|"
        "\\d+" S "*(?:comments?|kommentare?|commentaires?|comentarios?|reviews?|posts?|"
        "articles?|beiträge|bewertungen|followers?)|"
        "on (?:twitter|facebook|x)\\b)");
    bio = make(S "+(?:is|was|has|covers|writes|reports|joined|leads|lives|ist|schreibt|est)" S
               "+\\pL");
    location = make(S "+((?:in|aus|à|en|from|reporting from|desde|da|z|из|з))" S "+\\p{Lu}.*$");
    photo = make(
        "^[\\s\\pP]*(?:photos?|photography|photographs?|pictures?|images?|illustrations?|"
        "videos?|graphics?|art|artwork|infographics?|drawings?|design|cartoons?|"
        "translation|translated|translator|übersetzung|übersetzt|traduction|traduit|"
        "links nach rechts|von links|from left|left to right|de gauche|v\\.\\s?l\\.|"
        "traducción|traducido|traduzione|tradotto|tłumaczenie|перевод|翻訳|翻译|"
        "fotos?|fotografie|fotografía|fotografia|fotograf(?:in)?|bild(?:er)?|illustration|"
        "grafik|kamera|photographe|ilustración|ilustracion|фото|фотограф|иллюстраци\\w*|"
        "摄影|摄|攝影|攝|图|圖|视频|視頻|写真|사진)(?:" S "|[:：/／]|$)");
    photo_suffix = make("[/／]?" S "*(?:摄影|摄|攝|图|圖|供图|供圖)$");
    photo_credit = make("[^/／]{1,40}[/／]" S "*(?:摄影|摄|攝影|攝|图|圖|供图|供圖)");
    split = make(S "*(?:[,;|/／、，；•·]|" S
                 "+(?:and|und|et|y|e|i|и|і|та|ve|og|och|en|és|oraz|a|with|mit|&|＆|\\+)" S
                 "+|" S "*&" S "*)" S "*");
    email = make("[\\w.+-]+@[\\w-]+\\.[\\w.-]+");
    handle = make("(?:^|" S ")@\\w+");
    parens = make(S "*(?:\\([^)]*\\)|\\[[^\\]]*\\]|（[^）]*）|【[^】]*】)" S "*");
    // A name in parentheses closing the article's text ("... bleibt
    // spannend. (Christian P. Stadtfeld)", "(Jane Doe) +++"): two or three
    // capitalised words, an initial between them allowed. Case matters
    // here: "(siehe unten)" is no name.
    trailing_paren = make(
        "\\((?-i:(\\p{Lu}[\\p{Ll}'’-]+(?:" S "+\\p{Lu}\\.)?(?:" S
        "+\\p{Lu}[\\p{Ll}'’-]+){1,2}))\\)[\\s\\x{a0}+*.]*$");
    trailing_latin = make(
        "(?:reporting|reported|writing|written|additional reporting|compiled|text)" S
        "+by" S "+([^;.()]+)");
    // Chinese credits: 记者 X, 作者：X, 责任编辑：X, （记者 X）, X/文.
    const std::string han_names =
        "((?:\\p{Han}|·|・){2,8}(?:(?:" S "+|、|，|,|" S "*和" S "*)(?:\\p{Han}|·|・){2,8})*)";
    // A credit marker and its separator; single-character markers (文, 图)
    // only with a separator.
    cjk_credit_marker = make("(?:" + cjk + "|本帖由|本贴由|发帖人|楼主)" S "*[:：/／|]?" S "*|" +
                             cjk_short + S "*[:：/／|]" S "*");
    cjk_colon = make("(?:" + cjk + S "*[:：]?|" + cjk_short + S "*[:：/／])" S "*" + han_names);
    cjk_paren = make("[（(]" S "*(?:本报|本報)?(?:记者|記者|通讯员|通訊員|编辑|編輯|作者|"
                     "责任编辑|責任編輯)?" S "*[:：]?" S "*((?:\\p{Han}|·){2,4}(?:" S
                     "+(?:\\p{Han}|·){2,4})*)" S "*[）)][\\s\\x{a0}\\x{3000}。.]*$");
    // "2004年7月16日08:19 [ 黄宇 ] 来源：[ 国际金融报 ]": a portal's credit
    // line, the author's name bracketed before the source.
    // (A private-use character may stand for a space the decoder could not
    // map.)
    cjk_bracket_before_source = make("[\\[【]" S "*((?:\\p{Han}|·){2,4})" S
                                     "*[\\]】][\\s\\x{a0}\\x{3000}\\p{Co}]*(?:来源|來源)");
    cjk_slash_wen = make("((?:\\p{Han}|·){2,4})" S "*[/／]" S "*文");
    stop_name = make(
        "^(?:the" S "+)?(?:admin|administrator|staff|editor|editors|editorial|team|guest|"
        "anonymous|anonym|unknown|webmaster|user|author|autor|auteur|reporter|correspondent|"
        "contributor|contributors|desk|newsroom|news desk|web desk|online|web|website|home|"
        "homepage|login|log in|log out|logout|sign in|sign up|sign out|register|anmelden|"
        "abmelden|registrieren|more|menu|share|comments?|by|von|vom|par|por|and|guest author|"
        "guest post|"
        "sponsored|advertisement|press release|staff writer|staff reporter|editorial staff|"
        "editorial team|editorial board|the editors|root|null|none|n/a|na|unknown author|"
        "匿名|佚名|未知|网友|網友|管理员|管理員|本站|小编|小編)" S "*$");
    non_name_word = make(
        "(?:^|[^\\pL])(?:posted|published|updated|comments?|share|follow|views?|"
        "minutes?|copyright|rights|reserved|subscribe|login|log in|sign in|menu|search|"
        "veröffentlicht|publiziert|erstellt|aktualisiert|geschrieben|publié|publicado|"
        "pubblicato|opublikowano|stand|profile|profil|sponsored|gesponserte?|inhalte|"
        "content|anzeige|werbung|"
        "click|photo|photos|image|advertisement|newsletter|cookie|privacy|"
        "javascript|undefined|function|loading|https?|www|html|e-?mail|bio|rss|feed|"
        "monday|tuesday|wednesday|thursday|friday|saturday|sunday|montag|dienstag|mittwoch|"
        "donnerstag|freitag|samstag|sonntag|lundi|mardi|mercredi|jeudi|vendredi|samedi|"
        "dimanche|lunes|martes|miércoles|jueves|viernes|sábado|domingo|"
        "yesterday|today|gestern|heute|ago|hours?|days?|"
        // A book's edition ("Revised Edition Edited by X").
        "edition|ausgabe|auflage|édition|edición|edizione)(?:[^\\pL]|$)");
    {
      // Case-sensitive: "von" in lower case is a particle ("Ursula von der Leyen").
      RE2::Options cs;
      cs.set_log_errors(false);
      inner_marker = std::make_unique<RE2>(
          "(?:^|" S ")(?:Von|By|Par|Por|Door|Av|Text|Texte|Autor|Autorin)" S "+(\\p{Lu})", cs);
      // After a byline marker, only spaces and punctuation ("By", "Von:", "| By").
      bare_marker_tail = std::make_unique<RE2>("[\\s\\pP]*", cs);
      // "ggjjzhzz 发表于 2005-9-15 11:46": the user before the posting word.
      cjk_posted_by = std::make_unique<RE2>(
          "(?:^|[\\s\\x{3000}|｜])([^\\s\\x{3000}|｜:：\\[\\]【】]{2,24})[\\s\\x{3000}]+"
        "(?:发表于|發表於|发布于|發佈於|发表在|發表在|发表时间|發表時間)[\\s\\x{3000}:：]*\\d",
          cs);
    }
    // "Posted in News by jdoe on May 3": a posting word, then "by" a name.
    posted = make(
        "^[\\s\\pP]*(?:posted|published|written|filed|publiziert|veröffentlicht|eingestellt|"
        "geschrieben|gepostet|erstellt|publié|publicado|pubblicato|opublikowano)\\b"
        ".{0,80}?\\s((?:by|von|vom|par|por|di|da|door|av|przez)\\s+\\pL)");
    // The day of the week closing what is left before a date, after a
    // separator ("jdoe » Wed", "Jane Doe, Montag,").
    weekday_tail = make(
        "[\\s\\x{a0}]*[,|·•»/–—][\\s\\x{a0}]*(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun|monday|tuesday|"
          "wednesday|thursday|friday|saturday|sunday|mo|di|mi|do|fr|sa|so|montag|dienstag|"
          "mittwoch|donnerstag|freitag|samstag|sonntag|lun|mar|mer|jeu|ven|sam|dim|lundi|"
          "mardi|mercredi|jeudi|vendredi|samedi|dimanche|lunes|martes|miércoles|jueves|"
          "viernes|sábado|domingo)\\.?[\\s\\x{a0},]*$");
    // A copyright line: the mark, the years ("2012-", "2009 - 2024,"), then
    // the holder; and where the holder ends ("All rights reserved", a
    // separator before the next link).
    copyright = make(
        "^[\\s\\x{a0}]*(?:(?:©|\\(c\\)|copyright)[\\s\\x{a0}]*)+"
        "(?:[\\s\\x{a0},]*\\d{4}(?:[\\s\\x{a0}]*[-–—][\\s\\x{a0}]*(?:\\d{4})?)?)*"
        "[\\s\\x{a0},]*(?:by[\\s\\x{a0}]+)?(\\pL.*)$");
    copyright_end = make(
        "[\\s\\x{a0}](?:[|•·–—]|-{1,2})[\\s\\x{a0}]|[,;]?[\\s\\x{a0}]*(?:all rights|"
        "alle rechte|tous droits|todos los derechos|tutti i diritti|some rights|\\d{4})");
    lead_word = make("(?:by|from|von|vom|durch|par|por|and|und|et|with|mit)");
    edge_word = make("(?:on|am|le|el|il|em|at|by|from|the|von|vom|par|por|de|di|du|durch|"
                     "in|im|um|à|au|la|et|and|und|y|e|i|mit|with)");
    // Words of organisations' names (newspapers, agencies, companies,
    // desks), many languages.
    org_word = make(
        "(?:^|[^\\pL])(?:news|newspapers?|post|times|press|daily|weekly|journals?|magazines?|bureau|tribune|herald|"
        "gazette|chronicle|courier|observer|telegraph|agency|associated|media|network|"
        "networks|broadcasting|inc|ltd|llc|plc|gmbh|ag|sa|corp|corporation|company|co|"
        "group|holdings|staff|desk|team|newsroom|editorial|editors|wire|wires|services|"
        "publishing|publications|publishers?|verlag|zeitung|redaktion|nachrichten|agentur|rédaction|"
        "redacción|redazione|redakcja|редакция|редакція|agencia|agence|presse|prensa|"
        "stampa|institute|university|universität|université|foundation|stiftung|"
        "association|verein|verband|society|ministry|ministerium|department|office|"
        "council|committee|online|tv|radio|fm|channel|studios?|reuters|bloomberg|afp|dpa|"
        "apa|sda|kna|epd|ansa|efe|xinhua|tass|ria|interfax|communications|forum)(?:[^\\pL]|$)");
    // Han names that are organisations: agencies, papers, sites, stations.
    org_cjk = make("(?:社|网|網|网络|網絡|报|報|台|部|局|院|会|會|厅|廳|中心|公司|集团|集團|频道|頻道|日报|"
                   "日報|晚报|晚報|新闻|新聞|时报|時報|周刊|週刊|杂志|雜誌|官网|官網|平台|"
                   "客户端|微信|微博|电视|電視|在线|在線|网站|網站|论坛|論壇|社区|社區|期刊|出版社|政府)$");
  }
};

#undef S

NamePatterns::NamePatterns(const DatePatterns& dates)
    : dates_(dates), compiled_(std::make_unique<const Compiled>()) {}
NamePatterns::~NamePatterns() = default;
const NamePatterns::Compiled& NamePatterns::compiled() const { return *compiled_; }

namespace {

using Compiled = NamePatterns::Compiled;

bool consume(const RE2& re, std::string* s) {
  re2::StringPiece in(*s);
  re2::StringPiece m;
  if (!re.Match(in, 0, in.size(), RE2::ANCHOR_START, &m, 1) || m.empty()) return false;
  s->erase(0, m.size());
  return true;
}

// Truncates at the first match of re (keeping what is before it).
bool cut_at(const RE2& re, std::string* s, std::size_t min_keep = 1) {
  re2::StringPiece in(*s);
  re2::StringPiece m;
  std::size_t pos = 0;
  while (pos < in.size() && re.Match(in, pos, in.size(), RE2::UNANCHORED, &m, 1)) {
    const std::size_t at = static_cast<std::size_t>(m.data() - in.data());
    if (at >= min_keep) {
      s->erase(at);
      return true;
    }
    pos = at + std::max<std::size_t>(m.size(), 1);
  }
  return false;
}

void replace_all(const RE2& re, std::string* s, const char* with) {
  RE2::GlobalReplace(s, re, with);
}

bool is_trim_char(char32_t c) {
  if (c == '.' || c == '\'' || c == 0x2019) return false;  // "Jr.", "O'Neil" handled below
  return c == ' ' || c == 0xA0 || c == 0x3000 || u_ispunct(static_cast<UChar32>(c)) ||
         u_hasBinaryProperty(static_cast<UChar32>(c), UCHAR_WHITE_SPACE) ||
         (u_charType(static_cast<UChar32>(c)) == U_MATH_SYMBOL) ||
         (u_charType(static_cast<UChar32>(c)) == U_OTHER_SYMBOL) || c == '|' || c == '>' ||
         c == '<';
}

// Strips punctuation and spaces from both ends; a final '.' stays only after
// an initial or an abbreviation ("John Q.", "Jr.").
std::string trim_name(std::string s) {
  // leading
  std::size_t i = 0;
  while (i < s.size()) {
    std::size_t j = i;
    const char32_t c = next_code_point(s, &j);
    if (!is_trim_char(c) && c != '.' && c != '\'') break;
    i = j;
  }
  s.erase(0, i);
  // trailing
  for (;;) {
    if (s.empty()) break;
    const std::size_t k = utf8_floor(s, s.size() - 1);
    std::size_t j = k;
    const char32_t c = next_code_point(s, &j);
    if (c == '.') {
      // keep after a one-letter word or "Jr"/"Sr"
      const std::size_t sp = s.rfind(' ', k);
      const std::string_view word =
          std::string_view(s).substr(sp == std::string::npos ? 0 : sp + 1, k - (sp == std::string::npos ? 0 : sp + 1));
      if (word.size() == 1 || word == "Jr" || word == "Sr" || word == "jr" || word == "sr") break;
      s.erase(k);
      continue;
    }
    if (!is_trim_char(c) && c != '\'') break;
    s.erase(k);
  }
  return s;
}

bool all_upper_short(std::string_view w) {
  if (w.size() < 2 || w.size() > 5) return false;
  for (char c : w)
    if (c < 'A' || c > 'Z') return false;
  return true;
}

bool only_cjk(std::string_view s) {
  std::size_t i = 0;
  bool any = false;
  while (i < s.size()) {
    const char32_t c = next_code_point(s, &i);
    if (c == ' ' || c == 0xB7 || c == 0x30FB) continue;
    if (!is_cjk(c)) return false;
    any = true;
  }
  return any;
}

std::vector<std::string> split_words(std::string_view s) {
  std::vector<std::string> out;
  std::size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && s[i] == ' ') ++i;
    std::size_t j = i;
    while (j < s.size() && s[j] != ' ') ++j;
    if (j > i) out.emplace_back(s.substr(i, j - i));
    i = j;
  }
  return out;
}

// "happyface313", "delta201": a user name of letters and a number, one
// word; in a field meant for names it names the account that wrote.
bool is_login_with_number(std::string_view s) {
  std::size_t letters = 0;
  while (letters < s.size() && is_ascii_alpha(s[letters])) ++letters;
  if (letters < 3 || letters == s.size()) return false;
  return std::all_of(s.begin() + static_cast<std::ptrdiff_t>(letters), s.end(),
                     [](char c) { return c >= '0' && c <= '9'; }) &&
         s.size() - letters <= 4;
}

// One part of a split byline to one name, or "".
std::string clean_part(const NamePatterns& patterns, std::string part, AuthorValue kind) {
  const Compiled& r = patterns.compiled();
  part = collapse_space(part);
  if (part.empty()) return {};
  // "Photo: X", "X/摄": a photographer, not an author.
  {
    re2::StringPiece in(part);
    if (r.photo->Match(in, 0, in.size(), RE2::ANCHOR_START, nullptr, 0)) return {};
    if (r.photo_suffix->Match(in, 0, in.size(), RE2::UNANCHORED, nullptr, 0) &&
        only_cjk(part.substr(0, part.find_first_of("/\xef"))))
      return {};
  }
  consume(*r.marker, &part);
  consume(*r.cjk_marker, &part);
  part = trim_name(part);
  if (part.empty()) return {};
  {
    re2::StringPiece in(part);
    // "Log in", "Sign up", "Admin" whole, before any word is cut off it.
    if (r.stop_name->Match(in, 0, in.size(), RE2::ANCHOR_BOTH, nullptr, 0)) return {};
    // "Redaktion" alone: the newsroom credited as a whole (an organisation).
    re2::StringPiece desk[2];
    if (r.desk_alone->Match(in, 0, in.size(), RE2::ANCHOR_BOTH, desk, 2))
      return std::string(desk[1].data(), desk[1].size());
    // "AOL Staff", "Redaktion Example": an organisation's full name.
    if (r.collective_tail->Match(in, 0, in.size(), RE2::ANCHOR_BOTH, nullptr, 0) ||
        r.collective_head->Match(in, 0, in.size(), RE2::ANCHOR_BOTH, nullptr, 0)) {
      // "Our Team", "Meet the Team", "The Sports Desk": a heading, not a
      // name.
      static const char* const kNotOwners[] = {"the", "our", "my", "your", "meet", "about",
                                               "unser", "unsere", "das", "die", "notre",
                                               "nuestro", "nuestra", "sports", "news"};
      const std::string head = lower_ascii(split_words(part).front());
      for (const char* w : kNotOwners)
        if (head == w) return {};
      return is_plausible_name(patterns, part) ? part : std::string();
    }
    if (r.role_only->Match(in, 0, in.size(), RE2::ANCHOR_START, nullptr, 0)) return {};
  }
  while (consume(*r.role_prefix, &part)) {
  }
  {
    // The leftmost cut that leaves a name of two words or more (one word
    // when the part had no more than two).
    const int total_words = static_cast<int>(split_words(part).size());
    const int keep_min = total_words > 2 ? 2 : 1;
    int words = 0;
    for (std::size_t p = 0; p < part.size(); ++p) {
      if (part[p] != ' ' && part[p] != ',') continue;
      if (p == 0 || part[p - 1] == ' ' || part[p - 1] == ',') continue;
      ++words;
      if (words < keep_min) continue;
      re2::StringPiece in(part.data() + p, part.size() - p);
      if (r.role_suffix->Match(in, 0, in.size(), RE2::ANCHOR_BOTH, nullptr, 0)) {
        part.erase(p);
        break;
      }
    }
  }
  part = trim_name(part);
  if (kind != AuthorValue::kField) {
    // "Jane Doe in Berlin"; but a capitalised "DA" or "Da" is a name's
    // particle ("J. R. DA SILVA").
    re2::StringPiece in(part);
    re2::StringPiece g[2];
    if (r.location->Match(in, 0, in.size(), RE2::UNANCHORED, g, 2) && g[0].data() != in.data()) {
      std::size_t k = 0;
      const std::string_view word(g[1].data(), g[1].size());
      if (!u_isupper(static_cast<UChar32>(next_code_point(word, &k))))
        part.erase(static_cast<std::size_t>(g[0].data() - in.data()));
    }
  }
  part = trim_name(part);
  // "Disko Von Ernst Lohoff": a capitalised marker inside starts the name.
  {
    re2::StringPiece in(part);
    re2::StringPiece g[2];
    if (r.inner_marker->Match(in, 0, in.size(), RE2::UNANCHORED, g, 2))
      part.erase(0, static_cast<std::size_t>(g[1].data() - in.data()));
  }
  // Words left at either end by a cut: "Jane Doe on", "durch Jane Doe".
  for (;;) {
    std::vector<std::string> w = split_words(part);
    if (w.size() < 2) break;
    re2::StringPiece first(w.front()), last(w.back());
    if (r.edge_word->Match(last, 0, last.size(), RE2::ANCHOR_BOTH, nullptr, 0)) {
      part.erase(part.rfind(' '));
    } else if (r.lead_word->Match(first, 0, first.size(), RE2::ANCHOR_BOTH, nullptr, 0)) {
      part.erase(0, part.find(' ') + 1);
    } else {
      break;
    }
    part = trim_name(part);
  }
  // "Meg Wagner NEW YORK DAILY NEWS", "Tom DiChristopher WATCH LIVE": a
  // capitalised tail after a mixed-case name is a label.
  {
    std::vector<std::string> w = split_words(part);
    auto caps = [](const std::string& x) {
      int letters = 0;
      for (unsigned char c : x) {
        if (c >= 'a' && c <= 'z') return false;
        if (c >= 'A' && c <= 'Z') ++letters;
      }
      return letters >= 2;
    };
    std::size_t k = w.size();
    while (k > 0 && caps(w[k - 1])) --k;
    if (k >= 2 && k < w.size()) {
      // The name before the tail is written in mixed case: initials alone
      // ("J. I. DA SILVA") are no such name.
      bool mixed = true, lower = false;
      for (std::size_t i = 0; i < k; ++i) {
        mixed = mixed && !caps(w[i]);
        for (std::size_t j = 0; j < w[i].size();)
          if (u_islower(static_cast<UChar32>(next_code_point(w[i], &j)))) lower = true;
      }
      mixed = mixed && lower;
      if (mixed) {
        std::string kept;
        for (std::size_t i = 0; i < k; ++i) kept += (i ? " " : "") + w[i];
        part = kept;
      }
    }
  }
  if (!is_plausible_name(patterns, part) && !(kind == AuthorValue::kField && is_login_with_number(part)))
    return {};
  return part;
}

bool is_not_name(std::string_view s);

}  // namespace

bool is_plausible_name(const NamePatterns& patterns, std::string_view name) {
  if (name.size() < 2 || name.size() > 80) return false;
  const Compiled& r = patterns.compiled();
  re2::StringPiece in(name.data(), name.size());
  if (r.stop_name->Match(in, 0, in.size(), RE2::ANCHOR_START, nullptr, 0)) return false;
  if (r.non_name_word->Match(in, 0, in.size(), RE2::UNANCHORED, nullptr, 0)) return false;
  if (looks_like_url(name) || name.find('@') != std::string_view::npos) return false;
  std::size_t i = 0;
  bool first = true;
  int letters = 0;
  while (i < name.size()) {
    const char32_t c = next_code_point(name, &i);
    if (c >= '0' && c <= '9') return false;
    if (c == 0xFFFD || c == '{' || c == '}' || c == '<' || c == '>' || c == '=' ||
        c == '#' || c == '|' || c == '?' || c == '!')
      return false;
    // "ThE_PaiN", "Herr_Rein": a user name, one word; never in a phrase.
    if (c == '_' && name.find(' ') != std::string_view::npos) return false;
    if (first && !u_isalpha(static_cast<UChar32>(c))) return false;
    first = false;
    if (u_isalpha(static_cast<UChar32>(c))) ++letters;
  }
  if (letters < 2 && !only_cjk(name)) return false;
  if (only_cjk(name)) {
    const std::size_t n = count_code_points(name);
    return n >= 2 && n <= 16;
  }
  const std::vector<std::string> words = split_words(name);
  if (words.size() > 6) return false;
  // Several words, none capitalised: a phrase, not a name ("the sports team").
  if (words.size() > 1) {
    bool capital = false;
    for (const std::string& w : words) {
      std::size_t k = 0;
      const char32_t c = next_code_point(w, &k);
      if (u_isupper(static_cast<UChar32>(c)) || u_istitle(static_cast<UChar32>(c)) ||
          !u_hasBinaryProperty(static_cast<UChar32>(c), UCHAR_CASED))
        capital = true;
    }
    if (!capital) return false;
    // A lower-case word between two others that is no name particle
    // ("von", "de", "van der", "bin"): a phrase ("Atemschutzmaske über
    // Exit-Strategie"). A last word may be a lower-case user name.
    static const char* const kParticles[] = {
        "von", "vom", "van", "der", "den", "de", "del", "della", "di", "da", "das", "dos",
        "du", "des", "la", "le", "zu", "zur", "ten", "ter", "y", "e", "bin", "al", "el",
        "ibn", "af", "av", "och", "und", "and", "et", "of", "for", "the", "v.", "d'", "st.", "mc"};
    for (std::size_t k = 1; k + 1 < words.size(); ++k) {
      const std::string& w = words[k];
      std::size_t j = 0;
      const char32_t c = next_code_point(w, &j);
      if (!u_islower(static_cast<UChar32>(c))) continue;
      bool particle = false;
      for (const char* p : kParticles)
        if (w == p) particle = true;
      if (!particle && w.size() > 2) return false;
    }
  }
  return true;
}

bool looks_like_organization(const NamePatterns& patterns, std::string_view name) {
  const Compiled& r = patterns.compiled();
  re2::StringPiece in(name.data(), name.size());
  if (r.org_word->Match(in, 0, in.size(), RE2::UNANCHORED, nullptr, 0)) return true;
  // "AP", "LN", "NDR", "AFP": an agency's or a paper's initials.
  if (name.size() >= 2 && name.size() <= 4 &&
      std::all_of(name.begin(), name.end(), [](char c) { return c >= 'A' && c <= 'Z'; }))
    return true;
  if (only_cjk(name) && r.org_cjk->Match(in, 0, in.size(), RE2::UNANCHORED, nullptr, 0))
    return true;
  return false;
}

bool starts_with_byline_marker(const NamePatterns& patterns, std::string_view text) {
  const Compiled& r = patterns.compiled();
  re2::StringPiece in(text.data(), std::min<std::size_t>(text.size(), 200));
  re2::StringPiece m;
  if (r.marker->Match(in, 0, in.size(), RE2::ANCHOR_START, &m, 1) && m.size() < in.size()) {
    std::size_t k = m.size();
    const char32_t c = next_code_point(text, &k);
    return u_isalpha(static_cast<UChar32>(c)) != 0;
  }
  if (r.cjk_marker->Match(in, 0, in.size(), RE2::ANCHOR_START, &m, 1) && m.size() < in.size()) {
    // A bare "文" / "图" opens many sentences; it is a marker only with a
    // separator ("文／", "文:").
    const std::string_view head(m.data(), m.size());
    const bool has_sep = head.find_first_of(":/|") != std::string_view::npos ||
                         head.find("\xef\xbc\x9a") != std::string_view::npos ||  // ：
                         head.find("\xef\xbc\x8f") != std::string_view::npos ||  // ／
                         head.find(' ') != std::string_view::npos;
    const bool long_marker = count_code_points(head) >= 2 &&
                             head.rfind("\xe6\x96\x87", 0) != 0;  // not 文...
    return has_sep || long_marker;
  }
  return false;
}

std::string_view byline_after_post_word(const NamePatterns& patterns, std::string_view text) {
  if (text.size() > 240) return {};
  re2::StringPiece in(text.data(), text.size());
  re2::StringPiece g[2];
  if (!patterns.compiled().posted->Match(in, 0, in.size(), RE2::ANCHOR_START, g, 2)) return {};
  return text.substr(static_cast<std::size_t>(g[1].data() - text.data()));
}

bool is_bare_latin_marker(const NamePatterns& patterns, std::string_view text) {
  if (text.empty() || text.size() > 40) return false;
  const Compiled& r = patterns.compiled();
  const std::string t = std::string(text) + " ";  // a marker is followed by a space
  re2::StringPiece in(t);
  // "By", "Von:", "| By", "Autor:" and nothing else.
  re2::StringPiece m;
  if (!r.marker->Match(in, 0, in.size(), RE2::ANCHOR_START, &m, 1)) return false;
  re2::StringPiece rest(in.data() + m.size(), in.size() - m.size());
  return RE2::FullMatch(rest, *r.bare_marker_tail);
}

bool is_credit_label(std::string_view text) {
  if (text.empty() || text.size() > 24) return false;
  std::string t = lower_ascii(collapse_space(text));
  while (!t.empty() && (t.back() == ':' || t.back() == ' ')) t.pop_back();
  for (const char* w : {"interview", "interviews", "das interview", "entrevista", "intervista",
                        "entretien", "wywiad", "интервью"})
    if (t == w) return true;
  return false;
}

bool is_bare_cjk_marker(const NamePatterns& patterns, std::string_view text) {
  if (text.empty() || text.size() > 40) return false;
  const Compiled& r = patterns.compiled();
  re2::StringPiece in(text.data(), text.size());
  re2::StringPiece m;
  // Two characters at least: a lone "文" or "图" is a caption's.
  return r.cjk_marker->Match(in, 0, in.size(), RE2::ANCHOR_BOTH, &m, 1) &&
         count_code_points(text) >= 2;
}

std::vector<std::string> clean_authors(const NamePatterns& patterns, std::string_view raw, AuthorValue kind,
                                       std::string_view site_name) {
  std::vector<std::string> out;
  std::string line(raw);
  // A byline is one line: what follows a line break ("Tags: ...", a bio)
  // is something else. The line holding the marker is the one to read.
  if (kind != AuthorValue::kField && line.find('\n') != std::string::npos) {
    std::size_t start = 0;
    std::string first;
    while (start <= line.size()) {
      std::size_t nl = line.find('\n', start);
      if (nl == std::string::npos) nl = line.size();
      std::string l = line.substr(start, nl - start);
      if (first.empty() && !collapse_space(l).empty()) first = l;
      if (starts_with_byline_marker(patterns, collapse_space(l))) {
        first = l;
        break;
      }
      start = nl + 1;
    }
    line = first;
  }
  std::string s = collapse_space(decode_entities(line));
  if (s.empty()) return out;
  if (s.size() > 600) s.erase(600);
  if (looks_like_url(s)) return out;
  const Compiled& r = patterns.compiled();

  // "蔡雪婧/摄": a photographer's credit, whole.
  {
    re2::StringPiece in(s);
    if (r.photo_credit->Match(in, 0, in.size(), RE2::ANCHOR_BOTH, nullptr, 0)) return out;
  }
  // Chinese credits have their own reader; names there are not split by
  // spaces or words as Latin ones are.
  if (kind != AuthorValue::kField) {
    bool cjk = false;
    for (std::size_t i = 0; i < s.size() && !cjk;) cjk = is_cjk(next_code_point(s, &i));
    if (cjk) {
      out = cjk_credits(patterns, s, site_name);
      if (!out.empty() || kind == AuthorValue::kText) return out;
    }
  }
  if (kind == AuthorValue::kText && !starts_with_byline_marker(patterns, s)) return out;

  // What follows a byline's names: dates, "Updated", bios, "3 min read".
  const std::vector<TextDate> dates = find_text_dates(patterns.dates(), s, NumericOrder::kDayFirst, nullptr);
  if (!dates.empty()) {
    s.erase(dates.front().begin);
    // also drop the word that introduced the date ("on", "am", "le")
    // The day of the week before the date is the date's too ("jdoe »
    // Wed Jan 21, 2009", "Jane Doe, Montag, 3. Mai 2021"), after a
    // separator only: "Wei Sun, May 3" keeps its surname.
    re2::StringPiece in(s);
    re2::StringPiece m;
    if (r.weekday_tail->Match(in, 0, in.size(), RE2::UNANCHORED, &m, 1))
      s.erase(static_cast<std::size_t>(m.data() - in.data()));
  }
  cut_at(*r.cut, &s);
  if (kind != AuthorValue::kField) cut_at(*r.bio, &s);
  replace_all(*r.email, &s, " ");
  replace_all(*r.handle, &s, " ");
  // "Richard (R.J.) Eskow", "Jane Doe (AP)": a parenthesis is dropped.
  replace_all(*r.parens, &s, " ");
  s = collapse_space(s);
  const std::size_t before_marker = s.size();
  consume(*r.marker, &s);
  s = collapse_space(s);
  // "By clicking Submit, you agree to ...", "By using this site you
  // accept ...": a sentence of a form or a consent notice, no byline.
  if (s.size() < before_marker) {
    std::size_t w = 0;
    while (w < s.size() && s[w] >= 'a' && s[w] <= 'z') ++w;
    if (w >= 5 && w < s.size() && s[w] == ' ' && s.compare(w - 3, 3, "ing") == 0 &&
        s.size() > w + 8)
      return out;
  }
  // A whole line of credits for a picture ("Von links nach rechts: A, B",
  // "Photos: A, B"): no author in it.
  {
    re2::StringPiece in(s);
    if (r.photo->Match(in, 0, in.size(), RE2::ANCHOR_START, nullptr, 0)) return out;
  }

  // Split into parts.
  std::vector<std::string> parts;
  {
    re2::StringPiece in(s);
    re2::StringPiece m;
    std::size_t pos = 0, start = 0;
    while (pos < in.size() && r.split->Match(in, pos, in.size(), RE2::UNANCHORED, &m, 1)) {
      const std::size_t at = static_cast<std::size_t>(m.data() - in.data());
      if (m.empty()) {
        pos = at + 1;
        continue;
      }
      parts.emplace_back(s.substr(start, at - start));
      start = at + m.size();
      pos = start;
    }
    parts.emplace_back(s.substr(start));
  }
  // "Smith, John" in a name field: one person, family name first.
  if (kind == AuthorValue::kField && parts.size() == 2 && s.find(',') != std::string::npos &&
      split_words(parts[0]).size() == 1 && split_words(parts[1]).size() == 1 &&
      !only_cjk(parts[0])) {
    parts = {parts[1] + " " + parts[0]};
  }
  // Han names separated by spaces: "王建宏 张文攀"; but a one-character
  // part is a family or given name spaced apart from the rest ("赵  培").
  std::vector<std::string> expanded;
  for (std::string& p : parts) {
    const std::string t = collapse_space(p);
    if (only_cjk(t) && t.find(' ') != std::string::npos) {
      std::vector<std::string> w = split_words(t);
      if (w.size() == 2 && (count_code_points(w[0]) == 1 || count_code_points(w[1]) == 1) &&
          count_code_points(w[0]) + count_code_points(w[1]) <= 4) {
        expanded.push_back(w[0] + w[1]);
        continue;
      }
      for (std::string& x : w) expanded.push_back(std::move(x));
    } else {
      expanded.push_back(t);
    }
  }

  std::vector<std::string> keys;
  bool has_long = false;
  for (const std::string& p : expanded)
    if (split_words(p).size() >= 2 || only_cjk(p)) has_long = true;
  for (std::string& p : expanded) {
    std::string name = clean_part(patterns, p, kind);
    if (name.empty()) continue;
    // An agency abbreviation beside real names: "Jane Doe / AP".
    if (has_long && all_upper_short(name)) continue;
    std::string key = comparison_key(name);
    if (key.empty()) continue;
    if (only_cjk(name)) {
      re2::StringPiece in(name);
      if (r.org_cjk->Match(in, 0, in.size(), RE2::UNANCHORED, nullptr, 0)) continue;
      // A menu's or a box's label ("人物", "专栏") read as a link's name.
      if (is_not_name(name)) continue;
    }
    if (std::find(keys.begin(), keys.end(), key) != keys.end()) continue;
    keys.push_back(std::move(key));
    out.push_back(std::move(name));
    if (out.size() >= 12) break;
  }
  return out;
}

namespace {

// Common Chinese family names (simplified and traditional forms): where a
// credit marker sits inside running text, a name must start with one.
const char kSurnames[] =
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶"
    "程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾"
    "毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关"
    "兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻"
    "祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿"
    "桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝陳楊黃趙吳"
    "孫馬鄭謝韓馮鄧蕭葉蘇呂盧鍾譚陸範賈韋鄒閆龍賀顧龔萬錢嚴湯齊喬龐顏聶魯嶽歐關蘭寧紀單塗駱"
    "藍遊鮑華饒繆車連蘆婁竇費衛閔邊師欒鞏遲鄺劉張許";

// Words that end a name in a credit line: "王某发自北京", "李某摄", "张某 来源".
const char* const kAfterName[] = {"发自", "發自", "报道", "報道", "摄影", "攝影", "摄", "攝",
                                  "供图", "供圖", "整理", "来源", "來源", "时间", "時間",
                                  "日期", "编辑", "編輯", "发布", "發佈", "通讯员", "通訊員",
                                  "实习生", "實習生", "文", "图", "圖", "讯", "訊", "于", "於"};

// Words found where a credit's name should be that are not names: "转载"
// (reprinted), "原创" (original), "佚名" (anonymous), field labels, ...
const char* const kNotNames[] = {
    "转载", "轉載", "原创", "原創", "网络", "網絡", "本站", "佚名", "未知", "不详", "不詳",
    "网友", "網友", "综合", "綜合", "整理", "编译", "編譯", "摘编", "摘編", "来源", "來源",
    "时间", "時間", "作者", "编辑", "編輯", "日期", "发布", "發佈", "责任编辑", "出自",
    "原文", "链接", "連結", "单位", "單位", "地址", "电话", "電話", "访问", "訪問", "统计",
    "英文", "中文", "专题", "專題", "手记", "手記", "附图", "附圖", "内容", "無內容",
    "无内容", "报道", "報道", "记者", "記者", "点击", "點擊", "评论", "評論", "阅读", "閱讀",
    "查看", "更多", "返回", "首页", "首頁", "新闻", "新聞", "图片", "圖片", "视频", "視頻",
    "人物", "专栏", "專欄", "栏目", "欄目", "频道", "頻道", "标签", "標籤", "分类", "分類",
    // Labels of a page's boxes: a blog's profile, notices, a table of contents.
    "简介", "簡介", "公告", "留言", "日志", "日誌", "相册", "相冊", "博客", "档案", "檔案",
    "资料", "資料", "目录", "目錄", "正文", "摘要", "导读", "導讀", "编者按", "編者按", "声明",
    "聲明", "提示", "说明", "說明", "简历", "簡歷", "组图", "組圖", "留言板", "本文"};

bool is_not_name(std::string_view s) {
  for (const char* w : kNotNames)
    if (s == w) return true;
  return false;
}

bool is_surname(char32_t c) {
  std::string_view list(kSurnames);
  std::size_t i = 0;
  while (i < list.size())
    if (next_code_point(list, &i) == c) return true;
  return false;
}

// Reads one Han name at text[*pos]: 2-4 characters (up to 10 with a middle
// dot), ending at a non-Han character or at one of kAfterName. Moves *pos.
std::string read_han_name(std::string_view text, std::size_t* pos, bool need_surname) {
  std::size_t i = *pos;
  std::vector<std::size_t> starts;  // byte offset of each character
  bool dot = false;
  while (i < text.size() && starts.size() < 12) {
    std::size_t j = i;
    const char32_t c = next_code_point(text, &j);
    if (!is_han(c) && c != 0xB7 && c != 0x30FB) break;
    dot |= !is_han(c);
    starts.push_back(i);
    i = j;
  }
  starts.push_back(i);
  std::size_t n = starts.size() - 1;  // characters read
  // Cut at a word that follows names.
  for (std::size_t k = 2; k < n; ++k) {
    const std::string_view rest = text.substr(starts[k], starts[n] - starts[k]);
    bool cut = false;
    for (const char* w : kAfterName)
      if (rest.rfind(w, 0) == 0) cut = true;
    if (cut) {
      n = k;
      break;
    }
  }
  if (n < 2 || n > (dot ? 10u : 4u)) return {};
  // A name ends at a space, a punctuation mark, the end, or a word such as
  // 发自; one running into Latin letters or digits ("致电上海SK") is a phrase
  // unless it starts with a family name.
  if (starts[n] < text.size() && n == starts.size() - 1) {
    std::size_t j = starts[n];
    const char32_t next = next_code_point(text, &j);
    if (next < 0x80 && is_ascii_alnum(static_cast<char>(next))) need_surname = true;
  }
  if (need_surname) {
    std::size_t k = starts[0];
    if (!is_surname(next_code_point(text, &k))) return {};
  }
  *pos = starts[n];
  return std::string(text.substr(starts[0], starts[n] - starts[0]));
}

}  // namespace

std::vector<std::string> cjk_credits(const NamePatterns& patterns, std::string_view text, std::string_view site_name,
                                     int* priority) {
  // The credit of the best kind wins: authors and reporters (0) before a
  // source (1) before editors (2).
  std::vector<std::string> best;
  int best_priority = 3;
  std::vector<std::string> out;
  if (text.empty() || text.size() > 4000) return out;
  const Compiled& r = patterns.compiled();
  re2::StringPiece in(text.data(), text.size());
  re2::StringPiece g[2];
  std::size_t pos = 0;
  auto take = [&](std::string name) {
    if (name.empty() || is_not_name(name)) return;
    re2::StringPiece nm(name);
    if (r.org_cjk->Match(nm, 0, nm.size(), RE2::UNANCHORED, nullptr, 0)) return;
    if (!site_name.empty() && comparison_key(name) == comparison_key(site_name)) return;
    if (std::find(out.begin(), out.end(), name) == out.end()) out.push_back(std::move(name));
  };
  // Credits of the same kind add up: "本报实习生 A 本报记者 B C" credits all three.
  auto settle = [&](int prio) {
    if (!out.empty() && prio < best_priority) {
      best = out;
      best_priority = prio;
    } else if (!out.empty() && prio == best_priority) {
      for (std::string& n : out)
        if (std::find(best.begin(), best.end(), n) == best.end()) best.push_back(std::move(n));
    }
    out.clear();
  };
  int marker_priority = 0;
  while (pos < text.size() &&
         r.cjk_credit_marker->Match(in, pos, in.size(), RE2::UNANCHORED, g, 2)) {
    settle(marker_priority);
    {
      const std::string_view mk(g[0].data(), g[0].size());
      marker_priority = 0;
      for (const char* e : {"编辑", "編輯", "责编", "責編", "整理"})
        if (mk.find(e) != std::string_view::npos) marker_priority = 2;
      for (const char* e : {"来源", "來源"})
        if (mk.find(e) != std::string_view::npos) marker_priority = 1;
    }
    const std::size_t mbegin = static_cast<std::size_t>(g[0].data() - text.data());
    std::size_t p = mbegin + g[0].size();
    pos = p;
    // Strict: the marker opens the text or follows a space, punctuation, or
    // a publication's name ("光明日报记者", "新华社记者").
    bool strict = mbegin == 0;
    if (!strict) {
      std::size_t j = utf8_floor(text, mbegin - 1);
      const char32_t before = next_code_point(text, &j);
      strict = !is_han(before) || before == 0x62A5 /*报*/ || before == 0x5831 /*報*/ ||
               before == 0x793E /*社*/ || before == 0x7F51 /*网*/ || before == 0x53F0 /*台*/;
    }
    const bool colon = g[0].find(':') != re2::StringPiece::npos ||
                       g[0].find("\xef\xbc\x9a") != re2::StringPiece::npos;
    // Without a colon or a space after the marker ("记者致电上海"), the name
    // must start with a family name even where the marker opens a sentence.
    const char last_byte = g[0].empty() ? 0 : g[0][g[0].size() - 1];
    const bool separated = colon || last_byte == ' ' || g[0].ends_with("\xe3\x80\x80") ||
                           g[0].find('/') != re2::StringPiece::npos ||
                           g[0].find("\xef\xbc\x8f") != re2::StringPiece::npos;
    // A forum's "本贴由 X 于 <date> 发表" names a user, not a family.
    const bool forum = g[0].starts_with("本贴由") || g[0].starts_with("本帖由");
    std::string first = read_han_name(text, &p, !(strict && (separated || forum)));
    if (first.empty()) {
      // A Latin name or a user name after a colon: "作者：Diogo Carleto".
      if (colon) {
        std::size_t e = p;
        while (e < text.size() && e - p < 60) {
          std::size_t j = e;
          const char32_t c = next_code_point(text, &j);
          if (is_cjk(c) || c == ',' || c == ';' || c == '|' || c == '(' ||
              c == 0xFF08 || c == 0xFF0C || c == 0x3001)
            break;
          e = j;
        }
        for (std::string& n : clean_authors(patterns, text.substr(p, e - p), AuthorValue::kField, site_name))
          take(std::move(n));
      }
      continue;
    }
    take(std::move(first));
    // More names: "宋怡 杨志华", "赵延东、风笑天", "王某和李某".
    while (out.size() < 8) {
      std::size_t q = p;
      bool sep = false, listed = false;  // listed: "、", "，", "和" join names
      while (q < text.size()) {
        std::size_t j = q;
        const char32_t c = next_code_point(text, &j);
        if (c == ' ' || c == 0x3000 || c == 0xA0 || c == 0x3001 /*、*/ || c == 0xFF0C /*，*/ ||
            c == ',' || c == 0x548C /*和*/ || c == '&' || c == 0xFF06 /*＆*/) {
          sep = true;
          listed = listed || (c != ' ' && c != 0x3000 && c != 0xA0);
          q = j;
        } else {
          break;
        }
      }
      if (!sep) break;
      // After a mere space, the next words are a name only if they start
      // with a family name ("李文静 我要评论" is a link after the byline).
      std::string next = read_han_name(text, &q, !listed);
      if (next.empty() || is_not_name(next)) break;
      // "姚峰 上海报道": a place before 报道 / 发自 is no second name.
      bool place = false;
      for (const char* w : kAfterName)
        if (text.substr(q).rfind(w, 0) == 0) place = true;
      {
        std::size_t k = q;
        while (k < text.size() && text[k] == ' ') ++k;
        for (const char* w : {"报道", "報道", "发自", "發自"})
          if (text.substr(k).rfind(w, 0) == 0) place = true;
      }
      if (place) break;
      take(std::move(next));
      p = q;
    }
  }
  settle(marker_priority);
  if (best_priority > 0 &&
      r.cjk_bracket_before_source->Match(in, 0, in.size(), RE2::UNANCHORED, g, 2)) {
    std::string_view n(g[1].data(), g[1].size());
    std::size_t p = 0;
    take(read_han_name(n, &p, false));
    if (!out.empty()) {
      best = std::move(out);
      best_priority = 0;
    }
  }
  if (priority != nullptr) *priority = best_priority;
  if (!best.empty()) return best;
  // Japanese puts notes in brackets at a line's end ("…まとめ読み(登録無料)"):
  // the Chinese forms below are read only in lines without kana.
  for (std::size_t i = 0; i < text.size();) {
    const char32_t c = next_code_point(text, &i);
    if (c >= 0x3040 && c <= 0x30FF && c != 0x30FB) return out;
  }
  // "（袁源）", "（常书香 马丹阳）" closing an article; "马俊峰/文".
  if (r.cjk_paren->Match(in, 0, in.size(), RE2::UNANCHORED, g, 2)) {
    std::string_view names(g[1].data(), g[1].size());
    std::size_t p = 0;
    while (p < names.size()) {
      std::string n = read_han_name(names, &p, false);
      if (n.empty()) break;
      // "（姚峰 上海报道）": the place a report was filed from.
      bool place = false;
      for (const char* w : {"报道", "報道", "发自", "發自"})
        if (!out.empty() && names.substr(p).rfind(w, 0) == 0) place = true;
      if (place) break;
      take(std::move(n));
      while (p < names.size() && (names[p] == ' ' || static_cast<unsigned char>(names[p]) >= 0xE3)) {
        std::size_t j = p;
        const char32_t c = next_code_point(names, &j);
        if (is_han(c)) break;
        p = j;
      }
    }
    if (!out.empty()) return out;
  }
  if (r.cjk_slash_wen->Match(in, 0, in.size(), RE2::UNANCHORED, g, 2)) {
    std::string_view n(g[1].data(), g[1].size());
    std::size_t p = 0;
    take(read_han_name(n, &p, false));
  }
  return out;
}

std::vector<std::string> sign_off_name(const NamePatterns& patterns, std::string_view text, std::string_view site_name) {
  std::vector<std::string> out;
  if (text.empty() || text.size() > 100) return out;
  const std::size_t nl = text.find('\n');
  const std::string name = collapse_space(text.substr(0, nl));
  std::string rest;
  if (nl != std::string_view::npos) {
    rest = collapse_space(text.substr(nl + 1));
    if (rest.find('\n') != std::string::npos) return out;
  }
  const std::vector<std::string> words = split_words(name);
  if (words.empty() || words.size() > 4 || !is_plausible_name(patterns, name) || only_cjk(name))
    return out;
  // Every word capitalised ("Kazım TÜRKMEN", "Jane Doe"); a name particle
  // ("von", "de") may stand between. No punctuation but initials' dots,
  // hyphens and apostrophes ("Cheshire, CT" is a place, "Categories:" a
  // label), and no function word ("In This Issue", "New Products").
  static const char* const kParticles[] = {"von", "van", "de", "der", "den", "da", "di", "du",
                                           "la", "le", "del", "bin", "al", "ten", "zu"};
  static const char* const kFunction[] = {"in", "this", "the", "of", "for", "and", "new",
                                          "our", "my", "your", "to", "on", "at", "with",
                                          "der", "die", "das", "und", "im", "für", "mit",
                                          "le", "la", "les", "et", "el", "los", "y"};
  for (std::size_t i = 0; i < words.size(); ++i) {
    const std::string& w = words[i];
    std::size_t k = 0;
    const char32_t c = next_code_point(w, &k);
    bool particle = false;
    for (const char* p : kParticles) particle = particle || (i > 0 && i + 1 < words.size() && w == p);
    if (!u_isupper(static_cast<UChar32>(c)) && !particle) return out;
    const std::string lw = lower_ascii(w);
    for (const char* f : kFunction)
      if (lw == f && !particle) return out;
    if (w.find('.') != std::string::npos && w.size() > 2) return out;
    for (std::size_t j = 0; j < w.size();) {
      const char32_t d = next_code_point(w, &j);
      if (u_ispunct(static_cast<UChar32>(d)) && d != '.' && d != '-' && d != '\'' && d != 0x2019)
        return out;
    }
  }
  if (rest.empty()) {
    // A line of its own: a full name, two or three words.
    if (words.size() < 2 || words.size() > 3) return out;
  } else {
    // Under the name: the day it was signed, or a short role.
    const std::vector<TextDate> dates = find_text_dates(patterns.dates(), rest, NumericOrder::kDayFirst, nullptr);
    const bool dated = !dates.empty() && dates.front().begin <= 3;
    const bool role = rest.size() <= 48 && split_words(rest).size() <= 4 &&
                      std::none_of(rest.begin(), rest.end(), [](char ch) {
                        return ch == '.' || ch == '!' || ch == '?' || ch == ':' ||
                               (ch >= '0' && ch <= '9');
                      });
    if (!dated && !role) return out;
  }
  const std::string key = comparison_key(name);
  if (!site_name.empty() && key == comparison_key(site_name)) return out;
  out.push_back(name);
  return out;
}

std::vector<std::string> cjk_name_line(const NamePatterns& patterns, std::string_view text, std::string_view site_name) {
  std::vector<std::string> out;
  if (text.empty() || text.size() > 64) return out;
  const Compiled& r = patterns.compiled();
  std::size_t p = 0;
  auto skip = [&](bool* sep) {
    while (p < text.size()) {
      std::size_t j = p;
      const char32_t c = next_code_point(text, &j);
      const bool s = c == ' ' || c == 0x3000 || c == 0xA0 || c == 0x3001 /*、*/ ||
                     c == 0xFF0C /*，*/ || c == ',';
      const bool bracket = c == '[' || c == ']' || c == 0x3010 || c == 0x3011 /*【】*/ ||
                           c == 0xFF3B || c == 0xFF3D;
      if (!s && !bracket) break;
      if (sep != nullptr) *sep = *sep || s;
      p = j;
    }
  };
  skip(nullptr);
  while (p < text.size()) {
    const std::size_t start = p;
    std::string n = read_han_name(text, &p, false);
    if (n.empty() || p == start || is_not_name(n)) return {};
    // A name is all of a Han run here: "国内新闻" is 4 characters, but the
    // run it ends must end the line or meet a separator.
    if (p < text.size()) {
      std::size_t j = p;
      const char32_t c = next_code_point(text, &j);
      if (is_han(c)) return {};
    }
    re2::StringPiece nm(n);
    if (r.org_cjk->Match(nm, 0, nm.size(), RE2::UNANCHORED, nullptr, 0)) return {};
    if (!site_name.empty() && comparison_key(n) == comparison_key(site_name)) return {};
    out.push_back(std::move(n));
    if (out.size() > 4) return {};
    bool sep = false;
    skip(&sep);
    if (p < text.size() && !sep) return {};
  }
  return out;
}

std::vector<std::string> cjk_posted_by(const NamePatterns& patterns, std::string_view text, std::string_view site_name) {
  if (text.size() > 240) return {};
  re2::StringPiece in(text.data(), text.size());
  re2::StringPiece g[2];
  if (!patterns.compiled().cjk_posted_by->Match(in, 0, in.size(), RE2::UNANCHORED, g, 2)) return {};
  const std::string_view name(g[1].data(), g[1].size());
  if (is_not_name(name)) return {};
  return clean_authors(patterns, name, AuthorValue::kField, site_name);
}

std::vector<std::string> trailing_credit(const NamePatterns& patterns, std::string_view text, std::string_view site_name) {
  std::vector<std::string> out;
  if (text.empty()) return out;
  const Compiled& r = patterns.compiled();
  re2::StringPiece in(text.data(), text.size());
  re2::StringPiece g[2];
  if (r.trailing_latin->Match(in, 0, in.size(), RE2::UNANCHORED, g, 2)) {
    out = clean_authors(patterns, std::string_view(g[1].data(), g[1].size()), AuthorValue::kField,
                        site_name);
    if (!out.empty()) return out;
  }
  return cjk_credits(patterns, text, site_name);
}

std::string trailing_parenthesized_name(const NamePatterns& patterns, std::string_view text) {
  const Compiled& r = patterns.compiled();
  re2::StringPiece in(text.data(), text.size());
  re2::StringPiece g[2];
  if (!r.trailing_paren->Match(in, 0, in.size(), RE2::UNANCHORED, g, 2)) return {};
  return collapse_space(std::string_view(g[1].data(), g[1].size()));
}

std::vector<std::string> picture_or_translation_credit(const NamePatterns& patterns, std::string_view text) {
  if (text.empty() || text.size() > 200) return {};
  const Compiled& r = patterns.compiled();
  const std::string line = collapse_space(text.substr(0, text.find('\n')));
  re2::StringPiece in(line);
  re2::StringPiece m;
  if (!r.photo->Match(in, 0, in.size(), RE2::ANCHOR_START, &m, 1)) return {};
  return clean_authors(patterns, std::string_view(line).substr(m.size()), AuthorValue::kField, {});
}

std::vector<std::string> copyright_holder(const NamePatterns& patterns, std::string_view text, std::string_view site_name) {
  // The mark, then the years ("2012-", "2009 - 2024,"), then the holder up
  // to where the line goes on: "All rights reserved", a separator before
  // the next link ("Impressum", "Design by ...").
  if (text.empty() || text.size() > 200) return {};
  re2::StringPiece in(text.data(), text.size());
  re2::StringPiece g[2];
  if (!patterns.compiled().copyright->Match(in, 0, in.size(), RE2::ANCHOR_BOTH, g, 2)) return {};
  std::string holder(g[1].data(), g[1].size());
  cut_at(*patterns.compiled().copyright_end, &holder);
  // A sentence ends the holder ("Jane Doe. Design by ..."); an initial's
  // dot does not ("Stephen B. Doe").
  for (std::size_t dot = holder.find(". "); dot != std::string::npos;
       dot = holder.find(". ", dot + 1)) {
    const std::size_t word = holder.find_last_of(' ', dot);
    if (dot - (word == std::string::npos ? 0 : word + 1) > 1) {
      holder.erase(dot);
      break;
    }
  }
  holder = trim_name(holder);
  // A company holds the rights to its pages: no writer's name. A person's
  // reads as a signature does ("Jane Doe", "李建忠").
  if (looks_like_organization(patterns, holder)) return {};
  std::vector<std::string> names = sign_off_name(patterns, holder, site_name);
  return names.empty() ? cjk_name_line(patterns, holder, site_name) : names;
}

}  // namespace extractor
