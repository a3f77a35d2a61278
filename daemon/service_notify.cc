#include "daemon/service_notify.h"

#include <dlfcn.h>

#include <cstdlib>

#include <systemd/sd-daemon.h>

namespace revwatch {

ServiceNotifier::ServiceNotifier() {
  const char* socket = std::getenv("NOTIFY_SOCKET");
  if (socket == nullptr || *socket == '\0') return;
  // Never closed: used for the life of the daemon. Without libsystemd the
  // daemon still runs; systemd then reports the missing READY=1.
  void* library = dlopen("libsystemd.so.0", RTLD_NOW | RTLD_LOCAL);
  if (library == nullptr) return;
  // The type check against the real declaration keeps the two in step.
  decltype(&::sd_notify) function =
      reinterpret_cast<decltype(&::sd_notify)>(dlsym(library, "sd_notify"));
  notify_ = function;
}

void ServiceNotifier::Send(const std::string& state) {
  if (notify_ != nullptr) notify_(0, state.c_str());
}

}  // namespace revwatch
