#include "diff/diff_render.h"

#include <string>

namespace revwatch {
namespace {

constexpr const char* kAnsiDelete = "\x1b[31;9m";  // red, struck through
constexpr const char* kAnsiInsert = "\x1b[32m";    // green
constexpr const char* kAnsiHeading = "\x1b[1;36m";
constexpr const char* kAnsiReset = "\x1b[0m";

std::string RenderSpans(const std::vector<WordSpan>& spans, DiffStyle style) {
  std::string out;
  SpanOp previous = SpanOp::kEqual;
  for (const WordSpan& span : spans) {
    // A replacement reads as one unit: "[-old-]{+new+}".
    const bool replacement =
        previous == SpanOp::kDelete && span.op == SpanOp::kInsert;
    if (span.space_before && !out.empty() && !replacement) out += ' ';
    previous = span.op;
    switch (span.op) {
      case SpanOp::kEqual:
        out += span.text;
        break;
      case SpanOp::kDelete:
        out += style == DiffStyle::kAnsi ? kAnsiDelete : "[-";
        out += span.text;
        out += style == DiffStyle::kAnsi ? kAnsiReset : "-]";
        break;
      case SpanOp::kInsert:
        out += style == DiffStyle::kAnsi ? kAnsiInsert : "{+";
        out += span.text;
        out += style == DiffStyle::kAnsi ? kAnsiReset : "+}";
        break;
    }
  }
  return out;
}

std::string Heading(const std::string& text, DiffStyle style) {
  if (style == DiffStyle::kAnsi) {
    return std::string(kAnsiHeading) + text + kAnsiReset + "\n";
  }
  return text + "\n";
}

std::string DescribeParagraph(const ParagraphChange& change) {
  switch (change.op) {
    case ParagraphOp::kChanged:
      return "@@ paragraph " + std::to_string(change.new_index + 1) +
             " changed (was " + std::to_string(change.old_index + 1) + ")";
    case ParagraphOp::kInserted:
      return "@@ paragraph " + std::to_string(change.new_index + 1) + " added";
    case ParagraphOp::kDeleted:
      return "@@ paragraph " + std::to_string(change.old_index + 1) +
             " removed";
  }
  return "";
}

}  // namespace

std::string RenderDiff(const ArticleDiff& diff, DiffStyle style) {
  std::string out;
  if (diff.title_changed) {
    out += Heading("@@ headline", style);
    out += RenderSpans(diff.title_spans, style) + "\n";
  }
  for (const ParagraphChange& change : diff.paragraphs) {
    if (!out.empty()) out += "\n";
    out += Heading(DescribeParagraph(change), style);
    out += RenderSpans(change.spans, style) + "\n";
  }
  return out;
}

std::string RenderSummary(const ArticleDiff& diff) {
  std::string out = "+" + std::to_string(diff.stats.words_added) + " -" +
                    std::to_string(diff.stats.words_removed) + " words";
  if (!diff.tags.empty()) {
    out += "; tags: ";
    for (std::size_t i = 0; i < diff.tags.size(); ++i) {
      if (i > 0) out += ", ";
      out += diff.tags[i];
    }
  }
  out += diff.substantive ? "; substantive" : "; not substantive";
  return out;
}

}  // namespace revwatch
