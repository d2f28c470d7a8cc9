"""Slides and speaker-notes pages added to the package as parts, copied from the first one
python-pptx made.

Why: python-pptx's ``add_slide`` and ``notes_slide`` clone the layout's and the notes
master's placeholders through XPath, scan every relationship of the presentation for a
duplicate and every slide id for the next free one, so a deck of hundreds of slides was
quadratic. Every content slide of a deck starts the same (the layout's title
placeholder, the background), as does every notes page: the first is made by
python-pptx, the rest are copies of it, related and numbered by counters.
"""

from __future__ import annotations

import re

from lxml import etree
from pptx.opc.constants import CONTENT_TYPE as CT
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.opc.packuri import PackURI
from pptx.oxml.ns import qn
from pptx.parts.slide import NotesSlidePart, SlidePart

from .reuse import KeptPage, KeptPart
from .shapes import copy_element

P_SLD_ID, R_ID, P_SP, P_NV_SP_PR, P_NV_PR, P_PH, P_TX_BODY = (
    qn(t) for t in ("p:sldId", "r:id", "p:sp", "p:nvSpPr", "p:nvPr", "p:ph", "p:txBody"))


NOTES_PARTNAME = "/ppt/notesSlides/notesSlide%d.xml"


def _number_of(partname: str) -> int:
    """17 of /ppt/notesSlides/notesSlide17.xml."""
    return int(re.search(r"(\d+)\.xml$", str(partname)).group(1))  # type: ignore[union-attr]


class PartFactory:
    """Makes the slides of one presentation on one layout, and their notes pages."""

    def __init__(self, prs, layout, prepare) -> None:  # type: ignore[no-untyped-def]
        self.prs = prs
        self.layout = layout
        self.prepare = prepare  # what every new slide gets before it is copied (placeholders, background)
        self._slide_prototype = None
        self._notes_prototype = None
        self._next_slide_id = 0
        self._next_notes = 0  # the number of the next notes page's part name

    def _slide_id(self) -> int:
        slide_ids = self.prs.slides._sldIdLst
        if not self._next_slide_id:
            self._next_slide_id = max([255, *(int(s.get("id")) for s in slide_ids)]) + 1
        self._next_slide_id += 1
        return self._next_slide_id - 1

    def _notes_partname(self, package) -> PackURI:  # type: ignore[no-untyped-def]
        if not self._next_notes:  # found once by a scan of the package, then counted
            self._next_notes = _number_of(package.next_partname(NOTES_PARTNAME))
        self._next_notes += 1
        return PackURI(f"/ppt/notesSlides/notesSlide{self._next_notes - 1}.xml")

    def new_slide(self):  # type: ignore[no-untyped-def]
        if self._slide_prototype is None:
            slide = self.prs.slides.add_slide(self.layout)
            self.prepare(slide)
            self._slide_prototype = copy_element(slide._element)
            return slide
        pres_part = self.prs.part
        package = pres_part.package
        slide_ids = self.prs.slides._sldIdLst
        count = len(slide_ids)
        part = SlidePart(PackURI(f"/ppt/slides/slide{count + 1}.xml"), CT.PML_SLIDE, package,
                         copy_element(self._slide_prototype))
        part.rels._add_relationship(RT.SLIDE_LAYOUT, self.layout.part)
        r_id = pres_part.rels._add_relationship(RT.SLIDE, part)
        etree.SubElement(slide_ids, P_SLD_ID, id=str(self._slide_id())).set(R_ID, r_id)
        return part.slide

    def kept_slide(self, page: KeptPage) -> KeptPart:
        """A slide kept from an earlier run and its notes page, related as the deck relates
        them (slide → layout, its links, notes; notes → notes master, slide)."""
        pres_part = self.prs.part
        package = pres_part.package
        slide_ids = self.prs.slides._sldIdLst
        slide = KeptPart(PackURI(f"/ppt/slides/slide{len(slide_ids) + 1}.xml"), CT.PML_SLIDE, package, page.slide)
        slide.rels._add_relationship(RT.SLIDE_LAYOUT, self.layout.part)
        for address in page.links:
            slide.rels._add_relationship(RT.HYPERLINK, address, is_external=True)
        notes = KeptPart(self._notes_partname(package), CT.PML_NOTES_SLIDE, package, page.notes)
        notes.rels._add_relationship(RT.NOTES_MASTER, pres_part.notes_master_part)
        notes.rels._add_relationship(RT.SLIDE, slide)
        slide.rels._add_relationship(RT.NOTES_SLIDE, notes)
        r_id = pres_part.rels._add_relationship(RT.SLIDE, slide)
        etree.SubElement(slide_ids, P_SLD_ID, id=str(self._slide_id())).set(R_ID, r_id)
        return slide

    def notes_body(self, slide):  # type: ignore[no-untyped-def]
        """The ``p:txBody`` of the body placeholder of ``slide``'s new notes page, emptied;
        None where the base presentation's notes master has no body placeholder."""
        if self._notes_prototype is None:
            notes = slide.notes_slide  # python-pptx once: the notes master's placeholders
            self._next_notes = max(self._next_notes, _number_of(notes.part.partname) + 1)
            self._notes_prototype = copy_element(notes._element)
            element = notes._element
        else:
            package = slide.part.package
            master = self.prs.part.notes_master_part
            element = copy_element(self._notes_prototype)
            part = NotesSlidePart(self._notes_partname(package), CT.PML_NOTES_SLIDE, package, element)
            part.rels._add_relationship(RT.NOTES_MASTER, master)
            part.rels._add_relationship(RT.SLIDE, slide.part)
            slide.part.rels._add_relationship(RT.NOTES_SLIDE, part)
        for sp in element.iter(P_SP):
            ph = sp.find(f"{P_NV_SP_PR}/{P_NV_PR}/{P_PH}")
            if ph is not None and ph.get("type") == "body":
                tx_body = sp.find(P_TX_BODY)
                for p in tx_body.findall(qn("a:p")):
                    tx_body.remove(p)
                return tx_body
        return None
