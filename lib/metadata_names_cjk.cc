// Names in Chinese credit lines: "记者 X", "作者：X", "（记者 X）", "X/文", a
// line of bare names under a headline. See metadata_names.h.
#include <algorithm>
#include <string>
#include <vector>

#include "chars.h"
#include "metadata_names.h"
#include "metadata_names_rules.h"
#include "metadata_text.h"

namespace extractor {
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

}  // namespace

bool is_not_cjk_name(std::string_view s) {
  for (const char* w : kNotNames)
    if (s == w) return true;
  return false;
}

namespace {

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

namespace {

// The names a credit line gives, read marker by marker (see cjk_credits).
class CreditReader {
 public:
  CreditReader(const NamePatterns& patterns, std::string_view text, std::string_view site_name)
      : patterns_(patterns), r_(patterns), text_(text), site_(site_name) {}

  // The credits after markers ("记者 X", "作者：X"); credits of the same kind
  // add up ("本报实习生 A 本报记者 B C" credits all three), and the credit of
  // the best kind wins: authors and reporters (0) before a source (1)
  // before editors (2).
  void read_markers() {
    re2::StringPiece in(text_.data(), text_.size());
    re2::StringPiece g[2];
    std::size_t pos = 0;
    int marker_priority = 0;
    while (pos < text_.size() &&
           r_.cjk_credit_marker->Match(in, pos, in.size(), RE2::UNANCHORED, g, 2)) {
      settle(marker_priority);
      marker_priority = priority_of(std::string_view(g[0].data(), g[0].size()));
      pos = read_after_marker(g[0]);
    }
    settle(marker_priority);
  }

  // "2004年7月16日08:19 [ 黄宇 ] 来源：[ 国际金融报 ]": a name bracketed before
  // the source, when no marker credited an author.
  void read_bracket_before_source() {
    re2::StringPiece in(text_.data(), text_.size());
    re2::StringPiece g[2];
    if (best_priority_ == 0 ||
        !r_.cjk_bracket_before_source->Match(in, 0, in.size(), RE2::UNANCHORED, g, 2))
      return;
    std::string_view n(g[1].data(), g[1].size());
    std::size_t p = 0;
    take(read_han_name(n, &p, false));
    if (!out_.empty()) {
      best_ = std::move(out_);
      best_priority_ = 0;
    }
  }

  // "（袁源）", "（常书香 马丹阳）" closing an article; "马俊峰/文".
  std::vector<std::string> read_closing_forms() {
    // Japanese puts notes in brackets at a line's end ("…まとめ読み(登録無料)"):
    // these forms are read only in lines without kana.
    for (std::size_t i = 0; i < text_.size();) {
      const char32_t c = next_code_point(text_, &i);
      if (c >= 0x3040 && c <= 0x30FF && c != 0x30FB) return std::move(out_);
    }
    re2::StringPiece in(text_.data(), text_.size());
    re2::StringPiece g[2];
    if (r_.cjk_paren->Match(in, 0, in.size(), RE2::UNANCHORED, g, 2)) {
      read_parenthesized(std::string_view(g[1].data(), g[1].size()));
      if (!out_.empty()) return std::move(out_);
    }
    if (r_.cjk_slash_wen->Match(in, 0, in.size(), RE2::UNANCHORED, g, 2)) {
      std::string_view n(g[1].data(), g[1].size());
      std::size_t p = 0;
      take(read_han_name(n, &p, false));
    }
    return std::move(out_);
  }

  std::vector<std::string> best_;
  int best_priority_ = 3;

 private:
  static int priority_of(std::string_view marker) {
    int priority = 0;
    for (const char* e : {"编辑", "編輯", "责编", "責編", "整理"})
      if (marker.find(e) != std::string_view::npos) priority = 2;
    for (const char* e : {"来源", "來源"})
      if (marker.find(e) != std::string_view::npos) priority = 1;
    return priority;
  }

  void take(std::string name) {
    if (name.empty() || is_not_cjk_name(name)) return;
    re2::StringPiece nm(name);
    if (r_.org_cjk->Match(nm, 0, nm.size(), RE2::UNANCHORED, nullptr, 0)) return;
    if (!site_.empty() && comparison_key(name) == comparison_key(site_)) return;
    if (std::find(out_.begin(), out_.end(), name) == out_.end()) out_.push_back(std::move(name));
  }

  void settle(int priority) {
    if (!out_.empty() && priority < best_priority_) {
      best_ = out_;
      best_priority_ = priority;
    } else if (!out_.empty() && priority == best_priority_) {
      for (std::string& n : out_)
        if (std::find(best_.begin(), best_.end(), n) == best_.end()) best_.push_back(std::move(n));
    }
    out_.clear();
  }

  // The names after one marker; returns where the search for the next
  // marker goes on.
  std::size_t read_after_marker(re2::StringPiece marker) {
    const std::size_t mbegin = static_cast<std::size_t>(marker.data() - text_.data());
    std::size_t p = mbegin + marker.size();
    const std::size_t next_search = p;
    // Strict: the marker opens the text or follows a space, punctuation, or
    // a publication's name ("光明日报记者", "新华社记者").
    bool strict = mbegin == 0;
    if (!strict) {
      std::size_t j = utf8_floor(text_, mbegin - 1);
      const char32_t before = next_code_point(text_, &j);
      strict = !is_han(before) || before == 0x62A5 /*报*/ || before == 0x5831 /*報*/ ||
               before == 0x793E /*社*/ || before == 0x7F51 /*网*/ || before == 0x53F0 /*台*/;
    }
    const bool colon = marker.find(':') != re2::StringPiece::npos ||
                       marker.find("\xef\xbc\x9a") != re2::StringPiece::npos;
    // Without a colon or a space after the marker ("记者致电上海"), the name
    // must start with a family name even where the marker opens a sentence.
    const char last_byte = marker.empty() ? 0 : marker[marker.size() - 1];
    const bool separated = colon || last_byte == ' ' || marker.ends_with("\xe3\x80\x80") ||
                           marker.find('/') != re2::StringPiece::npos ||
                           marker.find("\xef\xbc\x8f") != re2::StringPiece::npos;
    // A forum's "本贴由 X 于 <date> 发表" names a user, not a family.
    const bool forum = marker.starts_with("本贴由") || marker.starts_with("本帖由");
    std::string first = read_han_name(text_, &p, !(strict && (separated || forum)));
    if (first.empty()) {
      // A Latin name or a user name after a colon: "作者：Diogo Carleto".
      if (colon) read_latin_name(p);
      return next_search;
    }
    take(std::move(first));
    read_more_names(p);
    return next_search;
  }

  void read_latin_name(std::size_t p) {
    std::size_t e = p;
    while (e < text_.size() && e - p < 60) {
      std::size_t j = e;
      const char32_t c = next_code_point(text_, &j);
      if (is_cjk(c) || c == ',' || c == ';' || c == '|' || c == '(' || c == 0xFF08 ||
          c == 0xFF0C || c == 0x3001)
        break;
      e = j;
    }
    for (std::string& n :
         clean_authors(patterns_, text_.substr(p, e - p), AuthorValue::kField, site_))
      take(std::move(n));
  }

  // More names after the first: "宋怡 杨志华", "赵延东、风笑天", "王某和李某".
  void read_more_names(std::size_t p) {
    while (out_.size() < 8) {
      std::size_t q = p;
      bool sep = false, listed = false;  // listed: "、", "，", "和" join names
      while (q < text_.size()) {
        std::size_t j = q;
        const char32_t c = next_code_point(text_, &j);
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
      std::string next = read_han_name(text_, &q, !listed);
      if (next.empty() || is_not_cjk_name(next)) break;
      // "姚峰 上海报道": a place before 报道 / 发自 is no second name.
      bool place = false;
      for (const char* w : kAfterName)
        if (text_.substr(q).rfind(w, 0) == 0) place = true;
      {
        std::size_t k = q;
        while (k < text_.size() && text_[k] == ' ') ++k;
        for (const char* w : {"报道", "報道", "发自", "發自"})
          if (text_.substr(k).rfind(w, 0) == 0) place = true;
      }
      if (place) break;
      take(std::move(next));
      p = q;
    }
  }

  void read_parenthesized(std::string_view names) {
    std::size_t p = 0;
    while (p < names.size()) {
      std::string n = read_han_name(names, &p, false);
      if (n.empty()) break;
      // "（姚峰 上海报道）": the place a report was filed from.
      bool place = false;
      for (const char* w : {"报道", "報道", "发自", "發自"})
        if (!out_.empty() && names.substr(p).rfind(w, 0) == 0) place = true;
      if (place) break;
      take(std::move(n));
      while (p < names.size() &&
             (names[p] == ' ' || static_cast<unsigned char>(names[p]) >= 0xE3)) {
        std::size_t j = p;
        const char32_t c = next_code_point(names, &j);
        if (is_han(c)) break;
        p = j;
      }
    }
  }

  const NamePatterns& patterns_;
  const NamePatterns& r_;
  std::string_view text_;
  std::string_view site_;
  std::vector<std::string> out_;
};

}  // namespace

std::vector<std::string> cjk_credits(const NamePatterns& patterns, std::string_view text,
                                     std::string_view site_name, int* priority) {
  if (text.empty() || text.size() > 4000) return {};
  CreditReader reader(patterns, text, site_name);
  reader.read_markers();
  reader.read_bracket_before_source();
  if (priority != nullptr) *priority = reader.best_priority_;
  if (!reader.best_.empty()) return std::move(reader.best_);
  return reader.read_closing_forms();
}

std::vector<std::string> cjk_name_line(const NamePatterns& patterns, std::string_view text, std::string_view site_name) {
  std::vector<std::string> out;
  if (text.empty() || text.size() > 64) return out;
  const NamePatterns& r = patterns;
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
    if (n.empty() || p == start || is_not_cjk_name(n)) return {};
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
  if (!patterns.cjk_posted_by->Match(in, 0, in.size(), RE2::UNANCHORED, g, 2)) return {};
  const std::string_view name(g[1].data(), g[1].size());
  if (is_not_cjk_name(name)) return {};
  return clean_authors(patterns, name, AuthorValue::kField, site_name);
}

}  // namespace extractor
