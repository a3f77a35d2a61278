#include "daemon/log.h"

#include <cstdlib>
#include <iostream>

namespace revwatch {

Log Log::ForStderr() {
  const char* stream = std::getenv("JOURNAL_STREAM");
  return Log(std::cerr, stream != nullptr && *stream != '\0');
}

void Log::Write(int priority, std::string_view line) {
  if (journald_) out_ << '<' << priority << '>';
  out_ << line << std::endl;  // a line at a time, so none is lost on a crash
}

}  // namespace revwatch
