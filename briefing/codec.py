"""The pipeline's dataclasses as plain JSON values and back, checked field by field.

The result cache stores what a stage made of a page or a meeting; what comes back from
disk is rebuilt only where every field has the type the model declares, so a damaged or
foreign entry is refused (:class:`DecodeError`) and the work is done again.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from array import array
from collections.abc import Callable
from enum import Enum
from functools import cache, lru_cache
from pathlib import Path
from typing import Any


class DecodeError(ValueError):
    """A stored value that is not what the model declares."""


_PLAIN = frozenset({str, int, float, bool, type(None)})


@cache
def _field_names(cls: type) -> tuple[str, ...] | None:
    """A dataclass's field names (None for any other type), looked up once per type."""
    return tuple(f.name for f in dataclasses.fields(cls)) if dataclasses.is_dataclass(cls) else None


def encode(value: Any, derived: Callable[[Any], dict[str, Any]] | None = None) -> Any:
    """Dataclasses, enums, paths and arrays as JSON values. ``derived(obj)`` may add fields
    a reader wants beside a dataclass's own (a date's label); stored results take none."""
    cls = type(value)
    if cls in _PLAIN:  # most values of a page: tested first, by exact type
        return value
    if cls is list or cls is tuple:
        return [encode(v, derived) for v in value]
    names = _field_names(cls)
    if names is not None:
        out = {name: encode(getattr(value, name), derived) for name in names}
        return out | derived(value) if derived else out
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, Path):
        return str(value)
    if isinstance(value, array):
        return value.tolist()
    if isinstance(value, dict):
        return {str(k): encode(v, derived) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [encode(v, derived) for v in value]
    if isinstance(value, set | frozenset):
        return sorted(encode(v, derived) for v in value)
    return value


@cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def decode(kind: Any, data: Any) -> Any:
    """``data`` rebuilt as ``kind`` (a dataclass, ``list[X]``, ``X | None``…), or DecodeError."""
    return decoder(kind)(data)


@cache
def decoder(kind: Any) -> Callable[[Any], Any]:
    """A function that decodes JSON data as ``kind``, worked out once per type: a store of
    thousands of pages decodes hundreds of thousands of paragraphs."""
    origin = typing.get_origin(kind)
    if kind is Any:
        return lambda data: data
    if origin in (typing.Union, types.UnionType):
        options = [decoder(o) for o in typing.get_args(kind) if o is not type(None)]
        optional = type(None) in typing.get_args(kind)

        def union(data: Any) -> Any:
            if data is None and optional:
                return None
            for option in options:
                try:
                    return option(data)
                except DecodeError:
                    continue
            raise DecodeError(f"{data!r:.40} is none of {kind}")
        return union
    if origin in (list, tuple):
        args = typing.get_args(kind)
        if origin is list or (len(args) == 2 and args[1] is Ellipsis):
            item = decoder(args[0])
            make = list if origin is list else tuple

            def sequence(data: Any) -> Any:
                if not isinstance(data, list):
                    raise DecodeError(f"expected a list for {kind}")
                return make([item(x) for x in data])
            return sequence
        items = [decoder(a) for a in args]
        if len(items) == 2:  # pairs (a keyword and its weight, a span) are most of them
            first, second = items

            def pair(data: Any) -> Any:
                if type(data) is not list or len(data) != 2:
                    raise DecodeError(f"expected 2 items for {kind}")
                return (first(data[0]), second(data[1]))
            return pair

        def fixed(data: Any) -> Any:
            if not isinstance(data, list) or len(data) != len(items):
                raise DecodeError(f"expected {len(items)} items for {kind}")
            return tuple(f(x) for f, x in zip(items, data, strict=True))
        return fixed
    if origin is dict:
        value = decoder(typing.get_args(kind)[1])

        def mapping(data: Any) -> Any:
            if not isinstance(data, dict):
                raise DecodeError(f"expected a mapping for {kind}")
            return {str(k): value(v) for k, v in data.items()}
        return mapping
    if kind is array:
        def counts(data: Any) -> Any:
            if type(data) is not list:
                raise DecodeError("expected a list of counts")
            try:  # the array checks each item: an int in 0..2**32-1 (a float or a str is refused)
                return array("I", data)
            except (TypeError, OverflowError):
                raise DecodeError("expected a list of counts") from None
        return counts
    if isinstance(kind, type) and dataclasses.is_dataclass(kind):
        return _dataclass_decoder(kind)
    if isinstance(kind, type) and issubclass(kind, Enum):
        def member(data: Any) -> Any:
            try:
                return kind(data)
            except ValueError as exc:
                raise DecodeError(str(exc)) from None
        return member
    if kind is Path:
        return _path
    if kind is float:
        def number(data: Any) -> Any:
            if type(data) not in (int, float):
                raise DecodeError(f"{data!r:.40} is not a number")
            return float(data)
        return number
    if kind in (str, int, bool):
        def plain(data: Any) -> Any:
            if type(data) is not kind:
                raise DecodeError(f"{data!r:.40} is not a {kind.__name__}")
            return data
        return plain
    raise TypeError(f"no decoder for {kind}")


def _path(data: Any) -> Path:
    if not isinstance(data, str):
        raise DecodeError("expected a path")
    return _path_of(data)


@lru_cache(maxsize=65536)
def _path_of(text: str) -> Path:
    # Every paragraph of a report names its file: one Path per file, shared (Paths are immutable).
    return Path(text)


def _dataclass_decoder(cls: type) -> Callable[[Any], Any]:
    """A decoder of ``cls`` that calls its constructor with positional arguments, each
    field decoded by the decoder of its declared type."""
    hints = _hints(cls)
    fields = [f.name for f in dataclasses.fields(cls) if f.init]
    names = frozenset(fields)
    # The fields' decoders are looked up at first use: a dataclass may refer to itself.
    build: list[Callable[[dict[str, Any]], Any]] = []

    def make(data: Any) -> Any:
        if type(data) is not dict:
            raise DecodeError(f"expected a mapping for {cls.__name__}")
        if data.keys() != names:
            raise DecodeError(f"fields of {cls.__name__} differ")
        if not build:
            build.append(_constructor(cls, fields, [decoder(hints[name]) for name in fields]))
        return build[0](data)
    return make


def _constructor(cls: type, fields: list[str], decoders: list[Callable[[Any], Any]]) -> Callable[[dict[str, Any]], Any]:
    """``lambda data: cls(d0(data["a"]), d1(data["b"]), …)``, written out once per class: a
    store of thousands of pages decodes hundreds of thousands of these."""
    args = ", ".join(f"d{i}(data[{name!r}])" for i, name in enumerate(fields))
    scope: dict[str, Any] = {"cls": cls, **{f"d{i}": d for i, d in enumerate(decoders)}}
    exec(f"def construct(data):\n    return cls({args})", scope)  # field names come from dataclasses, not from data
    return scope["construct"]
