// Reading the files that `extract` and `compare` take.
#ifndef REVWATCH_CLI_INPUT_FILE_H_
#define REVWATCH_CLI_INPUT_FILE_H_

#include <string>
#include <string_view>

#include "core/error.h"

namespace revwatch {

// The whole file at `path` as bytes, or standard input for "-". Errors name
// the path.
[[nodiscard]] Result<std::string> ReadInputFile(const std::string& path);

// Whether `text` starts (after whitespace or a UTF-8 BOM) with '<'.
bool LooksLikeHtml(std::string_view text);

}  // namespace revwatch

#endif  // REVWATCH_CLI_INPUT_FILE_H_
