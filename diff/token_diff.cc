#include "diff/token_diff.h"


namespace revwatch {
namespace {

std::vector<ChangeRun> GroupRuns(const std::vector<Edit>& edits) {
  std::vector<ChangeRun> runs;
  int old_pos = 0;
  int new_pos = 0;
  bool open = false;
  for (const Edit& edit : edits) {
    if (edit.kind == EditKind::kEqual) {
      open = false;
      old_pos = edit.a + 1;
      new_pos = edit.b + 1;
      continue;
    }
    if (!open) {
      runs.push_back({old_pos, old_pos, new_pos, new_pos});
      open = true;
    }
    if (edit.kind == EditKind::kDelete) {
      runs.back().old_end = old_pos = edit.a + 1;
    } else {
      runs.back().new_end = new_pos = edit.b + 1;
    }
  }
  return runs;
}

}  // namespace

TokenDiff DiffTokens(const TokenizedText& old_text, const TokenizedText& new_text) {
  // Reused from call to call: a long comparison diffs thousands of pairs.
  thread_local std::vector<int> a;
  thread_local std::vector<int> b;
  auto keys = [](const std::vector<Token>& tokens, std::vector<int>& out) {
    out.resize(tokens.size());  // (by index: no capacity check per token)
    for (std::size_t i = 0; i < tokens.size(); ++i) out[i] = tokens[i].key;
  };
  keys(old_text.tokens, a);
  keys(new_text.tokens, b);
  TokenDiff diff{&old_text, &new_text, DiffSequences(a, b), {}};
  diff.runs = GroupRuns(diff.edits);
  return diff;
}

TokenDiff WholeText(const TokenizedText& text, bool inserted) {
  TokenDiff diff;
  const int n = static_cast<int>(text.tokens.size());
  diff.edits.reserve(text.tokens.size());
  for (int i = 0; i < n; ++i) {
    diff.edits.push_back(inserted ? Edit{EditKind::kInsert, -1, i}
                                  : Edit{EditKind::kDelete, i, -1});
  }
  if (inserted) {
    diff.new_text = &text;
    diff.runs.push_back({0, 0, 0, n});
  } else {
    diff.old_text = &text;
    diff.runs.push_back({0, n, 0, 0});
  }
  return diff;
}

}  // namespace revwatch
