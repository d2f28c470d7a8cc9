"""The keyword-and-heading summarizer: extractive key points per meeting.

Scores each unit by the meeting's distinctive keywords (jieba TF-IDF without the
formulae every report shares, weighted up for words that set this district apart
from the others in the run), heading cues (sub-headings, 一是/二是, 全会指出/强调,
要在…上), figures and named programmes, and position; picks with redundancy control
(MMR); compresses each pick to a slide bullet at clause boundaries.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import cache

from .. import nlp
from ..lexicon import DOCUMENT_RE, FIGURE_RE
from ..model import KeyPoint, Meeting
from ..store import ResultStore
from .agenda import agenda_units
from .noise import is_noise
from .units import (
    RECOGNITION_OPENERS,
    Unit,
    clauses,
    compress,
    content_clauses,
    formula_share,
    formulae,
    meeting_units,
    strip_cues,
    without_cue,
    without_logistics,
)

_CUE_RE = re.compile(
    r"^(?:全会|会议|大会)(?:还|同时|并|进一步)?(?:指出|强调|要求|认为|提出|明确|号召)"
    r"|^[\u4e00-\u9fff]{2,3}(?:指出|强调|要求)"
    r"|^(?:一|二|三|四|五|六|七|八|九|十)是|^[一二三四五六七八九十]+、|^要在.{2,20}?上"
)
# Bounded runs of digits after (?<!\d): an unbounded one makes a long line of digits quadratic.
_PROGRAMME_RE = re.compile(r"“[^“”]{2,14}”|(?<!\d)\d{1,4}\+\d{1,4}(?:\+[\dA-Z]{1,4})*|[“\"]?(?<!\d)\d{1,4}\+[A-Z]")
# "2+7"产业体系, “1+X+Y”人才政策: a programme with a number is as telling as a figure.
_NUMBERED_PROGRAMME_RE = re.compile(r"(?<!\d)\d{1,4}\+[\dA-Z]")
_ADOPTED_RE = re.compile(r"(审议通过|通过了|印发|出台)《")
# "全会强调，要…", "一是…", "加快推进…": what the meeting asks for (matched after the cue).
_DIRECTIVE_RE = re.compile(
    r"^(?:[一二三四五六七八九十]是)?(?:要|加快|推进|推动|实施|打造|聚焦|强化|深化|抓好|培育|加强|完善|健全"
    r"|建立|坚持|全力|着力|持续|大力)"
)
# "一年来，我们…取得了…": a look back.
_RETROSPECTIVE_RE = re.compile(r"一年来|过去一年|以来，|^我们|取得了|实现了|呈现出")
# "X是Y的…之年/命题/内容": a definition or background, not a decision.
_DEFINITION_RE = re.compile(r"^[^，。]{1,25}是[^。]{0,40}?(?:之年|一年|命题|内容|基础|主题|环节|年份)")
# "比如，一家…", "“华平银河”项目，…", "某某有限公司…": one instance, not the point it illustrates.
_EXAMPLE_RE = re.compile(
    r"^(?:比如|例如|譬如)|^(?:[^，。]{0,6}[，,])?(?:比如|例如|譬如)[，,]|^一家"
    r"|^“[^“”]{2,20}”项目|^[^，。“”]{2,20}(?:有限公司|集团)"
)


def figure_weight(text: str) -> float:
    """Headline figures (amounts, sizeable counts, rates) make a point worth more."""
    best = 1.0
    for m in FIGURE_RE.finditer(text):
        value, multiplier, unit = float(m["num"]), m["mult"], m["unit"]
        if unit.endswith("元") and multiplier:
            weight = 2.2
        elif unit == "%":
            weight = 1.6
        elif value >= 10:
            weight = 2.0
        else:
            weight = 1.2
        best = max(best, weight)
    return best
_SPEECH_RE = re.compile(r"^“|(?:表示|说)[，：:]?“?|^[\u4e00-\u9fff]{2,4}(?:党总支|村|街道|镇)")
# Numbers, Latin letters and units of measure (亿元, 平方米): figures are weighed on their own.
_NOT_A_KEYWORD_RE = re.compile(r"[\d.%]+|[a-z]+|(?:万亿|亿|万|千)?(?:美元|元|人次|平方米|平方公里|公里|吨|亩)")
_NUMBERED_RE = re.compile(r"第?[一二三四五六七八九十百\d]{1,8}[届次号]")
_QUOTED_TERM_RE = re.compile(r"“([^“”\s]{2,10})”")



# Bullets aim at this share of the template's characters per point: a slide reads
# better in short lines, and the longest allowed is kept for clauses that need it.
TARGET_SHARE = 0.55
# A news lead sums its article up.
LEAD_WORTH = 1.3
# A headline figure adds this many times the meeting's typical keyword score.
FIGURE_WORTH = 1.5
# A numbered programme adds as much as a sum of money does (FIGURE_WORTH x (2.2 - 1)).
NUMBERED_PROGRAMME_WORTH = 1.8
# Documents a meeting adopted that are placed before any other point.
MAX_ADOPTED_FIRST = 2
# A candidate scoring below this share of the meeting's best is weak.
WEAK_SHARE = 0.25
# "X是…的关键一年": background, not a decision; worth this share of its score.
DEFINITION_FACTOR = 0.6
# What a point with a headline figure of a new measure gains in the choice (top score: 1).
NEW_FIGURE_BONUS = 0.12
# An agenda item's score: below every directive's, so it only fills a free place.
AGENDA_SCORE = 0.1
# Two bullets sharing more than this share of character bigrams say the same thing.
DUPLICATE_SIMILARITY = 0.6
# Only this many of a meeting's best units per wanted point are compressed and weighed:
# the rest never win a place, and a huge report would otherwise cost time for nothing.
CANDIDATES_PER_POINT = 3
# A meeting gets a point for each this many characters of what its reports say (within
# the template's points per meeting, and at least its minimum).
CONTENT_CHARS_PER_POINT = 150
# Keywords come from at most this much of a meeting's text: plenty for any real report,
# and it bounds the time a pasted dump of many megabytes can take.
KEYWORD_TEXT_CHARS = 200_000


@dataclass
class SummarizerSettings:
    points_per_meeting: int = 6
    min_points: int = 4
    max_chars_per_point: int = 60
    extra_stopwords: tuple[str, ...] = ()
    mmr_lambda: float = 0.72
    # The template's theme terms (就业, 创新…): always worth showing as keywords.
    theme_terms: frozenset[str] = frozenset()


def quoted_terms(text: str) -> frozenset[str]:
    """Quoted names (“南北转型”, “专精特新”): they stay one word in this text."""
    return frozenset(term for term in _QUOTED_TERM_RE.findall(text) if not term.isascii())


# "学习贯彻全国两会精神", "贯彻十一届市委十一次全会精神": the occasion every report
# names, not what this meeting decided; its words are kept out of the keywords.
_STUDY_FORMULA_RE = re.compile(r"(?:学习|贯彻|落实|传达|领会)[^，。；、]{0,24}?精神")


def meeting_text(meeting: Meeting) -> str:
    return "\n".join(p.text for r in meeting.reports for p in r.paragraphs)


def keyword_text(meeting: Meeting) -> str:
    """The meeting's text as the keyword extractor should see it."""
    return _STUDY_FORMULA_RE.sub("。", meeting_text(meeting))


def keywords(
    text: str, stopwords: frozenset[str], names: frozenset[str] = frozenset(), top_k: int = 40
) -> list[tuple[str, float]]:
    """TF-IDF keywords; formulae, numbers, ordinals and proper names left out."""
    tags = nlp.tfidf(text, stopwords, top_k * 3, quoted_terms(text))
    # A word inside a name, or a name inside a word: one search each over all the names.
    all_names = "|".join(names)
    long_names = [re.escape(n) for n in names if len(n) >= 2]
    name_re = re.compile("|".join(long_names)) if long_names else None
    out = []
    for word, weight in tags:
        if (len(word) < 2 or word in stopwords or _NOT_A_KEYWORD_RE.fullmatch(word)
                or _NUMBERED_RE.fullmatch(word)
                or word in all_names or (name_re is not None and name_re.search(word))):
            continue
        out.append((word, weight))
        if len(out) == top_k:
            break
    return out


def distinctive_weights(
    per_meeting: list[list[tuple[str, float]]], districts: list[str]
) -> tuple[list[dict[str, float]], list[tuple[int, ...]]]:
    """Weight up the words one district uses and the others do not. With each meeting's
    weights, what they follow from besides its keywords: the number of districts, then how
    many use each of its words (a stored summary is looked up by these, not by floats)."""
    n_districts = len(set(districts))
    used_by: dict[str, set[str]] = {}
    for kws, district in zip(per_meeting, districts, strict=True):
        for word, _ in kws:
            used_by.setdefault(word, set()).add(district)
    result, spreads = [], []
    for kws in per_meeting:
        weights = {}
        spread_of = [n_districts]
        for word, weight in kws:
            spread = len(used_by[word])
            boost = 1.0 + math.log((1 + n_districts) / (1 + spread)) if n_districts > 1 else 1.0
            weights[word] = weight * boost
            spread_of.append(spread)
        result.append(weights)
        spreads.append(tuple(spread_of))
    return result, spreads


def _bigrams(text: str) -> set[str]:
    core = re.sub(r"[^\u4e00-\u9fffA-Za-z0-9]", "", text)
    return {core[i: i + 2] for i in range(len(core) - 1)}


def _keyword_score(text: str, weights: dict[str, float]) -> float:
    hits = {w for w in weights if w in text}
    if not hits:
        return 0.0
    return sum(weights[w] for w in hits) / math.sqrt(max(len(text), 20) / 20)


def score_unit(unit: Unit, weights: dict[str, float], n_units: int, leader_names: set[str],
               typical: float = 1.0, body: str | None = None, keyword_score: float | None = None) -> float:
    """How much a unit deserves a bullet. ``typical`` is the meeting's median keyword
    score: a headline figure is worth that much again whatever words surround it.
    ``body`` (the unit's content clauses, joined) and its ``keyword_score`` may come from a
    caller that has worked them out already."""
    text = unit.text
    if body is None:
        body = "".join(content_clauses(text))
    if len(body) < 8:
        return 0.0  # nothing left but who met and who spoke: the deck shows those as facts
    if keyword_score is None:
        keyword_score = _keyword_score(body, weights)
    score = keyword_score + FIGURE_WORTH * typical * (figure_weight(body) - 1.0)
    if _NUMBERED_PROGRAMME_RE.search(body):
        score += NUMBERED_PROGRAMME_WORTH * typical
    if _CUE_RE.search(text):
        score *= 1.35
    if unit.is_heading:
        score *= 1.4
    if unit.is_lead:
        score *= LEAD_WORTH
    if unit.after_heading:
        score *= 1.15
    # A meeting report's points are what it asks for next, more than what it looks back on.
    directive = without_cue(text)
    if _DIRECTIVE_RE.search(directive) and not directive.startswith(RECOGNITION_OPENERS):
        score *= 1.3
    elif _RETROSPECTIVE_RE.search(text) and figure_weight(body) == 1.0:
        score *= 0.75
    if _DEFINITION_RE.search(body):
        score *= DEFINITION_FACTOR
    if _EXAMPLE_RE.search(text):
        score *= 0.6  # "比如，一家…": an illustration, not the point itself
    if _PROGRAMME_RE.search(text):
        score *= 1.3
    if _ADOPTED_RE.search(text):
        if all(title.endswith("决议") for title in (m["title"] for m in DOCUMENT_RE.finditer(text))):
            return 0.0  # the meeting's own resolution: a formality, shown as a fact
        score *= 1.6
    if _SPEECH_RE.search(text) and not any(name in text[:8] for name in leader_names):
        score *= 0.55
    if len(body) < 30 and any(name in body for name in leader_names):
        return 0.0
    score *= 1.0 - 0.7 * formula_share(body)
    score *= 1.0 + 0.25 * (1 - unit.position / max(n_units, 1))
    return score


Candidate = tuple[float, Unit, str]


def _select(pool: list[Candidate], chosen: list[Candidate], limit: int, lam: float) -> list[Candidate]:
    """Maximal marginal relevance: good points that do not repeat each other.

    Each candidate's redundancy (its highest similarity to a chosen point) is kept up to
    date as points are chosen, so a pick costs one pass over the pool.
    """
    chosen = list(chosen)
    grams = {id(c): _bigrams(c[2]) for c in (*pool, *chosen)}

    def sim(a: Candidate, b: Candidate) -> float:
        ga, gb = grams[id(a)], grams[id(b)]
        return len(ga & gb) / min(len(ga), len(gb)) if ga and gb else 0.0

    redundancy = {id(c): max((sim(c, o) for o in chosen), default=0.0) for c in pool}
    # A headline figure of a measure no chosen point carries yet (45个 beside 3000亿元) is
    # news the slide does not have: it counts for a little more.
    measures = {id(c): _headline_measures(c[2]) for c in (*pool, *chosen)}
    shown = set().union(*(measures[id(c)] for c in chosen))
    pool = list(pool)
    while pool and len(chosen) < limit:
        best = max(pool, key=lambda c: lam * (c[0] + NEW_FIGURE_BONUS * bool(measures[id(c)] - shown))
                   - (1 - lam) * redundancy[id(c)])
        pool.remove(best)
        if redundancy[id(best)] > DUPLICATE_SIMILARITY:
            continue
        chosen.append(best)
        shown |= measures[id(best)]
        for c in pool:
            redundancy[id(c)] = max(redundancy[id(c)], sim(c, best))
    return chosen


def _headline_measures(text: str) -> set[str]:
    """Units of the headline figures in a text (亿元, %, 个 from ten up)."""
    return {m["unit"] for m in FIGURE_RE.finditer(text) if figure_weight(m.group(0)) >= 1.6}


def _worth_keeping(clause: str) -> bool:
    """A clause with a headline figure or a named programme is kept whenever it fits."""
    return figure_weight(clause) > 1.2 or bool(_PROGRAMME_RE.search(clause))


def _merge_parts(chosen: list[Candidate], max_chars: int, pool: list[Candidate] | None = None) -> list[Candidate]:
    """Join chosen parts of one "；"-enumerating sentence into one bullet where it fits.

    A part of ``pool`` next to a chosen part of the same sentence joins it too when it
    carries a headline figure ("…1736家；…产值3726.3亿元"): one sentence's figures go together.
    """
    taken = {id(c[1]) for c in chosen}
    riders = [
        p for p in pool or []
        if id(p[1]) not in taken and figure_weight(p[2]) > 1.2
        and any(p[1].source == c[1].source and abs(p[1].position - c[1].position) == 1 for c in chosen)
    ]
    rider_ids = {id(p[1]) for p in riders}
    ordered = sorted([*chosen, *riders], key=lambda c: c[1].position)
    out: list[Candidate] = []
    for cand in ordered:
        if out:
            last = out[-1]
            same_sentence = last[1].source == cand[1].source and cand[1].position - last[1].position == 1
            joined = f"{last[2]}；{cand[2]}"
            if same_sentence and len(joined) <= max_chars:
                out[-1] = (max(last[0], cand[0]), cand[1], joined)
                continue
        if id(cand[1]) not in rider_ids:
            out.append(cand)
    return out


def summarize_meeting(
    meeting: Meeting, weights: dict[str, float], settings: SummarizerSettings
) -> list[KeyPoint]:
    """Pick and compress the key points of one meeting."""
    units = meeting_units(meeting.reports)
    if not units:
        return []
    leader_names = {leader.name for leader in meeting.leaders}
    # Each unit's clauses, its cue gone, worked out once: scoring and compression share them.
    unit_clauses = [clauses(strip_cues(u.text)) for u in units]
    unit_parts = [without_logistics(cs) for cs in unit_clauses]
    bodies = ["".join(parts) for parts in unit_parts]
    body_scores = [_keyword_score(body, weights) for body in bodies]
    keyword_scores = sorted(s for s in body_scores if s > 0)
    typical = keyword_scores[len(keyword_scores) // 2] if keyword_scores else 1.0
    # Rosters, headcounts, the hall and the ritual, credits: no point, whatever their words.
    scored = [(0.0 if is_noise(u.text) else
               score_unit(u, weights, len(units), leader_names, typical, bodies[i], body_scores[i]), i)
              for i, u in enumerate(units)]
    top = max(s for s, _ in scored) or 1.0
    # Compress only what could be chosen: the best units, a few times the points wanted.
    max_candidates = CANDIDATES_PER_POINT * max(settings.points_per_meeting, settings.min_points)
    scored = sorted((x for x in scored if x[0] > 0), key=lambda x: -x[0])[:max_candidates]
    scored.sort(key=lambda x: x[1])
    candidates: list[Candidate] = []
    for score, i in scored:
        unit = units[i]
        clause_weight = {
            c: _keyword_score(c, weights) + typical * (figure_weight(c) - 1.0) * 2
            + (typical * 0.8 if _PROGRAMME_RE.search(c) else 0.0)
            for c in unit_clauses[i]
        }
        bullet = compress(unit.text, settings.max_chars_per_point, clause_weight,
                          round(settings.max_chars_per_point * TARGET_SHARE), keep=_worth_keeping,
                          parts=unit_parts[i])
        # What is left once the meeting's own facts are cut may be only who attended.
        if bullet and len(bullet) >= 8 and not is_noise(bullet):
            # "稳增长强动能：强化经济运行调度…": the paragraph's topic leads where it fits.
            if unit.topic and len(unit.topic) + 1 + len(bullet) <= settings.max_chars_per_point:
                bullet = f"{unit.topic}：{bullet}"
            candidates.append((score / top, unit, bullet))
    candidates.sort(key=lambda c: -c[0])
    strong = [c for c in candidates if c[0] >= WEAK_SHARE]
    weak = [c for c in candidates if c[0] < WEAK_SHARE]
    # A short item cannot carry as many points as a plenary's report: one per so much text.
    content = sum(map(len, bodies))
    wanted = min(settings.points_per_meeting, max(settings.min_points, -(-content // CONTENT_CHARS_PER_POINT)))
    # What the meeting adopted (审议通过《…》) is the first thing it decided: it has its
    # place before the others compete for theirs.
    adopted = [c for c in strong if _ADOPTED_RE.search(c[1].text)][:MAX_ADOPTED_FIRST]
    placed = {id(c[1]) for c in adopted}
    chosen = _select([c for c in strong if id(c[1]) not in placed], adopted[:wanted], wanted, settings.mmr_lambda)
    merged = _merge_parts(chosen, settings.max_chars_per_point, candidates)
    if len(merged) < len(chosen):
        # Parts of one sentence became one bullet: the freed places go to the next best.
        used = {id(c[1]) for c in chosen}
        rest = [c for c in strong if id(c[1]) not in used]
        merged = _select(rest, merged, wanted, settings.mmr_lambda)
    chosen = merged
    # Weak candidates only make up the minimum; they never displace real points.
    chosen = _select(weak, chosen, settings.min_points, settings.mmr_lambda)
    if len(chosen) < wanted:
        # A short note that is all agenda (传达学习…, 听取…汇报, 审议通过…): its items fill
        # the places its directives leave free.
        items = [(AGENDA_SCORE, unit, bullet) for unit, bullet in agenda_units(units, settings.max_chars_per_point)]
        chosen = _select(items, chosen, wanted, settings.mmr_lambda)
    # Reading order; items taken from one sentence (its agenda) in the order it gives them.
    chosen.sort(key=lambda item: (item[1].position, max(item[1].source.sentence.find(item[2][:6]), 0)))
    points = []
    previous_topic = None
    for score, unit, bullet in chosen:
        # "X：a", "X：b" under one topic: the topic is said once, on the first of them.
        if unit.topic and unit.topic == previous_topic and bullet.startswith(f"{unit.topic}："):
            bullet = bullet[len(unit.topic) + 1:]
        previous_topic = unit.topic
        points.append(KeyPoint(text=bullet, score=round(score, 4), source=unit.source))
    return points


# Parts of speech (jieba's tags) that name no subject of a meeting: verbs, adjectives,
# adverbs, pronouns, prepositions, conjunctions, particles, locatives, classifiers, and
# organisations' names. They still weigh in the scoring; they are not shown as keywords.
_NOT_SHOWN_TAGS = frozenset({"v", "a", "ad", "d", "r", "p", "c", "u", "f", "q", "nt"})


# Roles and meetings ("区委书记", "常务会议"): the slide shows them as facts already.
_FACT_WORD_ENDINGS = ("书记", "主任", "区长", "县长", "市长", "旗长", "部长", "局长", "主席", "会议", "汇报")


def shown_keywords(weights: dict[str, float], limit: int = 12,
                   theme_terms: frozenset[str] = frozenset()) -> list[tuple[str, float]]:
    """The keywords a reader sees: the heaviest subjects, not the heaviest verbs (a theme
    term such as 就业 is shown whatever its part of speech)."""
    ranked = sorted(weights.items(), key=lambda kv: -kv[1])
    tags = nlp.word_tables().tags({word for word, _ in ranked})
    return [(word, weight) for word, weight in ranked if is_shown_keyword(word, tags[word], theme_terms)][:limit]


def is_shown_keyword(word: str, tag: str | None, theme_terms: frozenset[str] = frozenset()) -> bool:
    """A subject a reader can take as a keyword: not a verb, an adjective or a function word
    (by jieba's part of speech), not a role or a meeting; a theme term always."""
    return word in theme_terms or (tag not in _NOT_SHOWN_TAGS and not word.endswith(_FACT_WORD_ENDINGS))


def proper_names(meeting: Meeting) -> frozenset[str]:
    """People and places: they identify a meeting but are not what it is about."""
    places = {meeting.district, meeting.city, meeting.province}
    # The places around: a neighbour named is no topic either.
    return frozenset({leader.name for leader in meeting.leaders} | places | _province_places(meeting.province)) - {""}


@cache
def _province_places(province: str) -> frozenset[str]:
    """Every division of a province, by full and short name."""
    from ..places import gazetteer

    if not province:
        return frozenset()
    return frozenset(name for d in gazetteer().divisions if d.province == province for name in (d.name, d.short))


def summarize(meetings: list[Meeting], settings: SummarizerSettings, store: ResultStore | None = None,
              identities: list[str] | None = None) -> None:
    """Fill ``keywords`` and ``points`` of every meeting (in place).

    With a ``store`` and the meetings' ``identities`` (what each was made of: see
    ``pipeline.build_briefing``), a meeting summarized before with the same settings and
    word weights takes its stored results; without identities nothing is stored."""
    from .. import store as stored
    from ..codec import encode
    from ..parallel import parallel_map

    stop = formulae() | frozenset(settings.extra_stopwords)
    nlp.segmenter()  # load the dictionaries once, before any worker is forked
    nlp.word_tables()
    if identities is None:
        store, identities = None, [""] * len(meetings)
    # Jobs name their meeting; its text is made where it is used (workers share the meetings).
    jobs = [(m, stop, facts) for m, facts in zip(meetings, identities, strict=True)]
    settings_key = stored.key_of(encode(settings), sorted(stop)) if store else ""
    per_meeting = stored.cached_map(store, "keywords", list[tuple[str, float]], _keywords_job, jobs,
                                    lambda job: (settings_key, job[2]), parallel_map)
    weights, spreads = distinctive_weights(per_meeting, [m.district for m in meetings])
    # A meeting's weights follow from its keywords (its identity and the settings) and the
    # words' spreads: those are its points' key.
    jobs_points = [(m, w, settings, facts, spread)
                   for m, w, facts, spread in zip(meetings, weights, identities, spreads, strict=True)]
    summaries = stored.cached_map(
        store, "points", _Summary, _points_job, jobs_points, lambda job: (settings_key, job[3], job[4]),
        parallel_map, lambda job: [str(path) for path in job[0].sources])
    for meeting, (found, shown) in zip(meetings, summaries, strict=True):
        meeting.points, meeting.keywords = found, shown


def _keyword_input(meeting: Meeting) -> str:
    return keyword_text(meeting)[:KEYWORD_TEXT_CHARS]


def _keywords_job(job: tuple[Meeting, frozenset[str], str]) -> list[tuple[str, float]]:
    meeting, stop, _ = job
    return keywords(_keyword_input(meeting), stop, proper_names(meeting))


_Summary = tuple[list[KeyPoint], list[tuple[str, float]]]


def _points_job(job: tuple[Meeting, dict[str, float], SummarizerSettings, str, tuple[int, ...]]) -> _Summary:
    """A meeting's points and the keywords a reader sees, kept together: both follow from
    its weights and the settings."""
    meeting, weights, settings, _, _ = job
    return summarize_meeting(meeting, weights, settings), shown_keywords(weights, theme_terms=settings.theme_terms)


