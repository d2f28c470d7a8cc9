"""Word documents (.docx) through python-docx: paragraphs, headings and tables in the
order the document holds them, one line each (a table row's cells joined by spaces)."""

from __future__ import annotations

from pathlib import Path

from ..errors import InputError
from ..model import SourceText


def read_docx(path: Path) -> SourceText:
    import zipfile

    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(str(path))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise InputError(f"not a Word document ({type(exc).__name__})", path) from None
    lines: list[str] = []
    body = document.element.body
    for child in body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            text = "".join(node.text or "" for node in child.iter() if node.tag.endswith("}t")).strip()
            if text:
                lines.append(text)
        elif tag == "tbl":
            for row in child.iter(f"{child.tag.rsplit('}', 1)[0]}}}tr"):
                cells = []
                for cell in row.iterchildren():
                    if cell.tag.endswith("}tc"):
                        cell_text = "".join(node.text or "" for node in cell.iter() if node.tag.endswith("}t"))
                        if cell_text.strip() and cell_text.strip() not in cells:
                            cells.append(cell_text.strip())
                if cells:
                    lines.append(" ".join(cells))
    if not lines:
        raise InputError("Word document holds no text", path)
    title = (document.core_properties.title or "").strip() or None
    return SourceText(path=path, text="\n".join(lines), encoding="docx", format="docx", title=title)
