"""A real SMTP server on 127.0.0.1 that keeps every message a test sends it.

Runs Debian's aiosmtpd (python3-aiosmtpd 1.4.3) in a thread of the test
process on a free port picked at start-up, in one of four modes:

  "plain"        no TLS, no AUTH.
  "starttls"     offers STARTTLS and refuses MAIL until the client used it;
                 the certificate (valid for IP 127.0.0.1 and DNS localhost)
                 is made by the openssl command line, clients trust ca_file.
  "auth"         like "starttls", and MAIL also needs AUTH PLAIN or LOGIN
                 with the one user/password given to the constructor.
  "smtps"        TLS from the first byte (port 465 style), no AUTH; url is
                 smtps://, the certificate as for "starttls".
  "no-starttls"  what a client sees behind a STARTTLS-stripping attacker:
                 no STARTTLS in EHLO, AUTH PLAIN/LOGIN offered in clear text
                 (every try is kept in auth_attempts, so a test can prove the
                 password never left the client), and mail accepted without
                 AUTH, so a test can prove the client refused, not the server.

Every accepted message is written to directory as 0001.eml, 0002.eml, ...
(the DATA bytes as received, CRLF line ends kept; only the SMTP dot-stuffing
is undone) and appended to messages. set_reject() makes DATA fail, and
on_message runs between saving a message and the 250 reply.

    with SmtpServer(mode="auth", directory=tmp) as smtp:
        ... point the client at smtp.url, smtp.ca_file ...
        message = smtp.wait_for(1)[0]
        self.assertEqual(smtp.parsed(0)["Subject"], "...")
"""
import asyncio
import concurrent.futures
import dataclasses
import email
import email.policy
import logging
import os
import socket
import ssl
import subprocess
import tempfile
import threading

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, TLSSetupException

MODES = ("plain", "starttls", "auth", "no-starttls", "smtps")

# aiosmtpd 1.4.3 itself sets the deprecated Session.login_data on every
# successful AUTH and logs a warning about it each time; drop that one line.
logging.getLogger("mail.log").addFilter(
    lambda record: "login_data is deprecated" not in record.getMessage())


@dataclasses.dataclass
class Message:
    """One message as the server received it."""
    mail_from: str           # MAIL FROM address, without the angle brackets
    rcpt_tos: list           # RCPT TO addresses, in the order given
    data: bytes              # DATA as received, CRLF line ends kept
    path: str                # the .eml file it was saved as (None if rejected)
    tls: bool                # the DATA came over STARTTLS
    login: str               # the AUTH user, None without AUTH


class _Controller(Controller):
    """aiosmtpd's threaded Controller, serving on a socket we bound ourselves.

    Controller(port=0) does not work in aiosmtpd 1.4.3: start() connects to
    self.port to make the server create its first SMTP object, and that
    would be port 0. So the socket is bound here (port 0 for a free port, or
    the port of the previous run after a stop()) and handed to asyncio.
    """

    def __init__(self, handler, sock, **smtp_kwargs):
        super().__init__(handler, hostname="127.0.0.1", port=sock.getsockname()[1],
                         **smtp_kwargs)
        self._sock = sock
        # A client killed mid-session (the point of on_message) makes the
        # 250 reply fail with a reset; that is expected, not worth a traceback.
        self.loop.set_exception_handler(_quiet_about_dead_clients)

    def _create_server(self):
        return self.loop.create_server(self._factory_invoker, sock=self._sock,
                                       ssl=self.ssl_context)


def _quiet_about_dead_clients(loop, context):
    if not isinstance(context.get("exception"), (ConnectionError, ssl.SSLError)):
        loop.default_exception_handler(context)


class SmtpServer:
    def __init__(self, mode="plain", directory=None, user="revwatch", password="s3cret",
                 on_message=None, port=0):
        if mode not in MODES:
            raise ValueError("mode must be one of %s, not %r" % (", ".join(MODES), mode))
        self.mode = mode
        self.user = user
        self.password = password
        # Called as on_message(message) after the message is saved and
        # recorded but before the 250 reply (not for rejected messages); may
        # be changed at any time. It runs in a worker thread, so it may block
        # (kill the client, wait for an Event) but must return eventually:
        # leaving the with block waits for it. If it raises, the client gets
        # 451, the exception goes to errors and __exit__ fails the test.
        self.on_message = on_message
        self.messages = []       # accepted Message objects, in arrival order
        self.rejected = []       # Message objects refused by set_reject (path None)
        self.auth_attempts = []  # (mechanism, user, password) per AUTH try, as str
        self.errors = []         # exceptions raised by on_message
        self.tls_failures = []   # failed STARTTLS handshakes (str), e.g. the
                                 # client did not trust the certificate
        self.port = port         # 0 until the first start() picks one
        self.ca_file = None      # PEM certificate to trust, TLS modes only
        self._tmp = None
        if directory is None:
            self._tmp = tempfile.TemporaryDirectory(prefix="revwatch-smtp-")
            directory = self._tmp.name
        self.directory = directory
        self._reject = None
        self._count = 0          # numbers the .eml files, kept across stop/start
        self._cond = threading.Condition()
        self._controller = None
        # on_message runs in these threads, so it may block (e.g. to kill the
        # client) while the event loop keeps serving other connections.
        self._executor = concurrent.futures.ThreadPoolExecutor(
            max_workers=4, thread_name_prefix="smtp-on-message")
        self._tls_context = None
        if mode in ("starttls", "auth", "smtps"):
            self.ca_file, key_file = self._make_certificate()
            self._tls_context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
            self._tls_context.load_cert_chain(self.ca_file, key_file)

    def __enter__(self):
        self.start()
        return self

    def __exit__(self, exc_type, *exc):
        self.stop()
        self._executor.shutdown(wait=True)
        if self._tmp is not None:
            self._tmp.cleanup()
        # A failing on_message would otherwise go unnoticed (the client just
        # sees a 451); report it unless the test is already failing.
        if self.errors and exc_type is None:
            raise AssertionError("on_message raised: %r" % self.errors)

    @property
    def url(self):
        return "%s://127.0.0.1:%d" % ("smtps" if self.mode == "smtps" else "smtp", self.port)

    # --- running ---------------------------------------------------------------

    def start(self):
        """Listen (again) on 127.0.0.1:port; the first start picks a free port."""
        assert self._controller is None, "SMTP server already running"
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        # SO_REUSEADDR lets a restart bind the port while connections of the
        # previous run linger in TIME_WAIT; it does not allow two listeners.
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind(("127.0.0.1", self.port))
        except OSError:
            sock.close()
            raise
        self.port = sock.getsockname()[1]
        implicit = self.mode == "smtps"
        starttls = self._tls_context is not None and not implicit
        controller = _Controller(
            _Handler(self), sock,
            ssl_context=self._tls_context if implicit else None,
            # Without a hostname aiosmtpd calls socket.getfqdn(): a DNS query.
            server_hostname="localhost",
            tls_context=self._tls_context if starttls else None,
            require_starttls=starttls,
            auth_required=self.mode == "auth",
            # "no-starttls" offers AUTH in clear text as bait; the others
            # offer it (if at all) only after STARTTLS.
            auth_require_tls=self.mode != "no-starttls",
            authenticator=self._authenticate,
            # Connections of a killed client close at once; this only bounds
            # clients that hang, so a stuck test does not keep a task forever.
            timeout=60)
        try:
            controller.start()
        except BaseException:
            controller.stop(no_assert=True)
            sock.close()
            raise
        self._controller = controller

    def stop(self):
        """Stop listening and drop open connections; the port is free again.

        Messages, counters and settings stay, so start() continues where
        this left off ("server down, then up again" on the same port).
        """
        if self._controller is not None:
            self._controller.stop()   # closes the listening socket, joins the thread
            self._controller = None

    @property
    def running(self):
        return self._controller is not None

    # --- fault injection -------------------------------------------------------

    def set_reject(self, reply):
        """Answer DATA with reply (e.g. "451 4.3.0 try again later") and save
        nothing, until set_reject(None). A bare code (451, 550) gets a
        generic text. The message still goes to self.rejected.
        """
        if reply is not None:
            if isinstance(reply, int):
                reply = "%d %s" % (reply, "4.3.0 Try again later" if reply < 500
                                   else "5.7.1 Message rejected")
            if not (len(reply) >= 3 and reply[0] in "45" and reply[:3].isdigit()):
                raise ValueError("a reject reply needs a 4xx or 5xx code: %r" % reply)
        with self._cond:
            self._reject = reply

    # --- results ---------------------------------------------------------------

    def wait_for(self, count, timeout=30):
        """Block until at least count messages were accepted; return them all."""
        with self._cond:
            if not self._cond.wait_for(lambda: len(self.messages) >= count, timeout):
                raise AssertionError("expected %d message(s) on %s within %ss, got %d"
                                     % (count, self.url, timeout, len(self.messages)))
            return list(self.messages)

    def parsed(self, i):
        """Message i as an email.message.EmailMessage."""
        with self._cond:
            data = self.messages[i].data
        return email.message_from_bytes(data, policy=email.policy.default)

    # --- inside the server -----------------------------------------------------

    def _make_certificate(self):
        cert = os.path.join(self.directory, "smtp-cert.pem")
        key = os.path.join(self.directory, "smtp-key.pem")
        subprocess.run(
            ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
             "-subj", "/CN=localhost",
             "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost",
             "-keyout", key, "-out", cert],
            check=True, capture_output=True, timeout=60)
        return cert, key

    def _authenticate(self, smtpd, session, envelope, mechanism, auth_data):
        # aiosmtpd hands PLAIN and LOGIN credentials over as LoginPassword
        # (bytes); handled=False makes it answer 535 itself on failure.
        user = auth_data.login.decode("utf-8", "replace")
        password = auth_data.password.decode("utf-8", "replace")
        with self._cond:
            self.auth_attempts.append((mechanism, user, password))
        ok = (user, password) == (self.user, self.password)
        return AuthResult(success=ok, handled=False, auth_data=auth_data if ok else None)

    def _record(self, session, envelope):
        """Save an incoming message; returns (message, reject reply or None)."""
        # session.auth_data is what _authenticate returned (session.login_data
        # says the same but warns that it is deprecated).
        login = (session.auth_data.login.decode("utf-8", "replace")
                 if session.authenticated else None)
        message = Message(mail_from=envelope.mail_from, rcpt_tos=list(envelope.rcpt_tos),
                          data=bytes(envelope.original_content), path=None,
                          tls=session.ssl is not None, login=login)
        with self._cond:
            if self._reject is not None:
                self.rejected.append(message)
                return message, self._reject
            self._count += 1
            message.path = os.path.join(self.directory, "%04d.eml" % self._count)
            # Written under another name and renamed, so a test polling the
            # directory never reads half a message.
            partial = message.path + ".part"
            with open(partial, "wb") as f:
                f.write(message.data)
            os.replace(partial, message.path)
            self.messages.append(message)
            self._cond.notify_all()
        return message, None


class _Handler:
    """The aiosmtpd handler: only DATA needs anything beyond the defaults."""

    def __init__(self, server):
        self.server = server

    async def handle_DATA(self, smtpd, session, envelope):
        server = self.server
        message, reject = server._record(session, envelope)
        if reject is not None:
            return reject
        callback = server.on_message
        if callback is not None:
            try:
                # If the client dies meanwhile, aiosmtpd cancels this await
                # (no 250 is sent); the callback itself still runs to its end.
                await asyncio.get_running_loop().run_in_executor(
                    server._executor, callback, message)
            except Exception as error:
                with server._cond:
                    server.errors.append(error)
                return "451 4.3.0 on_message failed: %s" % type(error).__name__
        return "250 2.0.0 OK saved as %s" % os.path.basename(message.path)

    async def handle_exception(self, error):
        # Replaces aiosmtpd's default, which logs a traceback for everything.
        # A failed STARTTLS handshake is routine in tests (a client that does
        # not trust the certificate): keep it in tls_failures, quietly. The
        # connection is closed by aiosmtpd then, so the reply goes nowhere.
        if isinstance(error, TLSSetupException):
            with self.server._cond:
                self.server.tls_failures.append(str(error.__cause__ or error))
            return "421 4.7.0 TLS handshake failed"
        logging.getLogger("mail.log").exception("SMTP session exception")
        return "500 Error: (%s) %s" % (type(error).__name__, error)
