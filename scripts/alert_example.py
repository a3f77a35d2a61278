#!/usr/bin/python3
"""Makes the README's example alert from the reference edit (the Espreso Global
article of ../shared/seed/, as embedded for the demo in cli/demo/): the two
versions are served on 127.0.0.1, revwatch checks them with an SMTP server on
127.0.0.1 configured, and the message that server receives is written to
doc/alert-example.eml, its plain-text part to doc/alert-example.txt and its
HTML part, rendered by headless Chromium, to doc/alert-example.png.

  /usr/bin/python3 scripts/alert_example.py [--revwatch build/revwatch]

Needs chromium (Debian package) for the picture; without it the rest is made.
"""
import argparse
import email
import email.policy
import os
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "tests", "integration"))
from page_server import PageServer  # noqa: E402
from smtp_server import SmtpServer  # noqa: E402


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--revwatch", default=os.path.join(ROOT, "build", "revwatch"))
    parser.add_argument("--out", default=os.path.join(ROOT, "doc"))
    args = parser.parse_args()
    pages = [open(os.path.join(ROOT, "cli", "demo", name), encoding="utf-8").read()
             for name in ("article_v1.html", "article_v2.html")]
    with tempfile.TemporaryDirectory(prefix="revwatch-alert-example-") as tmp, \
            PageServer() as web, SmtpServer(mode="plain", directory=tmp) as smtp:
        config = os.path.join(tmp, "revwatch.toml")
        with open(config, "w") as f:
            f.write('[smtp]\nurl = "%s"\ntls = "none"\nfrom = "revwatch@example.org"\n'
                    'to = ["desk@example.org"]\n' % smtp.url)
        env = dict(os.environ, REVWATCH_DB=os.path.join(tmp, "revwatch.db"), REVWATCH_CONFIG=config)
        url = web.url("/news/security-guarantees")
        web.serve("/news/security-guarantees", pages[0])
        for argv in (["add", url, "--label", "Espreso Global: security guarantees"],
                     ["check", "--all"]):
            subprocess.run([args.revwatch, *argv], env=env, check=True, stdout=subprocess.DEVNULL)
        web.serve("/news/security-guarantees", pages[1])
        subprocess.run([args.revwatch, "check", "--all"], env=env, check=True)
        message = smtp.wait_for(1)[0]
    os.makedirs(args.out, exist_ok=True)
    with open(os.path.join(args.out, "alert-example.eml"), "wb") as f:
        f.write(message.data)
    parsed = email.message_from_bytes(message.data, policy=email.policy.default)
    # The local server's port changes from run to run; the example shows one.
    shown = "http://127.0.0.1:8080/news/security-guarantees"
    text = parsed.get_body(preferencelist=("plain",)).get_content().replace(url, shown)
    html = parsed.get_body(preferencelist=("html",)).get_content().replace(url, shown)
    with open(os.path.join(args.out, "alert-example.txt"), "w", encoding="utf-8") as f:
        f.write("Subject: %s\n\n%s" % (parsed["Subject"], text.replace("\r\n", "\n")))
    chromium = shutil.which("chromium")
    if chromium is None:
        print("alert_example: chromium not installed; no picture", file=sys.stderr)
        return 0
    with tempfile.TemporaryDirectory(prefix="revwatch-chromium-") as tmp:
        page = os.path.join(tmp, "alert.html")
        with open(page, "w", encoding="utf-8") as f:
            f.write(html)
        png = os.path.join(args.out, "alert-example.png")
        subprocess.run([chromium, "--headless", "--no-sandbox", "--disable-gpu",
                        "--hide-scrollbars", "--user-data-dir=" + os.path.join(tmp, "profile"),
                        "--window-size=820,860", "--screenshot=" + png, "file://" + page],
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=120)
    print("wrote %s/alert-example.{eml,txt,png}" % args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
