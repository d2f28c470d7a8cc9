"""Word segmentation: rjieba must cut exactly as jieba does, or it may not stand in for it."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefing import nlp
from briefing.cleaner import clean_text

from .conftest import SEEDS

rjieba = pytest.importorskip("rjieba")

# Characters of the seeds, so random text is made of words the dictionary knows.
_SEED_TEXT = "".join(p.read_text("utf-8") for p in sorted(SEEDS.glob("*.txt")))
_ALPHABET = sorted(set(_SEED_TEXT) - {"\r"}) + list("ABCxyz019 .%+-")


@pytest.fixture(scope="module")
def both() -> tuple[nlp.Segmenter, nlp.Segmenter]:
    python, rust = nlp._JiebaSegmenter(), nlp._RustJiebaSegmenter()
    for term in ("南北转型", "二转二", "两评估、一清单"):
        python.add_word(term)
        rust.add_word(term)
    return python, rust


def test_rjieba_cuts_the_seeds_as_jieba_does(both) -> None:  # type: ignore[no-untyped-def]
    python, rust = both
    for path in sorted(SEEDS.glob("*.txt")):
        paragraphs, _, _ = clean_text(path.read_text("utf-8"))
        for paragraph in paragraphs:
            assert rust.cut(paragraph) == python.cut(paragraph), path.name


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=_ALPHABET, max_size=120))
def test_rjieba_cuts_any_text_as_jieba_does(both, text: str) -> None:  # type: ignore[no-untyped-def]
    python, rust = both
    assert rust.cut(text) == python.cut(text)


def test_the_segmenter_can_be_forced_to_jieba() -> None:
    code = "from briefing import nlp; print(nlp.segmenter().name)"
    env = {**os.environ, "BRIEFING_SEGMENTER": "jieba"}
    forced = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    assert forced.stdout.strip() == "jieba"
    env.pop("BRIEFING_SEGMENTER")
    default = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    assert default.stdout.strip() == "rjieba"


def test_word_tables_give_jieba_idf_and_tags() -> None:
    tables = nlp.word_tables()
    assert tables.tags({"转型", "强化", "不是词吧"}) == {"转型": "n", "强化": "v", "不是词吧": None}
    idf = tables.idf({"转型", "不是词吧"})
    assert idf["不是词吧"] == tables.median and idf["转型"] != tables.median


def test_shown_keywords_are_subjects_not_verbs(seeds_summary) -> None:  # type: ignore[no-untyped-def]
    shown = [k for m in seeds_summary["meetings"] for k in m["keywords"]]
    assert "南北转型" in shown and "城市更新" in shown
    assert "就业" in shown  # a verb to jieba, but a term of the template's 民生保障 theme
    for word in ("强化", "打造", "注重", "聚焦", "关于", "区委书记", "中共上海市委"):
        assert word not in shown, word


def test_quoted_names_stay_whole_and_a_cut_does_not_depend_on_earlier_texts() -> None:
    # Stored results are reused only if a text is cut the same whatever was read before it.
    text = "推进南北转型，实施“南北转型”战略，提升城市软实力。"
    whole = frozenset({"南北转型"})
    assert "南北转型" in nlp.cut(text, whole)
    assert nlp.cut(text, whole).count("南北转型") == 2
    plain = nlp.cut("提升城市软实力，推进南北转型。")
    nlp.cut("打造“软实力”高地", frozenset({"软实力"}))
    assert nlp.cut("提升城市软实力，推进南北转型。") == plain
    assert "".join(nlp.cut(text, whole)) == text
