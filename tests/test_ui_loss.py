"""The failure screen's account of a loss: who caught or killed whom, where, when and what
led to it, from the rules' own events, and the turns it offers to rewind to."""

from __future__ import annotations

from pathlib import Path

from ui_helpers import guarded, listening

from game.replay import GameSession, load, verify
from game.sim import Cell, Move
from game.ui.loss import explain_loss

RECORDINGS = Path(__file__).resolve().parent / "recordings"


def _caught(make=guarded) -> GameSession:
    """Tony walks up to a guard who faces him: seen, chased, caught (``listening``: the
    guard faces away, hears him first, and turns)."""
    session = GameSession.unrecorded(make())
    session.end_turn()  # a quiet turn first, so the rewind has somewhere to go
    tony = session.world.unit_named("Tony").id
    session.apply(Move(tony, Cell(0, 4, 3)))
    for _ in range(5):
        if session.over:
            break
        session.end_turn()
    return session


def test_a_catch_names_the_guard_the_turn_and_the_place():
    session = _caught()
    world = session.world
    assert world.outcome.status == "lost"
    report = explain_loss(world)
    assert report is not None
    caught = next(e for e in world.events if e.kind == "caught")
    assert report.headline.startswith(f"Tony was caught by Guard 1 at turn {caught.turn}")
    assert f"({caught.cell.x}, {caught.cell.y}) on floor 0" in report.headline
    assert report.cell == caught.cell
    assert any("Guard 1 sees Tony" in line for line in report.chain)  # why: he was seen
    assert report.rewind_turns[0] == 2  # the turn he was seen in, the cause
    assert session.rewind(report.rewind_turns[0]) is None
    assert not session.over and session.world.turn == 2


def test_no_report_while_the_mission_is_not_lost():
    session = GameSession.unrecorded(guarded())
    assert explain_loss(session.world) is None


def test_a_catch_says_why_the_guard_came_it_saw_him():
    world = _caught().world
    report = explain_loss(world)
    assert report is not None
    seen = next(e for e in world.events if e.kind == "spotted")
    assert report.headline.endswith(f"Guard 1 saw Tony at turn {seen.turn}.")


def test_a_catch_says_why_the_guard_came_it_heard_his_footsteps():
    world = _caught(listening).world
    report = explain_loss(world)
    assert report is not None
    heard = next(e for e in world.events if e.kind == "noise_heard")
    assert heard.data["noise"] == "footsteps"
    assert report.headline.endswith(
        f"Guard 1 heard footsteps at turn {heard.turn} and grew suspicious."
    )


def _lost_golden(stem: str) -> str:
    world = verify(load(RECORDINGS / f"{stem}.replay")).world
    report = explain_loss(world)
    assert report is not None
    return report.headline


def test_the_lost_rehearsal_says_the_plaster_set_the_sensor_off():
    """The tutorial's losing golden game drills without the umbrella: the plaster trips the
    practice sensor, which rings the bell and calls the police."""
    headline = _lost_golden("tutorial-lost")
    assert headline.startswith("The police arrived at turn")
    assert "They were called at turn" in headline
    assert "the Practice sensor felt falling plaster (level" in headline
    assert headline.endswith("and the Practice bell rang.")


def test_the_lost_heist_says_what_the_sensor_felt():
    headline = _lost_golden("jeweler-lost")
    assert "the Vibration sensor felt footsteps (level" in headline
    assert headline.endswith("and the Alarm bell rang.")
