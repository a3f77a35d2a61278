#include "diff/word_diff.h"

#include "diff/edit_classifier.h"
#include "diff/paragraph_align.h"
#include "diff/token_diff.h"

namespace revwatch {
namespace {

void AppendToken(const Token& token, SpanOp op, std::vector<WordSpan>& spans) {
  if (spans.empty() || spans.back().op != op) {
    spans.push_back({op, token.text, token.space_before});
    return;
  }
  if (token.space_before) spans.back().text += ' ';
  spans.back().text += token.text;
}

bool IsWordish(const Token& t) {
  return t.kind == TokenKind::kWord || t.kind == TokenKind::kNumber;
}

// The paragraph with its changes marked; unchanged words as the new version
// writes them.
std::vector<WordSpan> Spans(const TokenDiff& diff, DiffStats& stats) {
  std::vector<WordSpan> spans;
  for (const Edit& edit : diff.edits) {
    switch (edit.kind) {
      case EditKind::kEqual:
        AppendToken(diff.new_text->tokens[static_cast<std::size_t>(edit.b)],
                    SpanOp::kEqual, spans);
        break;
      case EditKind::kDelete: {
        const Token& t = diff.old_text->tokens[static_cast<std::size_t>(edit.a)];
        stats.words_removed += IsWordish(t);
        AppendToken(t, SpanOp::kDelete, spans);
        break;
      }
      case EditKind::kInsert: {
        const Token& t = diff.new_text->tokens[static_cast<std::size_t>(edit.b)];
        stats.words_added += IsWordish(t);
        AppendToken(t, SpanOp::kInsert, spans);
        break;
      }
    }
  }
  return spans;
}

// Same tokens by key but written differently (quote style, NFD, nbsp): shown
// token by token as written, tagged cosmetic.
std::vector<WordSpan> PresentationSpans(const TokenizedText& old_text,
                                        const TokenizedText& new_text) {
  std::vector<WordSpan> spans;
  for (std::size_t i = 0; i < new_text.tokens.size(); ++i) {
    const Token& before = old_text.tokens[i];
    const Token& after = new_text.tokens[i];
    if (before.text == after.text) {
      AppendToken(after, SpanOp::kEqual, spans);
    } else {
      AppendToken(before, SpanOp::kDelete, spans);
      AppendToken(after, SpanOp::kInsert, spans);
    }
  }
  return spans;
}

bool WrittenDifferently(const TokenizedText& a, const TokenizedText& b) {
  for (std::size_t i = 0; i < a.tokens.size(); ++i) {
    if (a.tokens[i].text != b.tokens[i].text) return true;
  }
  return false;
}

ParagraphOp ToParagraphOp(AlignOp op) {
  switch (op) {
    case AlignOp::kInserted:
      return ParagraphOp::kInserted;
    case AlignOp::kDeleted:
      return ParagraphOp::kDeleted;
    case AlignOp::kMoved:
      return ParagraphOp::kMoved;
    default:
      return ParagraphOp::kChanged;
  }
}

class ArticleDiffer {
 public:
  ArticleDiffer(const Article& old_article, const Article& new_article,
                const Lexicon& lexicon)
      : lexicon_(lexicon) {
    for (const auto& p : old_article.paragraphs) old_.push_back(TokenizeText(p));
    for (const auto& p : new_article.paragraphs) new_.push_back(TokenizeText(p));
    old_title_ = TokenizeText(old_article.title);
    new_title_ = TokenizeText(new_article.title);
  }

  ArticleDiff Run() {
    ArticleDiff diff;
    DiffTitle(diff);
    for (const AlignedParagraph& aligned : AlignParagraphs(old_, new_)) {
      AddParagraph(aligned, diff);
    }
    SummarizeEdit(diff);
    return diff;
  }

 private:
  void DiffTitle(ArticleDiff& diff) {
    const TokenDiff tokens = DiffTokens(old_title_, new_title_);
    DiffStats ignored;
    if (!tokens.runs.empty()) {
      diff.title_changed = true;
      diff.title_spans = Spans(tokens, ignored);
      diff.title_tags = ClassifyHeadlineChange(tokens, lexicon_);
    } else if (WrittenDifferently(old_title_, new_title_)) {
      diff.title_changed = true;
      diff.title_spans = PresentationSpans(old_title_, new_title_);
      diff.title_tags = {"cosmetic"};
    }
  }

  void AddParagraph(const AlignedParagraph& aligned, ArticleDiff& diff) {
    const TokenizedText* before =
        aligned.old_index >= 0 ? &old_[static_cast<std::size_t>(aligned.old_index)] : nullptr;
    const TokenizedText* after =
        aligned.new_index >= 0 ? &new_[static_cast<std::size_t>(aligned.new_index)] : nullptr;
    ParagraphChange change{ToParagraphOp(aligned.op), aligned.old_index, aligned.new_index,
                           {}, {}};
    if (aligned.op == AlignOp::kSame) {
      if (!WrittenDifferently(*before, *after)) return;
      change.spans = PresentationSpans(*before, *after);
      change.tags = {"cosmetic"};
      ++diff.stats.paragraphs_changed;
      diff.paragraphs.push_back(std::move(change));
      return;
    }
    TokenDiff tokens;
    switch (aligned.op) {
      case AlignOp::kInserted:
        tokens = WholeText(*after, /*inserted=*/true);
        ++diff.stats.paragraphs_added;
        break;
      case AlignOp::kDeleted:
        tokens = WholeText(*before, /*inserted=*/false);
        ++diff.stats.paragraphs_removed;
        break;
      case AlignOp::kMoved:
        tokens = DiffTokens(*before, *after);
        ++diff.stats.paragraphs_moved;
        break;
      default:
        tokens = DiffTokens(*before, *after);
        ++diff.stats.paragraphs_changed;
        break;
    }
    change.spans = Spans(tokens, diff.stats);
    change.tags = ClassifyParagraphChange(change.op, tokens, lexicon_);
    diff.paragraphs.push_back(std::move(change));
  }

  const Lexicon& lexicon_;
  std::vector<TokenizedText> old_;
  std::vector<TokenizedText> new_;
  TokenizedText old_title_;
  TokenizedText new_title_;
};

}  // namespace

std::vector<WordSpan> DiffWords(std::string_view old_text, std::string_view new_text) {
  const TokenizedText a = TokenizeText(old_text);
  const TokenizedText b = TokenizeText(new_text);
  DiffStats ignored;
  return Spans(DiffTokens(a, b), ignored);
}

ArticleDiff DiffArticles(const Article& old_article, const Article& new_article,
                         const Lexicon& lexicon) {
  ArticleDiff diff = ArticleDiffer(old_article, new_article, lexicon).Run();
  if (old_article.title != new_article.title ||
      old_article.paragraphs != new_article.paragraphs) {
    MarkInvisibleChange(diff);
  }
  return diff;
}

}  // namespace revwatch
