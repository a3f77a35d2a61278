#include "extract/content_root.h"

#include <gumbo.h>

#include <cstddef>
#include <unordered_map>
#include <vector>

#include "extract/page_furniture.h"
#include "extract/text_normalize.h"

namespace revwatch {
namespace {

// Paragraphs shorter than this say little about where the article is.
constexpr double kMinParagraphChars = 20;
constexpr double kContentHintBonus = 1.25;
// A semantic container is trusted if it holds this share of the paragraph
// text of the best-scored one.
constexpr double kSemanticShare = 0.5;

bool HasTag(const GumboNode& node, GumboTag tag) {
  return node.type == GUMBO_NODE_ELEMENT && node.v.element.tag == tag;
}

// Visible characters of a paragraph's text outside links.
double ParagraphWeight(const GumboNode& p) {
  std::size_t link_chars = 0;
  WalkDom(p, [&](const GumboNode& node) {
    if (!HasTag(node, GUMBO_TAG_A)) return WalkAction::kDescend;
    link_chars += CountVisibleChars(NormalizePageText(TextContentOf(node)));
    return WalkAction::kSkipChildren;
  });
  const std::size_t chars =
      CountVisibleChars(NormalizePageText(TextContentOf(p)));
  if (static_cast<double>(chars) < kMinParagraphChars || link_chars >= chars) {
    return 0;
  }
  return static_cast<double>(chars - link_chars);
}

struct Survey {
  std::vector<const GumboNode*> elements;  // document order
  std::unordered_map<const GumboNode*, double> score;
  std::unordered_map<const GumboNode*, double> subtree_text;
  const GumboNode* article_body = nullptr;
  std::vector<const GumboNode*> articles;
  const GumboNode* main = nullptr;
};

void Note(const GumboNode& node, Survey& survey) {
  survey.elements.push_back(&node);
  const std::string_view itemprop = AttributeOf(node, "itemprop");
  if (survey.article_body == nullptr &&
      HasAttributeToken(itemprop, "articleBody")) {
    survey.article_body = &node;
  }
  if (HasTag(node, GUMBO_TAG_ARTICLE)) survey.articles.push_back(&node);
  if (survey.main == nullptr && HasTag(node, GUMBO_TAG_MAIN)) {
    survey.main = &node;
  }
  if (!HasTag(node, GUMBO_TAG_P)) return;
  const double weight = ParagraphWeight(node);
  survey.subtree_text[&node] += weight;
  if (node.parent == nullptr) return;
  survey.score[node.parent] += weight;
  if (node.parent->parent != nullptr) {
    survey.score[node.parent->parent] += weight / 2;
  }
}

Survey SurveyPage(const GumboNode& body, bool use_class_hints) {
  Survey survey;
  WalkDom(body, [&](const GumboNode& node) {
    if (node.type != GUMBO_NODE_ELEMENT) return WalkAction::kSkipChildren;
    if (&node != &body && (IsNonContentTag(node) || IsHiddenElement(node) ||
                           (use_class_hints && HasFurnitureHint(node)))) {
      return WalkAction::kSkipChildren;
    }
    Note(node, survey);
    // A paragraph's text is counted whole; nothing nested in it matters.
    return HasTag(node, GUMBO_TAG_P) ? WalkAction::kSkipChildren
                                     : WalkAction::kDescend;
  });
  // Children come after their parents in document order, so one reverse
  // pass sums every subtree.
  for (auto it = survey.elements.rbegin(); it != survey.elements.rend(); ++it) {
    const GumboNode* node = *it;
    if (node != &body && node->parent != nullptr) {
      survey.subtree_text[node->parent] += survey.subtree_text[node];
    }
  }
  return survey;
}

const GumboNode* BestScored(const Survey& survey) {
  const GumboNode* best = nullptr;
  double best_score = 0;
  for (const GumboNode* node : survey.elements) {
    const auto it = survey.score.find(node);
    if (it == survey.score.end()) continue;
    const double score =
        it->second * (HasContentHint(*node) ? kContentHintBonus : 1.0);
    if (score > best_score) {
      best = node;
      best_score = score;
    }
  }
  return best;
}

double SubtreeText(const Survey& survey, const GumboNode* node) {
  const auto it = survey.subtree_text.find(node);
  return it == survey.subtree_text.end() ? 0 : it->second;
}

// The <article> with the most paragraph text, else <main>, if any.
const GumboNode* BestSemantic(const Survey& survey) {
  const GumboNode* best = nullptr;
  for (const GumboNode* article : survey.articles) {
    if (SubtreeText(survey, article) > SubtreeText(survey, best))
      best = article;
  }
  if (best != nullptr) return best;
  if (survey.main != nullptr && SubtreeText(survey, survey.main) > 0) {
    return survey.main;
  }
  return nullptr;
}

}  // namespace

const GumboNode& FindContentRoot(const GumboNode& body, bool use_class_hints) {
  const Survey survey = SurveyPage(body, use_class_hints);
  // Publishers mark the body explicitly only for the article itself.
  if (survey.article_body != nullptr &&
      SubtreeText(survey, survey.article_body) > 0) {
    return *survey.article_body;
  }
  const GumboNode* scored = BestScored(survey);
  const GumboNode* semantic = BestSemantic(survey);
  if (semantic != nullptr &&
      (scored == nullptr || SubtreeText(survey, semantic) >=
                                kSemanticShare * SubtreeText(survey, scored))) {
    return *semantic;
  }
  if (scored != nullptr) return *scored;
  if (semantic != nullptr) return *semantic;
  return body;
}

}  // namespace revwatch
