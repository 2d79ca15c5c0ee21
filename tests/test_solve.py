"""``rififi solve``: a machine plays a map on the real rules and proves it winnable.

The solver knows no map (nothing here tells it where anything is); these tests hold it to
what a designer relies on: a win it reports is an ordinary recording that verifies, its par
is no worse than the hand-written golden game, "no win" is said plainly with exit 1, and
``--probes`` shows the lazy strategies each shipped map must beat.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from game.cli import main
from game.cli.replay import verify_file
from game.content import maps_dir
from game.replay import load
from game.replay.solving import solve_map
from game.sim.solve.search import Settings
from game.tiled.balance import must_lose

GOLDENS = Path(__file__).parent / "recordings"
SHIPPED = sorted(p.stem for p in maps_dir().glob("*.tmx"))


def golden_turns(stem: str) -> int:
    return len(load(GOLDENS / f"{stem}-won.replay").turns())


def test_solve_wins_the_tutorial_and_its_recording_verifies(tmp_path, capsys):
    out = tmp_path / "tutorial-solved.replay"
    status = main(
        ["solve", str(maps_dir() / "tutorial.tmx"), "--budget", "120", "--json", "-o", str(out)]
    )
    doc = json.loads(capsys.readouterr().out)
    assert status == 0, doc
    for key in ("map", "won", "turns", "loudest", "kills", "knockouts", "nodes", "seconds"):
        assert key in doc
    assert doc["won"] is True and doc["recording"] == str(out)
    assert doc["kills"] == 0 and doc["alarms"] == 0  # the quiet way, as the rehearsal teaches
    assert doc["turns"] <= golden_turns("tutorial")  # a par at least as good as the golden game
    code, line = verify_file(str(out))
    assert code == 0, line
    assert "won at turn" in line


def test_no_win_is_said_plainly_with_exit_1(capsys):
    """Without the drill the rehearsal cannot be won quietly (the door contact rings the
    bell): the solver says so in one line, naming what was forbidden."""
    tutorial = str(maps_dir() / "tutorial.tmx")
    status = main(["solve", tutorial, "--budget", "8", "--forbid", "drill"])
    out = capsys.readouterr().out.strip().splitlines()
    assert status == 1
    assert len(out) == 1
    assert "no win found without drill in" in out[0] and "positions" in out[0]


def test_an_unknown_action_to_forbid_is_bad_usage(capsys):
    status = main(["solve", str(maps_dir() / "tutorial.tmx"), "--forbid", "teleport"])
    assert status == 2
    assert "teleport" in capsys.readouterr().err


@pytest.mark.parametrize("stem", SHIPPED)
def test_probes_show_every_listed_shortcut_losing(stem: str, capsys):
    path = maps_dir() / f"{stem}.tmx"
    status = main(["solve", str(path), "--probes", "--json"])
    doc = json.loads(capsys.readouterr().out)
    listed = set(must_lose(path))
    assert listed, f"{stem}.tmx lists no probes it must lose to"
    rows = {row["name"]: row for row in doc["probes"]}
    assert listed <= set(rows)
    for name in sorted(listed):
        assert rows[name]["won"] is False, rows[name]
    assert status == 0


def test_probes_exit_1_when_a_listed_shortcut_wins(tmp_path, capsys):
    """A map whose walk-straight-out wins, though it says it must lose: the designer hears."""
    assert main(["new", str(tmp_path / "mine")]) == 0
    tmx = next((tmp_path / "mine" / "maps").glob("*.tmx"))
    text = tmx.read_text(encoding="utf-8")
    text = text.replace(
        "<properties>", '<properties>\n  <property name="probes_must_lose" value="straight"/>', 1
    )
    tmx.write_text(text, encoding="utf-8")
    capsys.readouterr()
    assert main(["solve", str(tmx), "--probes"]) == 1
    out = capsys.readouterr().out
    assert "straight" in out and "must lose" in out


def test_solve_wins_a_map_it_has_never_seen(tmp_path, capsys):
    """A small mission written from the designer's guide (tests/maps/unseen), not shipped and
    never tuned against the solver; its recording is written beside it, as replay needs."""
    source = Path(__file__).parent / "maps" / "unseen"
    for name in ("pawnshop.tmx", "README.md"):
        (tmp_path / name).write_bytes((source / name).read_bytes())
    text = (tmp_path / "pawnshop.tmx").read_text(encoding="utf-8")
    root = Path(__file__).resolve().parent.parent  # its tilesets and templates, from anywhere
    text = text.replace('"../../../', f'"{root.as_posix()}/')
    (tmp_path / "pawnshop.tmx").write_text(text, encoding="utf-8")
    status = main(["solve", str(tmp_path / "pawnshop.tmx"), "--budget", "120", "--json"])
    doc = json.loads(capsys.readouterr().out)
    assert status == 0 and doc["won"], doc
    assert doc["recording"] == str(tmp_path / "pawnshop-solved.replay")
    code, line = verify_file(doc["recording"])
    assert code == 0, line


def test_a_recording_of_a_designers_map_must_go_beside_it(tmp_path, capsys):
    unseen = Path(__file__).parent / "maps" / "unseen" / "pawnshop.tmx"
    status = main(["solve", str(unseen), "-o", str(tmp_path / "elsewhere.replay")])
    assert status == 2
    assert "beside it" in capsys.readouterr().err


@pytest.mark.slow
@pytest.mark.parametrize("stem", ["jeweler", "country_house"])
def test_solve_wins_the_story_missions(stem: str, tmp_path):
    out = tmp_path / f"{stem}.replay"
    settings = Settings(budget=280, improve=False)
    solution = solve_map(maps_dir() / f"{stem}.tmx", settings, out, processes=1)
    assert solution.won, solution
    assert solution.kills == 0 and solution.alarms == 0
    assert solution.turns is not None and solution.turns <= golden_turns(stem)
    code, line = verify_file(str(out))
    assert code == 0, line


def test_a_broken_map_is_one_line_and_exit_1(tmp_path, capsys):
    broken = tmp_path / "broken.tmx"
    broken.write_text("<map>", encoding="utf-8")
    assert main(["solve", str(broken)]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "broken.tmx" in err[0] and "Traceback" not in err[0]
