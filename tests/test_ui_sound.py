"""Sound to match the picture: each floor its footstep, a noise quieter the farther it is from
the selected crew member (and through a floor), and every sound the table names is shipped."""

from __future__ import annotations

from game.content import assets_dir
from game.sim.geometry import Cell
from game.ui import audio


def test_a_footstep_sounds_like_the_floor_it_falls_on():
    assert audio.footstep_for("floor_wood") == "footstep"
    assert audio.footstep_for("floor_wood_dark") == "footstep"
    assert audio.footstep_for("floor_tile_dark") == "footstep_stone"
    assert audio.footstep_for("pavement_dark") == "footstep_stone"
    assert audio.footstep_for("gravel") == "footstep_gravel"
    assert audio.footstep_for("grass_dark_tufts") == "footstep_grass"
    assert audio.footstep_for("floor_carpet") == "footstep_carpet"


def test_a_noise_is_quieter_the_farther_it_is_and_through_a_floor():
    me = Cell(0, 10, 10)
    near, _ = audio.heard_from(Cell(0, 11, 10), me)
    far, _ = audio.heard_from(Cell(0, 26, 10), me)
    upstairs, _ = audio.heard_from(Cell(1, 11, 10), me)
    assert 1.0 > near > upstairs > 0 and near > far > 0
    assert audio.heard_from(Cell(0, 10, 10), me) == (1.0, 0.0)
    assert audio.heard_from(Cell(0, 2, 10), me)[1] < 0 < audio.heard_from(Cell(0, 18, 10), me)[1]


def test_every_sound_the_game_plays_is_shipped():
    names = {*audio.NOISE_SOUNDS.values(), *audio.EVENT_SOUNDS.values()}
    names |= {stem for _, stem in audio.FOOTSTEPS} | {name for name, _ in audio.AMBIENCE}
    shipped = {p.stem for p in (assets_dir() / "sounds").glob("*.wav")}
    assert names <= shipped, names - shipped
