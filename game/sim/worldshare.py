"""What a world shares with its forks: values kept by stamp (who the crew sees, who could
hear...), and doors and devices until one of the two worlds changes one (copy on write).

:class:`Sharing` is a part of :class:`~game.sim.world.World` (it reads the world's own
fields); see "Speed" in ``docs/architecture.md``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from game.sim.entities import Device, Door

#: How many values :meth:`World.kept` holds (for a world and its forks) before starting
#: afresh: enough for every child of a search node, little memory.
_KEPT_AT_MOST = 4096


class Sharing:
    """Kept values and copy-on-write things (mixed into :class:`~game.sim.world.World`)."""

    def kept(self, name: str, work_out: Callable[[Any], Any], guards_only: bool = False) -> Any:
        """``work_out(world)``, kept under ``name`` while nothing is set on this world's units or
        doors (``guards_only``: on its units not of the crew): for values asked for at every
        command or step that follow from those alone (who the crew sees, who could hear).
        Shared with forks while they have changed nothing either: the children of a search
        node work it out once. Never hashed, never part of the game."""
        key = (name, self._changes.guards if guards_only else self._changes.any)
        kept = self._kept
        if key in kept:
            return kept[key]
        value = work_out(self)
        self._keep(key, value)
        return value

    def keep(self, name: str, value: Any, guards_only: bool = False) -> None:
        """Keep ``value`` under ``name`` as :meth:`kept` would have worked it out now."""
        self._keep((name, self._changes.guards if guards_only else self._changes.any), value)

    def _keep(self, key: tuple[str, int], value: Any) -> None:
        if len(self._kept) >= _KEPT_AT_MOST:
            self._kept.clear()  # old stamps: of worlds long changed or gone
        self._kept[key] = value

    def doors_derived(self) -> dict:
        """A store for what follows from the doors as they stand now alone (such as where one
        can walk): emptied whenever a door changes, shared with forks until then. Add to it,
        never change what is in it."""
        return self._claim.derived

    def own_door(self, door: Door) -> Door:
        """This world's own copy of one of its doors, to change: a fork shares its doors with
        the world it came from until one of them changes one (see ``DoorClaim``)."""
        if door.__dict__.get("_claim") is self._claim:
            return door
        if self.doors.get(door.id) is not door:
            raise ValueError(f"the {door.name} (id {door.id}) is not one of this world's doors")
        if self._doors_shared:
            self.doors = dict(self.doors)
            self._doors_shared = False
        mine = object.__new__(Door)
        values = door.__dict__.copy()
        values["_claim"] = self._claim
        values.pop("_encoded", None)
        mine.__dict__ = values
        self.doors[door.id] = mine
        return mine

    def own_device(self, device: Device) -> Device:
        """This world's own copy of one of its devices, to change: a fork shares its devices
        with the world it came from until one of them changes one."""
        values = device.__dict__
        if values.get("_claim") is self._device_claim:
            return device
        if self.devices.get(device.id) is not device:
            raise ValueError(f"the {device.name} (id {device.id}) is not one of this world's")
        if self._devices_shared:
            self.devices = dict(self.devices)
            self._devices_shared = False
        mine = object.__new__(Device)
        copied = values.copy()
        copied["_claim"], copied["_changes"] = self._device_claim, self._changes
        object.__setattr__(mine, "__dict__", copied)
        self.devices[device.id] = mine
        return mine
