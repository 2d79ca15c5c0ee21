"""The failure screen's account of a loss: who caught or killed whom, where, when and what
led to it, from the rules' own events, and the turns it offers to rewind to."""

from __future__ import annotations

from ui_helpers import guarded

from game.replay import GameSession
from game.sim import Cell, Move
from game.ui.loss import explain_loss


def _caught() -> GameSession:
    """Tony walks up to a guard who faces him: seen, chased, caught."""
    session = GameSession.unrecorded(guarded())
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
