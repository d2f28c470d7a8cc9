"""Clean stage: raw report text → Simplified paragraphs with the noise taken out.

Text copied out of web pages carries the site with it: HTML leftovers, double
decodings, pinyin glued to characters, share prompts, copyright and editor lines,
photo captions and newspaper page jumps. Each rule below comes from a kind of noise
seen in real reports; each is conservative, so real text (and real parentheses such as
``(2023-2025年)``) survives. Every rule is idempotent: cleaning clean text changes
nothing.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlparse

from ..chrome import (
    address_date,
    breadcrumb_trail,
    is_boilerplate,
    is_caption,
    is_chrome,
    is_list_header,
    labelled_date,
    labelled_source,
    without_media_marker,
)
from ..chrome import rules as chrome_rules
from ..model import CleanDocument, CleaningReport, SourceText
from .chars import HAN
from .guard import remove_copy_guard_noise, remove_injected_spam
from .mojibake import drop_damaged_clauses, repair_double_decoding
from .pinyin import remove_pinyin_annotations
from .script import _to_simplified, convert_script, normalise_punctuation

__all__ = [
    "HAN", "clean_line", "clean_source", "clean_text", "convert_script", "drop_damaged_clauses",
    "is_heading_like", "normalise_punctuation", "remove_html_leftovers", "remove_pinyin_annotations",
    "repair_double_decoding",
]

_SENTENCE_END = "。！？；…”’）」』"

# --- character level ------------------------------------------------------------

_KEEP_CONTROLS = {"\n", "\t"}


def strip_control_chars(text: str) -> str:
    """Drop control, surrogate and format characters (python-pptx rejects most of them)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u3000", " ").replace("\xa0", " ")
    if text.isprintable():  # none of those categories (nor a line break) is printable: nothing to drop
        return text
    return "".join(
        ch for ch in text
        if ch in _KEEP_CONTROLS or unicodedata.category(ch) not in {"Cc", "Cs", "Cf", "Co", "Cn"}
    )




# --- HTML leftovers ---------------------------------------------------------------

_TAG_RE = re.compile(
    r"<\s*/?\s*(?:strong|b|i|em|u|p|br|span|div|font|a|img|sup|sub|h[1-6]|li|ul|ol|table|tr|td|"
    r"th|tbody|center|section|article|blockquote|small|big|label)\b[^<>]*>"
    r"|(?<![\w<])/(?:strong|span|div|font|em|p|b|a)>",
    re.IGNORECASE,
)
# Entities, also the tails left when a decoding step ate the ampersand ("?rdquo;").
_ENTITY_TAIL_RE = re.compile(
    r"&?(rdquo|ldquo|rsquo|lsquo|quot|nbsp|amp|lt|gt|mdash|ndash|hellip|middot|ensp|emsp|"
    r"bull|times|laquo|raquo);"
)
_ENTITY_TAILS = {
    "rdquo": "”", "ldquo": "“", "rsquo": "’", "lsquo": "‘", "quot": '"', "nbsp": " ",
    "amp": "&", "lt": "<", "gt": ">", "mdash": "—", "ndash": "–", "hellip": "…",
    "middot": "·", "ensp": " ", "emsp": " ", "bull": "•", "times": "×", "laquo": "«",
    "raquo": "»",
}


def remove_html_leftovers(text: str) -> tuple[str, int]:
    """Unescape entities and drop stray inline tags; returns (text, count)."""
    count = 0

    def entity(match: re.Match[str]) -> str:
        nonlocal count
        count += 1
        return _ENTITY_TAILS[match.group(1)]

    text = _ENTITY_TAIL_RE.sub(entity, text)
    unescaped = html.unescape(text) if "&" in text else text
    if unescaped != text:
        count += 1
        text = unescaped
    text, n = _TAG_RE.subn("", text)
    # Where a page had a picture, some copies keep its label ("图片附件12月3日下午，…").
    placeholders = chrome_rules().media_placeholders
    if placeholders and any(p in text for p in placeholders):
        for placeholder in placeholders:
            n += text.count(placeholder)
            text = text.replace(placeholder, "")
    return text, count + n


# --- boilerplate -----------------------------------------------------------------------

_DATELINE_RE = re.compile(
    r"^(?P<date>\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?|\d{1,2}\.\d{1,2}\.\d{4})(\s+\d{1,2}:\d{2}(:\d{2})?)?"
    r"\s*(?:(来源|稿源)[：:]\s*(?P<outlet>\S+))?"
)
# "2023年10月26日上午，区长…主持召开…": a lead that opens on its date, no date line.
_LEAD_AFTER_DATE_RE = re.compile(r"\s*(?:[上下中晚早凌][午上晨]|[，,]|[^\s：:|｜]{0,40}[，。])")
_SOURCE_RE = re.compile(r"(?:^|\s)(?:来源|稿源|信息来源)[：:]\s*(?P<outlet>[^\s，。]{2,20})\s*$")
_LINK_RE = re.compile(r"^(?:本文链接|原文链接)[：:]\s*(?P<url>https?://[^\s\u4e00-\u9fff]+)(?P<title>.*)$")
# Leads such as 本报讯（记者 项竹彦）, 新华网上海7月11日电（记者 X）.
_LEAD_RE = re.compile(
    rf"^(?:本报讯|本报消息|又讯|[{HAN}]{{2,8}}讯(?=\s|[（(])|(?:[{HAN}]{{2,8}}(?:网|社|报|台))?(?:[{HAN}]{{2,4}})?\d{{1,2}}月\d{{1,2}}日电)"
    r"\s*(?:[（(](?P<byline>[^（）()]{1,30})[）)])?\s*"
)
_TRAILING_BYLINE_RE = re.compile(
    rf"[（(](?P<byline>[^（）()]*(?:书记|主任|局长|区长|记者|通讯员|调研员|部长|委员|作者)"
    rf"[^（）()]*\s[{HAN}]{{2,4}})[）)]$"
)
_NAV_LINE_RE = re.compile(rf"^[{HAN}]{{1,4}}$")
# A title line with its site's name (and section) after a spaced dash or bar, as a
# browser's title bar shows a page: no sentence in it.
_TITLE_SUFFIX_RE = re.compile(
    r"^(?P<title>[^。！？!?\s][^。！？!?]{5,}?)\s+[-_|｜—]{1,2}\s+(?P<site>[^\s。，！？!?|｜-]{2,10}(?:\s[^\s。，！？!?|｜-]{1,6})?)$")
_TRAILING_CREDIT_RE = re.compile(rf"(?<=[。！？])\s*(?:新华社|新华网)?(?:记者|通讯员)?\s?[{HAN}]{{2,4}}\s?摄$")


@dataclass
class _PageFacts:
    outlet: str | None = None
    published: str | None = None
    url: str | None = None
    title: str | None = None
    byline: str | None = None
    trail: str | None = None


def _host(url: str | None) -> str | None:
    host = (urlparse(url).hostname or "") if url else ""
    return host.removeprefix("www.") or None


def _iso_date(text: str) -> str:
    """Year first, or day first with dots as European sites write it (09.01.2015)."""
    a, b, c = (int(x) for x in re.findall(r"\d+", text)[:3])
    y, m, d = (c, b, a) if c > 31 else (a, b, c)
    return f"{y:04d}-{m:02d}-{d:02d}"


def _note_labelled_facts(line: str, facts: _PageFacts) -> None:
    """The date and outlet a furniture line gives ("来源：… 发布时间：2018-08-15")."""
    dated = labelled_date(line)
    if dated:
        facts.published = facts.published or _iso_date(dated)
    facts.outlet = facts.outlet or labelled_source(line)
    facts.trail = facts.trail or breadcrumb_trail(line)


def strip_boilerplate(line: str, facts: _PageFacts) -> tuple[str | None, bool]:
    """Return (line or None when the whole line is noise, whether it starts a report).

    Facts the noise carries (outlet, date, link, byline) are kept in ``facts``.
    """
    starts_report = False
    dateline = _DATELINE_RE.match(line)
    if dateline and len(line) < 60 and not _LEAD_AFTER_DATE_RE.match(line, dateline.end("date")):
        facts.published = facts.published or _iso_date(dateline.group("date"))
        if dateline.group("outlet"):
            facts.outlet = facts.outlet or dateline.group("outlet")
        return None, False
    link = _LINK_RE.match(line)
    if link:
        facts.url = facts.url or link.group("url")
        title = link.group("title").strip()
        facts.title = facts.title or title or None
        return None, False
    source = _SOURCE_RE.search(line)
    if source:
        facts.outlet = facts.outlet or source.group("outlet")
        line = line[: source.start()].strip()
        if not line:
            return None, False
    if is_boilerplate(line):
        _note_labelled_facts(line, facts)
        return None, False
    line = line.strip(" |｜")  # a menu's separator left at either end of a title
    if not line:
        return None, False
    if is_chrome(line):
        _note_labelled_facts(line, facts)
        return None, False
    if is_caption(line):
        return None, False
    if _NAV_LINE_RE.match(line.replace(" ", "")):  # 评 论, 首 页: a button's label
        return None, False
    line = without_media_marker(line)
    titled = _TITLE_SUFFIX_RE.match(line)
    if titled:  # "…会议开幕 - 天天要闻 国际": a page's title with its site's name after it
        facts.outlet = facts.outlet or titled.group("site").split()[0]
        line = titled.group("title").strip()
    lead = _LEAD_RE.match(line)
    if lead and lead.end() < len(line):
        starts_report = True
        if lead.group("byline"):
            facts.byline = facts.byline or lead.group("byline").strip()
        line = line[lead.end():]
    # A photo credit left at the end of a sentence's line: "…重要讲话。新华社记者饶爱民 摄".
    line = _TRAILING_CREDIT_RE.sub("", line)
    trailing = _TRAILING_BYLINE_RE.search(line)
    if trailing and trailing.start() > 0:
        facts.byline = facts.byline or trailing.group("byline").strip()
        line = line[: trailing.start()].rstrip()
    return line, starts_report


# --- paragraphs ---------------------------------------------------------------------------

_OPENERS, _CLOSERS = "“（《「『【", "”）》」』】"


def _unbalanced(text: str) -> bool:
    return any(text.count(o) > text.count(c) for o, c in zip(_OPENERS, _CLOSERS, strict=True))


def is_heading_like(text: str) -> bool:
    """Short, no sentence punctuation: a title, sub-title or section heading. A colon may
    part a short subject from the rest ("银川市兴庆区：推动学习宣传…走深走实")."""
    if len(text) > 60 or re.search("[。！？；，]", text):
        return False
    subject, colon, rest = text.partition("：")
    return not colon or (len(subject) <= HEADING_SUBJECT_CHARS and len(rest) >= 6 and "：" not in rest)


HEADING_SUBJECT_CHARS = 10


def is_broken_line(text: str) -> bool:
    """A paragraph cut mid-sentence by the page layout (no ending punctuation)."""
    if not text or text[-1] in _SENTENCE_END or text[-1] == "：":
        return False
    return _unbalanced(text) or (len(text) >= 20 and "，" in text)


def join_broken_lines(lines: list[str], starts: set[int]) -> tuple[list[str], set[int], int]:
    """Rejoin paragraphs that the page layout split in the middle of a sentence."""
    out: list[str] = []
    out_starts: set[int] = set()
    joined = 0
    for i, line in enumerate(lines):
        if out and is_broken_line(out[-1]):
            if i in starts:
                # The next article begins: this one was cut off on the page; say so.
                out[-1] += "…"
            else:
                out[-1] += line
                joined += 1
                continue
        if i in starts:
            out_starts.add(len(out))
        out.append(line)
    return out, out_starts, joined


# --- the stage ---------------------------------------------------------------------------


def clean_line(line: str, report: CleaningReport) -> str:
    """Character-level repairs on one line, in an order where each rule sees its input."""
    repaired = repair_double_decoding(line)
    if repaired is not None:
        line = repaired
        report.mojibake_repaired += 1
    line = strip_control_chars(line)
    line, n = remove_html_leftovers(line)
    report.html_leftovers += n
    line, n = remove_copy_guard_noise(line)
    report.noise_removed += n
    line, n = remove_injected_spam(line)
    report.noise_removed += n
    line, n = remove_pinyin_annotations(line)
    report.pinyin_removed += n
    line, n = drop_damaged_clauses(line)
    report.clauses_dropped += n
    line = _to_simplified(line)
    return normalise_punctuation(line)


# Joining broken lines can create a seam that another rule applies to (a stray
# character next to Chinese, a half-width bracket); passes repeat until nothing joins.
MAX_PASSES = 4


def _repeated_in_page(raw_lines: list[str]) -> set[str]:
    """Short lines without a sentence that one page repeats (an app's prompt between every
    paragraph, "打开网易新闻 查看精彩图片"): furniture, however they score alone. A page's
    title may stand three times (title bar, heading, share box) and is kept."""
    rules = chrome_rules()
    counts = Counter(x for x in (r.strip() for r in raw_lines) if x and len(x) <= rules.short_chars)
    repeated = {x for x, n in counts.items() if n >= rules.repeated_in_page and not re.search("[。！？!?]", x)}
    if repeated:
        from ..meetings import find_meetings

        repeated = {x for x in repeated if not find_meetings(_to_simplified(x))}
    return repeated


def _clean_pass(
    raw_lines: list[str], raw_starts: set[int], report: CleaningReport, facts: _PageFacts
) -> tuple[list[str], set[int], int]:
    lines: list[str] = []
    starts: set[int] = set()
    seen_headings: set[str] = set()
    body_chars = 0
    repeated = _repeated_in_page(raw_lines)
    for i, raw in enumerate(raw_lines):
        if raw.strip() in repeated:
            report.boilerplate_lines += 1
            continue
        line = clean_line(raw, report)
        if not line:
            continue
        if body_chars >= chrome_rules().list_after_chars and is_list_header(line):
            # The article is over: what follows lists other pages, and their titles
            # name meetings this page does not report.
            report.boilerplate_lines += len(raw_lines) - i
            break
        kept, starts_report = strip_boilerplate(line, facts)
        if kept is None:
            report.boilerplate_lines += 1
            continue
        if is_heading_like(kept):
            if kept in seen_headings:
                continue
            seen_headings.add(kept)
        if starts_report or i in raw_starts:
            starts.add(len(lines))
        lines.append(kept)
        if not is_heading_like(kept):
            body_chars += len(kept)
    lines, starts, joined = join_broken_lines(lines, starts)
    report.lines_joined += joined
    return lines, starts, joined


def clean_text(text: str, report: CleaningReport | None = None) -> tuple[list[str], set[int], _PageFacts]:
    """Raw text → (paragraphs, indexes of paragraphs that open a report, page facts)."""
    report = report if report is not None else CleaningReport()
    facts = _PageFacts()
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    starts: set[int] = set()
    for _ in range(MAX_PASSES):
        lines, starts, joined = _clean_pass(lines, starts, report, facts)
        if not joined:
            break
    return lines, starts, facts


def clean_source(source: SourceText, on_warning: Callable[[str], None] | None = None) -> CleanDocument:
    """Clean one read file into a :class:`CleanDocument`."""
    report = CleaningReport()
    paragraphs, starts, facts = clean_text(source.text, report)
    title = source.title or facts.title
    if title:
        title = normalise_punctuation(_to_simplified(title))
    if on_warning:
        for note in source.notes:
            on_warning(f"{source.path}: {note}")
        if report.clauses_dropped:
            on_warning(f"{source.path}: dropped {report.clauses_dropped} clause(s) damaged by mojibake")
    return CleanDocument(
        path=source.path,
        paragraphs=paragraphs,
        encoding=source.encoding,
        report_starts=sorted(starts),
        title=title,
        # A source line names the outlet better than the host of the page's address.
        outlet=source.outlet or facts.outlet or _host(facts.url),
        published=source.published or facts.published or address_date(facts.url),
        url=facts.url,
        byline=facts.byline,
        trail=facts.trail,
        report=report,
    )
