"""A non-editable install carries the rules, maps and assets with it."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(folder), str(ROOT)],
        check=True,
    )
    return next(folder.glob("rififi-*.whl"))


@pytest.mark.slow
def test_the_wheel_ships_rules_maps_and_assets(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "game/data/rules.toml" in names
    for module in sorted((ROOT / "game").rglob("*.py")):
        path = module.relative_to(ROOT).as_posix()
        assert path in names, f"{path} is missing from the wheel (list its package in pyproject)"
    for folder in ("maps", "assets"):
        shipped = sorted(
            p.relative_to(ROOT).as_posix()
            for p in (ROOT / folder).rglob("*")
            if p.is_file() and p.suffix in {".tmx", ".tsx", ".tx", ".toml", ".png", ".wav", ".js"}
        )
        for path in shipped:
            assert f"game/{path}" in names, f"{path} is missing from the wheel"


@pytest.mark.slow
def test_the_installed_game_finds_its_maps_from_any_folder(wheel, tmp_path):
    """Unpacked like a non-editable install, run from an unrelated folder."""
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    script = (
        "import sys; from game.content import maps_dir, assets_dir; from game.cli import main;"
        "assert str(maps_dir()).startswith(sys.argv[1]), maps_dir();"
        "assert (assets_dir() / 'tilesets' / 'terrain.tsx').is_file();"
        "raise SystemExit(main(['check', *map(str, sorted(maps_dir().glob('*.tmx')))]))"
    )
    done = subprocess.run(
        [sys.executable, "-c", script, str(site)],
        cwd=elsewhere,
        env={"PYTHONPATH": str(site), "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.count(": ok") == len(list((ROOT / "maps").glob("*.tmx")))
