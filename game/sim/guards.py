"""The guards' frame of mind, and what each state does in the world's turn.

    sleeping --(noise above the wake level)--> suspicious
    patrol / standing --(heard something)--> suspicious --(searched, found nothing)--> home
    any awake state --(saw the crew or a body, heard a shot or a shout)--> alerted
    alerted: raises the alarm, chases the last place it saw the crew, shoots if armed, catches
    a crew member it stands next to; having lost them it searches there (suspicious).
    knocked out: nothing for N turns, then wakes suspicious where it lies. Dead: nothing.
    civilians (``guard_states.civilians``): woken, or seeing the crew, they scream and call the
    police, then flee (:mod:`game.sim.civilians`); they never catch anyone.

Guards act in id order. What each one has in mind is its :class:`GuardMind` (``home``, the
state to go back to; ``post``/``post_facing``, where it stands; ``target``/``target_level``/
``search``, suspicion; ``last_seen``, the chase; ``bodies_seen``), part of the state hash.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from game.sim import alarms, civilians, vision
from game.sim.bodies import face, fire, free_cell_near
from game.sim.entities import Carrying, GuardMind, GuardState, Status, Unit, UnitKind
from game.sim.geometry import Cell, Facing, beside
from game.sim.pathing import find_path, walkable_now
from game.sim.patrol import patrol, step_guard

if TYPE_CHECKING:
    from game.sim.events import Noise
    from game.sim.world import World

_CLOCKWISE = [Facing.N, Facing.NE, Facing.E, Facing.SE, Facing.S, Facing.SW, Facing.W, Facing.NW]


def _leave_post(guard: Unit) -> None:
    """Remember where a guard belongs before something pulls it away."""
    mind = guard.mind
    if mind.home is None:
        mind = replace(mind, home=GuardState.PATROL if guard.route else GuardState.STANDING)
    if mind.post is None and guard.cell is not None:
        mind = replace(mind, post=guard.cell, post_facing=guard.facing)
    guard.mind = mind


def _calm(mind: GuardMind, **changes: object) -> GuardMind:
    """The mind with suspicion and the chase forgotten (where it belongs is kept)."""
    return replace(
        mind,
        target=None,
        target_level=None,
        target_turn=None,
        search=None,
        searching=False,
        **changes,
    )


# --- changes of mind ---------------------------------------------------------------------


def make_suspicious(world: World, guard: Unit, cell: Cell, level: int) -> None:
    """The guard heard something at ``cell``: it will go and look."""
    _leave_post(guard)
    if guard.state is GuardState.SLEEPING:
        world.log("guard_woke", f"{guard.name} wakes up.", guard.cell, guard=guard.id)
    if guard.state is not GuardState.SUSPICIOUS:
        world.log("guard_suspicious", f"{guard.name} grows suspicious.", guard.cell, guard=guard.id)
    guard.state = GuardState.SUSPICIOUS
    guard.mind = replace(
        guard.mind,
        target=cell,
        target_level=level,
        target_turn=world.turn,
        search=world.rules.guard_states.search_turns,
        searching=False,
    )
    face(guard, cell)
    look(world, guard)


def alert(world: World, guard: Unit, cell: Cell, why: str) -> None:
    """The guard knows the crew is here: it raises the alarm and gives chase."""
    guard.mind = replace(guard.mind, last_seen=cell)
    if guard.state is GuardState.ALERTED:
        return
    _leave_post(guard)
    if civilians.is_civilian(world, guard):
        civilians.raise_the_alarm(world, guard, cell, why)
        return
    guard.state = GuardState.ALERTED
    guard.mind = _calm(guard.mind)
    world.count("alerts")
    world.log("guard_alerted", f"{guard.name} {why} and raises the alarm.", cell, guard=guard.id)
    alarms.raise_alarm(world, f"{guard.name} raised the alarm")
    assert guard.cell is not None
    world.emit_noise(guard.cell, world.rules.noise.shout_loudness, "shout", guard.id)


def go_home(world: World, guard: Unit) -> None:
    """Nothing found: back to the round (or the post)."""
    home = guard.mind.home or GuardState.STANDING
    guard.mind = _calm(guard.mind, last_seen=None)
    guard.state = home if home is not GuardState.SLEEPING else GuardState.STANDING
    world.log("guard_calm", f"{guard.name} gives up and goes back.", guard.cell, guard=guard.id)


def heard(world: World, guard: Unit, noise: Noise, level: int) -> None:
    """A guard heard a noise (``level`` reached its threshold): react to it."""
    alarming = noise.kind in world.rules.noise.alarming
    maker = world.units.get(noise.source) if noise.source is not None else None
    if maker is not None and maker.is_guard and not alarming:
        return  # a colleague's door or keys: nothing to worry about
    if noise.source == guard.id or guard.status is not Status.ACTIVE:
        return
    world.log(
        "noise_heard",
        f"{guard.name} heard {noise.kind}.",
        noise.cell,
        guard=guard.id,
        level=level,
        noise=noise.kind,
    )
    if alarming:
        if guard.state is GuardState.ALERTED and noise.kind != "shot":
            return  # already on the chase; a colleague's shout does not change where
        if guard.state is GuardState.SLEEPING:
            world.log("guard_woke", f"{guard.name} wakes up.", guard.cell, guard=guard.id)
        face(guard, noise.cell)
        alert(world, guard, noise.cell, f"heard a {noise.kind}")
        return
    if guard.state is GuardState.ALERTED:
        return
    if guard.state is GuardState.SLEEPING and civilians.is_civilian(world, guard):
        world.log("guard_woke", f"{guard.name} wakes up.", guard.cell, guard=guard.id)
        face(guard, noise.cell)
        alert(world, guard, noise.cell, f"is woken by {noise.kind}")
        return
    if guard.state is GuardState.SUSPICIOUS:
        newer = noise.turn > (guard.mind.target_turn or 0)
        if not newer and level < (guard.mind.target_level or 0):
            return
    make_suspicious(world, guard, noise.cell, level)


# --- sight -------------------------------------------------------------------------------


def look(world: World, guard: Unit) -> bool:
    """The guard looks around now: crew or new bodies in view alert it. True if it saw crew."""
    if not vision.is_watching(guard):
        return False
    crew = [
        u for u in world.crew() if u.can_act and u.cell and vision.could_see(world, guard, u.cell)
    ]
    seen_bodies = guard.mind.bodies_seen
    bodies = [
        g
        for g in world.bodies()
        if g.id not in seen_bodies and vision.could_see(world, guard, g.cell)
    ]
    if not crew and not bodies:
        return False
    assert guard.cell is not None
    x0, y0, window = vision.watch_window(world, guard)
    for body in bodies:
        assert body.cell is not None
        if window[body.cell.y - y0, body.cell.x - x0]:
            seen = tuple(sorted([*guard.mind.bodies_seen, body.id]))
            guard.mind = replace(guard.mind, bodies_seen=seen)
            alert(world, guard, body.cell, f"found {body.name} on the floor")
    spotted = False
    for unit in crew:
        assert unit.cell is not None
        if window[unit.cell.y - y0, unit.cell.x - x0]:
            spotted = True
            was_alerted = guard.state is GuardState.ALERTED
            _spot(world, guard, unit)
            if was_alerted:
                guard.mind = replace(guard.mind, last_seen=unit.cell)
            break  # one crew member is enough to act on; the nearest in id order
    return spotted


def spot_mover(world: World, unit: Unit) -> bool:
    """A crew member just stepped: every watching guard that sees the cell spots them."""
    if unit.cell is None:
        return False
    spotted = False
    units = world.units
    # could_see's first test, a guard on the mover's floor, from a table kept while no guard
    # changes (spotting changes a guard's mind, never where guards stand): it runs for every
    # guard at every step.
    for guard_id in guards_on_floor(world, unit.cell.floor):
        guard = units[guard_id]
        if vision.could_see(world, guard, unit.cell) and vision.sees(world, guard, unit.cell):
            spotted = True
            _spot(world, guard, unit)
    return spotted


def guards_on_floor(world: World, floor: int) -> tuple[int, ...]:
    """Ids of the guards standing on a floor now, in id order (kept while no guard changes;
    ids, not guards, since forks share what is kept and have guards of their own)."""
    by_floor: dict[int, tuple[int, ...]] = world.kept(
        "guards by floor", _guards_by_floor, guards_only=True
    )
    return by_floor.get(floor, ())


def _guards_by_floor(world: World) -> dict[int, tuple[int, ...]]:
    found: dict[int, list[int]] = {}
    for guard in world.ordered(UnitKind.GUARD):
        if guard.cell is not None:
            found.setdefault(guard.cell.floor, []).append(guard.id)
    return {floor: tuple(ids) for floor, ids in found.items()}


def _spot(world: World, guard: Unit, unit: Unit) -> None:
    """The guard sees a crew member: it says so, raises the alarm and gives chase."""
    assert unit.cell is not None
    world.log("spotted", f"{guard.name} sees {unit.name}!", unit.cell, guard=guard.id, unit=unit.id)
    alert(world, guard, unit.cell, f"spotted {unit.name}")


# --- the world's turn, by state ----------------------------------------------------------


def patrol_turn(world: World, guard: Unit) -> None:
    if look(world, guard):
        return
    patrol(world, guard, after_step=lambda: look(world, guard))


def standing_turn(world: World, guard: Unit) -> None:
    if look(world, guard):
        return
    post = guard.mind.post
    if post is not None and guard.cell != post:
        _walk(world, guard, post, world.rules.guards.steps_per_turn)
        if guard.cell == post and guard.state is GuardState.STANDING:
            guard.facing = guard.mind.post_facing or guard.facing
            look(world, guard)


def sleeping_turn(world: World, guard: Unit) -> None:
    """Sleepers sleep; only noise wakes them (see :func:`heard`)."""


def suspicious_turn(world: World, guard: Unit) -> None:
    if look(world, guard):
        return
    target = guard.mind.target
    if target is not None and not guard.mind.searching:
        arrived = beside(guard.cell, target) or not _walk(
            world, guard, target, world.rules.guards.steps_per_turn
        )
        if guard.state is not GuardState.SUSPICIOUS:
            return  # it saw something on the way
        if arrived or beside(guard.cell, target):
            guard.mind = replace(guard.mind, searching=True)
            face(guard, target)
            look(world, guard)
        return
    # Looking around: a quarter turn each world turn, then back home.
    index = _CLOCKWISE.index(guard.facing)
    guard.facing = _CLOCKWISE[(index + 2) % len(_CLOCKWISE)]
    if look(world, guard):
        return
    guard.mind = replace(guard.mind, search=(guard.mind.search or 0) - 1)
    if guard.mind.search <= 0:
        go_home(world, guard)


def alerted_turn(world: World, guard: Unit) -> None:
    if civilians.is_civilian(world, guard):
        civilians.flee_turn(world, guard)  # it called the police; it never catches anyone
        return
    look(world, guard)
    if guard.state is not GuardState.ALERTED:
        return
    if _act_on_crew(world, guard):
        return
    target = guard.mind.last_seen
    if target is not None and guard.cell != target:
        _walk(world, guard, target, world.rules.guard_states.chase_steps)
        if _act_on_crew(world, guard):  # ran into view: it shoots at once if armed
            return
    if (target is None or beside(guard.cell, target)) and not look(world, guard):
        # Lost them: search where they were last seen, then go back.
        assert guard.cell is not None
        guard.state = GuardState.SUSPICIOUS
        guard.mind = replace(
            guard.mind,
            target=target or guard.cell,
            target_level=0,
            target_turn=world.turn,
            search=world.rules.guard_states.search_turns,
            searching=True,
            last_seen=None,
        )


def _act_on_crew(world: World, guard: Unit) -> bool:
    """Catch a crew member next to the guard, or shoot one in sight if armed."""
    for unit in world.crew():
        if unit.can_act and beside(guard.cell, unit.cell):
            unit.status = Status.CAUGHT
            world.log(
                "caught",
                f"{guard.name} catches {unit.name}!",
                unit.cell,
                guard=guard.id,
                unit=unit.id,
            )
            return True
    if guard.armed and guard.cell is not None:
        reach = world.rules.shoot.range
        here = guard.cell
        for unit in world.crew():
            if not unit.can_act or unit.cell is None:
                continue
            in_range = max(abs(unit.cell.x - here.x), abs(unit.cell.y - here.y)) <= reach
            if in_range and vision.sees(world, guard, unit.cell):
                fire(world, guard, unit)
                return True
    return False


def _walk(world: World, guard: Unit, goal: Cell, steps: int) -> bool:
    """Walk up to ``steps`` cells towards ``goal``, looking after each. False: no way there."""
    assert guard.cell is not None
    passable = walkable_now(world, doors_passable=True) & ~world.occupied()
    passable[goal.index] = world.terrain.walkable[goal.index]
    margin = world.rules.guard_states.path_margin
    reach = max(abs(goal.x - guard.cell.x), abs(goal.y - guard.cell.y)) + margin
    path = find_path(world, guard.cell, goal, passable, reach=reach)
    if path is None:  # someone stands in the way: head that way and wait behind them
        passable = walkable_now(world, doors_passable=True)
        path = find_path(world, guard.cell, goal, passable, reach=reach)
    if path is None:
        return False
    start_state = guard.state
    for cell in path[1 : steps + 1]:
        if not step_guard(world, guard, cell):
            break
        seen = look(world, guard)
        if guard.state is not start_state or (seen and start_state is not GuardState.ALERTED):
            break
        if start_state is GuardState.ALERTED and any(
            u.can_act and beside(guard.cell, u.cell) for u in world.crew()
        ):
            break  # close enough to grab someone
    return True


def recover(world: World, guard: Unit) -> None:
    """A knocked-out guard counts down; at zero it comes to, suspicious, where it lies."""
    out_cold = guard.status is Status.KNOCKED_OUT or (
        guard.status is Status.CARRIED and guard.carrying.status_before is Status.KNOCKED_OUT
    )
    if not out_cold:
        return
    left = (guard.ko_turns or 0) - 1
    guard.ko_turns = max(0, left)
    if left > 0:
        return
    if guard.status is Status.CARRIED:
        by = guard.carrying.by
        carrier = world.units.get(by) if by is not None else None
        spot = free_cell_near(world, carrier.cell if carrier else None)
        if carrier is None or spot is None:
            guard.ko_turns = 1
            return
        carrier.carrying = Carrying()
        guard.carrying = Carrying()
        world.move_unit(guard, spot)
        world.log("dropped", f"{guard.name} wriggles free of {carrier.name}.", spot, unit=guard.id)
    guard.ko_turns = None
    guard.status = Status.ACTIVE
    world.log("came_to", f"{guard.name} comes to.", guard.cell, guard=guard.id)
    assert guard.cell is not None
    guard.state = GuardState.STANDING if guard.state is GuardState.SLEEPING else guard.state
    make_suspicious(world, guard, guard.cell, 0)
    guard.mind = replace(guard.mind, searching=True)
