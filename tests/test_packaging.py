"""A non-editable install carries the rules, maps and assets with it."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.slow
def test_the_wheel_ships_rules_maps_and_assets(tmp_path):
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp_path), str(ROOT)],
        check=True,
    )
    wheel = next(tmp_path.glob("rififi-*.whl"))
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "game/data/rules.toml" in names
    for module in sorted((ROOT / "game").rglob("*.py")):
        path = module.relative_to(ROOT).as_posix()
        assert path in names, f"{path} is missing from the wheel (list its package in pyproject)"
    for folder in ("maps", "assets"):
        shipped = sorted(
            p.relative_to(ROOT).as_posix()
            for p in (ROOT / folder).rglob("*")
            if p.is_file() and p.suffix in {".tmx", ".tsx", ".tx", ".png", ".wav"}
        )
        for path in shipped:
            assert f"game/{path}" in names, f"{path} is missing from the wheel"
