// The word lists of diff/lexicon/, frozen at build time: lexicon_snapshot
// (diff/lexicon_snapshot.cc) loads them and writes the generated
// lexicon_data.cc, so that loading the built-in lexicon reads no text.
#ifndef REVWATCH_DIFF_LEXICON_DATA_H_
#define REVWATCH_DIFF_LEXICON_DATA_H_

#include "diff/lexicon.h"

namespace revwatch {

extern const LexiconSnapshot kBuiltInLexicon;

}  // namespace revwatch

#endif  // REVWATCH_DIFF_LEXICON_DATA_H_
