"""The whole run, stage after stage: read → clean → segment → extract → summarize → compare.

Kept apart from the CLI so that tests, benchmarks and other programs can run the
pipeline and get a :class:`Briefing` without a terminal.
"""

from __future__ import annotations

import atexit
import shutil
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import replace
from pathlib import Path
from urllib.parse import urlparse

from . import nlp
from .chrome import drop_site_furniture
from .cleaner import clean_source
from .codec import encode
from .comparer import compare
from .distinctive import profile_meetings
from .errors import InputError
from .extractor import extract_document, merged_groups
from .filters import Selection
from .model import Briefing, CleanDocument, CleaningReport, Meeting, SourceEntry
from .parallel import parallel_map
from .places import PlaceSettings, gazetteer
from .reader import collect_inputs, read_source
from .segmenter import segment_document
from .store import ResultStore, cached_map, content_key, key_of
from .summarizers.keyword_heading import SummarizerSettings, summarize
from .summarizers.units import formulae
from .template import Template

Warn = Callable[[str], None]
SKIPPED_SHOWN = 5  # files named in the one warning about a folder's other files


def _ignore(_: str) -> None:
    return None


def _fetch_addresses(inputs: list[Path | str]) -> tuple[list[Path], dict[Path, str]]:
    """Inputs with every web address fetched into a folder of this run's; the fetched
    files mapped to their addresses."""
    from .readers.web import fetch, is_address

    addresses: dict[Path, str] = {}
    paths: list[Path] = []
    folder: Path | None = None
    for item in inputs:
        if isinstance(item, str) and is_address(item):
            if folder is None:
                folder = Path(tempfile.mkdtemp(prefix="briefing-web-"))
                atexit.register(shutil.rmtree, folder, True)
            path = fetch(item, folder)
            addresses[path] = item
            paths.append(path)
        else:
            paths.append(Path(item))
    return paths, addresses


def read_documents(
    inputs: Iterable[Path | str], on_warning: Warn = _ignore,
    on_progress: Callable[[int], None] | None = None, store: ResultStore | None = None,
) -> list[CleanDocument]:
    """Read and clean every input. A file named outright must be readable; a file
    found in a folder that cannot be read is skipped with a warning.

    ``on_progress(total)`` is called once with the number of files, then with 0 as each
    file is done (the shape of a progress bar's length and update).
    """
    inputs, addresses = _fetch_addresses(list(inputs))
    named = {p.resolve() for p in inputs if p.is_file()}
    docs: list[CleanDocument] = []
    def skipped(folder: Path, files: list[Path]) -> None:
        shown = "、".join(f"{f.relative_to(folder)}" for f in files[:SKIPPED_SHOWN])
        more = f" and {len(files) - SKIPPED_SHOWN} more" if len(files) > SKIPPED_SHOWN else ""
        on_warning(f"{folder}: {len(files)} file(s) not read, not a report format "
                   f"(.txt, .md, .html, .docx, .pdf): {shown}{more}")

    paths = collect_inputs(inputs, skipped)
    tick = None
    if on_progress is not None:
        on_progress(len(paths))
        tick = lambda: on_progress(0)  # noqa: E731

    def read_all(func: Callable[[Path], _ReadResult], todo: list[Path]) -> list[_ReadResult]:
        for _ in range(len(paths) - len(todo)):  # the stored ones are done already
            if tick:
                tick()
        return parallel_map(func, todo, tick)

    results = cached_map(store, "page", tuple[CleanDocument, list[str]], _read_one, paths,
                         lambda path: (path.suffix.lower(), file_digest(path)), read_all, lambda path: [str(path)])
    for path, result in zip(paths, results, strict=True):
        if isinstance(result, InputError):
            if path.resolve() in named:
                raise result
            on_warning(f"skipped {result}")
        else:
            doc, warnings = result
            if path in addresses:  # a fetched page: its address is its source
                doc.url = addresses[path]
                doc.outlet = doc.outlet or urlparse(addresses[path]).hostname
            docs.append(doc)
            for warning in warnings:
                on_warning(warning)
    where = ", ".join(str(p) for p in inputs)
    if not docs:
        raise InputError("no readable reports found", where)
    for doc in docs:
        if not doc.paragraphs:
            on_warning(f"{doc.path}: nothing left after removing site boilerplate")
    docs = [d for d in docs if d.paragraphs]
    if not docs:
        raise InputError("no report text found (only boilerplate)", where)
    return docs


_ReadResult = tuple[CleanDocument, list[str]] | InputError


def file_digest(path: Path) -> str:
    """The file's bytes, hashed (a file that cannot be read has none: it is never stored)."""
    import hashlib

    if not path.is_file():  # a pipe would block here; the reader says what is wrong with it
        return "unreadable"
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return "unreadable"


def _read_one(path: Path) -> _ReadResult:
    """Read and clean one file; errors come back as values so that one bad file in a
    folder does not stop the others."""
    warnings: list[str] = []
    try:
        return clean_source(read_source(path), warnings.append), warnings
    except InputError as exc:
        return exc


_Extracted = tuple[list[Meeting], list[str], str | None]


def _extract_one(job: tuple[CleanDocument, PlaceSettings, str]) -> _Extracted:
    """Segment one page into reports and extract their meetings (merged later, across
    pages); with the warnings and the page's title for the sources slide."""
    doc, places, _ = job
    warnings: list[str] = []
    reports = segment_document(doc, warnings.append)
    return extract_document(doc, reports, places, warnings.append), warnings, _title(doc)


def summarizer_settings(template: Template) -> SummarizerSettings:
    return SummarizerSettings(
        points_per_meeting=int(template["summary.points_per_meeting"]),
        max_chars_per_point=int(template["summary.max_chars_per_point"]),
        extra_stopwords=tuple(template["summary.stopwords_extra"]),
        theme_terms=frozenset(term for terms in template["themes"].values() for term in terms),
    )


def place_settings(template: Template) -> PlaceSettings:
    return PlaceSettings.from_names(template["home_region"], template["districts"])


def _title(doc: CleanDocument) -> str | None:
    """The article's title: the page's, else a heading line among its first that names a
    meeting (a short line alone may be a caption or a site's name)."""
    if doc.title:
        return doc.title
    from .cleaner import is_heading_like
    from .meetings import find_meetings, other_meeting

    return next((p for p in doc.paragraphs[:3] if is_heading_like(p) and len(p) >= 6
                 and (find_meetings(p) or other_meeting(p))), None)


def build_briefing(
    docs: list[CleanDocument], template: Template, on_warning: Warn = _ignore,
    selection: Selection | None = None, keep_inputs: bool = True, store: ResultStore | None = None,
) -> Briefing:
    """Everything after reading: the data the deck and the exports are made from.

    ``keep_inputs=False`` empties ``docs``: a caller with no further use for them lets a
    large collection's text go page by page instead of holding it to the end. ``store``
    keeps each page's meetings and each meeting's summary for the next run.

    ``selection`` keeps a period, districts and kinds (chosen before summarizing, so the
    slides are those of a run on only the matching reports) and the newest N per district."""
    selection = selection or Selection()
    # Copies of our own: each page's text is let go once its meetings are extracted (the
    # meetings hold what is summarized), so a large collection is not held twice.
    pages = [replace(doc) for doc in drop_site_furniture(docs)]
    if not keep_inputs:
        docs.clear()
    docs = pages
    places = place_settings(template)
    gazetteer()  # loaded once, before any worker is forked
    nlp.segmenter()
    meetings: list[Meeting] = []
    titles: list[str | None] = []
    caching = store is not None and store.enabled
    place_key = key_of(encode(places))
    # A page's key is its text after cleaning and its places' settings; a meeting's is the
    # keys of the pages it was merged from, so its summary is found without hashing its text.
    page_keys = [content_key([place_key, encode(doc)], [str(doc.path)]) if caching else "" for doc in docs]
    jobs = [(doc, places, key) for doc, key in zip(docs, page_keys, strict=True)]
    extracted = cached_map(store, "extract", _Extracted, _extract_one, jobs,
                           lambda job: job[2], parallel_map, lambda job: [str(job[0].path)])
    del jobs
    origins: list[str] = []
    for i, (doc, (found, warnings, title)) in enumerate(zip(docs, extracted, strict=True)):
        meetings.extend(found)
        if caching:
            origins.extend(f"{page_keys[i]}#{j}" for j in range(len(found)))
        for warning in warnings:
            on_warning(warning)
        titles.append(title)
        doc.paragraphs = []
    groups = merged_groups(meetings)
    meetings = [meeting for meeting, _ in groups]
    identity = {id(meeting): key_of([origins[i] for i in parts]) for meeting, parts in groups} if caching else {}
    if selection.active:
        meetings = selection.apply(meetings, on_warning)
        if not meetings:
            raise InputError(f"no meeting matches {selection.describe()}", ", ".join(str(d.path) for d in docs[:3])
                             + (" …" if len(docs) > 3 else ""))
    settings = summarizer_settings(template)
    identities = [identity[id(m)] for m in meetings] if caching else None
    summarize(meetings, settings, store, identities)
    taxonomy_terms = tuple((theme, tuple(terms)) for theme, terms in template["themes"].items())
    profile_meetings(meetings, formulae() | frozenset(settings.extra_stopwords), settings.theme_terms,
                     taxonomy_terms, store, identities)
    taxonomy = {k: list(v) for k, v in template["themes"].items()}
    districts = compare(meetings, taxonomy, selection.latest, formulae() | frozenset(settings.extra_stopwords))
    kept = {id(m) for row in districts for m in row.meetings}
    meetings = [m for m in meetings if id(m) in kept]
    cleaning = CleaningReport()
    for doc in docs:
        cleaning.add(doc.report)
    reported: dict[Path, list[str]] = {}
    for m in meetings:
        for path in m.sources:
            reported.setdefault(path, []).append(f"{m.district} {m.name}")
    sources = [
        SourceEntry(
            path=doc.path, outlet=doc.outlet, published=doc.published, meetings=reported.get(doc.path, []),
            url=doc.url, encoding=doc.encoding, title=title,
        )
        for doc, title in zip(docs, titles, strict=True)
    ]
    # A file left out (a template, a page about no one district) is said in a warning, not
    # listed as a source of the deck.
    sources = [entry for entry in sources if entry.meetings]
    return Briefing(
        meetings=meetings, districts=districts, sources=sources,
        theme_names=list(taxonomy), cleaning=cleaning, scope=selection.describe(),
    )
