"""Pages that are no report of a meeting, though they name one: a template with blanks to
fill, a speech or a work report as delivered, an official document as issued, a chapter
of a book."""

from __future__ import annotations

import re
from functools import cache

from . import rules


def is_template(text: str) -> bool:
    """A speech or report template with blanks to fill (two or more placeholders). A longer
    run of stars ("党的******", "深化落实******总书记…") is a re-post site's mask over a
    word it censors, and stars before a unit ("*月**日", "委员***人") its mask over figures,
    in a report that is otherwise whole: no blank."""
    text = _CENSOR_MASK_RE.sub("", text)
    text = _masked_figure_re().sub("", text)
    return sum(text.count(mark) for mark in rules().template_placeholders) >= 2


_CENSOR_MASK_RE = re.compile(r"\*{4,}")


@cache
def _masked_figure_re() -> re.Pattern[str]:
    return re.compile(rf"\*{{1,3}}(?=[{''.join(rules().masked_figure_units)}])")


def is_book_chapter(paragraphs: list[str]) -> bool:
    """A chapter of a book (a novel about officials): one of its first paragraphs is a
    chapter's heading ("第1287章 市政府常务会议(2/5)", "第991章 會議立項!")."""
    r = rules()
    words = "".join(r.book_chapter_words)
    pattern = re.compile(rf"^第[\d零〇一二两三四五六七八九十百千]+[{words}]\s*\S")
    return any(pattern.match(p.strip()) for p in paragraphs[:r.speech_opening_paragraphs])
MIN_DOCUMENT_CUES = 2


def is_speech_text(paragraphs: list[str]) -> bool:
    """The text of a speech or a work report as delivered: one of its first paragraphs
    opens on a salutation and a colon ("各位代表、同志们：")."""
    r = rules()
    pattern = re.compile(rf"^(?:(?:{'|'.join(map(re.escape, r.speech_salutations))})[、，,]?)+[：:]")
    return any(pattern.match(p.strip()) for p in paragraphs[:r.speech_opening_paragraphs])


def is_official_document(text: str) -> bool:
    """A notice, rules or a decision as issued ("…现予印发", "第一条"), not a report of the
    meeting that adopted it: two or more of its cues."""
    return sum(cue in text for cue in rules().document_cues) >= MIN_DOCUMENT_CUES
