"""Real pages from all over China (tests/corpus): the facts a reader sees are right.

The pages were collected from government portals, newspapers and re-post sites and
checked by hand (each page's gold file). ``python bench/facts.py`` prints the figures;
this test holds the floor they must not fall below, and the rules that must always hold:
no chrome line on a slide, no date after the page's own, no meeting made up on a page
that reports none.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from pptx import Presentation

from bench.facts import CORPUS, Scores

from .conftest import ROOT, run_cli, slide_texts

PAGES = sorted(CORPUS.glob("*.txt"))
# Floors under today's figures (bench/facts.py): a change that loses ground fails here.
FLOORS = {"meetings": 0.95, "district": 0.90, "kind": 0.95, "name": 0.93, "date": 0.95, "leader": 0.90}


@pytest.fixture(scope="module")
def scores() -> Scores:
    # In a process of its own, as a user runs it.
    done = subprocess.run([sys.executable, str(ROOT / "bench" / "facts.py"), "--json"], capture_output=True,
                          text=True, check=True, cwd=ROOT)
    return Scores(**json.loads(done.stdout))


def test_the_corpus_is_varied() -> None:
    golds = [yaml.safe_load(p.with_suffix(".gold.yaml").read_text("utf-8")) for p in PAGES]
    meetings = [m for g in golds for m in g["meetings"]]
    assert len(PAGES) >= 60
    assert len({m["province"] for m in meetings}) >= 12
    assert len({(m["city"], m["district"]) for m in meetings}) >= 30
    assert {m["kind"] for m in meetings} >= {"全会", "常委会会议", "常委会扩大会议", "中心组学习会", "政府常务会议",
                                             "政府全体会议", "人大常委会会议", "人民代表大会", "政协会议", "党代表大会"}
    assert {g["script"] for g in golds} == {"zh-Hans", "zh-Hant"}
    assert any(not g["meetings"] for g in golds) and any(len(g["meetings"]) > 1 for g in golds)
    assert all(g["url"].startswith("http") for g in golds)


@pytest.mark.parametrize("field", sorted(FLOORS))
def test_facts_stay_above_their_floor(scores: Scores, field: str) -> None:
    misses = [m for m in scores.misses if f": {field}:" in m]
    assert scores.share(field) >= FLOORS[field], "\n".join(misses)


def test_no_chrome_on_slides_and_no_date_after_the_page(scores: Scores) -> None:
    assert scores.right["chrome"] == scores.total["chrome"], [m for m in scores.misses if ": chrome:" in m]
    assert scores.futures == []


def test_the_deck_of_the_whole_corpus(tmp_path: Path) -> None:
    """Fifty districts and counties from fifteen provinces in one deck: every slide has a
    title, no district is called by a shared name alone, nothing drawn leaves its shape."""
    deck = tmp_path / "corpus.pptx"
    done = run_cli("build", str(CORPUS), "-o", str(deck))
    assert done.returncode == 0, done.stderr
    assert "left out" in done.stderr  # the page templates with no meeting are said, not shown
    prs = Presentation(str(deck))
    titles = [slide.shapes.title.text_frame.text for slide in prs.slides]
    assert "双鸭山市·宝山区" in titles and "临沂市·河东区" in titles and "乌审旗" in titles
    texts = {p: p.read_text("utf-8") for p in PAGES}
    # A page's chrome line that another page writes as its own words ("县政府常务会议", a tag
    # on one page, a headline's words on another) cannot be judged on the deck of all.
    chrome = {line for p in PAGES for line in yaml.safe_load(p.with_suffix(".gold.yaml").read_text("utf-8"))["chrome"]
              if len(line) > 5 and not any(line in text for other, text in texts.items() if other != p)}
    shown = "\n".join(t for slide in prs.slides for t in slide_texts(slide))
    assert [line for line in chrome if line in shown] == []
    if shutil.which("soffice"):
        from briefing.preview import deck_to_pdf

        from .test_libreoffice import characters_outside_shapes

        assert characters_outside_shapes(deck, deck_to_pdf(deck, tmp_path)) == []


def test_no_point_of_a_real_page_is_a_roster_a_ritual_or_left_hanging() -> None:
    """Who attended, how many came, how the hall looked, the reporter's credit: never a
    point; nor a point that stops on a clause waiting for its main clause (根据…, 在…的同时)."""
    from briefing.summarizers.noise import point_fault

    done = run_cli("summarize", str(CORPUS), "-f", "json", "-q")
    assert done.returncode == 0, done.stderr
    points = [p["text"] for m in json.loads(done.stdout)["meetings"] for p in m["points"]]
    assert len(points) > 100
    faults = [(point_fault(text), text) for text in points if point_fault(text)]
    assert faults == []
