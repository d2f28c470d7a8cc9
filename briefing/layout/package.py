"""The deck's package written to its zip file.

Why not ``Presentation.save``: python-pptx builds every part's relationships as an
element tree, finds each target's relative path with ``os.path.relpath`` and deflates at
zlib's default level. A deck of hundreds of slides has two relationship files per slide
and most of its bytes in slide XML, so that was a third of the time spent writing it.
Here the relationship files are written as text (their schema is four attributes), and
the parts are deflated at level 1: a tenth larger, half the time.

Why a zip writer of our own: a slide kept from an earlier run (reuse.py) is kept
deflated, and ``zipfile`` can only write what it deflates itself. A kept slide's XML is
deflated in two pieces: everything before its slide number, ended by a full flush (so
that another deflate stream may follow it), and the rest, deflated as the deck is
written. The zip entries are plain deflated members (no data descriptors, no zip64): a
package too large for that is written with ``zipfile``, kept pieces inflated.
"""

from __future__ import annotations

import posixpath
import struct
import time
import zipfile
import zlib
from dataclasses import dataclass
from typing import BinaryIO
from xml.sax.saxutils import quoteattr

from pptx.opc.oxml import serialize_part_xml
from pptx.opc.packuri import CONTENT_TYPES_URI, PACKAGE_URI
from pptx.opc.serialized import _ContentTypesItem

COMPRESS_LEVEL = 1
_RELS_HEAD = ('<?xml version=\'1.0\' encoding=\'UTF-8\' standalone=\'yes\'?>\n'
              '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">')
# The classic zip format's limits: more members or bytes need zip64 (written by zipfile).
_MAX_MEMBERS = 0xFFFF - 1
_MAX_BYTES = 0xFFFFFFFF - 1


def _deflater():  # type: ignore[no-untyped-def]
    return zlib.compressobj(COMPRESS_LEVEL, zlib.DEFLATED, -zlib.MAX_WBITS)


@dataclass(frozen=True)
class DeflatedXml:
    """A part's XML as a deflated head and a tail: the head (``head_size`` bytes of XML,
    their CRC-32 ``head_crc``) ends on a full flush; the tail, with whatever is put before
    it (a slide's number), is deflated when the part is written."""

    head: bytes
    head_crc: int
    head_size: int
    tail: bytes

    @classmethod
    def of(cls, head: bytes, tail: bytes = b"") -> DeflatedXml:
        deflater = _deflater()
        return cls(deflater.compress(head) + deflater.flush(zlib.Z_FULL_FLUSH), zlib.crc32(head), len(head), tail)

    def member(self, inserted: bytes = b"") -> tuple[bytes, int, int]:
        """The deflated member with ``inserted`` between head and tail: (data, CRC-32, size)."""
        rest = inserted + self.tail
        deflater = _deflater()
        return (self.head + deflater.compress(rest) + deflater.flush(), zlib.crc32(rest, self.head_crc),
                self.head_size + len(rest))

    def xml(self, inserted: bytes = b"") -> bytes:
        """The whole XML, inflated again (a package written by ``zipfile``, a reader in memory)."""
        return zlib.decompressobj(-zlib.MAX_WBITS).decompress(self.head) + inserted + self.tail


def save_package(prs, path: str, deflated: dict[int, tuple[DeflatedXml, bytes]] | None = None) -> None:  # type: ignore[no-untyped-def]
    """Write ``prs`` (a python-pptx Presentation) to ``path`` as a .pptx file.

    ``deflated``: part's id → its XML deflated ahead and what goes between head and tail;
    parts that are a :class:`KeptPart` (reuse.py) give their own."""
    package = prs.part.package
    parts = tuple(package.iter_parts())
    members: list[tuple[str, bytes | tuple[DeflatedXml, bytes]]] = [
        (CONTENT_TYPES_URI.membername, serialize_part_xml(_ContentTypesItem.xml_for(parts))),
        (PACKAGE_URI.rels_uri.membername, rels_xml(package._rels, PACKAGE_URI.baseURI)),
    ]
    deflated = deflated or {}
    for part in parts:
        ready = getattr(part, "deflated", None) or deflated.get(id(part))
        members.append((part.partname.membername, ready if ready is not None else part.blob))
        if part._rels:
            members.append((part.partname.rels_uri.membername, rels_xml(part.rels, part.partname.baseURI)))
    if len(members) > _MAX_MEMBERS:
        _write_with_zipfile(path, members)
        return
    with open(path, "wb") as out:
        if not _write_members(out, members):
            out.close()
            _write_with_zipfile(path, members)


def _write_with_zipfile(path: str, members: list[tuple[str, bytes | tuple[DeflatedXml, bytes]]]) -> None:
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=COMPRESS_LEVEL,
                         strict_timestamps=False, allowZip64=True) as archive:
        for name, content in members:
            archive.writestr(name, content if isinstance(content, bytes) else content[0].xml(content[1]))


def _dos_time() -> tuple[int, int]:
    t = time.localtime()
    return ((t.tm_hour << 11) | (t.tm_min << 5) | (t.tm_sec // 2),
            ((max(t.tm_year, 1980) - 1980) << 9) | (t.tm_mon << 5) | t.tm_mday)


def _write_members(out: BinaryIO, members: list[tuple[str, bytes | tuple[DeflatedXml, bytes]]]) -> bool:
    """Members as a zip archive of deflated entries; False where it would pass the classic
    format's 4 GB (the caller writes it again with zipfile)."""
    mod_time, mod_date = _dos_time()
    directory = []
    offset = 0
    for name, content in members:
        if isinstance(content, bytes):
            deflater = _deflater()
            data, crc, size = deflater.compress(content) + deflater.flush(), zlib.crc32(content), len(content)
        else:
            data, crc, size = content[0].member(content[1])
        flags = 0 if name.isascii() else 0x800  # bit 11: the name is UTF-8
        encoded = name.encode("utf-8")
        header = struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, flags, 8, mod_time, mod_date, crc, len(data), size,
                             len(encoded), 0)
        out.write(header)
        out.write(encoded)
        out.write(data)
        directory.append(struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, flags, 8, mod_time, mod_date, crc,
                                     len(data), size, len(encoded), 0, 0, 0, 0, 0, offset) + encoded)
        offset += len(header) + len(encoded) + len(data)
        if offset > _MAX_BYTES or size > _MAX_BYTES:
            return False
    central = b"".join(directory)
    if offset + len(central) > _MAX_BYTES:
        return False
    out.write(central)
    out.write(struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(directory), len(directory), len(central), offset, 0))
    return True


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
