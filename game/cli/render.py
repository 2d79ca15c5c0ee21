"""``rififi render MAP.tmx -o OUT.png [--floor N] [--replay FILE --turn T] [--tiles-only]``:
a picture of the map as the game draws it (terrain, doors, devices, people, vision cones,
guard intents), made without opening a window.

``--tiles-only`` draws just one floor's own tile layers, transparent where there is no tile
and at the map's own tile size: the picture Tiled's ``tmxrasterizer`` makes of the same
layers, so a designer (and the tests) can compare the two pixel for pixel."""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from game.cli.errors import ContentError, UsageError


def run(args: argparse.Namespace) -> int:
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
    path, output = Path(args.map), Path(args.output)
    if not path.is_file():
        raise UsageError(f"{path}: no such map file")
    if output.suffix.lower() != ".png":
        raise UsageError(f"{output}: the picture must be a .png file")
    if (args.replay is None) != (args.turn is None):
        raise UsageError("--replay and --turn go together")
    if getattr(args, "tiles_only", False) and args.replay:
        raise UsageError("--tiles-only draws the map's tiles, not a replay's turn")
    from game.ui.missions import MissionError, load_world

    try:
        world = world_at(args.replay, args.turn, path) if args.replay else load_world(path)
    except MissionError as error:
        raise ContentError(str(error)) from None
    floors = world.terrain.floors
    if args.floor is not None and not 0 <= args.floor < floors:
        raise UsageError(f"--floor {args.floor}: the map has floors 0 to {floors - 1}")
    import pygame

    from game.ui.snapshot import render_tiles, render_world

    if getattr(args, "tiles_only", False):
        picture = render_tiles(path, args.floor or 0)
        if picture is None:
            raise ContentError(f"{path}: the tilesets' pictures cannot be loaded")
    else:
        picture = render_world(world, args.floor)
    try:
        pygame.image.save(picture, str(output))
    except (pygame.error, OSError) as error:
        raise UsageError(f"{output}: cannot write the picture ({error})") from None
    print(f"{output}: {picture.get_width()}x{picture.get_height()} pixels")
    return 0


def world_at(replay: str, turn: int, map_path: Path | None = None):
    """The world at the start of ``turn`` of a recording, which must have been recorded on
    ``map_path`` (when given): a picture of another map would silently show the wrong one."""
    from game.replay.errors import RecordingError
    from game.replay.format import load
    from game.replay.sources import MapSource
    from game.replay.timeline import SeekError
    from game.replay.verify import verify
    from game.ui.missions import MissionError

    try:
        verified = verify(load(replay), markers=False)
        source = verified.source
        if map_path is not None and not (
            isinstance(source, MapSource) and source.path.resolve() == map_path.resolve()
        ):
            recorded = source.stored_path if isinstance(source, MapSource) else source.label
            raise MissionError(
                f"{replay}: was recorded on {recorded}, not on {map_path}; "
                "give the map it was recorded on"
            )
        return verified.timeline.world_at(turn)
    except (RecordingError, SeekError, IndexError) as error:  # IndexError: no such turn
        message = str(error).splitlines()[0] if str(error) else repr(error)
        raise MissionError(message if replay in message else f"{replay}: {message}") from None
