"""Segment stage: a cleaned page → the reports it holds.

A newspaper page can carry several articles (a plenary report, a reaction piece, a
standing-committee meeting, a government meeting) and site clutter between them.
Articles start at a heading block that follows body text, or at a news lead
(本报讯…). Each article is tied to the meeting its lead names; an article that names
no meeting continues the one before when it is substantial (a sub-section), and is
dropped as clutter when it is a short teaser.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from .cleaner import is_heading_like
from .lexicon import chinese_number
from .meetings import MeetingMention, find_meetings, other_meeting, reported_meeting
from .model import CleanDocument, MeetingKind, Paragraph, Report

# An unlabelled section with less body text than this is a teaser, not an article part.
MIN_CONTINUATION_CHARS = 150
# "1月22日，…": an entry of a chronicle (一周大事记) where several paragraphs open so.
# Entries may open on a marker ("★8月3日 旗委书记…") and a space, or on 同日 for the day before.
_DATED_ENTRY_RE = re.compile(
    r"^\s*[★☆●○■◆▲•]?\s*(?:\d{1,2}月\d{1,2}日(?:上午|下午|晚上|晚)?[，,\s]|同日[，,\s])")
# A lead that says when and where something was held, without saying what.
_ELLIPTIC_LEAD_RE = re.compile(
    r"^\s*(?:\d{1,2}月\d{1,2}日)?(?:上午|下午|晚上)?(?:在[^，。；]{1,16})?(?:召开|举行)[。，]")
# Paragraphs opening with a date from which a page reads as a chronicle of entries.
MIN_DATED_ENTRIES = 2
# Divisions a roundup's paragraphs must name, each holding a meeting in its first sentence
# ("定南县委召开…", "同一天，宁都全县领导干部会议…召开"), for each to be an article.
MIN_ROUNDUP_PLACES = 2
# A roundup is one newspaper item: a longer page (a dump of many reports) is not read as one.
ROUNDUP_MAX_PARAGRAPHS = 80


def split_sections(paragraphs: list[Paragraph], starts: set[int]) -> list[list[Paragraph]]:
    """Cut the page where a heading block or a news lead follows body text."""
    sections: list[list[Paragraph]] = []
    current: list[Paragraph] = []
    for p in paragraphs:
        after_body = bool(current) and not current[-1].is_heading
        if after_body and (p.is_heading or p.index in starts):
            sections.append(current)
            current = []
        current.append(p)
    if current:
        sections.append(current)
    return sections


def lead_meeting(section: list[Paragraph], other_kinds: bool = True) -> MeetingMention | None:
    """The meeting an article is about: the first its headings or lead say is held, of a
    listed kind where one is named, else (``other_kinds``) of another kind named where it
    is held."""
    headings = [p for p in section if p.is_heading]
    body = [p for p in section if not p.is_heading][:2]
    in_headings, in_body = (reported_meeting([m for p in part for m in find_meetings(p.text)])
                            for part in (headings, body))
    if in_headings is not None and in_body is not None and in_body.kind is in_headings.kind and (
            len(in_body.name) > len(in_headings.name) and _written_within(in_headings.name, in_body.name)):
        # The heading's "区委常委会…" is the lead's "区委常委会召开会议", its "县政府常务会议"
        # the lead's "县政府2025年第16次常务会议": the same meeting, named in full.
        return in_body
    if in_headings is not None and in_body is not None and in_body.kind is in_headings.kind and (
            len(in_body.name) < len(in_headings.name) and _written_within(in_body.name, in_headings.name)
            and _numbers(in_body.name) == _numbers(in_headings.name)):
        # The heading's "县人民政府第65次常务会议" is the lead's "县政府第65次常务会议": the
        # same numbers in fewer words, the shortest span that names it.
        return in_body
    if in_headings is not None and in_body is not None and in_body.kind is in_headings.kind and (
            "届" in in_body.name and "届" not in in_headings.name
            and 0 < len(_values(in_headings.name)) < len(_values(in_body.name))
            and set(_values(in_headings.name)) <= set(_values(in_body.name))):
        # The heading's "县政府召开第六十九次常务会议" is the lead's "石屏县第十六届人民政府
        # 第69次常务会议": the same session, the lead naming its term too.
        return in_body
    if in_headings is not None and in_body is not None and in_body.name != in_headings.name and any(
            m.held < 0 and m.name == in_headings.name for p in body for m in find_meetings(p.text)):
        # "梅江区政协八届四次会议于4月15日至17日召开" over a lead of the standing meeting that
        # decided on it ("会议协商决定，区政协八届四次会议于…召开"): the lead's is held.
        return in_body
    if in_headings is not None or in_body is not None:
        return in_headings or in_body
    if (opened := _session_by_its_agenda(section)) is not None:
        return opened
    for p in (*body, *headings) if other_kinds else ():
        found = other_meeting(p.text)
        if found is not None:
            return found
    return _elliptic_lead(headings, body) if other_kinds else None


AGENDA_PARAGRAPHS = 4  # how far into an article its session's agenda is looked for


def _session_by_its_agenda(section: list[Paragraph]) -> MeetingMention | None:
    """"大会在庄严的国歌声中开幕。大会首先审议通过了政协旬阳县第九届委员会第三次会议议程":
    a session named only by the agenda its 大会 adopts, in an article that says the 大会
    opens or closes. A draft agenda (议程（草案）) is what a standing committee prepares."""
    from .meetings import rules

    r = rules()
    text = "\n".join([p.text for p in section if not p.is_heading][:AGENDA_PARAGRAPHS])
    if not any(re.search(pattern, text) for pattern in r.sitting_opened):
        return None
    for m in find_meetings(text):
        after = text[m.end:]
        if (m.kind.value in r.session_kinds and after.startswith(r.agenda_words)
                and not after[2:].startswith(r.draft_marks)):
            return MeetingMention(m.kind, m.name, m.start, m.end, 1)
    return None


def _numbers(name: str) -> list[str]:
    """The numbers of a name, in order: its term, session and sitting."""
    return re.findall(r"[\d零〇一二两三四五六七八九十百]+", name)


def _values(name: str) -> list[int]:
    """The numbers of a name as values, whether written in digits or in words."""
    return [v for v in (chinese_number(n) for n in _numbers(name)) if v is not None]


def _written_within(short: str, full: str) -> bool:
    """Whether every character of ``short`` stands in ``full``, in the same order."""
    rest = iter(full)
    return all(ch in rest for ch in short)


def _elliptic_lead(headings: list[Paragraph], body: list[Paragraph]) -> MeetingMention | None:
    """"【政协年中工作会议】" over "8月7日在区图书馆举行。": a lead without its subject
    is about the meeting its heading names."""
    if not headings or not body or not _ELLIPTIC_LEAD_RE.match(body[0].text):
        return None
    name = headings[-1].text.strip("【】[]「」 ")
    if not (3 <= len(name) <= 30 and name.endswith(("会议", "会"))):
        return None
    return MeetingMention(MeetingKind.OTHER, name, 0, len(name), 1)


def segment_document(
    doc: CleanDocument, on_warning: Callable[[str], None] | None = None
) -> list[Report]:
    """Split one cleaned file into reports, each naming its meeting where it can."""
    paragraphs = [Paragraph(text, i, is_heading_like(text)) for i, text in enumerate(doc.paragraphs)]
    # A chronicle (大事记): each dated entry is an article of its own, of any kind of meeting.
    entries = {p.index for p in paragraphs if not p.is_heading and _DATED_ENTRY_RE.match(p.text)}
    if len(entries) < MIN_DATED_ENTRIES:
        entries = set()
    entries |= _roundup_entries(paragraphs)
    reports: list[Report] = []
    opened = False  # an article has opened: a meeting named, or a line that is no stray one
    dropped = 0
    sections = split_sections(paragraphs, set(doc.report_starts) | entries)
    if doc.report_starts:
        sections = _without_title_block(sections, min(doc.report_starts))
    for section in sections:
        # A title printed after its article (newspaper layout) names the article's meeting.
        while reports and section and section[0].is_heading and reports[-1].meeting_mention and (
            reports[-1].meeting_mention in {m.name for m in find_meetings(section[0].text)}
        ):
            reports[-1].paragraphs.append(section.pop(0))
        if not section:
            continue
        # A meeting of another kind opens a page's first article; later on, "召开专题会"
        # is more often a passage of that article than an article of its own.
        lead = lead_meeting(section, other_kinds=not opened or section[0].index in entries)
        mention = lead.name if lead else None
        body_chars = sum(len(p.text) for p in section if not p.is_heading)
        if mention is None and reports:
            if body_chars >= MIN_CONTINUATION_CHARS or _continues(section) or _after_portrait(section):
                reports[-1].paragraphs.extend(section)
                opened = opened or any(not _stray_line(p.text) for p in section if not p.is_heading)
            else:
                dropped += 1
            continue
        reports.append(Report(path=doc.path, paragraphs=section, meeting_mention=mention,
                              meeting_kind=lead.kind if lead else None))
        # A page's stray lines before its first article (a widget's "今天是：") open none.
        opened = opened or mention is not None or any(not _stray_line(p.text) for p in section if not p.is_heading)
    if dropped and on_warning:
        on_warning(f"{doc.path}: skipped {dropped} short item(s) unrelated to any meeting")
    return [r for r in reports if r.body]


STRAY_LINE_CHARS = 12


def _stray_line(text: str) -> bool:
    """A few words and no sentence: a widget's label or a lost menu item, no article's text."""
    return len(text) <= STRAY_LINE_CHARS and not re.search("[。！？，]", text)


def _roundup_entries(paragraphs: list[Paragraph]) -> set[int]:
    """Paragraphs of a roundup: each opens on a sentence where a division holds a meeting,
    and they name two divisions or more (a newspaper's "5县同一天召开…")."""
    from .places import locate

    if len(paragraphs) > ROUNDUP_MAX_PARAGRAPHS:
        return set()
    held: dict[int, str] = {}  # paragraph → its first sentence, where a meeting is held in it
    for p in paragraphs:
        first = re.split(r"[。！？]", p.text, maxsplit=1)[0]
        if not p.is_heading and "会" in first and (
                any(m.held > 0 for m in find_meetings(first)) or other_meeting(first) is not None):
            held[p.index] = first
    if len(held) < MIN_ROUNDUP_PLACES:
        return set()
    places = {i: place.adcode for i, first in held.items() if (place := locate([(first, 1.0)], None, ""))}
    return set(places) if len(set(places.values())) >= MIN_ROUNDUP_PLACES else set()


# A numbered item of minutes ("三、审议…") or a passage whose subject is the meeting
# ("会议听取了…"): the report before goes on, however short the passage.
_CONTINUATION_RE = re.compile(
    r"^\s*(?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[)）]|会议(?!室|中心))")


def _continues(section: list[Paragraph]) -> bool:
    return bool(section) and _CONTINUATION_RE.match(section[0].text) is not None


def _after_portrait(section: list[Paragraph]) -> bool:
    """A section under a portrait's caption ("县委书记陈琪", a title and a name alone): the
    article goes on below the photo; the caption heads nothing."""
    from .leaders import find_leaders

    headings = [p.text.strip() for p in section if p.is_heading]
    return bool(headings) and all(
        any(text.endswith(leader.name) and leader.role in text and len(text) <= PORTRAIT_CAPTION_CHARS
            for leader in find_leaders(text)) for text in headings)


PORTRAIT_CAPTION_CHARS = 24


def _without_title_block(sections: list[list[Paragraph]], first_lead: int) -> list[list[Paragraph]]:
    """On a page of news leads (本报讯…), what stands before the first lead is the page's
    title block (headline, credit, subheads, deck) where it is too short to be an article:
    it names the page, and its headline is no meeting of its own."""
    before = [s for s in sections if s[-1].index < first_lead]
    body_chars = sum(len(p.text) for s in before for p in s if not p.is_heading)
    if not before or len(before) == len(sections) or body_chars >= MIN_CONTINUATION_CHARS:
        return sections
    rest = sections[len(before):]
    if lead_meeting(rest[0]) is None:
        # The first article names no meeting of its own (its lead damaged, or elliptic):
        # the title block above it is what names it.
        return [[p for s in before for p in s] + rest[0], *rest[1:]]
    return rest


_SENTENCE_RE = re.compile(r"[^。！？!?]+(?:[。！？!?]+[”’」』）]*|$)")


def split_sentences(text: str) -> list[str]:
    """Sentences of a paragraph, each keeping its end mark and closing quote."""
    return [s.strip() for s in _SENTENCE_RE.findall(text) if s.strip()]
