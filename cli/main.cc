// revwatch: watch news articles for edits. All behaviour lives in the
// libraries; main() only hands over to the CLI. (libcurl is loaded and
// initialised on first use, by fetch/curl_api.h, before any thread of ours
// fetches.)
#include "cli/cli_context.h"

int main(int argc, char** argv) { return revwatch::RunCli(argc, argv); }
