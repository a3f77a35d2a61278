// One spelling per article URL, so that the same article reached through
// two feeds, or with a newsletter's tracking parameters, is watched once.
#ifndef REVWATCH_CORE_URL_CANON_H_
#define REVWATCH_CORE_URL_CANON_H_

#include <string>
#include <string_view>

namespace revwatch {

// `url` with its scheme and host lower-cased, a default port (:80 for
// http, :443 for https) and the fragment dropped, an empty path made "/",
// and tracking parameters (utm_*, fbclid, gclid and the like) taken out
// of the query; the other parameters keep their order and spelling.
// Anything without "scheme://" comes back unchanged, but for surrounding
// whitespace.
std::string CanonicalUrl(std::string_view url);

// Whether a query parameter name only tracks the reader (utm_source...).
bool IsTrackingParameter(std::string_view name);

}  // namespace revwatch

#endif  // REVWATCH_CORE_URL_CANON_H_
