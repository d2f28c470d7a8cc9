"""LibreOffice, the real program, opens and renders every deck; no character leaves its shape.

Each shipped template and a corporate base are built from the seeds and the further
real-report fixtures, converted to PDF by LibreOffice, and every drawn character's box
(pdfplumber) is checked against the boxes of the slide's text shapes and the page.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from pptx import Presentation

from briefing.preview import deck_to_pdf

from .conftest import ROOT, SEEDS, TEMPLATES, restricted_fontconfig, run_cli, slide_title

pytestmark = pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice not installed")
pdfplumber = pytest.importorskip("pdfplumber")

EMU_PER_PT = 12700
TOLERANCE_PT = 1.5


def characters_outside_shapes(deck: Path, pdf: Path) -> list[str]:
    """Every visible character drawn outside all text shapes (tables and charts included) of
    its slide, or off the page."""
    problems = []
    prs = Presentation(str(deck))
    with pdfplumber.open(pdf) as doc:
        assert len(doc.pages) == len(prs.slides)
        for number, (slide, page) in enumerate(zip(prs.slides, doc.pages, strict=True), 1):
            boxes = [
                (s.left / EMU_PER_PT, s.top / EMU_PER_PT, (s.left + s.width) / EMU_PER_PT,
                 (s.top + s.height) / EMU_PER_PT)
                for s in slide.shapes
                if s.has_text_frame or getattr(s, "has_table", False) or getattr(s, "has_chart", False)
            ]
            for ch in page.chars:
                if not ch["text"].strip():
                    continue
                on_page = ch["x0"] >= 0 and ch["top"] >= 0 and ch["x1"] <= page.width and ch["bottom"] <= page.height
                inside = any(
                    ch["x0"] >= x0 - TOLERANCE_PT and ch["x1"] <= x1 + TOLERANCE_PT
                    and ch["top"] >= y0 - TOLERANCE_PT and ch["bottom"] <= y1 + TOLERANCE_PT
                    for x0, y0, x1, y1 in boxes
                )
                if not (on_page and inside):
                    problems.append(f"slide {number}: {ch['text']!r} at ({ch['x0']:.0f}, {ch['top']:.0f})")
    return problems


@pytest.fixture(params=["installed fonts", "fresh-machine fonts"])
def fonts_seen(request: pytest.FixtureRequest, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """Build and render with this machine's fonts, then with only those of a fresh machine
    (Noto CJK and DejaVu: no Arial, no metric-compatible substitute)."""
    if request.param == "fresh-machine fonts":
        monkeypatch.setenv("FONTCONFIG_FILE", str(restricted_fontconfig(tmp_path / "fontconfig")))
    return str(request.param)


def _build_and_render(tmp_path: Path, *extra: str) -> tuple[Path, Path]:
    deck = tmp_path / "deck.pptx"
    done = run_cli("build", str(SEEDS), str(ROOT / "tests" / "fixtures"), "-o", str(deck), "-q", *extra)
    assert done.returncode == 0, done.stderr
    return deck, deck_to_pdf(deck, tmp_path)


@pytest.mark.parametrize("template", ["default", "government", "dark"])
def test_shipped_templates_keep_every_character_inside(tmp_path: Path, template: str, fonts_seen: str) -> None:
    deck, pdf = _build_and_render(tmp_path, "-t", str(TEMPLATES / f"{template}.yaml"))
    assert characters_outside_shapes(deck, pdf) == []
    with pdfplumber.open(pdf) as doc:
        text = "".join(page.extract_text() or "" for page in doc.pages)
    assert "金山区" in text and "各区比较" in text and "主题强度对比" in text


def test_seeds_deck_renders_every_slide(seeds_deck: Path, seeds_prs, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    pdf = deck_to_pdf(seeds_deck, tmp_path)
    assert characters_outside_shapes(seeds_deck, pdf) == []


def _corporate_base(path: Path) -> None:
    """A 4:3 corporate deck with a coloured master and two sample slides."""
    from pptx.dml.color import RGBColor
    from pptx.util import Inches

    prs = Presentation()
    prs.slide_width, prs.slide_height = Inches(10), Inches(7.5)
    fill = prs.slide_master.background.fill
    fill.solid()
    fill.fore_color.rgb = RGBColor(0xF4, 0xF7, 0xFB)
    for title in ("Company sample slide", "Another sample"):
        slide = prs.slides.add_slide(prs.slide_layouts[1])
        slide.shapes.title.text = title
    prs.save(str(path))


@pytest.mark.parametrize("suffix", [".pptx", ".potx"])
def test_corporate_base_is_used_and_its_samples_removed(tmp_path: Path, suffix: str) -> None:
    base = tmp_path / f"corporate{suffix}"
    _corporate_base(tmp_path / "corporate.pptx")
    if suffix == ".potx":
        import zipfile

        with zipfile.ZipFile(tmp_path / "corporate.pptx") as src, zipfile.ZipFile(base, "w") as dst:
            for item in src.infolist():
                data = src.read(item.filename)
                if item.filename == "[Content_Types].xml":
                    data = data.replace(b"presentation.main+xml", b"template.main+xml")
                dst.writestr(item, data)
    template = tmp_path / "corp.yaml"
    template.write_text(f"base: {base.name}\n", "utf-8")
    deck, pdf = _build_and_render(tmp_path, "-t", str(template))
    prs = Presentation(str(deck))
    assert (prs.slide_width, prs.slide_height) == (9144000, 6858000)
    assert all(slide_title(slide) for slide in prs.slides)
    all_text = "\n".join(s.text_frame.text for slide in prs.slides for s in slide.shapes if s.has_text_frame)
    assert "sample" not in all_text.lower()
    assert characters_outside_shapes(deck, pdf) == []


def test_logo_is_drawn_on_content_slides(tmp_path: Path) -> None:
    from PIL import Image

    Image.new("RGB", (64, 64), (179, 18, 27)).save(tmp_path / "logo.png")
    template = tmp_path / "logo.yaml"
    template.write_text("logo: logo.png\n", "utf-8")
    deck, pdf = _build_and_render(tmp_path, "-t", str(template))
    prs = Presentation(str(deck))
    pictures = [s for slide in list(prs.slides)[1:] for s in slide.shapes if s.shape_type == 13]
    assert len(pictures) == len(prs.slides) - 1
    assert characters_outside_shapes(deck, pdf) == []


@pytest.mark.parametrize("template", ["default", "government", "dark"])
def test_sixteen_districts_scale(tmp_path: Path, template: str, fonts_seen: str) -> None:
    """Every district of Shanghai at once: comparison and heat map split or shrink, never spill."""
    from bench.corpus import generate

    corpus = tmp_path / "corpus"
    generate(corpus, 32)
    deck = tmp_path / "deck.pptx"
    done = run_cli("build", str(corpus), "-o", str(deck), "-q", "-t", str(TEMPLATES / f"{template}.yaml"))
    assert done.returncode == 0, done.stderr
    titles = [slide_title(slide) for slide in Presentation(str(deck)).slides]
    assert sum(1 for t in titles if t.endswith("区") or t.endswith("新区")) == 16
    assert any(t.startswith("各区比较") for t in titles) and any(t.startswith("主题强度对比") for t in titles)
    assert characters_outside_shapes(deck, deck_to_pdf(deck, tmp_path)) == []


def test_base_without_a_title_layout_still_gives_every_slide_a_title(tmp_path: Path) -> None:
    """A corporate deck whose only layout has no title: the engine's title becomes one."""
    prs = Presentation()
    layouts = prs.slide_layouts
    for layout in list(layouts)[1:]:
        layouts.remove(layout)
    title = next(ph for ph in layouts[0].placeholders if ph.placeholder_format.type == 3)  # centre title
    title._element.getparent().remove(title._element)
    prs.save(str(tmp_path / "untitled.pptx"))
    template = tmp_path / "t.yaml"
    template.write_text("base: untitled.pptx\n", "utf-8")
    deck, pdf = _build_and_render(tmp_path, "-t", str(template))
    reopened = Presentation(str(deck))
    assert all(slide_title(slide) for slide in reopened.slides)
    assert characters_outside_shapes(deck, pdf) == []
