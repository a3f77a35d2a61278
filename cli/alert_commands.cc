// revwatch alerts [--json] | alerts send | test-mail ADDR, and the alert
// delivery `check` and `daemon` share (alert_delivery.h).
#include <iostream>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "alert/mail_header.h"
#include "cli/alert_delivery.h"
#include "cli/cli_context.h"
#include "cli/json_values.h"
#include "core/timestamp.h"

namespace revwatch {

AlertPolicy AlertPolicyFrom(const Config& config) {
  AlertPolicy policy;
  if (!config.smtp.configured()) return policy;
  policy.to = config.smtp.to;
  const std::size_t at = config.smtp.from.rfind('@');
  if (at != std::string::npos) policy.domain = config.smtp.from.substr(at + 1);
  return policy;
}

Result<DeliverySummary> DeliverAlerts(RevisionStore& store, const Config& config,
                                      const Lexicon& lexicon, bool everything) {
  if (!config.smtp.configured()) return DeliverySummary{};
  SmtpSender sender(config.smtp);
  Outbox outbox(store, sender, lexicon, config.smtp, config.alert_digest);
  return outbox.Deliver(NowUnixSeconds(), everything);
}

std::string DescribeDelivery(const DeliverySummary& summary) {
  if (summary.sent + summary.waiting + summary.failed == 0) return "";
  std::string line = "alerts: " + std::to_string(summary.sent) + " sent";
  if (summary.waiting > 0) line += ", " + std::to_string(summary.waiting) + " waiting to retry";
  if (summary.failed > 0) line += ", " + std::to_string(summary.failed) + " refused for good";
  if (!summary.errors.empty()) line += " (" + summary.errors.front() + ")";
  return line;
}

namespace {

std::string TimeOrDash(UnixSeconds t) { return t == 0 ? "-" : FormatIso8601Utc(t); }

int RunAlerts(const CliContext& ctx, bool json) {
  auto store = ctx.OpenStore(/*read_only=*/true);
  if (!store) return ReportError(store.error());
  auto alerts = (*store)->ListAlerts(/*pending_only=*/false, 0);
  if (!alerts) return ReportError(alerts.error());
  if (json) {
    nlohmann::json list = nlohmann::json::array();
    for (const AlertRecord& a : *alerts) {
      list.push_back({{"id", a.id},
                      {"status", a.status},
                      {"recipient", a.recipient},
                      {"url", a.url},
                      {"revisions", {a.old_number, a.new_number}},
                      {"tags", a.tags},
                      {"created", FormatIso8601Utc(a.created_at)},
                      {"attempts", a.attempts},
                      {"next_attempt", a.status == "pending"
                                           ? nlohmann::json(FormatIso8601Utc(a.next_attempt_at))
                                           : nlohmann::json(nullptr)},
                      {"sent", JsonTime(a.sent_at)},
                      {"last_error", a.last_error},
                      {"message_id", a.message_id}});
    }
    std::cout << list.dump(2) << "\n";
    return kExitOk;
  }
  if (alerts->empty()) {
    std::cout << "no alerts yet: they are written when a watched article changes "
                 "substantively and [smtp] or --notify names someone to tell\n";
    return kExitOk;
  }
  for (const AlertRecord& a : *alerts) {
    std::string tags;
    for (const std::string& tag : a.tags) tags += (tags.empty() ? "" : ",") + tag;
    std::cout << a.id << "\t" << a.status << "\t" << a.recipient << "\t" << a.url << " "
              << a.old_number << "->" << a.new_number << "\t[" << tags << "]\t";
    if (a.status == "sent") {
      std::cout << "sent " << TimeOrDash(a.sent_at);
    } else if (a.status == "pending") {
      std::cout << a.attempts << " attempts, next " << TimeOrDash(a.next_attempt_at);
    } else {
      std::cout << "after " << a.attempts << " attempts";
    }
    if (!a.last_error.empty() && a.status != "sent") std::cout << "\t" << a.last_error;
    std::cout << "\n";
  }
  return kExitOk;
}

int RunAlertsSend(const CliContext& ctx) {
  auto config = LoadConfig(ctx.config_path);
  if (!config) return ReportError(config.error());
  if (!config->smtp.configured()) {
    std::cerr << "revwatch: no [smtp] table in the configuration; see `man revwatch`\n";
    return kExitUsage;
  }
  auto lexicon = LexiconWith(config->lexicons);
  if (!lexicon) return ReportError(lexicon.error());
  auto store = ctx.OpenStore();
  if (!store) return ReportError(store.error());
  auto summary = DeliverAlerts(**store, *config, *lexicon, /*everything=*/true);
  if (!summary) return ReportError(summary.error());
  const std::string line = DescribeDelivery(*summary);
  std::cout << (line.empty() ? "alerts: nothing to send" : line) << "\n";
  return summary->waiting + summary->failed == 0 ? kExitOk : kExitFailure;
}

int RunTestMail(const CliContext& ctx, const std::string& address) {
  if (!IsValidMailAddress(address)) {
    std::cerr << "revwatch: \"" << OneLine(address)
              << "\" is not a plain address like desk@example.org\n";
    return kExitUsage;
  }
  auto config = LoadConfig(ctx.config_path);
  if (!config) return ReportError(config.error());
  if (!config->smtp.configured()) {
    std::cerr << "revwatch: no [smtp] table in the configuration; see `man revwatch`\n";
    return kExitUsage;
  }
  const AlertPolicy policy = AlertPolicyFrom(*config);
  const UnixSeconds now = NowUnixSeconds();
  const MailIdentity identity{config->smtp.from, {address},
                              "<revwatch.test." + std::to_string(now) + "@" +
                                  policy.domain +
                                  ">",
                              "", now};
  SmtpSender sender(config->smtp);
  const SendResult result = sender.Send(BuildTestMail(identity));
  if (!result.sent) {
    std::cerr << "revwatch: test message to " << address << " not sent: " << result.error << "\n";
    return kExitFailure;
  }
  std::cout << "test message sent to " << address << " via " << config->smtp.url << "\n";
  return kExitOk;
}

}  // namespace

void RegisterAlertCommands(CLI::App& app, CliContext& ctx) {
  auto json = std::make_shared<bool>(false);
  CLI::App* alerts =
      app.add_subcommand("alerts", "List e-mail alerts: pending, sent, failed")
          ->footer("Examples:\n  revwatch alerts\n  revwatch alerts --json\n"
                   "  revwatch alerts send   (deliver every pending alert now)");
  alerts->add_flag("--json", *json, "Print JSON");
  CLI::App* send = alerts->add_subcommand("send", "Deliver every pending alert now");
  send->callback([&ctx] { ctx.exit_code = RunAlertsSend(ctx); });
  alerts->callback([&ctx, json, send] {
    if (send->parsed()) return;
    ctx.exit_code = RunAlerts(ctx, *json);
  });

  auto address = std::make_shared<std::string>();
  CLI::App* test = app.add_subcommand("test-mail", "Send a test message with the [smtp] settings")
                       ->footer("Example: revwatch test-mail desk@example.org");
  test->add_option("address", *address, "Recipient")->required();
  test->callback([&ctx, address] { ctx.exit_code = RunTestMail(ctx, *address); });
}

}  // namespace revwatch
