// How lists are stored in one column, and how ids are told from URLs.
// Internal to storage/.
#ifndef REVWATCH_STORAGE_STORED_LISTS_H_
#define REVWATCH_STORAGE_STORED_LISTS_H_

#include <algorithm>
#include <cctype>
#include <string>
#include <string_view>
#include <vector>

#include "storage/sqlite_statement.h"

namespace revwatch {

// Tags are stored comma-separated; paragraphs one per line (they never
// contain a newline, so that is lossless).
inline std::string Join(const std::vector<std::string>& parts, char separator) {
  std::string out;
  for (const std::string& part : parts) {
    if (!out.empty()) out += separator;
    out += part;
  }
  return out;
}

inline std::vector<std::string> Split(const std::string& joined, char separator,
                                               bool keep_empty) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  while (start < joined.size()) {
    std::size_t end = joined.find(separator, start);
    if (end == std::string::npos) end = joined.size();
    if (keep_empty || end > start) parts.push_back(joined.substr(start, end - start));
    start = end + 1;
  }
  return parts;
}

inline bool IsDecimal(std::string_view s) {
  return !s.empty() && s.size() < 19 &&
         std::all_of(s.begin(), s.end(),
                     [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
}

// `select` (ending before its WHERE) narrowed to the row whose `id_column`
// is `url_or_id` when that is a decimal id, else whose `url_column` is it.
inline Result<Statement> SelectByIdOrUrl(sqlite3* db, std::string_view select,
                                         std::string_view id_column,
                                         std::string_view url_column,
                                         std::string_view url_or_id) {
  const bool by_id = IsDecimal(url_or_id);
  auto stmt = Statement::Prepare(db, std::string(select) + "WHERE " +
                                         std::string(by_id ? id_column : url_column) + " = ?");
  if (!stmt) return stmt;
  if (by_id) {
    stmt->Bind(1, static_cast<std::int64_t>(std::stoll(std::string(url_or_id))));
  } else {
    stmt->Bind(1, url_or_id);
  }
  return stmt;
}

}  // namespace revwatch

#endif  // REVWATCH_STORAGE_STORED_LISTS_H_
