// Lexicon::BuiltIn, apart from lexicon.cc so that lexicon_snapshot, which
// generates the data it reads, can be built from lexicon.cc alone.
#include "diff/lexicon.h"
#include "diff/lexicon_data.h"

namespace revwatch {

const Lexicon& Lexicon::BuiltIn() {
  // Never destroyed, so it can be used until the process exits.
  static const Lexicon* lexicon = new Lexicon(kBuiltInLexicon);
  return *lexicon;
}

}  // namespace revwatch
