// The configuration file (TOML): fetch limits, the daemon's schedule and
// extra word lists. `revwatch --config FILE` (or REVWATCH_CONFIG) names it;
// otherwise $XDG_CONFIG_HOME/revwatch/config.toml is read if it exists (the
// service passes /etc/revwatch/revwatch.toml). Unknown keys and bad values
// are errors naming the file and line.
//
//   [daemon]
//   interval = "15m"          # every watch this often instead of by age
//   max_age = "30d"           # watches expire after this unless pinned
//   max_backoff = "1d"        # longest wait after repeated failures
//   workers = 4               # checks at once
//   per_host = 2              # checks of one host at once
//   host_delay = "1s"         # between two fetches from one host
//   [hosts."example.org"]     # this host and its subdomains; keys not
//   per_host = 1              # given here are those of [daemon]
//   host_delay = "10s"
//   [fetch]
//   connect_timeout = "10s"
//   timeout = "60s"
//   max_redirects = 5
//   max_body = "16MiB"        # decoded bytes
//   low_speed_limit = 100     # bytes per second ...
//   low_speed_time = "20s"    # ... for this long, then the fetch is dropped
//   user_agent = "revwatch/0.1 (+article revision monitor)"
//   [classify]
//   lexicons = ["/etc/revwatch/words.txt"]   # added to the built-in lists
//   [smtp]                    # alerts by e-mail (none without this table)
//   url = "smtp://mail.example.org:587"     # or smtps://...:465
//   tls = "required"          # required | none (none: a loopback server only)
//   from = "revwatch@example.org"
//   to = ["desk@example.org"]
//   username = "revwatch"
//   password_file = "/etc/revwatch/smtp-password"   # not group/world-readable
//   ca_file = "/etc/revwatch/ca.pem"   # certificates to trust (default: system)
//   timeout = "60s"
//   [alerts]
//   digest = "30m"            # one message per interval instead of one per edit
#ifndef REVWATCH_CLI_CONFIG_H_
#define REVWATCH_CLI_CONFIG_H_

#include <string>
#include <string_view>
#include <vector>

#include "alert/smtp_sender.h"
#include "core/error.h"
#include "daemon/host_gate.h"
#include "daemon/schedule_policy.h"
#include "diff/lexicon.h"
#include "daemon/feed_poller.h"
#include "fetch/curl_fetcher.h"

namespace revwatch {

struct Config {
  std::string source;                // the file read, "" for built-in defaults
  CurlFetcherOptions fetch;
  UnixSeconds daemon_interval = 0;   // 0: by the article's age
  int daemon_workers = 4;            // checks at once
  HostPolicy hosts;                  // per-host limits ([daemon], [hosts."name"])
  SchedulePolicy schedule;
  std::vector<std::string> lexicons;  // files of word lists (diff/lexicon.h format)
  SmtpSettings smtp;                  // !smtp.configured(): no e-mail
  UnixSeconds alert_digest = 0;       // 0: one message per alert
};

// Parses TOML text; `source` names it in error messages.
[[nodiscard]] Result<Config> ParseConfig(std::string_view text, std::string_view source);

// `path` if given (it must exist), else the user's default file if present,
// else the defaults.
[[nodiscard]] Result<Config> LoadConfig(const std::string& path);

// How feeds are read: no larger than a fetched page may be.
FeedPollOptions FeedPollOptionsFrom(const Config& config);

// The built-in word lists plus those of `files` (in order).
[[nodiscard]] Result<Lexicon> LexiconWith(const std::vector<std::string>& files);

// "90s", "15m", "6h", "30d" as seconds; "16MiB", "512KiB", "1MB", "4096" as
// bytes. std::nullopt for anything else.
std::optional<UnixSeconds> ParseDuration(std::string_view text);
std::optional<std::size_t> ParseSize(std::string_view text);

}  // namespace revwatch

#endif  // REVWATCH_CLI_CONFIG_H_
