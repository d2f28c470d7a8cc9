"""Compare stage: all meetings → one row per district for the comparison slide.

Districts keep the order in which the inputs first name them (inputs are read in
sorted order, so the deck is stable); a district's meetings run newest first.
"""

from __future__ import annotations

from collections import Counter

from .model import DatePrecision, DistrictComparison, KeyFigure, Meeting, MeetingKind

# Count units too small to headline a district ("3个方面").
_MIN_HEADLINE_COUNT = 10
_AMOUNT_UNITS = ("元", "美元")


def newest_first(meetings: list[Meeting]) -> list[Meeting]:
    dated = sorted(
        (m for m in meetings if m.date.precision is not DatePrecision.NONE),
        key=lambda m: m.date.sort_key, reverse=True,
    )
    return dated + [m for m in meetings if m.date.precision is DatePrecision.NONE]


def group_by_district(meetings: list[Meeting]) -> dict[str, list[Meeting]]:
    groups: dict[str, list[Meeting]] = {}
    for m in meetings:
        groups.setdefault(m.district, []).append(m)
    # Meetings first, newest first; articles (reports on no meeting) after them.
    return {d: newest_first([m for m in ms if m.kind is not MeetingKind.ARTICLE])
            + newest_first([m for m in ms if m.kind is MeetingKind.ARTICLE]) for d, ms in groups.items()}


def headline_figures(meetings: list[Meeting], limit: int = 2) -> list[KeyFigure]:
    """The first figures a reader would quote: amounts and sizeable counts, one per unit."""
    from .summarizers.noise import is_noise

    picked: list[KeyFigure] = []
    units: set[str] = set()
    for meeting in meetings:
        for fig in meeting.figures:
            if fig.unit.endswith("%") or fig.unit in units:
                continue
            if is_noise(fig.source.sentence):  # "应到代表206名": a headcount, not a result
                continue
            if not fig.unit.endswith(_AMOUNT_UNITS) and fig.number < _MIN_HEADLINE_COUNT:
                continue
            picked.append(fig)
            units.add(fig.unit)
            if len(picked) == limit:
                return picked
    return picked


def theme_shares(hits: Counter[str], order: list[str]) -> list[tuple[str, float]]:
    """Each theme's share of the hits, strongest first (ties in the taxonomy's order)."""
    hits = Counter({theme: hits.get(theme, 0) for theme in order})
    total = sum(hits.values())
    if not total:
        return []
    return [(theme, round(n / total, 3)) for theme, n in hits.most_common() if n]


def district_keywords(meetings: list[Meeting], limit: int = 6) -> list[str]:
    """The district's heaviest keywords, where no term sets it apart; officialese any
    report may use (data/generic_terms.txt) is left out here too."""
    from .distinctive import generic_terms

    weights: Counter[str] = Counter()
    for m in meetings:
        for word, weight in m.keywords:
            if word not in generic_terms():
                weights[word] += weight
    return [w for w, _ in weights.most_common(limit)]


def compare(
    meetings: list[Meeting], taxonomy: dict[str, list[str]], latest: int | None = None,
    stop: frozenset[str] = frozenset(),
) -> list[DistrictComparison]:
    """One row per district; ``latest`` keeps only each district's newest meetings.

    A district's keywords are its distinctive terms (weighted log-odds against the other
    districts, :mod:`.distinctive`); where none stands out, its heaviest TF-IDF words."""
    from .distinctive import distinctive_terms, theme_hits

    groups = {d: (ms[:latest] if latest else ms) for d, ms in group_by_district(meetings).items()}
    theme_terms = frozenset(t for terms in taxonomy.values() for t in terms)
    distinctive = distinctive_terms(groups, stop, theme_terms)
    themes = tuple((theme, tuple(terms)) for theme, terms in taxonomy.items())
    rows = []
    for district, ms in groups.items():
        hits: Counter[str] = Counter()
        for m in ms:
            if m.profile is not None and m.profile.themes == tuple(taxonomy):
                hits.update(m.profile.theme_hits)
            else:
                hits.update(theme_hits("\n".join(p.text for r in m.reports for p in r.paragraphs), themes))
        terms = distinctive.get(district, [])
        rows.append(DistrictComparison(
            district=district,
            meetings=ms,
            keywords=[t.term for t in terms] or district_keywords(ms),
            themes=theme_shares(hits, list(taxonomy)),
            figures=headline_figures(ms),
            distinctive=terms,
        ))
    return rows
