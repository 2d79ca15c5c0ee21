"""Reading Tiled's XML files safely: size limits, no DTDs or entities, one-line errors.

Tiled never writes a DTD or entities, so any file that has one is refused before it can
expand (the "billion laughs" attack) or reach outside (external entities). The size cap
keeps a mistaken drag of a huge file into ``maps/`` from hanging the checker.
"""

from __future__ import annotations

import errno
from pathlib import Path
from xml.etree.ElementTree import Element, ParseError

import defusedxml.ElementTree as SafeET
from defusedxml import DefusedXmlException

from game.boundedio import UntrustedFileError, read_bytes
from game.tiled.errors import MapError

MAX_FILE_BYTES = 32 * 1024 * 1024
_SUFFIX = {"map": "tmx", "tileset": "tsx", "template": "tx"}


def display_path(path: Path) -> str:
    """A short path for messages: relative to the working folder when inside it."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def read_xml(path: Path, expected_root: str, used_by: str | None = None) -> Element:
    """Parse one Tiled XML file whose root element must be ``expected_root``.

    ``used_by`` names the map that refers to this file, so a missing tileset or template is
    reported against the file the designer has open.
    """
    shown = display_path(path)
    kind = {"map": "map", "tileset": "tileset", "template": "template"}.get(expected_root, "file")
    try:
        data = read_bytes(path, MAX_FILE_BYTES)  # one open: a regular file, at most the cap
    except FileNotFoundError:
        where = display_path(Path(used_by)) if used_by else shown
        what = f"the {kind} file {shown} does not exist" if used_by else "no such file"
        raise MapError.one(
            where, what, f"check the path (relative to {used_by or 'here'})", "missing_file"
        ) from None
    except UntrustedFileError as error:
        big = error.errno == errno.EFBIG
        named = f" (named by {display_path(Path(used_by))})" if used_by else ""
        raise MapError.one(
            shown,
            f"{error.strerror}{named}",
            f"this is not a {kind} Tiled would write; check the file",
            "file_too_large" if big else "not_a_file",
        ) from None
    except OSError as error:
        raise MapError.one(
            shown, f"cannot read the file ({error.strerror})", "check its permissions", "unreadable"
        ) from None
    try:
        root = SafeET.fromstring(data, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    except DefusedXmlException:
        raise MapError.one(
            shown,
            "the XML declares a DTD or entities, which Tiled never writes (refused for safety)",
            "remove the <!DOCTYPE ...> and entity declarations, or re-save the file in Tiled",
            "hostile_xml",
        ) from None
    except ParseError as error:
        if data.lstrip()[:1] in (b"{", b"["):
            raise MapError.one(
                shown,
                f"this {kind} is saved as JSON; the game reads Tiled's XML formats",
                f"in Tiled, File > Save As... and pick the .{_SUFFIX.get(expected_root, 'xml')} "
                "format",
                "json_file",
            ) from None
        line, column = getattr(error, "position", (0, 0))
        raise MapError.one(
            shown,
            f"malformed XML at line {line}, column {column + 1}",
            "fix the file by hand or re-save it in Tiled",
            "malformed_xml",
        ) from None
    if root.tag != expected_root:
        raise MapError.one(
            shown,
            f"this is a <{root.tag}> file, not a Tiled {kind} (<{expected_root}>)",
            f"give a .{_SUFFIX.get(expected_root, 'xml')} file saved by Tiled",
            "wrong_root",
        )
    return root
