"""The replay viewer: watch a recording, step and seek through it, take over from any moment.

All of the viewer's logic (position, stepping, seeking through snapshots, play speed,
markers, take-over) is :class:`game.replay.Playback`, tested headless; this scene only draws
it with the mission's own map view (fog lifted: a replay shows everything) and turns keys and
clicks into calls. Its keys are the ``replay_*`` bindings of :mod:`game.ui.controls`, so they
are rebindable and listed in the help and ``docs/controls.md``; click the timeline to jump.
"""

from __future__ import annotations

from collections.abc import Callable

import pygame

from game.replay import GameSession, Playback
from game.sim.world import World
from game.ui import theme
from game.ui.app import App
from game.ui.render.anim import Animator
from game.ui.render.camera import Camera
from game.ui.render.knowledge import Knowledge, derive
from game.ui.render.mapview import MapView
from game.ui.scene import Next, Pop, Replace, Scene

MARKER_COLORS = {
    "noise": theme.NOISE,
    "alerted": theme.RED,
    "alarm": theme.AMBER,
    "knockout": theme.INTENT,
    "mission": theme.GREEN,
}
BAR_HEIGHT = 96


class ReplayScene:
    """Draws a :class:`Playback` and drives it from the keyboard and mouse.

    ``on_take_over(session)`` plays on from a taken-over moment (the flow that opened the
    viewer starts the mission scene); without it the viewer only watches.
    """

    def __init__(
        self,
        app: App,
        playback: Playback,
        title: str = "",
        on_take_over: Callable[[GameSession], Scene] | None = None,
    ) -> None:
        self.app = app
        self.playback = playback
        self.on_take_over = on_take_over
        self.title = title or playback.verified.recording.path.name
        self.mapview = MapView()
        self.animator = Animator()
        self.floor = self._crew_floor()
        self._followed = (playback.turn, playback.command)  # the start: the crew's floor
        size = app.screen.get_size()
        world = playback.world
        self.camera = Camera(world.terrain.width, world.terrain.height, self._view(size))
        self.camera.look_at(world.terrain.width / 2, world.terrain.height / 2, glide=False)
        self._knowledge: tuple[tuple[World, int, int], Knowledge] | None = None
        self.timeline_rect = pygame.Rect(0, 0, 0, 0)

    # --- helpers ------------------------------------------------------------------------

    @staticmethod
    def _view(size: tuple[int, int]) -> pygame.Rect:
        return pygame.Rect(0, 36, size[0], max(100, size[1] - 36 - BAR_HEIGHT))

    def _crew_floor(self) -> int:
        cells = [u.cell for u in self.playback.world.crew() if u.cell is not None]
        return cells[0].floor if cells else 0

    def _follow_action(self) -> None:
        """When the replay moves on, show the floor where the latest thing happened (the
        last event with a place), so the viewer does not stay downstairs while the action
        is upstairs; the floor keys still choose freely until it moves on again."""
        key = (self.playback.turn, self.playback.command)
        if key == self._followed:
            return
        self._followed = key
        for event in reversed(self.world.events[-50:]):
            if event.cell is not None:
                self.floor = event.cell.floor
                return

    @property
    def world(self) -> World:
        return self.playback.world

    def knowledge(self) -> Knowledge:
        key = (self.world, self.playback.turn, self.playback.command)
        if self._knowledge is None or self._knowledge[0] != key:
            found = derive(self.world, key[1] * 1000 + key[2], fog=False)  # shows everything
            self._knowledge = (key, found)
        return self._knowledge[1]

    # --- input --------------------------------------------------------------------------

    def handle(self, event: pygame.event.Event) -> Next | None:
        if event.type == pygame.MOUSEBUTTONDOWN and event.button == 1:
            if self.timeline_rect.collidepoint(event.pos):
                self._seek_to_x(event.pos[0])
            return None
        if event.type == pygame.MOUSEWHEEL:
            self.camera.zoom(event.y, pygame.mouse.get_pos())
            return None
        if event.type != pygame.KEYDOWN:
            return None
        shift = bool(event.mod & pygame.KMOD_SHIFT)
        for action in self.app.keymap.actions_for(event.key):
            if action.startswith("replay_"):
                return self.key_action(action, shift)
        return None

    def key_action(self, action: str, shift: bool = False) -> Next | None:
        """One of the viewer's bound actions (see :data:`game.ui.controls.BINDINGS`)."""
        playback = self.playback
        if action in ("replay_forward", "replay_back"):
            playback.playing = False
        if action == "replay_play":
            playback.toggle()
        elif action == "replay_forward":
            playback.next_turn() if shift else playback.step_forward()
        elif action == "replay_back":
            playback.previous_turn() if shift else playback.step_back()
        elif action == "replay_next_turn":
            playback.next_turn()
        elif action == "replay_previous_turn":
            playback.previous_turn()
        elif action == "replay_start":
            playback.seek(1)
        elif action == "replay_end":
            playback.seek(playback.last_turn + 1)
        elif action == "replay_faster":
            playback.faster()
        elif action == "replay_slower":
            playback.slower()
        elif action == "replay_take_over":
            return self.take_over()
        elif action == "replay_floor_up":
            self.floor = min(self.floor + 1, self.world.terrain.floors - 1)
        elif action == "replay_floor_down":
            self.floor = max(self.floor - 1, 0)
        elif action == "replay_back_out":
            return Pop()
        return None

    def hint(self) -> str:
        """The key reminder under the timeline, from the current bindings."""
        label = self.app.keymap.label
        pairs = (
            (f"{label('replay_play')}", "play/pause"),
            (f"{label('replay_back')}/{label('replay_forward')}", "step"),
            (f"{label('replay_next_turn')}/{label('replay_previous_turn')}", "turn"),
            (f"{label('replay_slower')}/{label('replay_faster')}", "speed"),
            (f"{label('replay_floor_down')}/{label('replay_floor_up')}", "floor"),
            (f"{label('replay_take_over')}", "take over"),
            (f"{label('replay_back_out')}", "back"),
        )
        return "   ".join(f"{keys} {what}" for keys, what in pairs)

    def _seek_to_x(self, x: int) -> None:
        rect, last = self.timeline_rect, self.playback.last_turn + 1
        share = (x - rect.left) / max(1, rect.width)
        self.playback.playing = False
        self.playback.seek(1 + round(share * (last - 1)))

    def take_over(self) -> Next | None:
        """Play on from here as a new recorded game (it names this one as its parent): the
        mission takes the viewer's place (with ``rififi replay FILE``, the only scene)."""
        if self.on_take_over is None:
            self.app.notify("Taking over is not offered here.")
            return None
        if self.world.outcome.over:
            self.app.notify("The mission is over at this point; step back to take over.")
            return None
        game = self.playback.take_over()
        self.app.notify(f"Taken over at turn {self.playback.turn}: a new recording.")
        return Replace(self.on_take_over(game))

    # --- frame --------------------------------------------------------------------------

    def update(self, dt: float) -> None:
        self.playback.update(dt)
        self._follow_action()
        self.animator.sync(self.world)
        self.animator.update(dt)
        self.camera.update(dt)

    def draw(self, surface: pygame.Surface) -> None:
        size = surface.get_size()
        surface.fill(theme.INK)
        self.camera.view = self._view(size)
        self.mapview.draw(
            surface,
            self.camera,
            self.world,
            self.knowledge(),
            self.floor,
            self.animator,
            True,
            film=self.app.settings.film_look,
        )
        self._header(surface, size)
        self._timeline(surface, size)

    def _header(self, surface: pygame.Surface, size: tuple[int, int]) -> None:
        top = pygame.Rect(0, 0, size[0], 36)
        theme.panel(surface, top, 245, edge=False)
        playback, world = self.playback, self.world
        state = "playing" if playback.playing else "paused"
        floor = "ground floor" if self.floor == 0 else f"floor {self.floor}"
        last = playback.last_turn
        where = (  # past the last turn the world stands after it, not at a turn last+1
            f"turn {world.turn} of {last}" if world.turn <= last else f"after turn {last} of {last}"
        )
        left = f"{self.title}   {where}   {world.time_text}   {floor}"
        theme.blit_text(surface, left, (10, 18), 16, theme.PAPER, anchor="midleft")
        right = f"{state}  x{playback.speed:g}"
        if world.outcome.over:
            right = f"mission {world.outcome.status}: {world.outcome.reason}   " + right
        theme.blit_text(surface, right, (size[0] - 10, 18), 16, theme.AMBER, anchor="midright")

    def _timeline(self, surface: pygame.Surface, size: tuple[int, int]) -> None:
        playback = self.playback
        bar = pygame.Rect(0, size[1] - BAR_HEIGHT, size[0], BAR_HEIGHT)
        theme.panel(surface, bar, 245)
        nxt = playback.next_command()
        caption = (
            "End of the recording."
            if nxt is None
            else (
                f"Next: {nxt.kind.replace('_', ' ')} "
                f"(command {playback.command + 1} of {len(playback.commands_of(playback.turn))})"
            )
        )
        theme.blit_text(surface, caption, (12, bar.top + 8), 15, theme.PAPER)
        track = pygame.Rect(12, bar.top + 38, size[0] - 24, 14)
        self.timeline_rect = track.inflate(0, 16)
        pygame.draw.rect(surface, theme.PANEL_EDGE, track, border_radius=4)
        last = playback.last_turn + 1

        def x_of(turn: float) -> int:
            return track.left + round((turn - 1) / max(1, last - 1) * track.width)

        done = pygame.Rect(track.left, track.top, x_of(playback.turn) - track.left, track.height)
        pygame.draw.rect(surface, theme.DIM, done, border_radius=4)
        for marker in playback.markers:
            color = MARKER_COLORS.get(marker.category, theme.PAPER)
            x = x_of(marker.turn)
            pygame.draw.line(surface, color, (x, track.top - 5), (x, track.bottom + 5), 2)
        head = x_of(playback.turn)
        pygame.draw.polygon(
            surface,
            theme.CURSOR,
            [(head - 6, track.top - 9), (head + 6, track.top - 9), (head, track.top - 1)],
        )
        legend_x = 12
        for name, color in MARKER_COLORS.items():
            pygame.draw.rect(surface, color, (legend_x, bar.bottom - 16, 10, 10))
            rect = theme.blit_text(
                surface, name, (legend_x + 14, bar.bottom - 11), 13, theme.DIM, anchor="midleft"
            )
            legend_x = rect.right + 14
        theme.blit_text(
            surface, self.hint(), (size[0] - 12, bar.bottom - 11), 13, theme.DIM, anchor="midright"
        )
