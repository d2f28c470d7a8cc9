"""Styled, measured text for slides: runs that carry both typefaces, boxes that fit.

Writes DrawingML directly where python-pptx has no API (``a:ea``, ``lang``, bullet
characters), and sizes every text box from the measurer, never from autofit.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import cached_property, lru_cache

from lxml import etree
from pptx.enum.text import MSO_ANCHOR, PP_ALIGN
from pptx.oxml.ns import qn
from pptx.util import Pt

from .measure import TextMeasurer, measurer_for
from .shapes import copy_element, text_box_element

A_P, A_BODY_PR, A_NO_AUTOFIT, A_R, A_T, A_R_PR, A_P_PR = (
    qn(t) for t in ("a:p", "a:bodyPr", "a:noAutofit", "a:r", "a:t", "a:rPr", "a:pPr"))
A_SOLID_FILL, A_SRGB_CLR, A_LATIN, A_EA, A_CS, A_SPC_PTS = (
    qn(t) for t in ("a:solidFill", "a:srgbClr", "a:latin", "a:ea", "a:cs", "a:spcPts"))
A_LN_SPC, A_SPC_BEF, A_SPC_AFT, A_BU_CLR, A_BU_FONT, A_BU_CHAR, A_BU_NONE = (
    qn(t) for t in ("a:lnSpc", "a:spcBef", "a:spcAft", "a:buClr", "a:buFont", "a:buChar", "a:buNone"))

LINE_SPACING = 1.25  # line pitch as a multiple of the font size, set exactly (spcPts)
BOX_MARGIN_PT = 4.0  # inner margin of every text box, all sides


@dataclass(frozen=True)
class Fonts:
    """The faces a run names, and how to measure it as this machine will draw it."""

    latin: str
    east_asian: str
    lang: str  # zh-CN or zh-TW
    heading: str = ""  # East-Asian face for titles; empty means ``east_asian``
    latin_file: str = ""  # the Latin font's file, when the template names one
    fallback: tuple[str, ...] = ()  # faces to look for where there is no fontconfig

    def for_headings(self) -> Fonts:
        return replace(self, east_asian=self.heading or self.east_asian, heading="")

    def measurer(self, bold: bool = False) -> TextMeasurer:
        return self._bold_measurer if bold else self._regular_measurer

    @cached_property
    def _regular_measurer(self) -> TextMeasurer:
        return measurer_for(self.latin, self.east_asian, self.lang, False, self.latin_file, self.fallback)

    @cached_property
    def _bold_measurer(self) -> TextMeasurer:
        return measurer_for(self.latin, self.east_asian, self.lang, True, self.latin_file, self.fallback)


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


def run_properties(fonts: Fonts, size: float, bold: bool = False, color: str | None = None):  # type: ignore[no-untyped-def]
    """``a:rPr`` with explicit size, colour, Latin and East-Asian typefaces and language.

    Written as DrawingML directly: python-pptx sets only the Latin face, and its property
    setters dominate the time of a large deck. A deck has few distinct run styles, so
    each is built once and copied.
    """
    return copy_element(_run_properties(fonts, round(size * 100), bold, color))


@lru_cache(maxsize=4096)
def _run_properties(fonts: Fonts, hundredths: int, bold: bool, color: str | None):  # type: ignore[no-untyped-def]
    r_pr = etree.Element(A_R_PR, lang=fonts.lang, altLang="en-US", sz=str(hundredths),
                         b="1" if bold else "0", dirty="0")
    if color:
        fill = etree.SubElement(r_pr, A_SOLID_FILL)
        etree.SubElement(fill, A_SRGB_CLR, val=color)
    etree.SubElement(r_pr, A_LATIN, typeface=fonts.latin)
    etree.SubElement(r_pr, A_EA, typeface=fonts.east_asian)
    etree.SubElement(r_pr, A_CS, typeface=fonts.east_asian)
    return r_pr


def plain_paragraph(text: str, fonts: Fonts, size: float):  # type: ignore[no-untyped-def]
    """An ``a:p`` of one run in the deck's faces and nothing else (the speaker notes)."""
    p = copy_element(_plain_paragraph(fonts, round(size * 100)))
    p[0][-1].text = text
    return p


@lru_cache(maxsize=64)
def _plain_paragraph(fonts: Fonts, hundredths: int):  # type: ignore[no-untyped-def]
    p = etree.Element(A_P)
    r = etree.SubElement(p, A_R)
    r.append(run_properties(fonts, hundredths / 100))
    etree.SubElement(r, A_T)
    return p


def bullet_indent_pt(size: float) -> float:
    return size * 1.1


@lru_cache(maxsize=200_000)
def _line_count(measurer: TextMeasurer, text: str, width_em: float) -> int:
    # Packing and size fitting ask about the same paragraph many times.
    return len(measurer.wrap(text, width_em))


def para_height(para: Para, fonts: Fonts, base: float, width_pt: float, first: bool) -> float:
    size = base * para.scale
    usable = width_pt - 2 * BOX_MARGIN_PT - (bullet_indent_pt(size) if para.bullet else 0)
    lines = _line_count(fonts.measurer(para.bold), para.text, usable / size)
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


_ALIGN = {PP_ALIGN.LEFT: "l", PP_ALIGN.CENTER: "ctr", PP_ALIGN.RIGHT: "r", PP_ALIGN.JUSTIFY: "just"}
_ANCHOR = {MSO_ANCHOR.TOP: "t", MSO_ANCHOR.MIDDLE: "ctr", MSO_ANCHOR.BOTTOM: "b"}


def _points(tag: str, value: float):  # type: ignore[no-untyped-def]
    spacing = etree.Element(tag)
    etree.SubElement(spacing, A_SPC_PTS, val=str(round(value * 100)))
    return spacing


def paragraph_element(para: Para, fonts: Fonts, base: float, default_color: str, first: bool):  # type: ignore[no-untyped-def]
    """One ``a:p``: exact line pitch, spacing, bullet or none, and one styled run."""
    size = base * para.scale
    before = 0.0 if first else para.space_before * base
    p = copy_element(_paragraph(fonts, size, para.bold, para.color or default_color, para.bullet, para.align,
                                 before))
    p[-1][-1].text = para.text
    return p


@lru_cache(maxsize=4096)
def _paragraph(fonts: Fonts, size: float, bold: bool, color: str, bullet: str | None,  # type: ignore[no-untyped-def]
               align: PP_ALIGN | None, before: float):
    # A deck has few distinct paragraph styles: each is built once, then copied.
    p = etree.Element(A_P)
    # hangingPunct=0: no punctuation hanging past the margin (LibreOffice's default for
    # Asian text); the measurer already keeps closing marks off the start of a line.
    p_pr = etree.SubElement(p, A_P_PR, hangingPunct="0", eaLnBrk="1")
    indent = int(Pt(bullet_indent_pt(size))) if bullet else 0
    p_pr.set("marL", str(indent))
    p_pr.set("indent", str(-indent))
    if align is not None:
        p_pr.set("algn", _ALIGN[align])
    p_pr.append(_points(A_LN_SPC, size * LINE_SPACING))
    p_pr.append(_points(A_SPC_BEF, before))
    p_pr.append(_points(A_SPC_AFT, 0))
    if bullet:
        clr = etree.SubElement(p_pr, A_BU_CLR)
        etree.SubElement(clr, A_SRGB_CLR, val=color)
        etree.SubElement(p_pr, A_BU_FONT, typeface="Arial")
        etree.SubElement(p_pr, A_BU_CHAR, char=bullet)
    else:
        etree.SubElement(p_pr, A_BU_NONE)
    r = etree.SubElement(p, A_R)
    r.append(run_properties(fonts, size, bold, color))
    etree.SubElement(r, A_T)
    return p


def fill_text_frame(text_frame, paras: list[Para], fonts: Fonts, base: float,  # type: ignore[no-untyped-def]
                    default_color: str, anchor: MSO_ANCHOR = MSO_ANCHOR.TOP) -> None:
    """Write measured paragraphs into a python-pptx text frame (see :func:`fill_tx_body`)."""
    fill_tx_body(text_frame._txBody, paras, fonts, base, default_color, anchor)


def fill_tx_body(tx_body, paras: list[Para], fonts: Fonts, base: float,  # type: ignore[no-untyped-def]
                 default_color: str, anchor: MSO_ANCHOR = MSO_ANCHOR.TOP) -> None:
    """Write measured paragraphs into an ``a:txBody``: fixed insets, wrapping, no autofit."""
    body_pr = tx_body.find(A_BODY_PR)
    inset = str(int(Pt(BOX_MARGIN_PT)))
    for side in ("lIns", "tIns", "rIns", "bIns"):
        body_pr.set(side, inset)
    body_pr.set("wrap", "square")
    body_pr.set("anchor", _ANCHOR[anchor])
    for child in list(body_pr):
        body_pr.remove(child)
    etree.SubElement(body_pr, A_NO_AUTOFIT)
    for p in tx_body.findall(A_P):
        tx_body.remove(p)
    for i, para in enumerate(paras):
        tx_body.append(paragraph_element(para, fonts, base, default_color, first=i == 0))


def add_text_box(slide, left: float, top: float, width: float, height: float,  # type: ignore[no-untyped-def]
                 paras: list[Para], fonts: Fonts, base: float, default_color: str,
                 anchor: MSO_ANCHOR = MSO_ANCHOR.TOP, name: str | None = None):
    """A text box at the given geometry (points), filled with measured paragraphs; returns
    its ``p:sp`` element."""
    sp = text_box_element(slide, left, top, width, height, name or "")
    fill_tx_body(sp[-1], paras, fonts, base, default_color, anchor)
    return sp
