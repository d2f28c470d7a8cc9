"""Results kept between runs: a rebuild from them is the build a fresh run makes, a folder
that grows is rebuilt from what changed, and a damaged store is never believed."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from briefing.codec import DecodeError, decode, encode
from briefing.model import Meeting
from briefing.pipeline import build_briefing, read_documents
from briefing.store import STORE_FILE, ResultStore
from briefing.template import load_template

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
FIXTURES = ROOT / "tests" / "fixtures"


def _cli(cache: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "XDG_CACHE_HOME": str(cache)}
    return subprocess.run([sys.executable, "-m", "briefing", *args], capture_output=True, text=True, env=env,
                          timeout=600)


def _summary(cache: Path, folder: Path, *extra: str) -> dict:
    done = _cli(cache, "summarize", str(folder), "-f", "json", *extra)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


@pytest.fixture()
def folder(tmp_path: Path) -> Path:
    """Seeds and real pages in one folder of the test's own."""
    target = tmp_path / "reports"
    target.mkdir()
    for path in sorted(SEEDS.glob("*.txt")):
        shutil.copy(path, target / path.name)
    for path in sorted((ROOT / "tests" / "corpus").glob("*.txt"))[:12]:
        shutil.copy(path, target / path.name)
    return target


def _normalised(summary: dict, folder: Path) -> str:
    return json.dumps(summary, ensure_ascii=False, sort_keys=True).replace(str(folder), "FOLDER")


def test_a_rebuild_from_stored_results_is_a_fresh_build(tmp_path: Path, folder: Path) -> None:
    cache = tmp_path / "cache"
    fresh = _summary(cache, folder, "--no-cache")
    assert not (cache / "briefing" / STORE_FILE).exists(), "--no-cache must not keep results"
    first = _summary(cache, folder)
    assert (cache / "briefing" / STORE_FILE).exists()
    again = _summary(cache, folder)
    assert first == fresh and again == fresh
    # A folder that grows: the new page's meetings join those kept from before.
    shutil.copy(FIXTURES / "pudong_plenary.html", folder / "zz_new.html")
    grown_fresh = _summary(cache, folder, "--no-cache")
    grown = _summary(cache, folder)
    assert grown == grown_fresh
    assert len(grown["sources"]) == len(fresh["sources"]) + 1


def test_a_moved_folder_keeps_its_results(tmp_path: Path, folder: Path) -> None:
    template = load_template(None)
    store = ResultStore(tmp_path / "store.sqlite")
    before = build_briefing(read_documents([folder], store=store), template, store=store)
    moved = shutil.move(str(folder), str(tmp_path / "moved"))
    store.hits = store.misses = 0
    after = build_briefing(read_documents([Path(moved)], store=store), template, store=store)
    store.close()
    assert store.misses == 0 and store.hits > 0
    assert [p.source.path.parent for m in after.meetings for p in m.points] == \
        [Path(moved)] * sum(len(m.points) for m in after.meetings)
    assert _normalised(json.loads(json.dumps(encode(after.meetings))), Path(moved)) == \
        _normalised(json.loads(json.dumps(encode(before.meetings))), folder)


def test_results_kept_under_a_long_path_read_right_under_a_short_one(tmp_path: Path,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    # A path of 80 characters or more is as long as the sentences stored once and referred to
    # after (shared strings); read back under a shorter path (a moved folder), every shared
    # string must still be the one it was: a roundup's four meetings keep their own file.
    deep = tmp_path / ("a_folder_with_a_rather_long_name_" * 3) / "reports"
    deep.mkdir(parents=True)
    page = next((ROOT / "tests" / "corpus").glob("300_*.txt"))
    shutil.copy(page, deep / page.name)
    assert len(str(deep / page.name)) >= 80
    template = load_template(None)
    store = ResultStore(tmp_path / "store.sqlite")
    build_briefing(read_documents([deep], store=store), template, store=store)
    shutil.move(str(deep), str(tmp_path / "r"))
    monkeypatch.chdir(tmp_path)
    short = Path("r")  # the page read as r/300_….txt, under 80 characters
    assert len(str(short / page.name)) < 80
    store.hits = store.misses = 0
    after = build_briefing(read_documents([short], store=store), template, store=store)
    store.close()
    assert store.misses == 0
    fresh = build_briefing(read_documents([short]), template)
    assert [sorted(map(str, m.sources)) for m in after.meetings] == [[str(short / page.name)]] * 4
    assert json.dumps(encode(after.meetings), ensure_ascii=False) == json.dumps(
        encode(fresh.meetings), ensure_ascii=False)


def test_damaged_or_foreign_entries_are_made_again(tmp_path: Path, folder: Path) -> None:
    cache = tmp_path / "cache"
    fresh = _summary(cache, folder, "--no-cache")
    _summary(cache, folder)
    db = sqlite3.connect(cache / "briefing" / STORE_FILE)
    rows = db.execute("SELECT stage, key FROM results").fetchall()
    bad_values = ['{"not": "a result"}', "[1, 2", '[{"path": 3}]', '{"@": 99}', "null"]
    with db:
        for i, (stage, key) in enumerate(rows):
            db.execute("UPDATE results SET value = ? WHERE stage = ? AND key = ?",
                       (bad_values[i % len(bad_values)], stage, key))
    db.close()
    assert _summary(cache, folder) == fresh
    db = sqlite3.connect(cache / "briefing" / STORE_FILE)
    values = [v for (v,) in db.execute("SELECT value FROM results")]
    db.close()
    assert not set(values) & set(bad_values), "damaged entries must be written again"


def test_a_store_that_is_not_a_database_is_replaced(tmp_path: Path, folder: Path) -> None:
    cache = tmp_path / "cache"
    (cache / "briefing").mkdir(parents=True)
    (cache / "briefing" / STORE_FILE).write_bytes(b"this is not SQLite\x00" * 100)
    done = _cli(cache, "summarize", str(folder), "-f", "json")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == _summary(cache, folder, "--no-cache")
    assert sqlite3.connect(cache / "briefing" / STORE_FILE).execute("SELECT count(*) FROM results").fetchone()[0]


def test_cache_info_and_clear(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    assert "empty" in _cli(cache, "cache", "info").stdout
    assert _cli(cache, "summarize", str(SEEDS), "-f", "json", "-o", str(tmp_path / "s.json")).returncode == 0
    info = _cli(cache, "cache", "info")
    assert info.returncode == 0 and STORE_FILE in info.stdout and "MB" in info.stdout
    cleared = _cli(cache, "cache", "clear")
    assert cleared.returncode == 0 and cleared.stdout.startswith("removed")
    assert not (cache / "briefing" / STORE_FILE).exists()
    assert _cli(cache, "cache", "clear").stdout.strip() == "nothing to remove"


def test_meetings_survive_the_round_trip_and_wrong_types_are_refused() -> None:
    meetings = build_briefing(read_documents([SEEDS]), load_template(None)).meetings
    for meeting in meetings:
        data = json.loads(json.dumps(encode(meeting), ensure_ascii=False))
        assert decode(Meeting, data) == meeting
    data = json.loads(json.dumps(encode(meetings[0])))
    for field, wrong in [("kind", "座谈"), ("reports", {}), ("date", [2024]), ("district_confident", "yes")]:
        with pytest.raises(DecodeError):
            decode(Meeting, {**data, field: wrong})
    with pytest.raises(DecodeError):
        decode(Meeting, {k: v for k, v in data.items() if k != "name"})


def _deck_parts(path: Path) -> dict[str, bytes]:
    """A deck's parts, its charts' embedded workbooks aside (they carry the time of writing)."""
    import zipfile

    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name) for name in archive.namelist() if not name.startswith("ppt/embeddings/")}


def test_a_rebuilt_deck_takes_kept_slides_and_is_the_fresh_deck(tmp_path: Path, folder: Path) -> None:
    cache = tmp_path / "cache"
    for name, extra in (("fresh.pptx", ("--no-cache",)), ("first.pptx", ()), ("again.pptx", ())):
        done = _cli(cache, "build", str(folder), "-o", str(tmp_path / name), "-q", *extra)
        assert done.returncode == 0, done.stderr
    fresh = _deck_parts(tmp_path / "fresh.pptx")
    assert _deck_parts(tmp_path / "first.pptx") == fresh and _deck_parts(tmp_path / "again.pptx") == fresh
    db = sqlite3.connect(cache / "briefing" / STORE_FILE)
    kept = db.execute("SELECT count(*) FROM results WHERE stage = 'slides'").fetchone()[0]
    db.close()
    assert kept > 0
    # A folder that grows: the districts it changes are laid out again, the rest are kept.
    shutil.copy(FIXTURES / "pudong_plenary.html", folder / "zz_new.html")
    for name, extra in (("grown_fresh.pptx", ("--no-cache",)), ("grown.pptx", ())):
        done = _cli(cache, "build", str(folder), "-o", str(tmp_path / name), "-q", *extra)
        assert done.returncode == 0, done.stderr
    assert _deck_parts(tmp_path / "grown.pptx") == _deck_parts(tmp_path / "grown_fresh.pptx")


def test_kept_slides_are_taken_and_damaged_ones_made_again(tmp_path: Path, folder: Path) -> None:
    from pptx import Presentation

    from briefing.layout.deck import DeckWriter
    from briefing.layout.reuse import SlideShelf, deck_salt

    template = load_template(None)
    store = ResultStore(tmp_path / "store.sqlite")
    briefing = build_briefing(read_documents([folder]), template)

    def build(out: Path) -> SlideShelf:
        writer = DeckWriter(briefing, template)
        writer.shelf = SlideShelf(store, deck_salt(template, (writer.fonts, writer.heading_fonts)))
        writer.build()
        writer.write(out)
        return writer.shelf

    assert build(tmp_path / "a.pptx").reused == 0
    second = build(tmp_path / "b.pptx")
    assert second.reused > 0
    assert _deck_parts(tmp_path / "a.pptx") == _deck_parts(tmp_path / "b.pptx")
    # Damaged entries (text, not the stored bytes; a byte of the deflated XML changed; cut
    # short; an index of the wrong shape) are not believed.
    with store._db:  # type: ignore[union-attr]
        rows = store._db.execute("SELECT key, value FROM results WHERE stage = 'slides'").fetchall()  # type: ignore[union-attr]
        for i, (key, value) in enumerate(rows):
            flipped = bytearray(value)
            flipped[-20] ^= 0x01
            heads = value.partition(b"\n")[2]
            bad = ["[1, 2", bytes(flipped), value[:-30], b'["x", [[1, 2]]]\n' + heads][i % 4]
            store._db.execute("UPDATE results SET value = ? WHERE stage = 'slides' AND key = ?",  # type: ignore[union-attr]
                              (bad, key))
    third = build(tmp_path / "c.pptx")
    assert third.reused == 0
    assert _deck_parts(tmp_path / "c.pptx") == _deck_parts(tmp_path / "a.pptx")
    store.close()
    # The kept slides' members are whole (every CRC checks) and each slide still opens
    # with its title, footer and number as a reader sees them.
    import zipfile

    with zipfile.ZipFile(tmp_path / "b.pptx") as archive:
        assert archive.testzip() is None
    deck = Presentation(str(tmp_path / "b.pptx"))
    total = len(deck.slides)
    for n, slide in enumerate(deck.slides, start=1):
        texts = [shape.text_frame.text for shape in slide.shapes if shape.has_text_frame]
        if n > 1:
            assert f"{n} / {total}" in texts


def test_entries_a_run_reads_are_kept_and_those_long_unread_are_removed(tmp_path: Path) -> None:
    from briefing.store import UNUSED_DAYS

    path = tmp_path / STORE_FILE
    store = ResultStore(path)
    store.put_many("page", [("read", '"a"'), ("unread", '"b"'), ("recent", '"c"')])
    store.close()
    long_ago = int(time.time()) - (UNUSED_DAYS + 1) * 86400
    with sqlite3.connect(path) as db:
        db.execute("UPDATE results SET used = ? WHERE key != 'recent'", (long_ago,))
    store = ResultStore(path)
    assert store.get_many("page", ["read", "recent"]) == {"read": '"a"', "recent": '"c"'}
    store.touch("page", ["read", "recent"])
    store.close()
    with sqlite3.connect(path) as db:
        kept = dict(db.execute("SELECT key, used FROM results").fetchall())
    assert set(kept) == {"read", "recent"}  # the entry no run read for 90 days is gone
    assert kept["read"] > long_ago
