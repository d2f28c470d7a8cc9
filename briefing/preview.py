"""Render a deck to PNG pages through LibreOffice, to look at it without PowerPoint."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from .errors import BriefingError, InputError, OutputError


def find_soffice() -> str:
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return found
    raise BriefingError("LibreOffice (soffice) is not installed; install libreoffice-impress")


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


def render_pngs(deck: Path, out: Path, dpi: int = 80) -> list[Path]:
    pdftoppm = shutil.which("pdftoppm")
    if pdftoppm is None:
        raise BriefingError("pdftoppm is not installed; install poppler-utils")
    if out.exists() and not out.is_dir():
        raise OutputError("output path is a file, expected a folder", out)
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="briefing-pdf-") as tmp:
        pdf = deck_to_pdf(deck, Path(tmp))
        subprocess.run([pdftoppm, "-png", "-r", str(dpi), str(pdf), str(out / deck.stem)], check=True,
                       capture_output=True, timeout=300)
    return sorted(out.glob(f"{deck.stem}*.png"))
