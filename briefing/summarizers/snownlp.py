"""SnowNLP baseline: its TextRank over the clauses it splits a text into (the bench extra
installs it). Used by the quality benchmark, not by the deck."""

from __future__ import annotations

from ..model import KeyPoint, Meeting
from .units import report_sentences


class SnowNLPSummarizer:
    name = "SnowNLP"

    def __init__(self) -> None:
        from snownlp import SnowNLP

        self._engine = SnowNLP

    def summarize(self, meeting: Meeting, k: int) -> list[KeyPoint]:
        sources = report_sentences(meeting.reports)
        if not sources:
            return []
        picked = self._engine("\n".join(s.sentence for s in sources)).summary(k)
        # Each picked piece keeps the sentence it comes from, as our points do.
        return [KeyPoint(piece, 1.0 / (1 + i), next((s for s in sources if piece in s.sentence), sources[0]))
                for i, piece in enumerate(picked)]
