// SqliteStore's feeds (revision_store.h): the feeds table, the items each
// feed has listed, and the watches they become.
#include <sqlite3.h>

#include <algorithm>

#include "storage/sqlite_statement.h"
#include "storage/sqlite_store.h"
#include "storage/stored_lists.h"

namespace revwatch {
namespace {

constexpr std::string_view kSelectFeed = R"sql(
  SELECT f.id, f.url, f.label, f.created_at, f.follow_days, f.every_seconds, f.notify,
         f.alert_on, f.title, f.format, f.etag, f.last_modified, f.last_polled_at,
         f.next_poll_at, f.failures, f.last_error,
         (SELECT COUNT(*) FROM feed_items i WHERE i.feed_id = f.id),
         (SELECT COUNT(*) FROM watches w WHERE w.feed_id = f.id)
    FROM feeds f )sql";

Feed ReadFeed(const Statement& row) {
  Feed f;
  f.id = row.Int(0);
  f.url = row.Text(1);
  f.label = row.Text(2);
  f.created_at = row.Int(3);
  f.follow_days = static_cast<int>(row.Int(4));
  f.every_seconds = row.Int(5);
  f.notify = Split(row.Text(6), ',', /*keep_empty=*/false);
  f.alert_on = Split(row.Text(7), ',', /*keep_empty=*/false);
  f.title = row.Text(8);
  f.format = row.Text(9);
  f.etag = row.Text(10);
  f.last_modified = row.Text(11);
  f.last_polled_at = row.Int(12);
  f.next_poll_at = row.Int(13);
  f.failures = static_cast<int>(row.Int(14));
  f.last_error = row.Text(15);
  f.items = static_cast<int>(row.Int(16));
  f.watches = static_cast<int>(row.Int(17));
  return f;
}

constexpr UnixSeconds kDay = 24 * 3600;

}  // namespace

Result<Feed> SqliteStore::AddFeed(const std::string& url, const FeedSettings& settings) {
  auto txn = BeginWrite();
  if (!txn) return tl::unexpected(txn.error());
  auto stmt = Statement::Prepare(
      db_, "INSERT INTO feeds (url, label, created_at, follow_days, every_seconds, notify, "
           "alert_on) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (url) DO NOTHING");
  if (!stmt) return tl::unexpected(stmt.error());
  stmt->Bind(1, url)
      .Bind(2, settings.label)
      .Bind(3, NowUnixSeconds())
      .Bind(4, std::int64_t{settings.follow_days})
      .Bind(5, settings.every_seconds)
      .Bind(6, Join(settings.notify, ','))
      .Bind(7, Join(settings.alert_on, ','));
  if (Status s = stmt->Run(); !s) return tl::unexpected(s.error());
  if (sqlite3_changes(db_) == 0) {
    return MakeError(ErrorCode::kInvalidArgument, url + ": this feed is followed already");
  }
  const FeedId id = sqlite3_last_insert_rowid(db_);
  if (Status s = CommitDurably(*txn); !s) return tl::unexpected(s.error());
  return FindFeed(std::to_string(id));
}

Result<Feed> SqliteStore::FindFeed(std::string_view url_or_id) {
  auto stmt = SelectByIdOrUrl(db_, kSelectFeed, "f.id", "f.url", url_or_id);
  if (!stmt) return tl::unexpected(stmt.error());
  auto row = stmt->Step();
  if (!row) return tl::unexpected(row.error());
  if (!*row) {
    return MakeError(ErrorCode::kNotFound, "feed " + std::string(url_or_id) +
                                               ": not followed; `revwatch feed list` shows "
                                               "the feeds");
  }
  return ReadFeed(*stmt);
}

Result<std::vector<Feed>> SqliteStore::ListFeeds() {
  auto stmt = Statement::Prepare(db_, std::string(kSelectFeed) + "ORDER BY f.id");
  if (!stmt) return tl::unexpected(stmt.error());
  return ReadRows(*stmt, ReadFeed);
}

Status SqliteStore::RemoveFeed(FeedId id) {
  return DeleteDurably("DELETE FROM feeds WHERE id = ?", id, "feed");
}

Result<std::vector<FeedEntry>> SqliteStore::ListFeedEntries(FeedId id) {
  auto stmt = Statement::Prepare(
      db_, "SELECT url, title, summary, published, published_at, COALESCE(watch_id, 0), "
           "first_seen, last_seen FROM feed_items WHERE feed_id = ? ORDER BY "
           "CASE WHEN published_at > 0 THEN published_at ELSE first_seen END DESC, url");
  if (!stmt) return tl::unexpected(stmt.error());
  stmt->Bind(1, id);
  return ReadRows(*stmt, [](const Statement& row) {
    FeedEntry e;
    e.url = row.Text(0);
    e.title = row.Text(1);
    e.summary = row.Text(2);
    e.published = row.Text(3);
    e.published_at = row.Int(4);
    e.watch_id = row.Int(5);
    e.first_seen = row.Int(6);
    e.last_seen = row.Int(7);
    return e;
  });
}

Result<FeedReconciliation> SqliteStore::ReconcileFeed(FeedId id,
                                                      const std::vector<FeedEntry>& entries,
                                                      UnixSeconds now, bool watch_undated) {
  auto feed = FindFeed(std::to_string(id));
  if (!feed) return tl::unexpected(feed.error());
  auto txn = BeginWrite();
  if (!txn) return tl::unexpected(txn.error());
  auto find_item = Statement::Prepare(
      db_, "SELECT title, summary, COALESCE(watch_id, 0) FROM feed_items "
           "WHERE feed_id = ? AND url = ?");
  auto update_item = Statement::Prepare(
      db_, "UPDATE feed_items SET title = COALESCE(NULLIF(?, ''), title), "
           "summary = COALESCE(NULLIF(?, ''), summary), published = ?, published_at = ?, "
           "last_seen = ? WHERE feed_id = ? AND url = ?");
  auto insert_item = Statement::Prepare(
      db_, "INSERT INTO feed_items (feed_id, url, watch_id, title, summary, published, "
           "published_at, first_seen, last_seen) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
  auto find_watch = Statement::Prepare(db_, "SELECT id FROM watches WHERE url = ?");
  auto insert_watch = Statement::Prepare(
      db_, "INSERT INTO watches (url, label, created_at, notify, alert_on, feed_id, expires_at, "
           "published_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
  auto due_now = Statement::Prepare(
      db_, "UPDATE watches SET next_check_at = 0 WHERE id = ? AND state = 'active'");
  for (auto* stmt : {&find_item, &update_item, &insert_item, &find_watch, &insert_watch, &due_now}) {
    if (!*stmt) return tl::unexpected(stmt->error());
  }
  const std::string notify = Join(feed->notify, ',');
  const std::string alert_on = Join(feed->alert_on, ',');
  const UnixSeconds window = std::int64_t{feed->follow_days} * kDay;
  FeedReconciliation result;
  for (const FeedEntry& entry : entries) {
    find_item->Reset().Bind(1, id).Bind(2, entry.url);
    auto known = find_item->Step();
    if (!known) return tl::unexpected(known.error());
    if (*known) {
      // A title or summary the feed leaves out this time (a sitemap
      // without news:title, a feed that drops <description>) is no change.
      const bool retitled = (!entry.title.empty() && find_item->Text(0) != entry.title) ||
                            (!entry.summary.empty() && find_item->Text(1) != entry.summary);
      const WatchId watch = find_item->Int(2);
      update_item->Reset()
          .Bind(1, entry.title)
          .Bind(2, entry.summary)
          .Bind(3, entry.published)
          .Bind(4, entry.published_at)
          .Bind(5, now)
          .Bind(6, id)
          .Bind(7, entry.url);
      if (Status s = update_item->Run(); !s) return tl::unexpected(s.error());
      if (retitled && watch != 0) {
        due_now->Reset().Bind(1, watch);
        if (Status s = due_now->Run(); !s) return tl::unexpected(s.error());
        if (sqlite3_changes(db_) == 1) result.retitled.push_back(watch);
      }
      continue;
    }
    ++result.new_items;
    // Followed from the item's date (a feed that lists week-old articles
    // does not restart their clock), or from now when it has none.
    const UnixSeconds start = entry.published_at > 0 ? std::min(entry.published_at, now) : now;
    WatchId watch = 0;
    if (start + window <= now) {
      ++result.too_old;
    } else if (entry.published_at == 0 && !watch_undated) {
      ++result.undated;
    } else {
      find_watch->Reset().Bind(1, entry.url);
      auto existing = find_watch->Step();
      if (!existing) return tl::unexpected(existing.error());
      if (*existing) {
        watch = find_watch->Int(0);
        ++result.already_watched;
      } else {
        insert_watch->Reset()
            .Bind(1, entry.url)
            .Bind(2, feed->label)
            .Bind(3, now)
            .Bind(4, notify)
            .Bind(5, alert_on)
            .Bind(6, id)
            .Bind(7, start + window)
            .Bind(8, entry.published_at > 0 ? start : 0);
        if (Status s = insert_watch->Run(); !s) return tl::unexpected(s.error());
        watch = sqlite3_last_insert_rowid(db_);
        result.added.push_back(watch);
      }
    }
    insert_item->Reset()
        .Bind(1, id)
        .Bind(2, entry.url)
        .Bind(4, entry.title)
        .Bind(5, entry.summary)
        .Bind(6, entry.published)
        .Bind(7, entry.published_at)
        .Bind(8, now)
        .Bind(9, now);
    if (watch != 0) {
      insert_item->Bind(3, watch);
    } else {
      insert_item->BindNull(3);
    }
    if (Status s = insert_item->Run(); !s) return tl::unexpected(s.error());
  }
  // New watches are part of the list of watches: on disk before return.
  if (Status s = result.added.empty() ? txn->Commit() : CommitDurably(*txn); !s) {
    return tl::unexpected(s.error());
  }
  return result;
}

Status SqliteStore::RecordFeedPoll(FeedId id, const FeedPoll& poll) {
  auto stmt = Statement::Prepare(
      db_, "UPDATE feeds SET last_polled_at = ?, next_poll_at = ?, failures = ?, last_error = ?, "
           "title = CASE WHEN ? THEN ? ELSE title END, "
           "format = CASE WHEN ? THEN ? ELSE format END, "
           "etag = CASE WHEN ? THEN ? ELSE etag END, "
           "last_modified = CASE WHEN ? THEN ? ELSE last_modified END WHERE id = ?");
  if (!stmt) return tl::unexpected(stmt.error());
  const std::int64_t fetched = poll.fetched ? 1 : 0;
  stmt->Bind(1, poll.polled_at)
      .Bind(2, poll.next_poll_at)
      .Bind(3, std::int64_t{poll.failures})
      .Bind(4, poll.error)
      .Bind(5, fetched)
      .Bind(6, poll.title)
      .Bind(7, fetched)
      .Bind(8, poll.format)
      .Bind(9, fetched)
      .Bind(10, poll.etag)
      .Bind(11, fetched)
      .Bind(12, poll.last_modified)
      .Bind(13, id);
  return RunWrite(*stmt);
}

}  // namespace revwatch
