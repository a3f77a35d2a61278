// The SQLite schema as numbered migrations.
#ifndef REVWATCH_STORAGE_SCHEMA_H_
#define REVWATCH_STORAGE_SCHEMA_H_

#include <span>
#include <string_view>

namespace revwatch {

// Migration i (0-based) upgrades a database from user_version i to i + 1.
// Append new migrations; never edit a released one.
std::span<const std::string_view> SchemaMigrations();

}  // namespace revwatch

#endif  // REVWATCH_STORAGE_SCHEMA_H_
