#include "cli/input_file.h"

#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>

namespace revwatch {

// Reads a whole file, or standard input for "-".
Result<std::string> ReadInputFile(const std::string& path) {
  if (path == "-") {
    return std::string(std::istreambuf_iterator<char>(std::cin), {});
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return MakeError(ErrorCode::kStorage, path + ": cannot open file");
  }
  std::ostringstream buffer;
  buffer << in.rdbuf();
  if (in.bad()) return MakeError(ErrorCode::kStorage, path + ": read error");
  return buffer.str();
}

bool LooksLikeHtml(std::string_view text) {
  const std::size_t start = text.find_first_not_of(" \t\r\n\xef\xbb\xbf");
  return start != std::string_view::npos && text[start] == '<';
}

}  // namespace revwatch
