"""Speed and memory of `briefing`, side by side with the floors it is judged against.

Prints one table:
  (a) the floor: python -c "import jieba; jieba.initialize(); import pptx"
  (b) briefing build seeds/                      target <= 1.3 x (a)
  (c) briefing --help against python -c pass     target <= 4 x
  (d) generated corpora of 60, 600, 1200 reports target 600 <= 20 s, <= 500 MB, linear
  (e) our summarizer against TextRank4ZH         target >= 20 x faster

Run: python bench/speed.py [--sizes 60,600,1200] [--repeat 3]
Needs the bench extra for (e): pip install -e ".[bench]".
"""

from __future__ import annotations

import argparse
import os
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


def run(cmd: list[str]) -> tuple[float, float]:
    """Wall seconds and peak RSS (MB) of one command, measured in a fresh parent."""
    out = subprocess.run([sys.executable, "-c", MEASURE, *cmd], capture_output=True, text=True, check=True, env=ENV)
    seconds, rss_kb, code = out.stdout.split()
    if code != "0":
        raise SystemExit(f"command failed: {' '.join(cmd)}")
    return float(seconds), int(rss_kb) / 1024


def median_run(cmd: list[str], repeat: int) -> tuple[float, float]:
    run(cmd)  # warm-up: bytecode and jieba's caches written, as on any second run
    runs = [run(cmd) for _ in range(repeat)]
    return statistics.median(r[0] for r in runs), max(r[1] for r in runs)


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
    ranker = TextRankSummarizer()
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
    parser.add_argument("--sizes", default="60,600,1200")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",") if s]
    rows: list[tuple[str, str, str, str]] = []

    floor, floor_mb = median_run([sys.executable, "-c", "import jieba; jieba.initialize(); import pptx"],
                                 args.repeat)
    rows.append(("(a) floor: import jieba+pptx", f"{floor:.2f} s", f"{floor_mb:.0f} MB", ""))
    with tempfile.TemporaryDirectory() as tmp:
        deck = str(Path(tmp) / "seeds.pptx")
        seeds, seeds_mb = median_run(briefing_cmd("build", str(ROOT / "seeds"), "-o", deck, "-q"), args.repeat)
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
            seconds, mb = run(briefing_cmd("build", str(folder), "-o", str(Path(tmp) / f"c{n}.pptx"), "-q"))
            per_report.append((n, seconds))
            verdict = ""
            if n == 600:
                ok = seconds <= 20 and mb <= 500
                verdict = f"target <= 20 s and <= 500 MB {'PASS' if ok else 'FAIL'}"
            rows.append((f"(d) build {n} reports", f"{seconds:.2f} s", f"{mb:.0f} MB",
                         f"{seconds / n * 1000:.1f} ms/report {verdict}"))
    if len(per_report) >= 2:
        # The two largest runs: start-up no longer hides how the work itself grows.
        (n0, t0), (n1, t1) = per_report[-2], per_report[-1]
        growth = (t1 / t0) / (n1 / n0)
        rows.append(("(d) growth", "", "", f"time x{t1 / t0:.2f} for reports x{n1 / n0:.0f} "
                     f"({growth:.2f} of linear)"))

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
