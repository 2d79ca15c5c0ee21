"""The standard probes of DESIGN.md "Balance": lazy or careless players a map must beat.

Each probe is a scripted player that knows nothing of a particular map: it finds what it
needs among the map's own objects (the objectives, the exits, the safe, the bells, the
drillable cells of ``world.terrain``), asks the rules what a crew member can do
(``game.sim.candidates``, ``world.plan``, each rule's ``needs``) and plays the real rules
through ``world.apply`` until the mission is decided, within ``player.MAX_TURNS`` turns. So
a map change that lets a listed probe win fails the suite (``tests/test_balance.py``).

| probe | plays |
|---|---|
| ``straight`` | the shortest way to the objective (doors opened, locks picked), act, out |
| ``no-drill`` | the same, but sneaking, and foaming every bell before touching the safe |
| ``no-umbrella`` | the heist through a hole drilled above the bell (sneaking, waiting rather |
|  | than be seen by the next world turn), with no umbrella under the hole |
| ``no-foam`` | the same heist with the umbrella, never foaming a bell |
| ``guns`` | shoots every guard in sight before each step, walks straight to the objective |
| ``wait`` | ends turns until the mission is decided |
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable

from game.sim import (
    Carry,
    Cell,
    Climb,
    CrackSafe,
    DeployUmbrella,
    Drill,
    EndTurn,
    Foam,
    LowerRope,
    Move,
    Shoot,
    Status,
    TakeLoot,
    Unit,
    World,
    candidates,
)
from game.sim.commands import Command
from game.sim.events import Event
from game.sim.solve.player import GameOver, NothingToPlay, Player, ProbeResult

# --- objectives ----------------------------------------------------------------------------


def _safes(world: World) -> list[int]:
    return [d.id for d in world.devices_in_order("safe")]


def _rescued(world: World) -> list[int]:
    return [int(o.params["person"]) for o in world.objectives if o.kind == "rescue"]


def _crackers(player: Player) -> list[Unit]:
    return [
        u for u in player.world.crew() if u.can_act and u.role in player.world.rules.safe.crackers
    ]


def _crack_and_take(player: Player, cracker: int, safe: int) -> None:
    world = player.world
    player.do(lambda: CrackSafe(cracker, safe), until=lambda: bool(world.devices[safe].state.open))
    player.do(lambda: TakeLoot(cracker, safe))


def _foam_bells(player: Player, foamer: int) -> None:
    for bell in [d for d in player.world.devices_in_order("bell")]:
        if player.go(foamer, player.around(bell.cell)):
            player.do(lambda b=bell.id: Foam(foamer, b))


def _straight(player: Player, foam: bool) -> None:
    """Shortest way to the objective: a lock picker leads (opening the way), the cracker
    follows, foams the bells first if ``foam``, cracks, takes; a rescuer carries the
    person; then everyone out."""
    world = player.world
    for safe in _safes(world):
        cell = world.devices[safe].cell
        pickers = player.able("pick_lock")
        crackers = _crackers(player)
        if pickers and crackers and pickers[0].id != crackers[0].id:
            player.go(pickers[0].id, player.around(cell))
        if crackers:
            if foam:
                foamers = [u for u in player.able("foam") if u.id == crackers[0].id]
                if foamers:
                    _foam_bells(player, foamers[0].id)
            if player.go(crackers[0].id, player.around(cell)):
                _crack_and_take(player, crackers[0].id, safe)
    for person in _rescued(world):
        rescuer = world.crew()[0].id
        target = world.units[person]
        if target.cell is not None and player.go(rescuer, player.around(target.cell)):
            player.do(lambda r=rescuer, p=person: Carry(r, p))
    player.leave()


def straight(player: Player) -> None:
    _straight(player, foam=False)


def no_drill(player: Player) -> None:
    player.sneak = True
    _straight(player, foam=True)


def wait(player: Player) -> None:
    player.finish()


#: Turns the gunman waits for the guards to come before he goes on anyway: he has a clock
#: to beat (the police the first shot sent for), a stealthy player has not.
GUNMAN_PATIENCE = 2


class _Gunman(Player):
    """Shoots every guard in sight before each step, walking two cells at a time; stands
    and keeps shooting while a guard it can shoot at is still up. Careful of bullets, not of
    eyes: it waits (a while) rather than end a turn where the world's turn would shoot it,
    so the guards who come running step into its sights first (the ambush that won against
    guards who fire only at the start of their own turn)."""

    def __init__(self, world: World) -> None:
        super().__init__(world, careful=True)
        self.patience = GUNMAN_PATIENCE

    def _harmed(self, events: list[Event]) -> bool:
        crew = {u.id for u in self.world.crew()}
        return any(
            (e.kind == "shot" and e.data.get("target") in crew) or e.kind == "caught"
            for e in events
        )

    def _step_along(self, unit: Unit, path: list[Cell]) -> None:
        if _shoot_in_sight(self.world, unit.id):
            return  # out of AP with a guard in his sights: stand, shoot next turn
        super()._step_along(unit, path)

    def _answer(self, world: World, unit_id: int) -> None:
        _shoot_in_sight(world, unit_id)


def _shoot_in_sight(world: World, unit_id: int) -> bool:
    """Shoot every guard ``unit_id`` can shoot at, the nearest first (he is the one about
    to grab or shoot). True when one is left standing in his sights for want of AP."""
    for _ in range(8):
        unit = world.units[unit_id]
        if not unit.can_act or world.outcome.over:
            return False
        shots = [c for c in candidates(world, unit) if isinstance(c, Shoot)]
        alive = [s for s in shots if world.units[s.target].status is Status.ACTIVE]
        plans = [(s, world.plan(s)) for s in alive]
        legal = [s for s, planned in plans if planned.ok]
        if legal:
            world.apply(min(legal, key=lambda s: _distance(world, unit, s.target)))
            continue
        return any("AP" in (planned.reason or "") for _, planned in plans)
    return False


def _distance(world: World, unit: Unit, target: int) -> int:
    here, there = unit.cell, world.units[target].cell
    assert here is not None and there is not None
    return max(abs(here.x - there.x), abs(here.y - there.y))


def guns(player: Player) -> None:
    gunman = _Gunman(player.world)
    gunman.last_turn = player.last_turn
    _straight(gunman, foam=False)


def _heist(player: Player, umbrella: bool, foam: bool) -> None:
    """In through a hole drilled above the safe, sneaking and waiting out guards' views:
    drill (the umbrella under the pilot hole if ``umbrella``), rope down, the cracker
    climbs down, foams the bells first if ``foam``, cracks the safe, climbs back; out."""
    world = player.world
    player.sneak, player.careful = True, True
    safes, bells = _safes(world), list(world.devices_in_order("bell"))
    if not safes or (foam and not bells):
        raise NothingToPlay("the map has no safe" if not safes else "the map has no bell")
    safe = world.devices[safes[0]]
    below_floor = safe.cell.floor
    mark = safe.cell if not foam else bells[0].cell
    drillable = [
        Cell(int(f), int(x), int(y))
        for f, y, x in zip(*world.terrain.drillable.nonzero(), strict=True)
        if f == below_floor + 1 and world.terrain.walkable[f - 1, y, x]
    ]
    if not drillable:
        raise NothingToPlay("no drillable floor above the safe")
    hole = min(drillable, key=lambda c: (abs(c.x - mark.x) + abs(c.y - mark.y), c.y, c.x))
    below = Cell(below_floor, hole.x, hole.y)
    needed = ["drill", "lower_rope", *(["deploy_umbrella"] if umbrella else [])]
    missing = [kind for kind in needed if not player.able(kind)]
    if missing or not _crackers(player):
        raise NothingToPlay(f"nobody can {(missing or ['crack_safe'])[0].replace('_', ' ')}")
    driller = player.able("drill")[0].id
    roper = player.able("lower_rope")[0].id
    cracker = _crackers(player)[0].id
    team = [driller, roper, cracker]
    holder = None
    if umbrella:
        holder = player.able("deploy_umbrella")[0].id
        team.append(holder)
    spots = [c for c in player.around(hole) if world.terrain.walkable[c.index]]
    moves = [(unit_id, [spot]) for unit_id, spot in zip(team, spots, strict=False)]
    player.go_all(moves)
    player.do(lambda: Drill(driller, hole))
    if holder is not None:
        player.do(lambda: DeployUmbrella(holder, hole))
    player.do(lambda: Drill(driller, hole), until=lambda: bool(world.holes[hole.index]))
    player.do(lambda: LowerRope(roper, hole))
    player.go(cracker, [hole])
    player.do(lambda: Climb(cracker, False))
    if foam:
        _foam_bells(player, cracker)
    if player.go(cracker, player.around(safe.cell)):
        _crack_and_take(player, cracker, safe.id)
    player.go(cracker, [below])
    player.do(lambda: Climb(cracker, True))
    player.leave()


def no_umbrella(player: Player) -> None:
    _heist(player, umbrella=False, foam=True)


def no_foam(player: Player) -> None:
    _heist(player, umbrella=True, foam=False)


def heist(player: Player) -> None:
    """The whole careful heist, nothing skipped (a yardstick, not a probe a map loses to)."""
    _heist(player, umbrella=True, foam=True)


PROBES: dict[str, Callable[[Player], None]] = {
    "straight": straight,
    "no-drill": no_drill,
    "no-umbrella": no_umbrella,
    "no-foam": no_foam,
    "guns": guns,
    "wait": wait,
}


def play_probe(name: str, world: World) -> ProbeResult:
    """Play the probe called ``name`` on ``world`` to the end (or the turn limit)."""
    return play(PROBES[name], world, name)


def play(probe: Callable[[Player], None], world: World, name: str = "") -> ProbeResult:
    """Play a probe (any player function) on ``world`` until the mission is decided."""
    start = world.turn
    try:
        probe(Player(world))
    except GameOver:
        pass
    except NothingToPlay as why:
        return ProbeResult(name, "n/a", str(why), 0)
    outcome = world.outcome
    kinds = [e.kind for e in world.events]
    rang = "bell_ringing" in kinds and (
        "police_called" not in kinds or kinds.index("bell_ringing") < kinds.index("police_called")
    )
    hp = sum(u.hp for u in world.crew())
    return ProbeResult(
        name, outcome.status or "", outcome.reason or "", world.turn - start, rang, hp
    )


def loud(world: World, route: Iterable[Command]) -> ProbeResult:
    """DESIGN.md's ``loud`` probe: the intended route (the commands of a won game, say a
    golden recording's), walking wherever it sneaks. A command the changed game refuses is
    skipped; after the route, turns end until the mission is decided."""

    def walk_it(player: Player) -> None:
        for command in route:
            if isinstance(command, Move) and command.sneak:
                command = dataclasses.replace(command, sneak=False)
            if isinstance(command, EndTurn):
                player.end_turn()
            elif world.plan(command).ok:
                player.apply(command)
        player.finish()

    return play(walk_it, world, "loud")
