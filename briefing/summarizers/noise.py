"""Sentences of a meeting report that are no key point, whatever words they share with it:
rosters of who attended and who sat where, headcounts, the hall and the ritual, reporters'
credits; and clause endings that leave a point hanging ("在…的同时", "根据…").

The cues are data (``briefing/data/point_noise.yaml``); titles come from the leaders'
table, so a roster of 旗委书记 or 县政协主席 is known as one of 区委书记.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

_HAN_RE = re.compile(r"[\u4e00-\u9fff]")
# "303名", "161人": a headcount cue counts only beside a count of people (落实到 is no 实到).
_COUNT_OF_PEOPLE_RE = re.compile(r"[\d一二三四五六七八九十百千]+\s*(?:名|人)")
# "（朱亚旭 李得胜）": an editor's and a writer's names in brackets, alone on their line.
_BRACKETED_NAMES_RE = re.compile(r"^\s*[（(](?:[\u4e00-\u9fff]{2,4}[\s、]*){1,4}[)）]\s*$")


@dataclass(frozen=True)
class _Cues:
    roster_share: float
    roster_signs: tuple[str, ...]
    attendee_endings: tuple[str, ...]
    body_endings: tuple[str, ...]
    roster_re: re.Pattern[str]
    headcount: tuple[str, ...]
    ceremony: tuple[str, ...]
    credit: tuple[str, ...]
    dependent_openers: tuple[str, ...]
    dependent_endings: tuple[str, ...]
    independent_endings: tuple[str, ...]
    masks: tuple[str, ...] = ()
    attendee_nouns: tuple[str, ...] = ()
    headcount_pair: tuple[str, ...] = ()

    # Each word list as one pattern: a sentence is searched once per list (every unit of every
    # meeting is checked).
    @property
    def headcount_re(self) -> re.Pattern[str]:
        return _any_of(self.headcount)

    @property
    def ceremony_re(self) -> re.Pattern[str]:
        return _any_of(self.ceremony)

    @property
    def credit_re(self) -> re.Pattern[str]:
        return _any_of(self.credit)

    @property
    def roster_sign_re(self) -> re.Pattern[str]:
        return _any_of(self.roster_signs)


@cache
def _any_of(words: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile("|".join(map(re.escape, words)))


@cache
def cues() -> _Cues:
    from ..data import read_yaml
    from ..leaders import HAN, LEVEL, _alternatives, rules

    data = read_yaml("point_noise.yaml")
    leaders = read_yaml("leaders.yaml")
    org, title, head = (_alternatives(leaders[k]) for k in ("orgs", "titles", "heads"))
    org = org.replace(LEVEL, rf"{LEVEL}(?:第?[一二三四五六七八九十]{{1,3}}届)?")
    role = rf"(?:(?:{org})(?:党组)?(?:常务)?(?:{title})|{head}|{_alternatives(leaders['list_roles'])})"
    words = _alternatives(data["roster_words"])
    # A title, a name after a title or in a list of names, or a roster's own words.
    roster = re.compile(rf"{role}|(?<=[、，,])[{HAN}]{{2,3}}(?=[、，,]|$)|{words}|{rules().role_name.pattern}")
    return _Cues(float(data["roster_share"]), tuple(data["roster_signs"]), tuple(data["attendee_endings"]),
                 tuple(data["body_endings"]), roster,
                 tuple(data["headcount"]),
                 tuple(data["ceremony"]), tuple(data["credit"]), tuple(data["dependent_openers"]),
                 tuple(data["dependent_endings"]), tuple(data["independent_endings"]), tuple(data["masks"]),
                 tuple(data["attendee_nouns"]), tuple(data["headcount_pair"]))


def roster_share(text: str) -> float:
    """The share of a text's Han characters that are titles, names and attendance words."""
    han = len(_HAN_RE.findall(text))
    if not han:
        return 0.0
    covered = sum(len(_HAN_RE.findall(m.group())) for m in cues().roster_re.finditer(text))
    return covered / han


def is_noise(text: str) -> str | None:
    """Why a sentence is no key point ("roster", "headcount", "ceremony", "credit", "masked"),
    or None."""
    c = cues()
    if any(mask in text for mask in c.masks):
        return "masked"
    if c.headcount_re.search(text) and (_COUNT_OF_PEOPLE_RE.search(text) or all(w in text for w in c.headcount_pair)):
        return "headcount"  # "应到委员人，实到委员人": the pair says it where the page lost the numbers
    if c.ceremony_re.search(text):
        return "ceremony"
    if (len(text) <= 60 and c.credit_re.search(text)) or _BRACKETED_NAMES_RE.match(text):
        return "credit"
    if c.roster_sign_re.search(text) and roster_share(text) >= c.roster_share:
        return "roster"
    if text.rstrip("。，；、 ").endswith(c.attendee_endings) and _is_attendee_list(text.rstrip("。，；、 ")):
        return "roster"
    return None


def is_dangling(clause: str) -> bool:
    """A clause that needs a main clause after it: 根据…, 随着…, 在…的同时, 以…为指导."""
    c = cues()
    core = clause.rstrip("，,；;：:。 ")
    return core.startswith(c.dependent_openers) or (core.endswith(c.dependent_endings)
                                                    and not core.endswith(c.independent_endings))


def point_fault(text: str) -> str | None:
    """What is wrong with a bullet: a roster, headcount, ceremony or credit; a last clause
    that needs a main clause after it ("hanging"); a title left open. None if it is sound."""
    from .units import clauses

    reason = is_noise(text)
    if reason:
        return reason
    parts = clauses(text)
    if parts and is_dangling(parts[-1]):
        return "hanging"
    if text.count("《") > text.count("》"):
        return "open title"
    return None



def _is_attendee_list(text: str) -> bool:
    """"…经济委员会、提案管理委员会负责人": bodies, then who of them attended."""
    c = cues()
    ending = max((e for e in c.attendee_endings if text.endswith(e)), key=len, default=None)
    if ending is None:
        return False
    pieces = [p for p in re.split(r"[、，,]", text[:-len(ending)]) if p]
    return bool(pieces) and all(p.endswith(c.body_endings) for p in pieces)
