"""The files the layout engine reads and writes: the base presentation (a .potx opened as
the presentation it is) and the deck, written through a temporary file and a rename so
that a failed run never leaves half a deck or loses the one it would replace."""

from __future__ import annotations

import io
import os
import re
import tempfile
import zipfile
from collections.abc import Callable
from pathlib import Path

from pptx.opc.packuri import PackURI

from ..errors import OutputError


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
