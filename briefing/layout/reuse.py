"""Slides kept between runs: a district's slides are laid out again only when what they
show has changed.

Why: an analyst's folder grows by a few reports a week, and a deck of hundreds of slides
spends most of its time measuring, fitting and writing text that is as it was. A
district's slides depend only on its meetings as the deck shows them, the template, the
fonts that measure them and briefing's own code; their XML and their notes page are kept
deflated in the result store under a key of all of these, cut where the footer's slide
number goes. A later deck takes them as they are and numbers them where they now fall; the
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
from .package import DeflatedXml

if TYPE_CHECKING:
    from ..store import ResultStore
    from ..template import Template
    from .text import Fonts

STAGE = "slides"
# Where the footer's "n / total" stands in a kept slide: a private-use character, which
# no report or template text holds (checked: a slide holding it twice is not kept).
NUMBER_MARK = "\ue000"
_PICTURE_ATTRIBUTES = (b"r:embed=", b"r:link=", b"r:pict=")


class KeptPart(Part):
    """A slide or notes page written as it was kept, deflated; a slide's number is put in on
    writing."""

    def __init__(self, partname: PackURI, content_type: str, package: Any, xml: DeflatedXml) -> None:
        super().__init__(partname, content_type, package)
        self._xml = xml
        self.number = ""

    @property
    def deflated(self) -> tuple[DeflatedXml, bytes]:
        return self._xml, self.number.encode("utf-8")

    @property
    def blob(self) -> bytes:
        return self._xml.xml(self.number.encode("utf-8"))


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
    deck's footers are drawn. A page is its slide's XML and its notes page's, deflated
    (package.DeflatedXml), and the addresses its links go to, in the order of their
    relationship ids."""

    def __init__(self, store: ResultStore, salt: str) -> None:
        self.store = store
        self.salt = salt
        self.reused = 0  # slides taken as kept, for the benchmark and the tests
        # Written in one transaction at the end: a commit per slide would wait on the disk.
        self._used: list[str] = []
        self._new: list[tuple[str, bytes]] = []

    def key(self, *content: Any) -> str:
        return key_of(self.salt, *content)

    def get(self, key: str) -> list[KeptPage] | None:
        value = self.store.get_many(STAGE, [key], binary=True).get(key)
        pages = _pages_of(value) if value is not None else None
        if pages is None:
            return None  # damaged: made again and written over
        self._used.append(key)
        return pages

    def put(self, key: str, pages: list[KeptPage]) -> None:
        self._new.append((key, _bytes_of(pages)))

    def flush(self) -> None:
        """Mark the slides taken as used and store the new ones."""
        self.store.touch(STAGE, self._used)
        self.store.put_many(STAGE, self._new)
        self._used, self._new = [], []


@dataclass
class KeptPage:
    slide: DeflatedXml  # its tail begins where the slide's number goes
    notes: DeflatedXml
    links: list[str]


def _bytes_of(pages: list[KeptPage]) -> bytes:
    """Pages as stored: a line of JSON (a hash of what follows, then each piece's length,
    CRC-32, size and tail, and the links), then the deflated heads one after another."""
    heads = b"".join(piece.head for page in pages for piece in (page.slide, page.notes))
    index = [[[len(p.head), p.head_crc, p.head_size, p.tail.decode("utf-8")] for p in (page.slide, page.notes)]
             + [page.links] for page in pages]
    line = json.dumps([hashlib.sha256(heads).hexdigest(), index], ensure_ascii=False)
    return line.encode("utf-8") + b"\n" + heads


def _pages_of(value: bytes) -> list[KeptPage] | None:
    """The pages of a stored value, or None where it is not one this code wrote whole."""
    line, _, heads = value.partition(b"\n")
    try:
        digest, index = json.loads(line)
    except (ValueError, UnicodeDecodeError, TypeError):
        return None
    if digest != hashlib.sha256(heads).hexdigest() or not isinstance(index, list) or not index:
        return None
    pages, at = [], 0
    for entry in index:
        if not (isinstance(entry, list) and len(entry) == 3 and isinstance(entry[2], list)
                and all(isinstance(x, str) for x in entry[2])):
            return None
        pieces = []
        for piece in entry[:2]:
            if not (isinstance(piece, list) and len(piece) == 4 and all(isinstance(n, int) for n in piece[:3])
                    and isinstance(piece[3], str)):
                return None
            length, crc, size, tail = piece
            pieces.append(DeflatedXml(heads[at:at + length], crc, size, tail.encode("utf-8")))
            at += length
        pages.append(KeptPage(pieces[0], pieces[1], list(entry[2])))
    return pages if at == len(heads) else None


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
    slide_xml = slide_part.blob
    notes_xml = notes.target_part.blob
    mark = NUMBER_MARK.encode("utf-8")
    if slide_xml.count(mark) != 1 or mark in notes_xml or any(
            a in slide_xml or a in notes_xml for a in _PICTURE_ATTRIBUTES) or b"r:id=" in notes_xml:
        return None
    head, _, tail = slide_xml.partition(mark)
    return KeptPage(DeflatedXml.of(head, tail), DeflatedXml.of(notes_xml), [rel.target_ref for _, rel in links])
