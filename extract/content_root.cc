#include "extract/content_root.h"

#include <gumbo.h>

#include <algorithm>
#include <cstddef>
#include <vector>

#include "extract/block_survey.h"
#include "extract/furniture_filter.h"
#include "extract/page_furniture.h"

namespace revwatch {
namespace {

constexpr double kContentHintBonus = 1.25;
// Candidates an ancestor must hold to take their place, among the top few.
constexpr std::size_t kTopCandidates = 5;
constexpr int kSharedAncestorVotes = 3;
constexpr double kSharedAncestorShare = 0.75;
// A semantic container is trusted if it holds this share of the prose of
// the best-scored element.
constexpr double kSemanticShare = 0.5;
// Siblings scoring this share of the winner's score join it.
constexpr double kSiblingShare = 0.2;
constexpr double kMinSiblingScore = 10;

bool HasTag(const GumboNode& node, GumboTag tag) {
  return node.type == GUMBO_NODE_ELEMENT && node.v.element.tag == tag;
}

double FinalScore(const ElementStats& e) {
  return e.score * (1.0 - e.LinkDensity()) *
         (HasContentHint(*e.node) ? kContentHintBonus : 1.0);
}

std::vector<int> TopCandidates(const PageSurvey& survey) {
  std::vector<int> top;
  for (std::size_t i = 0; i < survey.elements.size(); ++i) {
    if (survey.elements[i].score > 0) top.push_back(static_cast<int>(i));
  }
  const auto better = [&](int a, int b) {
    return FinalScore(survey.elements[static_cast<std::size_t>(a)]) >
           FinalScore(survey.elements[static_cast<std::size_t>(b)]);
  };
  const std::size_t n = std::min(top.size(), kTopCandidates);
  std::partial_sort(top.begin(), top.begin() + static_cast<long>(n), top.end(),
                    better);
  top.resize(n);
  return top;
}

bool IsAncestor(const PageSurvey& survey, int ancestor, int node) {
  for (int i = node; i >= 0;
       i = survey.elements[static_cast<std::size_t>(i)].parent) {
    if (i == ancestor) return true;
  }
  return false;
}

// The index of `node` in `survey`; -1 for nullptr or a skipped node.
int Index(const PageSurvey& survey, const GumboNode* node) {
  const auto it = survey.index.find(node);
  return it == survey.index.end() ? -1 : it->second;
}

const ElementStats& At(const PageSurvey& survey, int i) {
  return survey.elements[static_cast<std::size_t>(i)];
}

// When several strong candidates share an ancestor (an article split into
// sections), that ancestor is the article.
int SharedAncestor(const PageSurvey& survey, const std::vector<int>& top) {
  int best = top.front();
  const double threshold = kSharedAncestorShare * FinalScore(At(survey, best));
  std::vector<int> strong;
  for (std::size_t i = 1; i < top.size(); ++i) {
    if (FinalScore(At(survey, top[i])) >= threshold) strong.push_back(top[i]);
  }
  if (static_cast<int>(strong.size()) < kSharedAncestorVotes) return best;
  for (int a = At(survey, best).parent; a > 0; a = At(survey, a).parent) {
    int votes = 0;
    for (int s : strong) votes += IsAncestor(survey, a, s) ? 1 : 0;
    if (votes >= kSharedAncestorVotes) return a;
  }
  return best;
}

// Moves up while an ancestor scores better than the candidate below it, or
// while the candidate is its parent's only element child.
int ClimbAncestors(const PageSurvey& survey, int best) {
  double last = FinalScore(At(survey, best));
  const double floor = last / 3;
  for (int a = At(survey, best).parent; a > 0; a = At(survey, a).parent) {
    const double score = FinalScore(At(survey, a));
    if (score < floor) break;
    if (score > last) {
      best = a;
      break;
    }
    last = score;
  }
  while (At(survey, best).parent > 0) {
    const GumboNode& parent = *At(survey, At(survey, best).parent).node;
    int elements = 0;
    const GumboVector& children = parent.v.element.children;
    for (unsigned int i = 0; i < children.length; ++i) {
      const auto* child = static_cast<const GumboNode*>(children.data[i]);
      if (child->type == GUMBO_NODE_ELEMENT) ++elements;
    }
    if (elements != 1) break;
    best = At(survey, best).parent;
  }
  return best;
}

// The first element marked itemprop=articleBody that holds prose, or -1.
int ArticleBody(const PageSurvey& survey) {
  for (std::size_t i = 0; i < survey.elements.size(); ++i) {
    const ElementStats& e = survey.elements[i];
    if (e.prose_chars > 0 &&
        HasAttributeToken(AttributeOf(*e.node, "itemprop"), "articleBody")) {
      return static_cast<int>(i);
    }
  }
  return -1;
}

// True if the best candidate lies outside the page's only named article
// body and outside any <article>/<main> (`semantic`, or -1): a sidebar or
// a column of teasers that outweighs a short post. Within the semantic
// container, the named body may be just one part of the article.
bool OutweighedBySidebar(const PageSurvey& survey, int best, int named,
                         int semantic) {
  if (IsAncestor(survey, named, best) || IsAncestor(survey, best, named)) {
    return false;
  }
  return semantic < 0 || !IsAncestor(survey, semantic, best);
}

// The <article> with the most prose, else <main>; -1 if none holds prose.
int BestSemantic(const PageSurvey& survey) {
  int article = -1;
  int main = -1;
  for (std::size_t i = 0; i < survey.elements.size(); ++i) {
    const ElementStats& e = survey.elements[i];
    if (e.prose_chars == 0) continue;
    const int index = static_cast<int>(i);
    if (HasTag(*e.node, GUMBO_TAG_ARTICLE) &&
        (article < 0 || e.prose_chars > At(survey, article).prose_chars)) {
      article = index;
    }
    if (main < 0 && HasTag(*e.node, GUMBO_TAG_MAIN)) main = index;
  }
  return article >= 0 ? article : main;
}

bool JoinsAsSibling(const ElementStats& sibling, const ElementStats& best) {
  const double threshold =
      std::max(kMinSiblingScore, kSiblingShare * FinalScore(best));
  if (FinalScore(sibling) >= threshold) return true;
  if (!HasTag(*sibling.node, GUMBO_TAG_P)) return false;
  const double density = sibling.LinkDensity();
  return (sibling.chars > 80 && density < 0.25) ||
         (sibling.prose_chars > 0 && density == 0);
}

// `best` and the siblings that belong with it, in document order.
std::vector<const GumboNode*> WithSiblings(const PageSurvey& survey, int best) {
  const ElementStats& winner = At(survey, best);
  if (winner.parent < 0) return {winner.node};
  std::vector<const GumboNode*> nodes;
  const GumboVector& children = winner.node->parent->v.element.children;
  for (unsigned int i = 0; i < children.length; ++i) {
    const auto* child = static_cast<const GumboNode*>(children.data[i]);
    const ElementStats* stats = survey.Find(child);
    if (stats == nullptr) continue;
    if (stats == &winner || JoinsAsSibling(*stats, winner)) {
      nodes.push_back(child);
    }
  }
  return nodes;
}

}  // namespace

std::vector<const GumboNode*> FindContentRoots(const GumboNode& body,
                                               const FurnitureFilter& filter,
                                               const GumboNode* declared) {
  const PageSurvey survey = SurveyBlocks(
      body, [&filter](const GumboNode& node) { return filter.Skips(node); });
  // Publishers mark the body explicitly only for the article itself.
  if (const int body_index = ArticleBody(survey); body_index >= 0) {
    return {At(survey, body_index).node};
  }
  if (declared != nullptr) return {declared};
  const std::vector<int> top = TopCandidates(survey);
  const int semantic = BestSemantic(survey);
  if (top.empty()) {
    return {semantic >= 0 ? At(survey, semantic).node : &body};
  }
  int best = ClimbAncestors(survey, SharedAncestor(survey, top));
  const int named = Index(survey, filter.named_body());
  if (named >= 0 && OutweighedBySidebar(survey, best, named, semantic)) {
    return {At(survey, named).node};
  }
  if (named >= 0 && IsAncestor(survey, named, best)) best = named;
  if (semantic >= 0 &&
      static_cast<double>(At(survey, semantic).prose_chars) >=
          kSemanticShare * static_cast<double>(At(survey, best).prose_chars)) {
    return {At(survey, semantic).node};
  }
  return WithSiblings(survey, best);
}

}  // namespace revwatch
