// Alerts as `check` and `daemon` use them: who hears of edits (from the
// configuration) and sending what is due.
#ifndef REVWATCH_CLI_ALERT_DELIVERY_H_
#define REVWATCH_CLI_ALERT_DELIVERY_H_

#include <string>

#include "alert/outbox.h"
#include "cli/config.h"

namespace revwatch {

// [smtp] to, and the From address's domain for Message-IDs.
AlertPolicy AlertPolicyFrom(const Config& config);

// Sends the alerts due now (every pending one with `everything`) when
// [smtp] is configured; otherwise does nothing and returns an empty
// summary. Errors are storage errors; a refused or failed send is in the
// summary.
[[nodiscard]] Result<DeliverySummary> DeliverAlerts(RevisionStore& store, const Config& config,
                                                    const Lexicon& lexicon, bool everything);

// "alerts: 2 sent, 1 waiting to retry (desk@example.org: ...)" or "".
std::string DescribeDelivery(const DeliverySummary& summary);

}  // namespace revwatch

#endif  // REVWATCH_CLI_ALERT_DELIVERY_H_
