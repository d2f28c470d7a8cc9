"""Errors a user can act on. The CLI prints them as one line; no traceback."""

from __future__ import annotations

from pathlib import Path


class BriefingError(Exception):
    """A failure to report as ``PATH: cause``; ``exit_code`` 2 is bad input or usage."""

    exit_code = 1

    def __init__(self, cause: str, path: Path | str | None = None) -> None:
        super().__init__(cause)
        self.cause = cause
        self.path = path

    def __reduce__(self):  # type: ignore[no-untyped-def]
        # Keep the path when the error crosses from a worker process.
        return (self.__class__, (self.cause, self.path))

    def __str__(self) -> str:
        return f"{self.path}: {self.cause}" if self.path is not None else self.cause


class InputError(BriefingError):
    """An input file or folder cannot be used."""

    exit_code = 2


class TemplateError(BriefingError):
    """A template is invalid; ``path`` carries the file and line."""

    exit_code = 2


class OutputError(BriefingError):
    """The deck cannot be written where asked."""

    exit_code = 2


class TemplateProblems(TemplateError):
    """Every problem found in a template; shown as the first, with a count of the rest."""

    def __init__(self, problems: list[TemplateError]) -> None:
        first = problems[0]
        more = len(problems) - 1
        cause = first.cause + (f" (and {more} more: run `briefing template check`)" if more else "")
        super().__init__(cause, first.path)
        self.problems = problems

    def __reduce__(self):  # type: ignore[no-untyped-def]
        return (self.__class__, (self.problems,))
