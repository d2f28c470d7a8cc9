"""Layout stage: a :class:`Briefing` and a template → one .pptx file.

The :class:`DeckWriter` holds what every slide shares: the page geometry, the base
presentation and its title layout, real title placeholders, tables continued over
"（续）" slides, speaker notes, and the footer, slide number and source line it draws
itself rather than leaving them to a master. Each kind of slide a template can ask for
is built in a module of its own: ``summary`` (要情概览), ``district``, ``comparison``
(with ``overview`` and the theme chart) and ``sources``; the title slide is here.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from lxml import etree
from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.enum.shapes import PP_PLACEHOLDER
from pptx.enum.text import MSO_ANCHOR, PP_ALIGN
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.oxml.ns import qn
from pptx.util import Emu, Pt

from ..cleaner import convert_script
from ..errors import TemplateError
from ..model import Briefing, SourceEntry
from ..template import Template
from .files import _number_parts_quickly, open_base, save_atomically
from .package import DeflatedXml, save_package
from .parts import PartFactory
from .reuse import NUMBER_MARK, KeptPart, SlideShelf, deck_salt, page_of
from .shapes import recount_ids, rectangle_element
from .summary import count_label, division_noun
from .text import (
    BOX_MARGIN_PT,
    Fonts,
    Para,
    add_text_box,
    fill_text_frame,
    fit_size,
    plain_paragraph,
)

if TYPE_CHECKING:
    from ..store import ResultStore

PT_PER_INCH = 72.0
TITLE_PH_PATH = f"{qn('p:nvSpPr')}/{qn('p:nvPr')}/{qn('p:ph')}"


@dataclass
class Geometry:
    """Slide regions in points, derived from page size and margins."""

    width: float
    height: float
    margin: float

    @property
    def title_top(self) -> float:
        return self.margin * 0.6

    @property
    def title_height(self) -> float:
        return 50.0

    @property
    def body_top(self) -> float:
        return self.title_top + self.title_height + 16.0

    @property
    def footer_top(self) -> float:
        return self.height - self.margin * 0.6 - 16.0

    @property
    def source_top(self) -> float:
        return self.footer_top - 20.0

    @property
    def body_height(self) -> float:
        return self.source_top - 6.0 - self.body_top

    @property
    def content_width(self) -> float:
        return self.width - 2 * self.margin


class DeckWriter:
    """Builds the slides of one deck; ``write`` saves it atomically."""

    def __init__(self, briefing: Briefing, template: Template) -> None:
        self.briefing = briefing
        self.t = template
        # Slides kept from earlier runs (see reuse.py), set by write_deck once the fonts are
        # known: taken where their key is found, those made afresh put back after the footers.
        self.shelf: SlideShelf | None = None
        self.kept_parts: list[KeptPart] = []
        self._to_keep: list[tuple[str, list[object]]] = []  # (key, slides) made this run
        self._number_texts: dict[int, object] = {}  # slide part's id → its number's a:t
        self._deflated: dict[int, tuple[DeflatedXml, bytes]] = {}  # new kept parts, deflated as kept
        self.fonts = Fonts(
            template["theme.fonts.latin"], template["theme.fonts.east_asian"],
            "zh-CN" if template.script == "zh-Hans" else "zh-TW", template["theme.fonts.heading"],
            str(template.latin_font_file or ""), tuple(template["theme.fonts.fallback"]),
        )
        self.heading_fonts = self.fonts.for_headings()
        self.body_range = tuple(template["theme.sizes.body"])
        self.title_size = float(template["theme.sizes.title"])
        self.prs = self._open_presentation()
        _number_parts_quickly(self.prs.part.package)
        w_pt = self.prs.slide_width / Emu(Pt(1))
        h_pt = self.prs.slide_height / Emu(Pt(1))
        self.geo = Geometry(w_pt, h_pt, float(template["page.margins"]) * PT_PER_INCH)
        self.layout = self._title_layout()
        self.parts = PartFactory(self.prs, self.layout, self._prepare_slide)
        self._titles: dict[int, object] = {}  # slide part's id → its title placeholder (p:sp)
        self._sources_by_name: dict[str, SourceEntry] | None = None
        # (slide, source line) for the footer pass once the slide count is known.
        self.content_slides: list[tuple[object, str | None]] = []

    # --- plumbing -------------------------------------------------------------------

    def s(self, text: str) -> str:
        """Text in the deck's script."""
        return convert_script(text, self.t.script)

    def _open_presentation(self):  # type: ignore[no-untyped-def]
        if self.t.base is None:
            prs = Presentation()
            w, h = self.t.page_size
            prs.slide_width, prs.slide_height = Emu(int(w * 914400)), Emu(int(h * 914400))
            self._link_colors(prs)
            return prs
        try:
            prs = Presentation(open_base(self.t.base))
        except Exception as exc:  # python-pptx raises many kinds for a corrupt package
            raise TemplateError(f"base presentation cannot be opened ({type(exc).__name__})", self.t.base) from None
        slide_ids = prs.slides._sldIdLst
        for sld_id in list(slide_ids):
            prs.part.drop_rel(sld_id.rId)
            slide_ids.remove(sld_id)
        return prs

    def _link_colors(self, prs) -> None:  # type: ignore[no-untyped-def]
        """Links are drawn in the theme's link colours, not the run's: make them the template's
        primary colour, which is checked for contrast on the background."""

        theme = prs.slide_master.part.part_related_by(RT.THEME)
        root = etree.fromstring(theme.blob)
        for tag in ("a:hlink", "a:folHlink"):
            for slot in root.iter(qn(tag)):
                for child in list(slot):
                    slot.remove(child)
                etree.SubElement(slot, qn("a:srgbClr"), val=self.t.color("primary"))
        theme._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)

    def source_by_name(self) -> dict[str, SourceEntry]:
        """Each source by its file's name (the first where two share one)."""
        if self._sources_by_name is None:
            self._sources_by_name = {}
            for entry in self.briefing.sources:
                self._sources_by_name.setdefault(entry.path.name, entry)
        return self._sources_by_name

    def _title_layout(self):  # type: ignore[no-untyped-def]
        """The layout slides are made on: one with a title placeholder and as little else as
        possible ("Title Only"), so outline view, navigation and screen readers see each
        slide's title; the engine places and styles the title itself."""
        layouts = list(self.prs.slide_layouts)
        titled = [lay for lay in layouts if _title_placeholder(lay.placeholders) is not None]
        for wanted in ("Title Only", "仅标题", "僅標題", "标题", "標題"):
            for layout in titled:
                if layout.name == wanted:
                    return layout
        if titled:
            return min(titled, key=lambda lay: len(lay.placeholders))
        return min(layouts, key=lambda lay: len(lay.placeholders))

    def _prepare_slide(self, slide) -> None:  # type: ignore[no-untyped-def]
        """What every slide starts with: the layout's title placeholder alone, the background."""
        title = _title_placeholder(slide.placeholders)
        for ph in list(slide.placeholders):
            if ph is not title:
                ph._element.getparent().remove(ph._element)
        if self.t.base is None:
            bg = slide.background.fill
            bg.solid()
            bg.fore_color.rgb = RGBColor.from_string(self.t.color("background"))

    def new_slide(self, source_line: str | None = None, content: bool = True):  # type: ignore[no-untyped-def]
        slide = self.parts.new_slide()
        self._titles[id(slide.part)] = next(
            (sp for sp in slide.shapes._spTree.iterfind(qn("p:sp"))
             if (ph := sp.find(TITLE_PH_PATH)) is not None and ph.get("type") in ("title", "ctrTitle")), None)
        if content:
            self.content_slides.append((slide, source_line))
        return slide

    def place_title(self, slide, left: float, top: float, width: float, height: float,  # type: ignore[no-untyped-def]
                    paras: list[Para], size: float, color: str, anchor: MSO_ANCHOR) -> None:
        """The slide's title placeholder, at the engine's geometry and in its style.

        Where the layout has none, a text box is made a title placeholder, so every slide
        still has a title that PowerPoint and accessibility tools recognise."""
        sp = self._titles.get(id(slide.part))
        if sp is None:
            sp = add_text_box(slide, left, top, width, height, paras, self.heading_fonts, size, color, anchor,
                              name="Title")
            nv_sp_pr = sp[0]
            nv_sp_pr[1].attrib.pop("txBox", None)
            etree.SubElement(nv_sp_pr[2], qn("p:ph"), type="title")
            return
        shape = slide.shapes._shape_factory(sp)
        shape.left, shape.top, shape.width, shape.height = Pt(left), Pt(top), Pt(width), Pt(height)
        shape.name = "Title"
        # Above the bars and bands drawn so far, as the text box it replaces was.
        sp_tree = sp.getparent()
        sp_tree.remove(sp)
        ext = sp_tree.find(qn("p:extLst"))
        if ext is not None:
            ext.addprevious(sp)
        else:
            sp_tree.append(sp)
        # No fill or outline from the layout: the title looks as the template says.
        sp_pr = shape._element.spPr
        for child in list(sp_pr):
            if child.tag != qn("a:xfrm"):
                sp_pr.remove(child)
        etree.SubElement(sp_pr, qn("a:noFill"))
        etree.SubElement(etree.SubElement(sp_pr, qn("a:ln")), qn("a:noFill"))
        fill_text_frame(shape.text_frame, paras, self.heading_fonts, size, color, anchor)

    def rect(self, slide, left: float, top: float, width: float, height: float, color: str):  # type: ignore[no-untyped-def]
        return rectangle_element(slide, left, top, width, height, color)

    def notes(self, slide, lines: list[str]) -> None:  # type: ignore[no-untyped-def]
        tx_body = self.parts.notes_body(slide)
        if tx_body is None:
            return
        for line in "\n".join(lines).split("\n"):
            if line:
                tx_body.append(plain_paragraph(line, self.fonts, 12))
            else:
                etree.SubElement(tx_body, qn("a:p"))

    def slide_title(self, slide, title: str, tag: str | None = None) -> None:  # type: ignore[no-untyped-def]
        """The title area: an accent bar beside the title, or the title on a coloured band."""
        g, t = self.geo, self.t
        band = t["theme.title_style"] == "band"
        title_color = t.color("title_text") if band else t.color("primary")
        tag_color = t.color("title_text") if band else t.color("muted")
        if band:
            self.rect(slide, 0, 0, g.width, g.title_top + g.title_height + 6, t.color("primary"))
            self.rect(slide, 0, g.title_top + g.title_height + 6, g.width, 3, t.color("accent"))
        else:
            self.rect(slide, g.margin, g.title_top + 8, 6, g.title_height - 16, t.color("accent"))
            self.rect(slide, g.margin, g.title_top + g.title_height + 4, g.content_width, 1.2,
                      t.color("table_stripe"))
        right = g.width - g.margin
        if self.t.logo is not None:
            side = g.title_height - 10
            slide.shapes.add_picture(str(self.t.logo), Pt(right - side), Pt(g.title_top + 5), height=Pt(side))
            recount_ids(slide)
            right -= side + 8
        tag_width = 0.0
        if tag:
            tag_width = min(g.content_width * 0.4, self.fonts.measurer().width(tag) * 12 + 20)
            add_text_box(slide, right - tag_width, g.title_top, tag_width, g.title_height,
                         [Para(tag, align=PP_ALIGN.RIGHT)], self.fonts, 12, tag_color, MSO_ANCHOR.MIDDLE,
                         name="Tag")
        left = g.margin + (0 if band else 14)
        width = right - tag_width - left
        paras = [Para(title, bold=True, align=PP_ALIGN.LEFT)]
        size = fit_size(paras, self.heading_fonts, width, g.title_height, 16, self.title_size) or 16
        self.place_title(slide, left, g.title_top, width, g.title_height, paras, size, title_color, MSO_ANCHOR.MIDDLE)

    # --- slides ---------------------------------------------------------------------

    def title_slide(self) -> None:
        g, t, b = self.geo, self.t, self.briefing
        slide = self.new_slide(content=False)
        band = g.height * 0.58
        self.rect(slide, 0, 0, g.width, band, t.color("primary"))
        self.rect(slide, g.margin, band - 10, 120, 4, t.color("accent"))
        title = [Para(self.s(t["deck.title"]), bold=True, align=PP_ALIGN.LEFT)]
        width = g.content_width
        size = fit_size(title, self.heading_fonts, width, band * 0.45, 24, 44) or 24
        self.place_title(slide, g.margin, band * 0.22, width, band * 0.45, title, size, t.color("title_text"),
                         MSO_ANCHOR.BOTTOM)
        sub = [Para(self.s(t["deck.subtitle"]))]
        add_text_box(slide, g.margin, band * 0.68, width, band * 0.22, sub, self.fonts,
                     fit_size(sub, self.fonts, width, band * 0.22, 14, 22) or 14, t.color("title_text"),
                     name="Subtitle")
        facts = []
        if t["deck.author"]:
            facts.append(Para(self.s(t["deck.author"]), bold=True))
        date = t["deck.date"] or f"{dt.date.today().year}年{dt.date.today().month}月"
        facts.append(Para(self.s(f"编制日期：{date}")))
        span = b.date_range
        if span:
            first, last = span
            shown = first.label if first.label == last.label else f"{first.label} — {last.label}"
            facts.append(Para(self.s(f"会议时间：{shown}")))
        if b.scope:  # what the user chose, beside the period the meetings actually cover
            facts.append(Para(self.s(f"筛选：{b.scope}")))
        n_reports = len(b.sources)
        unit = division_noun([row.district for row in b.districts])
        facts.append(Para(self.s(f"收录 {n_reports} 份报道 · {len(b.districts)} 个{unit} · "
                                 + count_label(b.meetings)), color=t.color("muted")))
        top = band + 24
        height = g.height - top - g.margin
        size = fit_size(facts, self.fonts, width, height, 12, 18) or 12
        add_text_box(slide, g.margin, top, width, height, facts, self.fonts, size, t.color("text"),
                     name="Facts")

    def keep(self, key: str, slides: list[object]) -> None:
        """Slides made afresh to put on the shelf under ``key`` once the deck is built."""
        if self.shelf is not None:
            self._to_keep.append((key, slides))

    def take_kept(self, key: str) -> bool:
        """The slides kept under ``key``, added to the deck; False where none are kept."""
        if self.shelf is None:
            return False
        pages = self.shelf.get(key)
        if pages is None:
            return False
        for page in pages:
            self.kept_parts.append(self.parts.kept_slide(page))
        self.shelf.reused += len(pages)
        return True

    def _put_kept(self) -> None:
        if self.shelf is None:
            return
        for key, slides in self._to_keep:
            pages = []
            for slide in slides:
                number = self._number_texts.get(id(slide.part))  # type: ignore[attr-defined]
                if number is None:
                    break
                shown, number.text = number.text, NUMBER_MARK  # type: ignore[attr-defined]
                page = page_of(slide.part)  # type: ignore[attr-defined]
                number.text = shown  # type: ignore[attr-defined]
                if page is None:
                    break
                pages.append(page)
                # Written from the pieces just deflated: the slide is not serialized again.
                self._deflated[id(slide.part)] = (page.slide, shown.encode("utf-8"))  # type: ignore[attr-defined]
                notes = slide.part.part_related_by(RT.NOTES_SLIDE)  # type: ignore[attr-defined]
                self._deflated[id(notes)] = (page.notes, b"")
            else:
                self.shelf.put(key, pages)
        self.shelf.flush()

    def footers(self) -> None:
        g, t = self.geo, self.t
        pres_part = self.prs.part
        order = [pres_part.related_part(s.get(qn("r:id"))) for s in self.prs.slides._sldIdLst]
        total = len(order)
        numbers = {id(part): i + 1 for i, part in enumerate(order)}
        for part in self.kept_parts:  # their footers were kept with them
            part.number = f"{numbers[id(part)]} / {total}"
        muted = t.color("muted")
        footer = [Para(self.s(t["deck.footer"] or t["deck.title"]))]
        shown: dict[str, str] = {}  # a district's slides share one source line
        for slide, source_line in self.content_slides:
            self.rect(slide, g.margin, g.footer_top - 2, g.content_width, 0.75, t.color("table_stripe"))
            add_text_box(slide, g.margin, g.footer_top, g.content_width * 0.7, 16, footer, self.fonts, 9,
                         muted, name="Footer")
            number = [Para(f"{numbers[id(slide.part)]} / {total}", align=PP_ALIGN.RIGHT)]
            box = add_text_box(slide, g.width - g.margin - 80, g.footer_top, 80, 16, number, self.fonts, 9, muted,
                               name="Slide Number")
            if self._to_keep:
                self._number_texts[id(slide.part)] = next(box.iter(qn("a:t")))
            if source_line:
                if source_line not in shown:
                    shown[source_line] = self._one_line(source_line, g.content_width, 8)
                add_text_box(slide, g.margin, g.source_top, g.content_width, 20, [Para(shown[source_line])],
                             self.fonts, 8, muted, name="Source")

    def _one_line(self, text: str, width: float, size: float) -> str:
        """``text`` cut with an ellipsis to one line of ``width`` points (all files stay in the notes)."""
        lines = self.fonts.measurer().wrap(text, (width - 2 * BOX_MARGIN_PT) / size)
        if len(lines) <= 1:
            return text
        head = self.fonts.measurer().wrap(text, (width - 2 * BOX_MARGIN_PT) / size - 2)[0]
        return head.rstrip("；，、") + "…"

    def build(self) -> None:
        from .comparison import comparison_slides, overview_slides
        from .district import district_slides
        from .sources import sources_slides
        from .summary import summary_slide

        builders: dict[str, Callable[[], None]] = {
            "title": self.title_slide,
            "overview": lambda: overview_slides(self),
            "summary": lambda: summary_slide(self),
            "districts": lambda: [district_slides(self, row) for row in self.briefing.districts] and None,
            "comparison": lambda: comparison_slides(self),
            "sources": lambda: sources_slides(self),
        }
        for kind in self.t["slides"]:
            builders[kind]()
        self.footers()
        self._put_kept()

    def write(self, out: Path) -> None:
        """Save atomically: a failed or interrupted run leaves any previous deck intact."""
        save_atomically(out, lambda path: save_package(self.prs, path, self._deflated))


def _title_placeholder(placeholders):  # type: ignore[no-untyped-def]
    """The title placeholder among ``placeholders`` (slide or layout), or None."""
    for ph in placeholders:
        if ph.placeholder_format.type in (PP_PLACEHOLDER.TITLE, PP_PLACEHOLDER.CENTER_TITLE):
            return ph
    return None


def write_deck(briefing: Briefing, template: Template, out: Path, store: ResultStore | None = None) -> int:
    """Build and save the deck; returns its number of slides. With ``store``, a district's
    slides are taken from it where they are kept, and kept there where they are made."""
    writer = DeckWriter(briefing, template)
    if store is not None and store.enabled:
        writer.shelf = SlideShelf(store, deck_salt(template, (writer.fonts, writer.heading_fonts)))
    writer.build()
    writer.write(out)
    return len(writer.prs.slides)
