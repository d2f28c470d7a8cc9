"""Measure and wrap text the way a slide renderer will, before placing it.

PowerPoint only autofits when a person edits a box, and python-pptx's ``fit_text``
cannot wrap Chinese, so the engine measures text itself: Han characters and
full-width punctuation are one em wide in CJK fonts; Latin letters and digits take
their advance widths from the Latin font's file when it is found (through fontconfig,
as LibreOffice finds it) and a safe over-estimate when not. Lines break between any
two Han characters, never before closing punctuation and never after opening
punctuation (kinsoku), and Latin words and numbers stay whole.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path

NO_LINE_START = set("。，、；：？！”’）》」』】〕…—·%‰,.;:?!)]}")
NO_LINE_END = set("“‘（《「『【〔([{")
# Renderers differ by a few per cent in where they break; keep that much in hand.
SAFETY = 0.96

_ATOM_RE = re.compile(r"[A-Za-z0-9][A-Za-z0-9.,%+\-/:]*|\s+|.", re.DOTALL)


def _fallback_advance(ch: str) -> float:
    """Generous Latin widths (in em) for when no font file is found."""
    if ch.isdigit():
        return 0.58
    if ch.isupper():
        return 0.74
    if ch.islower():
        return 0.6
    if ch == " ":
        return 0.33
    return 0.45


@cache
def _font_file(family: str) -> Path | None:
    """The file fontconfig would render ``family`` with (a metric-compatible substitute)."""
    if not shutil.which("fc-match"):
        return None
    try:
        out = subprocess.run(
            ["fc-match", "-f", "%{file}", family], capture_output=True, text=True, timeout=5, check=False
        ).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return None
    path = Path(out)
    return path if out and path.is_file() else None


@cache
def latin_advances(family: str, font_file: str = "") -> dict[str, float] | None:
    """Advance widths in em for printable ASCII, read from the font file with fontTools.

    ``font_file`` (from the template) wins over the file fontconfig names for ``family``.
    """
    path = Path(font_file) if font_file else _font_file(family)
    if path is None:
        return None
    try:
        from fontTools.ttLib import TTCollection, TTFont

        font = TTCollection(str(path)).fonts[0] if path.suffix.lower() == ".ttc" else TTFont(str(path), lazy=True)
        cmap = font.getBestCmap()
        hmtx = font["hmtx"]
        upem = font["head"].unitsPerEm
        widths = {}
        for code in range(0x20, 0x7F):
            glyph = cmap.get(code)
            if glyph is not None:
                widths[chr(code)] = hmtx[glyph][0] / upem
        return widths or None
    except Exception:  # a broken or unreadable font file: fall back to the estimate
        return None


def is_wide(ch: str) -> bool:
    return unicodedata.east_asian_width(ch) in ("W", "F") or ch in "“”‘’…—·"


def _advance(family: str, font_file: str, ch: str) -> float:
    if is_wide(ch):
        return 1.0
    widths = latin_advances(family, font_file)
    if widths and ch in widths:
        return max(widths[ch], 0.9 * _fallback_advance(ch))
    return _fallback_advance(ch) if ch.isascii() else 1.0


@cache
def _advance_table(family: str, font_file: str) -> dict[str, float]:
    """Per-family memo of character advances: measuring is the layout engine's hot path."""
    return {}


@dataclass(frozen=True)
class TextMeasurer:
    """Widths in em for one Latin family; Han is always one em."""

    latin_family: str
    font_file: str = ""  # a .ttf/.otf/.ttc to measure Latin text with, instead of fontconfig's pick

    def advance(self, ch: str) -> float:
        table = _advance_table(self.latin_family, self.font_file)
        width = table.get(ch)
        if width is None:
            width = table[ch] = _advance(self.latin_family, self.font_file, ch)
        return width

    def width(self, text: str) -> float:
        table = _advance_table(self.latin_family, self.font_file)
        total = 0.0
        for ch in text:
            width = table.get(ch)
            if width is None:
                width = table[ch] = _advance(self.latin_family, self.font_file, ch)
            total += width
        return total

    def wrap(self, text: str, width_em: float) -> list[str]:
        """Break ``text`` into lines no wider than ``width_em``, with kinsoku."""
        limit = width_em * SAFETY
        lines: list[str] = []
        for hard_line in text.split("\n"):
            lines.extend(self._wrap_line(hard_line, limit))
        return lines

    def _wrap_line(self, text: str, limit: float) -> list[str]:
        atoms = _ATOM_RE.findall(text)
        lines: list[list[str]] = []
        current: list[str] = []
        used = 0.0
        for atom in atoms:
            w = self.width(atom)
            if current and used + w > limit and not atom.isspace():
                carry: list[str] = []
                # Kinsoku: closing marks may not start a line, opening marks may not end one.
                while len(current) > 1 and (
                    (carry[0] if carry else atom)[0] in NO_LINE_START or current[-1][-1] in NO_LINE_END
                ):
                    carry.insert(0, current.pop())
                lines.append(current)
                current = [a for a in carry if not (a.isspace() and not current)]
                used = sum(self.width(a) for a in current)
            if w > limit and not atom.isspace():
                # A word longer than the line is cut by character, as renderers do.
                for ch in atom:
                    cw = self.advance(ch)
                    if current and used + cw > limit:
                        lines.append(current)
                        current, used = [], 0.0
                    current.append(ch)
                    used += cw
                continue
            if atom.isspace() and not current:
                continue
            current.append(atom)
            used += w
        if current or not lines:
            lines.append(current)
        return ["".join(line).rstrip() for line in lines]
