"""Site chrome: which lines of a page are furniture, not report.

Every line is scored by its cues (``briefing/data/chrome.yaml``: navigation words,
labels of date and source lines, counters, share prompts, related-article lists) and by
its shape (separators, dates and clock times, missing sentence punctuation, shortness, a
photo credit at its end). A long line that ends its sentences reads as report text and
scores lower. At or over the threshold a line is chrome. Lines repeated on several pages
of one site are chrome too (``repeated_lines``), whatever they say.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .model import CleanDocument

_DATETIME_RE = re.compile(r"\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}|\d{1,2}/\d{1,2}/\d{4}|\d{1,2}:\d{2}")
# A byline: a writer, an outlet and a time, nothing else ("刘俊   掌上长沙   2026-01-08 06:53:46").
_BYLINE_RE = re.compile(r"(?:[\u4e00-\u9fff·]{2,8}\s+){1,3}\d[\d\s:./年月日-]*")
_BARE_RE = re.compile(r"^(?:!\[[^\]]*\]\([^)]*\)|<[^>]+>|[\W_]+)$")
# A photo credit at the end of a line: "新华社记者饶爱民 摄", "记者 王博 摄".
_CREDIT_RE = re.compile(r"(?:记者|通讯员)?\s?\S{2,4}\s?摄\s*$|图片来源\S*$")


@dataclass(frozen=True)
class ChromeRules:
    threshold: float
    strong_cues: tuple[str, ...]
    meta_labels: re.Pattern[str]
    meta_weight: float
    separators: tuple[str, ...]
    separator_weight: float
    datetime_weight: float
    no_sentence_weight: float
    short_chars: int
    short_weight: float
    bare_weight: float
    caption_weight: float
    sentence_chars: int
    sentence_weight: float
    line_starts: tuple[str, ...] = ()
    line_labels: re.Pattern[str] | None = None
    whole_lines: frozenset[str] = frozenset()
    anywhere: tuple[str, ...] = ()
    patterns: tuple[re.Pattern[str], ...] = ()
    caption_endings: tuple[str, ...] = ()
    list_headers: frozenset[str] = frozenset()
    list_after_chars: int = 100
    byline_weight: float = 0.0
    media_markers: tuple[str, ...] = ()
    trail_cues: tuple[str, ...] = ()
    trail_arrows: tuple[str, ...] = ()
    index_labels: tuple[str, ...] = ()
    index_labels_needed: int = 2
    repeated_in_page: int = 3
    index_value_chars: int = 24
    media_placeholders: tuple[str, ...] = ()
    menu_run: tuple[int, int, tuple[str, ...]] = (20, 10, ("n", "j"))


@cache
def rules() -> ChromeRules:
    from .data import read_yaml

    d = read_yaml("chrome.yaml")
    labels = "|".join(map(re.escape, sorted(d["meta_labels"], key=len, reverse=True)))
    return ChromeRules(
        float(d["threshold"]), tuple(d["strong_cues"]), re.compile(rf"(?:{labels})\s*[：:]"),
        float(d["meta_weight"]), tuple(d["separators"]), float(d["separator_weight"]), float(d["datetime_weight"]),
        float(d["no_sentence_weight"]), int(d["short_chars"]), float(d["short_weight"]), float(d["bare_weight"]),
        float(d["caption_weight"]), int(d["sentence_chars"]), float(d["sentence_weight"]),
        tuple(d["line_starts"]),
        re.compile(rf"^[\[【]?(?:{'|'.join(map(re.escape, sorted(d['line_labels'], key=len, reverse=True)))})"
                   r"(?:[（(][^）)]{1,4}[）)])?[：:]"),  # "编辑(一审)：" qualifies the label
        frozenset(d["whole_lines"]), tuple(x.lower() for x in d["anywhere"]),
        tuple(re.compile(x, re.I) for x in d["patterns"]), tuple(d["caption_endings"]),
        frozenset(d["list_headers"]), int(d["list_after_chars"]), float(d.get("byline_weight", 0.0)),
        tuple(d.get("media_markers", ())), tuple(d.get("trail_cues", ())),
        tuple(d.get("trail_arrows", ())), tuple(d.get("index_labels", ())), int(d.get("index_labels_needed", 2)),
        int(d.get("repeated_in_page", 3)), int(d.get("index_value_chars", 24)),
        tuple(d.get("media_placeholders", ())),
        (int(d["menu_run"]["min_chars"]), int(d["menu_run"]["min_words"]), tuple(d["menu_run"]["tags"])),
    )


def _index_field(text: str, r: ChromeRules) -> bool:
    """One field of a disclosure index and its short value ("主题分类 政务公开")."""
    label = next((x for x in r.index_labels if text.startswith(x)), None)
    if label is None:
        return False
    value = text[len(label):].lstrip(" \t：:")
    return len(value) <= r.index_value_chars and not re.search("[。！？，；]", value)


def chrome_score(line: str) -> float:
    """How much ``line`` looks like site furniture; ``rules().threshold`` and over is chrome."""
    r = rules()
    text = line.strip()
    if not text:
        return r.threshold
    score = 0.0
    if any(cue in text for cue in r.strong_cues):
        score += r.threshold
    # A disclosure index's fields; a sentence that names two ("主题分类要科学…。") is none.
    if r.index_labels and ((sum(label in text for label in r.index_labels) >= r.index_labels_needed
                            and not re.search("[。！？]", text)) or _index_field(text, r)):
        score += r.threshold  # a disclosure index's fields
    score += r.meta_weight * min(3, len(r.meta_labels.findall(text)))
    score += r.separator_weight * min(2, sum(text.count(sep) for sep in r.separators))
    if _DATETIME_RE.search(text):
        score += r.datetime_weight
        if _BYLINE_RE.fullmatch(text):
            score += r.byline_weight
    ends_sentences = bool(re.search("[。！？]", text))
    if not ends_sentences:
        score += r.no_sentence_weight
    if len(text) <= r.short_chars:
        score += r.short_weight
    if _BARE_RE.match(text):
        score += r.bare_weight
    if len(text) <= r.short_chars and is_caption(text):
        score += r.caption_weight
    if len(text) >= r.sentence_chars and ends_sentences:
        score += r.sentence_weight
    return score


def is_caption(line: str) -> bool:
    """A photo caption: a short line without sentences that ends in a credit or "效果图"."""
    text = line.strip()
    return (len(text) <= rules().short_chars and not re.search("[。，；！？]", text)
            and (text.endswith(rules().caption_endings) or bool(_CREDIT_RE.search(text))))


def is_boilerplate(line: str) -> bool:
    """A line that is furniture by how it reads: a share prompt, an editor's or a source's
    label, a related-article header, a copyright line, a page jump."""
    r = rules()
    text = line.strip()
    return (text.startswith(r.line_starts) or text in r.whole_lines
            or (r.line_labels is not None and bool(r.line_labels.match(text)))
            or any(cue in text.lower() for cue in r.anywhere) or any(p.search(text) for p in r.patterns)
            or is_menu_run(text))


def is_menu_run(line: str) -> bool:
    """A menu's items run together without separators ("新闻产经轻工日化电器通讯仪器…手机版"):
    a long line of nothing but nouns, no verb, no punctuation. A headline has a verb."""
    min_chars, min_words, noun_tags = rules().menu_run
    if len(line) < min_chars or _NOT_IN_MENU_RE.search(line):
        return False
    from .nlp import cut, word_tables

    words = cut(line)
    if len(words) < min_words:
        return False
    tags = word_tables().tags(set(words))
    return all((tags.get(w) or "").startswith(noun_tags) for w in words)


_NOT_IN_MENU_RE = re.compile(r"[\s，。、；：！？,.;:!?()（）《》“”\"'0-9]")


_COLUMN_TAG_RE = re.compile(r"^【[^【】]{2,20}】(?=.{4})")


def without_media_marker(line: str) -> str:
    """"[图]【聚焦2012桃源“两会”】县政协十一届六次会议今日开幕" → the title alone: a list's
    picture marker, and the column tag after it (not a tag that names a meeting itself,
    "【政协年中工作会议】")."""
    text = line.lstrip()
    marker = next((m for m in rules().media_markers if text.startswith(m)), None)
    if marker is None:
        return line
    text = text[len(marker):].lstrip()
    tag = _COLUMN_TAG_RE.match(text)
    if tag and not tag.group(0).rstrip("】").endswith(("会议", "会")):
        text = text[tag.end():].lstrip()
    return text


def is_list_header(line: str) -> bool:
    """"相关新闻", "【推荐阅读】": the head of a list of other pages."""
    return line.strip().strip("【】[]：: ") in rules().list_headers


def breadcrumb_trail(line: str) -> str | None:
    """The steps of a breadcrumb, spaced ("首页 开发区新闻 滨海新区 文字新闻"), or None where
    ``line`` is none: it opens with a trail cue, or it is three or more steps between
    arrows (">", "»") and no sentence. Bars ("|") part a menu's items, which are no trail:
    a city's menu lists every district."""
    r = rules()
    text = line.strip()
    cue = next((c for c in r.trail_cues if c in text), None)
    if cue is not None:
        text = text[text.index(cue) + len(cue):].lstrip("：: ")
    elif re.search("[。！？，,]", text):
        return None
    separators = r.separators if cue is not None else r.trail_arrows
    steps = [s.strip() for s in re.split("|".join(map(re.escape, separators)), text) if s.strip()]
    if cue is None and len(steps) < 3:
        return None
    return " ".join(steps) or None


def is_chrome(line: str) -> bool:
    return chrome_score(line) >= rules().threshold


def repeated_lines(pages: Iterable[tuple[str, list[str]]], min_pages: int = 2, max_chars: int = 60) -> set[str]:
    """Short lines that stand on ``min_pages`` or more pages of one site: its furniture.

    ``pages`` pairs a site (host or outlet) with the lines of one of its pages."""
    per_site: dict[str, Counter[str]] = {}
    for site, lines in pages:
        if site:
            per_site.setdefault(site, Counter()).update({x for x in lines if len(x) <= max_chars})
    return {line for counts in per_site.values() for line, n in counts.items() if n >= min_pages}


@cache
def _labelled_date_re() -> re.Pattern[str]:
    """A date after its label: with a colon, or, for a disclosure index's date fields
    (written without colons), after a space ("成文日期 2023-08-08")."""
    from .data import read_yaml

    d = read_yaml("chrome.yaml")
    coloned = "|".join(map(re.escape, sorted(d["date_labels"], key=len, reverse=True)))
    spaced = "|".join(map(re.escape, sorted(d["index_date_labels"], key=len, reverse=True)))
    return re.compile(rf"(?:(?:{coloned})[：:]\s*|(?:{spaced})\s+)(?:(\d{{4}}[-/.年]\d{{1,2}}[-/.月]\d{{1,2}})"
                      r"|(?P<m>\d{1,2})/(?P<d>\d{1,2})/(?P<y>\d{4}))")


_URL_DATE_RE = re.compile(r"(?:/|/t)((?:19|20)\d{2})[-/_]?(\d{2})[-/_]?(\d{2})(?=[/_.])")


def labelled_date(line: str) -> str | None:
    """The date a chrome line gives the page ("发布时间：2021-03-04"), year first: a date
    written month first ("發表時間:11/20/2021") is turned round."""
    found = _labelled_date_re().search(line)
    if not found:
        return None
    if found.group(1):
        return found.group(1)
    month, day = int(found["m"]), int(found["d"])
    if month > 12:  # day first after all (20/11/2021)
        month, day = day, month
    return f"{found['y']}-{month:02d}-{day:02d}" if 1 <= month <= 12 and 1 <= day <= 31 else None


def address_date(url: str | None) -> str | None:
    """The date in a page's address (…/2009/10/30/…, …/2018-10/19/…), ISO, or None."""
    if not url:
        return None
    found = _URL_DATE_RE.search(url)
    if not found:
        return None
    y, m, d = (int(x) for x in found.groups())
    return f"{y:04d}-{m:02d}-{d:02d}" if 1 <= m <= 12 and 1 <= d <= 31 else None


_URL_MONTH_RE = re.compile(r"/(?:t)?((?:19|20)\d{2})[-_]?(\d{2})(?=/)")


def address_month(url: str | None) -> tuple[int, int] | None:
    """The year and month a page's address files it under (…/202210/…), or None."""
    found = _URL_MONTH_RE.search(url or "")
    if not found:
        return None
    year, month = int(found.group(1)), int(found.group(2))
    return (year, month) if 1 <= month <= 12 else None


_LABELLED_SOURCE_RE = re.compile(r"(?:来源|稿源|信息来源)[：:]\s*(?P<outlet>[^\s|｜，。:：]{2,20})")


def labelled_source(line: str) -> str | None:
    """The outlet a chrome line names ("来源：武进新闻 作者：…")."""
    found = _LABELLED_SOURCE_RE.search(line)
    return found.group("outlet") if found else None


def drop_site_furniture(docs: list[CleanDocument]) -> list[CleanDocument]:
    """The pages with the lines their site repeats on several of them taken out (a slogan,
    a menu the cues do not know), where such a line names no meeting."""
    from urllib.parse import urlparse

    from .meetings import find_meetings

    def site(doc: CleanDocument) -> str:
        return (urlparse(doc.url).hostname or "") if doc.url else (doc.outlet or "")

    repeated = {line for line in repeated_lines(((site(d), d.paragraphs) for d in docs), min_pages=3)
                if not find_meetings(line)}
    if not repeated:
        return docs
    out = []
    for doc in docs:
        kept = [i for i, line in enumerate(doc.paragraphs) if line not in repeated]
        if len(kept) == len(doc.paragraphs):
            out.append(doc)
            continue
        new_index = {old: new for new, old in enumerate(kept)}
        starts = sorted({new_index[i] for i in doc.report_starts if i in new_index})
        out.append(replace(doc, paragraphs=[doc.paragraphs[i] for i in kept], report_starts=starts))
    return out
