"""Bad recordings: each gets one clear line and exit 1; nothing is executed or destroyed."""

from __future__ import annotations

import json
import pickle
from pathlib import Path

import pytest
from replay_worlds import play_random, win_corridor

from game.cli import main
from game.cli.replay import verify_file
from game.replay import FORMAT_VERSION, RecordingError, load
from game.replay.paths import create_recording_file


@pytest.fixture
def good(tmp_path: Path) -> Path:
    session = play_random(tmp_path / "rec", turns=6)
    session.close()
    assert session.path is not None
    return session.path


def _lines(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text().splitlines()]


def _write(path: Path, lines: list[dict]) -> Path:
    path.write_text("".join(json.dumps(line) + "\n" for line in lines))
    return path


def _fails(path: Path, *words: str) -> str:
    status, line = verify_file(str(path))
    assert status == 1, line
    assert "\n" not in line and "Traceback" not in line
    assert line.startswith(f"{path}:"), line
    for word in words:
        assert word in line, line
    return line


def test_a_recording_round_trips(good: Path):
    recording = load(good)
    assert recording.header.version == FORMAT_VERSION
    assert len(recording.turns()) == 6
    assert verify_file(str(good))[0] == 0


def test_empty_and_foreign_files(tmp_path: Path):
    _fails(_write(tmp_path / "empty.replay", []), "empty")
    (tmp_path / "text.replay").write_text("hello world\n")
    _fails(tmp_path / "text.replay", "line 1", "not valid JSON")
    _fails(_write(tmp_path / "other.replay", [{"some": "json"}]), "not a Rififi recording")
    (tmp_path / "bin.replay").write_bytes(b"\xff\xfe\x00garbage\n")
    _fails(tmp_path / "bin.replay", "UTF-8")
    _fails(tmp_path / "missing.replay", "no such recording")


def test_a_pickle_is_never_unpickled(tmp_path: Path):
    class Boom:
        def __reduce__(self):
            return (print, ("EXECUTED",))

    path = tmp_path / "evil.replay"
    path.write_bytes(pickle.dumps(Boom()))
    _fails(path)


def test_truncated_files(good: Path, tmp_path: Path):
    raw = good.read_bytes()
    header_end = raw.index(b"\n")
    cut = tmp_path / "cut-header.replay"
    cut.write_bytes(raw[: header_end // 2])
    _fails(cut, "truncated", "header")
    mid = tmp_path / "cut-turn.replay"
    mid.write_bytes(raw[:-40])
    line = _fails(mid, "truncated at line 7")
    assert "watched" in line
    # Watching and continuing drop the half-written turn instead.
    assert len(load(mid, strict=False).turns()) == 5


def test_future_version(good: Path, tmp_path: Path):
    lines = _lines(good)
    lines[0]["rififi_replay"] = FORMAT_VERSION + 1
    _fails(_write(tmp_path / "future.replay", lines), "newer than this game reads", "update")


@pytest.mark.parametrize(
    ("where", "key", "value", "words"),
    [
        (0, "seed", "seven", ["'seed'"]),
        (0, "world", [], ["'world'"]),
        (0, "settings", None, ["'settings'"]),
        (0, "rififi_replay", "1", ["format version"]),
        (2, "turn", "2", ["line 3", "'turn'"]),
        (2, "commands", {}, ["line 3", "commands"]),
        (2, "events", [], ["line 3", "events"]),
        (2, "hash", 5, ["line 3", "'hash'"]),
        (2, "turn", 9, ["line 3", "turn 9 cannot follow turn 1"]),
    ],
)
def test_wrong_types(good: Path, tmp_path: Path, where, key, value, words):
    lines = _lines(good)
    lines[where][key] = value
    _fails(_write(tmp_path / "bad.replay", lines), *words)


def test_tampered_commands_are_rejected_before_running(good: Path, tmp_path: Path):
    for bad, words in [
        ({"kind": "__import__('os').system('echo hi')"}, ["command 1", "unknown command"]),
        ({"kind": "move", "unit": "1", "to": [0, 1, 1]}, ["command 1", "'unit'"]),
        ({"kind": "move", "unit": 1, "to": [0, 1], "sneak": False}, ["'to'"]),
        ({"kind": "end_turn", "extra": 1}, ["unknown fields"]),
        ("end_turn", ["JSON object"]),
    ]:
        lines = _lines(good)
        lines[3]["commands"][0] = bad
        _fails(_write(tmp_path / "tampered.replay", lines), "line 4 (turn 3)", *words)


def test_non_json_numbers_are_refused(good: Path, tmp_path: Path):
    text = good.read_text().replace('"seed":7', '"seed":NaN')
    (tmp_path / "nan.replay").write_text(text)
    _fails(tmp_path / "nan.replay", "line 1", "NaN")


def test_unknown_world_and_missing_map(good: Path, tmp_path: Path):
    lines = _lines(good)
    lines[0]["world"] = {"kind": "python", "code": "1/0"}
    _fails(_write(tmp_path / "world.replay", lines), "unknown kind of world")
    lines[0]["world"] = {"kind": "map", "path": "nowhere/gone.tmx", "shipped": True, "files": {}}
    _fails(_write(tmp_path / "gone.replay", lines), "gone.tmx", "missing", "put the map there")


def test_changed_rules_get_their_own_message(good: Path, tmp_path: Path):
    lines = _lines(good)
    lines[0]["rules_digest"] = "0" * 32
    _fails(_write(tmp_path / "rules.replay", lines), "recorded with other rules")


def test_bad_files_never_touch_other_files(good: Path, tmp_path: Path):
    folder = good.parent
    before = {p.name: p.read_bytes() for p in folder.iterdir()}
    bad = folder / "zz-bad.replay"
    bad.write_text('{"rififi_replay": 1, "seed": [}\n')
    assert main(["replay", str(bad), "--verify"]) == 1
    assert bad.read_text() == '{"rififi_replay": 1, "seed": [}\n'
    after = {p.name: p.read_bytes() for p in folder.iterdir() if p != bad}
    assert after == before


def test_new_recordings_never_replace_old_ones(tmp_path: Path):
    paths = set()
    for _ in range(5):
        path, fd = create_recording_file("same name", tmp_path)
        import os

        os.close(fd)
        paths.add(path)
    assert len(paths) == 5


def test_cli_exit_codes(tmp_path: Path, capsys):
    session = win_corridor(tmp_path)
    assert main(["replay", str(session.path), "--verify"]) == 0
    out = capsys.readouterr().out
    assert "OK, 2 turns verified (won at turn 2)" in out
    bad = tmp_path / "bad.replay"
    bad.write_text("nope\n")
    assert main(["replay", str(bad), "--verify"]) == 1
    err = capsys.readouterr().err.strip()
    assert err.startswith(f"{bad}: line 1") and len(err.splitlines()) == 1


def test_a_recording_that_is_just_data(good: Path):
    """No line of a recording holds anything but JSON data."""
    for line in good.read_text().splitlines():
        assert isinstance(json.loads(line), dict)
    with pytest.raises(RecordingError):
        load(good.parent / "none.replay")
