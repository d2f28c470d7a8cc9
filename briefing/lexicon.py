"""Domain vocabulary shared by the segmenter and the extractor.

Meeting names, figures, documents and Chinese numerals: what a reader of district
meeting reports recognises at a glance, written down once (places: :mod:`.places`). All patterns work
on Simplified text, which the cleaner produces.
"""

from __future__ import annotations

import re

UNKNOWN_DISTRICT = "未识别"


# --- numerals ----------------------------------------------------------------------

_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6,
           "七": 7, "八": 8, "九": 9}


def chinese_number(text: str) -> int | None:
    """"十三" → 13, "二十一" → 21, "163" → 163; None when not a number."""
    if text.isdigit():
        return int(text)
    if not text or any(ch not in _DIGITS and ch not in "十百" for ch in text):
        return None
    total, current = 0, 0
    for ch in text:
        if ch == "百":
            total += (current or 1) * 100
            current = 0
        elif ch == "十":
            total += (current or 1) * 10
            current = 0
        else:
            current = current * 10 + _DIGITS[ch]
    return total + current


def chinese_numeral(n: int) -> str:
    """13 → "十三"; the form meeting names use."""
    units = "零一二三四五六七八九"
    if n < 10:
        return units[n]
    if n < 20:
        return "十" + (units[n % 10] if n % 10 else "")
    if n < 100:
        return units[n // 10] + "十" + (units[n % 10] if n % 10 else "")
    return str(n)


# --- figures and documents --------------------------------------------------------------

# A number with what it counts: 3726.3亿元, 290项, 13.9%. Not an ordinal (第163次) and not
# a part of a range or a formula (2023-2025, 1+4+4).
FIGURE_RE = re.compile(
    r"(?<![\d.第+\-—~～])(?P<num>\d+(?:\.\d+)?)(?P<mult>万亿|亿|万|千)?"
    r"(?P<unit>美元|元|人次|平方米|平方公里|公里|吨|倍|%|[家项个亩所条批处座套件台户名])"
)
# A document title: 《…》.
DOCUMENT_RE = re.compile(r"《(?P<title>[^《》\n]{2,80})》")
