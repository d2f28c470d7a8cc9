"""Native tables whose rows are measured before they are placed.

A table row grows when a renderer draws it, so the engine computes each row's height
from its wrapped cell text, sizes columns by content, and splits a table across
slides when its rows would not fit.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from lxml import etree
from pptx.enum.text import MSO_ANCHOR, PP_ALIGN
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.oxml.ns import qn
from pptx.util import Pt

from .district import CONTINUED
from .shapes import (
    A_BODY_PR,
    A_LN_B,
    A_LN_L,
    A_LN_R,
    A_LN_T,
    A_LST_STYLE,
    A_NO_FILL,
    A_SOLID_FILL,
    A_SRGB_CLR,
    A_TC,
    A_TC_PR,
    A_TR,
    copy_element,
    table_element,
)
from .text import A_R_PR, LINE_SPACING, Fonts, Para, fill_tx_body

if TYPE_CHECKING:
    from .deck import DeckWriter

P_TX_BODY_A = qn("a:txBody")  # a table cell's text body is DrawingML's, not a shape's
A_HLINK_CLICK = qn("a:hlinkClick")
R_ID = qn("r:id")

CELL_MARGIN_PT = 4.0
SAFETY_EM = 0.95  # a little room, so a line measured to fit does fit when rendered


@dataclass
class TableStyle:
    header_fill: str
    header_text: str
    text: str
    stripe: str | None
    border: str = "D0D5DD"


def is_bold(header: bool, column: int) -> bool:
    """The header row and the first column (what each row is about) are set in bold."""
    return header or column == 0


def column_widths(rows: list[list[str]], fonts: Fonts, size: float, total_pt: float,
                  min_em: float = 3.0) -> list[float]:
    """Split ``total_pt`` across columns by content: a column whose longest line fits in
    its fair share gets just that, the rest share what is left in proportion to need.

    ``rows[0]`` is the header row."""
    natural = []
    for c in range(len(rows[0])):
        longest = max(
            max((fonts.measurer(is_bold(r == 0, c)).width(line) for line in row[c].split("\n")), default=0.0)
            for r, row in enumerate(rows)
        )
        natural.append((max(longest, min_em) / SAFETY_EM) * size + 2 * CELL_MARGIN_PT)
    if sum(natural) <= total_pt:
        spare = total_pt - sum(natural)
        return [w + spare * w / sum(natural) for w in natural]
    widths: dict[int, float] = {}
    open_cols = set(range(len(natural)))
    remaining = total_pt
    while open_cols:
        fair = remaining / len(open_cols)
        settled = {c for c in open_cols if natural[c] <= fair}
        if not settled:
            need = sum(natural[c] for c in open_cols)
            for c in open_cols:
                widths[c] = remaining * natural[c] / need
            break
        for c in settled:
            widths[c] = natural[c]
            remaining -= natural[c]
        open_cols -= settled
    return [widths[c] for c in range(len(natural))]


def row_height(row: list[str], widths: list[float], fonts: Fonts, size: float, header: bool = False) -> float:
    lines = max(
        len(fonts.measurer(is_bold(header, c)).wrap(text, (w - 2 * CELL_MARGIN_PT) / size)) if text else 1
        for c, (text, w) in enumerate(zip(row, widths, strict=True))
    )
    return lines * size * LINE_SPACING + 2 * CELL_MARGIN_PT


def clamp_row(row: list[str], widths: list[float], fonts: Fonts, size: float, max_height: float) -> list[str]:
    """Cut cell text (with "…") so that a single row is never taller than a page."""
    max_lines = max(1, int((max_height - 2 * CELL_MARGIN_PT) // (size * LINE_SPACING)))
    out = []
    for c, (text, w) in enumerate(zip(row, widths, strict=True)):
        lines = fonts.measurer(is_bold(False, c)).wrap(text, (w - 2 * CELL_MARGIN_PT) / size) if text else [""]
        if len(lines) > max_lines:
            kept = lines[:max_lines]
            kept[-1] = kept[-1][:-1] + "…" if len(kept[-1]) > 1 else "…"
            text = "\n".join(kept)
        out.append(text)
    return out


def paginate_rows(heights: list[float], header: float, available: float) -> list[list[int]]:
    """Indexes of body rows per page; each page repeats the header row."""
    pages: list[list[int]] = [[]]
    used = header
    for i, h in enumerate(heights):
        if pages[-1] and used + h > available:
            pages.append([])
            used = header
        pages[-1].append(i)
        used += h
    return pages


def _cell(tr, text: str, fonts: Fonts, size: float, color: str, fill: str | None, border: str,  # type: ignore[no-untyped-def]
          bold: bool, align: PP_ALIGN | None):
    """One ``a:tc``: measured paragraphs, fixed margins, its fill and four borders."""
    tc = etree.SubElement(tr, A_TC)
    tx_body = etree.SubElement(tc, P_TX_BODY_A)
    etree.SubElement(tx_body, A_BODY_PR)
    etree.SubElement(tx_body, A_LST_STYLE)
    paras = [Para(line, bold=bold, align=align) for line in (text.split("\n") if text else [""])]
    fill_tx_body(tx_body, paras, fonts, size, color, MSO_ANCHOR.TOP)
    tc.append(copy_element(_cell_properties(fill, border)))
    return tc


@lru_cache(maxsize=256)
def _cell_properties(fill: str | None, border: str):  # type: ignore[no-untyped-def]
    margin = str(int(Pt(CELL_MARGIN_PT)))
    tc_pr = etree.Element(A_TC_PR, marL=margin, marR=margin, marT=margin, marB=margin)
    for edge in (A_LN_L, A_LN_R, A_LN_T, A_LN_B):
        ln = etree.SubElement(tc_pr, edge, w=str(int(Pt(0.75))), cap="flat", cmpd="sng", algn="ctr")
        etree.SubElement(etree.SubElement(ln, A_SOLID_FILL), A_SRGB_CLR, val=border)
    if fill is None:
        etree.SubElement(tc_pr, A_NO_FILL)
    else:
        etree.SubElement(etree.SubElement(tc_pr, A_SOLID_FILL), A_SRGB_CLR, val=fill)
    return tc_pr


def add_table(slide, left: float, top: float, widths: list[float], header: list[str],  # type: ignore[no-untyped-def]
              rows: list[list[str]], heights: list[float], header_height: float,
              fonts: Fonts, size: float, style: TableStyle,
              fills: list[list[str | None]] | None = None, text_colors: list[list[str | None]] | None = None,
              centered_from: int | None = None, links: list[list[str | None]] | None = None):
    """Place a table with measured row heights; returns the graphic frame's element.

    ``links`` (body rows only) makes a cell's text a hyperlink to that address.

    ``fills`` and ``text_colors`` (body rows only) colour single cells, as a heat map does.
    """
    frame, tbl = table_element(slide, left, top, widths, [header_height, *heights])
    for r, (tr, values) in enumerate(zip(tbl.iterfind(A_TR), [header, *rows], strict=True)):
        for c, value in enumerate(values):
            is_header = r == 0
            color = style.header_text if is_header else style.text
            fill = style.header_fill if is_header else (style.stripe if r % 2 == 0 else None)
            if not is_header and fills is not None and fills[r - 1][c] is not None:
                fill = fills[r - 1][c]
            if not is_header and text_colors is not None and text_colors[r - 1][c] is not None:
                color = text_colors[r - 1][c] or color
            align = PP_ALIGN.CENTER if centered_from is not None and c >= centered_from else None
            tc = _cell(tr, value, fonts, size, color, fill, style.border, is_bold(is_header, c), align)
            link = links[r - 1][c] if links is not None and not is_header else None
            if link:
                r_id = slide.part.relate_to(link, RT.HYPERLINK, is_external=True)
                for r_pr in tc.iter(A_R_PR):
                    etree.SubElement(r_pr, A_HLINK_CLICK).set(R_ID, r_id)
    return frame


def table_slides(w: DeckWriter, title: str, header: list[str], rows: list[list[str]],
                 notes: Callable[[list[int]], list[str]], source_line: str | None = None,
                 fills: list[list[str | None]] | None = None,
                 text_colors: list[list[str | None]] | None = None, centered_from: int | None = None,
                 links: list[list[str | None]] | None = None) -> None:
    """A measured table, split across "（续）" slides when its rows do not fit on one."""
    g = w.geo
    smallest, largest = w.body_range
    reading = smallest + (largest - smallest) * 0.25
    style = TableStyle(w.t.color("table_header"), w.t.color("table_header_text"),
                       w.t.color("text"), w.t.color("table_stripe"))

    def layout(size: float) -> tuple[list[float], list[list[str]], list[float], float, list[list[int]]]:
        widths = column_widths([header, *rows], w.fonts, size, g.content_width)
        header_h = row_height(header, widths, w.fonts, size, header=True)
        fitted = [clamp_row(r, widths, w.fonts, size, g.body_height - header_h) for r in rows]
        heights = [row_height(r, widths, w.fonts, size) for r in fitted]
        return widths, fitted, heights, header_h, paginate_rows(heights, header_h, g.body_height)

    # One slide at the largest size that allows it; else pages at a reading size. Rows of
    # one line each that overflow a page at the smallest size need no measuring to say so.
    size = largest
    one_line = smallest * LINE_SPACING + 2 * CELL_MARGIN_PT
    if (len(rows) + 1) * one_line > g.body_height:
        pages = [[], []]
    else:
        widths, fitted, heights, header_h, pages = layout(smallest)
    if len(pages) == 1:
        while size > smallest:
            candidate = layout(size)
            if len(candidate[4]) == 1:
                widths, fitted, heights, header_h, pages = candidate
                break
            size -= 0.5
        else:
            size = smallest
    else:
        size = reading
        widths, fitted, heights, header_h, pages = layout(size)
    for i, page in enumerate(pages):
        shown = title + (w.s(CONTINUED) if i else "")
        page_fills = [fills[j] for j in page] if fills else None
        page_colors = [text_colors[j] for j in page] if text_colors else None
        page_links = [links[j] for j in page] if links else None
        page_notes = notes(page)
        # A page showing what it showed before (the same rows, measured alike) is kept.
        key = w.shelf.key("table", shown, header, [fitted[j] for j in page], [heights[j] for j in page],
                          header_h, widths, size, page_fills, page_colors, centered_from, page_links,
                          page_notes, source_line) if w.shelf else ""
        if key and w.take_kept(key):
            continue
        slide = w.new_slide(source_line)
        w.slide_title(slide, shown)
        add_table(slide, g.margin, g.body_top, widths, header, [fitted[j] for j in page],
                  [heights[j] for j in page], header_h, w.fonts, size, style,
                  fills=page_fills, text_colors=page_colors, centered_from=centered_from, links=page_links)
        w.notes(slide, page_notes)
        if key:
            w.keep(key, [slide])
