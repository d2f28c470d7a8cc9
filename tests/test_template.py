"""Template errors name the key and the line; good templates load over the default."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing.errors import TemplateError, TemplateProblems
from briefing.template import check_deck_files, load_template

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
    ("theme:\n  fonts:\n    latin_file: missing.ttf\n", "theme.fonts.latin_file: file not found", 3),
    ("theme:\n  title_style: banner\n", "expected one of bar, band", 2),
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


def test_font_file_must_be_a_font(tmp_path: Path) -> None:
    (tmp_path / "fake.ttf").write_text("not a font", "utf-8")
    path = _write(tmp_path, "theme:\n  fonts:\n    latin_file: fake.ttf\n")
    with pytest.raises(TemplateError, match="not a readable font"):
        check_deck_files(load_template(path))


def test_font_file_is_used_for_measuring(tmp_path: Path) -> None:
    from briefing.layout.fonts import FaceRequest, resolve
    from briefing.layout.measure import measurer_for

    real = resolve(FaceRequest("DejaVu Sans")).path or resolve(FaceRequest("Arial")).path
    if not real:
        pytest.skip("no font file on this machine")
    template = load_template(_write(tmp_path, f"theme:\n  fonts:\n    latin_file: {real}\n"))
    assert template.latin_font_file == Path(real)
    named = measurer_for("No Such Family", "No Such CJK", latin_file=real)
    assert named.width("1234 Wide") == measurer_for("Another", "No Such CJK", latin_file=real).width("1234 Wide")
    assert named.latin.key.startswith(f"{real}#")


def test_every_problem_is_listed_with_its_line(tmp_path: Path) -> None:
    path = _write(tmp_path, "deck:\n  titel: x\n  script: zh\ntheme:\n  colors:\n    primary: notacolour\n"
                            "logo: nothere.png\n")
    with pytest.raises(TemplateProblems) as info:
        load_template(path)
    found = [str(p) for p in info.value.problems]
    assert any(f"{path}:2" in p and "titel" in p for p in found)
    assert any(f"{path}:3" in p and "zh-Hans" in p for p in found)
    assert any(f"{path}:6" in p and "CSS name" in p for p in found)
    assert any(f"{path}:7" in p and "file not found" in p for p in found)
    assert "and 3 more" in str(info.value)
    check = run_cli("template", "check", str(path))
    assert check.returncode == 2
    lines = check.stderr.strip().splitlines()
    assert len(lines) == 4 and all(line.startswith(f"briefing: error: {path}:") for line in lines)


@pytest.mark.parametrize(("given", "hex_value"), [
    ("navy", "000080"), ("#1f4e79", "1F4E79"), ("1F4E79", "1F4E79"), ("rgb(255, 0, 0)", "FF0000"),
    ("DarkSlateGray", "2F4F4F"),
])
def test_colours_accept_css_names(tmp_path: Path, given: str, hex_value: str) -> None:
    template = load_template(_write(tmp_path, f'theme:\n  colors:\n    primary: "{given}"\n'))
    assert template.color("primary") == hex_value


def test_logo_must_be_a_real_image_of_sane_size(tmp_path: Path) -> None:
    from PIL import Image

    (tmp_path / "logo.png").write_text("not an image", "utf-8")
    path = _write(tmp_path, "logo: logo.png\n")
    with pytest.raises(TemplateError, match=r"logo: logo\.png is not an image"):
        check_deck_files(load_template(path))
    # A small file that claims a huge canvas: refused from its header, never decoded.
    Image.new("1", (12_000, 12_000)).save(tmp_path / "logo.png", optimize=True)
    assert (tmp_path / "logo.png").stat().st_size < 100_000
    with pytest.raises(TemplateError, match="pixels"):
        check_deck_files(load_template(path))
    Image.new("RGB", (120, 60), (200, 30, 30)).save(tmp_path / "logo.png")
    check_deck_files(load_template(path))


def test_base_must_be_a_presentation(tmp_path: Path) -> None:
    import zipfile

    with zipfile.ZipFile(tmp_path / "base.pptx", "w") as package:
        package.writestr("word/document.xml", "<w:document/>")
    path = _write(tmp_path, "base: base.pptx\n")
    with pytest.raises(TemplateError, match="not a PowerPoint presentation"):
        check_deck_files(load_template(path))


def test_template_init_dash_writes_to_standard_output(tmp_path: Path) -> None:
    done = run_cli("template", "init", "-", cwd=tmp_path)
    assert done.returncode == 0
    assert done.stdout.startswith("# briefing template")
    assert not (tmp_path / "-").exists()


@pytest.mark.parametrize("name", ["default", "government", "dark"])
def test_shipped_templates_are_valid_and_differ(name: str) -> None:
    template = load_template(TEMPLATES / f"{name}.yaml")
    assert template.color("background") != "" and template["slides"]
    looks = {n: load_template(TEMPLATES / f"{n}.yaml").color("primary") for n in ("default", "government", "dark")}
    assert len(set(looks.values())) == 3


def test_alias_bomb_is_refused_at_once(tmp_path: Path) -> None:
    lines = ['a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for prev, name in zip("abcdef", "bcdefg", strict=True):
        lines.append(f"{name}: &{name} [" + ", ".join([f"*{prev}"] * 9) + "]")
    path = _write(tmp_path, "\n".join(lines) + "\n")
    with pytest.raises(TemplateError) as info:
        load_template(path)
    assert "aliases" in str(info.value)
