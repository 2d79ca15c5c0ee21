"""The golden recordings verify: a rules or code change that alters play is caught here.

When play changes on purpose, re-record them with ``python tools/record_golden.py``.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from game.content import maps_dir
from game.replay import load, verify

RECORDINGS = Path(__file__).resolve().parent / "recordings"
GOLDEN = sorted(RECORDINGS.glob("*.replay"))


@pytest.mark.parametrize("path", GOLDEN, ids=[p.stem for p in GOLDEN])
def test_golden_recording_verifies(path: Path):
    recording = load(path)
    checked = verify(recording)
    expected = recording.turns()[-1].over
    assert expected in ("won", "lost"), f"{path.name} does not end the mission"
    assert checked.world.outcome.status == expected


#: Maps whose winning script (tools/golden_scripts.py) is still to be written. Remove a map
#: from here when its golden game is recorded; any other map without one fails.
PENDING: set[str] = set()


def test_every_shipped_map_has_a_winning_golden_game():
    missing = [
        tmx.name
        for tmx in sorted(maps_dir().glob("*.tmx"))
        if not (RECORDINGS / f"{tmx.stem}-won.replay").is_file()
    ]
    assert [m for m in missing if m not in PENDING] == [], (
        f"no golden winning game for {missing}: see tools/record_golden.py"
    )
    if missing:
        pytest.xfail(f"golden winning games still to script: {missing}")


def test_there_is_a_losing_golden_game():
    assert any(load(p).turns()[-1].over == "lost" for p in GOLDEN)


def test_golden_recordings_name_shipped_maps():
    for path in GOLDEN:
        world = load(path).header.world
        assert world["kind"] == "map" and world["shipped"], path.name
