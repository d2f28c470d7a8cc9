"""Meetings of no listed kind (座谈会, 推进会, 碰头会, a leading group's or a party group's
meeting), named by their own words where a report says they are held; what a county's
body does not hold (a higher body's, a development zone's, an organisation's, many
divisions' at once) is none.
"""

from __future__ import annotations

import re
from functools import cache

from ..model import MeetingKind
from . import LEVEL, NUMBER, SESSION_GROUPS, MeetingMention, _name, _region_body, rules

# A meeting of no listed kind, named where it is held: "主持召开市长碰头会", "…座谈会召开".
# "…下午召开的预备会议": a name never opens on 的 (that 召开 is a relative clause's).
_OTHER_AFTER_RE = re.compile(
    r"(?:召开|举行)了?(?P<name>[^，。；！？：,;!?:\n的][^，。；！？：,;!?:\n]{1,59}(?:会议|会))(?=[，。；！？,;!?\n]|$)")
_OTHER_BEFORE_RE = re.compile(
    r"(?P<name>[^，。；！？：,;!?:\s]{3,60}?(?:会议|会))(?:在[^，。；！？]{1,16})?(?:召开|举行|开幕|闭幕)")
# A name that is only a session ("第一次会议"), whose body stands before 召开.
_SESSION_ONLY_RE = re.compile(rf"(?:\d{{4}}年度?)?第{NUMBER}次(?:全体|工作|成员|委员|主席|主任|常委|常务)?会议")
# "各代表团召集人会议": a sitting of a session, which is named with its session where that
# is a county's; alone, it is a higher body's or nobody's.
_SESSION_SITTING_RE = re.compile(rf"各?{SESSION_GROUPS}")
MAX_SUBJECT_CHARS = 30
_YEAR_RE = re.compile(r"^\d{4}年度?")
# A clause that holds a meeting without naming who holds it ("并召开", "随后召开").
_NO_SUBJECT_RE = re.compile(r"(?:并|随后|之后|会后|同时|还)?(?:主持)?(?:召开|举行)了?")
_LEADING_TIME_RE = re.compile(r"^(?:\d{1,2}月\d{1,2}日|昨[日天]|今[日天]|近日|日前)?(?:上午|下午|晚上?|晚间)?")


def _attends_higher_body(before: str) -> bool:
    """"参加自治区十一届人大四次会议的梧州代表团…举行了第一次代表团会议": those who meet
    are attending a higher body's session, said in a clause of the same sentence."""
    r = rules()
    sentence = re.split(r"[。！？]", before)[-1]
    return any(_ATTENDING_RE.search(part) and any(body in part for body in r.higher_bodies)
               for part in re.split(r"[，,；;]", sentence))


_ATTENDING_RE = re.compile("参加|出席")


def other_meeting(text: str) -> MeetingMention | None:
    """A meeting of another kind that ``text`` says is held, named by its own words."""
    r = rules()
    for pattern in (_OTHER_AFTER_RE, _OTHER_BEFORE_RE):
        m = pattern.search(text)
        if m is None:
            continue
        # Who holds it is said in its clause ("省委召开…"); a clause before it may say only on
        # whose plan ("根据省委统一部署，4月14日，…报告会在钟山区举行").
        clause = re.split(r"[。！？，,；;]", text[:m.start("name")])[-1]
        if _NO_SUBJECT_RE.fullmatch(_LEADING_TIME_RE.sub("", clause).strip()):
            # "…齐续春在呼和浩特调研，并召开…座谈会": the holder is the sentence's subject.
            clause = re.split(r"[。！？]", text[:m.start("name")])[-1]
        if any(body in clause for body in (*r.higher_bodies, *r.plural_holders)) or _attends_higher_body(
                text[:m.start("name")]):
            continue
        name = _renamed(_LEADING_TIME_RE.sub("", m.group("name")).strip())
        if _region_body(text, m.start("name"), name) or _YEAR_RE.sub("", name).startswith(r.higher_bodies):
            continue  # "2017年自治区深化医药卫生体制改革领导小组第一次（扩大）会议"
        if _prefectures_name(name) or name.startswith(r.higher_scopes):
            continue  # "首场中共黔东南州委新闻发布会", "政协黔南州十二届四次会议", "全州…会议"
        if _SESSION_SITTING_RE.fullmatch(name):
            continue
        if _SESSION_ONLY_RE.fullmatch(name):
            # "…委员会召开第一次会议": the session is the body's, named before 召开.
            subject = re.split(r"[，。；！？,;!?\n]", text[:m.start("name")])[-1]
            subject = _LEADING_TIME_RE.sub("", re.sub(r"(?:召开|举行)了?$", "", subject)).strip()
            subject = re.sub(r"在[^，。；在]{1,16}$", "", subject)  # …委员会在“政协委员之家”召开…
            if 3 <= len(subject) <= MAX_SUBJECT_CHARS:
                name = subject + name
                if _region_body(text, m.start("name") - len(subject), name):
                    continue  # "在省十三届人民代表大会常务委员会…上召开了第一次全体会议"
        if (len(name) < 3 or _conveys(name) or _zones_meeting(clause, name) or name.startswith(r.organisation_bodies)
                or _towns_meeting(clause) or any(session in name for session in r.national_sessions)):
            continue
        return MeetingMention(MeetingKind.OTHER, _name(MeetingKind.OTHER, name, text[:m.start("name")]),
                              m.start("name"), m.end("name"), 1)
    return _plain_body_meeting(text)


_ORDINAL_RE = re.compile(rf"^(?:首场|首次|第{NUMBER}场)")


def _prefectures_name(name: str) -> bool:
    """A name that opens on a prefecture's body, after an ordinal or the party's name: "首场
    中共黔东南州委新闻发布会", "政协黔南州十二届四次会议" (黔东南, 黔南: autonomous prefectures)."""
    core = re.sub(r"^(?:中国共产党|中共)", "", _ORDINAL_RE.sub("", name))
    m = _PREFECTURE_BODY_RE.match(core)
    return m is not None and m["place"] in _prefecture_shorts()


@cache
def _prefecture_shorts() -> frozenset[str]:
    """Short names of the autonomous prefectures and leagues (黔南, 锡林郭勒) that no county
    shares (禹州 is a county-level city's)."""
    from ..places import gazetteer

    gaz = gazetteer()
    return frozenset(city.short for city in gaz.cities.values()
                     if city.short and city.name.endswith(("州", "盟")) and city.short not in gaz.by_short)


_PREFECTURE_BODY_RE = re.compile(
    rf"^(?:政协)?(?P<place>[\u4e00-\u9fff]{{2,8}}?)(?:州|盟)(?=第?{NUMBER}届|委|政协|人大|人民政府|政府|行署)")


def _zones_meeting(clause: str, name: str) -> bool:
    """Whether a development zone's body holds the meeting: named in the clause before it
    ("无为经济开发区召开…") or in its name ("…开发区党工委中心组…学习会议", "管委会会议"),
    where no county body holds it ("区政府召开开发区…推进会")."""
    r = rules()
    if not any(zone in clause or zone in name for zone in r.zone_bodies):
        return False
    holder = re.sub(r"(?:召开|举行)了?$", "", clause)
    return not re.search(rf"{LEVEL}(?:{'|'.join(r.county_body_words)})", holder)


def _towns_meeting(clause: str) -> bool:
    """Whether a town (镇, 乡, 街道, 苏木) holds the meeting, as the clause before it says
    ("桥头镇在镇一楼会议室召开…", "镇党委召开…"): a body below any county's."""
    r = rules()
    towns = "|".join(map(re.escape, r.town_holders))
    holder = _LEADING_TIME_RE.sub("", clause).strip()
    return re.fullmatch(rf"[\u4e00-\u9fff]{{0,{r.town_name_chars}}}(?:{towns})(?:{'|'.join(r.town_bodies)})?"
                        r"(?:在[^，。；]{1,16})?(?:召开|举行)了?", holder) is not None


def _plain_body_meeting(text: str) -> MeetingMention | None:
    """"林区人大常委会党组召开会议": a body's meeting under no name of its own, named from
    the body (林区人大常委会党组会议)."""
    r = rules()
    bodies = "|".join(map(re.escape, r.plain_meeting_bodies))
    m = re.search(rf"(?P<body>[\u4e00-\u9fff（）()]{{2,30}}?(?:{bodies}))(?:召开|举行)了?(?P<kind>(?:扩大)?会议)"
                  r"(?=[，。；！？,;!?\s]|$)", text)
    if m is None:
        return None
    clause = re.split(r"[。！？，,；;]", text[:m.start("body")])[-1]
    body = _LEADING_TIME_RE.sub("", clause + m["body"]).strip()
    if (any(higher in body for higher in r.higher_bodies) or _zones_meeting(body, "")
            or _region_body(text, m.start("body"), body)):
        return None
    return MeetingMention(MeetingKind.OTHER, _name(MeetingKind.OTHER, body + m["kind"], text[:m.start("body")]),
                          m.start("body"), m.end("kind"), 1)


def _conveys(name: str) -> bool:
    """A span that takes in what a meeting conveys ("传达学习中央经济工作会议") rather than
    naming one held. A title whose topic is a speech's 精神 names the meeting after it
    ("学习贯彻…讲话精神省委宣讲团报告会"), where that is a name of its own."""
    _, topic, after = name.rpartition("精神")
    if topic:
        return len(after) < MIN_OTHER_NAME_CHARS
    # A short word conveys only where the span opens on it ("落实…精神会议"); inside a name
    # it may be the name's own ("县人民政府抓落实专题会议").
    return any(name.startswith(w) or (len(w) >= 4 and w in name) for w in rules().not_held_before if len(w) >= 2)


# The shortest name a meeting of another kind has (座谈会, 推进会 need a subject before them).
MIN_OTHER_NAME_CHARS = 3


def _renamed(name: str) -> str:
    """"…领导小组更名为区委全面深化改革委员会后的第一次会议" → "区委全面深化改革委员会第一次会议"."""
    for word in rules().renamed_words:
        at = name.rfind(word)
        if at >= 0:
            new_name, _, session = name[at + len(word):].partition("后的")
            if new_name and session:
                return new_name + session
    return name
