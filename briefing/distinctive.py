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
from collections import Counter
from dataclasses import dataclass
from functools import cache

from .model import Meeting, SourceSentence

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


def countable(word: str, tag: str | None, stop: frozenset[str], names: frozenset[str],
              theme_terms: frozenset[str]) -> bool:
    """A word that can say what a district is about: Chinese, no formula, no name, a subject."""
    from .summarizers.keyword_heading import is_shown_keyword

    if not _HAN_WORD_RE.match(word) or word in stop or word in generic_terms():
        return False
    if any(word in n or n in word for n in names if n) or tag in _NOT_COUNTED_TAGS:
        return False
    return is_shown_keyword(word, tag, theme_terms)


@cache
def generic_terms() -> frozenset[str]:
    """Officialese any report may use (briefing/data/generic_terms.txt)."""
    from .data import read_list

    return frozenset(read_list("generic_terms.txt"))


def meeting_terms(meeting: Meeting, stop: frozenset[str], names: frozenset[str],
                  theme_terms: frozenset[str]) -> tuple[Counter[str], dict[str, SourceSentence]]:
    """The countable words of a meeting, and the first sentence each stands in."""
    from . import nlp
    from .segmenter import split_sentences

    counts: Counter[str] = Counter()
    first: dict[str, SourceSentence] = {}
    sentences = [(r.path, p.index, s) for r in meeting.reports for p in r.body for s in split_sentences(p.text)]
    words_per_sentence = [nlp.cut(s) for *_, s in sentences]
    tags = nlp.word_tables().tags({w for words in words_per_sentence for w in words})
    for (path, index, sentence), words in zip(sentences, words_per_sentence, strict=True):
        for word in words:
            if countable(word, tags.get(word), stop, names, theme_terms):
                counts[word] += 1
                first.setdefault(word, SourceSentence(path, index, sentence))
    return counts, first


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
    """Each district's distinctive terms (z ≥ 1.96, at most six), with their first sentence."""
    from .summarizers.keyword_heading import proper_names

    counts: dict[str, Counter[str]] = {}
    firsts: dict[str, dict[str, SourceSentence]] = {}
    for district, meetings in meetings_by_district.items():
        counts[district], firsts[district] = Counter(), {}
        for meeting in meetings:
            c, first = meeting_terms(meeting, stop, proper_names(meeting), theme_terms)
            counts[district].update(c)
            for word, source in first.items():
                firsts[district].setdefault(word, source)
    prior = background_counts().copy()
    for c in counts.values():
        prior.update(c)
    scored = log_odds(counts, prior)
    return {district: [DistinctiveTerm(w, round(z, 2), n, firsts[district].get(w))
                       for w, z, n in scored[district] if z >= Z_DISTINCTIVE][:MAX_TERMS]
            for district in counts}
