"""Every shipped map proves its stealth: the probes it names in ``probes_must_lose`` lose.

The probes (``game/sim/solve/probes.py``) are scripted players built from the rules' candidates and
the map's own objects, so a map or rules change that lets a lazy shortcut win fails here.
DESIGN.md "Balance" lists the probes each mission must lose to at least.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from game.content import maps_dir
from game.replay import load
from game.sim.commands import Command
from game.sim.observers import ReactionFire
from game.sim.solve.player import Player, ProbeResult
from game.sim.solve.probes import PROBES, guns, heist, loud, play, play_probe
from game.sim.world import World
from game.tiled import load_world
from game.tiled.balance import must_lose

RECORDINGS = Path(__file__).resolve().parent / "recordings"

#: DESIGN.md "Balance": the probes each shipped map must lose to, at least.
AT_LEAST = {
    "tutorial": {"straight", "no-drill", "no-umbrella", "no-foam"},
    "jeweler": {"straight", "no-umbrella", "no-foam", "wait"},
    "country_house": {"straight", "guns", "wait"},
}


#: Probes that skip a remedy for the alarm (drilling, the umbrella, the foam): the bell must
#: be what beats them.
ALARM_PROBES = {"no-drill", "no-umbrella", "no-foam"}

CASES = [
    (tmx.stem, probe)
    for tmx in sorted(maps_dir().glob("*.tmx"))
    for probe in must_lose(tmx)
    if probe in PROBES
]


@pytest.mark.parametrize("stem", sorted(AT_LEAST))
def test_each_map_lists_at_least_the_probes_of_the_design(stem: str):
    listed = must_lose(maps_dir() / f"{stem}.tmx")
    assert AT_LEAST[stem] <= set(listed), f"{stem}.tmx: probes_must_lose lacks some"
    unknown = [name for name in listed if name not in PROBES]
    assert unknown == [], f"{stem}.tmx names probes no test plays: {unknown}"


@pytest.mark.parametrize(("stem", "probe"), CASES, ids=[f"{s}-{p}" for s, p in CASES])
def test_the_map_beats_the_probe(stem: str, probe: str):
    result = play_probe(probe, load_world(maps_dir() / f"{stem}.tmx"))
    assert result.status == "lost", f"{stem}: the {probe} probe ended {result}"
    if probe in ALARM_PROBES:  # beaten by the alarm it skips the remedy for, not by chance
        assert result.bell_first, f"{stem}: the {probe} probe lost, but not to the bell: {result}"


@pytest.mark.parametrize("stem", ["tutorial", "jeweler"])
def test_the_careful_heist_still_wins(stem: str):
    """The probes lose because of what they skip, not because the player is clumsy: the
    same player, skipping nothing, wins the rehearsal and the jeweler's."""
    result = play(heist, load_world(maps_dir() / f"{stem}.tmx"), "heist")
    assert result.status == "won", result


# --- violence has a price (issue 10, point 2) ------------------------------------------------


def _golden(stem: str) -> tuple[World, list[Command]]:
    """The map's world at the golden winning game's seed, and that game's commands."""
    recording = load(RECORDINGS / f"{stem}-won.replay")
    commands = [c for turn in recording.turns() for c in turn.commands]
    return load_world(maps_dir() / f"{stem}.tmx", seed=recording.header.seed), commands


def _quiet(stem: str) -> ProbeResult:
    """The golden winning game played again: the quiet win a loud one is measured against."""
    world, commands = _golden(stem)

    def replay(player: Player) -> None:
        for command in commands:
            player.apply(command)

    return play(replay, world, "golden")


def _costs_more(loud_game: ProbeResult, quiet: ProbeResult) -> bool:
    """DESIGN.md: a quiet win must be shorter or safer than a loud one."""
    assert quiet.status == "won", quiet
    return loud_game.status == "lost" or (
        loud_game.status == "won" and (loud_game.turns > quiet.turns or loud_game.hp < quiet.hp)
    )


def test_walking_the_golden_route_instead_of_sneaking_loses_the_tutorial():
    world, commands = _golden("tutorial")
    assert any(getattr(c, "sneak", False) for c in commands), "the golden game never sneaks"
    loud_game = loud(world, commands)
    assert _costs_more(loud_game, _quiet("tutorial")), loud_game


@pytest.mark.parametrize("stem", ["jeweler", "country_house"])
def test_shooting_every_guard_costs_more_than_the_quiet_golden_win(stem: str):
    """The two missions whose golden game never sneaks: their loud way is the gun."""
    loud_game = play(guns, load_world(maps_dir() / f"{stem}.tmx"), "guns")
    assert _costs_more(loud_game, _quiet(stem)), loud_game


def _old_country_house(*, reaction_fire: bool) -> World:
    """The country house on the rules before issue 10: police who stop at the house walls
    (``police_search_grounds`` off), and, unless ``reaction_fire``, guards who fire only at
    the start of their own turn."""
    world = load_world(maps_dir() / "country_house.tmx")
    world.mission = dataclasses.replace(world.mission, police_search_grounds=False)
    if not reaction_fire:
        world.remove_observers(ReactionFire)
    return world


def test_the_gunman_wins_the_country_house_on_the_old_rules():
    """The guns probe has teeth: against the old rules it wins (what the issue complained
    of), so its loss on the real rules is the fix's doing, not the probe's clumsiness."""
    result = play(guns, _old_country_house(reaction_fire=False), "guns")
    assert result.status == "won", result


def test_reaction_fire_alone_makes_the_gunman_pay_in_blood():
    """With the police still stopping at the walls, reaction fire alone wounds the gunman
    where the old rules let him walk out unhurt."""
    old = play(guns, _old_country_house(reaction_fire=False), "guns")
    fired_at = play(guns, _old_country_house(reaction_fire=True), "guns")
    assert fired_at.status != "won" or fired_at.hp < old.hp, (old, fired_at)
