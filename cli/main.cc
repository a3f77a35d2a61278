// revwatch: watch news articles for edits. All behaviour lives in the
// libraries; main() only sets up libcurl and hands over to the CLI.
#include <curl/curl.h>

#include "cli/cli_context.h"

int main(int argc, char** argv) {
  // Once, before any thread exists, as libcurl requires.
  if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK) return 1;
  const int code = revwatch::RunCli(argc, argv);
  curl_global_cleanup();
  return code;
}
