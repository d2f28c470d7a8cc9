"""How well `briefing` reads the facts of real pages: scored field by field against hand-checked gold.

Each page in tests/corpus/ (NNN_slug.txt, its first line the page's address) has a gold
file (NNN_slug.gold.yaml): per meeting the district with its city and province, kind,
name, the date as the page gives it and the main leader; the lines of site chrome that
must never reach a slide; and what makes the page hard. A page with no meeting has an
empty list: the tool must find none there.

Fields, over the gold meetings (pages for "meetings" and "chrome"):
  meetings  the page yields as many meetings as the gold lists (0 invented, 0 lost); an
            article on no meeting, shown as 文章, is not a meeting
  district  name, and city and province where the gold gives them
  kind      the meeting kind
  name      the meeting's name as the gold writes it (brackets, script, the party's name and
            the place written before the body do not count; 党代会 = 代表大会,
            中国人民政治协商会议 = 政协)
  date      month and day as the page gives them; where the page gives none, none invented
  leader    the first leader listed is the gold's main leader
  chrome    no chrome line of the gold on a slide: in a name, a point, a leader, a page's title
            on the sources slide, or opening a point's source sentence
  future    dates after the page's own date or after today (should be 0)

Run: python bench/facts.py [--show] [--json] [PAGE...]   (--show prints every miss)
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
CORPUS = ROOT / "tests" / "corpus"
FIELDS = ("meetings", "district", "kind", "name", "date", "leader", "chrome")


def summarize(page: Path) -> dict:
    """What ``briefing summarize PAGE --format json`` prints, computed in this process."""
    from briefing.errors import BriefingError
    from briefing.export import briefing_to_json
    from briefing.pipeline import build_briefing, read_documents
    from briefing.template import load_template

    template = load_template(None)
    try:
        docs = read_documents([page], lambda _message: None)
        briefing = build_briefing(docs, template, lambda _message: None)
    except BriefingError as exc:
        return {"meetings": [], "error": str(exc)}
    return json.loads(briefing_to_json(briefing, template.script))


def _simplified(text: str) -> str:
    from briefing.cleaner import convert_script

    return convert_script(text, "zh-Hans")


def _punctuated(text: str) -> str:
    from briefing.cleaner import normalise_punctuation

    return normalise_punctuation(text)


def _norm_name(name: str, place: str = "") -> str:
    """Names compared as a reader would: brackets, the party's name and the place written
    before the body do not count ("中共成都市成华区第七次代表大会" = "区第七次党代会")."""
    name = re.sub(r"[()（）\s]", "", _simplified(name))
    name = re.sub(r"^(?:中国共产党|中共)", "", name).replace("中国人民政治协商会议", "政协")
    if place:
        from briefing.places import gazetteer

        # The place as the gazetteer names it, or by an abbreviation (察右后旗).
        for form in (place, *(alias for alias, d in gazetteer().aliases if d.name == place)):
            # The place after a year written before it too ("2024年荔城区人民政府…").
            name = re.sub(rf"^(\d{{4}}年)?[\u4e00-\u9fff]{{0,6}}?{re.escape(form)}", rf"\g<1>{place[-1]}", name)
    return name.replace("党代表大会", "代表大会").replace("党代会", "代表大会")


def _month_day(text: str) -> tuple[int, int] | None:
    found = re.search(r"(\d{1,2})月(\d{1,2})日", text) or re.search(r"\d{4}-(\d{1,2})-(\d{1,2})", text)
    return (int(found[1]), int(found[2])) if found else None


def score_meeting(want: dict, got: dict | None) -> dict[str, tuple[bool, str]]:
    """Field → (right, what was found) for one gold meeting."""
    if got is None:
        return {field: (False, "no meeting") for field in ("district", "kind", "name", "date", "leader")}
    date = got.get("date") or {}
    leaders = [leader["name"] for leader in got.get("leaders", [])]
    district_right = want["district"] in got.get("district", "") and (
        not want.get("city") or got.get("city") == want["city"]) and got.get("province") == want["province"]
    wanted_day = _month_day(want["date"] or "")
    found_day = (date.get("month"), date.get("day")) if date.get("day") else None
    out = {
        "district": (district_right, f"{got.get('district', '—')} ({got.get('city')}, {got.get('province')})"),
        "kind": (got.get("kind") == want["kind"], got.get("kind", "—")),
        "name": (_norm_name(got.get("name", ""), want["district"]) == _norm_name(want["name"], want["district"]),
                 got.get("name", "—")),
        "date": (found_day == wanted_day, date.get("label", "—")),
    }
    if want.get("leader"):
        out["leader"] = (bool(leaders) and leaders[0] == want["leader"], "、".join(leaders[:3]) or "—")
    return out


def _leaked(line: str, meetings: list[dict]) -> bool:
    """A chrome line on a slide: in a name, a point or a leader, opening a source sentence
    (the notes), or holding a point's source sentence. Inside a report's own sentence it is
    no leak ("…区政府召开全体会，…")."""
    for m in meetings:
        shown = [m.get("name", ""), *(p["text"] for p in m.get("points", [])),
                 *(leader["name"] for leader in m.get("leaders", []))]
        if any(line in text for text in shown):
            return True
        sources = [_simplified(p["source"]["sentence"]).strip() for p in m.get("points", [])]
        if any(s.startswith(line) for s in sources):
            return True
        # A point taken from the chrome line itself (a sentence of a slogan), compared as
        # the cleaner writes punctuation.
        written = _punctuated(line)
        if any(len(s) >= 8 and _punctuated(s).rstrip("。！？") in written for s in sources):
            return True
    return False


def future_dates(result: dict, published: str | None) -> list[str]:
    today = dt.date.today()
    limit = min(today, dt.date.fromisoformat(published)) if published else today
    found = []
    for m in result.get("meetings", []):
        date = m.get("date") or {}
        if date.get("year") and dt.date(date["year"], date.get("month") or 1, date.get("day") or 1) > limit:
            found.append(f"{m.get('name')}: {date.get('label')}")
    return found


@dataclass
class Scores:
    right: dict[str, int] = field(default_factory=lambda: dict.fromkeys(FIELDS, 0))
    total: dict[str, int] = field(default_factory=lambda: dict.fromkeys(FIELDS, 0))
    misses: list[str] = field(default_factory=list)
    futures: list[str] = field(default_factory=list)

    def share(self, name: str) -> float:
        return self.right[name] / self.total[name] if self.total[name] else 0.0


def _paired(wanted: list[dict], found: list[dict]) -> list[dict | None]:
    """Each gold meeting with the found one that agrees with it on most fields (the deck
    orders a district's meetings newest first, a page may tell them oldest first); ties and
    the rest in the page's order."""
    left = list(range(len(found)))
    pairs: list[dict | None] = []
    for want in wanted:
        if not left:
            pairs.append(None)
            continue
        best = max(left, key=lambda i: (sum(ok for ok, _ in score_meeting(want, found[i]).values()), -i))
        left.remove(best)
        pairs.append(found[best])
    return pairs


def score_pages(pages: list[Path]) -> Scores:
    scores = Scores()
    for page in pages:
        gold = yaml.safe_load(page.with_suffix(".gold.yaml").read_text("utf-8"))
        result = summarize(page)
        # Articles on no meeting are shown as such, not counted as meetings.
        found = [m for m in result.get("meetings", []) if m.get("kind") != "文章"]
        checks: list[tuple[str, bool, str, str]] = [
            ("meetings", len(found) == len(gold["meetings"]), str(len(gold["meetings"])), str(len(found)))]
        for want, got in zip(gold["meetings"], _paired(gold["meetings"], found), strict=True):
            for name, (ok, seen) in score_meeting(want, got).items():
                checks.append((name, ok, str(want.get(name, "")), seen))
        # The sources slide shows each page's title too.
        titles = [s.get("title") or "" for s in result.get("sources", [])]
        chrome_seen = [line for line in gold.get("chrome", []) if len(line.strip()) > 1
                       and (_leaked(_simplified(line.strip()), result.get("meetings", []))
                            or any(_simplified(line.strip()) in title for title in titles))]
        checks.append(("chrome", not chrome_seen, "none", "；".join(chrome_seen)))
        published = next((s.get("published") for s in result.get("sources", []) if s.get("published")), None)
        scores.futures += [f"{page.name}: {f}" for f in future_dates(result, published)]
        for name, ok, want, seen in checks:
            scores.total[name] += 1
            scores.right[name] += ok
            if not ok:
                scores.misses.append(f"{page.name}: {name}: want {want}, got {seen}")
    return scores


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", action="store_true", help="print every miss")
    parser.add_argument("--json", action="store_true", help="print the scores as JSON")
    parser.add_argument("pages", nargs="*", type=Path, help="pages to score (default: the whole corpus)")
    args = parser.parse_args()
    pages = args.pages or sorted(CORPUS.glob("*.txt"))
    scores = score_pages(pages)
    if args.json:
        print(json.dumps(vars(scores), ensure_ascii=False))
        return
    print(f"{len(pages)} real pages in {CORPUS.relative_to(ROOT)}")
    print("field        right     share")
    for name in FIELDS:
        print(f"{name:<12} {scores.right[name]:>3}/{scores.total[name]:<4} {scores.share(name):6.2f}")
    print(f"{'future':<12} {len(scores.futures):>3}")
    if args.show:
        print("\n".join(scores.misses + scores.futures))


if __name__ == "__main__":
    main()
