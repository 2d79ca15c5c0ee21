"""The player's settings and campaign progress, kept in the user's config folder.

Files are JSON, written atomically (a temporary file renamed over the old one) so a crash
never leaves half a settings file. ``RIFIFI_CONFIG_DIR`` / ``RIFIFI_DATA_DIR`` point
elsewhere (tests use them so they never touch the player's real files).
"""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import Any

from game.userdirs import config_dir, data_dir

OVERLAYS = ("vision", "noise", "forecast", "path", "intent", "alarm")
WINDOW_SCALES = (0.75, 1.0, 1.25, 1.5)
REWIND_CHOICES = (0, 1, 3, 5, 99)


def atomic_write(path: Path, content: str) -> None:
    """Write ``content`` to ``path`` so that readers see the old or the new file, never half."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temp = tempfile.mkstemp(prefix=path.name, suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(content)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def _read_json(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


@dataclass
class Settings:
    """Everything the player can change. Unknown or bad values fall back to defaults."""

    volume: float = 0.7
    window_scale: float = 1.0
    fullscreen: bool = False
    overlays: dict[str, bool] = field(default_factory=lambda: dict.fromkeys(OVERLAYS, True))
    rewinds_per_mission: int = 3
    edge_pan: bool = True
    keys: dict[str, list[str]] = field(default_factory=dict)  # action -> key names (overrides)

    @property
    def window_size(self) -> tuple[int, int]:
        return int(1280 * self.window_scale), int(720 * self.window_scale)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Settings:
        """Settings from parsed JSON, ignoring anything malformed."""
        settings = cls()
        if isinstance(data.get("volume"), int | float):
            settings.volume = min(1.0, max(0.0, float(data["volume"])))
        if data.get("window_scale") in WINDOW_SCALES:
            settings.window_scale = float(data["window_scale"])
        for name in ("fullscreen", "edge_pan"):
            if isinstance(data.get(name), bool):
                setattr(settings, name, data[name])
        if isinstance(data.get("rewinds_per_mission"), int):
            settings.rewinds_per_mission = max(0, min(99, data["rewinds_per_mission"]))
        overlays = data.get("overlays")
        if isinstance(overlays, dict):
            for name in OVERLAYS:
                if isinstance(overlays.get(name), bool):
                    settings.overlays[name] = overlays[name]
        keys = data.get("keys")
        if isinstance(keys, dict):
            settings.keys = {
                str(action): [str(k) for k in names]
                for action, names in keys.items()
                if isinstance(names, list) and all(isinstance(k, str) for k in names)
            }
        return settings

    def to_dict(self) -> dict[str, Any]:
        return {f.name: asdict(self)[f.name] for f in fields(self)}

    @classmethod
    def load(cls) -> Settings:
        return cls.from_dict(_read_json(config_dir() / "settings.json"))

    def save(self) -> None:
        atomic_write(config_dir() / "settings.json", json.dumps(self.to_dict(), indent=2))


@dataclass
class Progress:
    """Which campaign missions are done, and the last one played."""

    done: list[str] = field(default_factory=list)
    last: str = ""

    @classmethod
    def load(cls) -> Progress:
        data = _read_json(data_dir() / "progress.json")
        done = data.get("done")
        last = data.get("last")
        return cls(
            done=[d for d in done if isinstance(d, str)] if isinstance(done, list) else [],
            last=last if isinstance(last, str) else "",
        )

    def mark_done(self, name: str) -> None:
        if name not in self.done:
            self.done.append(name)
        self.save()

    def save(self) -> None:
        content = json.dumps({"done": self.done, "last": self.last}, indent=2)
        atomic_write(data_dir() / "progress.json", content)
