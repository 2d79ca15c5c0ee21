"""What must be on screen: a vision cone's pixels, the forecast marker on a listener; a soak
of random input; the render command; the controls page."""

from __future__ import annotations

import random
from dataclasses import replace
from pathlib import Path

import pygame

from game.replay.session import GameSession
from game.ui import controls, theme
from game.ui.scenes.menus import play, title_scene
from game.ui.scenes.mission_hud import hover_lines
from game.ui.snapshot import render_world
from tests.ui_helpers import guarded, hall, hover, listening, make_app, run

ROOT = Path(__file__).resolve().parent.parent


def _mission(tmp_path, world):
    app = make_app(tmp_path)
    play(app, GameSession.unrecorded(world), "")
    run(app, 3)
    app.scene.animator.finish()
    return app, app.scene


def _reddish(color: pygame.Color) -> int:
    return color.r - (color.g + color.b) // 2


def test_vision_cone_tints_the_cells_in_front_of_the_guard(tmp_path):
    app, mission = _mission(tmp_path, guarded())
    guard = mission.world.unit_named("Guard 1")
    ahead = mission.camera.cell_rect(guard.cell.x - 2, guard.cell.y)
    behind = mission.camera.cell_rect(guard.cell.x + 3, guard.cell.y)
    hover(app, mission.camera.cell_center(1, 4))
    on_ahead = app.screen.get_at((ahead.left + 3, ahead.top + 3))
    on_behind = app.screen.get_at((behind.left + 3, behind.top + 3))
    assert _reddish(on_ahead) > _reddish(on_behind) + 20
    app.settings.overlays["vision"] = False
    run(app, 1)
    assert _reddish(app.screen.get_at((ahead.left + 3, ahead.top + 3))) < _reddish(on_ahead)


def test_forecast_marker_sits_on_the_listener(tmp_path):
    app, mission = _mission(tmp_path, listening())
    guard = mission.world.unit_named("Guard 1")
    target = guard.cell.offset(-2, -1)
    hover(app, mission.camera.cell_center(target.x, target.y), frames=2)
    assert guard.id in mission.preview().heard
    rect = mission.camera.cell_rect(guard.cell.x, guard.cell.y).inflate(6, 6)
    rect.top -= mission.camera.tile // 4
    area = app.screen.subsurface(rect.clip(app.screen.get_rect()))
    marker = pygame.Color(*theme.FORECAST)
    count = sum(
        1
        for x in range(area.get_width())
        for y in range(area.get_height())
        if area.get_at((x, y)) == marker
    )
    assert count > 20
    app.settings.overlays["forecast"] = False
    run(app, 1)
    area = app.screen.subsurface(rect.clip(app.screen.get_rect()))
    assert all(
        area.get_at((x, y)) != marker
        for x in range(area.get_width())
        for y in range(area.get_height())
    )


def test_soak_of_random_input_raises_nothing(tmp_path):
    app = make_app(tmp_path)
    app.save_settings_enabled = False
    app.push(title_scene(app))
    play(app, GameSession.unrecorded(hall()), "")
    rng = random.Random(5)
    keys = [
        pygame.key.key_code(k)
        for b in controls.BINDINGS
        for k in b.keys
        if b.action not in ("screenshot", "fullscreen")
    ]
    keys += [pygame.K_a, pygame.K_LEFT, pygame.K_RETURN, pygame.K_F5]
    width, height = app.screen.get_size()
    for n in range(3000):
        roll = rng.random()
        if roll < 0.45:
            code = rng.choice(keys)
            pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=code, mod=0, unicode=""))
        elif roll < 0.75:
            pos = (rng.randrange(width), rng.randrange(height))
            pygame.event.post(
                pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=(0, 0), buttons=(0, 0, 0))
            )
        elif roll < 0.95:
            pos = (rng.randrange(width), rng.randrange(height))
            button = rng.choice((1, 1, 1, 2, 3))
            pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=pos, button=button))
            pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONUP, pos=pos, button=button))
        else:
            pygame.event.post(pygame.event.Event(pygame.MOUSEWHEEL, x=0, y=rng.choice((-1, 1))))
        if n % 6 == 0:
            app.frame(0.02)
        if not app.running:  # a random "Quit": start again, the soak goes on
            app.running = True
            app.reset(title_scene(app))
            play(app, GameSession.unrecorded(hall()), "")


def test_render_world_draws_every_floor(tmp_path):
    world = guarded()
    picture = render_world(world)
    assert picture.get_width() >= world.terrain.width * 32
    one = render_world(world, 0)
    assert one.get_height() == picture.get_height()


def test_render_command_writes_a_png(tmp_path):
    from game.cli import main

    maps = sorted((ROOT / "maps").glob("*.tmx"))
    if not maps:
        return
    out = tmp_path / "map.png"
    assert main(["render", str(maps[0]), "-o", str(out), "--floor", "0"]) == 0
    assert pygame.image.load(str(out)).get_width() > 100
    assert main(["render", str(maps[0]), "-o", str(out), "--floor", "9"]) == 2


def test_controls_page_matches_the_game():
    page = (ROOT / "docs" / "controls.md").read_text(encoding="utf-8")
    assert page == controls.markdown()


def test_hovering_a_sleeper_says_how_loud_wakes_it(tmp_path):
    from game.asciiworld import build_world
    from game.sim import hearing

    world = build_world("#######\n#T..S.#\n#######")
    app, mission = _mission(tmp_path, world)
    sleeper = world.unit_named("Concierge")
    hover(app, mission.camera.cell_center(sleeper.cell.x, sleeper.cell.y))
    texts = [text for text, _ in hover_lines(mission, world, mission.knowledge)]
    level = hearing.guard_threshold(world, sleeper)
    assert f"Concierge (sleeping, wakes at noise level {level})" in texts


def test_the_alarm_banner_counts_down_to_the_police():
    from game.asciiworld import build_world
    from game.sim import EndTurn, alarms
    from game.ui.hud.panels import alarm_status

    world = build_world("#########\n#T..V.B.#\n#.......#\n#########")
    bell = next(world.devices_in_order("bell"))
    sensor = next(world.devices_in_order("sensor"))
    sensor.traits = replace(sensor.traits, bell=bell.id)
    assert alarm_status(world).ringing is False
    alarms.trip(world, sensor, "a test")
    first = alarm_status(world)
    assert first.ringing and first.police_in == world.alarm.police_turn - world.turn
    world.apply(EndTurn())
    assert alarm_status(world).police_in == first.police_in - 1


def test_the_alarm_banner_says_what_called_the_police_and_that_they_came():
    from game.asciiworld import build_world
    from game.sim import EndTurn, alarms
    from game.ui.hud.panels import alarm_status

    world = build_world("#########\n#T..V.B.#\n#.......#\n#########")
    alarms.raise_alarm(world, "Guard 1 raised the alarm")  # no bell rang
    called = alarm_status(world)
    assert not called.ringing and "ALARM RINGING" not in called.text
    assert called.text.startswith("POLICE CALLED (Guard 1 raised the alarm)  -  police in")
    for _ in range(called.police_in + 1):
        world.apply(EndTurn())
    came = alarm_status(world)
    assert came.arrived and came.text == "POLICE HERE" and "0 turns" not in came.text


def test_hovering_a_closed_door_says_it_is_closed_and_that_a_click_opens_it(tmp_path):
    from game.asciiworld import build_world
    from game.sim import CloseDoor

    world = build_world("#######\n#T/...#\n#######")  # the map draws it open
    app, mission = _mission(tmp_path, world)
    door = world.door_at(world.unit_named("Tony").cell.offset(1, 0))
    mission.session.apply(CloseDoor(world.unit_named("Tony").id, door.id))
    run(app, 1)
    hover(app, mission.camera.cell_center(door.cell.x, door.cell.y))
    texts = [text for text, _ in hover_lines(mission, world, mission.knowledge)]
    assert "Door: closed" in texts
    assert texts[0].startswith("doorway  (")  # not the map's "door open" tile name
    assert any(t.startswith("Open, 1 AP") for t in texts), texts
    assert not any("in the way" in t for t in texts)


def test_the_pause_menu_hides_the_path_preview_under_it(tmp_path, monkeypatch):
    from game.ui.render import overlays

    app, mission = _mission(tmp_path, hall())
    hover(app, mission.camera.cell_center(5, 2))
    drawn = []
    monkeypatch.setattr(overlays.Pictures, "path_preview", lambda _, *a, **k: drawn.append(a))
    run(app, 1)
    assert drawn  # the path shows while playing
    drawn.clear()
    key_press = pygame.K_ESCAPE
    pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=key_press, mod=0, unicode=""))
    run(app, 2)
    assert app.scene is not mission and app.scene.title == "Pause"
    assert not drawn  # the mission is drawn under the menu, without the hover path


def test_the_log_tells_a_move_before_what_it_set_off():
    from game.asciiworld import build_world
    from game.sim import Cell, Move
    from game.ui.hud.panels import cause_first

    world = build_world("#######\n#T..S.#\n#######")
    result = world.apply(Move(world.unit_named("Tony").id, Cell(0, 3, 1)))
    kinds = [e.kind for e in result.events]
    assert kinds[-1] == "moved" and "guard_woke" in kinds  # the rules' order
    shown = [e.kind for e in cause_first(list(result.events))]
    assert shown[0] == "moved" and shown.index("moved") < shown.index("guard_woke")
    assert sorted(shown) == sorted(kinds)  # nothing lost


def test_the_action_bar_lists_only_what_the_crew_member_can_carry_out():
    from game.tiled import load_world
    from game.ui.actions import action_bar

    house = load_world(ROOT / "maps" / "country_house.tmx")
    tony = house.unit_named("Tony")
    kinds = [o.kind for o in action_bar(house, tony, tony.cell)]
    assert "drill" not in kinds and "foam" not in kinds and "deploy_umbrella" not in kinds
    assert {"move", "shoot", "peek", "wait"} <= set(kinds)
    tutorial = load_world(ROOT / "maps" / "tutorial.tmx")
    jo = tutorial.unit_named("Jo")
    assert "drill" in [o.kind for o in action_bar(tutorial, jo, jo.cell)]
    # only the crackers the rules name crack a safe
    cesar = tutorial.unit_named("César")
    assert "crack_safe" in [o.kind for o in action_bar(tutorial, cesar, cesar.cell)]
    assert "crack_safe" not in [o.kind for o in action_bar(tutorial, jo, jo.cell)]
    # nobody of the rehearsal carries a gun: nobody's bar offers a shot
    for member in tutorial.crew():
        assert "shoot" not in [o.kind for o in action_bar(tutorial, member, member.cell)]


def test_a_walk_leaves_one_noise_ring_not_one_per_step():
    from game.asciiworld import build_world
    from game.sim import Cell, Move
    from game.ui.render.overlays import untangled

    world = build_world("##########\n#T.......#\n##########")
    world.apply(Move(world.unit_named("Tony").id, Cell(0, 6, 1)))
    steps = [n for n in world.noises if n.kind == "footsteps"]
    assert len(steps) >= 4  # the rules hear every step...
    rings = untangled(world.noises)
    assert len(rings) == 1  # ...the screen draws one ring, where he stands now
    assert rings[0][0].cell == Cell(0, 6, 1)
