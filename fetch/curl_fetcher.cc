#include "fetch/curl_fetcher.h"

#include <algorithm>
#include <cctype>
#include <memory>
#include <optional>
#include <string_view>
#include <utility>

#include "core/ascii.h"
#include "fetch/body_decoder.h"
#include "fetch/curl_api.h"

namespace revwatch {
namespace {

// What the write and header callbacks fill in during one transfer.
struct Transfer {
  std::size_t max_body_bytes = 0;
  FetchedPage page;
  std::string content_encoding;        // of the final response
  std::optional<BodyDecoder> decoder;  // made at its first body byte
  Status failure;                      // why a callback stopped the transfer
};

std::string_view Trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) {
    s.remove_prefix(1);
  }
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) {
    s.remove_suffix(1);
  }
  return s;
}

// Decodes as the bytes arrive, so the cap counts decoded bytes (a 65 KB
// gzip bomb is stopped at the cap, not after inflating to gigabytes).
size_t OnBody(char* data, size_t size, size_t count, void* user) {
  auto* transfer = static_cast<Transfer*>(user);
  const size_t bytes = size * count;
  if (!transfer->decoder) {
    auto decoder = BodyDecoder::For(transfer->content_encoding);
    if (!decoder) {
      transfer->failure = tl::unexpected(decoder.error());
      return 0;  // makes libcurl abort with CURLE_WRITE_ERROR
    }
    transfer->decoder.emplace(std::move(*decoder));
  }
  if (Status fed = transfer->decoder->Feed(std::string_view(data, bytes), transfer->page.body,
                                           transfer->max_body_bytes);
      !fed) {
    transfer->failure = fed;
    return 0;
  }
  return bytes;
}

// Called once per header line of every response, redirects included; a new
// status line starts a new response, so only the final one is kept.
size_t OnHeader(char* data, size_t size, size_t count, void* user) {
  auto* transfer = static_cast<Transfer*>(user);
  const size_t bytes = size * count;
  std::string_view line(data, bytes);
  FetchedPage& page = transfer->page;
  if (line.starts_with("HTTP/")) {
    page.headers.clear();
    page.content_type.clear();
    page.etag.clear();
    page.last_modified.clear();
    transfer->content_encoding.clear();
    transfer->decoder.reset();
  }
  page.headers.append(line);
  const size_t colon = line.find(':');
  if (colon == std::string_view::npos) return bytes;
  const std::string_view name = Trim(line.substr(0, colon));
  const std::string value(Trim(line.substr(colon + 1)));
  if (EqualsIgnoreAsciiCase(name, "content-type")) {
    page.content_type = value;
  } else if (EqualsIgnoreAsciiCase(name, "etag")) {
    page.etag = value;
  } else if (EqualsIgnoreAsciiCase(name, "last-modified")) {
    page.last_modified = value;
  } else if (EqualsIgnoreAsciiCase(name, "content-encoding")) {
    transfer->content_encoding = value;
  }
  return bytes;
}

}  // namespace

bool IsFetchableUrl(const std::string& url) {
  auto api = LoadCurl();
  if (!api) return false;
  const CurlApi* c = *api;
  CurlUrl parsed(c->url(), {c});
  if (!parsed || c->url_set(parsed.get(), CURLUPART_URL, url.c_str(), 0) != CURLUE_OK) {
    return false;
  }
  char* raw_scheme = nullptr;
  char* raw_host = nullptr;
  if (c->url_get(parsed.get(), CURLUPART_SCHEME, &raw_scheme, 0) != CURLUE_OK) {
    return false;
  }
  CurlString scheme(raw_scheme, {c});
  if (c->url_get(parsed.get(), CURLUPART_HOST, &raw_host, 0) != CURLUE_OK) {
    return false;
  }
  CurlString host(raw_host, {c});
  const std::string_view s(scheme.get());
  return (s == "http" || s == "https") && host && *host.get() != '\0';
}

// The kept handle while a Fetch() uses it (or a fresh one when another
// Fetch() has it); given back, options cleared, when the fetch ends.
class CurlFetcher::Lease {
 public:
  Lease(CurlFetcher& fetcher, const CurlApi* api) : fetcher_(fetcher), api_(api) {
    {
      std::lock_guard lock(fetcher.idle_mutex_);
      handle_ = std::exchange(fetcher.idle_, nullptr);
    }
    if (handle_ == nullptr) handle_ = api->easy_init();
  }
  ~Lease() {
    if (handle_ == nullptr) return;
    api_->easy_reset(handle_);  // drops pointers into the finished fetch's frame
    std::lock_guard lock(fetcher_.idle_mutex_);
    if (fetcher_.idle_ == nullptr) {
      fetcher_.idle_ = handle_;
    } else {
      api_->easy_cleanup(handle_);
    }
  }
  Lease(const Lease&) = delete;
  Lease& operator=(const Lease&) = delete;

  CURL* get() const { return handle_; }

 private:
  CurlFetcher& fetcher_;
  const CurlApi* api_;
  CURL* handle_ = nullptr;
};

CurlFetcher::CurlFetcher(CurlFetcherOptions options)
    : options_(std::move(options)) {}

CurlFetcher::~CurlFetcher() {
  if (idle_ == nullptr) return;
  if (auto api = LoadCurl()) (*api)->easy_cleanup(idle_);
}

Result<FetchedPage> CurlFetcher::Fetch(const FetchRequest& request) {
  if (!IsFetchableUrl(request.url)) {
    return MakeError(ErrorCode::kInvalidArgument,
                     request.url + ": not an http:// or https:// URL");
  }
  auto api = LoadCurl();
  if (!api) return tl::unexpected(api.error());
  const CurlApi* c = *api;
  Lease easy(*this, c);
  if (easy.get() == nullptr) return MakeError(ErrorCode::kNetwork, "curl_easy_init failed");

  Transfer transfer;
  transfer.max_body_bytes = options_.max_body_bytes;
  char error_buffer[CURL_ERROR_SIZE] = "";

  CurlSlist headers(nullptr, {c});
  auto add_header = [&headers, c](const std::string& line) { AppendTo(*c, headers, line); };
  // Compression we decode ourselves (see body_decoder.h), so libcurl's own
  // decoding stays off.
  add_header("Accept-Encoding: gzip, deflate");
  if (!request.etag.empty()) add_header("If-None-Match: " + request.etag);
  if (!request.last_modified.empty()) {
    add_header("If-Modified-Since: " + request.last_modified);
  }

  CURL* h = easy.get();
  c->easy_setopt(h, CURLOPT_URL, request.url.c_str());
  c->easy_setopt(h, CURLOPT_PROTOCOLS_STR, "http,https");
  c->easy_setopt(h, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
  c->easy_setopt(h, CURLOPT_FOLLOWLOCATION, 1L);
  c->easy_setopt(h, CURLOPT_MAXREDIRS, options_.max_redirects);
  c->easy_setopt(h, CURLOPT_CONNECTTIMEOUT, options_.connect_timeout_seconds);
  c->easy_setopt(h, CURLOPT_TIMEOUT, options_.total_timeout_seconds);
  c->easy_setopt(h, CURLOPT_MAXFILESIZE_LARGE,
                   static_cast<curl_off_t>(options_.max_body_bytes));
  c->easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
  c->easy_setopt(h, CURLOPT_HTTP_CONTENT_DECODING, 0L);
  // A server that trickles (or goes silent) is dropped, not waited on.
  c->easy_setopt(h, CURLOPT_LOW_SPEED_LIMIT, options_.low_speed_bytes_per_second);
  c->easy_setopt(h, CURLOPT_LOW_SPEED_TIME, options_.low_speed_seconds);
  c->easy_setopt(h, CURLOPT_USERAGENT, options_.user_agent.c_str());
  c->easy_setopt(h, CURLOPT_HTTPHEADER, headers.get());
  c->easy_setopt(h, CURLOPT_WRITEFUNCTION, OnBody);
  c->easy_setopt(h, CURLOPT_WRITEDATA, &transfer);
  c->easy_setopt(h, CURLOPT_HEADERFUNCTION, OnHeader);
  c->easy_setopt(h, CURLOPT_HEADERDATA, &transfer);
  c->easy_setopt(h, CURLOPT_ERRORBUFFER, error_buffer);

  const CURLcode code = c->easy_perform(h);
  if (!transfer.failure) {
    return MakeError(ErrorCode::kNetwork, request.url + ": " + transfer.failure.error().message);
  }
  if (code == CURLE_FILESIZE_EXCEEDED) {
    return MakeError(ErrorCode::kNetwork,
                     request.url + ": " + BodyTooLargeMessage(options_.max_body_bytes));
  }
  if (code != CURLE_OK) {
    std::string reason = error_buffer[0] != '\0' ? error_buffer
                                                 : c->easy_strerror(code);
    return MakeError(ErrorCode::kNetwork, request.url + ": " + reason);
  }
  // A compressed body must reach its end: a truncated one is a failed
  // fetch, not a shorter page.
  if (transfer.decoder) {
    if (Status finished = transfer.decoder->Finish(); !finished) {
      return MakeError(ErrorCode::kNetwork, request.url + ": " + finished.error().message);
    }
  }

  FetchedPage page = std::move(transfer.page);
  c->easy_getinfo(h, CURLINFO_RESPONSE_CODE, &page.status);
  char* effective_url = nullptr;
  c->easy_getinfo(h, CURLINFO_EFFECTIVE_URL, &effective_url);
  page.final_url = effective_url != nullptr ? effective_url : request.url;
  return page;
}

}  // namespace revwatch
