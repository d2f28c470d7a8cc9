"""Who led a meeting: leaders named with their titles, and the main one for its kind.

Titles are read from ``briefing/data/leaders.yaml`` for every level (区委书记, 县长,
代区长, 旗人大常委会主任, 市政协主席). The main leader is the one the kind of meeting
calls for (the party secretary for a party meeting, the head of government for a
government meeting, the congress director, the CPPCC chair), else the one who presides.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from .data import read_yaml, surnames
from .model import Leader, MeetingKind

LEVEL = "[区县市旗]"
HAN = "\u4e00-\u9fff"
# Words that follow a leader's name ("刘健就…", "高香传达…", "胡卫国主持…"): they tell
# whether a name has two characters or three.
# A transliterated name, its parts joined by a middle dot (阿不都克力木·艾力, 帕巴拉·格列朗杰).
DOTTED_NAME = rf"[{HAN}]{{1,8}}(?:[·•・][{HAN}]{{1,8}})+"
AFTER_NAME_WORDS = {
    "主持", "代表", "表示", "出席", "参加", "传达", "指出", "强调", "讲话", "要求", "作了", "提出",
    "调研", "带队", "率队", "一行", "同志", "结合", "通报", "宣读", "介绍", "部署", "主讲", "汇报",
    "列席", "发言", "总结", "围绕", "对此", "认为", "说明", "看望", "会见", "视察", "走访", "赴", "在",
    "委托", "应邀", "受邀", "陪同", "专程", "亲临",
}
AFTER_NAME_CHARS = set("就在等和与及说作对向为是到、，。；：赴")
# Titles written after a name ("张三丰书记主持"): no part of it.
TITLES_AFTER_NAME = ("书记", "主任", "主席", "区长", "县长", "市长", "旗长", "同志", "委员", "常委", "部长", "秘书长")
# What ends a name of four or five characters (a Mongolian, Tibetan or Uyghur name) in a
# list of those present.
LONG_NAME_ENDS = set("，、；。,")


@dataclass(frozen=True)
class _Rules:
    role_name: re.Pattern[str]
    name_role: re.Pattern[str]
    name_head: re.Pattern[str]
    member_list: re.Pattern[str]
    presiding: re.Pattern[str]
    speaking: re.Pattern[str]
    main_titles: dict[MeetingKind, tuple[str, ...]]
    reporter: re.Pattern[str]
    reporter_kinds: frozenset[MeetingKind]


def _alternatives(items: list[str]) -> str:
    return "|".join(sorted((i.replace("{L}", LEVEL) for i in items), key=len, reverse=True))


@cache
def rules() -> _Rules:
    data = read_yaml("leaders.yaml")
    org, title, head = (_alternatives(data[k]) for k in ("orgs", "titles", "heads"))
    # "区十五届人大常委会主任": a term may stand between the level and the body.
    org = org.replace(LEVEL, rf"{LEVEL}(?:第?[一二三四五六七八九十]{{1,3}}届)?")
    qualifier = _alternatives(data["title_qualifiers"])
    rank = _alternatives(data["rank_marks"])
    role = rf"(?:(?:(?:{org})(?:党组)?(?:常务)?(?:{title})|{head})(?:{qualifier})?)"
    role_name = re.compile(
        rf"(?P<role>{role}(?:(?:、|兼|，|,)(?:{role}|[{HAN}]{{0,14}}?(?:党组)?(?:{title})))*)"
        rf"(?!{rank})(?P<name>{DOTTED_NAME}|[{HAN}]{{2,5}})")
    name_role = re.compile(rf"(?P<org>{LEVEL}委|市委)(?P<name>[{HAN}]{{2,3}}?)(?P<title>书记|副书记)")
    # "邓晓东区长主持召开…": a name with the head's title after it, at the start of a clause.
    name_head = re.compile(rf"(?:^|(?<=[，,。；;：:、\s]))(?P<name>[{HAN}]{{2,3}}?)(?P<title>{head})"
                           rf"(?=主持|出席|在|强调|指出|讲话|要求|作|，|,|、|。)")
    member_list = re.compile(
        rf"(?P<role>{_alternatives(data['list_roles'])})(?P<names>(?:[{HAN}]{{2,3}}、)+[{HAN}]{{2,3}})"
        r"(?=出席|参加|列席|分别|等|，|。)")
    presiding = re.compile(rf"(?P<name>[{HAN}]{{2,3}}?)(?:同志)?(?:宣布[^，。；]{{1,10}}?并)?"
                           rf"(?:{_alternatives(data['presiding'])})")
    # "…出席并讲话", "在…会议上强调", or "…作了重要讲话" (a caption's bare "黎勇讲话" is none).
    speaking = re.compile(rf"(?P<name>[{HAN}]{{2,3}}?)(?:同志)?(?:(?:出席[^，。；]{{0,8}}?并|在[^，。；]{{1,40}}?上)"
                          rf"(?:作)?(?:{_alternatives(data['speaking'])})|作了?重要讲话)")
    main = {MeetingKind(kind): tuple(names) for kind, names in data["main_titles"].items()}
    # The name starts a clause or follows a title ("…委书记许达受县委常委会委托，向全会作…").
    reporter = re.compile(rf"(?:^|(?<=[，,。；;：:、\s])|(?<=书记)|(?<=主任)|(?<=主席)|(?<=长))"
                          rf"(?P<name>[{HAN}]{{2,3}}?)(?:代表|受)[^。；]{{2,40}}?(?:{_alternatives(data['reporter_verbs'])})")
    reporter_kinds = frozenset(MeetingKind(kind) for kind in data["reporter_kinds"])
    return _Rules(role_name, name_role, name_head, member_list, presiding, speaking, main, reporter, reporter_kinds)


def _written_after_another_place(text: str, leader: Leader, place: str) -> int:
    """0 where ``leader``'s title stands after the division's own name or after no name,
    1 where after another place's ("金华市委书记赵光君" on 义乌's page)."""
    at = text.find(leader.role + leader.name)
    if at <= 0 or not place:
        return 0
    before = text[max(0, at - len(place)):at]
    return 0 if before == place or not re.match(rf"[{HAN}]", text[at - 1]) else 1


def _trim_name(text: str, start: int, candidate: str) -> str | None:
    """Two or three characters, or a longer name (宝音满都呼) standing whole between a role
    and a list mark? Decided by what follows the name in ``text``. A name whose parts a
    middle dot joins (阿不都克力木·艾力) is one name, whole."""
    if re.fullmatch(DOTTED_NAME, candidate):
        return _dotted_name(text, start, candidate)
    if not candidate or candidate[:2] in AFTER_NAME_WORDS or _verb(candidate[:2]) or _function_word(candidate[:2]):
        return None  # "王华区长强调", "市委常委扩大会精神", "市长关于经济工作的讲话": no name

    def verb_at(i: int) -> bool:
        return text[i: i + 2] in AFTER_NAME_WORDS or text[i: i + 1] in AFTER_NAME_CHARS

    end = start + len(candidate)
    inside = candidate[2:]
    # The last character may be one that joins words elsewhere: 钢布和 stands before 、 as
    # no conjunction would.
    whole = text[end:end + 1] in LONG_NAME_ENDS and not any(
        inside[i:i + 2] in AFTER_NAME_WORDS or (inside[i] in AFTER_NAME_CHARS and i < len(inside) - 1)
        for i in range(len(inside)))
    if candidate[0] not in surnames():
        # A name of no Han surname (希尼, 宝音满都呼) is read where it stands whole after
        # its role, or right before what a leader does ("执行主席才仁主持会议"), and is no
        # word of the dictionary (办公会议).
        if whole:
            name = candidate
            if _reads_as_words(name):
                return None  # "区长面向国徽，…": words, not a name
        else:
            name = next((candidate[:k] for k in range(2, len(candidate) + 1)
                         if text[start + k: start + k + 2] in AFTER_NAME_WORDS), "")
            if any(ch in AFTER_NAME_CHARS for ch in name) or (len(name) > 3 and _reads_as_words(name)):
                name = ""  # "县长办公会安排部署": 办公会 安排, words
        # A place's name may be a person's (旗委书记兴安主持): read so where a title stands
        # before it and what its bearer does after it.
        if not name:
            return None
        tag = _tag(name)
        named = tag is None or tag.startswith("nr") or (
            tag.startswith("ns") and text[start + len(name):start + len(name) + 2] in AFTER_NAME_WORDS)
        return name if named and _word_starts(text, start) else None
    if len(candidate) < 3:
        return candidate
    if verb_at(start + 3):
        if verb_at(start + 2) and text.count(candidate[:2]) > text.count(candidate[:3]):
            # "李军作讲话，李军指出": either split reads; the page names 李军 alone elsewhere.
            return candidate[:2]
        return candidate[:3]
    if verb_at(start + 2):
        return candidate[:2]
    for k in (5, 4):
        # "主任宝音满都呼主持会议": a longer name whole before what a leader does, where
        # nothing inside it is a verb or a title ("张三丰书记主持" is 张三丰).
        inside_k = candidate[2:k]
        if len(candidate) >= k and text[start + k:start + k + 2] in AFTER_NAME_WORDS and not any(
                verb_at(start + i) for i in range(3, k)) and not any(word in inside_k for word in TITLES_AFTER_NAME):
            return candidate[:k]
    return candidate if whole and len(candidate) > 3 else candidate[:3]


def _dotted_name(text: str, start: int, candidate: str) -> str:
    """A dotted name ends where what follows it is a leader's doing, 同志 or 的
    ("阿不都克力木·艾力同志主持…"); else it runs to the end of the span."""
    at = max(candidate.rfind(dot) for dot in "·•・") + 1
    for end in range(start + at + 1, start + len(candidate)):
        if (text[end:end + 2] in AFTER_NAME_WORDS or text[end] in AFTER_NAME_CHARS or text[end] == "的"
                or text.startswith("同志", end)):
            return text[start:end]
    return candidate


def _reads_as_words(text: str) -> bool:
    """Whether ``text`` opens with a function character (与代表见面) or cuts into two words
    of the dictionary that are no names (面向 国徽); 宝音满都呼 and 乌云毕力格 are names."""
    from .nlp import cut, word_tables

    if text[0] in AFTER_NAME_CHARS:
        return True
    words = [w for w in cut(text) if len(w) >= 2]
    tags = word_tables().tags(set(words))
    return sum(1 for w in words if tags.get(w) is not None and not tags[w].startswith("nr")) >= 2


def _verb(word: str) -> bool:
    """A verb of the dictionary (扩大, 研究): no one's name starts so."""
    from .nlp import word_tables

    tag = word_tables().tags({word}).get(word)
    return tag is not None and tag.startswith("v")


def _function_word(word: str) -> bool:
    """A preposition or a conjunction of the dictionary (关于, 并且): no one's name."""
    from .nlp import word_tables

    tag = word_tables().tags({word}).get(word)
    return tag is not None and tag.startswith(("p", "c"))


def _word_starts(text: str, start: int) -> bool:
    """Whether jieba's cut of the words around ``start`` begins a word there (常委会主持 does
    not begin one at 会)."""
    from .nlp import cut

    window_start = max(0, start - 8)
    position = window_start
    for token in cut(text[window_start:start + 6]):
        if position >= start:
            return position == start
        position += len(token)
    return position == start


def _tag(text: str) -> str | None:
    """jieba's part of speech for ``text`` as one word, or None where it is none."""
    from .nlp import word_tables

    return word_tables().tags({text}).get(text)


def find_leaders(text: str, kind: MeetingKind | None = None, level: str = "区",
                 known: list[Leader] | None = None, place: str = "") -> list[Leader]:
    """Leaders named with their roles, each person once: the main leader for a meeting of
    ``kind`` held by a body of ``level`` (区, 县, 市, 旗) first, then in the order named.

    ``known`` are leaders the page names with their roles elsewhere (in an earlier article
    of the same page): where ``text`` names one without a role ("会议由朱芝松主持"), it
    is that leader. ``place`` is the division's short name: of two 市委书记, the one written
    after it ("义乌市委书记") leads, not the one after another city's ("金华市委书记")."""
    r = rules()
    found: list[tuple[int, Leader]] = []
    for leader in known or ():
        at = text.find(leader.name)
        if at >= 0:
            found.append((at, leader))
    for m in r.member_list.finditer(text):
        for offset, name in enumerate(m.group("names").split("、")):
            if name and name[0] in surnames():
                found.append((m.start() + offset, Leader(name, m.group("role"))))
    for m in r.role_name.finditer(text):
        name = _trim_name(text, m.start("name"), m.group("name"))
        if name is not None:
            found.append((m.start(), Leader(name, m.group("role"))))
    for m in r.name_role.finditer(text):
        name = m.group("name") if m.group("name")[0] in surnames() else None
        if name is not None and len(name) >= 2:
            found.append((m.start(), Leader(name, m.group("org") + m.group("title"))))
    for m in r.name_head.finditer(text):
        if m.group("name")[0] in surnames():
            found.append((m.start(), Leader(m.group("name"), m.group("title"))))
    found.sort(key=lambda item: item[0])
    leaders: dict[str, Leader] = {}
    # Every role the text gives a person: "大会执行主席张胜利、才仁…" lists 才仁 among the
    # executive chairs before "常务主席、执行主席才仁主持会议" names the one who leads.
    roles: dict[str, list[str]] = {}
    for _, leader in found:
        if leader.name not in leaders or leaders[leader.name] in (known or ()):
            leaders[leader.name] = leader  # the role this text gives, where it gives one
        roles.setdefault(leader.name, []).append(leader.role)
    ordered = list(leaders.values())
    main = _main_leader(text, ordered, kind, level, place, roles)
    if main is not None:
        ordered = [main, *(x for x in ordered if x.name != main.name)]
    return ordered


def _only_conveyed(text: str, name: str) -> bool:
    """Whether every clause naming ``name`` conveys what the person said elsewhere (传达…
    他的讲话, 精神): the person is not at this meeting."""
    clauses = [c for c in re.split("[，,。；;！？]", text) if name in c]
    return bool(clauses) and all(
        "传达" in c[:c.index(name)] and _CONVEYED_WORDS_RE.match(c, c.index(name) + len(name)) is not None
        for c in clauses)


# What follows a name whose words are conveyed: "…（和区长张勇）在读书会上的重要讲话", "…讲话精神".
_CONVEYED_WORDS_RE = re.compile(
    r"[^，。；]{0,20}?(?:在[^，。；]{1,30}?上的(?:重要)?(?:讲话|指示)|(?:讲话|指示|批示)精神)")


def _deputy(text: str, present: list[Leader], kind: MeetingKind | None, level: str,
            roles: dict[str, list[str]] | None) -> Leader | None:
    """Where no one holding the kind's main title is present, one of its deputies
    ("区政协副主席邵惠娟") leads before a presider of no such office ("秘书长黄军华主持"): the
    one who presides, where a deputy does, else the first named."""
    r = rules()
    titles = [t.replace("{L}", level) for t in r.main_titles.get(kind, ())] if kind else []
    deputies = [x for x in present if any(
        _deputy_of(role, title) for role in (x.role, *(roles or {}).get(x.name, ())) for title in titles)]
    if not deputies:
        return None
    presiding = [m.group("name") for m in r.presiding.finditer(text)]
    return next((x for x in deputies if any(name.endswith(x.name) for name in presiding)), deputies[0])


def _deputy_of(role: str, title: str) -> bool:
    """"区政协副主席" is a deputy of 政协主席, "县委副书记" of 县委书记, "副县长" of 县长."""
    deputy = f"{title[:-2]}副{title[-2:]}"
    return any(part.endswith(deputy) for part in re.split("、|兼|，|,", role))


def _holds(role: str, title: str) -> bool:
    """"市委常委、区委书记" holds 区委书记; "常务副区长" does not hold 区长, nor a session's
    "执行主席" (a chair for the day, in turn) 主席."""
    return any(part.endswith(title) and not part[:-len(title)].endswith(("副", "常务", "执行"))
               for part in re.split("、|兼|，|,", role))


def _main_leader(text: str, leaders: list[Leader], kind: MeetingKind | None, level: str,
                 place: str = "", roles: dict[str, list[str]] | None = None) -> Leader | None:
    r = rules()
    # "受县委书记许红兵委托": the one who sent a deputy did not lead the meeting; nor does one
    # named only as the speaker of what it conveys ("传达学习了…区委书记宗国英…在读书会上的重要讲话").
    present = [x for x in leaders if f"{x.name}委托" not in text and not _only_conveyed(text, x.name)]
    for title in r.main_titles.get(kind, ()) if kind else ():
        wanted = title.replace("{L}", level)
        holders = [next((Leader(x.name, role) for role in (x.role, *(roles or {}).get(x.name, ()))
                         if _holds(role, wanted)), None) for x in present]
        found = [x for x in holders if x is not None]
        if found:
            return min(found, key=lambda leader: _written_after_another_place(text, leader, place))
    if kind in r.reporter_kinds:
        for m in r.reporter.finditer(text):
            known = next((x for x in leaders if m.group("name").endswith(x.name)), None)
            if known is not None:
                return known
            start = m.start("name")
            name = _trim_name(text, start, m.group("name"))
            if name:
                return Leader(name, "作报告")
    for m in r.speaking.finditer(text):
        speaker = next((x for x in present if m.group("name").endswith(x.name)), None)
        if speaker is not None:
            return speaker
    deputy = _deputy(text, present, kind, level, roles)
    if deputy is not None:
        return deputy
    for m in r.presiding.finditer(text):
        # The name right before 主持: a known leader, or one the text names without a title.
        for leader in leaders:
            if m.group("name").endswith(leader.name):
                return leader
        # After a break, or after a title no body's ("执行主席李景耀主持会议"); the match may
        # have taken the title's last character ("主席聂磊主持": 席聂磊 or 聂磊).
        for cut in (0, 1):
            start = m.start("name") + cut
            name = _trim_name(text, start, m.group("name")[cut:])
            before = text[start - 1] if start else "，"
            if name and (before in "，。；：、 \n" or start == 0 or text[:start].endswith(TITLES_AFTER_NAME)):
                return Leader(name, "主持")
    return None
