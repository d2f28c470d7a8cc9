"""Text units the summarizers score, and the compressor that turns one into a bullet.

A unit is a sentence, or one "；"-separated part of a long enumerating sentence; it
always remembers the full sentence and paragraph it came from. Compression only ever
removes whole clauses (cue prefix, trailing formulae, low-value clauses), so a bullet
reads as the report wrote it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache

from ..data import read_list
from ..model import Report, SourceSentence
from ..segmenter import split_sentences


@cache
def formulae() -> frozenset[str]:
    """The domain stop list: formulae every meeting report shares."""
    return frozenset(read_list("formulae.txt"))


@dataclass
class Unit:
    """A candidate for a key point."""

    text: str
    source: SourceSentence
    position: int  # order of the unit within its meeting
    after_heading: bool = False
    is_heading: bool = False
    is_lead: bool = False  # the first sentence of an article's body: the news lead
    topic: str | None = None  # the paragraph's "要在X上…" topic, for "X：…" bullets


# A paragraph opening "要在稳增长强动能上取得新成效。" announces its topic: 稳增长强动能.
_TOPIC_RE = re.compile(r"^要在(?P<topic>[^，。；]{2,16}?)上[^，。；]{0,8}。$")
# Long sentences that enumerate tasks with "；" give one unit per task.
SPLIT_LONG_SENTENCE_CHARS = 90


def report_sentences(reports: list[Report]) -> list[SourceSentence]:
    """Every body sentence of a meeting's reports, in reading order, each once: what the
    baselines read, with none of this summarizer's choices about units."""
    seen: set[str] = set()
    out = []
    for report in reports:
        for p in report.paragraphs:
            if p.is_heading:
                continue
            for sentence in split_sentences(p.text):
                if sentence not in seen:
                    seen.add(sentence)
                    out.append(SourceSentence(report.path, p.index, sentence))
    return out


def meeting_units(reports: list[Report]) -> list[Unit]:
    """Every candidate unit of a meeting's reports, in reading order."""
    units: list[Unit] = []
    for report in reports:
        previous_heading = False
        lead_done = False
        for i, p in enumerate(report.paragraphs):
            if p.is_heading:
                # Sub-headings state a point; the article's own title only restates the meeting.
                if i > 0 and len(p.text) >= 8:
                    src = SourceSentence(report.path, p.index, p.text)
                    units.append(Unit(p.text, src, len(units), is_heading=True))
                previous_heading = True
                continue
            sentences = split_sentences(p.text)
            topic_match = _TOPIC_RE.match(sentences[0]) if len(sentences) > 1 else None
            topic = topic_match.group("topic") if topic_match else None
            for k, sentence in enumerate(sentences):
                if k + 1 < len(sentences) and _TOPIC_RE.match(sentence):
                    # "要在X上展现新担当。" heads the sentences after it; alone it is a formula.
                    # Opening the paragraph, it also becomes their topic (above).
                    continue
                src = SourceSentence(report.path, p.index, sentence)
                parts = [sentence]
                if len(sentence) > SPLIT_LONG_SENTENCE_CHARS and "；" in sentence:
                    parts = [s for s in re.split(r"(?<=；)", sentence) if s.strip()]
                for part in parts:
                    units.append(Unit(part, src, len(units), after_heading=previous_heading,
                                      is_lead=not lead_done, topic=topic))
                lead_done = True
                previous_heading = False
    return units


# --- compression ------------------------------------------------------------------------

_CUE_PREFIX_RE = re.compile(
    r"^(?:(?:全会|会议|大会|报告|[\u4e00-\u9fff]{2,3}(?=指出|强调|要求|表示))"
    r"(?:还|同时|并|进一步|特别|明确)?(?:指出|强调|要求|认为|提出|号召|明确|表示|部署)[，：:]?"
    r"|[他她](?:还|同时)?(?:说|指出|强调|表示|要求)[，：:])"
)
_LEAD_WORDS_RE = re.compile(
    r"^(?:(?:一|二|三|四|五|六|七|八|九|十)是|[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）"
    r"|首先|其次|最后|我们|我区)[，、：]?"
    r"|^(?:同时|此外|另外|其中|据介绍|目前|当前|下一步|下一阶段|今后|会上|对此|一方面|另一方面|同一天|同日|与此同时"
    r"|(?:就在)?(?:上月底|上月|月初|月底|近日|日前|此前|今年以来|近年来|去年以来)"
    r"|\d{1,2}月\d{1,2}日(?:上午|下午|晚上|晚)?)[，：]"
)
# Clauses that report the meeting itself (when, who held it, who spoke or attended),
# not what it decided: the deck shows those as facts.
LOGISTICS_RE = re.compile(
    r"召开|举行|主持|出席|列席|参加|获悉|引起热烈反响|\d{1,2}月\d{1,2}日|作了讲话|作讲话|讲话$|讲话。"
    r"|作.{0,4}报告|还研究了|还讨论了|等区四套班子|传达.{0,20}(?:精神|讲话)|专题辅导报告|为题"
    r"|通报.{0,12}情况|总结\d{4}年.{0,6}部署"
)


def is_logistics(clause: str) -> bool:
    return bool(LOGISTICS_RE.search(clause))


def without_logistics(parts: list[str]) -> list[str]:
    """``parts`` without the clauses on who met where, and without those that only name
    who attended ("旗政协副县以上在家干部，各委办主任…列席会议"): a clause ending on people
    (data/point_noise.yaml: attendee_nouns) before a clause of attendance."""
    from .noise import cues, roster_share

    dropped = {i for i, part in enumerate(parts) if is_logistics(part)}
    # Clauses that end a list of who attended: the attendance clause, then each clause
    # before it that names people (ends on them, or is titles and names: "县政协主席周明河").
    listing = {i for i, part in enumerate(parts) if _ATTENDANCE_RE.search(part) and (
        i in dropped or roster_share(part) >= cues().roster_share)}
    dropped |= listing
    for i in range(len(parts) - 2, -1, -1):
        core = parts[i].rstrip("，,；; ")
        if i not in dropped and i + 1 in listing and _comma_ended(parts[i]) and (
                core.endswith(cues().attendee_nouns) or roster_share(core) >= cues().roster_share):
            dropped.add(i)
            listing.add(i)
    return [part for i, part in enumerate(parts) if i not in dropped]


_ATTENDANCE_RE = re.compile(r"出席|列席|参加|就座|就坐")


def _comma_ended(part: str) -> bool:
    """A clause that a comma ends: the sentence goes on to say what its people did."""
    return part.endswith(("，", ","))


def content_clauses(text: str) -> list[str]:
    """The clauses of a unit that say something: cue, logistics and bare formulae removed."""
    return without_logistics(clauses(strip_cues(text)))
# A colon between digits is a time (下午3:00), not a clause's end.
_CLAUSE_RE = re.compile(r"(?:[^，；：,;:…]|…(?!…)|(?<=\d):(?=\d))+(?:[，；：,;:]|……)?")
_END_PUNCT = "，。；：！？,;:"


def without_cue(text: str) -> str:
    """The text after its introducing cue ("全会指出，", "会议强调，"), nothing else removed."""
    return _CUE_PREFIX_RE.sub("", text).strip()


# "要看到…", "要认清…": what to bear in mind, not what to do; the 要 belongs to the verb.
RECOGNITION_OPENERS = ("要看到", "要认清", "要认识", "要清醒")
_KEEP_YAO = ("要素", "要点", "要求", *RECOGNITION_OPENERS)


def strip_cues(text: str) -> str:
    """Drop the cue that introduced a point ("全会指出，", "一是", a leading 要)."""
    previous = None
    while previous != text:
        previous = text
        text = _CUE_PREFIX_RE.sub("", text).strip()
        text = _LEAD_WORDS_RE.sub("", text).strip()
        # "要加快…" reads as "加快…" on a slide; "要看到…" needs its 要.
        if text.startswith("要") and not text.startswith(_KEEP_YAO):
            text = text[1:]
    return text


def clauses(text: str) -> list[str]:
    return [c for c in _CLAUSE_RE.findall(text) if c.strip("，；：,;: ")]


@cache
def _formula_re() -> re.Pattern[str]:
    """All formulae in one pattern, longest first, so a text is scanned once."""
    return re.compile("|".join(re.escape(f) for f in sorted(formulae(), key=len, reverse=True)))


def formula_share(text: str) -> float:
    """How much of ``text`` is covered by domain formulae (0..1)."""
    core = re.sub(rf"[{_END_PUNCT}、“”《》（）\s]", "", text)
    if not core:
        return 1.0
    return sum(m.end() - m.start() for m in _formula_re().finditer(core)) / len(core)


# "切实增强…", "进一步凝聚…": intensifiers that a slide bullet does without.
_INTENSIFIER_RE = re.compile(
    r"^要?(?:切实|进一步|不断|认真|积极|大力|努力|着力|扎实|坚决|全力|真正|有效)(?=[\u4e00-\u9fff]{2})"
    rf"|^要(?!{'|'.join(w[1:] for w in _KEEP_YAO)})(?=[\u4e00-\u9fff]{{2}})"
)


# "在深化落实X上作出新作为、取得新成效": the promise is a formula; X is the point.
_PROMISE_RE = re.compile(
    r"^在([^，；]{4,30})上(?:作出|取得|展现|实现|展示|彰显|体现|迈出)(?:新|更大|更多)[^，；]*?(?=[，；,;]?$)"
)


def trimmed_clause(clause: str) -> str:
    """A clause as a bullet shows it: intensifiers and the promise formula gone."""
    return _PROMISE_RE.sub(r"\1", _INTENSIFIER_RE.sub("", clause))


def finish(text: str) -> str:
    """Bullets end without punctuation and without dangling quotes."""
    text = text.strip().rstrip(_END_PUNCT + "…").strip()
    if text.count("“") > text.count("”"):
        text += "”"
    return text


# "紧密结合…专项工作，", "在全域转型中，", "当前形势下…，": the setting of an action, not
# the action; a bullet that keeps one keeps the clause after it too.
_FRAMING_RE = re.compile(
    r"^(?:紧密结合|结合|围绕|按照|对照|根据|立足|面对|面向|当前|在[^，；]{1,24}(?:中|下|背景|基础上)[，,]$"
    r"|以[^，；]{1,16}为(?:引领|抓手|重点|核心|目标|契机|牵引)[，,]$)"
)


def head_clauses(parts: list[str]) -> list[int]:
    """Where a bullet must start: any leading setting clauses and the first clause that acts."""
    head = [0]
    while head[-1] + 1 < len(parts) and _FRAMING_RE.search(parts[head[-1]]):
        head.append(head[-1] + 1)
    return head


def compress(text: str, max_chars: int, clause_weight: dict[str, float],
             target_chars: int | None = None, keep: Callable[[str], bool] | None = None,
             parts: list[str] | None = None) -> str | None:
    """Shorten a unit to a slide bullet by dropping whole clauses, or None.

    The cue prefix and the clauses about the meeting itself go first, then leading and
    trailing formulae; a longer bullet keeps its first clause (its subject and verb)
    and then the most valuable clauses until ``target_chars`` (never beyond ``max_chars``).
    ``parts`` are the text's content clauses where the caller has them already.
    """
    parts = content_clauses(text) if parts is None else list(parts)
    while len(parts) > 1 and formula_share(parts[-1]) >= 0.6:
        parts.pop()
    while len(parts) > 1 and formula_share(parts[0]) >= 0.8:
        parts.pop(0)
    if not parts:
        return None
    # A purpose clause ("为深入学习贯彻…精神，") left alone says nothing by itself.
    if len(parts) == 1 and parts[0].startswith("为") and parts[0].endswith(("，", ",")):
        return None
    target = min(target_chars or max_chars, max_chars)
    must_keep = {i for i, part in enumerate(parts) if keep is not None and keep(part)}
    everything = settled(parts, range(len(parts)))
    if not everything:
        return None
    whole = finish(strip_cues("".join(trimmed_clause(parts[i]) for i in everything)))
    if len(whole) <= target:
        return whole
    head = head_clauses(parts)
    if sum(len(parts[i]) for i in head) > max_chars:
        head = head[-1:]  # the setting goes before the action does
    if len(finish(parts[head[-1]])) > max_chars:
        return None
    chosen = set(head)
    used = sum(len(parts[i]) for i in head)
    ranked = sorted((i for i in range(len(parts)) if i not in chosen),
                    key=lambda i: -clause_weight.get(parts[i], 0.0) / len(parts[i]))
    # Clauses that carry a figure or a named programme may use the whole allowance;
    # the others stop at the target length.
    for must in (True, False):
        limit = max_chars if must else target
        for i in ranked:
            if i in chosen or clause_weight.get(parts[i], 0.0) <= 0 or (i in must_keep) != must:
                continue
            if used + len(parts[i]) <= limit:
                chosen.add(i)
                used += len(parts[i])
    kept = settled(parts, chosen, max_chars)
    return finish(strip_cues("".join(trimmed_clause(parts[i]) for i in kept))) if kept else None


def settled(parts: list[str], chosen: Iterable[int], max_chars: int | None = None) -> list[int]:
    """The chosen clauses, in order, without trailing ones that leave a bullet hanging: a
    clause that needs a main clause after it ("根据…", "在…的同时") or a title left open
    ("《凝心聚力、创新实干"). The clause that settles it is added where it fits in
    ``max_chars``; else the hanging one goes. Empty where nothing settled is left."""
    from .noise import is_dangling

    kept = sorted(chosen)
    if max_chars is not None and kept and is_dangling(parts[kept[-1]]):
        after = kept[-1] + 1
        if after < len(parts) and not is_dangling(parts[after]):
            # Room for the main clause is made by letting earlier clauses go, first first.
            grown = [*kept, after]
            while len(grown) > 2 and sum(len(parts[i]) for i in grown) > max_chars:
                grown.pop(0)
            if sum(len(parts[i]) for i in grown) <= max_chars:
                kept = grown
    while kept:
        text = "".join(parts[i] for i in kept)
        if is_dangling(parts[kept[-1]]) or text.count("《") > text.count("》"):
            kept.pop()
            continue
        break
    return kept
