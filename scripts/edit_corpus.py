#!/usr/bin/python3
"""Run `revwatch compare --json` over a labelled edit corpus and score it.

Usage:
  scripts/edit_corpus.py [--bin build/revwatch] [--min-accuracy X]
      [--min-recall Y] [--max-false-alarms Z] [--min-tag-recall W]
      [--json] [--jobs N] [--timeout S] DIR...

Each DIR is either one case directory (holding old.txt, new.txt and
expected.json) or a directory whose subdirectories are cases, such as
tests/data/edits. See tests/data/edits/README.md for the format.

Metrics:
  accuracy      cases whose substantive flag is right / cases
  precision     substantive cases flagged / cases flagged substantive
  recall        substantive cases flagged / substantive cases
  false alarms  non-substantive cases flagged / non-substantive cases
  tag recall    expected tags produced / expected tags (summed over cases)

A case where revwatch fails (non-zero exit without JSON, output that is not
the expected JSON, a timeout) is reported as an error. It counts against
every metric: the flag is taken to be wrong and none of its tags found.

Exit status: 0 when every given threshold is met, 1 when one is missed,
2 on usage or I/O errors (a bad corpus, a missing binary, or no case that
could be run at all).
"""

import argparse
import concurrent.futures
import json
import os
import subprocess
import sys

SUBSTANTIVE_TAGS = {
    "headline", "denial", "negation", "quote", "number", "entity",
    "attribution", "paragraph-added", "paragraph-removed", "correction",
}
OTHER_TAGS = {"moved", "reworded", "cosmetic", "boilerplate"}
ALL_TAGS = SUBSTANTIVE_TAGS | OTHER_TAGS
LANGS_ORDER = ["en", "uk", "ru"]


class UsageError(Exception):
    pass


def find_cases(dirs):
    cases = []
    for d in dirs:
        if not os.path.isdir(d):
            raise UsageError(f"{d}: not a directory")
        if os.path.isfile(os.path.join(d, "expected.json")):
            cases.append(os.path.normpath(d))
            continue
        found = []
        for name in sorted(os.listdir(d)):
            sub = os.path.join(d, name)
            if os.path.isdir(sub) and os.path.isfile(
                    os.path.join(sub, "expected.json")):
                found.append(os.path.normpath(sub))
        if not found:
            raise UsageError(f"{d}: no case directories (with expected.json) found")
        cases.extend(found)
    seen = set()
    unique = []
    for c in cases:
        key = os.path.realpath(c)
        if key not in seen:
            seen.add(key)
            unique.append(c)
    return unique


def load_expected(case):
    path = os.path.join(case, "expected.json")
    try:
        with open(path, encoding="utf-8") as f:
            exp = json.load(f)
    except (OSError, ValueError) as e:
        raise UsageError(f"{path}: {e}")
    if not isinstance(exp, dict):
        raise UsageError(f"{path}: not a JSON object")
    if not isinstance(exp.get("substantive"), bool):
        raise UsageError(f"{path}: \"substantive\" must be true or false")
    tags = exp.get("tags", [])
    if not isinstance(tags, list) or not all(isinstance(t, str) for t in tags):
        raise UsageError(f"{path}: \"tags\" must be a list of strings")
    unknown = [t for t in tags if t not in ALL_TAGS]
    if unknown:
        raise UsageError(f"{path}: unknown tag(s) {', '.join(unknown)}")
    lang = exp.get("lang")
    if not isinstance(lang, str) or not lang:
        lang = os.path.basename(case).split("-", 1)[0] or "?"
    for name in ("old.txt", "new.txt"):
        if not os.path.isfile(os.path.join(case, name)):
            raise UsageError(f"{case}: {name} missing")
    return {"lang": lang, "substantive": exp["substantive"], "tags": tags,
            "note": exp.get("note", "")}


def first_line(text, limit=120):
    for line in text.splitlines():
        line = line.strip()
        if line:
            return line if len(line) <= limit else line[:limit] + "..."
    return ""


def run_case(binary, case, timeout):
    """Returns (result dict or None, error string or None)."""
    cmd = [binary, "compare", "--json",
           os.path.join(case, "old.txt"), os.path.join(case, "new.txt")]
    try:
        p = subprocess.run(cmd, stdin=subprocess.DEVNULL, capture_output=True,
                           timeout=timeout)
    except subprocess.TimeoutExpired:
        return None, f"timed out after {timeout:g} s"
    except OSError as e:
        return None, f"cannot run {binary}: {e}"
    out = p.stdout.decode("utf-8", "replace")
    err = p.stderr.decode("utf-8", "replace")
    try:
        res = json.loads(out)
    except ValueError:
        what = first_line(out) or first_line(err) or "(no output)"
        if p.returncode != 0:
            return None, f"exit {p.returncode}: {what}"
        return None, f"non-JSON output (does this revwatch support --json?): {what}"
    if not isinstance(res, dict) or not isinstance(res.get("substantive"), bool):
        return None, "JSON output without a boolean \"substantive\""
    tags = res.get("tags", [])
    if not isinstance(tags, list) or not all(isinstance(t, str) for t in tags):
        return None, "JSON output whose \"tags\" is not a list of strings"
    return {"substantive": res["substantive"], "tags": tags,
            "score": res.get("score"), "rc": p.returncode}, None


def ratio(num, den):
    return num / den if den else None


def metrics(rows):
    n = len(rows)
    correct = tp = fp = fn = nonsub = false_alarms = sub = 0
    tags_expected = tags_found = 0
    errors = 0
    for r in rows:
        exp = r["expected"]
        got = r["got"]
        if got is None:
            errors += 1
            flagged = not exp["substantive"]  # an error counts as wrong
            got_tags = set()
        else:
            flagged = got["substantive"]
            got_tags = set(got["tags"])
        if flagged == exp["substantive"]:
            correct += 1
        if exp["substantive"]:
            sub += 1
            if flagged:
                tp += 1
            else:
                fn += 1
        else:
            nonsub += 1
            if flagged:
                fp += 1
                false_alarms += 1
        tags_expected += len(exp["tags"])
        tags_found += len(set(exp["tags"]) & got_tags)
    return {
        "cases": n, "substantive_cases": sub, "non_substantive_cases": nonsub,
        "errors": errors,
        "accuracy": ratio(correct, n),
        "precision": ratio(tp, tp + fp),
        "recall": ratio(tp, tp + fn),
        "false_alarm_rate": ratio(false_alarms, nonsub),
        "tag_recall": ratio(tags_found, tags_expected),
        "tags_expected": tags_expected, "tags_found": tags_found,
    }


def per_tag(rows):
    table = {}
    for r in rows:
        got_tags = set(r["got"]["tags"]) if r["got"] else set()
        for t in r["expected"]["tags"]:
            e = table.setdefault(t, {"expected": 0, "found": 0, "extra": 0})
            e["expected"] += 1
            e["found"] += t in got_tags
        for t in got_tags - set(r["expected"]["tags"]):
            e = table.setdefault(t, {"expected": 0, "found": 0, "extra": 0})
            e["extra"] += 1
    return table


def fmt(x):
    return "  n/a" if x is None else f"{x:5.3f}"


def describe(flag, tags):
    word = "substantive" if flag else "not substantive"
    return f"{word} [{', '.join(tags)}]"


def failure_line(r):
    name = os.path.basename(r["case"])
    exp = r["expected"]
    if r["got"] is None:
        return f"{name}: expected {describe(exp['substantive'], exp['tags'])} got ERROR {r['error']}"
    got = r["got"]
    missing = [t for t in exp["tags"] if t not in got["tags"]]
    wrong_flag = got["substantive"] != exp["substantive"]
    if not wrong_flag and not missing:
        return None
    line = (f"{name}: expected {describe(exp['substantive'], exp['tags'])} "
            f"got {describe(got['substantive'], got['tags'])}")
    notes = []
    if wrong_flag:
        notes.append("FLAG WRONG")
    if missing:
        notes.append("missing " + ", ".join(missing))
    return line + " (" + "; ".join(notes) + ")"


def main(argv):
    ap = argparse.ArgumentParser(
        description="Score `revwatch compare --json` on a labelled edit corpus.",
        epilog="Exit status: 0 ok, 1 a threshold missed, 2 usage/IO error.")
    ap.add_argument("dirs", nargs="+", metavar="DIR",
                    help="case directory, or a directory of case directories")
    ap.add_argument("--bin", default=None,
                    help="revwatch binary (default: build/revwatch, looked up "
                         "in the current directory, then in the repository)")
    ap.add_argument("--min-accuracy", type=float, metavar="X")
    ap.add_argument("--min-recall", type=float, metavar="Y",
                    help="minimum recall of substantive edits")
    ap.add_argument("--max-false-alarms", type=float, metavar="Z",
                    help="maximum share of non-substantive cases flagged")
    ap.add_argument("--min-tag-recall", type=float, metavar="W")
    ap.add_argument("--json", action="store_true",
                    help="print the metrics as JSON instead of a table")
    ap.add_argument("--jobs", "-j", type=int, default=1,
                    help="cases to run in parallel (default 1)")
    ap.add_argument("--timeout", type=float, default=30.0,
                    help="seconds per case before it counts as an error (default 30)")
    ap.add_argument("--every", type=int, default=1, metavar="N",
                    help="run every Nth case only, in name order (default 1: all); "
                         "for slow builds such as the sanitizer one")
    ap.add_argument("--max-errors", type=int, default=None, metavar="K",
                    help="fail when more than K cases could not be run "
                         "(a crash, a timeout, bad output)")
    try:
        args = ap.parse_args(argv)
    except SystemExit as e:
        return 0 if e.code == 0 else 2

    for name in ("min_accuracy", "min_recall", "max_false_alarms", "min_tag_recall"):
        v = getattr(args, name)
        if v is not None and not 0.0 <= v <= 1.0:
            print(f"edit_corpus: --{name.replace('_', '-')} must be between 0 and 1",
                  file=sys.stderr)
            return 2
    if args.jobs < 1 or args.timeout <= 0 or args.every < 1:
        print("edit_corpus: --jobs, --timeout and --every must be positive", file=sys.stderr)
        return 2
    if args.max_errors is not None and args.max_errors < 0:
        print("edit_corpus: --max-errors must not be negative", file=sys.stderr)
        return 2

    binary = args.bin
    if binary is None:
        repo = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
        candidates = [os.path.join("build", "revwatch"),
                      os.path.join(repo, "build", "revwatch")]
        binary = next((c for c in candidates if os.path.isfile(c)), candidates[0])
    if not (os.path.isfile(binary) and os.access(binary, os.X_OK)):
        print(f"edit_corpus: {binary}: not an executable file (use --bin)",
              file=sys.stderr)
        return 2
    binary = os.path.abspath(binary)

    try:
        cases = find_cases(args.dirs)[::args.every]
        expected = {c: load_expected(c) for c in cases}
    except UsageError as e:
        print(f"edit_corpus: {e}", file=sys.stderr)
        return 2

    rows = []
    with concurrent.futures.ThreadPoolExecutor(max_workers=args.jobs) as pool:
        futures = [pool.submit(run_case, binary, c, args.timeout) for c in cases]
        for c, fut in zip(cases, futures):
            got, err = fut.result()
            rows.append({"case": c, "expected": expected[c], "got": got, "error": err})

    if all(r["got"] is None for r in rows):
        print(f"edit_corpus: no case could be run; first error: "
              f"{os.path.basename(rows[0]['case'])}: {rows[0]['error']}",
              file=sys.stderr)
        return 2

    overall = metrics(rows)
    langs = sorted({r["expected"]["lang"] for r in rows},
                   key=lambda l: (LANGS_ORDER.index(l) if l in LANGS_ORDER else 99, l))
    by_lang = {l: metrics([r for r in rows if r["expected"]["lang"] == l]) for l in langs}
    tags = per_tag(rows)
    failures = [f for f in (failure_line(r) for r in rows) if f]

    checks = []
    def check(name, value, limit, higher_is_better):
        if limit is None:
            return
        if value is None:
            checks.append((name, value, limit, True, "not measurable, skipped"))
            return
        ok = value >= limit if higher_is_better else value <= limit
        checks.append((name, value, limit, ok, ""))
    check("accuracy", overall["accuracy"], args.min_accuracy, True)
    check("recall", overall["recall"], args.min_recall, True)
    check("false alarms", overall["false_alarm_rate"], args.max_false_alarms, False)
    check("tag recall", overall["tag_recall"], args.min_tag_recall, True)
    errors = sum(1 for r in rows if r["got"] is None)
    if args.max_errors is not None:
        checks.append(("errors", errors, args.max_errors, errors <= args.max_errors, ""))
    passed = all(ok for _, _, _, ok, _ in checks)

    if args.json:
        out = {
            "binary": binary,
            "overall": overall,
            "languages": by_lang,
            "tags": tags,
            "failures": [
                {"case": os.path.basename(r["case"]),
                 "expected": {"substantive": r["expected"]["substantive"],
                              "tags": r["expected"]["tags"]},
                 "got": None if r["got"] is None else
                        {"substantive": r["got"]["substantive"], "tags": r["got"]["tags"]},
                 "error": r["error"]}
                for r in rows if failure_line(r)],
            "thresholds": [{"metric": n, "value": v, "limit": l, "ok": ok}
                           for n, v, l, ok, _ in checks],
            "passed": passed,
        }
        print(json.dumps(out, indent=2, ensure_ascii=False))
    else:
        hdr = f"{'lang':<6}{'cases':>6}{'subst':>6}{'err':>5}  {'accuracy':>8}  {'precision':>9}  {'recall':>6}  {'false-al':>8}  {'tag-rec':>7}"
        print(hdr)
        print("-" * len(hdr))
        for name, m in list(by_lang.items()) + [("all", overall)]:
            print(f"{name:<6}{m['cases']:>6}{m['substantive_cases']:>6}{m['errors']:>5}  "
                  f"{fmt(m['accuracy']):>8}  {fmt(m['precision']):>9}  {fmt(m['recall']):>6}  "
                  f"{fmt(m['false_alarm_rate']):>8}  {fmt(m['tag_recall']):>7}")
        print()
        order = sorted(tags, key=lambda t: (t not in SUBSTANTIVE_TAGS, t not in ALL_TAGS, t))
        print("tag recall: " + "  ".join(
            f"{t} {v['found']}/{v['expected']}" for t in order
            for v in [tags[t]] if v["expected"]))
        extra = [f"{t} {tags[t]['extra']}" for t in order if tags[t]["extra"]]
        if extra:
            print("extra tags (produced, not required): " + "  ".join(extra))
        unknown = [t for t in order if t not in ALL_TAGS]
        if unknown:
            print("tags outside the vocabulary: " + ", ".join(unknown))
        if failures:
            print(f"\n{len(failures)} failing case(s):")
            for f in failures:
                print("  " + f)
        for name, value, limit, ok, note in checks:
            rel = "<=" if name in ("false alarms", "errors") else ">="
            status = "ok" if ok else "MISSED"
            shown = ("n/a" if value is None else
                     str(value) if isinstance(value, int) else f"{value:.3f}")
            print(f"threshold {name} {rel} {limit:g}: {shown} {status}"
                  + (f" ({note})" if note else ""))
    return 0 if passed else 1


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv[1:]))
    except KeyboardInterrupt:
        sys.exit(130)
    except BrokenPipeError:
        sys.exit(0)
