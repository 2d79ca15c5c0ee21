"""Playing through the game session: undo, rewind, saves, crashes, Continue and take-over."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from replay_worlds import corridor_source, play_random, scenario_source

from game.cli.replay import verify_file
from game.replay import GameSession, Playback, RecordingError, Settings, load, verify
from game.sim import Cell, EndTurn, Move
from game.sim.contract import Observer

ROOT = Path(__file__).resolve().parent.parent


def _tony(session: GameSession) -> int:
    return session.world.unit_named("Tony").id


def test_every_turn_is_on_disk_when_it_ends(tmp_path: Path):
    session = GameSession.start(corridor_source(), folder=tmp_path)
    assert len(session.path.read_text().splitlines()) == 1  # the header at once
    session.apply(Move(_tony(session), Cell(0, 3, 1)))
    assert len(session.path.read_text().splitlines()) == 1  # the turn is in progress
    session.end_turn()
    assert len(session.path.read_text().splitlines()) == 2
    session.close()


def test_undo_takes_back_a_quiet_command(tmp_path: Path):
    session = GameSession.start(corridor_source(), folder=tmp_path)
    before = session.world.state_hash()
    assert session.undo_reason() == "Nothing to undo this turn."
    session.apply(Move(_tony(session), Cell(0, 3, 1)))
    session.apply(Move(_tony(session), Cell(0, 5, 1)))
    assert session.undo() is None
    assert session.world.unit_named("Tony").cell == Cell(0, 3, 1)
    assert session.undo() is None
    assert session.world.state_hash() == before
    session.apply(Move(_tony(session), Cell(0, 4, 1)))
    session.end_turn()
    session.close()
    assert verify_file(str(session.path))[0] == 0
    moves = load(session.path).turns()[0].commands
    assert [c.kind for c in moves] == ["move", "end_turn"]  # undone commands are not recorded


class _EveryoneHears(Observer):
    """Hears every noise at full loudness (an observer the test adds to the world)."""

    def noise_made(self, world, noise):
        noise.heard_by[999] = noise.loudness


def test_undo_refuses_a_command_that_revealed_something(tmp_path: Path):
    session = GameSession.start(corridor_source(), folder=tmp_path, record=False)
    session.world.add_observer(_EveryoneHears())
    session.apply(Move(_tony(session), Cell(0, 3, 1)))
    assert session.undo_reason() == "That cannot be undone: someone heard it."
    assert session.undo() is not None
    assert session.world.unit_named("Tony").cell == Cell(0, 3, 1)


def test_undo_does_not_cross_the_turn(tmp_path: Path):
    session = GameSession.start(corridor_source(), folder=tmp_path, record=False)
    session.apply(Move(_tony(session), Cell(0, 3, 1)))
    session.end_turn()
    assert session.undo_reason() == "Nothing to undo this turn."


def test_rewind_goes_back_and_is_recorded(tmp_path: Path):
    session = play_random(tmp_path, turns=8, rewinds=2)
    hash_at_4 = session.timeline.world_at(4).state_hash()
    assert session.rewind(4) is None
    assert session.world.turn == 4 and session.world.state_hash() == hash_at_4
    assert session.rewinds_left == 1
    assert session.rewind(9) == "Turn 9 is not an earlier turn of this game."
    session.end_turn()
    session.end_turn()
    assert session.rewind(2) is None
    assert session.rewind(1) == "No rewinds left in this mission."
    session.end_turn()
    session.close()
    recording = load(session.path)
    assert recording.rewinds == 2
    assert [t.turn for t in recording.turns()] == [1, 2]
    status, line = verify_file(str(session.path))
    assert status == 0 and "2 rewinds" in line, line


def test_rewinds_by_difficulty():
    assert Settings("easy").rewind_limit == -1
    assert Settings("hard").rewind_limit == 0
    assert Settings("hard", rewinds=5).rewind_limit == 5


def test_quit_and_continue_resumes_exactly(tmp_path: Path):
    session = play_random(tmp_path, turns=6)
    session.apply(Move(_tony(session), Cell(0, 2, 3)))  # in progress: lost on quitting
    session.close()
    expected = session.timeline.world_at(session.timeline.count + 1).state_hash()
    again = GameSession.resume(session.path)
    assert again.world.state_hash() == expected
    assert again.world.turn == 7
    again.end_turn()
    again.end_turn()
    again.close()
    assert verify_file(str(session.path)) == (0, verify_file(str(session.path))[1])
    assert len(load(session.path).turns()) == 8


def test_an_abandoned_or_finished_game_cannot_be_continued(tmp_path: Path):
    session = play_random(tmp_path, turns=2)
    session.abandon()
    with pytest.raises(RecordingError, match="over"):
        GameSession.resume(session.path)


KILLED_GAME = textwrap.dedent(
    """
    import os, signal, sys
    sys.path[:0] = [{tests!r}, {root!r}]
    from pathlib import Path
    from replay_worlds import play_random
    from game.sim import EndTurn
    session = play_random(Path({folder!r}), turns=5)
    print(session.path, flush=True)
    session.apply(EndTurn().__class__())  # turn 6 ends too
    os.kill(os.getpid(), signal.SIGKILL)  # the turn in progress (7) is lost
    """
)


def test_a_killed_game_verifies_to_its_last_turn_and_continues(tmp_path: Path):
    script = KILLED_GAME.format(tests=str(ROOT / "tests"), root=str(ROOT), folder=str(tmp_path))
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert done.returncode == -signal.SIGKILL, done.stderr
    path = Path(done.stdout.strip())
    status, line = verify_file(str(path))
    assert status == 0, line
    assert "6 turns verified (unfinished, play stopped in turn 7)" in line
    # A crash in the middle of writing a line loses only that turn.
    with open(path, "ab") as out:
        out.write(b'{"turn":7,"commands":[{"kind":"end_')
    session = GameSession.resume(path)
    assert session.world.turn == 7
    session.end_turn()
    session.close()
    assert verify_file(str(path))[0] == 0
    assert len(load(path).turns()) == 7
    assert all(json.loads(line) for line in path.read_text().splitlines())


def test_take_over_starts_a_new_recording_naming_its_parent(tmp_path: Path):
    parent = play_random(tmp_path / "a", turns=10)
    parent.close()
    parent_bytes = parent.path.read_bytes()
    playback = Playback.open(parent.path)
    playback.seek(5, 1)
    expected = playback.world.state_hash()
    session = playback.take_over(folder=tmp_path / "b")
    assert session.world.state_hash() == expected
    session.end_turn()
    session.end_turn()
    session.close()
    child = load(session.path)
    assert child.header.parent["file"] == parent.path.name
    assert child.header.parent["turn"] == 5
    assert len(child.turns()) == 6
    assert [t.hash for t in child.turns()[:4]] == [t.hash for t in load(parent.path).turns()[:4]]
    assert verify_file(str(session.path))[0] == 0
    assert parent.path.read_bytes() == parent_bytes


def test_a_game_on_a_verified_recording_matches_the_live_world(tmp_path: Path):
    session = play_random(tmp_path, turns=9)
    session.close()
    checked = verify(load(session.path))
    assert checked.world.state_hash() == session.world.state_hash()


def test_recordings_go_to_the_data_folder(tmp_path: Path, monkeypatch):
    monkeypatch.setenv("RIFIFI_DATA_DIR", str(tmp_path / "data"))
    session = GameSession.start(scenario_source(), seed=2)
    session.apply(EndTurn())
    session.close()
    assert session.path.parent == tmp_path / "data" / "recordings"
    assert os.path.getsize(session.path) > 0


def test_a_lost_game_rewound_from_the_failure_screen_records_on(tmp_path: Path):
    from tools.golden_scripts import TUTORIAL_LOST, play

    session = GameSession.start_map(ROOT / "maps" / "tutorial.tmx", folder=tmp_path)
    play(session, TUTORIAL_LOST)
    assert session.world.outcome.status == "lost"
    assert session.recorder.closed  # the mission ended: the recording was closed
    session.close()  # the debrief closes it too
    lost_at = session.timeline.count
    assert session.rewind(7) is None
    assert session.world.turn == 7 and not session.over
    session.end_turn()
    session.close()
    recording = load(session.path)
    assert recording.rewinds == 1 and not recording.ended
    assert [t.turn for t in recording.turns()] == list(range(1, 8))
    assert lost_at > 7
    status, line = verify_file(str(session.path))
    assert status == 0, line
    assert GameSession.resume(session.path).world.turn == 8  # Continue offers it again
