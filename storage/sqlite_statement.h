// Thin RAII helpers over the SQLite C API, private to storage/.
#ifndef REVWATCH_STORAGE_SQLITE_STATEMENT_H_
#define REVWATCH_STORAGE_SQLITE_STATEMENT_H_

#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "core/error.h"

struct sqlite3;
struct sqlite3_stmt;

namespace revwatch {

struct SqliteStmtDeleter {
  void operator()(sqlite3_stmt* stmt) const;
};

// A prepared statement. Bind() indices start at 1, column indices at 0.
// Errors carry the database's message prefixed with `context`.
class Statement {
 public:
  [[nodiscard]] static Result<Statement> Prepare(sqlite3* db,
                                                 std::string_view sql);

  Statement& Bind(int index, std::int64_t value);
  Statement& Bind(int index, double value);
  Statement& Bind(int index, std::string_view text);
  Statement& BindBlob(int index, std::string_view bytes);
  Statement& BindNull(int index);

  // Advances; true when a row is available, false when done.
  [[nodiscard]] Result<bool> Step();
  // Runs to completion, for statements that return no rows.
  [[nodiscard]] Status Run();
  // Makes the statement ready to run again (bindings are kept).
  Statement& Reset();

  std::int64_t Int(int column) const;
  double Double(int column) const;
  std::string Text(int column) const;
  std::string Blob(int column) const;
  bool IsNull(int column) const;

 private:
  Statement(sqlite3* db, sqlite3_stmt* stmt) : db_(db), stmt_(stmt) {}

  sqlite3* db_;
  std::unique_ptr<sqlite3_stmt, SqliteStmtDeleter> stmt_;
};

// Steps `stmt` to its end and returns `read(stmt)` for each row.
template <typename Read>
auto ReadRows(Statement& stmt, Read read)
    -> Result<std::vector<std::invoke_result_t<Read, const Statement&>>> {
  std::vector<std::invoke_result_t<Read, const Statement&>> rows;
  for (;;) {
    auto row = stmt.Step();
    if (!row) return tl::unexpected(row.error());
    if (!*row) return rows;
    rows.push_back(read(stmt));
  }
}

// Runs `sql` (may hold several statements). Fails with kStorage.
[[nodiscard]] Status Execute(sqlite3* db, std::string_view sql);

// BEGIN IMMEDIATE on construction; rolls back on destruction unless
// Commit() succeeded. Taking the write lock up front means a busy database
// surfaces at Begin (retried by the busy timeout), never mid-transaction.
// With `writers`, that mutex is held from before BEGIN to the end, so the
// connections of one process that share it queue on it rather than on the
// busy timeout (which sleeps in steps of up to 100 ms).
class WriteTransaction {
 public:
  [[nodiscard]] static Result<WriteTransaction> Begin(sqlite3* db, std::mutex* writers = nullptr);
  WriteTransaction(WriteTransaction&& other) noexcept;
  WriteTransaction& operator=(WriteTransaction&&) = delete;
  ~WriteTransaction();

  [[nodiscard]] Status Commit();

 private:
  WriteTransaction(sqlite3* db, std::unique_lock<std::mutex> lock)
      : db_(db), lock_(std::move(lock)) {}
  sqlite3* db_;  // null once committed or moved from
  std::unique_lock<std::mutex> lock_;  // released after COMMIT or ROLLBACK
};

// Error with ErrorCode::kStorage and sqlite3_errmsg(db).
tl::unexpected<Error> StorageError(sqlite3* db, std::string_view what);

}  // namespace revwatch

#endif  // REVWATCH_STORAGE_SQLITE_STATEMENT_H_
