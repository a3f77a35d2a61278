#!/usr/bin/python3
"""Monitor benchmark: `revwatch check --all` against urlwatch on the same pages.

N generated article pages (about 100 KB each: head full of scripts and
styles, navigation, ad slots, the article, related links, comments widget,
footer) are served by nginx on 127.0.0.1. For each N, in one run:

  round 1 (first): every page is new to both tools;
  round 2 (change): 5% of the pages have an edited article, the rest are
    untouched (nginx answers conditional GETs with 304).

Each tool's round is one process, timed from start to exit, with its peak
RSS (wait4). urlwatch runs as Debian ships it: its default `html2text`
filter, its default concurrency, its own cache file; revwatch with its
defaults (4 workers) on a fresh database. Pages/s is N over wall time.

  flock /tmp/revwatch-build.lock /usr/bin/python3 bench/monitor_bench.py \\
      --sizes 1000,10000 [--revwatch build/revwatch] [--tools revwatch,urlwatch]

Needs nginx-light, urlwatch and time (scripts/setup.sh --bench installs them).
"""

import argparse
import os
import random
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)

EN = ("the government said on officials minister report agreed talks week city council police "
      "people country president company state news spokesman according investigation health "
      "budget million percent year election party leader court decision plan new security "
      "local region border energy prices water schools hospital workers union strike vote "
      "after before during while because however although would could should must will "
      "announced confirmed denied declined added warned expected reported published "
      "international foreign economic military public national federal private").split()
UK = ("уряд заявив міністр повідомили переговори тиждень місто рада поліція люди країна "
      "президент компанія держава новини речник слідство бюджет мільйон відсотків рік вибори "
      "партія суд рішення план безпека регіон кордон енергетика ціни вода школи лікарня "
      "після перед під час тому однак оголосив підтвердив заперечив додав попередив "
      "міжнародний економічний військовий національний").split()
RU = ("правительство заявил министр сообщили переговоры неделя город совет полиция люди "
      "страна президент компания государство новости представитель следствие бюджет миллион "
      "процентов год выборы партия суд решение план безопасность регион граница энергетика "
      "цены вода школы больница после перед однако объявил подтвердил опроверг добавил "
      "предупредил международный экономический военный национальный").split()


def sentence(rng, words):
    n = rng.randint(9, 24)
    text = " ".join(rng.choice(words) for _ in range(n))
    if rng.random() < 0.3:
        text += " %d" % rng.randint(2, 90000)
    return text[0].upper() + text[1:] + "."


def paragraph(rng, words):
    return " ".join(sentence(rng, words) for _ in range(rng.randint(2, 5)))


def links(rng, words, count, prefix):
    return "".join(
        '<li class="nav__item"><a class="nav__link" href="/%s/%d-%s">%s</a></li>'
        % (prefix, rng.randint(1, 99999), rng.choice(words), " ".join(rng.choice(words) for _ in range(rng.randint(1, 4))))
        for _ in range(count))


def page(index, paragraphs_text, rng_seed):
    """One ~100 KB page around the given article paragraphs."""
    rng = random.Random(rng_seed)
    words = (EN, UK, RU)[index % 3]
    lang = ("en", "uk", "ru")[index % 3]
    headline = sentence(rng, words).rstrip(".")
    css = "".join(".c%d{margin:%dpx;padding:%dpx;color:#%06x;font:%dpx/1.4 sans-serif}\n"
                  % (i, rng.randint(0, 40), rng.randint(0, 20), rng.randint(0, 0xffffff), rng.randint(10, 30))
                  for i in range(420))
    script = "".join("window.dataLayer=window.dataLayer||[];dataLayer.push({event:'v%d',id:%d,k:'%x'});\n"
                     % (i, rng.randint(1, 10**9), rng.getrandbits(64)) for i in range(120))
    teasers = "".join(
        '<article class="teaser"><a href="/news/%d"><img src="/img/%d.jpg" alt="" loading="lazy">'
        '<h3 class="teaser__title">%s</h3></a><p class="teaser__lead">%s</p></article>'
        % (rng.randint(1, 99999), rng.randint(1, 99999), sentence(rng, words), sentence(rng, words))
        for _ in range(12))
    body = "\n".join('<p>%s</p>' % text for text in paragraphs_text)
    ad = ('<div class="ad ad--slot" data-slot="%d"><span class="ad__label">Advertisement</span>'
          '<ins class="adsbygoogle" data-ad-client="ca-pub-%d"></ins></div>')
    return f"""<!DOCTYPE html>
<html lang="{lang}"><head><meta charset="utf-8"><title>{headline} | Daily Bench</title>
<meta name="viewport" content="width=device-width,initial-scale=1">
<meta property="og:title" content="{headline}"><meta property="og:type" content="article">
<meta name="description" content="{sentence(rng, words)}">
<link rel="stylesheet" href="/static/main.css"><link rel="preload" href="/static/font.woff2" as="font">
<style>{css}</style>
<script>{script}</script>
<script type="application/ld+json">{{"@type":"NewsArticle","headline":"{headline}","datePublished":"2026-11-2{index % 10}T08:00:00Z"}}</script>
</head><body class="page page--article">
<header class="site-header"><a class="logo" href="/">Daily Bench</a>
<nav class="nav"><ul class="nav__list">{links(rng, words, 160, "section")}</ul></nav>
<form class="search" action="/search"><input name="q" placeholder="Search"></form></header>
{ad % (1, rng.randint(1, 10**12))}
<main class="layout"><div class="breadcrumbs"><a href="/">Home</a> › <a href="/news">News</a></div>
<article class="story"><h1 class="story__headline">{headline}</h1>
<div class="story__meta"><span class="byline">By {rng.choice(words).title()} {rng.choice(words).title()}</span>
<time datetime="2026-11-2{index % 10}T08:00:00Z">2{index % 10} November 2026</time></div>
<div class="story__body">
{body}
</div>
<div class="share"><a href="#">Facebook</a><a href="#">X</a><a href="#">Telegram</a><a href="#">Copy link</a></div>
<ul class="tags">{links(rng, words, 8, "tag")}</ul>
</article>
{ad % (2, rng.randint(1, 10**12))}
<aside class="related"><h2>Related</h2>{teasers}</aside>
<aside class="most-read"><h2>Most read</h2><ol>{links(rng, words, 10, "news")}</ol></aside>
<section class="comments"><h2>Comments</h2><div id="comments-root" data-count="{rng.randint(0, 400)}"></div></section>
</main>
<footer class="site-footer"><ul>{links(rng, words, 80, "about")}</ul>
<p>© 2026 Daily Bench. All rights reserved.</p>
<form class="newsletter"><input type="email" placeholder="Your e-mail"><button>Subscribe</button></form></footer>
<script src="/static/app.js" defer></script><script>{script[:4000]}</script>
</body></html>
"""


def article(index):
    rng = random.Random(index * 7919 + 1)
    words = (EN, UK, RU)[index % 3]
    return [paragraph(rng, words) for _ in range(rng.randint(10, 18))]


def write_page(site, index, paragraphs_text, mtime):
    path = os.path.join(site, "news", "%d.html" % index)
    with open(path, "w", encoding="utf-8") as f:
        f.write(page(index, paragraphs_text, index))
    os.utime(path, (mtime, mtime))


def edit(index, paragraphs_text):
    """A substantive edit: a figure changes and a sentence is added."""
    rng = random.Random(index)
    edited = list(paragraphs_text)
    k = rng.randrange(len(edited))
    edited[k] = re.sub(r"\d+", lambda m: str(int(m.group()) + 17), edited[k], count=1)
    edited.insert(k + 1, paragraph(rng, (EN, UK, RU)[index % 3]))
    return edited


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Nginx:
    def __init__(self, work, site):
        self.work = work
        for attempt in range(5):
            self.port = free_port()
            conf = os.path.join(work, "nginx.conf")
            with open(conf, "w") as f:
                f.write(f"""worker_processes auto;
pid {work}/nginx.pid;
error_log {work}/nginx-error.log;
{"user root;" if os.geteuid() == 0 else ""}
events {{ worker_connections 1024; }}
http {{
  access_log off;
  default_type text/html;
  sendfile on;
  keepalive_requests 100000;
  client_body_temp_path {work}/nginx-tmp;
  proxy_temp_path {work}/nginx-tmp;
  fastcgi_temp_path {work}/nginx-tmp;
  uwsgi_temp_path {work}/nginx-tmp;
  scgi_temp_path {work}/nginx-tmp;
  server {{ listen 127.0.0.1:{self.port}; root {site}; }}
}}
""")
            os.makedirs(os.path.join(work, "nginx-tmp"), exist_ok=True)
            self.proc = subprocess.Popen(["nginx", "-p", work, "-c", conf, "-g", "daemon off;"],
                                         stderr=subprocess.PIPE)
            for _ in range(100):
                try:
                    socket.create_connection(("127.0.0.1", self.port), timeout=0.2).close()
                    return
                except OSError:
                    if self.proc.poll() is not None:
                        break
                    time.sleep(0.05)
            self.stop()
        raise SystemExit("monitor_bench: nginx did not start: " + open(os.path.join(work, "nginx-error.log")).read())

    def stop(self):
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGQUIT)
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()


def timed(argv, env=None, stdout_path=None):
    """Runs argv; returns (wall seconds, cpu seconds, peak RSS MiB, exit status).

    Through /usr/bin/time: Linux carries the peak RSS of the process that
    forked into the child's ru_maxrss across exec, so measured directly from
    this (large) Python process every figure would include its own size."""
    report = stdout_path + ".time"
    with open(stdout_path, "w") as out:
        start = time.monotonic()
        status = subprocess.call(["/usr/bin/time", "-f", "%U %S %M %x", "-o", report, *argv],
                                 stdout=out, stderr=subprocess.DEVNULL, env=env)
        wall = time.monotonic() - start
    user, system, peak_kb, exit_status = open(report).read().split()[-4:]
    if status != 0 and exit_status == "0":
        exit_status = str(status)
    return wall, float(user) + float(system), int(peak_kb) / 1024.0, int(exit_status)


class Revwatch:
    name = "revwatch"

    def __init__(self, binary, work, urls_file):
        self.binary = binary
        self.db = os.path.join(work, "revwatch.db")
        self.config = os.path.join(work, "revwatch.toml")
        open(self.config, "w").close()  # the defaults
        subprocess.run(self.argv("add", "--from", urls_file), check=True, stdout=subprocess.DEVNULL)

    def argv(self, *args):
        return [self.binary, "--db", self.db, "--config", self.config, *args]

    def round(self, out):
        result = timed(self.argv("check", "--all"), stdout_path=out)
        last = open(out).read().strip().splitlines()[-1]
        changed = int(re.search(r"(\d+) with new revisions", last).group(1))
        return result, changed


class Urlwatch:
    name = "urlwatch"

    def __init__(self, work, urls):
        self.work = work
        self.env = dict(os.environ, HOME=work)
        with open(os.path.join(work, "urls.yaml"), "w") as f:
            f.write("\n---\n".join("name: p%d\nurl: %s\nfilter:\n  - html2text\n" % (i, url)
                                   for i, url in enumerate(urls)))

    def round(self, out):
        files = ("--config", "config.yaml", "--urls", "urls.yaml", "--cache", "cache.db",
                 "--hooks", "hooks.py")
        argv = ["urlwatch", *[a if a.startswith("--") else os.path.join(self.work, a) for a in files]]
        result = timed(argv, env=self.env, stdout_path=out)
        report = open(out).read()
        changed = len(re.findall(r"^\d+\. (?:NEW|CHANGED): ", report, re.M))
        return result, changed


def run_size(n, args, work):
    site = os.path.join(work, "site")
    os.makedirs(os.path.join(site, "news"))
    os.chmod(work, 0o755)
    base = time.time() - 3600
    articles = []
    size = 0
    for i in range(n):
        articles.append(article(i))
        write_page(site, i, articles[i], base)
        size += os.path.getsize(os.path.join(site, "news", "%d.html" % i))
    print("N=%d: %d pages, %.1f KB on average" % (n, n, size / n / 1024), flush=True)
    nginx = Nginx(work, site)
    try:
        urls = ["http://127.0.0.1:%d/news/%d.html" % (nginx.port, i) for i in range(n)]
        urls_file = os.path.join(work, "urls.txt")
        with open(urls_file, "w") as f:
            f.write("\n".join(urls) + "\n")
        tools = []
        for name in args.tools:
            tool_work = os.path.join(work, name)
            os.makedirs(tool_work)
            tools.append(Revwatch(args.revwatch, tool_work, urls_file) if name == "revwatch"
                         else Urlwatch(tool_work, urls))
        rows = []
        changing = [i for i in range(n) if i % 20 == 7]  # 5%
        for round_name in ("first", "change"):
            if round_name == "change":
                for i in changing:
                    write_page(site, i, edit(i, articles[i]), base + 60)
            for tool in tools:
                out = os.path.join(work, "%s-%s.out" % (tool.name, round_name))
                (wall, cpu, rss, status), changed = tool.round(out)
                rows.append((round_name, tool.name, wall, n / wall, cpu, rss, changed, status))
                print("  %-6s %-8s %7.2f s %8.1f pages/s  cpu %7.2f s  peak RSS %7.1f MiB  "
                      "changed %5d  exit %d" % rows[-1], flush=True)
        return rows
    finally:
        nginx.stop()


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1000", help="comma-separated page counts")
    parser.add_argument("--revwatch", default=os.path.join(ROOT, "build", "revwatch"))
    parser.add_argument("--tools", default="revwatch,urlwatch")
    parser.add_argument("--keep", action="store_true", help="keep the work directory")
    args = parser.parse_args()
    args.tools = args.tools.split(",")
    for tool in args.tools:
        if tool not in ("revwatch", "urlwatch"):
            parser.error("unknown tool " + tool)
        if shutil.which(tool if tool == "urlwatch" else args.revwatch) is None:
            parser.error(tool + " not found (scripts/setup.sh --bench installs urlwatch)")
    if shutil.which("nginx") is None and not os.path.exists("/usr/sbin/nginx"):
        parser.error("nginx not found (scripts/setup.sh --bench installs nginx-light)")
    os.environ["PATH"] += ":/usr/sbin"
    summary = []
    for n in (int(s) for s in args.sizes.split(",")):
        work = tempfile.mkdtemp(prefix="revwatch-monitor-%d-" % n)
        try:
            rows = run_size(n, args, work)
        finally:
            if args.keep:
                print("  kept " + work)
            else:
                shutil.rmtree(work, ignore_errors=True)
        by = {(r[0], r[1]): r for r in rows}
        for round_name in ("first", "change"):
            if ("revwatch" in args.tools and "urlwatch" in args.tools):
                ours, theirs = by[(round_name, "revwatch")], by[(round_name, "urlwatch")]
                summary.append("N=%d %-6s revwatch %.1f pages/s vs urlwatch %.1f: %.2f× the rate; "
                               "peak RSS %.1f vs %.1f MiB (%.2f)"
                               % (n, round_name, ours[3], theirs[3], ours[3] / theirs[3],
                                  ours[5], theirs[5], ours[5] / theirs[5]))
    for line in summary:
        print(line)


if __name__ == "__main__":
    sys.exit(main())
