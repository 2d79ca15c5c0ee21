"""The files a map refers to: tilesets (``.tsx``) and object templates (``.tx``).

Both are parsed once per load and shared by every reference. Properties stay raw here
(:class:`Prop`, the text Tiled wrote plus its declared type); the project's custom types give
them meaning later, so the validator can say exactly which value has the wrong type.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from xml.etree.ElementTree import Element

from game.boundedio import MIB, UntrustedFileError, open_regular
from game.tiled.errors import MapError
from game.tiled.xmlfile import display_path, read_xml

MAX_IMAGE_BYTES = 64 * MIB  # a tileset image; the game's whole art is a few hundred KiB

MAX_TILES = 1 << 16  # per tileset; a real tileset has dozens


@dataclass(frozen=True)
class Prop:
    """One custom property as Tiled wrote it: ``value`` is text, or a dict for a class."""

    name: str
    type: str
    value: Any
    propertytype: str = ""


def read_properties(node: Element | None) -> dict[str, Prop]:
    """The ``<properties>`` of an element (nested class values become dicts of Prop)."""
    props: dict[str, Prop] = {}
    holder = node.find("properties") if node is not None else None
    if holder is None:
        return props
    for element in holder.findall("property"):
        name = element.get("name", "")
        kind = element.get("type", "string")
        if kind == "class":
            value: Any = read_properties(element)
        else:
            value = element.get("value")
            if value is None:  # multi-line strings are stored as the element's text
                value = element.text or ""
        props[name] = Prop(name, kind, value, element.get("propertytype", ""))
    return props


def int_attr(element: Element, name: str, default: int | None, file: str) -> int:
    """An integer attribute, or a one-line error naming the element and attribute."""
    text = element.get(name)
    if text is None:
        if default is None:
            raise MapError.one(
                file, f"<{element.tag}> has no '{name}'", "re-save the file in Tiled", "bad_xml"
            )
        return default
    try:
        return int(text)
    except ValueError:
        raise MapError.one(
            file,
            f'<{element.tag}> {name}="{text[:20]}" is not a whole number',
            "re-save the file in Tiled",
            "bad_xml",
        ) from None


def float_attr(element: Element, name: str, file: str) -> float:
    text = element.get(name, "0")
    try:
        return float(text)
    except ValueError:
        raise MapError.one(
            file,
            f'<{element.tag}> {name}="{text[:20]}" is not a number',
            "re-save the file in Tiled",
            "bad_xml",
        ) from None


@dataclass
class Tileset:
    """A tileset as used by one map: where its gids start and what each tile carries."""

    name: str
    key: str  # the .tsx path, or "MAP#name" for a tileset embedded in a map
    firstgid: int
    tilecount: int
    tilewidth: int
    tileheight: int
    tiles: dict[int, dict[str, Prop]] = field(default_factory=dict)

    def holds(self, gid: int) -> bool:
        return self.firstgid <= gid < self.firstgid + self.tilecount


def parse_tileset(root: Element, key: str, firstgid: int, file: str) -> Tileset:
    """A tileset from its ``<tileset>`` element (from a .tsx, or embedded in a map)."""
    tilecount = int_attr(root, "tilecount", 0, file) or _count_from_image(root, file)
    if not 0 <= tilecount <= MAX_TILES:
        raise MapError.one(
            file, f"the tileset claims {tilecount} tiles", "re-save it in Tiled", "bad_tileset"
        )
    tileset = Tileset(
        name=root.get("name", ""),
        key=key,
        firstgid=firstgid,
        tilecount=tilecount,
        tilewidth=int_attr(root, "tilewidth", 32, file),
        tileheight=int_attr(root, "tileheight", 32, file),
    )
    for tile in root.findall("tile"):
        local = int_attr(tile, "id", None, file)
        props = read_properties(tile)
        kind = tile.get("class") or tile.get("type")
        if kind:
            props.setdefault("class", Prop("class", "string", kind))
        tileset.tiles[local] = props
        tileset.tilecount = max(tileset.tilecount, local + 1)
    return tileset


def _count_from_image(root: Element, file: str) -> int:
    """Tiles in an atlas whose tileset predates ``tilecount`` (Tiled before 0.13)."""
    image = root.find("image")
    if image is None or image.get("width") is None:
        return 0
    tw = max(1, int_attr(root, "tilewidth", 32, file))
    th = max(1, int_attr(root, "tileheight", 32, file))
    margin, spacing = int_attr(root, "margin", 0, file), int_attr(root, "spacing", 0, file)
    columns = (int_attr(image, "width", 0, file) - 2 * margin + spacing) // (tw + spacing)
    rows = (int_attr(image, "height", 0, file) - 2 * margin + spacing) // (th + spacing)
    return max(0, columns) * max(0, rows)


@dataclass
class Template:
    """An object template: the object's XML and the tileset its tile (if any) comes from."""

    path: Path
    element: Element
    tileset_path: Path | None
    firstgid: int


def _check_image(path: Path, used_by: Path) -> None:
    """An image that is there must be a regular file under the cap (a ``source`` naming
    ``/dev/zero`` or a folder is refused here, before anything reads it); a missing image
    is the renderer's and the checker's business."""
    try:
        fd, info = open_regular(path)
    except FileNotFoundError:
        return
    except UntrustedFileError as error:
        why = error.strerror
    except OSError as error:
        why = f"cannot be read ({error.strerror})"
    else:
        import os

        os.close(fd)
        if info.st_size <= MAX_IMAGE_BYTES:
            return
        why = f"is {info.st_size // MIB} MiB, over the {MAX_IMAGE_BYTES // MIB} MiB limit"
    raise MapError.one(
        display_path(used_by),
        f"the image {display_path(path)}: {why}",
        "point the tileset's image at a PNG file",
        "bad_image",
    )


class Sources:
    """Loads each tileset and template file once, remembering every file used."""

    def __init__(self, map_path: Path) -> None:
        self.map_path = map_path
        self.files: list[Path] = [map_path]
        self._tilesets: dict[Path, Element] = {}
        self._templates: dict[Path, Template] = {}

    def _use(self, path: Path) -> None:
        if path not in self.files:
            self.files.append(path)

    def use_images(self, root: Element, base: Path) -> None:
        """Remember the images a tileset draws with (they belong to the map's files)."""
        for image in root.iter("image"):
            source = image.get("source")
            if source:
                path = (base / source).resolve()
                _check_image(path, self.map_path)
                self._use(path)

    def tileset_root(self, path: Path, used_by: Path) -> Element:
        path = path.resolve()
        if path not in self._tilesets:
            root = read_xml(path, "tileset", str(used_by))
            self._tilesets[path] = root
            self._use(path)
            self.use_images(root, path.parent)
        return self._tilesets[path]

    def tileset(self, element: Element, base: Path, used_by: Path) -> Tileset:
        """A ``<tileset>`` reference (external ``source`` or embedded) inside a map/template."""
        file = display_path(used_by)
        firstgid = int_attr(element, "firstgid", 1, file)
        source = element.get("source")
        if source is None:
            self.use_images(element, base)
            return parse_tileset(element, f"{used_by}#{element.get('name', '')}", firstgid, file)
        path = (base / source).resolve()
        root = self.tileset_root(path, used_by)
        return parse_tileset(root, str(path), firstgid, display_path(path))

    def template(self, relative: str, base: Path) -> Template:
        path = (base / relative).resolve()
        if path not in self._templates:
            root = read_xml(path, "template", str(self.map_path))
            self._use(path)
            shown = display_path(path)
            element = root.find("object")
            if element is None:
                raise MapError.one(
                    shown, "the template has no <object>", "re-save it in Tiled", "bad_template"
                )
            tileset_path, firstgid = None, 1
            ts = root.find("tileset")
            if ts is not None and ts.get("source"):
                tileset_path = (path.parent / ts.get("source", "")).resolve()
                firstgid = int_attr(ts, "firstgid", 1, shown)
                self.tileset_root(tileset_path, path)
            self._templates[path] = Template(path, element, tileset_path, firstgid)
        return self._templates[path]
