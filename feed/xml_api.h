// The libxml2 functions revwatch uses, as a table filled by LoadXml().
//
// Private to feed/: the one revwatch header that includes libxml2's, and no
// public header includes it.
#ifndef REVWATCH_FEED_XML_API_H_
#define REVWATCH_FEED_XML_API_H_

#include <libxml/parser.h>
#include <libxml/xmlerror.h>

#include <memory>

#include "core/error.h"

namespace revwatch {

// Each member has exactly the type of the libxml2 function it names.
struct XmlApi {
  decltype(&::xmlInitParser) init_parser;
  decltype(&::xmlNewParserCtxt) new_parser_ctxt;
  decltype(&::xmlFreeParserCtxt) free_parser_ctxt;
  decltype(&::xmlCtxtReadMemory) ctxt_read_memory;
  decltype(&::xmlCtxtGetLastError) ctxt_get_last_error;
  decltype(&::xmlFreeDoc) free_doc;
  decltype(&::xmlDocGetRootElement) doc_get_root_element;
};

// libxml2 (libxml2.so.2), loaded and initialised on the first call; later
// calls return the same table. Thread-safe. Loaded on first use, like
// libcurl (fetch/curl_api.h), because linking it would load ICU into every
// command and add ~1.7 ms to each start. Fails with kParse when the
// library or a symbol is missing.
[[nodiscard]] Result<const XmlApi*> LoadXml();

// Owners of libxml2 objects; the deleters carry the loaded API.
struct XmlDocDeleter {
  const XmlApi* api;
  void operator()(xmlDoc* doc) const { api->free_doc(doc); }
};
struct XmlParserDeleter {
  const XmlApi* api;
  void operator()(xmlParserCtxt* ctxt) const { api->free_parser_ctxt(ctxt); }
};
using XmlDoc = std::unique_ptr<xmlDoc, XmlDocDeleter>;
using XmlParser = std::unique_ptr<xmlParserCtxt, XmlParserDeleter>;

}  // namespace revwatch

#endif  // REVWATCH_FEED_XML_API_H_
