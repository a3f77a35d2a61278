#include "cli/check_worker.h"

#include <memory>

namespace revwatch {

Result<CheckWorker> OpenCheckWorker(const CliContext& ctx, const CurlFetcherOptions& fetch,
                                    const Lexicon& lexicon, const AlertPolicy& alerts) {
  auto store = ctx.OpenStore();
  if (!store) return tl::unexpected(store.error());
  CheckWorker worker;
  worker.store = std::move(*store);
  worker.fetcher = std::make_unique<CurlFetcher>(fetch);
  worker.watcher = std::make_unique<Watcher>(*worker.fetcher, *worker.store, lexicon);
  worker.watcher->SetAlertPolicy(alerts);
  return worker;
}

}  // namespace revwatch
