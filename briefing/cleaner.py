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
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from urllib.parse import urlparse

from .chrome import address_date, is_boilerplate, is_caption, is_chrome, labelled_date, labelled_source
from .model import CleanDocument, CleaningReport, SourceText

HAN = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_HAN_RE = re.compile(f"[{HAN}]")
# Full-width punctuation that counts as "Chinese context" for normalising neighbours.
_CJK_PUNCT = "，。、；：？！“”‘’（）《》【】…—·「」『』"
_SENTENCE_END = "。！？；…”’）」』"

# --- character level ------------------------------------------------------------

_KEEP_CONTROLS = {"\n", "\t"}


def strip_control_chars(text: str) -> str:
    """Drop control, surrogate and format characters (python-pptx rejects most of them)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u3000", " ").replace("\xa0", " ")
    return "".join(
        ch for ch in text
        if ch in _KEEP_CONTROLS or unicodedata.category(ch) not in {"Cc", "Cs", "Cf", "Co", "Cn"}
    )


_FULLWIDTH_ALNUM = {
    **{chr(0xFF10 + i): str(i) for i in range(10)},
    **{chr(0xFF21 + i): chr(0x41 + i) for i in range(26)},
    **{chr(0xFF41 + i): chr(0x61 + i) for i in range(26)},
    "．": ".", "％": "%",
}
_FULLWIDTH_TABLE = str.maketrans(_FULLWIDTH_ALNUM)


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
    return text, count + n


# --- mojibake ---------------------------------------------------------------------

# Characters that do not belong in a Chinese report and mark a broken decoding.
_SUSPECT_RE = re.compile(
    r"\ufffd"
    rf"|\?(?=[^\s\"'“”）)\]】。，,.!！?？:：;；]|$)(?<=[{HAN}A-Za-z\u00c0-\u024f]\?)"
    rf"|(?<=[{HAN}])[\u0370-\u03ff\u0400-\u04ff\u20ac\u2500-\u257f\u00c0-\u00ff]"
    rf"|[\u0370-\u03ff\u0400-\u04ff\u20ac\u2500-\u257f\u00c0-\u00ff](?=[{HAN}])"
)
_CLAUSE_SPLIT_RE = re.compile(r"(?<=[，。；！？：,;!:])")


def repair_double_decoding(line: str) -> str | None:
    """Undo a UTF-8 text that was decoded as GBK or Latin-1; None when not one."""
    if line.isascii() or not _looks_garbled(line):
        return None
    for wrong in ("gb18030", "cp1252"):
        try:
            fixed = _wrong_bytes(line, wrong).decode("utf-8")
        except (UnicodeEncodeError, UnicodeDecodeError):
            continue
        if fixed != line and _han_quality(fixed) > _han_quality(line):
            return fixed
    return None


def _wrong_bytes(line: str, encoding: str) -> bytes:
    """The bytes a wrong decoder read; cp1252's five holes were passed through as Latin-1."""
    if encoding != "cp1252":
        return line.encode(encoding)
    out = bytearray()
    for ch in line:
        try:
            out += ch.encode("cp1252")
        except UnicodeEncodeError:
            if ord(ch) > 0xFF:
                raise
            out.append(ord(ch))
    return bytes(out)


def _looks_garbled(line: str) -> bool:
    if _suspect(line):
        return True
    latin_letters = sum(1 for ch in line if "\u00c0" <= ch <= "\u00ff" or "\x80" <= ch <= "\x9f")
    if latin_letters >= 3 and latin_letters * 5 >= len(line):
        return True
    # UTF-8 read as GBK gives runs of rare characters outside the common block.
    rare = sum(1 for ch in line if "\u4e00" <= ch <= "\u9fff" and _is_rare_han(ch))
    return rare >= 3 and rare > len(line) // 8


@cache
def _common_chars() -> frozenset[str]:
    """Characters of GB2312 level 1: the ones ordinary Chinese prose is made of."""
    chars = set()
    for hi in range(0xB0, 0xD8):
        for lo in range(0xA1, 0xFF):
            try:
                chars.add(bytes([hi, lo]).decode("gb2312"))
            except UnicodeDecodeError:
                continue
    return frozenset(chars)


def _is_rare_han(ch: str) -> bool:
    return ch not in _common_chars() and _to_simplified(ch) not in _common_chars()


def _han_quality(text: str) -> float:
    han = [ch for ch in text if _HAN_RE.match(ch)]
    if not han:
        return 0.0
    common = sum(1 for ch in han if not _is_rare_han(ch))
    suspects = len(_SUSPECT_RE.findall(text))
    return common / len(text) - suspects / max(len(text), 1)


# A web address keeps its "?" and Latin letters: they are no sign of a broken decoding.
_URL_RE = re.compile(r"https?://[^\s\u4e00-\u9fff，。]+")


def _suspect(text: str) -> bool:
    return bool(_SUSPECT_RE.search(_URL_RE.sub(lambda m: "u" * len(m.group(0)), text)))


def drop_damaged_clauses(line: str) -> tuple[str, int]:
    """Remove the clauses that still hold mojibake; returns (line, clauses dropped)."""
    if not _suspect(line):
        return line, 0
    clauses = _CLAUSE_SPLIT_RE.split(line)
    kept = [c for c in clauses if not _suspect(c)]
    dropped = len(clauses) - len(kept)
    text = "".join(kept).strip()
    if text and text[-1] in "，,：:":
        text = text[:-1] + "。"
    return text, dropped


# --- pinyin annotations -------------------------------------------------------------

# A reading in brackets: "(qū)", "(ren min)". What it annotates is checked in Python,
# looking back from the bracket: a pattern that scanned runs of Han characters for one
# would take quadratic time on a long line without brackets.
_READING_RE = re.compile(
    r"[(（](?P<py>[A-Za-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ]+[1-5]?"
    r"(?:\s+[A-Za-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ]+[1-5]?)*)[)）]"
)
_HAN_RUN_RE = re.compile(rf"[{HAN}]+")


def _plain_syllable(syllable: str) -> str:
    decomposed = unicodedata.normalize("NFD", syllable.lower().rstrip("12345"))
    decomposed = decomposed.replace("u\u0308", "v")
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@cache
def _pinyin_dict() -> dict[int, str]:
    """pypinyin's table of every reading of every character (Traditional ones included).

    Loaded on its own: importing the pypinyin package also loads its phrase tables,
    several times slower, and the readings of single characters are all this needs.
    """
    import importlib.util

    try:
        spec = importlib.util.find_spec("pypinyin")
        if spec is None or spec.origin is None:
            raise ImportError("pypinyin")
        table_path = Path(spec.origin).parent / "pinyin_dict.py"
        table_spec = importlib.util.spec_from_file_location("_briefing_pinyin_dict", table_path)
        if table_spec is None or table_spec.loader is None:
            raise ImportError(str(table_path))
        module = importlib.util.module_from_spec(table_spec)
        table_spec.loader.exec_module(module)
        return module.pinyin_dict  # type: ignore[no-any-return]
    except (ImportError, OSError, AttributeError):
        from pypinyin.pinyin_dict import pinyin_dict

        return pinyin_dict  # type: ignore[no-any-return]


@cache
def _readings(char: str) -> frozenset[str]:
    table = _pinyin_dict()
    readings = set(table.get(ord(char), "").split(","))
    simplified = _to_simplified(char)
    if simplified != char:
        readings |= set(table.get(ord(simplified), "").split(","))
    return frozenset(_plain_syllable(r) for r in readings if r)


def remove_pinyin_annotations(text: str) -> tuple[str, int]:
    """Drop ``區(qū)``-style readings; keep parentheses that are not a reading of what precedes."""
    count = 0
    kept: list[str] = []
    last = 0
    for match in _READING_RE.finditer(text):
        syllables = match.group("py").split()
        start = match.start()
        annotated = text[max(last, start - len(syllables)):start]
        if (len(annotated) == len(syllables) and _HAN_RUN_RE.fullmatch(annotated)
                and all(_plain_syllable(s) in _readings(c) for s, c in zip(syllables, annotated, strict=True))):
            kept.append(text[last:start])
            last = match.end()
            count += 1
    kept.append(text[last:])
    return "".join(kept), count


# --- script and punctuation -----------------------------------------------------------


@cache
def _converter(config: str):  # type: ignore[no-untyped-def]
    import opencc

    return opencc.OpenCC(config)


def _to_simplified(text: str) -> str:
    return _converter("t2s").convert(text)


def convert_script(text: str, script: str) -> str:
    """Convert to the deck's script: ``zh-Hans`` (Simplified) or ``zh-Hant`` (Traditional)."""
    if not text:
        return text
    return _converter("t2s" if script == "zh-Hans" else "s2t").convert(text)


_HALF_TO_FULL = {",": "，", ";": "；", ":": "：", "!": "！", "?": "？", "(": "（", ")": "）"}
_CJK_CONTEXT = f"[{HAN}{_CJK_PUNCT}]"
_PUNCT_RE = re.compile(
    rf"(?<={_CJK_CONTEXT})\s*[,;:!?()]|[,;:!?()]\s*(?={_CJK_CONTEXT})"
    r"|(?<=[\"”])\s*[,;:!?]|(?<=[“])\(|\)(?=[”])"
)


def normalise_punctuation(text: str) -> str:
    """Half-width punctuation next to Chinese becomes full-width; straight quotes curl."""
    text = text.translate(_FULLWIDTH_TABLE)
    # A converted mark gives its neighbour Chinese context: repeat until nothing changes.
    previous = None
    while previous != text:
        previous = text
        text = _PUNCT_RE.sub(lambda m: _HALF_TO_FULL[m.group(0).strip()], text)
    if '"' in text and _HAN_RE.search(text) and text.count('"') % 2 == 0:
        parts = text.split('"')
        text = parts[0] + "".join(
            ("“" if i % 2 == 0 else "”") + part for i, part in enumerate(parts[1:])
        )
    # A half-width comma between two Chinese clauses that had a digit next to it.
    text = re.sub(rf"(?<=\d),(?=[{HAN}])|(?<=[{HAN}]),(?=\d)", "，", text)
    return re.sub(r"[ \t]+", " ", text).strip()


# --- boilerplate -----------------------------------------------------------------------

_DATELINE_RE = re.compile(
    r"^(?P<date>\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?)(\s+\d{1,2}:\d{2}(:\d{2})?)?"
    r"\s*(?:(来源|稿源)[：:]\s*(?P<outlet>\S+))?"
)
_SOURCE_RE = re.compile(r"(?:^|\s)(?:来源|稿源|信息来源)[：:]\s*(?P<outlet>[^\s，。]{2,20})\s*$")
_LINK_RE = re.compile(r"^(?:本文链接|原文链接)[：:]\s*(?P<url>https?://[^\s\u4e00-\u9fff]+)(?P<title>.*)$")
# Leads such as 本报讯（记者 项竹彦）, 新华网上海7月11日电（记者 X）.
_LEAD_RE = re.compile(
    rf"^(?:本报讯|本报消息|(?:[{HAN}]{{2,8}}(?:网|社|报|台))?(?:[{HAN}]{{2,4}})?\d{{1,2}}月\d{{1,2}}日电)"
    r"\s*(?:[（(](?P<byline>[^（）()]{1,30})[）)])?\s*"
)
_TRAILING_BYLINE_RE = re.compile(
    rf"[（(](?P<byline>[^（）()]*(?:书记|主任|局长|区长|记者|通讯员|调研员|部长|委员|作者)"
    rf"[^（）()]*\s[{HAN}]{{2,4}})[）)]$"
)
_NAV_LINE_RE = re.compile(rf"^[{HAN}]{{1,4}}$")
_TRAILING_CREDIT_RE = re.compile(rf"(?<=[。！？])\s*(?:新华社|新华网)?(?:记者|通讯员)?\s?[{HAN}]{{2,4}}\s?摄$")


@dataclass
class _PageFacts:
    outlet: str | None = None
    published: str | None = None
    url: str | None = None
    title: str | None = None
    byline: str | None = None


def _host(url: str | None) -> str | None:
    host = (urlparse(url).hostname or "") if url else ""
    return host.removeprefix("www.") or None


def _iso_date(text: str) -> str:
    y, m, d = (int(x) for x in re.findall(r"\d+", text)[:3])
    return f"{y:04d}-{m:02d}-{d:02d}"


def strip_boilerplate(line: str, facts: _PageFacts) -> tuple[str | None, bool]:
    """Return (line or None when the whole line is noise, whether it starts a report).

    Facts the noise carries (outlet, date, link, byline) are kept in ``facts``.
    """
    starts_report = False
    dateline = _DATELINE_RE.match(line)
    if dateline and len(line) < 60:
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
        return None, False
    line = line.strip(" |｜")  # a menu's separator left at either end of a title
    if not line:
        return None, False
    if is_chrome(line):
        dated = labelled_date(line)
        if dated:
            facts.published = facts.published or _iso_date(dated)
        facts.outlet = facts.outlet or labelled_source(line)
        return None, False
    if is_caption(line):
        return None, False
    if _NAV_LINE_RE.match(line.replace(" ", "")):  # 评 论, 首 页: a button's label
        return None, False
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
    """Short, no sentence punctuation: a title, sub-title or section heading."""
    return len(text) <= 60 and not re.search("[。！？；，：]", text)


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
    line, n = remove_pinyin_annotations(line)
    report.pinyin_removed += n
    line, n = drop_damaged_clauses(line)
    report.clauses_dropped += n
    line = _to_simplified(line)
    return normalise_punctuation(line)


# Joining broken lines can create a seam that another rule applies to (a stray
# character next to Chinese, a half-width bracket); passes repeat until nothing joins.
MAX_PASSES = 4


def _clean_pass(
    raw_lines: list[str], raw_starts: set[int], report: CleaningReport, facts: _PageFacts
) -> tuple[list[str], set[int], int]:
    lines: list[str] = []
    starts: set[int] = set()
    seen_headings: set[str] = set()
    for i, raw in enumerate(raw_lines):
        line = clean_line(raw, report)
        if not line:
            continue
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
        report=report,
    )
