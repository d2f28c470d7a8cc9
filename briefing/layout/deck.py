"""Layout stage: a :class:`Briefing` and a template → one .pptx file.

Slides are built from measured text: each district's meetings are packed onto as few
slides as the template's smallest body size allows (continuing on "（续）" slides),
then every slide takes the largest size at which its own text fits. Footer, slide
number and source line are drawn here, not left to a master, and every content slide
carries speaker notes with each point's full source sentence and file.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import re
import tempfile
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from lxml import etree
from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.enum.shapes import MSO_SHAPE, PP_PLACEHOLDER
from pptx.enum.text import MSO_ANCHOR, PP_ALIGN
from pptx.opc.packuri import PackURI
from pptx.oxml.ns import qn
from pptx.util import Emu, Pt

from ..cleaner import convert_script
from ..errors import OutputError, TemplateError
from ..lexicon import UNKNOWN_DISTRICT
from ..model import Briefing, DistrictComparison, Leader, Meeting, MeetingKind
from ..template import Template
from .colors import mix
from .tables import TableStyle, add_table, clamp_row, column_widths, paginate_rows, row_height
from .text import (
    BOX_MARGIN_PT,
    Fonts,
    Para,
    TextBlock,
    add_text_box,
    fill_text_frame,
    fit_size,
    paras_height,
    style_run,
)

PT_PER_INCH = 72.0
CONTINUED = "（续）"
COMPARISON_MEETINGS = 3  # meetings listed per district on the comparison slide, newest first


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
        from pptx.opc.constants import RELATIONSHIP_TYPE as RT

        theme = prs.slide_master.part.part_related_by(RT.THEME)
        root = etree.fromstring(theme.blob)
        for tag in ("a:hlink", "a:folHlink"):
            for slot in root.iter(qn(tag)):
                for child in list(slot):
                    slot.remove(child)
                etree.SubElement(slot, qn("a:srgbClr"), val=self.t.color("primary"))
        theme._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)

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

    def new_slide(self, source_line: str | None = None, content: bool = True):  # type: ignore[no-untyped-def]
        slide = self.prs.slides.add_slide(self.layout)
        title = _title_placeholder(slide.placeholders)
        for ph in list(slide.placeholders):
            if ph is not title:
                ph._element.getparent().remove(ph._element)
        if self.t.base is None:
            bg = slide.background.fill
            bg.solid()
            bg.fore_color.rgb = RGBColor.from_string(self.t.color("background"))
        if content:
            self.content_slides.append((slide, source_line))
        return slide

    def place_title(self, slide, left: float, top: float, width: float, height: float,  # type: ignore[no-untyped-def]
                    paras: list[Para], size: float, color: str, anchor: MSO_ANCHOR) -> None:
        """The slide's title placeholder, at the engine's geometry and in its style.

        Where the layout has none, a text box is made a title placeholder, so every slide
        still has a title that PowerPoint and accessibility tools recognise."""
        shape = _title_placeholder(slide.placeholders)
        if shape is None:
            shape = add_text_box(slide, left, top, width, height, paras, self.heading_fonts, size, color, anchor,
                                 name="Title")
            sp = shape._element
            sp.nvSpPr.cNvSpPr.attrib.pop("txBox", None)
            etree.SubElement(sp.nvSpPr.find(qn("p:nvPr")), qn("p:ph"), type="title")
            return
        shape.left, shape.top, shape.width, shape.height = Pt(left), Pt(top), Pt(width), Pt(height)
        shape.name = "Title"
        # Above the bars and bands drawn so far, as the text box it replaces was.
        sp = shape._element
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
        shape = slide.shapes.add_shape(MSO_SHAPE.RECTANGLE, Pt(left), Pt(top), Pt(width), Pt(height))
        shape.fill.solid()
        shape.fill.fore_color.rgb = RGBColor.from_string(color)
        shape.line.fill.background()
        shape.shadow.inherit = False
        return shape

    def notes(self, slide, lines: list[str]) -> None:  # type: ignore[no-untyped-def]
        frame = slide.notes_slide.notes_text_frame
        frame.text = "\n".join(lines)
        for paragraph in frame.paragraphs:
            for run in paragraph.runs:
                style_run(run, self.fonts, 12)

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
        facts.append(Para(self.s(f"收录 {n_reports} 份报道 · {len(b.districts)} 个区 · "
                                 + _count_label(b.meetings)), color=t.color("muted")))
        top = band + 24
        height = g.height - top - g.margin
        size = fit_size(facts, self.fonts, width, height, 12, 18) or 12
        add_text_box(slide, g.margin, top, width, height, facts, self.fonts, size, t.color("text"),
                     name="Facts")

    def _leader_line(self, leaders: list[Leader]) -> str:
        groups: list[tuple[str, list[str]]] = []
        for leader in leaders:
            if groups and groups[-1][0] == leader.role:
                groups[-1][1].append(leader.name)
            else:
                groups.append((leader.role, [leader.name]))
        return "；".join(f"{role} {'、'.join(names)}" for role, names in groups)

    def meeting_block(self, meeting: Meeting) -> TextBlock:
        t = self.t
        unnamed_kinds = (MeetingKind.OTHER, MeetingKind.ARTICLE)
        bare_name = re.sub(r"[（）()]", "", meeting.name)  # 常委会（扩大）会议 names its kind
        shown_kind = meeting.kind not in unnamed_kinds and meeting.kind.value not in bare_name
        kind = f"［{meeting.kind.value}］" if shown_kind else ""
        header = f"{meeting.name}{kind}｜{meeting.date.label}"
        paras = [Para(self.s(header), scale=1.1, bold=True, color=t.color("heading"), space_before=0.9,
                      keep_with_next=True)]
        if meeting.leaders:
            paras.append(Para(self.s("领导：" + self._leader_line(meeting.leaders)), scale=0.85,
                              color=t.color("muted"), space_before=0.2, keep_with_next=True))
        # Documents a point already names are not listed again.
        adopted = [d.title for d in meeting.documents
                   if d.adopted and not any(d.title in p.text for p in meeting.points)]
        if adopted:
            paras.append(Para(self.s("审议通过：" + "".join(f"《{d}》" for d in adopted)), scale=0.85,
                              color=t.color("muted"), space_before=0.2, keep_with_next=True))
        for point in meeting.points:
            source = self.s(f"原文：{point.source.sentence}") + (
                f"\n  {point.source.path.name}，第 {point.source.paragraph + 1} 段")
            paras.append(Para(self.s(point.text), bullet="•", space_before=0.35, source=source))
        if not meeting.points:
            paras.append(Para(self.s("（报道未提供可提炼的要点）"), color=t.color("muted"), space_before=0.35))
        return TextBlock(paras)

    def _pack(self, blocks: list[TextBlock], width: float, height: float) -> list[list[Para]]:
        """Fill pages at the smallest size; split a block between points when it must."""
        smallest = self.body_range[0]

        def fits(paras: list[Para]) -> bool:
            return paras_height(paras, self.fonts, smallest, width) <= height

        pages: list[list[Para]] = [[]]
        for block in blocks:
            if fits(pages[-1] + block.paras):
                pages[-1] += block.paras
                continue
            if pages[-1] and fits(block.paras):
                pages.append(list(block.paras))
                continue
            # Longer than a page: continue it, its header repeated with （续）.
            head = [p for p in block.paras if p.keep_with_next]
            body = [p for p in block.paras if not p.keep_with_next]
            if pages[-1] and not fits(pages[-1] + head + body[:1]):
                pages.append([])
            pages[-1] += head
            for para in body:
                if not fits([*pages[-1], para]):
                    first = head[0]
                    pages.append([Para(first.text + self.s(CONTINUED), scale=first.scale, bold=True,
                                       color=first.color, keep_with_next=True)])
                pages[-1].append(para)
        return [p for p in pages if p]

    def district_slides(self, row: DistrictComparison) -> None:
        g = self.geo
        width, height = g.content_width, g.body_height
        pages = self._pack([self.meeting_block(m) for m in row.meetings], width, height)
        dates = [m.date for m in row.meetings if m.date.year]
        span = ""
        if dates:
            lo, hi = min(d.sort_key for d in dates), max(d.sort_key for d in dates)
            span = f" · {lo[0]}" + (f"—{hi[0]}" if hi[0] != lo[0] else "")
        tag = self.s(_count_label(row.meetings) + span)
        sources = sorted({p.name for m in row.meetings for p in m.sources})
        source_line = self.s("来源：") + "；".join(self._source_label(name) for name in sources)
        for i, page in enumerate(pages):
            title = self.s(row.district) + (self.s(CONTINUED) if i else "")
            slide = self.new_slide(source_line)
            self.slide_title(slide, title, tag)
            size = fit_size(page, self.fonts, width, height, *self.body_range) or self.body_range[0]
            add_text_box(slide, g.margin, g.body_top, width, height, page, self.fonts, size,
                         self.t.color("text"), name="Body")
            self.notes(slide, self._district_notes(row, page))

    def _source_label(self, file_name: str) -> str:
        for entry in self.briefing.sources:
            if entry.path.name == file_name:
                bits = [b for b in (entry.outlet, entry.published) if b]
                # The file name as it is on disk; the outlet in the deck's script.
                return f"{file_name}（{self.s('，'.join(bits))}）" if bits else file_name
        return file_name

    def _district_notes(self, row: DistrictComparison, page: list[Para]) -> list[str]:
        lines = []
        for para in page:
            if para.source:
                lines.append(f"• {para.text}")
                lines.extend(f"  {line}" for line in para.source.split("\n"))
            elif para.keep_with_next and para.bold:
                lines.append(para.text)
        return lines or [self.s(f"{row.district}：本页为会议信息，无要点。")]

    def table_slides(self, title: str, header: list[str], rows: list[list[str]],
                     notes: Callable[[list[int]], list[str]], source_line: str | None = None,
                     fills: list[list[str | None]] | None = None,
                     text_colors: list[list[str | None]] | None = None, centered_from: int | None = None,
                     links: list[list[str | None]] | None = None) -> None:
        """A measured table, split across "（续）" slides when its rows do not fit on one."""
        g = self.geo
        smallest, largest = self.body_range
        reading = smallest + (largest - smallest) * 0.25
        style = TableStyle(self.t.color("table_header"), self.t.color("table_header_text"),
                           self.t.color("text"), self.t.color("table_stripe"))

        def layout(size: float) -> tuple[list[float], list[list[str]], list[float], float, list[list[int]]]:
            widths = column_widths([header, *rows], self.fonts, size, g.content_width)
            header_h = row_height(header, widths, self.fonts, size, header=True)
            fitted = [clamp_row(r, widths, self.fonts, size, g.body_height - header_h) for r in rows]
            heights = [row_height(r, widths, self.fonts, size) for r in fitted]
            return widths, fitted, heights, header_h, paginate_rows(heights, header_h, g.body_height)

        # One slide at the largest size that allows it; else pages at a reading size.
        size = largest
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
            slide = self.new_slide(source_line)
            self.slide_title(slide, title + (self.s(CONTINUED) if i else ""))
            add_table(slide, g.margin, g.body_top, widths, header, [fitted[j] for j in page],
                      [heights[j] for j in page], header_h, self.fonts, size, style,
                      fills=[fills[j] for j in page] if fills else None,
                      text_colors=[text_colors[j] for j in page] if text_colors else None,
                      centered_from=centered_from, links=[links[j] for j in page] if links else None)
            self.notes(slide, notes(page))

    def comparison_slides(self) -> None:
        if len(self.briefing.districts) == 1:
            # Nothing to compare: the district's summary stands in (once, if the deck has none).
            if "summary" not in self.t["slides"]:
                self.summary_slide()
            return
        header = [self.s(h) for h in ("区", "会议与日期", "关注主题", "特色关键词", "关键数字")]
        rows = []
        for row in self.briefing.districts:
            listed = [f"{m.name if m.kind is not MeetingKind.ARTICLE else '文章'}（{m.date.short_label}）"
                      for m in row.meetings[:COMPARISON_MEETINGS]]
            if len(row.meetings) > COMPARISON_MEETINGS:  # what is not listed, counted: the cell adds up
                listed.append(f"…另 {_count_label(row.meetings[COMPARISON_MEETINGS:])}")
            themes = "、".join(f"{name} {share:.0%}" for name, share in row.themes[:3]) or "—"
            figures = "\n".join(f.label for f in row.figures) or "—"
            rows.append([self.s(x) for x in (row.district, "\n".join(listed), themes,
                                             "、".join(row.keywords[:5]) or "—", figures)])

        def notes(page: list[int]) -> list[str]:
            lines = [self.s("主题占比：各区报道中模板主题词出现次数的占比。"
                            "特色关键词：各区用词与其他各区相比的加权对数优势比（Monroe 等，2008；z ≥ 1.96）；"
                            "无显著词的区列其 TF-IDF 高权重词。")]
            for j in page:
                row = self.briefing.districts[j]
                for term in row.distinctive:
                    where = f"：{term.source.sentence}（{term.source.path.name}）" if term.source else ""
                    lines.append(self.s(f"{row.district} 特色词“{term.term}”"
                                        f"（z = {term.z:.2f}，{term.count} 次）{where}"))
                for fig in row.figures:
                    lines.append(self.s(f"{row.district} {fig.label}：{fig.source.sentence}"
                                        f"（{fig.source.path.name}）"))
            return lines

        self.table_slides(self.s("各区比较"), header, rows, notes)
        if self.briefing.theme_names and any(row.themes for row in self.briefing.districts):
            self.theme_chart_slides()

    def theme_chart_slides(self) -> None:
        """Theme emphasis per district as a native, editable chart (a 100 % stacked bar per
        district): a reader can click it in PowerPoint, WPS or LibreOffice, edit its data,
        restyle it or paste it into a report. Eight districts a slide, so bars stay legible."""
        from pptx.chart.data import CategoryChartData
        from pptx.enum.chart import XL_CHART_TYPE, XL_LEGEND_POSITION

        g, t = self.geo, self.t
        themes = self.briefing.theme_names
        rows = [row for row in self.briefing.districts if row.themes]
        palette = theme_palette(t, len(themes))
        for i in range(0, len(rows), CHART_DISTRICTS):
            page = rows[i:i + CHART_DISTRICTS]
            data = CategoryChartData(number_format="0%")
            data.categories = [self.s(row.district) for row in reversed(page)]  # bars read top-down
            for theme in themes:
                data.add_series(self.s(theme), [dict(row.themes).get(theme, 0.0) for row in reversed(page)])
            slide = self.new_slide()
            self.slide_title(slide, self.s("主题强度对比") + (self.s(CONTINUED) if i else ""))
            frame = slide.shapes.add_chart(XL_CHART_TYPE.BAR_STACKED_100, Pt(g.margin), Pt(g.body_top),
                                           Pt(g.content_width), Pt(g.body_height), data)
            frame.name = "Theme chart"
            chart = frame.chart
            chart.has_legend = True
            chart.legend.position = XL_LEGEND_POSITION.BOTTOM
            chart.legend.include_in_layout = False
            style_chart_text(chart, self.fonts, self.body_range[0], t.color("text"))
            chart.value_axis.has_major_gridlines = False
            chart.value_axis.tick_labels.number_format = "0%"
            chart.value_axis.tick_labels.number_format_is_linked = False
            for series, color in zip(chart.plots[0].series, palette, strict=False):
                series.format.fill.solid()
                series.format.fill.fore_color.rgb = RGBColor.from_string(color)
            self.notes(slide, [self.s("各区报道中模板主题词（themes）出现次数的占比；"
                                      "图表可在 PowerPoint、WPS、LibreOffice 中直接编辑数据与样式。")]
                       + [self.s(f"{row.district}：" + "、".join(f"{n} {v:.0%}" for n, v in row.themes))
                          for row in page])

    def overview_slides(self) -> None:
        header = [self.s(h) for h in ("区", "会议", "类型", "日期", "主持/出席领导")]
        rows = []
        for row in self.briefing.districts:
            for m in row.meetings:
                leaders = "、".join(leader.name for leader in m.leaders[:4]) or "—"
                rows.append([self.s(x) for x in (row.district, m.name, m.kind.value, m.date.label, leaders)])
        self.table_slides(self.s("会议一览"), header, rows,
                          lambda _page: [self.s("本期收录的全部会议，按区排列，各区内由近及远。")])

    def summary_slide(self) -> None:
        """要情概览: in a few lines, who met and how often, the priorities most districts share,
        what sets districts apart, and the largest figures; each line built from extracted
        facts, its evidence in the notes."""
        lines, notes = summary_lines(self.briefing)
        g = self.geo
        slide = self.new_slide()
        self.slide_title(slide, self.s("要情概览"))
        paras = [Para(self.s(text), bullet="•", space_before=0.6) for text in lines]
        size = fit_size(paras, self.fonts, g.content_width, g.body_height, *self.body_range) or self.body_range[0]
        add_text_box(slide, g.margin, g.body_top, g.content_width, g.body_height, paras, self.fonts, size,
                     self.t.color("text"), name="Body")
        self.notes(slide, [self.s(n) for n in notes])

    def sources_slides(self) -> None:
        """Each source by its article's title (its file's name where it has none), linked to
        its page; the notes name the file and the address, never a path of this machine."""
        header = [self.s(h) for h in ("报道", "媒体", "发布日期", "收录会议")]
        sources = self.briefing.sources
        rows = [[self.s(e.title) if e.title else e.path.name, self.s(e.outlet or "—"),
                 e.published or "—", self.s("、".join(e.meetings) or "—")] for e in sources]
        links = [[e.url, None, None, None] for e in sources]

        def notes(page: list[int]) -> list[str]:
            return [f"{self.s(sources[j].title or '')}  {sources[j].path.name}  {sources[j].url or ''}".strip()
                    for j in page]

        self.table_slides(self.s("资料来源"), header, rows, notes, links=links)

    def footers(self) -> None:
        g, t = self.geo, self.t
        total = len(self.prs.slides)
        numbers = {id(s): i + 1 for i, s in enumerate(self.prs.slides)}
        for slide, source_line in self.content_slides:
            muted = t.color("muted")
            self.rect(slide, g.margin, g.footer_top - 2, g.content_width, 0.75, t.color("table_stripe"))
            footer = [Para(self.s(t["deck.footer"] or t["deck.title"]))]
            add_text_box(slide, g.margin, g.footer_top, g.content_width * 0.7, 16, footer, self.fonts, 9,
                         muted, name="Footer")
            number = [Para(f"{numbers[id(slide)]} / {total}", align=PP_ALIGN.RIGHT)]
            add_text_box(slide, g.width - g.margin - 80, g.footer_top, 80, 16, number, self.fonts, 9, muted,
                         name="Slide Number")
            if source_line:
                text = self._one_line(source_line, g.content_width, 8)
                add_text_box(slide, g.margin, g.source_top, g.content_width, 20, [Para(text)], self.fonts,
                             8, muted, name="Source")

    def _one_line(self, text: str, width: float, size: float) -> str:
        """``text`` cut with an ellipsis to one line of ``width`` points (all files stay in the notes)."""
        lines = self.fonts.measurer().wrap(text, (width - 2 * BOX_MARGIN_PT) / size)
        if len(lines) <= 1:
            return text
        head = self.fonts.measurer().wrap(text, (width - 2 * BOX_MARGIN_PT) / size - 2)[0]
        return head.rstrip("；，、") + "…"

    def build(self) -> None:
        builders: dict[str, Callable[[], None]] = {
            "title": self.title_slide,
            "overview": self.overview_slides,
            "summary": self.summary_slide,
            "districts": lambda: [self.district_slides(row) for row in self.briefing.districts] and None,
            "comparison": self.comparison_slides,
            "sources": self.sources_slides,
        }
        for kind in self.t["slides"]:
            builders[kind]()
        self.footers()

    def write(self, out: Path) -> None:
        """Save atomically: a failed or interrupted run leaves any previous deck intact."""
        save_atomically(out, self.prs.save)


CHART_DISTRICTS = 8  # districts a theme chart shows on one slide


def theme_palette(template: Template, n: int) -> list[str]:
    """Series colours from the template: its primary and accent, then lighter and darker
    steps of them, so a chart looks like the rest of the deck."""
    primary, accent = template.color("primary"), template.color("accent")
    background, text = template.color("background"), template.color("text")
    steps = [primary, accent, mix(primary, background, 0.45), mix(accent, background, 0.45),
             mix(primary, text, 0.45), mix(accent, text, 0.45), mix(primary, background, 0.7),
             mix(accent, background, 0.7)]
    return [steps[i % len(steps)] for i in range(n)]


def style_chart_text(chart, fonts: Fonts, size: float, color: str) -> None:  # type: ignore[no-untyped-def]
    """The chart's text in the deck's faces (Latin and East-Asian), size and text colour."""
    chart.font.size = Pt(size)
    chart.font.color.rgb = RGBColor.from_string(color)
    chart.font.name = fonts.latin
    r_pr = chart.font._rPr
    for tag in ("a:ea", "a:cs"):
        for old in r_pr.findall(qn(tag)):
            r_pr.remove(old)
        etree.SubElement(r_pr, qn(tag), typeface=fonts.east_asian)
    r_pr.set("lang", fonts.lang)


SUMMARY_DISTRICTS = 4  # districts named one by one in a summary line; more are "等 N 区"


def summary_lines(b: Briefing) -> tuple[list[str], list[str]]:
    """The lines of the 要情概览 slide and their evidence, from the briefing's facts alone."""
    from collections import Counter

    rows = b.districts
    meetings = [m for m in b.meetings if m.kind is not MeetingKind.ARTICLE]
    lines: list[str] = []
    notes: list[str] = []
    span = b.date_range
    period = ""
    if span:
        first, last = span
        period = first.label if first.label == last.label else f"{first.label}至{last.label}"
    kinds = Counter(m.kind.value for m in meetings)
    kind_text = "、".join(f"{k} {n} 次" for k, n in kinds.most_common())
    known = [r.district for r in rows if r.district != UNKNOWN_DISTRICT]
    who = _names(known) if known else "各报道"
    when = f"于{period}" if period else ""
    lines.append(f"{who}{when}共召开 {len(meetings)} 次会议" + (f"：{kind_text}" if kind_text else ""))
    notes += [f"{m.district}：{m.name}（{m.date.label}）" for m in meetings]
    if len(rows) > 1:
        top = Counter(t for r in rows for t, _ in r.themes[:3])
        shared = [(t, n) for t, n in top.most_common() if n * 2 >= len(rows) and n >= 2][:3]
        if shared:
            lines.append("共同关注：" + "、".join(f"{t}（{n}/{len(rows)} 个区）" for t, n in shared))
            notes.append("共同关注：各区报道主题词占比前三位中出现于半数以上区的主题。")
        own = [(r.themes[0][0], r.district) for r in rows if r.themes
               and top[r.themes[0][0]] <= 2 and r.themes[0][0] not in {t for t, _ in shared}]
        if own:
            by_theme: dict[str, list[str]] = {}
            for theme, district in own:
                by_theme.setdefault(theme, []).append(district)
            lines.append("各有侧重：" + "；".join(f"{t}（{_names(ds)}）" for t, ds in list(by_theme.items())[:3]))
    elif rows and rows[0].themes:
        lines.append("关注主题：" + "、".join(f"{t} {v:.0%}" for t, v in rows[0].themes[:3]))
    marked = sorted((r for r in rows if r.distinctive), key=lambda r: -r.distinctive[0].z)
    if marked:
        shown = marked[:SUMMARY_DISTRICTS]
        lines.append("特色：" + "；".join(f"{r.district} {'、'.join(t.term for t in r.distinctive[:2])}" for r in shown)
                     + (f" 等 {len(marked)} 个区" if len(marked) > len(shown) else ""))
        for r in shown:
            for t in r.distinctive[:2]:
                notes.append(f"{r.district}“{t.term}”（z = {t.z:.2f}）：{t.source.sentence if t.source else ''}")
    figures = sorted(((r.district, f) for r in rows for f in r.figures if f.unit.endswith("元")),
                     key=lambda item: -item[1].number)[:3]
    if figures:
        lines.append("关键数字：" + "；".join(f"{d} {f.label}" for d, f in figures))
        notes += [f"{d} {f.label}：{f.source.sentence}（{f.source.path.name}）" for d, f in figures]
    return lines, notes


def _names(names: list[str]) -> str:
    """"金山区、嘉定区", or "金山区、嘉定区等 16 个区" where the list is long."""
    if len(names) <= SUMMARY_DISTRICTS:
        return "、".join(names)
    return "、".join(names[:SUMMARY_DISTRICTS - 1]) + f"等 {len(names)} 个区"


def _count_label(meetings: list[Meeting]) -> str:
    """"3 次会议", "3 次会议 · 1 篇文章": articles on no meeting are not counted as meetings."""
    articles = sum(1 for m in meetings if m.kind is MeetingKind.ARTICLE)
    held = len(meetings) - articles
    parts = ([f"{held} 次会议"] if held or not articles else []) + ([f"{articles} 篇文章"] if articles else [])
    return " · ".join(parts)


def _title_placeholder(placeholders):  # type: ignore[no-untyped-def]
    """The title placeholder among ``placeholders`` (slide or layout), or None."""
    for ph in placeholders:
        if ph.placeholder_format.type in (PP_PLACEHOLDER.TITLE, PP_PLACEHOLDER.CENTER_TITLE):
            return ph
    return None


def _number_parts_quickly(package) -> None:  # type: ignore[no-untyped-def]
    """python-pptx names each new part (a notes slide) by walking every part of the
    package, which makes a deck of hundreds of slides quadratic. The writer is the only
    one adding parts, so after one walk per kind of name the next number is known."""
    find_free = package.next_partname
    last: dict[str, int] = {}

    def next_partname(template: str):  # type: ignore[no-untyped-def]
        if template not in last:
            name = find_free(template)
            last[template] = int(re.findall(r"\d+", str(name))[-1])
            return name
        last[template] += 1
        return PackURI(template % last[template])

    package.next_partname = next_partname


_TEMPLATE_TYPE = b"application/vnd.openxmlformats-officedocument.presentationml.template.main+xml"
_PRESENTATION_TYPE = b"application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml"


def open_base(path: Path) -> io.BytesIO:
    """A base .pptx, or a .potx presented to python-pptx as the presentation it is."""
    data = path.read_bytes()
    if path.suffix.lower() not in (".potx", ".potm"):
        return io.BytesIO(data)
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            content = src.read(item.filename)
            if item.filename == "[Content_Types].xml":
                content = content.replace(_TEMPLATE_TYPE, _PRESENTATION_TYPE)
            dst.writestr(item, content)
    out.seek(0)
    return out


def check_output_path(out: Path) -> Path:
    """The folder a deck at ``out`` will be written to; :class:`OutputError` if it cannot be.

    Checked before any report is read, so a typo costs no waiting.
    """
    folder = _output_folder(out)
    if out.suffix.lower() != ".pptx":
        raise OutputError("the deck's name must end in .pptx", out)
    return folder


def check_output_folder(out: Path) -> Path:
    """The folder a file at ``out`` will be written to (any name)."""
    return _output_folder(out)


def _output_folder(out: Path) -> Path:
    folder = out.parent if str(out.parent) else Path(".")
    if out.is_dir():
        raise OutputError("output path is a folder; give a file name", out)
    if not folder.is_dir():
        raise OutputError("output folder does not exist", folder)
    return folder


def save_atomically(out: Path, save: Callable[[str], None]) -> None:
    """Write ``out`` through ``save(temporary path)`` and a rename: never half a file."""
    folder = _output_folder(out)
    fd, tmp = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".tmp", dir=folder)
    os.close(fd)
    try:
        save(tmp)
        # mkstemp makes the file private; give the deck the mode a new file would have,
        # or keep the mode of the deck it replaces.
        mode = out.stat().st_mode & 0o777 if out.exists() else 0o666 & ~_umask()
        os.chmod(tmp, mode)
        os.replace(tmp, out)
    except OSError as exc:
        raise OutputError(f"cannot write deck ({exc.strerror or exc})", out) from None
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_deck(briefing: Briefing, template: Template, out: Path) -> int:
    """Build and save the deck; returns its number of slides."""
    writer = DeckWriter(briefing, template)
    writer.build()
    writer.write(out)
    return len(writer.prs.slides)
