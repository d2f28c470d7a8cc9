"""LEAD-k baseline: the first k sentences of a meeting's reports.

News puts the most important first, so this is the baseline every summarizer of
reports must beat. Used by the quality benchmark, not by the deck.
"""

from __future__ import annotations

from ..model import KeyPoint, Meeting
from .units import meeting_units


class LeadSummarizer:
    name = "LEAD-k"

    def summarize(self, meeting: Meeting, k: int) -> list[KeyPoint]:
        units = [u for u in meeting_units(meeting.reports) if not u.is_heading]
        seen: list[str] = []
        points = []
        for unit in units:
            sentence = unit.source.sentence
            if sentence in seen:
                continue
            seen.append(sentence)
            points.append(KeyPoint(sentence, 1.0 / (1 + len(points)), unit.source))
            if len(points) == k:
                break
        return points
