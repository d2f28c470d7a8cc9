"""A district's slides: each meeting's facts and key points, packed onto as few slides as
the template's smallest body size allows (continuing on "（续）" slides), each slide then
at the largest size at which its own text fits; the notes carry each point's source."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..model import DistrictComparison, Leader, Meeting, MeetingKind
from .summary import count_label
from .text import Para, TextBlock, add_text_box, fit_size, paras_height

if TYPE_CHECKING:
    from .deck import DeckWriter

CONTINUED = "（续）"


def _leader_line(leaders: list[Leader]) -> str:
    groups: list[tuple[str, list[str]]] = []
    for leader in leaders:
        if groups and groups[-1][0] == leader.role:
            groups[-1][1].append(leader.name)
        else:
            groups.append((leader.role, [leader.name]))
    return "；".join(f"{role} {'、'.join(names)}" for role, names in groups)

# A meeting's block as plain values: header, leaders, documents adopted, points (text,
# source sentence, file name, paragraph).
BlockFacts = tuple[str, str, tuple[str, ...], tuple[tuple[str, str, str, int], ...]]


def block_facts(meeting: Meeting) -> BlockFacts:
    """All a meeting's block shows, as plain values: a kept district's slides are looked up
    by these, without laying its blocks out (the template and the code are in the key's salt)."""
    unnamed_kinds = (MeetingKind.OTHER, MeetingKind.ARTICLE)
    bare_name = re.sub(r"[（）()]", "", meeting.name)  # 常委会（扩大）会议 names its kind
    shown_kind = meeting.kind not in unnamed_kinds and meeting.kind.value not in bare_name
    kind = f"［{meeting.kind.value}］" if shown_kind else ""
    # Documents a point already names are not listed again.
    adopted = tuple(d.title for d in meeting.documents
                    if d.adopted and not any(d.title in p.text for p in meeting.points))
    points = tuple((p.text, p.source.sentence, p.source.path.name, p.source.paragraph) for p in meeting.points)
    return f"{meeting.name}{kind}｜{meeting.date.label}", _leader_line(meeting.leaders), adopted, points


def meeting_block(w: DeckWriter, facts: BlockFacts) -> TextBlock:
    """The block of a meeting's ``block_facts``."""
    t = w.t
    header, leaders, adopted, points = facts
    paras = [Para(w.s(header), scale=1.1, bold=True, color=t.color("heading"), space_before=0.9,
                  keep_with_next=True)]
    if leaders:
        paras.append(Para(w.s("领导：" + leaders), scale=0.85,
                          color=t.color("muted"), space_before=0.2, keep_with_next=True))
    if adopted:
        paras.append(Para(w.s("审议通过：" + "".join(f"《{d}》" for d in adopted)), scale=0.85,
                          color=t.color("muted"), space_before=0.2, keep_with_next=True))
    for text, sentence, file_name, paragraph in points:
        source = w.s(f"原文：{sentence}") + f"\n  {file_name}，第 {paragraph + 1} 段"
        paras.append(Para(w.s(text), bullet="•", space_before=0.35, source=source))
    if not points:
        paras.append(Para(w.s("（报道未提供可提炼的要点）"), color=t.color("muted"), space_before=0.35))
    return TextBlock(paras)

def _pack(w: DeckWriter, blocks: list[TextBlock], width: float, height: float) -> list[list[Para]]:
    """Fill pages at the smallest size; split a block between points when it must."""
    smallest = w.body_range[0]

    def fits(paras: list[Para]) -> bool:
        return paras_height(paras, w.fonts, smallest, width) <= height

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
                pages.append([Para(first.text + w.s(CONTINUED), scale=first.scale, bold=True,
                                   color=first.color, keep_with_next=True)])
            pages[-1].append(para)
    return [p for p in pages if p]

def district_slides(w: DeckWriter, row: DistrictComparison) -> None:
    g = w.geo
    width, height = g.content_width, g.body_height
    facts = [block_facts(m) for m in row.meetings]
    dates = [m.date for m in row.meetings if m.date.year]
    span = ""
    if dates:
        lo, hi = min(d.sort_key for d in dates), max(d.sort_key for d in dates)
        span = f" · {lo[0]}" + (f"—{hi[0]}" if hi[0] != lo[0] else "")
    tag = w.s(count_label(row.meetings) + span)
    sources = sorted({p.name for m in row.meetings for p in m.sources})
    source_line = w.s("来源：") + "；".join(_source_label(w, name) for name in sources)
    # What the slides show, all of it: as it was, the slides kept from an earlier run are it.
    key = w.shelf.key("district", row.district, facts, tag, source_line) if w.shelf else ""
    if key and w.take_kept(key):
        return
    pages = _pack(w, [meeting_block(w, f) for f in facts], width, height)
    made = []
    for i, page in enumerate(pages):
        title = w.s(row.district) + (w.s(CONTINUED) if i else "")
        slide = w.new_slide(source_line)
        w.slide_title(slide, title, tag)
        size = fit_size(page, w.fonts, width, height, *w.body_range) or w.body_range[0]
        add_text_box(slide, g.margin, g.body_top, width, height, page, w.fonts, size,
                     w.t.color("text"), name="Body")
        w.notes(slide, _district_notes(w, row, page))
        made.append(slide)
    if key:
        w.keep(key, made)

def _source_label(w: DeckWriter, file_name: str) -> str:
    entry = w.source_by_name().get(file_name)
    if entry is None:
        return file_name
    bits = [b for b in (entry.outlet, entry.published) if b]
    # The file name as it is on disk; the outlet in the deck's script.
    return f"{file_name}（{w.s('，'.join(bits))}）" if bits else file_name

def _district_notes(w: DeckWriter, row: DistrictComparison, page: list[Para]) -> list[str]:
    lines = []
    for para in page:
        if para.source:
            lines.append(f"• {para.text}")
            lines.extend(f"  {line}" for line in para.source.split("\n"))
        elif para.keep_with_next and para.bold:
            lines.append(para.text)
    return lines or [w.s(f"{row.district}：本页为会议信息，无要点。")]
