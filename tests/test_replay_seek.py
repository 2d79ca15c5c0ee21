"""Seeking lands on exactly the state a straight run reaches; the viewer's model steps right."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from replay_worlds import play_random, scenario_source
from sim_scenarios import random_commands

from game.content import load_rules
from game.replay import AsciiSource, GameSession, Playback
from game.replay.timeline import Timeline
from game.sim import Move


def _straight_hashes(seed: int, count: int) -> tuple[Timeline, dict[tuple[int, int], str]]:
    """A timeline of a random game, and the hash after every command of a straight run."""
    world = scenario_source().build(5, load_rules())
    timeline = Timeline(world, interval=3)
    hashes: dict[tuple[int, int], str] = {(1, 0): world.state_hash()}
    done: list = []
    for command in random_commands(seed, count, world):
        turn = world.turn
        if not world.apply(command):
            continue
        done.append(command)
        if world.turn != turn:
            timeline.add_turn(done, world)
            done = []
            hashes[(world.turn, 0)] = world.state_hash()
        else:
            hashes[(turn, len(done))] = world.state_hash()
    return timeline, hashes


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(0, 2**32))
def test_every_moment_is_reached_exactly(seed):
    timeline, hashes = _straight_hashes(seed, 150)
    for (turn, command), expected in hashes.items():
        if turn <= timeline.count or command == 0:
            assert timeline.world_at(turn, command).state_hash() == expected, (turn, command)


def test_playback_steps_forward_and_back(tmp_path: Path):
    session = play_random(tmp_path, turns=7)
    session.close()
    playback = Playback.open(session.path)
    seen = [(playback.turn, playback.command, playback.world.state_hash())]
    while playback.step_forward():
        seen.append((playback.turn, playback.command, playback.world.state_hash()))
    assert playback.at_end and playback.turn == 8
    assert seen[-1][2] == session.world.state_hash()
    for turn, command, expected in reversed(seen[:-1]):
        assert playback.step_back()
        assert (playback.turn, playback.command) == (turn, command)
        assert playback.world.state_hash() == expected
    assert playback.at_start and not playback.step_back()


def test_playback_turn_jumps_and_play(tmp_path: Path):
    session = play_random(tmp_path, turns=6)
    session.close()
    playback = Playback.open(session.path)
    playback.seek(4)
    assert playback.world.turn == 4
    playback.step_forward()
    playback.previous_turn()
    assert (playback.turn, playback.command) == (4, 0)
    playback.previous_turn()
    assert playback.turn == 3
    playback.next_turn()
    assert playback.turn == 4
    playback.seek(99)
    assert playback.at_end
    playback.toggle()  # playing from the end starts over
    assert playback.playing and playback.at_start
    playback.faster()
    assert playback.update(1.0) == 2
    playback.slower()
    playback.slower()
    assert playback.update(1.0) == 0 and playback.update(1.0) == 1
    while playback.update(10.0):
        pass
    assert playback.at_end and not playback.playing


def test_markers_come_from_events(tmp_path: Path):
    """A guard hears Tony's footsteps (and turns to see him): the timeline marks the noise."""
    hall = AsciiSource(["#########\n#T....G.#\n#########"], name="hall", facing={"Guard 1": "E"})
    session = GameSession.start(hall, seed=7, folder=tmp_path)
    tony = session.world.unit_named("Tony")
    assert session.apply(Move(tony.id, tony.cell.offset(2, 0)))
    session.end_turn()
    session.close()
    playback = Playback.open(session.path)
    assert "noise" in {m.category for m in playback.markers}
    assert playback.markers[0].turn == 1
