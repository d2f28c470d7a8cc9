"""Which division a report is about: its full names, its short names where they stand as
words, the page's web address, the city and province around, the level its bodies speak
of; names shared by several cities settled by that evidence and the home region."""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from functools import cache, lru_cache

from ..data import surnames
from . import LEVELS_LISTED_RE, PERSON_LIST_MARKS, Division, Gazetteer, gazetteer, weights

# --- finding the place of a report ----------------------------------------------------------


@lru_cache(maxsize=4096)
def _boundaries(text: str) -> frozenset[int]:
    """Offsets in ``text`` where jieba's cut puts a word boundary (kept for the texts seen
    last: a page with several meetings is located once for each)."""
    from itertools import accumulate

    from ..nlp import cut

    return frozenset((0, *accumulate(map(len, cut(text)))))


def locate(texts: Iterable[tuple[str, float]], url: str | None = None, home: str = "上海市",
           extra: Iterable[Division] = (), context: str = "") -> Division | None:
    """The division a report is about, from ``(text, weight)`` pieces (headings weigh more)
    and the page's address; None where nothing names a place. ``context`` is the rest of
    the page: it names no division for the report, but its city or province confirms one
    the report names by a short name that is also a word (a roundup's "乐安也不例外…")."""
    from .address import divisions_by_initials, divisions_by_own_initials, names_in_address, provinces_in_address

    gaz = gazetteer()
    evidence: Counter[Division] = Counter()
    # Short names that are also words of the language (南岸, 河西): counted where the page
    # names the division's city or province too.
    common: Counter[Division] = Counter()
    owners: set[Division] = set()  # named as the owner of a body (郁南县委书记)
    full_named: set[Division] = set()
    joined = []
    extra = list(extra)
    texts = list(texts)
    # "区政协主席于东明出席会议" makes 于东明 a person in a heading that reads "于东明出席" too.
    people = _titled_people(texts, gaz)
    for text, weight in texts:
        joined.append(text)
        for start, end, name in gaz.full_names_in(text):
            if gaz.inside_higher_name(text, start):
                continue  # 津市市 in "天津市市长": the municipality's name, then its mayor
            for d in gaz.by_name[name]:
                if d.adcode[:2] in weights().outside_system and not _named_above(d, text, gaz):
                    continue  # 卓达大社区: a community, not 高雄's 大社区 where 高雄 is never named
                evidence[d] += weights().full_name * weight
                full_named.add(d)
                if text.startswith(weights().body_words, end):
                    owners.add(d)
        for d in extra:
            hits = text.count(d.name) + (text.count(d.short) if d.short and d.short != d.name else 0)
            if hits:
                evidence[d] += weights().full_name * weight * hits
        _short_mentions(text, weight, gaz, evidence, common, people)
    in_address = names_in_address(url)
    for short in in_address:  # a short name, or an alias's full form
        for d in gaz.by_short.get(short) or gaz.by_name.get(short, ()):
            if short in gaz.city_shorts and not any(d.name in text for text in joined):
                continue  # nanchang.…: 南昌市's subdomain, not 南昌县's, where the page never writes 南昌县
            evidence[d] += weights().address
    for d in divisions_by_initials(url):
        evidence[d] += weights().address
    page = "\n".join(joined)
    in_provinces = provinces_in_address(url)
    for d, score in common.items():
        if _named_above(d, page, gaz) or (context and _named_above(d, context, gaz)) or (
                d.adcode[:2] in in_provinces):
            evidence[d] += score
    level_counts = {w: len(_level_re(w).findall(page)) for w in "区县市旗"}
    top_level, top_count = max(level_counts.items(), key=lambda item: item[1])
    dominant = top_level if top_count >= weights().dominant_level and all(
        n * 3 <= top_count for w, n in level_counts.items() if w != top_level) else None
    if not evidence:
        # Short initials (ctxww) fit many districts: of those of the page's level (区委, 县长…),
        # the one whose city or province the page or its domain (.js.cn) names, where exactly
        # one does; or the only one of that level, where the page's level is plain.
        candidates = [d for d in divisions_by_own_initials(url) if (not dominant or d.level_word == dominant)
                      and d.adcode[:2] not in weights().outside_system]
        confirmed = [d for d in candidates if _named_above(d, page, gaz) or d.adcode[:2] in in_provinces]
        if len(confirmed) == 1:
            evidence[confirmed[0]] += weights().address
        elif not confirmed and dominant and len(candidates) == 1:
            evidence[candidates[0]] += weights().address
    # "掌上长沙" on a page about 长沙市: a short name that is also a city's, on a page that
    # names that city in full and never the county (长沙县), is the city's.
    for d in list(evidence):
        if d.short and d.name not in page and any(
                city.short == d.short and city.name in page for city in gaz.cities.values()):
            del evidence[d]
    if not evidence:
        return None
    # A division named both as it was (平果县) and as it is (平果市) is one: the page's
    # usual name stands for both, and says the level the page's bodies had.
    by_code: dict[str, list[Division]] = defaultdict(list)
    for d in evidence:
        by_code[d.adcode].append(d)
    for names in by_code.values():
        if len(names) > 1:
            kept = max(names, key=lambda d: evidence[d])
            for d in names:
                if d is not kept:
                    evidence[kept] += evidence.pop(d)
    # Repetition says less than variety: a reservoir named three times ("龙湾水库") must not
    # outweigh the county named once and its 县委 throughout.
    for d, score in evidence.items():
        evidence[d] = weights().repetition_scale * math.log1p(score)
    for d in list(evidence):
        city = gaz.cities.get(d.adcode[:4])
        province = gaz.provinces.get(d.adcode[:2])
        # Its city's name inside its own (阿拉善 in 阿拉善左旗) is no second mention.
        if city is not None and d.city and (city.short in page.replace(d.name, "") or city.short in in_address):
            evidence[d] += weights().city
        if province is not None and (province.short in page or province.short in in_address
                                     or d.adcode[:2] in in_provinces):
            evidence[d] += weights().province
        if d in owners:
            evidence[d] += weights().body_owner
        if home and home in (d.province, d.city):
            evidence[d] += weights().home
        if d.adcode[:2] in weights().outside_system:
            evidence[d] -= weights().home
        if level_counts.get(d.level_word):
            evidence[d] += weights().level
        if (dominant and d.level_word != dominant) or (
                top_count >= weights().dominant_level and not level_counts.get(d.level_word)):
            # A page that speaks of 县 bodies again and again and never of a 旗's is no banner's.
            evidence[d] *= weights().off_level_factor
    ranked = sorted(evidence.items(), key=lambda item: (item[1], item[0].adcode), reverse=True)
    # A division found by its short name alone, in a province the page never names while
    # it names another again and again ("视察天津" on a page whose outlet is 滨城时报: 滨城 is
    # 滨州's, the page is Tianjin's), is no finding.
    # Its own city named ("昭通市委…盐津大关现场办公会", on a page that names 福建, 广西 and
    # 青海 twice, where the leader toured) makes it one.
    named = {code for code, p in gaz.provinces.items() if p.short and page.count(p.short) >= weights().province_repeats}
    for d, _score in ranked:
        city = gaz.cities.get(d.adcode[:4]) if d.city else None
        province = gaz.provinces.get(d.adcode[:2])
        if d in full_named or d in owners or not named or d.adcode[:2] in named | in_provinces or (
                city is not None and len(city.short) >= 2 and city.short in page) or (
                province is not None and province.short and province.short in page):
            return d
    return None


def prefecture_page(text: str, url: str | None) -> bool:
    """Whether a page whose 市 names no division is a prefecture-level city's: it speaks of
    the divisions below it ("开到各旗区"), or it or its address names such a city ("推动钦州
    高质量发展", ?q=ANSHAN) that no county-level division shares a name with."""
    from .address import names_in_address

    if any(cue in text for cue in weights().subordinate_cues):
        return True
    gaz = gazetteer()
    cities = {city.short for city in gaz.cities.values() if len(city.short) >= 2} - set(gaz.by_short)
    # A municipality's own bodies (天津市市长…主持召开市政府…常务会议) are a province's.
    cities |= {p.name for p in gaz.provinces.values() if p.name.endswith("市")}
    return any(name in cities for name in names_in_address(url, query=True)) or any(
        name in text for name in cities)


@cache
def _level_re(level: str) -> re.Pattern[str]:
    return re.compile("|".join(re.escape(cue).replace(re.escape("{L}"), level) for cue in weights().level_cues))


def _in_person_name(text: str, start: int, end: int, names: frozenset[str]) -> bool:
    """徐建华 in "赵亮、徐建华、王浩": a surname before the short name and list punctuation
    around the three characters make a person, not 建华区."""
    if end - start == 2 and text[:start].endswith(weights().person_title_endings) and (
            end == len(text) or text[end] in PERSON_LIST_MARKS or text[end:end + 2] in _leader_verbs()):
        # "副区长罗平，…", "旗委书记兴安主持召开…", "旗委书记兴安及…": a title, then a name of
        # two characters that is a place's too, then a list mark or what its bearer does.
        return True
    if end - start != 2 or start == 0 or text[start - 1] not in names:
        return False
    if _titled(text, start, names):
        return True  # "院长孙洪山、…", "县长牛永福出席": a title before the surname
    before = text[start - 2] if start >= 2 else "、"
    after = text[end] if end < len(text) else "、"
    return before in PERSON_LIST_MARKS and after in PERSON_LIST_MARKS


@cache
def _leader_verbs() -> frozenset[str]:
    from ..leaders import AFTER_NAME_WORDS

    return frozenset(w for w in AFTER_NAME_WORDS if len(w) == 2)


def _titled(text: str, start: int, names: frozenset[str]) -> bool:
    """A surname right before ``start``, itself right after a title ("县长牛" + 永福)."""
    return start >= 1 and text[start - 1] in names and text[:start - 1].endswith(weights().person_title_endings)


def _named_above(d: Division, page: str, gaz: Gazetteer) -> bool:
    city = gaz.cities.get(d.adcode[:4]) if d.city else None
    province = gaz.provinces.get(d.adcode[:2])
    return any(place is not None and len(place.short) >= 2 and place.short in page for place in (city, province))


@cache
def landmark_suffixes() -> tuple[str, ...]:
    from ..data import read_list

    return tuple(read_list("landmark_suffixes.txt"))


@cache
def false_friends() -> tuple[str, ...]:
    """Phrases holding a place's short name that do not mean the place (briefing/data)."""
    from ..data import read_list

    return tuple(read_list("place_false_friends.txt"))


def _titled_people(texts: list[tuple[str, float]], gaz: Gazetteer) -> set[str]:
    """Names of three characters written after a title somewhere on the page (县长牛永福),
    whose last two are a place's short name: persons wherever else they stand."""
    names = surnames()
    return {text[start - 1:end] for text, _ in texts
            for start, end, _short in gaz.short_names_in(text, _boundaries(text)) if _titled(text, start, names)}


@cache
def _town_tail_re() -> re.Pattern[str]:
    w = weights()
    suffixes = "|".join(map(re.escape, sorted(w.town_suffixes, key=len, reverse=True)))
    # What follows: a break, or the town's own bodies (镇党委, 乡政府).
    return re.compile(rf"[^\W\d的和与及各等全]{{0,{w.town_name_chars}}}?(?:{suffixes})(?=$|[^\w]|的|党委|人大|政府)")


def _opens_town_name(text: str, end: int) -> bool:
    """Whether the short name ending at ``end`` begins a town's name (巴彦 in 巴彦花镇、)."""
    return bool(weights().town_suffixes) and _town_tail_re().match(text, end) is not None


def _short_mentions(text: str, weight: float, gaz: Gazetteer, evidence: Counter[Division],
                    common: Counter[Division], people: set[str] | None = None) -> None:
    """Short names standing as words of their own: at jieba's word boundaries, not inside a
    dictionary word or a listed phrase (金山银山). One that is a common word (和平, 南岸)
    goes to ``common``, to count only with more evidence."""
    edges = _boundaries(text)
    # A short name followed by its level is a full name, already counted (unless the short
    # name is the full name itself: 兴县县委).
    found = [(start, end, short) for start, end, short in gaz.short_names_in(text, edges)
             if text[end:end + 1] not in tuple("区县市旗") or short[-1] in "县旗"]
    if not found:
        return
    from ..nlp import word_tables

    tables = word_tables()
    shorts = {short for *_, short in found}
    tags, idf = tables.tags(shorts), tables.idf(shorts)
    friends = false_friends()
    landmarks = landmark_suffixes()
    names = surnames()
    # Persons titled on the page (``people``), and those a list names here ("赵亮、徐建华、…").
    people = set(people or ())
    for start, end, short in found:
        if text.startswith(landmarks, end):
            continue  # 广阳岛, 龙湾水库: a landmark of that name
        if short[-1] in "区县市旗" and LEVELS_LISTED_RE.match(text, end):
            continue  # "选举和县（市、区）换届": the levels listed, no 和县
        if _opens_town_name(text, end):
            continue  # 巴彦花镇: a town's name, not 巴彦县
        if len(short) == 2 and short[-1] in "县旗" and text.startswith(weights().level_word_tails, end) and not (
                text[:start].endswith(weights().formal_body_before)
                and text.startswith(weights().formal_body_after, end)):
            continue  # 和县委: 和 + 县委; but 第十届吉县委员会
        if text[start - 1:end] in people or _in_person_name(text, start, end, names):
            if start:
                people.add(text[start - 1:end])
            continue
        tag = tags.get(short)
        plain_word = short in weights().generic_place_nouns or (tag is not None and (
            not tag.startswith(("n", "s")) or (idf.get(short) or 0.0) < weights().common_word_idf))
        window = text[max(0, start - weights().span_chars): end + weights().span_chars]
        if any(friend in window and short in friend for friend in friends):
            continue
        spans = {text[a:b] for a in range(max(0, start - weights().span_chars), start + 1)
                 for b in range(end, min(len(text), end + weights().span_chars) + 1) if (a, b) != (start, end)}
        if any(tag is not None for tag in tables.tags(spans).values()):
            continue  # inside a longer dictionary word
        for d in gaz.by_short[short]:
            if d.adcode[:2] in weights().outside_system:
                continue  # 大社 (高雄): Taiwan's, Hong Kong's and Macao's only by their full names
            (common if plain_word else evidence)[d] += weights().short_name * weight
