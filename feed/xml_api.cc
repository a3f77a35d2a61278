#include "feed/xml_api.h"

#include <dlfcn.h>

#include <mutex>
#include <string>

namespace revwatch {
namespace {

// The soname of Debian's libxml2 (and of every libxml2 since 2.0).
constexpr const char* kLibxml2 = "libxml2.so.2";

template <typename F>
void Resolve(void* library, const char* name, F& slot, std::string& missing) {
  slot = reinterpret_cast<F>(dlsym(library, name));
  if (slot == nullptr) missing += std::string(missing.empty() ? "" : ", ") + name;
}

Result<const XmlApi*> Load() {
  // Never closed: libxml2 stays loaded for the life of the process.
  void* library = dlopen(kLibxml2, RTLD_NOW | RTLD_LOCAL);
  if (library == nullptr) {
    const char* why = dlerror();
    return MakeError(ErrorCode::kParse, std::string("cannot load ") + kLibxml2 + ": " +
                                            (why ? why : "unknown error") +
                                            " (install Debian's libxml2)");
  }
  static XmlApi api;
  std::string missing;
  Resolve(library, "xmlInitParser", api.init_parser, missing);
  Resolve(library, "xmlNewParserCtxt", api.new_parser_ctxt, missing);
  Resolve(library, "xmlFreeParserCtxt", api.free_parser_ctxt, missing);
  Resolve(library, "xmlCtxtReadMemory", api.ctxt_read_memory, missing);
  Resolve(library, "xmlCtxtGetLastError", api.ctxt_get_last_error, missing);
  Resolve(library, "xmlFreeDoc", api.free_doc, missing);
  Resolve(library, "xmlDocGetRootElement", api.doc_get_root_element, missing);
  if (!missing.empty()) {
    return MakeError(ErrorCode::kParse,
                     std::string(kLibxml2) + " lacks " + missing + "; libxml2 is too old");
  }
  api.init_parser();
  return &api;
}

}  // namespace

Result<const XmlApi*> LoadXml() {
  static std::once_flag once;
  static Result<const XmlApi*> loaded = MakeError(ErrorCode::kParse, "");
  std::call_once(once, [] { loaded = Load(); });
  return loaded;
}

}  // namespace revwatch
