"""How worlds share things with their forks and know when something changed: stamps of
change (:class:`Changes`), and claims saying which world may change a shared door or device
in place (:class:`Claim`, :class:`DoorClaim`; see :meth:`World.own_door`)."""

from __future__ import annotations

import itertools

#: How many times any unit's ``status`` was set, in any world: what the world keeps about who
#: lies on the floor (:meth:`World.bodies`) is good while this stays the same.
STATUS_CHANGES = [0]


#: Stamps for :class:`Changes`: every change anywhere takes the next one, so no two changes,
#: in any world, share a stamp.
_STAMPS = itertools.count(1)


class Changes:
    """When one world's units and doors (``any``), its units not of the crew (``guards``), its
    devices (``devices``) and its map arrays (``maps``) last changed, as stamps: each change
    takes a new stamp no other change anywhere has. A fork starts with its world's stamps, so
    two worlds with the same stamp hold the same things: what one worked out from them
    (:meth:`World.kept`: who the crew sees, who could hear) holds for the other too, and
    forks share it. Each unit, device and door claim of a world holds its world's stamps."""

    __slots__ = ("any", "devices", "guards", "maps")

    def __init__(self) -> None:
        self.any = self.guards = self.devices = self.maps = next(_STAMPS)

    def copy(self) -> Changes:
        twin = object.__new__(Changes)
        twin.any, twin.guards, twin.devices, twin.maps = (
            self.any,
            self.guards,
            self.devices,
            self.maps,
        )
        return twin


class Claim:
    """Whether a world may change its devices in place: a fork shares them with the world it
    came from (few commands change a device), so a fork voids the claim both held and each
    takes a new one; :meth:`World.own_device` gives a world its own copy of a device to
    change. Changing a device whose claim is void is a bug, refused at once."""

    __slots__ = ("valid",)

    def __init__(self) -> None:
        self.valid = True


class DoorClaim:
    """Which world may change a door, and that world's digest of all its doors.

    A fork shares its doors with the world it came from (most children of a search open no
    door), so neither may change a shared door in place: :meth:`World.own_door` gives the
    world its own copy first. Each world holds one claim; its doors carry it, and a fork
    voids the claim both worlds held. Changing a door whose claim is void is a bug, refused
    at once rather than leaking into the other world; changing any other door forgets the
    digest (the doors part of the state hash) of the world it belongs to.
    """

    __slots__ = ("changes", "derived", "digest", "valid")

    def __init__(
        self, changes: Changes, digest: str | None = None, derived: dict | None = None
    ) -> None:
        self.changes = changes  # the world's counter of changes
        self.valid = True
        self.digest = digest
        # What follows from the doors as they stand (see ``pathing.walkable_now``), never
        # changed in place once stored: a fork's claim starts with the same.
        self.derived: dict = {} if derived is None else derived

    def changed(self) -> None:
        """A door of this claim changed: forget what followed from the doors."""
        self.changes.any = next(_STAMPS)
        self.digest = None
        self.derived = {}
