"""TextRank baseline over sentences, by TextRank4ZH (the bench extra installs it).

TextRank4ZH predates networkx 3, which renamed ``from_numpy_matrix`` to
``from_numpy_array``; the alias is restored before it is imported.
"""

from __future__ import annotations

from ..model import KeyPoint, Meeting
from .units import report_sentences


def _textrank4zh():  # type: ignore[no-untyped-def]
    import logging

    import jieba
    import networkx

    jieba.setLogLevel(logging.WARNING)  # it segments with jieba itself; keep its loading notes quiet

    if not hasattr(networkx, "from_numpy_matrix"):
        networkx.from_numpy_matrix = networkx.from_numpy_array
    from textrank4zh import TextRank4Sentence

    return TextRank4Sentence


class TextRankSummarizer:
    name = "TextRank4ZH"

    def __init__(self) -> None:
        self._engine = _textrank4zh()()

    def summarize(self, meeting: Meeting, k: int) -> list[KeyPoint]:
        sources = report_sentences(meeting.reports)
        if not sources:
            return []
        by_sentence = {source.sentence: source for source in sources}
        text = "\n".join(by_sentence)
        self._engine.analyze(text=text, lower=True, source="all_filters")
        points = []
        for item in self._engine.get_key_sentences(num=k):
            source = next((s for sentence, s in by_sentence.items() if item.sentence in sentence), sources[0])
            points.append(KeyPoint(item.sentence, float(item.weight), source))
        return points
