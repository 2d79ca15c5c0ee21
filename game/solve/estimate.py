"""How far a position is from a win, in AP: the solver's heuristic, derived from the rules.

The estimate is a plan in outline, worked out again for every position the search weighs:

- **the objectives** the map sets: loot worth enough (a safe to crack, showcases to empty, or
  loot already in a pocket), a person to carry to a car, everyone out;
- **who does each**: the cracker (a role the rules allow to crack) for a safe, the nearest
  crew member for loot or a person, whoever carries the drill, the umbrella or the rope for a
  hole the cracker's way goes through; everyone else just walks out;
- **what each costs**: the walk over a map where every obstacle costs what clearing it costs
  (:mod:`game.solve.fields`: a shut door its opening, a lock its picking, a hole its
  drilling, an unfoamed bell's door contact or sensor a heavy price), plus the work itself;
- **what must come first**, read off the rules' own noise data: a safe whose cracking a
  vibration sensor would feel needs its bell foamed first; a hole whose plaster would be
  heard below needs the umbrella under it; an item a route needs that has left the map (the
  drill driven off) makes the route impossible.

The sum is what the search minimises. It is not admissible (the crew works in parallel);
the search is greedy on purpose, and the par it reports is only the best win it found.
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass, replace

import numpy as np

from game.sim import hearing, vision
from game.sim.actions.heist import drill_speed
from game.sim.actions.loot import loot_value, safe_difficulty
from game.sim.alarms import contacts_on
from game.sim.entities import Device, GuardState, Status, Unit, UnitKind
from game.sim.geometry import Cell
from game.sim.kit import has_item
from game.sim.outcome import loot_carried_out
from game.sim.world import World
from game.solve.fields import FAR, Graph, Link

#: What a step that would set off an unfoamed bell or wake a sleeper costs in the outline:
#: enough that any quiet way round is preferred, not so much that a map with no other way
#: looks unwinnable.
TROUBLE = 400
#: The action each item of the kit is for (``--forbid deploy_umbrella``: no umbrella).
ITEM_ACTIONS = {
    "drill": "drill",
    "umbrella": "deploy_umbrella",
    "rope": "lower_rope",
    "lockpick": "pick_lock",
    "extinguisher": "foam",
}
#: What a locked door costs on top of its picking while some of the crew cannot pick it:
#: they need someone who can to come and open it.
LOCK_HELP = 100
#: How far (AP) a way through a hole may cost above the field's figure and still be the way.
SLACK = 4
#: Fields kept per search (each a few KB); the oldest go first.
KEPT_FIELDS = 4096


@dataclass(frozen=True)
class Outline:
    """The estimate of one position: the AP left, and where each crew member heads next."""

    cost: int  # FAR or more: no way to win was found from here
    goals: dict[int, np.ndarray]  # crew id -> field of their next waypoint


def _beside_cells(world: World, cell: Cell) -> list[Cell]:
    terrain = world.terrain
    found = []
    for dy in (-1, 0, 1):
        for dx in (-1, 0, 1):
            near = cell.offset(dx, dy)
            if world.in_bounds(near) and terrain.walkable[near.index]:
                found.append(near)
    return found


def _at(field: np.ndarray, cell: Cell | None) -> int:
    if cell is None:
        return FAR
    return int(field[cell.floor, cell.y, cell.x])


def _least(field: np.ndarray, cells: list[Cell]) -> int:
    return min((_at(field, c) for c in cells), default=FAR)


class Estimator:
    """Works out :class:`Outline` s for the positions of one map (keeps what it can)."""

    def __init__(self, world: World, forbid: frozenset[str] = frozenset()) -> None:
        self.rules = world.rules
        self.forbid = forbid
        terrain = world.terrain
        self.exits = [d.cell for d in world.devices_in_order() if d.kind in ("exit", "car")]
        self.cars = [d.cell for d in world.devices_in_order("car")]
        # Drillable cells with a floor beneath to climb down to: (upper, lower).
        self.hole_sites = [
            (Cell(int(f), int(x), int(y)), Cell(int(f) - 1, int(x), int(y)))
            for f, y, x in zip(*terrain.drillable.nonzero(), strict=True)
            if f >= 1 and terrain.walkable[f - 1, y, x]
        ]
        self.stairs = [
            ((int(f), int(y), int(x)), (int(f) + 1, int(y), int(x)))
            for f, y, x in zip(*terrain.stairs_up.nonzero(), strict=True)
            if f + 1 < terrain.shape[0] and terrain.stairs_down[f + 1, y, x]
        ]
        self._graphs: dict[tuple, tuple[Graph, Graph]] = {}
        self._fields: OrderedDict[tuple, np.ndarray] = OrderedDict()
        self._quiet: dict[tuple, bool] = {}
        self._what_if: dict[tuple, tuple] = {}
        self._prices: dict[tuple, int | None] = {}

    def _has(self, world: World, unit: Unit, item: str) -> bool:
        """Whether ``unit`` carries ``item`` and may use it (its action is not forbidden)."""
        return ITEM_ACTIONS.get(item) not in self.forbid and has_item(world.rules, unit, item)

    # --- the map as obstacles with prices ---------------------------------------------------

    def structure(self, world: World) -> tuple:
        """What the fields follow from: doors, holes, ropes, drilling done, bells, sensors,
        who can still pick a lock, drill or lower a rope."""
        doors = tuple((d.id, d.open, d.locked, d.lock_progress) for d in world.doors.values())
        bells = self._still_listeners(world)
        crew = [u for u in world.crew() if u.can_act]
        able = [
            any(self._has(world, u, item) for u in crew)
            for item in ("lockpick", "drill", "rope", "umbrella")
        ]
        able.append(all(self._has(world, u, "lockpick") for u in crew))
        sentries = tuple((g.id, g.cell, g.facing) for g in self._sentries(world))
        return (
            sentries,
            tuple(sorted(doors)),
            world.map_digest("holes"),
            world.map_digest("ropes"),
            world.map_digest("drilled"),
            world.map_digest("umbrellas"),
            bells,
            tuple(able),
        )

    def graphs(self, world: World, key: tuple) -> tuple[Graph, Graph]:
        """The map now (holes passable only once drilled) and the map as it could be (every
        drillable floor a way down at the price of drilling it)."""
        found = self._graphs.get(key)
        if found is None:
            if len(self._graphs) > 256:
                self._graphs.clear()
            found = self._graphs[key] = self._build(world, key)
        return found

    def _build(self, world: World, key: tuple) -> tuple[Graph, Graph]:
        rules, terrain = world.rules, world.terrain
        cost = np.where(terrain.walkable, rules.move.walk_ap, 0).astype(np.int32)
        crew = [u for u in world.crew() if u.can_act]
        can_pick = any(self._has(world, u, "lockpick") for u in crew)
        all_pick = all(self._has(world, u, "lockpick") for u in crew)
        for door in world.doors.values():
            c = door.cell
            if door.open:
                continue
            extra = rules.doors.open_ap
            if door.locked:
                if not can_pick:
                    cost[c.floor, c.y, c.x] = 0
                    continue
                extra += rules.doors.pick_ap * max(1, door.lock_difficulty - door.lock_progress)
                if not all_pick:  # someone else must come and pick it for them
                    extra += LOCK_HELP
            if any(self._bell_live(world, s) for s in contacts_on(world, door.id)):
                extra += TROUBLE
            cost[c.floor, c.y, c.x] += extra
        self._price_listeners(world, cost)
        self._price_sentries(world, cost)
        stairs = rules.move.walk_ap + rules.move.stairs_extra_ap
        links = [Link(a, b, stairs) for a, b in self.stairs]
        possible = list(links)
        for upper, lower in self.hole_sites:
            a, b = lower.index, upper.index
            price = self.hole_price(world, key, upper, crew)
            if price is None:
                continue
            if world.holes[upper.index] and world.ropes[upper.index]:
                links.append(Link(a, b, price))
            possible.append(Link(a, b, price))
        return Graph(cost, tuple(links)), Graph(cost, tuple(possible))

    def hole_price(self, world: World, key: tuple, upper: Cell, crew: list[Unit]) -> int | None:
        """The AP of a way down at ``upper`` (kept by the structure ``key``): the climb, the
        rope if none hangs there yet, the drilling left by the fastest driller (one heard
        by a sleeper or a live sensor costs :data:`TROUBLE` more), the umbrella where the
        plaster would be heard (:data:`TROUBLE` without one); None when the crew left on
        the map cannot make it at all."""
        found = self._prices.get((key, upper), -1)
        if found == -1:
            found = self._prices[(key, upper)] = self._hole_price(world, upper, crew)
        return found

    def _hole_price(self, world: World, upper: Cell, crew: list[Unit]) -> int | None:
        rules = world.rules
        price = rules.rope.climb_ap
        if not world.ropes[upper.index]:
            if not any(self._has(world, u, "rope") for u in crew):
                return None
            price += rules.rope.lower_ap
        if world.holes[upper.index]:
            return price
        left = rules.drill.work - int(world.drilled[upper.index])
        best = None
        for unit in crew:
            if not self._has(world, unit, "drill"):
                continue
            progress, loudness = drill_speed(world, unit)
            actions = -(-left // max(1, progress))
            cost = actions * rules.drill.ap + (0 if self.quiet(world, upper, loudness) else TROUBLE)
            best = cost if best is None else min(best, cost)
        if best is None:
            return None
        price += best
        below = upper.offset(0, 0, -1)
        if not world.umbrellas[upper.index] and not self.quiet(
            world, below, rules.drill.plaster_loudness
        ):
            umbrella = any(self._has(world, u, "umbrella") for u in crew)
            if umbrella and self.quiet(world, below, rules.drill.caught_loudness):
                price += rules.umbrella.ap
            else:
                price += TROUBLE
        return price

    def quiet(self, world: World, cell: Cell, loudness: int) -> bool:
        """Whether a noise at ``cell`` would reach no live sensor and wake no sleeper (the
        listeners that stay where they are; a walking guard's ear is the search's to find)."""
        key = (cell, loudness, self._still_listeners(world))
        found = self._quiet.get(key)
        if found is None:
            heard = hearing.levels_at(world, cell, loudness)
            found = True
            for listener in heard:
                device = world.devices.get(listener)
                if device is not None:
                    if self._sensor_live(world, device):
                        found = False
                elif world.units[listener].state is GuardState.SLEEPING:
                    found = False
            self._quiet[key] = found
        return found

    def _still_listeners(self, world: World) -> tuple:
        return (
            tuple((d.id, d.state.tripped) for d in world.devices_in_order("sensor"))
            + tuple((d.id, d.state.smothered) for d in world.devices_in_order("bell"))
            + tuple(g.id for g in world.guards() if g.state is GuardState.SLEEPING)
        )

    def _sensor_live(self, world: World, sensor: Device) -> bool:
        """A sensor that would still raise the alarm if it tripped."""
        if sensor.kind != "sensor" or sensor.state.tripped:
            return False
        return self._bell_live(world, sensor)

    @staticmethod
    def _bell_live(world: World, sensor: Device) -> bool:
        bell = world.devices.get(sensor.traits.bell) if sensor.traits.bell is not None else None
        return bell is None or bell.kind != "bell" or not bell.state.smothered

    def _price_listeners(self, world: World, cost: np.ndarray) -> None:
        """Steps a vibration sensor or a sleeper would hear: dearer by the extra AP of
        sneaking where walking would be heard, by :data:`TROUBLE` where even sneaking is."""
        rules = world.rules
        sneak_extra = rules.move.sneak_ap - rules.move.walk_ap
        ears: list[Cell] = [
            s.cell
            for s in world.devices_in_order("sensor")
            if s.traits.sensor == "vibration" and self._sensor_live(world, s)
        ]
        ears += [g.cell for g in world.guards() if g.state is GuardState.SLEEPING and g.cell]
        reach = rules.move.walk_loudness + 1
        for ear in ears:
            for dy in range(-reach, reach + 1):
                for dx in range(-reach, reach + 1):
                    cell = ear.offset(dx, dy)
                    if not world.in_bounds(cell) or not cost[cell.index]:
                        continue
                    if not self.quiet(world, cell, rules.move.sneak_loudness):
                        cost[cell.index] += TROUBLE
                    elif not self.quiet(world, cell, rules.move.walk_loudness):
                        cost[cell.index] += sneak_extra

    def _price_sentries(self, world: World, cost: np.ndarray) -> None:
        """Cells a guard standing still watches (a sentry at a gate): :data:`TROUBLE` each,
        since he will be there, looking, whenever the crew comes. Walking guards move on;
        the search waits for them instead."""
        for guard in self._sentries(world):
            watched = vision.watched_mask(world, guard)
            cost[watched & (cost > 0)] += TROUBLE

    @staticmethod
    def _sentries(world: World) -> list[Unit]:
        return [
            g
            for g in world.guards()
            if g.state is GuardState.STANDING and not g.route and vision.is_watching(g)
        ]

    # --- fields -------------------------------------------------------------------------------

    def field(self, graph: Graph, key: tuple, name: tuple, cells: list[Cell]) -> np.ndarray:
        """The field to ``cells`` over ``graph`` (kept by the structure ``key`` and ``name``)."""
        full = (key, id(graph), name)
        found = self._fields.get(full)
        if found is None:
            found = graph.field((c, 0) for c in cells)
            self._fields[full] = found
            if len(self._fields) > KEPT_FIELDS:
                self._fields.popitem(last=False)
        else:
            self._fields.move_to_end(full)
        return found

    # --- the outline ---------------------------------------------------------------------------

    def outline(self, world: World) -> Outline:
        """The AP left to a win from ``world``, and each crew member's next waypoint."""
        key = self.structure(world)
        now, could = self.graphs(world, key)
        crew = [u for u in world.crew() if u.can_act]
        if any(u.status in (Status.CAUGHT, Status.DEAD) for u in world.crew()):
            return Outline(FAR, {})
        out_could = self.field(could, key, ("exit",), self.exits)
        journeys: dict[int, int] = {u.id: _at(out_could, u.cell) for u in crew}
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
        around = _beside_cells(world, safe.cell)
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
                ways.append((_at(to_safe, unit.cell) + _least(out, around), to_safe))
            if self._has(world, unit, "extinguisher"):  # by way of a bell, foamed
                for bell in live:
                    if required and bell.id not in required:
                        continue
                    near = _beside_cells(world, bell.cell)
                    to_bell = self.field(could, key, ("device", bell.id), near)
                    then = self._foamed(world, key, bell)
                    after = self.field(self._graphs[then][1], then, ("device", safe.id), around)
                    gone = self.field(self._graphs[then][1], then, ("exit",), self.exits)
                    journey = _at(to_bell, unit.cell) + rules.foam.ap + _least(after, near)
                    ways.append((journey + _least(gone, around), to_bell))
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
        limit, best, found = _at(goal, unit.cell) + SLACK, FAR, None
        for upper, lower in self.hole_sites:
            if world.holes[upper.index] and world.ropes[upper.index]:
                continue
            to_upper = _at(here, upper)
            if to_upper >= limit:
                continue
            price = self.hole_price(world, key, upper, crew)
            if price is None:
                continue
            through = to_upper + price + _at(goal, lower)
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
        near = _beside_cells(world, upper)
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
            best = min(able, key=lambda u: (u.id not in helpers, _at(to_hole, u.cell), u.id))
            if best.id in helpers or best.id == climber:
                continue
            helpers.add(best.id)
            journeys[best.id] = _at(to_hole, best.cell) + _least(out, near)
            goals[best.id] = to_hole
        return total

    def _loose_loot(
        self, world: World, key: tuple, could: Graph, crew: list[Unit], device: Device, out
    ) -> tuple[int, int, np.ndarray, Cell | None] | None:
        around = _beside_cells(world, device.cell)
        to_it = self.field(could, key, ("device", device.id), around)
        best = min(crew, key=lambda u: (_at(to_it, u.cell), u.id), default=None)
        if best is None or _at(to_it, best.cell) >= FAR:
            return None
        cost = _at(to_it, best.cell) + world.rules.loot.ap + _least(out, around)
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
            journeys[carrier] = per_step * _at(to_car, world.units[carrier].cell)
            goals[carrier] = to_car
            return 0
        if person.cell is None:
            return FAR
        if person.cell in self.cars:
            return 0
        around = _beside_cells(world, person.cell)
        to_person = self.field(could, key, ("person", person.id, person.cell), around)
        best = min(crew, key=lambda u: (_at(to_person, u.cell), u.id), default=None)
        if best is None or _at(to_person, best.cell) >= FAR:
            return FAR
        journeys[best.id] = (
            _at(to_person, best.cell) + rules.carry.pick_up_ap + per_step * _least(to_car, around)
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
