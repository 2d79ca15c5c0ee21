"""Fingerprints of a world's state: the state hash, its parts and the position key, worked
out without redoing what did not change (a search hashes every child of every node).

:class:`Fingerprints` is a part of :class:`~game.sim.world.World` (it reads the world's own
fields); the digests are the same as hashing :meth:`Fingerprints.state_parts` from scratch,
which ``tests/test_sim_caches.py`` checks under random play.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from game.sim.entities import Device, Unit
from game.sim.fingerprint import array_digest, canonical, hash_bytes

if TYPE_CHECKING:
    pass

#: The arrays of the world that rules change in play, indexed like the terrain (by the upper
#: cell). They are read-only: :meth:`World.set_map` is the one way to change a cell, so the
#: digest kept for each (see :meth:`World.part_hashes`) is always that of its content, and a
#: fork shares them until one of the two worlds changes one (copy on write).
MAP_ARRAYS = ("holes", "ropes", "drilled", "umbrellas")

#: Parts of the state that only score the game (the debrief's counters), left out of
#: :meth:`World.position_key`.
SCORE_PARTS = ("stats",)


class Fingerprints:
    """The state hash of a world (mixed into :class:`~game.sim.world.World`)."""

    def state_parts(self) -> dict[str, Any]:
        """Everything that matters, grouped, JSON-ready (arrays as digests)."""
        return {
            "clock": {"turn": self.turn, "clock": self.clock, "outcome": self.outcome.to_dict()},
            "rng": {"state": self.rng.state},
            "units": [self.units[i].snapshot() for i in sorted(self.units)],
            "doors": [self.doors[i].snapshot() for i in sorted(self.doors)],
            "devices": [self.devices[i].snapshot() for i in sorted(self.devices)],
            "map": {name: self._map_digest(name) for name in MAP_ARRAYS},
            "alarm": self.alarm.to_json(),
            "stats": dict(sorted(self.stats.items())),
        }

    def part_hashes(self) -> dict[str, str]:
        """A short hash of each part of the state, to name what differs when replays diverge.

        Each is ``fingerprint.digest(part)`` of :meth:`state_parts`, worked out without
        redoing what did not change since the last call (``fingerprint.Encodings``): a map
        array is hashed again only after :meth:`set_map` changed it, the doors only after a
        door changed (see ``DoorClaim``), a unit or device only when its snapshot changed.
        """
        return {
            "clock": self._clock_digest(),
            "rng": self._rng_digest(),
            "units": _list_digest(self.ordered()),
            "doors": self._doors_digest(),
            "devices": self._devices_digest(),
            "map": self._map_part_digest(),
            "alarm": self.alarm.digest,
            "stats": self._stats_digest(),
        }

    def state_hash(self) -> str:
        """A fingerprint of the whole state: equal hashes mean equal games."""
        return _parts_digest(self.part_hashes())

    def position_key(self) -> str:
        """The state hash without what only scores the game (the debrief's counters: loudest
        noise, alerts, knockouts...): the same position reached more or less loudly has one
        key, so a search treats it as one position."""
        parts = self.part_hashes()
        for name in SCORE_PARTS:
            del parts[name]
        return _parts_digest(parts)

    def _rng_digest(self) -> str:
        """The random generator's part, kept while its state stays (no rule draws yet)."""
        state = self.rng.state
        kept = self.__dict__.get("_rng_kept")
        if kept is None or kept[0] != state:
            kept = self._rng_kept = (state, self._encodings.digest("rng", {"state": state}))
        return kept[1]

    def _stats_digest(self) -> str:
        """The debrief counters' part, kept while they stay the same."""
        now = tuple(sorted(self.stats.items()))
        kept = self.__dict__.get("_stats_kept")
        if kept is None or kept[0] != now:
            kept = self._stats_kept = (now, self._encodings.digest("stats", dict(now)))
        return kept[1]

    def _clock_digest(self) -> str:
        """The clock part's digest, kept while the turn, the clock and the outcome stay."""
        now = (self.turn, self.clock, self.outcome)
        kept = self.__dict__.get("_clock_kept")
        if kept is not None and kept[0] == now:
            return kept[1]
        part = {"turn": self.turn, "clock": self.clock, "outcome": self.outcome.to_dict()}
        hashed = self._encodings.digest("clock", part)
        self._clock_kept = (now, hashed)
        return hashed

    def _devices_digest(self) -> str:
        """The devices part's digest, kept until anything is set on a device."""
        key = ("devices part", self._changes.devices)
        hashed = self._kept.get(key)
        if hashed is None:
            devices = self.devices
            hashed = _list_digest([devices[i] for i in sorted(devices)])
            self._keep(key, hashed)
        return hashed

    def _map_part_digest(self) -> str:
        """The map part's digest, kept until :meth:`set_map` changes a map array."""
        key = ("map part", self._changes.maps)
        hashed = self._kept.get(key)
        if hashed is None:
            parts = {name: self._map_digest(name) for name in MAP_ARRAYS}
            hashed = self._encodings.digest("map", parts)
            self._keep(key, hashed)
        return hashed

    def _doors_digest(self) -> str:
        """The doors part's digest, kept on the world's claim until a door changes."""
        claim = self._claim
        if claim.digest is None:
            doors = self.doors
            encoded = []
            for door_id in sorted(doors):
                door = doors[door_id]
                data = door.__dict__.get("_encoded")
                if data is None:  # a door never changes in place once encoded (see Door)
                    data = door.__dict__["_encoded"] = canonical(door.snapshot())
                encoded.append(data)
            claim.digest = hash_bytes(b"[" + b",".join(encoded) + b"]")
        return claim.digest

    def map_digest(self, name: str) -> str:
        """The digest of one of the :data:`MAP_ARRAYS` now (kept until it changes)."""
        return self._map_digest(name)

    def _map_digest(self, name: str) -> str:
        """The digest of a map array, kept until :meth:`set_map` changes the array (only kept
        for a read-only array that owns its data, so nothing else can have changed it)."""
        array = getattr(self, name)
        kept = self._map_digests.get(name)
        if kept is not None and kept[0] is array and not array.flags.writeable:
            return kept[1]
        hashed = array_digest(array)
        if not array.flags.writeable and array.base is None:
            self._map_digests[name] = (array, hashed)
        return hashed


def _parts_digest(parts: dict[str, str]) -> str:
    """``digest(parts)`` for part names and hex digests: their canonical JSON written out
    directly (no escaping is ever needed), without the JSON encoder's set-up."""
    text = ",".join([f'"{name}":"{parts[name]}"' for name in sorted(parts)])
    return hash_bytes(b"{" + text.encode() + b"}")


def _list_digest(things: list[Unit] | list[Device]) -> str:
    """``digest([thing.snapshot() for thing in things])``, from each thing's kept encoding."""
    return hash_bytes(b"[" + b",".join([_encoding(thing) for thing in things]) + b"]")


def _encoding(thing: Unit | Device) -> bytes:
    """``canonical(thing.snapshot())``, kept on the thing while it stays the same.

    Setting any field forgets the kept encoding (``Unit.__setattr__``, ``Device.__setattr__``),
    and every field holds an immutable value (cells, enums, numbers, strings, tuples, the
    frozen typed state), so nothing changes a thing but setting a field. A fork's copy starts
    with the same encoding, rightly: it holds the same values.
    """
    values = thing.__dict__
    kept = values.get("_encoded")
    if kept is None:
        kept = thing.canonical_json() if type(thing) is Unit else canonical(thing.snapshot())
        values["_encoded"] = kept
    return kept
