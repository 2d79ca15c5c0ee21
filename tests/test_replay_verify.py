"""Verification names the first turn, command and part of the state that differ."""

from __future__ import annotations

import json
from pathlib import Path

from replay_worlds import play_random, win_corridor

from game.cli import main
from game.cli.replay import verify_file
from game.replay import DivergenceError, load, verify
from game.replay.state import fingerprint
from game.sim import EndTurn


def _rewrite(path: Path, change) -> Path:
    lines = [json.loads(line) for line in path.read_text().splitlines()]
    change(lines)
    out = path.with_name("tampered.replay")
    out.write_text("".join(json.dumps(line) + "\n" for line in lines))
    return out


def test_state_hash_is_the_combined_part_hashes(tmp_path: Path):
    world = play_random(tmp_path, turns=3, record=False).world
    assert fingerprint(world) == (world.state_hash(), world.part_hashes())


def test_a_tampered_move_diverges_at_its_turn_and_command(tmp_path: Path):
    path = win_corridor(tmp_path).path

    def shorter_walk(lines):
        lines[2]["commands"][0]["to"] = [0, 8, 1]  # turn 2, command 1: stop short of the exit

    status, line = verify_file(str(_rewrite(path, shorter_walk)))
    assert status == 1
    assert "tampered.replay: diverges at turn 2 (command 1): expected clock " in line
    assert ", got " in line


def test_a_refused_command_names_the_reason(tmp_path: Path):
    path = win_corridor(tmp_path).path

    def into_the_wall(lines):
        lines[1]["commands"][0]["to"] = [0, 0, 0]

    status, line = verify_file(str(_rewrite(path, into_the_wall)))
    assert status == 1
    assert "diverges at turn 1 (command 1): expected 'move' to be carried out, got refused" in line


def test_tampering_with_one_command_of_a_long_game(tmp_path: Path):
    session = play_random(tmp_path, turns=20)
    session.close()
    recording = load(session.path)
    # Find a turn with a move and send the walker somewhere else it can reach.
    for entry in recording.turns()[5:]:
        moves = [i for i, c in enumerate(entry.commands) if c.kind == "move"]
        if moves:
            break
    target_turn, index = entry.turn, moves[0]

    def elsewhere(lines):
        command = lines[target_turn]["commands"][index]
        command["sneak"] = not command["sneak"]

    try:
        verify(load(_rewrite(session.path, elsewhere)))
    except DivergenceError as error:
        assert error.turn == target_turn, str(error)
        assert error.command == index + 1, str(error)
    else:
        raise AssertionError("the tampered recording verified")


def test_a_wrong_hash_names_the_part(tmp_path: Path):
    path = win_corridor(tmp_path).path

    def bad_units(lines):
        lines[1]["parts"]["units"] = "f" * 32
        lines[1]["hash"] = "0" * 32

    status, line = verify_file(str(_rewrite(path, bad_units)))
    assert status == 1
    assert "diverges at turn 1 (command 2): expected units ffffffffffff…, got " in line


def test_a_changed_seed_shows_in_the_rng_part(tmp_path: Path):
    path = win_corridor(tmp_path).path
    status, line = verify_file(str(_rewrite(path, lambda lines: lines[0].update(seed=99))))
    assert status == 1 and "expected rng" in line


def test_verify_prints_ok_and_exits_0(tmp_path: Path, capsys):
    path = win_corridor(tmp_path).path
    assert main(["replay", str(path), "--verify"]) == 0
    assert capsys.readouterr().out.strip() == f"{path}: OK, 2 turns verified (won at turn 2)"


def test_a_snapshot_plays_on_exactly_like_the_original(tmp_path: Path):
    world = play_random(tmp_path, turns=4, record=False).world
    twin = world.fork()
    assert twin.state_hash() == world.state_hash()
    for _ in range(6):
        world.apply(EndTurn())
        twin.apply(EndTurn())
        assert twin.state_hash() == world.state_hash()
    assert twin.rules is world.rules and twin.terrain is world.terrain
