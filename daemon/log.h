// The daemon's log lines. Under systemd (JOURNAL_STREAM set, stderr going
// to the journal) each line starts with its syslog priority, "<6>" for
// info, which journald reads as the line's priority; elsewhere lines are
// plain. One summary line per cycle is info, per-URL detail debug, failures
// to store anything errors.
#ifndef REVWATCH_DAEMON_LOG_H_
#define REVWATCH_DAEMON_LOG_H_

#include <ostream>
#include <string_view>

namespace revwatch {

class Log {
 public:
  // `journald`: prefix priorities (see ForStderr).
  Log(std::ostream& out, bool journald) : out_(out), journald_(journald) {}

  // Logging to stderr, with priorities when systemd connected stderr to the
  // journal (JOURNAL_STREAM is set).
  static Log ForStderr();

  void Error(std::string_view line) { Write(3, line); }
  void Warning(std::string_view line) { Write(4, line); }
  void Info(std::string_view line) { Write(6, line); }
  void Debug(std::string_view line) { Write(7, line); }
  // `priority` is syslog's: 3 error, 4 warning, 6 info, 7 debug.
  void Write(int priority, std::string_view line);

 private:
  std::ostream& out_;
  bool journald_;
};

}  // namespace revwatch

#endif  // REVWATCH_DAEMON_LOG_H_
