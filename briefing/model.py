"""The data that flows through the pipeline, stage by stage.

Every stage is a plain function from one of these types to the next, so each can be
tested alone and a whole run can be exported as JSON (see :func:`to_jsonable`).
"""

from __future__ import annotations

import dataclasses
from array import array
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any


@dataclass
class SourceText:
    """A file as read from disk: decoded text plus what the container told us."""

    path: Path
    text: str
    encoding: str
    format: str  # "txt", "md", "html", "docx" or "pdf"
    title: str | None = None
    published: str | None = None  # ISO date from HTML metadata
    outlet: str | None = None
    notes: list[str] = field(default_factory=list)  # what reading had to work around, for warnings


@dataclass
class CleaningReport:
    """What the cleaner changed, so a run can say how noisy its inputs were."""

    pinyin_removed: int = 0
    mojibake_repaired: int = 0
    clauses_dropped: int = 0
    html_leftovers: int = 0
    noise_removed: int = 0  # runs of anti-copy noise and pieces of injected spam (cleaner/guard.py)
    boilerplate_lines: int = 0
    lines_joined: int = 0

    def add(self, other: CleaningReport) -> None:
        for f in dataclasses.fields(self):
            setattr(self, f.name, getattr(self, f.name) + getattr(other, f.name))


@dataclass
class CleanDocument:
    """One input file after cleaning: Simplified text, one paragraph per entry."""

    path: Path
    paragraphs: list[str]
    encoding: str = "utf-8"
    report_starts: list[int] = field(default_factory=list)  # paragraphs that open an article
    title: str | None = None
    outlet: str | None = None
    published: str | None = None  # "YYYY-MM-DD" when the page says when it was published
    url: str | None = None
    byline: str | None = None
    trail: str | None = None  # the breadcrumb's steps ("首页 区县新闻 滨海新区"): weak place evidence
    report: CleaningReport = field(default_factory=CleaningReport)


@dataclass(slots=True)
class Paragraph:
    """A paragraph of a report; ``index`` is its position in the cleaned file."""

    text: str
    index: int
    is_heading: bool = False


@dataclass(slots=True)
class Report:
    """One article about one meeting; a page may hold several."""

    path: Path
    paragraphs: list[Paragraph]
    meeting_mention: str | None = None  # the meeting name as the lead states it
    meeting_kind: MeetingKind | None = None  # its kind; None where the report names no meeting

    @property
    def headings(self) -> list[Paragraph]:
        return [p for p in self.paragraphs if p.is_heading]

    @property
    def body(self) -> list[Paragraph]:
        return [p for p in self.paragraphs if not p.is_heading]


class DatePrecision(StrEnum):
    DAY = "day"
    MONTH = "month"
    YEAR = "year"
    NONE = "none"


@dataclass(slots=True)
class MeetingDate:
    """A date as precise as the text allows; ``inferred`` marks a reasoned guess."""

    year: int | None = None
    month: int | None = None
    day: int | None = None
    precision: DatePrecision = DatePrecision.NONE
    inferred: bool = False
    note: str | None = None  # "末" or "初" when a year-precision inference knows more

    @property
    def sort_key(self) -> tuple[int, int, int]:
        return (self.year or 0, self.month or 0, self.day or 0)

    @property
    def label(self) -> str:
        if self.precision is DatePrecision.DAY:
            text = f"{self.year}年{self.month}月{self.day}日"
        elif self.precision is DatePrecision.MONTH:
            text = f"{self.year}年{self.month}月"
        elif self.precision is DatePrecision.YEAR:
            text = f"{self.year}年{self.note or ''}"
        elif self.month and self.day:
            return f"{self.month}月{self.day}日（年份未写明）"
        else:
            return "日期不详"
        return f"{text}（推断）" if self.inferred else text

    @property
    def short_label(self) -> str:
        """Compact form for tables: 2023.07.10, 2024 年末."""
        if self.precision is DatePrecision.DAY:
            return f"{self.year}.{self.month:02d}.{self.day:02d}"
        if self.precision is DatePrecision.MONTH:
            return f"{self.year}.{self.month:02d}"
        if self.precision is DatePrecision.YEAR:
            return f"{self.year}年{self.note or ''}"
        if self.month and self.day:  # the day without its year, as the page gives it
            return f"{self.month}月{self.day}日"
        return "不详"


@dataclass(slots=True)
class Leader:
    name: str
    role: str

    @property
    def label(self) -> str:
        return f"{self.role} {self.name}"


@dataclass(slots=True)
class AdoptedDocument:
    """A 《…》 title; ``adopted`` when the meeting passed or issued it."""

    title: str
    adopted: bool = False


@dataclass(slots=True)
class SourceSentence:
    """Where a piece of text came from: file, paragraph and the full sentence."""

    path: Path
    paragraph: int
    sentence: str


@dataclass(slots=True)
class KeyFigure:
    """A number with what it measures, e.g. 规上工业产值 3726.3亿元."""

    value: str  # "3726.3亿元"
    number: float
    unit: str
    measure: str  # "规上工业产值"
    source: SourceSentence

    @property
    def label(self) -> str:
        return f"{self.measure} {self.value}" if self.measure else self.value


@dataclass(slots=True)
class KeyPoint:
    """A slide bullet, compressed from one source sentence at clause boundaries."""

    text: str
    score: float
    source: SourceSentence


@dataclass
class MeetingProfile:
    """What the comparison needs of a meeting's text, worked out while summarizing it (the
    words are cut once) so that comparing districts never reads the text again.

    Kept compact because there is one per meeting of a collection of thousands: the words
    are interned, counts and places are arrays of integers, and a word's first sentence is
    found again from its place (report, paragraph, sentence) only for the few words shown.
    """

    words: tuple[str, ...] = ()  # countable words (see distinctive.py)
    counts: array = field(default_factory=lambda: array("I"))  # each word's occurrences
    places: array = field(default_factory=lambda: array("I"))  # (report, paragraph, sentence) per word, flat
    theme_hits: dict[str, int] = field(default_factory=dict)  # theme → occurrences of its terms
    themes: tuple[str, ...] = ()  # the themes that were counted, in the taxonomy's order

    def terms(self) -> dict[str, int]:
        return dict(zip(self.words, self.counts, strict=True))

    def place(self, i: int) -> tuple[int, int, int]:
        return self.places[3 * i], self.places[3 * i + 1], self.places[3 * i + 2]


class MeetingKind(StrEnum):
    """The meetings a district's, county's or banner's bodies hold (briefing/data/meetings.yaml)."""

    PLENARY = "全会"
    STANDING = "常委会会议"
    STANDING_ENLARGED = "常委会扩大会议"
    STUDY = "中心组学习会"
    GOVERNMENT = "政府常务会议"
    GOVERNMENT_PLENARY = "政府全体会议"
    CONGRESS_STANDING = "人大常委会会议"
    PEOPLES_CONGRESS = "人民代表大会"
    CPPCC = "政协会议"
    PARTY_CONGRESS = "党代表大会"
    OTHER = "其他"  # a meeting of another kind (座谈会, 碰头会, 办公会)
    ARTICLE = "文章"  # a report on no meeting (an essay, a visit): shown, not counted as a meeting


@dataclass
class Meeting:
    """One meeting (or one stand-alone article) and everything we learnt about it."""

    district: str
    kind: MeetingKind
    name: str
    date: MeetingDate
    reports: list[Report]
    leaders: list[Leader] = field(default_factory=list)
    documents: list[AdoptedDocument] = field(default_factory=list)
    figures: list[KeyFigure] = field(default_factory=list)
    keywords: list[tuple[str, float]] = field(default_factory=list)
    points: list[KeyPoint] = field(default_factory=list)
    district_confident: bool = True
    city: str = ""  # the district's city and province, where the gazetteer knows them
    province: str = ""
    profile: MeetingProfile | None = None  # filled by the summarizer

    @property
    def sources(self) -> list[Path]:
        seen: dict[Path, None] = {}
        for report in self.reports:
            seen.setdefault(report.path, None)
        return list(seen)


@dataclass
class DistrictComparison:
    """One row of the comparison slide."""

    district: str
    meetings: list[Meeting]
    keywords: list[str]
    themes: list[tuple[str, float]]  # (theme, share of theme-keyword hits), strongest first
    figures: list[KeyFigure]
    distinctive: list[Any] = field(default_factory=list)  # DistinctiveTerm: term, z, count, source


@dataclass
class SourceEntry:
    path: Path
    outlet: str | None
    published: str | None
    meetings: list[str]
    url: str | None = None  # the page's address: a link on the sources slide, never printed there
    encoding: str = "utf-8"
    title: str | None = None  # the article's title, where the page gives one


@dataclass
class Briefing:
    """Everything the layout engine needs to write the deck."""

    meetings: list[Meeting]
    districts: list[DistrictComparison]
    sources: list[SourceEntry]
    theme_names: list[str]
    cleaning: CleaningReport
    warnings: list[str] = field(default_factory=list)
    scope: str = ""  # the filter the run was asked for, as the cover says it ("" for none)

    @property
    def date_range(self) -> tuple[MeetingDate, MeetingDate] | None:
        dated = [m.date for m in self.meetings if m.date.precision is not DatePrecision.NONE]
        if not dated:
            return None
        dated.sort(key=lambda d: d.sort_key)
        return dated[0], dated[-1]


def to_jsonable(value: Any) -> Any:
    """Dataclasses, enums and paths as plain JSON values; a date also carries its label."""
    from .codec import encode

    return encode(value, lambda obj: {"label": obj.label} if isinstance(obj, MeetingDate) else {})
