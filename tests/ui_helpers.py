"""Helpers for the UI tests: an app on the dummy drivers, posted input, small worlds."""

from __future__ import annotations

import os

import pygame

from game.asciiworld import build_world
from game.sim import Facing, MissionInfo, World
from game.ui.app import App
from game.ui.settings import Settings

HALL = """
##############
#T.....+....E#
#......#.....#
#......#.....#
##############
"""

GUARDED = """
################
#T.............#
#..............#
#.....G........#
#..............#
################
"""


def make_app(tmp_path) -> App:
    """A real app (dummy video and audio), uncapped, writing settings under tmp_path."""
    os.environ["RIFIFI_CONFIG_DIR"] = str(tmp_path / "config")
    os.environ["RIFIFI_DATA_DIR"] = str(tmp_path / "data")
    return App(Settings(), fps=0, size=(1280, 720))


def hall() -> World:
    world = build_world(HALL)
    world.mission = MissionInfo(name="hall", title="The hall")
    return world


def guarded() -> World:
    return build_world(GUARDED, facing={"Guard 1": Facing.W})


def listening() -> World:
    """The guard of :func:`guarded` facing away (east): Tony can walk up behind it, so the
    last footsteps of a walk reach it before it could see him (the walk is not cut short)."""
    return build_world(GUARDED, facing={"Guard 1": Facing.E})


def key(app: App, code: int, frames: int = 1, mod: int = 0) -> None:
    pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=code, mod=mod, unicode=""))
    pygame.event.post(pygame.event.Event(pygame.KEYUP, key=code, mod=mod))
    run(app, frames)


def click(app: App, pos: tuple[int, int], button: int = 1, frames: int = 1) -> None:
    pygame.event.post(
        pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=(0, 0), buttons=(0, 0, 0))
    )
    pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=pos, button=button))
    pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONUP, pos=pos, button=button))
    run(app, frames)


def hover(app: App, pos: tuple[int, int], frames: int = 1) -> None:
    pygame.event.post(
        pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=(0, 0), buttons=(0, 0, 0))
    )
    run(app, frames)


def run(app: App, frames: int = 1, dt: float = 0.05) -> None:
    for _ in range(frames):
        app.frame(dt)
