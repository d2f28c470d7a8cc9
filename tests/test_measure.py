"""Line breaking and fitting: what decides whether text stays inside its shape."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from briefing.layout import fonts as fontmod
from briefing.layout.measure import AUTOSPACE_EM, NO_LINE_END, NO_LINE_START, TextMeasurer, measurer_for
from briefing.layout.text import Fonts, Para, fit_size, paras_height

from .conftest import restricted_fontconfig

M = measurer_for("Arial", "Microsoft YaHei")
needs_fontconfig = pytest.mark.skipif(shutil.which("fc-match") is None, reason="no fontconfig")


def test_han_is_one_em_and_digits_narrower() -> None:
    assert M.width("转型升级") == 4.0
    assert 0.4 < M.advance("3") < 0.7


def test_asian_latin_boundaries_count_the_renderers_autospace() -> None:
    plain = M.width("转型") + M.width("2025") + M.width("年")
    assert M.width("转型2025年") == pytest.approx(plain + 2 * AUTOSPACE_EM)
    assert M.width("“转型”") == M.width("“") + M.width("转型") + M.width("”")


def test_estimate_without_any_font_is_generous() -> None:
    blind = TextMeasurer()
    assert blind.width("中") == 1.0
    assert blind.advance("W") >= 0.7 and blind.advance("3") >= 0.55


@needs_fontconfig
def test_bold_runs_are_measured_with_the_bold_face() -> None:
    text = "Shanghai 2025 Report"
    assert measurer_for("Arial", "Microsoft YaHei", bold=True).width(text) > M.width(text)


def _widths_in_subprocess(env: dict[str, str]) -> dict[str, float]:
    code = ("import json; from briefing.layout.measure import measurer_for as m; "
            "print(json.dumps({b: m('Arial', 'Microsoft YaHei', bold=b == 'bold').width('0123456789 Report')"
            " for b in ('regular', 'bold')}))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)
    return json.loads(done.stdout)


@needs_fontconfig
def test_text_is_measured_with_the_face_fontconfig_resolves(tmp_path: Path) -> None:
    """On a machine with only Noto CJK and DejaVu, Arial is drawn (and so measured) as DejaVu Sans."""
    dejavu = subprocess.run(["fc-match", "-f", "%{file}", "DejaVu Sans"], capture_output=True, text=True).stdout
    dejavu_bold = subprocess.run(["fc-match", "-f", "%{file}", "DejaVu Sans:bold"], capture_output=True,
                                 text=True).stdout
    if "DejaVu" not in dejavu or "Bold" not in dejavu_bold:
        pytest.skip("DejaVu Sans is not installed")
    env = {**os.environ, "FONTCONFIG_FILE": str(restricted_fontconfig(tmp_path)),
           "XDG_CACHE_HOME": str(tmp_path / "cache")}
    fresh = _widths_in_subprocess(env)
    assert fresh["regular"] == pytest.approx(TextMeasurer(fontmod.metrics_of_file(dejavu)).width("0123456789 Report"))
    assert fresh["bold"] == pytest.approx(TextMeasurer(fontmod.metrics_of_file(dejavu_bold)).width("0123456789 Report"))
    assert fresh["bold"] > fresh["regular"]
    # The advances were kept in the cache folder, and a damaged cache is read past, not trusted.
    cache_file = next((tmp_path / "cache" / "briefing").glob("font-metrics-*.json"))
    cache_file.write_text("{not json", "utf-8")
    assert _widths_in_subprocess(env) == fresh


def test_without_fontconfig_the_font_folders_and_fallback_chain_are_searched(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    source = fontmod.resolve(fontmod.FaceRequest("DejaVu Sans")).path if shutil.which("fc-match") else ""
    if not source or "DejaVu" not in source:
        pytest.skip("DejaVu Sans is not installed")
    folder = tmp_path / "fonts"
    folder.mkdir()
    shutil.copy(source, folder / "DejaVuSans.ttf")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setattr(fontmod, "has_fontconfig", lambda: False)
    monkeypatch.setattr(fontmod, "font_dirs", lambda: [folder])
    for cached in (fontmod.resolve, fontmod.folder_index):
        cached.cache_clear()
    try:
        found = fontmod.resolve(fontmod.FaceRequest("Arial"), ("Liberation Sans", "DejaVu Sans"))
        assert found.family == "DejaVu Sans" and not found.installed
        assert fontmod.resolve(fontmod.FaceRequest("DejaVu Sans")).installed
        assert fontmod.resolve(fontmod.FaceRequest("Arial"), ("Liberation Sans",)).path == ""
        warnings = fontmod.substitution_warnings([("theme.fonts.latin", fontmod.FaceRequest("Arial"))],
                                                 ("DejaVu Sans",))
        assert warnings == ['font "Arial" (theme.fonts.latin) is not installed; "DejaVu Sans" is drawn instead '
                            "on this machine"]
    finally:
        for cached in (fontmod.resolve, fontmod.folder_index):
            cached.cache_clear()


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
