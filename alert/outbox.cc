#include "alert/outbox.h"

#include <algorithm>
#include <map>
#include <random>

#include "diff/edit_classifier.h"

namespace revwatch {
namespace {

constexpr UnixSeconds kFirstRetry = 60;
constexpr UnixSeconds kLongestWait = 86400;

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
  const std::string domain = policy.domain.empty() ? "revwatch.invalid" : policy.domain;
  for (const std::string& recipient : recipients) {
    alerts.push_back({recipient, "<revwatch." + std::to_string(watch.id) + "." +
                                     std::to_string(number) + "." + RandomHex() + "@" + domain +
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

Status Outbox::Record(const std::vector<const AlertRecord*>& alerts, const SendResult& result,
                      const std::string& message_id, UnixSeconds now, DeliverySummary& summary) {
  for (const AlertRecord* alert : alerts) {
    Status s = result.sent ? store_.MarkAlertSent(alert->id, now, message_id)
                           : store_.MarkAlertFailed(alert->id, result.error,
                                                    now + RetryDelay(alert->attempts + 1),
                                                    result.permanent);
    if (!s) return s;
    if (result.sent) {
      ++summary.sent;
    } else if (result.permanent) {
      ++summary.failed;
    } else {
      ++summary.waiting;
    }
  }
  if (!result.sent) {
    summary.errors.push_back(alerts.front()->recipient + ": " + result.error);
  }
  return {};
}

Result<DeliverySummary> Outbox::Deliver(UnixSeconds now, bool everything) {
  DeliverySummary summary;
  auto due = store_.ListAlerts(/*pending_only=*/true, everything ? 0 : now);
  if (!due) return tl::unexpected(due.error());
  if (digest_seconds_ <= 0) {
    for (const AlertRecord& alert : *due) {
      auto facts = FactsOf(alert);
      if (!facts) return tl::unexpected(facts.error());
      const MailIdentity identity{smtp_.from, {alert.recipient}, alert.message_id,
                                  alert.thread_root, alert.created_at};
      const SendResult result = transport_.Send(BuildAlertMail(*facts, identity));
      if (Status s = Record({&alert}, result, alert.message_id, now, summary); !s) {
        return tl::unexpected(s.error());
      }
    }
    return summary;
  }
  // Digest: per recipient, once the oldest alert has waited an interval.
  std::map<std::string, std::vector<const AlertRecord*>> by_recipient;
  for (const AlertRecord& alert : *due) by_recipient[alert.recipient].push_back(&alert);
  for (const auto& [recipient, alerts] : by_recipient) {
    if (!everything && alerts.front()->created_at + digest_seconds_ > now) continue;
    std::vector<EditFacts> edits;
    for (const AlertRecord* alert : alerts) {
      auto facts = FactsOf(*alert);
      if (!facts) return tl::unexpected(facts.error());
      edits.push_back(std::move(*facts));
    }
    const std::string message_id = DigestMessageId(alerts.front()->message_id, alerts.size());
    const MailIdentity identity{smtp_.from, {recipient}, message_id, "",
                                alerts.front()->created_at};
    const SendResult result = transport_.Send(BuildDigestMail(edits, identity));
    if (Status s = Record(alerts, result, message_id, now, summary); !s) {
      return tl::unexpected(s.error());
    }
  }
  return summary;
}

}  // namespace revwatch
