"""Domain knowledge kept as data: word lists and rule tables, read once where used."""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any


def read_text(name: str) -> str:
    return resources.files(__name__).joinpath(name).read_text("utf-8")


def read_yaml(name: str) -> Any:
    """A rule table, parsed by libyaml where PyYAML has it (ten times faster than its
    Python parser, and every run reads these tables)."""
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return yaml.load(read_text(name), Loader=loader)


def read_list(name: str) -> list[str]:
    """The entries of a list file: one per line, blank lines and "#" comments skipped."""
    return [line.strip() for line in read_text(name).splitlines() if line.strip() and not line.startswith("#")]


@cache
def surnames() -> frozenset[str]:
    """Common Chinese surnames (one character each)."""
    return frozenset("".join(read_list("surnames.txt")))
