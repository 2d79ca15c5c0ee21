"""The event log keeps the fog: what a guard out of the crew's sight did is not printed (it
would name and place the guard); the same event of a guard the crew sees is."""

from __future__ import annotations

from game.asciiworld import build_world
from game.sim.world import World
from game.ui.chronicle import Chronicle
from game.ui.render.knowledge import derive

#: A sleeper two steps from Tony, through an open door (in his sight) or a shut one (out of
#: it). A loud noise where he stands (a drill's, say) wakes her either way.
SEEN = "#########\n#T../S..#\n#########"
UNSEEN = "#########\n#T..+S..#\n#########"


def _loud_noise(art: str) -> tuple[World, Chronicle, list[str]]:
    """The noise made: the world, its log, and the kinds of events the log shows."""
    world = build_world(art)
    tony = world.unit_named("Tony")
    assert tony.cell is not None
    world.emit_noise(tony.cell, 30, "drill", tony.id)
    assert "guard_woke" in [e.kind for e in world.events]  # the rules know she woke
    chronicle = Chronicle()
    shown = chronicle.events(world, derive(world, 1))
    return world, chronicle, [e.kind for e in shown]


def test_an_unseen_sleeper_waking_stays_out_of_the_log():
    _, _, shown = _loud_noise(UNSEEN)
    assert "guard_woke" not in shown
    assert "noise_heard" not in shown and "civilian_alarm" not in shown
    assert "police_called" in shown  # the police are on their way: that the crew is told


def test_a_seen_sleeper_waking_is_in_the_log():
    _, _, shown = _loud_noise(SEEN)
    assert {"noise_heard", "guard_woke", "civilian_alarm"} <= set(shown)


def test_the_judgement_is_kept_after_the_guard_comes_into_view():
    """Judged when it happened: an unseen guard's waking is not printed later because the
    crew sees her now."""
    world, chronicle, _ = _loud_noise(UNSEEN)
    door = world.door_at(world.unit_named("Tony").cell.offset(3, 0))
    assert door is not None
    door.open = True  # now she is in view
    assert derive(world, 2).visible(world.unit_named("Concierge"))
    shown = chronicle.events(world, derive(world, 2))
    assert "guard_woke" not in [e.kind for e in shown]
