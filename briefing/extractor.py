"""Extract stage: reports → meetings with their facts.

The facts a reader needs first (which district, which meeting, when, who, which
documents, which numbers) are scattered through a report. Each is found by a rule a
human analyst would also use: the place by ``places``, the meeting by ``meetings``, the
date by ``dates`` (which says how precise it is and whether it was inferred), the
leaders by ``leaders``; the documents and figures here.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from .dates import detect_date, same_day_as_before
from .leaders import find_leaders
from .lexicon import DOCUMENT_RE, FIGURE_RE, UNKNOWN_DISTRICT, chinese_number
from .meetings import is_book_chapter, is_official_document, is_speech_text, is_template, meeting_identity
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
        from .places.address import words_in_address

        page = [doc.title or "", *doc.paragraphs, doc.outlet or "", doc.trail or "", words_in_address(doc.url)]
        found = locate([(text, 1.0) for text in page if text], doc.url, places.home, places.extra)
    return found


# How much of a page's start confirms a place a report names by a word (a roundup's
# introduction names its region there).
PAGE_HEAD_CHARS = 2000


def _page_head(doc: CleanDocument) -> str:
    """The page's title and its first paragraphs, up to PAGE_HEAD_CHARS (read per report:
    never the whole of a long page)."""
    head, size = [doc.title or ""], 0
    for paragraph in doc.paragraphs:
        if size >= PAGE_HEAD_CHARS:
            break
        head.append(paragraph[:PAGE_HEAD_CHARS - size])
        size += len(head[-1])
    return "\n".join(head)


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
    return _lead_phrase(report.body[0].text) if report.body else doc.path.stem


ARTICLE_NAME_CHARS = 30
_TIME_CLAUSE_RE = re.compile(
    r"(?:\d{4}年)?(?:\d{1,2}月)?\d{1,2}日(?:上午|下午|晚上?)?|近日|日前|昨[日天]|今[日天]|连日来")


def _lead_phrase(text: str) -> str:
    """An article's name from its lead: its first clauses, whole, as many as fit in
    ``ARTICLE_NAME_CHARS`` (a time alone is no clause of it); a clause longer than that is
    cut between words, with "…"."""
    from . import nlp

    sentence = re.split(r"[。！？]", text, maxsplit=1)[0]
    # "1日 2017年自治区…": a chronicle's entry opens on its day, apart from its words.
    sentence = re.sub(rf"^(?:{_TIME_CLAUSE_RE.pattern}|\d{{1,2}}[—\-－]\d{{1,2}}日)\s+", "", sentence)
    clauses = [c for c in re.split(r"[，；：,;:]", sentence) if c and not _TIME_CLAUSE_RE.fullmatch(c)]
    if not clauses:
        return sentence[:ARTICLE_NAME_CHARS]
    name = clauses[0]
    for clause in clauses[1:]:
        if len(name) + 1 + len(clause) > ARTICLE_NAME_CHARS:
            break
        name += "，" + clause
    if len(name) <= ARTICLE_NAME_CHARS:
        return name
    kept = ""
    for word in nlp.cut(name):
        if len(kept) + len(word) > ARTICLE_NAME_CHARS - 1:
            break
        kept += word
    # Never cut inside brackets or quotes: end before the one left open.
    for opening, closing in _PAIRED_MARKS:
        if kept.rfind(opening) > kept.rfind(closing):
            kept = kept[:kept.rfind(opening)]
    return kept + "…"


_PAIRED_MARKS = (("（", "）"), ("(", ")"), ("“", "”"), ("《", "》"), ("【", "】"))


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
    elif name and kind is MeetingKind.OTHER and _above_county_only(
            name, text, division.level_word if division else None):
        # "州委书记…州长…州政协主席" and no county's body or title: a prefecture's or a
        # province's meeting, held in the division's seat at most (or in no division named).
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


def _above_county_only(name: str, text: str, level: str | None) -> bool:
    """Whether a report names bodies or titles above the county (省委, 州长, a 区's 市长)
    and none of a county's own, in the meeting's name or its text. ``level``: the
    division's level word (区, 县, 市, 旗); where none is named, a 市 may be a county-level
    city's and counts for neither."""
    from .meetings import rules

    bodies = "|".join(map(re.escape, (*rules().county_body_words, "长")))
    own = "区县旗" + ("市" if level == "市" else "")
    if re.search(rf"(?<!自治)(?<!开发)(?<!新)[{own}](?:{bodies})", name + "\n" + text):
        return False
    higher = "省|自治区|州|盟|地区" + ("|市" if level is not None and level != "市" else "")
    return re.search(rf"(?:{higher})(?:{bodies}|党委)|地委|行署", text) is not None


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


def _of_higher_bodies(article: Meeting) -> bool:
    """Whether an article speaks only of bodies above its county (州政协, 自治区党委, a
    district's 市政府) and of none of the county's own: the county is where it happens, not
    who acts ("龙岗区委书记张勇在…全会分组讨论中发言" keeps its article)."""
    shown = re.sub(r"（原[^）]*）$", "", article.district.split("·")[-1])
    text = "\n".join(p.text for r in article.reports for p in r.paragraphs)
    return _above_county_only(article.name, text, shown[-1])


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
    if is_book_chapter(doc.paragraphs):
        if on_warning:
            on_warning(f"{doc.path}: a chapter of a book, not a meeting report; left out")
        return []
    if is_official_document("\n".join(doc.paragraphs)):
        if on_warning:
            on_warning(f"{doc.path}: an official document (a notice or rules as issued), not a meeting report; "
                       "left out")
        return []
    kept = []
    left_out = unplaced = above = 0
    known: dict[str, Leader] = {}
    previous: MeetingDate | None = None
    for report in reports:
        m = extract_meeting(report, doc, places, list(known.values()))
        lead = report.body[0].text if report.body else ""
        if (m.date.day is None or m.date.inferred) and previous is not None and same_day_as_before(lead):
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
            left_out += 1
            continue
        if m.kind is MeetingKind.ARTICLE and _of_higher_bodies(m):
            # What bodies above the county do, the county only where it happens (a
            # prefecture's CPPCC in its seat). Said, and left out.
            above += 1
            continue
        unplaced += not m.district_confident
        kept.append(m)
    if on_warning:
        # Once per page: a chronicle's five entries on the city are one line, not five.
        if left_out:
            what = "no meeting report" if left_out == 1 else f"{left_out} articles with no meeting report"
            on_warning(f"{doc.path}: {what} about one district found; left out")
        if above:
            what = "an article" if above == 1 else f"{above} articles"
            on_warning(f"{doc.path}: {what} on bodies above the county only, none of its own; left out")
        if unplaced:
            what = "" if unplaced == 1 else f" for {unplaced} meetings"
            on_warning(f"{doc.path}: no district recognised{what}; listed under {UNKNOWN_DISTRICT}")
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
