"""Small worlds from the film for the rules tests: the jeweler's shop and the flat above it."""

from __future__ import annotations

from game.asciiworld import LEGEND, build_world
from game.sim import Cell, Drill, EndTurn, World

# The shop (west, with the safe, the bell and the vibration sensor), the back room, and the
# concierge's lodge (east); the street runs along the north, past the shop window.
SHOP = """
    :::::::::::::::
    ####=##########
    #......#..#...#
    #.V....+..+.S.#
    #B.....#..#...#
    #X.....#..#...#
    ###############
"""
# The vacant flat above the shop: two drillable cells over the shop, the way out in the corner.
FLAT = """
    ###############
    ###############
    #E.....########
    #...__.########
    #......########
    #MTJC..########
    ###############
"""
HOLE = Cell(1, 5, 3)  # drilled from the flat; opens into the shop at (0, 5, 3)
SECOND = Cell(1, 4, 3)


def jeweler(*, concierge: bool = True, **kwargs) -> World:
    """The shop and the flat; keyword arguments go to ``build_world``. Without the concierge
    his lodge is empty (for tests about the alarm alone)."""
    if not concierge:
        kwargs["legend"] = {**kwargs.get("legend", {}), "S": LEGEND["."]}
    return build_world(SHOP, FLAT, **kwargs)


def drill_through(world: World, unit_id: int, cell: Cell, *, umbrella: bool) -> int:
    """Drill ``cell`` until the hole is finished (opening an umbrella under it as soon as the
    pilot hole allows, if asked); returns the turns it took."""
    from game.sim import DeployUmbrella

    turns = 0
    while not world.holes[cell.index]:
        while world.check(Drill(unit_id, cell)) is None and not world.holes[cell.index]:
            assert world.apply(Drill(unit_id, cell))
            if umbrella and world.check(DeployUmbrella(unit_id, cell)) is None:
                assert world.apply(DeployUmbrella(unit_id, cell))
        if not world.holes[cell.index]:
            world.apply(EndTurn())
            turns += 1
        assert turns < 20, "the hole never got finished"
    return turns


def place(world: World, name: str, cell: Cell) -> None:
    """Put a unit somewhere (test setup only)."""
    world.move_unit(world.unit_named(name), cell)
