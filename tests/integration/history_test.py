"""Reading the history: search, at, blame and export against a real database
built by real checks of a local HTTP server serving successive versions.

Run by CTest with REVWATCH_BIN pointing at the built binary.
"""
import base64
import gzip
import hashlib
import io
import json
import os
import sqlite3
import subprocess
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from page_server import PageServer  # noqa: E402

BIN = os.environ.get("REVWATCH_BIN", "build/revwatch")

FACT = "The Financial Times reported the plan on Monday, citing eight people familiar with the talks."
OFFER = "Washington offered additional weapons if Kyiv withdraws. Officials met in Abu Dhabi."
DENIAL = "The White House called the report totally false and said talks were going well."

VERSIONS = [  # headline, paragraphs; revisions 1, 2, 3 at t = 1000, 2000, 3000
    ("US ties guarantees to concessions", [FACT, OFFER]),
    ("White House denies the report", [FACT, "Washington offered more weapons if Kyiv withdraws. "
                                              "Officials met in Abu Dhabi.", DENIAL]),
    ("White House denies the report", [FACT,
                                       "Washington offered more weapons if Kyiv withdraws. "
                                       "Officials met in Geneva.",
                                       "The White House said talks were going well."]),
]
UK = ("Білий дім спростував звіт", ["Речник Білого дому СПРОСТУВАВ повідомлення видання."])
RU = ("Кремль опроверг сообщение", ["В Кремле опровергли сообщение о переговорах."])


def page(title, paragraphs):
    body = "".join("<p>%s</p>" % p for p in paragraphs)
    return f"""<!doctype html><html><head><meta charset="utf-8"><title>{title}</title></head>
<body><article><h1>{title}</h1>{body}</article></body></html>"""


class HistoryTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory(prefix="revwatch-history-")
        cls.web = PageServer().__enter__()
        cls.db = os.path.join(cls.tmp.name, "revwatch.db")
        cls.env = dict(os.environ, REVWATCH_DB=cls.db, NO_COLOR="1",
                       REVWATCH_CONFIG=os.path.join(cls.tmp.name, "none.toml"))
        open(cls.env["REVWATCH_CONFIG"], "w").close()
        cls.url = cls.web.url("/story")
        cls.uk = cls.web.url("/uk")
        cls.ru = cls.web.url("/ru")
        cls.web.serve("/uk", page(*UK))
        cls.web.serve("/ru", page(*RU))
        subprocess.run([BIN, "add", cls.url, cls.uk, cls.ru], env=cls.env, check=True,
                       capture_output=True)
        for title, paragraphs in VERSIONS:
            cls.web.serve("/story", page(title, paragraphs))
            subprocess.run([BIN, "check", "--all"], env=cls.env, check=True, capture_output=True)
        with sqlite3.connect(cls.db) as db:  # three distinct moments
            for number in (1, 2, 3):
                db.execute("UPDATE revisions SET first_seen = ?, last_seen = ? "
                           "WHERE watch_id = 1 AND number = ?", (number * 1000, number * 1000 + 500, number))
            # Fixed times everywhere else too, for the golden outputs.
            db.execute("UPDATE revisions SET first_seen = 4000, last_seen = 4000 WHERE watch_id != 1")
            db.execute("UPDATE watches SET created_at = 500, last_checked_at = 5000")

    @classmethod
    def tearDownClass(cls):
        cls.web.__exit__(None, None, None)
        cls.tmp.cleanup()

    def run_cli(self, *args, expect=0, text=True):
        proc = subprocess.run([BIN, *args], capture_output=True, text=text, env=self.env, timeout=60)
        self.assertEqual(proc.returncode, expect, "revwatch %s\n%s" % (" ".join(args), proc.stderr))
        return proc

    def test_search_every_version_and_what_was_removed(self):
        found = json.loads(self.run_cli("search", "totally false", "--json").stdout)
        self.assertEqual(len(found), 1)
        self.assertEqual(found[0]["url"], self.url)
        self.assertEqual(found[0]["revisions"], [2])
        self.assertFalse(found[0]["still_there"])
        self.assertIn("totally false", found[0]["snippet"])
        text = self.run_cli("search", "TOTALLY false").stdout
        self.assertIn("revisions 2 of 3; gone since revision 3", text)
        self.assertIn("**totally false**", text)
        removed = json.loads(self.run_cli("search", "totally false", "--removed", "--json").stdout)
        self.assertEqual([r["url"] for r in removed], [self.url])
        # Still there: not "removed".
        self.run_cli("search", "Financial Times", "--removed", expect=1)
        kept = json.loads(self.run_cli("search", "Financial Times", "--json").stdout)
        self.assertEqual(kept[0]["revisions"], [1, 2, 3])
        self.run_cli("search", "no such words anywhere", expect=1)

    def test_search_in_ukrainian_and_russian_ignores_case(self):
        uk = json.loads(self.run_cli("search", "спростував", "--json").stdout)
        self.assertEqual([r["url"] for r in uk], [self.uk])
        self.assertIn("спростував", uk[0]["snippet"].lower())
        ru = json.loads(self.run_cli("search", "ОПРОВЕРГ", "--json").stdout)
        self.assertEqual([r["url"] for r in ru], [self.ru])
        only = json.loads(self.run_cli("search", "опроверг", "--url", self.uk, "--json", expect=1).stdout)
        self.assertEqual(only, [])
        self.run_cli("search", "--fts", "опроверг*", expect=0)
        self.assertIn("cannot search", self.run_cli("search", "--fts", "AND (", expect=2).stderr)

    def test_at_gives_the_version_live_then(self):
        self.assertTrue(self.run_cli("at", self.url, "1970-01-01T00:33:20Z").stdout
                        .startswith("White House denies the report\n"))  # exactly t = 2000
        self.assertTrue(self.run_cli("at", self.url, "1970-01-01T00:33:19Z").stdout
                        .startswith("US ties guarantees"))
        self.assertIn("Geneva", self.run_cli("at", self.url, "now").stdout)
        before = self.run_cli("at", self.url, "1970-01-01T00:16:39Z", expect=1)
        self.assertIn("the first revision was first seen 1970-01-01T00:16:40Z", before.stderr)
        self.assertIn("is not a time", self.run_cli("at", self.url, "teatime", expect=2).stderr)

    def test_blame_a_paragraph_edited_twice(self):
        blame = json.loads(self.run_cli("blame", self.url, "--json").stdout)
        self.assertEqual(blame["headline"]["revision"], 2)
        paragraphs = blame["paragraphs"]
        self.assertEqual(paragraphs[0]["revision"], 1)
        offer = paragraphs[1]["sentences"]
        self.assertEqual([(s["text"], s["revision"]) for s in offer],  # edited in 2, then in 3
                         [("Washington offered more weapons if Kyiv withdraws.", 2),
                          ("Officials met in Geneva.", 3)])
        self.assertEqual(paragraphs[2]["revision"], 3)
        text = self.run_cli("blame", self.url).stdout
        self.assertIn("r3 1970-01-01  (edited; by sentence:)", text)
        self.assertIn("  r2 1970-01-01  Washington offered", text)

    def test_list_filters_by_change_time_and_tag(self):
        listed = json.loads(self.run_cli("list", "--json").stdout)
        self.assertEqual(len(listed), 3)
        self.assertEqual(listed[0]["state"], "active")
        last = json.loads(self.run_cli("log", self.url, "--json").stdout)["revisions"][0]
        self.assertEqual(listed[0]["last_tags"], last["tags"])
        self.assertTrue(last["tags"])
        recent = json.loads(self.run_cli("list", "--changed-since", "1970-01-01T01:00:00Z", "--json").stdout)
        self.assertEqual(sorted(w["url"] for w in recent), sorted([self.uk, self.ru]))  # story: t=3000
        tag = last["tags"][0]
        tagged = json.loads(self.run_cli("list", "--tag", tag, "--json").stdout)
        self.assertIn(self.url, [w["url"] for w in tagged])
        self.assertTrue(all(tag in w["last_tags"] for w in tagged))
        self.run_cli("list", "--changed-since", "lately", expect=2)
        text = self.run_cli("list").stdout
        self.assertIn("\tactive\t3 rev\t", text)

    def test_golden_outputs(self):
        """Each reading command's exact output, plain, JSON and coloured, against
        tests/data/golden/ (REVWATCH_UPDATE_GOLDEN=1 rewrites the files)."""
        cases = {
            "list.txt": ["list"],
            "list.json": ["list", "--json"],
            "log.txt": ["log", self.url],
            "log.json": ["log", self.url, "--json"],
            "log-p.txt": ["log", self.url, "-p"],
            "log-p-color.txt": ["--color=always", "log", self.url, "-p"],
            "show-2.txt": ["show", self.url, "2"],
            "diff.txt": ["diff", self.url, "1", "3"],
            "diff-color.txt": ["--color=always", "diff", self.url, "1", "3"],
            "diff.json": ["diff", self.url, "1", "3", "--format", "json"],
            "diff.html": ["diff", self.url, "1", "3", "--format", "html"],
            "at.txt": ["at", self.url, "1970-01-01T00:40:00Z"],
            "blame.txt": ["blame", self.url],
            "blame.json": ["blame", self.url, "--json"],
            "search.txt": ["search", "totally false"],
            "search-color.txt": ["--color=always", "search", "спростував"],
            "search.json": ["search", "White House", "--json"],
        }
        directory = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "data", "golden")
        update = os.environ.get("REVWATCH_UPDATE_GOLDEN") == "1"
        port = self.url.split(":")[2].split("/")[0]
        for name, args in cases.items():
            output = self.run_cli(*args).stdout.replace(":%s/" % port, ":PORT/")
            path = os.path.join(directory, name)
            if update:
                os.makedirs(directory, exist_ok=True)
                with open(path, "w", encoding="utf-8") as f:
                    f.write(output)
                continue
            with open(path, encoding="utf-8") as f:
                self.assertEqual(output, f.read(), "%s: revwatch %s" % (name, " ".join(args)))

    def test_log_show_and_diff_options(self):
        log = json.loads(self.run_cli("log", self.url, "--substantive", "--json").stdout)
        self.assertEqual([r["number"] for r in log["revisions"]], [3, 2])
        patch = self.run_cli("log", self.url, "-p").stdout
        self.assertIn("{+The White House called the report totally false", patch)
        self.assertIn("[-Abu Dhabi-]{+Geneva+}.", patch)
        raw = self.run_cli("show", self.url, "2", "--raw").stdout
        self.assertEqual(raw, page(*VERSIONS[1]))
        self.assertIn("Content-Type: text/html", self.run_cli("show", self.url, "1", "--headers").stdout)
        meta = self.run_cli("show", self.url, "--meta").stdout
        self.assertIn("revision: 3\n", meta)
        self.assertIn("page sha256: " + hashlib.sha256(page(*VERSIONS[2]).encode()).hexdigest(), meta)
        diff = json.loads(self.run_cli("diff", self.url, "1", "2", "--format", "json").stdout)
        self.assertIn("denial", diff["tags"])
        self.assertIn("<ins style=", self.run_cli("diff", self.url, "--format", "html").stdout)
        self.run_cli("diff", self.url, "--format", "pdf", expect=2)

    def test_warc_export_read_back_by_an_independent_reader(self):
        out = os.path.join(self.tmp.name, "story.warc.gz")
        self.run_cli("export", self.url, "--format", "warc", "--gzip", "--output", out)
        with open(out, "rb") as f:
            records = read_warc(gzip.decompress(f.read()))
        self.assertEqual([r["WARC-Type"] for r in records],
                         ["warcinfo"] + ["response", "conversion"] * 3)
        for record in records:
            algorithm, value = record["WARC-Block-Digest"].split(":", 1)
            self.assertEqual(value, base64.b32encode(hashlib.new(algorithm, record["block"]).digest()).decode())
        responses = [r for r in records if r["WARC-Type"] == "response"]
        for response in responses:
            self.assertEqual(response["WARC-Target-URI"], self.url)
            head, body = response["block"].split(b"\r\n\r\n", 1)
            self.assertTrue(head.startswith(b"HTTP/1.") and b" 200 " in head.split(b"\r\n")[0])
            self.assertIn(b"Content-Length: %d" % len(body), head)
            algorithm, value = response["WARC-Payload-Digest"].split(":", 1)
            self.assertEqual(algorithm, "sha1")
            self.assertEqual(value, base64.b32encode(hashlib.sha1(body).digest()).decode())
        self.assertIn(b"Geneva", responses[2]["block"])
        conversions = [r for r in records if r["WARC-Type"] == "conversion"]
        self.assertEqual(conversions[1]["WARC-Refers-To"], responses[1]["WARC-Record-ID"])
        self.assertTrue(conversions[0]["block"].startswith(b"US ties guarantees"))
        exported = json.loads(self.run_cli("export", self.url).stdout)
        self.assertEqual([r["number"] for r in exported["revisions"]], [1, 2, 3])
        self.assertEqual(exported["revisions"][1]["page"]["sha256"],
                         hashlib.sha256(page(*VERSIONS[1]).encode()).hexdigest())


def read_warc(data):
    """A minimal WARC 1.1 reader: records of header fields and a block."""
    records = []
    stream = io.BytesIO(data)
    while True:
        line = stream.readline()
        if not line:
            return records
        assert line == b"WARC/1.1\r\n", line
        record = {}
        while True:
            line = stream.readline()
            if line == b"\r\n":
                break
            name, value = line.decode().rstrip("\r\n").split(": ", 1)
            record[name] = value
        record["block"] = stream.read(int(record["Content-Length"]))
        assert stream.read(4) == b"\r\n\r\n"
        records.append(record)


if __name__ == "__main__":
    unittest.main()
