"""Domain vocabulary shared by the segmenter and the extractor.

Meeting names, figures, documents and Chinese numerals: what a reader of district
meeting reports recognises at a glance, written down once (places: :mod:`.places`). All patterns work
on Simplified text, which the cleaner produces.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .model import MeetingKind

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


# --- meetings ------------------------------------------------------------------------

# Bounded: an unbounded run of digits before a literal makes a long line of digits quadratic.
_NUM = r"[零〇一二两三四五六七八九十百\d]{1,6}"


@dataclass(frozen=True)
class MeetingMention:
    kind: MeetingKind
    name: str  # normalised short form, e.g. "区委六届六次全会", "第163次区委常委会会议"
    start: int
    end: int


_MEETING_PATTERNS: tuple[tuple[re.Pattern[str], MeetingKind], ...] = (
    # 中国共产党上海市金山区第六届委员会第六次全体会议
    (re.compile(rf"区(?:委)?第(?P<term>{_NUM})届委员会第(?P<n>{_NUM})次全体(?:会议|扩大会议)"),
     MeetingKind.PLENARY),
    # 五届区委十三次全会 / 区委五届十三次全会
    (re.compile(rf"(?<!市委)(?P<term>{_NUM})届区委(?:第)?(?P<n>{_NUM})次全(?:会|体会议)"),
     MeetingKind.PLENARY),
    (re.compile(rf"区委(?P<term>{_NUM})届(?:第)?(?P<n>{_NUM})次全(?:会|体会议)"), MeetingKind.PLENARY),
    (re.compile(r"区委常委会(?:召开)?扩大会议(?:暨区委(?:理论学习)?中心组(?:专题)?学习(?:会|会议))?"),
     MeetingKind.STANDING_ENLARGED),
    (re.compile(rf"(?:第(?P<n>{_NUM})次)?区委常委会(?:会议)?(?!.{{0,4}}扩大)"), MeetingKind.STANDING),
    (re.compile(r"区委(?:理论学习)?中心组(?:专题|集体)?学习(?:会|会议)?"), MeetingKind.STUDY),
    (re.compile(rf"(?:第(?P<n>{_NUM})次)?区政府常务会议"), MeetingKind.GOVERNMENT),
)


def _normalised_name(kind: MeetingKind, match: re.Match[str]) -> str:
    groups = match.groupdict()
    if kind is MeetingKind.PLENARY:
        term, n = chinese_number(groups["term"]), chinese_number(groups["n"])
        if term is not None and n is not None:
            return f"区委{chinese_numeral(term)}届{chinese_numeral(n)}次全会"
        return "区委全会"
    n = chinese_number(groups["n"]) if groups.get("n") else None
    if kind is MeetingKind.STANDING:
        return f"第{n}次区委常委会会议" if n else "区委常委会会议"
    if kind is MeetingKind.GOVERNMENT:
        return f"第{n}次区政府常务会议" if n else "区政府常务会议"
    if kind is MeetingKind.STANDING_ENLARGED:
        return match.group(0).replace("召开", "")
    return match.group(0)


def find_meetings(text: str) -> list[MeetingMention]:
    """Every district-level meeting named in ``text``, in order, overlaps resolved."""
    found: list[MeetingMention] = []
    for pattern, kind in _MEETING_PATTERNS:
        for m in pattern.finditer(text):
            if kind is MeetingKind.STANDING and m.group(0) == "区委常委会" and _is_chairing(text, m):
                continue
            if any(not (m.end() <= f.start or m.start() >= f.end) for f in found):
                continue
            found.append(MeetingMention(kind, _normalised_name(kind, m), m.start(), m.end()))
    found.sort(key=lambda f: f.start)
    return found


def _is_chairing(text: str, m: re.Match[str]) -> bool:
    """"全会由区委常委会主持" names the committee, not a meeting of it."""
    after = text[m.end(): m.end() + 6]
    before = text[max(0, m.start() - 2): m.start()]
    return after.startswith(("主持", "作", "代表")) or before.endswith(("代表", "由"))
