"""Distinctive terms: weighted log-odds with an informative Dirichlet prior, with evidence."""

from __future__ import annotations

from collections import Counter

from briefing.distinctive import Z_DISTINCTIVE, generic_terms, log_odds


def test_a_word_one_group_uses_far_more_scores_and_a_shared_word_does_not() -> None:
    a = Counter({"港口": 30, "发展": 20, "民生": 3})
    b = Counter({"农业": 30, "发展": 21, "民生": 3})
    prior = a + b + Counter({"发展": 400, "民生": 40, "港口": 2, "农业": 2})
    scored = {group: {w: z for w, z, _ in terms} for group, terms in log_odds({"a": a, "b": b}, prior).items()}
    assert scored["a"]["港口"] >= Z_DISTINCTIVE and scored["b"]["农业"] >= Z_DISTINCTIVE
    assert abs(scored["a"]["发展"]) < Z_DISTINCTIVE and abs(scored["a"]["民生"]) < Z_DISTINCTIVE
    assert "农业" not in scored["a"]  # a group is scored on the words it uses


def test_one_group_is_set_against_the_prior() -> None:
    alone = Counter({"海洋": 9, "发展": 10})
    prior = Counter({"发展": 900, "海洋": 1}) + alone
    [(best, z, _), *_] = log_odds({"only": alone}, prior)["only"]
    assert best == "海洋" and z >= Z_DISTINCTIVE


def test_seed_districts_terms_come_with_their_sentence(seeds_summary) -> None:  # type: ignore[no-untyped-def]
    rows = {row["district"]: row for row in seeds_summary["districts"]}
    jinshan = rows["金山区"]["distinctive"]
    assert jinshan and all(t["z"] >= Z_DISTINCTIVE for t in jinshan)
    assert all(t["term"] in t["sentence"] for t in jinshan)
    assert rows["金山区"]["keywords"][: len(jinshan)] == [t["term"] for t in jinshan]
    shown = {t["term"] for row in rows.values() for t in row["distinctive"]}
    assert not shown & generic_terms() and not shown & {"金山", "嘉定", "松江", "杨浦", "上海"}
