"""How far a position is from a win, in AP: the solver's heuristic, derived from the rules.

The estimate is a plan in outline, worked out again for every position the search weighs:

- **the objectives** the map sets: loot worth enough (a safe to crack, showcases to empty, or
  loot already in a pocket), a person to carry to a car, everyone out;
- **who does each**: the cracker (a role the rules allow to crack) for a safe, the nearest
  crew member for loot or a person, whoever carries the drill, the umbrella or the rope for a
  hole the cracker's way goes through; everyone else just walks out;
- **what each costs**: the walk over the priced map (:mod:`game.sim.solve.prices`: every
  obstacle costs what clearing it costs), plus the work itself;
- **what must come first**, read off the rules' own noise data: a safe whose cracking a
  vibration sensor would feel needs its bell foamed first; a hole whose plaster would be
  heard below needs the umbrella under it; an item a route needs that has left the map (the
  drill driven off) makes the route impossible.

The sum is what the search minimises. It is not admissible (the crew works in parallel);
the search is greedy on purpose, and the par it reports is only the best win it found.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np

from game.sim import hearing
from game.sim.actions.loot import loot_value, safe_difficulty
from game.sim.entities import Device, GuardState, Status, Unit, UnitKind
from game.sim.geometry import Cell
from game.sim.outcome import loot_carried_out
from game.sim.solve.fields import FAR, Graph
from game.sim.solve.prices import SLACK, Pricing, beside_cells, least_of, value_at
from game.sim.world import World


@dataclass(frozen=True)
class Outline:
    """The estimate of one position: the AP left, and where each crew member heads next."""

    cost: int  # FAR or more: no way to win was found from here
    goals: dict[int, np.ndarray]  # crew id -> field of their next waypoint


@dataclass(frozen=True)
class Source:
    """Loot the objective could come from, and who fetches it at what cost (AP)."""

    cost: int  # the fetcher's walk there, the work, the walk out
    value: int
    unit: int  # who fetches it
    goal: np.ndarray  # the field of where they head first
    device: int
    hole: Cell | None = None  # the hole (upper cell) their way needs made first


@dataclass
class Draft:
    """An outline being worked out: the position, its priced maps (``now``: holes only once
    made; ``could``: every hole a way down at its price), and each crew member's journey."""

    world: World
    key: tuple
    now: Graph
    could: Graph
    crew: list[Unit]
    journeys: dict[int, int]  # crew id -> AP of their walk (to their task, then out)
    goals: dict[int, np.ndarray]  # crew id -> field of their next waypoint


class Estimator(Pricing):
    """Works out :class:`Outline` s for the positions of one map (on its priced map)."""

    def outline(self, world: World) -> Outline:
        """The AP left to a win from ``world``, and each crew member's next waypoint."""
        if any(u.status in (Status.CAUGHT, Status.DEAD) for u in world.crew()):
            return Outline(FAR, {})
        key = self.structure(world)
        now, could = self.graphs(world, key)
        crew = [u for u in world.crew() if u.can_act]
        out = self.field(could, key, ("exit",), self.exits)
        draft = Draft(
            world,
            key,
            now,
            could,
            crew,
            {u.id: value_at(out, u.cell) for u in crew},
            {u.id: out for u in crew},
        )
        work = 0
        for objective in world.objectives:
            if objective.kind == "loot":
                spent = self._loot(draft, int(objective.params.get("value", 1)))
            elif objective.kind == "rescue":
                spent = self._rescue(draft, int(objective.params.get("person", -1)))
            else:
                continue
            if spent >= FAR:
                return Outline(FAR, draft.goals)
            work += spent
        return Outline(work + sum(draft.journeys.values()), draft.goals)

    # --- loot ----------------------------------------------------------------------------------

    def _loot(self, draft: Draft, value: int) -> int:
        """Loot worth ``value`` out of the map: the cheapest sources first, or one worth
        enough alone; their fetchers' journeys are set, the hole makers' too."""
        world = draft.world
        need = value - loot_carried_out(world)
        need -= sum(u.kit.loot or 0 for u in draft.crew)  # in a pocket: walks out with them
        if need <= 0:
            return 0
        out = self.field(draft.could, draft.key, ("exit",), self.exits)
        sources: list[Source] = []
        for device in world.devices_in_order():
            if device.kind == "safe" and not device.state.emptied:
                found = self._safe(draft, device, out)
            elif device.kind == "loot" and device.state.taken_by is None:
                found = self._loose_loot(draft, device, out)
            else:
                continue
            if found is not None:
                sources.append(found)
        sources.sort(key=lambda o: (o.cost, o.device))
        chosen, worth = [], 0
        for source in sources:
            if worth >= need:
                break
            chosen.append(source)
            worth += source.value
        alone = [o for o in sources if o.value >= need]
        if alone and (worth < need or alone[0].cost <= sum(o.cost for o in chosen)):
            chosen, worth = alone[:1], alone[0].value
        if worth < need:
            return FAR
        total = 0
        for source in chosen:
            draft.journeys[source.unit] = 0  # their walk is in the source's cost
            draft.goals[source.unit] = source.goal
            total += source.cost
            if source.hole is not None and not self._hole_support(draft, source.hole, source.unit):
                return FAR
        return total

    def _safe(self, draft: Draft, safe: Device, out: np.ndarray) -> Source | None:
        """A safe: the cracker's way to it (by way of a bell to foam first, where a sensor
        would feel the cracking or the foam makes the way cheaper), the cracking left, the
        taking, the walk out."""
        world, rules = draft.world, draft.world.rules
        crackers = [u for u in draft.crew if u.role in rules.safe.crackers]
        if not crackers or "crack_safe" in self.forbid:
            return None
        around = beside_cells(world, safe.cell)
        to_safe = self.field(draft.could, draft.key, ("device", safe.id), around)
        work = rules.loot.ap
        required: set[int] = set()  # bells a sensor feeling the cracking would ring
        if not safe.state.open:
            left = max(0, safe_difficulty(world, safe) - (safe.state.progress or 0))
            work += -(-left // max(1, rules.safe.progress)) * rules.safe.ap
            for sensor_id in hearing.sensors_reached(world, safe.cell, rules.safe.loudness):
                sensor = world.devices[sensor_id]
                bell = world.devices.get(sensor.traits.bell) if sensor.traits.bell else None
                if bell is None or bell.kind != "bell":
                    return None  # a silent alarm: no foam helps
                if not bell.state.smothered:
                    required.add(bell.id)
        if len(required) > 1:
            return None  # (one bell per safe on every map so far)
        live = [b for b in world.devices_in_order("bell") if not b.state.smothered]
        best: Source | None = None
        for unit in crackers:
            ways: list[tuple[int, np.ndarray]] = []
            if not required:  # straight there
                ways.append((value_at(to_safe, unit.cell) + least_of(out, around), to_safe))
            if self._has(world, unit, "extinguisher"):  # by way of a bell, foamed
                for bell in live:
                    if not required or bell.id in required:
                        ways.append(self._by_the_bell(draft, unit, bell, safe, around))
            for journey, goal in ways:
                if journey < FAR and (best is None or journey + work < best.cost):
                    hole = self._hole_on_the_way(draft, unit, goal)
                    best = Source(journey + work, 0, unit.id, goal, safe.id, hole)
        if best is None:
            return None
        return replace(best, value=loot_value(world, safe))

    def _by_the_bell(
        self, draft: Draft, unit: Unit, bell: Device, safe: Device, around: list[Cell]
    ) -> tuple[int, np.ndarray]:
        """The cracker's journey by way of ``bell`` (foamed there), then the safe, then out,
        priced on the map as it will be with the bell foamed; and the field to the bell."""
        world = draft.world
        near = beside_cells(world, bell.cell)
        to_bell = self.field(draft.could, draft.key, ("device", bell.id), near)
        then, foamed = self._foamed(world, draft.key, bell)
        after = self.field(foamed, then, ("device", safe.id), around)
        gone = self.field(foamed, then, ("exit",), self.exits)
        journey = value_at(to_bell, unit.cell) + world.rules.foam.ap + least_of(after, near)
        return journey + least_of(gone, around), to_bell

    def _foamed(self, world: World, key: tuple, bell: Device) -> tuple[tuple, Graph]:
        """The structure the map would have with ``bell`` full of foam, and its graph of the
        map as it could be (kept with it: the graphs' own store may be emptied)."""
        found = self._what_if.get((key, bell.id))
        if found is None:
            twin = world.fork()
            foamed = twin.own_device(twin.devices[bell.id])
            foamed.state = replace(foamed.state, smothered=True, ringing=False)
            then = self.structure(twin)
            found = self._what_if[(key, bell.id)] = (then, self.graphs(twin, then)[1])
        return found

    def _loose_loot(self, draft: Draft, device: Device, out: np.ndarray) -> Source | None:
        """Loot lying about: the nearest crew member takes it and walks out."""
        world = draft.world
        around = beside_cells(world, device.cell)
        to_it = self.field(draft.could, draft.key, ("device", device.id), around)
        best = min(draft.crew, key=lambda u: (value_at(to_it, u.cell), u.id), default=None)
        if best is None or value_at(to_it, best.cell) >= FAR:
            return None
        cost = value_at(to_it, best.cell) + world.rules.loot.ap + least_of(out, around)
        return Source(cost, loot_value(world, device), best.id, to_it, device.id)

    # --- holes ---------------------------------------------------------------------------------

    def _hole_on_the_way(self, draft: Draft, unit: Unit, goal: np.ndarray) -> Cell | None:
        """The hole still to be made (its upper cell) on ``unit``'s cheapest way to the zero
        of ``goal`` (a field over the map as it could be), or None when the way needs none."""
        world = draft.world
        if unit.cell is None:
            return None
        here = self.field(draft.now, draft.key, ("from", unit.cell), [unit.cell])
        # The two fields count a step's price on entering, from opposite ends: a way through
        # a hole may add up to a few AP more than the field says of the whole way.
        limit, best, found = value_at(goal, unit.cell) + SLACK, FAR, None
        for upper, lower in self.hole_sites:
            if world.holes[upper.index] and world.ropes[upper.index]:
                continue
            to_upper = value_at(here, upper)
            if to_upper >= limit:
                continue
            price = self.hole_price(world, draft.key, upper, draft.crew)
            if price is None:
                continue
            through = to_upper + price + value_at(goal, lower)
            if through <= limit and through < best:
                best, found = through, upper
        return found

    def _hole_support(self, draft: Draft, upper: Cell, climber: int) -> bool:
        """Who makes the hole at ``upper``: the nearest crew member with each thing it still
        needs (a drill while undrilled, an umbrella when the plaster would be heard, a rope)
        walks to it, their walk out starting there (the work is in the hole's price). False
        when nobody left carries one of them."""
        world, rules = draft.world, draft.world.rules
        near = beside_cells(world, upper)
        to_hole = self.field(draft.now, draft.key, ("device-cell", upper), near)
        out = self.field(draft.now, draft.key, ("exit",), self.exits)
        wanted = []
        if not world.holes[upper.index]:
            wanted.append("drill")
        below = upper.offset(0, 0, -1)
        if not world.umbrellas[upper.index] and not self.quiet(
            world, below, rules.drill.plaster_loudness
        ):
            wanted.append("umbrella")
        if not world.ropes[upper.index]:
            wanted.append("rope")
        helpers: set[int] = set()
        for item in wanted:
            able = [u for u in draft.crew if self._has(world, u, item)]
            able = [u for u in able if u.id != climber] or able
            if not able:
                return False
            best = min(able, key=lambda u: (u.id not in helpers, value_at(to_hole, u.cell), u.id))
            if best.id in helpers or best.id == climber:
                continue
            helpers.add(best.id)
            draft.journeys[best.id] = value_at(to_hole, best.cell) + least_of(out, near)
            draft.goals[best.id] = to_hole
        return True

    # --- a person ------------------------------------------------------------------------------

    def _rescue(self, draft: Draft, person_id: int) -> int:
        """The person carried to a car: whoever is nearest fetches them (their journey)."""
        world, rules = draft.world, draft.world.rules
        person = world.units.get(person_id)
        if person is None or not self.cars:
            return FAR
        if person.status is Status.ESCAPED:
            return 0
        to_car = self.field(draft.could, draft.key, ("cars",), self.cars)
        per_step = 1 + rules.carry.extra_ap_per_step
        carrier = person.carrying.by
        if carrier is not None and carrier in draft.journeys:
            draft.journeys[carrier] = per_step * value_at(to_car, world.units[carrier].cell)
            draft.goals[carrier] = to_car
            return 0
        if person.cell is None:
            return FAR
        if person.cell in self.cars:
            return 0
        around = beside_cells(world, person.cell)
        to_person = self.field(draft.could, draft.key, ("person", person.id, person.cell), around)
        best = min(draft.crew, key=lambda u: (value_at(to_person, u.cell), u.id), default=None)
        if best is None or value_at(to_person, best.cell) >= FAR:
            return FAR
        draft.journeys[best.id] = (
            value_at(to_person, best.cell)
            + rules.carry.pick_up_ap
            + per_step * least_of(to_car, around)
        )
        draft.goals[best.id] = to_person
        return 0


def guards_in_trouble(world: World) -> tuple[int, int]:
    """(alerted, suspicious) guards and civilians now: what the search pays for."""
    alerted = suspicious = 0
    for unit in world.units_in_order(UnitKind.GUARD):
        if unit.state is GuardState.ALERTED:
            alerted += 1
        elif unit.state is GuardState.SUSPICIOUS:
            suspicious += 1
    return alerted, suspicious
