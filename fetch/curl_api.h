// The libcurl functions revwatch uses, as a table filled by LoadCurl().
//
// Private to the .cc files that talk to libcurl (fetch/, alert/): it is the
// one revwatch header that includes <curl/curl.h>, and no public header
// includes it.
#ifndef REVWATCH_FETCH_CURL_API_H_
#define REVWATCH_FETCH_CURL_API_H_

#include <curl/curl.h>

#include <memory>
#include <string>

#include "core/error.h"

namespace revwatch {

// Each member has exactly the type of the libcurl function it names.
struct CurlApi {
  decltype(&::curl_global_init) global_init;
  decltype(&::curl_easy_init) easy_init;
  decltype(&::curl_easy_cleanup) easy_cleanup;
  decltype(&::curl_easy_reset) easy_reset;
  decltype(&::curl_easy_setopt) easy_setopt;
  decltype(&::curl_easy_perform) easy_perform;
  decltype(&::curl_easy_getinfo) easy_getinfo;
  decltype(&::curl_easy_strerror) easy_strerror;
  decltype(&::curl_slist_append) slist_append;
  decltype(&::curl_slist_free_all) slist_free_all;
  decltype(&::curl_url) url;
  decltype(&::curl_url_cleanup) url_cleanup;
  decltype(&::curl_url_set) url_set;
  decltype(&::curl_url_get) url_get;
  decltype(&::curl_free) free;
  decltype(&::curl_mime_init) mime_init;
  decltype(&::curl_mime_free) mime_free;
  decltype(&::curl_mime_addpart) mime_addpart;
  decltype(&::curl_mime_data) mime_data;
  decltype(&::curl_mime_type) mime_type;
  decltype(&::curl_mime_encoder) mime_encoder;
  decltype(&::curl_mime_subparts) mime_subparts;
  decltype(&::curl_mime_headers) mime_headers;
};

// libcurl (libcurl.so.4), loaded and globally initialised on the first call;
// later calls return the same table. Thread-safe. Loading on first use
// rather than at program start keeps the commands that never touch the
// network (extract, compare, log, diff...) free of libcurl's ~5 ms of
// start-up: it pulls in some thirty libraries (GnuTLS, Kerberos, LDAP...).
// Fails with kNetwork when the library or a symbol is missing.
[[nodiscard]] Result<const CurlApi*> LoadCurl();

// Owners of libcurl objects. Their deleters carry the loaded API, since
// libcurl is not linked in.
template <typename T, auto Free>
struct CurlDeleter {
  const CurlApi* api;
  void operator()(T* object) const { (api->*Free)(object); }
};
using CurlEasy = std::unique_ptr<CURL, CurlDeleter<CURL, &CurlApi::easy_cleanup>>;
using CurlSlist = std::unique_ptr<curl_slist, CurlDeleter<curl_slist, &CurlApi::slist_free_all>>;
using CurlUrl = std::unique_ptr<CURLU, CurlDeleter<CURLU, &CurlApi::url_cleanup>>;
using CurlString = std::unique_ptr<char, CurlDeleter<char, &CurlApi::free>>;
using CurlMime = std::unique_ptr<curl_mime, CurlDeleter<curl_mime, &CurlApi::mime_free>>;

// Appends `line` to `list` (left as it was if libcurl is out of memory).
void AppendTo(const CurlApi& api, CurlSlist& list, const std::string& line);

}  // namespace revwatch

#endif  // REVWATCH_FETCH_CURL_API_H_
