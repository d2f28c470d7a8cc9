"""Pages that are no report of a meeting, though they name one: a template with blanks to
fill, a speech or a work report as delivered, an official document as issued."""

from __future__ import annotations

import re

from . import rules


def is_template(text: str) -> bool:
    """A speech or report template with blanks to fill (two or more placeholders). A longer
    run of stars ("党的******", "深化落实******总书记…") is a re-post site's mask over a
    word it censors, in a report that is otherwise whole: no blank."""
    text = _CENSOR_MASK_RE.sub("", text)
    return sum(text.count(mark) for mark in rules().template_placeholders) >= 2


_CENSOR_MASK_RE = re.compile(r"\*{4,}")
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
