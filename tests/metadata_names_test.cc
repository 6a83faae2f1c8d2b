// Unit tests for lib/metadata_names: byline markers, roles, joins, what is no
// name, organisations, Chinese credits, sign-offs, copyright holders.
#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

#include "metadata_names.h"
#include "metadata_test_util.h"

namespace extractor {
namespace {

using namespace test_util;  // NOLINT: the shared helpers

Strings Byline(std::string_view raw, std::string_view site = "") {
  return clean_authors(Names(), raw, AuthorValue::kByline, site);
}

TEST(MetadataNames, MarkersInManyLanguages) {
  EXPECT_EQ(Byline("By Jane Doe"), (Strings{"Jane Doe"}));
  EXPECT_EQ(Byline("Written by Jane Doe"), (Strings{"Jane Doe"}));
  EXPECT_EQ(Byline("von Anna Schmidt"), (Strings{"Anna Schmidt"}));
  EXPECT_EQ(Byline("par Jean Dupont"), (Strings{"Jean Dupont"}));
  EXPECT_EQ(Byline("Por María López"), (Strings{"María López"}));
  EXPECT_EQ(Byline("Автор: Анна Соколова"), (Strings{"Анна Соколова"}));
  EXPECT_EQ(Byline("文／李文静"), (Strings{"李文静"}));
  EXPECT_EQ(Byline("记者 王建宏 张文攀"), (Strings{"王建宏", "张文攀"}));
  EXPECT_EQ(Byline("Zeige alle Beiträge von Michael Veeser-Dombrowski"),
            (Strings{"Michael Veeser-Dombrowski"}));
}

TEST(MetadataNames, Joins) {
  EXPECT_EQ(Byline("By Jane Doe and John Roe"), (Strings{"Jane Doe", "John Roe"}));
  EXPECT_EQ(Byline("Von Anna Schmidt und Max Muster"), (Strings{"Anna Schmidt", "Max Muster"}));
  EXPECT_EQ(Byline("Иван Петров и Анна Соколова"), (Strings{"Иван Петров", "Анна Соколова"}));
  EXPECT_EQ(Byline("Jane Doe, John Roe & Max Muster"),
            (Strings{"Jane Doe", "John Roe", "Max Muster"}));
  EXPECT_EQ(Byline("赵延东、风笑天"), (Strings{"赵延东", "风笑天"}));
}

TEST(MetadataNames, RolesAreNotNames) {
  EXPECT_EQ(Byline("By Jane Doe, Staff Writer"), (Strings{"Jane Doe"}));
  EXPECT_EQ(Byline("Jane Doe, Chief Political Correspondent"), (Strings{"Jane Doe"}));
  EXPECT_EQ(Byline("Sam Stein Senior Politics Editor"), (Strings{"Sam Stein"}));
  EXPECT_EQ(Byline("Redakteurin Anna Schmidt"), (Strings{"Anna Schmidt"}));
  EXPECT_EQ(Byline("Staff Writer"), Strings{});
  EXPECT_EQ(Byline("Correspondent"), Strings{});
}

TEST(MetadataNames, DatesHandlesAndAddressesGo) {
  EXPECT_EQ(Byline("By Jane Doe | March 3, 2021"), (Strings{"Jane Doe"}));
  EXPECT_EQ(Byline("By Jane Doe on 3 March 2021 at 10:00"), (Strings{"Jane Doe"}));
  EXPECT_EQ(Byline("Jane Doe jane.doe@example.com"), (Strings{"Jane Doe"}));
  EXPECT_EQ(Byline("Jane Doe @janedoe"), (Strings{"Jane Doe"}));
  EXPECT_EQ(Byline("By Jane Doe | Updated 4 March 2021"), (Strings{"Jane Doe"}));
  EXPECT_EQ(Byline("Jane Doe |"), (Strings{"Jane Doe"}));
  EXPECT_EQ(Byline("Jane Doe (AP)"), (Strings{"Jane Doe"}));
  EXPECT_EQ(Byline("By Jane Doe 3 min read"), (Strings{"Jane Doe"}));
}

TEST(MetadataNames, PhotographersAndTranslatorsAreNotAuthors) {
  EXPECT_EQ(Byline("By Jane Doe | Photos by Sam Lens"), (Strings{"Jane Doe"}));
  EXPECT_EQ(Byline("Text: Jane Doe; Fotos: Max Bild"), (Strings{"Jane Doe"}));
  EXPECT_EQ(Byline("Mark Newton, Übersetzung Sarah Jungblut"), (Strings{"Mark Newton"}));
  EXPECT_EQ(Byline("Alexander Karper Foto: © GEPA"), (Strings{"Alexander Karper"}));
  EXPECT_EQ(Byline("蔡雪婧/摄"), Strings{});
  EXPECT_EQ(Byline("Von links nach rechts: Mathias Malischewski, Jane Doe"), Strings{});
  EXPECT_EQ(Byline("Gesponserte Inhalte"), Strings{});
}

TEST(MetadataNames, NeverAUrlOrADate) {
  EXPECT_EQ(Byline("https://www.facebook.com/jane.doe"), Strings{});
  EXPECT_EQ(Byline("March 3, 2021"), Strings{});
  // The site's own name is kept: the stage reads it as the publication.
  EXPECT_EQ(Byline("The Example Times", "The Example Times"), (Strings{"The Example Times"}));
  EXPECT_EQ(Byline("Admin"), Strings{});
  EXPECT_EQ(Byline("Staff"), Strings{});
  EXPECT_EQ(Byline("admin"), Strings{});
  EXPECT_EQ(Byline("Veröffentlicht am"), Strings{});
  EXPECT_EQ(Byline("Wednesday"), Strings{});
  // A user menu's links; a profile's counts after the name.
  EXPECT_EQ(Byline("Log in; Sign up"), Strings{});
  EXPECT_EQ(Byline("Jane Doe 2 reviews"), (Strings{"Jane Doe"}));
  // A book's edition before its editor.
  EXPECT_EQ(Byline("Revised Edition Edited by Jane Doe"), Strings{});
}

TEST(MetadataNames, LabelsAfterAName) {
  EXPECT_EQ(Byline("Meg Wagner NEW YORK DAILY NEWS"), (Strings{"Meg Wagner"}));
  // Initials before a capitalised family name are one name.
  EXPECT_EQ(Byline("E. DOE / J. R. DA SILVA"), (Strings{"E. DOE", "J. R. DA SILVA"}));
  EXPECT_EQ(Byline("Disko Von Ernst Lohoff"), (Strings{"Ernst Lohoff"}));
  EXPECT_EQ(Byline("Ursula von der Leyen"), (Strings{"Ursula von der Leyen"}));
  EXPECT_EQ(Byline("Jake Goulding on"), (Strings{"Jake Goulding"}));
}

TEST(MetadataNames, ANewsroomCreditedAsAWhole) {
  // The newsroom's name is what the page credits: an organisation.
  EXPECT_EQ(Byline("von Redaktion, "), (Strings{"Redaktion"}));
  EXPECT_EQ(clean_authors(Names(), "Die Redaktion", AuthorValue::kField, ""), (Strings{"Redaktion"}));
  EXPECT_TRUE(looks_like_organization(Names(), "Redaktion"));
  // A collective word closing or opening a name belongs to it.
  EXPECT_EQ(clean_authors(Names(), "Example News Desk", AuthorValue::kField, ""),
            (Strings{"Example News Desk"}));
  EXPECT_EQ(Byline("By AOL Staff"), (Strings{"AOL Staff"}));
  EXPECT_EQ(clean_authors(Names(), "Example.LIVE Redaktion", AuthorValue::kField, ""),
            (Strings{"Example.LIVE Redaktion"}));
  EXPECT_EQ(clean_authors(Names(), "Redaktion Example Index", AuthorValue::kField, ""),
            (Strings{"Redaktion Example Index"}));
  // Roles after a separator still go, and "Staff" / "Team" alone are none.
  EXPECT_EQ(Byline("Jane Doe, Staff"), (Strings{"Jane Doe"}));
  EXPECT_EQ(Byline("Jane Doe | Team"), (Strings{"Jane Doe"}));
  EXPECT_EQ(Byline("The Team"), Strings{});
  EXPECT_EQ(Byline("Meet the Team"), Strings{});
  EXPECT_EQ(Byline("Our Team"), Strings{});
  EXPECT_EQ(Byline("Staff"), Strings{});
}

TEST(MetadataNames, UserNamesWithUnderscores) {
  EXPECT_EQ(clean_authors(Names(), "Herr_Example", AuthorValue::kField, ""), (Strings{"Herr_Example"}));
  EXPECT_FALSE(is_plausible_name(Names(), "some_variable name"));
  EXPECT_FALSE(is_plausible_name(Names(), "_private"));
}

TEST(MetadataNames, FieldsKeepOneWordNames) {
  EXPECT_EQ(clean_authors(Names(), "zboygirl", AuthorValue::kField, ""), (Strings{"zboygirl"}));
  EXPECT_EQ(clean_authors(Names(), "Smith, John", AuthorValue::kField, ""), (Strings{"John Smith"}));
  // A user name with digits, one word, in a field or a byline element
  // (a forum post's author), never in running text.
  EXPECT_EQ(clean_authors(Names(), "happyfox313", AuthorValue::kField, ""), (Strings{"happyfox313"}));
  EXPECT_EQ(clean_authors(Names(), "Need2KnowLion", AuthorValue::kField, ""),
            (Strings{"Need2KnowLion"}));
  EXPECT_EQ(clean_authors(Names(), "josh_wilmot90", AuthorValue::kByline, ""),
            (Strings{"josh_wilmot90"}));
  EXPECT_EQ(clean_authors(Names(), "happyfox313", AuthorValue::kByline, ""), (Strings{"happyfox313"}));
  EXPECT_EQ(clean_authors(Names(), "By happyfox313", AuthorValue::kText, ""), Strings{});
  // Digits alone, two letters, or more digits than a login holds: no name.
  EXPECT_EQ(clean_authors(Names(), "ab1234", AuthorValue::kField, ""), Strings{});
  EXPECT_EQ(clean_authors(Names(), "abc123456789", AuthorValue::kField, ""), Strings{});
  EXPECT_EQ(clean_authors(Names(), "2024", AuthorValue::kField, ""), Strings{});
  EXPECT_EQ(clean_authors(Names(), "Jane Doe 2", AuthorValue::kField, ""), Strings{});
}

TEST(MetadataNames, ACommentsOrAPicturesLabelIsNoPartOfTheName) {
  EXPECT_EQ(Byline("Amber says:"), (Strings{"Amber"}));
  EXPECT_EQ(Byline("Jane Doe avatar"), (Strings{"Jane Doe"}));
  EXPECT_EQ(Byline("Jane Doe sagt"), (Strings{"Jane Doe"}));
  // A structured name is taken whole.
  EXPECT_EQ(clean_authors(Names(), "Simon Says", AuthorValue::kField, ""), (Strings{"Simon Says"}));
}

TEST(MetadataNames, GuestAuthorsAndContributors) {
  EXPECT_EQ(clean_authors(Names(), "Contributors: Janet Loughrey", AuthorValue::kText, ""),
            (Strings{"Janet Loughrey"}));
  EXPECT_EQ(clean_authors(Names(), "Guest author Elizabeth Shields", AuthorValue::kText, ""),
            (Strings{"Elizabeth Shields"}));
  EXPECT_EQ(clean_authors(Names(), "Gastautorin Jane Doe", AuthorValue::kText, ""),
            (Strings{"Jane Doe"}));
  // Without a colon "Contributors" is a name's word, not a marker.
  EXPECT_EQ(clean_authors(Names(), "Contributors to Wikimedia projects", AuthorValue::kField, ""),
            (Strings{"Contributors to Wikimedia projects"}));
}

TEST(MetadataNames, TextNeedsAMarker) {
  EXPECT_EQ(clean_authors(Names(), "Jane Doe went home.", AuthorValue::kText, ""), Strings{});
  EXPECT_EQ(clean_authors(Names(), "By Jane Doe", AuthorValue::kText, ""), (Strings{"Jane Doe"}));
}

TEST(MetadataNames, Organisations) {
  EXPECT_TRUE(looks_like_organization(Names(), "Associated Press"));
  EXPECT_TRUE(looks_like_organization(Names(), "Us Weekly Staff"));
  EXPECT_TRUE(looks_like_organization(Names(), "新华社"));
  EXPECT_FALSE(looks_like_organization(Names(), "Jane Doe"));
  EXPECT_FALSE(looks_like_organization(Names(), "李文静"));
}

TEST(MetadataNames, ChineseCreditKinds) {
  int prio = -1;
  EXPECT_EQ(cjk_credits(Names(), "编辑： 金金  来源： 21世纪经济报道  作者：宋怡 杨志华", "", &prio),
            (Strings{"宋怡", "杨志华"}));
  EXPECT_EQ(prio, 0);
  EXPECT_EQ(cjk_credits(Names(), "来源：新闻晨报 编辑：山石", "", &prio), (Strings{"山石"}));
  EXPECT_EQ(prio, 2);
  // No separator after the marker: a family name is needed.
  EXPECT_EQ(cjk_credits(Names(), "记者致电上海、武汉等地商场人士", ""), Strings{});
  EXPECT_EQ(cjk_credits(Names(), "本报北京电 记者王建宏报道", ""), (Strings{"王建宏"}));
}

TEST(MetadataNames, ChineseCredits) {
  EXPECT_EQ(cjk_credits(Names(), "来源：东城日报   作者：李文静   我要评论", ""), (Strings{"李文静"}));
  EXPECT_EQ(cjk_credits(Names(), "据新华社拉萨电（记者 格桑边觉）记者近日从西藏", ""), (Strings{"格桑边觉"}));
  EXPECT_EQ(cjk_credits(Names(), "……发展。（责任编辑：魏喆）", ""), (Strings{"魏喆"}));
  EXPECT_EQ(cjk_credits(Names(), "顶端新闻·河南商报记者马俊峰/文", ""), (Strings{"马俊峰"}));
  EXPECT_EQ(cjk_credits(Names(), "本报记者 罗科苏盈发自北京", ""), (Strings{"罗科苏盈"}));
  // "记者" in running text is no credit.
  EXPECT_EQ(cjk_credits(Names(), "孙启勤告诉记者，他仍然在坚持购买彩票。", ""), Strings{});
  EXPECT_EQ(cjk_credits(Names(), "记者近日从西藏自治区农业农村厅了解到", ""), Strings{});
  // Sources that are organisations.
  EXPECT_EQ(cjk_credits(Names(), "来源：新闻晨报", ""), Strings{});
}

TEST(MetadataNames, ChineseCreditsOfOneKindAddUp) {
  int prio = -1;
  EXPECT_EQ(cjk_credits(Names(), "本报实习生 刘国栋 周炜 本报记者 王燕平 方云凤", "", &prio),
            (Strings{"刘国栋", "周炜", "王燕平", "方云凤"}));
  EXPECT_EQ(prio, 0);
  // A writer (执笔人) over the editor on the next line.
  EXPECT_EQ(cjk_credits(Names(), "执笔人：闵乐夫 赵兰波 编辑： 吕峥", "", &prio),
            (Strings{"闵乐夫", "赵兰波"}));
  EXPECT_EQ(prio, 0);
  // A forum post's user needs no family name.
  EXPECT_EQ(cjk_credits(Names(), "本贴由大卫于2005年8月12日16:12:21在〖心灵体操〗发表.", ""),
            (Strings{"大卫"}));
}

TEST(MetadataNames, PostingLinesAndBareMarkers) {
  EXPECT_EQ(byline_after_post_word(Names(), "Posted in Datenschutz by damianduchamps on August 3, 2019"),
            "by damianduchamps on August 3, 2019");
  EXPECT_EQ(byline_after_post_word(Names(), "Publiziert am 13. Januar 2014 von uriebe"), "von uriebe");
  EXPECT_EQ(byline_after_post_word(Names(), "The report was written by the council"), "");
  EXPECT_TRUE(is_bare_latin_marker(Names(), "Von:"));
  EXPECT_TRUE(is_bare_latin_marker(Names(), "| By"));
  EXPECT_FALSE(is_bare_latin_marker(Names(), "By Jane Doe"));
  EXPECT_FALSE(is_bare_latin_marker(Names(), "Byline"));
  EXPECT_TRUE(is_bare_cjk_marker(Names(), "本报记者"));
  EXPECT_FALSE(is_bare_cjk_marker(Names(), "本报记者 王某"));
  EXPECT_EQ(clean_authors(Names(), "Autoren Jelko Djuren und Jutta Klaukien", AuthorValue::kText, ""),
            (Strings{"Jelko Djuren", "Jutta Klaukien"}));
  EXPECT_EQ(clean_authors(Names(), "Eingestellt von Michel Berger um 21:11", AuthorValue::kText, ""),
            (Strings{"Michel Berger"}));
}

TEST(MetadataNames, PhrasesInitialsAndColumns) {
  // "Von X über Y bis Z" is a heading's phrase, not a byline.
  EXPECT_EQ(clean_authors(Names(), "Von Atemschutzmaske über Exit-Strategie", AuthorValue::kText, ""),
            Strings{});
  EXPECT_EQ(clean_authors(Names(), "Von Atemschutzmaske über Exit-Strategie und Kontaktverbot bis Zoonose",
                          AuthorValue::kText, ""),
            Strings{});
  // A marker alone is no name.
  EXPECT_EQ(clean_authors(Names(), "Von", AuthorValue::kField, ""), Strings{});
  EXPECT_TRUE(is_plausible_name(Names(), "Ludwig van Beethoven"));
  EXPECT_TRUE(is_plausible_name(Names(), "Organization for Transformative Works"));
  EXPECT_TRUE(is_plausible_name(Names(), "Cindy mangomini"));
  // Initials of an agency or a paper are an organisation's.
  EXPECT_TRUE(looks_like_organization(Names(), "LN"));
  EXPECT_TRUE(looks_like_organization(Names(), "AFP"));
  EXPECT_FALSE(looks_like_organization(Names(), "Li"));
  EXPECT_EQ(clean_authors(Names(), "Eine Kolumne von Nils Pickert", AuthorValue::kText, ""),
            (Strings{"Nils Pickert"}));
  EXPECT_EQ(clean_authors(Names(), "A column by Jane Doe", AuthorValue::kText, ""), (Strings{"Jane Doe"}));
}

TEST(MetadataNames, ChineseNamesSpacedAndJoined) {
  // A one-character part spaced apart is half of one name.
  EXPECT_EQ(clean_authors(Names(), "王  明", AuthorValue::kField, ""), (Strings{"王明"}));
  EXPECT_EQ(clean_authors(Names(), "王建宏 张文攀", AuthorValue::kField, ""), (Strings{"王建宏", "张文攀"}));
  // "&" joins two names (or the halves of a user's).
  EXPECT_EQ(cjk_credits(Names(), "作者： 晨风&细雨", ""), (Strings{"晨风", "细雨"}));
  // A Japanese line's closing note is no credit.
  EXPECT_EQ(cjk_credits(Names(), "記事を毎朝メールでまとめ読み(登録無料)", ""), Strings{});
  EXPECT_EQ(cjk_credits(Names(), "……的过程吗？（王明）", ""), (Strings{"王明"}));
  // The place a report was filed from is no name.
  EXPECT_EQ(cjk_credits(Names(), "……的过程吗？”（王明 北京报道）", ""), (Strings{"王明"}));
  // A bracketed name before the source in a portal's credit line.
  EXPECT_EQ(cjk_credits(Names(), "2004年7月16日08:19 [ 李文静 ] 来源：[ 东城日报 ]", ""),
            (Strings{"李文静"}));
  // A menu's label read as a link's name is none.
  EXPECT_EQ(Byline("人物"), Strings{});
  // Journals and publishers are organisations.
  EXPECT_TRUE(looks_like_organization(Names(), "中文学术期刊"));
  EXPECT_TRUE(looks_like_organization(Names(), "Example Publishers"));
}

TEST(MetadataNames, SignOffLines) {
  EXPECT_EQ(sign_off_name(Names(), "Jane Doe", ""), (Strings{"Jane Doe"}));
  EXPECT_EQ(sign_off_name(Names(), "Benni\n10. September 2017", ""), (Strings{"Benni"}));
  EXPECT_EQ(sign_off_name(Names(), "Anna SCHMIDT\nBundesvorsitzende", ""), (Strings{"Anna SCHMIDT"}));
  EXPECT_EQ(sign_off_name(Names(), "Ludwig van Beethoven", ""), (Strings{"Ludwig van Beethoven"}));
  // One word alone, labels, places, phrases and sentences are no sign-off.
  EXPECT_EQ(sign_off_name(Names(), "Benni", ""), Strings{});
  EXPECT_EQ(sign_off_name(Names(), "In This Issue", ""), Strings{});
  EXPECT_EQ(sign_off_name(Names(), "Flags of Europe", ""), Strings{});
  EXPECT_EQ(sign_off_name(Names(), "Cheshire, CT", ""), Strings{});
  EXPECT_EQ(sign_off_name(Names(), "Visa Categories:", ""), Strings{});
  EXPECT_EQ(sign_off_name(Names(), "Thanks for reading", ""), Strings{});
  EXPECT_EQ(sign_off_name(Names(), "Jane Doe\nShe went home. Then she slept.", ""), Strings{});
  EXPECT_EQ(sign_off_name(Names(), "Example Times", "Example Times"), Strings{});
}

TEST(MetadataNames, ChinesePostedBy) {
  EXPECT_EQ(cjk_posted_by(Names(), "[湖湘文化]陈天华《警世钟》\nggjjzhzz 发表于 2005-9-15 11:46:00", ""),
            (Strings{"ggjjzhzz"}));
  EXPECT_EQ(cjk_posted_by(Names(), "王小明 发布于 2020-01-02", ""), (Strings{"王小明"}));
  EXPECT_EQ(cjk_posted_by(Names(), "本文发表于2020年", ""), Strings{});
}

TEST(MetadataNames, ChineseNameLine) {
  EXPECT_EQ(cjk_name_line(Names(), "茉莉", ""), (Strings{"茉莉"}));
  EXPECT_EQ(cjk_name_line(Names(), "赵延东、风笑天", ""), (Strings{"赵延东", "风笑天"}));
  EXPECT_EQ(cjk_name_line(Names(), "[ 黄宇 ]", ""), (Strings{"黄宇"}));
  // Labels, organisations, longer words and sentences are no names.
  EXPECT_EQ(cjk_name_line(Names(), "来源", ""), Strings{});
  EXPECT_EQ(cjk_name_line(Names(), "公告", ""), Strings{});
  EXPECT_EQ(cjk_name_line(Names(), "简介", ""), Strings{});
  EXPECT_EQ(cjk_name_line(Names(), "新华社", ""), Strings{});
  EXPECT_EQ(cjk_name_line(Names(), "社会资本与再就业", ""), Strings{});
  EXPECT_EQ(cjk_name_line(Names(), "茉莉说", ""), (Strings{"茉莉说"}));  // 3 characters: a pen name
  EXPECT_EQ(cjk_name_line(Names(), "茉莉：我是怎样卷入的", ""), Strings{});
}

TEST(MetadataNames, CopyrightHolders) {
  EXPECT_EQ(copyright_holder(Names(), "Copyright (c) 2012- Jane Doe. All rights reserved. Design by "
                             "Example Templates.", ""),
            (Strings{"Jane Doe"}));
  EXPECT_EQ(copyright_holder(Names(), "(c) Jane Doe \u2022 Weitere Rechte siehe Impressum", ""),
            (Strings{"Jane Doe"}));
  EXPECT_EQ(copyright_holder(Names(), "Copyright by Stephen B. Doe, 2006, all rights reserved.", ""),
            (Strings{"Stephen B. Doe"}));
  EXPECT_EQ(copyright_holder(Names(), "Copyright \u00a9 \u674e\u5efa\u5fe0", ""),
            (Strings{"\u674e\u5efa\u5fe0"}));
  // Companies, and lines that are no copyright notice.
  EXPECT_EQ(copyright_holder(Names(), "\u00a9 2024 Example Media Ltd. All rights reserved.", ""), Strings{});
  EXPECT_EQ(copyright_holder(Names(), "\u00a9 2020, The Daily Example", ""), Strings{});
  EXPECT_EQ(copyright_holder(Names(), "Copyright and Trade Mark Notice", ""), Strings{});
  EXPECT_EQ(copyright_holder(Names(), "Jane Doe wrote this.", ""), Strings{});
}

TEST(MetadataNames, WeekdayBeforeTheDateIsNoName) {
  EXPECT_EQ(clean_authors(Names(), "By Jane Doe, Montag, 3. Mai 2021", AuthorValue::kByline, ""),
            (Strings{"Jane Doe"}));
  EXPECT_EQ(clean_authors(Names(), "By jdoe » Wed Jan 21, 2009 5:42 am", AuthorValue::kByline, ""),
            (Strings{"jdoe"}));
  EXPECT_EQ(clean_authors(Names(), "By Jane Doe | Sat 3 May 2021", AuthorValue::kByline, ""),
            (Strings{"Jane Doe"}));
  // Only after a separator: a surname that is also a weekday's short form stays.
  EXPECT_EQ(clean_authors(Names(), "By Wei Sun, May 3, 2021", AuthorValue::kByline, ""),
            (Strings{"Wei Sun"}));
}

// A wider vocabulary of byline markers (rule author.wide_markers): more
// languages' verbs and nouns, inclusive forms, a newsroom's label.
TEST(MetadataNames, WideMarkers) {
  const std::vector<std::pair<const char*, const char*>> lines = {
      {"ein Artikel von Jane Doe", "Jane Doe"},   {"Gespeichert von Jane Doe", "Jane Doe"},
      {"Redaktion: Jane Doe", "Jane Doe"},        {"AUTOR/IN: Anna Schmidt", "Anna Schmidt"},
      {"Autor*in: Anna Schmidt", "Anna Schmidt"}, {"Geschreven door Jan Jansen", "Jan Jansen"},
      {"Scritto da Mario Rossi", "Mario Rossi"},  {"Publicado por Juan Pérez", "Juan Pérez"},
      {"Rédigé par Jean Dupont", "Jean Dupont"},  {"Skrevet af Lars Hansen", "Lars Hansen"},
      {"Yazar: Ahmet Yılmaz", "Ahmet Yılmaz"}};
  for (const auto& [line, name] : lines) {
    EXPECT_TRUE(starts_with_byline_marker(Names(), line)) << line;
    EXPECT_EQ(clean_authors(Names(), line, AuthorValue::kText, ""), Strings{name}) << line;
  }
  EXPECT_EQ(clean_authors(Names(), "Auteur : Jean Dupont", AuthorValue::kText, ""),
            Strings{"Jean Dupont"});
  // Not a byline: a sentence about an article.
  EXPECT_FALSE(starts_with_byline_marker(Names(), "Artikel 5 regelt die Haftung"));
  RuleOff off("author.wide_markers");
  EXPECT_FALSE(starts_with_byline_marker(Names(), "Gespeichert von Jane Doe"));
  EXPECT_NE(Byline("AUTOR/IN: Anna Schmidt"), Strings{"Anna Schmidt"});
}

// One cleaner for every source (rule author.name_shapes): glued markers and
// weekdays, credentials, the site or an agency beside a name.
TEST(MetadataNames, NameShapes) {
  EXPECT_EQ(Byline("ByJane Doe"), Strings{"Jane Doe"});
  EXPECT_EQ(Byline("Written byJane Doe"), Strings{"Jane Doe"});
  EXPECT_TRUE(starts_with_byline_marker(Names(), "ByJane Doe"));
  // "Byron" opens with "By" but is a name.
  EXPECT_EQ(Byline("Byron Smith"), Strings{"Byron Smith"});
  EXPECT_EQ(Byline("By Jane Doe, PhD"), Strings{"Jane Doe"});
  EXPECT_EQ(Byline("Jane Doe MD, MPH and John Roe, M.D."), (Strings{"Jane Doe", "John Roe"}));
  EXPECT_EQ(Byline("Example.com - Jane Doe"), Strings{"Jane Doe"});
  EXPECT_EQ(Byline("Jane Doe | Example News", "Example News"), Strings{"Jane Doe"});
  EXPECT_EQ(Byline("Jane Doe/dpa"), Strings{"Jane Doe"});
  EXPECT_EQ(Byline("By Jane DoeMon, 12 Jan 2024"), Strings{"Jane Doe"});
  // A complete name keeps every word.
  EXPECT_EQ(clean_authors(Names(), "Mary Ann Evans", AuthorValue::kField, ""),
            Strings{"Mary Ann Evans"});
  RuleOff off("author.name_shapes");
  EXPECT_NE(Byline("ByJane Doe"), Strings{"Jane Doe"});
  EXPECT_NE(Byline("By Jane Doe, PhD"), Strings{"Jane Doe"});
  EXPECT_NE(Byline("Example.com - Jane Doe"), Strings{"Jane Doe"});
  EXPECT_NE(Byline("Jane Doe/dpa"), Strings{"Jane Doe"});
  EXPECT_NE(Byline("By Jane DoeMon, 12 Jan 2024"), Strings{"Jane Doe"});
}

// A date and a name with a separator and no marker.
TEST(MetadataNames, DateNameLine) {
  EXPECT_EQ(date_name_line(Names(), "12 March 2024 \xe2\x80\x93 Jane Doe", ""),
            Strings{"Jane Doe"});
  EXPECT_EQ(date_name_line(Names(), "Jane Doe \xe2\x80\xa2 Mar 12, 2024", ""),
            Strings{"Jane Doe"});
  EXPECT_EQ(date_name_line(Names(), "March 12, 2024 | Mary Ann Evans", ""),
            Strings{"Mary Ann Evans"});
  // A headline, a label, a place: no name.
  EXPECT_EQ(date_name_line(Names(), "12 March 2024 \xe2\x80\x93 council backs the park", ""),
            Strings{});
  EXPECT_EQ(date_name_line(Names(), "12 March 2024 \xe2\x80\x93 Source: Zillow", ""), Strings{});
  EXPECT_EQ(date_name_line(Names(), "12 March 2024 Jane Doe", ""), Strings{});
  EXPECT_EQ(date_name_line(Names(), "From 12 March 2024 to 14 March 2024 \xe2\x80\x93 Jane Doe", ""),
            Strings{});
}

}  // namespace
}  // namespace extractor
