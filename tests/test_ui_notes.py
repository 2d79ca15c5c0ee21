"""The designer's notes of a map are told in game: a floor's label when the crew first
stands on that floor, a note among the rooms when a crew member first comes near it."""

from __future__ import annotations

from pathlib import Path

from ui_helpers import make_app, run

from game.replay.session import GameSession
from game.ui.notes import map_notes
from game.ui.scenes.menus import play
from tools import golden_scripts as gs

ROOT = Path(__file__).resolve().parent.parent
TUTORIAL = ROOT / "maps" / "tutorial.tmx"


def test_the_tutorial_speaks_through_its_notes(tmp_path):
    notes = map_notes(str(TUTORIAL))
    assert [n.cell.floor for n in notes] == [0, 1]
    app = make_app(tmp_path)
    session = GameSession.start_map(TUTORIAL, record=False)
    play(app, session, "")
    run(app, 1)
    assert app.message.startswith("Start here")  # the crew starts on the ground floor
    for step in gs._TUTORIAL_START[:3]:
        gs._walk(session, step) if isinstance(step, gs.Go) else gs._apply_or_wait(
            session, step.make, ""
        )
    assert not app.message.startswith("Drill down")  # nobody upstairs yet
    gs._walk(session, gs._TUTORIAL_START[3])  # Jo goes up
    assert app.message.startswith("Drill down below")
    told = app.message
    session.end_turn()
    app.notify("")
    session.end_turn()
    assert app.message != told  # told once
