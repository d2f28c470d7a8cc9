"""Properties over arbitrary text: the pipeline always yields a deck; cleaning is idempotent."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pptx import Presentation

from briefing.cleaner import clean_text
from briefing.layout.deck import write_deck
from briefing.pipeline import build_briefing, read_documents
from briefing.template import load_template

from .conftest import SEEDS

SEED_LINES = [line for p in sorted(SEEDS.glob("*.txt")) for line in p.read_text("utf-8").splitlines() if line]

# Report-like text: seed lines, arbitrary Unicode (controls and surrogate-free planes
# included) and the punctuation the cleaner cares about, mixed.
fragments = st.one_of(
    st.sampled_from(SEED_LINES),
    st.text(st.characters(blacklist_categories=("Cs",)), max_size=40),
    st.text(alphabet="區(qū)人(ren)?¿<>/strong&rdquo;，。“”《》（）\n\x00\x07\x1b\u200b\ufeff", max_size=30),
)
documents = st.lists(fragments, min_size=1, max_size=12).map("\n".join)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents)
def test_cleaning_is_idempotent(text: str) -> None:
    once, _, _ = clean_text(text)
    twice, _, _ = clean_text("\n".join(once))
    assert twice == once


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                 HealthCheck.function_scoped_fixture])
@given(documents, st.sampled_from(["txt", "md", "html"]))
def test_any_text_yields_a_deck_python_pptx_reopens(tmp_path: Path, text: str, suffix: str) -> None:
    path = tmp_path / f"report.{suffix}"
    path.write_text(text, "utf-8", errors="ignore")
    if not path.read_bytes().strip():
        return  # an empty file is an input error, tested elsewhere
    template = load_template(None)
    try:
        docs = read_documents([path])
    except Exception as exc:  # only our own one-line input errors are acceptable
        from briefing.errors import InputError

        assert isinstance(exc, InputError)
        return
    out = tmp_path / "deck.pptx"
    write_deck(build_briefing(docs, template), template, out)
    prs = Presentation(str(out))
    assert len(prs.slides) >= 3
