"""Pacing: go-to orders that carry over turns, and waiting until something happens.

A crew member sent further than one turn's AP reach walks as far as the rules allow now and
keeps going at the start of each later turn, until there, or until **something new is seen
or heard** (any event that reveals news, by the undo rule's own test,
:func:`game.replay.reveal.event_reveals`: a guard sighted, a noise heard, someone waking...);
then every order stops and the player decides. "Wait until" ends turns the same way, up to
:data:`WAIT_TURNS`, until a guard comes into or leaves the crew's view or news arrives.

Every step is an ordinary command through the session (recorded, undoable as any), chosen
with the rules' own path search and refusal check, so nothing here bends a rule. No pygame.
"""

from __future__ import annotations

from dataclasses import dataclass

from game.replay.reveal import event_reveals
from game.replay.session import GameSession
from game.sim import vision
from game.sim.commands import Move
from game.sim.entities import Unit
from game.sim.events import Event
from game.sim.geometry import Cell
from game.sim.pathing import find_path, walkable_now
from game.sim.world import World

#: The most turns one "wait until" ends before giving up.
WAIT_TURNS = 12


@dataclass(frozen=True)
class Order:
    """Go to ``goal`` over as many turns as it takes."""

    unit: int
    goal: Cell
    sneak: bool


def way_to(world: World, unit: Unit, goal: Cell) -> list[Cell] | None:
    """The whole way to ``goal`` ignoring AP (around people where possible), or None."""
    if unit.cell is None:
        return None
    passable = walkable_now(world)
    path = find_path(world, unit.cell, goal, passable & ~world.occupied(), stairs_cost=2)
    return path or find_path(world, unit.cell, goal, passable, stairs_cost=2)


def step_toward(world: World, unit: Unit, goal: Cell, sneak: bool) -> Cell | None:
    """The furthest cell on the way to ``goal`` the rules accept a move to now (the goal
    itself when it is in reach), or None when no step can be taken this turn."""
    if world.check(Move(unit.id, goal, sneak)) is None:
        return goal
    path = way_to(world, unit, goal)
    for cell in reversed((path or [])[1:-1]):
        if world.check(Move(unit.id, cell, sneak)) is None:
            return cell
    return None


def news(events: tuple[Event, ...] | list[Event]) -> Event | None:
    """The first event that tells the crew something new, or None."""
    return next((e for e in events if event_reveals(e)), None)


def guards_seen(world: World) -> frozenset[int]:
    """The guards the crew sees now (the fog's own answer)."""
    return frozenset(vision.guards_in_view(world))


class Orders:
    """The go-to orders of one mission, by crew member."""

    def __init__(self) -> None:
        self.by_unit: dict[int, Order] = {}

    def forget(self, unit_id: int | None = None) -> None:
        """Drop one crew member's order (they were given another), or all of them."""
        if unit_id is None:
            self.by_unit.clear()
        else:
            self.by_unit.pop(unit_id, None)

    def give(self, session: GameSession, unit: Unit, goal: Cell, sneak: bool) -> str | None:
        """Send ``unit`` to a goal out of this turn's reach: it walks as far as it can now.
        Returns what to tell the player, or None when there is no way at all."""
        world = session.world
        if way_to(world, unit, goal) is None:
            return None
        self.by_unit[unit.id] = Order(unit.id, goal, sneak)
        where = f"({goal.x}, {goal.y})"
        found = self._walk(session, self.by_unit[unit.id])
        if found is not None:
            self.forget()
            return f"{unit.name} stops on the way to {where}: {found.text}"
        return f"{unit.name} heads for {where} and will carry on next turn."

    def _walk(self, session: GameSession, order: Order) -> Event | None:
        """One turn's walking of ``order``; the news it brought, if any."""
        world = session.world
        unit = world.units.get(order.unit)
        if unit is None or not unit.can_act or unit.cell is None:
            self.forget(order.unit)
            return None
        cell = step_toward(world, unit, order.goal, order.sneak)
        if cell is None:
            return None
        result = session.apply(Move(unit.id, cell, order.sneak))
        moved = world.units[order.unit]
        if moved.cell == order.goal:
            self.forget(order.unit)
        return news(result.events) if result else None

    def carry_on(self, session: GameSession, turn_events: tuple[Event, ...]) -> str | None:
        """At the start of a new turn: every order walks on, unless the world's turn just
        brought news; then all stop. Returns what to tell the player, or None."""
        if not self.by_unit:
            return None
        found = news(turn_events)
        if found is None:
            for order in sorted(self.by_unit.values(), key=lambda o: o.unit):
                if session.over:
                    break
                found = self._walk(session, order)
                if found is not None:
                    break
        if found is not None:
            self.forget()
            return f"Orders stopped: {found.text}"
        return None


def wait_until(session: GameSession, orders: Orders) -> str:
    """End turns until a guard comes into or leaves view, news arrives, or the mission
    ends (at most :data:`WAIT_TURNS`); orders carry on meanwhile. Says why it stopped."""
    seen = guards_seen(session.world)
    for n in range(1, WAIT_TURNS + 1):
        result = session.end_turn()
        if session.over:
            return "The mission is over."
        told = orders.carry_on(session, result.events)
        found = news(result.events)
        if found is not None:
            return f"Waited {n} turn{'s' * (n != 1)}: {found.text}"
        if told:
            return told
        now = guards_seen(session.world)
        if now != seen:
            names = ", ".join(session.world.units[g].name for g in sorted(now ^ seen))
            return f"Waited {n} turn{'s' * (n != 1)}: {names} came into or left view."
    return f"Waited {WAIT_TURNS} turns; nothing new."
