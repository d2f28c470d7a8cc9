"""Template errors name the key and the line; good templates load over the default."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing.errors import TemplateError
from briefing.template import load_template

from .conftest import TEMPLATES, run_cli


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "t.yaml"
    path.write_text(text, "utf-8")
    return path


def test_default_template_loads() -> None:
    template = load_template(TEMPLATES / "default.yaml")
    assert template.script == "zh-Hans"
    assert template["theme.sizes.body"] == [12, 18]


def test_partial_template_merges_over_default(tmp_path: Path) -> None:
    template = load_template(_write(tmp_path, "deck:\n  title: 测试简报\n"))
    assert template["deck.title"] == "测试简报"
    assert template["deck.subtitle"] == "各区会议要点与横向比较"


@pytest.mark.parametrize(("text", "message", "line"), [
    ("deck:\n  titel: x\n", "unknown key 'deck.titel'; did you mean 'title'?", 2),
    ("theme:\n  sizes:\n    body: [20, 10]\n", "theme.sizes.body", 3),
    ("summary:\n  points_per_meeting: many\n", "expected a whole number", 2),
    ("slides: [title, charts]\n", "unknown slide 'charts'", 1),
    ("deck:\n  script: zh-CN\n", "expected one of zh-Hans, zh-Hant", 2),
    ("base: missing.pptx\n", "base: file not found", 1),
    ("deck: !!python/object:os.system\n  x: 1\n", "not allowed", 1),
])
def test_bad_templates_name_key_and_line(tmp_path: Path, text: str, message: str, line: int) -> None:
    path = _write(tmp_path, text)
    with pytest.raises(TemplateError) as info:
        load_template(path)
    assert message in str(info.value)
    assert f"{path}:{line}" in str(info.value)


def test_invalid_yaml_reports_line_and_column(tmp_path: Path) -> None:
    path = _write(tmp_path, "deck:\n  title: [unclosed\n")
    with pytest.raises(TemplateError) as info:
        load_template(path)
    assert f"{path}:3:1" in str(info.value) or f"{path}:2" in str(info.value)


def test_template_check_and_init_commands(tmp_path: Path) -> None:
    target = tmp_path / "mine.yaml"
    assert run_cli("template", "init", str(target)).returncode == 0
    assert "# briefing template" in target.read_text("utf-8")
    check = run_cli("template", "check", str(target))
    assert check.returncode == 0 and "ok" in check.stdout
    again = run_cli("template", "init", str(target))
    assert again.returncode == 2 and "already exists" in again.stderr
    bad = _write(tmp_path, "deck:\n  titel: x\n")
    check = run_cli("template", "check", str(bad))
    assert check.returncode == 2 and "did you mean 'title'" in check.stderr
