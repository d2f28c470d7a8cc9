"""Text units the summarizers score, and the compressor that turns one into a bullet.

A unit is a sentence, or one "；"-separated part of a long enumerating sentence; it
always remembers the full sentence and paragraph it came from. Compression only ever
removes whole clauses (cue prefix, trailing formulae, low-value clauses), so a bullet
reads as the report wrote it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

from ..model import Report, SourceSentence
from ..segmenter import split_sentences


@cache
def formulae() -> frozenset[str]:
    """The domain stop list: formulae every meeting report shares."""
    text = resources.files("briefing.data").joinpath("formulae.txt").read_text("utf-8")
    return frozenset(
        line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")
    )


@dataclass
class Unit:
    """A candidate for a key point."""

    text: str
    source: SourceSentence
    position: int  # order of the unit within its meeting
    after_heading: bool = False
    is_heading: bool = False


# Long sentences that enumerate tasks with "；" give one unit per task.
SPLIT_LONG_SENTENCE_CHARS = 90


def meeting_units(reports: list[Report]) -> list[Unit]:
    """Every candidate unit of a meeting's reports, in reading order."""
    units: list[Unit] = []
    for report in reports:
        previous_heading = False
        for i, p in enumerate(report.paragraphs):
            if p.is_heading:
                # Sub-headings state a point; the article's own title only restates the meeting.
                if i > 0 and len(p.text) >= 8:
                    src = SourceSentence(report.path, p.index, p.text)
                    units.append(Unit(p.text, src, len(units), is_heading=True))
                previous_heading = True
                continue
            for sentence in split_sentences(p.text):
                src = SourceSentence(report.path, p.index, sentence)
                parts = [sentence]
                if len(sentence) > SPLIT_LONG_SENTENCE_CHARS and "；" in sentence:
                    parts = [s for s in re.split(r"(?<=；)", sentence) if s.strip()]
                for part in parts:
                    units.append(Unit(part, src, len(units), after_heading=previous_heading))
                previous_heading = False
    return units


# --- compression ------------------------------------------------------------------------

_CUE_PREFIX_RE = re.compile(
    r"^(?:(?:全会|会议|大会|报告|[\u4e00-\u9fff]{2,3}(?=指出|强调|要求|表示))"
    r"(?:还|同时|并|进一步|特别|明确)?(?:指出|强调|要求|认为|提出|号召|明确|表示|部署)[，：:]?)"
)
_LEAD_WORDS_RE = re.compile(
    r"^(?:(?:一|二|三|四|五|六|七|八|九|十)是|[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）"
    r"|首先|其次|最后|我们|我区)[，、：]?"
    r"|^(?:同时|此外|另外|其中|比如|据介绍|目前|当前|下一步|下一阶段|今后|会上|对此|一方面|另一方面"
    r"|\d{1,2}月\d{1,2}日(?:上午|下午|晚上|晚)?)[，：]"
)
# Clauses that report the meeting itself (who held it, that it met), not what it decided.
_LOGISTICS_CLAUSE_RE = re.compile(r"召开|举行|主持|出席|参加|获悉|引起热烈反响|\d{1,2}月\d{1,2}日")
_CLAUSE_RE = re.compile(r"[^，；：,;:]+[，；：,;:]?")
_END_PUNCT = "，。；：！？,;:"


def strip_cues(text: str) -> str:
    """Drop the cue that introduced a point ("全会指出，", "一是", a leading 要)."""
    previous = None
    while previous != text:
        previous = text
        text = _CUE_PREFIX_RE.sub("", text).strip()
        text = _LEAD_WORDS_RE.sub("", text).strip()
        if text.startswith("要") and not text.startswith(("要素", "要点", "要求")):
            text = text[1:]
    return text


def clauses(text: str) -> list[str]:
    return [c for c in _CLAUSE_RE.findall(text) if c.strip("，；：,;: ")]


@cache
def _formula_re() -> re.Pattern[str]:
    """All formulae in one pattern, longest first, so a text is scanned once."""
    return re.compile("|".join(re.escape(f) for f in sorted(formulae(), key=len, reverse=True)))


def formula_share(text: str) -> float:
    """How much of ``text`` is covered by domain formulae (0..1)."""
    core = re.sub(rf"[{_END_PUNCT}、“”《》（）\s]", "", text)
    if not core:
        return 1.0
    return sum(m.end() - m.start() for m in _formula_re().finditer(core)) / len(core)


def finish(text: str) -> str:
    """Bullets end without punctuation and without dangling quotes."""
    text = text.strip().rstrip(_END_PUNCT + "…").strip()
    if text.count("“") > text.count("”"):
        text += "”"
    return text


def _is_bare_document(parts: list[str]) -> bool:
    """"全会审议通过《…》" alone: the deck lists adopted documents as a fact already."""
    text = re.sub(r"《[^》]*》", "", "".join(parts))
    text = re.sub(r"审议通过|通过了|通过|审议|传达学习|学习|印发|全会|会议|[，。；、：\s]", "", text)
    return "《" in "".join(parts) and len(text) < 4


def compress(text: str, max_chars: int, clause_weight: dict[str, float]) -> str | None:
    """Shorten a unit to at most ``max_chars`` by dropping whole clauses, or None.

    The cue prefix goes first, then trailing formulae, then the lowest-value clauses;
    the first content clause stays so the bullet keeps its subject and verb.
    """
    text = strip_cues(text)
    parts = clauses(text)
    while len(parts) > 1 and (formula_share(parts[-1]) >= 0.6 or _LOGISTICS_CLAUSE_RE.search(parts[-1])):
        parts.pop()
    while len(parts) > 1 and (formula_share(parts[0]) >= 0.8 or _LOGISTICS_CLAUSE_RE.search(parts[0])):
        parts.pop(0)
    if _is_bare_document(parts) or (len(parts) == 1 and _LOGISTICS_CLAUSE_RE.search(parts[0])):
        return None
    # A purpose clause ("为深入学习贯彻…精神，") left alone says nothing by itself.
    if len(parts) == 1 and parts[0].startswith("为") and parts[0].endswith(("，", ",")):
        return None
    if not parts:
        return None
    if len(finish("".join(parts))) <= max_chars:
        return finish(strip_cues("".join(parts)))
    head, rest = parts[0], parts[1:]
    if len(finish(head)) > max_chars:
        return None
    chosen = {0}
    budget = max_chars - len(head)
    ranked = sorted(range(len(rest)), key=lambda i: -clause_weight.get(rest[i], 0.0) / len(rest[i]))
    for i in ranked:
        if clause_weight.get(rest[i], 0.0) <= 0:
            continue
        if len(rest[i]) <= budget:
            chosen.add(i + 1)
            budget -= len(rest[i])
    kept = [parts[i] for i in sorted(chosen)]
    return finish(strip_cues("".join(kept)))
