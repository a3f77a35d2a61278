#!/usr/bin/python3
"""Time `revwatch compare` against git word-diff, wdiff and dwdiff.

Generates article texts (headline, blank line, paragraphs of 40-120 words
separated by blank lines) of 1k, 10k and 100k words from English and
Ukrainian word pools, applies four edit scenarios and times each tool on
every (language, size, scenario) case:

  subst      scattered single-word substitutions (one per 250 words, at least 3)
  insert     one new paragraph inserted in the middle
  pct5       5% of the words replaced
  unrelated  two unrelated texts of the same size

Tools (all get the same two files, output goes to /dev/null):
  revwatch   revwatch compare OLD NEW
  git        git diff --no-index --word-diff=porcelain OLD NEW
  wdiff      wdiff OLD NEW
  dwdiff     dwdiff OLD NEW

The tools take turns: each round runs every tool once on the case, in an
order that rotates from round to round, so a burst of load on this shared
machine falls on all of them alike rather than on whichever ran then. Time
is the median over --runs rounds (after one untimed warm-up round) of wall
time and of CPU time (user + system, from wait4()); ratios to git are given
for both, since a tool that uses a second core is faster on the wall clock
than in CPU. Peak RSS is measured in the warm-up round through
/usr/bin/time (else the largest ru_maxrss seen). A tool that exceeds --timeout is killed and shown as
">60 s"; it is then skipped for the larger sizes of the same scenario and
language. A tool that is not installed is shown as "n/a".

Run it only under the build lock, for example:
  flock /tmp/revwatch-build.lock /usr/bin/python3 bench/compare_bench.py --quick
"""

import argparse
import os
import random
import shlex
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time

EN_WORDS = """
the a an of to in on for with by from at as after before during over under
between against about into through without within since until while because
although if when where which who that this these those it its they their them
he his she her we our you your not no and or but also still only more most
less least very much many several few some any every each other another such
government minister ministry president parliament council mayor court judge
jury lawyer prosecutor police army soldier officer border region city town
village district province country state nation capital border coast river
valley mountain forest harbour port bridge road railway station airport
hospital school university library museum factory plant company bank market
price prices inflation rate rates tax taxes budget deficit debt loan bond
share shares investor investors profit profits revenue sales export exports
import imports tariff tariffs trade deal agreement treaty talks summit meeting
vote election campaign party coalition opposition leader spokesman spokeswoman
statement report reports survey poll data figure figures number percent
million billion thousand dozen hundreds week weeks month months year years
day days night morning evening today yesterday tomorrow Monday Tuesday
Wednesday Thursday Friday Saturday Sunday January February March April May
June July August September October November December spring summer autumn
winter storm flood floods fire wildfire earthquake drought rain snow wind
heat water power electricity energy gas oil coal fuel grid pipeline supply
shortage crisis emergency rescue evacuation shelter aid help support funding
plan plans policy policies law laws rule rules reform reforms proposal bill
said says told announced reported confirmed warned urged called asked added
agreed refused rejected approved signed launched opened closed raised cut
increased reduced rose fell grew dropped doubled expected planned promised
decided began continued remained became appeared seemed showed found made
took gave kept held brought sent left met led ran won lost paid spent built
new old big small large major minor high low long short early late recent
former current next last first second third final local national regional
international foreign domestic public private official independent senior
junior economic political military financial social medical legal judicial
strong weak heavy light serious severe sharp steady slow fast open closed
""".split()

UK_WORDS = """
і й та а але або що як коли де щоб бо якщо хоча поки після перед під час
над під між проти про через без у в на з із зі до від для за по при
не ні вже ще лише також навіть досі тепер тоді завжди часто знову майже
він вона воно вони ми ви його її їх їхній свій цей ця це ці той та ті
уряд міністр міністерство президент парламент рада мер суд суддя адвокат
прокурор поліція армія військові солдат офіцер кордон область місто село
район громада країна держава столиця узбережжя річка долина гора ліс порт
міст дорога залізниця вокзал аеропорт лікарня школа університет бібліотека
музей завод підприємство компанія банк ринок ціна ціни інфляція ставка
податок податки бюджет дефіцит борг кредит облігації акції інвестори
прибуток виручка продаж експорт імпорт мито торгівля угода договір
переговори саміт зустріч голосування вибори кампанія партія коаліція
опозиція лідер речник речниця заява звіт опитування дані показник відсоток
мільйон мільярд тисяча десяток сотні тиждень місяць рік день ніч ранок
вечір сьогодні вчора завтра понеділок вівторок середа четвер пʼятниця
субота неділя січень лютий березень квітень травень червень липень серпень
вересень жовтень листопад грудень весна літо осінь зима буря повінь пожежа
землетрус посуха дощ сніг вітер спека вода світло електроенергія енергія
газ нафта вугілля пальне мережа постачання дефіцит криза рятувальники
евакуація укриття допомога підтримка фінансування план політика закон
правила реформа законопроєкт сказав сказала заявив заявила повідомив
повідомила підтвердив попередив закликав додав погодився відмовився
схвалив підписав запустив відкрив закрив підвищив скоротив зріс зросла
впав знизився подвоївся очікував планував пообіцяв вирішив почав продовжив
залишився став показав знайшов зробив узяв дав тримав привіз надіслав
новий старий великий малий значний основний високий низький довгий
короткий ранній пізній колишній нинішній наступний останній перший другий
третій місцевий національний обласний міжнародний іноземний внутрішній
державний приватний офіційний незалежний економічний політичний військовий
фінансовий соціальний медичний правовий сильний слабкий важкий серйозний
різкий стабільний повільний швидкий відкритий м'який пам'ять об'єкт п'ять
""".split()

POOLS = {"en": EN_WORDS, "uk": UK_WORDS}
SCENARIOS = ["subst", "insert", "pct5", "unrelated"]
TOOLS = ["revwatch", "git", "wdiff", "dwdiff"]


def sentence(rng, pool, lo=6, hi=16):
    n = rng.randint(lo, hi)
    words = [rng.choice(pool) for _ in range(n)]
    if rng.random() < 0.25:
        words.insert(rng.randrange(1, n), f"{rng.randint(2, 9999):,}".replace(",", " " if pool is UK_WORDS else ","))
    if n > 8 and rng.random() < 0.4:
        k = rng.randrange(3, n - 2)
        words[k] = words[k] + ","
    words[0] = words[0][:1].upper() + words[0][1:]
    return " ".join(words) + "."


def paragraph(rng, pool):
    target = rng.randint(40, 120)
    out, count = [], 0
    while count < target:
        s = sentence(rng, pool, 6, min(16, max(6, target - count)))
        out.append(s)
        count += len(s.split())
    return out  # list of sentences


def paragraph_words(rng, pool):
    """One paragraph as a word list of 40-120 words ending with a full stop."""
    words = " ".join(paragraph(rng, pool)).split()[:120]
    if not words[-1].endswith("."):
        words[-1] = words[-1].rstrip(",") + "."
    return words


def make_text(rng, pool, words):
    """Returns (headline, [paragraph word lists])."""
    head = sentence(rng, pool, 6, 10).rstrip(".")
    paras, count = [], 0
    while count < words:
        p = paragraph_words(rng, pool)
        paras.append(p)
        count += len(p)
    return head, paras


def render(head, paras):
    return head + "\n\n" + "\n\n".join(" ".join(p) for p in paras) + "\n"


def replace_words(rng, pool, paras, k):
    paras = [list(p) for p in paras]
    positions = [(i, j) for i, p in enumerate(paras) for j in range(len(p))]
    for i, j in rng.sample(positions, min(k, len(positions))):
        old = paras[i][j]
        core = old.rstrip(".,")
        tail = old[len(core):]
        new = rng.choice(pool)
        while new.lower() == core.lower():
            new = rng.choice(pool)
        if core[:1].isupper():
            new = new[:1].upper() + new[1:]
        paras[i][j] = new + tail
    return paras


def scenario(rng, pool, words, name):
    head, paras = make_text(rng, pool, words)
    total = sum(len(p) for p in paras)
    if name == "subst":
        new_paras = replace_words(rng, pool, paras, max(3, total // 250))
        new_head = head
    elif name == "insert":
        extra = paragraph_words(rng, pool)
        new_paras = list(paras)
        new_paras.insert(len(paras) // 2, extra)
        new_head = head
    elif name == "pct5":
        new_paras = replace_words(rng, pool, paras, max(1, total * 5 // 100))
        new_head = head
    elif name == "unrelated":
        new_head, new_paras = make_text(random.Random(rng.random()), pool, words)
    else:
        raise ValueError(name)
    return render(head, paras), render(new_head, new_paras), total


def tool_command(tool, revwatch, old, new):
    if tool == "revwatch":
        return [revwatch, "compare", old, new]
    if tool == "git":
        return ["git", "diff", "--no-index", "--no-color", "--word-diff=porcelain", old, new]
    if tool == "wdiff":
        return ["wdiff", old, new]
    if tool == "dwdiff":
        return ["dwdiff", old, new]
    raise ValueError(tool)


def run_once(cmd, timeout, env):
    """Returns (wall s or None on timeout, CPU s, peak RSS KiB, exit status, stderr)."""
    errf = tempfile.TemporaryFile()
    t0 = time.perf_counter()
    p = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                         stderr=errf, start_new_session=True, env=env)
    killed = threading.Event()

    def kill():
        killed.set()
        try:
            os.killpg(p.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
    timer = threading.Timer(timeout, kill)
    timer.start()
    try:
        _, status, usage = os.wait4(p.pid, 0)
    finally:
        timer.cancel()
    elapsed = time.perf_counter() - t0
    p.returncode = os.waitstatus_to_exitcode(status)
    errf.seek(0)
    err = errf.read(4096).decode("utf-8", "replace")
    errf.close()
    cpu = usage.ru_utime + usage.ru_stime
    if killed.is_set():
        return None, cpu, usage.ru_maxrss, None, ""
    return elapsed, cpu, usage.ru_maxrss, p.returncode, err


TIME_BIN = "/usr/bin/time"


def run_measured(cmd, timeout, env, with_rss):
    """One run; with_rss goes through /usr/bin/time -f %M for the tool's own
    peak RSS (wait4's ru_maxrss of a child forked from Python would include
    the Python process's pages before exec). Returns
    (wall, cpu, rss KiB, exact rss KiB or None, exit status, stderr)."""
    rss_file = None
    run_cmd = cmd
    if with_rss and os.access(TIME_BIN, os.X_OK):
        fd, rss_file = tempfile.mkstemp(prefix="rss-")
        os.close(fd)
        run_cmd = [TIME_BIN, "-f", "%M", "-o", rss_file] + cmd
    t, cpu, r, rc, err = run_once(run_cmd, timeout, env)
    exact = None
    if rss_file:
        try:
            with open(rss_file) as f:
                lines = [l.strip() for l in f if l.strip()]
            if lines and lines[-1].isdigit():
                exact = int(lines[-1])
        finally:
            os.unlink(rss_file)
    return t, cpu, r, exact, rc, err


def measure_case(cmds, runs, timeout, env):
    """Times every tool of `cmds` ({tool: argv}) on one case, interleaved.

    Round 0 is an untimed warm-up that also takes each tool's peak RSS;
    rounds 1..runs are timed, the tools in an order rotated by one each
    round. Returns {tool: dict(time=median wall s | None, cpu=median CPU s,
    rss=KiB, error=str|None, timeout=bool)}.
    """
    order = list(cmds)
    state = {t: {"walls": [], "cpus": [], "rss": 0, "exact": None, "error": None,
                 "timeout": False} for t in order}
    for i in range(runs + 1):
        rotated = order[i % len(order):] + order[:i % len(order)] if order else []
        for tool in rotated:
            st = state[tool]
            if st["error"] or st["timeout"]:
                continue
            t, cpu, r, exact, rc, err = run_measured(cmds[tool], timeout, env, with_rss=i == 0)
            if exact is not None:
                st["exact"] = exact
            st["rss"] = st["exact"] if st["exact"] is not None else max(st["rss"], r)
            if t is None:
                # killed: only a /usr/bin/time reading would be the tool's own RSS
                st["timeout"] = True
                st["rss"] = st["exact"] or 0
                continue
            if rc not in (0, 1):
                msg = (err.strip().splitlines() or [f"exit {rc}"])[0]
                st["error"] = f"exit {rc}: {msg}"
                continue
            if i > 0:
                st["walls"].append(t)
                st["cpus"].append(cpu)
    out = {}
    for tool, st in state.items():
        ok = not st["error"] and not st["timeout"] and st["walls"]
        out[tool] = {"time": statistics.median(st["walls"]) if ok else None,
                     "cpu": statistics.median(st["cpus"]) if ok else None,
                     "rss": st["rss"], "error": st["error"], "timeout": st["timeout"]}
    return out


def fmt_time(m, timeout):
    if m is None:
        return "n/a"
    if m.get("skipped"):
        return f">{timeout:g} s (skipped)"
    if m["timeout"]:
        return f">{timeout:g} s"
    if m["error"]:
        return "error"
    t = m["time"]
    if t < 1:
        return f"{t * 1000:.1f} ms"
    return f"{t:.2f} s"


def fmt_ratio(m, base, field="time"):
    if m is None or base is None or m.get("skipped") or m["timeout"] or m["error"]:
        return "–"
    if base[field] in (None, 0) or base["timeout"] or base["error"]:
        return "–"
    return f"{m[field] / base[field]:.2f}×"


def fmt_rss(m):
    if m is None or m.get("skipped") or not m["rss"]:
        return "–"
    return f"{m['rss'] / 1024:.1f}"


def parse_sizes(s):
    out = []
    for part in s.split(","):
        part = part.strip().lower()
        mult = 1
        if part.endswith("k"):
            mult, part = 1000, part[:-1]
        out.append(int(float(part) * mult))
    return out


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter,
                                 epilog="Run under flock /tmp/revwatch-build.lock.")
    ap.add_argument("--bin", default=None, help="revwatch binary (default build/revwatch)")
    ap.add_argument("--runs", "-n", type=int, default=None, help="timed rounds per case (median; default 9)")
    ap.add_argument("--sizes", default=None, help="word counts (default 1k,10k,100k)")
    ap.add_argument("--langs", default="en,uk", help="languages (default en,uk)")
    ap.add_argument("--scenarios", default=",".join(SCENARIOS), help="default " + ",".join(SCENARIOS))
    ap.add_argument("--tools", default=",".join(TOOLS), help="default " + ",".join(TOOLS))
    ap.add_argument("--timeout", type=float, default=None, help="seconds per tool run (default 60)")
    ap.add_argument("--seed", type=int, default=20240611, help="random seed for the texts")
    ap.add_argument("--quick", action="store_true", help="smoke run: defaults become --sizes 1k --runs 2 --timeout 10")
    ap.add_argument("--keep", action="store_true", help="keep the generated files and print where")
    args = ap.parse_args(argv)

    defaults = ("1k", 2, 10.0) if args.quick else ("1k,10k,100k", 9, 60.0)
    if args.sizes is None:
        args.sizes = defaults[0]
    if args.runs is None:
        args.runs = defaults[1]
    if args.timeout is None:
        args.timeout = defaults[2]
    try:
        sizes = parse_sizes(args.sizes)
    except ValueError:
        ap.error("--sizes: expected a list like 1k,10k,100k")
    langs = [l for l in args.langs.split(",") if l]
    scenarios = [s for s in args.scenarios.split(",") if s]
    tools = [t for t in args.tools.split(",") if t]
    for l in langs:
        if l not in POOLS:
            ap.error(f"unknown language {l!r} (have {', '.join(POOLS)})")
    for s in scenarios:
        if s not in SCENARIOS:
            ap.error(f"unknown scenario {s!r}")
    for t in tools:
        if t not in TOOLS:
            ap.error(f"unknown tool {t!r}")
    if args.runs < 1 or args.timeout <= 0:
        ap.error("--runs and --timeout must be positive")

    revwatch = args.bin
    if revwatch is None:
        repo = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
        revwatch = next((c for c in ("build/revwatch", os.path.join(repo, "build", "revwatch"))
                         if os.path.isfile(c)), "build/revwatch")
    revwatch = os.path.abspath(revwatch)
    available = {}
    for t in tools:
        exe = revwatch if t == "revwatch" else shutil.which(t)
        available[t] = bool(exe) and os.path.isfile(exe) and os.access(exe, os.X_OK)
        if not available[t]:
            hint = " (apt-get install -y --no-install-recommends wdiff dwdiff)" if t in ("wdiff", "dwdiff") else ""
            print(f"note: {t} not found, shown as n/a{hint}", file=sys.stderr)

    env = dict(os.environ, LC_ALL="C.UTF-8", GIT_CONFIG_NOSYSTEM="1", HOME=tempfile.gettempdir(),
               GIT_PAGER="cat", PAGER="cat")
    env.pop("GIT_DIR", None)
    env.pop("GIT_WORK_TREE", None)

    tmp = tempfile.mkdtemp(prefix="revwatch-bench-")
    results = []
    skip = set()  # (tool, lang, scenario) after a timeout
    try:
        for lang in langs:
            for scen in scenarios:
                for size in sizes:
                    rng = random.Random(f"{args.seed}-{lang}-{scen}-{size}")
                    old_text, new_text, total = scenario(rng, POOLS[lang], size, scen)
                    base = os.path.join(tmp, f"{lang}-{scen}-{size}")
                    old, new = base + "-old.txt", base + "-new.txt"
                    with open(old, "w", encoding="utf-8") as f:
                        f.write(old_text)
                    with open(new, "w", encoding="utf-8") as f:
                        f.write(new_text)
                    row = {"lang": lang, "scenario": scen, "size": size, "words": total, "m": {}}
                    cmds = {}
                    for t in tools:
                        if not available[t]:
                            row["m"][t] = None
                        elif (t, lang, scen) in skip:
                            row["m"][t] = {"time": None, "cpu": None, "rss": 0, "error": None,
                                           "timeout": True, "skipped": True}
                        else:
                            cmds[t] = tool_command(t, revwatch, old, new)
                    for t, m in measure_case(cmds, args.runs, args.timeout, env).items():
                        if m["timeout"]:
                            skip.add((t, lang, scen))
                        if m["error"]:
                            print(f"warning: {t} on {lang}/{scen}/{size}: {m['error']}", file=sys.stderr)
                        row["m"][t] = m
                    results.append(row)
                    print(f"done {lang} {scen} {size}: " + ", ".join(
                        f"{t} {fmt_time(row['m'][t], args.timeout)}" for t in tools), file=sys.stderr)
    finally:
        if args.keep:
            print(f"generated files kept in {tmp}", file=sys.stderr)
        else:
            shutil.rmtree(tmp, ignore_errors=True)

    cmdline = "flock /tmp/revwatch-build.lock /usr/bin/python3 bench/compare_bench.py " + " ".join(
        shlex.quote(a) for a in argv)
    print(f"Command: `{cmdline.strip()}`  ")
    print(f"Median of {args.runs} interleaved round(s) after one warm-up round; timeout "
          f"{args.timeout:g} s; {os.cpu_count()} CPUs; times are wall time, ratios wall "
          f"and CPU (user+sys) time against git; peak RSS in MiB.")
    print()
    others = [t for t in tools if t != "git"]
    hdr = ["lang", "words", "edit"] + tools
    if "git" in tools:
        hdr += [f"{t}/git" for t in others]
        hdr += [f"{t}/git CPU" for t in others]
    hdr += [f"RSS {t}" for t in tools]
    print("| " + " | ".join(hdr) + " |")
    print("|" + "|".join(["---"] * 3 + ["---:"] * (len(hdr) - 3)) + "|")
    for row in results:
        cells = [row["lang"], f"{row['words']:,}", row["scenario"]]
        cells += [fmt_time(row["m"][t], args.timeout) for t in tools]
        if "git" in tools:
            cells += [fmt_ratio(row["m"][t], row["m"]["git"]) for t in others]
            cells += [fmt_ratio(row["m"][t], row["m"]["git"], "cpu") for t in others]
        cells += [fmt_rss(row["m"][t]) for t in tools]
        print("| " + " | ".join(cells) + " |")
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv[1:]))
    except KeyboardInterrupt:
        sys.exit(130)
