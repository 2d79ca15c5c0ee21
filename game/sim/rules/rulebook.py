"""The whole rule book: every section of ``rules.toml``, frozen, with the digest that names it."""

from __future__ import annotations

import dataclasses
import hashlib
import json
import tomllib
from collections.abc import Mapping
from typing import Any

from game.sim.rules.load import RuleError, parse, plain
from game.sim.rules.sections import (
    AlarmRules,
    CarryRules,
    ClockRules,
    CrewRules,
    DoorsRules,
    DrillRules,
    FoamRules,
    GuardsRules,
    GuardStatesRules,
    HearingRules,
    KnockoutRules,
    LightRules,
    LootRules,
    MoveRules,
    NoiseRules,
    RopeRules,
    SafeRules,
    ShootRules,
    TerrainRules,
    UmbrellaRules,
    VisionRules,
)


@dataclasses.dataclass(frozen=True, slots=True)
class Rules:
    """Every tunable number, one field per section of the file (``rules.move.walk_ap``).

    ``digest`` names this exact set of numbers in recordings: a blake2b of the canonical JSON
    of :meth:`to_dict`, which is exactly the table ``tomllib`` parsed, so the digest of a file
    is the same whatever shape the typed sections take.
    """

    clock: ClockRules
    crew: CrewRules
    move: MoveRules
    doors: DoorsRules
    guards: GuardsRules
    terrain: TerrainRules
    noise: NoiseRules
    hearing: HearingRules
    vision: VisionRules
    light: LightRules
    guard_states: GuardStatesRules
    alarm: AlarmRules
    drill: DrillRules
    umbrella: UmbrellaRules
    rope: RopeRules
    foam: FoamRules
    safe: SafeRules
    loot: LootRules
    knockout: KnockoutRules
    carry: CarryRules
    shoot: ShootRules
    kit: Mapping[str, tuple[str, ...]]  # what each crew member carries when the map lists none
    digest: str = dataclasses.field(init=False, compare=False)

    def __post_init__(self) -> None:
        canonical = json.dumps(self.to_dict(), sort_keys=True, separators=(",", ":"))
        digest = hashlib.blake2b(canonical.encode(), digest_size=16).hexdigest()
        object.__setattr__(self, "digest", digest)

    def __getattr__(self, name: str) -> object:  # only reached when the section is missing
        raise AttributeError(f"the rules have no section '{name}'")

    @classmethod
    def from_dict(cls, values: Mapping[str, Any], source: str = "rules") -> Rules:
        """The rules from a parsed table; a :class:`RuleError` names any key that is unknown,
        missing or of the wrong type."""
        return parse(cls, values, source)

    @classmethod
    def from_toml(cls, text: str, source: str = "rules.toml") -> Rules:
        """Parse the TOML text of a rules file."""
        try:
            table = tomllib.loads(text)
        except tomllib.TOMLDecodeError as error:
            raise RuleError(f"{source}: not valid TOML ({error}) — fix the syntax") from None
        return cls.from_dict(table, source)

    def to_dict(self) -> dict[str, Any]:
        """The plain nested table (lists, dicts), for hashing and display."""
        return plain(self)  # type: ignore[no-any-return]

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

        return Rules.from_dict(merge(self.to_dict(), overrides), "rule overrides")
