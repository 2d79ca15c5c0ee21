"""What world a recording was played in: a Tiled map (the product) or ASCII art (tests).

A recording must rebuild exactly the world it started from, so its header names a *world
source*: for a map, its path and a hash of the ``.tmx`` and of every file it uses (tilesets,
templates, images, the project), so a changed map gets its own message instead of a baffling
divergence; for ASCII art, the art itself. Sources are plain JSON data; nothing from a file is
ever executed.
"""

from __future__ import annotations

import hashlib
import os
import stat
from abc import ABC, abstractmethod
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any, ClassVar

from game.boundedio import MIB
from game.boundedio import hash_file as _bounded_hash
from game.replay.errors import WorldSourceError
from game.replay.paths import OutsideError, confined
from game.sim import Facing, MissionInfo, Objective, World
from game.sim.rules import Rules


class WorldSource(ABC):
    """Rebuilds the starting world of a game from data stored in a recording's header."""

    kind: ClassVar[str]

    @property
    @abstractmethod
    def label(self) -> str:
        """A short human name (map file name) for file names and messages."""

    @abstractmethod
    def to_json(self) -> dict[str, Any]:
        """The header form, with ``"kind"``."""

    @abstractmethod
    def check(self) -> None:
        """Raise :class:`WorldSourceError` when the world can no longer be rebuilt as recorded."""

    @abstractmethod
    def build(self, seed: int | None, rules: Rules) -> World:
        """A fresh starting world; ``None`` takes the map's own default seed."""


#: The largest file a map may use (an image; Tiled's XML files have their own, lower cap).
MAX_MAP_FILE = 64 * MIB
MAP_KEYS = frozenset({"kind", "path", "shipped", "files", "hash"})
ASCII_KEYS = frozenset({"kind", "name", "floors", "routes", "facing", "objectives"})


def file_hash(path: Path) -> str:
    """blake2b-128 of a file's bytes (exact bytes: any edit counts as a change); only a
    regular file of at most :data:`MAX_MAP_FILE` is read, in chunks."""
    return _bounded_hash(path, MAX_MAP_FILE)


def _hashes(base: Path, names: Iterable[str]) -> dict[str, str] | None:
    """:func:`file_hash` of each file named relative to ``base``, or None if one is unreadable."""
    try:
        return {name: file_hash(base / name) for name in names}
    except OSError:
        return None


def _combined(files: Mapping[str, str]) -> str:
    text = "\n".join(f"{name}\t{digest}" for name, digest in sorted(files.items()))
    return hashlib.blake2b(text.encode(), digest_size=16).hexdigest()


def _maps_dir() -> Path:
    from game.content import maps_dir

    return maps_dir().resolve()


def _tiled():
    """The Tiled layer, imported late: games on ASCII art never need it."""
    import game.tiled as tiled

    return tiled


#: The files each map used when last read, with their hashes, by the map's resolved path. What
#: files a map uses follows from the content of those files, so while they all still hash the
#: same the map need not be parsed again to find them (a recording's check hashes them only).
_USED_FILES: dict[Path, dict[str, str]] = {}

#: Starting worlds already built from maps, by ``(map, hash of its files, seed, rules)``:
#: building one parses the map, so each is built once per process and every game on it
#: starts from a copy (``_new_game``). Small, since a process plays few maps.
_BUILT: dict[tuple[Path, str, int | None, str], World] = {}
BUILT_CACHE_SIZE = 8


def _new_game(start: World) -> World:
    """A copy of a kept starting world for a game of its own: a fork, with its own derived
    data (some, such as patrol loops, follow from the game's state when first needed)."""
    world = start.fork()
    world.cache = dict(start.cache)
    return world


class MapSource(WorldSource):
    """A Tiled map. ``shipped`` maps are named relative to the game's maps folder so a
    recording of a campaign mission replays on any machine."""

    kind: ClassVar[str] = "map"

    def __init__(
        self,
        path: Path,
        *,
        recorded: Mapping[str, str] | None = None,
        stored_path: str | None = None,
        shipped: bool | None = None,
    ) -> None:
        self.path = Path(path)
        self.recorded = dict(recorded) if recorded is not None else None
        if stored_path is None:
            resolved = self.path.resolve()
            try:
                stored_path = resolved.relative_to(_maps_dir()).as_posix()
                shipped = True
            except ValueError:  # the player's own map: found beside the recording
                stored_path, shipped = resolved.name, False
        self.stored_path = stored_path
        self.shipped = bool(shipped)
        # The size and modification time of every recorded file when check() last passed:
        # while they stand, the map need not be parsed and hashed again (verify checks the
        # header, then builds the world, which checks once more).
        self._checked_stamp: tuple[tuple[str, int, int], ...] | None = None

    @property
    def label(self) -> str:
        return self.path.stem

    def current_files(self) -> dict[str, str]:
        """Hashes of the map and every file it uses, keyed by path relative to the map."""
        if not self.path.is_file():
            raise WorldSourceError(f"the map {self.stored_path} is missing (looked at {self.path})")
        resolved = self.path.resolve()
        base = resolved.parent
        known = _USED_FILES.get(resolved)
        if known is not None and _hashes(base, known) == known:
            return dict(known)
        files: dict[str, str] = {}
        tiled = _tiled()
        try:
            used_files = tiled.map_files(self.path)
        except (tiled.MapError, OSError) as error:  # malformed or hostile XML, unreadable
            first = (str(error).strip().splitlines() or [type(error).__name__])[0]
            message = f"the map {self.stored_path} cannot be loaded: {first}"
            raise WorldSourceError(message) from None
        for used in used_files:
            name = Path(os.path.relpath(Path(used).resolve(), base)).as_posix()
            try:
                files[name] = file_hash(Path(used))
            except OSError as error:
                why = f" ({error.strerror})" if error.strerror else ""
                raise WorldSourceError(
                    f"the map {self.stored_path} uses {name}, which cannot be read{why}"
                ) from None
        _USED_FILES[resolved] = dict(files)
        return files

    def to_json(self) -> dict[str, Any]:
        files = self.recorded if self.recorded is not None else self.current_files()
        return {
            "kind": self.kind,
            "path": self.stored_path,
            "shipped": self.shipped,
            "files": dict(sorted(files.items())),
            "hash": _combined(files),
        }

    def _stamp(self) -> tuple[tuple[str, int, int], ...] | None:
        """``(name, size, mtime)`` of every recorded file, or None if one cannot be read."""
        assert self.recorded is not None
        base = self.path.resolve().parent
        try:
            stats = [(name, (base / name).stat()) for name in sorted(self.recorded)]
        except OSError:
            return None
        return tuple((name, st.st_size, st.st_mtime_ns) for name, st in stats)

    def check(self) -> None:
        if self.recorded is None:
            return
        stamp = self._stamp()
        if stamp is not None and stamp == self._checked_stamp:
            return  # passed already, and not one of its files was touched since
        now = self.current_files()
        changed = sorted(n for n in self.recorded if now.get(n) != self.recorded[n])
        added = sorted(set(now) - set(self.recorded))
        if changed or added:
            what = ", ".join(
                [
                    *(f"{n} differs" if n in now else f"{n} is gone" for n in changed),
                    *(f"{n} is new" for n in added),
                ][:4]
            )
            raise WorldSourceError(
                f"the map {self.stored_path} changed since this game was recorded ({what}); "
                "replay it with the map it was recorded on, or play the new map again"
            )
        self._checked_stamp = stamp

    def build(self, seed: int | None, rules: Rules) -> World:
        self.check()
        files = self.recorded if self.recorded is not None else self.current_files()
        key = (self.path.resolve(), _combined(files), seed, rules.digest)
        start = _BUILT.get(key)
        if start is None:
            tiled = _tiled()
            try:
                start = tiled.load_world(self.path, seed=seed, rules=rules)
            except (tiled.MapError, OSError) as error:  # the loader's own one-line errors
                message = f"the map {self.stored_path} cannot be loaded: {error}"
                raise WorldSourceError(message) from None
            if self.current_files() == files:  # not edited while it was being read
                if len(_BUILT) >= BUILT_CACHE_SIZE:
                    del _BUILT[next(iter(_BUILT))]
                _BUILT[key] = start
        world = _new_game(start)
        world.rules = rules  # the caller's own object (the same numbers: the digest is in the key)
        return world

    @classmethod
    def from_json(cls, data: Mapping[str, Any], recording: Path | None) -> MapSource:
        """The recorded map, found only inside the game's maps folder (``shipped``) or the
        recording's own folder: an absolute path, a ``..`` that leaves, or anything but a
        regular file is refused, so a recording cannot make the game read elsewhere."""
        path, shipped, files = data.get("path"), data.get("shipped"), data.get("files")
        unknown = sorted(set(data) - MAP_KEYS)
        if unknown:
            raise WorldSourceError(f"the header's map has an unknown field {unknown[0]!r}")
        if not isinstance(path, str) or not path or not isinstance(shipped, bool):
            raise WorldSourceError("the header's map needs a 'path' string and 'shipped' flag")
        if not isinstance(files, dict) or not all(
            isinstance(k, str) and isinstance(v, str) and not Path(k).is_absolute()
            for k, v in files.items()
        ):
            raise WorldSourceError("the header's map 'files' must map relative names to hashes")
        roots: list[tuple[Path, str]] = []
        if shipped:
            roots.append((_maps_dir(), path))
        if recording is not None:  # a shared recording may travel with its map
            roots.append((recording.resolve().parent, path if not shipped else Path(path).name))
        candidates = [_confined_map(root, name, path) for root, name in roots]
        found = next((c for c in candidates if _regular(c, path)), None)
        if found is None:
            where = " or ".join(str(c) for c in candidates) or "nowhere: no recording folder"
            raise WorldSourceError(
                f"the map {path} it was recorded on is missing (looked at {where}); "
                "put the map there"
            )
        if data.get("hash") != _combined(files):
            raise WorldSourceError("the header's map 'hash' does not match its 'files'")
        return cls(found, recorded=files, stored_path=path, shipped=shipped)


def _confined_map(root: Path, name: str, shown: str) -> Path:
    try:
        return confined(root, name)
    except OutsideError as why:
        raise WorldSourceError(
            f"the header's map path {shown!r} {why}; a recording names its map inside the "
            "game's maps folder or beside the recording"
        ) from None


def _regular(path: Path, shown: str) -> bool:
    """Whether the map is there; something there that is not a regular file is refused."""
    try:
        mode = path.stat().st_mode
    except OSError:
        return False
    if not stat.S_ISREG(mode):
        raise WorldSourceError(f"the header's map path {shown!r} is not a regular file")
    return True


class AsciiSource(WorldSource):
    """A small world drawn in ASCII (see :mod:`game.asciiworld`): unit tests and benchmarks
    record games without needing Tiled maps."""

    kind: ClassVar[str] = "ascii"

    def __init__(
        self,
        floors: list[str],
        *,
        name: str = "ascii",
        routes: Mapping[str, list[list[int]]] | None = None,
        facing: Mapping[str, str] | None = None,
        objectives: list[dict[str, Any]] | None = None,
    ) -> None:
        self.floors = list(floors)
        self.name = name
        self.routes = {k: [list(p) for p in v] for k, v in (routes or {}).items()}
        self.facing = dict(facing or {})
        self.objectives = objectives

    @property
    def label(self) -> str:
        return self.name

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "kind": self.kind,
            "name": self.name,
            "floors": self.floors,
            "routes": self.routes,
            "facing": self.facing,
        }
        if self.objectives is not None:
            data["objectives"] = self.objectives
        return data

    def check(self) -> None:
        return None

    def build(self, seed: int | None, rules: Rules) -> World:
        from game.asciiworld import build_world

        try:
            objectives = (
                None
                if self.objectives is None
                else [
                    Objective(o["kind"], o.get("text", ""), dict(o.get("params", {})))
                    for o in self.objectives
                ]
            )
            return build_world(
                *self.floors,
                rules=rules,
                seed=seed or 0,
                objectives=objectives,
                routes={k: [(p[0], p[1], p[2]) for p in v] for k, v in self.routes.items()},
                facing={k: Facing(v) for k, v in self.facing.items()},
                mission=MissionInfo(name=self.name),
            )
        except (ValueError, KeyError, TypeError, IndexError) as error:
            raise WorldSourceError(f"the recorded ASCII world cannot be built: {error}") from None

    @classmethod
    def from_json(cls, data: Mapping[str, Any], recording: Path | None) -> AsciiSource:
        unknown = sorted(set(data) - ASCII_KEYS)
        if unknown:
            raise WorldSourceError(f"the header's ASCII world has an unknown field {unknown[0]!r}")
        floors, name = data.get("floors"), data.get("name", "ascii")
        routes, facing = data.get("routes", {}), data.get("facing", {})
        objectives = data.get("objectives")
        ok = (
            isinstance(floors, list)
            and floors
            and all(isinstance(f, str) for f in floors)
            and isinstance(name, str)
            and isinstance(routes, dict)
            and isinstance(facing, dict)
            and all(isinstance(v, str) for v in facing.values())
            and all(
                isinstance(v, list)
                and all(
                    isinstance(p, list)
                    and len(p) == 3
                    and all(isinstance(i, int) and not isinstance(i, bool) for i in p)
                    for p in v
                )
                for v in routes.values()
            )
            and (
                objectives is None
                or (
                    isinstance(objectives, list)
                    and all(
                        isinstance(o, dict)
                        and isinstance(o.get("kind"), str)
                        and isinstance(o.get("text", ""), str)
                        and isinstance(o.get("params", {}), dict)
                        for o in objectives
                    )
                )
            )
        )
        if not ok:
            raise WorldSourceError("the header's ASCII world has fields of the wrong type")
        return cls(floors, name=name, routes=routes, facing=facing, objectives=objectives)


SOURCE_KINDS: dict[str, type[WorldSource]] = {"map": MapSource, "ascii": AsciiSource}


def source_from_json(data: object, recording: Path | None = None) -> WorldSource:
    """Read a header's ``world`` entry; raises :class:`WorldSourceError` with the reason."""
    if not isinstance(data, dict):
        raise WorldSourceError("the header's 'world' must be a JSON object")
    kind = data.get("kind")
    cls = SOURCE_KINDS.get(kind) if isinstance(kind, str) else None
    if cls is None:
        raise WorldSourceError(f"the header names an unknown kind of world {kind!r}")
    return cls.from_json(data, recording)  # type: ignore[attr-defined]
