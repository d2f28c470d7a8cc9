"""Bad input through the real command line: one line, exit code 2, nothing written."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from pptx import Presentation

from .conftest import SEEDS, run_cli


def _one_line_error(stderr: str, needle: str) -> None:
    lines = [line for line in stderr.splitlines() if line.strip()]
    assert len(lines) == 1, stderr
    assert lines[0].startswith("briefing: error:"), stderr
    assert needle in lines[0], stderr
    assert "Traceback" not in stderr


def test_missing_input(tmp_path: Path) -> None:
    out = tmp_path / "deck.pptx"
    done = run_cli("build", str(tmp_path / "missing.txt"), "-o", str(out))
    assert done.returncode == 2
    _one_line_error(done.stderr, "missing.txt")
    assert not out.exists()


def test_empty_file(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("", "utf-8")
    out = tmp_path / "deck.pptx"
    done = run_cli("build", str(empty), "-o", str(out))
    assert done.returncode == 2
    _one_line_error(done.stderr, "empty.txt: file is empty")
    assert not out.exists()


def test_folder_without_reports(tmp_path: Path) -> None:
    (tmp_path / "notes.xlsx").write_bytes(b"PK\x03\x04")
    out = tmp_path / "deck.pptx"
    done = run_cli("build", str(tmp_path), "-o", str(out))
    assert done.returncode == 2
    _one_line_error(done.stderr, str(tmp_path))
    assert not out.exists()


def test_failed_build_keeps_previous_deck(tmp_path: Path) -> None:
    out = tmp_path / "deck.pptx"
    out.write_bytes(b"previous deck")
    done = run_cli("build", str(tmp_path / "missing"), "-o", str(out))
    assert done.returncode == 2
    assert out.read_bytes() == b"previous deck"
    assert [p.name for p in tmp_path.iterdir()] == ["deck.pptx"]


def test_output_folder_missing(tmp_path: Path) -> None:
    done = run_cli("build", str(SEEDS), "-o", str(tmp_path / "no" / "deck.pptx"), "-q")
    assert done.returncode == 2
    _one_line_error(done.stderr, "output folder does not exist")


def test_build_replaces_existing_deck(tmp_path: Path) -> None:
    from pptx import Presentation

    out = tmp_path / "deck.pptx"
    out.write_bytes(b"old")
    out.chmod(0o640)
    done = run_cli("build", str(SEEDS / "004_0494a65b94bf554c.txt"), "-o", str(out))
    assert done.returncode == 0, done.stderr
    assert "wrote" in done.stdout
    assert len(Presentation(str(out)).slides) >= 4
    assert out.stat().st_mode & 0o777 == 0o640  # the replaced deck's mode is kept


def test_new_deck_is_not_private(tmp_path: Path) -> None:
    import os

    out = tmp_path / "deck.pptx"
    assert run_cli("build", str(SEEDS / "004_0494a65b94bf554c.txt"), "-o", str(out), "-q").returncode == 0
    mask = os.umask(0)
    os.umask(mask)
    assert out.stat().st_mode & 0o777 == 0o666 & ~mask


def test_summarize_formats() -> None:
    seed = str(SEEDS / "004_0494a65b94bf554c.txt")
    text = run_cli("summarize", seed, "-q")
    assert text.returncode == 0 and "杨浦区 · 区委常委会扩大会议" in text.stdout
    md = run_cli("summarize", seed, "--format", "markdown", "-q")
    assert md.returncode == 0 and md.stdout.startswith("# 杨浦区")


def test_traditional_output_script(tmp_path: Path) -> None:
    template = tmp_path / "t.yaml"
    template.write_text("deck:\n  script: zh-Hant\n", "utf-8")
    done = run_cli("summarize", str(SEEDS / "004_0494a65b94bf554c.txt"), "-t", str(template), "-q")
    assert done.returncode == 0, done.stderr
    assert "楊浦區" in done.stdout


def test_help_lists_commands() -> None:
    done = run_cli("--help")
    assert done.returncode == 0
    for command in ("build", "summarize", "template", "preview"):
        assert command in done.stdout


def test_preview_names_the_missing_program(tmp_path: Path, seeds_deck: Path) -> None:
    import os
    import sys

    bare = tmp_path / "bin"
    bare.mkdir()
    (bare / "python").symlink_to(sys.executable)
    env = {**os.environ, "PATH": str(bare)}
    import subprocess

    done = subprocess.run([sys.executable, "-m", "briefing", "preview", str(seeds_deck), "-o", str(tmp_path / "png")],
                          capture_output=True, text=True, env=env, timeout=120)
    assert done.returncode == 1
    assert done.stderr.strip().splitlines() == [
        "briefing: error: pdftoppm is not installed; install poppler-utils"] or "LibreOffice" in done.stderr
    assert "Traceback" not in done.stderr


@pytest.mark.parametrize("args", [["build"], ["build", "--bogus", "x"], ["nope"], ["build", "seeds", "--latest", "0"]])
def test_usage_errors_are_one_line(args: list[str]) -> None:
    done = run_cli(*args)
    assert done.returncode == 2
    _one_line_error(done.stderr, "--help")


@pytest.mark.parametrize("asset", ["base", "logo"])
def test_broken_base_or_logo_stops_before_any_report_is_read(tmp_path: Path, asset: str) -> None:
    name = "corp.pptx" if asset == "base" else "logo.png"
    (tmp_path / name).write_bytes(b"PK\x03\x04 not what it claims" if asset == "base" else b"GIF89a broken")
    template = tmp_path / "t.yaml"
    template.write_text(f"{asset}: {name}\n", "utf-8")
    # A report that would fail to read shows the template was checked first.
    (tmp_path / "empty.txt").write_text("", "utf-8")
    done = run_cli("build", str(SEEDS), str(tmp_path / "empty.txt"), "-o", str(tmp_path / "d.pptx"),
                   "-t", str(template))
    assert done.returncode == 2
    _one_line_error(done.stderr, f"{template}:1: {asset}: {name} is not")
    assert not (tmp_path / "d.pptx").exists()


@pytest.mark.skipif(shutil.which("soffice") is None or shutil.which("pdftoppm") is None,
                    reason="LibreOffice or poppler not installed")
def test_preview_replaces_the_pages_of_an_earlier_rendering(tmp_path: Path, seeds_deck: Path) -> None:
    out = tmp_path / "png"
    out.mkdir()
    stem = seeds_deck.stem
    for n in range(1, 41):  # pages of an earlier, longer deck of the same name
        (out / f"{stem}-{n:02d}.png").write_bytes(b"stale")
    (out / "other-01.png").write_bytes(b"another deck's page")
    done = run_cli("preview", str(seeds_deck), "-o", str(out))
    assert done.returncode == 0, done.stderr
    pages = sorted(out.glob(f"{stem}-*.png"))
    assert len(pages) == len(Presentation(str(seeds_deck)).slides)
    assert all(p.read_bytes().startswith(b"\x89PNG") for p in pages)
    assert (out / "other-01.png").exists()


FIXTURES = Path(__file__).resolve().parent / "fixtures"


def test_word_and_pdf_reports_are_read(tmp_path: Path) -> None:
    """A Word file (paragraphs, a bold title, a table) and a PDF with a text layer, both made
    with LibreOffice from real pages, give their meetings like the pages themselves."""
    import json

    done = run_cli("summarize", str(FIXTURES / "aohan_standing.docx"), str(FIXTURES / "huancui_standing.pdf"),
                   "--format", "json", "-q")
    assert done.returncode == 0, done.stderr
    meetings = {m["district"]: m for m in json.loads(done.stdout)["meetings"]}
    assert meetings["敖汉旗"]["kind"] == "常委会会议" and meetings["敖汉旗"]["date"]["label"] == "2023年3月2日"
    assert meetings["敖汉旗"]["leaders"][0]["name"] == "王永军"
    assert meetings["环翠区"]["name"] == "区委常委会第138次（扩大）会议"
    assert meetings["环翠区"]["date"]["label"] == "2024年10月23日"  # "10 月 23 日" in the PDF's layout
    # The document's title ran over two lines of the PDF's layout: it is one title again.
    assert meetings["环翠区"]["documents"] == [
        {"title": "关于全面深化党组织领导下的社区运营机制 加强党建引领基层治理的指导意见", "adopted": True}]
    from briefing.readers.docx import read_docx

    text = read_docx(FIXTURES / "aohan_standing.docx").text
    assert text.splitlines()[0] == "敖汉旗召开旗委常委会第38次会议"
    assert "议题一 全旗落实五大任务项目清单" in text  # a table row, its cells in order


def test_a_scanned_pdf_asks_for_ocr(tmp_path: Path) -> None:
    done = run_cli("build", str(FIXTURES / "scanned.pdf"), "-o", str(tmp_path / "d.pptx"))
    assert done.returncode == 2
    _one_line_error(done.stderr, "scanned.pdf: PDF has no text layer (a scan?); run OCR")


def test_a_folder_names_the_files_it_does_not_read(tmp_path: Path) -> None:
    import shutil

    shutil.copy(SEEDS / "004_0494a65b94bf554c.txt", tmp_path / "report.txt")
    for name in ("budget.xlsx", "photo.jpg"):
        (tmp_path / name).write_bytes(b"\x00\x01")
    (tmp_path / "broken.pdf").write_bytes(b"%PDF-1.4 cut short")
    done = run_cli("build", str(tmp_path), "-o", str(tmp_path / "d.pptx"))
    assert done.returncode == 0, done.stderr
    warnings = [x for x in done.stderr.splitlines() if x.startswith("briefing: warning:")]
    assert any("2 file(s) not read" in w and "budget.xlsx" in w and "photo.jpg" in w for w in warnings)
    assert any("broken.pdf: not a readable PDF" in w for w in warnings)


def test_build_pdf_writes_the_pdf_beside_the_deck(tmp_path: Path) -> None:
    if shutil.which("soffice") is None:
        pytest.skip("LibreOffice not installed")
    deck = tmp_path / "brief.pptx"
    done = run_cli("build", str(SEEDS), "-o", str(deck), "--pdf")
    assert done.returncode == 0, done.stderr
    pdf = tmp_path / "brief.pdf"
    assert pdf.read_bytes().startswith(b"%PDF")
    assert f"and {pdf}" in done.stdout
    assert sorted(p.name for p in tmp_path.iterdir()) == ["brief.pdf", "brief.pptx"]


def test_build_pdf_without_libreoffice_says_so_before_reading(tmp_path: Path) -> None:
    import os
    import subprocess
    import sys

    bare = tmp_path / "bin"
    bare.mkdir()
    done = subprocess.run([sys.executable, "-m", "briefing", "build", str(tmp_path / "missing.txt"), "-o",
                           str(tmp_path / "d.pptx"), "--pdf"], capture_output=True, text=True,
                          env={**os.environ, "PATH": str(bare)}, timeout=120)
    assert done.returncode == 1
    _one_line_error(done.stderr, "LibreOffice (soffice) is not installed")


def test_a_readme_among_reports_is_said_and_left_out(tmp_path: Path) -> None:
    import json
    import shutil

    shutil.copy(SEEDS / "004_0494a65b94bf554c.txt", tmp_path / "report.txt")
    (tmp_path / "README.txt").write_text("使用说明\n本文件夹存放下载的网页报道，按日期命名，每周更新一次。\n", "utf-8")
    (tmp_path / "notes.md").write_text("# 笔记\n\n[点击这里](javascript:alert(1)) 查看原文。\n", "utf-8")
    done = run_cli("summarize", str(tmp_path), "--format", "json")
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert [s["path"].rsplit("/", 1)[-1] for s in data["sources"]] == ["report.txt"]
    assert "javascript" not in done.stdout
    assert "README.txt: no meeting report about one district found; left out" in done.stderr
    assert "notes.md: nothing left after removing site boilerplate" in done.stderr  # a heading and a link
