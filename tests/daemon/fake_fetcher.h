// A Fetcher that answers from memory, for daemon tests.
#ifndef REVWATCH_TESTS_DAEMON_FAKE_FETCHER_H_
#define REVWATCH_TESTS_DAEMON_FAKE_FETCHER_H_

#include <optional>
#include <string>
#include <vector>

#include "fetch/fetcher.h"

namespace revwatch {

// Answers every request with whatever the test set last; records requests.
class FakeFetcher final : public Fetcher {
 public:
  Result<FetchedPage> Fetch(const FetchRequest& request) override {
    requests.push_back(request);
    if (error) return tl::unexpected(*error);
    return page;
  }
  void Serve(const std::string& html, std::string etag = "") {
    error.reset();
    page = FetchedPage{};
    page.status = 200;
    page.final_url = "https://example.org/a";
    page.content_type = "text/html; charset=utf-8";
    page.etag = std::move(etag);
    page.body = html;
  }

  FetchedPage page;
  std::optional<Error> error;
  std::vector<FetchRequest> requests;
};

}  // namespace revwatch

#endif  // REVWATCH_TESTS_DAEMON_FAKE_FETCHER_H_
