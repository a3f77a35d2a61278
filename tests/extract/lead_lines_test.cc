#include "extract/lead_lines.h"

#include <gtest/gtest.h>

namespace revwatch {
namespace {

TEST(IsBylineLineTest, RecognisesBylines) {
  EXPECT_TRUE(IsBylineLine("By Jane Doe", ""));
  EXPECT_TRUE(IsBylineLine("BY SAM GREEN, Reuters", ""));
  EXPECT_TRUE(IsBylineLine("by Lee Hutchinson - Nov 9, 2012 5:30 pm UTC", ""));
  EXPECT_TRUE(IsBylineLine("Posted by Dave on August 13th, 2012", ""));
  EXPECT_TRUE(IsBylineLine("Автор: Олена Коваленко", ""));
  EXPECT_TRUE(IsBylineLine("Jane Doe", "jane doe"));
}

TEST(IsBylineLineTest, KeepsSentences) {
  EXPECT_FALSE(
      IsBylineLine("By the end of the day, the pier was open.x x x "
                   "x x x x x x x",
                   ""));
  EXPECT_FALSE(IsBylineLine("by and large, nothing changed.", ""));
  EXPECT_FALSE(IsBylineLine("Byron Bay reopened its beaches.", ""));
  EXPECT_FALSE(IsBylineLine("Jane Doe said so.", "Jane Doe"));
}

TEST(IsDateLineTest, RecognisesDateLines) {
  EXPECT_TRUE(IsDateLine("November 13, 2012"));
  EXPECT_TRUE(IsDateLine("Updated: 13:36"));
  EXPECT_TRUE(IsDateLine("Monday, 12 March 2012, 6:15 AM EDT"));
  EXPECT_TRUE(IsDateLine("Published 9th August 2012"));
  EXPECT_TRUE(IsDateLine("2025-05-10"));
  EXPECT_TRUE(IsDateLine("12 березня 2012"));  // by its numbers
}

TEST(IsDateLineTest, KeepsTextWithNumbers) {
  EXPECT_FALSE(IsDateLine("Updated"));
  EXPECT_FALSE(IsDateLine("In 2012 the council sold the harbour."));
  EXPECT_FALSE(IsDateLine("Forty passengers on 2 boats."));
  EXPECT_FALSE(IsDateLine("Two boats, 40 passengers and 3 crew."));
}

}  // namespace
}  // namespace revwatch
