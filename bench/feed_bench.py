#!/usr/bin/python3
"""Feed benchmark: a feed of N items parsed and reconciled by `revwatch feed`.

A generated RSS 2.0 feed of N items (and the same items as Atom and as a
sitemap) is served on 127.0.0.1 by Python's http.server, which answers
If-Modified-Since with 304. For each format, in one run, each a whole
process timed from start to exit with its peak RSS (/usr/bin/time):

  add:       `revwatch feed add` on a fresh database: fetch, parse, and N
             new watches (all items dated within the follow window);
  unchanged: `revwatch feed check` after the file is rewritten with the
             same items (a 200, N known items, nothing to do);
  retitled:  `revwatch feed check` after every item's title changed (N
             watches made due);
  304:       `revwatch feed check` with nothing changed.

For comparison, in the same run, feedparser (Debian's python3-feedparser,
the parser diffengine follows feeds with) parses the same RSS file: parse
only, no fetch, no storage.

  flock /tmp/revwatch-build.lock /usr/bin/python3 bench/feed_bench.py \\
      [--items 10000] [--runs 3] [--revwatch build/revwatch]

Needs time and python3-feedparser (scripts/setup.sh --bench installs them).
"""

import argparse
import email.utils
import functools
import http.server
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, HERE)
from monitor_bench import timed  # noqa: E402


def items(n, base, suffix=""):
    now = time.time()
    for i in range(n):
        yield ("%s/news/2026/%05d-story" % (base, i),
               "Story number %d about the harbour, the council and the ferry%s" % (i, suffix),
               "The harbour authority said on Tuesday that item %d would be reviewed." % i,
               now - i * 30)


def rss(entries):
    parts = ['<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel>'
             "<title>Bench Gazette</title>"]
    for link, title, summary, t in entries:
        parts.append("<item><title>%s</title><link>%s?utm_source=rss</link>"
                     "<description>%s</description><pubDate>%s</pubDate><guid>%s</guid></item>"
                     % (title, link, summary, email.utils.formatdate(t, usegmt=True), link))
    parts.append("</channel></rss>")
    return "\n".join(parts)


def atom(entries):
    parts = ['<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
             "<title>Bench Gazette</title>"]
    for link, title, summary, t in entries:
        parts.append('<entry><title>%s</title><link rel="alternate" href="%s"/><id>%s</id>'
                     "<updated>%s</updated><summary>%s</summary></entry>"
                     % (title, link, link, time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(t)),
                        summary))
    parts.append("</feed>")
    return "\n".join(parts)


def sitemap(entries):
    parts = ['<?xml version="1.0" encoding="UTF-8"?><urlset '
             'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
             'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">']
    for link, title, _, t in entries:
        parts.append("<url><loc>%s</loc><news:news><news:publication_date>%s"
                     "</news:publication_date><news:title>%s</news:title></news:news></url>"
                     % (link, time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(t)), title))
    parts.append("</urlset>")
    return "\n".join(parts)


FORMATS = {"RSS 2.0": ("feed.rss", rss), "Atom": ("feed.atom", atom),
           "news sitemap": ("sitemap.xml", sitemap)}


def write(path, text, when):
    with open(path, "w", encoding="utf-8") as out:
        out.write(text)
    os.utime(path, (when, when))  # Last-Modified moves only when asked


class Server:
    def __init__(self, root):
        handler = functools.partial(QuietHandler, directory=root)
        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.base = "http://127.0.0.1:%d" % self.httpd.server_address[1]
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def close(self):
        self.httpd.shutdown()
        self.httpd.server_close()


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def median_run(runs, argv_for, prepare, work):
    """Runs prepare(i) then argv_for(i) `runs` times; median wall, max RSS."""
    walls, rss_peaks = [], []
    for i in range(runs):
        prepare(i)
        wall, _, rss_mib, status = timed(argv_for(i), stdout_path=os.path.join(work, "out"))
        if status != 0:
            sys.exit("failed (%d): %s\n%s" % (status, " ".join(argv_for(i)),
                                              open(os.path.join(work, "out")).read()))
        walls.append(wall)
        rss_peaks.append(rss_mib)
    return statistics.median(walls), max(rss_peaks)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--items", type=int, default=10000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--revwatch", default=os.path.join(ROOT, "build", "revwatch"))
    args = parser.parse_args()

    work = tempfile.mkdtemp(prefix="revwatch-feed-bench-")
    site = os.path.join(work, "site")
    os.makedirs(site)
    server = Server(site)
    config = os.path.join(work, "revwatch.toml")
    open(config, "w").close()
    rows = []
    try:
        stamp = time.time() - 3600
        for name, (file, render) in FORMATS.items():
            path = os.path.join(site, file)
            url = "%s/%s" % (server.base, file)
            original = render(list(items(args.items, server.base)))
            retitled = render(list(items(args.items, server.base, " (updated)")))
            size = len(original.encode("utf-8"))

            def db(i):
                return os.path.join(work, "%s-%d.db" % (file, i))

            def revwatch(i, *command):
                return [args.revwatch, "--db", db(i), "--config", config, *command]

            def fresh(i):
                write(path, original, stamp)
                for suffix in ("", "-wal", "-shm"):
                    if os.path.exists(db(i) + suffix):
                        os.remove(db(i) + suffix)

            add = median_run(args.runs, lambda i: revwatch(i, "feed", "add", url), fresh, work)
            touched = median_run(args.runs, lambda i: revwatch(i, "feed", "check"),
                                 lambda i: write(path, original, stamp + 10 + i), work)
            changed = median_run(
                args.runs, lambda i: revwatch(i, "feed", "check"),
                lambda i: write(path, retitled if i % 2 == 0 else original, stamp + 100 + i), work)
            not_modified = median_run(args.runs, lambda i: revwatch(i, "feed", "check"),
                                      lambda i: None, work)
            watches = subprocess.run(revwatch(0, "list", "--json"), capture_output=True,
                                     text=True, check=True).stdout.count('"url"')
            if watches != args.items:
                sys.exit("%s: expected %d watches, found %d" % (name, args.items, watches))
            rows.append((name, size, add, touched, changed, not_modified))

        rss_path = os.path.join(site, "feed.rss")
        write(rss_path, rss(list(items(args.items, server.base))), stamp)
        feedparser = median_run(
            args.runs, lambda i: ["/usr/bin/python3", "-c",
                                  "import feedparser, sys; "
                                  "d = feedparser.parse(open(sys.argv[1], 'rb').read()); "
                                  "assert len(d.entries) == %d" % args.items, rss_path],
            lambda i: None, work)
    finally:
        server.close()

    print("%d items, median of %d runs, wall time of the whole process, peak RSS in MiB\n"
          % (args.items, args.runs))
    print("| format | feed size | feed add (%d new watches) | check, same items | "
          "check, all retitled | check, 304 | peak RSS |" % args.items)
    print("|---|---:|---:|---:|---:|---:|---:|")
    for name, size, add, touched, changed, not_modified in rows:
        print("| %s | %.1f MB | %.2f s | %.2f s | %.2f s | %.3f s | %.1f |"
              % (name, size / 1e6, add[0], touched[0], changed[0], not_modified[0],
                 max(add[1], touched[1], changed[1])))
    print("\nfeedparser %s, parse only, the same RSS file: %.2f s, %.1f MiB "
          "(revwatch's whole `feed add` of it: %.2fx of that time)"
          % (subprocess.run(["/usr/bin/python3", "-c", "import feedparser; "
                             "print(feedparser.__version__)"], capture_output=True,
                            text=True).stdout.strip(),
             feedparser[0], feedparser[1], rows[0][2][0] / feedparser[0]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
