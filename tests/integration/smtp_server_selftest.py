"""Self-test of smtp_server.SmtpServer, driven by Python's smtplib.

    /usr/bin/python3 tests/integration/smtp_server_selftest.py -v
"""
import os
import signal
import smtplib
import ssl
import subprocess
import sys
import tempfile
import textwrap
import threading
import time
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from smtp_server import SmtpServer  # noqa: E402

MAIL = (b"From: revwatch <revwatch@example.org>\r\n"
        b"To: editor@example.org\r\n"
        b"Subject: Article changed\r\n"
        b"\r\n"
        b"A headline was edited.\r\n"
        b".A line that starts with a dot\r\n")


def connect(smtp, timeout=10):
    # local_hostname: smtplib would otherwise ask DNS via socket.getfqdn().
    return smtplib.SMTP("127.0.0.1", smtp.port, local_hostname="localhost", timeout=timeout)


def send(client, mail=MAIL, to=("editor@example.org",)):
    return client.sendmail("revwatch@example.org", list(to), mail)


class SmtpServerTest(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory(prefix="revwatch-smtp-test-")
        self.dir = self.tmp.name
        self.threads = set(threading.enumerate())

    def tearDown(self):
        self.tmp.cleanup()
        # Leaving the with block stops the server thread and the on_message pool.
        self.assertEqual(set(threading.enumerate()) - self.threads, set())

    def eml_files(self):
        return sorted(f for f in os.listdir(self.dir) if f.endswith(".eml"))

    def test_plain(self):
        with SmtpServer(mode="plain", directory=self.dir) as smtp:
            self.assertEqual(smtp.url, "smtp://127.0.0.1:%d" % smtp.port)
            self.assertIsNone(smtp.ca_file)
            with connect(smtp) as client:
                client.ehlo()
                self.assertFalse(client.has_extn("starttls"))
                self.assertFalse(client.has_extn("auth"))
                send(client, to=["a@example.org", "b@example.org"])
            [message] = smtp.wait_for(1)
            self.assertEqual(message.mail_from, "revwatch@example.org")
            self.assertEqual(message.rcpt_tos, ["a@example.org", "b@example.org"])
            self.assertFalse(message.tls)
            self.assertIsNone(message.login)
            # CRLF kept, the dot-stuffing smtplib added undone.
            self.assertEqual(message.data, MAIL)
            self.assertEqual(message.path, os.path.join(self.dir, "0001.eml"))
            with open(message.path, "rb") as f:
                self.assertEqual(f.read(), MAIL)
            self.assertEqual(smtp.parsed(0)["Subject"], "Article changed")

    def test_starttls_verifies_against_ca_file(self):
        with SmtpServer(mode="starttls", directory=self.dir) as smtp:
            self.assertTrue(os.path.exists(smtp.ca_file))
            with connect(smtp) as client:
                client.ehlo()
                self.assertTrue(client.has_extn("starttls"))
                # The server insists on STARTTLS first.
                with self.assertRaises(smtplib.SMTPSenderRefused) as cm:
                    send(client)
                self.assertEqual(cm.exception.smtp_code, 530)
            with connect(smtp) as client:
                # smtplib checks the certificate against host 127.0.0.1.
                client.starttls(context=ssl.create_default_context(cafile=smtp.ca_file))
                send(client)
            [message] = smtp.wait_for(1)
            self.assertTrue(message.tls)
            self.assertEqual(message.data, MAIL)
            # Without trusting ca_file the handshake fails: the check is real.
            with connect(smtp) as client:
                with self.assertRaises(ssl.SSLCertVerificationError):
                    client.starttls(context=ssl.create_default_context())
            deadline = time.monotonic() + 5
            while not smtp.tls_failures and time.monotonic() < deadline:
                time.sleep(0.02)
            self.assertIn("UNKNOWN_CA", smtp.tls_failures[0])

    def test_auth(self):
        with SmtpServer(mode="auth", directory=self.dir) as smtp:
            context = ssl.create_default_context(cafile=smtp.ca_file)
            with connect(smtp) as client:
                client.ehlo()
                self.assertFalse(client.has_extn("auth"))   # not before TLS
                client.starttls(context=context)
                client.ehlo()
                self.assertEqual(set(client.esmtp_features["auth"].split()), {"LOGIN", "PLAIN"})
                with self.assertRaises(smtplib.SMTPSenderRefused) as cm:
                    send(client)
                self.assertEqual(cm.exception.smtp_code, 530)
                with self.assertRaises(smtplib.SMTPAuthenticationError) as cm:
                    client.login("revwatch", "wrong")
                self.assertEqual(cm.exception.smtp_code, 535)
                client.login("revwatch", "s3cret")          # PLAIN
                send(client)
            with connect(smtp) as client:
                client.starttls(context=context)
                client.ehlo()
                client.user, client.password = "revwatch", "s3cret"
                client.auth("LOGIN", client.auth_login, initial_response_ok=False)
                send(client)
            messages = smtp.wait_for(2)
            self.assertEqual([m.login for m in messages], ["revwatch", "revwatch"])
            # smtplib's login() falls back from PLAIN to LOGIN when refused.
            self.assertEqual(smtp.auth_attempts, [("PLAIN", "revwatch", "wrong"),
                                                  ("LOGIN", "revwatch", "wrong"),
                                                  ("PLAIN", "revwatch", "s3cret"),
                                                  ("LOGIN", "revwatch", "s3cret")])

    def test_no_starttls(self):
        with SmtpServer(mode="no-starttls", directory=self.dir) as smtp:
            self.assertIsNone(smtp.ca_file)
            with connect(smtp) as client:
                client.ehlo()
                self.assertFalse(client.has_extn("starttls"))
                self.assertTrue(client.has_extn("auth"))    # bait, in clear text
                with self.assertRaises(smtplib.SMTPNotSupportedError):
                    client.starttls()
                # A client that carries on anyway is served.
                client.login("revwatch", "s3cret")
                send(client)
            [message] = smtp.wait_for(1)
            self.assertFalse(message.tls)
            self.assertEqual(smtp.auth_attempts, [("PLAIN", "revwatch", "s3cret")])

    def test_set_reject(self):
        with SmtpServer(mode="plain", directory=self.dir) as smtp:
            for reply, code in (("451 4.3.0 try again later", 451),
                                ("550 5.1.1 no such user", 550), (451, 451)):
                smtp.set_reject(reply)
                with connect(smtp) as client:
                    with self.assertRaises(smtplib.SMTPDataError) as cm:
                        send(client)
                    self.assertEqual(cm.exception.smtp_code, code)
            self.assertEqual(smtp.messages, [])
            self.assertEqual(self.eml_files(), [])
            self.assertEqual(len(smtp.rejected), 3)
            smtp.set_reject(None)
            with connect(smtp) as client:
                send(client)
            smtp.wait_for(1)
            self.assertEqual(self.eml_files(), ["0001.eml"])
            with self.assertRaises(ValueError):
                smtp.set_reject("250 fine")

    def test_stop_start_same_port(self):
        with SmtpServer(mode="starttls", directory=self.dir) as smtp:
            port = smtp.port
            context = ssl.create_default_context(cafile=smtp.ca_file)
            with connect(smtp) as client:
                client.starttls(context=context)
                send(client)
            idle = connect(smtp)      # a connection still open at stop()
            smtp.stop()
            self.assertFalse(smtp.running)
            with self.assertRaises(ConnectionRefusedError):
                connect(smtp)
            with self.assertRaises(smtplib.SMTPServerDisconnected):
                idle.noop()
            idle.close()
            smtp.start()
            self.assertEqual(smtp.port, port)
            with connect(smtp) as client:
                client.starttls(context=context)    # same certificate
                send(client)
            smtp.wait_for(2)
            self.assertEqual(self.eml_files(), ["0001.eml", "0002.eml"])

    def test_on_message_runs_before_reply_and_may_block(self):
        release = threading.Event()
        seen = []

        def on_message(message):
            seen.append((message.path, os.path.exists(message.path)))
            if len(seen) == 1:
                release.wait(10)     # only the first message is held

        with SmtpServer(mode="plain", directory=self.dir, on_message=on_message) as smtp:
            outcome = []

            def first_client():
                with connect(smtp) as client:
                    send(client)
                    outcome.append(time.monotonic())

            thread = threading.Thread(target=first_client)
            thread.start()
            smtp.wait_for(1)               # saved ...
            time.sleep(0.3)
            self.assertEqual(outcome, [])  # ... but no 250 yet
            # Another connection is served meanwhile: the hold blocks no one else.
            with connect(smtp) as client:
                send(client)
            smtp.wait_for(2)
            self.assertEqual(outcome, [])
            release.set()
            thread.join(10)
            self.assertEqual(len(outcome), 1)
            self.assertEqual(seen, [(os.path.join(self.dir, "0001.eml"), True),
                                    (os.path.join(self.dir, "0002.eml"), True)])

    def test_on_message_can_kill_the_client(self):
        script = textwrap.dedent("""
            import smtplib, sys
            with smtplib.SMTP("127.0.0.1", int(sys.argv[1]), local_hostname="localhost") as c:
                c.sendmail("revwatch@example.org", ["editor@example.org"], b"Subject: x\\r\\n\\r\\nbody\\r\\n")
            print("got 250")
        """)
        killed = []

        def on_message(message):
            killed.append(message.path)
            proc.send_signal(signal.SIGKILL)
            proc.wait(10)

        with SmtpServer(mode="plain", directory=self.dir, on_message=on_message) as smtp:
            proc = subprocess.Popen([sys.executable, "-c", script, str(smtp.port)],
                                    stdout=subprocess.PIPE, stderr=subprocess.PIPE)
            out, _ = proc.communicate(timeout=10)
            self.assertEqual(proc.returncode, -signal.SIGKILL)
            self.assertEqual(out, b"")
            self.assertEqual(killed, [os.path.join(self.dir, "0001.eml")])
            self.assertEqual(smtp.parsed(0)["Subject"], "x")
            # The server carries on.
            smtp.on_message = None
            with connect(smtp) as client:
                send(client)
            smtp.wait_for(2)

    def test_failing_on_message_is_reported(self):
        def on_message(message):
            raise RuntimeError("boom")

        smtp = SmtpServer(mode="plain", directory=self.dir, on_message=on_message)
        with self.assertRaises(AssertionError):
            with smtp:
                with connect(smtp) as client:
                    with self.assertRaises(smtplib.SMTPDataError) as cm:
                        send(client)
                    self.assertEqual(cm.exception.smtp_code, 451)
        self.assertEqual(len(smtp.errors), 1)


if __name__ == "__main__":
    unittest.main()
