"""Copying and fingerprinting worlds, the two things every replay feature stands on.

A snapshot is a copy of the world that *shares* what never changes in play (the rules, the
terrain, the mission facts, recorded events) and keeps the very same derived-data cache
entries: cached values such as patrol loops are computed once from the state at first use
and never changed in place, so a restored world must keep them to behave exactly like the
original (recomputing them later could see other door states). ``World.fork`` does exactly
that, about 20 times faster than ``copy.deepcopy`` (0.5 ms against 11 ms on the 128-cell
synthetic map).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable

from game.sim import Event, World


def copy_world(world: World) -> World:
    """An independent copy of ``world`` that plays on exactly like it."""
    return world.fork()


def combine_parts(parts: dict[str, str]) -> str:
    """The whole-state hash from the part hashes, exactly as :meth:`World.state_hash` makes
    it (a test keeps the two in step), so recording a turn hashes the state only once."""
    text = json.dumps(parts, sort_keys=True, separators=(",", ":"), ensure_ascii=True)
    return hashlib.blake2b(text.encode(), digest_size=16).hexdigest()


def fingerprint(world: World) -> tuple[str, dict[str, str]]:
    """``(state hash, part hashes)`` of the world now."""
    parts = world.part_hashes()
    return combine_parts(parts), parts


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
