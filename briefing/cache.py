"""The user's cache folder and the small JSON files kept in it.

Work that is the same on every run (a font's advances, the romanised place names) is
done once and kept here. A cache file that cannot be read, or reads as something else,
counts as no cache: it is rebuilt, never trusted.
"""

from __future__ import annotations

import json
import os
from pathlib import Path


def cache_dir() -> Path:
    """The user's cache folder for briefing: ~/.cache/briefing (or $XDG_CACHE_HOME/briefing) on
    Linux, ~/Library/Caches/briefing on macOS, %LOCALAPPDATA%\\briefing\\Cache on Windows."""
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("briefing", appauthor=False))


def read_json(path: Path) -> dict | None:
    try:
        data = json.loads(path.read_text("utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def write_json(path: Path, data: dict) -> None:
    """Write through a temporary file and a rename; a cache that cannot be written is skipped."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        tmp.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
        os.replace(tmp, path)
    except OSError:
        pass


def file_stamp(path: Path) -> list[int]:
    """Size and modification time: what tells that a file the cache was made from changed."""
    try:
        st = path.stat()
    except OSError:
        return [0, 0]
    return [st.st_size, st.st_mtime_ns]
