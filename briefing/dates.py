"""When a meeting took place, as precisely as its report allows, and how the date was
found: written in full, as a month and day placed by the page's own date, relative to the
page ("昨日", "同一天"), or inferred from what the text says of its year (届次, plans).
A date after the page's own or after today is never given; a year without evidence is not
guessed.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter

from .chrome import address_month
from .lexicon import chinese_number
from .meetings import find_meetings
from .model import CleanDocument, DatePrecision, MeetingDate, Report

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
# "19号上午，…" in speech.
_DAY_ONLY_RE = re.compile(r"(?<![月\d年.\-/])(?P<d>[12]?\d|3[01])[日号](?=上午|下午|晚|，|,|\s|召开|举行)")
DAY_ONLY_WITHIN = 40
# "2013年以来": since that year, so not the year a text is set in; nor one it looks ahead to.
_CONTEXT_YEAR_RE = re.compile(r"(?<![到至—\-~～\d])(?P<y>(?:19|20)\d{2})年(?!前|以前|之前|底前|以后|以来)")
_REVIEW_PLAN_RE = re.compile(r"总结(?P<y>20\d{2})年.{0,16}?部署(?P<next>20\d{2})年")
REVIEW_LAST_MONTH = 6  # a meeting that reviews a year and plans the next, held by this month, is in the next
# "2014年是…的开局之年…。一年来，…": a work report that sums up that year, delivered in the next.
_REVIEWED_YEAR_RE = re.compile(r"(?P<y>20\d{2})年[，,]?是[^。；]{2,80}?(?:之年|一年)。(?:一年来|过去的一年|回顾一年)")
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


STALE_DATE_LINE_YEARS = 3


def _stale_page_year(text: str, page_year: int) -> bool:
    """Whether the page's date is a later copy's: every year the text names lies
    ``STALE_DATE_LINE_YEARS`` or more before it ("2014年是…" on a template site's page of
    2021). Its year then places no month and day."""
    years = [int(m["y"]) for m in _CONTEXT_YEAR_RE.finditer(text)]
    return bool(years) and page_year - max(years) >= STALE_DATE_LINE_YEARS


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


def _later_this_month(page_date: dt.date | None, month: int, day: int) -> bool:
    """A day of the page's own month after the page's date: one the page looks ahead to (a
    meeting's opening it announces), not a day of last year."""
    return page_date is not None and month == page_date.month and day > page_date.day


def _announced_date(lead: str, at: int) -> bool:
    """Whether the date at ``at`` is one a meeting is announced for ("将于1月23日开幕"): the
    day something will be held, not one it was."""
    from .meetings import rules

    return re.sub(r"(?:\d{4}年)?$", "", lead[max(0, at - 8):at]).endswith(rules().announced_before)


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
    if page_year is not None and _stale_page_year(text, page_year):
        page_year = page_month = None  # a copy's date line, years after what the text speaks of
    page_date = _as_date(doc.published)
    latest = min(page_date or dt.date.today(), dt.date.today())
    # The first date the lead gives: a later one is more often what the meeting decided
    # ("全会决定2021年7月28日至30日召开…").
    full: list[tuple[int, dt.date]] = []
    for pattern in (_FULL_DATE_RE, _ISO_DATE_RE):
        for m in pattern.finditer(lead):
            found = _as_date(f"{m['y']}-{m['m']}-{m['d']}")
            # A date after the page's is not the meeting's, nor one of what it conveys.
            if found is not None and found <= latest and not _conveyed_date(lead, m.start()) and not (
                    _announced_date(lead, m.start())):
                full.append((m.start(), found))
    for m in _COMPACT_DATE_RE.finditer(lead):
        found = _compact_date(m["y"], m["md"])
        if found is not None and found <= latest and not _conveyed_date(lead, m.start()):
            full.append((m.start(), found))
    month_day = next((m for m in _MONTH_DAY_RE.finditer(lead) if not _conveyed_date(lead, m.start())
                      and not _announced_date(lead, m.start())
                      and not _later_this_month(page_date, int(m["m"]), int(m["d"]))), None)
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
        reviewed = _REVIEWED_YEAR_RE.search(text)
        if review and int(review["next"]) == int(review["y"]) + 1:
            # "总结2021年工作，安排部署2022年工作": held at the turn of those years, so in the
            # later one where the day falls in its first half.
            year = int(review["next"]) if month <= REVIEW_LAST_MONTH else int(review["y"])
        elif reviewed and month <= REVIEW_LAST_MONTH:
            year = int(reviewed["y"]) + 1  # the session that hears the report on that year
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
    if page_year is not None and page_month is not None:
        # The page's own month is better evidence than what the text plans for ("明年…").
        return MeetingDate(page_year, page_month, precision=DatePrecision.MONTH, inferred=True)
    m = _REVIEW_PLAN_RE.search(text)
    if m and int(m["next"]) == int(m["y"]) + 1 and int(m["y"]) <= latest.year:
        return MeetingDate(int(m["y"]), precision=DatePrecision.YEAR, inferred=True, note="末")
    if _NEW_YEAR_RE.search(lead + text):
        year = context_year(text)
        if year is not None and year + 1 <= latest.year:
            return MeetingDate(year + 1, precision=DatePrecision.YEAR, inferred=True, note="初")
    return MeetingDate()


def same_day_as_before(lead: str) -> bool:
    """Whether an article's lead opens on the day of the article before it (同一天, 与此同时)."""
    return _SAME_DAY_RE.match(lead) is not None
