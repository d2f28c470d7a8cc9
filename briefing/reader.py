"""Read stage: paths on disk → decoded :class:`SourceText`.

Reports arrive saved from many sites, so the encoding is detected rather than
assumed (UTF-8 with or without BOM, UTF-16 with BOM, GB18030/GBK, Big5), an HTML
page is reduced to its article body by a real main-text extractor, and Markdown to
the text of its headings and paragraphs by a real Markdown parser; Word and PDF files
go to :mod:`briefing.readers`.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Callable, Iterable
from pathlib import Path

from .errors import InputError
from .model import SourceText

TEXT_SUFFIXES = {".txt": "txt", ".md": "md", ".markdown": "md"}
HTML_SUFFIXES = {".html": "html", ".htm": "html", ".xhtml": "html"}
DOCUMENT_SUFFIXES = {".docx": "docx", ".pdf": "pdf"}
READABLE_SUFFIXES = {**TEXT_SUFFIXES, **HTML_SUFFIXES, **DOCUMENT_SUFFIXES}

# Chinese encodings worth trying when a file is not UTF-8, most common first.
_CJK_ENCODINGS = ("gb18030", "big5", "big5hkscs")
_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def collect_inputs(paths: Iterable[Path],
                   on_skipped: Callable[[Path, list[Path]], None] | None = None) -> list[Path]:
    """Expand folders to the readable files in them, sorted, so runs are repeatable.

    ``on_skipped(folder, files)`` hears of the files a folder holds that are no reports."""
    files: list[Path] = []
    for path in paths:
        if not path.exists():
            raise InputError("no such file or folder", path)
        if path.is_dir():
            visible = sorted(
                p for p in path.rglob("*")
                if p.is_file() and not any(part.startswith(".") for part in p.relative_to(path).parts)
            )
            found = [p for p in visible if p.suffix.lower() in READABLE_SUFFIXES]
            if on_skipped is not None and found and len(found) < len(visible):
                on_skipped(path, [p for p in visible if p.suffix.lower() not in READABLE_SUFFIXES])
            if not found:
                raise InputError("folder holds no .txt, .md, .html, .docx or .pdf reports", path)
            files.extend(found)
        else:
            files.append(path)
    unique: dict[Path, Path] = {}
    for f in files:
        unique.setdefault(f.resolve(), f)
    return list(unique.values())


def decode_bytes(data: bytes, path: Path) -> tuple[str, str]:
    """Decode report bytes, returning (text, encoding name)."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError as exc:
                raise InputError(f"broken {encoding} text ({exc.reason})", path) from None
    if data.startswith(_BINARY_MAGIC):
        raise InputError("not a text file (binary content)", path)
    decoded = _decode_text(data)
    if decoded is None or _mostly_control(decoded[0]):
        if decoded is None and not _mostly_control(data.decode("latin-1")):
            raise InputError("unknown text encoding (not UTF-8, GB18030 or Big5)", path)
        raise InputError("not a text file (binary content)", path)
    return decoded


def _decode_text(data: bytes) -> tuple[str, str] | None:
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        if exc.start >= len(data) - 3:
            # A file cut in the middle of its last character: keep everything before it.
            return data[: exc.start].decode("utf-8", errors="replace"), "utf-8"
    best = _best_cjk_decoding(data)
    if best is not None:
        return best
    # Mostly UTF-8 with a few broken bytes: the cleaner drops the damaged clauses.
    text = data.decode("utf-8", errors="replace")
    if text.count("\ufffd") <= max(3, len(data) // 1000):
        return text, "utf-8"
    return None


_BINARY_MAGIC = (b"%PDF", b"PK\x03\x04", b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"\xd0\xcf\x11\xe0",
                 b"\x7fELF", b"\x1f\x8b")


def _mostly_control(text: str) -> bool:
    """Text with a few stray NULs or control codes is text; a binary file is mostly them."""
    sample = text[:20000]
    controls = sum(1 for ch in sample if ch < " " and ch not in "\t\n\r")
    return controls * 8 > len(sample)


def _best_cjk_decoding(data: bytes) -> tuple[str, str] | None:
    """Pick the Chinese encoding whose decoding reads most like Chinese text.

    GB18030 decodes almost any byte string, so a strict decode alone cannot choose;
    charset-normalizer's chaos measure ranks the candidates that decode cleanly.
    """
    from charset_normalizer import from_bytes

    candidates = []
    for encoding in _CJK_ENCODINGS:
        try:
            candidates.append((data.decode(encoding), encoding))
        except UnicodeDecodeError:
            continue
    if not candidates:
        return None
    if len(candidates) == 1:
        return candidates[0]
    results = from_bytes(data, cp_isolation=[enc for _, enc in candidates])
    best = results.best()
    if best is not None:
        chosen = best.encoding.replace("_", "")
        for text, encoding in candidates:
            if encoding.replace("_", "") == chosen:
                return text, encoding
    return max(candidates, key=lambda c: _common_han_share(c[0]))


def _common_han_share(text: str) -> float:
    """Share of characters in the CJK Unified block: mis-decodings drift into rare ones."""
    if not text:
        return 0.0
    common = sum(1 for ch in text if "\u4e00" <= ch <= "\u9fa5")
    return common / len(text)


def read_source(path: Path) -> SourceText:
    """Read one report file; raise :class:`InputError` naming the file when it cannot be used."""
    suffix = path.suffix.lower()
    if path.is_dir():
        raise InputError("is a folder, expected a report file", path)
    if path.exists() and not path.is_file():
        # A pipe would block the run and a device has no end: reports are files.
        raise InputError("is not a regular file (a pipe or a device?)", path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read ({exc.strerror or exc})", path) from None
    if not data.strip():
        raise InputError("file is empty", path)
    if suffix == ".docx":
        from .readers.docx import read_docx

        return read_docx(path)
    if suffix == ".pdf":
        from .readers.pdf import read_pdf

        return read_pdf(path)
    text, encoding = decode_bytes(data, path)
    if not text.strip():
        raise InputError("file is empty", path)
    fmt = READABLE_SUFFIXES.get(suffix)
    if fmt is None:
        fmt = "html" if _looks_like_html(text) else "txt"
    if fmt == "html":
        return _read_html(path, text, encoding)
    if fmt == "md":
        text = markdown_text(text)
    return SourceText(path=path, text=text, encoding=encoding, format=fmt)


# Inline pieces whose text a reader sees; images, raw HTML and the markup itself are not.
_MARKDOWN_TEXT = {"text", "code_inline"}
_MARKDOWN_BREAKS = {"softbreak", "hardbreak"}


def markdown_text(markdown: str) -> str:
    """Markdown → plain text: one line per heading, paragraph or list item, markup gone."""
    from markdown_it import MarkdownIt

    lines = []
    for token in MarkdownIt("commonmark").parse(markdown):
        if token.type == "html_block":
            # Raw HTML pasted into the file (clippers do this): its text, not its tags.
            lines.extend(_strip_tags(token.content).splitlines())
            continue
        if token.type != "inline":
            continue
        pieces = []
        for child in token.children or []:
            if child.type in _MARKDOWN_TEXT:
                pieces.append(child.content)
            elif child.type in _MARKDOWN_BREAKS:
                pieces.append("\n")
        line = "".join(pieces).strip()
        if line:
            lines.append(line)
    return "\n".join(lines)


def _looks_like_html(text: str) -> bool:
    head = text[:2000].lower()
    return "<html" in head or "<!doctype html" in head or "<body" in head


_TITLE_SEPARATOR_RE = re.compile(r"\s*(?:_|\||｜| - | — | – )\s*")


def _without_site_suffix(title: str) -> str:
    """"浦东新区召开区委全会_新闻中心_东方网" → the article's own title."""
    first = _TITLE_SEPARATOR_RE.split(title.strip())[0]
    return first if len(first) >= 6 else title.strip()


def _read_html(path: Path, html: str, encoding: str) -> SourceText:
    import trafilatura

    doc = trafilatura.bare_extraction(
        html, with_metadata=True, favor_recall=True, include_comments=False,
        include_tables=False, deduplicate=False,
    )
    body = (doc.text if doc is not None else None) or ""
    notes = []
    if not body.strip():
        # Pages the extractor gives up on (nesting deeper than libxml2's default limit,
        # no recognisable article) still have their text: read all of it instead.
        body = html_text(html)
        if not body.strip():
            raise InputError("HTML page holds no article text", path)
        notes.append("no article found in the page; read all of its text")
    published = doc.date if doc is not None and doc.date != getattr(doc, "filedate", None) else None
    outlet = doc.sitename or doc.hostname if doc is not None else None
    title = _without_site_suffix(doc.title) if doc is not None and doc.title else None
    # Keep the page title at the top: the cleaner and segmenter treat it as a heading.
    text = f"{title}\n{body}" if title and title not in body[: len(title) + 10] else body
    return SourceText(
        path=path, text=text, encoding=encoding, format="html",
        title=title, published=published, outlet=outlet, notes=notes,
    )


# Elements that hold no text a reader of the page would call the report.
_NOT_TEXT = "//head|//script|//style|//noscript|//template|//nav|//header|//footer|//form|//select|//button"
# Past libxml2's nesting limit even for huge trees: the tags go and the text stays.
_HIDDEN_RE = re.compile(r"<(script|style|noscript|template|head)\b.*?</\1\s*>", re.I | re.S)
_TAG_RE = re.compile(r"<[^>]*>")
_BLOCKS = {"p", "div", "section", "article", "li", "td", "th", "tr", "br", "h1", "h2", "h3", "h4", "h5", "h6",
           "blockquote", "pre", "dd", "dt", "table", "ul", "ol"}


def html_text(html: str) -> str:
    """All visible text of a page, one line per block element (no depth limit)."""
    from lxml import etree
    from lxml import html as lxml_html

    parser = lxml_html.HTMLParser(huge_tree=True, remove_comments=True, remove_pis=True)
    try:
        root = lxml_html.document_fromstring(html, parser=parser)
    except (etree.ParserError, ValueError):
        root = None
    text = ""
    if root is not None:
        for element in root.xpath(_NOT_TEXT):
            element.drop_tree()
        for element in root.iter():
            if isinstance(element.tag, str) and element.tag.lower() in _BLOCKS:
                element.tail = "\n" + (element.tail or "")
        text = root.text_content()
    if not text.strip():
        # lxml stops at its nesting limit and keeps nothing below it.
        return _strip_tags(html)
    return "\n".join(line.strip() for line in text.splitlines() if line.strip())


def _strip_tags(html: str) -> str:
    """The text between tags, a line per piece: for HTML no parser will take."""
    text = _TAG_RE.sub("\n", _HIDDEN_RE.sub("", html))
    return "\n".join(line.strip() for line in text.splitlines() if line.strip())
