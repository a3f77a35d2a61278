#include "core/url_canon.h"

#include <array>

#include "core/ascii.h"

namespace revwatch {
namespace {

// Click identifiers of ad networks and mailing tools, and analytics
// linkers: they name the reader or the campaign, never the article.
constexpr std::array<std::string_view, 13> kTrackingNames = {
    "fbclid", "gclid", "gclsrc", "dclid", "msclkid", "yclid", "twclid",
    "igshid", "mc_cid", "mc_eid", "_ga",  "_gl",     "ocid"};

std::string_view Trim(std::string_view text) {
  const std::size_t begin = text.find_first_not_of(" \t\r\n");
  if (begin == std::string_view::npos) return {};
  return text.substr(begin, text.find_last_not_of(" \t\r\n") + 1 - begin);
}

}  // namespace

bool IsTrackingParameter(std::string_view name) {
  const std::string lower = AsciiLower(name);
  if (lower.starts_with("utm_")) return true;
  for (std::string_view tracking : kTrackingNames) {
    if (lower == tracking) return true;
  }
  return false;
}

std::string CanonicalUrl(std::string_view url) {
  url = Trim(url);
  const std::size_t scheme_end = url.find("://");
  if (scheme_end == std::string_view::npos || scheme_end == 0) return std::string(url);
  url = url.substr(0, url.find('#'));
  const std::string scheme = AsciiLower(url.substr(0, scheme_end));
  std::string_view rest = url.substr(scheme_end + 3);
  const std::size_t authority_end = std::min(rest.find_first_of("/?"), rest.size());
  std::string_view authority = rest.substr(0, authority_end);
  rest.remove_prefix(authority_end);

  std::string out = scheme + "://";
  if (const std::size_t at = authority.rfind('@'); at != std::string_view::npos) {
    out.append(authority.substr(0, at + 1));  // user info keeps its case
    authority.remove_prefix(at + 1);
  }
  // A port is what follows the last colon, unless that colon is inside an
  // IPv6 literal ("[::1]").
  std::string_view host = authority;
  std::string_view port;
  if (const std::size_t colon = authority.rfind(':');
      colon != std::string_view::npos && authority.find(']', colon) == std::string_view::npos) {
    host = authority.substr(0, colon);
    port = authority.substr(colon + 1);
  }
  out += AsciiLower(host);
  const bool default_port = port.empty() || (scheme == "http" && port == "80") ||
                            (scheme == "https" && port == "443");
  if (!default_port) out.append(":").append(port);

  const std::size_t query_start = rest.find('?');
  const std::string_view path = rest.substr(0, query_start);
  out += path.empty() ? std::string_view("/") : path;
  if (query_start == std::string_view::npos) return out;
  std::string_view query = rest.substr(query_start + 1);
  bool first = true;
  while (!query.empty()) {
    const std::size_t amp = std::min(query.find('&'), query.size());
    const std::string_view parameter = query.substr(0, amp);
    query.remove_prefix(std::min(amp + 1, query.size()));
    if (parameter.empty() || IsTrackingParameter(parameter.substr(0, parameter.find('=')))) {
      continue;
    }
    out += first ? '?' : '&';
    out += parameter;
    first = false;
  }
  return out;
}

}  // namespace revwatch
