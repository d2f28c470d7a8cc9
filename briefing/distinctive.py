"""Terms that set a district apart, by a statistic rather than by weight alone.

Each district's words are compared with everyone else's by the weighted log-odds ratio
with an informative Dirichlet prior (Monroe, Colaresi & Quinn 2008, "Fightin' Words"):
the prior is the word's share of the whole input plus a background corpus of meeting
reports (``briefing/data/background_terms.tsv``), so a word every report uses (发展,
工作) is expected everywhere and only a real excess scores. A term is distinctive at
z ≥ 1.96. Words are jieba tokens of the meetings' text without the formulae every report
shares, without places, people, roles and meeting names, and without verbs and other
function words; each term keeps the sentence it first stands in, for the notes.
"""

from __future__ import annotations

import math
import re
import sys
from array import array
from collections import Counter
from dataclasses import dataclass
from functools import cache
from itertools import chain
from pathlib import Path

from .model import Meeting, MeetingProfile, SourceSentence
from .store import ResultStore

Z_DISTINCTIVE = 1.96  # two-sided 5 %
PRIOR_SIZE = 500.0  # α0: how many pseudo-counts the prior adds, spread by the words' shares
MAX_TERMS = 6
_HAN_WORD_RE = re.compile(r"^[\u4e00-\u9fff]{2,8}$")
# Numerals and quantities (一年), abbreviations of bodies (人大, 政协), time words and
# people's names (彭清华), set phrases and idioms (旗帜鲜明, 下功夫), as jieba tags them:
# what a report counts and who meets, not what it is about.
_NOT_COUNTED_TAGS = frozenset({"m", "mq", "j", "t", "nr", "nrt", "nrfg", "b", "l", "i"})


@dataclass
class DistinctiveTerm:
    term: str
    z: float
    count: int
    source: SourceSentence | None = None


@cache
def background_counts() -> Counter[str]:
    """Word counts of the background corpus of meeting reports shipped with briefing."""
    from .data import read_text

    counts: Counter[str] = Counter()
    for line in read_text("background_terms.tsv").splitlines():
        if line and not line.startswith("#"):
            word, _, n = line.partition("\t")
            if n.isdigit():
                counts[word] = int(n)
    return counts


class _Countable:
    """Tells a word that can say what a district is about: Chinese, no formula, no name,
    a subject. One per meeting (its names are compiled once)."""

    def __init__(self, stop: frozenset[str], names: frozenset[str], theme_terms: frozenset[str]) -> None:
        from .summarizers.keyword_heading import is_shown_keyword

        self._shown = is_shown_keyword
        self._stop = stop | generic_terms()
        self._theme_terms = theme_terms
        names = frozenset(n for n in names if n)
        self._names_blob = "\x00".join(names)  # a word inside a name: one search
        self._name_re = re.compile("|".join(map(re.escape, sorted(names, key=len, reverse=True)))) if names else None

    def __call__(self, word: str, tag: str | None) -> bool:
        if not _HAN_WORD_RE.match(word) or word in self._stop or tag in _NOT_COUNTED_TAGS:
            return False
        if not self._shown(word, tag, self._theme_terms):
            return False
        return not (word in self._names_blob or (self._name_re is not None and self._name_re.search(word)))


@cache
def generic_terms() -> frozenset[str]:
    """Officialese any report may use (briefing/data/generic_terms.txt)."""
    from .data import read_list

    return frozenset(read_list("generic_terms.txt"))


def _sentences(meeting: Meeting) -> list[tuple[tuple[int, int, int], Path, int, str]]:
    """Every sentence of a meeting's bodies with its place (report, body paragraph, sentence)."""
    from .segmenter import split_sentences

    return [((r, b, k), report.path, para.index, sentence)
            for r, report in enumerate(meeting.reports) for b, para in enumerate(report.body)
            for k, sentence in enumerate(split_sentences(para.text))]


def meeting_terms(meeting: Meeting, stop: frozenset[str], names: frozenset[str],
                  theme_terms: frozenset[str]) -> tuple[Counter[str], dict[str, SourceSentence]]:
    """The countable words of a meeting, and the first sentence each stands in."""
    profile = _term_profile(meeting, stop, names, theme_terms)
    sources = {word: source_sentence(meeting, profile, i) for i, word in enumerate(profile.words)}
    return Counter(profile.terms()), {w: s for w, s in sources.items() if s is not None}


def _term_profile(meeting: Meeting, stop: frozenset[str], names: frozenset[str],
                  theme_terms: frozenset[str]) -> MeetingProfile:
    from . import nlp
    from .summarizers.keyword_heading import keyword_text, quoted_terms

    sentences = _sentences(meeting)
    whole = quoted_terms(keyword_text(meeting))
    words_per_sentence = [nlp.cut(s, whole) for *_, s in sentences]
    # Counted and judged a distinct word at a time; each kept word placed at its first sentence.
    counted = Counter(chain.from_iterable(words_per_sentence))
    tags = nlp.word_tables().tags(set(counted))
    is_countable = _Countable(stop, names, theme_terms)
    counts = {w: n for w, n in counted.items() if is_countable(w, tags.get(w))}
    unplaced = set(counts)
    places: dict[str, tuple[int, int, int]] = {}
    for (place, *_), words in zip(sentences, words_per_sentence, strict=True):
        found = unplaced.intersection(words)
        if found:
            for word in found:
                places[word] = place
            unplaced -= found
            if not unplaced:
                break
    words = tuple(sys.intern(w) for w in counts)
    return MeetingProfile(words=words, counts=array("I", counts.values()),
                          places=array("I", (n for w in counts for n in places[w])))


def source_sentence(meeting: Meeting, profile: MeetingProfile, i: int) -> SourceSentence | None:
    """The sentence the profile's i-th word first stands in, found again in the meeting's text."""
    from .segmenter import split_sentences

    r, b, k = profile.place(i)
    try:
        report = meeting.reports[r]
        para = report.body[b]
        return SourceSentence(report.path, para.index, split_sentences(para.text)[k])
    except IndexError:  # the text is not what the profile was made from
        return None


def theme_hits(text: str, themes: tuple[tuple[str, tuple[str, ...]], ...]) -> dict[str, int]:
    """Occurrences of each theme's terms in a text (themes with none left out)."""
    hits = {theme: sum(text.count(term) for term in terms) for theme, terms in themes}
    return {theme: n for theme, n in hits.items() if n}


def meeting_profile(meeting: Meeting, stop: frozenset[str], theme_terms: frozenset[str],
                    themes: tuple[tuple[str, tuple[str, ...]], ...]) -> MeetingProfile:
    """What comparing districts needs of this meeting's text."""
    from .summarizers.keyword_heading import proper_names

    profile = _term_profile(meeting, stop, proper_names(meeting), theme_terms)
    text = "\n".join(p.text for r in meeting.reports for p in r.paragraphs)
    profile.theme_hits = theme_hits(text, themes)
    profile.themes = tuple(theme for theme, _ in themes)
    return profile


def profile_meetings(meetings: list[Meeting], stop: frozenset[str], theme_terms: frozenset[str],
                     themes: tuple[tuple[str, tuple[str, ...]], ...], store: ResultStore | None = None,
                     identities: list[str] | None = None) -> None:
    """Fill each meeting's ``profile`` (in place), on all cores, from stored results where
    the meeting and the settings are as before (``identities``: see ``summarize``)."""
    from . import nlp
    from .codec import encode
    from .parallel import parallel_map
    from .store import cached_map, key_of

    nlp.segmenter()  # loaded before any worker is forked
    nlp.word_tables()
    if identities is None:
        store, identities = None, [""] * len(meetings)
    settings_key = key_of(sorted(stop), sorted(theme_terms), encode(themes)) if store else ""
    jobs = [(m, stop, theme_terms, themes, facts) for m, facts in zip(meetings, identities, strict=True)]
    profiles = cached_map(store, "profile", MeetingProfile, _profile_job, jobs,
                          lambda job: (settings_key, job[4]), parallel_map,
                          lambda job: [str(path) for path in job[0].sources])
    for meeting, profile in zip(meetings, profiles, strict=True):
        meeting.profile = profile


def _profile_job(job: tuple[Meeting, frozenset[str], frozenset[str], tuple[tuple[str, tuple[str, ...]], ...], str]
                 ) -> MeetingProfile:
    meeting, stop, theme_terms, themes, _ = job
    return meeting_profile(meeting, stop, theme_terms, themes)


def log_odds(counts: dict[str, Counter[str]], prior: Counter[str], alpha0: float = PRIOR_SIZE
             ) -> dict[str, list[tuple[str, float, int]]]:
    """(word, z, count) of each group's words against all other groups, most distinctive first.

    Where there is one group, its words are set against the prior alone."""
    total_prior = sum(prior.values()) or 1
    everyone: Counter[str] = Counter()
    for c in counts.values():
        everyone.update(c)
    out: dict[str, list[tuple[str, float, int]]] = {}
    for group, own in counts.items():
        rest = everyone - own if len(counts) > 1 else prior
        n_own, n_rest = sum(own.values()), sum(rest.values())
        scored = []
        for word, y_own in own.items():
            a = alpha0 * prior.get(word, 0) / total_prior or alpha0 / total_prior
            y_rest = rest.get(word, 0)
            delta = (math.log((y_own + a) / (n_own + alpha0 - y_own - a))
                     - math.log((y_rest + a) / (n_rest + alpha0 - y_rest - a)))
            z = delta / math.sqrt(1 / (y_own + a) + 1 / (y_rest + a))
            scored.append((word, z, y_own))
        out[group] = sorted(scored, key=lambda item: -item[1])
    return out


def distinctive_terms(meetings_by_district: dict[str, list[Meeting]], stop: frozenset[str],
                      theme_terms: frozenset[str] = frozenset()) -> dict[str, list[DistinctiveTerm]]:
    """Each district's distinctive terms (z ≥ 1.96, at most six), with their first sentence.

    Uses each meeting's profile where the summarizer made one."""
    counts: dict[str, Counter[str]] = {}
    profiles: dict[str, list[tuple[Meeting, MeetingProfile]]] = {}
    for district, meetings in meetings_by_district.items():
        counts[district], profiles[district] = Counter(), []
        for meeting in meetings:
            profile = meeting.profile or meeting_profile(meeting, stop, theme_terms, ())
            counts[district].update(profile.terms())
            profiles[district].append((meeting, profile))
    prior = background_counts().copy()
    for c in counts.values():
        prior.update(c)
    scored = log_odds(counts, prior)
    out: dict[str, list[DistinctiveTerm]] = {}
    for district in counts:
        shown = [(w, z, n) for w, z, n in scored[district] if z >= Z_DISTINCTIVE][:MAX_TERMS]
        out[district] = [DistinctiveTerm(w, round(z, 2), n, _first_source(w, profiles[district]))
                         for w, z, n in shown]
    return out


def _first_source(word: str, profiles: list[tuple[Meeting, MeetingProfile]]) -> SourceSentence | None:
    """The first sentence of the district's meetings that the word stands in."""
    for meeting, profile in profiles:
        if word in profile.words:
            source = source_sentence(meeting, profile, profile.words.index(word))
            if source is not None:
                return source
    return None
