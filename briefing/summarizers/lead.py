"""LEAD-k baseline: the first k sentences of a meeting's reports.

News puts the most important first, so this is the baseline every summarizer of
reports must beat. Used by the quality benchmark, not by the deck.
"""

from __future__ import annotations

from ..model import KeyPoint, Meeting
from .units import report_sentences


class LeadSummarizer:
    name = "LEAD-k"

    def summarize(self, meeting: Meeting, k: int) -> list[KeyPoint]:
        return [KeyPoint(source.sentence, 1.0 / (1 + i), source)
                for i, source in enumerate(report_sentences(meeting.reports)[:k])]
