"""One frozen dataclass per section of ``game/data/rules.toml``: the typed rules.

A field is a key of the file, with the file's comment beside it; its type says what the
value must be, and :mod:`game.sim.rules.load` refuses anything else at load, naming the
key. Open-keyed tables (by role, by crew member) are read-only mappings.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

_frozen = dataclass(frozen=True, slots=True)


class _Section:
    """What every section shares: a readable error for a rule that does not exist."""

    __slots__ = ()

    def __getattr__(self, name: str) -> object:  # only reached when the field is missing
        camel = type(self).__name__.removesuffix("Rules")
        section = re.sub(r"(?<!^)(?=[A-Z])", "_", camel).lower()  # GuardStates: guard_states
        raise AttributeError(f"the rules have no 'rules.{section}.{name}'")


@_frozen
class ClockRules(_Section):
    minutes_per_turn: int  # in-game minutes that pass each full turn
    start: str  # default mission start, overridden by a map's start_time


@_frozen
class CrewRules(_Section):
    ap_per_turn: int  # action points each crew member gets at the start of a turn
    max_hp: int


@_frozen
class MoveRules(_Section):
    walk_ap: int  # AP per cell walked
    sneak_ap: int  # AP per cell sneaked
    stairs_extra_ap: int  # extra AP to take a flight of stairs
    walk_loudness: int
    sneak_loudness: int


@_frozen
class DoorsRules(_Section):
    open_ap: int
    close_ap: int
    open_loudness: int
    close_loudness: int
    pick_ap: int  # AP per attempt at picking a lock
    pick_loudness: int
    pick_progress: int  # lock progress per attempt
    lock_difficulty: int  # attempts needed for an ordinary lock


@_frozen
class GuardsRules(_Section):
    steps_per_turn: int  # cells a patrolling guard walks per world turn
    walk_loudness: int


@_frozen
class TerrainRules(_Section):
    """Defaults for tiles that do not say otherwise."""

    air_attenuation: int
    floor_attenuation: int
    door_attenuation: int  # a shut door that its tile does not make louder-proof
    stairs_attenuation: int  # noise up or down a stairwell
    hole_attenuation: int  # noise through a drilled hole (the cheapest step there is)


@_frozen
class NoiseRules(_Section):
    """Loudness of what is not an action of its own (actions carry theirs in their section).

    Guards ignore noises made by guards (doors on their rounds) except the alarming kinds.
    """

    shout_loudness: int  # a guard who sees the crew shouts for help
    bell_loudness: int  # a ringing alarm bell, every world turn
    carry_extra_loudness: int  # added to each step of someone carrying a person
    scream_loudness: int  # a civilian (concierge, neighbour) who is woken or sees the crew
    alarming: tuple[str, ...]  # kinds that send every guard who hears them running


@_frozen
class HearingRules(_Section):
    threshold: int  # least level an awake guard notices
    asleep_extra: int  # a sleeper needs this much more to wake up (a map sleeper's own
    # `wake` wins): 3, so footsteps beside the bed (4 - 1) wake it, sneaking and a shut
    # door do not
    sensor_threshold: int  # vibration sensor: least level at its cell that trips it
    role: Mapping[str, int]  # awake threshold by role (overrides `threshold`)

    def threshold_of(self, role: str) -> int:
        """The least level an awake guard of this role notices."""
        return self.role.get(role, self.threshold)


@_frozen
class VisionRules(_Section):
    """Plus the adjacent cells in front and to the sides (not the three behind)."""

    angle: int  # width of a guard's cone, degrees (at most 180)
    range_lit: int  # how far a guard sees into lit cells
    range_unlit: int  # ... and into unlit cells
    role: Mapping[str, int]  # range_lit by role (overrides `range_lit`)

    def range_lit_of(self, role: str) -> int:
        """How far a guard of this role sees into lit cells."""
        return self.role.get(role, self.range_lit)


@_frozen
class LightRules(_Section):
    """Light sources a map places (read by the map loader; the rules read ``terrain.lit``)."""

    max_radius: int  # the largest radius a map may give a light
    radius: Mapping[str, int]  # cells lit around each kind (a map's radius 0 takes these)


@_frozen
class GuardStatesRules(_Section):
    search_turns: int  # turns a suspicious guard looks around where the noise was
    chase_steps: int  # cells an alerted guard runs per world turn
    knockout_turns: int  # turns a knocked-out guard lies senseless
    path_margin: int  # extra cells around a guard's path search (keeps it fast)
    flee_steps: int  # cells a civilian who raised the alarm runs per world turn
    civilians: tuple[str, ...]  # roles that never catch anyone: woken or seeing the crew
    # they scream, call the police and flee


@_frozen
class AlarmRules(_Section):
    police_delay: int  # turns from the alarm to the police (a map's police_delay wins)


@_frozen
class DrillSpeed:
    """One member's drilling; what it leaves out is the ``[drill]`` default."""

    progress: int | None = None
    loudness: int | None = None


@_frozen
class DrillRules(_Section):
    ap: int  # AP per drilling action
    work: int  # progress that makes a hole a person fits through
    starter: int  # progress after which the hole is open: plaster falls, an umbrella can
    # be pushed through
    progress: int  # progress per action, for who is not listed below
    loudness: int  # drilling noise at the drilled cell (upper floor)
    plaster_loudness: int  # plaster falling into the room below, per action
    caught_loudness: int  # ... when an umbrella catches it
    member: Mapping[str, DrillSpeed]  # speed and loudness by who drills

    def speed_of(self, role: str) -> tuple[int, int]:
        """``(progress per action, loudness)`` of this member's drilling."""
        mine = self.member.get(role, DrillSpeed())
        progress = self.progress if mine.progress is None else mine.progress
        loudness = self.loudness if mine.loudness is None else mine.loudness
        return progress, loudness


@_frozen
class UmbrellaRules(_Section):
    ap: int
    loudness: int


@_frozen
class RopeRules(_Section):
    lower_ap: int  # tie and lower a rope through a finished hole
    lower_loudness: int
    climb_ap: int  # climbing up or down the rope (Move across a hole too)
    climb_loudness: int


@_frozen
class FoamRules(_Section):
    ap: int
    loudness: int


@_frozen
class SafeRules(_Section):
    crackers: tuple[str, ...]  # who can crack a safe
    ap: int
    progress: int  # per action
    difficulty: int  # progress a safe needs, unless the map says otherwise
    loudness: int  # quiet but not silent
    value: int  # loot in a safe whose map value is 0


@_frozen
class LootRules(_Section):
    ap: int
    loudness: int
    value: int  # value of a loot object whose map value is 0


@_frozen
class KnockoutRules(_Section):
    ap: int
    loudness: int


@_frozen
class CarryRules(_Section):
    pick_up_ap: int
    pick_up_loudness: int
    drop_ap: int
    drop_loudness: int
    extra_ap_per_step: int  # walking with someone on your shoulder


@_frozen
class ShootRules(_Section):
    ap: int
    loudness: int
    range: int
    damage: int  # hp a hit takes (guards have 1, the crew max_hp)
