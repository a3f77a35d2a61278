#include "cli/config.h"

#include <sys/stat.h>

#include <cerrno>
#include <charconv>
#include <cstring>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <sstream>

#define TOML_HEADER_ONLY 1
#define TOML_ENABLE_FORMATTERS 0  // parsing only
#include <toml++/toml.h>

#include "cli/input_file.h"
#include "core/ascii.h"

namespace revwatch {
namespace {

// A number followed by a unit from `units` (suffix, multiplier); a bare
// number takes `bare` as its multiplier (0: a unit is required).
template <std::size_t N>
std::optional<std::uint64_t> ParseWithUnit(std::string_view text,
                                           const std::pair<std::string_view, std::uint64_t> (&units)[N],
                                           std::uint64_t bare) {
  std::uint64_t value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end == text.data()) return std::nullopt;
  const std::string_view unit(end, static_cast<std::size_t>(text.data() + text.size() - end));
  if (unit.empty()) {
    if (bare == 0) return std::nullopt;
    return value * bare;
  }
  for (const auto& [suffix, multiplier] : units) {
    if (unit == suffix) {
      if (value > UINT64_MAX / multiplier) return std::nullopt;
      return value * multiplier;
    }
  }
  return std::nullopt;
}

std::string Where(std::string_view source, const toml::source_region& region) {
  return std::string(source) + ":" + std::to_string(region.begin.line);
}

// Reads one table's keys into the config, rejecting any key it does not
// know and any value of the wrong kind, naming the file and line.
class Reader {
 public:
  Reader(std::string_view source, Config& config) : source_(source), config_(config) {}

  Status Read(const toml::table& root) {
    for (const auto& [key, node] : root) {
      const std::string name(key.str());
      const toml::table* table = node.as_table();
      if (table == nullptr) return Bad(node, name, "expected a [" + name + "] table");
      Status s;
      if (name == "daemon") {
        s = ReadDaemon(*table);
      } else if (name == "fetch") {
        s = ReadFetch(*table);
      } else if (name == "classify") {
        s = ReadClassify(*table);
      } else if (name == "hosts") {
        s = ReadHosts(*table);
      } else if (name == "smtp") {
        s = ReadSmtp(*table);
      } else if (name == "alerts") {
        s = ReadAlerts(*table);
      } else {
        return MakeError(ErrorCode::kConfig,
                         Where(source_, key.source()) + ": unknown table [" + name +
                             "] (known: daemon, fetch, classify, hosts, smtp, alerts)");
      }
      if (!s) return s;
    }
    // A host's table names only what differs from [daemon], wherever in
    // the file [daemon] is.
    HostPolicy& hosts = config_.hosts;
    for (const auto& [host, limits] : host_overrides_) {
      hosts.hosts[host] = {limits.max_in_flight.value_or(hosts.defaults.max_in_flight),
                           limits.min_delay.value_or(hosts.defaults.min_delay)};
    }
    return {};
  }

 private:
  Status ReadDaemon(const toml::table& table) {
    for (const auto& [key, node] : table) {
      const std::string name(key.str());
      Status s;
      if (name == "interval") {
        s = Duration(node, "daemon.interval", config_.daemon_interval);
      } else if (name == "max_age") {
        s = Duration(node, "daemon.max_age", config_.schedule.max_age);
      } else if (name == "max_backoff") {
        s = Duration(node, "daemon.max_backoff", config_.schedule.max_backoff);
      } else if (name == "workers") {
        long workers = 0;
        s = Integer(node, "daemon.workers", 1, 64, workers);
        config_.daemon_workers = static_cast<int>(workers);
      } else if (name == "per_host" || name == "host_delay") {
        std::optional<int> per_host;
        std::optional<std::chrono::milliseconds> delay;
        s = HostLimit(key, node, "daemon", per_host, delay);
        if (per_host) config_.hosts.defaults.max_in_flight = *per_host;
        if (delay) config_.hosts.defaults.min_delay = *delay;
      } else {
        return Unknown(key, "daemon", name);
      }
      if (!s) return s;
    }
    return {};
  }

  Status ReadFetch(const toml::table& table) {
    CurlFetcherOptions& fetch = config_.fetch;
    for (const auto& [key, node] : table) {
      const std::string name(key.str());
      Status s;
      UnixSeconds seconds = 0;
      if (name == "connect_timeout") {
        s = Duration(node, "fetch.connect_timeout", seconds);
        fetch.connect_timeout_seconds = seconds;
      } else if (name == "timeout") {
        s = Duration(node, "fetch.timeout", seconds);
        fetch.total_timeout_seconds = seconds;
      } else if (name == "low_speed_time") {
        s = Duration(node, "fetch.low_speed_time", seconds);
        fetch.low_speed_seconds = seconds;
      } else if (name == "max_redirects") {
        s = Integer(node, "fetch.max_redirects", 0, 20, fetch.max_redirects);
      } else if (name == "low_speed_limit") {
        s = Integer(node, "fetch.low_speed_limit", 0, 1 << 30, fetch.low_speed_bytes_per_second);
      } else if (name == "max_body") {
        s = Size(node, "fetch.max_body", fetch.max_body_bytes);
      } else if (name == "user_agent") {
        s = Text(node, "fetch.user_agent", fetch.user_agent);
      } else {
        return Unknown(key, "fetch", name);
      }
      if (!s) return s;
    }
    return {};
  }

  // [hosts."news.example.org"]: per_host and host_delay for that host.
  Status ReadHosts(const toml::table& table) {
    for (const auto& [key, node] : table) {
      const std::string host = AsciiLower(key.str());
      const toml::table* entry = node.as_table();
      if (entry == nullptr || host.empty() || host.find_first_of("/:@ ") != std::string::npos) {
        return Bad(node, "hosts." + std::string(key.str()),
                   "expected a table such as [hosts.\"news.example.org\"]");
      }
      Overrides& limits = host_overrides_[host];
      const std::string where = "hosts.\"" + std::string(key.str()) + "\"";
      for (const auto& [name, value] : *entry) {
        if (name.str() != "per_host" && name.str() != "host_delay") {
          return Unknown(name, where, name.str());
        }
        if (Status s = HostLimit(name, value, where, limits.max_in_flight, limits.min_delay); !s) {
          return s;
        }
      }
    }
    return {};
  }

  // per_host or host_delay (as `key` says) of table `where`.
  Status HostLimit(const toml::key& key, const toml::node& node, std::string_view where,
                   std::optional<int>& per_host, std::optional<std::chrono::milliseconds>& delay) {
    const std::string name = std::string(where) + "." + std::string(key.str());
    if (key.str() == "per_host") {
      long limit = 0;
      if (Status s = Integer(node, name, 1, 64, limit); !s) return s;
      per_host = static_cast<int>(limit);
    } else {
      UnixSeconds seconds = 0;
      if (Status s = Duration(node, name, seconds); !s) return s;
      delay = std::chrono::seconds(seconds);
    }
    return {};
  }

  Status ReadSmtp(const toml::table& table) {
    SmtpSettings& smtp = config_.smtp;
    for (const auto& [key, node] : table) {
      const std::string name(key.str());
      Status s;
      if (name == "url") {
        s = Text(node, "smtp.url", smtp.url);
      } else if (name == "tls") {
        std::string tls;
        s = Text(node, "smtp.tls", tls);
        if (s && tls != "required" && tls != "none") {
          s = Bad(node, "smtp.tls", "expected \"required\" or \"none\"");
        }
        smtp.tls_required = tls != "none";
      } else if (name == "from") {
        s = Text(node, "smtp.from", smtp.from);
      } else if (name == "to") {
        s = TextList(node, "smtp.to", smtp.to);
      } else if (name == "username") {
        s = Text(node, "smtp.username", smtp.username);
      } else if (name == "password_file") {
        std::string file;
        s = Text(node, "smtp.password_file", file);
        if (s) s = CheckPasswordFile(node, file);
        smtp.password_file = file;
      } else if (name == "ca_file") {
        s = Text(node, "smtp.ca_file", smtp.ca_file);
      } else if (name == "timeout") {
        UnixSeconds seconds = 0;
        s = Duration(node, "smtp.timeout", seconds);
        smtp.timeout_seconds = static_cast<long>(seconds);
      } else {
        return Unknown(key, "smtp", name);
      }
      if (!s) return s;
    }
    if (Status s = ValidateSmtpSettings(smtp); !s) {
      return MakeError(ErrorCode::kConfig,
                       Where(source_, table.source()) + ": [smtp]: " + s.error().message);
    }
    return {};
  }

  // The password file must be readable by its owner only (it is read
  // when a message is sent).
  Status CheckPasswordFile(const toml::node& node, const std::string& file) {
    struct stat info {};
    if (::stat(file.c_str(), &info) != 0) {
      return Bad(node, "smtp.password_file", "cannot use " + file + ": " + std::strerror(errno));
    }
    if ((info.st_mode & (S_IRWXG | S_IRWXO)) != 0) {
      return Bad(node, "smtp.password_file",
                 file + " may be read by others; chmod 600 it (or 400) and try again");
    }
    return {};
  }

  Status ReadAlerts(const toml::table& table) {
    for (const auto& [key, node] : table) {
      const std::string name(key.str());
      if (name != "digest") return Unknown(key, "alerts", name);
      if (Status s = Duration(node, "alerts.digest", config_.alert_digest); !s) return s;
    }
    return {};
  }

  Status TextList(const toml::node& node, std::string_view name, std::vector<std::string>& out) {
    const toml::array* items = node.as_array();
    if (items == nullptr) return Bad(node, name, "expected a list of strings");
    out.clear();
    for (const toml::node& item : *items) {
      const auto text = item.value<std::string>();
      if (!text || text->empty()) return Bad(item, name, "expected non-empty strings");
      out.push_back(*text);
    }
    return {};
  }

  Status ReadClassify(const toml::table& table) {
    for (const auto& [key, node] : table) {
      const std::string name(key.str());
      if (name != "lexicons") return Unknown(key, "classify", name);
      const toml::array* files = node.as_array();
      if (files == nullptr) return Bad(node, "classify.lexicons", "expected a list of file names");
      for (const toml::node& file : *files) {
        const auto path = file.value<std::string>();
        if (!path || path->empty()) return Bad(file, "classify.lexicons", "expected file names");
        config_.lexicons.push_back(*path);
      }
    }
    return {};
  }

  Status Duration(const toml::node& node, std::string_view name, UnixSeconds& out) {
    const auto text = node.value<std::string>();
    const auto seconds = text ? ParseDuration(*text) : std::nullopt;
    if (!seconds || *seconds <= 0) {
      return Bad(node, name, "expected a duration such as \"90s\", \"15m\", \"6h\" or \"30d\"");
    }
    out = *seconds;
    return {};
  }

  Status Size(const toml::node& node, std::string_view name, std::size_t& out) {
    std::optional<std::size_t> bytes;
    if (const auto number = node.value<std::int64_t>(); number && *number > 0) {
      bytes = static_cast<std::size_t>(*number);
    } else if (const auto text = node.value<std::string>()) {
      bytes = ParseSize(*text);
    }
    if (!bytes || *bytes == 0) {
      return Bad(node, name, "expected a size such as \"16MiB\", \"512KiB\" or a number of bytes");
    }
    out = *bytes;
    return {};
  }

  Status Integer(const toml::node& node, std::string_view name, long low, long high, long& out) {
    const auto number = node.value<std::int64_t>();
    if (!number || *number < low || *number > high) {
      return Bad(node, name,
                 "expected a whole number from " + std::to_string(low) + " to " + std::to_string(high));
    }
    out = static_cast<long>(*number);
    return {};
  }

  Status Text(const toml::node& node, std::string_view name, std::string& out) {
    const auto text = node.value<std::string>();
    if (!text || text->empty()) return Bad(node, name, "expected a non-empty string");
    out = *text;
    return {};
  }

  Status Unknown(const toml::key& key, std::string_view table, std::string_view name) {
    return MakeError(ErrorCode::kConfig, Where(source_, key.source()) + ": unknown key " +
                                             std::string(name) + " in [" + std::string(table) + "]");
  }

  Status Bad(const toml::node& node, std::string_view name, const std::string& expected) {
    return MakeError(ErrorCode::kConfig,
                     Where(source_, node.source()) + ": " + std::string(name) + ": " + expected);
  }

  struct Overrides {
    std::optional<int> max_in_flight;
    std::optional<std::chrono::milliseconds> min_delay;
  };

  std::string_view source_;
  Config& config_;
  std::map<std::string, Overrides> host_overrides_;
};

std::string DefaultConfigPath() {
  if (const char* xdg = std::getenv("XDG_CONFIG_HOME"); xdg != nullptr && *xdg == '/') {
    return std::string(xdg) + "/revwatch/config.toml";
  }
  if (const char* home = std::getenv("HOME"); home != nullptr && *home != '\0') {
    return std::string(home) + "/.config/revwatch/config.toml";
  }
  return "";
}

}  // namespace

std::optional<UnixSeconds> ParseDuration(std::string_view text) {
  static constexpr std::pair<std::string_view, std::uint64_t> kUnits[] = {
      {"s", 1}, {"m", 60}, {"min", 60}, {"h", 3600}, {"d", 86400}};
  const auto value = ParseWithUnit(text, kUnits, 0);
  if (!value || *value > static_cast<std::uint64_t>(365) * 86400 * 100) return std::nullopt;
  return static_cast<UnixSeconds>(*value);
}

std::optional<std::size_t> ParseSize(std::string_view text) {
  static constexpr std::pair<std::string_view, std::uint64_t> kUnits[] = {
      {"B", 1},          {"KB", 1000},        {"MB", 1000 * 1000},
      {"KiB", 1 << 10},  {"MiB", 1 << 20},    {"GiB", std::uint64_t{1} << 30}};
  const auto value = ParseWithUnit(text, kUnits, 1);
  if (!value) return std::nullopt;
  return static_cast<std::size_t>(*value);
}

Result<Config> ParseConfig(std::string_view text, std::string_view source) {
  Config config;
  config.source = std::string(source);
  toml::table root;
  try {
    root = toml::parse(text, source);
  } catch (const toml::parse_error& error) {
    return MakeError(ErrorCode::kConfig, Where(source, error.source()) + ": " +
                                             std::string(error.description()));
  }
  if (Status s = Reader(source, config).Read(root); !s) return tl::unexpected(s.error());
  return config;
}

Result<Lexicon> LexiconWith(const std::vector<std::string>& files) {
  Lexicon lexicon = Lexicon::BuiltIn();
  for (const std::string& file : files) {
    auto text = ReadInputFile(file);
    if (!text) return tl::unexpected(text.error());
    if (Status s = lexicon.Add(*text, file); !s) return tl::unexpected(s.error());
  }
  return lexicon;
}

Result<Config> LoadConfig(const std::string& path) {
  std::string file = path;
  if (file.empty()) {
    file = DefaultConfigPath();
    std::error_code error;
    if (file.empty() || !std::filesystem::exists(file, error)) return Config{};
  }
  std::ifstream in(file, std::ios::binary);
  if (!in) return MakeError(ErrorCode::kConfig, file + ": cannot read the configuration file");
  std::ostringstream text;
  text << in.rdbuf();
  if (in.bad()) return MakeError(ErrorCode::kConfig, file + ": read error");
  return ParseConfig(text.str(), file);
}

FeedPollOptions FeedPollOptionsFrom(const Config& config) {
  FeedPollOptions options;
  options.limits.max_bytes = config.fetch.max_body_bytes;
  return options;
}

}  // namespace revwatch
