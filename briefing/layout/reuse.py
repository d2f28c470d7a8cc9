"""Slides kept between runs: a district's slides are laid out again only when what they
show has changed.

Why: an analyst's folder grows by a few reports a week, and a deck of hundreds of slides
spends most of its time measuring, fitting and writing text that is as it was. A
district's slides depend only on its meetings as the deck shows them, the template, the
fonts that measure them and briefing's own code; their XML and their notes page are kept
in the result store under a key of all of these, the footer's slide number left as a
mark. A later deck takes them as they are and numbers them where they now fall; the
pages of a table (the sources) are kept one by one. A slide with a picture (a logo) is
not kept: its image belongs to the deck that made it; links to addresses are kept.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.opc.package import Part
from pptx.opc.packuri import PackURI

from ..store import code_fingerprint, key_of

if TYPE_CHECKING:
    from ..store import ResultStore
    from ..template import Template
    from .text import Fonts

STAGE = "slides"
# Where the footer's "n / total" stands in a kept slide: a private-use character, which
# no report or template text holds (checked: a slide holding it twice is not kept).
NUMBER_MARK = "\ue000"
_PICTURE_ATTRIBUTES = ("r:embed=", "r:link=", "r:pict=")


class KeptPart(Part):
    """A slide or notes page written as it was kept; a slide's number is put in on writing."""

    def __init__(self, partname: PackURI, content_type: str, package: Any, xml: str) -> None:
        super().__init__(partname, content_type, package)
        self._xml = xml
        self.number = ""

    @property
    def blob(self) -> bytes:
        return self._xml.replace(NUMBER_MARK, self.number).encode("utf-8")


def _file_hash(path: Path | None) -> str:
    if path is None:
        return ""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def deck_salt(template: Template, fonts: tuple[Fonts, ...]) -> str:
    """Everything besides a district's own content that shapes its slides' XML."""
    faces = [[m.latin.key, m.east_asian.key] for f in fonts for m in (f.measurer(), f.measurer(bold=True))]
    return key_of(code_fingerprint(), template.data, _file_hash(template.base), _file_hash(template.logo),
                  _file_hash(template.latin_font_file), faces)


class SlideShelf:
    """The kept slides of one deck's run: looked up by key, new ones put back once the
    deck's footers are drawn. A page is its slide's XML, its notes page's XML and the
    addresses its links go to, in the order of their relationship ids."""

    def __init__(self, store: ResultStore, salt: str) -> None:
        self.store = store
        self.salt = salt
        self.reused = 0  # slides taken as kept, for the benchmark and the tests
        # Written in one transaction at the end: a commit per slide would wait on the disk.
        self._used: list[str] = []
        self._new: list[tuple[str, str]] = []

    def key(self, *content: Any) -> str:
        return key_of(self.salt, *content)

    def get(self, key: str) -> list[KeptPage] | None:
        text = self.store.get_many(STAGE, [key]).get(key)
        if text is None:
            return None
        try:
            pages = json.loads(text)
        except ValueError:
            return None  # damaged: made again and written over
        if not (isinstance(pages, list) and pages and all(_is_page(p) for p in pages)):
            return None
        self._used.append(key)
        return [KeptPage(slide, notes, list(links)) for slide, notes, links in pages]

    def put(self, key: str, pages: list[KeptPage]) -> None:
        self._new.append((key, json.dumps([[p.slide, p.notes, p.links] for p in pages], ensure_ascii=False)))

    def flush(self) -> None:
        """Mark the slides taken as used and store the new ones."""
        self.store.touch(STAGE, self._used)
        self.store.put_many(STAGE, self._new)
        self._used, self._new = [], []


@dataclass
class KeptPage:
    slide: str
    notes: str
    links: list[str]


def _is_page(value: Any) -> bool:
    return (isinstance(value, list) and len(value) == 3 and isinstance(value[0], str) and isinstance(value[1], str)
            and value[0].count(NUMBER_MARK) == 1 and isinstance(value[2], list)
            and all(isinstance(x, str) for x in value[2]))


def page_of(slide_part: Any) -> KeptPage | None:
    """What to keep of a slide made this run (its number already marked), or None where it
    cannot be kept: its relationships must be its layout, then links to addresses, then
    its notes page, as the deck makes them; no picture, no mark but the number's."""
    rels = sorted(slide_part.rels.items(), key=lambda item: int(item[0][3:]) if item[0][3:].isdigit() else 0)
    if [r_id for r_id, _ in rels] != [f"rId{i + 1}" for i in range(len(rels))] or len(rels) < 2:
        return None
    (_, layout), *links, (_, notes) = rels
    if layout.reltype != RT.SLIDE_LAYOUT or notes.reltype != RT.NOTES_SLIDE or not all(
            rel.is_external and rel.reltype == RT.HYPERLINK for _, rel in links):
        return None
    slide_xml = slide_part.blob.decode("utf-8")
    notes_xml = notes.target_part.blob.decode("utf-8")
    if slide_xml.count(NUMBER_MARK) != 1 or NUMBER_MARK in notes_xml or any(
            a in slide_xml or a in notes_xml for a in _PICTURE_ATTRIBUTES) or "r:id=" in notes_xml:
        return None
    return KeptPage(slide_xml, notes_xml, [rel.target_ref for _, rel in links])
