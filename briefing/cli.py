"""Command line: ``briefing build``, ``summarize``, ``template``, ``preview``.

Thin by design: every command parses options, calls the pipeline and reports.
Failures print one line, ``briefing: error: PATH: cause``, and exit 2 for bad input or
usage, 1 otherwise; ``--debug`` shows the traceback instead.
"""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from .errors import BriefingError

if TYPE_CHECKING:
    from .filters import Selection

_DEBUG = False


def _fail(message: str, code: int) -> None:
    click.echo(f"briefing: error: {message}", err=True)
    sys.exit(code)


def reports_errors(command: Callable[..., Any]) -> Callable[..., Any]:
    """Turn every failure into one line on stderr and an exit code."""

    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except BriefingError as exc:
            if _DEBUG:
                raise
            _fail(str(exc), exc.exit_code)
        except KeyboardInterrupt:
            _fail("interrupted; nothing was written", 130)
        except MemoryError:
            _fail("out of memory", 1)
        except Exception as exc:
            if _DEBUG:
                raise
            detail = str(exc).splitlines()[0] if str(exc) else ""
            _fail(f"internal error: {type(exc).__name__}: {detail} (rerun with --debug for details)", 1)

    return wrapper


class Warnings:
    """Collects warnings; prints them as they come unless quiet, and sums them up."""

    def __init__(self, quiet: bool) -> None:
        self.quiet = quiet
        self.items: list[str] = []
        self.held = False  # while a progress bar owns the line, warnings wait

    def __call__(self, message: str) -> None:
        self.items.append(message)
        if not self.quiet and not self.held:
            click.echo(f"briefing: warning: {message}", err=True)

    def release(self, since: int) -> None:
        """Print the warnings held back since item ``since``."""
        self.held = False
        if not self.quiet:
            for message in self.items[since:]:
                click.echo(f"briefing: warning: {message}", err=True)

    def summary(self) -> None:
        if self.items and not self.quiet:
            click.echo(f"briefing: {len(self.items)} warning(s)", err=True)


_INPUTS = click.argument("inputs", nargs=-1, required=True, metavar="INPUT...")
_LATEST = click.option("--latest", type=click.IntRange(min=1), default=None,
                       help="Keep only the newest N meetings per district.")
_SINCE = click.option("--since", default=None, metavar="DATE",
                      help="Meetings on or after DATE (2024, 2024-07 or 2024-07-10).")
_UNTIL = click.option("--until", default=None, metavar="DATE", help="Meetings on or before DATE.")
_DISTRICT = click.option("--district", multiple=True, metavar="NAME",
                         help="Only this district (金山区, 金山, 舟山市·普陀区); repeat for more.")
_NO_CACHE = click.option(
    "--no-cache", is_flag=True,
    help="Read and summarize every report again, without the results kept from earlier runs (nor keep these).")
_KIND = click.option("--kind", multiple=True, metavar="KIND",
                     help="Only this kind of meeting (全会, 常委会会议, 政府常务会议…); repeat for more.")


def _run_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """What build and summarize share: which meetings (newest N, period, districts, kinds) and the cache."""
    for option in reversed((_LATEST, _SINCE, _UNTIL, _DISTRICT, _KIND, _NO_CACHE)):
        command = option(command)
    return command


def _selection(latest: int | None, since: str | None, until: str | None, districts: tuple[str, ...],
               kinds: tuple[str, ...]) -> Selection:
    """The options of a run, checked before any report is read."""
    from .filters import Period, Selection, kinds_from

    return Selection(Period.parse(since, "--since") if since else None,
                     Period.parse(until, "--until") if until else None,
                     tuple(districts), kinds_from(kinds), latest)


_TEMPLATE = click.option(
    "-t", "--template", type=click.Path(path_type=Path), default=None,
    help="Template YAML (default: the built-in templates/default.yaml).",
)


_EXIT_HOOKED = False


def _skip_final_collection() -> None:
    """At exit, what the run made is let go without a last search for cycles (a tenth of
    a second after a large build): the process ends, and files and the result store are
    closed by then. Registered first, so it runs after every other exit handler."""
    global _EXIT_HOOKED
    if not _EXIT_HOOKED:
        import atexit
        import gc

        atexit.register(gc.freeze)
        _EXIT_HOOKED = True


class BriefingGroup(click.Group):
    """Click's own usage errors in the one-line ``briefing: error:`` form, exit code 2."""

    def main(self, args: Any = None, prog_name: str | None = None, complete_var: str | None = None,
             standalone_mode: bool = True, **extra: Any) -> Any:
        if not standalone_mode:
            return super().main(args, prog_name, complete_var, standalone_mode, **extra)
        _skip_final_collection()
        try:
            code = super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        except click.exceptions.NoArgsIsHelpError as exc:  # a bare command shows its help
            click.echo(exc.ctx.get_help() if exc.ctx else str(exc), err=True)
            sys.exit(2)
        except click.UsageError as exc:
            message = exc.format_message().rstrip(".")
            message = message[:1].lower() + message[1:]
            hint = f"; see '{exc.ctx.command_path} --help'" if exc.ctx else ""
            _fail(message + hint, 2)
        except click.ClickException as exc:
            _fail(exc.format_message(), exc.exit_code)
        except click.Abort:
            _fail("interrupted; nothing was written", 130)
        sys.exit(code if isinstance(code, int) else 0)


@click.group(cls=BriefingGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="briefing")
@click.option("--debug", is_flag=True, help="Show tracebacks instead of one-line errors.")
def main(debug: bool) -> None:
    """Turn reports on district Party and government meetings into a briefing deck.

    INPUT is report files (.txt, .md, .html, .docx, .pdf), folders of them and web
    addresses (https://…).
    """
    global _DEBUG
    _DEBUG = debug


def _load(inputs: tuple[str, ...], template_path: Path | None, warn: Warnings,
          selection: Selection | None = None, progress: bool = False,
          for_deck: bool = False, use_cache: bool = True, store=None):  # type: ignore[no-untyped-def]
    """The briefing of ``inputs`` and the template. ``store``: the result store to use,
    left open for the caller (one run opens it once); without it one is opened here."""
    from .brief import looks_like_brief, read_brief
    from .errors import InputError
    from .filters import Selection
    from .pipeline import build_briefing, read_documents
    from .template import load_template

    template = load_template(template_path)
    font_warnings: list[str] = []
    if for_deck:  # everything the deck needs is checked before any report is read
        from .layout.fonts import template_font_warnings
        from .template import check_deck_files

        check_deck_files(template)
        font_warnings = template_font_warnings(template)
    bar = None

    def on_progress(step: int) -> None:
        nonlocal bar
        if bar is None:  # the first call says how many files there are
            if step > 5:
                bar = click.progressbar(length=step, label="Reading reports", file=sys.stderr)
                bar.__enter__()
                warn.held = True
        else:
            bar.update(1)

    briefs = [i for i in inputs if looks_like_brief(Path(i))]
    if briefs:  # an analyst's corrected brief: built as it stands, the reports not read again
        if len(inputs) > 1:
            raise InputError("a brief is built on its own, without other inputs", briefs[0])
        briefing = read_brief(Path(briefs[0]))
        selection = selection or Selection()
        for row in briefing.districts:
            chosen = selection.apply(row.meetings, warn) if selection.active else row.meetings
            row.meetings = chosen[:selection.latest] if selection.latest else chosen
        briefing.districts = [row for row in briefing.districts if row.meetings]
        briefing.meetings = [m for row in briefing.districts for m in row.meetings]
        briefing.scope = selection.describe()
        for message in font_warnings:
            warn(message)
        return briefing, template
    before = len(warn.items)
    own_store = store is None and use_cache
    if own_store:
        from .store import ResultStore

        store = ResultStore(on_warning=warn)
    try:
        try:
            docs = read_documents(inputs, warn, on_progress if progress and sys.stderr.isatty() else None, store)
        finally:
            if bar is not None:
                bar.__exit__(None, None, None)
                warn.release(before)
        for message in font_warnings:  # said once the reports could be read, not before an error
            warn(message)
        briefing = build_briefing(docs, template, warn, selection, keep_inputs=False, store=store)
    finally:
        if own_store and store is not None:
            store.close()
    briefing.warnings = list(warn.items)
    return briefing, template


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


@main.command()
@_INPUTS
@click.option("-o", "--output", type=click.Path(path_type=Path), default=Path("briefing.pptx"),
              show_default=True, help="The deck to write (replaced atomically if it exists).")
@_TEMPLATE
@_run_options
@click.option("--pdf", "with_pdf", is_flag=True, help="Also write the deck as a PDF beside it (needs LibreOffice).")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar, no warnings; errors only.")
@reports_errors
def build(inputs: tuple[str, ...], output: Path, template: Path | None, latest: int | None, since: str | None,
          until: str | None, district: tuple[str, ...], kind: tuple[str, ...], no_cache: bool, with_pdf: bool,
          quiet: bool) -> None:
    """Build the briefing deck from INPUT reports."""
    from .layout.deck import write_deck
    from .layout.files import check_output_path

    check_output_path(output)
    if with_pdf:  # said before any report is read, not after the work
        from .preview import find_soffice

        find_soffice()
    warn = Warnings(quiet)
    store = None
    if not no_cache:  # results and slides kept from earlier runs, where they are as they were
        from .store import ResultStore

        store = ResultStore(on_warning=warn)
    try:
        briefing, tmpl = _load(inputs, template, warn, _selection(latest, since, until, district, kind),
                               progress=not quiet, for_deck=True, use_cache=not no_cache, store=store)
        n_slides = write_deck(briefing, tmpl, output, store)
    finally:
        if store is not None:
            store.close()
    pdf = None
    if with_pdf:
        from .preview import export_pdf

        pdf = export_pdf(output, output.with_suffix(".pdf"))
    warn.summary()
    if not quiet:
        articles = sum(1 for m in briefing.meetings if m.kind.value == "文章")
        held = _count(len(briefing.meetings) - articles, "meeting") + (f", {_count(articles, 'article')}"
                                                                       if articles else "")
        click.echo(f"wrote {output} ({_count(n_slides, 'slide')}: {_count(len(briefing.districts), 'district')}, "
                   f"{held} from {_count(len(briefing.sources), 'report')})" + (f" and {pdf}" if pdf else ""))


@main.command()
@_INPUTS
@_TEMPLATE
@click.option("-f", "--format", "fmt", type=click.Choice(["text", "json", "markdown", "yaml"]), default="text",
              show_default=True, help="Output format (yaml: the brief to correct and build again).")
@click.option("-o", "--output", type=click.Path(path_type=Path), default=None,
              help="Write to this file instead of standard output.")
@_run_options
@click.option("-q", "--quiet", is_flag=True, help="No warnings; errors only.")
@reports_errors
def summarize(inputs: tuple[str, ...], template: Path | None, fmt: str, output: Path | None, latest: int | None,
              since: str | None, until: str | None, district: tuple[str, ...], kind: tuple[str, ...],
              no_cache: bool, quiet: bool) -> None:
    """Print each meeting's facts, keywords and key points with their sources."""
    from .brief import briefing_to_yaml
    from .export import briefing_to_markdown, briefing_to_text, iter_json

    if output is not None:  # checked before any report is read
        from .layout.files import check_output_folder

        check_output_folder(output)
    warn = Warnings(quiet)
    briefing, tmpl = _load(inputs, template, warn, _selection(latest, since, until, district, kind),
                           use_cache=not no_cache)
    render = {"json": iter_json, "markdown": briefing_to_markdown, "text": briefing_to_text,
              "yaml": lambda b, _script: briefing_to_yaml(b)}[fmt]
    # JSON comes in pieces, written as made: thousands of meetings are never one string.
    pieces = render(briefing, tmpl.script)
    pieces = [pieces] if isinstance(pieces, str) else pieces
    if output is None:
        for piece in pieces:
            click.echo(piece, nl=False)
        click.echo()
    else:
        from .layout.files import save_atomically

        def write(tmp: str) -> None:
            with open(tmp, "w", encoding="utf-8") as f:
                for piece in pieces:
                    f.write(piece)
                f.write("\n")

        save_atomically(output, write)
    warn.summary()
    if output is not None and not quiet:
        click.echo(f"wrote {output}")


@main.group()
def cache() -> None:
    """The results kept between runs, so that a growing folder is rebuilt quickly."""


@cache.command("info")
@reports_errors
def cache_info() -> None:
    """Say where the kept results are and how much room they take."""
    from .store import store_path

    path = store_path()
    size = path.stat().st_size if path.exists() else 0
    click.echo(f"{path}: {size / 2**20:.1f} MB" if size else f"{path}: empty")


@cache.command("clear")
@reports_errors
def cache_clear() -> None:
    """Remove the kept results; the next run reads every report again."""
    from .store import clear, store_path

    freed = clear()
    click.echo(f"removed {store_path()} ({freed / 2**20:.1f} MB)" if freed else "nothing to remove")


@main.group()
def template() -> None:
    """Write or check template YAML files."""


@template.command("init")
@click.argument("path", type=click.Path(path_type=Path, allow_dash=True), default=Path("briefing-template.yaml"))
@click.option("--force", is_flag=True, help="Overwrite PATH if it exists.")
@reports_errors
def template_init(path: Path, force: bool) -> None:
    """Write a commented copy of the default template to PATH ('-': standard output)."""
    from .errors import OutputError
    from .layout.files import save_atomically
    from .template import default_template_path

    text = default_template_path().read_text("utf-8")
    if str(path) == "-":
        click.echo(text, nl=False)
        return
    if path.exists() and not force:
        raise OutputError("already exists (use --force to overwrite)", path)
    save_atomically(path, lambda tmp: Path(tmp).write_text(text, "utf-8"))
    click.echo(f"wrote {path}")


@template.command("check")
@click.argument("path", type=click.Path(path_type=Path))
@reports_errors
def template_check(path: Path) -> None:
    """Validate the template at PATH and its files; list every problem, each with its line."""
    from .errors import TemplateProblems
    from .layout.colors import template_contrast_warnings
    from .layout.fonts import template_font_warnings
    from .template import check_deck_files, load_template

    try:
        tmpl = load_template(path)
        check_deck_files(tmpl)
    except TemplateProblems as exc:
        if _DEBUG:
            raise
        for problem in exc.problems:
            click.echo(f"briefing: error: {problem}", err=True)
        sys.exit(2)
    for message in [*template_font_warnings(tmpl), *template_contrast_warnings(tmpl)]:
        click.echo(f"briefing: warning: {message}", err=True)
    click.echo(f"{path}: ok")


@main.command()
@click.argument("deck", type=click.Path(path_type=Path))
@click.option("-o", "--output", type=click.Path(path_type=Path), default=Path("preview"),
              show_default=True, help="Folder for the PNG pages.")
@reports_errors
def preview(deck: Path, output: Path) -> None:
    """Render DECK to PNG pages through LibreOffice (and pdftoppm)."""
    from .preview import deck_font_warnings, find_renderers, render_pngs

    find_renderers()
    for message in deck_font_warnings(deck):
        click.echo(f"briefing: warning: {message}", err=True)
    pages = render_pngs(deck, output)
    click.echo(f"wrote {len(pages)} page(s) to {output}")


if __name__ == "__main__":  # pragma: no cover
    main()
