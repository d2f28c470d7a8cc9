"""A meeting's agenda, item by item: what it studied, heard, reviewed, adopted, decided.

A 300-character portal note ("会议传达学习了…精神，听取了…汇报，审议通过了…") is all
agenda; its items are what a reader needs from it. They fill the points a report's
directives leave free; they never push a directive out. Cue words live in
``briefing/data/agenda.yaml``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ..model import SourceSentence
from .noise import is_noise, point_fault
from .units import Unit, clauses, finish


@dataclass(frozen=True)
class _Cues:
    opener: re.Pattern[str]
    report_marks: tuple[str, ...]
    filler: tuple[str, ...]


@cache
def cues() -> _Cues:
    from ..data import read_yaml

    data = read_yaml("agenda.yaml")

    def alternatives(words: list[str]) -> str:
        return "|".join(map(re.escape, sorted(words, key=len, reverse=True)))

    opener = re.compile(rf"^(?:{alternatives(data['subjects'])})?(?:(?:{alternatives(data['adverbs'])}))*"
                        rf"(?P<verb>{alternatives(data['verbs'])})(?P<le>了)?")
    return _Cues(opener, tuple(data["report_marks"]), tuple(data["filler"]))


def _opening(clause: str) -> re.Match[str] | None:
    return cues().opener.match(clause)


def agenda_items(units: list[Unit], max_chars: int) -> list[tuple[Unit, str]]:
    """Each agenda item of the units, as (unit it comes from, bullet), in reading order."""
    items: list[tuple[Unit, str]] = []
    for unit in units:
        groups: list[list[str]] = []
        for part in clauses(unit.text):
            opening = _opening(part)
            if opening:
                # "会议传达学习了X" → "传达学习X": the item, without who and without 了.
                item = part[opening.start("verb"):]
                groups.append([item.replace("了", "", 1) if opening.group("le") else item])
            elif any(mark in part for mark in cues().report_marks):
                groups.append([part])
            elif groups:
                groups[-1].append(part)
        items.extend((unit, bullet) for group in groups if (bullet := _bullet(group, max_chars)))
    return items


def _bullet(parts: list[str], max_chars: int) -> str | None:
    """The item's clauses as a bullet within ``max_chars``, cut only between clauses."""
    kept: list[str] = []
    for part in parts:
        if sum(map(len, kept)) + len(part) > max_chars:
            break
        kept.append(part)
    if not kept:
        # One long clause listing what was studied: its first items, then 等.
        listed = parts[0].split("、")
        while len(listed) > 1 and len("、".join(listed)) + 1 > max_chars:
            listed.pop()
        if len(listed) == len(parts[0].split("、")):
            return None
        kept = ["、".join(listed) + "等"]
    bullet = finish("".join(kept))
    if len(bullet) < 6 or is_noise(bullet) or point_fault(bullet) or any(f in bullet for f in cues().filler):
        return None
    return bullet


def agenda_units(units: list[Unit], max_chars: int) -> list[tuple[Unit, str]]:
    """Agenda items as units of their own (the sentence they come from is their source)."""
    out = []
    for unit, bullet in agenda_items(units, max_chars):
        source = SourceSentence(unit.source.path, unit.source.paragraph, unit.source.sentence)
        out.append((Unit(bullet, source, unit.position, is_lead=unit.is_lead), bullet))
    return out
