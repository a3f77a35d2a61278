#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <csignal>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <sstream>

#include <CLI/CLI.hpp>

#include "cli/cli_context.h"
#include "storage/sqlite_store.h"

namespace revwatch {
namespace {

// $XDG_STATE_HOME/revwatch/revwatch.db, XDG_STATE_HOME defaulting to
// ~/.local/state.
Result<std::string> DefaultDbPath() {
  if (const char* state = std::getenv("XDG_STATE_HOME"); state && *state) {
    return std::string(state) + "/revwatch/revwatch.db";
  }
  if (const char* home = std::getenv("HOME"); home && *home) {
    return std::string(home) + "/.local/state/revwatch/revwatch.db";
  }
  return MakeError(ErrorCode::kConfig,
                   "neither XDG_STATE_HOME nor HOME is set; pass --db PATH");
}

// Creates each missing directory of `dir` with mode 0700: the history may
// hold pages a newsroom does not want others on the machine to read.
Status MakePrivateDirs(const std::filesystem::path& dir) {
  if (dir.empty() || std::filesystem::exists(dir)) return {};
  if (Status s = MakePrivateDirs(dir.parent_path()); !s) return s;
  if (::mkdir(dir.c_str(), 0700) != 0 && errno != EEXIST) {
    return MakeError(ErrorCode::kStorage,
                     dir.string() + ": cannot create directory: " +
                         std::strerror(errno));
  }
  return {};
}

}  // namespace

Result<std::unique_ptr<RevisionStore>> CliContext::OpenStore(
    bool read_only) const {
  std::string path = db_path;
  if (path.empty()) {
    auto fallback = DefaultDbPath();
    if (!fallback) return tl::unexpected(fallback.error());
    path = *fallback;
  }
  if (!read_only) {
    if (Status s = MakePrivateDirs(std::filesystem::path(path).parent_path());
        !s) {
      return tl::unexpected(s.error());
    }
  } else if (!std::filesystem::exists(path)) {
    return MakeError(ErrorCode::kNotFound,
                     path + ": no database yet; `revwatch add URL` first");
  }
  SqliteStoreOptions options;
  options.read_only = read_only;
  options.group = writer_group;
  auto store = SqliteStore::Open(path, options);
  if (!store) return tl::unexpected(store.error());
  return std::unique_ptr<RevisionStore>(std::move(*store));
}

int ReportError(const Error& error) {
  std::cerr << "revwatch: " << error.message << "\n";
  switch (error.code) {
    case ErrorCode::kInvalidArgument:
    case ErrorCode::kNotFound:
    case ErrorCode::kConfig:
      return kExitUsage;
    default:
      return kExitFailure;
  }
}

namespace {

// The global output options (set while the command line is parsed).
std::string g_color = "auto";  // --color
bool g_utc = false;            // --utc

bool StdoutIsTerminal() { return ::isatty(STDOUT_FILENO) == 1; }

}  // namespace

int WithPager(const std::function<int()>& command) {
  if (!StdoutIsTerminal()) return command();
  std::string pager = "less -FRX";
  if (const char* chosen = std::getenv("PAGER"); chosen != nullptr) pager = chosen;
  if (pager.empty() || pager == "cat") return command();
  std::ostringstream captured;
  int status = 0;
  {
    struct Restore {  // even if the command throws
      std::streambuf* terminal;
      ~Restore() { std::cout.rdbuf(terminal); }
    } restore{std::cout.rdbuf(captured.rdbuf())};
    status = command();
  }
  const std::string text = captured.str();
  if (text.empty()) return status;
  ::setenv("LESS", "FRX", /*overwrite=*/0);  // as git does: colour and quit-if-one-screen
  // Quitting the pager early must not kill us with SIGPIPE, and Ctrl-C in
  // the pager is the pager's to handle while we wait for it.
  struct sigaction ignore {}, old_pipe {}, old_int {}, old_quit {};
  ignore.sa_handler = SIG_IGN;
  sigaction(SIGPIPE, &ignore, &old_pipe);
  sigaction(SIGINT, &ignore, &old_int);
  sigaction(SIGQUIT, &ignore, &old_quit);
  std::fflush(stdout);
  FILE* pipe = ::popen(pager.c_str(), "w");
  int pager_status = -1;
  if (pipe != nullptr) {
    std::fwrite(text.data(), 1, text.size(), pipe);
    pager_status = ::pclose(pipe);
  }
  sigaction(SIGPIPE, &old_pipe, nullptr);
  sigaction(SIGINT, &old_int, nullptr);
  sigaction(SIGQUIT, &old_quit, nullptr);
  // No pager after all ($PAGER not found: the shell's 127): print it here.
  if (pager_status == -1 || (WIFEXITED(pager_status) && WEXITSTATUS(pager_status) == 127)) {
    std::cout << text << std::flush;
  }
  return status;
}

std::string HumanTime(UnixSeconds t) {
  if (t == 0) return "never";
  if (g_utc || !StdoutIsTerminal()) return FormatIso8601Utc(t);
  const UnixSeconds age = NowUnixSeconds() - t;
  if (age < 0) return FormatIso8601Utc(t);
  if (age < 60) return std::to_string(age) + " s ago";
  if (age < 3600) return std::to_string(age / 60) + " min ago";
  if (age < 2 * 86400) return std::to_string(age / 3600) + " h ago";
  if (age < 60 * 86400) return std::to_string(age / 86400) + " days ago";
  return FormatIso8601Utc(t).substr(0, 10);
}

bool StdoutWantsColor() {
  if (g_color == "always") return true;
  if (g_color == "never") return false;
  if (const char* no_color = std::getenv("NO_COLOR"); no_color && *no_color) {
    return false;
  }
  if (const char* term = std::getenv("TERM"); term && std::strcmp(term, "dumb") == 0) {
    return false;
  }
  return StdoutIsTerminal();
}

namespace {

// The top-level command with its global options, no subcommands yet.
void AddGlobalOptions(CLI::App& app, CliContext& ctx) {
  app.set_version_flag("--version", "revwatch 0.1.0");
  app.require_subcommand(1);
  app.fallthrough();
  app.add_option("--db", ctx.db_path,
                 "SQLite database (default: $XDG_STATE_HOME/revwatch/revwatch.db)")
      ->envname("REVWATCH_DB");
  app.add_option("--config", ctx.config_path,
                 "Configuration file (default: $XDG_CONFIG_HOME/revwatch/config.toml if present)")
      ->envname("REVWATCH_CONFIG");
  app.add_option("--color", g_color, "Colour: auto (on a terminal, unless NO_COLOR), always, never")
      ->check(CLI::IsMember({"auto", "always", "never"}));
  app.add_flag("--utc", g_utc, "Absolute UTC times instead of \"3 h ago\" on a terminal");
}

constexpr const char* kDescription = "revwatch: watch news articles and explain every edit";

// `revwatch compare OLD NEW` with only that subcommand registered: setting
// up all the others costs ~1.1M instructions (a third of a 1,000-word
// comparison). Once `compare` is parsed no other subcommand name is
// recognised (at most one is allowed), so a command line that parses here
// parses the same way with every command. Returns false, having run
// nothing, when parsing fails or asks for help or the version: the full
// command line then prints those exactly as before.
bool RunCompareOnly(int argc, char** argv, int& exit_code) {
  if (argc < 2 || std::strcmp(argv[1], "compare") != 0) return false;
  CLI::App app{kDescription, "revwatch"};
  CliContext ctx;
  AddGlobalOptions(app, ctx);
  RegisterCompareCommand(app, ctx);
  try {
    app.parse(argc, argv);
  } catch (const CLI::Error&) {
    g_color = "auto";  // as if never parsed
    g_utc = false;
    return false;
  }
  exit_code = ctx.exit_code;
  return true;
}

}  // namespace

int RunCli(int argc, char** argv) {
  if (int exit_code = 0; RunCompareOnly(argc, argv, exit_code)) return exit_code;
  CLI::App app{kDescription, "revwatch"};
  CliContext ctx;
  AddGlobalOptions(app, ctx);

  RegisterWatchCommands(app, ctx);
  RegisterCheckCommand(app, ctx);
  RegisterHistoryCommands(app, ctx);
  RegisterExtractCommand(app, ctx);
  RegisterCompareCommand(app, ctx);
  RegisterDemoCommand(app, ctx);
  RegisterDaemonCommand(app, ctx);
  RegisterAlertCommands(app, ctx);
  RegisterExportCommand(app, ctx);
  RegisterFeedCommands(app, ctx);

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::Success& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    std::cerr << "revwatch: " << e.what() << "\n"
              << "Run 'revwatch --help' for usage.\n";
    return kExitUsage;
  }
  return ctx.exit_code;
}

}  // namespace revwatch
