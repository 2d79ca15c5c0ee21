"""Turning a parsed rules table into typed sections and back, refusing what does not fit.

Generic over the section dataclasses of :mod:`game.sim.rules.sections`: each field's type
hint says what the TOML value must be (``int``, ``str``, ``tuple[str, ...]``, a
``Mapping[str, ...]`` for an open-keyed table, or another dataclass for a fixed table), so
adding a rule number is adding a field, and nothing here changes.
"""

from __future__ import annotations

import dataclasses
import functools
import json
import types
import typing
from collections.abc import Mapping
from typing import Any, TypeVar

T = TypeVar("T")


class RuleError(ValueError):
    """A rules file that cannot be used: one line naming the file, the key and what to do."""


@dataclasses.dataclass(frozen=True)
class _Where:
    """Where a value sits, for the error message: the file and the table (``drill.member``)."""

    source: str
    table: str

    def inside(self, key: str) -> _Where:
        return _Where(self.source, f"{self.table}.{key}" if self.table else key)

    def name(self, key: str) -> str:
        """``[move] walk_ap``, or ``[move]`` for a whole section at the top level."""
        return f"[{self.table}] {key}" if self.table else f"[{key}]"


@functools.cache
def _hints(cls: type) -> dict[str, Any]:
    """A dataclass's resolved field types, worked out once per class."""
    return typing.get_type_hints(cls)


def parse(cls: type[T], table: Any, source: str) -> T:
    """The dataclass ``cls`` built from a parsed TOML table, or a :class:`RuleError`."""
    return _table(cls, table, _Where(source, ""), "the rules")


def _table(cls: type[T], table: Any, where: _Where, label: str) -> T:
    """A fixed table: exactly the fields of ``cls``, each of its type."""
    if not isinstance(table, Mapping):
        raise RuleError(f"{where.source}: {label} must be a table, not {_shown(table)}")
    fields = {f.name: f for f in dataclasses.fields(cls) if f.init}  # type: ignore[arg-type]
    for key in table:
        if key not in fields:
            what = f"[{where.table}] has an unknown key '{key}'"
            if not where.table:
                what = f"unknown section [{key}]"
            raise RuleError(f"{where.source}: {what} — remove it or fix the spelling")
    values: dict[str, Any] = {}
    for name, field in fields.items():
        if name in table:
            values[name] = _value(_hints(cls)[name], table[name], where, name)
        elif field.default is dataclasses.MISSING:  # not optional, as a drill speed's keys are
            what = f"[{where.table}] is missing '{name}'"
            if not where.table:
                what = f"the [{name}] section is missing"
            raise RuleError(f"{where.source}: {what} — add it")
    return cls(**values)


def _value(hint: Any, value: Any, where: _Where, key: str) -> Any:
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):  # ``int | None``: absent is None
        (hint,) = [arg for arg in typing.get_args(hint) if arg is not type(None)]
        origin = typing.get_origin(hint)
    if hint is int:
        if isinstance(value, int) and not isinstance(value, bool):
            return value
        raise _wrong(where, key, "a whole number", value)
    if hint is str:
        if isinstance(value, str):
            return value
        raise _wrong(where, key, "text in quotes", value)
    if origin is tuple:
        if isinstance(value, list) and all(isinstance(item, str) for item in value):
            return tuple(value)
        raise _wrong(where, key, "a list of names in quotes", value)
    if origin is Mapping:
        inner = where.inside(key)
        if not isinstance(value, Mapping):
            raise _wrong(where, key, "a table", value)
        item_hint = typing.get_args(hint)[1]
        return types.MappingProxyType(
            {name: _value(item_hint, item, inner, name) for name, item in value.items()}
        )
    if dataclasses.is_dataclass(hint):
        return _table(hint, value, where.inside(key), where.name(key))  # type: ignore[arg-type]
    raise TypeError(f"a rules field of unsupported type {hint!r}")  # a programming error


def _wrong(where: _Where, key: str, expected: str, value: Any) -> RuleError:
    return RuleError(f"{where.source}: {where.name(key)} must be {expected}, not {_shown(value)}")


def _shown(value: Any) -> str:
    """A value as the file would spell it, near enough: ``"4"``, ``true``, ``[1, 2]``."""
    return json.dumps(value, ensure_ascii=False, default=str)


def plain(value: Any) -> Any:
    """A section as the plain data ``tomllib`` gave: dicts, lists, ints and strings.

    Optional fields left out (None) are left out again, so ``to_dict`` of a loaded file is
    exactly the parsed table and its digest does not depend on how the loader is written.
    """
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {
            f.name: plain(getattr(value, f.name))
            for f in dataclasses.fields(value)
            if f.init and getattr(value, f.name) is not None
        }
    if isinstance(value, Mapping):
        return {key: plain(item) for key, item in value.items()}
    if isinstance(value, tuple):
        return [plain(item) for item in value]
    return value
