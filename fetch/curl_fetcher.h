// Fetcher over libcurl's easy interface.
#ifndef REVWATCH_FETCH_CURL_FETCHER_H_
#define REVWATCH_FETCH_CURL_FETCHER_H_

#include <cstddef>
#include <mutex>
#include <string>
#include <utility>

#include "fetch/fetcher.h"

namespace revwatch {

struct CurlFetcherOptions {
  long connect_timeout_seconds = 10;
  long total_timeout_seconds = 60;
  long max_redirects = 5;
  // Bodies are refused once they grow past this many decoded bytes.
  std::size_t max_body_bytes = 16 * 1024 * 1024;
  // A transfer slower than this many bytes a second for this long is
  // abandoned (a trickling or silent server).
  long low_speed_bytes_per_second = 100;
  long low_speed_seconds = 20;
  std::string user_agent = "revwatch/0.1 (+article revision monitor)";
};

// One easy handle is kept between fetches, so its connections stay open
// and a check of the same host skips the TCP (and TLS) handshake; a Fetch()
// while another runs on the same fetcher uses a handle of its own, so one
// CurlFetcher may be shared by threads.
class CurlFetcher final : public Fetcher {
 public:
  explicit CurlFetcher(CurlFetcherOptions options = {});
  ~CurlFetcher() override;
  CurlFetcher(const CurlFetcher&) = delete;
  CurlFetcher& operator=(const CurlFetcher&) = delete;

  [[nodiscard]] Result<FetchedPage> Fetch(const FetchRequest& request) override;

  // For the next Fetch (a reloaded configuration). Not while fetching.
  void SetOptions(CurlFetcherOptions options) { options_ = std::move(options); }
  const CurlFetcherOptions& options() const { return options_; }

 private:
  class Lease;

  CurlFetcherOptions options_;
  std::mutex idle_mutex_;
  void* idle_ = nullptr;  // the kept CURL handle, when no Fetch() holds it
};

// True for absolute http:// and https:// URLs with a host; what `revwatch add`
// accepts and what the fetcher will request.
bool IsFetchableUrl(const std::string& url);

}  // namespace revwatch

#endif  // REVWATCH_FETCH_CURL_FETCHER_H_
