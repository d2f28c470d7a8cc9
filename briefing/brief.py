"""The brief as an editable YAML file: what ``summarize --format yaml`` writes and ``build``
reads back, so an analyst can correct a run and rebuild without reading the reports again.

The file lists the districts in the order the deck shows them; under each, its meetings
with their facts and key points (each with the file, paragraph and sentence it comes
from) and the comparison's inputs (keywords, theme shares, key figures); then the sources.
Whatever the analyst deletes, rewords, reorders or corrects is what the deck shows. A
brief that does not read as one is an error naming its line and field.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .distinctive import DistinctiveTerm
from .errors import InputError
from .model import (
    AdoptedDocument,
    Briefing,
    CleaningReport,
    DatePrecision,
    DistrictComparison,
    KeyFigure,
    KeyPoint,
    Leader,
    Meeting,
    MeetingDate,
    MeetingKind,
    Paragraph,
    Report,
    SourceEntry,
    SourceSentence,
)

BRIEF_VERSION = 1
# A brief of thousands of meetings has hundreds of thousands of values; more is an alias bomb.
BRIEF_MAX_VALUES = 2_000_000
HEADER = f"""\
# briefing brief, version {BRIEF_VERSION}: the whole brief of a run, to correct and build again with
#   briefing build THIS_FILE.yaml -o deck.pptx
# Delete, reword or reorder points, meetings and districts; correct names, dates, leaders.
# A point's `source` says where its text came from (kept in the speaker notes).
# date.precision is day, month, year or none; `inferred: true` marks a reasoned year (推断).
"""


# --- writing ------------------------------------------------------------------------------


def _source(s: SourceSentence) -> dict[str, Any]:
    return {"file": str(s.path), "paragraph": s.paragraph, "sentence": s.sentence}


def _figure(f: KeyFigure) -> dict[str, Any]:
    return {"value": f.value, "number": f.number, "unit": f.unit, "measure": f.measure, "source": _source(f.source)}


def _meeting(m: Meeting) -> dict[str, Any]:
    date = {"year": m.date.year, "month": m.date.month, "day": m.date.day, "precision": m.date.precision.value,
            "inferred": m.date.inferred, "note": m.date.note}
    return {
        "name": m.name,
        "kind": m.kind.value,
        "date": date,
        "district_recognised": m.district_confident,
        "leaders": [{"name": x.name, "role": x.role} for x in m.leaders],
        "documents": [{"title": d.title, "adopted": d.adopted} for d in m.documents],
        "keywords": [w for w, _ in m.keywords],
        "points": [{"text": p.text, "source": _source(p.source)} for p in m.points],
        "figures": [_figure(f) for f in m.figures],
        "sources": [str(s) for s in m.sources],
    }


def briefing_to_yaml(briefing: Briefing) -> str:
    import yaml

    data = {
        "version": BRIEF_VERSION,
        "themes": list(briefing.theme_names),
        "districts": [{
            "district": row.district,
            "city": row.meetings[0].city if row.meetings else "",
            "province": row.meetings[0].province if row.meetings else "",
            "keywords": list(row.keywords),
            "themes": [{"theme": t, "share": s} for t, s in row.themes],
            "figures": [_figure(f) for f in row.figures],
            "distinctive": [{"term": t.term, "z": t.z, "count": t.count,
                             "source": _source(t.source) if t.source else None} for t in row.distinctive],
            "meetings": [_meeting(m) for m in row.meetings],
        } for row in briefing.districts],
        "sources": [{"file": str(e.path), "title": e.title, "outlet": e.outlet, "published": e.published,
                     "url": e.url, "encoding": e.encoding} for e in briefing.sources],
    }
    return HEADER + yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100)


# --- reading ------------------------------------------------------------------------------


def looks_like_brief(path: Path) -> bool:
    """A .yaml file that starts as a brief does (its first lines name the version)."""
    if path.suffix.lower() not in (".yaml", ".yml") or not path.is_file():
        return False
    try:
        head = path.read_text("utf-8")[:2000]
    except (OSError, UnicodeDecodeError):
        return False
    return "briefing brief" in head or "\nversion:" in f"\n{head}"


class _Reader:
    """Reads plain data with the line of every key path, for errors that point at it."""

    def __init__(self, path: Path, lines: dict[str, int]) -> None:
        self.path, self.lines = path, lines

    def fail(self, key: str, problem: str) -> InputError:
        return InputError(f"{key}: {problem}", f"{self.path}:{self.lines.get(key, 1)}")

    def get(self, data: Any, key: str, name: str, kind: type | tuple[type, ...], default: Any = ...) -> Any:
        where = f"{key}.{name}" if key else name
        if not isinstance(data, dict):
            raise self.fail(key or "/", "expected a mapping")
        if name not in data:
            if default is ...:
                raise self.fail(where if where in self.lines else key or "/", f"{name}: missing")
            return default
        value = data[name]
        if value is None and default is not ... and default is None:
            return None
        if isinstance(value, bool) and kind is not bool and bool not in (kind if isinstance(kind, tuple) else ()):
            raise self.fail(where, f"expected {_kind_name(kind)}")
        if not isinstance(value, kind):
            raise self.fail(where, f"expected {_kind_name(kind)}")
        return value


def _kind_name(kind: type | tuple[type, ...]) -> str:
    names = {str: "text", int: "a whole number", float: "a number", bool: "true or false", list: "a list",
             dict: "a mapping", type(None): "null"}
    kinds = kind if isinstance(kind, tuple) else (kind,)
    return " or ".join(names.get(k, k.__name__) for k in kinds)


def read_brief(path: Path) -> Briefing:
    """The brief in ``path`` as a :class:`Briefing`, or :class:`InputError` at its line."""
    from .errors import TemplateError
    from .template import load_yaml

    try:
        data, lines = load_yaml(path, max_values=BRIEF_MAX_VALUES,
                                what="a brief is a mapping of version:, districts:, sources:")
    except TemplateError as exc:  # same plain-YAML reader as templates; errors name file and line
        raise InputError(exc.cause, exc.path) from None
    r = _Reader(path, lines)
    version = r.get(data, "", "version", int)
    if version != BRIEF_VERSION:
        raise r.fail("version", f"this briefing reads brief version {BRIEF_VERSION}, not {version}")
    rows: list[DistrictComparison] = []
    for i, row in enumerate(r.get(data, "", "districts", list)):
        key = f"districts[{i}]"
        district = r.get(row, key, "district", str)
        meetings = [_read_meeting(r, m, f"{key}.meetings[{j}]", district, row)
                    for j, m in enumerate(r.get(row, key, "meetings", list))]
        themes = [(r.get(t, f"{key}.themes[{j}]", "theme", str), float(r.get(t, f"{key}.themes[{j}]", "share",
                                                                                 (int, float))))
                  for j, t in enumerate(r.get(row, key, "themes", list, []))]
        figures = [_read_figure(r, f, f"{key}.figures[{j}]")
                   for j, f in enumerate(r.get(row, key, "figures", list, []))]
        keywords = [str(w) for w in r.get(row, key, "keywords", list, [])]
        distinctive = []
        for j, t in enumerate(r.get(row, key, "distinctive", list, [])):
            tkey = f"{key}.distinctive[{j}]"
            source = r.get(t, tkey, "source", dict, None)
            distinctive.append(DistinctiveTerm(r.get(t, tkey, "term", str), float(r.get(t, tkey, "z", (int, float))),
                                               r.get(t, tkey, "count", int),
                                               _read_source(r, source, f"{tkey}.source") if source else None))
        if meetings:
            rows.append(DistrictComparison(district, meetings, keywords, themes, figures, distinctive))
    meetings = [m for row in rows for m in row.meetings]
    used = {s for m in meetings for s in m.sources}
    sources = []
    for i, entry in enumerate(r.get(data, "", "sources", list, [])):
        key = f"sources[{i}]"
        file = Path(r.get(entry, key, "file", str))
        if file not in used:
            continue  # its meetings were deleted
        sources.append(SourceEntry(
            path=file, outlet=r.get(entry, key, "outlet", str, None),
            published=r.get(entry, key, "published", str, None),
            meetings=[f"{m.district} {m.name}" for m in meetings if file in m.sources],
            url=r.get(entry, key, "url", str, None), encoding=r.get(entry, key, "encoding", str, "utf-8"),
            title=r.get(entry, key, "title", str, None)))
    themes = [str(t) for t in r.get(data, "", "themes", list, [])]
    return Briefing(meetings=meetings, districts=rows, sources=sources, theme_names=themes,
                    cleaning=CleaningReport())


def _read_source(r: _Reader, data: Any, key: str) -> SourceSentence:
    return SourceSentence(Path(r.get(data, key, "file", str)), r.get(data, key, "paragraph", int),
                          r.get(data, key, "sentence", str))


def _read_figure(r: _Reader, data: Any, key: str) -> KeyFigure:
    return KeyFigure(value=r.get(data, key, "value", str), number=float(r.get(data, key, "number", (int, float))),
                     unit=r.get(data, key, "unit", str), measure=r.get(data, key, "measure", str, ""),
                     source=_read_source(r, r.get(data, key, "source", dict), f"{key}.source"))


def _read_meeting(r: _Reader, data: Any, key: str, district: str, row: Any) -> Meeting:
    kind_text = r.get(data, key, "kind", str)
    try:
        kind = MeetingKind(kind_text)
    except ValueError:
        raise r.fail(f"{key}.kind", f"unknown kind {kind_text!r}; one of {', '.join(k.value for k in MeetingKind)}") \
            from None
    d = r.get(data, key, "date", dict)
    dkey = f"{key}.date"
    precision_text = r.get(d, dkey, "precision", str)
    try:
        precision = DatePrecision(precision_text)
    except ValueError:
        raise r.fail(f"{dkey}.precision", "expected day, month, year or none") from None
    date = MeetingDate(r.get(d, dkey, "year", int, None), r.get(d, dkey, "month", int, None),
                       r.get(d, dkey, "day", int, None), precision, r.get(d, dkey, "inferred", bool, False),
                       r.get(d, dkey, "note", str, None))
    needs = {DatePrecision.DAY: ("year", "month", "day"), DatePrecision.MONTH: ("year", "month"),
             DatePrecision.YEAR: ("year",), DatePrecision.NONE: ()}[precision]
    for part in needs:
        if getattr(date, part) is None:
            raise r.fail(f"{dkey}.{part}", f"a {precision.value}-precise date needs its {part}")
    points = []
    for i, p in enumerate(r.get(data, key, "points", list, [])):
        pkey = f"{key}.points[{i}]"
        points.append(KeyPoint(r.get(p, pkey, "text", str), 0.0,
                               _read_source(r, r.get(p, pkey, "source", dict), f"{pkey}.source")))
    sources = [Path(str(s)) for s in r.get(data, key, "sources", list, [])]
    return Meeting(
        district=district, kind=kind, name=r.get(data, key, "name", str), date=date,
        reports=[Report(path=s, paragraphs=[Paragraph("", 0)]) for s in sources],
        leaders=[Leader(r.get(x, f"{key}.leaders[{i}]", "name", str), r.get(x, f"{key}.leaders[{i}]", "role", str))
                 for i, x in enumerate(r.get(data, key, "leaders", list, []))],
        documents=[AdoptedDocument(r.get(x, f"{key}.documents[{i}]", "title", str),
                                   r.get(x, f"{key}.documents[{i}]", "adopted", bool, False))
                   for i, x in enumerate(r.get(data, key, "documents", list, []))],
        figures=[_read_figure(r, f, f"{key}.figures[{i}]")
                 for i, f in enumerate(r.get(data, key, "figures", list, []))],
        keywords=[(str(w), 1.0) for w in r.get(data, key, "keywords", list, [])],
        points=points,
        district_confident=r.get(data, key, "district_recognised", bool, True),
        city=str(r.get(row, "", "city", str, "") or ""), province=str(r.get(row, "", "province", str, "") or ""),
    )
