// The name patterns, compiled once. See metadata_names.h.
#include "metadata_names_rules.h"

#include <stdexcept>
#include <string>
#include <utility>

#include "metadata_datetime.h"

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
    "|(?:guest" S "+|gast)?(?:autor(?:in|innen|en|es|as|a|ka|zy)?|author(?:s)?)|"
    "auteur(?:e|s|es)?|verfasser(?:in)?|contributors?" S "*[:：]|"
    "text|texte|tekst|testo|textos?|redakteur(?:in)?|reporter(?:in)?|"
    "автор(?:ы|и)?|текст|кореспондент|корреспондент)";

// More byline markers, from pages nobody tuned for (rules:
// author.wide_markers): the verbs and nouns of more languages ("ein Artikel
// von", "Gespeichert von", "Geschreven door", "Scritto da", "Skrevet af",
// "Rédigé par", "Yazar:", "Autore"), gender-inclusive forms ("AUTOR/IN",
// "Autor*in", "Autor:in") and a newsroom's label before its writer
// ("Redaktion: Jane Doe", "Redacción:").
const char kLatinMarkersWide[] =
    "(?:(?:(?:eine?|an?|un|una|uno|een)" S "+)?(?:artikel|beitrag|bericht|text|texte|article|"
    "gespeichert|geschreven|geschrieben|verfasst|skrevet|skrivet|skriven|kirjoittanut|"
    "rédigé|rédigée|publié|publiée|publicado|publicada|escrito|escrita|pubblicato|"
    "pubblicata|scritto|scritta|redatto|redatta|napisane|napisał[a]?|geplaatst|ingezonden)" S
    "+(?:by|von|vom|door|par|por|de|di|da|av|af|przez|od|от)"
    "|a" S "+cura" S "+di"
    "|(?:guest" S "+|gast)?autor(?:[/*:_]?in(?:nen)?|innen|en|es|as|a|ka|zy|e|ius)?"
    "|autrice|forfatter|författare|skribent|yazar|szerző|kirjoittaja|avtor|tekijä"
    "|(?:redaktion|rédaction|redacción|redazione|redactie|redakcja|redakce)" S "*[:：])";

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
    "(?:discussion|thread|topic|conversation)" S "+starter|original" S "+poster|"
    "topic" S "+author|(?:super" S "+|global" S "+)?moderator|administrator|admin|"
    "(?:well-known|senior|junior|new|active|registered|premium|full|elite|gold|silver|"
    "platinum|esteemed|respected|valued|established|veteran)" S "+member|"
    "member|guest|"
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

namespace {

std::unique_ptr<RE2> make(const std::string& pattern) {
  RE2::Options o;
  o.set_log_errors(false);
  o.set_case_sensitive(false);
  auto re = std::make_unique<RE2>(pattern, o);
  if (!re->ok()) throw std::logic_error("extractor: bad author pattern: " + re->error());
  return re;
}

// Case-sensitive.
std::unique_ptr<RE2> make_cs(const std::string& pattern) {
  RE2::Options o;
  o.set_log_errors(false);
  auto re = std::make_unique<RE2>(pattern, o);
  if (!re->ok()) throw std::logic_error("extractor: bad author pattern: " + re->error());
  return re;
}

}  // namespace

NamePatterns::NamePatterns(std::shared_ptr<const DatePatterns> dates) : dates_(std::move(dates)) {
  compile_bylines();
  compile_cuts();
  compile_credits();
  compile_words();
}

void NamePatterns::compile_bylines() {
  const std::string lat = kLatinMarkers;
  const std::string cjk = kCjkMarkers;
  const std::string roles = kRoles;
  marker = make("^[\\s\\x{a0}\\pP\\pS]*" + lat + "(?:" S "*[:：|/／]" S "*|" S "+)(?:the" S
                "+)?");
  const std::string wide = kLatinMarkersWide;
  marker_wide = make("^[\\s\\x{a0}\\pP\\pS]*(?:" + wide + "|" + lat + ")(?:" S
                     "*[:：|/／]" S "*|" S "+)(?:the" S "+)?");
  // "ByJane Doe", "Written byJane Doe", "VonAnna Schmidt": a marker glued
  // to a capitalised name (the name's capital, then a small letter).
  glued_marker = make_cs(
      "^([\\s\\x{a0}\\pP\\pS]*(?:(?:[Ww]ritten|[Pp]osted|[Rr]eported|[Ss]tory|[Ww]ords|"
      "[Tt]ext|[Gg]eschrieben|[Vv]erfasst|[Éé]crit|[Ee]scrito)" S "+)?"
      "(?:By|by|BY|Von|von|VON|Par|par|Por|por|Door|door|Av|av|Af|af))(\\p{Lu}\\p{Ll})");
  // Degrees and credentials after a name ("Jane Doe, PhD", "John Roe MD,
  // MPH"): no part of it, and no name of their own.
  const std::string degree =
      "(?:Ph\\.?" S "?D\\.?|M\\.D\\.?|MD|D\\.O\\.|DO|MBA|M\\.?Sc\\.?|B\\.?Sc\\.?|"
      "MPH|DrPH|RN|BSN|MSN|APRN|NP|PA-C|DVM|J\\.D\\.|JD|Esq\\.?|CPA|CFA|CFP|RD|RDN|LD|"
      "FACP|FACS|FRCP|FRCPC|LCSW|PharmD|DDS|DMD|MS|MA|BA|BS|MEd|EdD|PsyD|LPC|MFT|CNM|IBCLC)";
  degree_only = make_cs("^" + degree + "(?:" S "*,?" S "*" + degree + ")*$");
  degree_tail = make_cs("(?:" S "*,?" S "+|" S "*," S "*)" + degree + "(?:" S "*,?" S "*" +
                        degree + ")*" S "*$");
  // "Jane Doe/dpa", "Jane Doe / AFP": an agency's short name after a slash.
  agency_tail = make_cs("(\\p{Ll}\\.?)" S "*/" S "*(?:\\p{Lu}{2,6}|\\p{Ll}{2,4})" S "*$");
  // "Jane DoeMon": a weekday's abbreviation glued to the name before a
  // date.
  glued_weekday = make_cs(
      "(\\p{Ll})(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun|Monday|Tuesday|Wednesday|"
      "Thursday|Friday|Saturday|Sunday|Mo|Di|Mi|Do|Fr|Sa|So)\\.?[\\s\\x{a0},]*$");
  // "Example.com - Jane Doe", "Jane Doe – example.de": a site's address
  // beside the name, on one side of a dash or a bar.
  site_dash = make("^(.+?)" S "+[-–—|]" S "+(.+)$");
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
}

void NamePatterns::compile_cuts() {
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
  // What a comment's or a picture's label adds after the name shown
  // ("Amber says:", "Jane Doe avatar"): not the name's.
  speech_tail = make(S "+(?:says|said|sagt|schreibt|schrieb|wrote|writes|dit|dice|diz|pisze|"
                     "avatar)" S "*[:：.]?" S "*$");
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
}

void NamePatterns::compile_credits() {
  const std::string cjk = kCjkMarkers;
  const std::string cjk_short = kCjkShortMarkers;
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
}

void NamePatterns::compile_words() {
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
  // Case-sensitive: "von" in lower case is a particle ("Ursula von der Leyen").
  inner_marker =
      make_cs("(?:^|" S ")(?:Von|By|Par|Por|Door|Av|Text|Texte|Autor|Autorin)" S "+(\\p{Lu})");
  // After a byline marker, only spaces and punctuation ("By", "Von:", "| By").
  bare_marker_tail = make_cs("[\\s\\pP]*");
  // "ggjjzhzz 发表于 2005-9-15 11:46": the user before the posting word.
  cjk_posted_by = make_cs(
      "(?:^|[\\s\\x{3000}|｜])([^\\s\\x{3000}|｜:：\\[\\]【】]{2,24})[\\s\\x{3000}]+"
      "(?:发表于|發表於|发布于|發佈於|发表在|發表在|发表时间|發表時間)[\\s\\x{3000}:：]*\\d");
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

#undef S

std::shared_ptr<const NamePatterns> compile_name_patterns(
    std::shared_ptr<const DatePatterns> dates) {
  return std::make_shared<const NamePatterns>(std::move(dates));
}

}  // namespace extractor
