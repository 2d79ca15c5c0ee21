"""Where the game's shipped content lives: the rules file, maps and assets.

Works both from a source checkout (top-level ``maps/`` and ``assets/``) and from an installed
package, where the same folders ship as ``game.maps`` and ``game.assets``.
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the rules (and with them NumPy and tcod) load on first use, not at start-up
    from game.sim.rules import Rules

_PACKAGE_ROOT = Path(__file__).resolve().parent
_SOURCE_ROOT = _PACKAGE_ROOT.parent


def _shipped_folder(name: str) -> Path:
    """``maps`` or ``assets``: top-level in a source checkout, inside ``game/`` when installed
    (the wheel maps them to the ``game.maps`` and ``game.assets`` packages)."""
    source = _SOURCE_ROOT / name
    if (_SOURCE_ROOT / "pyproject.toml").is_file() and source.is_dir():
        return source
    return _PACKAGE_ROOT / name


def maps_dir() -> Path:
    """The folder of the shipped missions (``.tmx``), templates and the Tiled project."""
    return _shipped_folder("maps")


def assets_dir() -> Path:
    """The folder of tilesets, images and sounds."""
    return _shipped_folder("assets")


def rules_path() -> Path:
    """The one rules file with every tunable number."""
    return _PACKAGE_ROOT / "data" / "rules.toml"


@functools.cache
def load_rules() -> Rules:
    """The shipped rules, read once per process."""
    from game.boundedio import MIB, read_text
    from game.sim.rules import Rules

    return Rules.from_toml(read_text(rules_path(), 1 * MIB), str(rules_path()))
