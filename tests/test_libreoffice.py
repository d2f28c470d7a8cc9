"""LibreOffice, the real program, opens and renders the deck."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from briefing.preview import deck_to_pdf

pytestmark = pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice not installed")


def test_libreoffice_renders_every_slide(seeds_deck: Path, seeds_prs, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    pdfplumber = pytest.importorskip("pdfplumber")
    pdf = deck_to_pdf(seeds_deck, tmp_path)
    with pdfplumber.open(pdf) as doc:
        assert len(doc.pages) == len(seeds_prs.slides)
        text = "".join(page.extract_text() or "" for page in doc.pages)
    assert "金山区" in text and "各区比较" in text
