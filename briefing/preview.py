"""Render a deck to PNG pages through LibreOffice, to look at it without PowerPoint."""

from __future__ import annotations

import glob
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

from .errors import BriefingError, InputError, OutputError

_DRAWING = "http://schemas.openxmlformats.org/drawingml/2006/main"


def find_soffice() -> str:
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return found
    raise BriefingError("LibreOffice (soffice) is not installed; install libreoffice-impress to render or "
                        "export PDF")


def deck_to_pdf(deck: Path, folder: Path, timeout: int = 180) -> Path:
    """Convert with a private LibreOffice profile, so a running instance does not interfere."""
    if not deck.is_file():
        raise InputError("no such deck", deck)
    soffice = find_soffice()
    with tempfile.TemporaryDirectory(prefix="briefing-lo-") as profile:
        cmd = [soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
               "--outdir", str(folder), str(deck)]
        try:
            done = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, check=False)
        except subprocess.TimeoutExpired:
            raise BriefingError(f"LibreOffice took longer than {timeout}s to convert", deck) from None
    pdf = folder / (deck.stem + ".pdf")
    if done.returncode != 0 or not pdf.is_file():
        raise BriefingError(f"LibreOffice could not convert the deck ({done.stderr.strip()[:200]})", deck)
    return pdf


def _page_pngs(out: Path, stem: str) -> list[Path]:
    """The pages pdftoppm wrote for ``stem``: ``stem-1.png``, ``stem-01.png``, …"""
    return sorted(p for p in out.glob(f"{glob.escape(stem)}-*.png") if re.fullmatch(r"\d+", p.stem[len(stem) + 1:]))


def find_renderers() -> tuple[str, str]:
    """LibreOffice and pdftoppm, or an error naming the one that is missing."""
    pdftoppm = shutil.which("pdftoppm")
    if pdftoppm is None:
        raise BriefingError("pdftoppm is not installed; install poppler-utils")
    return find_soffice(), pdftoppm


def render_pngs(deck: Path, out: Path, dpi: int = 80) -> list[Path]:
    """Render every slide of ``deck`` to ``out/STEM-N.png``, replacing the pages of an
    earlier rendering of the same deck (a shorter deck leaves no stale pages behind)."""
    _soffice, pdftoppm = find_renderers()
    if out.exists() and not out.is_dir():
        raise OutputError("output path is a file, expected a folder", out)
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="briefing-pdf-") as tmp:
        pdf = deck_to_pdf(deck, Path(tmp))
        for old in _page_pngs(out, deck.stem):
            old.unlink()
        subprocess.run([pdftoppm, "-png", "-r", str(dpi), str(pdf), str(out / deck.stem)], check=True,
                       capture_output=True, timeout=300)
    return _page_pngs(out, deck.stem)


def deck_font_warnings(deck: Path) -> list[str]:
    """One line per face the deck names that this machine does not have."""
    import zipfile

    from lxml import etree

    from .layout.fonts import FaceRequest, substitution_warnings

    if not deck.is_file():
        raise InputError("no such deck", deck)
    named: dict[tuple[str, bool], None] = {}
    try:
        with zipfile.ZipFile(deck) as package:
            for name in package.namelist():
                if not re.fullmatch(r"ppt/(slides|slideLayouts|slideMasters)/[^/]+\.xml", name):
                    continue
                root = etree.fromstring(package.read(name))
                for element in root.iter(f"{{{_DRAWING}}}latin", f"{{{_DRAWING}}}ea"):
                    face = element.get("typeface", "")
                    if face and not face.startswith("+"):  # "+mn-lt": the theme's font, not a name
                        named[(face, element.tag.endswith("}ea"))] = None
    except (zipfile.BadZipFile, etree.XMLSyntaxError, KeyError) as exc:
        raise InputError(f"not a PowerPoint deck ({type(exc).__name__})", deck) from None
    return substitution_warnings((f"named in {deck.name}", FaceRequest(face, east_asian=ea)) for face, ea in named)


def export_pdf(deck: Path, pdf: Path) -> Path:
    """Write ``deck`` as ``pdf`` through LibreOffice; a failed conversion leaves any earlier
    PDF in place (converted in a private folder, then moved)."""
    import os

    with tempfile.TemporaryDirectory(prefix="briefing-pdf-", dir=pdf.parent) as tmp:
        made = deck_to_pdf(deck, Path(tmp))
        try:
            os.replace(made, pdf)
        except OSError as exc:
            raise OutputError(f"cannot write PDF ({exc.strerror or exc})", pdf) from None
    return pdf
