"""Line breaking and fitting: what decides whether text stays inside its shape."""

from __future__ import annotations

from briefing.layout.measure import NO_LINE_END, NO_LINE_START, TextMeasurer
from briefing.layout.text import Fonts, Para, fit_size, paras_height

M = TextMeasurer("Arial")


def test_han_is_one_em_and_digits_narrower() -> None:
    assert M.width("转型升级") == 4.0
    assert 0.4 < M.advance("3") < 0.7


def test_kinsoku_no_closing_mark_starts_and_no_opening_mark_ends_a_line() -> None:
    text = (
        "全会审议通过《金山区加快重点区域转型升级著力推动高品质发展实施方案（2023-2025年）》。"
        "区委书记讲话，要求“南北转型”。"
    ) * 3
    for width in (7, 8, 9, 10, 11, 13, 17):
        lines = M.wrap(text, width)
        assert "".join(lines) == text
        for line in lines[1:]:
            assert line[0] not in NO_LINE_START, (width, lines)
        for line in lines[:-1]:
            assert line[-1] not in NO_LINE_END, (width, lines)
            assert M.width(line) <= width


def test_numbers_and_words_stay_whole() -> None:
    lines = M.wrap("规上工业产值3726.3亿元，可比增长13.9%", 8)
    assert any("3726.3" in line for line in lines)
    assert any("13.9%" in line for line in lines)


def test_fit_size_picks_largest_that_fits() -> None:
    fonts = Fonts("Arial", "Microsoft YaHei", "zh-CN")
    paras = [Para("转型塑形是金山今后一个时期的发展主题，也是每位干部建功立业的长期赛道", bullet="•")] * 6
    size = fit_size(paras, fonts, 400, 300, 10, 24)
    assert size is not None
    assert paras_height(paras, fonts, size, 400) <= 300
    assert size == 24 or paras_height(paras, fonts, size + 0.5, 400) > 300
    assert fit_size(paras, fonts, 100, 50, 10, 24) is None
