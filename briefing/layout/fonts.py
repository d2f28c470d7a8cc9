"""Which face draws a run on this machine, and how wide its characters are there.

A deck names its faces (``Arial``, ``Microsoft YaHei``); the renderer draws with what it
finds. On Linux LibreOffice asks fontconfig, so ``fc-match`` with the run's weight,
slant and language tells which file will draw it (Liberation Sans for Arial where it is
installed, DejaVu Sans where not). Where there is no fontconfig (Windows, macOS), the
named face and then the template's fallback chain are looked up in the system's font
folders. Bold and italic are resolved as faces of their own: their widths differ.

Reading widths out of a CJK collection takes a tenth of a second, so each face's
advances are kept in the user's cache folder, keyed by the file's path, size and time.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from ..cache import cache_dir, file_stamp, read_json, write_json

METRICS_VERSION = 1
# Characters whose advances are kept per face: Latin, punctuation and symbols a report
# uses; every other wide character takes the face's ideograph advance.
MEASURED_RANGES = (
    (0x20, 0x7F), (0xA0, 0x180), (0x2010, 0x2070), (0x2100, 0x2200), (0x2460, 0x2500),
    (0x25A0, 0x2600), (0x3000, 0x3040), (0xFF01, 0xFF66),
)
IDEOGRAPH = "中"
FONT_SUFFIXES = (".ttf", ".otf", ".ttc", ".otc")
# Weight from which a face counts as bold (OS/2 usWeightClass), as fontconfig has it.
BOLD_WEIGHT = 600


@dataclass(frozen=True)
class FaceRequest:
    """A face as a run names it: family, weight, slant, and whether it draws Han."""

    family: str
    bold: bool = False
    italic: bool = False
    east_asian: bool = False
    lang: str = "zh-CN"

    def fontconfig_pattern(self) -> str:
        pattern = self.family.replace("-", r"\-").replace(":", r"\:")
        if self.bold:
            pattern += ":bold"
        if self.italic:
            pattern += ":italic"
        if self.east_asian:
            pattern += f":lang={self.lang.lower()}"
        return pattern


@dataclass(frozen=True)
class ResolvedFace:
    """What draws a :class:`FaceRequest` here: a family and its file, or nothing known."""

    request: FaceRequest
    family: str = ""  # the family that draws ('' when nothing was found)
    path: str = ""
    index: int = 0  # face number within a .ttc collection
    names: tuple[str, ...] = ()  # every family name of the drawing face (English, Chinese…)

    @property
    def installed(self) -> bool:
        """Whether the named family itself draws, not a substitute."""
        wanted = _fold(self.request.family)
        return any(_fold(name) == wanted for name in self.names)


def _fold(name: str) -> str:
    return "".join(name.split()).casefold()


# --- resolution -------------------------------------------------------------------------


def has_fontconfig() -> bool:
    return shutil.which("fc-match") is not None


@cache
def resolve(request: FaceRequest, fallback: tuple[str, ...] = ()) -> ResolvedFace:
    """The face that will draw ``request``: fontconfig's match, else the font folders."""
    if has_fontconfig():
        found = _fontconfig_match(request)
        if found is not None:
            return found
    for family in (request.family, *fallback):
        found = _folder_match(FaceRequest(family, request.bold, request.italic, request.east_asian,
                                          request.lang), original=request)
        if found is not None:
            return found
    return ResolvedFace(request)


def _fontconfig_match(request: FaceRequest) -> ResolvedFace | None:
    try:
        out = subprocess.run(
            ["fc-match", "-f", "%{family}\t%{file}\t%{index}", request.fontconfig_pattern()],
            capture_output=True, text=True, timeout=10, check=False,
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return None
    parts = out.split("\t")
    if len(parts) != 3 or not Path(parts[1]).is_file():
        return None
    names = tuple(n.replace("\\", "") for n in parts[0].split(",") if n)
    try:
        index = int(parts[2] or 0)
    except ValueError:
        index = 0
    return ResolvedFace(request, names[0] if names else "", parts[1], index, names)


def font_dirs() -> list[Path]:
    """The system's and the user's font folders, for machines without fontconfig."""
    home = Path.home()
    if sys.platform == "win32":
        windir = Path(os.environ.get("WINDIR", r"C:\Windows"))
        local = Path(os.environ.get("LOCALAPPDATA", str(home)))
        return [windir / "Fonts", local / "Microsoft" / "Windows" / "Fonts"]
    if sys.platform == "darwin":
        return [Path("/System/Library/Fonts"), Path("/Library/Fonts"), home / "Library" / "Fonts"]
    return [Path("/usr/share/fonts"), Path("/usr/local/share/fonts"), home / ".local/share/fonts", home / ".fonts"]


@dataclass
class _IndexedFace:
    names: list[str]
    path: str
    index: int
    bold: bool
    italic: bool
    han: bool


def _folder_match(request: FaceRequest, original: FaceRequest) -> ResolvedFace | None:
    wanted = _fold(request.family)
    candidates = [f for f in folder_index() if any(_fold(n) == wanted for n in f.names)]
    if request.east_asian:
        candidates = [f for f in candidates if f.han]
    if not candidates:
        return None
    best = min(candidates, key=lambda f: (f.bold != request.bold) * 2 + (f.italic != request.italic))
    return ResolvedFace(original, best.names[0], best.path, best.index, tuple(best.names))


@cache
def folder_index() -> list[_IndexedFace]:
    """Every face in :func:`font_dirs`, with its names and style, cached on disk."""
    files = sorted(p for d in font_dirs() if d.is_dir() for p in d.rglob("*") if p.suffix.lower() in FONT_SUFFIXES)
    stamp = [[str(p), *file_stamp(p)] for p in files]
    cache_file = cache_dir() / "font-index.json"
    cached = read_json(cache_file)
    if cached and cached.get("version") == METRICS_VERSION and cached.get("files") == stamp:
        return [_IndexedFace(**face) for face in cached["faces"]]
    faces = [face for path in files for face in _faces_of(path)]
    write_json(cache_file, {"version": METRICS_VERSION, "files": stamp, "faces": [vars(f) for f in faces]})
    return faces


def _faces_of(path: Path) -> list[_IndexedFace]:
    from fontTools.ttLib import TTCollection, TTFont

    try:
        fonts = TTCollection(str(path), lazy=True).fonts if path.suffix.lower() in (".ttc", ".otc") \
            else [TTFont(str(path), lazy=True)]
    except Exception:  # a broken file in a font folder is skipped, as renderers skip it
        return []
    faces = []
    for index, font in enumerate(fonts):
        try:
            names = font["name"]
            families = []
            for record in names.names:
                if record.nameID in (1, 16):
                    name = record.toUnicode().strip()
                    if name and name not in families:
                        families.append(name)
            os2 = font.get("OS/2")
            weight = os2.usWeightClass if os2 is not None else 400
            italic = bool(os2.fsSelection & 1) if os2 is not None else False
            cmap = font.getBestCmap() or {}
            faces.append(_IndexedFace(families, str(path), index, weight >= BOLD_WEIGHT, italic,
                                      ord(IDEOGRAPH) in cmap))
        except Exception:
            continue
    return faces


# --- metrics ----------------------------------------------------------------------------


@dataclass(frozen=True)
class FaceMetrics:
    """Advance widths in em of one face; ``None`` where the face has no glyph."""

    key: str
    advances: dict[str, float] = field(compare=False, hash=False)
    ideograph: float | None = field(default=None, compare=False, hash=False)
    scale: float = 1.0  # applied to every advance (a regular file standing in for its bold face)

    def advance(self, ch: str) -> float | None:
        width = self.advances.get(ch)
        if width is None and self.ideograph is not None and unicodedata.east_asian_width(ch) in ("W", "F"):
            width = self.ideograph
        return None if width is None else width * self.scale


NO_METRICS = FaceMetrics("none", {})


@cache
def metrics_of_file(path: str, index: int = 0, scale: float = 1.0) -> FaceMetrics:
    """The advances of face ``index`` in ``path``, from the disk cache or fontTools."""
    stamp = file_stamp(Path(path))
    key = f"{path}#{index}:{stamp[0]}:{stamp[1]}"
    entry = _metrics_cache().get(key)
    if not _valid_entry(entry):
        entry = _read_advances(path, index)
        if entry is None:
            return NO_METRICS
        cache_file = _metrics_cache_file()
        table = read_json(cache_file) or {}  # another process may have added faces meanwhile
        table = {k: v for k, v in table.items() if not k.startswith(f"{path}#{index}:")}
        table[key] = entry
        write_json(cache_file, table)
        _metrics_cache()[key] = entry
    return FaceMetrics(f"{key}×{scale}", entry["advances"], entry.get("ideograph"), scale)


def _metrics_cache_file() -> Path:
    return cache_dir() / f"font-metrics-v{METRICS_VERSION}.json"


@cache
def _metrics_cache() -> dict:
    """The cached advances of every face measured before, read once per process."""
    return read_json(_metrics_cache_file()) or {}


def _valid_entry(entry: object) -> bool:
    """A cache entry written by this version: anything else is measured again, never trusted."""
    return (isinstance(entry, dict) and isinstance(entry.get("advances"), dict)
            and all(isinstance(v, int | float) for v in entry["advances"].values())
            and isinstance(entry.get("ideograph"), int | float | type(None)))


def _read_advances(path: str, index: int) -> dict | None:
    from fontTools.ttLib import TTFont

    try:
        font = TTFont(path, fontNumber=index, lazy=True) if path.lower().endswith((".ttc", ".otc")) \
            else TTFont(path, lazy=True)
        cmap = font.getBestCmap() or {}
        hmtx = font["hmtx"]
        upem = font["head"].unitsPerEm
    except Exception:  # unreadable: the caller measures with an estimate
        return None
    advances = {}
    for lo, hi in MEASURED_RANGES:
        for code in range(lo, hi):
            glyph = cmap.get(code)
            if glyph is not None:
                advances[chr(code)] = round(hmtx[glyph][0] / upem, 4)
    glyph = cmap.get(ord(IDEOGRAPH))
    ideograph = round(hmtx[glyph][0] / upem, 4) if glyph is not None else None
    return {"advances": advances, "ideograph": ideograph}


def face_metrics(face: ResolvedFace) -> FaceMetrics:
    return metrics_of_file(face.path, face.index) if face.path else NO_METRICS


# --- what the user is told ------------------------------------------------------------------


def substitution_warnings(faces: Iterable[tuple[str, FaceRequest]], fallback: tuple[str, ...] = ()) -> list[str]:
    """One line per named face that is not installed, saying what draws instead.

    ``faces`` pairs where a face is named (a template key, a deck) with its request.
    """
    messages: list[str] = []
    seen: set[str] = set()
    for where, request in faces:
        if _fold(request.family) in seen:
            continue
        seen.add(_fold(request.family))
        face = resolve(request, fallback)
        if face.installed:
            continue
        if face.family:
            messages.append(f'font "{request.family}" ({where}) is not installed; '
                            f'"{face.family}" is drawn instead on this machine')
        else:
            messages.append(f'font "{request.family}" ({where}) is not installed and no substitute was found; '
                            "its text is measured with an estimate")
    return messages


@cache
def family_of_file(path: str) -> str:
    """The family name a font file declares ('' when it cannot be read)."""
    faces = _faces_of(Path(path))
    return faces[0].names[0] if faces and faces[0].names else ""


def template_font_warnings(template) -> list[str]:  # type: ignore[no-untyped-def]
    """What :func:`substitution_warnings` says of the faces a template names."""
    lang = "zh-CN" if template.script == "zh-Hans" else "zh-TW"
    named = [("theme.fonts.latin", FaceRequest(template["theme.fonts.latin"]))]
    for key in ("theme.fonts.east_asian", "theme.fonts.heading"):
        if template[key]:
            named.append((key, FaceRequest(template[key], east_asian=True, lang=lang)))
    return substitution_warnings(named, tuple(template["theme.fonts.fallback"]))
