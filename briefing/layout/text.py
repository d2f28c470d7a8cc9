"""Styled, measured text for slides: runs that carry both typefaces, boxes that fit.

Writes DrawingML directly where python-pptx has no API (``a:ea``, ``lang``, bullet
characters), and sizes every text box from the measurer, never from autofit.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lxml import etree
from pptx.enum.text import MSO_ANCHOR, MSO_AUTO_SIZE, PP_ALIGN
from pptx.oxml.ns import qn
from pptx.util import Emu, Pt

from .measure import TextMeasurer

LINE_SPACING = 1.25  # line pitch as a multiple of the font size, set exactly (spcPts)
BOX_MARGIN_PT = 4.0  # inner margin of every text box, all sides


@dataclass(frozen=True)
class Fonts:
    latin: str
    east_asian: str
    lang: str  # zh-CN or zh-TW
    heading: str = ""  # East-Asian face for titles; empty means ``east_asian``
    latin_file: str = ""  # the Latin font's file, when the template names one

    def for_headings(self) -> Fonts:
        return Fonts(self.latin, self.heading or self.east_asian, self.lang, latin_file=self.latin_file)

    @property
    def measurer(self) -> TextMeasurer:
        return TextMeasurer(self.latin, self.latin_file)


@dataclass
class Para:
    """One paragraph to place: text and its style relative to the box's base size."""

    text: str
    scale: float = 1.0  # size = base size x scale
    bold: bool = False
    color: str | None = None
    bullet: str | None = None  # bullet character, hanging
    space_before: float = 0.0  # in multiples of the base size
    align: PP_ALIGN | None = None
    keep_with_next: bool = False
    source: str | None = None  # for the speaker notes: where this text came from


@dataclass
class TextBlock:
    """Paragraphs that belong together (a meeting: header, facts, points)."""

    paras: list[Para] = field(default_factory=list)


def style_run(run, fonts: Fonts, size: float, bold: bool = False, color: str | None = None) -> None:  # type: ignore[no-untyped-def]
    """Explicit size, colour, Latin and East-Asian typefaces and language on one run.

    Written as DrawingML directly (python-pptx sets only the Latin face, and its
    property setters dominate the time of a large deck).
    """
    r = run._r
    old = r.find(qn("a:rPr"))
    if old is not None:
        r.remove(old)
    r_pr = etree.Element(qn("a:rPr"), lang=fonts.lang, altLang="en-US", sz=str(round(size * 100)),
                         b="1" if bold else "0", dirty="0")
    if color:
        fill = etree.SubElement(r_pr, qn("a:solidFill"))
        etree.SubElement(fill, qn("a:srgbClr"), val=color)
    etree.SubElement(r_pr, qn("a:latin"), typeface=fonts.latin)
    etree.SubElement(r_pr, qn("a:ea"), typeface=fonts.east_asian)
    etree.SubElement(r_pr, qn("a:cs"), typeface=fonts.east_asian)
    r.insert(0, r_pr)


def bullet_indent_pt(size: float) -> float:
    return size * 1.1


def _set_bullet(paragraph, char: str | None, size: float, color: str | None) -> None:  # type: ignore[no-untyped-def]
    p_pr = paragraph._p.get_or_add_pPr()
    # No punctuation hanging past the margin (LibreOffice's default for Asian text):
    # the measurer already keeps closing marks off the start of a line.
    p_pr.set("hangingPunct", "0")
    p_pr.set("eaLnBrk", "1")
    for tag in ("a:buClr", "a:buFont", "a:buChar", "a:buNone", "a:buAutoNum"):
        for old in p_pr.findall(qn(tag)):
            p_pr.remove(old)
    if char is None:
        p_pr.set("marL", "0")
        p_pr.set("indent", "0")
        etree.SubElement(p_pr, qn("a:buNone"))
        return
    indent = int(Pt(bullet_indent_pt(size)))
    p_pr.set("marL", str(indent))
    p_pr.set("indent", str(-indent))
    if color:
        clr = etree.SubElement(p_pr, qn("a:buClr"))
        etree.SubElement(clr, qn("a:srgbClr")).set("val", color)
    etree.SubElement(p_pr, qn("a:buFont")).set("typeface", "Arial")
    etree.SubElement(p_pr, qn("a:buChar")).set("char", char)


def para_lines(para: Para, fonts: Fonts, base: float, width_pt: float) -> list[str]:
    size = base * para.scale
    usable = width_pt - 2 * BOX_MARGIN_PT - (bullet_indent_pt(size) if para.bullet else 0)
    return fonts.measurer.wrap(para.text, usable / size)


def para_height(para: Para, fonts: Fonts, base: float, width_pt: float, first: bool) -> float:
    size = base * para.scale
    lines = len(para_lines(para, fonts, base, width_pt))
    before = 0.0 if first else para.space_before * base
    return before + lines * size * LINE_SPACING


def paras_height(paras: list[Para], fonts: Fonts, base: float, width_pt: float) -> float:
    body = sum(para_height(p, fonts, base, width_pt, i == 0) for i, p in enumerate(paras))
    return body + 2 * BOX_MARGIN_PT


def fit_size(paras: list[Para], fonts: Fonts, width_pt: float, height_pt: float,
             smallest: float, largest: float, step: float = 0.5) -> float | None:
    """The largest base size in [smallest, largest] (in ``step``s) at which ``paras`` fit, or None.

    Height grows with size, so the sizes are bisected rather than tried one by one.
    """
    steps = round((largest - smallest) / step)

    def fits(i: int) -> bool:
        return paras_height(paras, fonts, smallest + i * step, width_pt) <= height_pt

    if not fits(0):
        return None
    lo, hi = 0, steps  # fits(lo) holds
    if fits(hi):
        return largest
    while hi - lo > 1:
        mid = (lo + hi) // 2
        if fits(mid):
            lo = mid
        else:
            hi = mid
    return smallest + lo * step


def fill_text_frame(text_frame, paras: list[Para], fonts: Fonts, base: float,  # type: ignore[no-untyped-def]
                    default_color: str, anchor: MSO_ANCHOR = MSO_ANCHOR.TOP) -> None:
    """Write measured paragraphs into a frame with fixed margins, wrapping, no autofit."""
    text_frame.word_wrap = True
    text_frame.auto_size = MSO_AUTO_SIZE.NONE
    text_frame.vertical_anchor = anchor
    margin = Emu(int(Pt(BOX_MARGIN_PT)))
    text_frame.margin_left = text_frame.margin_right = margin
    text_frame.margin_top = text_frame.margin_bottom = margin
    for i, para in enumerate(paras):
        paragraph = text_frame.paragraphs[0] if i == 0 else text_frame.add_paragraph()
        size = base * para.scale
        paragraph.line_spacing = Pt(size * LINE_SPACING)
        paragraph.space_before = Pt(0 if i == 0 else para.space_before * base)
        paragraph.space_after = Pt(0)
        if para.align is not None:
            paragraph.alignment = para.align
        _set_bullet(paragraph, para.bullet, size, para.color or default_color)
        run = paragraph.add_run()
        run.text = para.text
        style_run(run, fonts, size, para.bold, para.color or default_color)


def add_text_box(slide, left: float, top: float, width: float, height: float,  # type: ignore[no-untyped-def]
                 paras: list[Para], fonts: Fonts, base: float, default_color: str,
                 anchor: MSO_ANCHOR = MSO_ANCHOR.TOP, name: str | None = None):
    """A text box at the given geometry (points), filled with measured paragraphs."""
    box = slide.shapes.add_textbox(Pt(left), Pt(top), Pt(width), Pt(height))
    if name:
        box.name = name
    fill_text_frame(box.text_frame, paras, fonts, base, default_color, anchor)
    return box
