#include "core/url_resolve.h"

#include <cstddef>
#include <vector>

namespace revwatch {
namespace {

bool IsAlpha(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// The length of the scheme of `url` ("https"), or 0 when it has none.
std::size_t SchemeLength(std::string_view url) {
  if (url.empty() || !IsAlpha(url[0])) return 0;
  for (std::size_t i = 1; i < url.size(); ++i) {
    const char c = url[i];
    if (c == ':') return i;
    if (!IsAlpha(c) && !(c >= '0' && c <= '9') && c != '+' && c != '-' &&
        c != '.') {
      return 0;
    }
  }
  return 0;
}

// "https://host:8080" of an absolute URL with an authority.
std::string_view Origin(std::string_view base, std::size_t scheme) {
  const std::size_t path = base.find_first_of("/?#", scheme + 3);
  return base.substr(0, path == std::string_view::npos ? base.size() : path);
}

std::string_view WithoutFragment(std::string_view url) {
  return url.substr(0, std::min(url.find('#'), url.size()));
}

std::string_view WithoutQuery(std::string_view url) {
  url = WithoutFragment(url);
  return url.substr(0, std::min(url.find('?'), url.size()));
}

// RFC 3986 5.2.4 on a path that starts with '/'; a query or fragment
// after the path is kept as it is.
std::string RemoveDotSegments(std::string_view target) {
  const std::size_t tail_at =
      std::min(target.find_first_of("?#"), target.size());
  const std::string_view path = target.substr(0, tail_at);
  std::vector<std::string_view> segments;
  std::size_t start = 1;
  bool ends_with_dir = false;
  while (start <= path.size()) {
    const std::size_t end = std::min(path.find('/', start), path.size());
    const std::string_view segment = path.substr(start, end - start);
    ends_with_dir = segment == "." || segment == "..";
    if (segment == "..") {
      if (!segments.empty()) segments.pop_back();
    } else if (segment != ".") {
      segments.push_back(segment);
    }
    start = end + 1;
  }
  std::string out;
  for (std::string_view segment : segments) {
    out += '/';
    out += segment;
  }
  if (ends_with_dir || out.empty()) out += '/';
  out += target.substr(tail_at);
  return out;
}

}  // namespace

std::string ResolveUrl(std::string_view base, std::string_view reference) {
  const std::size_t scheme = SchemeLength(base);
  if (reference.empty() || SchemeLength(reference) > 0 || scheme == 0 ||
      base.substr(scheme, 3) != "://") {
    return std::string(reference);
  }
  if (reference.starts_with("//")) {
    return std::string(base.substr(0, scheme + 1)) + std::string(reference);
  }
  const std::string_view origin = Origin(base, scheme);
  if (reference.front() == '#') {
    return std::string(WithoutFragment(base)) + std::string(reference);
  }
  if (reference.front() == '?') {
    return std::string(WithoutQuery(base)) + std::string(reference);
  }
  if (reference.front() == '/') {
    return std::string(origin) + RemoveDotSegments(reference);
  }
  const std::string_view base_path = WithoutQuery(base).substr(origin.size());
  const std::size_t slash = base_path.rfind('/');
  const std::string directory =
      slash == std::string_view::npos
          ? std::string("/")
          : std::string(base_path.substr(0, slash + 1));
  return std::string(origin) +
         RemoveDotSegments(directory + std::string(reference));
}

}  // namespace revwatch
