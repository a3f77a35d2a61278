// Telling systemd how the daemon is doing (Type=notify): READY=1 once the
// database is open, STATUS= lines with counts, WATCHDOG=1 keep-alives and
// STOPPING=1. Uses libsystemd's sd_notify, loaded with dlopen only when
// systemd asked for notifications (NOTIFY_SOCKET is set), so the CLI and a
// daemon outside systemd never load it.
#ifndef REVWATCH_DAEMON_SERVICE_NOTIFY_H_
#define REVWATCH_DAEMON_SERVICE_NOTIFY_H_

#include <string>

namespace revwatch {

class ServiceNotifier {
 public:
  // Reads NOTIFY_SOCKET; does nothing at all when it is unset.
  ServiceNotifier();

  bool enabled() const { return notify_ != nullptr; }

  void Ready() { Send("READY=1"); }
  void Status(const std::string& status) { Send("STATUS=" + status); }
  void Watchdog() { Send("WATCHDOG=1"); }
  void Stopping() { Send("STOPPING=1"); }

 private:
  void Send(const std::string& state);

  using NotifyFunction = int (*)(int unset_environment, const char* state);
  NotifyFunction notify_ = nullptr;
};

}  // namespace revwatch

#endif  // REVWATCH_DAEMON_SERVICE_NOTIFY_H_
