#include "diff/word_diff.h"

#include <utf8proc.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <unordered_map>
#include <utility>

#include <dtl/dtl.hpp>

#include "diff/edit_classifier.h"

namespace revwatch {
namespace {

enum class CharClass { kSpace, kWord, kJoiner, kPunct };

struct CodePoint {
  utf8proc_int32_t value;
  std::size_t length;
};

CodePoint DecodeAt(std::string_view text, std::size_t pos) {
  utf8proc_int32_t cp = 0;
  auto n = utf8proc_iterate(
      reinterpret_cast<const utf8proc_uint8_t*>(text.data() + pos),
      static_cast<utf8proc_ssize_t>(text.size() - pos), &cp);
  if (n <= 0) return {0xFFFD, 1};  // invalid byte: one replacement char
  return {cp, static_cast<std::size_t>(n)};
}

CharClass Classify(utf8proc_int32_t cp) {
  // Characters that join two word characters into one token: apostrophes
  // (don't, п'ять, пʼять), hyphens (post-war), and number separators (1,000.5).
  switch (cp) {
    case '\'': case 0x2019: case '-': case 0x2010: case 0x2011:
    case '.': case ',':
      return CharClass::kJoiner;
    default:
      break;
  }
  switch (utf8proc_category(cp)) {
    case UTF8PROC_CATEGORY_ZS: case UTF8PROC_CATEGORY_ZL:
    case UTF8PROC_CATEGORY_ZP: case UTF8PROC_CATEGORY_CC:
      return CharClass::kSpace;
    case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL:
    case UTF8PROC_CATEGORY_LT: case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO: case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_MC: case UTF8PROC_CATEGORY_ME:
    case UTF8PROC_CATEGORY_ND: case UTF8PROC_CATEGORY_NL:
    case UTF8PROC_CATEGORY_NO:
      return CharClass::kWord;
    default:
      return CharClass::kPunct;
  }
}

// Interns token texts so dtl compares integers, not strings.
class TokenInterner {
 public:
  std::vector<int> Intern(const std::vector<Token>& tokens) {
    std::vector<int> ids;
    ids.reserve(tokens.size());
    for (const Token& token : tokens) {
      auto [it, inserted] =
          ids_.try_emplace(token.text, static_cast<int>(ids_.size()));
      ids.push_back(it->second);
    }
    return ids;
  }

 private:
  std::unordered_map<std::string, int> ids_;
};

void AppendToken(const Token& token, SpanOp op, std::vector<WordSpan>& spans) {
  if (spans.empty() || spans.back().op != op) {
    spans.push_back({op, token.text, token.space_before});
    return;
  }
  if (token.space_before) spans.back().text += ' ';
  spans.back().text += token.text;
}

bool IsWordToken(const Token& token) {
  return Classify(DecodeAt(token.text, 0).value) == CharClass::kWord;
}

int CountWordTokens(const std::vector<Token>& tokens) {
  return static_cast<int>(
      std::count_if(tokens.begin(), tokens.end(), IsWordToken));
}

// Share of the shorter paragraph's words that also occur in the other one.
double Similarity(const std::vector<Token>& a, const std::vector<Token>& b) {
  if (a.empty() || b.empty()) return 0.0;
  std::unordered_map<std::string_view, int> counts;
  for (const Token& t : a) ++counts[t.text];
  int shared = 0;
  for (const Token& t : b) {
    auto it = counts.find(t.text);
    if (it != counts.end() && it->second > 0) {
      --it->second;
      ++shared;
    }
  }
  return static_cast<double>(shared) /
         static_cast<double>(std::min(a.size(), b.size()));
}

constexpr double kPairingThreshold = 0.5;

struct Hunk {
  std::vector<int> deleted;   // old paragraph indices
  std::vector<int> inserted;  // new paragraph indices
};

class ParagraphDiffer {
 public:
  ParagraphDiffer(const Article& old_article, const Article& new_article)
      : old_(old_article), new_(new_article) {
    for (const std::string& p : old_.paragraphs) old_tokens_.push_back(Tokenize(p));
    for (const std::string& p : new_.paragraphs) new_tokens_.push_back(Tokenize(p));
  }

  void Run(ArticleDiff& diff) {
    dtl::Diff<std::string> paragraphs(old_.paragraphs, new_.paragraphs);
    paragraphs.compose();
    Hunk hunk;
    for (const auto& [text, info] : paragraphs.getSes().getSequence()) {
      switch (info.type) {
        case dtl::SES_DELETE:
          hunk.deleted.push_back(static_cast<int>(info.beforeIdx - 1));
          break;
        case dtl::SES_ADD:
          hunk.inserted.push_back(static_cast<int>(info.afterIdx - 1));
          break;
        default:
          Flush(hunk, diff);
          break;
      }
    }
    Flush(hunk, diff);
  }

 private:
  // Emits one run of deleted and inserted paragraphs between two unchanged
  // ones. Pairs are found in order, so both sides stay in reading order.
  void Flush(Hunk& hunk, ArticleDiff& diff) {
    std::vector<int> partner(hunk.deleted.size(), -1);
    std::size_t next_insert = 0;
    for (std::size_t d = 0; d < hunk.deleted.size(); ++d) {
      for (std::size_t i = next_insert; i < hunk.inserted.size(); ++i) {
        if (Similarity(OldTokens(hunk.deleted[d]), NewTokens(hunk.inserted[i])) >=
            kPairingThreshold) {
          partner[d] = static_cast<int>(i);
          next_insert = i + 1;
          break;
        }
      }
    }
    std::size_t d = 0;
    std::size_t i = 0;
    while (d < hunk.deleted.size() || i < hunk.inserted.size()) {
      if (d < hunk.deleted.size() && partner[d] == static_cast<int>(i)) {
        EmitChanged(hunk.deleted[d++], hunk.inserted[i++], diff);
      } else if (d < hunk.deleted.size() &&
                 (partner[d] < 0 || i >= hunk.inserted.size())) {
        EmitWhole(ParagraphOp::kDeleted, hunk.deleted[d++], diff);
      } else {
        EmitWhole(ParagraphOp::kInserted, hunk.inserted[i++], diff);
      }
    }
    hunk = Hunk{};
  }

  void EmitChanged(int old_index, int new_index, ArticleDiff& diff) {
    ParagraphChange change{ParagraphOp::kChanged, old_index, new_index, {}};
    change.spans = DiffTokens(OldTokens(old_index), NewTokens(new_index),
                              diff.stats);
    ++diff.stats.paragraphs_changed;
    diff.paragraphs.push_back(std::move(change));
  }

  void EmitWhole(ParagraphOp op, int index, ArticleDiff& diff) {
    const bool inserted = op == ParagraphOp::kInserted;
    const std::vector<Token>& tokens =
        inserted ? NewTokens(index) : OldTokens(index);
    ParagraphChange change{op, inserted ? -1 : index, inserted ? index : -1, {}};
    for (const Token& t : tokens) {
      AppendToken(t, inserted ? SpanOp::kInsert : SpanOp::kDelete, change.spans);
    }
    if (inserted) {
      diff.stats.words_added += CountWordTokens(tokens);
      ++diff.stats.paragraphs_added;
    } else {
      diff.stats.words_removed += CountWordTokens(tokens);
      ++diff.stats.paragraphs_removed;
    }
    diff.paragraphs.push_back(std::move(change));
  }

  const std::vector<Token>& OldTokens(int i) const {
    return old_tokens_[static_cast<std::size_t>(i)];
  }
  const std::vector<Token>& NewTokens(int i) const {
    return new_tokens_[static_cast<std::size_t>(i)];
  }

 public:
  static std::vector<WordSpan> DiffTokens(const std::vector<Token>& a,
                                          const std::vector<Token>& b,
                                          DiffStats& stats) {
    TokenInterner interner;
    std::vector<int> a_ids = interner.Intern(a);
    std::vector<int> b_ids = interner.Intern(b);
    dtl::Diff<int> words(a_ids, b_ids);
    words.compose();
    // Within a run of changes, deletions come before insertions, so a
    // replacement always reads "[-old-]{+new+}" whatever order dtl chose.
    std::vector<WordSpan> spans;
    std::vector<const Token*> deleted;
    std::vector<const Token*> inserted;
    auto flush = [&] {
      for (const Token* t : deleted) AppendToken(*t, SpanOp::kDelete, spans);
      for (const Token* t : inserted) AppendToken(*t, SpanOp::kInsert, spans);
      deleted.clear();
      inserted.clear();
    };
    for (const auto& [id, info] : words.getSes().getSequence()) {
      switch (info.type) {
        case dtl::SES_DELETE: {
          const Token& t = a[static_cast<std::size_t>(info.beforeIdx - 1)];
          if (IsWordToken(t)) ++stats.words_removed;
          deleted.push_back(&t);
          break;
        }
        case dtl::SES_ADD: {
          const Token& t = b[static_cast<std::size_t>(info.afterIdx - 1)];
          if (IsWordToken(t)) ++stats.words_added;
          inserted.push_back(&t);
          break;
        }
        default:
          flush();
          AppendToken(b[static_cast<std::size_t>(info.afterIdx - 1)],
                      SpanOp::kEqual, spans);
          break;
      }
    }
    flush();
    return spans;
  }

 private:
  const Article& old_;
  const Article& new_;
  std::vector<std::vector<Token>> old_tokens_;
  std::vector<std::vector<Token>> new_tokens_;
};

}  // namespace

std::vector<Token> Tokenize(std::string_view text) {
  std::vector<Token> tokens;
  bool space_before = false;
  std::size_t pos = 0;
  while (pos < text.size()) {
    const CodePoint cp = DecodeAt(text, pos);
    const CharClass cls = Classify(cp.value);
    if (cls == CharClass::kSpace) {
      space_before = true;
      pos += cp.length;
      continue;
    }
    std::size_t end = pos + cp.length;
    if (cls == CharClass::kWord) {
      // Extend over word characters, and over a joiner only when a word
      // character follows it.
      while (end < text.size()) {
        const CodePoint next = DecodeAt(text, end);
        const CharClass next_cls = Classify(next.value);
        if (next_cls == CharClass::kWord) {
          end += next.length;
        } else if (next_cls == CharClass::kJoiner &&
                   end + next.length < text.size() &&
                   Classify(DecodeAt(text, end + next.length).value) ==
                       CharClass::kWord) {
          end += next.length;
        } else {
          break;
        }
      }
    }
    tokens.push_back({std::string(text.substr(pos, end - pos)), space_before});
    space_before = false;
    pos = end;
  }
  return tokens;
}

std::vector<WordSpan> DiffWords(std::string_view old_text,
                                std::string_view new_text) {
  DiffStats unused;
  return ParagraphDiffer::DiffTokens(Tokenize(old_text), Tokenize(new_text),
                                     unused);
}

ArticleDiff DiffArticles(const Article& old_article, const Article& new_article) {
  ArticleDiff diff;
  if (old_article.title != new_article.title) {
    diff.title_changed = true;
    diff.title_spans = DiffWords(old_article.title, new_article.title);
  }
  ParagraphDiffer(old_article, new_article).Run(diff);
  ClassifyEdit(diff);
  return diff;
}

}  // namespace revwatch
