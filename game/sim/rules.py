"""Every tunable number of the game, read once into a frozen object.

The numbers live in ``game/data/rules.toml``; :func:`game.content.load_rules` reads that file.
This module only turns the parsed table into an immutable tree with attribute access
(``rules.crew.ap_per_turn``) so a typo fails loudly and nothing can change a rule mid-game.
"""

from __future__ import annotations

import hashlib
import json
import tomllib
from collections.abc import Iterator, Mapping
from typing import Any


class RuleError(ValueError):
    """A rules file that cannot be used."""


class RuleSection(Mapping[str, Any]):
    """One frozen table of the rules file.

    Each value is also a plain instance attribute (unless the name is one the class itself
    defines, such as ``items``), so ``rules.move.walk_ap`` is a dict lookup: the rules are read
    at every step of every move, and failing over to ``__getattr__`` costs ten times as much.
    """

    def __init__(self, values: Mapping[str, Any], path: str = "rules") -> None:
        frozen: dict[str, Any] = {}
        for key, value in values.items():
            if isinstance(value, Mapping):
                frozen[key] = RuleSection(value, f"{path}.{key}")
            elif isinstance(value, list):
                frozen[key] = tuple(value)
            else:
                frozen[key] = value
        object.__setattr__(self, "_values", frozen)
        object.__setattr__(self, "_path", path)
        for key, value in frozen.items():
            if key.isidentifier() and not hasattr(type(self), key):
                object.__setattr__(self, key, value)

    def __getattr__(self, name: str) -> Any:
        try:
            return self._values[name]
        except KeyError:
            raise AttributeError(f"the rules have no '{self._path}.{name}'") from None

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError("rules are read-only")

    def __getitem__(self, key: str) -> Any:
        return self._values[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._values)

    def __len__(self) -> int:
        return len(self._values)

    def to_dict(self) -> dict[str, Any]:
        """A plain nested dict (tuples become lists), for hashing and display."""
        out: dict[str, Any] = {}
        for key, value in self._values.items():
            if isinstance(value, RuleSection):
                out[key] = value.to_dict()
            elif isinstance(value, tuple):
                out[key] = list(value)
            else:
                out[key] = value
        return out


class Rules(RuleSection):
    """The whole rules file. ``digest`` names this exact set of numbers in recordings."""

    __slots__ = ("digest",)

    def __init__(self, values: Mapping[str, Any]) -> None:
        super().__init__(values, "rules")
        canonical = json.dumps(self.to_dict(), sort_keys=True, separators=(",", ":"))
        object.__setattr__(
            self, "digest", hashlib.blake2b(canonical.encode(), digest_size=16).hexdigest()
        )

    @classmethod
    def from_toml(cls, text: str, source: str = "rules.toml") -> Rules:
        """Parse the TOML text of a rules file."""
        try:
            return cls(tomllib.loads(text))
        except tomllib.TOMLDecodeError as error:
            raise RuleError(f"{source}: not valid TOML ({error}) — fix the syntax") from None

    def with_overrides(self, overrides: Mapping[str, Any]) -> Rules:
        """A copy with some values replaced, e.g. ``{"crew": {"ap_per_turn": 12}}`` (tests)."""

        def merge(base: dict[str, Any], extra: Mapping[str, Any]) -> dict[str, Any]:
            merged = dict(base)
            for key, value in extra.items():
                if isinstance(value, Mapping) and isinstance(merged.get(key), dict):
                    merged[key] = merge(merged[key], value)
                else:
                    merged[key] = value
            return merged

        return Rules(merge(self.to_dict(), overrides))
