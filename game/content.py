"""Where the game's shipped content lives: the rules file, maps and assets.

Works both from a source checkout (top-level ``maps/`` and ``assets/``) and from an installed
package, where the same folders ship as ``game.maps`` and ``game.assets``.
"""

from __future__ import annotations

import functools
from importlib import resources
from pathlib import Path

from game.sim.rules import Rules

_SOURCE_ROOT = Path(__file__).resolve().parent.parent


def _shipped_folder(package: str, source_name: str) -> Path:
    source = _SOURCE_ROOT / source_name
    if (_SOURCE_ROOT / "pyproject.toml").is_file() and source.is_dir():
        return source
    return Path(str(resources.files(package)))


def maps_dir() -> Path:
    """The folder of the shipped missions (``.tmx``), templates and the Tiled project."""
    return _shipped_folder("game.maps", "maps")


def assets_dir() -> Path:
    """The folder of tilesets, images and sounds."""
    return _shipped_folder("game.assets", "assets")


def rules_path() -> Path:
    """The one rules file with every tunable number."""
    return Path(__file__).resolve().parent / "data" / "rules.toml"


@functools.cache
def load_rules() -> Rules:
    """The shipped rules, read once per process."""
    return Rules.from_toml(rules_path().read_text(encoding="utf-8"), str(rules_path()))
