"""A world ready to play: the state, the rulebook and the standard observers together.

:mod:`game.sim.world` holds state and drives whatever rulebook and observers it is given;
this module, above the rules, gives it the real ones. Everything that builds a world (the
Tiled loader, ASCII test worlds, benchmarks) builds it here.
"""

from __future__ import annotations

from game.sim.actions import RULEBOOK
from game.sim.observers import standard_observers
from game.sim.rules import Rules
from game.sim.terrain import Terrain
from game.sim.world import MissionInfo, World


def new_world(rules: Rules, terrain: Terrain, seed: int, mission: MissionInfo) -> World:
    """An empty world on ``terrain`` playing by the game's rules; add things, then play."""
    return World(rules, terrain, seed, mission, rulebook=RULEBOOK, observers=standard_observers())
