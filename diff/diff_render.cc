#include "diff/diff_render.h"

#include <algorithm>
#include <charconv>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

namespace revwatch {
namespace {

struct Markup {
  const char* del_open;
  const char* del_close;
  const char* ins_open;
  const char* ins_close;
};

constexpr Markup kTextMarkup = {"[-", "-]", "{+", "+}"};
constexpr Markup kAnsiMarkup = {"\x1b[31;9m", "\x1b[0m", "\x1b[32m", "\x1b[0m"};
constexpr Markup kHtmlMarkup = {
    "<del style=\"background:#ffe0e0;color:#9f1c1c;text-decoration:line-through\">",
    "</del>",
    "<ins style=\"background:#dcf5dc;color:#1a5e1a;text-decoration:none\">",
    "</ins>"};

const Markup& MarkupFor(DiffStyle style) {
  switch (style) {
    case DiffStyle::kAnsi:
      return kAnsiMarkup;
    case DiffStyle::kHtml:
      return kHtmlMarkup;
    case DiffStyle::kText:
      break;
  }
  return kTextMarkup;
}

// `text` cut to its first `head` and last `tail` words, "…" marking the
// cut; unchanged if it is not longer than that.
std::string Elide(const std::string& text, std::size_t head, std::size_t tail) {
  std::vector<std::size_t> starts;  // where each word begins
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != ' ' && (i == 0 || text[i - 1] == ' ')) starts.push_back(i);
  }
  if (starts.size() <= head + tail + 1) return text;
  std::string out;
  if (head > 0) {
    const std::size_t end = text.find_last_not_of(' ', starts[head] - 1);
    out = text.substr(0, end + 1) + " ";
  }
  out += "\u2026";
  if (tail > 0) out += " " + text.substr(starts[starts.size() - tail]);
  return out;
}

// The unchanged words of `spans` kept around the changes (see RenderDiff).
std::vector<WordSpan> WithContext(const std::vector<WordSpan>& spans, int context_words) {
  if (context_words <= 0) return spans;
  const auto n = static_cast<std::size_t>(context_words);
  std::vector<WordSpan> out = spans;
  std::size_t first_change = spans.size();
  std::size_t last_change = 0;
  for (std::size_t i = 0; i < spans.size(); ++i) {
    if (spans[i].op == SpanOp::kEqual) continue;
    first_change = std::min(first_change, i);
    last_change = i;
  }
  for (std::size_t i = 0; i < out.size(); ++i) {
    if (out[i].op != SpanOp::kEqual) continue;
    if (first_change == spans.size()) {  // a moved paragraph: its beginning
      out[i].text = Elide(out[i].text, 2 * n, 0);
    } else {
      out[i].text = Elide(out[i].text, i > first_change ? n : 0, i < last_change ? n : 0);
    }
  }
  return out;
}

// Appends the spans, marked up, to `out` (whatever it holds already).
void AppendSpans(const std::vector<WordSpan>& spans, DiffStyle style, std::string& out) {
  const Markup& markup = MarkupFor(style);
  const std::size_t start = out.size();
  SpanOp previous = SpanOp::kEqual;
  std::string escaped;
  for (const WordSpan& span : spans) {
    // A replacement reads as one unit: "[-old-]{+new+}".
    const bool replacement = previous == SpanOp::kDelete && span.op == SpanOp::kInsert;
    if (span.space_before && out.size() > start && !replacement) out += ' ';
    previous = span.op;
    std::string_view text = span.text;
    if (style == DiffStyle::kHtml) {
      escaped = EscapeHtml(span.text);
      text = escaped;
    }
    switch (span.op) {
      case SpanOp::kEqual:
        out += text;
        break;
      case SpanOp::kDelete:
        out += markup.del_open;
        out += text;
        out += markup.del_close;
        break;
      case SpanOp::kInsert:
        out += markup.ins_open;
        out += text;
        out += markup.ins_close;
        break;
    }
  }
}

std::string JoinTags(const std::vector<std::string>& tags) {
  std::string out;
  for (const std::string& tag : tags) out += (out.empty() ? "" : ", ") + tag;
  return out;
}

std::string Describe(const ParagraphChange& change) {
  const std::string now = std::to_string(change.new_index + 1);
  const std::string was = std::to_string(change.old_index + 1);
  switch (change.op) {
    case ParagraphOp::kChanged:
      return "paragraph " + now + " changed" + (now == was ? "" : " (was " + was + ")");
    case ParagraphOp::kInserted:
      return "paragraph " + now + " added";
    case ParagraphOp::kDeleted:
      return "paragraph " + was + " removed";
    case ParagraphOp::kMoved:
      return "paragraph " + now + " moved from " + was;
  }
  return "";
}

std::string Heading(const std::string& what, const std::vector<std::string>& tags,
                    DiffStyle style) {
  const std::string label = tags.empty() ? "" : " [" + JoinTags(tags) + "]";
  switch (style) {
    case DiffStyle::kAnsi:
      return "\x1b[1;36m@@ " + what + "\x1b[0m\x1b[33m" + label + "\x1b[0m\n";
    case DiffStyle::kHtml:
      return "<p style=\"margin:16px 0 4px;color:#555;font:bold 13px sans-serif\">" +
             EscapeHtml(what + label) + "</p>\n";
    case DiffStyle::kText:
      break;
  }
  return "@@ " + what + label + "\n";
}

// Appends Heading(Describe(change), change.tags, style) to `out`, without
// the temporary strings (WriteDiff writes one per changed paragraph).
void AppendHeading(const ParagraphChange& change, DiffStyle style, std::string& out) {
  if (style == DiffStyle::kHtml) {
    out += Heading(Describe(change), change.tags, style);
    return;
  }
  out += style == DiffStyle::kAnsi ? "\x1b[1;36m@@ " : "@@ ";
  char now[16];
  char was[16];
  const auto number = [](int index, char* to) {
    return std::string_view(to, static_cast<std::size_t>(
                                    std::to_chars(to, to + 16, index + 1).ptr - to));
  };
  const std::string_view now_text = number(change.new_index, now);
  const std::string_view was_text = number(change.old_index, was);
  out += "paragraph ";
  switch (change.op) {
    case ParagraphOp::kChanged:
      out += now_text;
      out += " changed";
      if (now_text != was_text) {
        out += " (was ";
        out += was_text;
        out += ')';
      }
      break;
    case ParagraphOp::kInserted:
      out += now_text;
      out += " added";
      break;
    case ParagraphOp::kDeleted:
      out += was_text;
      out += " removed";
      break;
    case ParagraphOp::kMoved:
      out += now_text;
      out += " moved from ";
      out += was_text;
      break;
  }
  if (style == DiffStyle::kAnsi) out += "\x1b[0m\x1b[33m";
  if (!change.tags.empty()) {
    out += " [";
    for (std::size_t i = 0; i < change.tags.size(); ++i) {
      if (i > 0) out += ", ";
      out += change.tags[i];
    }
    out += ']';
  }
  out += style == DiffStyle::kAnsi ? "\x1b[0m\n" : "\n";
}

// Appends a paragraph's spans as a block of its own.
void AppendBody(const std::vector<WordSpan>& spans, DiffStyle style, std::string& out) {
  if (style == DiffStyle::kHtml) out += "<p style=\"margin:0;font:15px/1.5 Georgia,serif\">";
  AppendSpans(spans, style, out);
  out += style == DiffStyle::kHtml ? "</p>\n" : "\n";
}

std::string Body(const std::vector<WordSpan>& spans, DiffStyle style) {
  std::string out;
  AppendBody(spans, style, out);
  return out;
}

// One side of a change as plain text.
std::string SideText(const std::vector<WordSpan>& spans, SpanOp drop) {
  std::string out;
  for (const WordSpan& span : spans) {
    if (span.op == drop) continue;
    // (The old side, dropping insertions, spaces as the old text did.)
    const bool space = drop == SpanOp::kInsert ? span.space_before != span.old_space_differs
                                               : span.space_before;
    if (space && !out.empty()) out += ' ';
    out += span.text;
  }
  return out;
}

const char* JsonOp(ParagraphOp op) {
  switch (op) {
    case ParagraphOp::kChanged: return "replace";
    case ParagraphOp::kInserted: return "insert";
    case ParagraphOp::kDeleted: return "delete";
    case ParagraphOp::kMoved: return "move";
  }
  return "";
}

nlohmann::json IndexOrNull(int index) {
  return index >= 0 ? nlohmann::json(index) : nlohmann::json(nullptr);
}

}  // namespace

std::string EscapeHtml(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c; break;
    }
  }
  return out;
}

std::string RenderDiff(const ArticleDiff& diff, DiffStyle style) {
  return RenderDiff(diff, style, 0);
}

namespace {

// Every change in reading order: `context_words` unchanged words kept
// around changes within a paragraph (0: all), and, with `after`, up to
// `paragraphs` unchanged paragraphs of it around each changed one.
std::string Render(const ArticleDiff& diff, DiffStyle style, int context_words,
                   const Article* after, int paragraphs) {
  const int count = after != nullptr && paragraphs > 0 ? static_cast<int>(after->paragraphs.size())
                                                       : 0;
  std::vector<bool> changed(static_cast<std::size_t>(count), false);
  for (const ParagraphChange& change : diff.paragraphs) {
    if (change.new_index >= 0 && change.new_index < count) {
      changed[static_cast<std::size_t>(change.new_index)] = true;
    }
  }
  int printed_upto = -1;  // the last new paragraph shown as context
  auto context = [&](int from, int to) {  // [from, to) of `after`, unchanged ones
    std::string out;
    for (int i = std::max({from, 0, printed_upto + 1}); i < std::min(to, count); ++i) {
      printed_upto = i;
      if (changed[static_cast<std::size_t>(i)]) continue;
      const std::string& text = after->paragraphs[static_cast<std::size_t>(i)];
      switch (style) {
        case DiffStyle::kText: out += "  " + text + "\n"; break;
        case DiffStyle::kAnsi: out += "\x1b[2m  " + text + "\x1b[0m\n"; break;
        case DiffStyle::kHtml:
          out += "<p style=\"margin:0;color:#777;font:15px/1.5 Georgia,serif\">" + EscapeHtml(text) +
                 "</p>\n";
          break;
      }
    }
    return out;
  };
  std::string out;
  if (diff.title_changed) {
    out += Heading("headline", diff.title_tags, style) + Body(diff.title_spans, style);
  }
  for (std::size_t k = 0; k < diff.paragraphs.size(); ++k) {
    const ParagraphChange& change = diff.paragraphs[k];
    if (!out.empty() && style != DiffStyle::kHtml) out += "\n";
    out += Heading(Describe(change), change.tags, style);
    const int at = change.new_index;
    if (at >= 0) out += context(at - paragraphs, at);
    // (Without a cut, the spans as they are: copying them cost as much as
    // rendering.)
    out += context_words > 0 ? Body(WithContext(change.spans, context_words), style)
                             : Body(change.spans, style);
    if (at >= 0) {
      // After it, up to the next change (which shows its own before-context).
      int until = count;  // the next change's before-context starts there
      for (std::size_t j = k + 1; j < diff.paragraphs.size(); ++j) {
        if (diff.paragraphs[j].new_index > at) {
          until = diff.paragraphs[j].new_index - paragraphs;
          break;
        }
      }
      out += context(at + 1, std::min(at + 1 + paragraphs, until));
    }
  }
  if (style == DiffStyle::kHtml && !out.empty()) {
    out = "<div class=\"revwatch-diff\">\n" + out + "</div>\n";
  }
  return out;
}

}  // namespace

std::string RenderDiff(const ArticleDiff& diff, DiffStyle style, int context_words) {
  return Render(diff, style, context_words, nullptr, 0);
}

void WriteDiff(const ArticleDiff& diff, DiffStyle style, std::ostream& out) {
  // Rendered into one buffer, written out in large pieces: no string per
  // paragraph, and few writes to the stream.
  constexpr std::size_t kWriteSize = 64 * 1024;
  std::string buffer;
  auto write = [&] {
    out.write(buffer.data(), static_cast<std::streamsize>(buffer.size()));
    buffer.clear();
  };
  bool any = false;  // the same separators as Render
  auto begin_block = [&] {
    if (!any && style == DiffStyle::kHtml) buffer += "<div class=\"revwatch-diff\">\n";
    if (any && style != DiffStyle::kHtml) buffer += "\n";
    any = true;
  };
  if (diff.title_changed) {
    begin_block();
    buffer += Heading("headline", diff.title_tags, style);
    AppendBody(diff.title_spans, style, buffer);
  }
  for (const ParagraphChange& change : diff.paragraphs) {
    begin_block();
    AppendHeading(change, style, buffer);
    AppendBody(change.spans, style, buffer);
    if (buffer.size() >= kWriteSize) write();
  }
  if (any && style == DiffStyle::kHtml) buffer += "</div>\n";
  write();
}

std::string RenderDiffWithContext(const ArticleDiff& diff, DiffStyle style, const Article& after,
                                  int paragraphs) {
  return Render(diff, style, 0, &after, paragraphs);
}

std::string RenderSummary(const ArticleDiff& diff) {
  std::string out = "+" + std::to_string(diff.stats.words_added) + " -" +
                    std::to_string(diff.stats.words_removed) + " words";
  if (!diff.tags.empty()) out += "; tags: " + JoinTags(diff.tags);
  out += diff.substantive ? "; substantive" : "; not substantive";
  return out;
}

std::string RenderDiffJson(const ArticleDiff& diff) {
  nlohmann::json changes = nlohmann::json::array();
  if (diff.title_changed) {
    changes.push_back({{"op", "replace"},
                       {"part", "headline"},
                       {"old_paragraph", nullptr},
                       {"new_paragraph", nullptr},
                       {"old", SideText(diff.title_spans, SpanOp::kInsert)},
                       {"new", SideText(diff.title_spans, SpanOp::kDelete)},
                       {"tags", diff.title_tags}});
  }
  for (const ParagraphChange& change : diff.paragraphs) {
    changes.push_back({{"op", JsonOp(change.op)},
                       {"part", "body"},
                       {"old_paragraph", IndexOrNull(change.old_index)},
                       {"new_paragraph", IndexOrNull(change.new_index)},
                       {"old", change.op == ParagraphOp::kInserted
                                   ? std::string()
                                   : SideText(change.spans, SpanOp::kInsert)},
                       {"new", change.op == ParagraphOp::kDeleted
                                   ? std::string()
                                   : SideText(change.spans, SpanOp::kDelete)},
                       {"tags", change.tags}});
  }
  const DiffStats& s = diff.stats;
  const nlohmann::json out = {
      {"substantive", diff.substantive},
      {"score", static_cast<double>(static_cast<int>(diff.score * 1000 + 0.5)) / 1000},
      {"tags", diff.tags},
      {"stats",
       {{"words_added", s.words_added},
        {"words_removed", s.words_removed},
        {"paragraphs_added", s.paragraphs_added},
        {"paragraphs_removed", s.paragraphs_removed},
        {"paragraphs_changed", s.paragraphs_changed},
        {"paragraphs_moved", s.paragraphs_moved}}},
      {"changes", changes}};
  return out.dump(2) + "\n";
}

}  // namespace revwatch
