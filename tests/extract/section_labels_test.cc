#include "extract/section_labels.h"

#include <gtest/gtest.h>

namespace revwatch {
namespace {

TEST(IsWidgetSectionLabelTest, RecognisesWidgetHeadings) {
  EXPECT_TRUE(IsWidgetSectionLabel("Related posts"));
  EXPECT_TRUE(IsWidgetSectionLabel("Don\u2019t Miss"));
  EXPECT_TRUE(IsWidgetSectionLabel("DON'T MISS"));
  EXPECT_TRUE(IsWidgetSectionLabel("More from Politics"));
  EXPECT_TRUE(IsWidgetSectionLabel("Related content from example.com:"));
  EXPECT_TRUE(IsWidgetSectionLabel("Archives"));
  EXPECT_TRUE(IsWidgetSectionLabel("Recent Posts"));
  EXPECT_TRUE(IsWidgetSectionLabel("You may also like"));
  EXPECT_TRUE(IsWidgetSectionLabel("Схожі новини:"));
}

TEST(IsWidgetSectionLabelTest, KeepsArticleHeadings) {
  EXPECT_FALSE(IsWidgetSectionLabel("What happens next"));
  EXPECT_FALSE(IsWidgetSectionLabel(
      "Related companies saw their shares fall after the ruling"));
  EXPECT_FALSE(IsWidgetSectionLabel("Relatedness in family businesses"));
  EXPECT_FALSE(IsWidgetSectionLabel("Archive footage"));
  EXPECT_FALSE(IsWidgetSectionLabel(""));
}

}  // namespace
}  // namespace revwatch
