"""Fingerprinting worlds and what commands did, which every replay feature stands on.

Snapshots of a world (the timeline's, undo's) are :meth:`World.fork`: a copy that shares what
never changes in play and the derived-data cache, much faster than ``copy.deepcopy``.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable

from game.sim import Event, World
from game.sim.fingerprint import digest


def fingerprint(world: World) -> tuple[str, dict[str, str]]:
    """``(state hash, part hashes)`` of the world now."""
    parts = world.part_hashes()
    return digest(parts), parts


def events_digest(events: Iterable[Event]) -> str:
    """A short digest of what one command made happen; it lets verification point at the
    first command whose effects differ, not only at the turn."""
    text = json.dumps(
        [e.to_dict() for e in events],
        sort_keys=True,
        separators=(",", ":"),
        ensure_ascii=True,
        default=str,
    )
    return hashlib.blake2b(text.encode(), digest_size=4).hexdigest()
