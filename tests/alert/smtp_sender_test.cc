#include "alert/smtp_sender.h"

#include <gtest/gtest.h>

namespace revwatch {
namespace {

SmtpSettings Loopback() {
  SmtpSettings s;
  s.url = "smtp://127.0.0.1:9";  // never reached in these tests
  s.tls_required = false;
  s.from = "revwatch@example.org";
  return s;
}

TEST(SmtpSenderTest, SettingsAreCheckedBeforeAnyConnection) {
  EXPECT_TRUE(ValidateSmtpSettings(Loopback()));
  SmtpSettings remote_plain = Loopback();
  remote_plain.url = "smtp://mail.example.org:25";
  EXPECT_FALSE(ValidateSmtpSettings(remote_plain));
  remote_plain.tls_required = true;
  EXPECT_TRUE(ValidateSmtpSettings(remote_plain));
  SmtpSettings http = Loopback();
  http.url = "http://127.0.0.1/";
  EXPECT_FALSE(ValidateSmtpSettings(http));
  SmtpSettings bad_to = Loopback();
  bad_to.to = {"desk@example.org\r\nRCPT TO:<evil@example.net>"};
  EXPECT_FALSE(ValidateSmtpSettings(bad_to));
}

TEST(SmtpSenderTest, AHeaderWithALineBreakOrABadAddressIsNeverSent) {
  SmtpSender sender(Loopback());
  Mail mail;
  mail.from = "revwatch@example.org";
  mail.to = {"desk@example.org"};
  mail.headers = {"Subject: fine\r\nBcc: evil@example.net"};
  mail.text = "text";
  SendResult result = sender.Send(mail);
  EXPECT_FALSE(result.sent);
  EXPECT_TRUE(result.permanent);
  EXPECT_NE(result.error.find("line break"), std::string::npos) << result.error;
  mail.headers = {"Subject: folded\r\n is fine"};
  mail.to = {"desk@example.org>\r\nRCPT TO:<evil@example.net"};
  result = sender.Send(mail);
  EXPECT_FALSE(result.sent);
  EXPECT_NE(result.error.find("recipient"), std::string::npos) << result.error;
}

}  // namespace
}  // namespace revwatch
