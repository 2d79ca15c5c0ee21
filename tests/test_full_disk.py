"""A full disk never stops the game: the recording keeps what it cannot write and writes it
once space returns, the turns already on disk stay whole, progress is kept and saved again.

Two ways to fill the disk: a write that fails on purpose after putting half its line in the
file (the worst case), and, in a child process, a real file-size limit (``RLIMIT_FSIZE``)
under which the kernel itself refuses the writes.
"""

from __future__ import annotations

import errno
import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from replay_worlds import corridor_source, play_random

import game.replay.recorder as recorder_module
import game.ui.settings as settings_module
from game.cli.replay import verify_file
from game.replay import GameSession, load
from game.replay.recorder import Recorder, retry_pending
from game.sim import Cell, EndTurn, Move

ROOT = Path(__file__).resolve().parent.parent
FULL = "No space left on device"


class Disk:
    """Makes the recorder's writes fail while ``full``: half of the line reaches the file,
    then ENOSPC, as a real disk filling up mid-line does."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.full = False
        real = Recorder._append

        def append(recorder: Recorder, fd: int, data: bytes) -> None:
            if self.full:
                os.write(fd, data[: len(data) // 2])
                raise OSError(errno.ENOSPC, FULL)
            real(recorder, fd, data)

        monkeypatch.setattr(Recorder, "_append", append)


@pytest.fixture
def disk(monkeypatch: pytest.MonkeyPatch) -> Disk:
    yield Disk(monkeypatch)
    recorder_module._UNFLUSHED.clear()


def test_turns_played_on_a_full_disk_are_kept_and_written_later(tmp_path: Path, disk: Disk):
    session = play_random(tmp_path, turns=3)
    on_disk = session.path.read_bytes()
    disk.full = True
    for _ in range(3):
        session.end_turn()  # no exception: the game goes on
    assert session.recorder.error == FULL and session.recorder.pending == 3
    assert session.path.read_bytes() == on_disk  # the half-written line was cut off again
    assert verify_file(str(session.path))[0] == 0
    disk.full = False
    session.end_turn()  # the next turn end writes everything held back
    assert session.recorder.error == "" and session.recorder.pending == 0
    session.close()
    status, line = verify_file(str(session.path))
    assert status == 0 and "7 turns verified" in line, line


def test_a_recording_that_cannot_be_created_is_created_later(tmp_path: Path, monkeypatch):
    real = recorder_module.create_recording_file
    full = {"on": True}

    def create(label: str, folder: Path | None = None):
        if full["on"]:
            raise OSError(errno.ENOSPC, FULL)
        return real(label, folder)

    monkeypatch.setattr(recorder_module, "create_recording_file", create)
    session = GameSession.start(corridor_source(), seed=1, folder=tmp_path)
    assert session.path is None and session.recorder.error == FULL
    tony = session.world.unit_named("Tony").id
    session.apply(Move(tony, Cell(0, 5, 1)))
    session.apply(EndTurn())
    full["on"] = False
    session.apply(Move(tony, Cell(0, 9, 1)))
    session.apply(EndTurn())  # won: the file is made, header and both turns written
    assert session.path is not None and session.recorder.pending == 0
    assert verify_file(str(session.path))[1].endswith("(won at turn 2)")


def test_continue_on_a_still_full_disk_plays_on(tmp_path: Path, disk: Disk):
    session = play_random(tmp_path, turns=3)
    session.close()
    disk.full = True
    again = GameSession.resume(session.path)
    again.end_turn()
    again.end_turn()
    assert again.recorder.pending == 2
    disk.full = False
    again.end_turn()
    again.close()
    assert len(load(session.path).turns()) == 6 and verify_file(str(session.path))[0] == 0


def test_a_game_won_on_a_full_disk_is_written_once_space_returns(tmp_path: Path, disk: Disk):
    session = GameSession.start(corridor_source(), seed=1, folder=tmp_path)
    disk.full = True
    tony = session.world.unit_named("Tony").id
    for cell in (Cell(0, 5, 1), Cell(0, 9, 1)):
        session.apply(Move(tony, cell))
        session.apply(EndTurn())
    assert session.over and session.recorder.closed and session.recorder.pending == 2
    assert retry_pending() == [f"{session.path}: {FULL}"]
    disk.full = False
    assert retry_pending() == []
    assert verify_file(str(session.path))[1].endswith("(won at turn 2)")


REAL_LIMIT = textwrap.dedent(
    """
    import os, resource, signal, sys
    sys.path[:0] = [{tests!r}, {root!r}]
    from pathlib import Path
    from replay_worlds import play_random
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # over the limit: EFBIG, not a kill
    session = play_random(Path({folder!r}), turns=3)
    size = os.path.getsize(session.path)
    soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    resource.setrlimit(resource.RLIMIT_FSIZE, (size + 300, hard))  # room for half a turn
    for _ in range(3):
        session.end_turn()
    print(session.recorder.pending, session.recorder.error, os.path.getsize(session.path) == size)
    resource.setrlimit(resource.RLIMIT_FSIZE, (hard, hard))
    session.end_turn()
    session.close()
    print(session.recorder.pending, session.path)
    """
)


def test_a_real_file_size_limit_loses_nothing(tmp_path: Path):
    resource = pytest.importorskip("resource")
    if resource.getrlimit(resource.RLIMIT_FSIZE)[1] != resource.RLIM_INFINITY:
        pytest.skip("the file size limit is already capped here")
    script = REAL_LIMIT.format(tests=str(ROOT / "tests"), root=str(ROOT), folder=str(tmp_path))
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    held, written = done.stdout.strip().splitlines()
    assert held.startswith("3 File too large True"), held  # kept, and the file left whole
    pending, path = written.split(" ", 1)
    assert pending == "0"
    status, line = verify_file(path)
    assert status == 0 and "7 turns verified" in line, line


# --- progress -----------------------------------------------------------------------------


@pytest.fixture
def data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("RIFIFI_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("RIFIFI_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.setattr(settings_module, "_UNSAVED", None)
    return tmp_path / "data"


def _fail_writes(monkeypatch: pytest.MonkeyPatch, state: dict[str, bool]) -> None:
    real = settings_module.atomic_write

    def write(path: Path, content: str) -> None:
        if state["full"]:
            raise OSError(errno.ENOSPC, FULL)
        real(path, content)

    monkeypatch.setattr(settings_module, "atomic_write", write)


def test_progress_won_on_a_full_disk_is_kept_and_saved_later(data: Path, monkeypatch):
    from game.ui.settings import Progress

    Progress(["tutorial"], "tutorial").save()
    before = (data / "progress.json").read_bytes()
    state = {"full": True}
    _fail_writes(monkeypatch, state)
    progress = Progress.load()
    assert progress.mark_done("jeweler") == FULL
    assert (data / "progress.json").read_bytes() == before  # the old file is untouched
    assert Progress.load().done == ["tutorial", "jeweler"]  # kept in memory meanwhile
    state["full"] = False
    assert Progress.load().problem == ""  # loading saves it again
    assert json.loads((data / "progress.json").read_text())["done"] == ["tutorial", "jeweler"]


def test_winning_a_campaign_mission_on_a_full_disk_reaches_the_title(
    data: Path, tmp_path: Path, monkeypatch, disk: Disk
):
    from game.ui.scenes.debrief import debrief_scene
    from game.ui.scenes.menus import title_scene
    from game.ui.settings import Progress
    from tests.ui_helpers import make_app, run

    app = make_app(tmp_path)
    state = {"full": True}
    _fail_writes(monkeypatch, state)
    game = GameSession.start(corridor_source(), seed=1, folder=tmp_path / "rec")
    session = game
    disk.full = True
    tony = session.world.unit_named("Tony").id
    session.apply(Move(tony, Cell(0, 5, 1)))
    session.end_turn()
    assert "cannot be written (No space left on device): 1 line kept" in session.recording_problem()
    session.apply(Move(tony, Cell(0, 9, 1)))
    session.end_turn()
    home = lambda: app.reset(title_scene(app))  # noqa: E731
    app.push(debrief_scene(app, session, "tutorial", home))  # used to crash here
    run(app, 2)
    assert "cannot be written" in app.message
    assert "campaign progress cannot be saved (No space left on device)" in app.message
    title = title_scene(app)
    assert "could not be saved (No space left on device)" in title.body
    assert "could not be written yet" in title.body
    state["full"], disk.full = False, False
    title = title_scene(app)  # the title tries again
    assert title.body == ""
    assert Progress.load().done == ["tutorial"]
    assert verify_file(str(game.path))[1].endswith("(won at turn 2)")


def test_a_screenshot_on_a_full_disk_is_a_notice(tmp_path: Path, monkeypatch):
    import pygame

    from tests.ui_helpers import make_app

    app = make_app(tmp_path)

    def full(surface, name) -> None:
        raise pygame.error("Couldn't open file: No space left on device")

    monkeypatch.setattr(pygame.image, "save", full)
    app.screenshot()  # used to end the game from a key press
    assert "Could not save the screenshot" in app.message and app.running
