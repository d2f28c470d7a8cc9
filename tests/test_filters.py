"""Briefing on a period, some districts, some kinds: the same slides as a run on only those reports."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pptx import Presentation

from .conftest import SEEDS, run_cli, slide_texts


def _slides(deck: Path) -> list[list[str]]:
    return [slide_texts(slide) for slide in Presentation(str(deck)).slides]


def test_a_filtered_build_is_a_build_of_the_matching_reports(tmp_path: Path) -> None:
    filtered, alone = tmp_path / "filtered.pptx", tmp_path / "alone.pptx"
    done = run_cli("build", str(SEEDS), "--district", "金山", "-o", str(filtered), "-q")
    assert done.returncode == 0, done.stderr
    jinshan = [str(SEEDS / "000_d26088508ba062ac.txt"), str(SEEDS / "001_5db6cf021c629536.txt")]
    assert run_cli("build", *jinshan, "-o", str(alone), "-q").returncode == 0
    got, want = _slides(filtered), _slides(alone)
    assert got[1:] == want[1:]  # every slide after the cover, text for text
    cover = "\n".join(got[0])
    assert "筛选：金山" in cover and "2021年7月7日（推断） — 2023年7月10日" in cover


def test_period_and_kind(tmp_path: Path) -> None:
    done = run_cli("summarize", str(SEEDS), "--since", "2023", "--until", "2024-06", "--kind", "全会",
                   "--format", "json")
    assert done.returncode == 0, done.stderr
    meetings = json.loads(done.stdout)["meetings"]
    assert [(m["district"], m["name"]) for m in meetings] == [("金山区", "区委六届六次全会")]
    # 嘉定's plenary is dated only "2024年末": whether it falls before July cannot be told; said, not dropped silently.
    assert "left out: their date is not known well enough" in done.stderr and "区委七届九次全会" in done.stderr


@pytest.mark.parametrize(("args", "message"), [
    (["--since", "20x"], "--since: expected a year, month or day"),
    (["--kind", "大会"], "--kind: unknown kind '大会'"),
    (["--since", "2030"], "no meeting matches 2030—…"),
])
def test_bad_or_empty_filters_are_one_line(args: list[str], message: str) -> None:
    done = run_cli("summarize", str(SEEDS), *args, "-q")
    assert done.returncode == 2
    lines = [x for x in done.stderr.splitlines() if x.strip()]
    assert len(lines) == 1 and message in lines[0]
