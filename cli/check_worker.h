// A check worker for `check` and `daemon`: its own database connection,
// fetcher and watcher (threads must not share a SQLite connection).
#ifndef REVWATCH_CLI_CHECK_WORKER_H_
#define REVWATCH_CLI_CHECK_WORKER_H_

#include "cli/cli_context.h"
#include "daemon/scheduler.h"
#include "alert/outbox.h"
#include "diff/lexicon.h"
#include "fetch/curl_fetcher.h"

namespace revwatch {

// `lexicon` is shared (read-only) and must outlive the worker; new
// revisions get their alerts by `alerts`.
[[nodiscard]] Result<CheckWorker> OpenCheckWorker(const CliContext& ctx,
                                                  const CurlFetcherOptions& fetch,
                                                  const Lexicon& lexicon,
                                                  const AlertPolicy& alerts);

}  // namespace revwatch

#endif  // REVWATCH_CLI_CHECK_WORKER_H_
