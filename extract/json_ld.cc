#include "extract/json_ld.h"

#include <nlohmann/json.hpp>
#include <vector>

namespace revwatch {
namespace {

using Json = nlohmann::json;

std::string StringOf(const Json& value) {
  return value.is_string() ? value.get<std::string>() : std::string();
}

// "author" may be a string, a Person/Organization object or a list of them.
std::string AuthorNames(const Json& author) {
  if (author.is_string()) return author.get<std::string>();
  if (author.is_object()) {
    const auto name = author.find("name");
    return name != author.end() ? StringOf(*name) : std::string();
  }
  std::string names;
  if (!author.is_array()) return names;
  for (const Json& item : author) {
    const std::string name =
        item.is_array() ? std::string() : AuthorNames(item);
    if (name.empty()) continue;
    if (!names.empty()) names += ", ";
    names += name;
  }
  return names;
}

void FillFromObject(const Json& object, JsonLdArticle& into) {
  if (const auto it = object.find("headline");
      it != object.end() && into.headline.empty()) {
    into.headline = StringOf(*it);
  }
  if (const auto it = object.find("author");
      it != object.end() && into.author.empty()) {
    into.author = AuthorNames(*it);
  }
  if (const auto it = object.find("datePublished");
      it != object.end() && into.date_published.empty()) {
    into.date_published = StringOf(*it);
  }
  if (const auto it = object.find("dateModified");
      it != object.end() && into.date_modified.empty()) {
    into.date_modified = StringOf(*it);
  }
  if (const auto it = object.find("articleBody");
      it != object.end() && into.article_body.empty()) {
    into.article_body = StringOf(*it);
  }
}

}  // namespace

void ReadJsonLd(std::string_view json, JsonLdArticle& into) {
  const Json root = Json::parse(json, nullptr, /*allow_exceptions=*/false);
  if (root.is_discarded()) return;
  // Breadth-first, so a top-level NewsArticle wins over nested objects
  // such as its "publisher" or the items of an "@graph".
  std::vector<const Json*> queue{&root};
  for (std::size_t i = 0; i < queue.size(); ++i) {
    const Json& value = *queue[i];
    if (value.is_object()) {
      FillFromObject(value, into);
      for (const auto& [key, child] : value.items()) {
        if (key != "author" && child.is_structured()) queue.push_back(&child);
      }
    } else if (value.is_array()) {
      for (const Json& child : value) {
        if (child.is_structured()) queue.push_back(&child);
      }
    }
  }
}

}  // namespace revwatch
