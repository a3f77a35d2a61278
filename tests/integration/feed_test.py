"""Following feeds: real feed files served on 127.0.0.1, read by the real
binary (`feed add/check/list/items/rm`, `list --feed`, `daemon --once`).

Run by CTest with REVWATCH_BIN pointing at the built binary.
"""
import email.utils
import json
import os
import sqlite3
import subprocess
import sys
import tempfile
import time
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from page_server import PageServer  # noqa: E402

BIN = os.environ.get("REVWATCH_BIN", "build/revwatch")


def article(title):
    return ("<!doctype html><html><head><meta charset='utf-8'><title>%s</title></head><body>"
            "<article><h1>%s</h1><p>The harbour authority said on Tuesday that the ferry "
            "service would resume next week after repairs to the pier.</p></article>"
            "</body></html>" % (title, title))


def iso(t):
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(t))


def rss(items, title="Harbour Gazette"):
    """items: (link, title, age in hours)."""
    now = time.time()
    body = "".join(
        "<item><title>%s</title><link>%s</link><pubDate>%s</pubDate></item>"
        % (t, link.replace("&", "&amp;"), email.utils.formatdate(now - age * 3600, usegmt=True))
        for link, t, age in items)
    return ('<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel>'
            "<title>%s</title>%s</channel></rss>" % (title, body))


def rdf(items):
    now = time.time()
    body = "".join(
        '<item rdf:about="%s"><title>%s</title><link>%s</link><dc:date>%s</dc:date></item>'
        % (link, t, link, iso(now - age * 3600)) for link, t, age in items)
    return ('<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"'
            ' xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">'
            '<channel rdf:about="x"><title>Wire</title></channel>%s</rdf:RDF>' % body)


def atom(items, base):
    now = time.time()
    body = "".join(
        '<entry><title>%s</title><link rel="alternate" href="%s"/><id>urn:%d</id>'
        "<updated>%s</updated></entry>" % (t, link, i, iso(now - age * 3600))
        for i, (link, t, age) in enumerate(items))
    return ('<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom" xml:base="%s">'
            "<title>Atom Desk</title>%s</feed>" % (base, body))


def json_feed(items):
    now = time.time()
    return json.dumps({"version": "https://jsonfeed.org/version/1.1", "title": "JSON Newsroom",
                       "items": [{"id": str(i), "url": link, "title": t,
                                  "date_published": iso(now - age * 3600)}
                                 for i, (link, t, age) in enumerate(items)]})


def sitemap(links, news=False):
    now = time.time()
    ns = ' xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"' if news else ""
    urls = ""
    for link, t, age in links:
        extra = ("<news:news><news:publication_date>%s</news:publication_date>"
                 "<news:title>%s</news:title></news:news>" % (iso(now - age * 3600), t)
                 if news else "<lastmod>%s</lastmod>" % iso(now - age * 3600))
        urls += "<url><loc>%s</loc>%s</url>" % (link, extra)
    return ('<?xml version="1.0" encoding="UTF-8"?>'
            '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"%s>%s</urlset>' % (ns, urls))


class FeedTest(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory(prefix="revwatch-feeds-")
        self.web = PageServer().__enter__()
        self.env = dict(os.environ, REVWATCH_DB=os.path.join(self.tmp.name, "revwatch.db"),
                        NO_COLOR="1", REVWATCH_CONFIG=os.path.join(self.tmp.name, "none.toml"))
        open(self.env["REVWATCH_CONFIG"], "w").close()

    def tearDown(self):
        self.web.__exit__(None, None, None)
        self.tmp.cleanup()

    def run_cli(self, *args, expect=0, timeout=60):
        proc = subprocess.run([BIN, *args], capture_output=True, text=True, env=self.env,
                              timeout=timeout)
        self.assertEqual(proc.returncode, expect,
                         "revwatch %s\nstdout: %s\nstderr: %s" % (" ".join(args), proc.stdout,
                                                                  proc.stderr))
        return proc

    def articles(self, *names):
        """Serves an article page per name; returns (link, title, age 1 h) items."""
        items = []
        for name in names:
            self.web.serve("/news/" + name, article("Story " + name))
            items.append((self.web.url("/news/" + name), "Story " + name, 1))
        return items

    def watches(self, feed=None):
        args = ["list", "--json"] + (["--feed", str(feed)] if feed else [])
        return json.loads(self.run_cli(*args).stdout)

    def test_each_format_adds_its_articles_as_watches(self):
        base = self.web.url("/")
        cases = [
            ("/rss.xml", rss(self.articles("r1", "r2")), "application/rss+xml", "RSS 2.0"),
            ("/index.rdf", rdf(self.articles("d1")), "application/rdf+xml", "RSS 1.0"),
            # Atom links relative to xml:base.
            ("/atom.xml", atom([("news/a1", "A1", 1), ("news/a2", "A2", 2)], base),
             "application/atom+xml", "Atom"),
            ("/feed.json", json_feed(self.articles("j1")), "application/feed+json", "JSON Feed"),
            ("/sitemap.xml", sitemap(self.articles("s1", "s2", "s3")), "application/xml",
             "sitemap"),
            ("/news-sitemap.xml", sitemap(self.articles("n1"), news=True), "application/xml",
             "news sitemap"),
        ]
        for feed_id, (path, body, content_type, name) in enumerate(cases, start=1):
            self.web.serve(path, body, content_type=content_type)
            out = self.run_cli("feed", "add", self.web.url(path)).stdout
            self.assertIn("(%s)" % name, out)
        expected = {1: {"r1", "r2"}, 2: {"d1"}, 3: {"a1", "a2"}, 4: {"j1"}, 5: {"s1", "s2", "s3"},
                    6: {"n1"}}
        for feed_id, names in expected.items():
            urls = {w["url"] for w in self.watches(feed_id)}
            self.assertEqual(urls, {self.web.url("/news/" + n) for n in names}, feed_id)
        news = self.watches(6)[0]
        self.assertEqual(news["feed_title"], "Story n1")  # the feed's own title is kept
        self.assertIsNotNone(news["expires"])
        feeds = json.loads(self.run_cli("feed", "list", "--json").stdout)
        self.assertEqual([f["format"] for f in feeds], [c[3] for c in cases])
        self.assertTrue(all(f["last_error"] is None for f in feeds))

    def test_a_sitemap_index_is_read_through_its_sitemaps(self):
        self.web.serve("/s1.xml", sitemap(self.articles("x1")), content_type="application/xml")
        self.web.serve("/s2.xml", sitemap(self.articles("x2", "x1")),
                       content_type="application/xml")
        self.web.serve("/sitemap_index.xml",
                       '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
                       "<sitemap><loc>/s1.xml</loc></sitemap><sitemap><loc>s2.xml</loc></sitemap>"
                       "</sitemapindex>", content_type="application/xml")
        out = self.run_cli("feed", "add", self.web.url("/sitemap_index.xml")).stdout
        self.assertIn("2 articles (sitemap index), 2 new watches", out)

    def test_a_page_that_announces_its_feed_is_followed_through_it(self):
        self.web.serve("/rss.xml", rss(self.articles("p1")), content_type="application/rss+xml")
        self.web.serve("/", '<!doctype html><html><head><link rel="alternate" '
                            'type="application/rss+xml" href="/rss.xml"></head><body>Home</body>'
                            "</html>")
        out = self.run_cli("feed", "add", self.web.url("/")).stdout
        self.assertIn("found the feed %s on the page" % self.web.url("/rss.xml"), out)
        self.assertEqual(json.loads(self.run_cli("feed", "list", "--json").stdout)[0]["url"],
                         self.web.url("/rss.xml"))
        self.web.serve("/plain", "<!doctype html><html><body>No feed here</body></html>")
        err = self.run_cli("feed", "add", self.web.url("/plain"), expect=2).stderr
        self.assertIn("announces no feed", err)

    def test_a_feed_that_grows_between_polls_adds_only_its_new_articles(self):
        first = self.articles("g1", "g2")
        self.web.serve("/rss.xml", rss(first), content_type="application/rss+xml")
        self.run_cli("feed", "add", self.web.url("/rss.xml"), "--every", "5m")
        # Unchanged: a conditional GET, answered 304.
        out = self.run_cli("feed", "check").stdout
        self.assertIn("not modified", out)
        self.assertTrue(self.web.requests_for("/rss.xml")[-1][1])  # If-None-Match sent
        self.web.serve("/news/g3", article("Story g3"))
        newest = [(self.web.url("/news/g3"), "Story g3", 0.5)]
        self.web.serve("/rss.xml", rss(newest + first),
                       content_type="application/rss+xml")
        out = self.run_cli("feed", "check", "1").stdout
        self.assertIn("3 articles (RSS 2.0), 1 new watches", out)
        self.assertEqual(len(self.watches()), 3)
        items = self.run_cli("feed", "items", "1").stdout.splitlines()
        self.assertEqual(len(items), 3)
        self.assertTrue(items[0].split("\t")[2].endswith("/news/g3"), items)  # newest first

    def test_an_article_in_two_feeds_is_watched_once(self):
        shared = self.articles("shared")
        tracked = [(shared[0][0] + "?utm_source=rss&utm_medium=feed#comments", "Shared", 1)]
        self.web.serve("/one.xml", rss(shared + self.articles("only1")),
                       content_type="application/rss+xml")
        self.web.serve("/two.json", json_feed(tracked), content_type="application/feed+json")
        self.run_cli("add", shared[0][0] + "#top")  # by hand as well, with a fragment
        self.run_cli("feed", "add", self.web.url("/one.xml"))
        out = self.run_cli("feed", "add", self.web.url("/two.json")).stdout
        self.assertIn("1 articles (JSON Feed), 0 new watches, 1 already watched", out)
        self.assertEqual(sorted(w["url"] for w in self.watches()),
                         sorted([shared[0][0], self.web.url("/news/only1")]))

    def test_a_broken_feed_is_that_feeds_error_only(self):
        self.web.serve("/good.xml", rss(self.articles("ok1")), content_type="application/rss+xml")
        self.web.serve("/bad.xml", rss(self.articles("b1")), content_type="application/rss+xml")
        self.run_cli("feed", "add", self.web.url("/good.xml"))
        self.run_cli("feed", "add", self.web.url("/bad.xml"))
        self.web.serve("/bad.xml", "<rss><channel><item><title>cut off",
                       content_type="application/rss+xml")
        self.web.serve("/good.xml", rss(self.articles("ok2", "ok1")),
                       content_type="application/rss+xml")
        proc = self.run_cli("feed", "check", expect=1)
        self.assertIn("/bad.xml: error: not well-formed XML", proc.stdout)
        self.assertIn("/good.xml: 2 articles (RSS 2.0), 1 new watches", proc.stdout)
        listed = self.run_cli("feed", "list").stdout
        self.assertIn("failing", listed)
        self.assertIn("not well-formed XML", listed)
        self.assertEqual(len(self.watches()), 3)  # the bad feed's first article stays

    def test_a_billion_laughs_feed_is_refused_at_once(self):
        laughs = "".join('<!ENTITY l%d "%s">' % (i, ("&l%d;" % (i - 1)) * 10) for i in range(1, 10))
        self.web.serve("/laughs.xml", '<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY l0 "lol">%s]>'
                                      "<rss><channel><title>&l9;</title></channel></rss>" % laughs,
                       content_type="application/rss+xml")
        started = time.monotonic()
        err = self.run_cli("feed", "add", self.web.url("/laughs.xml"), expect=1).stderr
        self.assertIn("declares XML entities", err)
        self.assertIn("the feed was not added", err)
        self.assertLess(time.monotonic() - started, 30)
        self.assertEqual(json.loads(self.run_cli("feed", "list", "--json").stdout), [])

    def test_a_50_mb_feed_is_capped(self):
        item = "<item><title>%s</title><link>%s</link></item>" % ("x" * 400, self.web.url("/n"))
        body = ('<?xml version="1.0"?><rss><channel><title>Huge</title>' +
                item * (50 * 1024 * 1024 // len(item)) + "</channel></rss>")
        self.assertGreater(len(body), 50 * 1000 * 1000)
        self.web.serve("/huge.xml", body, content_type="application/rss+xml")
        err = self.run_cli("feed", "add", self.web.url("/huge.xml"), expect=1).stderr
        self.assertIn("body larger than 16777216 bytes (16 MiB", err)
        # A smaller limit in the configuration applies too.
        with open(self.env["REVWATCH_CONFIG"], "w") as config:
            config.write('[fetch]\nmax_body = "1MiB"\n')
        self.web.serve("/two-mb.xml", body[:2 * 1024 * 1024] + "</channel></rss>",
                       content_type="application/rss+xml")
        err = self.run_cli("feed", "add", self.web.url("/two-mb.xml"), expect=1).stderr
        self.assertIn("(1 MiB, the [fetch] max_body limit)", err)
        self.assertEqual(json.loads(self.run_cli("feed", "list", "--json").stdout), [])

    def test_the_daemon_polls_feeds_and_checks_new_and_retitled_articles_in_one_cycle(self):
        self.web.serve("/rss.xml", rss(self.articles("d1")), content_type="application/rss+xml")
        self.run_cli("feed", "add", self.web.url("/rss.xml"), "--every", "1m")
        proc = self.run_cli("daemon", "--once")
        self.assertIn("1 checked, 1 new revisions, 0 failed", proc.stderr)
        self.assertEqual(self.watches(1)[0]["revisions"], 1)
        # The feed changes the article's title and lists a new one; the
        # first is not due for minutes, but is checked now.
        with sqlite3.connect(self.env["REVWATCH_DB"]) as db:  # the feed's minute has passed
            db.execute("UPDATE feeds SET next_poll_at = 0")
        self.web.serve("/news/d1", article("Story d1 denied"))
        self.web.serve("/rss.xml", rss(self.articles("d2") + [(self.web.url("/news/d1"),
                                                              "Story d1 denied", 1)]),
                       content_type="application/rss+xml")
        proc = self.run_cli("daemon", "--once")
        self.assertIn("1 feed polled, 1 new watches, 1 retitled", proc.stderr)
        self.assertIn("2 checked, 2 new revisions", proc.stderr)
        revisions = {w["url"].rsplit("/", 1)[1]: w["revisions"] for w in self.watches(1)}
        self.assertEqual(revisions, {"d1": 2, "d2": 1})

    def test_removing_a_feed_keeps_its_watches(self):
        self.web.serve("/rss.xml", rss(self.articles("k1", "k2")),
                       content_type="application/rss+xml")
        self.run_cli("feed", "add", self.web.url("/rss.xml"))
        out = self.run_cli("feed", "rm", "1").stdout
        self.assertIn("its 2 watches stay", out)
        self.assertEqual(len(self.watches()), 2)
        err = self.run_cli("list", "--feed", "1", expect=2).stderr
        self.assertIn("not followed", err)
        self.run_cli("feed", "rm", "1", expect=2)

    def test_old_articles_in_a_feed_are_not_watched(self):
        items = self.articles("new") + [(self.web.url("/news/old"), "Old", 24 * 20)]
        self.web.serve("/rss.xml", rss(items), content_type="application/rss+xml")
        out = self.run_cli("feed", "add", self.web.url("/rss.xml"), "--follow-days", "14").stdout
        self.assertIn("1 new watches, 1 older than 14 days (not watched)", out)


if __name__ == "__main__":
    unittest.main()
