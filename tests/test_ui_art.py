"""The pictures say what things are: every action and item has its own icon, every drawn
icon is shown somewhere, people are drawn as they are (asleep in bed, knocked out lying),
and the dark on screen is the dark the rules see by."""

from __future__ import annotations

import re

import numpy as np
import pygame
from ui_helpers import make_app

from game.asciiworld import build_world
from game.sim import Facing, KnockOut, vision
from game.sim.entities import Status
from game.tiled.build import ITEMS
from game.ui.actions import LABELS, crew_rules, label_for
from game.ui.art import art
from game.ui.hud.crewbar import ITEM_ICONS
from game.ui.render import people
from game.ui.render.knowledge import derive

#: Icons the bar's own buttons draw (not actions of the rules).
TOOL_ICONS = {"end_turn"}


def test_every_crew_action_has_an_icon_of_its_own(tmp_path):
    make_app(tmp_path)
    world = build_world("#####\n#T..#\n#####")
    kinds = [rule.command.kind for rule in crew_rules(world)]
    icons = [label_for(kind)[1] for kind in kinds]
    assert all(icon in art().icons for icon in icons), set(icons) - set(art().icons)
    # climbing is not lowering the rope, putting down is not carrying
    assert len({label_for(k)[1] for k in ("climb", "lower_rope", "drop", "carry")}) == 4


def test_every_item_a_map_may_give_has_an_icon_on_the_crew_card(tmp_path):
    make_app(tmp_path)
    assert set(ITEM_ICONS) == set(ITEMS)
    assert all(ITEM_ICONS[item] in art().icons for item in ITEMS)


def test_every_icon_drawn_is_shown_by_the_screen(tmp_path):
    make_app(tmp_path)
    shown = {icon for _, icon in LABELS.values()} | set(ITEM_ICONS.values()) | TOOL_ICONS
    assert set(art().icons) <= shown, set(art().icons) - shown


def test_a_sleeper_is_drawn_in_bed_and_a_knocked_out_man_lying_down(tmp_path):
    make_app(tmp_path)
    world = build_world("#######\n#TR.S.#\n#######", facing={"Gangster 1": Facing.E})
    tony = world.unit_named("Tony")
    gangster, sleeper = (u for u in world.guards())
    assert people.unit_sprite(sleeper) == "sleeper"
    assert people.unit_sprite(gangster) == "gangster"
    assert world.apply(KnockOut(tony.id, gangster.id))
    assert gangster.status is Status.KNOCKED_OUT
    assert people.unit_sprite(gangster) == "gangster_down"
    for name in ("sleeper", "gangster_down", "gangster"):
        assert name in art().sprites
    # standing figures are drawn taller than their cell, those lying down within it
    cell = pygame.Rect(0, 0, 32, 32)
    assert people.figure_rect(tony, cell).height > 32
    assert people.figure_rect(gangster, cell) == cell


def test_a_figure_in_an_unlit_cell_is_drawn_in_silhouette(tmp_path):
    make_app(tmp_path)
    picture = art().scaled("sprite", "gangster", 32)
    dark = people.in_the_dark(picture, crew=False)
    before = pygame.surfarray.pixels3d(picture).astype(int)
    after = pygame.surfarray.pixels3d(dark).astype(int)
    shape = pygame.surfarray.pixels_alpha(picture) > 200
    assert (pygame.surfarray.pixels_alpha(dark) == pygame.surfarray.pixels_alpha(picture)).all()
    # the figure turns night blue: its red tie and pale face are gone
    assert after[shape].max(axis=0)[0] < before[shape].max(axis=0)[0] / 2
    assert (after[shape][:, 2] - after[shape][:, 0]).mean() > 15


def _corridor(floor: str) -> str:
    """A corridor 14 cells long of ``floor`` cells, a guard at its west end."""
    return f"#{floor * 14}#\n#G{floor * 13}#\n#{floor * 14}#"


def test_a_guards_cone_on_screen_is_as_short_in_the_dark_as_the_rules_say():
    reach = {}
    for floor in (".", ","):  # lit boards, unlit boards
        world = build_world(_corridor(floor), facing={"Guard 1": Facing.E})
        guard = world.guards()[0]
        cone = derive(world, 0, fog=False).cones[guard.id][guard.cell.floor]
        reach[floor] = int(np.nonzero(cone)[1].max()) - guard.cell.x
        ranges = vision.sight_ranges(world, guard)
    assert reach == {".": ranges[0], ",": ranges[1]}
    assert reach[","] < reach["."]


def test_every_room_piece_drawn_is_used_by_a_shipped_map():
    from game.content import maps_dir
    from game.tiled import load_world

    tsx = (art().root / "tilesets" / "rooms.tsx").read_text(encoding="utf-8")
    pieces = set(re.findall(r'name="name" value="([a-z_]+)"', tsx))
    used = set()
    for path in sorted(maps_dir().glob("*.tmx")):
        used |= set(load_world(path).terrain.names)
    assert pieces and pieces <= used, pieces - used


def test_the_film_look_turns_the_map_grey_and_keeps_the_warnings_in_colour(tmp_path):
    from ui_helpers import run

    from game.replay.session import GameSession
    from game.ui.scenes.menus import play
    from game.ui.settings import Settings

    world = build_world(
        "#################\n#T..............#\n#G..............#\n#################",
        facing={"Guard 1": Facing.E},
    )
    app = make_app(tmp_path)
    app.settings.overlays["reach"] = False
    app.settings.film_look = True
    play(app, GameSession.unrecorded(world), "")
    mission = app.scene
    run(app, 3)
    guard = world.guards()[0]

    def pixels(x: int, y: int) -> np.ndarray:
        rect = mission.camera.cell_rect(x, y).inflate(-8, -8)
        return pygame.surfarray.array3d(app.screen.subsurface(rect)).reshape(-1, 3).astype(int)

    wall = pixels(0, 0)
    assert (wall.max(axis=1) - wall.min(axis=1)).max() <= 2  # grey: the brick red is gone
    watched = pixels(guard.cell.x + 3, guard.cell.y)  # in the guard's cone
    assert (watched.max(axis=1) - watched.min(axis=1)).mean() > 10  # the cone keeps its colour
    assert Settings.from_dict({"film_look": True}).film_look
    assert not Settings.from_dict({"film_look": "yes"}).film_look


#: Tiles the screen draws by name, beyond a map's own layers: a door whose state changed
#: (``mapview._draw_door``), the rubble under a hole that dropped plaster (``heist``).
SCREEN_TILES = {"door_open", "door_closed", "door_locked", "rubble"}
#: Sprites the screen draws by name: holes, ropes, the brace, the umbrella (``heist``), the
#: swag bag, the sleeper and the fallen (``people``, ``mapview``).
SCREEN_SPRITES = {"hole", "rope", "drill", "umbrella", "bag", "sleeper", "body"}
#: Sprites the screen draws as badges (``render/badges.py``): the armed guard's pistol, the
#: searching guard's torch, a patrol's waypoints, the spent extinguisher, a noise's source.
#: Sprites count as shown when a shipped map or template places them or the screen draws them.
BADGES = {"waypoint", "pistol", "torch", "noise", "extinguisher"}


def test_every_terrain_tile_and_sprite_is_on_screen(tmp_path):
    from game.content import maps_dir
    from game.tiled import load_world

    make_app(tmp_path)
    names, roles, kinds = set(), set(), set()
    for path in sorted(maps_dir().glob("*.tmx")):
        world = load_world(path)
        names |= set(world.terrain.names)
        roles |= {people.role_sprite(u) for u in world.units.values()}
        kinds |= {d.kind for d in world.devices_in_order()} | {"door_contact"}
    tsx = (art().root / "tilesets" / "terrain.tsx").read_text(encoding="utf-8")
    terrain = set(re.findall(r'name="name" value="([a-z_]+)"', tsx))
    assert terrain <= names | SCREEN_TILES, terrain - names - SCREEN_TILES
    objects = (art().root / "tilesets" / "objects.tsx").read_text(encoding="utf-8")
    sprite_of = dict(re.findall(r'<tile id="(\d+)">\s*<properties>\s*<property name="sprite" '
                                r'value="([a-z_]+)"', objects))  # fmt: skip
    for template in sorted((maps_dir() / "templates").glob("*.tx")):  # what designers place
        gid = re.search(r'\sgid="(\d+)"', template.read_text(encoding="utf-8"))
        if gid:
            roles.add(sprite_of[str(int(gid.group(1)) - 1)])
    downs = {f"{role}_down" for role in roles} & set(art().sprites)
    walks = {f"{role}_{frame}" for role in roles for frame in people.WALK_FRAMES}
    shown = roles | downs | walks | kinds | SCREEN_SPRITES | BADGES
    assert set(art().sprites) - shown == set()


def test_a_lamp_placed_in_tiled_is_drawn_in_a_warm_pool_that_fades_from_it(tmp_path):
    from tiled_helpers import sandbox, small_map_text, small_spec

    from game.tiled import load_world
    from game.ui.render.mapview import terrain_surface
    from game.ui.render.tilelayers import TileLayers, tile_layers
    from tools.mapgen.tmxwrite import Thing

    make_app(tmp_path)
    dark = "###########\n#T.J,,,,,,#\n#,,,,,,A,,#\n#,,,,,,,,,#\n#E..X,,,,,#\n###########"
    spec = small_spec(dark, dark.replace("T.J", ",,,").replace("E..X", ",,,,").replace("A", ","))
    spec.floors[0].things["A"] = Thing("lamp")  # at (7, 2), radius 2 by the rules
    path = sandbox(tmp_path) / "lamp.tmx"
    path.write_text(small_map_text(spec), encoding="utf-8")
    world, layers = load_world(path), tile_layers(str(path))
    assert layers is not None and [(s.x, s.y, s.kind) for s in layers.lights] == [(7, 2, "lamp")]
    tile = 32
    lit = terrain_surface(world, 0, tile, layers)
    bare = terrain_surface(world, 0, tile, TileLayers(layers.art))  # the same, no sources

    def warmth(surface: pygame.Surface, x: int, y: int) -> float:
        """Red over blue near a cell's lower-right corner (off the lamp's sprite)."""
        r, _g, b, *_ = surface.get_at((x * tile + tile - 3, y * tile + tile - 3))
        return r / max(1, b)

    assert lit.get_at((7 * tile + 16, 2 * tile + 16)) != bare.get_at((7 * tile + 16, 2 * tile + 16))
    beside, edge, beyond = warmth(lit, 8, 2), warmth(lit, 9, 2), warmth(lit, 4, 3)
    assert beside > edge > beyond  # warmest by the lamp, fading out, night blue beyond
    assert warmth(bare, 8, 2) < beside  # the pool is the source's, not only the lit wash
