"""Shared fixtures: the seeds, and the deck built from them once per test session."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from pptx import Presentation

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
TEMPLATES = ROOT / "templates"


def run_cli(*args: str, cwd: Path | None = None, timeout: float = 600) -> subprocess.CompletedProcess[str]:
    """Run the real command line, as a user would."""
    return subprocess.run(
        [sys.executable, "-m", "briefing", *args], capture_output=True, text=True, cwd=cwd, timeout=timeout,
    )


def slide_texts(slide) -> list[str]:  # type: ignore[no-untyped-def]
    """Every piece of text a reader sees on a slide: text boxes and table cells."""
    texts = []
    for shape in slide.shapes:
        if shape.has_text_frame:
            texts.append(shape.text_frame.text)
        if getattr(shape, "has_table", False) and shape.has_table:
            for row in shape.table.rows:
                for cell in row.cells:
                    texts.append(cell.text_frame.text)
    return texts


def slide_title(slide) -> str:  # type: ignore[no-untyped-def]
    """The slide's title as PowerPoint sees it: the text of its title placeholder."""
    title = slide.shapes.title
    return title.text_frame.text if title is not None else ""


@pytest.fixture(scope="session")
def seeds_deck(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("deck") / "briefing.pptx"
    done = run_cli("build", str(SEEDS), "-o", str(out), "-q")
    assert done.returncode == 0, done.stderr
    return out


@pytest.fixture(scope="session")
def seeds_prs(seeds_deck: Path):  # type: ignore[no-untyped-def]
    return Presentation(str(seeds_deck))


@pytest.fixture(scope="session")
def seeds_summary() -> dict:
    import json

    done = run_cli("summarize", str(SEEDS), "--format", "json", "-q")
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


FRESH_FONT_DIRS = ("/usr/share/fonts/opentype/noto", "/usr/share/fonts/truetype/noto",
                   "/usr/share/fonts/truetype/dejavu")


def restricted_fontconfig(folder: Path) -> Path:
    """A fontconfig file that sees only what a fresh Debian machine with fonts-noto-cjk has
    (Noto CJK and DejaVu), whatever else is installed: a font-dependent overflow cannot
    hide behind the fonts of the machine the tests run on."""
    cache = folder / "fontconfig-cache"
    cache.mkdir(parents=True, exist_ok=True)
    dirs = "".join(f"<dir>{d}</dir>" for d in FRESH_FONT_DIRS if Path(d).is_dir())
    conf = folder / "fonts.conf"
    conf.write_text(
        '<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig>'
        f'{dirs}<cachedir>{cache}</cachedir>'
        '<include ignore_missing="yes">/etc/fonts/conf.d</include></fontconfig>', "utf-8")
    return conf


PINYIN_ANNOTATION = re.compile(r"[\u4e00-\u9fff][(（][a-zA-Zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+[)）]")
