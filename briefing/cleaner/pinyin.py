"""Pinyin annotations glued to characters ("區(qū)", "人(ren)"), removed only where the
letters are a reading of the character before (checked with pypinyin's table)."""

from __future__ import annotations

import re
import unicodedata
from functools import cache
from pathlib import Path

from .chars import HAN
from .script import _to_simplified

# A reading in brackets: "(qū)", "(ren min)". What it annotates is checked in Python,
# looking back from the bracket: a pattern that scanned runs of Han characters for one
# would take quadratic time on a long line without brackets.
_READING_RE = re.compile(
    r"[(（] ?(?P<py>[A-Za-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ]+[1-5]?"
    r"(?:\s+[A-Za-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ]+[1-5]?)*) ?[)）]"
)
_HAN_RUN_RE = re.compile(rf"[{HAN}]+")


@cache
def _plain_syllable(syllable: str) -> str:
    decomposed = unicodedata.normalize("NFD", syllable.lower().rstrip("12345"))
    decomposed = decomposed.replace("u\u0308", "v")
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@cache
def _pinyin_dict() -> dict[int, str]:
    """pypinyin's table of every reading of every character (Traditional ones included).

    Loaded on its own: importing the pypinyin package also loads its phrase tables,
    several times slower, and the readings of single characters are all this needs.
    """
    import importlib.util

    try:
        spec = importlib.util.find_spec("pypinyin")
        if spec is None or spec.origin is None:
            raise ImportError("pypinyin")
        table_path = Path(spec.origin).parent / "pinyin_dict.py"
        table_spec = importlib.util.spec_from_file_location("_briefing_pinyin_dict", table_path)
        if table_spec is None or table_spec.loader is None:
            raise ImportError(str(table_path))
        module = importlib.util.module_from_spec(table_spec)
        table_spec.loader.exec_module(module)
        return module.pinyin_dict  # type: ignore[no-any-return]
    except (ImportError, OSError, AttributeError):
        from pypinyin.pinyin_dict import pinyin_dict

        return pinyin_dict  # type: ignore[no-any-return]


@cache
def _readings(char: str) -> frozenset[str]:
    table = _pinyin_dict()
    readings = set(table.get(ord(char), "").split(","))
    simplified = _to_simplified(char)
    if simplified != char:
        readings |= set(table.get(ord(simplified), "").split(","))
    return frozenset(_plain_syllable(r) for r in readings if r)


def remove_pinyin_annotations(text: str) -> tuple[str, int]:
    """Drop ``區(qū)``-style readings; keep parentheses that are not a reading of what precedes."""
    if "(" not in text and "（" not in text:
        return text, 0
    count = 0
    kept: list[str] = []
    last = 0
    for match in _READING_RE.finditer(text):
        syllables = match.group("py").split()
        start = match.start()
        annotated = text[max(last, start - len(syllables)):start]
        if (len(annotated) == len(syllables) and _HAN_RUN_RE.fullmatch(annotated)
                and all(_plain_syllable(s) in _readings(c) for s, c in zip(syllables, annotated, strict=True))):
            kept.append(text[last:start])
            last = match.end()
            count += 1
    kept.append(text[last:])
    return "".join(kept), count
