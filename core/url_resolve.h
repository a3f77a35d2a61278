// Resolves the relative URLs a page or feed states (a canonical link such
// as "/news/ferry", an item's link) against the document's own address.
#ifndef REVWATCH_CORE_URL_RESOLVE_H_
#define REVWATCH_CORE_URL_RESOLVE_H_

#include <string>
#include <string_view>

namespace revwatch {

// `reference` resolved against the absolute URL `base` as RFC 3986 section
// 5.2 says (scheme-relative "//host/x", absolute path "/x", relative path
// "x" and "../x", query "?q", fragment "#f"; dot segments removed).
// Returns `reference` unchanged when it is absolute or empty, or when
// `base` is not an absolute URL with "://" (nothing to resolve against).
// Pure; never fails.
std::string ResolveUrl(std::string_view base, std::string_view reference);

}  // namespace revwatch

#endif  // REVWATCH_CORE_URL_RESOLVE_H_
