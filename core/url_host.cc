#include "core/url_host.h"

#include <algorithm>
#include <string>

#include "core/ascii.h"

namespace revwatch {

std::string HostOf(std::string_view url) {
  const std::size_t scheme = url.find("://");
  if (scheme == std::string_view::npos) return "";
  std::string_view rest = url.substr(scheme + 3);
  rest = rest.substr(0, rest.find_first_of("/?#"));
  if (const std::size_t at = rest.rfind('@'); at != std::string_view::npos) rest.remove_prefix(at + 1);
  if (!rest.empty() && rest.front() == '[') {  // [::1]:8080
    rest = rest.substr(1, rest.find(']') == std::string_view::npos ? rest.size() - 1
                                                                   : rest.find(']') - 1);
  } else if (const std::size_t colon = rest.rfind(':'); colon != std::string_view::npos) {
    rest = rest.substr(0, colon);
  }
  return AsciiLower(rest);
}

bool IsLoopbackHost(std::string_view host) {
  return host == "localhost" || host == "::1" || host.starts_with("127.");
}

bool IsPrivateHost(std::string_view host) {
  if (IsLoopbackHost(host) || host == "0.0.0.0") return true;
  if (host.find(':') != std::string_view::npos) {  // IPv6
    const std::string lower = AsciiLower(host);
    return lower.starts_with("fc") || lower.starts_with("fd") || lower.starts_with("fe8") ||
           lower.starts_with("fe9") || lower.starts_with("fea") || lower.starts_with("feb");
  }
  int octets[4] = {};
  int count = 0;
  std::size_t pos = 0;
  while (count < 4) {
    const std::size_t end = std::min(host.find('.', pos), host.size());
    const std::string_view part = host.substr(pos, end - pos);
    if (part.empty() || part.size() > 3 ||
        part.find_first_not_of("0123456789") != std::string_view::npos) {
      return false;  // a name, not an address
    }
    octets[count++] = std::stoi(std::string(part));
    if (end == host.size()) break;
    pos = end + 1;
  }
  if (count != 4) return false;
  return octets[0] == 10 || (octets[0] == 172 && octets[1] >= 16 && octets[1] <= 31) ||
         (octets[0] == 192 && octets[1] == 168) || (octets[0] == 169 && octets[1] == 254);
}

}  // namespace revwatch
