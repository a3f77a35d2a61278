// State shared by the subcommands of one `revwatch` invocation.
#ifndef REVWATCH_CLI_CLI_CONTEXT_H_
#define REVWATCH_CLI_CLI_CONTEXT_H_

#include <functional>
#include <memory>
#include <string>

#include "core/error.h"
#include "core/timestamp.h"
#include "storage/revision_store.h"
#include "storage/writer_group.h"

namespace CLI {
class App;
}

namespace revwatch {

// Exit codes of every command.
constexpr int kExitOk = 0;
constexpr int kExitFailure = 1;  // a runtime failure (network, storage, page)
constexpr int kExitUsage = 2;    // bad arguments or input the user must fix

struct CliContext {
  std::string db_path;  // from --db or REVWATCH_DB; "" means the default
  // From --config or REVWATCH_CONFIG; "" means the user's default file if
  // present (see cli/config.h).
  std::string config_path;
  int exit_code = kExitOk;
  // Every store opened through this context is in this group
  // (storage/writer_group.h): check workers queue their writes in-process
  // and sync their new revisions together.
  std::shared_ptr<WriterGroup> writer_group = std::make_shared<WriterGroup>();

  // Opens the database (creating it and its directory when `read_only` is
  // false). Errors are printed by the caller.
  [[nodiscard]] Result<std::unique_ptr<RevisionStore>> OpenStore(
      bool read_only = false) const;
};

// Prints "revwatch: <message>" to stderr and returns the exit code that fits
// the error: kExitUsage for kInvalidArgument/kNotFound/kConfig, else 1.
int ReportError(const Error& error);

// Whether to colour stdout: --color=always|never, else (auto) when it is
// a terminal that wants colour (NO_COLOR unset, TERM not dumb).
bool StdoutWantsColor();

// Runs `command`; when stdout is a terminal its output goes through the
// pager ($PAGER, default "less -FRX", which quits at once for one screen),
// otherwise straight out. Returns the command's exit code.
int WithPager(const std::function<int()>& command);

// A time for people: "3 h ago" on a terminal unless --utc was given,
// else ISO 8601 in UTC ("2026-01-27T13:36:00Z"); "never" for 0.
std::string HumanTime(UnixSeconds t);

// Each registers its subcommands on `app`; their callbacks set ctx.exit_code.
void RegisterWatchCommands(CLI::App& app, CliContext& ctx);
void RegisterCheckCommand(CLI::App& app, CliContext& ctx);
void RegisterHistoryCommands(CLI::App& app, CliContext& ctx);
void RegisterExtractCommand(CLI::App& app, CliContext& ctx);
void RegisterCompareCommand(CLI::App& app, CliContext& ctx);
void RegisterDemoCommand(CLI::App& app, CliContext& ctx);
void RegisterDaemonCommand(CLI::App& app, CliContext& ctx);
void RegisterAlertCommands(CLI::App& app, CliContext& ctx);
void RegisterExportCommand(CLI::App& app, CliContext& ctx);
void RegisterFeedCommands(CLI::App& app, CliContext& ctx);

// Parses `argv` and runs the chosen command; returns the exit code.
int RunCli(int argc, char** argv);

}  // namespace revwatch

#endif  // REVWATCH_CLI_CLI_CONTEXT_H_
