// The outbox. An alert is a row written in the same transaction as the
// revision and change it is about (storage), so no edit is ever stored
// without its alert. Deliver() claims each due alert (so two senders, say
// the daemon and `revwatch alerts send`, never both send it), sends it,
// marks it sent once the server has answered 250, and on failure tries
// again later, the wait doubling from a minute to at most a day; a refused
// recipient or message (550-554) is final. A crash between the server's
// 250 and the mark re-sends that alert once, when its claim runs out, with
// the same Message-ID, so mail clients show it once. After a failure that
// is not final the round stops: the server is likely down for all of them.
#ifndef REVWATCH_ALERT_OUTBOX_H_
#define REVWATCH_ALERT_OUTBOX_H_

#include <string>
#include <utility>
#include <vector>

#include "alert/smtp_sender.h"
#include "diff/lexicon.h"
#include "storage/revision_store.h"

namespace revwatch {

// Who hears of a watch's substantive edits and how their Message-IDs end.
struct AlertPolicy {
  std::vector<std::string> to;  // the configured recipients ([smtp] to)
  std::string domain = "revwatch.invalid";  // the From address's domain
};

// The alerts for revision `number` of `watch` with `change`: one per
// recipient (the configured ones and the watch's own), if the change is
// substantive and carries a tag the watch alerts on (any, by default).
std::vector<NewAlert> AlertsFor(const Watch& watch, const ChangeRecord& change, int number,
                                const AlertPolicy& policy);

// The tags `--alert-on` accepts: the substantive ones.
bool IsAlertTag(std::string_view tag);

struct DeliverySummary {
  int sent = 0;      // alerts the server took (several per digest)
  int waiting = 0;   // failed for now, tried again later
  int failed = 0;    // refused for good
  std::vector<std::string> errors;
};

class Outbox {
 public:
  // `digest_seconds` > 0: each recipient gets one message per interval
  // listing every alert, instead of one message per alert.
  Outbox(RevisionStore& store, MailTransport& transport, const Lexicon& lexicon,
         SmtpSettings smtp, UnixSeconds digest_seconds = 0)
      : store_(store),
        transport_(transport),
        lexicon_(lexicon),
        smtp_(std::move(smtp)),
        digest_seconds_(digest_seconds) {}

  // Sends the alerts due at `now`. `everything`: every pending alert, the
  // back-off and the digest interval notwithstanding (`revwatch alerts send`).
  [[nodiscard]] Result<DeliverySummary> Deliver(UnixSeconds now, bool everything = false);

 private:
  Result<EditFacts> FactsOf(const AlertRecord& alert);
  // Claims `alerts` and gathers what their message needs; alerts another
  // sender holds are left out, those whose revisions are gone marked failed.
  Result<std::vector<std::pair<const AlertRecord*, EditFacts>>> Prepare(
      const std::vector<const AlertRecord*>& alerts, UnixSeconds now, DeliverySummary& summary);
  // Sends one message for `alerts`, with Message-ID `message_id`, and
  // records the outcome; false when the round should stop (a failure that
  // is not final).
  Result<bool> SendAndRecord(const std::vector<const AlertRecord*>& alerts, const Mail& mail,
                             const std::string& message_id, UnixSeconds now,
                             DeliverySummary& summary);

  RevisionStore& store_;
  MailTransport& transport_;
  const Lexicon& lexicon_;
  SmtpSettings smtp_;
  UnixSeconds digest_seconds_;
};

}  // namespace revwatch

#endif  // REVWATCH_ALERT_OUTBOX_H_
