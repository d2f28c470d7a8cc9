"""要情概览: the deck's one-slide summary, in a few lines built from extracted facts, each
with its evidence in the notes; it reads for one district as for sixteen."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..lexicon import UNKNOWN_DISTRICT
from ..model import Briefing, Meeting, MeetingKind
from .text import Para, add_text_box, fit_size

if TYPE_CHECKING:
    from .deck import DeckWriter


def summary_slide(w: DeckWriter) -> None:
    """要情概览: in a few lines, who met and how often, the priorities most districts share,
    what sets districts apart, and the largest figures; each line built from extracted
    facts, its evidence in the notes."""
    lines, notes = summary_lines(w.briefing)
    g = w.geo
    slide = w.new_slide()
    w.slide_title(slide, w.s("要情概览"))
    paras = [Para(w.s(text), bullet="•", space_before=0.6) for text in lines]
    size = fit_size(paras, w.fonts, g.content_width, g.body_height, *w.body_range) or w.body_range[0]
    add_text_box(slide, g.margin, g.body_top, g.content_width, g.body_height, paras, w.fonts, size,
                 w.t.color("text"), name="Body")
    w.notes(slide, [w.s(n) for n in notes])


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
            unit = division_noun([r.district for r in rows])
            lines.append("共同关注：" + "、".join(f"{t}（{n}/{len(rows)} 个{unit}）" for t, n in shared))
            notes.append(f"共同关注：各{unit}报道主题词占比前三位中出现于半数以上{unit}的主题。")
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
                     + (f" 等 {len(marked)} 个{division_noun([r.district for r in marked])}"
                        if len(marked) > len(shown) else ""))
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
    return "、".join(names[:SUMMARY_DISTRICTS - 1]) + f"等 {len(names)} 个{division_noun(names)}"


def division_noun(names: list[str]) -> str:
    """What to count the divisions as: 区, 县, 市 or 旗 where all are one, else 区县
    ("西安市·新城区" and "鄠邑区（原户县）" count as 区)."""
    levels = {name.split("·")[-1].split("（")[0][-1:] for name in names if name != UNKNOWN_DISTRICT}
    levels.discard("")
    return levels.pop() if len(levels) == 1 and levels <= set("区县市旗") else "区县"


def count_label(meetings: list[Meeting]) -> str:
    """"3 次会议", "3 次会议 · 1 篇文章": articles on no meeting are not counted as meetings."""
    articles = sum(1 for m in meetings if m.kind is MeetingKind.ARTICLE)
    held = len(meetings) - articles
    parts = ([f"{held} 次会议"] if held or not articles else []) + ([f"{articles} 篇文章"] if articles else [])
    return " · ".join(parts)
