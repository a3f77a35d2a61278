// Reads test fixtures for the extract tests.
#ifndef REVWATCH_TESTS_EXTRACT_TEST_FILES_H_
#define REVWATCH_TESTS_EXTRACT_TEST_FILES_H_

#include <fstream>
#include <iterator>
#include <string>

namespace revwatch {

// The bytes of `path`, or "" if it cannot be read (the test then fails on
// the extraction, naming the page).
inline std::string ReadFileBytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in),
                     std::istreambuf_iterator<char>());
}

inline std::string ReadTestData(const std::string& name) {
  return ReadFileBytes(std::string(REVWATCH_TESTDATA_DIR) + "/extract/" + name);
}

}  // namespace revwatch

#endif  // REVWATCH_TESTS_EXTRACT_TEST_FILES_H_
