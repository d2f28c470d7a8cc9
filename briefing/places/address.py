"""Where a page's web address says it is from: a division's name spelt in pinyin
(huancui.gov.cn → 环翠), its city's and its own initials (tzhl → 泰州 海陵), or its own
initials and a site's usual suffix (rarb → 瑞安 日报). The spellings of every division,
city and province are worked out once and kept in the user's cache folder.
"""

from __future__ import annotations

import re
from collections import defaultdict
from functools import cache
from urllib.parse import urlparse

from ..cache import cache_dir, file_stamp, read_json, write_json
from . import Division, _data_file, gazetteer, short_name, weights


def _address_words(url: str | None, host_only: bool = False, query: bool = False) -> list[str]:
    """Romanised words of a web address: huancui.gov.cn → ['huancui', 'gov', 'cn']; with
    ``host_only``, of its host name alone; with ``query``, of its query string too."""
    if not url:
        return []
    parsed = urlparse(url if "://" in url else f"http://{url}")
    where = parsed.hostname or "" if host_only else f"{parsed.hostname or ''} {parsed.path}"
    if query and not host_only:
        where += f" {parsed.query}"
    return [w.lower() for w in re.findall(r"[A-Za-z]+", where)]


ROMAN_VERSION = 10
_INDEXES = ("roman", "initials", "own_initials", "province_initials")


@cache
def _address_index() -> dict[str, dict[str, list[str]]]:
    """How divisions are spelt in web addresses, kept in the cache folder (romanising three
    thousand names takes half a second): "roman" maps huancui → [环翠] for every division,
    city and province, and an alias's stem to the alias (xihaian → [西海岸新区]); "initials"
    maps a city's and a division's initials (tzhl) to the division's code;
    "province_initials" maps a province's initials (yn) to its code."""
    from ..data import read_text

    gaz = gazetteer()
    source = _data_file("adcodes.csv")
    cache_file = cache_dir() / "place-pinyin.json"
    stamp = [str(source), *file_stamp(source), ROMAN_VERSION, read_text("division_aliases.tsv"),
             read_text("former_divisions.tsv")]
    cached = read_json(cache_file)
    if cached and cached.get("stamp") == stamp and all(
            isinstance(cached.get(k), dict) for k in _INDEXES):
        return {k: cached[k] for k in _INDEXES}
    from pypinyin import Style, pinyin

    def spellings(name: str, style: Style, limit: int) -> list[str]:
        return list(readings(name, style, limit))

    def readings(name: str, style: Style, limit: int) -> dict[str, int]:
        # Every reading of a polyphone (盐都 is yandu, though 都 alone reads dou first), with
        # how many characters read other than first: yandu is 盐都 before 殷都 (yīn first).
        out = {"": 0}
        for options in pinyin(name, style=style, heteronym=True):
            grown: dict[str, int] = {}
            for spelt, rank in out.items():
                for i, x in enumerate(dict.fromkeys(options[:limit])):
                    grown.setdefault(spelt + x, rank + (i > 0))
            out = dict(list(grown.items())[:16])
        return out

    shorts = {d.short for d in (*gaz.divisions, *gaz.former)} | {
        p.short for p in (*gaz.cities.values(), *gaz.provinces.values())}  # 户县's forum: huxianbbs
    # An alias is spelt by its stem (西海岸新区 → xihaian) and stands for its full form.
    aliases = {short_name(alias): alias for alias, _d in gaz.aliases if short_name(alias) != alias}
    roman: defaultdict[str, list[str]] = defaultdict(list)
    rank: dict[str, dict[str, int]] = defaultdict(dict)
    for short in sorted(x for x in shorts | set(aliases) if x):
        for spelt, n in readings(short, Style.NORMAL, 3).items():
            if len(spelt) >= weights().min_pinyin_label:
                rank[spelt][aliases.get(short, short)] = n
    for spelt, names in rank.items():  # a spelling names the places it reads most plainly
        fewest = min(names.values())
        roman[spelt] = [name for name, n in names.items() if n == fewest]
    initials: defaultdict[str, list[str]] = defaultdict(list)
    own: defaultdict[str, list[str]] = defaultdict(list)
    for d in gaz.divisions:
        for tail in spellings(d.short, Style.FIRST_LETTER, 2) if d.short else ():
            own[tail].append(d.adcode)
        above = gaz.cities.get(d.adcode[:4]) if d.city else gaz.provinces.get(d.adcode[:2])
        if not d.short or above is None:
            continue
        for head in spellings(above.short, Style.FIRST_LETTER, 2):
            for tail in spellings(d.short, Style.FIRST_LETTER, 2):
                if len(head + tail) >= weights().min_initials:
                    initials[head + tail].append(d.adcode)
    provinces: defaultdict[str, list[str]] = defaultdict(list)
    for code, province in gaz.provinces.items():
        for head in spellings(province.short, Style.FIRST_LETTER, 2) if province.short else ():
            provinces[head].append(code)
    index = {"roman": dict(roman), "initials": dict(initials), "own_initials": dict(own),
             "province_initials": dict(provinces)}
    write_json(cache_file, {"stamp": stamp, **index})
    return index


def words_in_address(url: str | None) -> str:
    """The Chinese a web address writes, percent-encoded, in its path or query ("/wiki/%E6%B5%B7
    %E5%AE%89…" of a wiki's page is its title, 海安…), in Simplified script; "" where none."""
    if not url or "%" not in url:
        return ""
    from urllib.parse import unquote

    from ..cleaner.script import convert_script

    parsed = urlparse(url if "://" in url else f"http://{url}")
    text = f"{parsed.path} {parsed.query}"
    for _ in range(2):  # some addresses are encoded twice (%25E8…)
        text = unquote(text, errors="ignore")
    runs = re.findall(r"[\u4e00-\u9fff0-9]*[\u4e00-\u9fff][\u4e00-\u9fff0-9]*", text)
    return convert_script(" ".join(runs), "zh-Hans")


def _site_label(url: str | None) -> str:
    """The label a site is registered under: yiwu in www.yiwu.com.cn, putuo in ptzx.putuo.gov.cn."""
    host = (urlparse(url if url and "://" in url else f"http://{url}").hostname or "") if url else ""
    labels = [x for x in host.lower().split(".") if x]
    while labels and labels[-1] in ("cn", "com", "net", "org", "gov", "edu", "info", "cc", "tv"):
        labels.pop()
    return labels[-1] if labels else ""


def names_in_address(url: str | None, query: bool = False) -> set[str]:
    """Short place names spelt in a web address: huancui.gov.cn → {环翠}. A word may carry a
    few letters before (hbwuxue: 湖北 武穴) or after (fanchengnews → 樊城) the name. With
    ``query``, the query string is read too (a search page's ?q=ANSHAN)."""
    words = _address_words(url, query=query)
    if not words:
        return set()
    index = _address_index()["roman"]
    w = weights()
    found: set[str] = set()
    # A site's own name (yiwu.com.cn) may be shorter than a word that only holds a name.
    label = _site_label(url)
    if label and len(label) >= w.min_pinyin_label and label in index:
        found.update(index[label])
    provinces = _address_index()["province_initials"]
    for word in words:
        for start in range(min(w.address_prefix_letters, len(word)) + 1):
            hit = next((word[start:end] for end in range(len(word), start + w.min_pinyin - 1, -1)
                        if len(word) - (end - start) <= w.address_extra_letters and word[start:end] in index), None)
            if hit:
                # jsxishan: the letters before a name that spell a province's initials (js,
                # 江苏) say which of the places spelt alike (锡山, 西山) it is; letters that
                # spell none (xi in xihaiannews, 西海岸) make the name part of another word.
                codes = set(provinces.get(word[:start], ())) if start else set()
                inside = [name for name in index[hit] if codes & _provinces_of(name)]
                if start and not inside:
                    continue
                found.update(inside or index[hit])
                break
    return found


@cache
def _provinces_by_short() -> dict[str, set[str]]:
    gaz = gazetteer()
    by_short: dict[str, set[str]] = defaultdict(set)
    for d in gaz.divisions:
        if d.short:
            by_short[d.short].add(d.adcode[:2])
    for code, place in (*gaz.cities.items(), *gaz.provinces.items()):
        if place.short:
            by_short[place.short].add(code[:2])
    return dict(by_short)


def _provinces_of(short: str) -> set[str]:
    """The codes of the provinces holding a division, city or province of that short name."""
    return _provinces_by_short().get(short, set())


def divisions_by_initials(url: str | None) -> set[Division]:
    """Divisions whose city's and own initials open a word of the address, the common way
    of naming a district's site: tzhl (泰州 海陵), bjhd (北京 海淀), cqjlpzx (重庆 九龙坡 政协),
    or follow their province's: yncxym (云南 楚雄 元谋), gssn (甘肃 肃南), ahscxzx (安徽 舒城 县政协).
    Only the host is read: a path's short words are a site's own column codes (qzxw, zwgk)."""
    words = [w for w in _address_words(url, host_only=True) if w not in weights().host_words_ignored]
    if not words:
        return set()
    index = _address_index()
    by_code = {d.adcode: d for d in gazetteer().divisions}
    found: set[Division] = set()
    for word in words:
        # Three parts (province, city, division) agree before two are tried: "yncx" alone
        # might open some other city's district.
        provinces = index["province_initials"].get(word[:2], ())
        codes = [c for c in _initials_opening(word[2:]) if c[:2] in provinces] if provinces else []
        if provinces and not codes:
            # gssn (甘肃 肃南), ahscxzx (安徽 舒城 县政协): the province's initials and the
            # division's own, a site's usual suffix perhaps after, where only one division
            # of that province has them.
            rest = word[2:]
            for head in (rest, *(rest.removesuffix(t) for t in _suffixes() if rest.endswith(t) and rest != t)):
                own = [c for c in index["own_initials"].get(head, ()) if c[:2] in provinces]
                if own:
                    codes = own if len(own) == 1 else []
                    break
        found.update(by_code[c] for c in codes or _initials_opening(word) if c in by_code)
    return found


@cache
def _suffixes() -> tuple[str, ...]:
    """What a site adds to a division's initials (address_suffixes.txt), longest first."""
    from ..data import read_list

    return tuple(sorted(read_list("address_suffixes.txt"), key=len, reverse=True))


def _initials_opening(word: str) -> list[str]:
    """Codes of the divisions whose city's and own initials, the longest that fit, open ``word``."""
    index = _address_index()["initials"]
    for end in range(len(word), weights().min_initials - 1, -1):
        if word[:end] in index and len(word) - end <= weights().address_extra_letters:
            return index[word[:end]]
    return []


@cache
def _province_domains() -> dict[str, str]:
    from ..data import read_list

    pairs = (line.split() for line in read_list("province_domains.txt"))
    return {domain: code for domain, code in pairs}


def provinces_in_address(url: str | None) -> set[str]:
    """Province codes a site's domain names: dfrd.js.cn → {"32"} (Jiangsu)."""
    if not url:
        return set()
    host = (urlparse(url if "://" in url else f"http://{url}").hostname or "").lower().split(".")
    if len(host) >= 3 and host[-1] == "cn" and host[-2] in _province_domains():
        return {_province_domains()[host[-2]]}
    return set()


def divisions_by_own_initials(url: str | None) -> set[Division]:
    """Divisions whose own initials and a site's usual suffix make a word of the address:
    ctxww (长泰 新闻网), rarb (瑞安 日报), or name the site alone (kq.gov.cn: 柯桥). Many
    districts share such initials."""
    # The host alone: a path's short words are column codes (xhn, qzxw).
    words = [w for w in _address_words(url, host_only=True) if w not in weights().host_words_ignored]
    if not words:
        return set()
    index = _address_index()["own_initials"]
    by_code = {d.adcode: d for d in gazetteer().divisions}
    suffixes = _suffixes()
    found: set[Division] = set()
    label = _site_label(url)  # a site named by the initials alone (kq.gov.cn)
    if 2 <= len(label) <= 3 and label in index:
        found.update(by_code[code] for code in index[label] if code in by_code)
    for word in words:
        for suffix in suffixes:
            head = word.removesuffix(suffix)
            if head != word and 2 <= len(head) <= 3 and head in index:
                found.update(by_code[code] for code in index[head] if code in by_code)
                break
    return found
