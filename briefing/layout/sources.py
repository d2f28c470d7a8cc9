"""The sources slides: every report by its article's title, linked to its page."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .tables import table_slides

if TYPE_CHECKING:
    from .deck import DeckWriter


def sources_slides(w: DeckWriter) -> None:
    """Each source by its article's title (its file's name where it has none), linked to
    its page; the notes name the file and the address, never a path of this machine."""
    header = [w.s(h) for h in ("报道", "媒体", "发布日期", "收录会议")]
    sources = w.briefing.sources
    rows = [[w.s(e.title) if e.title else e.path.name, w.s(e.outlet or "—"),
             e.published or "—", w.s("、".join(e.meetings) or "—")] for e in sources]
    links = [[e.url, None, None, None] for e in sources]

    def notes(page: list[int]) -> list[str]:
        return [f"{w.s(sources[j].title or '')}  {sources[j].path.name}  {sources[j].url or ''}".strip()
                for j in page]

    table_slides(w, w.s("资料来源"), header, rows, notes, links=links)
