// Decides which text blocks of the article container are body paragraphs.
//
// Internal to extract/.
#ifndef REVWATCH_EXTRACT_PARAGRAPH_FILTER_H_
#define REVWATCH_EXTRACT_PARAGRAPH_FILTER_H_

#include <string>
#include <string_view>
#include <vector>

#include "extract/text_blocks.h"

namespace revwatch {

// The body paragraphs among the article container's `blocks`, in order:
// the IsArticleParagraph blocks, except the headline (`title`) and bylines
// and date lines (lead_lines.h, with `byline` the page's stated author)
// above the first prose paragraph or after the last one. List items that
// are mostly links are kept when a paragraph ending in ':' introduces their
// list ("Other deals:"), as a link list inside the article.
std::vector<std::string> SelectArticleParagraphs(std::vector<TextBlock> blocks,
                                                 std::string_view title,
                                                 std::string_view byline);

// True unless `block` is mostly link text, only a <time> (a date line),
// free of letters and digits ("* * *", "•", U+FFFD), a widget label or a
// template placeholder (see below).
bool IsArticleParagraph(const TextBlock& block);

// True for the captions of page widgets standing alone: "Tags:",
// "Read also:", "Share", "Читайте також:"... compared case-insensitively,
// ignoring a trailing colon.
bool IsWidgetLabel(std::string_view text);

// True for template text the server failed to render: a single token that
// looks like a template path or variable ("client/title.list_title",
// "news.read_more", "LABEL_READ_MORE"), or anything with "{{", "}}", "{%"
// or "%}".
bool IsTemplatePlaceholder(std::string_view text);

}  // namespace revwatch

#endif  // REVWATCH_EXTRACT_PARAGRAPH_FILTER_H_
