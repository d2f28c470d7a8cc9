"""Noise put into re-posted pages. Anti-copy noise: the runs of stray ASCII some forums scatter through a re-posted page
(". G! E. ] z$ f' }8") so that a copied text reads badly. A run is four or more short
ASCII tokens in a row, most of them holding punctuation or a letter beside a digit (z$,
k4); reports never write so. A letter or mark the noise glued to the text beside it ("P4月20日", "大会。$") goes
with it. Injected advertising: a gambling brand written into a sentence ("审议了众博棋牌,
众博棋牌官网进一步规范…"), taken out with its brand and its site word."""

from __future__ import annotations

import re
from functools import cache

_PUNCT = frozenset("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")
_TOKEN_RE = re.compile(r"\S+")
MIN_RUN = 4
MAX_TOKEN = 3
# A letter glued before the text after a run: "P4月", "G风雨".
_GLUED_AFTER_RE = re.compile(r"^[A-Za-z](?=\d|[^\x00-\x7f])")
# A mark glued after the text before a run: "大会。$".
_GLUED_BEFORE_RE = re.compile(r"(?<=[^\x00-\x7f])[!-/:-@\[-`{-~]$")


def _short(token: str) -> bool:
    return len(token) <= MAX_TOKEN and token.isascii()


def _marked(token: str) -> bool:
    return any(ch in _PUNCT for ch in token) or (
        any(ch.isdigit() for ch in token) and any(ch.isalpha() for ch in token))


def remove_copy_guard_noise(line: str) -> tuple[str, int]:
    """``line`` without its runs of anti-copy noise; the number of runs taken out."""
    if line.isascii() and not line.strip():
        return line, 0
    tokens = list(_TOKEN_RE.finditer(line))
    cuts: list[tuple[int, int]] = []
    i = 0
    while i < len(tokens):
        j = i
        while j < len(tokens) and _short(tokens[j].group()):
            j += 1
        run = tokens[i:j]
        if len(run) >= MIN_RUN and 5 * sum(_marked(t.group()) for t in run) >= 3 * len(run):
            start, end = run[0].start(), run[-1].end()
            if i > 0 and _GLUED_BEFORE_RE.search(tokens[i - 1].group()):
                start = min(start, tokens[i - 1].end() - 1)
            if j < len(tokens) and _GLUED_AFTER_RE.match(tokens[j].group()):
                end = tokens[j].start() + 1
            cuts.append((start, end))
        i = max(j, i + 1)
    if not cuts:
        return line, 0
    return re.sub(r"\s{2,}", " ", _without(line, cuts)).strip(), len(cuts)


def _without(line: str, cuts: list[tuple[int, int]]) -> str:
    """``line`` with the spans ``cuts`` (in order, not overlapping) taken out."""
    out, last = [], 0
    for start, end in cuts:
        out.append(line[last:start])
        last = end
    out.append(line[last:])
    return "".join(out)


# The longest brand taken in front of a spam term.
MAX_BRAND = 4
MIN_BRAND = 2


@cache
def _spam_re() -> re.Pattern[str] | None:
    from ..data import read_yaml

    data = read_yaml("chrome.yaml")
    terms = "|".join(map(re.escape, sorted(data.get("spam_terms", []), key=len, reverse=True)))
    suffixes = "|".join(map(re.escape, sorted(data.get("spam_suffixes", []), key=len, reverse=True)))
    if not terms:
        return None
    return re.compile(rf"(?:{terms})(?:{suffixes})?")


def remove_injected_spam(line: str) -> tuple[str, int]:
    """``line`` without the advertising injected into it; the number of pieces taken out.

    Three shapes, each needing two spam terms, so that a report on gambling is left alone:

    - a search-engine title put in place of words ("县澳门金沙城中心_欧洲杯足球网-【投注官网
      平台】主席"): terms joined by "_", "-" or square brackets, taken out whole;
    - such a title repeated wherever the page wrote a name, with one term each time;
    - a made-up brand repeated before its term ("众博棋牌,众博棋牌官网"): taken out where
      the same two to four Han characters stand before each repetition and they are no
      word of the dictionary ("打击非法棋牌活动，查处非法棋牌APP" repeats a word)."""
    pattern = _spam_re()
    if pattern is None:
        return line, 0
    found = list(pattern.finditer(line))
    if len(found) < 2:
        return line, 0
    cuts = _title_blocks(line, found) or _repeated_titles(line, pattern)
    if not cuts:
        brand = _repeated_brand(line, found)
        if brand:
            cuts = [(m.start() - len(brand), m.end() + (m.end() < len(line) and line[m.end()] in ",，、"))
                    for m in found]
    if not cuts:
        return line, 0
    return _without(line, cuts), len(cuts)


# What joins the terms of a search-engine title, and what may stand between two terms.
_JOINERS = frozenset("_-|【】[]")
_TITLE_GAP_RE = re.compile(r"[\u4e00-\u9fffA-Za-z0-9_\-|【】\[\]]{0,8}")
_TITLE_TAIL_RE = re.compile(r"[\u4e00-\u9fffA-Za-z0-9]{0,6}[】\]]")


def _title_blocks(line: str, found: list[re.Match[str]]) -> list[tuple[int, int]]:
    """Spans of two or more spam terms that a joiner ties into one title."""
    blocks: list[tuple[int, int, int]] = []  # start, end, terms
    for m in found:
        if blocks and _TITLE_GAP_RE.fullmatch(line[blocks[-1][1]:m.start()]):
            start, _, terms = blocks[-1]
            blocks[-1] = (start, m.end(), terms + 1)
        else:
            blocks.append((m.start(), m.end(), 1))
    cuts = []
    for start, end, terms in blocks:
        if terms < 2 or not any(ch in _JOINERS for ch in line[start:end]):
            continue
        tail = _TITLE_TAIL_RE.match(line, end)  # "…投注官网平台】": to the closing bracket
        cuts.append((start, tail.end() if tail else end))
    return cuts


# Words joined by "_" into one title: no report writes so.
_JOINED_RE = re.compile(r"[\u4e00-\u9fffA-Za-z0-9 ]+(?:_[\u4e00-\u9fffA-Za-z0-9 ]+){2,}")


def _repeated_titles(line: str, pattern: re.Pattern[str]) -> list[tuple[int, int]]:
    """A title of "_"-joined words holding a spam term, put in place of a name each time the
    line writes it ("…提升best365体育正不正规_365 双式投注_365电子游戏城市品味"): its first
    and last words run into the text around it, so the title is what every occurrence
    shares, from the end of its first word to the start of its last."""
    runs = [m for m in _JOINED_RE.finditer(line) if pattern.search(m.group())]
    parts = [m.group().split("_") for m in runs]
    if len(runs) < 2 or len({tuple(p[1:-1]) for p in parts}) != 1:
        return []
    head = _common_start([p[0][::-1] for p in parts])[::-1].lstrip()
    tail = _common_start([p[-1] for p in parts]).rstrip()
    if not head or not tail:
        return []
    return [(m.start() + len(p[0]) - len(head), m.end() - len(p[-1]) + len(tail))
            for m, p in zip(runs, parts, strict=True)]


def _common_start(texts: list[str]) -> str:
    """The longest text all of ``texts`` start with."""
    shortest = min(texts, key=len)
    for i, ch in enumerate(shortest):
        if any(t[i] != ch for t in texts):
            return shortest[:i]
    return shortest


def _repeated_brand(line: str, found: list[re.Match[str]]) -> str:
    from ..nlp import word_tables

    for size in range(MAX_BRAND, MIN_BRAND - 1, -1):
        heads = {line[m.start() - size:m.start()] if m.start() >= size else "" for m in found}
        if len(heads) == 1:
            head = heads.pop()
            if _HAN_RE.fullmatch(head) and word_tables().tags({head}).get(head) is None:
                return head
    return ""


_HAN_RE = re.compile(r"[\u4e00-\u9fff]+")
