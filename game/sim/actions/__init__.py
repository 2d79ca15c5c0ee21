"""The rules of action: one :class:`~game.sim.contract.Rule` per command, one module per topic.

:data:`RULEBOOK` is every rule in the order the screen's action bar and the candidates list
them. :func:`candidates` and :func:`legal_commands` are how the screen, the solver, bots and
tests enumerate moves, so nothing above the rules guesses what a command means.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from game.sim.actions.doors import CloseDoorRule, OpenDoorRule, PickLockRule
from game.sim.actions.heist import ClimbRule, DeployUmbrellaRule, DrillRule, LowerRopeRule
from game.sim.actions.loot import CrackSafeRule, FoamRule, TakeLootRule
from game.sim.actions.movement import MoveRule, WaitRule
from game.sim.actions.peek import PeekRule
from game.sim.actions.people import CarryRule, DropRule, KnockOutRule, ShootRule
from game.sim.actions.turn import EndTurnRule
from game.sim.commands import Command, EndTurn
from game.sim.contract import Rulebook

if TYPE_CHECKING:
    from game.sim.entities import Unit
    from game.sim.world import World

#: Every rule of action, in the order they are listed to a player.
RULEBOOK = Rulebook(
    [
        MoveRule(),
        OpenDoorRule(),
        CloseDoorRule(),
        PickLockRule(),
        DrillRule(),
        DeployUmbrellaRule(),
        LowerRopeRule(),
        ClimbRule(),
        FoamRule(),
        CrackSafeRule(),
        TakeLootRule(),
        KnockOutRule(),
        CarryRule(),
        DropRule(),
        ShootRule(),
        WaitRule(),
        PeekRule(),  # last of the crew's, so the older actions keep their hotkeys
        EndTurnRule(),
    ]
)


def candidates(world: World, unit: Unit) -> list[Command]:
    """Every legal command ``unit`` can give now, rule by rule in :data:`RULEBOOK` order."""
    if world.outcome.over or not unit.is_crew or not unit.can_act:
        return []
    found: list[Command] = []
    for rule in world.rulebook:
        found.extend(rule.candidates(world, unit))
    return found


def legal_commands(world: World) -> list[Command]:
    """Every legal command now: each crew member's candidates (by id), then the end of turn."""
    if world.outcome.over:
        return []
    found: list[Command] = []
    for unit in world.crew():
        found.extend(candidates(world, unit))
    found.append(EndTurn())
    return found
