// Politeness per host: at most so many fetches to one host at a time, and
// a minimum delay between the starts of two fetches to it, configurable per
// host. Loopback hosts (127.0.0.0/8, ::1, localhost) get no limit by
// default, so local tests and benchmarks are not throttled. Thread-safe.
#ifndef REVWATCH_DAEMON_HOST_GATE_H_
#define REVWATCH_DAEMON_HOST_GATE_H_

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <string_view>
#include <utility>

#include "core/url_host.h"

namespace revwatch {

struct HostLimits {
  int max_in_flight = 2;
  std::chrono::milliseconds min_delay{1000};
};

// Which limits apply to a host: the entry for the host itself or, failing
// that, for the nearest parent domain ("example.org" covers
// "www.example.org"); else the loopback limits for a loopback host; else the
// defaults.
struct HostPolicy {
  HostLimits defaults;
  HostLimits loopback{1 << 20, {}};
  std::map<std::string, HostLimits, std::less<>> hosts;  // lower-case names

  const HostLimits& For(std::string_view host) const;
};


class HostGate {
 public:
  using Clock = std::chrono::steady_clock;

  explicit HostGate(HostPolicy policy) : policy_(std::move(policy)) {}
  explicit HostGate(HostLimits limits) { policy_.defaults = limits; }

  // Blocks until a fetch to `host` may start, then counts it as started.
  void Enter(const std::string& host);
  // The fetch to `host` ended.
  void Leave(const std::string& host);

  // Non-blocking: starts the fetch and returns true if allowed at `now`,
  // else returns false and sets `retry_at` (for tests and the dispatcher).
  bool TryEnter(const std::string& host, Clock::time_point now, Clock::time_point& retry_at);

 private:
  struct State {
    int in_flight = 0;
    Clock::time_point last_start{};
    bool started = false;
  };
  bool TryEnterLocked(const std::string& host, Clock::time_point now, Clock::time_point& retry_at);

  HostPolicy policy_;
  std::mutex mutex_;
  std::condition_variable changed_;
  std::map<std::string, State> hosts_;
};

// Runs run(index, worker) once for every index below `count`, on `workers`
// threads (worker 0 is the calling thread), each taking the next index whose
// host (host_of(index)) the gate lets through, waiting when none may start.
// Returns when all have run. Falls back to fewer threads if one cannot
// start.
void ForEachOnWorkers(std::size_t count, const std::function<std::string(std::size_t)>& host_of,
                      std::size_t workers, HostGate& gate,
                      const std::function<void(std::size_t index, std::size_t worker)>& run);

}  // namespace revwatch

#endif  // REVWATCH_DAEMON_HOST_GATE_H_
