"""Speed and memory of `briefing`, side by side with the floors it is judged against.

Prints one table:
  (a) the floor: python -c "import jieba; jieba.initialize(); import pptx"
  (b) briefing build seeds/                      target <= 1.3 x (a)
  (c) briefing --help against python -c pass     target <= 4 x
  (d) generated corpora of 600, 1,200, 10,000 reports summarized to JSON (first run: no
      results kept yet)                         target 10,000 <= 90 s, <= 400 MB; ms per
                                                report flat from 600 to 10,000
  (f) warm rebuild: the deck of 600 reports after 5 more were added to the folder (the
      median of --repeat rebuilds from the same cache)  target <= 2 x (b)
  (e) our summarizer against TextRank4ZH         target >= 20 x faster

Every run has a cache folder of its own (XDG_CACHE_HOME), so none gains from another.
Run: python bench/speed.py [--sizes 600,1200,10000] [--repeat 3]
Needs the bench extra for (e): pip install -e ".[bench]".
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.corpus import generate  # noqa: E402

MEASURE = (
    "import resource, subprocess, sys, time;"
    "t = time.perf_counter(); r = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL);"
    "print(time.perf_counter() - t, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, r.returncode)"
)


# Commands run as a user's would: with Python's bytecode cache (some CI and sandbox
# environments switch it off, which charges every run for compiling every module).
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def run(cmd: list[str], cache: Path | None = None) -> tuple[float, float]:
    """Wall seconds and peak RSS (MB) of one command, measured in a fresh parent.

    Peak RSS is the largest of the command's processes (the parent or one worker)."""
    env = ENV if cache is None else {**ENV, "XDG_CACHE_HOME": str(cache)}
    out = subprocess.run([sys.executable, "-c", MEASURE, *cmd], capture_output=True, text=True, check=True, env=env)
    seconds, rss_kb, code = out.stdout.split()
    if code != "0":
        raise SystemExit(f"command failed: {' '.join(cmd)}")
    return float(seconds), int(rss_kb) / 1024


def median_run(cmd: list[str], repeat: int) -> tuple[float, float]:
    run(cmd)  # warm-up: bytecode and jieba's caches written, as on any second run
    runs = [run(cmd) for _ in range(repeat)]
    return statistics.median(r[0] for r in runs), max(r[1] for r in runs)


def warm_cache(cache: Path) -> None:
    """A cache folder with what every run of a machine has made once already (the word
    tables, the font metrics), but no results kept from reports."""
    env = {**ENV, "XDG_CACHE_HOME": str(cache)}
    deck = str(cache.parent / f"warm-{cache.name}.pptx")
    subprocess.run(briefing_cmd("build", str(ROOT / "seeds"), "-o", deck, "-q"), env=env, check=True,
                   capture_output=True)
    subprocess.run(briefing_cmd("cache", "clear"), env=env, check=True, capture_output=True)


def briefing_cmd(*args: str) -> list[str]:
    return [sys.executable, "-m", "briefing", *args]


def summarizer_vs_textrank(repeat: int) -> tuple[float, float] | None:
    """Seconds per pass over the seeds' meetings: ours, then TextRank4ZH's."""
    try:
        from briefing.summarizers.textrank import TextRankSummarizer
    except ImportError:
        return None
    from briefing.pipeline import build_briefing, read_documents, summarizer_settings
    from briefing.summarizers.keyword_heading import summarize
    from briefing.template import load_template

    template = load_template(None)
    briefing = build_briefing(read_documents([ROOT / "seeds"]), template)
    meetings = briefing.meetings
    settings = summarizer_settings(template)
    try:
        ranker = TextRankSummarizer()
    except ImportError:  # the bench extra's networkx or textrank4zh is missing
        return None
    ranker.summarize(meetings[0], 1)  # load its models outside the timing, as ours are
    ours, theirs = [], []
    for _ in range(repeat):
        t = time.perf_counter()
        summarize(meetings, settings)
        ours.append(time.perf_counter() - t)
        t = time.perf_counter()
        for m in meetings:
            ranker.summarize(m, settings.points_per_meeting)
        theirs.append(time.perf_counter() - t)
    return statistics.median(ours), statistics.median(theirs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="600,1200,10000")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",") if s]
    rows: list[tuple[str, str, str, str]] = []

    floor, floor_mb = median_run([sys.executable, "-c", "import jieba; jieba.initialize(); import pptx"],
                                 args.repeat)
    rows.append(("(a) floor: import jieba+pptx", f"{floor:.2f} s", f"{floor_mb:.0f} MB", ""))
    with tempfile.TemporaryDirectory() as tmp:
        deck = str(Path(tmp) / "seeds.pptx")
        seeds, seeds_mb = median_run(briefing_cmd("build", str(ROOT / "seeds"), "-o", deck, "-q", "--no-cache"),
                                     args.repeat)
        ratio = seeds / floor
        rows.append(("(b) build seeds/", f"{seeds:.2f} s", f"{seeds_mb:.0f} MB",
                     f"{ratio:.2f} x floor (target <= 1.3) {'PASS' if ratio <= 1.3 else 'FAIL'}"))

    bare, _ = median_run([sys.executable, "-c", "pass"], args.repeat * 2)
    helped, _ = median_run(briefing_cmd("--help"), args.repeat * 2)
    ratio = helped / bare
    verdict = "PASS" if ratio <= 4 else "FAIL"
    rows.append(("(c) briefing --help", f"{helped * 1000:.0f} ms", "",
                 f"{ratio:.2f} x python -c pass ({bare * 1000:.0f} ms; target <= 4) {verdict}"))

    per_report = []
    with tempfile.TemporaryDirectory() as tmp:
        for n in sizes:
            folder = Path(tmp) / f"corpus{n}"
            generate(folder, n)
            cache = Path(tmp) / f"cache{n}"
            warm_cache(cache)
            seconds, mb = run(briefing_cmd("summarize", str(folder), "-f", "json", "-o", str(Path(tmp) / f"c{n}.json"),
                                           "-q"), cache)
            per_report.append((n, seconds))
            verdict = ""
            if n == 10_000:
                ok = seconds <= 90 and mb <= 400
                verdict = f"target <= 90 s and <= 400 MB {'PASS' if ok else 'FAIL'}"
            rows.append((f"(d) summarize {n} reports to JSON", f"{seconds:.2f} s", f"{mb:.0f} MB",
                         f"{seconds / n * 1000:.1f} ms/report {verdict}"))
            shutil.rmtree(folder)
    if len(per_report) >= 2:
        (n0, t0), (n1, t1) = per_report[0], per_report[-1]
        flatness = (t1 / n1) / (t0 / n0)
        rows.append(("(d) growth", "", "", f"ms/report at {n1} is {flatness:.2f} x that at {n0} "
                     f"(target <= 1.1) {'PASS' if flatness <= 1.1 else 'FAIL'}"))

    with tempfile.TemporaryDirectory() as tmp:
        folder, extra, cache = Path(tmp) / "corpus", Path(tmp) / "extra", Path(tmp) / "cache"
        generate(folder, 600)
        generate(extra, 605)
        warm_cache(cache)
        deck = str(Path(tmp) / "d.pptx")
        cold, _ = run(briefing_cmd("build", str(folder), "-o", deck, "-q"), cache)
        for path in sorted(extra.iterdir())[-5:]:
            shutil.copy(path, folder / f"new-{path.name}")
        # The median of several rebuilds, each from the cache as the first run left it (as
        # (b) is a median): one run on a shared machine can be a third slower than the next.
        kept = Path(tmp) / "kept"
        shutil.copytree(cache, kept)
        warms = []
        for _ in range(args.repeat):
            shutil.rmtree(cache)
            shutil.copytree(kept, cache)
            warms.append(run(briefing_cmd("build", str(folder), "-o", deck, "-q"), cache))
        warm, warm_mb = statistics.median(w[0] for w in warms), max(w[1] for w in warms)
        rows.append(("(f) build 600 reports, first run", f"{cold:.2f} s", "", ""))
        ratio = warm / seeds
        rows.append(("(f) build again after adding 5", f"{warm:.2f} s", f"{warm_mb:.0f} MB",
                     f"{ratio:.2f} x (b) (target <= 2) {'PASS' if ratio <= 2 else 'FAIL'}"))

    compared = summarizer_vs_textrank(args.repeat)
    if compared is None:
        rows.append(("(e) summarizer vs TextRank4ZH", "", "", "skipped: pip install -e '.[bench]'"))
    else:
        ours, theirs = compared
        ratio = theirs / ours
        rows.append(("(e) our summarizer (seeds)", f"{ours * 1000:.0f} ms", "", ""))
        rows.append(("(e) TextRank4ZH (seeds)", f"{theirs * 1000:.0f} ms", "",
                     f"ours {ratio:.1f} x faster (target >= 20) {'PASS' if ratio >= 20 else 'FAIL'}"))

    from briefing.nlp import segmenter

    print(f"machine: {os.cpu_count()} CPUs, Python {sys.version.split()[0]}; words cut by {segmenter().name}")
    width = max(len(r[0]) for r in rows)
    print(f"{'measure':<{width}}  {'time':>9}  {'peak RSS':>8}  note")
    for name, seconds, mb, note in rows:
        print(f"{name:<{width}}  {seconds:>9}  {mb:>8}  {note}")


if __name__ == "__main__":
    main()
