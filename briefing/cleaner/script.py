"""Traditional → Simplified (OpenCC) and full-width punctuation in Chinese context."""

from __future__ import annotations

import re
from functools import cache

from .chars import _CJK_PUNCT, _HAN_RE, HAN

_FULLWIDTH_ALNUM = {
    **{chr(0xFF10 + i): str(i) for i in range(10)},
    **{chr(0xFF21 + i): chr(0x41 + i) for i in range(26)},
    **{chr(0xFF41 + i): chr(0x61 + i) for i in range(26)},
    "．": ".", "％": "%",
}
_FULLWIDTH_TABLE = str.maketrans(_FULLWIDTH_ALNUM)


@cache
def _converter(config: str):  # type: ignore[no-untyped-def]
    import opencc

    return opencc.OpenCC(config)


def _to_simplified(text: str) -> str:
    # Most lines are Simplified already: only one holding a character that converts, alone
    # or in one of OpenCC's phrases, goes through OpenCC. The characters known to stay are
    # a set, so a line made only of them is passed by one subset test.
    stable, changing = _t2s_verdicts()
    chars = set(text)
    if chars <= stable:
        return text
    for ch in chars - stable:
        if ch in changing:
            return _converter("t2s").convert(text)
        if _converter("t2s").convert(ch) == ch:
            stable.add(ch)
        else:
            changing.add(ch)
            return _converter("t2s").convert(text)
    return text


@cache
def _t2s_verdicts() -> tuple[set[str], set[str]]:
    """The characters t2s leaves as they are and those it changes, filled as characters are
    met; those its phrases change in context (``data/t2s_context_chars.txt``) change."""
    from ..data import read_list

    return set(), set("".join(read_list("t2s_context_chars.txt")))


def convert_script(text: str, script: str) -> str:
    """Convert to the deck's script: ``zh-Hans`` (Simplified) or ``zh-Hant`` (Traditional)."""
    if not text:
        return text
    if script == "zh-Hans":
        return _to_simplified(text)  # a report's text is Simplified once cleaned
    return _converter("s2t").convert(text)


_HALF_TO_FULL = {",": "，", ";": "；", ":": "：", "!": "！", "?": "？", "(": "（", ")": "）"}
_CJK_CONTEXT = f"[{HAN}{_CJK_PUNCT}]"
_PUNCT_RE = re.compile(
    rf"(?<={_CJK_CONTEXT})\s*[,;:!?()]|[,;:!?()]\s*(?={_CJK_CONTEXT})"
    r"|(?<=[\"”])\s*[,;:!?]|(?<=[“])\(|\)(?=[”])"
)


def normalise_punctuation(text: str) -> str:
    """Half-width punctuation next to Chinese becomes full-width; straight quotes curl."""
    text = text.translate(_FULLWIDTH_TABLE)
    if _HALF_MARK_RE.search(text):
        # A converted mark gives its neighbour Chinese context: repeat until nothing changes.
        previous = None
        while previous != text:
            previous = text
            text = _PUNCT_RE.sub(lambda m: _HALF_TO_FULL[m.group(0).strip()], text)
    if '"' in text and _HAN_RE.search(text) and text.count('"') % 2 == 0:
        parts = text.split('"')
        text = parts[0] + "".join(
            ("“" if i % 2 == 0 else "”") + part for i, part in enumerate(parts[1:])
        )
    if "," in text:  # a half-width comma between two Chinese clauses that had a digit next to it
        text = _DIGIT_COMMA_RE.sub("，", text)
    return _BLANKS_RE.sub(" ", text).strip()


_HALF_MARK_RE = re.compile(r"[,;:!?()]")
_DIGIT_COMMA_RE = re.compile(rf"(?<=\d),(?=[{HAN}])|(?<=[{HAN}]),(?=\d)")
_BLANKS_RE = re.compile(r"[ \t]+")
