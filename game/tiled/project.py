"""The custom types of ``maps/rififi.tiled-project``: what each class of object may carry.

Tiled does not write a class's default values into a map (only the values a designer
changed), so the loader takes the defaults from the project file, the same file Tiled shows
the designer. Values are checked against the declared types here, and every mismatch comes
back as a short (what, fix) pair the validator turns into a one-line problem.
"""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from game.boundedio import MIB, read_text
from game.content import maps_dir
from game.tiled.errors import MapError
from game.tiled.sources import Prop
from game.tiled.xmlfile import display_path

PROJECT_NAME = "rififi.tiled-project"
MAX_PROJECT_BYTES = 4 * MIB


@dataclass(frozen=True)
class Member:
    """One property a class declares: its Tiled type, default and (for enums) the values."""

    name: str
    type: str  # string, int, float, bool, object, color, file
    default: Any
    enum: str = ""
    values: tuple[str, ...] = ()

    def describe(self) -> str:
        if self.values:
            return f"one of {', '.join(self.values)}"
        return {"object": "an object reference", "bool": "true or false", "int": "an int"}.get(
            self.type, f"a {self.type}"
        )


@dataclass(frozen=True)
class ClassType:
    name: str
    members: dict[str, Member]
    use_as: tuple[str, ...]


class Issue(ValueError):
    """A property value that does not fit its declared type."""

    def __init__(self, what: str, fix: str) -> None:
        super().__init__(what)
        self.what, self.fix = what, fix


@dataclass(frozen=True)
class Types:
    """Every enum and class of the project."""

    path: Path
    enums: dict[str, tuple[str, ...]]
    classes: dict[str, ClassType]

    def object_classes(self) -> list[str]:
        return sorted(n for n, c in self.classes.items() if "object" in c.use_as)

    def resolve(
        self, cls: str, props: dict[str, Prop], copied: dict[str, Prop] | None = None
    ) -> tuple[dict[str, Any], list[Issue]]:
        """The class's defaults overlaid with ``props``; plus what is wrong with them.

        Two kinds of property the class does not declare are accepted and left alone: a
        class-typed one (a designer's own notes, a type they added to the project), and one
        ``copied`` from the object's tile (Tiled's export with "resolve types and
        properties" writes the tile's ``sprite`` into every tile object).
        """
        ctype = self.classes[cls]
        values = {name: member.default for name, member in ctype.members.items()}
        issues: list[Issue] = []
        copied = copied or {}
        owner = "map" if "map" in ctype.use_as and "object" not in ctype.use_as else "object"
        for name, prop in props.items():
            member = ctype.members.get(name)
            if member is None and (
                prop.type == "class" or (name in copied and copied[name].value == prop.value)
            ):
                continue
            if member is None:
                known = ", ".join(ctype.members) or "no properties"
                issues.append(
                    Issue(
                        f"unknown property '{name}' for a {cls}",
                        f"remove it or rename it (a {cls} takes: {known})",
                    )
                )
                continue
            try:
                values[name] = coerce(prop, member, owner)
            except Issue as issue:
                issues.append(issue)
        return values, issues


def coerce(prop: Prop, member: Member, owner: str = "object") -> Any:
    """The typed value of a property, or an :class:`Issue` saying what is wrong.

    ``owner`` ("map" or "object") picks the fix: Tiled 1.8 fills an object's typed fields from
    its type, but a map's properties are added one by one with their type.
    """
    wanted = member.type
    got = prop.type or "string"
    text = prop.value if isinstance(prop.value, str) else None
    fix = (
        f"delete it and add it again as type {wanted} (Map > Map Properties, the + button; "
        "Tiled 1.9+ can set the map's class to 'mission' instead)"
        if owner == "map"
        else f"delete it and set it again from the object's type (class) in Tiled (type {wanted})"
    )
    bad_type = Issue(
        f"property '{prop.name}' is of type {got}{_enum_note(prop)}, expected {member.describe()}",
        fix,
    )
    if text is None:
        raise bad_type
    if wanted == "int" or (wanted == "float" and got in ("int", "float")):
        if got != wanted and not (wanted == "float" and got == "int"):
            raise bad_type
        try:
            return float(text) if wanted == "float" else int(text)
        except ValueError:
            raise Issue(
                f"property '{prop.name}' = '{text[:30]}' is not a number",
                f"enter {member.describe()}",
            ) from None
    if got != wanted:
        raise bad_type
    if wanted == "bool":
        if text not in ("true", "false"):
            raise Issue(
                f"property '{prop.name}' = '{text[:30]}' is not a bool", "tick or untick it"
            )
        return text == "true"
    if wanted == "object":
        try:
            ref = int(text or "0")
        except ValueError:
            raise Issue(
                f"property '{prop.name}' = '{text[:30]}' is not an object id",
                "pick the object again with the property's arrow button",
            ) from None
        return ref or None
    if member.values and text not in member.values:
        raise Issue(
            f"property '{prop.name}' = '{text[:30]}' is not {member.describe()}",
            "choose a value from the list in Tiled",
        )
    return text


def _enum_note(prop: Prop) -> str:
    return f" ({prop.propertytype})" if prop.propertytype else ""


def _member(raw: dict[str, Any], enums: dict[str, tuple[str, ...]]) -> Member:
    enum = raw.get("propertyType", "") if raw.get("type") == "string" else ""
    default = raw.get("value")
    kind = raw.get("type", "string")
    if kind == "object":
        default = int(default or 0) or None
    return Member(raw["name"], kind, default, enum, enums.get(enum, ()))


def parse_project(path: Path, text: str) -> Types:
    """Read the project JSON's ``propertyTypes``."""
    shown = display_path(path)
    try:
        data = json.loads(text)
        raw_types = data.get("propertyTypes", [])
        enums = {
            t["name"]: tuple(str(v) for v in t.get("values", []))
            for t in raw_types
            if t.get("type") == "enum"
        }
        classes = {
            t["name"]: ClassType(
                t["name"],
                {m["name"]: _member(m, enums) for m in t.get("members", [])},
                tuple(t.get("useAs", ["property", "map", "layer", "object", "tile"])),
            )
            for t in raw_types
            if t.get("type") == "class"
        }
    except (ValueError, KeyError, TypeError, AttributeError) as error:
        raise MapError.one(
            shown,
            f"the Tiled project file is not readable ({error})",
            "restore it from version control",
            "bad_project",
        ) from None
    return Types(path, enums, classes)


def project_path() -> Path:
    """The shipped project file: the game's types are the same for every map."""
    return maps_dir() / PROJECT_NAME


def load_types(path: Path | None = None) -> Types:
    """The project's types, read once per file version."""
    path = (path or project_path()).resolve()
    try:
        stamp = path.stat().st_mtime_ns
    except OSError:
        raise MapError.one(
            display_path(path),
            "the Tiled project file is missing",
            "restore maps/rififi.tiled-project",
            "bad_project",
        ) from None
    return _load_types(path, stamp)


@functools.lru_cache(maxsize=8)
def _load_types(path: Path, stamp: int) -> Types:
    try:
        text = read_text(path, MAX_PROJECT_BYTES)
    except (OSError, ValueError) as error:  # not a regular file, too large, not UTF-8
        why = getattr(error, "strerror", None) or "not UTF-8 text"
        raise MapError.one(
            display_path(path),
            f"the Tiled project file cannot be read: {why}",
            "restore maps/rififi.tiled-project",
            "bad_project",
        ) from None
    return parse_project(path, text)
