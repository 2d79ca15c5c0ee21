"""How far a position is from a win, in AP: the solver's heuristic, derived from the rules.

The estimate is a plan in outline, worked out again for every position the search weighs:

- **the objectives** the map sets: loot worth enough (a safe to crack, showcases to empty, or
  loot already in a pocket), a person to carry to a car, everyone out;
- **who does each**: the cracker (a role the rules allow to crack) for a safe, the nearest
  crew member for loot or a person, whoever carries the drill, the umbrella or the rope for a
  hole the cracker's way goes through; everyone else just walks out;
- **what each costs**: the walk over the priced map (:mod:`game.solve.prices`: every
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
from game.sim.world import World
from game.solve.fields import FAR, Graph
from game.solve.prices import SLACK, Pricing, beside_cells, least_of, value_at


@dataclass(frozen=True)
class Outline:
    """The estimate of one position: the AP left, and where each crew member heads next."""

    cost: int  # FAR or more: no way to win was found from here
    goals: dict[int, np.ndarray]  # crew id -> field of their next waypoint


class Estimator(Pricing):
    """Works out :class:`Outline` s for the positions of one map (on its priced map)."""

    # --- the outline ---------------------------------------------------------------------------

    def outline(self, world: World) -> Outline:
        """The AP left to a win from ``world``, and each crew member's next waypoint."""
        key = self.structure(world)
        now, could = self.graphs(world, key)
        crew = [u for u in world.crew() if u.can_act]
        if any(u.status in (Status.CAUGHT, Status.DEAD) for u in world.crew()):
            return Outline(FAR, {})
        out_could = self.field(could, key, ("exit",), self.exits)
        journeys: dict[int, int] = {u.id: value_at(out_could, u.cell) for u in crew}
        goals: dict[int, np.ndarray] = {u.id: out_could for u in crew}
        work = 0
        for objective in world.objectives:
            if objective.kind == "loot":
                spent = self._loot(world, key, now, could, crew, objective, journeys, goals)
            elif objective.kind == "rescue":
                spent = self._rescue(world, key, could, crew, objective, journeys, goals)
            else:
                continue
            if spent >= FAR:
                return Outline(FAR, goals)
            work += spent
        return Outline(work + sum(journeys.values()), goals)

    def _loot(
        self,
        world: World,
        key: tuple,
        now: Graph,
        could: Graph,
        crew: list[Unit],
        objective,
        journeys: dict[int, int],
        goals: dict[int, np.ndarray],
    ) -> int:
        """Loot worth the objective's value out of the map: the cheapest sources first."""
        need = int(objective.params.get("value", 1)) - loot_carried_out(world)
        if need <= 0:
            return 0
        out = self.field(could, key, ("exit",), self.exits)
        for unit in crew:  # loot already in a pocket walks out with its carrier
            if unit.kit.loot:
                need -= unit.kit.loot
        if need <= 0:
            return 0
        options: list[tuple[int, int, int, np.ndarray, Device, Cell | None]] = []
        for device in world.devices_in_order():
            if device.kind == "safe" and not device.state.emptied:
                found = self._safe(world, key, could, crew, device, out)
            elif device.kind == "loot" and device.state.taken_by is None:
                found = self._loose_loot(world, key, could, crew, device, out)
            else:
                continue
            if found is not None:
                cost, unit_id, goal, hole = found
                options.append((cost, loot_value(world, device), unit_id, goal, device, hole))
        options.sort(key=lambda o: (o[0], o[4].id))
        # The cheapest sources one after the other until they are worth enough, or one
        # source worth enough alone (the safe, rather than every showcase and the safe).
        greedy, worth = [], 0
        for option in options:
            if worth >= need:
                break
            greedy.append(option)
            worth += option[1]
        alone = [o for o in options if o[1] >= need]
        if alone and (worth < need or alone[0][0] <= sum(o[0] for o in greedy)):
            greedy = alone[:1]
        total = 0
        used: set[int] = set()
        for cost, value, unit_id, goal, _device, hole in greedy:
            if need <= 0:
                break
            if unit_id in used:
                cost -= journeys[unit_id]  # already walking out: only the detour counts
            used.add(unit_id)
            journeys[unit_id] = 0
            goals[unit_id] = goal
            total += cost
            need -= value
            if hole is not None:
                support = self._hole_support(world, key, now, crew, hole, unit_id, journeys, goals)
                if support >= FAR:
                    return FAR
                total += support
        return total if need <= 0 else FAR

    def _safe(
        self, world: World, key: tuple, could: Graph, crew: list[Unit], safe: Device, out
    ) -> tuple[int, int, np.ndarray, Cell | None] | None:
        rules = world.rules
        crackers = [u for u in crew if u.role in rules.safe.crackers]
        if not crackers or "crack_safe" in self.forbid:
            return None
        around = beside_cells(world, safe.cell)
        to_safe = self.field(could, key, ("device", safe.id), around)
        done = safe.state.progress or 0
        crack = 0
        if not safe.state.open:
            left = max(0, safe_difficulty(world, safe) - done)
            crack = -(-left // max(1, rules.safe.progress)) * rules.safe.ap
        work = crack + rules.loot.ap
        # A vibration sensor that would feel the cracking: its bell must be foamed first.
        required: set[int] = set()
        if not safe.state.open:
            for sensor_id in hearing.sensors_reached(world, safe.cell, rules.safe.loudness):
                sensor = world.devices[sensor_id]
                bell = world.devices.get(sensor.traits.bell) if sensor.traits.bell else None
                if bell is None or bell.kind != "bell":
                    return None  # a silent alarm: no foam helps
                if not bell.state.smothered:
                    required.add(bell.id)
        live = [b for b in world.devices_in_order("bell") if not b.state.smothered]
        if len(required) > 1:
            return None  # (one bell per safe on every map so far)
        best: tuple[int, int, np.ndarray, Cell | None] | None = None
        for unit in crackers:
            ways: list[tuple[int, np.ndarray]] = []
            if not required:  # straight there
                ways.append((value_at(to_safe, unit.cell) + least_of(out, around), to_safe))
            if self._has(world, unit, "extinguisher"):  # by way of a bell, foamed
                for bell in live:
                    if required and bell.id not in required:
                        continue
                    near = beside_cells(world, bell.cell)
                    to_bell = self.field(could, key, ("device", bell.id), near)
                    then = self._foamed(world, key, bell)
                    after = self.field(self._graphs[then][1], then, ("device", safe.id), around)
                    gone = self.field(self._graphs[then][1], then, ("exit",), self.exits)
                    journey = value_at(to_bell, unit.cell) + rules.foam.ap + least_of(after, near)
                    ways.append((journey + least_of(gone, around), to_bell))
            for journey, goal in ways:
                if journey >= FAR:
                    continue
                if best is None or journey + work < best[0]:
                    hole = self._hole_on_the_way(world, key, unit, goal)
                    best = (journey + work, unit.id, goal, hole)
        return best

    def _foamed(self, world: World, key: tuple, bell: Device) -> tuple:
        """The structure the map would have with ``bell`` full of foam (its graphs built)."""
        found = self._what_if.get((key, bell.id))
        if found is None:
            twin = world.fork()
            foamed = twin.own_device(twin.devices[bell.id])
            foamed.state = replace(foamed.state, smothered=True, ringing=False)
            found = self.structure(twin)
            self.graphs(twin, found)
            self._what_if[(key, bell.id)] = found
        return found

    def _hole_on_the_way(
        self, world: World, key: tuple, unit: Unit, goal: np.ndarray
    ) -> Cell | None:
        """The undrilled hole (its upper cell) on ``unit``'s cheapest way to the zero of
        ``goal`` (a field over the map as it could be), or None when the way needs none."""
        if unit.cell is None:
            return None
        now, _ = self.graphs(world, key)
        crew = [u for u in world.crew() if u.can_act]
        here = self.field(now, key, ("from", unit.cell), [unit.cell])
        # The two fields count a step's price on entering, from opposite ends: a way through
        # a hole may add up to a few AP more than the field says of the whole way.
        limit, best, found = value_at(goal, unit.cell) + SLACK, FAR, None
        for upper, lower in self.hole_sites:
            if world.holes[upper.index] and world.ropes[upper.index]:
                continue
            to_upper = value_at(here, upper)
            if to_upper >= limit:
                continue
            price = self.hole_price(world, key, upper, crew)
            if price is None:
                continue
            through = to_upper + price + value_at(goal, lower)
            if through <= limit and through < best:
                best, found = through, upper
        return found

    def _hole_support(
        self,
        world: World,
        key: tuple,
        now: Graph,
        crew: list[Unit],
        upper: Cell,
        climber: int,
        journeys: dict[int, int],
        goals: dict[int, np.ndarray],
    ) -> int:
        """Who makes the hole at ``upper``: the nearest crew member with each thing it still
        needs (a drill while undrilled, an umbrella when the plaster would be heard, a rope)
        walks to it; their walk out starts from there."""
        rules = world.rules
        near = beside_cells(world, upper)
        to_hole = self.field(now, key, ("device-cell", upper), near)
        out = self.field(now, key, ("exit",), self.exits)
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
        total = 0
        helpers: set[int] = set()
        for item in wanted:
            able = [u for u in crew if self._has(world, u, item) and u.id != climber]
            able = able or [u for u in crew if self._has(world, u, item)]
            if not able:
                return FAR
            best = min(able, key=lambda u: (u.id not in helpers, value_at(to_hole, u.cell), u.id))
            if best.id in helpers or best.id == climber:
                continue
            helpers.add(best.id)
            journeys[best.id] = value_at(to_hole, best.cell) + least_of(out, near)
            goals[best.id] = to_hole
        return total

    def _loose_loot(
        self, world: World, key: tuple, could: Graph, crew: list[Unit], device: Device, out
    ) -> tuple[int, int, np.ndarray, Cell | None] | None:
        around = beside_cells(world, device.cell)
        to_it = self.field(could, key, ("device", device.id), around)
        best = min(crew, key=lambda u: (value_at(to_it, u.cell), u.id), default=None)
        if best is None or value_at(to_it, best.cell) >= FAR:
            return None
        cost = value_at(to_it, best.cell) + world.rules.loot.ap + least_of(out, around)
        return cost, best.id, to_it, None

    def _rescue(
        self,
        world: World,
        key: tuple,
        could: Graph,
        crew: list[Unit],
        objective,
        journeys: dict[int, int],
        goals: dict[int, np.ndarray],
    ) -> int:
        """The person carried to a car: whoever is nearest fetches them."""
        rules = world.rules
        person = world.units.get(int(objective.params.get("person", -1)))
        if person is None or not self.cars:
            return FAR
        if person.status is Status.ESCAPED:
            return 0
        to_car = self.field(could, key, ("cars",), self.cars)
        per_step = 1 + rules.carry.extra_ap_per_step
        carrier = person.carrying.by
        if carrier is not None and carrier in journeys:
            journeys[carrier] = per_step * value_at(to_car, world.units[carrier].cell)
            goals[carrier] = to_car
            return 0
        if person.cell is None:
            return FAR
        if person.cell in self.cars:
            return 0
        around = beside_cells(world, person.cell)
        to_person = self.field(could, key, ("person", person.id, person.cell), around)
        best = min(crew, key=lambda u: (value_at(to_person, u.cell), u.id), default=None)
        if best is None or value_at(to_person, best.cell) >= FAR:
            return FAR
        journeys[best.id] = (
            value_at(to_person, best.cell)
            + rules.carry.pick_up_ap
            + per_step * least_of(to_car, around)
        )
        goals[best.id] = to_person
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
