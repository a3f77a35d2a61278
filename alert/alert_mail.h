// The alert e-mail a journalist opens: what kind of edit, the headline
// before and after, the word diff with a few words of context, when each
// version was first seen and how to see it in the CLI. Built here as data
// (headers, a text part, an HTML part); smtp_sender.h turns it into MIME
// with libcurl and sends it.
#ifndef REVWATCH_ALERT_ALERT_MAIL_H_
#define REVWATCH_ALERT_ALERT_MAIL_H_

#include <string>
#include <vector>

#include "core/timestamp.h"
#include "diff/word_diff.h"

namespace revwatch {

struct Mail {
  std::string from;                  // envelope sender and From:
  std::vector<std::string> to;       // envelope recipients and To:
  std::vector<std::string> headers;  // "Name: value" lines, every one safe
  std::string text;                  // text/plain, UTF-8, CRLF line ends
  std::string html;                  // text/html, UTF-8
};

// One edit of one article: two stored versions and their diff.
struct EditFacts {
  std::string url;
  std::string label;
  int old_number = 0;
  int new_number = 0;
  std::string old_headline;
  std::string new_headline;
  UnixSeconds old_first_seen = 0;
  UnixSeconds new_first_seen = 0;
  ArticleDiff diff;
};

// Who and which message: the Message-ID is stable per alert (a re-send
// after a crash carries the same one); `thread_root` is the Message-ID of
// the first alert about the same article, "" for that first one.
struct MailIdentity {
  std::string from;
  std::vector<std::string> to;
  std::string message_id;   // "<...@...>"
  std::string thread_root;  // "<...@...>" or ""
  UnixSeconds date = 0;
};

// "[revwatch] denial, headline: <new headline>" with every substantive
// tag, and X-Revwatch-Tags with all of them.
Mail BuildAlertMail(const EditFacts& edit, const MailIdentity& identity);

// One message for several edits (digest mode), each as in an alert.
Mail BuildDigestMail(const std::vector<EditFacts>& edits, const MailIdentity& identity);

// `revwatch test-mail`: proves the SMTP settings work.
Mail BuildTestMail(const MailIdentity& identity);

// RFC 5322 date-time in UTC: "Thu, 26 Nov 2026 09:45:00 +0000".
std::string FormatMailDate(UnixSeconds t);

// The substantive tags of `diff`, in the classifier's order.
std::vector<std::string> SubstantiveTags(const ArticleDiff& diff);

}  // namespace revwatch

#endif  // REVWATCH_ALERT_ALERT_MAIL_H_
