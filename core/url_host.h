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

// A loopback host, or an address of a private or link-local network
// (10/8, 172.16/12, 192.168/16, 169.254/16, 0.0.0.0, fc00::/7, fe80::/10),
// given as a literal (names are not resolved).
bool IsPrivateHost(std::string_view host);

}  // namespace revwatch

#endif  // REVWATCH_CORE_URL_HOST_H_
