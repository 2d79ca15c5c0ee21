"""Problems found in a map, and how each becomes the one line a designer reads.

Every message has the same shape so a designer (or an editor's "jump to" feature) can find
the culprit at once::

    FILE: floor F, layer L, object #ID "NAME" at (x, y): what is wrong — how to fix it

Parts that do not apply are left out. Fatal problems (the file cannot be read at all) are
raised as :class:`MapError`; everything else is collected so one run shows every problem.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a map, with where it is and what to do about it."""

    file: str
    what: str
    fix: str
    code: str = "problem"  # a stable short name of the check, for tests and --json
    floor: int | None = None
    layer: str | None = None
    object_id: int | None = None
    object_name: str | None = None
    cell: tuple[int, int] | None = None

    def line(self) -> str:
        """The one-line message."""
        where = []
        if self.floor is not None:
            where.append(f"floor {self.floor}")
        if self.layer:
            where.append(f"layer {self.layer}")
        if self.object_id is not None:
            label = f"object #{self.object_id}"
            if self.object_name:
                label += f' "{self.object_name}"'
            where.append(label)
        place = ", ".join(where)
        if self.cell is not None:
            place += f"{' ' if place else ''}at {self.cell}"
        head = f"{self.file}: {place}: " if place else f"{self.file}: "
        return f"{head}{self.what} — {self.fix}".replace("\n", " ")

    def to_json(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "file": self.file,
            "floor": self.floor,
            "layer": self.layer,
            "object": self.object_id,
            "name": self.object_name,
            "cell": list(self.cell) if self.cell else None,
            "what": self.what,
            "fix": self.fix,
            "line": self.line(),
        }

    def __str__(self) -> str:
        return self.line()


class MapError(Exception):
    """A map (or a file it uses) that cannot be loaded; ``problems`` say why, one per line."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("\n".join(p.line() for p in problems))

    @classmethod
    def one(cls, file: str, what: str, fix: str, code: str = "problem", **where: Any) -> MapError:
        """A MapError carrying a single problem."""
        return cls([Problem(file, what, fix, code, **where)])
