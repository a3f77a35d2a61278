// Sends a Mail over SMTP with libcurl: MIME built with curl_mime
// (multipart/alternative, quoted-printable parts, CRLF), STARTTLS
// required unless the settings say otherwise (and then only to a loopback
// server), TLS verified.
#ifndef REVWATCH_ALERT_SMTP_SENDER_H_
#define REVWATCH_ALERT_SMTP_SENDER_H_

#include <string>
#include <vector>

#include "alert/alert_mail.h"
#include "core/error.h"

namespace revwatch {

struct SmtpSettings {
  std::string url;  // smtp://host[:port] (STARTTLS) or smtps://host[:port]
  // Required: STARTTLS or TLS from the start; "try" is never used, since it
  // falls back to plain text when an attacker strips STARTTLS. None: plain
  // text, allowed only to a loopback server.
  bool tls_required = true;
  std::string from;
  std::vector<std::string> to;  // who every alert goes to
  std::string username;         // "" for no authentication
  std::string password;
  // Read at each send, so that people who may not read it can still run
  // the commands that do not send; its permissions are checked at load.
  std::string password_file;
  std::string ca_file;          // certificates to trust; "" for the system's
  long timeout_seconds = 60;

  bool configured() const { return !url.empty(); }
};

// What can be checked without a server: the scheme, the host, plain text
// only to loopback, every address. Errors name the setting.
[[nodiscard]] Status ValidateSmtpSettings(const SmtpSettings& settings);

struct SendResult {
  bool sent = false;
  bool permanent = false;  // the server refused for good (5xx): do not retry
  std::string error;       // what went wrong, for people
};

class MailTransport {
 public:
  virtual ~MailTransport() = default;
  virtual SendResult Send(const Mail& mail) = 0;
};

class SmtpSender final : public MailTransport {
 public:
  explicit SmtpSender(SmtpSettings settings) : settings_(std::move(settings)) {}
  SendResult Send(const Mail& mail) override;

 private:
  SmtpSettings settings_;
};

}  // namespace revwatch

#endif  // REVWATCH_ALERT_SMTP_SENDER_H_
