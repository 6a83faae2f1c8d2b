// Dates for the metadata stages. See metadata_datetime.h.
#include "metadata_datetime.h"

#include <re2/re2.h>
#include <re2/set.h>
#include <unicode/uchar.h>

#include <unordered_map>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <memory>

#include "chars.h"

namespace extractor {
namespace {

// Month names, one alternation per month, lower case (the patterns are
// case-insensitive), long forms before their abbreviations. Nominative and
// genitive forms where a language inflects them ("2 декабря", "2. prosince").
// A name shared by two languages must mean the same month in both: Croatian
// "listopada" (October) is left out because Polish "listopada" is November.
const char* const kMonths[12] = {
    // January
    "january|jan|januar|jänner|jaenner|janvier|janv|enero|ene|gennaio|gen|janeiro|januari|"
    "stycznia|styczeń|styczen|ledna|leden|januára|января|январь|янв|січня|"
    "tammikuuta|ocak|január|ianuarie|siječnja|sijecnja|ιανουαρίου|ιανουάριος|gener|sausio|"
    "janvāris|jaanuar",
    // February
    "february|feb|februar|feber|février|fevrier|févr|fevr|febrero|febbraio|fevereiro|fev|"
    "februari|lutego|luty|února|unora|únor|februára|февраля|февраль|фев|лютого|helmikuuta|"
    "şubat|subat|február|februarie|veljače|veljace|φεβρουαρίου|febrer|vasario|veebruar",
    // March
    "march|mar|märz|maerz|mär|mrz|mars|marzo|março|marco|maart|mrt|marca|marzec|března|"
    "brezna|březen|марта|март|мар|березня|maaliskuuta|mart|március|martie|ožujka|ozujka|"
    "μαρτίου|març|maret|kovo|märts",
    // April
    "april|apr|avril|avr|abril|abr|aprile|kwietnia|kwiecień|kwiecien|dubna|duben|apríla|"
    "апреля|апрель|апр|квітня|huhtikuuta|nisan|április|aprilie|travnja|απριλίου|abril|"
    "balandžio|aprill",
    // May
    "may|mai|mayo|maggio|mag|maio|mei|maja|maj|května|kvetna|květen|mája|мая|май|травня|"
    "toukokuuta|mayıs|mayis|május|svibnja|μαΐου|maig|gegužės",
    // June
    "june|jun|juni|juin|junio|giugno|giu|junho|czerwca|czerwiec|června|cervna|červen|júna|"
    "июня|июнь|июн|червня|kesäkuuta|haziran|június|iunie|lipnja|ιουνίου|juny|birželio|juuni",
    // July
    "july|jul|juli|juillet|juil|julio|luglio|lug|julho|lipca|lipiec|července|cervence|"
    "červenec|júla|июля|июль|июл|липня|heinäkuuta|temmuz|július|iulie|srpnja|ιουλίου|"
    "juliol|liepos|juuli",
    // August
    "august|aug|août|aout|agosto|ago|augustus|sierpnia|sierpień|sierpien|srpna|srpen|augusta|"
    "августа|август|авг|серпня|elokuuta|ağustos|agustos|augusztus|kolovoza|αυγούστου|agost|"
    "agustus|rugpjūčio",
    // September
    "september|sept|sep|septembre|septiembre|setiembre|settembre|setembro|set|"
    "września|wrzesnia|wrzesień|wrzesien|září|zari|septembra|сентября|сентябрь|сент|сен|"
    "вересня|syyskuuta|eylül|eylul|szeptember|septembrie|rujna|σεπτεμβρίου|setembre|"
    "rugsėjo",
    // October
    "october|oct|oktober|okt|octobre|octubre|ottobre|ott|outubro|out|października|"
    "pazdziernika|październik|října|rijna|říjen|októbra|октября|октябрь|окт|жовтня|"
    "lokakuuta|ekim|október|octombrie|οκτωβρίου|spalio",
    // November
    "november|nov|novembre|noviembre|novembro|listopada|listopad|listopadu|novembra|ноября|"
    "ноябрь|ноя|листопада|marraskuuta|kasım|kasim|noiembrie|studenoga|studenog|"
    "νοεμβρίου|lapkričio",
    // December
    "december|dec|dezember|dez|décembre|decembre|déc|diciembre|dic|dicembre|dezembro|"
    "grudnia|grudzień|grudzien|prosince|prosinec|decembra|декабря|декабрь|дек|грудня|"
    "joulukuuta|aralık|aralik|decembrie|prosinca|δεκεμβρίου|desembre|desember|gruodžio|"
    "detsember",
};

// White space as it appears between the parts of a date: ASCII, no-break
// space, narrow no-break space, ideographic space.
#define S "[\\s\\x{a0}\\x{202f}\\x{3000}]"

// Case folding of a short word (a month name) for the lookup below.
std::string fold(std::string_view w) {
  std::string out;
  for (std::size_t i = 0; i < w.size();) {
    const std::int32_t c = decode_utf8(w, &i);
    if (c < 0) continue;
    append_utf8(static_cast<char32_t>(u_foldCase(c, U_FOLD_CASE_DEFAULT)), &out);
  }
  return out;
}

// One alternation of every month name (longest first) in one capture
// group, and the month of each folded name: one group instead of twelve
// keeps the matcher's bookkeeping small.
struct MonthNames {
  std::string alternation;
  std::unordered_map<std::string, int> month;
  MonthNames() {
    std::vector<std::pair<std::string, int>> all;
    for (int m = 0; m < 12; ++m) {
      std::string_view list(kMonths[m]);
      std::size_t i = 0;
      while (i <= list.size()) {
        std::size_t j = list.find('|', i);
        if (j == std::string_view::npos) j = list.size();
        if (j > i) all.emplace_back(std::string(list.substr(i, j - i)), m + 1);
        i = j + 1;
      }
    }
    std::stable_sort(all.begin(), all.end(),
                     [](const auto& a, const auto& b) { return a.first.size() > b.first.size(); });
    alternation = "(";
    for (std::size_t k = 0; k < all.size(); ++k) {
      if (k) alternation += '|';
      alternation += all[k].first;
      month.emplace(fold(all[k].first), all[k].second);
    }
    alternation += ")";
  }
};

}  // namespace

struct DatePatterns {
  MonthNames months;
  std::unique_ptr<RE2> dmy, mdy, ymd_text, ymd_num, ymd_korean, dmy_num;
  std::unique_ptr<RE2::Set> absolute;  // the six above, for one first pass
  std::unique_ptr<RE2> dmy_short;  // 31.10.23
  std::unique_ptr<RE2> short_slash;  // 26/10/13, 10/26/13
  std::unique_ptr<RE2> java_date;  // Mon Aug 03 12:45:00 EDT 2015
  std::unique_ptr<RE2> time_after, time_before, role, issue_after;
  std::unique_ptr<RE2> relative_ago, relative_word;
  std::unique_ptr<RE2> url_slashes, url_dashes, url_compact, url_year_mmdd;

  DatePatterns() {
    RE2::Options o;
    o.set_log_errors(false);
    o.set_case_sensitive(false);
    const std::string m = months.alternation;
    auto make = [&](const std::string& p) {
      auto re = std::make_unique<RE2>(p, o);
      if (!re->ok()) throw std::logic_error("extractor: bad date pattern: " + re->error());
      return re;
    };
    // The six absolute-date patterns also go into one set: a single pass
    // tells which of them (usually none or one) to run with captures.
    auto add_to_set = [&](const RE2& re) {
      std::string err;
      if (absolute->Add(re.pattern(), &err) < 0)
        throw std::logic_error("extractor: bad date pattern: " + err);
    };
    // 2 December 2021, 2. Dezember 2021, 2 de diciembre de 2021, 2nd of Dec, 2021,
    // 2-Dec-2021.
    dmy = make("(?:^|[^\\pL\\pN])(\\d{1,2})(?:\\.|st|nd|rd|th|er|º|ª|°)?" S "*(?:-" S "*)?"
               "(?:de" S "+|of" S "+)?" + m + "\\.?(?:," S "*|" S "+|" S "*-" S "*)"
               "(?:de" S "+|del" S "+)?(\\d{4})(?:[^\\pN]|$)");
    // December 2, 2021; Dec. 2nd 2021.
    mdy = make("(?:^|[^\\pL])" + m + "\\.?" S "*(\\d{1,2})(?:st|nd|rd|th)?\\.?"
               "(?:," S "*|" S "+)(\\d{4})(?:[^\\pN]|$)");
    // 2021. december 2. (Hungarian); 2021 Dec 02.
    ymd_text = make("(?:^|[^\\pN])(\\d{4})\\.?" S "*" + m + "\\.?" S "*(\\d{1,2})(?:[^\\pN]|$)");
    // 2021-12-02, 2021/12/02, 2021.12.02, 2021年12月2日.
    ymd_num = make("(?:^|[^\\pN])(\\d{4})" S "*([-/.年])" S "*(\\d{1,2})" S "*([-/.月])" S
                   "*(\\d{1,2})(?:" S "*[日号號])?(?:[^\\pN]|$)");
    ymd_korean = make("(\\d{4})" S "*년" S "*(\\d{1,2})" S "*월" S "*(\\d{1,2})" S "*일");
    // 02.12.2021, 12/02/2021, 02-12-2021, 02. 12. 2021.
    dmy_num = make("(?:^|[^\\pN.])(\\d{1,2})" S "?([-/.])" S "?(\\d{1,2})" S "?([-/.])" S
                   "?(\\d{4})(?:[^\\pN]|$)");
    java_date = make("\\pL{3}" S "+" + m + S "+(\\d{1,2})" S "+(\\d{1,2}):(\\d{2})(?::\\d{2})?" S
                     "+[A-Z]{2,5}" S "+(\\d{4})");
    // Day first with dots and a two-digit year ("31.10.23", "6.11.22"), as
    // many German bylines write it; not part of a longer number.
    dmy_short = make("(?:^|[^\\pN.])(\\d{1,2})\\.(\\d{1,2})\\.(\\d{2})(?:[^\\pN.]|\\.(?:[^\\pN]|$)|$)");
    // The same with slashes ("am 26/10/13, 03:48 pm", "on 10/26/13"), as
    // forum software writes a post's date; not part of a longer number or
    // path ("1/2/13/4", "/12/10/13/").
    short_slash = make("(?:^|[^\\pN/])(\\d{1,2})/(\\d{1,2})/(\\d{2})(?:[^\\pN/]|$)");
    // The time of day after a date: ", 14:30", " at 2:30 pm", " um 14.30 Uhr",
    // "T10:00:00Z", " 14时30分", " - 10:52", " 7:08 PM EST", ", at 06:56".
    absolute = std::make_unique<RE2::Set>(o, RE2::UNANCHORED);
    for (const RE2* re : {dmy.get(), mdy.get(), ymd_text.get(), ymd_num.get(), ymd_korean.get(),
                          dmy_num.get()})
      add_to_set(*re);
    if (!absolute->Compile()) throw std::logic_error("extractor: date patterns do not compile");
    time_after = make("^" S "*(?:(?:," S "*)?(?:at|um|à|a las|alle|às|kl\\.?|в|о|o)|,|\\||-|–|—|·|/|T|"
                      "日|号|號)?" S
                      "*(\\d{1,2})(?::|h|時|时|시)(\\d{2})(?:[:](\\d{2}))?(?:[.,]\\d+)?"
                      "(?:分|분)?" S "*(a\\.?m\\.?|p\\.?m\\.?)?(?:" S "*(?:(z|utc|gmt)" S
                      "*(?:([+-])(\\d{1,2})(?::?(\\d{2}))?)?|([+-])(\\d{2}):?(\\d{2})|"
                      "(?-i:(EST|EDT|CDT|MST|MDT|PST|PDT))\\b))?");
    // A clock time just before a date: "10:52, 1. listopadu 2021".
    time_before = make("(\\d{1,2}):(\\d{2})(?::(\\d{2}))?" S "*(?:,|\\||-|–|·)?" S "*$");
    // Words that say what a date is; the nearer one to the date wins.
    role = make(
        "((?:last )?updated?|last modified|modified|revised|edited|aktualisiert|"
        "zuletzt (?:aktualisiert|geändert|am)|geändert|\\bstand\\b|mis à jour|mise à jour|modifié|"
        "actualizado|actualización|aggiornat[oa]|atualizad[oa]|atualização|zaktualizowano|"
        "aktualizacja|aktualizováno|aktualizace|обновлено|обновлен[оа]?|изменено|оновлено|"
        "更新|修改|最終更新|수정)"
        "|(published|posted|first published|created|erstellt|veröffentlicht|publiziert|"
        "erschienen|publié|publication|publicado|publicación|pubblicato|opublikowano|"
        "publikováno|publikace|опубликовано|опубліковано|发布|發佈|发表|發表|公開|投稿|掲載|"
        "게시|등록|\\bdate\\b|datum|"
        "fecha|\\bdata\\b|дата|日期|时间|時間)"
        // A person's or a blog's own dates: never an article's.
        "|(joined|member since|registered|mitglied seit|dabei seit|registriert|"
        "anmeldedatum|inscrit le|inscrit depuis|miembro desde|registrado|iscritto|"
        "зарегистрирован|建立于|建立於|创建于|創建於|注册时间|註冊時間|注册于|加入时间|开通时间|"
        "born|geboren)");
    // A magazine's cover date: "December 5, 2016 Issue", "the December 5,
    // 2016, issue".
    issue_after = make("^" S "*,?" S "*(?:issue|edition)\\b");
    relative_ago = make(
        "(?:(\\d+|an?|one)" S "+(seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|weeks?|"
        "months?|years?)" S "+ago)"
        "|(?:vor" S "+(\\d+|einer|einem)" S "+(sekunden?|minuten?|stunden?|tag(?:en)?|"
        "wochen?|monat(?:en)?|jahr(?:en)?))"
        "|(?:il y a" S "+(\\d+|une?)" S "+(secondes?|minutes?|heures?|jours?|semaines?|mois|"
        "ans?))"
        "|(?:hace" S "+(\\d+|una?)" S "+(segundos?|minutos?|horas?|días?|dias?|semanas?|"
        "mes(?:es)?|años?))"
        "|(?:(\\d+)" S "+(секунд\\pL*|минут\\pL*|час\\pL*|дн\\pL*|день|недел\\pL*|месяц\\pL*|"
        "год\\pL*|лет)" S "+назад)"
        "|(?:(\\d+)" S "*(秒|分钟|分鐘|分|小时|小時|時間|天|日|周|週間|个月|か月|ヶ月|年)前)");
    relative_word = make(
        "(?:^|[^\\pL])(yesterday|gestern|hier|ayer|ieri|wczoraj|včera|вчера|вчора|昨天|昨日|"
        "today|heute|aujourd'hui|hoy|oggi|dzisiaj|dnes|сегодня|сьогодні|今天|今日)"
        "(?:[^\\pL]|$)");
    url_slashes = make("/((?:19|20)\\d{2})/(\\d{1,2})/(\\d{1,2})(?:[/_.-]|$)");
    url_dashes = make("[/_-]((?:19|20)\\d{2})[-_](\\d{2})[-_](\\d{2})(?:[/_.-]|$)");
    url_compact =
        make("[/_-]((?:19|20)\\d{2})(\\d{2})(\\d{2})(?:\\d{4}|\\d{6})?(?:[/_.-]|$)");
    url_year_mmdd = make("/((?:19|20)\\d{2})/(\\d{2})(\\d{2})(?:[/_.-]|$)");
  }
};

#undef S

std::shared_ptr<const DatePatterns> compile_date_patterns() {
  return std::make_shared<const DatePatterns>();
}

namespace {


int to_int(re2::StringPiece s) {
  int v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return -1;
    v = v * 10 + (c - '0');
    if (v > 100000000) return -1;
  }
  return s.empty() ? -1 : v;
}

int to_int_sv(std::string_view s) { return to_int(re2::StringPiece(s.data(), s.size())); }

bool is_leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int days_in_month(int y, int m) {
  static const int kDays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && is_leap(y) ? 29 : kDays[m - 1];
}

// The month a matched name stands for; 0 when unknown.
int month_of(const DatePatterns& p, re2::StringPiece name) {
  const auto& map = p.months.month;
  auto it = map.find(fold(std::string_view(name.data(), name.size())));
  return it == map.end() ? 0 : it->second;
}

void set_time(DateTime* d, int h, int m, int s, re2::StringPiece ampm) {
  if (!ampm.empty()) {
    const char c = static_cast<char>(ampm[0] | 0x20);
    if (h < 1 || h > 12) return;
    if (c == 'p' && h != 12) h += 12;
    if (c == 'a' && h == 12) h = 0;
  }
  if (h < 0 || h > 23 || m < 0 || m > 59 || s > 60) return;
  d->hour = h;
  d->minute = m;
  d->second = s;
}

// The offset of a zone RFC 822 names ("PST": -08:00). CST is left out:
// Chinese pages write it for China Standard Time (+08:00).
int north_american_zone(std::string_view name) {
  const bool daylight = name[1] == 'D';
  const int standard = name[0] == 'E' ? -5 : name[0] == 'C' ? -6 : name[0] == 'M' ? -7 : -8;
  return (standard + (daylight ? 1 : 0)) * 60;
}

// Reads the time of day right after a date, extending *end over it.
void read_time_after(const DatePatterns& p, std::string_view text, std::size_t* end, DateTime* d) {
  re2::StringPiece in(text.data() + *end, text.size() - *end);
  re2::StringPiece g[13];
  if (!p.time_after->Match(in, 0, in.size(), RE2::ANCHOR_START, g, 13)) return;
  const int h = to_int(g[1]);
  const int m = to_int(g[2]);
  const int s = g[3].data() ? to_int(g[3]) : -1;
  DateTime t = *d;
  set_time(&t, h, m, s, g[4]);
  if (!t.has_time()) return;
  if (g[5].data()) {  // Z / UTC / GMT, with an optional offset
    int zone = 0;
    if (g[6].data()) {
      zone = to_int(g[7]) * 60 + (g[8].data() ? to_int(g[8]) : 0);
      if (g[6][0] == '-') zone = -zone;
    }
    t.zone = zone;
  } else if (g[9].data()) {
    const int zh = to_int(g[10]);
    const int zm = to_int(g[11]);
    if (zh <= 14 && zm < 60) t.zone = (g[9][0] == '-' ? -1 : 1) * (zh * 60 + zm);
  } else if (g[12].data()) {
    t.zone = north_american_zone(std::string_view(g[12].data(), g[12].size()));
  }
  *d = t;
  *end += g[0].size();
}

void read_time_before(const DatePatterns& p, std::string_view text, std::size_t begin, DateTime* d) {
  const std::size_t from = begin > 24 ? begin - 24 : 0;
  re2::StringPiece in(text.data() + from, begin - from);
  re2::StringPiece g[4];
  if (!p.time_before->Match(in, 0, in.size(), RE2::UNANCHORED, g, 4)) return;
  set_time(d, to_int(g[1]), to_int(g[2]), g[3].data() ? to_int(g[3]) : -1, {});
}

// The role of the date starting at `begin`, from the nearest keyword in the
// few words before it.
DateRole read_role(const DatePatterns& p, std::string_view text, std::size_t begin) {
  const std::size_t from = utf8_floor(text, begin > 48 ? begin - 48 : 0);
  re2::StringPiece in(text.data() + from, begin - from);
  re2::StringPiece g[4];
  DateRole role = DateRole::kUnknown;
  std::size_t pos = 0;
  while (pos < in.size() && p.role->Match(in, pos, in.size(), RE2::UNANCHORED, g, 4)) {
    role = g[1].data() ? DateRole::kModified
           : g[2].data() ? DateRole::kPublished
                         : DateRole::kOther;
    const std::size_t next = static_cast<std::size_t>(g[0].data() + g[0].size() - in.data());
    pos = next > pos ? next : pos + 1;
  }
  return role;
}

void add_date(const DatePatterns& p, std::vector<TextDate>* out, std::string_view text, DateTime d,
              std::size_t begin, std::size_t end) {
  if (!is_valid(d)) return;
  read_time_after(p, text, &end, &d);
  if (!d.has_time()) read_time_before(p, text, begin, &d);
  TextDate td;
  td.date = d;
  td.begin = begin;
  td.end = end;
  td.role = read_role(p, text, begin);
  if (RE2::PartialMatch(re2::StringPiece(text.data() + end, text.size() - end), *p.issue_after))
    td.role = DateRole::kIssue;
  out->push_back(td);
}

std::size_t offset(std::string_view text, re2::StringPiece piece) {
  return static_cast<std::size_t>(piece.data() - text.data());
}

// Runs `re` over the whole text, calling on_match with the groups of each
// match; matches do not overlap.
template <typename F>
void for_each_match(const RE2& re, std::string_view text, int ngroups, F&& on_match) {
  std::vector<re2::StringPiece> g(static_cast<std::size_t>(ngroups));
  re2::StringPiece in(text.data(), text.size());
  std::size_t pos = 0;
  while (pos < text.size() &&
         re.Match(in, pos, in.size(), RE2::UNANCHORED, g.data(), ngroups)) {
    on_match(g.data());
    // Restart just after the first group's start: the patterns consume a
    // character of context on both sides, which may begin the next date.
    std::size_t next = offset(text, g[0]) + g[0].size();
    if (next > 0 && g[0].size() > 1) --next;
    pos = next > pos ? next : pos + 1;
  }
}

long relative_days(int n, std::string_view unit) {
  // Units are matched case-insensitively; compare on their first bytes.
  auto starts = [&](const char* p) {
    const std::size_t k = std::char_traits<char>::length(p);
    if (unit.size() < k) return false;
    for (std::size_t i = 0; i < k; ++i)
      if ((unit[i] | 0x20) != p[i] && unit[i] != p[i]) return false;
    return true;
  };
  if (starts("sec") || starts("min") || starts("hour") || starts("hr") || starts("stund") ||
      starts("heure") || starts("hora") || starts("сек") || starts("мин") || starts("час") ||
      starts("秒") || starts("分") || starts("小时") || starts("小時") || starts("時間"))
    return 0;
  if (starts("day") || starts("tag") || starts("jour") || starts("día") || starts("dia") ||
      starts("дн") || starts("день") || starts("天") || starts("日"))
    return n;
  if (starts("week") || starts("woche") || starts("semaine") || starts("semana") ||
      starts("недел") || starts("周") || starts("週"))
    return 7L * n;
  if (starts("month") || starts("monat") || starts("mois") || starts("mes") ||
      starts("месяц") || starts("个月") || starts("か月") || starts("ヶ月"))
    return 30L * n;
  if (starts("year") || starts("jahr") || starts("an") || starts("año") || starts("год") ||
      starts("лет") || starts("年"))
    return 365L * n;
  return -1;
}

void find_relative(const DatePatterns& p, std::string_view text, const DateTime& ref,
                   std::vector<TextDate>* out) {
  const long ref_days = days_from_civil(ref.year, ref.month, ref.day);
  for_each_match(*p.relative_ago, text, 13, [&](const re2::StringPiece* g) {
    for (int i = 1; i < 13; i += 2) {
      if (g[i].data() == nullptr) continue;
      int n = to_int(g[i]);
      if (n < 0) n = 1;  // "a", "one", "einem", "une", ...
      const long back = relative_days(n, std::string_view(g[i + 1].data(), g[i + 1].size()));
      if (back < 0) return;
      TextDate td;
      td.date = civil_from_days(ref_days - back);
      td.begin = offset(text, g[0]);
      td.end = td.begin + g[0].size();
      td.relative = true;
      td.role = read_role(p, text, td.begin);
      out->push_back(td);
      return;
    }
  });
  // A bare "yesterday" / "today" is a date only in a short line (a byline or
  // a timestamp), not in running text.
  if (text.size() > 80) return;
  for_each_match(*p.relative_word, text, 2, [&](const re2::StringPiece* g) {
    const unsigned char c = static_cast<unsigned char>(g[1][0] | 0x20);
    // The "yesterday" words start with y, g, h, a, i, w, v, or the Cyrillic
    // в and 昨; "today" words with t, h(eute), a(ujourd'hui), o, d, с, 今.
    const std::string_view w(g[1].data(), g[1].size());
    const bool yesterday =
        c == 'y' || c == 'g' || c == 'w' || c == 'v' || w == "hier" || w == "Hier" ||
        w == "ayer" || w == "Ayer" || w == "ieri" || w == "Ieri" ||
        w.rfind("\xd0\xb2", 0) == 0 || w.rfind("\xd0\x92", 0) == 0 ||  // в, В
        w.rfind("\xe6\x98\xa8", 0) == 0;                              // 昨
    TextDate td;
    td.date = civil_from_days(ref_days - (yesterday ? 1 : 0));
    td.begin = offset(text, g[1]);
    td.end = td.begin + g[1].size();
    td.relative = true;
    read_time_after(p, text, &td.end, &td.date);
    td.role = read_role(p, text, td.begin);
    out->push_back(td);
  });
}

}  // namespace

std::string format_day(const DateTime& d) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year, d.month, d.day);
  return buf;
}

std::string format_iso(const DateTime& d) {
  std::string s = format_day(d);
  if (!d.has_time()) return s;
  char buf[32];
  std::snprintf(buf, sizeof buf, "T%02d:%02d", d.hour, d.minute);
  s += buf;
  if (d.second >= 0) {
    std::snprintf(buf, sizeof buf, ":%02d", std::min(d.second, 59));
    s += buf;
  }
  if (d.zone != DateTime::kNoZone) {
    if (d.zone == 0) {
      s += 'Z';
    } else {
      const int z = d.zone < 0 ? -d.zone : d.zone;
      std::snprintf(buf, sizeof buf, "%c%02d:%02d", d.zone < 0 ? '-' : '+', z / 60, z % 60);
      s += buf;
    }
  }
  return s;
}

bool is_valid(const DateTime& d) {
  if (d.year < 1 || d.year > 9999 || d.month < 1 || d.month > 12 || d.day < 1) return false;
  if (d.day > days_in_month(d.year, d.month)) return false;
  if (d.has_time() && (d.hour > 23 || d.minute < 0 || d.minute > 59 || d.second > 60))
    return false;
  return true;
}

long days_from_civil(int y, int m, int d) {
  y -= m <= 2;
  const long era = (y >= 0 ? y : y - 399) / 400;
  const long yoe = y - era * 400;
  const long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

DateTime civil_from_days(long z) {
  z += 719468;
  const long era = (z >= 0 ? z : z - 146096) / 146097;
  const long doe = z - era * 146097;
  const long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const long mp = (5 * doy + 2) / 153;
  DateTime dt;
  dt.day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  dt.month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  dt.year = static_cast<int>(yoe + era * 400 + (dt.month <= 2));
  return dt;
}

DateTime today_utc() {
  const long long now = static_cast<long long>(std::time(nullptr));
  return civil_from_days(static_cast<long>(now / 86400));
}

std::optional<DateTime> parse_reference_date(const DatePatterns& patterns,
                                             std::string_view text) {
  std::optional<DateTime> d = parse_machine_date(patterns, text);
  if (d && !is_valid(*d)) return std::nullopt;
  return d;
}

std::optional<DateTime> parse_machine_date(const DatePatterns& p, std::string_view v) {
  while (!v.empty() && static_cast<unsigned char>(v.front()) <= ' ') v.remove_prefix(1);
  while (!v.empty() && static_cast<unsigned char>(v.back()) <= ' ') v.remove_suffix(1);
  if (v.empty() || v.size() > 200) return std::nullopt;
  auto digit = [&](std::size_t i) { return i < v.size() && v[i] >= '0' && v[i] <= '9'; };

  // All digits: YYYYMMDD[hhmm[ss]], epoch seconds or milliseconds.
  if (std::all_of(v.begin(), v.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    DateTime d;
    if (v.size() == 8 || v.size() == 12 || v.size() == 14) {
      d.year = to_int_sv(v.substr(0, 4));
      d.month = to_int_sv(v.substr(4, 2));
      d.day = to_int_sv(v.substr(6, 2));
      if (v.size() >= 12) {
        d.hour = to_int_sv(v.substr(8, 2));
        d.minute = to_int_sv(v.substr(10, 2));
        if (v.size() == 14) d.second = to_int_sv(v.substr(12, 2));
      }
    } else if (v.size() == 10 || v.size() == 13) {
      long long secs = std::stoll(std::string(v));
      if (v.size() == 13) secs /= 1000;
      d = civil_from_days(static_cast<long>(secs / 86400));
      const long rest = static_cast<long>(secs % 86400);
      d.hour = static_cast<int>(rest / 3600);
      d.minute = static_cast<int>(rest / 60 % 60);
      d.second = static_cast<int>(rest % 60);
      d.zone = 0;
    } else {
      return std::nullopt;
    }
    if (!is_valid(d)) return std::nullopt;
    return d;
  }

  // YYYY-MM-DD, YYYY/MM/DD, YYYY.MM.DD, then an optional time and zone.
  if (digit(0) && digit(1) && digit(2) && digit(3) && v.size() >= 8 &&
      (v[4] == '-' || v[4] == '/' || v[4] == '.')) {
    const char sep = v[4];
    std::size_t i = 5;
    int month = 0, day = 0;
    while (digit(i) && i < 7) month = month * 10 + (v[i++] - '0');
    if (i < v.size() && v[i] == sep) {
      ++i;
      const std::size_t day_start = i;
      while (digit(i) && i < day_start + 2) day = day * 10 + (v[i++] - '0');
      if (i > day_start && !digit(i)) {
        DateTime d;
        d.year = to_int_sv(v.substr(0, 4));
        d.month = month;
        d.day = day;
        if (!is_valid(d)) return std::nullopt;
        std::size_t end = i;
        // "T10:00:00.000Z", " 10:00", "T10:00:00+01:00"
        if (end < v.size() && (v[end] == 'T' || v[end] == 't' || v[end] == ' '))
          read_time_after(p, v, &end, &d);
        return d;
      }
    }
  }

  // Java's and JavaScript's Date.toString(): "Mon Aug 03 12:45:00 EDT 2015",
  // "Tue Feb 20 2018 01:00:00 GMT+0100 (...)": the year after the clock.
  {
    re2::StringPiece in(v.data(), v.size());
    re2::StringPiece g[6];
    if (p.java_date->Match(in, 0, in.size(), RE2::ANCHOR_START, g, 6)) {
      DateTime d;
      d.month = month_of(p, g[1]);
      d.day = to_int(g[2]);
      d.hour = to_int(g[3]);
      d.minute = to_int(g[4]);
      d.year = to_int(g[5]);
      if (is_valid(d)) return d;
    }
  }
  // RFC 822 and anything else: the first date a reader would see.
  std::vector<TextDate> found = find_text_dates(p, v, NumericOrder::kMonthFirst, nullptr);
  if (found.empty()) return std::nullopt;
  return found.front().date;
}

std::vector<TextDate> find_text_dates(const DatePatterns& p, std::string_view text,
                                      NumericOrder order, const DateTime* reference) {
  std::vector<TextDate> out;
  if (text.empty()) return out;
  // Every absolute date but "31.10.23" has a four-digit year, and a day
  // written in digits beside it ("2. Dezember 2021", "2021-12-02",
  // "2021年12月2日"): at least two runs of digits. Most text has no year,
  // and most text with one ("in 2019", "© 2023") has no other number; for
  // those the p are not run at all.
  bool year = false;
  int runs = 0;
  for (std::size_t i = 0, run = 0; i < text.size() && !(year && runs >= 2); ++i) {
    if (text[i] >= '0' && text[i] <= '9') {
      runs += run == 0;
      ++run;
      year = year || run >= 4;
    } else {
      run = 0;
    }
  }
  if (!year || runs < 2) {
    if (reference != nullptr) find_relative(p, text, *reference, &out);  // "yesterday"
    // "31.10.23" has two dots each between digits; most text has none.
    int dotted = 0;
    for (std::size_t i = 1; i + 1 < text.size() && dotted < 2; ++i)
      dotted += text[i] == '.' && text[i - 1] >= '0' && text[i - 1] <= '9' &&
                text[i + 1] >= '0' && text[i + 1] <= '9';
    int slashed = 0;
    for (std::size_t i = 1; i + 1 < text.size() && slashed < 2; ++i)
      slashed += text[i] == '/' && text[i - 1] >= '0' && text[i - 1] <= '9' &&
                 text[i + 1] >= '0' && text[i + 1] <= '9';
    if (dotted >= 2 || slashed >= 2) {
      // Two-digit years: the century is the reference's (or the current
      // one's), unless that puts the date in the future.
      const int this_year = reference != nullptr ? reference->year : today_utc().year;
      for_each_match(*p.dmy_short, text, 4, [&](const re2::StringPiece* g) {
        DateTime d;
        d.day = to_int(g[1]);
        d.month = to_int(g[2]);
        const int yy = to_int(g[3]);
        d.year = this_year / 100 * 100 + yy;
        if (d.year > this_year) d.year -= 100;
        add_date(p, &out, text, d, offset(text, g[1]), offset(text, g[3]) + g[3].size());
      });
      if (slashed >= 2)
        for_each_match(*p.short_slash, text, 4, [&](const re2::StringPiece* g) {
          const int a = to_int(g[1]);
          const int b = to_int(g[2]);
          // Which way round as for four-digit years: a number over 12
          // settles it, else the page's order.
          const bool month_first =
              a > 12 ? false : b > 12 ? true : order == NumericOrder::kMonthFirst;
          DateTime d;
          d.day = month_first ? b : a;
          d.month = month_first ? a : b;
          d.year = this_year / 100 * 100 + to_int(g[3]);
          if (d.year > this_year) d.year -= 100;
          add_date(p, &out, text, d, offset(text, g[1]), offset(text, g[3]) + g[3].size());
        });
    }
    return out;
  }

  std::vector<int> hits;
  p.absolute->Match(re2::StringPiece(text.data(), text.size()), &hits);
  auto hit = [&](int i) { return std::find(hits.begin(), hits.end(), i) != hits.end(); };
  // A date whose month is a name: the groups of day, month and year in
  // `re` (the date spans groups 1 to 3 whichever their order).
  auto named_month = [&](const RE2& re, int day, int month, int year) {
    for_each_match(re, text, 4, [&](const re2::StringPiece* g) {
      DateTime d;
      d.day = to_int(g[day]);
      d.month = month_of(p, g[month]);
      d.year = to_int(g[year]);
      add_date(p, &out, text, d, offset(text, g[1]), offset(text, g[3]) + g[3].size());
    });
  };
  if (hit(0)) named_month(*p.dmy, 1, 2, 3);
  if (hit(1)) named_month(*p.mdy, 2, 1, 3);
  if (hit(2)) named_month(*p.ymd_text, 3, 2, 1);
  // A date all in digits: the groups of year, month and day; it ends where
  // group `last` does.
  auto numeric = [&](const re2::StringPiece* g, int year, int month, int day, int last) {
    DateTime d;
    d.year = to_int(g[year]);
    d.month = to_int(g[month]);
    d.day = to_int(g[day]);
    add_date(p, &out, text, d, offset(text, g[1]), offset(text, g[last]) + g[last].size());
  };
  if (hit(3)) for_each_match(*p.ymd_num, text, 6, [&](const re2::StringPiece* g) {
    const std::string_view s1(g[2].data(), g[2].size()), s2(g[4].data(), g[4].size());
    const bool cjk = s1 == "年" && s2 == "月";
    if (cjk || s1 == s2) numeric(g, 1, 3, 5, 5);
  });
  if (hit(4)) for_each_match(*p.ymd_korean, text, 4, [&](const re2::StringPiece* g) {
    numeric(g, 1, 2, 3, 0);
  });
  if (hit(5)) for_each_match(*p.dmy_num, text, 6, [&](const re2::StringPiece* g) {
    if (g[2] != g[4]) return;
    const int a = to_int(g[1]);
    const int b = to_int(g[3]);
    // Month first only with slashes (the US form); dots and dashes are day
    // first wherever they are written.
    const bool month_first =
        g[2] == "/" && (a > 12 ? false : b > 12 ? true : order == NumericOrder::kMonthFirst);
    numeric(g, 5, month_first ? 1 : 3, month_first ? 3 : 1, 5);
  });
  if (reference != nullptr) find_relative(p, text, *reference, &out);

  // In text order; where two readings overlap ("2021. december 2." is also
  // read as "december 2, ..."), the earlier and longer one stays.
  std::sort(out.begin(), out.end(), [](const TextDate& x, const TextDate& y) {
    return x.begin != y.begin ? x.begin < y.begin : x.end > y.end;
  });
  std::vector<TextDate> kept;
  for (const TextDate& td : out) {
    if (!kept.empty() && td.begin < kept.back().end) continue;
    kept.push_back(td);
  }
  return kept;
}

std::optional<DateTime> date_from_url(const DatePatterns& p, std::string_view url) {
  // Only the path: hosts and queries hold numbers that are not dates.
  std::size_t start = url.find("://");
  start = start == std::string_view::npos ? 0 : url.find('/', start + 3);
  if (start == std::string_view::npos) return std::nullopt;
  std::string_view path = url.substr(start);
  path = path.substr(0, std::min(path.find('?'), path.find('#')));
  // Every form below has a four-digit year; most paths have none.
  bool year = false;
  for (std::size_t i = 0, run = 0; i < path.size() && !year; ++i) {
    run = path[i] >= '0' && path[i] <= '9' ? run + 1 : 0;
    year = run >= 4;
  }
  if (!year) return std::nullopt;
  re2::StringPiece in(path.data(), path.size());
  re2::StringPiece g[4];
  for (const RE2* re : {p.url_slashes.get(), p.url_dashes.get(), p.url_year_mmdd.get(),
                        p.url_compact.get()}) {
    if (!re->Match(in, 0, in.size(), RE2::UNANCHORED, g, 4)) continue;
    DateTime d;
    d.year = to_int(g[1]);
    d.month = to_int(g[2]);
    d.day = to_int(g[3]);
    if (is_valid(d)) return d;
  }
  return std::nullopt;
}

std::optional<int> zone_between(const DateTime& local, const DateTime& zoned) {
  if (!local.has_time() || local.zone != DateTime::kNoZone || !zoned.has_time() ||
      zoned.zone == DateTime::kNoZone)
    return std::nullopt;
  if (local.second >= 0 && zoned.second >= 0 && local.second != zoned.second)
    return std::nullopt;
  auto minutes = [](const DateTime& d) {
    return days_from_civil(d.year, d.month, d.day) * 1440L + d.hour * 60L + d.minute;
  };
  const long offset = minutes(local) - (minutes(zoned) - zoned.zone);
  if (offset % 30 != 0 || offset < -14 * 60 || offset > 14 * 60) return std::nullopt;
  return static_cast<int>(offset);
}

bool is_plausible(const DateTime& d, const DateTime& reference, int earliest_year) {
  if (!is_valid(d) || d.year < earliest_year) return false;
  const long days = days_from_civil(d.year, d.month, d.day);
  const long ref = days_from_civil(reference.year, reference.month, reference.day);
  return days <= ref + 1;
}

}  // namespace extractor
