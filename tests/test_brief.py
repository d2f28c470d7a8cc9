"""The editable brief: written by summarize, corrected by an analyst, built as it stands."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from pptx import Presentation

from .conftest import SEEDS, run_cli, slide_texts


@pytest.fixture(scope="module")
def brief(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("brief") / "brief.yaml"
    done = run_cli("summarize", str(SEEDS), "--format", "yaml", "-o", str(path), "-q")
    assert done.returncode == 0, done.stderr
    return path


def _texts(deck: Path) -> list[list[str]]:
    return [slide_texts(slide) for slide in Presentation(str(deck)).slides]


def _notes(deck: Path) -> list[str]:
    return [slide.notes_slide.notes_text_frame.text for slide in Presentation(str(deck)).slides
            if slide.has_notes_slide]


def test_the_brief_builds_the_same_deck_as_the_reports(brief: Path, tmp_path: Path) -> None:
    from_reports, from_brief = tmp_path / "reports.pptx", tmp_path / "brief.pptx"
    assert run_cli("build", str(SEEDS), "-o", str(from_reports), "-q").returncode == 0
    done = run_cli("build", str(brief), "-o", str(from_brief), "-q")
    assert done.returncode == 0, done.stderr
    assert _texts(from_brief) == _texts(from_reports)  # slide by slide, every text
    assert _notes(from_brief) == _notes(from_reports)


def _edited(brief: Path, tmp_path: Path, edit) -> Path:  # type: ignore[no-untyped-def]
    data = yaml.safe_load(brief.read_text("utf-8"))
    edit(data)
    path = tmp_path / "edited.yaml"
    path.write_text("# briefing brief, version 1\n" + yaml.safe_dump(data, allow_unicode=True, sort_keys=False),
                    "utf-8")
    return path


def test_an_analysts_edits_are_what_the_deck_shows(brief: Path, tmp_path: Path) -> None:
    def edit(data: dict) -> None:
        jinshan = data["districts"][0]
        first = jinshan["meetings"][0]
        dropped = first["points"].pop(1)["text"]
        first["points"][0]["text"] = "改写过的要点：聚焦五大重点区域"
        first["points"].reverse()
        first["date"] = {"year": 2023, "month": 7, "day": 11, "precision": "day", "inferred": False, "note": None}
        first["leaders"][0]["name"] = "刘某"
        data["districts"] = [d for d in data["districts"] if d["district"] != "杨浦区"]
        data["dropped"] = dropped

    path = _edited(brief, tmp_path, edit)
    data = yaml.safe_load(path.read_text("utf-8"))
    deck = tmp_path / "edited.pptx"
    done = run_cli("build", str(path), "-o", str(deck), "-q")
    assert done.returncode == 0, done.stderr
    text = "\n".join(t for slide in _texts(deck) for t in slide)
    assert "改写过的要点：聚焦五大重点区域" in text and data["dropped"] not in text
    assert "2023年7月11日" in text and "刘某" in text
    assert "杨浦区" not in text  # the district, its meetings and its source are gone


@pytest.mark.parametrize(("edit", "line_key", "message"), [
    (lambda d: d["districts"][0]["meetings"][0].update(kind="大会"), "kind", "unknown kind '大会'"),
    (lambda d: d["districts"][0]["meetings"][0]["date"].update(day=None), "day", "needs its day"),
    (lambda d: d["districts"][0]["meetings"][0]["points"][0].update(text=3), "text", "expected text"),
    (lambda d: d.update(version=7), "version", "brief version 1, not 7"),
])
def test_a_malformed_brief_names_line_and_field(brief: Path, tmp_path: Path, edit, line_key: str,  # type: ignore[no-untyped-def]
                                                message: str) -> None:
    path = _edited(brief, tmp_path, edit)
    done = run_cli("build", str(path), "-o", str(tmp_path / "d.pptx"))
    assert done.returncode == 2
    [line] = [x for x in done.stderr.splitlines() if x.strip()]
    assert line.startswith(f"briefing: error: {path}:") and message in line
    number = int(line.split(f"{path}:")[1].split(":")[0])
    assert line_key in path.read_text("utf-8").splitlines()[number - 1]


def test_a_brief_is_built_alone(brief: Path, tmp_path: Path) -> None:
    done = run_cli("build", str(brief), str(SEEDS), "-o", str(tmp_path / "d.pptx"))
    assert done.returncode == 2 and "a brief is built on its own" in done.stderr
