#include "cli/input_file.h"

#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>

namespace revwatch {

// Reads a whole file, or standard input for "-".
Result<std::string> ReadInputFile(const std::string& path) {
  if (path == "-") {
    return std::string(std::istreambuf_iterator<char>(std::cin), {});
  }
  std::error_code error;
  if (std::filesystem::is_directory(path, error)) {
    return MakeError(ErrorCode::kStorage, path + ": is a directory, not a file");
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return MakeError(ErrorCode::kStorage, path + ": cannot open file");
  }
  // Straight into a string sized from the file (a stringstream copy costs
  // as much as comparing a long article); anything else (a pipe, a device,
  // whose size means nothing) is read to its end.
  std::string content;
  const bool regular = std::filesystem::is_regular_file(path, error);
  std::streamoff size = -1;
  if (regular) {
    in.seekg(0, std::ios::end);
    size = in.tellg();
    in.clear();
    in.seekg(0, std::ios::beg);
  }
  if (size > 0) {
    content.resize(static_cast<std::size_t>(size));
    in.read(content.data(), size);
    content.resize(static_cast<std::size_t>(in.gcount()));
  }
  try {
    if (!in.bad() && !in.eof()) content.append(std::istreambuf_iterator<char>(in), {});
  } catch (const std::ios_base::failure& failure) {
    // libstdc++ throws from istreambuf_iterator when read(2) fails.
    return MakeError(ErrorCode::kStorage, path + ": read error: " + failure.what());
  }
  if (in.bad()) return MakeError(ErrorCode::kStorage, path + ": read error");
  return content;
}

bool LooksLikeHtml(std::string_view text) {
  const std::size_t start = text.find_first_not_of(" \t\r\n\xef\xbb\xbf");
  return start != std::string_view::npos && text[start] == '<';
}

}  // namespace revwatch
