"""Shapes written as PresentationML elements directly: text boxes, filled rectangles and
tables, each with a shape id from a counter kept per slide.

Why not python-pptx's ``add_textbox``/``add_shape``/``add_table``: each looks up a free
id with an XPath over the whole slide and sets every property through descriptors that
re-resolve namespaced names; on a deck of hundreds of slides that was most of the time
spent writing it. The elements made here are the ones python-pptx would make, less
the theme style references the engine overrides anyway.
"""

from __future__ import annotations

import weakref

from lxml import etree
from pptx.oxml.ns import qn
from pptx.util import Pt

# Clark names resolved once: the builders below run tens of thousands of times a deck.
P_SP, P_NV_SP_PR, P_C_NV_PR, P_C_NV_SP_PR, P_NV_PR, P_SP_PR, P_TX_BODY = (
    qn(t) for t in ("p:sp", "p:nvSpPr", "p:cNvPr", "p:cNvSpPr", "p:nvPr", "p:spPr", "p:txBody"))
P_GRAPHIC_FRAME, P_NV_GF_PR, P_C_NV_GF_PR, P_XFRM = (
    qn(t) for t in ("p:graphicFrame", "p:nvGraphicFramePr", "p:cNvGraphicFramePr", "p:xfrm"))
A_XFRM, A_OFF, A_EXT, A_PRST_GEOM, A_AV_LST, A_SOLID_FILL, A_SRGB_CLR, A_NO_FILL, A_LN, A_EFFECT_LST = (
    qn(t) for t in ("a:xfrm", "a:off", "a:ext", "a:prstGeom", "a:avLst", "a:solidFill", "a:srgbClr",
                    "a:noFill", "a:ln", "a:effectLst"))
A_BODY_PR, A_LST_STYLE, A_GRAPHIC_FRAME_LOCKS, A_GRAPHIC, A_GRAPHIC_DATA = (
    qn(t) for t in ("a:bodyPr", "a:lstStyle", "a:graphicFrameLocks", "a:graphic", "a:graphicData"))
A_TBL, A_TBL_PR, A_TBL_GRID, A_GRID_COL, A_TR, A_TC, A_TC_PR = (
    qn(t) for t in ("a:tbl", "a:tblPr", "a:tblGrid", "a:gridCol", "a:tr", "a:tc", "a:tcPr"))
A_LN_L, A_LN_R, A_LN_T, A_LN_B, A_TABLE_STYLE_ID = (
    qn(t) for t in ("a:lnL", "a:lnR", "a:lnT", "a:lnB", "a:tableStyleId"))
TABLE_URI = "http://schemas.openxmlformats.org/drawingml/2006/table"

# The last shape id given on each slide, by its part; found once by a scan, then counted.
_last_ids: weakref.WeakKeyDictionary[object, int] = weakref.WeakKeyDictionary()


def copy_element(element):  # type: ignore[no-untyped-def]
    """A deep copy of an lxml element: its own ``__copy__`` copies the whole subtree, without
    the memo ``copy.deepcopy`` keeps (a deck copies tens of thousands of prototypes)."""
    return element.__copy__()


def emu(points: float) -> str:
    return str(int(Pt(points)))


def next_shape_id(slide) -> int:  # type: ignore[no-untyped-def]
    key = slide.part
    last = _last_ids.get(key)
    if last is None:
        ids = [int(v) for v in slide.shapes._spTree.xpath("//@id") if v.isdigit()]
        last = max(ids, default=1)
    _last_ids[key] = last + 1
    return last + 1


def recount_ids(slide) -> None:  # type: ignore[no-untyped-def]
    """After python-pptx added a shape of its own (a chart, a picture), the counter is
    found again by a scan."""
    _last_ids.pop(slide.part, None)


def _frame_position(parent, tag: str, left: float, top: float, width: float, height: float):  # type: ignore[no-untyped-def]
    xfrm = etree.SubElement(parent, tag)
    etree.SubElement(xfrm, A_OFF, x=emu(left), y=emu(top))
    etree.SubElement(xfrm, A_EXT, cx=emu(width), cy=emu(height))
    return xfrm


def _shape(slide, name: str, left: float, top: float, width: float, height: float,  # type: ignore[no-untyped-def]
           text_box: bool):
    shape_id = next_shape_id(slide)
    sp = etree.SubElement(slide.shapes._spTree, P_SP)
    nv = etree.SubElement(sp, P_NV_SP_PR)
    default = "TextBox" if text_box else "Rectangle"  # python-pptx's names
    etree.SubElement(nv, P_C_NV_PR, id=str(shape_id), name=name or f"{default} {shape_id - 1}")
    c_nv_sp_pr = etree.SubElement(nv, P_C_NV_SP_PR)
    if text_box:
        c_nv_sp_pr.set("txBox", "1")
    etree.SubElement(nv, P_NV_PR)
    sp_pr = etree.SubElement(sp, P_SP_PR)
    _frame_position(sp_pr, A_XFRM, left, top, width, height)
    geom = etree.SubElement(sp_pr, A_PRST_GEOM, prst="rect")
    etree.SubElement(geom, A_AV_LST)
    return sp, sp_pr


def text_box_element(slide, left: float, top: float, width: float, height: float,  # type: ignore[no-untyped-def]
                     name: str = ""):
    """An empty text box (``p:sp`` with ``p:txBody``) at the given geometry in points."""
    sp, sp_pr = _shape(slide, name, left, top, width, height, text_box=True)
    etree.SubElement(sp_pr, A_NO_FILL)
    tx_body = etree.SubElement(sp, P_TX_BODY)
    etree.SubElement(tx_body, A_BODY_PR)
    etree.SubElement(tx_body, A_LST_STYLE)
    return sp


def rectangle_element(slide, left: float, top: float, width: float, height: float,  # type: ignore[no-untyped-def]
                      color: str, name: str = ""):
    """A rectangle filled with ``color``, without outline or shadow."""
    sp, sp_pr = _shape(slide, name, left, top, width, height, text_box=False)
    fill = etree.SubElement(sp_pr, A_SOLID_FILL)
    etree.SubElement(fill, A_SRGB_CLR, val=color)
    etree.SubElement(etree.SubElement(sp_pr, A_LN), A_NO_FILL)
    etree.SubElement(sp_pr, A_EFFECT_LST)
    return sp


def table_element(slide, left: float, top: float, widths: list[float], heights: list[float],  # type: ignore[no-untyped-def]
                  name: str = ""):
    """A graphic frame holding an ``a:tbl`` with its grid and empty rows; returns (frame, tbl).

    The caller appends the cells (``a:tc``) to each ``a:tr``."""
    shape_id = next_shape_id(slide)
    frame = etree.SubElement(slide.shapes._spTree, P_GRAPHIC_FRAME)
    nv = etree.SubElement(frame, P_NV_GF_PR)
    etree.SubElement(nv, P_C_NV_PR, id=str(shape_id), name=name or f"Table {shape_id - 1}")
    locks = etree.SubElement(nv, P_C_NV_GF_PR)
    etree.SubElement(locks, A_GRAPHIC_FRAME_LOCKS, noGrp="1")
    etree.SubElement(nv, P_NV_PR)
    _frame_position(frame, P_XFRM, left, top, sum(widths), sum(heights))
    data = etree.SubElement(etree.SubElement(frame, A_GRAPHIC), A_GRAPHIC_DATA, uri=TABLE_URI)
    tbl = etree.SubElement(data, A_TBL)
    tbl_pr = etree.SubElement(tbl, A_TBL_PR, firstRow="1", bandRow="0")
    # python-pptx's default style; every fill, border and text colour is set per cell.
    etree.SubElement(tbl_pr, A_TABLE_STYLE_ID).text = "{5C22544A-7EE6-4342-B048-85BDC9FD1C3A}"
    grid = etree.SubElement(tbl, A_TBL_GRID)
    for w in widths:
        etree.SubElement(grid, A_GRID_COL, w=emu(w))
    for h in heights:
        etree.SubElement(tbl, A_TR, h=emu(h))
    return frame, tbl
