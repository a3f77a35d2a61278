// Charset detection for pages that declare none, and the promise that an
// article extracts to the same text whatever its encoding.
#include <gtest/gtest.h>
#include <iconv.h>

#include <memory>
#include <string>

#include "extract/charset.h"
#include "extract/extract_article.h"

namespace revwatch {
namespace {

struct IconvDeleter {
  void operator()(void* cd) const { iconv_close(static_cast<iconv_t>(cd)); }
};

// `utf8` re-encoded to `charset` with glibc's iconv; "" on failure.
std::string Encode(const std::string& utf8, const char* charset) {
  iconv_t raw = iconv_open(charset, "UTF-8");
  if (raw == reinterpret_cast<iconv_t>(-1)) return "";
  const std::unique_ptr<void, IconvDeleter> cd(raw);
  std::string out(utf8.size() * 4 + 8, '\0');
  char* in = const_cast<char*>(utf8.data());
  std::size_t in_left = utf8.size();
  char* out_ptr = out.data();
  std::size_t out_left = out.size();
  if (iconv(raw, &in, &in_left, &out_ptr, &out_left) ==
      static_cast<std::size_t>(-1)) {
    return "";
  }
  out.resize(out.size() - out_left);
  return out;
}

// A Ukrainian article with no charset declaration anywhere.
std::string UkrainianPage() {
  const std::string paragraph =
      "<p>Київська міська рада ухвалила рішення про відновлення поромної "
      "переправи між Подолом і Трухановим островом. Її закрили ще у "
      "дві тисячі сімнадцятому році, але мешканці рік у рік просили "
      "повернути їм цей шлях через Дніпро.</p>"
      "<p>'Ми довго чекали на це', - сказала Марія Гнатюк, яка живе на "
      "Набережно-Хрещатицькій вулиці. Переправа триває сім хвилин, а "
      "квиток коштує двадцять гривень; ґанок причалу відремонтували.</p>";
  return "<html><head><title>Пором</title></head><body><article>"
         "<h1>Київ відновлює поромну переправу</h1>" +
         paragraph + paragraph + "</article></body></html>";
}

TEST(DetectCharsetTest, ValidUtf8WithoutDeclarationIsUtf8) {
  EXPECT_EQ(DecodeToUtf8(UkrainianPage(), "").charset, "utf-8");
}

TEST(DetectCharsetTest, GuessesWindows1251) {
  const std::string bytes = Encode(UkrainianPage(), "WINDOWS-1251");
  ASSERT_FALSE(bytes.empty());
  const DecodedPage page = DecodeToUtf8(bytes, "");
  EXPECT_EQ(page.charset, "windows-1251");
  EXPECT_EQ(page.utf8, UkrainianPage());
}

TEST(DetectCharsetTest, PrefersKoi8UForUkrainianText) {
  const std::string bytes = Encode(UkrainianPage(), "KOI8-U");
  ASSERT_FALSE(bytes.empty());
  const DecodedPage page = DecodeToUtf8(bytes, "");
  EXPECT_EQ(page.charset, "koi8-u");
  EXPECT_EQ(page.utf8, UkrainianPage());
}

TEST(DetectCharsetTest, ValidUtf8BeatsDeclaredLatin1) {
  const std::string page =
      "<meta charset=iso-8859-1><p>Café — naïve façade</p>";
  EXPECT_EQ(DecodeToUtf8(page, "").charset, "utf-8");
  EXPECT_EQ(DecodeToUtf8(page, "iso-8859-1").charset, "utf-8");
}

TEST(DetectCharsetTest, DeclaredLatin1StillDecodesLatin1Bytes) {
  const DecodedPage page =
      DecodeToUtf8("<meta charset=latin1><p>Caf\xE9 \x93quoted\x94</p>", "");
  EXPECT_EQ(page.charset, "windows-1252");
  EXPECT_EQ(page.utf8, "<meta charset=latin1><p>Café “quoted”</p>");
}

TEST(DetectCharsetTest, SameArticleWhateverTheEncoding) {
  Result<ExtractedArticle> utf8 = ExtractArticle(UkrainianPage());
  ASSERT_TRUE(utf8) << utf8.error().message;
  ASSERT_EQ(utf8->article.paragraphs.size(), 4u);
  const std::string utf16 = "\xFF\xFE" + Encode(UkrainianPage(), "UTF-16LE");
  const std::string variants[] = {Encode(UkrainianPage(), "WINDOWS-1251"),
                                  Encode(UkrainianPage(), "KOI8-U"), utf16};
  for (const std::string& bytes : variants) {
    ASSERT_FALSE(bytes.empty());
    Result<ExtractedArticle> other = ExtractArticle(bytes);
    ASSERT_TRUE(other) << other.error().message;
    EXPECT_EQ(other->article, utf8->article) << other->charset;
  }
}

}  // namespace
}  // namespace revwatch
