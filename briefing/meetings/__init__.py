"""Which meetings a text names, of which kind, and which one it reports.

The forms of meeting names live in ``briefing/data/meetings.yaml``: every kind a district,
county, county-level city or banner holds (全会, 常委会 and its enlarged sessions, 中心组
学习, 政府常务会议 and 全体会议, 人大常委会, 人民代表大会, 政协, 党代表大会). A report
also names meetings it does not report: the city's plenary it conveys, the congress a
meeting prepares. The words around a mention tell these apart (also data), so the
meeting a report is about is the first one it says is being held. Meetings of no listed
kind are ``meetings.other``'s; pages that name a meeting but report none (a template, a
speech as delivered, a notice as issued) are told by ``meetings.pages``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ..model import MeetingKind

# Bounded: an unbounded run of digits before a literal makes a long line of digits quadratic.
NUMBER = r"[零〇一二两三四五六七八九十百\d]{1,6}"
LEVEL = "[区县市旗]"
BRACKET = "[（()）]"
STANDING = "常(?:务委员|委)会"
GOVERNMENT = "(?:人民)?政府"
# A district's party committee, or a new area's working committee written with it (工委（区委）).
PARTY_COMMITTEE = "(?:党?工委[（(]{L}委[）)]|{L}委)"
# When a sentence says a session was held ("于昨日下午", "3月2日上午"), inside a name.
# Where, too ("在尹桂芳大剧院举行预备会议"): a venue of a few characters before 举行 or 召开.
TIME = r"(?:于?(?:\d{1,2}月\d{1,2}日|[昨今][日天]|近日|日前)(?:上午|下午|晚上|晚间)?|于?(?:上午|下午|晚上|晚间)|于)"
VENUE = r"在[^，。；、\s在]{2,12}?"
WHEN = rf"(?:{TIME}(?:{VENUE})?|{VENUE})"
# The groups of a session whose heads meet: "各讨论组组长会议", "代表团召集人会议", with
# others beside them ("临时党支部书记和政协委员小组召集人会议").
SESSION_GROUPS = ("(?:[^，。；、\\s]{2,12}?和)?(?:政协委员|委员|代表)?(?:讨论组|小组|界别组|代表团)(?:组长|召集人)"
                  "(?:会议|会)")
CONTEXT_CHARS = 14  # how much of the clause before a mention is read for its cues
PLACE_PREFIX_CHARS = 16  # how far back a place that belongs to a name is looked for


@dataclass(frozen=True)
class MeetingMention:
    kind: MeetingKind
    name: str  # as the slide shows it, e.g. "区委六届六次全会", "第163次区委常委会会议"
    start: int
    end: int
    held: int = 0  # 1: said to be held here; -1: only mentioned (conveyed, prepared); 0: no cue


@dataclass(frozen=True)
class _Rules:
    """The tables of ``briefing/data/meetings.yaml``: every word list, longest first (a
    longer cue is tried before one it holds)."""

    patterns: tuple[tuple[MeetingKind, tuple[str, ...], re.Pattern[str]], ...]
    name_short_forms: tuple[tuple[str, str], ...]
    speech_opening_paragraphs: int
    town_name_chars: int
    drop_in_name: tuple[str, ...]
    held_in_name: tuple[str, ...]
    not_held_after: tuple[str, ...]
    not_held_before: tuple[str, ...]
    held_after: tuple[str, ...]
    held_before: tuple[str, ...]
    higher_bodies: tuple[str, ...]
    template_placeholders: tuple[str, ...]
    renamed_words: tuple[str, ...]
    region_words: tuple[str, ...]
    region_bodies: tuple[str, ...]
    prefecture_words: tuple[str, ...]
    prefecture_bodies: tuple[str, ...]
    document_cues: tuple[str, ...]
    decided_before: tuple[str, ...]
    announced_before: tuple[str, ...]
    agenda_words: tuple[str, ...]
    draft_marks: tuple[str, ...]
    sitting_opened: tuple[str, ...]
    session_kinds: tuple[str, ...]
    zone_bodies: tuple[str, ...]
    town_holders: tuple[str, ...]
    national_sessions: tuple[str, ...]
    masked_figure_units: tuple[str, ...]
    book_chapter_words: tuple[str, ...]
    town_bodies: tuple[str, ...]
    county_body_words: tuple[str, ...]
    plain_meeting_bodies: tuple[str, ...]
    speech_salutations: tuple[str, ...]
    plural_holders: tuple[str, ...]
    higher_scopes: tuple[str, ...]
    organisation_bodies: tuple[str, ...]


# The fields of _Rules that are not word lists.
_NOT_WORD_LISTS = ("patterns", "name_short_forms", "speech_opening_paragraphs", "town_name_chars")


@cache
def rules() -> _Rules:
    import dataclasses

    from ..data import read_yaml

    data = read_yaml("meetings.yaml")
    patterns = []
    cues = data["kind_cues"]
    sittings = "(?:" + "|".join(map(re.escape, data["session_sittings"])) + ")"
    # In this order: "{L}委" holds {L} and {B}, and {T} holds nothing of the others.
    placeholders = {"{L}委": PARTY_COMMITTEE, "{L}": f"(?:自治|新|林|特)?{LEVEL}", "{N}": NUMBER, "{B}": BRACKET,
                    "{T}": f"{WHEN}?", "{SC}": STANDING, "{G}": GOVERNMENT, "{GROUPS}": SESSION_GROUPS,
                    "{SIT}": sittings}
    for kind_name, forms in data["kinds"].items():
        kind = MeetingKind(kind_name)
        if not cues.get(kind_name):
            raise RuntimeError(f"meetings.yaml: kind_cues has no words for {kind_name}")
        for form in forms:
            regex = form
            for placeholder, value in placeholders.items():
                regex = regex.replace(placeholder, value)
            patterns.append((kind, tuple(cues[kind_name]), re.compile(regex)))
    word_lists = {f.name: tuple(sorted(data[f.name], key=len, reverse=True))
                  for f in dataclasses.fields(_Rules) if f.name not in _NOT_WORD_LISTS}
    return _Rules(patterns=tuple(patterns), name_short_forms=tuple(data["name_short_forms"].items()),
                  speech_opening_paragraphs=int(data["speech_opening_paragraphs"]),
                  town_name_chars=int(data["town_name_chars"]), **word_lists)


def find_meetings(text: str) -> list[MeetingMention]:
    """Every meeting of a district-level body named in ``text``, in order, overlaps resolved
    (the earlier kind in the data file wins); names inside 《》 are document titles."""
    r = rules()
    documents = [(m.start(), m.end()) for m in re.finditer(r"《[^《》]{0,80}》", text)]
    found: list[MeetingMention] = []
    for kind, cues, pattern in r.patterns:
        if not any(cue in text for cue in cues):
            continue
        for m in pattern.finditer(text):
            if any(a <= m.start() < b for a, b in documents):
                continue
            if any(not (m.end() <= f.start or m.start() >= f.end) for f in found):
                continue
            start, prefix = _place_prefix(text, m.start(), m.group(0))
            if _region_body(text, m.start(), prefix + m.group(0)):
                continue
            name = _name(kind, prefix + m.group(0), text[:start])
            dated = _year_before_place(text[:start]) if not prefix and not re.match(rf"{NUMBER}年", name) else None
            if dated is not None:  # "2024年荔城区人民政府第1次常务会议": the year is the name's
                name, start = dated["year"] + name, dated.start()
            found.append(MeetingMention(kind, name, start, m.end(), _held(text, start, m.end())))
    found.sort(key=lambda f: f.start)
    return found


_YEAR_PLACE_RE = re.compile(rf"(?P<year>{NUMBER}年)(?P<place>[\u4e00-\u9fff]{{2,6}})$")


def _year_before_place(before: str) -> re.Match[str] | None:
    """"2024年荔城" in "…召开2024年荔城区人民政府第1次常务会议": a year written before the
    division's short name that stands before the body (its ``year`` and ``place``)."""
    found = _YEAR_PLACE_RE.search(before)
    if found is None:
        return None
    from ..places import gazetteer

    return found if found["place"] in gazetteer().by_short else None


def _region_body(text: str, start: int, span: str) -> bool:
    """A body of an autonomous region, which is a province: "自治区政协十一届五次会议" reads
    as a district's 区政协 once 自治 is left behind; "第十一届宁夏回族自治区委员会"."""
    r = rules()
    if span.startswith("自治区") or (span.startswith("区") and text[max(0, start - 2):start] == "自治"):
        return True
    if text[:start].endswith(r.region_words) and not re.match(rf"{LEVEL}", span):
        return True  # "省第十三次党代会": a province's session, its body not written
    bodies = re.sub(rf"第?{NUMBER}届", "", span)
    if any(f"{region}{body}" in bodies for region in r.region_words for body in r.region_bodies):
        return True
    if _higher_owner(text[:start], span):
        return True
    if _province_term_re().search(span) or _province_short_body_re().match(span):
        return True  # "政协内蒙古自治区第十二届一次会议", "西藏政协第四次主席会议"
    return any(f"{city}委员会" in bodies for city in _prefecture_cities() if city in bodies)


@cache
def _province_term_re() -> re.Pattern[str]:
    """A province's full name (a municipality's too) followed by a term or a body, not by a
    division's name: "政协内蒙古自治区第十二届…", "中国共产党天津市第十二次代表大会"."""
    from ..places import gazetteer

    provinces = sorted({d.province for d in gazetteer().divisions}, key=len, reverse=True)
    return re.compile(rf"(?:{'|'.join(map(re.escape, provinces))})(?=第|{NUMBER}届|委员会|人民代表大会)")


@cache
def _province_short_body_re() -> re.Pattern[str]:
    """A province's short name opening a span with one of its bodies: "西藏政协…", "青海省委…"."""
    from ..places import gazetteer

    r = rules()
    shorts = {re.sub(r"(?:壮族|回族|维吾尔)?自治区$|省$|市$", "", d.province) for d in gazetteer().divisions}
    bodies = sorted({*r.region_bodies, "省委", "党委", "省政府", "省政协", "省人大"}, key=len, reverse=True)
    return re.compile(rf"(?:{'|'.join(sorted(shorts, key=len, reverse=True))})(?:{'|'.join(bodies)})")


@cache
def _named_prefecture_re() -> re.Pattern[str]:
    """"大理州十四届人大…": a prefecture's name, its word (州, 盟), a term, its body."""
    r = rules()
    words, bodies = "|".join(map(re.escape, r.prefecture_words)), "|".join(map(re.escape, r.prefecture_bodies))
    return re.compile(rf"^(?P<place>[\u4e00-\u9fff]{{2,6}}?)(?P<word>{words})(?:第?{NUMBER}届)?(?P<body>{bodies})")


def _higher_owner(before: str, span: str) -> bool:
    """The body that holds the meeting, written just before the name or opening it, is a
    region's or a prefecture's: "自治区政府" + "2026年第1次常务会议", "州政协主席会议",
    "盟委…". A county-level city whose short name ends in 州 (禹州政协) is no prefecture."""
    r = rules()
    if re.match(rf"{LEVEL}(?:委|政府|人大|政协)", span):
        return False
    owners = sorted([f"{word}{body}" for word in r.region_words for body in r.region_bodies]
                    + [f"{word}{body}" for word in r.prefecture_words for body in r.prefecture_bodies],
                    key=len, reverse=True)
    written = next((o for o in owners if before.endswith(o)), None)
    if written is not None:
        before = before[:-len(written)]
    else:
        written = next((o for o in owners if span.startswith(o)), None)
        if written is None:
            named = _named_prefecture_re().match(span)
            if named is None:
                return False
            before, written = before + named["place"], named["word"] + named["body"]
    if written.startswith(r.region_words):
        return True
    from ..places import gazetteer

    # "主持召开州政协主席会议": 开 is the verb's, no 开州.
    before = before.removesuffix(next((w for w in r.held_before if before.endswith(w)), ""))
    by_short = gazetteer().by_short
    return not any(before[-n:] + written[0] in by_short for n in (1, 2) if len(before) >= n)


@cache
def _prefecture_cities() -> frozenset[str]:
    """Names of the cities above the counties (长沙市), none of them a county-level city."""
    from ..places import gazetteer

    gaz = gazetteer()
    return frozenset(city.name for city in gaz.cities.values()) - {d.name for d in gaz.divisions}


def reported_meeting(mentions: list[MeetingMention]) -> MeetingMention | None:
    """The meeting a passage reports: the first said to be held, else the first not said
    to be only mentioned."""
    return next((m for m in mentions if m.held > 0), None) or next((m for m in mentions if m.held == 0), None)


def _held(text: str, start: int, end: int) -> int:
    r = rules()
    after = re.sub(rf"^{_QUOTED_LABEL}", "", text[end:end + 14])[:6]
    clause = re.split(r"[，。；：,;:！？\n]", text[max(0, start - CONTEXT_CHARS):start])[-1]
    if clause.endswith("暨"):
        # "学习贯彻全会精神暨旗委中心组学习会召开": the clause's cues are its first part's
        # (the plenum conveyed); a meeting joined by 暨 is held as the whole is.
        clause = ""
    if after.startswith(r.not_held_after) or clause.endswith(r.not_held_before) or any(
            w in clause for w in r.not_held_before if len(w) >= 2) or _listed_before_conveyed(text, end):
        return -1
    if not clause and re.sub(r"[，,：:]$", "", text[max(0, start - CONTEXT_CHARS):start]).endswith(r.decided_before):
        return -1  # "会议决定，…会议于…召开": decided on, not held
    if _announced_re().search(re.split(r"[，。；！？,;!?\n]", text[:start])[-1]):
        return -1  # "拟定于2013年11月下旬（具体时间另行通知）召开…": to be held
    # "区委召开理论学习中心组（扩大）会议": the verb inside the span says it is held.
    if after.startswith(r.held_after) or clause.endswith(r.held_before) or any(
            w in text[start:end] for w in r.held_in_name):
        return 1
    return 0


@cache
def _announced_re() -> re.Pattern[str]:
    """A clause that names when a meeting will be held, ending on the verb before its name."""
    words = "|".join(map(re.escape, rules().announced_before))
    return re.compile(rf"(?:{words})[^，。；！？]{{0,30}}(?:召开|举行)$")


def _listed_before_conveyed(text: str, end: int) -> bool:
    """"…泉州市委常委（扩大）会议、晋江市委常委（扩大）会议精神": a mention listed before
    others ("、", "和", "及") whose list ends in what is conveyed, or in what prepares them
    ("…第三次会议“三会”筹备工作安排部署会"), is conveyed or prepared too."""
    if not text.startswith(("、", "和", "及", "以及"), end):
        return False
    rest = re.split(r"[，。；！？,;!?\n]", text[end:end + LISTED_CHARS], maxsplit=1)[0]
    return _list_end_re().search(rest) is not None


@cache
def _list_end_re() -> re.Pattern[str]:
    """What a list of mentions ends in when they are conveyed (…会议精神) or prepared for
    (…会议“三会”筹备…, the preparing words of ``not_held_after``)."""
    preparing = "|".join(re.escape(w) for w in rules().not_held_after if "筹备" in w)
    return re.compile(rf"(?:会议?|全会)精神|会议?(?:{_QUOTED_LABEL})?(?:{preparing})")


# A short label in quotes between a mention and what follows it ("…会议“三会”筹备…").
_QUOTED_LABEL = r"[“\"][^”\"]{1,6}[”\"]"


LISTED_CHARS = 80  # how far a list of conveyed meetings is read on


def _place_prefix(text: str, start: int, core: str) -> tuple[int, str]:
    """A name without its body ("第十六次代表大会") takes the place written before it
    ("中国共产党凤翔县"); returns the new start and the prefix."""
    if re.search(rf"{LEVEL}(?:委|政府|人大|政协)", core[:8]) or core.startswith("政协"):
        return start, ""
    from ..places import gazetteer

    window = text[max(0, start - PLACE_PREFIX_CHARS):start]
    found = [m for m in gazetteer().full_names_in(window) if m[1] == len(window)]
    if found:
        place_start = found[-1][0]
    elif _two_character_county(window):  # 环县第十八届人民代表大会
        place_start = len(window) - 2
    elif bare := re.search(r"(?:^|[^\u4e00-\u9fff])(?P<level>[区县市旗])$", window):
        # "2月5日17:00,县第十八届人民代表大会…": the level alone, as a page of its own writes it.
        return start - 1, bare["level"]
    else:  # a name the gazetteer no longer has (凤翔县, now 凤翔区), after the party's name
        former = re.search(r"(?:中国共产党|中共)[\u4e00-\u9fff]{1,10}?[区县市旗]$", window)
        if former is None:
            return start, ""
        place_start = former.start()
    # The city or province written before the division belongs to the name too.
    head = window[:place_start]
    for marker in ("中国共产党", "中共"):
        at = head.rfind(marker)
        if at >= 0 and re.fullmatch(r"[\u4e00-\u9fff]{0,8}?(?:省|市|自治区|州|盟|地区)?", head[at + len(marker):]):
            place_start = at
            break
    prefix = window[place_start:]
    return start - len(prefix), prefix


def _two_character_county(window: str) -> bool:
    """Whether ``window`` ends in a county's full name of two characters (环县, 兴县) standing
    as a word of its own: 全县 and 该县 are no names, and 召开和县 cuts as 召开/和县."""
    from ..places import _boundaries, gazetteer

    tail = window[-2:]
    if len(tail) < 2 or tail[-1] not in "县旗" or tail not in gazetteer().by_name:
        return False
    return len(window) - 2 in _boundaries(window)


def _name(kind: MeetingKind, span: str, before: str) -> str:
    r = rules()
    name = re.sub(WHEN + "(?=召开|举行|预备|第)", "", span)
    for word in r.drop_in_name:
        name = name.replace(word, "")
    for long, short in r.name_short_forms:
        name = name.replace(long, short)
    name = _SITTING_THEME_RE.sub("", name)  # "…第二次会议“学习贯彻…”建言献策大会"
    name = re.sub(r"[（(]", "（", name)
    name = re.sub(r"[）)]", "）", name)
    name = re.sub(r"\s+", "", name)  # a headline's space between a session and its sitting
    level = _level(name, before)
    if kind is MeetingKind.PLENARY:
        numbers = re.search(rf"({NUMBER})届(?:{LEVEL}委|委员会)?(?:第)?({NUMBER})次全", name)
        if numbers:
            from ..lexicon import chinese_number, chinese_numeral

            term, n = chinese_number(numbers.group(1)), chinese_number(numbers.group(2))
            if term is not None and n is not None:
                return f"{level}委{chinese_numeral(term)}届{chinese_numeral(n)}次全会"
        return f"{level}委全会"
    if not re.search(rf"{LEVEL}(?:委|政府|人大|政协)|^政协|^全{LEVEL}|[区县市旗]第|党代会|代表大会", name):
        # The body stands apart in the sentence ("区委召开常委会（扩大）会议"): put it first.
        body = re.search(rf"({LEVEL}(?:委|政府|人大常委会|政协))(?:召开|举行)[^，。；]{{0,4}}$", before)
        # "市人大常委会召开第十五届人大常委会第三十七次会议" names its body twice: once is enough.
        # (Its members, "政协委员", are no second mention of the body.)
        if body and (body.group(1)[1:] == "委" or body.group(1)[1:] not in re.sub("政协委员|人大代表", "", name)):
            name = body.group(1) + name
        elif kind is MeetingKind.GOVERNMENT and "政府" not in name:
            name = f"{level}政府{name}"  # a standing meeting is the government's, named just before
    return name


# A sitting's theme in quotes, between its session and its own name at the end of a name.
_SITTING_THEME_RE = re.compile(r"(?<=会议)“[^”]{1,40}”(?=[^“”]{2,6}$)")


def _level(name: str, before: str) -> str:
    """区, 县, 市 or 旗: the level of the body holding the meeting (区 where none is written)."""
    found = re.search(rf"({LEVEL})(?:第?{NUMBER}届)?(?:委|政府|人大|政协)", name) or re.search(
        rf"({LEVEL})(?:第?{NUMBER}届委员会)", name)
    if found:
        return found.group(1)
    near = re.search(rf"({LEVEL})[^区县市旗]{{0,12}}$", before)
    return near.group(1) if near else "区"


def meeting_identity(name: str, place: str = "") -> str:
    """What two names of one meeting share: "新安县第十二届人民代表大会第六次会议" and
    "县第十二届人民代表大会第六次会议" are one meeting; so are 党代会 and 代表大会."""
    name = re.sub(r"^(?:中国共产党|中共)", "", name)
    if place:
        name = name.replace(place, place[-1])
    name = name.replace("党代会", "代表大会").replace("党代表大会", "代表大会")
    return re.sub(r"[（）()\s]", "", name)


# Meetings of other kinds and pages that are no reports, kept in their own modules.
from .other import other_meeting  # noqa: E402
from .pages import is_book_chapter, is_official_document, is_speech_text, is_template  # noqa: E402

__all__ = ["MeetingMention", "find_meetings", "is_book_chapter", "is_official_document", "is_speech_text",
           "is_template",
           "meeting_identity", "other_meeting", "reported_meeting", "rules"]
