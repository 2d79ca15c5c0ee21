"""The custom types designers see in Tiled, written as the project file, the Tiled 1.8
object-types file and one object template per placeable kind.

This table is the one place the types are declared; ``docs/objects.md`` is the contract it
follows. The game reads the generated ``maps/rififi.tiled-project`` (not this module), so
the file designers open in Tiled and the loader's defaults cannot drift apart.
"""

from __future__ import annotations

import json
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

from game.content import load_rules
from game.tiled.newmission import commands

ENUMS: dict[str, list[str]] = {
    "facing": ["N", "NE", "E", "SE", "S", "SW", "W", "NW"],
    "crew_member": ["tony", "jo", "mario", "cesar"],
    "guard_role": ["watchman", "gangster", "remi", "louis", "police", "concierge", "neighbour"],
    "guard_state": ["patrol", "standing", "sleeping"],
    "civilian_role": ["tonio"],
    "sensor_kind": ["vibration", "door_contact"],
    # the kinds the rules give a default radius (``[light] radius``), in the file's order
    "light_kind": list(load_rules().light.radius),
}

# class -> (colour, useAs, [(member, type, default, enum)])
CLASSES: dict[str, tuple[str, list[str], list[tuple[str, str, object, str]]]] = {
    "crew": ("#ff3d8fd6", ["object"], [
        ("member", "string", "tony", "crew_member"),
        ("items", "string", "", ""),
        ("ap", "int", 0, ""),
        ("armed", "bool", False, ""),
    ]),
    "guard": ("#ffd64541", ["object"], [
        ("role", "string", "watchman", "guard_role"),
        ("state", "string", "standing", "guard_state"),
        ("facing", "string", "S", "facing"),
        ("route", "object", 0, ""),
        ("armed", "bool", False, ""),
        ("hearing", "int", 0, ""),
        ("vision", "int", 0, ""),
        ("wake", "int", 0, ""),
        ("arrives", "int", 0, ""),
    ]),
    "civilian": ("#ffe0c060", ["object"], [("role", "string", "tonio", "civilian_role")]),
    "exit": ("#ff52c46b", ["object"], []),
    "car": ("#ff52c46b", ["object"], []),
    "loot": ("#ffe8c14a", ["object"], [("value", "int", 100, "")]),
    "safe": ("#ffe8c14a", ["object"], [("difficulty", "int", 0, ""), ("value", "int", 1000, "")]),
    "bell": ("#ffff3030", ["object"], [("loudness", "int", 0, "")]),
    "sensor": ("#ffff7a30", ["object"], [
        ("sensor", "string", "vibration", "sensor_kind"),
        ("threshold", "int", 0, ""),
        ("bell", "object", 0, ""),
        ("door", "object", 0, ""),
    ]),
    "door": ("#ffa0a0a0", ["object"], [
        ("locked", "bool", False, ""),
        ("lock_difficulty", "int", 0, ""),
    ]),
    "route": ("#ffffd040", ["object"], []),
    "mission": ("#ff808080", ["map"], [
        ("title", "string", "", ""),
        ("briefing", "string", "", ""),
        ("start_time", "string", "23:00", ""),
        ("deadline", "string", "", ""),
        ("seed", "int", 0, ""),
        ("crew", "string", "", ""),
        ("objective_escape", "bool", True, ""),
        ("objective_loot", "int", 0, ""),
        ("objective_rescue", "object", 0, ""),
        ("police_delay", "int", 0, ""),
        ("police_search_grounds", "bool", False, ""),
        ("probes_must_lose", "string", "", ""),
    ]),
    "light": ("#ffffc870", ["object"], [
        ("kind", "string", "lamp", "light_kind"),
        ("radius", "int", 0, ""),
    ]),
}  # fmt: skip

# template file -> (class, name, sprite, {property: value})
TEMPLATES: dict[str, tuple[str, str, str, dict[str, object]]] = {
    "tony": ("crew", "Tony", "tony", {"member": "tony", "items": "rope,lockpick"}),
    "jo": ("crew", "Jo", "jo", {"member": "jo", "items": "drill"}),
    "mario": ("crew", "Mario", "mario", {"member": "mario", "items": "umbrella"}),
    "cesar": ("crew", "César", "cesar", {"member": "cesar", "items": "extinguisher"}),
    "watchman": ("guard", "Watchman", "guard", {"role": "watchman"}),
    "gangster": ("guard", "Gangster", "gangster", {"role": "gangster", "armed": True}),
    "remi": ("guard", "Rémi", "remi", {"role": "remi", "armed": True}),
    "louis": ("guard", "Louis", "louis", {"role": "louis", "armed": True}),
    "police": ("guard", "Policeman", "police", {"role": "police", "state": "patrol"}),
    "concierge": ("guard", "Concierge", "concierge", {"role": "concierge", "state": "sleeping"}),
    "neighbour": ("guard", "Neighbour", "neighbour", {"role": "neighbour", "state": "sleeping"}),
    "tonio": ("civilian", "Tonio", "tonio", {"role": "tonio"}),
    "safe": ("safe", "Safe", "safe", {}),
    "loot": ("loot", "Jewels", "loot", {}),
    "sensor": ("sensor", "Vibration sensor", "sensor", {"sensor": "vibration"}),
    "door_contact": ("sensor", "Door contact", "door_contact", {"sensor": "door_contact"}),
    "bell": ("bell", "Alarm bell", "bell", {}),
    "exit": ("exit", "Exit", "exit", {}),
    "car": ("car", "Car", "car", {}),
    "door": ("door", "Door", "key", {}),
    "lamp": ("light", "Lamp", "lamp", {"kind": "lamp"}),
    "street_light": ("light", "Street light", "street_light", {"kind": "street_light"}),
    "window_light": ("light", "Lit window", "window_light", {"kind": "window"}),
}


def _member_json(name: str, kind: str, default: object, enum: str) -> dict[str, object]:
    member: dict[str, object] = {"name": name, "type": kind, "value": default}
    if enum:
        member["propertyType"] = enum
    return member


def project_json() -> str:
    """The ``.tiled-project`` file: folders, the 1.8 object-types file and every type."""
    types: list[dict[str, object]] = []
    for number, (name, values) in enumerate(ENUMS.items(), start=1):
        types.append({"id": number, "name": name, "type": "enum", "storageType": "string",
                      "values": values, "valuesAsFlags": False})  # fmt: skip
    for number, (name, (colour, use_as, members)) in enumerate(CLASSES.items(), start=50):
        types.append({
            "id": number, "name": name, "type": "class", "color": colour, "drawFill": True,
            "useAs": use_as, "members": [_member_json(*m) for m in members],
        })  # fmt: skip
    project = {
        "automappingRulesFile": "",
        "commands": commands(),  # Play, Check and Solve with Rififi, from the open map
        "extensionsPath": "extensions",
        "folders": ["."],
        "objectTypesFile": "objecttypes.xml",
        "propertyTypes": types,
    }
    return json.dumps(project, indent=4, ensure_ascii=False) + "\n"


def _xml_value(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def objecttypes_xml() -> str:
    """``objecttypes.xml``: what Tiled 1.8 shows as each object type's default properties."""
    lines = ['<?xml version="1.0" encoding="UTF-8"?>', "<objecttypes>"]
    for name, (colour, use_as, members) in CLASSES.items():
        if "object" not in use_as:
            continue
        lines.append(f" <objecttype name={quoteattr(name)} color={quoteattr(colour)}>")
        for member, kind, default, _enum in members:
            lines.append(
                f"  <property name={quoteattr(member)} type={quoteattr(kind)} "
                f"default={quoteattr(_xml_value(default))}/>"
            )
        lines.append(" </objecttype>")
    lines.append("</objecttypes>")
    return "\n".join(lines) + "\n"


def property_xml(name: str, value: object, cls: str, indent: str) -> str:
    """One ``<property>`` with the type its class declares (enums carry ``propertytype``)."""
    members = {m[0]: m for m in CLASSES[cls][2]}
    _, kind, _, enum = members[name]
    attrs = f"name={quoteattr(name)}"
    if kind != "string":
        attrs += f" type={quoteattr(kind)}"
    if enum:
        attrs += f" propertytype={quoteattr(enum)}"
    text = _xml_value(value)
    if "\n" in text:
        return f"{indent}<property {attrs}>{escape(text)}</property>"
    return f"{indent}<property {attrs} value={quoteattr(text)}/>"


def template_xml(key: str, sprites: dict[str, int]) -> str:
    """One ``.tx`` template: a 32x32 tile object of objects.tsx with its class's settings."""
    cls, name, sprite, props = TEMPLATES[key]
    gid = sprites[sprite] + 1
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        "<template>",
        ' <tileset firstgid="1" source="../../assets/tilesets/objects.tsx"/>',
        f' <object name={quoteattr(name)} type={quoteattr(cls)} gid="{gid}" '
        'width="32" height="32">',
    ]
    if props:
        lines.append("  <properties>")
        lines.extend(property_xml(k, v, cls, "   ") for k, v in props.items())
        lines.append("  </properties>")
    lines += [" </object>", "</template>"]
    return "\n".join(lines) + "\n"


def write_types(maps: Path, sprites: dict[str, int]) -> list[Path]:
    """Write the project, the object types and every template; returns the paths."""
    written = [maps / "rififi.tiled-project", maps / "objecttypes.xml"]
    written[0].write_text(project_json(), encoding="utf-8")
    written[1].write_text(objecttypes_xml(), encoding="utf-8")
    (maps / "templates").mkdir(exist_ok=True)
    for key in TEMPLATES:
        path = maps / "templates" / f"{key}.tx"
        path.write_text(template_xml(key, sprites), encoding="utf-8")
        written.append(path)
    return written
