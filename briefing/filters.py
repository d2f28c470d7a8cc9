"""Which meetings a run keeps: a period, districts, kinds, and the newest N per district.

A collection grows every week; a briefing is on a period, a few districts, a kind of
meeting. Meetings are chosen after they are found and before they are summarized, so a
filtered run gives the same slides as a run on only the matching reports (keywords that
set a district apart are weighed among the districts kept). A meeting whose date is not
known to the precision a period needs is left out and said, never dropped silently.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from .errors import InputError
from .model import Meeting, MeetingDate, MeetingKind


@dataclass(frozen=True)
class Period:
    """A day, month or year as the user writes it: 2024, 2024-07, 2024-07-10."""

    text: str
    first: dt.date
    last: dt.date

    @classmethod
    def parse(cls, text: str, option: str) -> Period:
        found = re.fullmatch(r"(\d{4})(?:[-./年](\d{1,2})(?:[-./月](\d{1,2})日?)?月?)?年?", text.strip())
        try:
            if found is None:
                raise ValueError
            y, m, d = (int(g) if g else None for g in found.groups())
            if d is not None:
                first = last = dt.date(y, m, d)
            elif m is not None:
                first = dt.date(y, m, 1)
                last = (first.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1)
            else:
                first, last = dt.date(y, 1, 1), dt.date(y, 12, 31)
        except (ValueError, TypeError):
            raise InputError(f"{option}: expected a year, month or day such as 2024, 2024-07 or 2024-07-10, "
                             f"not {text!r}") from None
        return cls(text, first, last)


def _span(date: MeetingDate) -> tuple[dt.date, dt.date] | None:
    """The days a meeting's date may stand for (a month-precise date: the whole month)."""
    if date.year is None:
        return None
    if date.month and date.day:
        day = dt.date(date.year, date.month, date.day)
        return day, day
    if date.month:
        first = dt.date(date.year, date.month, 1)
        return first, (first.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1)
    return dt.date(date.year, 1, 1), dt.date(date.year, 12, 31)


@dataclass(frozen=True)
class Selection:
    """What the user asked to keep; empty, it keeps everything."""

    since: Period | None = None
    until: Period | None = None
    districts: tuple[str, ...] = ()
    kinds: tuple[MeetingKind, ...] = ()
    latest: int | None = None

    @property
    def active(self) -> bool:
        return bool(self.since or self.until or self.districts or self.kinds)

    def describe(self) -> str:
        """The filter as the cover says it: "2024年1月—2024年6月 · 金山区、松江区 · 全会"."""
        parts = []
        if self.since or self.until:
            parts.append(f"{self.since.text if self.since else '…'}—{self.until.text if self.until else '…'}")
        if self.districts:
            parts.append("、".join(self.districts))
        if self.kinds:
            parts.append("、".join(k.value for k in self.kinds))
        return " · ".join(parts)

    def keeps_district(self, meeting: Meeting) -> bool:
        if not self.districts:
            return True
        names = {meeting.district, meeting.district.split("·")[-1],
                 f"{meeting.city}·{meeting.district.split('·')[-1]}" if meeting.city else ""}
        return any(_same_place(wanted, names) for wanted in self.districts)

    def apply(self, meetings: list[Meeting], on_warning: Callable[[str], None]) -> list[Meeting]:
        kept = [m for m in meetings if self.keeps_district(m) and (not self.kinds or m.kind in self.kinds)]
        if not (self.since or self.until):
            return kept
        undated, dated = [], []
        for m in kept:
            span = _span(m.date)
            if span is None:
                undated.append(m)
                continue
            if self.since and span[1] < self.since.first:
                continue
            if self.until and span[0] > self.until.last:
                continue
            if (self.since and span[0] < self.since.first) or (self.until and span[1] > self.until.last):
                undated.append(m)  # a year-precise date that reaches past the period's edge
                continue
            dated.append(m)
        if undated:
            names = "、".join(f"{m.district} {m.name}（{m.date.label}）" for m in undated[:5])
            more = f" and {len(undated) - 5} more" if len(undated) > 5 else ""
            on_warning(f"{len(undated)} meeting(s) left out: their date is not known well enough to tell whether "
                       f"they fall in {self.describe()}: {names}{more}")
        return dated


def _same_place(wanted: str, names: set[str]) -> bool:
    wanted = wanted.strip().replace("·", "·")
    if wanted in names:
        return True
    # "金山" for 金山区, "舟山·普陀" for 舟山市·普陀区
    return any(name and (name.startswith(wanted) or _drop_suffixes(name) == _drop_suffixes(wanted)) for name in names)


def _drop_suffixes(name: str) -> str:
    return re.sub(r"(?<=.)(?:市|区|县|旗)(?=·|$)", "", name)


def kinds_from(texts: tuple[str, ...]) -> tuple[MeetingKind, ...]:
    kinds = []
    for text in texts:
        found = next((k for k in MeetingKind if text in (k.value, k.name.lower())), None)
        if found is None:
            raise InputError(f"--kind: unknown kind {text!r}; one of {'、'.join(k.value for k in MeetingKind)}")
        kinds.append(found)
    return tuple(kinds)
