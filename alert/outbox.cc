#include "alert/outbox.h"

#include <algorithm>
#include <map>
#include <random>

#include "diff/edit_classifier.h"

namespace revwatch {
namespace {

constexpr UnixSeconds kFirstRetry = 60;
constexpr UnixSeconds kLongestWait = 86400;
// How long a sender holds an alert it is sending: longer than any send.
constexpr UnixSeconds kClaimSeconds = 600;
// Edits in one digest message: a server's size limit refuses a whole
// message, and that refusal is final.
constexpr std::size_t kDigestEdits = 50;

UnixSeconds RetryDelay(int attempts) {
  UnixSeconds delay = kFirstRetry;
  for (int i = 1; i < attempts && delay < kLongestWait; ++i) delay *= 2;
  return std::min(delay, kLongestWait);
}

std::string RandomHex() {
  std::random_device random;
  const std::uint64_t value = (std::uint64_t{random()} << 32) ^ random();
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out(16, '0');
  for (std::size_t i = 0; i < out.size(); ++i) out[i] = kDigits[(value >> (4 * i)) & 15];
  return out;
}

// "<digest.X@domain>" for an alert's "<X@domain>", plus how many alerts the
// digest holds: the same alerts give the same Message-ID on a re-send.
std::string DigestMessageId(const std::string& first, std::size_t count) {
  return "<digest." + std::to_string(count) + "." + first.substr(1);
}

}  // namespace

bool IsAlertTag(std::string_view tag) { return IsSubstantiveTag(tag); }

std::vector<NewAlert> AlertsFor(const Watch& watch, const ChangeRecord& change, int number,
                                const AlertPolicy& policy) {
  std::vector<NewAlert> alerts;
  if (!change.substantive || number < 2) return alerts;
  if (!watch.alert_on.empty()) {
    const bool wanted = std::any_of(change.tags.begin(), change.tags.end(), [&](const auto& tag) {
      return std::find(watch.alert_on.begin(), watch.alert_on.end(), tag) != watch.alert_on.end();
    });
    if (!wanted) return alerts;
  }
  std::vector<std::string> recipients = policy.to;
  for (const std::string& address : watch.notify) {
    if (std::find(recipients.begin(), recipients.end(), address) == recipients.end()) {
      recipients.push_back(address);
    }
  }
  for (const std::string& recipient : recipients) {
    alerts.push_back({recipient, "<revwatch." + std::to_string(watch.id) + "." +
                                     std::to_string(number) + "." + RandomHex() + "@" + policy.domain +
                                     ">"});
  }
  return alerts;
}

Result<EditFacts> Outbox::FactsOf(const AlertRecord& alert) {
  auto before = store_.GetRevision(alert.watch_id, alert.old_number);
  if (!before) return tl::unexpected(before.error());
  auto after = store_.GetRevision(alert.watch_id, alert.new_number);
  if (!after) return tl::unexpected(after.error());
  EditFacts facts;
  facts.url = alert.url;
  facts.label = alert.label;
  facts.old_number = alert.old_number;
  facts.new_number = alert.new_number;
  facts.old_headline = before->article.title;
  facts.new_headline = after->article.title;
  facts.old_first_seen = before->first_seen;
  facts.new_first_seen = after->first_seen;
  facts.diff = DiffArticles(before->article, after->article, lexicon_);
  return facts;
}

Result<std::vector<std::pair<const AlertRecord*, EditFacts>>> Outbox::Prepare(
    const std::vector<const AlertRecord*>& alerts, UnixSeconds now, DeliverySummary& summary) {
  std::vector<std::pair<const AlertRecord*, EditFacts>> ready;
  for (const AlertRecord* alert : alerts) {
    auto claimed = store_.ClaimAlert(alert->id, now, now + kClaimSeconds);
    if (!claimed) return tl::unexpected(claimed.error());
    if (!*claimed) continue;  // another sender has it
    auto facts = FactsOf(*alert);
    if (!facts) {  // its revisions are gone: nothing left to tell
      if (Status s = store_.MarkAlertFailed(alert->id, facts.error().message, now, true); !s) {
        return tl::unexpected(s.error());
      }
      ++summary.failed;
      summary.errors.push_back(alert->recipient + ": " + facts.error().message);
      continue;
    }
    ready.emplace_back(alert, std::move(*facts));
  }
  return ready;
}

Result<bool> Outbox::SendAndRecord(const std::vector<const AlertRecord*>& alerts,
                                   const Mail& mail, const std::string& message_id,
                                   UnixSeconds now, DeliverySummary& summary) {
  const SendResult result = transport_.Send(mail);
  if (result.sent) {
    std::vector<std::int64_t> ids;
    for (const AlertRecord* alert : alerts) ids.push_back(alert->id);
    if (Status s = store_.MarkAlertsSent(ids, now, message_id); !s) {
      return tl::unexpected(s.error());
    }
    summary.sent += static_cast<int>(ids.size());
    return true;
  }
  for (const AlertRecord* alert : alerts) {
    if (Status s = store_.MarkAlertFailed(alert->id, result.error,
                                          now + RetryDelay(alert->attempts + 1), result.permanent);
        !s) {
      return tl::unexpected(s.error());
    }
    ++(result.permanent ? summary.failed : summary.waiting);
  }
  summary.errors.push_back(alerts.front()->recipient + ": " + result.error);
  return result.permanent;
}

Result<DeliverySummary> Outbox::Deliver(UnixSeconds now, bool everything) {
  DeliverySummary summary;
  auto due = store_.ListAlerts(/*pending_only=*/true, everything ? 0 : now);
  if (!due) return tl::unexpected(due.error());
  if (digest_seconds_ <= 0) {
    for (const AlertRecord& alert : *due) {
      auto ready = Prepare({&alert}, now, summary);
      if (!ready) return tl::unexpected(ready.error());
      if (ready->empty()) continue;
      const MailIdentity identity{smtp_.from, {alert.recipient}, alert.message_id,
                                  alert.thread_root, alert.created_at};
      auto go_on = SendAndRecord({&alert}, BuildAlertMail(ready->front().second, identity),
                                 identity.message_id, now, summary);
      if (!go_on) return tl::unexpected(go_on.error());
      if (!*go_on) break;
    }
    return summary;
  }
  // Digest: per recipient, once the oldest alert has waited an interval,
  // in messages of at most kDigestEdits edits.
  std::map<std::string, std::vector<const AlertRecord*>> by_recipient;
  for (const AlertRecord& alert : *due) by_recipient[alert.recipient].push_back(&alert);
  for (const auto& [recipient, alerts] : by_recipient) {
    if (!everything && alerts.front()->created_at + digest_seconds_ > now) continue;
    for (std::size_t start = 0; start < alerts.size(); start += kDigestEdits) {
      const std::vector<const AlertRecord*> part(
          alerts.begin() + static_cast<std::ptrdiff_t>(start),
          alerts.begin() + static_cast<std::ptrdiff_t>(std::min(alerts.size(), start + kDigestEdits)));
      auto ready = Prepare(part, now, summary);
      if (!ready) return tl::unexpected(ready.error());
      if (ready->empty()) continue;
      std::vector<const AlertRecord*> sending;
      std::vector<EditFacts> edits;
      for (auto& [alert, facts] : *ready) {
        sending.push_back(alert);
        edits.push_back(std::move(facts));
      }
      const MailIdentity identity{smtp_.from, {recipient},
                                  DigestMessageId(sending.front()->message_id, sending.size()), "",
                                  sending.front()->created_at};
      auto go_on = SendAndRecord(sending, BuildDigestMail(edits, identity), identity.message_id,
                                 now, summary);
      if (!go_on) return tl::unexpected(go_on.error());
      if (!*go_on) return summary;
    }
  }
  return summary;
}

}  // namespace revwatch
