"""Where actions hand over to the world's reactions.

Actions (moving, opening a door...) call these functions at the moments other rules care
about; the stealth rules (hearing, sight) plug in here, so an action never needs to know who
might be listening or watching.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from game.sim import guards, hearing, vision

if TYPE_CHECKING:
    from game.sim.entities import Unit
    from game.sim.events import Noise
    from game.sim.world import World


def noise_made(world: World, noise: Noise) -> None:
    """A noise was just made: the listeners who can hear it react (``noise.heard_by``)."""
    hearing.hear(world, noise)


def after_step(world: World, unit: Unit) -> bool:
    """A crew member just entered a cell. True stops the rest of its move (it was spotted)."""
    return guards.spot_mover(world, unit)


def before_command(world: World) -> dict[int, int]:
    """A command is about to be carried out: what the crew sees now (for ``after_command``)."""
    return vision.guards_in_view(world)


def after_command(world: World, seen_before: dict[int, int]) -> None:
    """A command was carried out: guards that came into the crew's view are news."""
    vision.note_sightings(world, seen_before)
