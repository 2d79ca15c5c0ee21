"""The window and the main loop: one scene stack, window-wide keys, and a pace per scene.

A scene may say how often it needs a frame (``rate()``): ``None`` at the display's refresh
rate while something moves on it (a walk, a glide; animations are timed, so they run as
smoothly at 144 Hz as at 60), ``0`` to sleep until there is input (a turn-based game mostly
waits for its player), or a few frames a second for a slow pulse. The loop then sleeps
instead of drawing the same frame again, looking for input every ``POLL_MS`` (a sleep and a
look at the queue: ``pygame.event.wait`` polls every millisecond on drivers that cannot
block, 2 % of a core for nothing) and waking at least every ``IDLE_WAIT_MS`` (a notice to
take down, ``--watch`` to poll). A scene without ``rate`` is drawn at the display's rate.

Tests drive this same loop: they post pygame events and call :meth:`App.frame` (uncapped),
so what they check is what a player gets.

With ``RIFIFI_FIRST_FRAME`` set in the environment, the first frame shown is announced on
standard error ("rififi: first frame MissionScene"), for ``benchmarks/bench_ui.py`` to time
a start from outside the process; nothing else reads it.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

import pygame

from game.ui import theme
from game.ui.audio import Audio
from game.ui.controls import KeyMap
from game.ui.scene import Next, Pop, Push, Quit, Replace, Reset, Scene
from game.ui.settings import Settings
from game.userdirs import data_dir

MIN_SIZE = (800, 500)
FIRST_FRAME = "RIFIFI_FIRST_FRAME"  # the benchmarks' marker, see the module's docstring
#: Window events after which the screen is drawn whole again.
REDRAW_EVENTS = frozenset({pygame.VIDEOEXPOSE, pygame.WINDOWEXPOSED, pygame.WINDOWSIZECHANGED})
IDLE_WAIT_MS = 500  # a still scene's loop wakes at least this often
POLL_MS = 8  # how often a sleeping loop looks for input: at most half a 60 Hz frame late
DEFAULT_FPS = 60  # when the display does not say its refresh rate


def display_rate() -> int:
    """The display's refresh rate (60 when it does not say: a dummy or remote display)."""
    try:
        rate = pygame.display.get_current_refresh_rate()
    except (pygame.error, AttributeError):
        rate = 0
    return rate if rate > 0 else DEFAULT_FPS


MESSAGE_LINES = 8  # lines of a notice shown at once


class App:
    """Owns the window, the settings, the sounds and the stack of scenes."""

    def __init__(
        self,
        settings: Settings | None = None,
        fps: int | None = None,
        size: tuple[int, int] | None = None,
        save_settings: bool = True,
    ) -> None:
        pygame.init()
        pygame.key.set_repeat(260, 45)
        self.settings = settings or Settings.load()
        self.save_settings_enabled = save_settings
        self.keymap = KeyMap(self.settings.keys)
        self.clock = pygame.time.Clock()
        self.scenes: list[Scene] = []
        self.running = True
        self.exit_code = 0
        self.frames = 0
        self.message = ""  # a short notice shown at the bottom (screenshot saved...)
        self.message_until = 0.0
        self.windowed_size = size or self.settings.window_size
        self.screen = self._open_window()
        self.fps = display_rate() if fps is None else fps  # 0: uncapped, never waits (tests)
        self.slept = 0  # frames that waited for input instead of drawing at once
        # What the screen holds between frames (see ``untouched``): the top scene and window
        # of the last frame, whether the one drawn now is the same, and what was drawn over.
        self._last: tuple[Scene | None, pygame.Surface | None] = (None, None)
        self._same_top = False
        self._over: list[pygame.Rect] = []
        self._message_lines: tuple[tuple[str, int], list[str]] = (("", 0), [])
        pygame.display.set_caption("Rififi")
        self.audio = Audio(self.settings.volume)

    # --- the window ---------------------------------------------------------------------------

    def _open_window(self) -> pygame.Surface:
        self._last = (None, None)  # a new window holds nothing drawn yet
        if self.settings.fullscreen:
            try:
                return pygame.display.set_mode((0, 0), pygame.FULLSCREEN)
            except pygame.error:
                self.settings.fullscreen = False
        return pygame.display.set_mode(self.windowed_size, pygame.RESIZABLE)

    def toggle_fullscreen(self) -> None:
        self.settings.fullscreen = not self.settings.fullscreen
        self.screen = self._open_window()
        self.save_settings()

    def apply_window_settings(self) -> None:
        """Re-open the window after the scale or fullscreen setting changed."""
        self.windowed_size = self.settings.window_size
        self.screen = self._open_window()

    def save_settings(self) -> None:
        self.keymap = KeyMap(self.settings.keys)
        self.audio.volume = self.settings.volume
        if self.save_settings_enabled:
            try:
                self.settings.save()
            except OSError as error:
                self.notify(f"Could not save the settings: {error}")

    def notify(self, message: str, seconds: float = 3.0) -> None:
        self.message = message
        self.message_until = time.monotonic() + seconds

    def screenshot(self, path: Path | None = None) -> Path:
        """Save what is on screen as a PNG (default: the data folder's screenshots)."""
        told = path is None
        try:
            if path is None:
                folder = data_dir() / "screenshots"
                folder.mkdir(parents=True, exist_ok=True)
                path = folder / time.strftime("rififi-%Y%m%d-%H%M%S.png")
                counter = 1
                while path.exists() or path.is_symlink():  # never through a link, never over
                    path = path.with_name(f"{path.stem.split('_')[0]}_{counter}.png")
                    counter += 1
            pygame.image.save(self.screen, str(path))
        except (pygame.error, OSError) as error:  # a full disk: say so, play on
            self.notify(f"Could not save the screenshot: {error}")
            return path or data_dir() / "screenshots"
        if told:
            self.notify(f"Screenshot saved: {path}")
        return path

    # --- scenes ---------------------------------------------------------------------------

    @property
    def scene(self) -> Scene | None:
        return self.scenes[-1] if self.scenes else None

    def push(self, scene: Scene) -> None:
        self.scenes.append(scene)

    def pop(self) -> None:
        if self.scenes:
            self.scenes.pop()
        if not self.scenes:
            self.quit()

    def replace(self, scene: Scene) -> None:
        if self.scenes:
            self.scenes.pop()
        self.scenes.append(scene)

    def reset(self, scene: Scene) -> None:
        """Drop every scene and show ``scene`` (back to the title)."""
        self.scenes = [scene]

    def quit(self, code: int = 0) -> None:
        self.running = False
        self.exit_code = code

    def go(self, step: Next | None) -> None:
        """Carry out what a scene said comes next (None: stay)."""
        match step:
            case Push(scene):
                self.push(scene)
            case Pop():
                self.pop()
            case Replace(scene):
                self.replace(scene)
            case Reset(scenes):
                self.scenes = list(scenes)
            case Quit(code):
                self.quit(code)

    # --- the loop -------------------------------------------------------------------------

    def _global_key(self, event: pygame.event.Event) -> bool:
        actions = self.keymap.actions_for(event.key)
        if "screenshot" in actions:
            self.screenshot()
            return True
        if "fullscreen" in actions:
            self.toggle_fullscreen()
            return True
        return False

    def _sleep(self) -> tuple[list[pygame.event.Event], bool]:
        """The input queued; while there is none and the top scene is still, sleep (until
        its next slow frame, a notice's end or ``IDLE_WAIT_MS``) until some comes. Returns
        the input, in order, and whether the loop slept. (``pygame.event.peek`` is not used:
        it empties the attributes of posted events.)"""
        events = pygame.event.get()
        rate = getattr(self.scene, "rate", None)
        wanted = rate() if callable(rate) else None
        if events or not self.fps or wanted is None or wanted >= self.fps:
            return events, False
        now = time.monotonic()
        wake = now + (1 / wanted if wanted > 0 else IDLE_WAIT_MS / 1000)
        if self.message and now < self.message_until:
            wake = min(wake, self.message_until)
        self.slept += 1
        while not events and (left := wake - time.monotonic()) > 0:
            time.sleep(min(POLL_MS / 1000, left))
            events = pygame.event.get()
        return events, True

    def frame(self, dt: float | None = None) -> bool:
        """Handle pending input, update and draw one frame. False once the app quits."""
        events, slept = self._sleep()
        elapsed = self.clock.tick(self.fps) / 1000.0
        if dt is None:  # after a sleep nothing was moving: the time asleep animates nothing
            dt = (1 / self.fps if events else min(1.0, elapsed)) if slept else min(0.1, elapsed)
        for event in [*events, *pygame.event.get()]:
            if event.type == pygame.QUIT:
                self.quit()
                break
            if event.type in REDRAW_EVENTS:  # the window may have lost what it showed
                self._last = (None, None)
            if event.type == pygame.VIDEORESIZE and not self.settings.fullscreen:
                size = (max(MIN_SIZE[0], event.w), max(MIN_SIZE[1], event.h))
                self.windowed_size = size
                if pygame.display.get_surface().get_size() != size:
                    self.screen = pygame.display.set_mode(size, pygame.RESIZABLE)
                continue
            if event.type == pygame.KEYDOWN and self._global_key(event):
                continue
            scene = self.scene
            if scene is not None:
                self.go(scene.handle(event))
            if not self.running:
                break
        scene = self.scene
        if scene is None or not self.running:
            return False
        self.go(scene.update(dt))
        scene = self.scene
        if scene is None or not self.running:
            return False
        self.screen = pygame.display.get_surface() or self.screen
        self._same_top = self._last == (scene, self.screen) and self.scene is scene
        scene.draw(self.screen)
        self._over = self._draw_message()
        self._last = (scene, self.screen)
        pygame.display.flip()
        if self.frames == 0 and FIRST_FRAME in os.environ:
            print(f"rififi: first frame {type(scene).__name__}", file=sys.stderr, flush=True)
        self.frames += 1
        return self.running

    def untouched(self, rect: pygame.Rect) -> bool:
        """True when the screen still shows, inside ``rect``, what the scene drawing now drew
        at the last frame: it was on top then and is now, in the same window, and nothing
        was drawn over it there since (a notice). A scene may then leave that part as it is."""
        return self._same_top and not any(rect.colliderect(over) for over in self._over)

    def message_lines(self) -> list[str]:
        """The notice as drawn: wrapped to the window (a map's problems make long lines), at
        most ``MESSAGE_LINES`` lines; ``--watch`` prints the whole of it to the terminal too.
        Wrapped once per notice and width (it is drawn every frame)."""
        key = (self.message, self.screen.get_width())
        if self._message_lines[0] == key:
            return self._message_lines[1]
        lines = theme.wrap(self.message, max(120, self.screen.get_width() - 96), 15)
        if len(lines) > MESSAGE_LINES:
            hidden = len(lines) - MESSAGE_LINES + 1
            lines = [*lines[: MESSAGE_LINES - 1], f"... and {hidden} more lines"]
        self._message_lines = (key, lines)
        return lines

    def _draw_message(self) -> list[pygame.Rect]:
        """Draw the notice, if one is up; returns where it was drawn."""
        if self.message and time.monotonic() < self.message_until:
            width, height = self.screen.get_size()
            labels = [theme.text(line, 15, theme.PAPER) for line in self.message_lines()]
            step = max(1, theme.font(15).get_linesize())
            box = pygame.Rect(0, 0, max(lb.get_width() for lb in labels), step * len(labels))
            box.midbottom = (width // 2, height - 110)
            box = box.inflate(16, 8)
            box.clamp_ip(self.screen.get_rect())
            theme.panel(self.screen, box, 235)
            for n, label in enumerate(labels):
                place = label.get_rect(midtop=(box.centerx, box.top + 4 + n * step))
                self.screen.blit(label, place)
            return [box]
        return []

    def run(self, scene: Scene | None = None, max_frames: int | None = None) -> int:
        """Run until the player quits (or ``max_frames``); returns the exit status."""
        if scene is not None:
            self.push(scene)
        while self.running and (max_frames is None or self.frames < max_frames):
            if not self.frame():
                break
        return self.exit_code
