#include "storage/sqlite_statement.h"

#include <sqlite3.h>

namespace revwatch {

void SqliteStmtDeleter::operator()(sqlite3_stmt* stmt) const {
  sqlite3_finalize(stmt);
}

tl::unexpected<Error> StorageError(sqlite3* db, std::string_view what) {
  return MakeError(ErrorCode::kStorage,
                   std::string(what) + ": " + sqlite3_errmsg(db));
}

Result<Statement> Statement::Prepare(sqlite3* db, std::string_view sql) {
  sqlite3_stmt* stmt = nullptr;
  if (sqlite3_prepare_v2(db, sql.data(), static_cast<int>(sql.size()), &stmt,
                         nullptr) != SQLITE_OK) {
    return StorageError(db, "prepare");
  }
  return Statement(db, stmt);
}

Statement& Statement::Bind(int index, std::int64_t value) {
  sqlite3_bind_int64(stmt_.get(), index, value);
  return *this;
}

Statement& Statement::Bind(int index, double value) {
  sqlite3_bind_double(stmt_.get(), index, value);
  return *this;
}

Statement& Statement::Bind(int index, std::string_view text) {
  sqlite3_bind_text64(stmt_.get(), index, text.data(), text.size(),
                      SQLITE_TRANSIENT, SQLITE_UTF8);
  return *this;
}

Statement& Statement::BindBlob(int index, std::string_view bytes) {
  sqlite3_bind_blob64(stmt_.get(), index, bytes.data(), bytes.size(),
                      SQLITE_TRANSIENT);
  return *this;
}

Statement& Statement::BindNull(int index) {
  sqlite3_bind_null(stmt_.get(), index);
  return *this;
}

Result<bool> Statement::Step() {
  const int rc = sqlite3_step(stmt_.get());
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  return StorageError(db_, "step");
}

Status Statement::Run() {
  for (;;) {
    Result<bool> row = Step();
    if (!row) return tl::unexpected(row.error());
    if (!*row) return {};
  }
}

Statement& Statement::Reset() {
  sqlite3_reset(stmt_.get());
  return *this;
}

std::int64_t Statement::Int(int column) const {
  return sqlite3_column_int64(stmt_.get(), column);
}

double Statement::Double(int column) const {
  return sqlite3_column_double(stmt_.get(), column);
}

std::string Statement::Text(int column) const {
  const auto* text = sqlite3_column_text(stmt_.get(), column);
  if (text == nullptr) return {};
  return std::string(reinterpret_cast<const char*>(text),
                     static_cast<size_t>(sqlite3_column_bytes(stmt_.get(), column)));
}

std::string Statement::Blob(int column) const {
  const void* blob = sqlite3_column_blob(stmt_.get(), column);
  if (blob == nullptr) return {};
  return std::string(static_cast<const char*>(blob),
                     static_cast<size_t>(sqlite3_column_bytes(stmt_.get(), column)));
}

bool Statement::IsNull(int column) const {
  return sqlite3_column_type(stmt_.get(), column) == SQLITE_NULL;
}

Status Execute(sqlite3* db, std::string_view sql) {
  const std::string owned(sql);
  char* message = nullptr;
  if (sqlite3_exec(db, owned.c_str(), nullptr, nullptr, &message) !=
      SQLITE_OK) {
    std::string text = message != nullptr ? message : sqlite3_errmsg(db);
    sqlite3_free(message);
    return MakeError(ErrorCode::kStorage, text);
  }
  return {};
}

Result<WriteTransaction> WriteTransaction::Begin(sqlite3* db, std::mutex* writers) {
  std::unique_lock<std::mutex> lock;
  if (writers != nullptr) lock = std::unique_lock(*writers);
  if (Status s = Execute(db, "BEGIN IMMEDIATE"); !s) {
    return tl::unexpected(s.error());
  }
  return WriteTransaction(db, std::move(lock));
}

WriteTransaction::WriteTransaction(WriteTransaction&& other) noexcept
    : db_(other.db_), lock_(std::move(other.lock_)) {
  other.db_ = nullptr;
}

WriteTransaction::~WriteTransaction() {
  if (db_ != nullptr) (void)Execute(db_, "ROLLBACK");
}

Status WriteTransaction::Commit() {
  Status s = Execute(db_, "COMMIT");
  if (!s) return s;
  db_ = nullptr;
  if (lock_.owns_lock()) lock_.unlock();
  return s;
}

}  // namespace revwatch
