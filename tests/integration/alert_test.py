"""E-mail alerts end to end: the real revwatch binary, a real HTTP server and a
real SMTP server (aiosmtpd) on 127.0.0.1, every message kept as an .eml file.

Run by CTest with REVWATCH_BIN pointing at the built binary.
"""
import email
import email.policy
import json
import os
import signal
import subprocess
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from page_server import PageServer  # noqa: E402
from smtp_server import SmtpServer  # noqa: E402

BIN = os.environ.get("REVWATCH_BIN", "build/revwatch")

BODY = [
    "The Financial Times, citing eight people familiar with the talks, reported the plan on Monday.",
    "Washington reportedly offered additional weapons on the condition that Kyiv withdraws its forces.",
]
DENIAL = "The White House called the report totally false and said talks were at an excellent stage."
UK_BODY = [
    "Видання Financial Times, посилаючись на вісім джерел, повідомило про план у понеділок.",
    "Вашингтон нібито пропонував додаткову зброю за умови відведення військ.",
]
UK_DENIAL = "Білий дім спростував повідомлення FT, назвавши його абсолютною неправдою."


def page(title, paragraphs):
    body = "".join("<p>%s</p>" % p for p in paragraphs)
    return f"""<!doctype html><html><head><meta charset="utf-8"><title>{title}</title></head>
<body><nav><a href="/">Home</a></nav><article><h1>{title}</h1>{body}</article>
<footer>© 2026 Outlet</footer></body></html>"""


class AlertTest(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory(prefix="revwatch-alert-")
        self.web = PageServer().__enter__()
        self.env = dict(os.environ, REVWATCH_DB=os.path.join(self.tmp.name, "revwatch.db"),
                        REVWATCH_CONFIG=os.path.join(self.tmp.name, "revwatch.toml"), NO_COLOR="1")
        self.url = self.web.url("/story")

    def tearDown(self):
        self.web.__exit__(None, None, None)
        self.tmp.cleanup()

    def smtp(self, mode="plain", **kwargs):
        directory = os.path.join(self.tmp.name, "mail-" + mode)
        os.makedirs(directory, exist_ok=True)
        server = SmtpServer(mode=mode, directory=directory, **kwargs)
        self.addCleanup(server.__exit__, None, None, None)
        return server.__enter__()

    def configure(self, smtp, tls=None, extra=""):
        tls = tls or ("none" if smtp.ca_file is None else "required")
        lines = ['[smtp]', 'url = "%s"' % smtp.url, 'tls = "%s"' % tls,
                 'from = "revwatch@example.org"', 'to = ["desk@example.org"]', 'timeout = "20s"']
        if smtp.ca_file:
            lines.append('ca_file = "%s"' % smtp.ca_file)
        with open(self.env["REVWATCH_CONFIG"], "w") as f:
            f.write("\n".join(lines) + "\n" + extra)

    def run_cli(self, *args, expect=0):
        proc = subprocess.run([BIN, *args], capture_output=True, text=True, env=self.env, timeout=120)
        self.assertEqual(proc.returncode, expect, "revwatch %s\nstdout:\n%s\nstderr:\n%s"
                         % (" ".join(args), proc.stdout, proc.stderr))
        return proc

    def alerts(self):
        return json.loads(self.run_cli("alerts", "--json").stdout)

    def edit(self, title, paragraphs, *add_args):
        """Watches the story, checks its first version, then publishes `title`/`paragraphs`."""
        self.web.serve("/story", page("Washington ties guarantees to concessions", BODY))
        self.run_cli("add", self.url, *add_args)
        self.run_cli("check", "--all")
        self.web.serve("/story", page(title, paragraphs))

    def assert_well_formed(self, message):
        """Both parts present and decodable; no bare CR or LF in the header block."""
        head = message.data.split(b"\r\n\r\n", 1)[0]
        self.assertNotIn(b"\r", head.replace(b"\r\n", b""))
        self.assertNotIn(b"\n", head.replace(b"\r\n", b""))
        parsed = email.message_from_bytes(message.data, policy=email.policy.default)
        self.assertEqual(parsed.get_content_type(), "multipart/alternative")
        text = parsed.get_body(preferencelist=("plain",)).get_content()
        html = parsed.get_body(preferencelist=("html",)).get_content()
        return parsed, text, html

    def test_plain_alert_names_the_edit_in_both_parts(self):
        smtp = self.smtp("plain")
        self.configure(smtp)
        self.edit("White House denies linking guarantees to concessions", BODY + [DENIAL])
        out = self.run_cli("check", "--all").stdout
        self.assertIn("alerts: 1 sent", out)
        message = smtp.wait_for(1)[0]
        self.assertEqual(message.rcpt_tos, ["desk@example.org"])
        self.assertEqual(message.mail_from, "revwatch@example.org")
        parsed, text, html = self.assert_well_formed(message)
        self.assertEqual(parsed["Subject"], "[revwatch] headline, denial, paragraph-added: "
                                            "White House denies linking guarantees to concessions")
        self.assertEqual(parsed["X-Revwatch-Tags"], "headline, denial, paragraph-added")
        self.assertTrue(parsed["Message-ID"].startswith("<revwatch."))
        self.assertIsNone(parsed["In-Reply-To"])
        self.assertIn("{+%s+}" % DENIAL, text)
        self.assertIn("[-Washington ties-]", text)
        self.assertIn("revwatch diff '%s' 1 2" % self.url, text)
        self.assertIn("<ins style=", html)
        self.assertIn(">denial</span>", html)
        self.assertEqual(self.alerts()[0]["status"], "sent")

    def test_cyrillic_subject_and_threading_of_a_second_alert(self):
        smtp = self.smtp("plain")
        self.configure(smtp)
        headline = "Білий дім спростував: гарантії безпеки не залежать від поступок"
        self.edit(headline, UK_BODY + [UK_DENIAL])
        self.run_cli("check", "--all")
        self.web.serve("/story", page(headline, UK_BODY + [UK_DENIAL, "«Це неправда», — заявила речниця."]))
        self.run_cli("check", "--all")
        first, second = smtp.wait_for(2)
        first_parsed, _, _ = self.assert_well_formed(first)
        second_parsed, _, _ = self.assert_well_formed(second)
        self.assertTrue(first_parsed["Subject"].endswith(": " + headline), first_parsed["Subject"])
        self.assertIn(b"=?UTF-8?B?", first.data.split(b"\r\n\r\n", 1)[0])
        self.assertEqual(second_parsed["In-Reply-To"], first_parsed["Message-ID"])
        self.assertEqual(second_parsed["References"], first_parsed["Message-ID"])

    def test_a_hostile_headline_adds_no_header_or_recipient(self):
        smtp = self.smtp("plain")
        self.configure(smtp)
        self.edit("Denied\r\nBcc: evil@example.net\r\nX-Evil: 1", BODY + [DENIAL])
        self.run_cli("check", "--all")
        message = smtp.wait_for(1)[0]
        self.assertEqual(message.rcpt_tos, ["desk@example.org"])
        parsed, _, _ = self.assert_well_formed(message)
        self.assertIsNone(parsed["Bcc"])
        self.assertIsNone(parsed["X-Evil"])
        self.assertIn("Bcc: evil@example.net", parsed["Subject"])  # just words of the subject

    def test_starttls_with_a_verified_certificate(self):
        smtp = self.smtp("starttls")
        self.configure(smtp)
        self.edit("White House denies the report", BODY + [DENIAL])
        self.run_cli("check", "--all")
        message = smtp.wait_for(1)[0]
        self.assertTrue(message.tls)
        self.assert_well_formed(message)

    def test_smtps_tls_from_the_first_byte(self):
        smtp = self.smtp("smtps")
        self.configure(smtp)
        self.run_cli("test-mail", "desk@example.org")
        message = smtp.wait_for(1)[0]
        self.assertEqual(message.rcpt_tos, ["desk@example.org"])
        self.assertIn(b"[revwatch] test message", message.data)
        # A certificate the client was not told to trust is refused.
        with open(self.env["REVWATCH_CONFIG"]) as f:
            config = f.read()
        with open(self.env["REVWATCH_CONFIG"], "w") as f:
            f.write("\n".join(line for line in config.splitlines() if not line.startswith("ca_file")))
        proc = self.run_cli("test-mail", "desk@example.org", expect=1)
        self.assertIn("not sent", proc.stderr)
        self.assertEqual(len(smtp.messages), 1)

    def test_starttls_and_auth_with_a_private_password_file(self):
        smtp = self.smtp("auth", user="revwatch", password="s3cret")
        password = os.path.join(self.tmp.name, "smtp-password")
        with open(password, "w") as f:
            f.write("s3cret\n")
        os.chmod(password, 0o644)
        self.configure(smtp, extra='')
        with open(self.env["REVWATCH_CONFIG"], "a") as f:
            f.write('username = "revwatch"\npassword_file = "%s"\n' % password)
        proc = self.run_cli("test-mail", "desk@example.org", expect=2)
        self.assertIn("may be read by others", proc.stderr)
        self.assertIn("revwatch.toml:", proc.stderr)
        os.chmod(password, 0o600)
        self.run_cli("test-mail", "desk@example.org")
        message = smtp.wait_for(1)[0]
        self.assertEqual(message.login, "revwatch")
        self.assertTrue(message.tls)

    def test_a_stripped_starttls_is_refused_and_the_alert_waits(self):
        smtp = self.smtp("no-starttls")
        self.configure(smtp, tls="required")
        with open(self.env["REVWATCH_CONFIG"], "a") as f:
            f.write('username = "revwatch"\n')
        self.edit("White House denies the report", BODY + [DENIAL])
        proc = self.run_cli("check", "--all")
        self.assertIn("1 waiting to retry", proc.stdout)
        self.assertEqual(smtp.messages, [])
        self.assertEqual(smtp.auth_attempts, [])  # nothing went out in clear text
        alert = self.alerts()[0]
        self.assertEqual(alert["status"], "pending")
        self.assertIn("STARTTLS", alert["last_error"])
        # Plain text to a server elsewhere cannot even be configured.
        with open(self.env["REVWATCH_CONFIG"], "w") as f:
            f.write('[smtp]\nurl = "smtp://mail.example.org"\ntls = "none"\n'
                    'from = "revwatch@example.org"\n')
        self.assertIn("only for a server on this machine",
                      self.run_cli("alerts", "send", expect=2).stderr)

    def test_a_server_down_then_up_gets_every_alert(self):
        smtp = self.smtp("plain")
        self.configure(smtp)
        smtp.stop()
        self.edit("White House denies the report", BODY + [DENIAL])
        self.run_cli("check", "--all")
        self.web.serve("/story", page("Kremlin denies it too", BODY + [DENIAL]))
        self.run_cli("check", "--all")
        pending = self.alerts()
        self.assertEqual([a["status"] for a in pending], ["pending", "pending"])
        self.assertTrue(all(a["attempts"] >= 1 and a["last_error"] for a in pending), pending)
        smtp.start()
        self.assertIn("alerts: 2 sent", self.run_cli("alerts", "send").stdout)
        self.assertEqual(len(smtp.wait_for(2)), 2)
        self.assertEqual([a["status"] for a in self.alerts()], ["sent", "sent"])

    def test_a_killed_sender_resends_at_most_once_with_the_same_message_id(self):
        victim = {}

        def kill_before_250(message):
            if "proc" in victim and victim["proc"].poll() is None:
                victim["proc"].send_signal(signal.SIGKILL)
                victim["proc"].wait()

        smtp = self.smtp("plain", on_message=kill_before_250)
        self.configure(smtp)
        smtp.set_reject("451 4.3.0 not yet")
        self.edit("White House denies the report", BODY + [DENIAL])
        self.run_cli("check", "--all")  # the alert is written, its send deferred
        smtp.set_reject(None)
        victim["proc"] = subprocess.Popen([BIN, "alerts", "send"], env=self.env,
                                          stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        victim["proc"].wait(timeout=60)
        self.assertEqual(victim["proc"].returncode, -signal.SIGKILL)
        self.assertEqual(self.alerts()[0]["status"], "pending")  # never marked
        smtp.on_message = None
        # The dead sender's claim holds the alert for ten minutes, so that
        # no other sender sends it meanwhile...
        self.assertIn("nothing to send", self.run_cli("alerts", "send").stdout)
        self.assertEqual(len(smtp.messages), 1)
        # ... and when it has run out (moved here rather than waited for),
        # the alert goes once more, then never again.
        import sqlite3
        with sqlite3.connect(self.env["REVWATCH_DB"]) as db:
            db.execute("UPDATE alerts SET sending_until = sending_until - 600")
        self.run_cli("alerts", "send")
        self.run_cli("alerts", "send")  # nothing left
        messages = smtp.wait_for(2)
        self.assertEqual(len(messages), 2)
        ids = [email.message_from_bytes(m.data, policy=email.policy.default)["Message-ID"] for m in messages]
        self.assertEqual(ids[0], ids[1])
        self.assertEqual(self.alerts()[0]["status"], "sent")

    def test_a_refused_recipient_is_final_a_busy_server_is_not(self):
        smtp = self.smtp("plain")
        self.configure(smtp)
        smtp.set_reject("451 4.3.0 busy, try later")
        self.edit("White House denies the report", BODY + [DENIAL])
        self.run_cli("check", "--all")
        alert = self.alerts()[0]
        self.assertEqual(alert["status"], "pending")
        self.assertIn("451", alert["last_error"])
        smtp.set_reject("550 5.1.1 no such user")
        self.run_cli("alerts", "send", expect=1)
        alert = self.alerts()[0]
        self.assertEqual(alert["status"], "failed")
        self.assertIn("550", alert["last_error"])
        self.assertEqual(smtp.messages, [])

    def test_daemon_once_sends_exactly_one_mail_for_a_denial(self):
        smtp = self.smtp("plain")
        self.configure(smtp)
        self.edit("Washington ties guarantees to concessions", BODY + [DENIAL])
        import sqlite3
        with sqlite3.connect(self.env["REVWATCH_DB"]) as db:
            db.execute("UPDATE watches SET next_check_at = 0")
        self.run_cli("daemon", "--once")
        self.run_cli("daemon", "--once")  # nothing due, nothing more sent
        messages = smtp.wait_for(1)
        self.assertEqual(len(smtp.messages), 1)
        subject = email.message_from_bytes(messages[0].data, policy=email.policy.default)["Subject"]
        self.assertIn("denial", subject)

    def test_per_watch_recipients_filters_and_digest(self):
        smtp = self.smtp("plain")
        self.configure(smtp, extra='[alerts]\ndigest = "30m"\n')
        self.run_cli("add", self.url, "--notify", "bad address", expect=2)
        self.run_cli("add", self.url, "--alert-on", "denial,gossip", expect=2)
        self.edit("White House denies the report", BODY + [DENIAL],
                  "--notify", "editor@example.org", "--alert-on", "denial,quote")
        self.run_cli("check", "--all")
        other = self.web.url("/other")
        self.web.serve("/other", page("Kyiv: a figure", BODY))
        self.run_cli("add", other, "--alert-on", "quote")
        self.run_cli("check", other)
        self.web.serve("/other", page("Kyiv: a figure", BODY + [DENIAL]))
        self.run_cli("check", other)  # a denial, but this watch wants quotes only
        recipients = sorted(a["recipient"] for a in self.alerts())
        self.assertEqual(recipients, ["desk@example.org", "editor@example.org"])
        self.assertEqual(smtp.messages, [])  # the digest waits its half hour
        self.assertIn("alerts: 2 sent", self.run_cli("alerts", "send").stdout)
        messages = smtp.wait_for(2)
        self.assertEqual(sorted(m.rcpt_tos[0] for m in messages), ["desk@example.org", "editor@example.org"])
        parsed = email.message_from_bytes(messages[0].data, policy=email.policy.default)
        self.assertEqual(parsed["Subject"], "[revwatch] 1 edit to watched articles")


if __name__ == "__main__":
    unittest.main()
