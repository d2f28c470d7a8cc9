"""Chinese word segmentation and TF-IDF, loaded once and cheaply.

Words are cut with jieba's dictionary and jieba's algorithm (the most probable route
through the dictionary's word graph, without the HMM). rjieba, the binding of jieba's
Rust port, computes the very same cut some twenty times faster and without jieba's
half-second dictionary load, so it does the cutting where it is installed; jieba itself
does it otherwise, or when ``BRIEFING_SEGMENTER=jieba`` asks for it. Tests check that
the two agree.

jieba's TF-IDF module would also load part-of-speech tables and its whole IDF file on
every run (over a second before any work is done), so the IDF table and the dictionary's
part-of-speech tags are kept in a small SQLite file in the user's cache folder, built
once, and only the words of the texts at hand are looked up.
"""

from __future__ import annotations

import contextlib
import importlib.metadata
import importlib.util
import logging
import os
import re
import sqlite3
from collections import Counter
from functools import cache
from pathlib import Path
from typing import Protocol

from .cache import cache_dir

# A word added to a segmenter is as likely as a common word. (briefing itself adds none: it
# keeps a text's quoted names whole in cut(); tests add the same words to both segmenters.)
ADDED_WORD_FREQ = 2000


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


class Segmenter(Protocol):
    name: str

    def cut(self, text: str) -> list[str]: ...

    def add_word(self, word: str) -> None: ...


class _JiebaSegmenter:
    name = "jieba"

    def __init__(self) -> None:
        self._jieba = jieba()

    def cut(self, text: str) -> list[str]:
        return list(self._jieba.cut(text, HMM=False))

    def add_word(self, word: str) -> None:
        self._jieba.add_word(word, freq=ADDED_WORD_FREQ)


class _RustJiebaSegmenter:
    name = "rjieba"

    def __init__(self) -> None:
        import rjieba

        self._rjieba = rjieba

    def cut(self, text: str) -> list[str]:
        return self._rjieba.cut(text, hmm=False)

    def add_word(self, word: str) -> None:
        self._rjieba.add_word(word, ADDED_WORD_FREQ, None)


@cache
def segmenter() -> Segmenter:
    """The segmenter for this run, loaded once (before any worker is forked)."""
    if os.environ.get("BRIEFING_SEGMENTER", "").lower() != "jieba":
        try:
            return _RustJiebaSegmenter()
        except ImportError:
            pass
    return _JiebaSegmenter()


def cut(text: str, whole: frozenset[str] = frozenset()) -> list[str]:
    """The words of ``text``; each of ``whole`` (a report's own quoted names, “南北转型”) stays
    one word wherever it stands.

    The names are kept whole here rather than added to the dictionary: a dictionary that
    grows with every report would cut a text differently by what was read before it, and
    stored results would no longer be those of a fresh run."""
    # Without the HMM: new-word guessing splits names oddly and costs half the time.
    words = segmenter().cut
    if not whole:
        return words(text)
    out: list[str] = []
    start = 0
    for match in _whole_re(whole).finditer(text):
        if match.start() > start:
            out.extend(words(text[start:match.start()]))
        out.append(match.group())
        start = match.end()
    if start < len(text):
        out.extend(words(text[start:]))
    return out


@cache
def _whole_re(whole: frozenset[str]) -> re.Pattern[str]:
    return re.compile("|".join(map(re.escape, sorted(whole, key=len, reverse=True))))


def _jieba_file(*parts: str) -> Path:
    """A data file of the jieba package, found without importing jieba."""
    spec = importlib.util.find_spec("jieba")
    if spec is None or not spec.submodule_search_locations:
        raise OSError("jieba is not installed")
    return Path(next(iter(spec.submodule_search_locations)), *parts)


def _stamp(path: Path) -> str:
    # Not the file's time: every install of one jieba release shares one cache file.
    return f"{path.stat().st_size}"


class WordTables:
    """jieba's IDF weights and part-of-speech tags, read through an SQLite index that is
    built on first use, so that a run looks up only the words of its own texts."""

    def __init__(self) -> None:
        self.idf_source, self.dict_source = _jieba_file("analyse", "idf.txt"), _jieba_file("dict.txt")
        version = importlib.metadata.version("jieba")
        self.path = cache_dir() / f"jieba-{version}-words-{_stamp(self.idf_source)}-{_stamp(self.dict_source)}.sqlite"
        try:
            self.db = self._open()
        except (OSError, sqlite3.Error):
            self.db = self._build(sqlite3.connect(":memory:"))
        self.median = float(self.db.execute("SELECT value FROM meta WHERE key = 'median'").fetchone()[0])
        self._memo: dict[tuple[str, str], object] = {}
        self._pid = os.getpid()

    def _open(self) -> sqlite3.Connection:
        if not self.path.is_file():
            self.path.parent.mkdir(parents=True, exist_ok=True)
            tmp = self.path.with_suffix(f".{os.getpid()}.tmp")
            self._build(sqlite3.connect(tmp)).close()
            os.replace(tmp, self.path)
            for old in self.path.parent.glob("idf-*.sqlite"):  # the IDF-only files of earlier versions
                with contextlib.suppress(OSError):
                    old.unlink()
        return sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, check_same_thread=False)

    def _build(self, db: sqlite3.Connection) -> sqlite3.Connection:
        idf = []
        for line in self.idf_source.read_text("utf-8").splitlines():
            parts = line.split()
            if len(parts) == 2:
                idf.append((parts[0], float(parts[1])))
        tags = []
        for line in self.dict_source.read_text("utf-8").splitlines():
            parts = line.split()
            if len(parts) == 3:
                tags.append((parts[0], parts[2]))
        values = sorted(v for _, v in idf)
        db.execute("CREATE TABLE idf (word TEXT PRIMARY KEY, value REAL) WITHOUT ROWID")
        db.execute("CREATE TABLE tag (word TEXT PRIMARY KEY, value TEXT) WITHOUT ROWID")
        db.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT)")
        db.executemany("INSERT OR REPLACE INTO idf VALUES (?, ?)", idf)
        db.executemany("INSERT OR REPLACE INTO tag VALUES (?, ?)", tags)
        db.execute("INSERT INTO meta VALUES ('median', ?)", (str(values[len(values) // 2]),))
        db.commit()
        return db

    def _lookup(self, table: str, words: set[str], default: object) -> dict[str, object]:
        if os.getpid() != self._pid and self.path.is_file():
            # A forked worker: SQLite connections must not be shared across a fork.
            self.db = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, check_same_thread=False)
            self._pid = os.getpid()
        missing = [w for w in words if (table, w) not in self._memo]
        for i in range(0, len(missing), 900):
            batch = missing[i: i + 900]
            found = dict(self.db.execute(
                f"SELECT word, value FROM {table} WHERE word IN ({','.join('?' * len(batch))})", batch))
            for w in batch:
                self._memo[table, w] = found.get(w, default)
        return {w: self._memo[table, w] for w in words}

    def idf(self, words: set[str]) -> dict[str, float]:
        """IDF of each word; the table's median for words it does not know."""
        return self._lookup("idf", words, self.median)  # type: ignore[return-value]

    def tags(self, words: set[str]) -> dict[str, str | None]:
        """jieba's part-of-speech tag of each word (n, v, vn, nz…); None for words it does not know."""
        return self._lookup("tag", words, None)  # type: ignore[return-value]


@cache
def word_tables() -> WordTables:
    return WordTables()


def tfidf(text: str, stopwords: frozenset[str], top_k: int,
          whole: frozenset[str] = frozenset()) -> list[tuple[str, float]]:
    """Words of ``text`` by term frequency x IDF, as jieba's extractor ranks them."""
    counts: Counter[str] = Counter()
    for word, n in Counter(cut(text, whole)).items():
        word = word.strip()
        if len(word) >= 2 and word.lower() not in stopwords:
            counts[word] += n
    if not counts:
        return []
    total = sum(counts.values())
    idf = word_tables().idf(set(counts))
    scored = sorted(((w, n * idf[w] / total) for w, n in counts.items()), key=lambda x: -x[1])
    return scored[:top_k]
