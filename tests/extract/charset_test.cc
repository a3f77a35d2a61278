#include "extract/charset.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <random>
#include <string>

#include "tests/extract/test_files.h"

namespace revwatch {
namespace {

// True if `s` is well-formed UTF-8 (no surrogates, nothing past U+10FFFF).
bool IsValidUtf8(const std::string& s) {
  std::size_t i = 0;
  while (i < s.size()) {
    const auto b = static_cast<uint8_t>(s[i]);
    std::size_t n = 0;
    uint8_t lo = 0x80;
    uint8_t hi = 0xBF;
    if (b < 0x80) {
      ++i;
      continue;
    } else if (b >= 0xC2 && b <= 0xDF) {
      n = 2;
    } else if (b >= 0xE0 && b <= 0xEF) {
      n = 3;
      lo = b == 0xE0 ? 0xA0 : 0x80;
      hi = b == 0xED ? 0x9F : 0xBF;
    } else if (b >= 0xF0 && b <= 0xF4) {
      n = 4;
      lo = b == 0xF0 ? 0x90 : 0x80;
      hi = b == 0xF4 ? 0x8F : 0xBF;
    } else {
      return false;
    }
    if (i + n > s.size()) return false;
    for (std::size_t k = 1; k < n; ++k) {
      const auto c = static_cast<uint8_t>(s[i + k]);
      if (c < lo || c > hi) return false;
      lo = 0x80;
      hi = 0xBF;
    }
    i += n;
  }
  return true;
}

TEST(CharsetFromContentTypeTest, ReturnsLowerCasedParameter) {
  EXPECT_EQ(CharsetFromContentType("text/html; charset=UTF-8"), "utf-8");
  EXPECT_EQ(CharsetFromContentType("text/html;Charset = \"Windows-1251\""),
            "windows-1251");
  EXPECT_EQ(CharsetFromContentType("text/html; charset='koi8-u'; q=1"),
            "koi8-u");
  EXPECT_EQ(CharsetFromContentType("text/html; charset=utf-8;format=flowed"),
            "utf-8");
}

TEST(CharsetFromContentTypeTest, ReturnsEmptyWithoutParameter) {
  EXPECT_EQ(CharsetFromContentType("text/html"), "");
  EXPECT_EQ(CharsetFromContentType(""), "");
  EXPECT_EQ(CharsetFromContentType("text/html; charset="), "");
  EXPECT_EQ(CharsetFromContentType("text/html; charset=\"utf-8"), "");
}

TEST(DecodeToUtf8Test, DefaultsToUtf8) {
  const DecodedPage page = DecodeToUtf8("<p>Київ</p>", "");
  EXPECT_EQ(page.charset, "utf-8");
  EXPECT_EQ(page.utf8, "<p>Київ</p>");
}

TEST(DecodeToUtf8Test, StripsUtf8ByteOrderMark) {
  const DecodedPage page = DecodeToUtf8("\xEF\xBB\xBF<p>a</p>", "");
  EXPECT_EQ(page.charset, "utf-8");
  EXPECT_EQ(page.utf8, "<p>a</p>");
}

TEST(DecodeToUtf8Test, ByteOrderMarkBeatsHttpAndMeta) {
  const std::string bytes =
      std::string("\xFE\xFF\x00<\x00p\x00>\x04\x1A", 10);  // "<p>К" UTF-16BE
  const DecodedPage page = DecodeToUtf8(bytes, "windows-1251");
  EXPECT_EQ(page.charset, "utf-16be");
  EXPECT_EQ(page.utf8, "<p>К");
}

TEST(DecodeToUtf8Test, DecodesUtf16LittleEndianFixture) {
  const DecodedPage page =
      DecodeToUtf8(ReadTestData("utf16le_bom_article.html"), "");
  EXPECT_EQ(page.charset, "utf-16le");
  EXPECT_NE(page.utf8.find("in March — a record"), std::string::npos);
}

TEST(DecodeToUtf8Test, HttpCharsetBeatsMeta) {
  const DecodedPage page =
      DecodeToUtf8("<meta charset=\"utf-8\"><p>\xCA\xE8\xBF\xE2</p>", "cp1251");
  EXPECT_EQ(page.charset, "windows-1251");
  EXPECT_EQ(page.utf8, "<meta charset=\"utf-8\"><p>Київ</p>");
}

TEST(DecodeToUtf8Test, UnknownHttpCharsetFallsThroughToMeta) {
  const DecodedPage page = DecodeToUtf8(
      "<meta charset=\"windows-1251\"><p>\xCA\xE8\xBF\xE2</p>", "x-unknown");
  EXPECT_EQ(page.charset, "windows-1251");
}

TEST(DecodeToUtf8Test, ReadsMetaCharset) {
  const DecodedPage page =
      DecodeToUtf8("<META CHARSET=KOI8-U><p>\xEB\xC9\xA7\xD7</p>", "");
  EXPECT_EQ(page.charset, "koi8-u");
  EXPECT_EQ(page.utf8, "<META CHARSET=KOI8-U><p>Київ</p>");
}

TEST(DecodeToUtf8Test, ReadsMetaHttpEquivFixture) {
  const DecodedPage page =
      DecodeToUtf8(ReadTestData("cp1251_article.html"), "");
  EXPECT_EQ(page.charset, "windows-1251");
  EXPECT_NE(page.utf8.find("Ірина Ґудзь"), std::string::npos);
}

TEST(DecodeToUtf8Test, IgnoresMetaInCommentOrPastPrescanWindow) {
  EXPECT_EQ(DecodeToUtf8("<!-- <meta charset=cp1251> --><p>x</p>", "").charset,
            "utf-8");
  const std::string late =
      "<p>" + std::string(1100, 'x') + "</p><meta charset=cp1251>";
  EXPECT_EQ(DecodeToUtf8(late, "").charset, "utf-8");
}

TEST(DecodeToUtf8Test, MapsLatin1LabelsToWindows1252) {
  for (const char* label : {"iso-8859-1", "latin1", "US-ASCII", "ascii"}) {
    const DecodedPage page = DecodeToUtf8("\x93quoted\x94 caf\xE9", label);
    EXPECT_EQ(page.charset, "windows-1252") << label;
    EXPECT_EQ(page.utf8, "“quoted” café") << label;
  }
}

TEST(DecodeToUtf8Test, MetaClaimingUtf16MeansUtf8) {
  EXPECT_EQ(DecodeToUtf8("<meta charset=utf-16><p>x</p>", "").charset, "utf-8");
}

TEST(DecodeToUtf8Test, ReplacesInvalidUtf8) {
  const DecodedPage page = DecodeToUtf8(
      "a\xFF"
      "b\xC3\x28"
      "c\xE2\x82",
      "utf-8");
  EXPECT_EQ(page.utf8, "a\uFFFDb\uFFFD(c\uFFFD");
}

TEST(DecodeToUtf8Test, ReplacesSurrogatesAndOverlongForms) {
  EXPECT_EQ(DecodeToUtf8("\xED\xA0\x80|\xC0\xAF|\xF4\x90\x80\x80", "utf-8").utf8,
            "\uFFFD\uFFFD\uFFFD|\uFFFD\uFFFD|\uFFFD\uFFFD\uFFFD\uFFFD");
}

TEST(DecodeToUtf8Test, ReplacesBytesUndefinedInCharset) {
  // 0x98 is unassigned in windows-1251.
  const DecodedPage page = DecodeToUtf8("a\x98z", "windows-1251");
  EXPECT_EQ(page.utf8, "a\uFFFDz");
}

TEST(DecodeToUtf8Test, ReplacesTruncatedSequenceAtEnd) {
  EXPECT_EQ(DecodeToUtf8("ab\x82", "shift_jis").utf8, "ab\uFFFD");
  EXPECT_EQ(DecodeToUtf8(std::string("\xFF\xFE"
                                     "a\x00"
                                     "b",
                                     5),
                         "")
                .utf8,
            "a\uFFFD");
}

TEST(DecodeToUtf8Test, RandomBytesAlwaysGiveValidUtf8) {
  std::mt19937 rng(20260127);
  std::uniform_int_distribution<int> byte(0, 255);
  for (const char* charset :
       {"", "utf-8", "windows-1251", "koi8-u", "utf-16le", "shift_jis",
        "gb18030", "iso-2022-jp", "euc-kr"}) {
    for (int round = 0; round < 50; ++round) {
      std::string bytes(static_cast<std::size_t>(round * 7), '\0');
      for (char& c : bytes) c = static_cast<char>(byte(rng));
      const DecodedPage page = DecodeToUtf8(bytes, charset);
      ASSERT_TRUE(IsValidUtf8(page.utf8)) << charset << " round " << round;
    }
  }
}

}  // namespace
}  // namespace revwatch
