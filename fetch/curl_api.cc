#include "fetch/curl_api.h"

#include <dlfcn.h>

#include <mutex>
#include <string>

namespace revwatch {
namespace {

// The soname Debian's libcurl4 (and every libcurl since 7.16) installs.
constexpr const char* kLibcurl = "libcurl.so.4";

template <typename F>
bool Resolve(void* library, const char* name, F& slot, std::string& missing) {
  slot = reinterpret_cast<F>(dlsym(library, name));
  if (slot == nullptr) missing += std::string(missing.empty() ? "" : ", ") + name;
  return slot != nullptr;
}

Result<const CurlApi*> Load() {
  // Never closed: libcurl stays loaded for the life of the process.
  void* library = dlopen(kLibcurl, RTLD_NOW | RTLD_LOCAL);
  if (library == nullptr) {
    const char* why = dlerror();
    return MakeError(ErrorCode::kNetwork, std::string("cannot load ") + kLibcurl + ": " +
                                              (why ? why : "unknown error") +
                                              " (install Debian's libcurl4)");
  }
  static CurlApi api;
  std::string missing;
  Resolve(library, "curl_global_init", api.global_init, missing);
  Resolve(library, "curl_easy_init", api.easy_init, missing);
  Resolve(library, "curl_easy_cleanup", api.easy_cleanup, missing);
  Resolve(library, "curl_easy_reset", api.easy_reset, missing);
  Resolve(library, "curl_easy_setopt", api.easy_setopt, missing);
  Resolve(library, "curl_easy_perform", api.easy_perform, missing);
  Resolve(library, "curl_easy_getinfo", api.easy_getinfo, missing);
  Resolve(library, "curl_easy_strerror", api.easy_strerror, missing);
  Resolve(library, "curl_slist_append", api.slist_append, missing);
  Resolve(library, "curl_slist_free_all", api.slist_free_all, missing);
  Resolve(library, "curl_url", api.url, missing);
  Resolve(library, "curl_url_cleanup", api.url_cleanup, missing);
  Resolve(library, "curl_url_set", api.url_set, missing);
  Resolve(library, "curl_url_get", api.url_get, missing);
  Resolve(library, "curl_free", api.free, missing);
  Resolve(library, "curl_mime_init", api.mime_init, missing);
  Resolve(library, "curl_mime_free", api.mime_free, missing);
  Resolve(library, "curl_mime_addpart", api.mime_addpart, missing);
  Resolve(library, "curl_mime_data", api.mime_data, missing);
  Resolve(library, "curl_mime_type", api.mime_type, missing);
  Resolve(library, "curl_mime_encoder", api.mime_encoder, missing);
  Resolve(library, "curl_mime_subparts", api.mime_subparts, missing);
  Resolve(library, "curl_mime_headers", api.mime_headers, missing);
  if (!missing.empty()) {
    return MakeError(ErrorCode::kNetwork,
                     std::string(kLibcurl) + " lacks " + missing + "; libcurl is too old");
  }
  if (api.global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK) {
    return MakeError(ErrorCode::kNetwork, "curl_global_init failed");
  }
  return &api;
}

}  // namespace

Result<const CurlApi*> LoadCurl() {
  static std::once_flag once;
  static Result<const CurlApi*> loaded = MakeError(ErrorCode::kNetwork, "");
  std::call_once(once, [] { loaded = Load(); });
  return loaded;
}

void AppendTo(const CurlApi& api, CurlSlist& list, const std::string& line) {
  if (curl_slist* grown = api.slist_append(list.get(), line.c_str())) {
    (void)list.release();  // now part of `grown`
    list.reset(grown);
  }
}

}  // namespace revwatch
