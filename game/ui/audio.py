"""Sound effects through pygame.mixer; silent (and harmless) when there is no audio device.

Sounds are the project's own synthesised WAVs in ``assets/sounds``. Which sound goes with
which noise or event is one table here, so the rules never know about sound.
"""

from __future__ import annotations

import pygame

from game.content import assets_dir

#: Noise kinds (``Noise.kind``) and event kinds (``Event.kind``) -> sound file stem.
NOISE_SOUNDS = {
    "footsteps": "footstep",
    "sneaking": "footstep_sneak",
    "drill": "drill",
    "drilling": "drill",
    "plaster": "plaster",
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


class Audio:
    """Plays effects at the settings' volume. Every method is safe without a sound card."""

    def __init__(self, volume: float = 0.7) -> None:
        self.volume = volume
        self.enabled = False
        self._sounds: dict[str, pygame.mixer.Sound | None] = {}
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

    def play(self, name: str, volume: float = 1.0) -> None:
        """Play a sound by file stem; nothing happens without audio or without the file."""
        if not self.enabled or self.volume <= 0:
            return
        sound = self._sound(name)
        if sound is None:
            return
        try:
            sound.set_volume(max(0.0, min(1.0, self.volume * volume)))
            sound.play()
        except pygame.error:
            self.enabled = False

    def play_noise(self, kind: str, loudness: int = 4) -> None:
        name = NOISE_SOUNDS.get(kind)
        if name:
            self.play(name, min(1.0, 0.35 + loudness / 20))

    def play_event(self, kind: str) -> None:
        name = EVENT_SOUNDS.get(kind)
        if name:
            self.play(name)
