"""The Replays list names each recording by mission, outcome, turns and date."""

from __future__ import annotations

from pathlib import Path

from game.replay import load
from game.replay.session import GameSession
from game.ui.recordings import describe

ROOT = Path(__file__).resolve().parent.parent


def test_a_recording_is_listed_by_mission_outcome_turns_and_date(tmp_path):
    session = GameSession.start_map(ROOT / "maps" / "tutorial.tmx", folder=tmp_path)
    for _ in range(3):
        session.end_turn()
    session.close()
    label = describe(session.path)
    day = session.header.created[:10]
    assert label.startswith("tutorial - in progress, 3 turns - " + day), label
    lost = ROOT / "tests" / "recordings" / "tutorial-lost.replay"
    turns = load(lost).turns()[-1].turn  # the golden game's own length
    assert describe(lost) == f"tutorial - lost, {turns} turns"


def test_a_damaged_recording_is_still_listed_with_the_reason(tmp_path):
    broken = tmp_path / "broken.replay"
    broken.write_text("not a recording\n")
    label = describe(broken)
    assert label.startswith("broken.replay (unreadable: ")
