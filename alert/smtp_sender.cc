#include "alert/smtp_sender.h"

#include <fstream>
#include <memory>

#include "alert/mail_header.h"
#include "core/url_host.h"
#include "fetch/curl_api.h"

namespace revwatch {
namespace {

bool IsImplicitTls(const std::string& url) { return url.rfind("smtps://", 0) == 0; }

// A header line is safe when it holds no CR or LF except CRLF followed by
// a space or tab (folding), and no NUL.
bool IsSafeHeaderLine(const std::string& line) {
  for (std::size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (c == '\0') return false;
    if (c == '\r' && !(i + 2 < line.size() && line[i + 1] == '\n' &&
                       (line[i + 2] == ' ' || line[i + 2] == '\t'))) {
      return false;
    }
    if (c == '\n' && !(i > 0 && line[i - 1] == '\r')) return false;
  }
  return true;
}

// The two parts of a multipart/alternative body, plain text first.
Status AddTextParts(const CurlApi* c, curl_mime* mime, const Mail& mail) {
  struct Part {
    const std::string* data;
    const char* type;
  };
  for (const Part& part : {Part{&mail.text, "text/plain; charset=utf-8"},
                           Part{&mail.html, "text/html; charset=utf-8"}}) {
    if (part.data->empty()) continue;
    curl_mimepart* p = c->mime_addpart(mime);
    if (p == nullptr || c->mime_data(p, part.data->data(), part.data->size()) != CURLE_OK ||
        c->mime_type(p, part.type) != CURLE_OK ||
        c->mime_encoder(p, "quoted-printable") != CURLE_OK) {
      return MakeError(ErrorCode::kNetwork, "cannot build the message");
    }
  }
  return {};
}

}  // namespace

Status ValidateSmtpSettings(const SmtpSettings& s) {
  auto bad = [](const std::string& what) { return MakeError(ErrorCode::kConfig, what); };
  const bool smtps = IsImplicitTls(s.url);
  if (!smtps && s.url.rfind("smtp://", 0) != 0) {
    return bad("smtp.url: expected smtp://host[:port] or smtps://host[:port], got \"" +
               OneLine(s.url) + "\"");
  }
  const std::string host = HostOf(s.url);
  if (host.empty()) return bad("smtp.url: no host in \"" + OneLine(s.url) + "\"");
  if (!s.tls_required && !IsLoopbackHost(host)) {
    return bad("smtp.tls = \"none\" is allowed only for a server on this machine (127.0.0.1, "
               "::1, localhost), not " + host);
  }
  if (!IsValidMailAddress(s.from)) {
    return bad("smtp.from: \"" + OneLine(s.from) + "\" is not a plain address like news@example.org");
  }
  for (const std::string& to : s.to) {
    if (!IsValidMailAddress(to)) {
      return bad("smtp.to: \"" + OneLine(to) + "\" is not a plain address like desk@example.org");
    }
  }
  if (s.username.find_first_of("\r\n") != std::string::npos ||
      s.password.find_first_of("\r\n") != std::string::npos) {
    return bad("smtp: the user name and password may not hold line breaks");
  }
  return {};
}

SendResult SmtpSender::Send(const Mail& mail) {
  SendResult result;
  if (Status s = ValidateSmtpSettings(settings_); !s) {
    result.error = s.error().message;
    return result;
  }
  if (!IsValidMailAddress(mail.from)) {
    result.error = "not a valid sender address: " + OneLine(mail.from);
    result.permanent = true;
    return result;
  }
  for (const std::string& to : mail.to) {
    if (!IsValidMailAddress(to)) {
      result.error = "not a valid recipient address: " + OneLine(to);
      result.permanent = true;
      return result;
    }
  }
  for (const std::string& line : mail.headers) {
    if (!IsSafeHeaderLine(line)) {  // a bug upstream; never send it
      result.error = "refusing a header with a line break in it";
      result.permanent = true;
      return result;
    }
  }
  std::string password = settings_.password;
  if (!settings_.password_file.empty()) {
    std::ifstream in(settings_.password_file, std::ios::binary);
    if (!in || !std::getline(in, password)) {
      result.error = settings_.password_file + ": cannot read the SMTP password";
      return result;
    }
    while (!password.empty() && password.back() == '\r') password.pop_back();
  }
  auto api = LoadCurl();
  if (!api) {
    result.error = api.error().message;
    return result;
  }
  const CurlApi* c = *api;
  CurlEasy easy(c->easy_init(), {c});
  if (!easy) {
    result.error = "curl_easy_init failed";
    return result;
  }
  CURL* h = easy.get();
  CurlSlist recipients(nullptr, {c});
  for (const std::string& to : mail.to) AppendTo(*c, recipients, "<" + to + ">");
  CurlSlist headers(nullptr, {c});
  for (const std::string& line : mail.headers) AppendTo(*c, headers, line);
  CurlMime mime(c->mime_init(h), {c});
  if (!mime) {
    result.error = "curl_mime_init failed";
    return result;
  }
  if (Status s = AddTextParts(c, mime.get(), mail); !s) {
    result.error = s.error().message;
    return result;
  }
  const std::string mail_from = "<" + mail.from + ">";
  char error_buffer[CURL_ERROR_SIZE] = "";
  // What keeps the mail private must take effect, or nothing is sent.
  const bool secured =
      c->easy_setopt(h, CURLOPT_URL, settings_.url.c_str()) == CURLE_OK &&
      c->easy_setopt(h, CURLOPT_PROTOCOLS_STR, "smtp,smtps") == CURLE_OK &&
      c->easy_setopt(h, CURLOPT_USE_SSL, static_cast<long>(settings_.tls_required
                                                               ? CURLUSESSL_ALL
                                                               : CURLUSESSL_NONE)) == CURLE_OK &&
      c->easy_setopt(h, CURLOPT_SSL_VERIFYPEER, 1L) == CURLE_OK &&
      c->easy_setopt(h, CURLOPT_SSL_VERIFYHOST, 2L) == CURLE_OK &&
      (settings_.ca_file.empty() ||
       c->easy_setopt(h, CURLOPT_CAINFO, settings_.ca_file.c_str()) == CURLE_OK);
  if (!secured) {
    result.error = "this libcurl cannot enforce the TLS settings; nothing sent";
    return result;
  }
  if (!settings_.username.empty()) {
    c->easy_setopt(h, CURLOPT_USERNAME, settings_.username.c_str());
    c->easy_setopt(h, CURLOPT_PASSWORD, password.c_str());
  }
  c->easy_setopt(h, CURLOPT_MAIL_FROM, mail_from.c_str());
  c->easy_setopt(h, CURLOPT_MAIL_RCPT, recipients.get());
  c->easy_setopt(h, CURLOPT_HTTPHEADER, headers.get());
  c->easy_setopt(h, CURLOPT_MIMEPOST, mime.get());
  c->easy_setopt(h, CURLOPT_CONNECTTIMEOUT, std::min(30L, settings_.timeout_seconds));
  c->easy_setopt(h, CURLOPT_TIMEOUT, settings_.timeout_seconds);
  c->easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
  c->easy_setopt(h, CURLOPT_ERRORBUFFER, error_buffer);
  const CURLcode code = c->easy_perform(h);
  if (code == CURLE_OK) {
    result.sent = true;
    return result;
  }
  long reply = 0;
  c->easy_getinfo(h, CURLINFO_RESPONSE_CODE, &reply);
  result.error = std::string(error_buffer[0] != '\0' ? error_buffer : c->easy_strerror(code));
  if (reply > 0) result.error += " (server said " + std::to_string(reply) + ")";
  if (code == CURLE_USE_SSL_FAILED) {
    result.error += "; the server offered no STARTTLS, and plain text is not allowed";
  }
  // A refused mailbox, address or message (550-554) is final; anything
  // else, a refused login or "authentication required" included, is a
  // server or a setting to fix, so the alert waits for it.
  result.permanent = reply >= 550 && reply <= 554 && code != CURLE_LOGIN_DENIED;
  return result;
}

}  // namespace revwatch
