// Fetching one page over HTTP(S).
#ifndef REVWATCH_FETCH_FETCHER_H_
#define REVWATCH_FETCH_FETCHER_H_

#include <string>

#include "core/error.h"

namespace revwatch {

struct FetchRequest {
  std::string url;
  // Validators from the previous fetch; when set, the request is
  // conditional (If-None-Match / If-Modified-Since).
  std::string etag;
  std::string last_modified;
};

struct FetchedPage {
  long status = 0;            // HTTP status of the final response
  std::string final_url;      // after redirects
  std::string content_type;   // Content-Type header value, "" if absent
  std::string etag;           // ETag of the response, "" if absent
  std::string last_modified;  // Last-Modified of the response, "" if absent
  std::string headers;        // the final response's header block, raw
  std::string body;           // decoded (Content-Encoding undone) body bytes

  bool NotModified() const { return status == 304; }
};

// Abstract so the watcher can be tested with a fake.
class Fetcher {
 public:
  virtual ~Fetcher() = default;

  // Performs one request. Any HTTP response, including 304 and 4xx/5xx,
  // is a FetchedPage; only transport failures (refused connection, DNS,
  // timeout, TLS, body over the cap, disallowed scheme) are errors, with
  // ErrorCode::kNetwork and a message naming the URL.
  [[nodiscard]] virtual Result<FetchedPage> Fetch(
      const FetchRequest& request) = 0;
};

}  // namespace revwatch

#endif  // REVWATCH_FETCH_FETCHER_H_
