"""How well `briefing` reads the facts of real pages: scored field by field against hand-checked gold.

Each page in tests/corpus/ (NNN_slug.txt) has a gold file (NNN_slug.gold.yaml) with its source
URL and, per meeting: district (with its city and province), kind, name, date as the page gives
it, and the main leader; plus the lines of site chrome that must never reach a slide.

Run: python bench/facts.py [--show]   (--show prints every miss)
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "corpus"
FIELDS = ("meetings", "district", "kind", "date", "leader", "chrome")


def summarize(page: Path) -> dict:
    done = subprocess.run([sys.executable, "-m", "briefing", "summarize", str(page), "--format", "json", "-q"],
                          capture_output=True, text=True, cwd=ROOT)
    if done.returncode != 0:
        return {"meetings": [], "error": done.stderr.strip()}
    return json.loads(done.stdout)


def _month_day(text: str) -> tuple[int, int] | None:
    found = re.search(r"(\d{1,2})月(\d{1,2})日", text)
    return (int(found[1]), int(found[2])) if found else None


def score_page(gold: dict, result: dict) -> dict[str, tuple[bool, str]]:
    """Field → (right, what was found) for the page's first gold meeting."""
    found = result.get("meetings", [])
    want = gold["meetings"][0]
    got = found[0] if found else {}
    date = got.get("date") or {}
    leaders = [leader["name"] for leader in got.get("leaders", [])]
    visible = json.dumps(found, ensure_ascii=False)
    chrome_seen = [line for line in gold.get("chrome", []) if line.strip() and line.strip() in visible]
    return {
        "meetings": (len(found) == len(gold["meetings"]), str(len(found))),
        "district": (bool(got) and want["district"] in got.get("district", ""), got.get("district", "—")),
        "kind": (got.get("kind") == want["kind"], got.get("kind", "—")),
        "date": ((date.get("month"), date.get("day")) == _month_day(want["date"]), date.get("label", "—")),
        "leader": (bool(leaders) and leaders[0] == want["leader"], "、".join(leaders[:3]) or "—"),
        "chrome": (not chrome_seen, "；".join(chrome_seen) or "none"),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", action="store_true", help="print every miss")
    args = parser.parse_args()
    pages = sorted(CORPUS.glob("*.txt"))
    totals = dict.fromkeys(FIELDS, 0)
    misses: list[str] = []
    for page in pages:
        gold = yaml.safe_load(page.with_suffix(".gold.yaml").read_text("utf-8"))
        for field, (right, seen) in score_page(gold, summarize(page)).items():
            totals[field] += right
            if not right:
                want = gold["meetings"][0].get(field, len(gold["meetings"])) if field != "chrome" else "no chrome"
                misses.append(f"{page.name}: {field}: want {want}, got {seen}")
    n = len(pages)
    print(f"{n} real pages in {CORPUS.relative_to(ROOT)}")
    print("field        right   share")
    for field in FIELDS:
        print(f"{field:<12} {totals[field]:>3}/{n:<3} {totals[field] / n if n else 0:6.2f}")
    if args.show:
        print("\n".join(misses))


if __name__ == "__main__":
    main()
