"""Anti-copy noise: the runs of stray ASCII some forums scatter through a re-posted page
(". G! E. ] z$ f' }8") so that a copied text reads badly. A run is four or more short
ASCII tokens in a row, most of them holding punctuation or a letter beside a digit (z$,
k4); reports never write so. A letter or mark the noise glued to the text beside it ("P4月20日", "大会。$") goes
with it."""

from __future__ import annotations

import re

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
    out, last = [], 0
    for start, end in cuts:
        out.append(line[last:start])
        last = end
    out.append(line[last:])
    return re.sub(r"\s{2,}", " ", "".join(out)).strip(), len(cuts)
