"""The designer's notes as hints: a text object on a Tiled map ("Start here: the gate (E) is
the way out.") is told to the player once, when a crew member first comes near it, or, for
a note written outside the building (a label over the floor, as the shipped maps place
them), when a crew member first stands on its floor.

The rules ignore notes (they are the designer's, not the world's), so the screen reads them
from the map file itself through the Tiled reader, with its bounds and one-line errors; a map
that cannot be read simply has no hints. No pygame.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from game.sim.geometry import Cell
from game.sim.world import World
from game.tiled import MapError
from game.tiled.tmx import Layer, read_map

#: How near (cells, any direction, same floor) a crew member comes for a note to be told:
#: the crew's lit sight range, as the notes are read like signs on the wall.
NEAR = 8


@dataclass(frozen=True)
class Note:
    cell: Cell
    text: str


def map_notes(source: str) -> list[Note]:
    """The designer's notes of the map at ``source`` (a .tmx path), in file order."""
    path = Path(source)
    if path.suffix != ".tmx" or not path.is_file():
        return []
    try:
        tmap = read_map(path)
    except (MapError, OSError, ValueError):
        return []
    notes: list[Note] = []
    stack: list[tuple[Layer, int]] = [(layer, layer.floor or 0) for layer in tmap.layers]
    while stack:
        layer, floor = stack.pop(0)
        here = layer.floor if layer.floor is not None else floor
        stack.extend((child, here) for child in layer.children)
        for obj in layer.objects:
            if obj.shape != "text" or obj.cls or not obj.text:
                continue
            x = int((obj.x + obj.width / 2) // tmap.tilewidth)
            y = int((obj.y + obj.height / 2) // tmap.tileheight)
            notes.append(Note(Cell(here, x, y), obj.text))
    return notes


class Hints:
    """The notes of one mission, each told once."""

    def __init__(self, notes: list[Note]) -> None:
        self.notes = notes
        self.told: set[int] = set()

    def due(self, world: World) -> list[str]:
        """The notes a crew member has just come near (and marks them told)."""
        found: list[str] = []
        crew = [u.cell for u in world.crew() if u.can_act and u.cell is not None]
        for n, note in enumerate(self.notes):
            if n in self.told:
                continue
            c = note.cell
            label = not world.in_bounds(c) or not world.terrain.walkable[c.index]
            if any(
                at.floor == c.floor and (label or max(abs(at.x - c.x), abs(at.y - c.y)) <= NEAR)
                for at in crew
            ):
                self.told.add(n)
                found.append(note.text)
        return found
