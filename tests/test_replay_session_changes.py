"""The one game session tells the screen of every change: listeners, the version, a reload."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from replay_worlds import CORRIDOR, corridor_source

from game.asciiworld import build_world
from game.cli.replay import verify_file
from game.replay import GameSession, RecordingError, load
from game.replay.session import Change
from game.sim import Cell, Move

ROOT = Path(__file__).resolve().parent.parent


def _tony(session: GameSession) -> int:
    return session.world.unit_named("Tony").id


def test_listeners_hear_every_change_and_the_version_counts_them(tmp_path: Path):
    session = GameSession.start(corridor_source(), folder=tmp_path, record=False)
    heard: list[Change] = []
    session.subscribe(heard.append)
    tony = _tony(session)

    assert session.apply(Move(tony, Cell(0, 3, 1)))
    assert not session.apply(Move(tony, Cell(0, 3, 1)))  # already there: refused, unheard
    assert session.undo() is None
    session.end_turn()
    session.end_turn()
    assert session.rewind() is None  # by default to the start of the previous turn
    assert session.world.turn == 2

    assert [(c.kind, c.version) for c in heard] == [
        ("command", 1),
        ("undo", 2),
        ("command", 3),
        ("command", 4),
        ("rewind", 5),
    ]
    assert heard[0].command == Move(tony, Cell(0, 3, 1)) and heard[0].result
    assert session.version == 5
    session.unsubscribe(heard.append)
    session.end_turn()
    assert len(heard) == 5 and session.version == 6


def test_undo_and_rewind_say_why_not_in_the_same_words_they_refuse_with():
    session = GameSession.unrecorded(build_world(CORRIDOR))
    assert session.undo_reason() == "Nothing to undo this turn."
    assert session.undo() == "Nothing to undo this turn."
    assert (
        session.rewind_reason() == session.rewind() == "Turn 1 is not an earlier turn of this game."
    )
    assert session.version == 0  # nothing changed
    with pytest.raises(RecordingError, match="not played on a Tiled map"):
        session.reload()


def _designers_copy(tmp_path: Path) -> Path:
    shutil.copytree(ROOT / "maps", tmp_path / "maps")
    (tmp_path / "assets").symlink_to(ROOT / "assets")
    return tmp_path / "maps" / "tutorial.tmx"


def test_a_recorded_game_reloads_into_a_new_recording(tmp_path: Path):
    """The old recording stays a save that verifies; the new one starts on the saved map.
    (Recorded beside the map: a recording finds a designer's map only there.)"""
    map_path = _designers_copy(tmp_path)
    session = GameSession.start_map(map_path, folder=map_path.parent)
    session.end_turn()
    first = session.path
    text = map_path.read_text(encoding="utf-8")
    map_path.write_text(text.replace('value="La répétition"', 'value="Encore"'), encoding="utf-8")
    session.reload()
    assert session.world.mission.title == "Encore" and session.world.turn == 1
    assert session.path != first and session.version == 2
    session.end_turn()
    session.close()
    assert verify_file(str(session.path))[0] == 0
    assert len(load(first, strict=False).turns()) == 1  # kept as it was
    map_path.write_text(text.replace("<layer ", "<layer broken "), encoding="utf-8")
    with pytest.raises(RecordingError, match=r"tutorial\.tmx: malformed XML"):
        session.reload()
    assert session.world.mission.title == "Encore"  # the game goes on as it was
