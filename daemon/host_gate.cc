#include "daemon/host_gate.h"

#include <algorithm>
#include <system_error>
#include <thread>
#include <vector>

namespace revwatch {

const HostLimits& HostPolicy::For(std::string_view host) const {
  for (std::string_view name = host; !name.empty();) {
    if (const auto entry = hosts.find(name); entry != hosts.end()) return entry->second;
    const std::size_t dot = name.find('.');
    if (dot == std::string_view::npos) break;
    name.remove_prefix(dot + 1);
  }
  return IsLoopbackHost(host) ? loopback : defaults;
}

bool HostGate::TryEnterLocked(const std::string& host, Clock::time_point now,
                              Clock::time_point& retry_at) {
  const HostLimits& limits = policy_.For(host);
  State& state = hosts_[host];
  const Clock::time_point allowed = state.started ? state.last_start + limits.min_delay : now;
  if (state.in_flight < limits.max_in_flight && now >= allowed) {
    ++state.in_flight;
    state.last_start = now;
    state.started = true;
    return true;
  }
  retry_at = state.in_flight < limits.max_in_flight ? allowed : now + std::chrono::milliseconds(50);
  return false;
}

bool HostGate::TryEnter(const std::string& host, Clock::time_point now, Clock::time_point& retry_at) {
  std::lock_guard lock(mutex_);
  return TryEnterLocked(host, now, retry_at);
}

void HostGate::Enter(const std::string& host) {
  std::unique_lock lock(mutex_);
  for (;;) {
    Clock::time_point retry_at;
    if (TryEnterLocked(host, Clock::now(), retry_at)) return;
    changed_.wait_until(lock, retry_at);
  }
}

void HostGate::Leave(const std::string& host) {
  {
    std::lock_guard lock(mutex_);
    State& state = hosts_[host];
    if (state.in_flight > 0) --state.in_flight;
  }
  changed_.notify_all();
}

void ForEachOnWorkers(std::size_t count, const std::function<std::string(std::size_t)>& host_of,
                      std::size_t workers, HostGate& gate,
                      const std::function<void(std::size_t index, std::size_t worker)>& run) {
  std::mutex mutex;
  std::condition_variable changed;
  std::vector<bool> taken(count, false);
  std::size_t first_free = 0;
  auto work = [&](std::size_t worker) {
    for (;;) {
      std::size_t pick = count;
      std::string host;
      {
        std::unique_lock lock(mutex);
        for (;;) {
          if (first_free >= count) return;
          auto retry_at = HostGate::Clock::now() + std::chrono::seconds(1);
          for (std::size_t i = first_free; i < count && pick == count; ++i) {
            if (taken[i]) continue;
            HostGate::Clock::time_point when;
            std::string h = host_of(i);
            if (gate.TryEnter(h, HostGate::Clock::now(), when)) {
              pick = i;
              host = std::move(h);
            } else {
              retry_at = std::min(retry_at, when);
            }
          }
          if (pick != count) break;
          changed.wait_until(lock, retry_at);
        }
        taken[pick] = true;
        while (first_free < count && taken[first_free]) ++first_free;
      }
      run(pick, worker);
      gate.Leave(host);
      changed.notify_all();
    }
  };
  std::vector<std::thread> threads;
  for (std::size_t w = 1; w < workers && w < count; ++w) {
    try {
      threads.emplace_back(work, w);
    } catch (const std::system_error&) {
      break;
    }
  }
  work(0);
  for (std::thread& thread : threads) thread.join();
}

}  // namespace revwatch
