// Unit tests for lib/decode: bytes in any charset -> valid UTF-8.
//
// Legacy-charset inputs are written as hex bytes (produced once with
// Python's codecs from the UTF-8 text beside them), so the tests do not
// depend on the converter they check.
#include "decode.h"

#include <gtest/gtest.h>

#include <string>
#include <string_view>

namespace extractor {
namespace {

const CharsetPatterns& Charsets() {
  static const std::shared_ptr<const CharsetPatterns> patterns = compile_charset_patterns();
  return *patterns;
}

Decoded Decode(std::string_view bytes, std::string_view transport_charset = {}) {
  return decode(bytes, Charsets(), transport_charset);
}

// "cc ee f1" -> "\xCC\xEE\xF1".
std::string Hex(std::string_view hex) {
  std::string out;
  int nibble = -1;
  for (char c : hex) {
    int v;
    if (c >= '0' && c <= '9') v = c - '0';
    else if (c >= 'a' && c <= 'f') v = c - 'a' + 10;
    else if (c >= 'A' && c <= 'F') v = c - 'A' + 10;
    else continue;
    if (nibble < 0) {
      nibble = v;
    } else {
      out += static_cast<char>(nibble * 16 + v);
      nibble = -1;
    }
  }
  return out;
}

int Count(std::string_view haystack, std::string_view needle) {
  int n = 0;
  for (std::size_t p = haystack.find(needle); p != std::string_view::npos;
       p = haystack.find(needle, p + needle.size()))
    ++n;
  return n;
}

constexpr std::string_view kFffd = "\xEF\xBF\xBD";

// "Москва является столицей России и крупнейшим городом страны. Здесь живут
// миллионы людей."
const std::string kRussianUtf8 =
    "Москва является столицей России и крупнейшим городом страны. Здесь живут "
    "миллионы людей.";
const std::string kRussian1251 = Hex(
    "cc ee f1 ea e2 e0 20 ff e2 eb ff e5 f2 f1 ff 20 f1 f2 ee eb e8 f6 e5 e9 20 d0 ee f1 f1 "
    "e8 e8 20 e8 20 ea f0 f3 ef ed e5 e9 f8 e8 ec 20 e3 ee f0 ee e4 ee ec 20 f1 f2 f0 e0 ed "
    "fb 2e 20 c7 e4 e5 f1 fc 20 e6 e8 e2 f3 f2 20 ec e8 eb eb e8 ee ed fb 20 eb fe e4 e5 e9 "
    "2e");
const std::string kRussianKoi8r = Hex(
    "ed cf d3 cb d7 c1 20 d1 d7 cc d1 c5 d4 d3 d1 20 d3 d4 cf cc c9 c3 c5 ca 20 f2 cf d3 d3 "
    "c9 c9 20 c9 20 cb d2 d5 d0 ce c5 ca db c9 cd 20 c7 cf d2 cf c4 cf cd 20 d3 d4 d2 c1 ce "
    "d9 2e 20 fa c4 c5 d3 d8 20 d6 c9 d7 d5 d4 20 cd c9 cc cc c9 cf ce d9 20 cc c0 c4 c5 ca "
    "2e");
// "北京是中华人民共和国的首都，也是全国的政治中心和文化中心。这座城市有三千多年的历史，
// 有许多名胜古迹。"
const std::string kChineseUtf8 =
    "北京是中华人民共和国的首都，也是全国的政治中心和文化中心。这座城市有三千多年的历史，"
    "有许多名胜古迹。";
const std::string kChineseGbk = Hex(
    "b1 b1 be a9 ca c7 d6 d0 bb aa c8 cb c3 f1 b9 b2 ba cd b9 fa b5 c4 ca d7 b6 bc a3 ac d2 "
    "b2 ca c7 c8 ab b9 fa b5 c4 d5 fe d6 ce d6 d0 d0 c4 ba cd ce c4 bb af d6 d0 d0 c4 a1 a3 "
    "d5 e2 d7 f9 b3 c7 ca d0 d3 d0 c8 fd c7 a7 b6 e0 c4 ea b5 c4 c0 fa ca b7 a3 ac d3 d0 d0 "
    "ed b6 e0 c3 fb ca a4 b9 c5 bc a3 a1 a3");

// --- decode: what wins --------------------------------------------------------

TEST(Decode, Utf8PassesThrough) {
  const Decoded d = Decode("<p>caf\xC3\xA9</p>");
  EXPECT_EQ(d.text, "<p>caf\xC3\xA9</p>");
  EXPECT_EQ(d.charset, "utf-8");
}

TEST(Decode, Utf8BomStripped) {
  const Decoded d = Decode("\xEF\xBB\xBF<p>caf\xC3\xA9</p>");
  EXPECT_EQ(d.text, "<p>caf\xC3\xA9</p>");
  EXPECT_EQ(d.charset, "utf-8");
  EXPECT_EQ(d.source, CharsetSource::kBom);
}

TEST(Decode, Utf16LeBom) {
  // "<p>é€</p>" in UTF-16LE.
  const std::string bytes("\xFF\xFE<\0p\0>\0\xE9\0\xAC\x20<\0/\0p\0>\0", 20);
  const Decoded d = Decode(bytes);
  EXPECT_EQ(d.text, "<p>é€</p>");
  EXPECT_EQ(d.charset, "utf-16le");
  EXPECT_EQ(d.source, CharsetSource::kBom);
}

TEST(Decode, Utf16BeBom) {
  const std::string bytes("\xFE\xFF\0<\0p\0>\x04\x1F\x04\x40\0<\0/\0p\0>", 20);
  const Decoded d = Decode(bytes);
  EXPECT_EQ(d.text, "<p>Пр</p>");
  EXPECT_EQ(d.charset, "utf-16be");
  EXPECT_EQ(d.source, CharsetSource::kBom);
}

TEST(Decode, BomBeatsTransportAndMeta) {
  const Decoded d = Decode("\xEF\xBB\xBF<meta charset=\"windows-1251\"><p>caf\xC3\xA9</p>",
                           "iso-8859-2");
  EXPECT_EQ(d.charset, "utf-8");
  EXPECT_EQ(d.source, CharsetSource::kBom);
  EXPECT_NE(d.text.find("caf\xC3\xA9"), std::string::npos);
}

TEST(Decode, TransportCharsetBeatsMeta) {
  // The page claims KOI8-R, the transport windows-1251; the bytes are 1251.
  const std::string page = "<meta charset=\"koi8-r\"><p>" + kRussian1251 + "</p>";
  const Decoded d = Decode(page, "windows-1251");
  EXPECT_EQ(d.charset, "windows-1251");
  EXPECT_EQ(d.source, CharsetSource::kTransport);
  EXPECT_EQ(d.text, "<meta charset=\"koi8-r\"><p>" + kRussianUtf8 + "</p>");
}

TEST(Decode, TransportCharsetCaseAndQuotesIgnored) {
  const Decoded d = Decode("<p>" + kRussian1251 + "</p>", " \"Windows-1251\" ");
  EXPECT_EQ(d.charset, "windows-1251");
  EXPECT_EQ(d.text, "<p>" + kRussianUtf8 + "</p>");
}

TEST(Decode, MetaCharsetWindows1251) {
  const std::string page =
      "<html><head><meta charset=\"windows-1251\"><title>t</title></head><body><p>" +
      kRussian1251 + "</p></body></html>";
  const Decoded d = Decode(page);
  EXPECT_EQ(d.charset, "windows-1251");
  EXPECT_EQ(d.source, CharsetSource::kMeta);
  EXPECT_NE(d.text.find("<p>" + kRussianUtf8 + "</p>"), std::string::npos);
}

TEST(Decode, HttpEquivContentType) {
  const std::string page =
      "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=KOI8-R\"><p>" +
      kRussianKoi8r + "</p>";
  EXPECT_EQ(declared_charset(page, Charsets()), "KOI8-R");
  const Decoded d = Decode(page);
  EXPECT_EQ(d.charset, "koi8-r");
  EXPECT_EQ(d.source, CharsetSource::kMeta);
  EXPECT_NE(d.text.find("<p>" + kRussianUtf8 + "</p>"), std::string::npos);
}

TEST(Decode, XmlDeclarationEncoding) {
  const std::string page =
      "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<html><p>caf\xE9 cr\xE8me</p></html>";
  EXPECT_EQ(declared_charset(page, Charsets()), "ISO-8859-1");
  const Decoded d = Decode(page);
  // Latin-1 labels mean windows-1252, as in browsers.
  EXPECT_EQ(d.charset, "windows-1252");
  EXPECT_EQ(d.source, CharsetSource::kMeta);
  EXPECT_NE(d.text.find("<p>café crème</p>"), std::string::npos);
}

TEST(Decode, Latin1LabelDecodesWindows1252Punctuation) {
  // 0x93/0x94 are curly quotes in windows-1252, C1 controls in ISO-8859-1.
  const Decoded d = Decode("<p>\x93quoted\x94 caf\xE9</p>", "iso-8859-1");
  EXPECT_EQ(d.charset, "windows-1252");
  EXPECT_EQ(d.text, "<p>\xE2\x80\x9Cquoted\xE2\x80\x9D café</p>");
}

TEST(Decode, ValidUtf8BeatsLatin1Declaration) {
  const Decoded d = Decode("<meta charset=\"iso-8859-1\"><p>caf\xC3\xA9 na\xC3\xAFve</p>");
  EXPECT_EQ(d.charset, "utf-8");
  EXPECT_EQ(d.source, CharsetSource::kUtf8);
  EXPECT_EQ(d.text, "<meta charset=\"iso-8859-1\"><p>café naïve</p>");
}

TEST(Decode, ValidUtf8BeatsTransportDeclaration) {
  const Decoded d = Decode("<p>" + kRussianUtf8 + "</p>", "windows-1251");
  EXPECT_EQ(d.charset, "utf-8");
  EXPECT_EQ(d.source, CharsetSource::kUtf8);
  EXPECT_EQ(d.text, "<p>" + kRussianUtf8 + "</p>");
}

TEST(Decode, DeclaredUtf8WithValidBytesReportsTheDeclaration) {
  const Decoded d = Decode("<meta charset=utf-8><p>caf\xC3\xA9</p>");
  EXPECT_EQ(d.charset, "utf-8");
  EXPECT_EQ(d.source, CharsetSource::kMeta);
}

TEST(Decode, MostlyUtf8WithAFewBadBytesIsRepaired) {
  // A UTF-8 page with one pasted Latin-1 byte (0xE9) in the middle.
  const std::string page = "<p>" + kRussianUtf8 + " caf\xE9 " + kRussianUtf8 + "</p>";
  const Decoded d = Decode(page, "windows-1251");
  EXPECT_EQ(d.charset, "utf-8");
  EXPECT_TRUE(is_valid_utf8(d.text));
  EXPECT_EQ(Count(d.text, kFffd), 1);
  EXPECT_EQ(d.text, "<p>" + kRussianUtf8 + " caf" + std::string(kFffd) + " " + kRussianUtf8 +
                        "</p>");
}

TEST(Decode, Latin1BytesAreNotMistakenForBrokenUtf8) {
  // A few Latin-1 accents and no UTF-8 at all: not "mostly UTF-8".
  const Decoded d = Decode("<meta charset=\"windows-1252\"><p>Caf\xE9, cr\xE8me br\xFBl\xE9" "e</p>");
  EXPECT_EQ(d.charset, "windows-1252");
  EXPECT_NE(d.text.find("Café, crème brûlée"), std::string::npos);
}

TEST(Decode, GbkUndeclaredDetectedAsGb18030) {
  const std::string page = "<html><body><p>" + kChineseGbk + "</p><p>" + kChineseGbk +
                           "</p></body></html>";
  const Decoded d = Decode(page);
  EXPECT_EQ(d.charset, "gb18030");
  EXPECT_EQ(d.source, CharsetSource::kDetected);
  EXPECT_NE(d.text.find("<p>" + kChineseUtf8 + "</p>"), std::string::npos);
}

// Pages longer than the detector's quick sample (16 KB): a single-byte
// answer from their start stands, a CJK one is checked on the whole page.
TEST(Decode, LongUndeclaredPagesDetected) {
  std::string russian = "<html><body>";
  std::string chinese = russian;
  while (russian.size() < 40 * 1024) russian += "<p>" + kRussian1251 + "</p>\n";
  while (chinese.size() < 40 * 1024) chinese += "<p>" + kChineseGbk + "</p>\n";
  const Decoded r = Decode(russian);
  EXPECT_EQ(r.charset, "windows-1251");
  EXPECT_EQ(r.source, CharsetSource::kDetected);
  EXPECT_NE(r.text.find("<p>" + kRussianUtf8 + "</p>"), std::string::npos);
  const Decoded c = Decode(chinese);
  EXPECT_EQ(c.charset, "gb18030");
  EXPECT_NE(c.text.find("<p>" + kChineseUtf8 + "</p>"), std::string::npos);
}

TEST(Decode, GbkDeclaredAsLatin1IsDetected) {
  // A frequent mistake on Chinese pages: a single-byte declaration.
  const std::string page = "<meta charset=\"iso-8859-1\"><p>" + kChineseGbk + "</p><p>" +
                           kChineseGbk + "</p>";
  const Decoded d = Decode(page);
  EXPECT_EQ(d.charset, "gb18030");
  EXPECT_EQ(d.source, CharsetSource::kDetected);
  EXPECT_NE(d.text.find(kChineseUtf8), std::string::npos);
}

TEST(Decode, ShiftJisDeclaredAsLatin1IsDetected) {
  // Shift_JIS writes many characters with a second byte below 0x80 (人 is
  // 90 6c), which must not hide it from the check of a single-byte claim.
  // "東京は日本の首都であり、世界で最も人口の多い都市圏の一つです。多くの人々が
  // 毎日電車で通勤しています。"
  const std::string sjis = Hex(
      "93 8c 8b 9e 82 cd 93 fa 96 7b 82 cc 8e f1 93 73 82 c5 82 a0 82 e8 81 41 90 a2 8a 45 "
      "82 c5 8d c5 82 e0 90 6c 8c fb 82 cc 91 bd 82 a2 93 73 8e 73 8c 97 82 cc 88 ea 82 c2 "
      "82 c5 82 b7 81 42 91 bd 82 ad 82 cc 90 6c 81 58 82 aa 96 88 93 fa 93 64 8e d4 82 c5 "
      "92 ca 8b ce 82 b5 82 c4 82 a2 82 dc 82 b7 81 42");
  const std::string page = "<meta charset=\"windows-1252\"><p>" + sjis + "</p><p>" + sjis +
                           "</p><p>" + sjis + "</p>";
  const Decoded d = Decode(page);
  EXPECT_EQ(d.charset, "windows-31j");
  EXPECT_EQ(d.source, CharsetSource::kDetected);
  EXPECT_NE(d.text.find("東京は日本の首都であり"), std::string::npos);
}

TEST(Decode, IsolatedHighBytesKeepTheSingleByteDeclaration) {
  // Accented letters between ASCII ones are no CJK text, however many.
  std::string page = "<meta charset=\"iso-8859-1\"><p>";
  for (int i = 0; i < 200; ++i) page += "Caf\xE9 cr\xE8me br\xFBl\xE9" "e, na\xEFve fa\xE7" "ade. ";
  const Decoded d = Decode(page + "</p>");
  EXPECT_EQ(d.charset, "windows-1252");
  EXPECT_EQ(d.source, CharsetSource::kMeta);
  EXPECT_NE(d.text.find("Café crème brûlée, naïve façade."), std::string::npos);
}

TEST(Decode, UndeclaredPageWithHardlyAnyNonAsciiIsWindows1252) {
  // Two symbols in an English page: nothing for a detector to go on.
  std::string page = "<html><body>";
  for (int i = 0; i < 100; ++i) page += "<p>Plain English text, line after line.</p>";
  page += "<p>\xA9 2008 Example \x96 all rights reserved</p></body></html>";
  const Decoded d = Decode(page);
  EXPECT_EQ(d.charset, "windows-1252");
  EXPECT_EQ(d.source, CharsetSource::kDefault);
  EXPECT_NE(d.text.find("© 2008 Example – all"), std::string::npos);
}

TEST(Decode, UndeclaredLatin2AfterALongAsciiHeadIsDetected) {
  // The first kilobytes hold no letter the charsets differ in: the answer
  // comes from a sample that does.
  // "Příliš žluťoučký kůň úpěl ďábelské ódy. Všechny děti se těšily na
  // prázdniny u moře. "
  const std::string czech = Hex(
      "50 f8 ed 6c 69 b9 20 be 6c 75 bb 6f 75 e8 6b fd 20 6b f9 f2 20 fa 70 ec 6c 20 ef e1 62 "
      "65 6c 73 6b e9 20 f3 64 79 2e 20 56 b9 65 63 68 6e 79 20 64 ec 74 69 20 73 65 20 74 ec "
      "b9 69 6c 79 20 6e 61 20 70 72 e1 7a 64 6e 69 6e 79 20 75 20 6d 6f f8 65 2e 20");
  std::string page = "<html><body><ul>";
  for (int i = 0; i < 200; ++i)
    page += "<li class=\"nav-item\"><a href=\"/c/" + std::to_string(i) + "\"></a></li>";
  page += "</ul><p>";
  for (int i = 0; i < 40; ++i) page += czech;
  const Decoded d = Decode(page + "</p></body></html>");
  EXPECT_EQ(d.charset, "iso-8859-2");
  EXPECT_EQ(d.source, CharsetSource::kDetected);
  EXPECT_NE(d.text.find("Příliš žluťoučký kůň"), std::string::npos);
}

TEST(Decode, Gb2312DeclarationDecodesWithGb18030) {
  const Decoded d = Decode("<meta charset=\"gb2312\"><p>" + kChineseGbk + "</p>");
  EXPECT_EQ(d.charset, "gb18030");
  EXPECT_EQ(d.source, CharsetSource::kMeta);
  EXPECT_NE(d.text.find("<p>" + kChineseUtf8 + "</p>"), std::string::npos);
}

TEST(Decode, UnknownTransportLabelIgnored) {
  const std::string page = "<meta charset=\"windows-1251\"><p>" + kRussian1251 + "</p>";
  const Decoded d = Decode(page, "x-no-such-charset");
  EXPECT_EQ(d.charset, "windows-1251");
  EXPECT_EQ(d.source, CharsetSource::kMeta);
  EXPECT_NE(d.text.find(kRussianUtf8), std::string::npos);
}

TEST(Decode, UnknownMetaLabelFallsBackToDetection) {
  const std::string page = "<meta charset=\"x-klingon\"><p>" + kRussian1251 + " " +
                           kRussian1251 + "</p>";
  const Decoded d = Decode(page);
  EXPECT_NE(d.charset, "x-klingon");
  EXPECT_EQ(d.source, CharsetSource::kDetected);
  EXPECT_TRUE(is_valid_utf8(d.text));
  EXPECT_EQ(d.charset, "windows-1251");
  EXPECT_NE(d.text.find(kRussianUtf8), std::string::npos);
}

TEST(Decode, AsciiKeepsTheDeclaredCharsetName) {
  const Decoded d = Decode("<meta charset=\"windows-1251\"><p>plain</p>");
  EXPECT_EQ(d.text, "<meta charset=\"windows-1251\"><p>plain</p>");
  EXPECT_EQ(d.charset, "windows-1251");
  EXPECT_EQ(d.source, CharsetSource::kMeta);
}

TEST(Decode, SevenBitIso2022JpIsConvertedAlthoughAscii) {
  // "日本語" in ISO-2022-JP: escape sequences and ASCII bytes only.
  const Decoded d = Decode("<meta charset=\"iso-2022-jp\"><p>\x1b$BF|K\\8l\x1b(B</p>");
  EXPECT_EQ(d.charset, "iso-2022-jp");
  EXPECT_EQ(d.source, CharsetSource::kMeta);
  EXPECT_NE(d.text.find("<p>日本語</p>"), std::string::npos) << d.text;
}

TEST(Decode, Utf16MetaOnAsciiBytesIsUtf8) {
  // A page cannot declare UTF-16 in ASCII bytes; browsers read it as UTF-8.
  const Decoded d = Decode("<meta charset=\"utf-16\"><p>plain</p>");
  EXPECT_EQ(d.text, "<meta charset=\"utf-16\"><p>plain</p>");
  EXPECT_EQ(d.charset, "utf-8");
}

TEST(Decode, DeclaredUtf8ButLatin1BytesIsNotDecodedAsUtf8Blindly) {
  const Decoded d = Decode(
      "<meta charset=\"utf-8\"><p>Le caf\xE9 de la gare, o\xF9 l'on boit un th\xE9 "
      "tr\xE8s chaud, est ferm\xE9 le dimanche.</p>");
  EXPECT_TRUE(is_valid_utf8(d.text));
  EXPECT_NE(d.text.find("café de la gare, où l'on boit un thé très chaud, est fermé"),
            std::string::npos)
      << d.charset << ": " << d.text;
}

TEST(Decode, NulBytesSurvive) {
  const std::string ascii("<p>a\0b</p>", 10);
  EXPECT_EQ(Decode(ascii).text, ascii);
  const std::string latin("<p>caf\xE9\0x</p>", 13);
  const Decoded d = Decode(latin, "windows-1252");
  EXPECT_EQ(d.text, std::string("<p>caf\xC3\xA9\0x</p>", 14));
  const std::string utf8("<p>caf\xC3\xA9\0x</p>", 14);
  EXPECT_EQ(Decode(utf8).text, utf8);
}

TEST(Decode, EmptyInput) {
  const Decoded d = Decode("");
  EXPECT_EQ(d.text, "");
  EXPECT_EQ(d.charset, "utf-8");
  const Decoded t = Decode("", "windows-1251");
  EXPECT_EQ(t.text, "");
}

TEST(Decode, LoneBomGivesEmptyText) {
  EXPECT_EQ(Decode("\xEF\xBB\xBF").text, "");
  EXPECT_EQ(Decode("\xFF\xFE").text, "");
}

// --- canonical_charset / declared_charset ------------------------------------

TEST(Decode, CanonicalCharsetWebMappings) {
  EXPECT_EQ(canonical_charset("gb2312"), "gb18030");
  EXPECT_EQ(canonical_charset("GBK"), "gb18030");
  EXPECT_EQ(canonical_charset("iso-8859-1"), "windows-1252");
  EXPECT_EQ(canonical_charset("ISO-8859-1"), "windows-1252");
  EXPECT_EQ(canonical_charset("latin1"), "windows-1252");
  EXPECT_EQ(canonical_charset("us-ascii"), "windows-1252");
  EXPECT_EQ(canonical_charset("utf8"), "utf-8");
  EXPECT_EQ(canonical_charset("UTF-8"), "utf-8");
  EXPECT_EQ(canonical_charset("Shift_JIS"), "windows-31j");
  EXPECT_EQ(canonical_charset("euc-kr"), "windows-949");
  EXPECT_EQ(canonical_charset("iso-8859-9"), "windows-1254");
}

TEST(Decode, CanonicalCharsetIcuLabelsKept) {
  EXPECT_EQ(canonical_charset("windows-1251"), "windows-1251");
  EXPECT_EQ(canonical_charset("KOI8-R"), "koi8-r");
  EXPECT_EQ(canonical_charset("iso-8859-2"), "iso-8859-2");
}

TEST(Decode, CanonicalCharsetTrimsQuotesAndSemicolon) {
  EXPECT_EQ(canonical_charset("\"utf-8\""), "utf-8");
  EXPECT_EQ(canonical_charset(" 'gb2312';"), "gb18030");
}

TEST(Decode, CanonicalCharsetUnknownIsEmpty) {
  EXPECT_EQ(canonical_charset(""), "");
  EXPECT_EQ(canonical_charset("x-no-such-charset"), "");
  EXPECT_EQ(canonical_charset("utf-9"), "");
}

TEST(Decode, DeclaredCharsetForms) {
  EXPECT_EQ(declared_charset("<meta charset=utf-8>", Charsets()), "utf-8");
  EXPECT_EQ(declared_charset("<META CHARSET='Windows-1251'>", Charsets()), "Windows-1251");
  EXPECT_EQ(declared_charset("<meta\ncharset = \"gbk\" >", Charsets()), "gbk");
  EXPECT_EQ(declared_charset("<meta http-equiv=content-type content='text/html;charset=euc-jp'>", Charsets()),
            "euc-jp");
  EXPECT_EQ(declared_charset("<?xml version='1.0' encoding='koi8-r'?><html>", Charsets()), "koi8-r");
  EXPECT_EQ(declared_charset("<html><p>no declaration</p>", Charsets()), "");
  EXPECT_EQ(declared_charset("", Charsets()), "");
}

TEST(Decode, DeclaredCharsetIgnoresLaterXmlDeclaration) {
  // An XML declaration counts only at the very start of the document.
  EXPECT_EQ(declared_charset("<p>x</p><?xml version='1.0' encoding='koi8-r'?>", Charsets()), "");
}

// --- UTF-8 validity and repair -----------------------------------------------

TEST(Decode, IsValidUtf8) {
  EXPECT_TRUE(is_valid_utf8(""));
  EXPECT_TRUE(is_valid_utf8("plain ascii"));
  EXPECT_TRUE(is_valid_utf8("caf\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80"));
  EXPECT_FALSE(is_valid_utf8("caf\xE9"));              // Latin-1 byte
  EXPECT_FALSE(is_valid_utf8("\xC0\xAF"));             // overlong '/'
  EXPECT_FALSE(is_valid_utf8("\xE0\x80\xAF"));         // overlong, 3 bytes
  EXPECT_FALSE(is_valid_utf8("\xED\xA0\x80"));         // surrogate D800
  EXPECT_FALSE(is_valid_utf8("\xF4\x90\x80\x80"));     // above U+10FFFF
  EXPECT_FALSE(is_valid_utf8("\x80"));                 // lone continuation
  EXPECT_FALSE(is_valid_utf8("ab\xE2\x82"));           // truncated at the end
}

TEST(Decode, RepairUtf8KeepsValidText) {
  const std::string ok = "caf\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80 end";
  EXPECT_EQ(repair_utf8(ok), ok);
  EXPECT_EQ(repair_utf8(""), "");
}

TEST(Decode, RepairUtf8ReplacesIllFormedSequences) {
  const std::string fffd(kFffd);
  EXPECT_EQ(repair_utf8("caf\xE9!"), "caf" + fffd + "!");
  // Two Latin-1 bytes in a row: two replacements, nothing swallowed.
  EXPECT_EQ(repair_utf8("\xE9\xE9x"), fffd + fffd + "x");
  // A truncated sequence before a valid character keeps the character.
  EXPECT_EQ(repair_utf8("\xE2\x82\xC3\xA9"), fffd + "\xC3\xA9");
  EXPECT_EQ(repair_utf8("ab\xF0\x9F\x98"), "ab" + fffd);
}

TEST(Decode, RepairUtf8OverlongAndSurrogates) {
  for (std::string_view bad : {"\xC0\xAF", "\xE0\x80\xAF", "\xED\xA0\x80", "\xF4\x90\x80\x80",
                               "\xC1\xBF", "\xF8\x88\x80\x80\x80"}) {
    const std::string out = repair_utf8("<" + std::string(bad) + ">");
    EXPECT_TRUE(is_valid_utf8(out)) << out;
    EXPECT_EQ(out.front(), '<');
    EXPECT_EQ(out.back(), '>');
    EXPECT_GE(Count(out, kFffd), 1) << out;
    // No byte of the bad sequence is let through.
    EXPECT_EQ(out.size(), 2 + 3 * static_cast<std::size_t>(Count(out, kFffd))) << out;
  }
}

TEST(Decode, RepairUtf8LoneContinuationBytes) {
  const std::string out = repair_utf8("a\x80\x80\x80\x80\x80z");
  EXPECT_TRUE(is_valid_utf8(out));
  EXPECT_EQ(out.front(), 'a');
  EXPECT_EQ(out.back(), 'z');
  EXPECT_GE(Count(out, kFffd), 1);
}

}  // namespace
}  // namespace extractor
