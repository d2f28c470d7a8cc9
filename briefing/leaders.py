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

from .data import read_text, surnames
from .model import Leader, MeetingKind

LEVEL = "[区县市旗]"
HAN = "\u4e00-\u9fff"
# Words that follow a leader's name ("刘健就…", "高香传达…", "胡卫国主持…"): they tell
# whether a name has two characters or three.
AFTER_NAME_WORDS = {
    "主持", "代表", "表示", "出席", "参加", "传达", "指出", "强调", "讲话", "要求", "作了", "提出",
    "调研", "带队", "率队", "一行", "同志", "结合", "通报", "宣读", "介绍", "部署", "主讲", "汇报",
    "列席", "发言", "总结", "围绕", "对此", "认为", "说明", "看望", "会见", "视察", "走访", "赴", "在",
}
AFTER_NAME_CHARS = set("就在等和与及说作对向为是到、，。；：赴")


@dataclass(frozen=True)
class _Rules:
    role_name: re.Pattern[str]
    name_role: re.Pattern[str]
    member_list: re.Pattern[str]
    presiding: re.Pattern[str]
    main_titles: dict[MeetingKind, tuple[str, ...]]
    reporter: re.Pattern[str]
    reporter_kinds: frozenset[MeetingKind]


def _alternatives(items: list[str]) -> str:
    return "|".join(sorted((i.replace("{L}", LEVEL) for i in items), key=len, reverse=True))


@cache
def rules() -> _Rules:
    import yaml

    data = yaml.safe_load(read_text("leaders.yaml"))
    org, title, head = (_alternatives(data[k]) for k in ("orgs", "titles", "heads"))
    # "区十五届人大常委会主任": a term may stand between the level and the body.
    org = org.replace(LEVEL, rf"{LEVEL}(?:第?[一二三四五六七八九十]{{1,3}}届)?")
    role = rf"(?:(?:{org})(?:党组)?(?:常务)?(?:{title})|{head})"
    role_name = re.compile(
        rf"(?P<role>{role}(?:(?:、|兼)(?:{role}|[{HAN}]{{0,8}}?(?:党组)?(?:{title})))*)(?P<name>[{HAN}]{{2,3}})")
    name_role = re.compile(rf"(?P<org>{LEVEL}委|市委)(?P<name>[{HAN}]{{2,3}}?)(?P<title>书记|副书记)")
    member_list = re.compile(
        rf"(?P<role>{_alternatives(data['list_roles'])})(?P<names>(?:[{HAN}]{{2,3}}、)+[{HAN}]{{2,3}})"
        r"(?=出席|参加|列席|等|，|。)")
    presiding = re.compile(rf"(?P<name>[{HAN}]{{2,3}}?)(?:同志)?(?:{_alternatives(data['presiding'])})")
    main = {MeetingKind(kind): tuple(names) for kind, names in data["main_titles"].items()}
    reporter = re.compile(rf"(?P<name>[{HAN}]{{2,3}}?)代表[^。；]{{2,40}}?(?:{_alternatives(data['reporter_verbs'])})")
    reporter_kinds = frozenset(MeetingKind(kind) for kind in data["reporter_kinds"])
    return _Rules(role_name, name_role, member_list, presiding, main, reporter, reporter_kinds)


def _trim_name(text: str, start: int, candidate: str) -> str | None:
    """Two or three characters? Decided by what follows the name in ``text``."""
    if not candidate or candidate[0] not in surnames():
        return None
    if len(candidate) < 3:
        return candidate

    def verb_at(i: int) -> bool:
        return text[i: i + 2] in AFTER_NAME_WORDS or text[i: i + 1] in AFTER_NAME_CHARS

    if verb_at(start + 3):
        return candidate
    if verb_at(start + 2):
        return candidate[:2]
    return candidate


def find_leaders(text: str, kind: MeetingKind | None = None, level: str = "区") -> list[Leader]:
    """Leaders named with their roles, each person once: the main leader for a meeting of
    ``kind`` held by a body of ``level`` (区, 县, 市, 旗) first, then in the order named."""
    r = rules()
    found: list[tuple[int, Leader]] = []
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
    found.sort(key=lambda item: item[0])
    leaders: dict[str, Leader] = {}
    for _, leader in found:
        leaders.setdefault(leader.name, leader)
    ordered = list(leaders.values())
    main = _main_leader(text, ordered, kind, level)
    if main is not None:
        ordered = [main, *(x for x in ordered if x.name != main.name)]
    return ordered


def _main_leader(text: str, leaders: list[Leader], kind: MeetingKind | None, level: str) -> Leader | None:
    r = rules()
    # "受县委书记许红兵委托": the one who sent a deputy did not lead the meeting.
    present = [x for x in leaders if f"{x.name}委托" not in text]
    for title in r.main_titles.get(kind, ()) if kind else ():
        wanted = title.replace("{L}", level)
        for leader in present:
            # "市委常委、区委书记" holds 区委书记; "常务副区长" does not hold 区长.
            if any(part.endswith(wanted) and not part[:-len(wanted)].endswith(("副", "常务"))
                   for part in re.split("、|兼", leader.role)):
                return leader
    if kind in r.reporter_kinds:
        for m in r.reporter.finditer(text):
            known = next((x for x in leaders if m.group("name").endswith(x.name)), None)
            if known is not None:
                return known
            start = m.start("name")
            name = _trim_name(text, start, m.group("name"))
            if name and (start == 0 or text[start - 1] in "，。；：、 \n"):
                return Leader(name, "作报告")
    for m in r.presiding.finditer(text):
        # The name right before 主持: a known leader, or one the text names without a title.
        for leader in leaders:
            if m.group("name").endswith(leader.name):
                return leader
        name = _trim_name(text, m.start("name"), m.group("name"))
        start = m.start("name")
        before = text[start - 1] if start else "，"
        if name and (before in "，。；：、 \n" or start == 0):
            return Leader(name, "主持")
    return None
