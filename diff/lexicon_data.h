// The lexicon files of diff/lexicon/, compiled in (generated lexicon_data.cc).
#ifndef REVWATCH_DIFF_LEXICON_DATA_H_
#define REVWATCH_DIFF_LEXICON_DATA_H_

#include <span>
#include <string_view>
#include <utility>

namespace revwatch {

extern const std::string_view kLexiconEn;
extern const std::string_view kLexiconUk;
extern const std::string_view kLexiconRu;

// (file name, text) of each built-in lexicon.
inline std::span<const std::pair<std::string_view, std::string_view>>
BuiltInLexiconFiles() {
  static const std::pair<std::string_view, std::string_view> kFiles[] = {
      {"lexicon/en.txt", kLexiconEn},
      {"lexicon/uk.txt", kLexiconUk},
      {"lexicon/ru.txt", kLexiconRu},
  };
  return kFiles;
}

}  // namespace revwatch

#endif  // REVWATCH_DIFF_LEXICON_DATA_H_
