#include "alert/alert_mail.h"

#include <algorithm>
#include <cstdio>
#include <ctime>

#include "alert/mail_header.h"
#include "diff/diff_render.h"
#include "diff/edit_classifier.h"

namespace revwatch {
namespace {

constexpr int kContextWords = 8;          // unchanged words kept around a change
constexpr std::size_t kSubjectHeadline = 150;  // bytes of headline in a subject

std::string Join(const std::vector<std::string>& items, const char* separator) {
  std::string out;
  for (const std::string& item : items) out += (out.empty() ? "" : separator) + item;
  return out;
}

// At most `limit` bytes of one-line `text`, cut at a UTF-8 boundary, "…"
// marking a cut.
std::string Shorten(const std::string& text, std::size_t limit) {
  if (text.size() <= limit) return text;
  std::size_t end = limit;
  while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
  return text.substr(0, end) + "\u2026";
}

std::string Crlf(const std::string& text) {
  std::string out;
  out.reserve(text.size() + text.size() / 16);
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n' && (i == 0 || text[i - 1] != '\r')) out += '\r';
    out += text[i];
  }
  return out;
}

std::string Seen(UnixSeconds t) {
  std::string iso = FormatIso8601Utc(t);  // 2026-01-27T13:36:00Z
  if (iso.size() >= 16) iso = iso.substr(0, 10) + " " + iso.substr(11, 5) + " UTC";
  return iso;
}

std::string DiffCommand(const EditFacts& edit) {
  return "revwatch diff '" + edit.url + "' " + std::to_string(edit.old_number) + " " +
         std::to_string(edit.new_number);
}

std::vector<std::string> CommonHeaders(const MailIdentity& identity, const std::string& subject,
                                       const std::vector<std::string>& tags) {
  std::vector<std::string> headers = {
      "From: revwatch <" + identity.from + ">",
      "To: " + Join(identity.to, ", "),
      "Subject: " + EncodeHeaderValue("Subject", subject),
      "Date: " + FormatMailDate(identity.date),
      "Message-ID: " + identity.message_id,
      "Auto-Submitted: auto-generated",
      // The root part: libcurl adds the boundary.
      "Content-Type: multipart/alternative",
  };
  if (!identity.thread_root.empty() && identity.thread_root != identity.message_id) {
    headers.push_back("In-Reply-To: " + identity.thread_root);
    headers.push_back("References: " + identity.thread_root);
  }
  if (!tags.empty()) headers.push_back("X-Revwatch-Tags: " + OneLine(Join(tags, ", ")));
  return headers;
}

std::string EditText(const EditFacts& edit) {
  const std::vector<std::string> tags = SubstantiveTags(edit.diff);
  std::string out = (tags.empty() ? std::string("edited") : Join(tags, ", ")) + ": " +
                    OneLine(edit.new_headline) + "\n" + edit.url + "\n\n";
  if (OneLine(edit.old_headline) != OneLine(edit.new_headline)) {
    out += "Headline was: " + OneLine(edit.old_headline) + "\n";
    out += "Headline now: " + OneLine(edit.new_headline) + "\n";
  }
  out += "Version " + std::to_string(edit.old_number) + " first seen " +
         Seen(edit.old_first_seen) + "; version " + std::to_string(edit.new_number) +
         " first seen " + Seen(edit.new_first_seen) + ".\n";
  out += "Tags: " + Join(edit.diff.tags, ", ") + "\n\n";
  out += RenderDiff(edit.diff, DiffStyle::kText, kContextWords);
  out += "\nThe whole diff: " + DiffCommand(edit) + "\n";
  return out;
}

std::string TagLabels(const ArticleDiff& diff) {
  std::string out;
  for (const std::string& tag : diff.tags) {
    const bool substantive = IsSubstantiveTag(tag);
    out += std::string("<span style=\"display:inline-block;margin:0 4px 4px 0;padding:1px 8px;"
                       "border-radius:9px;font:bold 12px sans-serif;") +
           (substantive ? "background:#9f1c1c;color:#fff" : "background:#e4e4e4;color:#444") +
           "\">" + EscapeHtml(tag) + "</span>";
  }
  return out;
}

std::string EditHtml(const EditFacts& edit) {
  const std::string when = "style=\"padding:2px 12px 2px 0;vertical-align:top;white-space:nowrap\"";
  const std::string cell = "style=\"padding:2px 12px 2px 0;vertical-align:top\"";
  std::string out = "<div style=\"margin:0 0 28px\">\n<p style=\"margin:0 0 6px\">" +
                    TagLabels(edit.diff) + "</p>\n";
  out += "<h1 style=\"margin:0 0 4px;font:bold 21px/1.3 Georgia,serif;color:#111\">" +
         EscapeHtml(OneLine(edit.new_headline)) + "</h1>\n";
  out += "<p style=\"margin:0 0 12px;font:13px sans-serif\"><a href=\"" + EscapeHtml(edit.url) +
         "\" style=\"color:#1a4d8f\">" + EscapeHtml(edit.url) + "</a></p>\n";
  out += "<table style=\"margin:0 0 12px;border-collapse:collapse;font:13px/1.4 sans-serif;"
         "color:#444\">\n";
  out += "<tr><td " + when + ">Version " + std::to_string(edit.old_number) + "<br>" +
         Seen(edit.old_first_seen) + "</td><td " + cell + ">" +
         EscapeHtml(OneLine(edit.old_headline)) + "</td></tr>\n";
  out += "<tr><td " + when + ">Version " + std::to_string(edit.new_number) + "<br>" +
         Seen(edit.new_first_seen) + "</td><td " + cell + "><b>" +
         EscapeHtml(OneLine(edit.new_headline)) + "</b></td></tr>\n</table>\n";
  out += RenderDiff(edit.diff, DiffStyle::kHtml, kContextWords);
  out += "<p style=\"margin:14px 0 0;font:12px/1.4 monospace;color:#555\">The whole diff: " +
         EscapeHtml(DiffCommand(edit)) + "</p>\n</div>\n";
  return out;
}

std::string HtmlDocument(const std::string& title, const std::string& body) {
  return "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>" + EscapeHtml(title) +
         "</title></head>\n<body style=\"margin:0;padding:16px;background:#ffffff;color:#222;"
         "font:15px/1.5 Georgia,serif\">\n<div style=\"max-width:760px\">\n" +
         body +
         "<p style=\"margin:24px 0 0;font:12px sans-serif;color:#888\">Sent by revwatch, "
         "which watches news articles for edits.</p>\n</div>\n</body></html>\n";
}

Mail Assemble(const MailIdentity& identity, std::vector<std::string> headers, std::string text,
              std::string html) {
  Mail mail;
  mail.from = identity.from;
  mail.to = identity.to;
  mail.headers = std::move(headers);
  mail.text = Crlf(text + "\n-- \nrevwatch\n");
  mail.html = Crlf(html);
  return mail;
}

}  // namespace

std::vector<std::string> SubstantiveTags(const ArticleDiff& diff) {
  std::vector<std::string> tags;
  for (const std::string& tag : diff.tags) {
    if (IsSubstantiveTag(tag)) tags.push_back(tag);
  }
  return tags;
}

std::string FormatMailDate(UnixSeconds t) {
  static constexpr const char* kDays[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
  static constexpr const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                            "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  const std::time_t time = static_cast<std::time_t>(t);
  std::tm tm{};
  gmtime_r(&time, &tm);
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%s, %02d %s %04d %02d:%02d:%02d +0000", kDays[tm.tm_wday],
                tm.tm_mday, kMonths[tm.tm_mon], tm.tm_year + 1900, tm.tm_hour, tm.tm_min,
                tm.tm_sec);
  return buffer;
}

Mail BuildAlertMail(const EditFacts& edit, const MailIdentity& identity) {
  const std::vector<std::string> tags = SubstantiveTags(edit.diff);
  const std::string subject = "[revwatch] " +
                              (tags.empty() ? std::string("edited") : Join(tags, ", ")) + ": " +
                              Shorten(OneLine(edit.new_headline), kSubjectHeadline);
  return Assemble(identity, CommonHeaders(identity, subject, edit.diff.tags), EditText(edit),
                  HtmlDocument(OneLine(edit.new_headline), EditHtml(edit)));
}

Mail BuildDigestMail(const std::vector<EditFacts>& edits, const MailIdentity& identity) {
  std::vector<std::string> all_tags;
  for (const EditFacts& edit : edits) {
    for (const std::string& tag : edit.diff.tags) {
      if (std::find(all_tags.begin(), all_tags.end(), tag) == all_tags.end()) {
        all_tags.push_back(tag);
      }
    }
  }
  const std::string subject = "[revwatch] " + std::to_string(edits.size()) +
                              (edits.size() == 1 ? " edit" : " edits") + " to watched articles";
  std::string text = std::to_string(edits.size()) + " substantive edits since the last digest.\n";
  std::string html = "<p style=\"margin:0 0 20px;font:bold 15px sans-serif\">" +
                     std::to_string(edits.size()) +
                     " substantive edits since the last digest.</p>\n";
  for (const EditFacts& edit : edits) {
    text += "\n==========\n" + EditText(edit);
    html += "<hr style=\"border:0;border-top:1px solid #ddd;margin:0 0 20px\">\n" + EditHtml(edit);
  }
  return Assemble(identity, CommonHeaders(identity, subject, all_tags), text,
                  HtmlDocument(subject, html));
}

Mail BuildTestMail(const MailIdentity& identity) {
  const std::string subject = "[revwatch] test message";
  const std::string text =
      "This is a test message from revwatch: alerts about edits to watched\n"
      "articles will reach this address.\n";
  return Assemble(identity, CommonHeaders(identity, subject, {}), text,
                  HtmlDocument(subject, "<p>" + EscapeHtml(text) + "</p>\n"));
}

}  // namespace revwatch
