// What the pipeline and the CLI need from storage, and nothing more, so a
// second backend (PostgreSQL) can implement it without touching them.
//
// Every method is one transaction: a check's fetch record, raw snapshot,
// revision and change are committed together or not at all.
#ifndef REVWATCH_STORAGE_REVISION_STORE_H_
#define REVWATCH_STORAGE_REVISION_STORE_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/article.h"
#include "core/error.h"
#include "core/timestamp.h"

namespace revwatch {

using WatchId = std::int64_t;
using FeedId = std::int64_t;

struct Watch {
  WatchId id = 0;
  std::string url;
  std::string label;
  UnixSeconds created_at = 0;
  UnixSeconds last_checked_at = 0;  // 0: never checked
  std::string etag;                 // validators for the next conditional GET
  std::string last_modified;
  int revisions = 0;
  UnixSeconds last_changed_at = 0;  // first_seen of the newest revision
  // The daemon's schedule.
  std::string state = "active";     // active, paused, expired, quarantined
  UnixSeconds every_seconds = 0;    // fixed interval; 0: by the article's age
  UnixSeconds next_check_at = 0;    // 0: as soon as possible
  int failures = 0;                 // consecutive failed checks
  bool pinned = false;              // never expires
  // Text hash of a suspect check awaiting confirmation, "" if none.
  std::string suspect_hash;
  UnixSeconds checking_since = 0;   // a check began and has not ended
  int crashes = 0;                  // checks alone the daemon died in, in a row
  // Alerts: addresses told of this watch's edits besides the configured
  // ones, and the tags it alerts on (empty: any substantive edit).
  std::vector<std::string> notify;
  std::vector<std::string> alert_on;
  std::vector<std::string> last_tags;  // of the newest revision's change
  // A watch a feed added: the feed (0: added by hand, or its feed was
  // removed), and when it stops being followed (0: by the schedule).
  FeedId feed_id = 0;
  UnixSeconds expires_at = 0;
  // The article's date as its feed gave it (0: unknown): its age-based
  // rhythm counts from there rather than from created_at.
  UnixSeconds published_at = 0;
};

// What a new watch starts with.
struct WatchSettings {
  std::string label;
  std::vector<std::string> notify;
  std::vector<std::string> alert_on;
  UnixSeconds every_seconds = 0;  // own interval; 0: by the article's age
};

// A feed or sitemap followed: each new article it lists becomes a watch.
struct Feed {
  FeedId id = 0;
  std::string url;
  std::string label;
  UnixSeconds created_at = 0;
  // Its watches: given the feed's label, notify and alert_on, and followed
  // for follow_days from the item's date (or from when it appeared).
  int follow_days = 14;
  std::vector<std::string> notify;
  std::vector<std::string> alert_on;
  UnixSeconds every_seconds = 0;  // how often it is polled
  // From the last successful poll.
  std::string title;   // the feed's own title
  std::string format;  // "RSS 2.0", "Atom"... (feed/feed_parser.h)
  std::string etag;
  std::string last_modified;
  // The schedule.
  UnixSeconds last_polled_at = 0;  // 0: never
  UnixSeconds next_poll_at = 0;    // 0: as soon as possible
  int failures = 0;                // consecutive failed polls
  std::string last_error;          // of the last poll, "" if it worked
  // Counts.
  int items = 0;    // distinct article URLs it has listed
  int watches = 0;  // watches it added that still exist
};

struct FeedSettings {
  std::string label;
  std::vector<std::string> notify;
  std::vector<std::string> alert_on;
  int follow_days = 14;
  UnixSeconds every_seconds = 15 * 60;
};

// One article a feed lists, as stored.
struct FeedEntry {
  std::string url;  // canonical (core/url_canon.h)
  std::string title;
  std::string summary;
  std::string published;  // as the feed writes it
  UnixSeconds published_at = 0;
  WatchId watch_id = 0;  // its watch (0: none: too old, or removed)
  UnixSeconds first_seen = 0;
  UnixSeconds last_seen = 0;
};

// What a poll's items did to the store.
struct FeedReconciliation {
  int new_items = 0;        // URLs the feed had not listed before
  std::vector<WatchId> added;  // watches made for them, due at once
  int already_watched = 0;  // new items whose URL a watch already had
  int too_old = 0;          // new items dated before the follow window
  int undated = 0;          // new undated items not watched (see ReconcileFeed)
  // Items whose title or summary changed in the feed: their watches are
  // made due at once.
  std::vector<WatchId> retitled;
};

// The outcome of polling a feed, for its schedule.
struct FeedPoll {
  UnixSeconds polled_at = 0;
  UnixSeconds next_poll_at = 0;
  int failures = 0;
  std::string error;  // "" on success
  // After a 200 that parsed (`fetched`), the feed's title and format and
  // the response's validators replace the stored ones; otherwise (a 304,
  // a failure) those are kept.
  bool fetched = false;
  std::string title;
  std::string format;
  std::string etag;
  std::string last_modified;
};

// One HTTP attempt, successful or not.
struct FetchRecord {
  UnixSeconds fetched_at = 0;
  long http_status = 0;  // 0 when no response arrived
  std::string final_url;
  std::string etag;
  std::string last_modified;
  std::int64_t bytes = 0;
  std::string error;  // "" on success
};

// The raw page a revision was extracted from.
struct SnapshotRecord {
  std::string body;     // bytes as received (stored zstd-compressed)
  std::string headers;  // the response header block
  std::string charset;  // the charset the body was decoded from
};

// What changed from the previous revision to a new one.
struct ChangeRecord {
  int words_added = 0;
  int words_removed = 0;
  int paragraphs_added = 0;
  int paragraphs_removed = 0;
  int paragraphs_changed = 0;
  int paragraphs_moved = 0;
  std::vector<std::string> tags;
  bool substantive = false;
  double score = 0.0;  // importance in [0, 1]
};

// An e-mail to send about a new revision, written with it (the outbox).
struct NewAlert {
  std::string recipient;
  std::string message_id;  // "<...@...>", kept for re-sends
};

struct NewRevision {
  Article article;
  std::string text_hash;  // Sha256Hex(FormatArticleText(article))
  SnapshotRecord snapshot;
  ChangeRecord change;
  // The revision number the change was computed against (0 for the first
  // revision). If another writer added a revision meanwhile, the commit fails
  // with kStorage rather than store a change against the wrong parent.
  int parent_number = 0;
  std::vector<NewAlert> alerts;  // committed in the same transaction
};

// The page a revision was extracted from, as fetched.
struct StoredSnapshot {
  std::string body;     // the decoded body bytes
  std::string headers;  // the response header block
  std::string charset;
  std::string sha256;   // of body, hex
  UnixSeconds fetched_at = 0;
  std::string final_url;  // after redirects ("" if not recorded)
  long http_status = 0;
};

// A stored version holding what was searched for.
struct SearchHit {
  WatchId watch_id = 0;
  std::string url;
  int number = 0;
  int latest = 0;  // the watch's newest revision number
  UnixSeconds first_seen = 0;
  std::string snippet;  // the match in context, marked by the given strings
};

// One alert in the outbox, with what sending it needs.
struct AlertRecord {
  std::int64_t id = 0;
  WatchId watch_id = 0;
  std::string url;
  std::string label;
  int old_number = 0;  // the edit: revision old_number -> new_number
  int new_number = 0;
  std::vector<std::string> tags;
  std::string recipient;
  std::string status;  // pending, sent, failed
  UnixSeconds created_at = 0;
  int attempts = 0;
  UnixSeconds next_attempt_at = 0;
  std::string last_error;
  std::string message_id;
  // The Message-ID of the first alert about the same watch to the same
  // recipient (equal to message_id for that first one): the thread.
  std::string thread_root;
  UnixSeconds sent_at = 0;
  std::string sent_as;  // the Message-ID it went out as (a digest's, or its own)
};

struct StoredRevision {
  int number = 0;
  Article article;
  std::string text_hash;
  UnixSeconds first_seen = 0;
  UnixSeconds last_seen = 0;
};

struct RevisionSummary {
  int number = 0;
  UnixSeconds first_seen = 0;
  UnixSeconds last_seen = 0;
  std::string title;
  ChangeRecord change;  // against the previous revision (all added for #1)
};

class RevisionStore {
 public:
  virtual ~RevisionStore() = default;

  // Adds a watch for `url`; fails with kInvalidArgument if already watched.
  [[nodiscard]] virtual Result<Watch> AddWatch(const std::string& url,
                                               const std::string& label) = 0;
  // Adds a watch for every URL of `urls` not yet watched, all in one
  // transaction; returns the new ids in order, 0 for a URL already watched.
  [[nodiscard]] virtual Result<std::vector<WatchId>> AddWatches(
      const std::vector<std::string>& urls, const WatchSettings& settings) = 0;
  // Looks a watch up by decimal id or exact URL; kNotFound if absent.
  [[nodiscard]] virtual Result<Watch> FindWatch(std::string_view url_or_id) = 0;
  [[nodiscard]] virtual Result<std::vector<Watch>> ListWatches() = 0;
  // Deletes the watch and its whole history.
  [[nodiscard]] virtual Status RemoveWatch(WatchId id) = 0;

  [[nodiscard]] virtual Result<std::optional<StoredRevision>> LatestRevision(
      WatchId id) = 0;
  // kNotFound, naming the valid range, when `number` does not exist.
  [[nodiscard]] virtual Result<StoredRevision> GetRevision(WatchId id,
                                                           int number) = 0;
  // Newest first.
  [[nodiscard]] virtual Result<std::vector<RevisionSummary>> ListRevisions(
      WatchId id) = 0;
  // Adds the revisions stored since the last call to the search index, in
  // one transaction; returns how many. Check runs and daemon cycles call it.
  [[nodiscard]] virtual Result<int> IndexForSearch() = 0;
  // The page revision `number` was extracted from; kNotFound as GetRevision.
  [[nodiscard]] virtual Result<StoredSnapshot> GetSnapshot(WatchId id, int number) = 0;
  // Every stored version whose headline or body matches the FTS5 query
  // `match`, by watch then revision; only watch `watch` when non-zero,
  // only versions first seen at or after `since`. Snippets mark matches
  // with `open` and `close`. kInvalidArgument for a malformed query.
  [[nodiscard]] virtual Result<std::vector<SearchHit>> Search(const std::string& match,
                                                              WatchId watch, UnixSeconds since,
                                                              const std::string& open,
                                                              const std::string& close) = 0;

  // A check that produced no article: transport error, HTTP error status,
  // unparseable page. Nothing but the attempt is stored.
  [[nodiscard]] virtual Status RecordFailedCheck(WatchId id,
                                                 const FetchRecord& fetch) = 0;
  // A check whose article equals revision `number` (a 304 or the same text):
  // the attempt is stored, the revision's last_seen moves to now.
  [[nodiscard]] virtual Status RecordUnchangedCheck(WatchId id,
                                                    const FetchRecord& fetch,
                                                    int number) = 0;
  // Stores when the watch is next due, its consecutive failures and state.
  [[nodiscard]] virtual Status SetSchedule(WatchId id, UnixSeconds next_check_at, int failures,
                                           std::string_view state) = 0;

  // Pauses a watch (schedule writes keep it paused), or resumes it: due
  // now, failures and crashes forgotten, pinned if it had expired.
  [[nodiscard]] virtual Status SetPaused(WatchId id, bool paused) = 0;

  // Marks a check as begun (`since` > 0) or ended (0) and stores the crash
  // count it leaves if the daemon dies in it, committed at once.
  [[nodiscard]] virtual Status MarkChecking(WatchId id, UnixSeconds since, int crashes) = 0;
  // Stores the crash count and state (a watch that keeps crashing the
  // daemon is "quarantined"); clears the in-progress mark.
  [[nodiscard]] virtual Status SetCrashes(WatchId id, int crashes, std::string_view state) = 0;

  // Remembers (or, with "", forgets) the text hash of a suspect check.
  [[nodiscard]] virtual Status SetSuspect(WatchId id, std::string_view text_hash) = 0;

  // A check that found a new distinct article, with its alerts. Returns
  // its number.
  [[nodiscard]] virtual Result<int> RecordNewRevision(
      WatchId id, const FetchRecord& fetch, const NewRevision& revision) = 0;

  // Follows a feed; kInvalidArgument if it is followed already.
  [[nodiscard]] virtual Result<Feed> AddFeed(const std::string& url,
                                             const FeedSettings& settings) = 0;
  // Looks a feed up by decimal id or exact URL; kNotFound if absent.
  [[nodiscard]] virtual Result<Feed> FindFeed(std::string_view url_or_id) = 0;
  [[nodiscard]] virtual Result<std::vector<Feed>> ListFeeds() = 0;
  // Stops following the feed; the watches it added stay, with their
  // history and expiry.
  [[nodiscard]] virtual Status RemoveFeed(FeedId id) = 0;
  // The articles feed `id` has listed, newest first (by date, then by when
  // they appeared).
  [[nodiscard]] virtual Result<std::vector<FeedEntry>> ListFeedEntries(FeedId id) = 0;
  // Records a poll's items in one transaction: a URL new to the feed is
  // kept, with a watch (the feed's settings, aging from the item's date,
  // expiring follow_days after it, or after `now` when undated) unless
  // some watch has the URL already, the item is dated before the follow
  // window, or it is undated and `watch_undated` is false (a plain
  // sitemap's backlog). An item whose title or summary changed (to a
  // non-empty value) makes its watch due at once. `entries` are canonical
  // and carry no watch ids.
  [[nodiscard]] virtual Result<FeedReconciliation> ReconcileFeed(
      FeedId id, const std::vector<FeedEntry>& entries, UnixSeconds now,
      bool watch_undated) = 0;
  // Stores a poll's outcome and when the feed is due next.
  [[nodiscard]] virtual Status RecordFeedPoll(FeedId id, const FeedPoll& poll) = 0;

  // Alerts, oldest first: with `pending_only`, those pending whose next
  // attempt is due by `now` (every pending one when `now` is 0); else all.
  [[nodiscard]] virtual Result<std::vector<AlertRecord>> ListAlerts(bool pending_only,
                                                                    UnixSeconds now) = 0;
  // Claims pending alert `id` for one send until `until`, unless another
  // sender holds it: false then. A sender that dies with a claim loses it
  // when `until` passes, and the alert is sent again.
  [[nodiscard]] virtual Result<bool> ClaimAlert(std::int64_t id, UnixSeconds now,
                                                UnixSeconds until) = 0;
  // The server took these alerts (one message): sent at `at` as
  // `sent_as`, all in one transaction.
  [[nodiscard]] virtual Status MarkAlertsSent(const std::vector<std::int64_t>& ids,
                                              UnixSeconds at, const std::string& sent_as) = 0;
  // A failed attempt: counted, the next one due at `next_attempt_at`, or
  // given up (`failed`).
  [[nodiscard]] virtual Status MarkAlertFailed(std::int64_t id, const std::string& error,
                                               UnixSeconds next_attempt_at, bool failed) = 0;
};

}  // namespace revwatch

#endif  // REVWATCH_STORAGE_REVISION_STORE_H_
