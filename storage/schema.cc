#include "storage/schema.h"

#include <array>

namespace revwatch {
namespace {

// Times are Unix seconds (UTC). Tags are a comma-separated list.
constexpr std::string_view kInitialSchema = R"sql(
CREATE TABLE watches (
  id              INTEGER PRIMARY KEY,
  url             TEXT NOT NULL UNIQUE,
  label           TEXT NOT NULL DEFAULT '',
  created_at      INTEGER NOT NULL,
  state           TEXT NOT NULL DEFAULT 'active'
                  CHECK (state IN ('active', 'paused', 'expired', 'quarantined')),
  every_seconds   INTEGER,
  next_check_at   INTEGER,
  last_checked_at INTEGER,
  etag            TEXT NOT NULL DEFAULT '',
  last_modified   TEXT NOT NULL DEFAULT ''
);

CREATE TABLE fetches (
  id            INTEGER PRIMARY KEY,
  watch_id      INTEGER NOT NULL REFERENCES watches(id) ON DELETE CASCADE,
  fetched_at    INTEGER NOT NULL,
  http_status   INTEGER NOT NULL DEFAULT 0,
  final_url     TEXT NOT NULL DEFAULT '',
  etag          TEXT NOT NULL DEFAULT '',
  last_modified TEXT NOT NULL DEFAULT '',
  bytes         INTEGER NOT NULL DEFAULT 0,
  error         TEXT NOT NULL DEFAULT ''
);
CREATE INDEX fetches_by_watch ON fetches(watch_id, fetched_at);

CREATE TABLE snapshots (
  id          INTEGER PRIMARY KEY,
  watch_id    INTEGER NOT NULL REFERENCES watches(id) ON DELETE CASCADE,
  fetch_id    INTEGER NOT NULL REFERENCES fetches(id) ON DELETE CASCADE,
  sha256      TEXT NOT NULL,
  charset     TEXT NOT NULL,
  headers     TEXT NOT NULL,
  body_size   INTEGER NOT NULL,
  compression TEXT NOT NULL CHECK (compression IN ('zstd')),
  body        BLOB NOT NULL
);

CREATE TABLE revisions (
  id          INTEGER PRIMARY KEY,
  watch_id    INTEGER NOT NULL REFERENCES watches(id) ON DELETE CASCADE,
  number      INTEGER NOT NULL,
  title       TEXT NOT NULL,
  byline      TEXT NOT NULL,
  published   TEXT NOT NULL,
  body        TEXT NOT NULL,
  text_hash   TEXT NOT NULL,
  first_seen  INTEGER NOT NULL,
  last_seen   INTEGER NOT NULL,
  snapshot_id INTEGER NOT NULL REFERENCES snapshots(id),
  UNIQUE (watch_id, number)
);

CREATE TABLE changes (
  id                 INTEGER PRIMARY KEY,
  watch_id           INTEGER NOT NULL REFERENCES watches(id) ON DELETE CASCADE,
  from_revision_id   INTEGER REFERENCES revisions(id) ON DELETE CASCADE,
  to_revision_id     INTEGER NOT NULL UNIQUE
                     REFERENCES revisions(id) ON DELETE CASCADE,
  created_at         INTEGER NOT NULL,
  words_added        INTEGER NOT NULL,
  words_removed      INTEGER NOT NULL,
  paragraphs_added   INTEGER NOT NULL,
  paragraphs_removed INTEGER NOT NULL,
  paragraphs_changed INTEGER NOT NULL,
  tags               TEXT NOT NULL,
  substantive        INTEGER NOT NULL
);

CREATE TABLE alerts (
  id              INTEGER PRIMARY KEY,
  change_id       INTEGER NOT NULL REFERENCES changes(id) ON DELETE CASCADE,
  recipient       TEXT NOT NULL,
  status          TEXT NOT NULL DEFAULT 'pending'
                  CHECK (status IN ('pending', 'sent', 'failed')),
  created_at      INTEGER NOT NULL,
  attempts        INTEGER NOT NULL DEFAULT 0,
  next_attempt_at INTEGER NOT NULL,
  last_error      TEXT NOT NULL DEFAULT '',
  message_id      TEXT NOT NULL,
  sent_at         INTEGER
);
CREATE INDEX alerts_pending ON alerts(status, next_attempt_at);
)sql";

// Edit classification: importance score and moved paragraphs per change.
constexpr std::string_view kChangeScore = R"sql(
ALTER TABLE changes ADD COLUMN paragraphs_moved INTEGER NOT NULL DEFAULT 0;
ALTER TABLE changes ADD COLUMN score REAL NOT NULL DEFAULT 0;
)sql";

// The daemon's schedule: consecutive failures (for backoff) and watches
// pinned against expiry; next_check_at and every_seconds exist since v1.
constexpr std::string_view kSchedule = R"sql(
ALTER TABLE watches ADD COLUMN failures INTEGER NOT NULL DEFAULT 0;
ALTER TABLE watches ADD COLUMN pinned INTEGER NOT NULL DEFAULT 0;
)sql";

// A check whose text looked wrong (collapsed to a fraction of the last
// version) waits here until a later check confirms it.
constexpr std::string_view kSuspect = R"sql(
ALTER TABLE watches ADD COLUMN suspect_hash TEXT NOT NULL DEFAULT '';
)sql";

// Crash accounting: a check in progress is marked, so that a daemon which
// died during it finds the mark on restart and counts a crash.
constexpr std::string_view kCrashes = R"sql(
ALTER TABLE watches ADD COLUMN checking_since INTEGER NOT NULL DEFAULT 0;
ALTER TABLE watches ADD COLUMN crashes INTEGER NOT NULL DEFAULT 0;
)sql";

// Alerts: who a watch notifies beyond the configured recipients and which
// tags it alerts on ('' = any substantive edit), comma-separated; per
// alert, the Message-ID it threads under, until when a sender has claimed
// it, and the Message-ID it went out as (a digest's, or its own).
constexpr std::string_view kAlerts = R"sql(
ALTER TABLE watches ADD COLUMN notify TEXT NOT NULL DEFAULT '';
ALTER TABLE watches ADD COLUMN alert_on TEXT NOT NULL DEFAULT '';
ALTER TABLE alerts ADD COLUMN thread_root TEXT NOT NULL DEFAULT '';
ALTER TABLE alerts ADD COLUMN sending_until INTEGER NOT NULL DEFAULT 0;
ALTER TABLE alerts ADD COLUMN sent_as TEXT NOT NULL DEFAULT '';
CREATE INDEX alerts_by_change ON alerts(change_id);
)sql";

// Full-text search over every stored version (headline and body).
// unicode61 folds case in Cyrillic and Latin alike and drops diacritics.
// New revisions are indexed in batches (IndexForSearch, after each check
// run or daemon cycle: a commit per revision cost a first check a quarter
// of its time): a new revision waits in search_pending until then. A
// deleted revision leaves the index if it was in it, else the queue (row
// ids of deleted revisions may be used again, so "indexed" is a set, not
// a bound).
constexpr std::string_view kSearch = R"sql(
CREATE VIRTUAL TABLE revisions_fts USING fts5(
  title, body, content = 'revisions', content_rowid = 'id',
  tokenize = 'unicode61 remove_diacritics 2');
CREATE TABLE search_pending (revision_id INTEGER PRIMARY KEY);
INSERT INTO revisions_fts (rowid, title, body) SELECT id, title, body FROM revisions;
CREATE TRIGGER revisions_search_pending AFTER INSERT ON revisions BEGIN
  INSERT INTO search_pending (revision_id) VALUES (new.id);
END;
CREATE TRIGGER revisions_search_delete AFTER DELETE ON revisions BEGIN
  INSERT INTO revisions_fts (revisions_fts, rowid, title, body)
    SELECT 'delete', old.id, old.title, old.body
     WHERE NOT EXISTS (SELECT 1 FROM search_pending WHERE revision_id = old.id);
  DELETE FROM search_pending WHERE revision_id = old.id;
END;
)sql";

// Feeds followed, and every item URL each has listed (canonical), with
// the feed's own title, summary and date for it. A watch a feed created
// names it, stops being checked at expires_at (0: by the schedule's
// maximum age), and ages from published_at, the article's date in the
// feed (0: unknown; from created_at). Watches added before URLs were made
// canonical get the canonical spelling, so that a feed listing the same
// article finds them (a URL whose canonical form another watch already
// has keeps its spelling: OR IGNORE). revwatch_canonical_url is
// core/url_canon.h's CanonicalUrl, registered on every connection. A feed removed leaves its watches; a watch removed
// leaves the item, so the feed does not add it again.
constexpr std::string_view kFeeds = R"sql(
CREATE TABLE feeds (
  id             INTEGER PRIMARY KEY,
  url            TEXT NOT NULL UNIQUE,
  label          TEXT NOT NULL DEFAULT '',
  created_at     INTEGER NOT NULL,
  follow_days    INTEGER NOT NULL,
  every_seconds  INTEGER NOT NULL,
  notify         TEXT NOT NULL DEFAULT '',
  alert_on       TEXT NOT NULL DEFAULT '',
  title          TEXT NOT NULL DEFAULT '',
  format         TEXT NOT NULL DEFAULT '',
  etag           TEXT NOT NULL DEFAULT '',
  last_modified  TEXT NOT NULL DEFAULT '',
  last_polled_at INTEGER NOT NULL DEFAULT 0,
  next_poll_at   INTEGER NOT NULL DEFAULT 0,
  failures       INTEGER NOT NULL DEFAULT 0,
  last_error     TEXT NOT NULL DEFAULT ''
);
CREATE TABLE feed_items (
  feed_id      INTEGER NOT NULL REFERENCES feeds(id) ON DELETE CASCADE,
  url          TEXT NOT NULL,
  watch_id     INTEGER REFERENCES watches(id) ON DELETE SET NULL,
  title        TEXT NOT NULL DEFAULT '',
  summary      TEXT NOT NULL DEFAULT '',
  published    TEXT NOT NULL DEFAULT '',
  published_at INTEGER NOT NULL DEFAULT 0,
  first_seen   INTEGER NOT NULL,
  last_seen    INTEGER NOT NULL,
  PRIMARY KEY (feed_id, url)
) WITHOUT ROWID;
CREATE INDEX feed_items_by_watch ON feed_items(watch_id);
ALTER TABLE watches ADD COLUMN feed_id INTEGER REFERENCES feeds(id) ON DELETE SET NULL;
ALTER TABLE watches ADD COLUMN expires_at INTEGER NOT NULL DEFAULT 0;
ALTER TABLE watches ADD COLUMN published_at INTEGER NOT NULL DEFAULT 0;
CREATE INDEX watches_by_feed ON watches(feed_id);
UPDATE OR IGNORE watches SET url = revwatch_canonical_url(url)
 WHERE url <> revwatch_canonical_url(url);
)sql";

constexpr std::array<std::string_view, 8> kMigrations = {
    kInitialSchema, kChangeScore, kSchedule, kSuspect, kCrashes, kAlerts, kSearch, kFeeds};

}  // namespace

std::span<const std::string_view> SchemaMigrations() { return kMigrations; }

}  // namespace revwatch
