"""Colour arithmetic for slides: mixing shades and keeping text readable on its fill.

Readability is WCAG 2's contrast ratio (relative luminance of sRGB colours): every text
colour a template sets on a fill should meet level AA for normal text, 4.5:1.
"""

from __future__ import annotations

WCAG_AA = 4.5


def _rgb(color: str) -> tuple[int, int, int]:
    color = color.lstrip("#")
    return int(color[0:2], 16), int(color[2:4], 16), int(color[4:6], 16)


def mix(color_a: str, color_b: str, share: float) -> str:
    """The colour ``share`` of the way from ``color_a`` to ``color_b`` (hex RGB)."""
    a, b = _rgb(color_a), _rgb(color_b)
    return "".join(f"{round(x + (y - x) * share):02X}" for x, y in zip(a, b, strict=True))


def relative_luminance(color: str) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(v) for v in _rgb(color))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast_ratio(color_a: str, color_b: str) -> float:
    """WCAG 2 contrast ratio, from 1 (same) to 21 (black on white)."""
    la, lb = sorted((relative_luminance(color_a), relative_luminance(color_b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


# (text colour, the fill it is drawn on) for every pair a deck draws from the template.
TEMPLATE_PAIRS = (
    ("text", "background"), ("muted", "background"), ("heading", "background"), ("primary", "background"),
    ("title_text", "primary"), ("table_header_text", "table_header"), ("text", "table_stripe"),
)


def template_contrast_warnings(template) -> list[str]:  # type: ignore[no-untyped-def]
    """One line per text/fill pair of the template's colours that falls below AA."""
    messages = []
    for text, fill in TEMPLATE_PAIRS:
        if text == "primary" and template["theme.title_style"] == "band":
            continue  # band titles are drawn in title_text on primary, not in primary
        ratio = contrast_ratio(template.color(text), template.color(fill))
        if ratio < WCAG_AA:
            messages.append(f"{template.where('theme.colors.' + text)}: theme.colors.{text} on {fill} has contrast "
                            f"{ratio:.1f}:1, below the 4.5:1 that small text needs (WCAG AA)")
    return messages
