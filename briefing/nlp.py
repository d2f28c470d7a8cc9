"""Chinese word segmentation and TF-IDF, loaded once and cheaply.

jieba does the segmentation. Its TF-IDF module would also load part-of-speech tables
and its whole IDF file on every run (over a second before any work is done), so the
IDF table is kept in a small SQLite file in the user's cache folder, built once, and
only the words of the texts at hand are looked up.
"""

from __future__ import annotations

import logging
import os
import sqlite3
from collections import Counter
from functools import cache
from pathlib import Path


def cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "briefing"


@cache
def jieba():  # type: ignore[no-untyped-def]
    """jieba, quiet, its dictionary cache in the user's cache folder, initialised once."""
    import jieba as _jieba

    _jieba.setLogLevel(logging.WARNING)
    folder = cache_dir()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        _jieba.dt.tmp_dir = str(folder)
    except OSError:
        pass  # an unwritable home: jieba falls back to the system temp folder
    _jieba.initialize()
    return _jieba


def add_word(word: str) -> None:
    jieba().add_word(word, freq=2000)


def cut(text: str) -> list[str]:
    # Without the HMM: new-word guessing splits names oddly and costs half the time.
    return list(jieba().cut(text, HMM=False))


def _idf_source() -> Path:
    import jieba as _jieba

    return Path(_jieba.__file__).parent / "analyse" / "idf.txt"


class IdfTable:
    """IDF weights from jieba's table, read through an SQLite index built on first use."""

    def __init__(self) -> None:
        source = _idf_source()
        stamp = f"{source.stat().st_size}-{int(source.stat().st_mtime)}"
        self.path = cache_dir() / f"idf-{stamp}.sqlite"
        try:
            self.db = self._open()
        except (OSError, sqlite3.Error):
            self.db = self._build(sqlite3.connect(":memory:"), source)
        self.median = float(self.db.execute("SELECT value FROM meta WHERE key = 'median'").fetchone()[0])
        self._memo: dict[str, float] = {}
        self._pid = os.getpid()

    def _open(self) -> sqlite3.Connection:
        if self.path.is_file():
            return sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, check_same_thread=False)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_suffix(f".{os.getpid()}.tmp")
        self._build(sqlite3.connect(tmp), _idf_source()).close()
        os.replace(tmp, self.path)
        return sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, check_same_thread=False)

    @staticmethod
    def _build(db: sqlite3.Connection, source: Path) -> sqlite3.Connection:
        rows = []
        for line in source.read_text("utf-8").splitlines():
            parts = line.split()
            if len(parts) == 2:
                rows.append((parts[0], float(parts[1])))
        values = sorted(v for _, v in rows)
        db.execute("CREATE TABLE idf (word TEXT PRIMARY KEY, value REAL) WITHOUT ROWID")
        db.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT)")
        db.executemany("INSERT OR REPLACE INTO idf VALUES (?, ?)", rows)
        db.execute("INSERT INTO meta VALUES ('median', ?)", (str(values[len(values) // 2]),))
        db.commit()
        return db

    def lookup(self, words: set[str]) -> dict[str, float]:
        if os.getpid() != self._pid and self.path.is_file():
            # A forked worker: SQLite connections must not be shared across a fork.
            self.db = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, check_same_thread=False)
            self._pid = os.getpid()
        missing = [w for w in words if w not in self._memo]
        for i in range(0, len(missing), 900):
            batch = missing[i: i + 900]
            found = dict(self.db.execute(
                f"SELECT word, value FROM idf WHERE word IN ({','.join('?' * len(batch))})", batch))
            for w in batch:
                self._memo[w] = found.get(w, self.median)
        return {w: self._memo[w] for w in words}


@cache
def idf_table() -> IdfTable:
    return IdfTable()


def tfidf(text: str, stopwords: frozenset[str], top_k: int) -> list[tuple[str, float]]:
    """Words of ``text`` by term frequency x IDF, as jieba's extractor ranks them."""
    counts = Counter(w.strip() for w in cut(text))
    counts = Counter({w: n for w, n in counts.items() if len(w) >= 2 and w.lower() not in stopwords})
    if not counts:
        return []
    total = sum(counts.values())
    idf = idf_table().lookup(set(counts))
    scored = sorted(((w, n * idf[w] / total) for w, n in counts.items()), key=lambda x: -x[1])
    return scored[:top_k]
