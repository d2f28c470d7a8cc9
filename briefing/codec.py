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
from enum import Enum
from functools import cache
from pathlib import Path
from typing import Any


class DecodeError(ValueError):
    """A stored value that is not what the model declares."""


def encode(value: Any) -> Any:
    """Dataclasses, enums, paths and arrays as JSON values (no derived fields added)."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: encode(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, Path):
        return str(value)
    if isinstance(value, array):
        return value.tolist()
    if isinstance(value, dict):
        return {str(k): encode(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [encode(v) for v in value]
    if isinstance(value, set | frozenset):
        return sorted(encode(v) for v in value)
    return value


@cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def decode(kind: Any, data: Any) -> Any:
    """``data`` rebuilt as ``kind`` (a dataclass, ``list[X]``, ``X | None``…), or DecodeError."""
    origin = typing.get_origin(kind)
    if kind is Any:
        return data
    if origin in (typing.Union, types.UnionType):
        options = typing.get_args(kind)
        if data is None and type(None) in options:
            return None
        for option in options:
            if option is type(None):
                continue
            try:
                return decode(option, data)
            except DecodeError:
                continue
        raise DecodeError(f"{data!r:.40} is none of {kind}")
    if origin in (list, tuple):
        if not isinstance(data, list):
            raise DecodeError(f"expected a list for {kind}")
        args = typing.get_args(kind)
        if origin is list:
            return [decode(args[0], item) for item in data]
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(decode(args[0], item) for item in data)
        if len(args) != len(data):
            raise DecodeError(f"expected {len(args)} items for {kind}")
        return tuple(decode(a, item) for a, item in zip(args, data, strict=True))
    if origin is dict:
        if not isinstance(data, dict):
            raise DecodeError(f"expected a mapping for {kind}")
        _, value_kind = typing.get_args(kind)
        return {str(k): decode(value_kind, v) for k, v in data.items()}
    if kind is array:
        if not isinstance(data, list) or not all(isinstance(n, int) and 0 <= n < 2**32 for n in data):
            raise DecodeError("expected a list of counts")
        return array("I", data)
    if isinstance(kind, type) and dataclasses.is_dataclass(kind):
        return _decode_dataclass(kind, data)
    if isinstance(kind, type) and issubclass(kind, Enum):
        try:
            return kind(data)
        except ValueError as exc:
            raise DecodeError(str(exc)) from None
    if kind is Path:
        if not isinstance(data, str):
            raise DecodeError("expected a path")
        return Path(data)
    if kind is float and isinstance(data, int | float) and not isinstance(data, bool):
        return float(data)
    if kind in (str, int, bool) and type(data) is kind:
        return data
    raise DecodeError(f"{data!r:.40} is not a {kind}")


def _decode_dataclass(cls: type, data: Any) -> Any:
    if not isinstance(data, dict):
        raise DecodeError(f"expected a mapping for {cls.__name__}")
    hints = _hints(cls)
    fields = {f.name for f in dataclasses.fields(cls) if f.init}
    if set(data) != fields:
        raise DecodeError(f"fields of {cls.__name__} differ")
    return cls(**{name: decode(hints[name], data[name]) for name in fields})
