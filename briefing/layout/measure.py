"""Measure and wrap text the way a slide renderer will, before placing it.

PowerPoint only autofits when a person edits a box, and python-pptx's ``fit_text``
cannot wrap Chinese, so the engine measures text itself, with the faces that will draw
it (see :mod:`.fonts`): Latin letters and digits with the Latin face, Han and full-width
punctuation with the East-Asian face, each in the run's weight. Quotes, dashes and
ellipses may be drawn by either face depending on the renderer, so they take the wider
of the two. A character that no face found here can draw takes a safe over-estimate.
Lines break between any two Han characters, never before closing punctuation and never
after opening punctuation (kinsoku), and Latin words and numbers stay whole.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import cache

from .fonts import NO_METRICS, FaceMetrics

NO_LINE_START = set("。，、；：？！”’）》」』】〕…—·%‰,.;:?!)]}")
NO_LINE_END = set("“‘（《「『【〔([{")
# Renderers differ by a few per cent in where they break; keep that much in hand.
SAFETY = 0.96
# Punctuation that renderers give to either script (East Asian Width "A" or neutral).
EITHER_SCRIPT = set("“”‘’…—–·•")
# LibreOffice puts a quarter em between Asian and Latin characters (its "autospace");
# PowerPoint does not. Text is measured with it, so it fits in both.
AUTOSPACE_EM = 0.26

# A Latin word as renderers keep it whole (an underscore joins, as in a file's name: too
# long for its line, it is cut by character, as LibreOffice cuts it).
_ATOM_RE = re.compile(r"[A-Za-z0-9][A-Za-z0-9.,%+\-/:_]*|\s+|.", re.DOTALL)


def estimated_advance(ch: str) -> float:
    """Generous widths (in em) for a character no font found here can draw."""
    if is_wide(ch):
        return 1.0
    if ch.isdigit():
        return 0.58
    if ch.isupper():
        return 0.74
    if ch.islower():
        return 0.6
    if ch == " ":
        return 0.33
    return 0.45 if ch.isascii() else 1.0


def is_wide(ch: str) -> bool:
    return unicodedata.east_asian_width(ch) in ("W", "F") or ch in EITHER_SCRIPT


def _advance(latin: FaceMetrics, east_asian: FaceMetrics, ch: str) -> float:
    if ch in EITHER_SCRIPT:
        widths = [w for w in (latin.advance(ch), east_asian.advance(ch)) if w is not None]
        return max(widths) if widths else estimated_advance(ch)
    if unicodedata.east_asian_width(ch) in ("W", "F"):
        width = east_asian.advance(ch)
        # Missing from the face: a CJK fallback face draws it, one em wide.
        return width if width is not None else 1.0
    width = latin.advance(ch)
    return width if width is not None else estimated_advance(ch)


@cache
def script_class(ch: str) -> int:
    """1 for Asian characters, -1 for Latin ones, 0 for spaces and either-script marks."""
    if ch.isspace() or ch in EITHER_SCRIPT:
        return 0
    return 1 if unicodedata.east_asian_width(ch) in ("W", "F") else -1


def autospace(before: str, after: str) -> float:
    """The space a renderer may add between two neighbouring characters of different scripts."""
    return AUTOSPACE_EM if script_class(before) * script_class(after) < 0 else 0.0


# Strings whose widths a measurer keeps (a deck of a thousand slides measures fewer).
WIDTHS_KEPT = 200_000


@dataclass(frozen=True, eq=False)
class TextMeasurer:
    """Widths in em of text drawn with one Latin and one East-Asian face.

    Measuring is the layout engine's hot path: each measurer keeps each character's advance
    and script once worked out, and is hashed by identity (:func:`measurer_for` makes one
    per set of faces)."""

    latin: FaceMetrics = NO_METRICS
    east_asian: FaceMetrics = NO_METRICS
    _chars: dict[str, tuple[float, int]] = field(default_factory=dict, init=False, repr=False)
    # Widths of whole strings: wrapping and size fitting measure the same words and lines again.
    _widths: dict[str, float] = field(default_factory=dict, init=False, repr=False)
    # Lines of wrapped text: a table's cell is wrapped to be cut, then to be measured.
    _wraps: dict[tuple[str, float], tuple[str, ...]] = field(default_factory=dict, init=False, repr=False)

    def _char(self, ch: str) -> tuple[float, int]:
        known = self._chars[ch] = (_advance(self.latin, self.east_asian, ch), script_class(ch))
        return known

    def advance(self, ch: str) -> float:
        known = self._chars.get(ch) or self._char(ch)
        return known[0]

    def width(self, text: str) -> float:
        known = self._widths.get(text)
        if known is not None:
            return known
        chars = self._chars
        total = 0.0
        previous = 0
        for ch in text:
            width, script = chars.get(ch) or self._char(ch)
            if script * previous < 0:
                total += AUTOSPACE_EM
            previous = script
            total += width
        if len(self._widths) < WIDTHS_KEPT:
            self._widths[text] = total
        return total

    def wrap(self, text: str, width_em: float) -> list[str]:
        """Break ``text`` into lines no wider than ``width_em``, with kinsoku."""
        known = self._wraps.get((text, width_em))
        if known is not None:
            return list(known)
        limit = width_em * SAFETY
        lines: list[str] = []
        for hard_line in text.split("\n"):
            lines.extend(self._wrap_line(hard_line, limit))
        if len(self._wraps) < WIDTHS_KEPT:
            self._wraps[(text, width_em)] = tuple(lines)
        return lines

    def _wrap_line(self, text: str, limit: float) -> list[str]:
        if self.width(text) <= limit:  # most lines: no break to find
            return [text.strip()]
        atoms = _ATOM_RE.findall(text)
        lines: list[list[str]] = []
        current: list[str] = []
        used = 0.0
        for atom in atoms:
            w = self.width(atom) + (autospace(current[-1][-1], atom[0]) if current else 0.0)
            if current and used + w > limit and not atom.isspace():
                carry: list[str] = []
                # Kinsoku: closing marks may not start a line, opening marks may not end one.
                while len(current) > 1 and (
                    (carry[0] if carry else atom)[0] in NO_LINE_START or current[-1][-1] in NO_LINE_END
                ):
                    carry.insert(0, current.pop())
                lines.append(current)
                current = [a for a in carry if not (a.isspace() and not current)]
                used = self.width("".join(current))
                w = self.width(atom) + (autospace(current[-1][-1], atom[0]) if current else 0.0)
            if w > limit and not atom.isspace():
                # A word longer than the line is cut by character, as renderers do.
                for ch in atom:
                    cw = self.advance(ch) + (autospace(current[-1][-1], ch) if current else 0.0)
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


# A bold run measured from a regular font file: bold faces run up to this much wider.
BOLD_WIDENING = 1.08


@cache
def measurer_for(latin: str, east_asian: str, lang: str = "zh-CN", bold: bool = False, latin_file: str = "",
                 fallback: tuple[str, ...] = ()) -> TextMeasurer:
    """The measurer for runs naming these faces, in this weight, as this machine draws them.

    ``latin_file`` (from the template) measures regular Latin text instead of the face
    found for ``latin``; a bold run uses that font's own bold face where one is found.
    """
    from .fonts import FaceRequest, face_metrics, family_of_file, metrics_of_file, resolve

    ea = face_metrics(resolve(FaceRequest(east_asian, bold, east_asian=True, lang=lang), fallback))
    if not latin_file:
        return TextMeasurer(face_metrics(resolve(FaceRequest(latin, bold), fallback)), ea)
    if not bold:
        return TextMeasurer(metrics_of_file(latin_file), ea)
    family = family_of_file(latin_file)
    bold_face = resolve(FaceRequest(family, bold=True), fallback) if family else None
    if bold_face is not None and bold_face.installed:
        return TextMeasurer(face_metrics(bold_face), ea)
    return TextMeasurer(metrics_of_file(latin_file, scale=BOLD_WIDENING), ea)
