#include "core/url_host.h"

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

}  // namespace revwatch
