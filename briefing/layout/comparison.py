"""Across districts: the comparison table (meetings, themes, distinctive terms, figures)
and theme emphasis as a native, editable chart; the overview table of every meeting."""

from __future__ import annotations

from typing import TYPE_CHECKING

from lxml import etree
from pptx.dml.color import RGBColor
from pptx.oxml.ns import qn
from pptx.util import Pt

from ..model import MeetingKind
from ..template import Template
from .colors import mix
from .district import CONTINUED
from .shapes import recount_ids
from .summary import count_label, summary_slide
from .tables import table_slides
from .text import Fonts

if TYPE_CHECKING:
    from .deck import DeckWriter

COMPARISON_MEETINGS = 3  # meetings listed per district on the comparison slide, newest first


def comparison_slides(w: DeckWriter) -> None:
    if len(w.briefing.districts) == 1:
        # Nothing to compare: the district's summary stands in (once, if the deck has none).
        if "summary" not in w.t["slides"]:
            summary_slide(w)
        return
    header = [w.s(h) for h in ("区", "会议与日期", "关注主题", "特色关键词", "关键数字")]
    rows = []
    for row in w.briefing.districts:
        listed = [f"{m.name if m.kind is not MeetingKind.ARTICLE else '文章'}（{m.date.short_label}）"
                  for m in row.meetings[:COMPARISON_MEETINGS]]
        if len(row.meetings) > COMPARISON_MEETINGS:  # what is not listed, counted: the cell adds up
            listed.append(f"…另 {count_label(row.meetings[COMPARISON_MEETINGS:])}")
        themes = "、".join(f"{name} {share:.0%}" for name, share in row.themes[:3]) or "—"
        figures = "\n".join(f.label for f in row.figures) or "—"
        rows.append([w.s(x) for x in (row.district, "\n".join(listed), themes,
                                         "、".join(row.keywords[:5]) or "—", figures)])

    def notes(page: list[int]) -> list[str]:
        lines = [w.s("主题占比：各区报道中模板主题词出现次数的占比。"
                        "特色关键词：各区用词与其他各区相比的加权对数优势比（Monroe 等，2008；z ≥ 1.96）；"
                        "无显著词的区列其 TF-IDF 高权重词。")]
        for j in page:
            row = w.briefing.districts[j]
            for term in row.distinctive:
                where = f"：{term.source.sentence}（{term.source.path.name}）" if term.source else ""
                lines.append(w.s(f"{row.district} 特色词“{term.term}”"
                                    f"（z = {term.z:.2f}，{term.count} 次）{where}"))
            for fig in row.figures:
                lines.append(w.s(f"{row.district} {fig.label}：{fig.source.sentence}"
                                    f"（{fig.source.path.name}）"))
        return lines

    table_slides(w, w.s("各区比较"), header, rows, notes)
    if w.briefing.theme_names and any(row.themes for row in w.briefing.districts):
        theme_chart_slides(w)

def theme_chart_slides(w: DeckWriter) -> None:
    """Theme emphasis per district as a native, editable chart (a 100 % stacked bar per
    district): a reader can click it in PowerPoint, WPS or LibreOffice, edit its data,
    restyle it or paste it into a report. Eight districts a slide, so bars stay legible."""
    from pptx.chart.data import CategoryChartData
    from pptx.enum.chart import XL_CHART_TYPE, XL_LEGEND_POSITION

    g, t = w.geo, w.t
    themes = w.briefing.theme_names
    rows = [row for row in w.briefing.districts if row.themes]
    palette = theme_palette(t, len(themes))
    for i in range(0, len(rows), CHART_DISTRICTS):
        page = rows[i:i + CHART_DISTRICTS]
        data = CategoryChartData(number_format="0%")
        data.categories = [w.s(row.district) for row in reversed(page)]  # bars read top-down
        for theme in themes:
            data.add_series(w.s(theme), [dict(row.themes).get(theme, 0.0) for row in reversed(page)])
        slide = w.new_slide()
        w.slide_title(slide, w.s("主题强度对比") + (w.s(CONTINUED) if i else ""))
        frame = slide.shapes.add_chart(XL_CHART_TYPE.BAR_STACKED_100, Pt(g.margin), Pt(g.body_top),
                                       Pt(g.content_width), Pt(g.body_height), data)
        recount_ids(slide)
        frame.name = "Theme chart"
        chart = frame.chart
        chart.has_legend = True
        chart.legend.position = XL_LEGEND_POSITION.BOTTOM
        chart.legend.include_in_layout = False
        style_chart_text(chart, w.fonts, w.body_range[0], t.color("text"))
        chart.value_axis.has_major_gridlines = False
        chart.value_axis.tick_labels.number_format = "0%"
        chart.value_axis.tick_labels.number_format_is_linked = False
        for series, color in zip(chart.plots[0].series, palette, strict=False):
            series.format.fill.solid()
            series.format.fill.fore_color.rgb = RGBColor.from_string(color)
        w.notes(slide, [w.s("各区报道中模板主题词（themes）出现次数的占比；"
                                  "图表可在 PowerPoint、WPS、LibreOffice 中直接编辑数据与样式。")]
                   + [w.s(f"{row.district}：" + "、".join(f"{n} {v:.0%}" for n, v in row.themes))
                      for row in page])


def overview_slides(w: DeckWriter) -> None:
    header = [w.s(h) for h in ("区", "会议", "类型", "日期", "主持/出席领导")]
    rows = []
    for row in w.briefing.districts:
        for m in row.meetings:
            leaders = "、".join(leader.name for leader in m.leaders[:4]) or "—"
            rows.append([w.s(x) for x in (row.district, m.name, m.kind.value, m.date.label, leaders)])
    table_slides(w, w.s("会议一览"), header, rows,
                      lambda _page: [w.s("本期收录的全部会议，按区排列，各区内由近及远。")])


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
