"""Exports of a run that need no deck: JSON for reuse, Markdown and plain text to read."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator

from .cleaner import convert_script
from .model import Briefing, Meeting, to_jsonable


def _facts(m: Meeting) -> dict[str, object]:
    return {
        "district": m.district,
        "district_recognised": m.district_confident,
        "city": m.city,
        "province": m.province,
        "kind": m.kind.value,
        "name": m.name,
        "date": {**to_jsonable(m.date), "label": m.date.label},
        "leaders": [{"name": x.name, "role": x.role} for x in m.leaders],
        "documents": [{"title": d.title, "adopted": d.adopted} for d in m.documents],
        "figures": [{"value": f.value, "measure": f.measure, "sentence": f.source.sentence}
                    for f in m.figures],
        "keywords": [w for w, _ in m.keywords],
        "points": [{
            "text": p.text, "score": p.score,
            "source": {"file": str(p.source.path), "paragraph": p.source.paragraph,
                       "sentence": p.source.sentence},
        } for p in m.points],
        "sources": [str(s) for s in m.sources],
    }


def briefing_to_json(briefing: Briefing, script: str = "zh-Hans") -> str:
    return "".join(iter_json(briefing, script))


def iter_json(briefing: Briefing, script: str = "zh-Hans") -> Iterator[str]:
    """The run as JSON, in pieces: a collection of thousands of meetings is written as it
    is made, never held as one string. (The same text as one ``json.dumps(…, indent=2)``.)"""
    def dumped(value: object, key: str = "") -> str:
        text = json.dumps(_in_script(value, script, key), ensure_ascii=False, indent=2)
        return text.replace("\n", "\n    ")  # as an item of a list two levels deep

    sections: list[tuple[str, Iterable[object]]] = [
        ("meetings", (_facts(m) for row in briefing.districts for m in row.meetings)),
        ("districts", ({
            "district": row.district,
            "meetings": [m.name for m in row.meetings],
            "keywords": row.keywords,
            "themes": [{"theme": t, "share": s} for t, s in row.themes],
            "figures": [{"value": f.value, "measure": f.measure} for f in row.figures],
            "distinctive": [{"term": t.term, "z": t.z, "count": t.count,
                             "sentence": t.source.sentence if t.source else None} for t in row.distinctive],
        } for row in briefing.districts)),
        ("sources", (to_jsonable(s) for s in briefing.sources)),
    ]
    yield "{"
    for n, (name, items) in enumerate(sections):
        yield f'{"," if n else ""}\n  "{name}": ['
        empty = True
        for i, item in enumerate(items):
            yield f'{"," if i else ""}\n    {dumped(item)}'
            empty = False
        yield "]" if empty else "\n  ]"
    for name, value in (("cleaning", to_jsonable(briefing.cleaning)), ("warnings", briefing.warnings)):
        text = json.dumps(_in_script(value, script), ensure_ascii=False, indent=2).replace("\n", "\n  ")
        yield f',\n  "{name}": {text}'
    yield "\n}"


_PATH_KEYS = {"file", "path", "sources"}


def _in_script(value: object, script: str, key: str = "") -> object:
    """Convert text values to the output script; file paths stay as they are on disk."""
    if key in _PATH_KEYS:
        return value
    if isinstance(value, str):
        return convert_script(value, script)
    if isinstance(value, dict):
        return {k: _in_script(v, script, k) for k, v in value.items()}
    if isinstance(value, list):
        return [_in_script(v, script, key) for v in value]
    return value


def briefing_to_markdown(briefing: Briefing, script: str = "zh-Hans") -> str:
    def s(text: str) -> str:  # file names stay as they are on disk
        return convert_script(text, script)

    out: list[str] = []
    for row in briefing.districts:
        out.append(s(f"# {row.district}\n"))
        for m in row.meetings:
            out.append(s(f"## {m.name}（{m.date.label}）\n"))
            out.append(s(f"- 类型：{m.kind.value}"))
            if m.leaders:
                out.append(s("- 领导：" + "；".join(x.label for x in m.leaders)))
            adopted = [d.title for d in m.documents if d.adopted]
            if adopted:
                out.append(s("- 审议通过：" + "".join(f"《{d}》" for d in adopted)))
            if m.figures:
                out.append(s("- 数字：" + "；".join(f.label for f in m.figures[:6])))
            out.append(s("- 关键词：" + "、".join(w for w, _ in m.keywords[:8])))
            out.append(s("\n### 要点\n"))
            for p in m.points:
                out.append(f"1. {s(p.text)}  \n   <sub>{p.source.path.name} ¶{p.source.paragraph + 1}："
                           f"{s(p.source.sentence)}</sub>")
            out.append("")
    return "\n".join(out)


def briefing_to_text(briefing: Briefing, script: str = "zh-Hans") -> str:
    def s(text: str) -> str:  # file names stay as they are on disk
        return convert_script(text, script)

    out: list[str] = []
    for row in briefing.districts:
        for m in row.meetings:
            out.append(s(f"{row.district} · {m.name} · {m.date.label} · {m.kind.value}"))
            if m.leaders:
                out.append(s("  领导：" + "；".join(x.label for x in m.leaders)))
            out.append(s("  关键词：" + "、".join(w for w, _ in m.keywords[:8])))
            for p in m.points:
                out.append(f"  - {s(p.text)}")
                out.append(f"      ← {p.source.path.name} ¶{p.source.paragraph + 1}")
            out.append("")
    return "\n".join(out)
