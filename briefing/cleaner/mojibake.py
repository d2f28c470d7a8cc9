"""Double decodings (UTF-8 read as GBK, GBK read as Latin-1): repaired where the bytes can
be recovered, the damaged clause dropped where they cannot."""

from __future__ import annotations

import re
from functools import cache

from .chars import _HAN_RE, HAN
from .script import _to_simplified

# Characters that do not belong in a Chinese report and mark a broken decoding.
_SUSPECT_RE = re.compile(
    r"\ufffd"
    rf"|\?(?=[^\s\"'“”）)\]】。，,.!！?？:：;；]|$)(?<=[{HAN}A-Za-z\u00c0-\u024f]\?)"
    rf"|(?<=[{HAN}])[\u0370-\u03ff\u0400-\u04ff\u20ac\u2500-\u257f\u00c0-\u00ff]"
    rf"|[\u0370-\u03ff\u0400-\u04ff\u20ac\u2500-\u257f\u00c0-\u00ff](?=[{HAN}])"
)
_CLAUSE_SPLIT_RE = re.compile(r"(?<=[，。；！？：,;!:])")
# Han characters a clause must keep before a lost character to be kept up to it.
MIN_KEPT_HAN = 4
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
    latin_letters = len(_LATIN_RE.findall(line))
    if latin_letters >= 3 and latin_letters * 5 >= len(line):
        return True
    # UTF-8 read as GBK gives runs of rare characters outside the common block.
    common = _common_chars()
    rare = sum(line.count(ch) for ch in set(line).difference(common)
               if "\u4e00" <= ch <= "\u9fff" and _is_rare_han(ch))
    return rare >= 3 and rare > len(line) // 8


_LATIN_RE = re.compile("[\u00c0-\u00ff\x80-\x9f]")


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


@cache
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
    """Remove the clauses that still hold mojibake; returns (line, clauses dropped).

    Where the damage is a lost character ("主持闭幕式?h领导…": "?" for a character the
    site could not encode), the clause is kept up to it: what stands before is intact."""
    if not _suspect(line):
        return line, 0
    clauses = _CLAUSE_SPLIT_RE.split(line)
    kept = []
    for clause in clauses:
        if not _suspect(clause):
            kept.append(clause)
            continue
        found = _SUSPECT_RE.search(clause)
        head = clause[:found.start()] if found and clause[found.start()] == "?" else ""
        if len(_HAN_RE.findall(head)) >= MIN_KEPT_HAN and not _suspect(head) and not _looks_garbled(head):
            kept.append(head + "，")
    dropped = len(clauses) - sum(1 for c in kept if c in clauses)
    text = "".join(kept).strip()
    if text and text[-1] in "，,：:":
        text = text[:-1] + "。"
    return text, dropped


# --- pinyin annotations -------------------------------------------------------------
