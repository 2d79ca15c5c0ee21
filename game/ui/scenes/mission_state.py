"""What the player has chosen on the mission screen, without pygame: who is selected, which
floor is shown, where the cursor is, the action armed (and a loud one aimed, waiting for
its confirm), sneaking, following.

The input layer (:mod:`game.ui.scenes.mission_input`) changes it, the views draw from it,
and what is derived from it (the action bar, the preview, the HUD's panels) is cached by its
fields. Moving the camera to keep a choice in sight is the view's business: these methods
say which cell to keep in view.
"""

from __future__ import annotations

from dataclasses import dataclass, fields

from game.sim.commands import Command
from game.sim.entities import Unit
from game.sim.geometry import Cell
from game.sim.world import World


@dataclass
class MissionState:
    selected: int | None  # a crew member's id
    floor: int
    cursor: Cell
    armed: str | None = None  # an action's kind, waiting for a target
    pending: Command | None = None  # a loud action aimed, waiting for its confirm
    pending_cell: Cell | None = None  # the cell it was aimed at
    sneak: bool = False
    follow: bool = False  # the camera follows the selected crew member
    bar_hover: int | None = None  # the action-bar button under the mouse

    @classmethod
    def start(cls, world: World) -> MissionState:
        """The first crew member who can act selected, the cursor on them."""
        crew = [u for u in world.crew() if u.can_act]
        first = crew[0].cell if crew and crew[0].cell else Cell(0, 0, 0)
        return cls(crew[0].id if crew else None, first.floor, first)

    def key(self) -> tuple[object, ...]:
        """Every field, for caches of what is derived from the state (it changes in place)."""
        return tuple(getattr(self, f.name) for f in fields(self))

    def unit(self, world: World) -> Unit | None:
        """The selected crew member in ``world`` (None: nobody, or no longer crew)."""
        unit = world.units.get(self.selected) if self.selected is not None else None
        return unit if unit is not None and unit.is_crew else None

    def disarm(self) -> None:
        """No action armed, nothing aimed."""
        self.armed = self.pending = self.pending_cell = None

    def select(self, world: World, unit_id: int) -> Cell | None:
        """Select a crew member (disarming); returns their cell, to keep in view."""
        unit = world.units.get(unit_id)
        if unit is None or not unit.is_crew:
            return None
        self.selected = unit_id
        self.armed = None
        if unit.cell is not None:
            self.floor, self.cursor = unit.cell.floor, unit.cell
        return unit.cell

    def select_next(self, world: World, step: int = 1) -> Cell | None:
        """The next (or previous) crew member who can act; returns their cell."""
        ids = [u.id for u in world.crew() if u.can_act]
        if not ids:
            return None
        current = ids.index(self.selected) if self.selected in ids else -1
        return self.select(world, ids[(current + step) % len(ids)])

    def set_floor(self, world: World, floor: int) -> None:
        self.floor = max(0, min(world.terrain.floors - 1, floor))
        self.cursor = Cell(self.floor, self.cursor.x, self.cursor.y)

    def move_cursor(self, world: World, dx: int, dy: int) -> Cell:
        """Move the cursor on the shown floor, kept on the map; returns where it is."""
        t = world.terrain
        x = max(0, min(t.width - 1, self.cursor.x + dx))
        y = max(0, min(t.height - 1, self.cursor.y + dy))
        self.cursor = Cell(self.floor, x, y)
        return self.cursor
