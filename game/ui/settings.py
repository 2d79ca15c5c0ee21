"""The player's settings and campaign progress, kept in the user's config and data folders.

Files are JSON, read with bounds and written atomically (:mod:`game.ui.userfiles`): a crash
never leaves half a file, a damaged file is moved aside with a notice instead of being
silently replaced, and progress that cannot be saved (a full disk) is kept in memory and
saved again at the next chance. ``RIFIFI_CONFIG_DIR`` / ``RIFIFI_DATA_DIR`` point elsewhere
(tests use them so they never touch the player's real files).
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field, fields
from typing import Any

from game.ui.userfiles import atomic_write, number, read_json, report_damage
from game.userdirs import config_dir, data_dir

MAX_KEY_ACTIONS, MAX_KEYS_PER_ACTION, MAX_NAME = 100, 8, 40
MAX_DONE = 1000  # campaign missions remembered as done
MAX_FIGURE = 1_000_000  # the largest turns, noise or rewinds a best result may hold
OVERLAYS = ("vision", "noise", "forecast", "path", "reach", "intent", "alarm")
WINDOW_SCALES = (0.75, 1.0, 1.25, 1.5)
REWIND_CHOICES = (0, 1, 3, 5, 99)


@dataclass
class Settings:
    """Everything the player can change. Unknown or bad values fall back to defaults."""

    volume: float = 0.7
    window_scale: float = 1.0
    fullscreen: bool = False
    overlays: dict[str, bool] = field(default_factory=lambda: dict.fromkeys(OVERLAYS, True))
    rewinds_per_mission: int = 3
    edge_pan: bool = True
    film_look: bool = False  # the map in black and white, as the film was shot
    keys: dict[str, list[str]] = field(default_factory=dict)  # action -> key names (overrides)

    @property
    def window_size(self) -> tuple[int, int]:
        return int(1280 * self.window_scale), int(720 * self.window_scale)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Settings:
        """Settings from parsed JSON; anything malformed keeps its default."""
        return cls.parse(data)[0]

    @classmethod
    def parse(cls, data: dict[str, Any]) -> tuple[Settings, list[str]]:
        """Settings from parsed JSON and the names of the settings whose values were bad
        (they keep their defaults). Keys the game does not know are left out, not bad."""
        settings, bad = cls(), []
        if "volume" in data:
            volume = number(data["volume"], 0.0, 1.0)
            if volume is None:
                bad.append("volume")
            else:
                settings.volume = volume
        if "window_scale" in data:
            scale = number(data["window_scale"], 0.0, 10.0)
            if scale in WINDOW_SCALES:
                settings.window_scale = float(scale)
            else:
                bad.append("window scale")
        for name in ("fullscreen", "edge_pan", "film_look"):
            if name in data:
                if isinstance(data[name], bool):
                    setattr(settings, name, data[name])
                else:
                    bad.append(name.replace("_", " "))
        if "rewinds_per_mission" in data:
            rewinds = number(data["rewinds_per_mission"], 0, 99)
            if rewinds is None or rewinds != int(rewinds):
                bad.append("rewinds per mission")
            else:
                settings.rewinds_per_mission = int(rewinds)
        overlays = data.get("overlays", {})
        if not isinstance(overlays, dict) or not all(
            isinstance(overlays[name], bool) for name in OVERLAYS if name in overlays
        ):
            bad.append("overlays")
        else:
            for name in OVERLAYS:
                if name in overlays:
                    settings.overlays[name] = overlays[name]
        keys = data.get("keys", {})
        if _key_names(keys):
            settings.keys = {action: list(names) for action, names in keys.items()}
        else:
            bad.append("keys")
        return settings, bad

    def to_dict(self) -> dict[str, Any]:
        return {f.name: asdict(self)[f.name] for f in fields(self)}

    @classmethod
    def load(cls) -> Settings:
        """The player's settings; a damaged file is moved aside and the player told."""
        path = config_dir() / "settings.json"
        read = read_json(path)
        settings, bad = cls.parse(read.data)
        if read.problem:
            report_damage(path, "settings", read.problem, "every setting is back to its default")
        elif bad:
            report_damage(path, "settings", "bad values", f"{', '.join(bad)} back to the default")
        return settings

    def save(self) -> None:
        atomic_write(config_dir() / "settings.json", json.dumps(self.to_dict(), indent=2))


def _key_names(keys: object) -> bool:
    """Whether ``keys`` is a bounded map of action names to short lists of key names."""
    return (
        isinstance(keys, dict)
        and len(keys) <= MAX_KEY_ACTIONS
        and all(
            isinstance(action, str)
            and len(action) <= MAX_NAME
            and isinstance(names, list)
            and len(names) <= MAX_KEYS_PER_ACTION
            and all(isinstance(k, str) and len(k) <= MAX_NAME for k in names)
            for action, names in keys.items()
        )
    )


#: Progress that could not be saved yet (a full disk): what :meth:`Progress.load` returns,
#: and saved again at each load and save until it is on disk.
_UNSAVED: Progress | None = None


@dataclass(frozen=True)
class Best:
    """A mission's best win: the fewest turns, then the quietest (its loudest noise), then
    the fewest rewinds, in that order of importance."""

    turns: int
    noise: int  # the loudest noise of the run (the debrief's "noise_peak")
    rewinds: int

    def better_than(self, other: Best | None) -> bool:
        return other is None or (self.turns, self.noise, self.rewinds) < (
            other.turns,
            other.noise,
            other.rewinds,
        )

    @property
    def text(self) -> str:
        """'25 turns, loudest 12, no rewind' (the campaign menu's words)."""
        rewinds = (
            "no rewind"
            if not self.rewinds
            else f"{self.rewinds} rewind" + "s" * (self.rewinds != 1)
        )
        return f"{self.turns} turns, loudest {self.noise}, {rewinds}"

    @classmethod
    def from_json(cls, data: object) -> Best | None:
        """A stored best result, or None when it is not one (the file is damaged)."""
        if not isinstance(data, dict) or set(data) != {"turns", "noise", "rewinds"}:
            return None
        values = [number(data[k], 0, MAX_FIGURE) for k in ("turns", "noise", "rewinds")]
        if any(v is None or v != int(v) for v in values):
            return None
        turns, noise, rewinds = (int(v) for v in values if v is not None)
        return cls(turns, noise, rewinds)


def _bests(data: object) -> dict[str, Best] | None:
    """The stored best results by mission, or None when they are damaged."""
    if not isinstance(data, dict) or len(data) > MAX_DONE:
        return None
    found = {}
    for name, value in data.items():
        best = Best.from_json(value)
        if not isinstance(name, str) or len(name) > MAX_NAME or best is None:
            return None
        found[name] = best
    return found


@dataclass
class Progress:
    """Which campaign missions are done, the best win of each, and the last one played."""

    done: list[str] = field(default_factory=list)
    last: str = ""
    problem: str = field(default="", compare=False)  # why the last save failed, or ""
    best: dict[str, Best] = field(default_factory=dict)

    @classmethod
    def load(cls) -> Progress:
        """The campaign so far: progress not saved yet (kept in memory), else the file; a
        damaged file is moved aside and the player told."""
        unsaved = _UNSAVED
        if unsaved is not None:
            unsaved.save()
            return cls(list(unsaved.done), unsaved.last, unsaved.problem, dict(unsaved.best))
        path = data_dir() / "progress.json"
        read = read_json(path)
        done, last = read.data.get("done", []), read.data.get("last", "")
        best = _bests(read.data.get("best", {}))  # older files have none
        problem = read.problem
        if not problem and not (
            isinstance(done, list)
            and len(done) <= MAX_DONE
            and all(isinstance(d, str) and len(d) <= MAX_NAME for d in done)
            and isinstance(last, str)
            and len(last) <= MAX_NAME
            and best is not None
        ):
            problem = "bad values"
        if problem:
            report_damage(path, "campaign progress", problem, "the campaign starts afresh")
            return cls()
        return cls(done=list(done), last=last, best=best or {})

    def mark_done(self, name: str, result: Best | None = None) -> str:
        """Remember a won mission (and ``result`` as its best, if it is better than the one
        kept) and save; returns why saving failed, or ""."""
        if name not in self.done:
            self.done.append(name)
        if result is not None and result.better_than(self.best.get(name)):
            self.best[name] = result
        return self.save()

    def save(self) -> str:
        """Write the progress atomically; on failure keep it in memory to save again later
        and return why (the file on disk is left as it was)."""
        global _UNSAVED
        best = {name: asdict(b) for name, b in sorted(self.best.items())}
        content = json.dumps({"done": self.done, "last": self.last, "best": best}, indent=2)
        try:
            atomic_write(data_dir() / "progress.json", content)
        except OSError as error:
            self.problem = error.strerror or str(error)
            _UNSAVED = self
            return self.problem
        self.problem = ""
        _UNSAVED = None  # every Progress starts from the unsaved one, so this one is newer
        return ""
