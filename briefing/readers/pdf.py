"""PDF files with a text layer, through PDFium (pypdfium2): each page's text in PDFium's
reading order. A PDF without text (a scan) is an error that says OCR is needed."""

from __future__ import annotations

import re
from pathlib import Path

from ..errors import InputError
from ..model import SourceText

# Fewer characters than this on every page: the pages are pictures, not text.
MIN_TEXT_CHARS = 20
_LAYOUT_SPACE_RE = re.compile(r"(?<=[\u4e00-\u9fff\u3000-\u303f\uff00-\uffef])[ \t]+(?=[0-9A-Za-z])"
                              r"|(?<=[0-9A-Za-z%])[ \t]+(?=[\u4e00-\u9fff\u3000-\u303f\uff00-\uffef])")


def read_pdf(path: Path) -> SourceText:
    import pypdfium2

    try:
        pdf = pypdfium2.PdfDocument(str(path))
    except pypdfium2.PdfiumError as exc:
        raise InputError(f"not a readable PDF ({exc})", path) from None
    try:
        pages = []
        for page in pdf:
            textpage = page.get_textpage()
            pages.append(textpage.get_text_range())
            textpage.close()
            page.close()
        title = (pdf.get_metadata_dict().get("Title") or "").strip() or None
    finally:
        pdf.close()
    text = "\n".join(pages)
    if len(re.sub(r"\s", "", text)) < MIN_TEXT_CHARS:
        raise InputError("PDF has no text layer (a scan?); run OCR on it first, e.g. ocrmypdf -l chi_sim", path)
    # PDFium ends every line of the layout (the cleaner rejoins lines the layout broke) and
    # reads the gap a typesetter leaves between Chinese and digits as a space.
    lines = [_LAYOUT_SPACE_RE.sub("", line.strip())
             for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    return SourceText(path=path, text="\n".join(line for line in lines if line), encoding="pdf", format="pdf",
                      title=title)
