"""The world's standard observers: who hears a noise, who fires at once, who sees a step.

The world calls its observers (see :class:`game.sim.contract.Observer`) at the moments other
rules care about, so an action never needs to know who might be listening or watching.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from game.sim import guards, hearing, reaction, vision
from game.sim.contract import Observer

if TYPE_CHECKING:
    from game.sim.entities import Unit
    from game.sim.events import Noise
    from game.sim.world import World


class Hearing(Observer):
    """A noise was made: the listeners who can hear it react (``noise.heard_by``)."""

    def noise_made(self, world: World, noise: Noise) -> None:
        hearing.hear(world, noise)


class Sight(Observer):
    """A crew member who steps into a watching guard's view is spotted (and stops); guards
    who come into the crew's view during a command are logged as sighted (news: undo may not
    take such a command back)."""

    def stepped(self, world: World, unit: Unit) -> bool:
        return guards.spot_mover(world, unit)

    def before_command(self, world: World) -> dict[int, int]:
        # The same before every child of a search node: kept while no unit or door changed.
        return world.kept("guards_in_view", vision.guards_in_view)

    def after_command(self, world: World, before: object) -> None:
        assert isinstance(before, dict)
        now = vision.guards_in_view(world)
        world.keep("guards_in_view", now)  # what the next command starts from
        vision.note_sightings(world, before, now)


class ReactionFire(Observer):
    """Armed, alerted guards fire at a crew member who steps or acts in their view (see
    :mod:`game.sim.reaction`). Told before :class:`Sight`, so a guard who only now spots the
    mover shouts first and does not fire in the same instant."""

    def stepped(self, world: World, unit: Unit) -> bool:
        return reaction.reaction_fire(world, unit)

    def acted(self, world: World, unit: Unit) -> None:
        reaction.reaction_fire(world, unit)


def standard_observers() -> list[Observer]:
    """The observers every world plays with, in the order they are told."""
    return [Hearing(), ReactionFire(), Sight()]
