"""The mission screen redraws only what changed, and what it keeps is what a full redraw
would show: no trace of a tooltip gone, a crew card that shows the AP just spent, a still
frame that paints nothing again."""

from __future__ import annotations

import pygame

from game.replay.session import GameSession
from game.sim.commands import Move
from game.ui.scenes.menus import play
from tests.ui_helpers import hall, hover, make_app, run


def _mission(tmp_path):
    app = make_app(tmp_path)
    play(app, GameSession.unrecorded(hall()), "")
    run(app, 3)
    app.scene.animator.finish()
    app.message = ""  # the first notes' notice, drawn over the map
    run(app, 2)
    return app, app.scene


def _panels(app, mission) -> list[bytes]:
    """The pixels of the panels around the map (the map itself moves: rings, pulses)."""
    layout = mission.layout
    areas = (layout.top, layout.crew, layout.side, layout.bar)
    return [pygame.image.tobytes(app.screen.subsurface(area), "RGB") for area in areas]


def _afresh(app, mission) -> list[bytes]:
    """The panels as a frame drawn from nothing shows them (nothing kept from the last)."""
    app.screen.fill((255, 0, 255))
    app._last = (None, None)  # as after another scene was on top
    run(app, 1)
    return _panels(app, mission)


def test_a_tooltip_gone_leaves_no_trace(tmp_path):
    app, mission = _mission(tmp_path)
    button = next(hit for hit in mission.hits.bar if hit.what == "end_turn")
    hover(app, button.rect.center, frames=2)
    with_tip = _panels(app, mission)
    hover(app, mission.camera.cell_center(5, 2), frames=2)
    kept = _panels(app, mission)
    assert kept != with_tip  # the tooltip was there, and is gone
    assert kept == _afresh(app, mission)


def test_a_tooltip_following_the_mouse_leaves_no_trace(tmp_path):
    app, mission = _mission(tmp_path)
    button = next(hit for hit in mission.hits.bar if hit.what == "end_turn")
    hover(app, button.rect.midleft, frames=2)
    hover(app, button.rect.move(-12, 0).center, frames=2)  # the same button, further right
    assert _panels(app, mission) == _afresh(app, mission)


def test_the_kept_panels_follow_the_world(tmp_path):
    app, mission = _mission(tmp_path)
    tony = mission.unit
    before = pygame.image.tobytes(app.screen.subsurface(mission.layout.crew), "RGB")
    assert mission.session.apply(Move(tony.id, tony.cell.offset(2, 0), False))
    run(app, 2)
    mission.animator.finish()
    run(app, 1)
    after = pygame.image.tobytes(app.screen.subsurface(mission.layout.crew), "RGB")
    assert after != before  # the AP spent shows on the crew card
    assert _panels(app, mission) == _afresh(app, mission)


def test_a_still_frame_paints_no_panel_again(tmp_path):
    app, mission = _mission(tmp_path)
    painted = mission.hud.panels.painted
    run(app, 5)
    assert mission.hud.panels.painted == painted
    hover(app, mission.camera.cell_center(6, 3))  # a new cell: its preview, its lines
    assert mission.hud.panels.painted > painted


def test_a_still_mission_sleeps_and_a_walk_is_drawn_at_full_rate(tmp_path):
    app, mission = _mission(tmp_path)
    app.fps = 60  # a real loop (tests run uncapped, which never sleeps)
    mission.news_at = -1e9  # the first view's news is old
    assert mission.rate() == 0  # nothing moves: wait for the player
    slept = app.slept
    app.frame()
    assert app.slept == slept + 1
    tony = mission.unit
    goal = mission.camera.cell_center(tony.cell.x + 3, tony.cell.y)
    pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=goal, button=1))
    slept = app.slept
    app.frame()  # the click was queued: no sleep, it is handled at once
    assert app.slept == slept
    assert mission.rate() is None  # Tony walks: every frame is drawn


def _seconds_until_still(step, still, rate: int) -> float:
    """Simulated seconds of frames at ``rate`` a second until ``still()``."""
    frames = 0
    while not still() and frames < 10 * rate:
        step(1 / rate)
        frames += 1
    return frames / rate


def test_a_walk_and_a_glide_take_as_long_at_144_hz_as_at_60():
    from game.ui.render.anim import Animator
    from game.ui.render.camera import Camera

    walks, glides = [], []
    for rate in (60, 144):
        session = GameSession.unrecorded(hall())
        animator = Animator()
        animator.sync(session.world)
        tony = session.world.crew()[0]
        assert session.apply(Move(tony.id, tony.cell.offset(5, 0), False))
        animator.sync(session.world)
        walks.append(_seconds_until_still(animator.update, lambda a=animator: not a.moving(), rate))
        camera = Camera(80, 80)
        camera.look_at(60, 50)
        glides.append(_seconds_until_still(camera.update, lambda c=camera: c.target is None, rate))
    assert walks[0] > 0.3 and abs(walks[0] - walks[1]) <= 1 / 60
    assert glides[0] > 0.3 and abs(glides[0] - glides[1]) <= 1 / 60


def test_every_mission_key_means_something_on_the_mission_screen():
    from game.ui.controls import BINDINGS, REPLAY
    from game.ui.scenes.mission_intents import KEYS

    window = {"screenshot", "fullscreen"}  # the app's own keys, on every screen
    unread = [
        b.action for b in BINDINGS if b.group != REPLAY and b.action not in window | KEYS.keys()
    ]
    assert unread == []


def test_the_mission_state_needs_no_pygame_and_keeps_its_choices_on_the_map():
    import ast
    from pathlib import Path

    from game.ui.scenes import mission_state
    from game.ui.scenes.mission_state import MissionState

    tree = ast.parse(Path(mission_state.__file__).read_text())
    imported = [a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names]
    imported += [n.module or "" for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)]
    assert not [name for name in imported if name.startswith("pygame")]
    world = hall()
    state = MissionState.start(world)
    tony = world.crew()[0]
    assert state.selected == tony.id and state.cursor == tony.cell
    assert state.move_cursor(world, -50, 50) == state.cursor  # clamped to the map
    assert (state.cursor.x, state.cursor.y) == (0, world.terrain.height - 1)
    state.armed = "drill"
    assert state.select_next(world) == tony.cell and state.armed is None  # the only one
