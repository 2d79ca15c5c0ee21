"""Recorded games on small ASCII worlds, shared by the replay tests."""

from __future__ import annotations

from pathlib import Path

from sim_scenarios import GROUND, ROUTES, UPSTAIRS, random_commands

from game.replay import AsciiSource, GameSession, Settings
from game.sim import Cell, EndTurn, Move, OpenDoor

CORRIDOR = """
    ##########
    #T.......E#
    #.###+####
    #.#G.....#
    ##########
"""


QUIET = """
    ##############
    #T..+....#...#
    #J..#....#.G.#
    #...#..M.#...#
    ##/###+###...#
    #.....C..#...#
    #E.......#...#
    ##############
"""
QUIET_ROUTES = {"Guard 1": [[0, 10, 1], [0, 12, 1], [0, 12, 6], [0, 10, 6]]}


def quiet_source() -> AsciiSource:
    """Crew in the west, a guard patrolling a walled-off east wing: random play there lasts
    as long as a test needs (nobody is ever seen or heard through the wall)."""
    return AsciiSource([QUIET], name="quiet", routes=QUIET_ROUTES)


def scenario_source() -> AsciiSource:
    """The two-floor property-test world, with its patrolling guards."""
    routes = {name: [list(p) for p in points] for name, points in ROUTES.items()}
    return AsciiSource([GROUND, UPSTAIRS], name="scenario", routes=routes)


def corridor_source() -> AsciiSource:
    """Tony walks east to an exit: a game that can be won in two turns."""
    return AsciiSource([CORRIDOR], name="corridor")


def play_random(
    folder: Path, turns: int = 12, seed: int = 3, record: bool = True, **settings
) -> GameSession:
    """A recorded game of random commands until ``turns`` turns are finished."""
    session = GameSession.start(
        quiet_source(), seed=7, folder=folder, settings=Settings(**settings), record=record
    )
    commands = random_commands(seed, 4000, session.world)
    for command in commands:
        if session.world.turn > turns:
            break
        session.apply(command)
    assert session.world.turn > turns, f"the random game ended early: {session.world.outcome}"
    return session


def win_corridor(folder: Path) -> GameSession:
    """Tony walks to the exit and the game is won."""
    session = GameSession.start(corridor_source(), seed=1, folder=folder)
    tony = session.world.unit_named("Tony").id
    assert session.apply(Move(tony, Cell(0, 5, 1)))
    assert not session.apply(Move(tony, Cell(0, 5, 1)))  # already there: refused, unrecorded
    session.apply(EndTurn())
    assert session.apply(Move(tony, Cell(0, 9, 1)))
    session.apply(EndTurn())
    assert session.world.outcome.status == "won"
    return session


__all__ = ["OpenDoor", "corridor_source", "play_random", "scenario_source", "win_corridor"]
