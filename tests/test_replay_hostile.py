"""Recordings from outside, built to hurt: each gets one line and exit 1 from ``--verify``,
the viewer, Continue and ``render --replay`` alike, reads nothing outside the maps and the
recording's folder, and costs memory bounded by a line, not by the file."""

from __future__ import annotations

import json
import os
import shutil
import tracemalloc
from pathlib import Path

import pytest
from replay_worlds import play_random, win_corridor
from tiled_helpers import MAPS

from game.cli import main
from game.cli.replay import verify_file
from game.replay import GameSession, Playback, RecordingError, load
from game.replay.format import MAX_FILE
from game.replay.sources import MapSource, _combined

GOLDEN = Path(__file__).resolve().parent / "recordings"


def _lines(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text().splitlines()]


def _write(path: Path, lines: list[dict]) -> Path:
    path.write_text("".join(json.dumps(line) + "\n" for line in lines))
    return path


def _refused_everywhere(path: Path, *words: str) -> str:
    """``--verify``, the viewer, Continue and ``render --replay`` all answer with the same
    kind of one line naming the file; nothing raises anything else."""
    status, line = verify_file(str(path))
    assert status == 1, line
    assert "\n" not in line and "Traceback" not in line and line.startswith(f"{path}:"), line
    for word in words:
        assert word in line, line
    with pytest.raises(RecordingError) as viewer:
        Playback.open(path)
    assert "\n" not in str(viewer.value)
    with pytest.raises(RecordingError):
        GameSession.resume(path)
    from game.cli.render import world_at
    from game.ui.missions import MissionError

    with pytest.raises(MissionError):
        world_at(str(path), 1)
    return line


def _tutorial_with_map(tmp_path: Path, path: str, shipped: bool) -> Path:
    """The tutorial golden game, its header pointing at ``path``."""
    lines = _lines(GOLDEN / "tutorial-won.replay")
    lines[0]["world"]["path"], lines[0]["world"]["shipped"] = path, shipped
    return _write(tmp_path / "hostile.replay", lines)


@pytest.mark.parametrize(
    ("path", "shipped", "words"),
    [
        ("../../../../etc/passwd", True, ("leaves",)),
        ("/etc/passwd", True, ("absolute",)),
        ("/etc/passwd", False, ("absolute",)),
        ("../../../../etc/passwd", False, ("leaves",)),
        ("templates/../../../etc/passwd", True, ("leaves",)),
    ],
)
def test_a_map_path_that_leaves_is_refused_by_its_header_field(
    tmp_path: Path, path: str, shipped: bool, words: tuple[str, ...]
):
    line = _refused_everywhere(_tutorial_with_map(tmp_path, path, shipped), *words)
    assert "header's map path" in line and "beside the recording" in line


def test_a_map_path_that_is_not_a_regular_file_is_refused(tmp_path: Path):
    (tmp_path / "zero.tmx").symlink_to("/dev/zero")  # a symlink out of the folder leaves it
    _refused_everywhere(_tutorial_with_map(tmp_path, "zero.tmx", False), "leaves")
    os.mkfifo(tmp_path / "pipe.tmx")
    _refused_everywhere(_tutorial_with_map(tmp_path, "pipe.tmx", False), "not a regular file")
    (tmp_path / "folder.tmx").mkdir()
    _refused_everywhere(_tutorial_with_map(tmp_path, "folder.tmx", False), "not a regular file")


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("<map><unclosed>", ("cannot be loaded", "malformed XML")),
        (
            '<?xml version="1.0"?><!DOCTYPE map [<!ENTITY a "aaaa">]><map>&a;</map>',
            ("cannot be loaded", "DTD"),
        ),
        ("<tileset/>", ("cannot be loaded", "not a Tiled map")),
    ],
)
def test_a_malformed_or_hostile_map_beside_the_recording_is_one_line(
    tmp_path: Path, text: str, words: tuple[str, ...]
):
    (tmp_path / "evil.tmx").write_text(text)
    recording = _tutorial_with_map(tmp_path, "evil.tmx", False)
    _refused_everywhere(recording, "evil.tmx", *words)


def test_the_players_own_map_is_found_beside_the_recording(tmp_path: Path):
    own = tmp_path / "own"
    own.mkdir()
    (own / "templates").symlink_to(MAPS / "templates")
    (tmp_path / "assets").symlink_to(MAPS.parent / "assets")
    shutil.copy(MAPS / "tutorial.tmx", own / "heist.tmx")
    source = MapSource(own / "heist.tmx")
    header = source.to_json()
    assert header["path"] == "heist.tmx" and header["shipped"] is False  # no absolute path
    assert MapSource.from_json(header, own / "game.replay").path == (own / "heist.tmx").resolve()
    with pytest.raises(RecordingError, match="missing"):
        MapSource.from_json(header, tmp_path / "elsewhere.replay")


def test_a_tampered_map_hash_or_unknown_map_field_is_refused(tmp_path: Path):
    lines = _lines(GOLDEN / "tutorial-won.replay")
    lines[0]["world"]["hash"] = "0" * 32
    _refused_everywhere(_write(tmp_path / "hash.replay", lines), "'hash' does not match")
    lines = _lines(GOLDEN / "tutorial-won.replay")
    lines[0]["world"]["extra"] = "/etc/passwd"
    _refused_everywhere(_write(tmp_path / "field.replay", lines), "unknown field 'extra'")
    world = lines[0]["world"]
    del world["extra"]
    assert world["hash"] == _combined(world["files"])  # the untouched header is consistent


# --- what a recording claims ----------------------------------------------------------------


def test_an_unfinished_game_claiming_a_win_is_refused(tmp_path: Path):
    session = play_random(tmp_path / "rec", turns=4)
    session.close()
    lines = _lines(session.path)
    lines[-1]["over"] = "won"
    line = _refused_everywhere(_write(tmp_path / "won.replay", lines), "turn 4", "expected won")
    assert "got the game going on" in line


def test_a_won_game_claiming_a_loss_is_refused(tmp_path: Path):
    session = win_corridor(tmp_path / "rec")
    lines = _lines(session.path)
    lines[-1]["over"] = "lost"
    _refused_everywhere(_write(tmp_path / "lost.replay", lines), "expected lost, got won")


def test_an_end_line_cannot_claim_an_outcome(tmp_path: Path):
    session = play_random(tmp_path / "rec", turns=3)
    session.close()
    lines = [*_lines(session.path), {"end": "won"}]
    _refused_everywhere(_write(tmp_path / "end.replay", lines), "'end' must be one of abandoned")


def test_nothing_may_follow_the_end_or_the_outcome(tmp_path: Path):
    session = play_random(tmp_path / "rec", turns=3)
    session.close()
    lines = _lines(session.path)
    ended = [*lines[:2], {"end": "abandoned"}, *lines[2:]]
    _refused_everywhere(_write(tmp_path / "after-end.replay", ended), "follows the end")
    won = win_corridor(tmp_path / "won")
    lines = _lines(won.path)
    again = dict(lines[-1], turn=3)
    _refused_everywhere(_write(tmp_path / "after-win.replay", [*lines, again]), "only a rewind")


def test_more_rewinds_than_the_recorded_setting_are_refused(tmp_path: Path):
    session = play_random(tmp_path / "rec", turns=3, rewinds=3)
    for _ in range(3):
        assert session.rewind(1) is None
        session.end_turn()
    session.close()
    assert verify_file(str(session.path))[0] == 0
    lines = _lines(session.path)
    turn = next(line for line in lines if line.get("turn") == 1)
    lines += [{"rewind": 1}, turn, {"rewind": 1}, turn]  # five rewinds under a 3-rewind setting
    line = _refused_everywhere(_write(tmp_path / "rewinds.replay", lines), "rewind 4", "allow 3")
    assert f"line {len(lines) - 3}" in line


@pytest.mark.parametrize(
    ("where", "key", "words"),
    [
        (0, "cheat", ("line 1", "unknown header field 'cheat'")),
        ("settings", "god_mode", ("line 1", "unknown setting 'god_mode'")),
        (2, "loot", ("line 3 (turn 2)", "unknown field 'loot'")),
    ],
)
def test_fields_the_game_does_not_use_are_refused(
    tmp_path: Path, where: int | str, key: str, words: tuple[str, ...]
):
    session = play_random(tmp_path / "rec", turns=3)
    session.close()
    lines = _lines(session.path)
    target = lines[0]["settings"] if where == "settings" else lines[where]
    target[key] = True
    _refused_everywhere(_write(tmp_path / "field.replay", lines), *words)


def test_parts_must_match_even_when_the_hash_does(tmp_path: Path):
    session = play_random(tmp_path / "rec", turns=3)
    session.close()
    lines = _lines(session.path)
    lines[2]["parts"]["units"] = "0" * 32
    _refused_everywhere(_write(tmp_path / "parts.replay", lines), "turn 2", "expected units")


def test_commands_after_the_turn_ended_are_refused(tmp_path: Path):
    session = play_random(tmp_path / "rec", turns=3)
    session.close()
    lines = _lines(session.path)
    lines[1]["commands"] += [{"kind": "end_turn"}] * 3
    lines[1]["events"] += ["00000000"] * 3
    _refused_everywhere(_write(tmp_path / "extra.replay", lines), "turn 1", "got its end")


# --- sizes, devices, garbage ---------------------------------------------------------------


def test_a_recording_symlinked_to_dev_zero_or_a_fifo_is_refused(tmp_path: Path):
    (tmp_path / "zero.replay").symlink_to("/dev/zero")
    _refused_everywhere(tmp_path / "zero.replay", "not a regular file")
    os.mkfifo(tmp_path / "pipe.replay")  # would block a plain open() for ever
    _refused_everywhere(tmp_path / "pipe.replay", "not a regular file")


def test_a_file_over_the_cap_is_refused_before_reading_it(tmp_path: Path):
    game = (GOLDEN / "tutorial-won.replay").read_bytes()
    path = tmp_path / "huge.replay"
    with open(path, "wb") as out:
        out.write(game)
        out.truncate(MAX_FILE + 1)  # sparse: NUL bytes that cost no disk
    tracemalloc.start()
    _refused_everywhere(path, "over the 16 MiB limit")
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert peak < 4 * 1024 * 1024, peak


def test_blank_padding_costs_no_memory_and_the_game_still_plays(tmp_path: Path):
    game = (GOLDEN / "tutorial-won.replay").read_bytes()
    path = tmp_path / "padded.replay"
    path.write_bytes(game + b"\n" * (12 * 1024 * 1024) + b"   \r\n\t\n" * 1000)
    tracemalloc.start()
    recording = load(path)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert len(recording.turns()) == 53
    assert peak < 8 * 1024 * 1024, peak  # a few chunks, not the 12 MiB file
    assert verify_file(str(path))[0] == 0


def test_a_line_longer_than_allowed_is_refused_with_its_number(tmp_path: Path):
    game = (GOLDEN / "tutorial-won.replay").read_bytes()
    path = tmp_path / "long.replay"
    path.write_bytes(game + b'{"turn": 54, "x": "' + b"a" * (3 * 1024 * 1024))
    tracemalloc.start()
    _refused_everywhere(path, "line 55 is too long")
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert peak < 8 * 1024 * 1024, peak


@pytest.mark.parametrize(
    "content",
    [
        bytes(range(256)) * 40 + b"\n" * 300,  # binary garbage with newlines in it
        "not a recording\nat all\n".encode("utf-16"),
        b"\x89PNG\r\n\x1a\n" + bytes(5000),
    ],
)
def test_garbage_is_not_a_recording_not_truncated(tmp_path: Path, content: bytes):
    path = tmp_path / "garbage.replay"
    path.write_bytes(content)
    line = _refused_everywhere(path, "line 1", "not a Rififi recording")
    assert "truncated" not in line


# --- render, Continue ----------------------------------------------------------------------


def test_render_refuses_a_recording_of_another_map(tmp_path: Path, capsys):
    out = tmp_path / "out.png"
    replay = str(GOLDEN / "tutorial-won.replay")
    args = ["render", str(MAPS / "jeweler.tmx"), "-o", str(out), "--replay", replay]
    assert main([*args, "--turn", "3"]) == 1
    err = capsys.readouterr().err
    assert "recorded on tutorial.tmx, not on" in err and len(err.strip().splitlines()) == 1
    assert not out.exists()
    ok = ["render", str(MAPS / "tutorial.tmx"), "-o", str(out), "--replay", replay, "--turn", "3"]
    assert main(ok) == 0 and out.exists()


def test_continue_never_writes_through_a_symlink(tmp_path: Path):
    session = play_random(tmp_path / "outside", turns=3)
    session.close()
    outside = session.path
    before = outside.read_bytes()
    saves = tmp_path / "data" / "recordings"
    saves.mkdir(parents=True)
    link = saves / "20990101-000000-quiet.replay"
    link.symlink_to(outside)
    assert verify_file(str(link))[0] == 0  # watching it is harmless
    with pytest.raises(RecordingError, match="symlink"):
        GameSession.resume(link)
    os.link(outside, saves / "hard.replay")
    with pytest.raises(RecordingError, match="not a plain recording file"):
        GameSession.resume(saves / "hard.replay")
    assert outside.read_bytes() == before


def _end_turns(count: int) -> dict:
    return {"commands": [{"kind": "end_turn"}] * count, "events": ["00000000"] * count}


def test_a_file_cannot_ask_for_endless_parsing(tmp_path: Path, monkeypatch):
    import game.replay.format as fmt

    header = _lines(GOLDEN / "tutorial-won.replay")[0]
    crowded = {"turn": 1, "hash": "x", "parts": {}, **_end_turns(fmt.MAX_TURN_COMMANDS + 1)}
    _refused_everywhere(
        _write(tmp_path / "crowded.replay", [header, crowded]), "line 2 (turn 1)", "in one turn"
    )
    monkeypatch.setattr(fmt, "MAX_COMMANDS", 50)  # the 50,000 cap, scaled down to stay quick
    turns = [{"turn": t, "hash": "x", "parts": {}, **_end_turns(10)} for t in range(1, 8)]
    line = _refused_everywhere(_write(tmp_path / "dense.replay", [header, *turns]), "line 7")
    assert "more than 50 commands in one recording" in line
