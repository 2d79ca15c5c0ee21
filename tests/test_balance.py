"""Every shipped map proves its stealth: the probes it names in ``probes_must_lose`` lose.

The probes (``game/solve/probes.py``) are scripted players built from the rules' candidates and
the map's own objects, so a map or rules change that lets a lazy shortcut win fails here.
DESIGN.md "Balance" lists the probes each mission must lose to at least.
"""

from __future__ import annotations

import pytest

from game.content import maps_dir
from game.solve.listed import must_lose
from game.solve.probes import PROBES, heist, play, play_probe
from game.tiled import load_world

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


def test_the_careful_heist_still_wins_the_tutorial():
    """The probes lose because of what they skip, not because the player is clumsy: the
    same player, skipping nothing, wins the rehearsal."""
    result = play(heist, load_world(maps_dir() / "tutorial.tmx"), "heist")
    assert result.status == "won", result
