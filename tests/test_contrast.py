"""Every text on every shipped template is readable on what lies beneath it (WCAG AA, 4.5:1).

The decks are reopened and each run's colour is paired with its backdrop as a reader
sees it: a table cell's fill, else the filled shape drawn under the text box, else the
slide's background. Heat-map shades are checked over their whole range as well.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from pptx import Presentation
from pptx.enum.dml import MSO_FILL

from briefing.layout.colors import WCAG_AA, contrast_ratio
from briefing.template import load_template

from .conftest import ROOT, SEEDS, TEMPLATES, run_cli

SHIPPED = sorted(p.stem for p in TEMPLATES.glob("*.yaml"))


def _solid(fill) -> str | None:  # type: ignore[no-untyped-def]
    return str(fill.fore_color.rgb) if fill.type == MSO_FILL.SOLID else None


def _runs(text_frame, link_color: str):  # type: ignore[no-untyped-def]
    """(text, colour drawn) of each coloured run; a link is drawn in the theme's link colour."""
    for paragraph in text_frame.paragraphs:
        for run in paragraph.runs:
            if run.hyperlink.address and run.text.strip():
                yield run.text, link_color
            elif run.text.strip() and run.font.color and run.font.color.type is not None:
                yield run.text, str(run.font.color.rgb)


def _link_color(prs) -> str:  # type: ignore[no-untyped-def]
    import re

    from pptx.opc.constants import RELATIONSHIP_TYPE as RT

    theme = prs.slide_master.part.part_related_by(RT.THEME).blob.decode("utf-8")
    return re.search(r'<a:hlink><a:srgbClr val="([0-9A-F]{6})"', theme).group(1)


def _contains(shape, x: float, y: float) -> bool:  # type: ignore[no-untyped-def]
    return shape.left <= x <= shape.left + shape.width and shape.top <= y <= shape.top + shape.height


def text_on_backdrops(deck: Path) -> list[tuple[int, str, str, str]]:
    """(slide number, text, text colour, backdrop colour) for every coloured run."""
    pairs = []
    prs = Presentation(str(deck))
    link = _link_color(prs)
    for number, slide in enumerate(prs.slides, 1):
        background = _solid(slide.background.fill) or "FFFFFF"
        shapes = list(slide.shapes)
        for i, shape in enumerate(shapes):
            centre = (shape.left + shape.width / 2, shape.top + shape.height / 2)
            beneath = [s for s in shapes[:i] if not s.has_text_frame or not s.text_frame.text.strip()]
            filled = [s for s in beneath if hasattr(s, "fill") and _solid(s.fill) and _contains(s, *centre)]
            backdrop = _solid(filled[-1].fill) if filled else background
            if getattr(shape, "has_table", False) and shape.has_table:
                for row in shape.table.rows:
                    for cell in row.cells:
                        fill = _solid(cell.fill) or backdrop
                        pairs += [(number, text, color, fill) for text, color in _runs(cell.text_frame, link)]
            elif shape.has_text_frame:
                pairs += [(number, text, color, backdrop) for text, color in _runs(shape.text_frame, link)]
    return pairs


@pytest.mark.parametrize("template", SHIPPED)
def test_every_text_on_every_slide_meets_aa(tmp_path: Path, template: str) -> None:
    deck = tmp_path / "deck.pptx"
    done = run_cli("build", str(SEEDS), str(ROOT / "tests" / "fixtures"), "-o", str(deck), "-q",
                   "-t", str(TEMPLATES / f"{template}.yaml"))
    assert done.returncode == 0, done.stderr
    pairs = text_on_backdrops(deck)
    assert len({fill for *_, fill in pairs}) >= 3  # text on the background, on bands or headers, on stripes
    links = [run for slide in Presentation(str(deck)).slides for shape in slide.shapes if shape.has_table
             for row in shape.table.rows for cell in row.cells for para in cell.text_frame.paragraphs
             for run in para.runs if run.hyperlink.address]
    assert links  # the sources' links are among the pairs, in the theme's link colour
    poor = [(n, text[:12], color, fill, round(contrast_ratio(color, fill), 2))
            for n, text, color, fill in pairs if contrast_ratio(color, fill) < WCAG_AA]
    assert poor == []


@pytest.mark.parametrize("template", SHIPPED)
def test_chart_text_is_the_templates_text_colour(tmp_path: Path, template: str) -> None:
    """The theme chart's labels and legend are drawn in the template's text colour, whose
    contrast on the background the pairs above check."""
    deck = tmp_path / "deck.pptx"
    done = run_cli("build", str(SEEDS), "-o", str(deck), "-q", "-t", str(TEMPLATES / f"{template}.yaml"))
    assert done.returncode == 0, done.stderr
    charts = [s.chart for slide in Presentation(str(deck)).slides for s in slide.shapes if s.has_chart]
    assert charts
    tmpl = load_template(TEMPLATES / f"{template}.yaml")
    for chart in charts:
        assert str(chart.font.color.rgb) == tmpl.color("text")
        assert contrast_ratio(tmpl.color("text"), tmpl.color("background")) >= WCAG_AA
