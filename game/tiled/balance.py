"""The probes a map says it must lose to: its ``probes_must_lose`` property (DESIGN.md
"Balance"), read from the map file for ``rififi solve --probes`` and the balance tests."""

from __future__ import annotations

from pathlib import Path

from game.tiled.tmx import read_map


def must_lose(path: Path) -> list[str]:
    """The map's ``probes_must_lose`` property, as a list of probe names (in its order)."""
    prop = read_map(path).props.get("probes_must_lose")
    text = str(prop.value) if prop is not None else ""
    return [name.strip() for name in text.split(",") if name.strip()]
