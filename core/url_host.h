// The host of a URL, and whether it is this machine.
#ifndef REVWATCH_CORE_URL_HOST_H_
#define REVWATCH_CORE_URL_HOST_H_

#include <string>
#include <string_view>

namespace revwatch {

// The host part of a URL ("scheme://[user@]host[:port]/..."), lower-cased;
// "" if there is none. IPv6 literals lose their brackets.
std::string HostOf(std::string_view url);

// localhost, 127.0.0.0/8 or ::1.
bool IsLoopbackHost(std::string_view host);

}  // namespace revwatch

#endif  // REVWATCH_CORE_URL_HOST_H_
