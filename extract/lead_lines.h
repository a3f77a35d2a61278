// Recognises the short lines news pages put between the headline and the
// body: bylines ("By Jane Doe, Reuters") and date lines ("Updated 13:36,
// 9 November 2012"). They describe the article; they are not its text.
//
// Internal to extract/.
#ifndef REVWATCH_EXTRACT_LEAD_LINES_H_
#define REVWATCH_EXTRACT_LEAD_LINES_H_

#include <string_view>

namespace revwatch {

// True for a short line (at most kMaxLeadLineWords words) that begins with
// "By", "Posted by", "Written by", "Author:" or "Автор:" followed by a
// capitalised word, or that is `byline` itself (when not empty), compared
// case-insensitively.
bool IsBylineLine(std::string_view text, std::string_view byline);

// True for a short line made mostly of date and time words: numbers, month
// and weekday names (English), am/pm, time zones, "updated", "published",
// "posted"... with at least one number ("Nov 9, 2012 5:30 pm UTC",
// "Updated: 13:36", "Monday, 12 March 2012").
bool IsDateLine(std::string_view text);

}  // namespace revwatch

#endif  // REVWATCH_EXTRACT_LEAD_LINES_H_
