// Checks one watched URL end to end: fetch, extract, compare with the latest
// revision, and store the result in one transaction. `revwatch check` and
// the daemon's scheduler both go through this one path.
#ifndef REVWATCH_DAEMON_WATCHER_H_
#define REVWATCH_DAEMON_WATCHER_H_

#include <string>
#include <vector>

#include "alert/outbox.h"
#include "core/error.h"
#include "diff/lexicon.h"
#include "fetch/fetcher.h"
#include "storage/revision_store.h"

namespace revwatch {

enum class CheckOutcome {
  kNewRevision,  // a distinct article was stored (revision 1 on first check)
  kUnchanged,    // fetched and extracted; same text as the latest revision
  kNotModified,  // the server answered 304; nothing was parsed
  kSuspect,      // the text collapsed; held until a later check confirms it
};

struct CheckReport {
  CheckOutcome outcome = CheckOutcome::kUnchanged;
  int revision = 0;  // the new or still-current revision number
  // For kNewRevision after the first: what changed.
  std::vector<std::string> tags;
  bool substantive = false;
  int words_added = 0;
  int words_removed = 0;
};

// Borrows the fetcher and store, which must outlive it. Not thread-safe
// (the store is not); use one Watcher per thread.
class Watcher {
 public:
  // Classifies edits with `lexicon` (the built-in lists unless the
  // configuration adds word lists); it must outlive the watcher.
  Watcher(Fetcher& fetcher, RevisionStore& store, const Lexicon& lexicon = Lexicon::BuiltIn())
      : fetcher_(fetcher), store_(store), lexicon_(lexicon) {}

  // A failed check (transport error, HTTP error status, page without an
  // article, or a soft error: a captcha, "enable JavaScript" or paywall
  // page served with 200, a redirect to a login or consent page) is
  // recorded as a fetch attempt and returned as an Error whose message
  // names the URL; no revision is stored for it. A text that shrank to a
  // small fraction of the last version is kSuspect: recorded as an
  // attempt, and stored as a revision only when a later check sees the
  // same text again.
  [[nodiscard]] Result<CheckReport> Check(const Watch& watch);

  // Seconds the server asked to wait (Retry-After on a 429 or 503) in the
  // last Check, 0 if it did not ask.
  UnixSeconds RetryAfter() const { return retry_after_; }

  // Who is told of substantive edits: each new revision is stored with
  // its alerts (alert/outbox.h). Without a policy only the watches' own
  // --notify addresses get them.
  void SetAlertPolicy(AlertPolicy policy) { alert_policy_ = std::move(policy); }

 private:
  Fetcher& fetcher_;
  RevisionStore& store_;
  const Lexicon& lexicon_;
  AlertPolicy alert_policy_;
  UnixSeconds retry_after_ = 0;
};

}  // namespace revwatch

#endif  // REVWATCH_DAEMON_WATCHER_H_
