"""Extract stage: reports → meetings with their facts.

The facts a reader needs first (which district, which meeting, when, who, which
documents, which numbers) are scattered through a report. Each is found by a rule a
human analyst would also use, and each date says how precise it is and whether it
was inferred.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from .chrome import address_month
from .leaders import find_leaders
from .lexicon import DOCUMENT_RE, FIGURE_RE, UNKNOWN_DISTRICT, chinese_number
from .meetings import find_meetings, is_official_document, is_speech_text, is_template, meeting_identity
from .model import (
    AdoptedDocument,
    CleanDocument,
    DatePrecision,
    KeyFigure,
    Leader,
    Meeting,
    MeetingDate,
    MeetingKind,
    Report,
    SourceSentence,
)
from .places import Division, PlaceSettings, display_name, locate, prefecture_page
from .segmenter import split_sentences

HOME_SHANGHAI = PlaceSettings()

# --- district ----------------------------------------------------------------------------


def detect_district(report: Report, doc: CleanDocument, places: PlaceSettings = HOME_SHANGHAI) -> Division | None:
    """The division a report is about: named most (headings count double), in its page's
    title, its outlet, the breadcrumb the site files it under or its web address."""
    pieces = [(p.text, 2.0 if p.is_heading else 1.0) for p in report.paragraphs]
    found = locate(pieces, doc.url, places.home, places.extra, _page_head(doc))
    if found is None:
        page = [doc.title or "", *doc.paragraphs, doc.outlet or "", doc.trail or ""]
        found = locate([(text, 1.0) for text in page if text], doc.url, places.home, places.extra)
    return found


# How much of a page's start confirms a place a report names by a word (a roundup's
# introduction names its region there).
PAGE_HEAD_CHARS = 2000


def _page_head(doc: CleanDocument) -> str:
    return (doc.title or "") + "\n" + "\n".join(doc.paragraphs)[:PAGE_HEAD_CHARS]


# --- dates --------------------------------------------------------------------------------

_FULL_DATE_RE = re.compile(r"(?P<y>\d{4})年(?P<m>\d{1,2})月(?P<d>\d{1,2})日")
_MONTH_DAY_RE = re.compile(r"(?<![\d年])(?P<m>\d{1,2})月(?P<d>\d{1,2})(?:日|号|(?=[上下]午|晚))")
# "2018813日": a date whose 年 and 月 a site's markup lost; read where only one split is a date.
_COMPACT_DATE_RE = re.compile(r"(?<!\d)(?P<y>(?:19|20)\d{2})(?P<md>\d{2,4})日")
# "1226日，…" opening a paragraph: a month and day whose 月 was lost; "43日" too, which
# is no day of a month ("12日" is one: the 12th, not 1月2日).
_COMPACT_MONTH_DAY_RE = re.compile(r"(?m)^\s*(?P<md>\d{3,4}|3[2-9]|[4-9]\d)日")
# "（特约记者 黎辉）915，林区…": a lead opening on a month and day that lost 月 and 日,
# after its byline; read only where the page's own date is a few days after it.
_BARE_MONTH_DAY_RE = re.compile(r"^(?:[^，,。；\d]{0,40}[)）])?(?P<md>\d{3,4})[，,]")
BARE_DATE_DAYS = 31
_ISO_DATE_RE = re.compile(r"(?<![\d-])(?P<y>(?:19|20)\d{2})-(?P<m>\d{1,2})-(?P<d>\d{1,2})")
# Days named relative to the page's own date: its date line anchors them.
_RELATIVE_DAYS = {"今天": 0, "今日": 0, "昨天": -1, "昨日": -1, "前天": -2}
# "同一天，宁都…", "与此同时，黎川县委召开…": an article of a roundup held on the day of the
# article before it on the page.
_SAME_DAY_RE = re.compile(r"^\s*(?:[^，。]{0,8}?[，,])?(?:同一天|同日|当天|当日|与此同时)")
_RELATIVE_DAY_RE = re.compile("|".join(_RELATIVE_DAYS))
# A lead paragraph that gives the day alone ("22日下午，市委书记…"), near its start.
_DAY_ONLY_RE = re.compile(r"(?<![月\d年.\-/])(?P<d>[12]?\d|3[01])日(?=上午|下午|晚|，|,|\s|召开|举行)")
DAY_ONLY_WITHIN = 40
# "2013年以来": since that year, so not the year a text is set in; nor one it looks ahead to.
_CONTEXT_YEAR_RE = re.compile(r"(?<![到至—\-~～\d])(?P<y>(?:19|20)\d{2})年(?!前|以前|之前|底前|以后|以来)")
_REVIEW_PLAN_RE = re.compile(r"总结(?P<y>20\d{2})年.{0,16}?部署(?P<next>20\d{2})年")
REVIEW_LAST_MONTH = 6  # a meeting that reviews a year and plans the next, held by this month, is in the next
_NEW_YEAR_RE = re.compile(r"新春伊始|新年伊始|开年伊始|岁末年初|新年第一|开年以来")
_NPC_RE = re.compile(r"(?P<term>[十一二三四五六七八九]+)届全国(?:人大|政协)(?P<n>[一二三四五])次会议"
                     r"|全国政协(?P<term2>[十一二三四五六七八九]+)届(?P<n2>[一二三四五])次会议")
_PLAN_YEAR_RE = re.compile(r"[“\"]?十(?P<k>[一二三四五六七八九])五[”\"]?规划(?P<which>收官|开局|起步)之年")


def _npc_year(term: int, session: int) -> int | None:
    """National People's Congress terms run five years from 1983 (6th term) on."""
    if term < 6 or not 1 <= session <= 5:
        return None
    return 1983 + 5 * (term - 6) + session - 1


def context_year(text: str) -> int | None:
    """The year a text is set in, when it never says the date in full."""
    m = _NPC_RE.search(text)
    if m:
        term = chinese_number(m.group("term") or m.group("term2") or "")
        session = chinese_number(m.group("n") or m.group("n2") or "")
        if term and session and (year := _npc_year(term, session)):
            return year
    m = _PLAN_YEAR_RE.search(text)
    if m:
        k = chinese_number(m.group("k")) or 0
        start = 2006 + 5 * (k - 1) if k >= 1 else None  # 十一五 = 2006-2010, 十四五 = 2021-2025
        if start:
            return start + 4 if m.group("which") == "收官" else start
    years = Counter(int(m.group("y")) for m in _CONTEXT_YEAR_RE.finditer(text))
    if years:
        top = max(years.values())
        return max(y for y, n in years.items() if n == top)
    return None


def _as_date(text: str | None) -> dt.date | None:
    if not text:
        return None
    try:
        y, m, d = (int(x) for x in re.findall(r"\d+", text)[:3])
        return dt.date(y, m, d)
    except (ValueError, TypeError):
        return None


def _compact_date(year: str, month_day: str) -> dt.date | None:
    """The one date ``month_day`` ("813", "1013") can be split into, or None (111: 1-11 or 11-1)."""
    dates = {found for cut in (1, 2) if len(month_day) - cut in (1, 2)
             if (found := _as_date(f"{year}-{month_day[:cut]}-{month_day[cut:]}")) is not None
             and not month_day[cut:].startswith("0")}
    return dates.pop() if len(dates) == 1 else None


def _conveyed_date(lead: str, at: int) -> bool:
    """Whether the date at ``at`` is that of something the meeting conveys: its sentence has
    named a meeting and then a word of conveying before it ("…召开…常务会议，传达学习4月19日
    习近平总书记…讲话精神")."""
    from .meetings import rules

    sentence = re.split(r"[。！？\n]", lead[:at])[-1]
    meeting = min((i for i in (sentence.find("会议"), sentence.find("会，")) if i >= 0), default=-1)
    return meeting >= 0 and any(w in sentence[meeting:] for w in rules().not_held_before if len(w) >= 2)


def _names_another_meeting(heading: str, mention: str | None) -> bool:
    """A heading that names other meetings than the report's (the session a standing meeting
    decided on, "…会议于4月15日至17日召开"): it does not date the report."""
    found = find_meetings(heading) if mention else []
    return bool(found) and all(m.name != mention for m in found)


def detect_date(report: Report, doc: CleanDocument) -> MeetingDate:
    """When the meeting took place, as precisely as the text allows."""
    body = [p.text for p in report.body]
    headings = [p.text for p in report.headings if not _names_another_meeting(p.text, report.meeting_mention)]
    lead = "\n".join([*headings, *body[:2]])
    text = "\n".join(body)
    page_year, page_month = (int(doc.published[:4]), int(doc.published[5:7])) if doc.published else (
        address_month(doc.url) or (None, None))
    page_date = _as_date(doc.published)
    latest = min(page_date or dt.date.today(), dt.date.today())
    # The first date the lead gives: a later one is more often what the meeting decided
    # ("全会决定2021年7月28日至30日召开…").
    full: list[tuple[int, dt.date]] = []
    for pattern in (_FULL_DATE_RE, _ISO_DATE_RE):
        for m in pattern.finditer(lead):
            found = _as_date(f"{m['y']}-{m['m']}-{m['d']}")
            # A date after the page's is not the meeting's, nor one of what it conveys.
            if found is not None and found <= latest and not _conveyed_date(lead, m.start()):
                full.append((m.start(), found))
    for m in _COMPACT_DATE_RE.finditer(lead):
        found = _compact_date(m["y"], m["md"])
        if found is not None and found <= latest and not _conveyed_date(lead, m.start()):
            full.append((m.start(), found))
    month_day = next((m for m in _MONTH_DAY_RE.finditer(lead) if not _conveyed_date(lead, m.start())), None)
    if month_day is None and (compact := _COMPACT_MONTH_DAY_RE.search(lead)) and page_date is not None:
        found = _compact_date(str(page_date.year), compact["md"])
        if found is not None:
            # The page's own year, or the one before where the day would fall after the page.
            found = found if found <= page_date else _compact_date(str(page_date.year - 1), compact["md"])
            if found is not None:
                full.append((compact.start("md"), found))
    if month_day is None and not full and body and page_date is not None and (
            bare := _BARE_MONTH_DAY_RE.match(body[0])):
        for year in (page_date.year, page_date.year - 1):
            found = _compact_date(str(year), bare["md"])
            if found is not None and 0 <= (page_date - found).days <= BARE_DATE_DAYS:
                return MeetingDate(found.year, found.month, found.day, DatePrecision.DAY)
    if full and (month_day is None or min(full)[0] < month_day.start()):
        found = min(full)[1]
        return MeetingDate(found.year, found.month, found.day, DatePrecision.DAY)
    m = month_day
    if m:
        month, day = int(m["m"]), int(m["d"])
        if page_year is not None and page_month is not None:
            year = page_year - 1 if month > page_month else page_year
            return MeetingDate(year, month, day, DatePrecision.DAY)
        year = context_year("\n".join(doc.paragraphs))
        review = _REVIEW_PLAN_RE.search(text)
        if review and int(review["next"]) == int(review["y"]) + 1:
            # "总结2021年工作，安排部署2022年工作": held at the turn of those years, so in the
            # later one where the day falls in its first half.
            year = int(review["next"]) if month <= REVIEW_LAST_MONTH else int(review["y"])
        if year is not None and (_as_date(f"{year}-{month}-{day}") or latest) <= dt.date.today():
            return MeetingDate(year, month, day, DatePrecision.DAY, inferred=True)
        return MeetingDate(None, month, day, DatePrecision.NONE)
    m = _RELATIVE_DAY_RE.search(lead)
    if m and page_date is not None:
        day = page_date + dt.timedelta(days=_RELATIVE_DAYS[m.group(0)])
        return MeetingDate(day.year, day.month, day.day, DatePrecision.DAY)
    m = next((found for para in body[:2] if (found := _DAY_ONLY_RE.search(para[:DAY_ONLY_WITHIN]))), None)
    if m and page_date is not None:
        # "22日下午，…" on a page dated 2014-01-23: the page's month, or the one before
        # where the day would fall after the page.
        day = int(m["d"])
        month_start = page_date.replace(day=1)
        if day > page_date.day:
            month_start = (month_start - dt.timedelta(days=1)).replace(day=1)
        found = _as_date(f"{month_start.year}-{month_start.month}-{day}")
        if found is not None:
            return MeetingDate(found.year, found.month, found.day, DatePrecision.DAY, inferred=True)
    m = _REVIEW_PLAN_RE.search(text)
    if m and int(m["next"]) == int(m["y"]) + 1:
        return MeetingDate(int(m["y"]), precision=DatePrecision.YEAR, inferred=True, note="末")
    if _NEW_YEAR_RE.search(lead + text):
        year = context_year(text)
        if year is not None:
            return MeetingDate(year + 1, precision=DatePrecision.YEAR, inferred=True, note="初")
    if page_year is not None and page_month is not None:
        return MeetingDate(page_year, page_month, precision=DatePrecision.MONTH, inferred=True)
    return MeetingDate()


# --- leaders ------------------------------------------------------------------------------

# --- documents ----------------------------------------------------------------------------

_ADOPT_RE = re.compile(r"(审议通过|通过了|审议并通过|印发|出台|发布|制定|审议)[^。；]{0,6}$")


def find_documents(text: str) -> list[AdoptedDocument]:
    docs: dict[str, AdoptedDocument] = {}
    for m in DOCUMENT_RE.finditer(text):
        title = m.group("title").strip()
        adopted = bool(_ADOPT_RE.search(text[max(0, m.start() - 14): m.start()]))
        if title in docs:
            docs[title].adopted |= adopted
        else:
            docs[title] = AdoptedDocument(title, adopted)
    # "《条例》" after "《…管理条例》" is a short back-reference, not another document.
    return [d for d in docs.values() if not any(o != d.title and o.endswith(d.title) for o in docs)]


# --- figures --------------------------------------------------------------------------------

_MULTIPLIERS = {"万亿": 1e12, "亿": 1e8, "万": 1e4, "千": 1e3}
_COUNT_UNITS = "家项个亩所条批处座套件台户人次名"
_LEADING_VERBS = re.compile(r"^(实现|集聚|完成|达到|累计|新增|计划|预计|共|总计|其中|全年|年)+")
_TRAILING_VERBS = re.compile(r"(有望迈上|有望突破|迈上|达到|突破|超过|约为|约|为|达|实现|有望|新增|增至)+$")
_PHRASE_STOP = re.compile(r"[，。；：、“”《》（）,;:]")
_AFTER_STOP = re.compile(r"[，。；：“”《》（）,;:]")


@dataclass
class _FigureContext:
    before: str
    after: str


# What a figure measures is named within a few words of it; looking no further keeps a
# huge sentence full of numbers linear.
_CONTEXT_CHARS = 40


def _figure_context(sentence: str, start: int, end: int) -> _FigureContext:
    before = _PHRASE_STOP.split(sentence[max(0, start - _CONTEXT_CHARS):start])[-1]
    after = _AFTER_STOP.split(sentence[end:end + _CONTEXT_CHARS])[0]
    return _FigureContext(before, after)


def _measure(unit: str, ctx: _FigureContext) -> str:
    if unit in _COUNT_UNITS and len(ctx.after) >= 2 and not ctx.after.startswith(("的", "以上", "左右")):
        return re.split(r"的|，", ctx.after)[0][:12]
    before = _TRAILING_VERBS.sub("", _LEADING_VERBS.sub("", ctx.before))
    return before[-10:]


def find_figures(report: Report) -> list[KeyFigure]:
    figures: list[KeyFigure] = []
    for p in report.body:
        for sentence in split_sentences(p.text):
            masked = DOCUMENT_RE.sub(lambda m: "《" + "＿" * (len(m.group(0)) - 2) + "》", sentence)
            for m in FIGURE_RE.finditer(masked):
                number = float(m.group("num")) * _MULTIPLIERS.get(m.group("mult") or "", 1)
                unit = (m.group("mult") or "") + m.group("unit")
                ctx = _figure_context(sentence, m.start(), m.end())
                if unit == "个" and number < 3:
                    continue
                figures.append(KeyFigure(
                    value=m.group(0), number=number, unit=unit, measure=_measure(m.group("unit"), ctx),
                    source=SourceSentence(report.path, p.index, sentence),
                ))
    return figures


# --- meetings -------------------------------------------------------------------------------


def _other_name(report: Report, doc: CleanDocument) -> str:
    """A name for an article that reports no meeting: its page title or first heading."""
    if doc.title:
        return doc.title
    for p in report.headings:
        return p.text
    return report.body[0].text[:30] if report.body else doc.path.stem


def extract_meeting(report: Report, doc: CleanDocument, places: PlaceSettings = HOME_SHANGHAI,
                    known: list[Leader] | None = None) -> Meeting:
    """All facts of one report, as a meeting of its own (merging happens after).

    ``known``: leaders an earlier article of the page names with their roles, for one
    this report names without ("会议由朱芝松主持")."""
    division = detect_district(report, doc, places)
    kind = report.meeting_kind or MeetingKind.ARTICLE
    name = report.meeting_mention
    text = "\n".join(p.text for p in report.paragraphs)
    level = _written_level(division, "\n".join(doc.paragraphs)) if division else "区"
    if name and division is not None and _held_above(name, level):
        # "市委六届九次全会" on a district's page: the city's meeting, which the district's
        # people attend. The page reports no meeting of the district's own.
        kind, name = MeetingKind.ARTICLE, None
    elif name and division is not None and division.level_word == "市" and _prefectures_term(
            name, division, "\n".join(doc.paragraphs)):
        # "市十六届人大常委会…" on a page that names "成都市第十六届人民代表大会" (简阳市, a
        # city below 成都, only elected to it): the 市 is the prefecture, not the county-level city.
        kind, name = MeetingKind.ARTICLE, None
    elif name and division is None and _city_body(name, text) and prefecture_page(
            "\n".join(doc.paragraphs), doc.url):
        # A 市 that names no division of its own and has divisions below it: a
        # prefecture-level city's meeting, no county-level one's.
        kind, name = MeetingKind.ARTICLE, None
    return Meeting(
        district=display_name(division, places.home) if division else UNKNOWN_DISTRICT,
        district_confident=division is not None,
        city=division.city if division else "",
        province=division.province if division else "",
        kind=kind,
        name=name or _other_name(report, doc),
        date=detect_date(report, doc),
        reports=[report],
        leaders=find_leaders(text, kind, level, known, division.short if division else ""),
        documents=find_documents(text),
        figures=find_figures(report),
    )


_TERM = r"(?:第?[一二三四五六七八九十\d]{1,3}届)?"
_CITY_BODY_RE = re.compile(rf"{_TERM}市{_TERM}(?:委|政府|人大|政协)")  # 市委, 第九届市委, 市十三届人大
_BODY_LEVELS_RE = re.compile(r"(?P<level>[区县市旗])(?:委|长|政府|人大|政协)")


def _held_above(name: str, level: str) -> bool:
    """Whether a meeting's body is the city above a division of ``level`` (a 市 body where
    the division is a 区, 县 or 旗; a county-level city's 市委 is its own)."""
    return level != "市" and _CITY_BODY_RE.match(name) is not None


def _written_level(division: Division, page: str) -> str:
    """The division's level as the page writes it: a page from before 平果县 became 平果市
    writes 平果县, and its 市委 is the city's above."""
    if not division.short:
        return division.level_word
    counts = Counter({level: page.count(division.short + level) for level in "区县市旗"})
    level, n = counts.most_common(1)[0]
    return level if n > counts[division.level_word] else division.level_word


# A 市 body's term in a meeting's name (市十六届人大常委会, 市政协九届), and the same body
# of a named prefecture with its term (成都市第十六届人民代表大会).
_CITY_TERM_RE = re.compile(r"市第?(?P<term>[一二三四五六七八九十\d]{1,3})届(?P<body>人大|人民代表大会|政协|委)")
_BODY_FAMILY = {"人大": "人大", "人民代表大会": "人大", "政协": "政协", "委": "委"}


def _prefectures_term(name: str, division: Division, page: str) -> bool:
    """Whether a meeting's 市 body is, by its term, the prefecture above a county-level
    city: the page names that prefecture's same body with the same term."""
    from .places import short_name

    own = _CITY_TERM_RE.match(name)
    if own is None or not division.city:
        return False
    above = short_name(division.city)
    wanted = (chinese_number(own["term"]), _BODY_FAMILY[own["body"]])
    for m in _CITY_TERM_RE.finditer(page):
        if page[max(0, m.start() - len(above)):m.start()] == above and (
                chinese_number(m["term"]), _BODY_FAMILY[m["body"]]) == wanted:
            return True
    return False


def _city_body(name: str, text: str) -> bool:
    """Whether a meeting is a 市's: its name says so, or every body its report names is one."""
    if _CITY_BODY_RE.match(name):
        return True
    levels = {m.group("level") for m in _BODY_LEVELS_RE.finditer(text)}
    return levels == {"市"}


def _merge_key(meeting: Meeting) -> tuple[str, str, str]:
    numbered = bool(re.search(r"\d|[一二三四五六七八九十]届", meeting.name))
    when = "" if numbered else meeting.date.label
    return meeting.district, meeting_identity(meeting.name, meeting.district.split("·")[-1]), when


def merge_meetings(meetings: list[Meeting]) -> list[Meeting]:
    """One meeting per (district, meeting): reaction pieces and second sources join it."""
    return [meeting for meeting, _ in merged_groups(meetings)]


def merged_groups(meetings: list[Meeting]) -> list[tuple[Meeting, list[int]]]:
    """:func:`merge_meetings`, each merged meeting with the indexes of the meetings it was
    made of, in order (what it is made of is what its stored summary is found by)."""
    merged: dict[tuple[str, str, str], tuple[Meeting, list[int]]] = {}
    for i, m in enumerate(meetings):
        key = _merge_key(m)
        if m.kind is MeetingKind.ARTICLE or key not in merged:
            merged[key if m.kind is not MeetingKind.ARTICLE else (*key[:2], str(id(m)))] = (m, [i])
            continue
        into, parts = merged[key]
        parts.append(i)
        into.reports.extend(m.reports)
        for leader in m.leaders:
            if leader.name not in {x.name for x in into.leaders}:
                into.leaders.append(leader)
        titles = {d.title: d for d in into.documents}
        for doc in m.documents:
            if doc.title in titles:
                titles[doc.title].adopted |= doc.adopted
            else:
                into.documents.append(doc)
        into.figures.extend(m.figures)
        if into.date.precision is DatePrecision.NONE or (
            into.date.inferred and not m.date.inferred and m.date.precision is DatePrecision.DAY
        ):
            into.date = m.date
    return list(merged.values())


# An article naming this many divisions in full is about none of them in particular.
MANY_PLACES = 3


def _names_many_places(meeting: Meeting) -> bool:
    from .places import gazetteer

    text = "\n".join(p.text for r in meeting.reports for p in r.paragraphs)
    return len({name for *_, name in gazetteer().full_names_in(text)}) >= MANY_PLACES


def _placed_by_page_only(report: Report, doc: CleanDocument, places: PlaceSettings) -> bool:
    """Whether nothing in the report itself names its place (a roundup's introduction,
    placed only by the page around it)."""
    pieces = [(p.text, 2.0 if p.is_heading else 1.0) for p in report.paragraphs]
    return locate(pieces, doc.url, places.home, places.extra) is None


def extract_document(
    doc: CleanDocument, reports: list[Report], places: PlaceSettings = HOME_SHANGHAI,
    on_warning: Callable[[str], None] | None = None,
) -> list[Meeting]:
    """The meetings one page reports, before reports of the same meeting are merged."""
    if is_template("\n".join(doc.paragraphs)):
        if on_warning:
            on_warning(f"{doc.path}: a template with blanks to fill, not a report; left out")
        return []
    if is_speech_text(doc.paragraphs):
        if on_warning:
            on_warning(f"{doc.path}: the text of a speech or a work report as delivered, not a meeting report; "
                       "left out")
        return []
    if is_official_document("\n".join(doc.paragraphs)):
        if on_warning:
            on_warning(f"{doc.path}: an official document (a notice or rules as issued), not a meeting report; "
                       "left out")
        return []
    kept = []
    known: dict[str, Leader] = {}
    previous: MeetingDate | None = None
    for report in reports:
        m = extract_meeting(report, doc, places, list(known.values()))
        lead = report.body[0].text if report.body else ""
        if (m.date.day is None or m.date.inferred) and previous is not None and _SAME_DAY_RE.match(lead):
            m.date = previous
        if m.date.day is not None:
            previous = m.date
        for leader in m.leaders:  # roles the page gives; "主持" says only who chaired this one
            if leader.role not in ("主持", "作报告"):
                known.setdefault(leader.name, leader)
        if m.kind is MeetingKind.ARTICLE and (not m.district_confident or _names_many_places(m) or (
                len(reports) > 1 and _placed_by_page_only(report, doc, places))):
            # No meeting and no one place: a template, a notice, national news naming many
            # counties, a README. Said, and left out.
            if on_warning:
                on_warning(f"{m.reports[0].path}: no meeting report about one district found; left out")
            continue
        if not m.district_confident and on_warning:
            on_warning(f"{m.reports[0].path}: no district recognised; listed under {UNKNOWN_DISTRICT}")
        kept.append(m)
    return kept


def extract_meetings(
    docs_reports: list[tuple[CleanDocument, list[Report]]],
    places: PlaceSettings = HOME_SHANGHAI,
    on_warning: Callable[[str], None] | None = None,
) -> list[Meeting]:
    meetings = []
    for doc, reports in docs_reports:
        meetings.extend(extract_document(doc, reports, places, on_warning))
    return merge_meetings(meetings)
