"""The deck's package written to its zip file.

Why not ``Presentation.save``: python-pptx builds every part's relationships as an
element tree, finds each target's relative path with ``os.path.relpath`` and deflates at
zlib's default level. A deck of hundreds of slides has two relationship files per slide
and most of its bytes in slide XML, so that was a third of the time spent writing it.
Here the relationship files are written as text (their schema is four attributes), and
the parts are deflated at level 1: a tenth larger, half the time.
"""

from __future__ import annotations

import posixpath
import zipfile
from xml.sax.saxutils import quoteattr

from pptx.opc.oxml import serialize_part_xml
from pptx.opc.packuri import CONTENT_TYPES_URI, PACKAGE_URI
from pptx.opc.serialized import _ContentTypesItem

COMPRESS_LEVEL = 1
_RELS_HEAD = ('<?xml version=\'1.0\' encoding=\'UTF-8\' standalone=\'yes\'?>\n'
              '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">')


def save_package(prs, path: str) -> None:  # type: ignore[no-untyped-def]
    """Write ``prs`` (a python-pptx Presentation) to ``path`` as a .pptx file."""
    package = prs.part.package
    parts = tuple(package.iter_parts())
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=COMPRESS_LEVEL,
                         strict_timestamps=False) as archive:
        archive.writestr(CONTENT_TYPES_URI.membername, serialize_part_xml(_ContentTypesItem.xml_for(parts)))
        archive.writestr(PACKAGE_URI.rels_uri.membername, rels_xml(package._rels, PACKAGE_URI.baseURI))
        for part in parts:
            archive.writestr(part.partname.membername, part.blob)
            if part._rels:
                archive.writestr(part.partname.rels_uri.membername, rels_xml(part.rels, part.partname.baseURI))


def rels_xml(rels, base_uri: str) -> bytes:  # type: ignore[no-untyped-def]
    """A .rels file of ``rels`` (python-pptx's ``_Relationships``), in rId order as
    python-pptx writes it; internal targets relative to ``base_uri``."""
    def order(r_id: str) -> tuple[int, str]:
        return (int(r_id[3:]) if r_id.startswith("rId") and r_id[3:].isdigit() else 0, r_id)

    lines = [_RELS_HEAD]
    for r_id in sorted(rels.keys(), key=order):
        rel = rels[r_id]
        if rel.is_external:
            target, mode = rel.target_ref, ' TargetMode="External"'
        else:
            target, mode = _relative(str(rel.target_part.partname), base_uri), ""
        lines.append(f"<Relationship Id={quoteattr(r_id)} Type={quoteattr(rel.reltype)} "
                     f"Target={quoteattr(target)}{mode}/>")
    lines.append("</Relationships>")
    return "".join(lines).encode("utf-8")


_relative_cache: dict[tuple[str, str], str] = {}


def _relative(partname: str, base_uri: str) -> str:
    """``partname`` relative to the folder ``base_uri`` (as PackURI.relative_ref): most
    slides share their base and their targets' folders, so each pair of folders is
    worked out once."""
    if base_uri == "/":
        return partname[1:]
    folder, name = partname.rsplit("/", 1)
    key = (folder or "/", base_uri)
    if key not in _relative_cache:
        _relative_cache[key] = posixpath.relpath(key[0], base_uri)
    prefix = _relative_cache[key]
    return name if prefix == "." else f"{prefix}/{name}"
