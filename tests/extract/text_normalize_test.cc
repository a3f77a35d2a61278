#include "extract/text_normalize.h"

#include <gtest/gtest.h>

namespace revwatch {
namespace {

TEST(NormalizePageTextTest, CollapsesAndTrimsWhitespace) {
  EXPECT_EQ(NormalizePageText("  one \t two\n\n three  "), "one two three");
  EXPECT_EQ(NormalizePageText(" \n\t "), "");
}

TEST(NormalizePageTextTest, TurnsUnicodeSpacesIntoSpaces) {
  // NBSP, thin space, narrow NBSP, ideographic space, line separator.
  EXPECT_EQ(
      NormalizePageText("20\u00A0000\u2009km\u202Fand\u3000more\u2028end"),
      "20 000 km and more end");
}

TEST(NormalizePageTextTest, RemovesSoftHyphensAndZeroWidthCharacters) {
  EXPECT_EQ(NormalizePageText("Zelen\u00ADskyy \u200Bsaid\u200C\u200D\u2060"
                              "\uFEFF today"),
            "Zelenskyy said today");
}

TEST(NormalizePageTextTest, RemovesControlCharacters) {
  EXPECT_EQ(NormalizePageText(std::string("a\x01"
                                          "b\x7F"
                                          "c\0d",
                                          8)),
            "abcd");
}

TEST(NormalizePageTextTest, ComposesToNfc) {
  // "й" and "ї" decomposed (NFD) become single code points.
  EXPECT_EQ(NormalizePageText("\u0438\u0306 \u0456\u0308 e\u0301"),
            "\u0439 \u0457 \u00E9");
}

TEST(NormalizePageTextTest, ReplacesInvalidUtf8) {
  EXPECT_EQ(NormalizePageText("a\xFF"
                              "b"),
            "a\uFFFDb");
  // An invalid sequence whose lead byte is that of U+FFFD itself.
  EXPECT_EQ(NormalizePageText("\xEF\x80 \uFFFD"), "\uFFFD\uFFFD \uFFFD");
}

TEST(CountVisibleCharsTest, CountsCodePointsExceptSpaces) {
  EXPECT_EQ(CountVisibleChars("Київ is big"), 9u);
  EXPECT_EQ(CountVisibleChars(""), 0u);
}

}  // namespace
}  // namespace revwatch
