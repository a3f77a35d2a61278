// The JSON-LD articleBody picks the article's container when the page
// shows that text, and is ignored when it does not.
#include <gtest/gtest.h>

#include <string>

#include "extract/extract_article.h"
#include "tests/extract/test_files.h"

namespace revwatch {
namespace {

constexpr char kFixture[] = "json_ld_body_article.html";
constexpr char kLede[] =
    "The ferry between the mainland and the island ran again on Saturday";
constexpr char kSidebar[] = "Our town history series continues";

std::string Replace(std::string text, const std::string& from,
                    const std::string& to) {
  const std::size_t at = text.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  if (at != std::string::npos) text.replace(at, from.size(), to);
  return text;
}

std::string BodyText(const std::string& html) {
  Result<ExtractedArticle> result = ExtractArticle(html);
  EXPECT_TRUE(result) << result.error().message;
  std::string text;
  if (!result) return text;
  for (const std::string& p : result->article.paragraphs) text += p + "\n";
  return text;
}

TEST(DeclaredBodyTest, PicksContainerHoldingDeclaredText) {
  const std::string text = BodyText(ReadTestData(kFixture));
  EXPECT_EQ(text.find(kLede), 0u) << text;
  EXPECT_NE(text.find("rot in the older timber piles."), std::string::npos);
  EXPECT_EQ(text.find(kSidebar), std::string::npos) << text;
}

TEST(DeclaredBodyTest, WithoutDeclarationScoringPicksLongerBox) {
  // The fixture is built so that content scoring alone goes wrong; this
  // guards the test above against proving nothing.
  const std::string page = ReadTestData(kFixture);
  const std::size_t start = page.find("<script");
  const std::size_t end = page.find("</script>") + 9;
  const std::string text = BodyText(page.substr(0, start) + page.substr(end));
  EXPECT_NE(text.find(kSidebar), std::string::npos) << text;
}

TEST(DeclaredBodyTest, IgnoresDeclarationThePageDoesNotShow) {
  // A stale or foreign articleBody: its text is not on the page.
  const std::string page =
      Replace(ReadTestData(kFixture), "\"articleBody\": \"The ferry",
              "\"articleBody\": \"Council votes to close the library on "
              "Sundays. The vote was close, and members who opposed it said "
              "the savings were small next to the loss to families. The "
              "library will stay open late on Thursdays instead. The ferry");
  const std::string foreign =
      Replace(Replace(page, "ran again on Saturday", "sailed on Sunday"),
              "carried forty passengers", "was nearly empty");
  const std::string text = BodyText(
      Replace(foreign, "found rot in the older", "found damage in the"));
  EXPECT_NE(text.find(kSidebar), std::string::npos) << text;
}

TEST(DeclaredBodyTest, IgnoresShortDeclaration) {
  const std::string page = ReadTestData(kFixture);
  const std::size_t start = page.find("\"articleBody\"");
  const std::size_t end = page.find("\"}", start);
  const std::string teaser =
      "\"articleBody\": \"The operator said the morning boat carried forty "
      "passengers";
  const std::string text =
      BodyText(page.substr(0, start) + teaser + page.substr(end));
  EXPECT_NE(text.find(kSidebar), std::string::npos) << text;
}

}  // namespace
}  // namespace revwatch
