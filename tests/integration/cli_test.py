"""Integration tests: the real revwatch binary against a real HTTP server.

Run by CTest with REVWATCH_BIN pointing at the built binary; each test gets
its own database in a temporary directory.
"""
import json
import os
import socket
import subprocess
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from page_server import PageServer  # noqa: E402

BIN = os.environ.get("REVWATCH_BIN", "build/revwatch")


def article_page(title, paragraphs, stamp="10:00"):
    body = "".join("<p>%s</p>" % p for p in paragraphs)
    return f"""<!doctype html><html><head><meta charset="utf-8"><title>{title} - Outlet</title></head>
<body><header><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav></header>
<div class="ad">Advertisement</div>
<article><h1>{title}</h1><time>{stamp}</time>{body}</article>
<aside class="related"><h3>Read also</h3><ul><li><a href="/x">Something else</a></li></ul></aside>
<footer><p>© 2026 Outlet. All rights reserved.</p></footer></body></html>"""


V1 = [
    "The Financial Times, citing eight people familiar with the talks, reported the plan on Monday.",
    "Washington reportedly offered additional weapons on the condition that Kyiv withdraws its forces.",
]
V2 = V1 + ["The White House called the report totally false and said talks were at an excellent stage."]


class CliTest(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory(prefix="revwatch-it-")
        self.db = os.path.join(self.tmp.name, "state", "revwatch.db")
        self.server = PageServer().__enter__()

    def tearDown(self):
        self.server.__exit__(None, None, None)
        self.tmp.cleanup()

    def run_cli(self, *args, expect=0):
        env = dict(os.environ, REVWATCH_DB=self.db, NO_COLOR="1")
        proc = subprocess.run([BIN, *args], capture_output=True, text=True, env=env, timeout=60)
        self.assertEqual(proc.returncode, expect,
                         "revwatch %s\nstdout:\n%s\nstderr:\n%s" % (" ".join(args), proc.stdout, proc.stderr))
        return proc

    def revisions(self, url):
        return json.loads(self.run_cli("log", url, "--json").stdout)["revisions"]

    def test_edit_is_caught_logged_and_diffed(self):
        self.server.serve("/a", article_page("US ties guarantees to concessions", V1))
        url = self.server.url("/a")
        watch_id = self.run_cli("add", url, "--label", "FT report").stdout.strip()
        self.assertEqual(watch_id, "1")
        out = self.run_cli("check", url).stdout
        self.assertIn("new revision 1", out)

        self.server.serve("/a", article_page("White House denies linking guarantees to concessions", V2, "13:36"))
        out = self.run_cli("check", "--all").stdout
        self.assertIn("new revision 2", out)
        self.assertIn("headline", out)

        revs = self.revisions(url)
        self.assertEqual([r["number"] for r in revs], [2, 1])
        self.assertEqual(revs[0]["title"], "White House denies linking guarantees to concessions")
        self.assertEqual(revs[0]["words_added"], 16)
        self.assertEqual(revs[0]["tags"], ["headline", "denial", "paragraph-added"])
        for key in ("first_seen", "last_seen", "words_removed"):
            self.assertIn(key, revs[0])

        diff = self.run_cli("diff", url).stdout
        self.assertIn("{+The White House called the report totally false", diff)
        self.assertIn("[-US ties-]{+White House denies linking+}", diff)

        shown = self.run_cli("show", watch_id, "1").stdout
        self.assertEqual(shown, "US ties guarantees to concessions\n\n" + "\n\n".join(V1) + "\n")
        self.assertNotIn("Read also", self.run_cli("show", watch_id).stdout)

        text_log = self.run_cli("log", watch_id).stdout
        self.assertIn("revision 2", text_log)
        self.assertIn("[headline, denial, paragraph-added]", text_log)

    def test_unchanged_page_adds_no_revision(self):
        self.server.etags = False  # force a full fetch and extraction
        self.server.serve("/a", article_page("Title", V1, "10:00"))
        url = self.server.url("/a")
        self.run_cli("add", url)
        self.run_cli("check", url)
        # Only page furniture differs: the time stamp outside the paragraphs.
        self.server.serve("/a", article_page("Title", V1, "10:05"))
        out = self.run_cli("check", url).stdout
        self.assertIn("unchanged (revision 1)", out)
        revs = self.revisions(url)
        self.assertEqual(len(revs), 1)

    def test_not_modified_adds_no_revision(self):
        self.server.serve("/a", article_page("Title", V1))
        url = self.server.url("/a")
        self.run_cli("add", url)
        self.run_cli("check", url)
        out = self.run_cli("check", url).stdout
        self.assertIn("not modified (revision 1)", out)
        requests = self.server.requests_for("/a")
        self.assertIsNone(requests[0][1])
        self.assertIsNotNone(requests[1][1])  # conditional GET sent the ETag
        self.assertEqual(len(self.revisions(url)), 1)

    def test_404_is_an_error_and_stores_nothing(self):
        url = self.server.url("/gone")
        self.run_cli("add", url)
        proc = self.run_cli("check", url, expect=1)
        self.assertIn("error: HTTP 404", proc.stdout)
        self.assertEqual(self.revisions(url), [])

    def test_refused_connection_is_an_error_and_stores_nothing(self):
        sock = socket.socket()
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
        sock.close()
        url = "http://127.0.0.1:%d/a" % port
        self.run_cli("add", url)
        proc = self.run_cli("check", url, expect=1)
        self.assertIn("error:", proc.stdout)
        self.assertIn(url, proc.stdout)
        self.assertEqual(self.revisions(url), [])

    def test_check_all_in_parallel_with_progress_only_on_a_terminal(self):
        urls = []
        for n in range(24):
            self.server.serve("/c%d" % n, article_page("Story %d" % n, V1))
            urls.append(self.server.url("/c%d" % n))
            self.run_cli("add", urls[-1])
        piped = self.run_cli("check", "--all")
        lines = piped.stdout.splitlines()
        self.assertEqual(sorted(l.split(": ")[0] for l in lines[:-1]), sorted(urls))
        self.assertTrue(all("new revision 1" in l for l in lines[:-1]), piped.stdout)
        self.assertEqual(lines[-1], "24 checked, 24 with new revisions, 0 failed")
        self.assertNotIn("pages/s", piped.stderr)  # no progress line when not a terminal
        # Under a pseudo-terminal (script(1)) the progress line appears.
        env = dict(os.environ, REVWATCH_DB=self.db, NO_COLOR="1")
        command = "%s check --all" % BIN
        tty = subprocess.run(["script", "-qec", command, "/dev/null"], env=env, capture_output=True,
                             text=True, timeout=120)
        self.assertEqual(tty.returncode, 0, tty.stdout + tty.stderr)
        self.assertIn("[24/24]", tty.stdout)
        self.assertIn("pages/s", tty.stdout)
        self.assertIn("24 checked, 0 with new revisions, 0 failed", tty.stdout)

    def test_pager_colour_and_relative_times_only_on_a_terminal(self):
        self.server.serve("/t", article_page("Headline", V1))
        url = self.server.url("/t")
        self.run_cli("add", url)
        self.run_cli("check", "--all")
        self.server.serve("/t", article_page("Headline", V2))
        self.run_cli("check", "--all")
        env = dict(os.environ, REVWATCH_DB=self.db, PAGER="sed s/^/paged:/")
        env.pop("NO_COLOR", None)

        def on_terminal(*args):
            command = " ".join([BIN] + ["'%s'" % a for a in args])
            proc = subprocess.run(["script", "-qec", command, "/dev/null"], env=env,
                                  capture_output=True, text=True, timeout=60)
            self.assertEqual(proc.returncode, 0, proc.stdout)
            return proc.stdout

        def piped(*args):
            proc = subprocess.run([BIN, *args], env=env, capture_output=True, text=True, timeout=60)
            self.assertEqual(proc.returncode, 0, proc.stderr)
            return proc.stdout

        tty_log = on_terminal("log", url)
        self.assertIn("paged:revision 2", tty_log)          # through the pager
        self.assertRegex(tty_log, r"revision 2  \d+ s ago")  # relative time
        self.assertNotIn("paged:", piped("log", url))       # not when piped
        self.assertRegex(piped("log", url), r"revision 2  \d{4}-\d\d-\d\dT")
        self.assertRegex(on_terminal("--utc", "log", url), r"revision 2  \d{4}-\d\d-\d\dT")
        self.assertIn("\x1b[", on_terminal("diff", url))      # colour on a terminal
        self.assertNotIn("\x1b[", piped("diff", url))
        self.assertIn("\x1b[", piped("--color=always", "diff", url))
        self.assertNotIn("\x1b[", on_terminal("--color=never", "diff", url))
        env["NO_COLOR"] = "1"
        self.assertNotIn("\x1b[", on_terminal("diff", url))

    def test_bad_usage_exits_2_with_a_message(self):
        proc = self.run_cli("add", "ftp://example.org/x", expect=2)
        self.assertIn("not a valid http:// or https:// URL", proc.stderr)
        proc = self.run_cli("add", "not a url", expect=2)
        proc = self.run_cli("log", "https://example.org/unknown", expect=2)
        self.assertIn("no database yet; `revwatch add URL` first", proc.stderr)
        self.run_cli("list")  # creates the database
        proc = self.run_cli("log", "https://example.org/unknown", expect=2)
        self.assertIn("https://example.org/unknown: not watched; `revwatch add URL` first", proc.stderr)
        proc = self.run_cli("show", "42", expect=2)
        self.assertIn("42: not watched", proc.stderr)
        self.run_cli("frobnicate", expect=2)
        self.run_cli("check", expect=2)

    def test_add_rm_list(self):
        url = self.server.url("/a")
        self.run_cli("add", url, "--label", "first")
        self.run_cli("add", url, expect=2)  # already watched
        listed = json.loads(self.run_cli("list", "--json").stdout)
        self.assertEqual([(w["id"], w["url"], w["label"]) for w in listed], [(1, url, "first")])
        self.run_cli("rm", "1")
        self.assertEqual(json.loads(self.run_cli("list", "--json").stdout), [])
        self.run_cli("rm", "1", expect=2)

    def test_add_many_at_once(self):
        first = self.server.url("/a")
        self.run_cli("add", first)
        urls_file = os.path.join(self.tmp.name, "urls.txt")
        with open(urls_file, "w") as f:
            f.write("# wire stories\n%s\n\n  %s  \n" % (self.server.url("/b"), first))
        proc = self.run_cli("add", self.server.url("/c"), "--from", urls_file, expect=2)
        self.assertEqual(proc.stdout.split(), ["2", "3"])  # /c, then /b
        self.assertIn(first + ": already watched", proc.stderr)
        listed = [w["url"] for w in json.loads(self.run_cli("list", "--json").stdout)]
        self.assertEqual(listed, [first, self.server.url("/c"), self.server.url("/b")])
        # One bad URL adds nothing.
        self.run_cli("add", self.server.url("/d"), "ftp://x/", expect=2)
        self.assertEqual(len(json.loads(self.run_cli("list", "--json").stdout)), 3)
        self.run_cli("add", expect=2)  # nothing to add

    def test_pause_resume_and_an_own_interval(self):
        self.server.serve("/p", article_page("Paused story", V1))
        url = self.server.url("/p")
        self.run_cli("add", url, "--every", "10s", expect=2)  # under a minute
        self.run_cli("add", url, "--every", "10m")
        listed = json.loads(self.run_cli("list", "--json").stdout)
        self.assertEqual(len(listed), 1)
        self.run_cli("pause", url)
        out = self.run_cli("check", "--all").stdout
        self.assertNotIn(url, out)  # a paused watch is left alone
        self.assertEqual(self.revisions(url), [])
        self.assertIn("resumed", self.run_cli("resume", url).stdout)
        self.assertIn("first version", self.run_cli("check", "--all").stdout)
        import sqlite3
        with sqlite3.connect(self.db) as db:
            self.assertEqual(db.execute("SELECT every_seconds, state FROM watches").fetchone(), (600, "active"))

    def test_database_directory_is_private(self):
        self.run_cli("list")
        mode = os.stat(os.path.dirname(self.db)).st_mode & 0o777
        self.assertEqual(mode, 0o700)

    def test_bad_revision_names_the_valid_range(self):
        self.server.serve("/a", article_page("Title", V1))
        url = self.server.url("/a")
        self.run_cli("add", url)
        self.run_cli("check", url)
        proc = self.run_cli("show", url, "7", expect=2)
        self.assertIn("valid revisions are 1..1", proc.stderr)
        proc = self.run_cli("diff", url, expect=2)
        self.assertIn("a diff needs two", proc.stderr)


class DaemonTest(unittest.TestCase):
    """revwatch daemon under a fake systemd: a datagram socket as NOTIFY_SOCKET."""

    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory(prefix="revwatch-daemon-")
        self.db = os.path.join(self.tmp.name, "revwatch.db")
        self.server = PageServer().__enter__()

    def tearDown(self):
        self.server.__exit__(None, None, None)
        self.tmp.cleanup()

    def watch_pages(self, prefix, count, paragraphs):
        """Serves `count` article pages under /<prefix>N and adds a watch for each."""
        env = dict(os.environ, REVWATCH_DB=self.db, NO_COLOR="1")
        for n in range(count):
            self.server.serve("/%s%d" % (prefix, n), article_page("Story %d" % n, paragraphs))
            subprocess.run([BIN, "add", self.server.url("/%s%d" % (prefix, n))], env=env, check=True,
                           capture_output=True, timeout=60)
        return env

    def test_notify_protocol_and_clean_stop(self):
        env = dict(os.environ, REVWATCH_DB=self.db, NO_COLOR="1")
        self.server.serve("/a", article_page("Headline", V1))
        subprocess.run([BIN, "add", self.server.url("/a")], env=env, check=True,
                       capture_output=True, timeout=60)
        path = os.path.join(self.tmp.name, "notify")
        sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
        sock.bind(path)
        sock.settimeout(30)
        daemon = subprocess.Popen([BIN, "daemon"], env=dict(env, NOTIFY_SOCKET=path),
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        try:
            seen = []
            while not any(m.startswith("STATUS=") for m in seen):
                seen.append(sock.recv(4096).decode())
            self.assertEqual(seen[0], "READY=1")
            self.assertIn("WATCHDOG=1", seen)
            status = next(m for m in seen if m.startswith("STATUS="))
            self.assertIn("1 checked, 1 new revisions, 0 failed", status)
            daemon.send_signal(15)  # SIGTERM: finish, commit, exit 0
            out, err = daemon.communicate(timeout=10)
            self.assertEqual(daemon.returncode, 0, err)
            while True:
                message = sock.recv(4096).decode()
                if message == "STOPPING=1":
                    break
        finally:
            if daemon.poll() is None:
                daemon.kill()
            sock.close()

    def test_sighup_reloads_the_configuration(self):
        config = os.path.join(self.tmp.name, "revwatch.toml")
        with open(config, "w") as f:
            f.write('[daemon]\nmax_age = "30d"\n')
        env = dict(os.environ, REVWATCH_DB=self.db, NO_COLOR="1")
        path = os.path.join(self.tmp.name, "notify2")
        sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
        sock.bind(path)
        sock.settimeout(30)
        daemon = subprocess.Popen([BIN, "--config", config, "daemon"], env=dict(env, NOTIFY_SOCKET=path),
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)

        def status_after_hup():
            daemon.send_signal(1)  # SIGHUP
            while True:
                message = sock.recv(4096).decode()
                if message.startswith("STATUS=configuration"):
                    return message

        try:
            self.assertEqual(sock.recv(4096).decode(), "READY=1")
            with open(config, "w") as f:
                f.write('[daemon]\nmax_age = "a month"\n')
            broken = status_after_hup()
            self.assertIn("not reloaded", broken)
            self.assertIn("revwatch.toml:2", broken)
            with open(config, "w") as f:
                f.write('[daemon]\nmax_age = "60d"\n')
            self.assertIn("configuration reloaded from", status_after_hup())
            daemon.send_signal(15)
            _, err = daemon.communicate(timeout=10)
            self.assertEqual(daemon.returncode, 0, err)
        finally:
            if daemon.poll() is None:
                daemon.kill()
            sock.close()

    def test_bad_config_line_is_a_usage_error(self):
        config = os.path.join(self.tmp.name, "bad.toml")
        with open(config, "w") as f:
            f.write('[fetch]\ntimeout = "30s"\ntimout = "10s"\n')
        proc = subprocess.run([BIN, "--config", config, "daemon", "--once"], capture_output=True, text=True,
                              env=dict(os.environ, REVWATCH_DB=self.db), timeout=60)
        self.assertEqual(proc.returncode, 2)
        self.assertIn("bad.toml:3: unknown key timout in [fetch]", proc.stderr)

    def test_kill_9_during_busy_cycles_loses_nothing(self):
        """Twenty times: kill -9 the daemon mid-cycle; the database stays whole."""
        import random
        import sqlite3
        import time
        watches = 40
        env = self.watch_pages("p", watches, V1)
        rng = random.Random(20261126)
        for round_ in range(20):
            # Every page changes, and every watch is due: a busy cycle.
            for n in range(watches):
                self.server.serve("/p%d" % n, article_page("Story %d" % n,
                                                           V1 + ["Update %d: a new paragraph." % round_]))
            with sqlite3.connect(self.db) as db:
                db.execute("UPDATE watches SET next_check_at = 0")
            daemon = subprocess.Popen([BIN, "daemon"], env=env, stdout=subprocess.DEVNULL,
                                      stderr=subprocess.DEVNULL)
            time.sleep(rng.uniform(0.05, 0.6))
            daemon.kill()  # SIGKILL: no chance to clean up
            daemon.wait(timeout=10)
            with sqlite3.connect(self.db) as db:
                self.assertEqual(db.execute("PRAGMA integrity_check").fetchone()[0], "ok")
                orphans = db.execute("""SELECT COUNT(*) FROM revisions r WHERE NOT EXISTS
                                        (SELECT 1 FROM changes c WHERE c.to_revision_id = r.id)""").fetchone()[0]
                self.assertEqual(orphans, 0, "a revision without its change record")
                gaps = db.execute("""SELECT COUNT(*) FROM revisions r WHERE r.number > 1 AND NOT EXISTS
                                     (SELECT 1 FROM revisions p WHERE p.watch_id = r.watch_id
                                      AND p.number = r.number - 1)""").fetchone()[0]
                self.assertEqual(gaps, 0, "revision numbers with a gap")
        # The restarted daemon carries on: one more cycle runs to the end.
        with sqlite3.connect(self.db) as db:
            db.execute("UPDATE watches SET next_check_at = 0")
        proc = subprocess.run([BIN, "daemon", "--once"], env=env, capture_output=True, text=True,
                              timeout=120)
        self.assertEqual(proc.returncode, 0, proc.stderr)
        with sqlite3.connect(self.db) as db:
            total = db.execute("SELECT COUNT(*) FROM revisions").fetchone()[0]
            quarantined = db.execute("SELECT COUNT(*) FROM watches WHERE state != 'active'").fetchone()[0]
        self.assertGreaterEqual(total, watches)
        self.assertEqual(quarantined, 0)

    def test_disk_full_rolls_back_and_the_daemon_carries_on(self):
        """The database on a 1 MiB tmpfs: checks that cannot be stored fail whole, the
        daemon keeps running, and once there is room again it stores what it missed."""
        import random
        import sqlite3
        small = os.path.join(self.tmp.name, "small")
        os.mkdir(small)
        mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=1m,mode=0700", "tmpfs", small],
                                 capture_output=True, text=True)
        if mounted.returncode != 0:
            self.skipTest("cannot mount a tmpfs here: " + mounted.stderr.strip())
        daemon = None
        sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
        try:
            db_path = os.path.join(small, "revwatch.db")
            env = dict(os.environ, REVWATCH_DB=db_path, NO_COLOR="1")
            rng = random.Random(5)
            words = ["%s%d" % (rng.choice(["alpha", "bravo", "delta", "sierra"]), rng.randrange(10**6))
                     for _ in range(4000)]
            watches = 12
            for n in range(watches):
                # About 60 KB of text that compresses poorly: a dozen such
                # revisions do not fit in 1 MiB.
                paragraphs = [" ".join(rng.choice(words) for _ in range(60)) + "." for _ in range(120)]
                self.server.serve("/big%d" % n, article_page("Story %d" % n, paragraphs))
            subprocess.run([BIN, "add", *[self.server.url("/big%d" % n) for n in range(watches)]],
                           env=env, check=True, capture_output=True, timeout=60)
            path = os.path.join(self.tmp.name, "notify-full")
            sock.bind(path)
            sock.settimeout(60)
            daemon = subprocess.Popen([BIN, "daemon"], env=dict(env, NOTIFY_SOCKET=path),
                                      stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)

            def next_cycle():
                while True:
                    message = sock.recv(4096).decode()
                    if message.startswith("STATUS=last cycle"):
                        return message

            first = next_cycle()
            self.assertIn("%d checked" % watches, first)
            failed = int(first.split(" new revisions, ")[1].split(" failed")[0])
            stored = int(first.split(" checked, ")[1].split(" new revisions")[0])
            self.assertGreater(failed, 0, first)
            self.assertGreater(stored, 0, first)
            self.assertIsNone(daemon.poll(), "the daemon exited on a full disk")
            with sqlite3.connect(db_path) as db:
                self.assertEqual(db.execute("PRAGMA integrity_check").fetchone()[0], "ok")
                self.assertEqual(db.execute("SELECT COUNT(*) FROM revisions").fetchone()[0], stored)
                orphans = db.execute("""SELECT COUNT(*) FROM revisions r WHERE NOT EXISTS
                                        (SELECT 1 FROM changes c WHERE c.to_revision_id = r.id)""").fetchone()[0]
                self.assertEqual(orphans, 0)
                self.assertEqual(db.execute("""SELECT COUNT(*) FROM snapshots s WHERE NOT EXISTS
                                               (SELECT 1 FROM revisions r WHERE r.snapshot_id = s.id)""")
                                 .fetchone()[0], 0, "a snapshot of a rolled-back check was kept")
            # Room again: every watch due now, and SIGHUP wakes the daemon.
            subprocess.run(["mount", "-o", "remount,size=64m", small], check=True)
            with sqlite3.connect(db_path) as db:
                db.execute("UPDATE watches SET next_check_at = 0")
            daemon.send_signal(1)
            second = next_cycle()
            self.assertIn("%d checked, %d new revisions, 0 failed" % (watches, failed), second)
            daemon.send_signal(15)
            _, err = daemon.communicate(timeout=20)
            self.assertEqual(daemon.returncode, 0, err)
            self.assertIn("full", err)  # the failed checks were logged
            with sqlite3.connect(db_path) as db:
                counts = [row[0] for row in db.execute(
                    "SELECT COUNT(r.id) FROM watches w LEFT JOIN revisions r ON r.watch_id = w.id GROUP BY w.id")]
            self.assertEqual(counts, [1] * watches)
        finally:
            if daemon is not None and daemon.poll() is None:
                daemon.kill()
                daemon.wait()
            sock.close()
            subprocess.run(["umount", "-l", small], capture_output=True)

    def test_cli_reads_while_the_daemon_writes(self):
        """list, log and show on the daemon's database while it stores revisions."""
        import sqlite3
        watches = 30
        env = self.watch_pages("r", watches, V1)
        subprocess.run([BIN, "check", "--all"], env=env, check=True, capture_output=True, timeout=120)
        for round_ in range(3):
            for n in range(watches):
                self.server.serve("/r%d" % n, article_page("Story %d" % n, V1 + ["Round %d." % round_]))
            with sqlite3.connect(self.db) as db:
                db.execute("UPDATE watches SET next_check_at = 0")
            daemon = subprocess.Popen([BIN, "daemon", "--once"], env=env, stdout=subprocess.DEVNULL,
                                      stderr=subprocess.PIPE, text=True)
            reads = 0
            while daemon.poll() is None or reads < 5:
                for args in (["list"], ["log", self.server.url("/r7")], ["show", self.server.url("/r0")]):
                    proc = subprocess.run([BIN, *args], env=env, capture_output=True, text=True, timeout=60)
                    self.assertNotIn("locked", proc.stderr)
                    self.assertEqual(proc.returncode, 0, proc.stderr)
                reads += 1
            self.assertEqual(daemon.wait(timeout=60), 0, daemon.stderr.read())


class FileCommandsTest(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory(prefix="revwatch-it-")

    def tearDown(self):
        self.tmp.cleanup()

    def write(self, name, text):
        path = os.path.join(self.tmp.name, name)
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
        return path

    def run_cli(self, *args, expect=0, stdin=None):
        proc = subprocess.run([BIN, *args], capture_output=True, text=True, input=stdin,
                              env=dict(os.environ, NO_COLOR="1"), timeout=60)
        self.assertEqual(proc.returncode, expect, proc.stderr)
        return proc

    def test_extract_text_and_json(self):
        page = self.write("a.html", article_page("Headline here", V1))
        self.assertEqual(self.run_cli("extract", page).stdout,
                         "Headline here\n\n" + "\n\n".join(V1) + "\n")
        data = json.loads(self.run_cli("extract", "--format", "json", "-",
                                       stdin=article_page("Headline here", V1)).stdout)
        self.assertEqual(data["title"], "Headline here")
        for key in ("byline", "published", "text"):
            self.assertIn(key, data)

    def test_extract_missing_file_fails_clearly(self):
        proc = self.run_cli("extract", os.path.join(self.tmp.name, "nope.html"), expect=1)
        self.assertIn("nope.html", proc.stderr)

    def test_compare_article_files(self):
        old = self.write("old.txt", "Title\n\nEight people spoke.\n")
        new = self.write("new.txt", "Title\n\nNine people spoke.\n\nA denial followed.\n")
        out = self.run_cli("compare", old, new).stdout
        self.assertIn("[-Eight-]{+Nine+} people spoke.", out)
        self.assertIn("{+A denial followed.+}", out)

    def test_compare_names_a_missing_file_or_a_directory(self):
        new = self.write("new.txt", "Title\n\nNine people spoke.\n")
        proc = self.run_cli("compare", os.path.join(self.tmp.name, "nope.txt"), new, expect=1)
        self.assertIn("nope.txt: cannot open file", proc.stderr)
        proc = self.run_cli("compare", self.tmp.name, new, expect=1)
        self.assertIn("is a directory", proc.stderr)
        proc = self.run_cli("compare", new, self.tmp.name, expect=1)
        self.assertIn("is a directory", proc.stderr)

    def test_compare_json_classifies_the_edit(self):
        old = self.write("old.txt", "Talks\n\nThe minister will sign the deal on Friday.\n")
        new = self.write("new.txt", "Talks\n\nThe minister will not sign the deal on Friday.\n\n"
                                    "The ministry denied reports of a rift, calling them false.\n")
        data = json.loads(self.run_cli("compare", "--json", old, new).stdout)
        self.assertTrue(data["substantive"])
        self.assertEqual(data["tags"], ["denial", "negation", "paragraph-added"])
        self.assertEqual(data["stats"]["paragraphs_added"], 1)
        ops = [(c["op"], c["old_paragraph"], c["new_paragraph"]) for c in data["changes"]]
        self.assertEqual(ops, [("replace", 0, 0), ("insert", None, 1)])
        self.assertEqual(data["changes"][0]["new"], "The minister will not sign the deal on Friday.")
        self.assertGreater(data["score"], 0.5)
        html = self.run_cli("compare", "--format", "html", old, new).stdout
        self.assertIn("<ins style=", html)
        self.run_cli("compare", "--format", "bogus", old, new, expect=2)

    def test_compare_accepts_a_user_lexicon(self):
        old = self.write("old.txt", "T\n\nThe firm confirmed the merger.\n")
        new = self.write("new.txt", "T\n\nThe firm confirmed the merger. Critics called it pure invention.\n")
        self.assertNotIn("denial", json.loads(self.run_cli("compare", "--json", old, new).stdout)["tags"])
        lexicon = self.write("mine.txt", "[denial]\npure invention\n")
        data = json.loads(self.run_cli("compare", "--json", "--lexicon", lexicon, old, new).stdout)
        self.assertIn("denial", data["tags"])
        bad = self.write("bad.txt", "[nonsense]\nword\n")
        proc = self.run_cli("compare", "--lexicon", bad, old, new, expect=2)
        self.assertIn("bad.txt:1", proc.stderr)

    def test_demo_catches_the_seed_edit(self):
        out = self.run_cli("demo").stdout
        self.assertIn("revision 2 stored", out)
        self.assertIn("Headline after:  White House denies linking Ukraine security guarantees "
                      "to territorial concessions", out)
        self.assertIn("tags: headline, denial, quote, paragraph-added; substantive", out)
        self.assertIn("{+\"This is totally false", out)


if __name__ == "__main__":
    unittest.main()
