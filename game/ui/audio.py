"""Sound effects through pygame.mixer; silent (and harmless) when there is no audio device.

Sounds are the project's own synthesised WAVs in ``assets/sounds``. Which sound goes with
which noise or event is one table here, so the rules never know about sound. A noise is heard
as the selected crew member would hear it: quieter the farther it is, panned to its side,
muffled through a floor; a footstep sounds like the floor it falls on (boards, stone, gravel,
grass, carpet). Under it all, while a mission plays, distant traffic and rain loop quietly.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

import pygame

from game.content import assets_dir

if TYPE_CHECKING:  # the title screen plays sounds before any rules are loaded
    from game.sim.events import Noise
    from game.sim.geometry import Cell
    from game.sim.world import World

#: Noise kinds (``Noise.kind``) and event kinds (``Event.kind``) -> sound file stem.
NOISE_SOUNDS = {
    "footsteps": "footstep",
    "sneaking": "footstep_sneak",
    "drill": "drill",
    "drilling": "drill",
    "plaster": "plaster",
    "plaster_caught": "plaster",  # softly: the umbrella takes it (its loudness is low)
    "door": "door_open",
    "bell": "bell",
    "alarm": "bell",
    "shot": "shot",
    "gunshot": "shot",
    "lockpick": "lockpick",
    "foam": "foam",
    "knockout": "knockout",
    "safe": "safe_click",
}
EVENT_SOUNDS = {
    "door_opened": "door_open",
    "door_closed": "door_close",
    "guard_alerted": "alert",
    "alerted": "alert",
    "knocked_out": "knockout",
    "safe_opened": "safe_click",
    "turn_ended": "ui_turn",
    "foamed": "foam",
    "bell_smothered": "foam",
}


#: The footstep of each floor, by the start of its tile's name (the first that matches);
#: boards (``footstep``) otherwise.
FOOTSTEPS = (
    ("floor_tile", "footstep_stone"),
    ("pavement", "footstep_stone"),
    ("road", "footstep_stone"),
    ("stairs", "footstep_stone"),
    ("gravel", "footstep_gravel"),
    ("rubble", "footstep_gravel"),
    ("grass", "footstep_grass"),
    ("floor_carpet", "footstep_carpet"),
)
#: Cells at which a noise is heard at half its volume; a floor between counts as this many.
HALF_AT, FLOOR_APART = 8.0, 6.0
#: The looping sounds under a mission, and their volume (of the settings' volume).
AMBIENCE = (("traffic", 0.22), ("rain", 0.3))


def footstep_for(tile: str) -> str:
    """The footstep sound of a floor tile (by name)."""
    return next((stem for start, stem in FOOTSTEPS if tile.startswith(start)), "footstep")


def heard_from(cell: Cell, listener: Cell | None) -> tuple[float, float]:
    """``(volume, pan)`` of a sound at ``cell`` for someone at ``listener``: half as loud
    every ``HALF_AT`` cells, a floor between as ``FLOOR_APART`` more; pan -1 (left) to 1."""
    if listener is None:
        return 1.0, 0.0
    dx, dy = cell.x - listener.x, cell.y - listener.y
    distance = math.hypot(dx, dy) + FLOOR_APART * abs(cell.floor - listener.floor)
    pan = max(-1.0, min(1.0, dx / HALF_AT / 2))
    return 0.5 ** (distance / HALF_AT), pan


class Audio:
    """Plays effects at the settings' volume. Every method is safe without a sound card."""

    def __init__(self, volume: float = 0.7) -> None:
        self.volume = volume
        self.enabled = False
        self._sounds: dict[str, pygame.mixer.Sound | None] = {}
        self._ambient: list[pygame.mixer.Sound] = []
        try:
            if not pygame.mixer.get_init():
                pygame.mixer.init()
            self.enabled = pygame.mixer.get_init() is not None
        except (pygame.error, OSError):
            self.enabled = False

    def _sound(self, name: str) -> pygame.mixer.Sound | None:
        if name not in self._sounds:
            path = assets_dir() / "sounds" / f"{name}.wav"
            try:
                self._sounds[name] = pygame.mixer.Sound(str(path)) if path.is_file() else None
            except (pygame.error, OSError):
                self._sounds[name] = None
        return self._sounds[name]

    def play(self, name: str, volume: float = 1.0, pan: float = 0.0) -> None:
        """Play a sound by file stem (``pan`` -1 left to 1 right); nothing happens without
        audio or without the file."""
        if not self.enabled or self.volume <= 0:
            return
        sound = self._sound(name)
        if sound is None:
            return
        try:
            sound.set_volume(max(0.0, min(1.0, self.volume * volume)))
            channel = sound.play()
            if channel is not None and pan:
                channel.set_volume(min(1.0, 1 - pan), min(1.0, 1 + pan))
        except pygame.error:
            self.enabled = False

    def play_heard(self, world: World, noise: Noise, listener: Cell | None) -> None:
        """A noise of the world as the crew member at ``listener`` hears it: its footstep
        by the floor it fell on, its volume by distance, panned to its side."""
        name = NOISE_SOUNDS.get(noise.kind)
        if name is None:
            return
        if noise.kind == "footsteps":
            name = footstep_for(world.terrain.tile_name(*noise.cell))
        volume, pan = heard_from(noise.cell, listener)
        self.play(name, min(1.0, 0.35 + noise.loudness / 20) * volume, pan)

    def ambience(self) -> None:
        """Start the distant traffic and the rain, looping, unless they already play."""
        if not self.enabled or self._ambient:
            return
        for name, level in AMBIENCE:
            sound = self._sound(name)
            if sound is None:
                continue
            try:
                sound.set_volume(max(0.0, min(1.0, self.volume * level)))
                self._ambient.append(sound)
                sound.play(loops=-1, fade_ms=1500)
            except pygame.error:
                self.enabled = False
                return

    def quiet(self) -> None:
        """Fade the looping ambience out."""
        for sound in self._ambient:
            try:
                sound.fadeout(1200)
            except pygame.error:
                self.enabled = False
        self._ambient.clear()

    def play_event(self, kind: str) -> None:
        name = EVENT_SOUNDS.get(kind)
        if name:
            self.play(name)
