"""YAML templates: load, validate against the schema, merge over the default.

Errors name the key path and the file line, suggest the closest valid key for a typo,
and never construct Python objects from tags (only plain YAML scalars, lists and
mappings are read). Every problem of a template is collected, so ``template check``
can list them all at once; a build stops at the first. The files a deck needs (base
presentation, logo, font file) are opened and checked before any report is read.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from .errors import TemplateError, TemplateProblems

SLIDE_KINDS = ("title", "summary", "overview", "districts", "comparison", "sources")
SCRIPTS = ("zh-Hans", "zh-Hant")
TITLE_STYLES = ("bar", "band")
PAGE_SIZES = {"16:9": (13.333, 7.5), "4:3": (10.0, 7.5)}

# --- schema ---------------------------------------------------------------------------

Check = Callable[[Any], str | None]  # returns what is wrong, or None


def _text(v: Any) -> str | None:
    return None if isinstance(v, str) else "expected text"


def _optional_text(v: Any) -> str | None:
    return None if v is None or isinstance(v, str) else "expected text or null"


def _choice(*options: str) -> Check:
    def check(v: Any) -> str | None:
        return None if v in options else f"expected one of {', '.join(options)}"
    return check


def _number(lo: float, hi: float, integer: bool = False) -> Check:
    def check(v: Any) -> str | None:
        kinds = (int,) if integer else (int, float)
        if isinstance(v, bool) or not isinstance(v, kinds):
            return "expected a whole number" if integer else "expected a number"
        return None if lo <= v <= hi else f"must be between {lo:g} and {hi:g}"
    return check


def color_hex(value: str) -> str | None:
    """``value`` as six hex digits: hex with or without ``#``, or any CSS colour
    (``navy``, ``rgb(31, 78, 121)``, ``hsl(…)``) that Pillow's ImageColor reads."""
    if re.fullmatch(r"#?[0-9A-Fa-f]{6}", value):
        return value.lstrip("#").upper()
    from PIL import ImageColor

    try:
        rgb = ImageColor.getrgb(value.strip())
    except ValueError:
        return None
    return "".join(f"{c:02X}" for c in rgb[:3])


def _color(v: Any) -> str | None:
    if isinstance(v, str) and color_hex(v) is not None:
        return None
    return 'expected a colour: hex such as "1F4E79" or a CSS name such as "navy"'


def _size_range(v: Any) -> str | None:
    if not (isinstance(v, list) and len(v) == 2 and all(
            isinstance(x, int | float) and not isinstance(x, bool) for x in v)):
        return "expected [smallest, largest] in points"
    lo, hi = v
    if not 6 <= lo <= hi <= 60:
        return "sizes must satisfy 6 <= smallest <= largest <= 60"
    return None


def _text_list(v: Any) -> str | None:
    if isinstance(v, list) and all(isinstance(x, str) for x in v):
        return None
    return "expected a list of text"


def _slide_list(v: Any) -> str | None:
    if not isinstance(v, list) or not v:
        return f"expected a non-empty list of: {', '.join(SLIDE_KINDS)}"
    for item in v:
        if item not in SLIDE_KINDS:
            return f"unknown slide {item!r}; expected one of {', '.join(SLIDE_KINDS)}"
    return None


def _taxonomy(v: Any) -> str | None:
    if not isinstance(v, dict) or not all(
            isinstance(k, str) and isinstance(t, list) and t and all(isinstance(x, str) for x in t)
            for k, t in v.items()):
        return "expected theme names mapped to non-empty lists of terms"
    return None


COLOR_KEYS = ("background", "primary", "accent", "heading", "text", "muted", "title_text",
              "table_header", "table_header_text", "table_stripe")

SCHEMA: dict[str, Any] = {
    "deck": {"title": _text, "subtitle": _text, "author": _text, "date": _text,
             "script": _choice(*SCRIPTS), "footer": _text},
    "page": {"size": _choice(*PAGE_SIZES), "margins": _number(0.1, 2.0)},
    "base": _optional_text,
    "logo": _optional_text,
    "theme": {
        "fonts": {"latin": _text, "east_asian": _text, "heading": _text, "latin_file": _optional_text,
                  "fallback": _text_list},
        "colors": dict.fromkeys(COLOR_KEYS, _color),
        "sizes": {"title": _number(12, 60), "body": _size_range},
        "title_style": _choice(*TITLE_STYLES),
    },
    "slides": _slide_list,
    "summary": {"points_per_meeting": _number(1, 12, integer=True),
                "max_chars_per_point": _number(20, 200, integer=True),
                "stopwords_extra": _text_list},
    "themes": _taxonomy,
    "districts": _text_list,
    "home_region": _text,
}

# --- loading with line numbers --------------------------------------------------------------


_PLAIN_TAGS = {f"tag:yaml.org,2002:{t}" for t in ("str", "int", "float", "bool", "null", "seq", "map")}


# A template has a few hundred values; aliases of aliases ("billion laughs") would
# expand to millions and take the machine with them.
MAX_TEMPLATE_VALUES = 20_000


def _plain(node: Any, source: Path, lines: dict[str, int], path: str = "",
           max_values: int = MAX_TEMPLATE_VALUES) -> Any:
    """A composed YAML node as plain data, recording each key path's line."""
    import yaml

    lines[path] = node.start_mark.line + 1
    where = f"{source}:{node.start_mark.line + 1}"
    if len(lines) > max_values:
        raise TemplateError(f"more than {max_values:,} values (aliases expanding?)", where)
    if node.tag not in _PLAIN_TAGS:
        raise TemplateError(f"tag {node.tag!r} is not allowed (plain YAML only)", f"{where}: {path or '/'}")
    if isinstance(node, yaml.MappingNode):
        out: dict[str, Any] = {}
        for key_node, value_node in node.value:
            key = str(key_node.value)
            out[key] = _plain(value_node, source, lines, f"{path}.{key}" if path else key, max_values)
        return out
    if isinstance(node, yaml.SequenceNode):
        return [_plain(v, source, lines, f"{path}[{i}]", max_values) for i, v in enumerate(node.value)]
    return yaml.SafeLoader(" ").construct_object(node) if node.tag != "tag:yaml.org,2002:str" else node.value


def load_yaml(path: Path, max_values: int = MAX_TEMPLATE_VALUES,
              what: str = "a template is a mapping of keys such as deck:, theme:, slides:",
              ) -> tuple[dict[str, Any], dict[str, int]]:
    import yaml

    try:
        text = path.read_text("utf-8")
    except FileNotFoundError:
        raise TemplateError("template file not found", path) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise TemplateError(f"cannot read template ({exc})", path) from None
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark
        where = f"{path}:{mark.line + 1}:{mark.column + 1}" if mark else str(path)
        raise TemplateError(f"invalid YAML: {exc.problem or exc.context}", where) from None
    except yaml.YAMLError as exc:
        raise TemplateError(f"invalid YAML: {exc}", path) from None
    if node is None:
        return {}, {}
    lines: dict[str, int] = {}
    data = _plain(node, path, lines, max_values=max_values)
    if not isinstance(data, dict):
        raise TemplateError(what, f"{path}:1")
    return data, lines


def validate(data: dict[str, Any], lines: dict[str, int], source: Path) -> list[TemplateError]:
    """Every unknown key, wrong type and bad value of ``data``, each with its line."""
    problems: list[TemplateError] = []

    def walk(value: Any, schema: Any, path: str) -> None:
        where = f"{source}:{lines.get(path, 1)}"
        if isinstance(schema, dict):
            if not isinstance(value, dict):
                problems.append(TemplateError(f"{path}: expected a mapping", where))
                return
            for key, sub in value.items():
                key_path = f"{path}.{key}" if path else key
                if key not in schema:
                    close = difflib.get_close_matches(key, list(schema), n=1)
                    hint = f"; did you mean {close[0]!r}?" if close else ""
                    problems.append(TemplateError(f"unknown key {key_path!r}{hint}",
                                                  f"{source}:{lines.get(key_path, 1)}"))
                    continue
                walk(sub, schema[key], key_path)
            return
        problem = schema(value)
        if problem:
            problems.append(TemplateError(f"{path}: {problem}", where))

    walk(data, SCHEMA, "")
    return problems


def _merge(base: dict[str, Any], over: dict[str, Any]) -> dict[str, Any]:
    out = dict(base)
    for key, value in over.items():
        if key != "themes" and isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = _merge(out[key], value)
        else:
            out[key] = value
    return out


# --- the settings object -------------------------------------------------------------------


@dataclass
class Template:
    """A validated template, defaults filled in; paths resolved against its file."""

    source: Path
    data: dict[str, Any]
    base: Path | None = None
    logo: Path | None = None
    latin_font_file: Path | None = None
    lines: dict[str, int] = field(default_factory=dict)

    def __getitem__(self, dotted: str) -> Any:
        value: Any = self.data
        for part in dotted.split("."):
            value = value[part]
        return value

    @property
    def script(self) -> str:
        return str(self["deck.script"])

    @property
    def page_size(self) -> tuple[float, float]:
        return PAGE_SIZES[self["page.size"]]

    def color(self, name: str) -> str:
        """A theme colour as six hex digits (the template may give a CSS name)."""
        return color_hex(str(self[f"theme.colors.{name}"])) or "000000"

    def where(self, key: str) -> str:
        """``file:line`` of ``key`` in the template, for messages."""
        return f"{self.source}:{self.lines.get(key, 1)}"


def default_template_path() -> Path:
    return Path(str(resources.files("briefing").joinpath("templates", "default.yaml")))


def load_template(path: Path | None = None) -> Template:
    """Load ``path`` (or the default) and merge it over the default template.

    Raises :class:`TemplateProblems` listing every problem found, files included.
    """
    default_path = default_template_path()
    defaults, default_lines = load_yaml(default_path)
    if problems := validate(defaults, default_lines, default_path):
        raise TemplateProblems(problems)
    if path is None:
        return Template(default_path, defaults, lines=default_lines)
    data, lines = load_yaml(path)
    problems = validate(data, lines, path)
    template = Template(path, _merge(defaults, data), lines=lines)
    for key, attribute in (("base", "base"), ("logo", "logo"), ("theme.fonts.latin_file", "latin_font_file")):
        try:
            value = template[key]
        except (KeyError, TypeError):  # a section of the wrong type, already reported
            continue
        if isinstance(value, str) and value:
            resolved = (path.parent / value).resolve()
            if resolved.is_file():
                setattr(template, attribute, resolved)
            else:
                problems.append(TemplateError(f"{key}: file not found: {value}", template.where(key)))
    if problems:
        raise TemplateProblems(problems)
    return template


def check_deck_files(template: Template) -> None:
    """Open what a deck needs from the template (base, logo, font file) and check it.

    Run before any report is read, so a broken asset costs no waiting. Raises
    :class:`TemplateProblems` with every problem found.
    """
    problems = [problem for problem in (
        _check_base(template.base, template.where("base")) if template.base else None,
        _check_logo(template.logo, template.where("logo")) if template.logo else None,
        _check_font_file(template.latin_font_file, template.where("theme.fonts.latin_file"))
        if template.latin_font_file else None,
    ) if problem is not None]
    if problems:
        raise TemplateProblems(problems)


def _check_base(base: Path, where: str) -> TemplateError | None:
    """A base must open as a presentation (or template) with at least one slide layout."""
    from .layout.files import open_base

    try:
        from pptx import Presentation

        prs = Presentation(open_base(base))
        if not len(prs.slide_layouts):
            return TemplateError(f"base: {base.name} has no slide layouts", where)
    except Exception as exc:  # python-pptx raises many kinds for a package that is not a presentation
        return TemplateError(f"base: {base.name} is not a PowerPoint presentation ({type(exc).__name__})", where)
    return None


# A logo is drawn a few centimetres wide; more pixels than this is a mistake or an attack.
MAX_LOGO_PIXELS = 40_000_000
LOGO_FORMATS = ("PNG", "JPEG", "GIF", "BMP", "TIFF")


def _check_logo(logo: Path, where: str) -> TemplateError | None:
    """A logo must be a real image of a format PowerPoint draws, and of sane pixel size."""
    import warnings

    from PIL import Image

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(logo) as image:
                width, height = image.size
                kind = image.format
                if width * height > MAX_LOGO_PIXELS:
                    return TemplateError(f"logo: {logo.name} is {width}×{height} pixels; at most "
                                         f"{MAX_LOGO_PIXELS // 1_000_000} megapixels", where)
                image.verify()
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        return TemplateError(f"logo: {logo.name} is too many pixels to be a logo "
                             f"(at most {MAX_LOGO_PIXELS // 1_000_000} megapixels)", where)
    except Exception as exc:  # Pillow raises many kinds for a file that is not an image
        return TemplateError(f"logo: {logo.name} is not an image ({type(exc).__name__})", where)
    if kind not in LOGO_FORMATS:
        return TemplateError(f"logo: {logo.name} is {kind}; use PNG, JPEG, GIF, BMP or TIFF", where)
    return None


def _check_font_file(font: Path, where: str) -> TemplateError | None:
    """A font named by the template must be one fontTools can read."""
    from fontTools.ttLib import TTCollection, TTFont, TTLibError

    try:
        if font.suffix.lower() == ".ttc":
            TTCollection(str(font)).close()
        else:
            TTFont(str(font), lazy=True).close()
    except (TTLibError, OSError, ValueError, AssertionError) as exc:
        return TemplateError(f"theme.fonts.latin_file: not a readable font ({type(exc).__name__})", where)
    return None
