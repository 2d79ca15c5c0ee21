"""What the mission screen knows: the session it plays, the camera, the player's choices
(:class:`~game.ui.scenes.mission_state.MissionState`: floor, selection, cursor, armed
action), and what it derives from the world and those choices (knowledge, the action bar,
the preview), cached by the session's version and the state.

The first of three layers of the mission scene, each a subclass of the one before it so
nothing refers upward: this one, :mod:`game.ui.scenes.mission_input` (intents carried out),
:mod:`game.ui.scenes.mission` (the frame and the map; the panels are
:mod:`game.ui.scenes.mission_hud`'s).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import pygame

from game.replay.session import Change, GameSession
from game.sim.commands import Command
from game.sim.entities import Unit
from game.sim.geometry import is_adjacent
from game.sim.world import World
from game.ui.actions import ActionOption, action_bar, option_for
from game.ui.app import App
from game.ui.chronicle import Chronicle
from game.ui.hud import actionbar
from game.ui.hud.layout import Layout
from game.ui.notes import Hints, map_notes
from game.ui.orders import Orders
from game.ui.render import overlays
from game.ui.render.anim import Animator
from game.ui.render.camera import Camera
from game.ui.render.knowledge import Forecast, Forecasts, Knowledge, derive
from game.ui.render.mapview import MapView
from game.ui.render.reach import ReachOverlay
from game.ui.scene import Next
from game.ui.scenes.mission_state import MissionState
from game.ui.scenes.preview import Preview, preview_action, preview_move, preview_option

#: Device kinds that are what a mission is after (shown in the first view with the crew).
GOALS = ("safe", "loot", "car")


def first_view(world: World, floor: int) -> list[tuple[int, int]]:
    """The cells the first view fits: the crew on the first crew member's floor and what the
    mission is after (the safe, the loot, the car), wherever it is; the exits only when
    there is nothing else to aim for."""
    cells = [(u.cell.x, u.cell.y) for u in world.crew() if u.cell and u.cell.floor == floor]
    goals = [d for d in world.devices_in_order() if d.kind in GOALS]
    if not goals:
        goals = [d for d in world.devices_in_order() if d.kind == "exit"]
    return cells + [(d.cell.x, d.cell.y) for d in goals]


@dataclass
class Hits:
    """Where the HUD drew what a click reaches (the action bar's buttons, the crew cards
    with their unit ids, the floor tabs with their floors), as the last frame drew them."""

    bar: list[actionbar.BarHit] = field(default_factory=list)
    crew: list[tuple[pygame.Rect, int]] = field(default_factory=list)
    floors: list[tuple[pygame.Rect, int]] = field(default_factory=list)


class MissionView:
    """One mission's session and the player's view of it.

    ``on_over(session)`` says what comes once the mission ends (asked once per ending),
    ``on_pause()`` what comes when the player
    asks for the pause menu (the flow that opened the mission decides what it offers), and
    ``watch()`` twice a second (``--watch``: it reloads the map when it was saved).
    """

    def __init__(
        self,
        app: App,
        session: GameSession,
        name: str = "",
        on_over: Callable[[GameSession], Next] | None = None,
        on_pause: Callable[[], Next] | None = None,
        watch: Callable[[], None] | None = None,
    ) -> None:
        self.app = app
        self.session = session
        self.name = name or session.world.mission.name
        self.on_over = on_over
        self.on_pause = on_pause
        self.watch = watch
        self.mapview = MapView()
        self.animator = Animator()
        self.time = 0.0
        self.news_at = -1e9  # when the world last changed (rings spread smoothly after it)
        self.panning = False  # the edge pan moved the camera this frame
        self.over_timer: float | None = None
        self.over_told = False  # on_over was called for the current ending
        self._knowledge: Knowledge | None = None
        self.forecasts = Forecasts()
        self.chronicle = Chronicle()  # the event log as the crew knows it
        self.reach = ReachOverlay()  # the selected crew member's cells in reach this turn
        self._bar: tuple[tuple[object, ...], list[ActionOption]] | None = None
        self._preview: tuple[tuple[object, ...], Preview] | None = None
        self.hits = Hits()  # where the last frame drew what a click reaches
        self.pictures = overlays.Pictures()  # intents and the path, drawn once each
        self.layout = Layout.for_size(*app.screen.get_size())
        self._start()
        session.subscribe(self._on_change)

    def _start(self) -> None:
        """Look at a (new) world: select the first crew member, centre on them."""
        world = self.session.world
        self.camera = Camera(world.terrain.width, world.terrain.height, self.layout.view)
        self.state = MissionState.start(world)
        first = self.state.cursor
        self.camera.look_at(first.x, first.y, glide=False)
        self.camera.fit(first_view(world, first.floor))
        self.orders = Orders()
        self.hints = Hints(map_notes(world.mission.source or ""))
        self._tell_hints()
        self.mapview.forget()
        self.animator = Animator()
        self.animator.sync(world)
        self._knowledge = None
        self._seen_noises = {id(n) for n in world.noises}

    # --- derived state, cached per session version -------------------------------------------

    @property
    def world(self) -> World:
        return self.session.world

    @property
    def knowledge(self) -> Knowledge:
        version = self.session.version
        if self._knowledge is None or self._knowledge.version != version:
            self._knowledge = derive(self.world, version)
        return self._knowledge

    @property
    def unit(self) -> Unit | None:
        return self.state.unit(self.world)

    def options_key(self) -> tuple[object, ...]:
        """What the action bar's options follow from: the version, selection, cursor, sneak."""
        state = self.state
        return (self.session.version, state.selected, state.cursor, state.sneak)

    def options(self) -> list[ActionOption]:
        """The action bar (worked out again only when :meth:`options_key` changes)."""
        key = self.options_key()
        if self._bar is None or self._bar[0] != key:
            unit, state = self.unit, self.state
            options = action_bar(self.world, unit, state.cursor, state.sneak) if unit else []
            self._bar = (key, options)
        return self._bar[1]

    def preview(self) -> Preview:
        """What pointing at the cursor means, for this version and state of the screen."""
        hear = self.app.settings.overlays.get("forecast", True)
        key = (self.session.version, self.state.key(), hear)
        if self._preview is not None and self._preview[0] == key:
            return self._preview[1]
        unit = self.unit
        version = self.session.version

        def forecast(command: Command) -> Forecast:
            return self.forecasts.get(self.world, version, command)

        heard = forecast if hear else None
        if unit is None or not unit.can_act:
            result = Preview()
        elif self.state.bar_hover is not None and self.state.bar_hover < len(self.options()):
            option = self.options()[self.state.bar_hover]
            result = (
                preview_move(
                    self.world, self.knowledge, unit.id, self.state.cursor, self.state.sneak, heard
                )
                if option.kind == "move"
                else preview_option(option, heard, self.world, self.knowledge)
            )
        elif self.state.armed and self.state.armed != "move":
            aim = self.state.pending_cell if self.state.pending is not None else self.state.cursor
            result = preview_action(
                self.world, self.knowledge, unit.id, self.state.armed, aim, self.state.sneak, heard
            )
        elif self._door_click():  # a click there opens the door: say so, not "in the way"
            option = option_for(self.world, unit, "open_door", self.state.cursor)
            result = preview_option(option, heard, self.world, self.knowledge)
        else:
            result = preview_move(
                self.world, self.knowledge, unit.id, self.state.cursor, self.state.sneak, heard
            )
        self._preview = (key, result)
        return result

    def _door_click(self) -> bool:
        """True when a click on the cursor's cell opens a door (closed, next to the unit),
        as :meth:`MissionInput.act_at` does."""
        unit, cell = self.unit, self.state.cursor
        if unit is None or unit.cell is None or not self.world.in_bounds(cell):
            return False
        door = self.world.door_at(cell)
        return door is not None and not door.open and is_adjacent(unit.cell, cell)

    # --- the session's news ----------------------------------------------------------------

    def _tell_hints(self) -> None:
        """The designer's notes a crew member has just come near, told once each."""
        due = self.hints.due(self.session.world)
        if due:
            self.app.notify("  ".join(due), 8.0)

    def _rewound(self) -> None:
        """Back at the start of a turn: say so (with the rewinds left), and select someone
        who can act again (the crew member caught is free once more)."""
        left = self.session.rewinds_left
        count = "unlimited rewinds" if left < 0 else f"{left} rewind{'s' * (left != 1)} left"
        self.app.notify(f"Back to the start of turn {self.world.turn} ({count}).")
        self.state.armed = None
        unit = self.unit
        if unit is None or not unit.can_act:
            crew = [u for u in self.world.crew() if u.can_act]
            self.state.selected = None
            cell = self.state.select(self.world, crew[0].id) if crew else None
            if cell is not None:
                self.camera.look_at(cell.x, cell.y)

    def _on_change(self, change: Change) -> None:
        """Sounds for what a command did; a reloaded map is looked at afresh."""
        self.news_at = self.time
        self.state.pending = self.state.pending_cell = None  # aimed at a world no more
        if change.kind != "command":  # the world is another one: any ending is undone
            self.orders.forget()  # and any plan made for it
            self.over_timer, self.over_told = None, False
        if change.kind == "reload":
            self._start()
            self.app.notify("Map reloaded.")
            return
        if change.kind == "rewind":
            self._rewound()
        if change.result is not None:
            self._tell_hints()
            audio = self.app.audio
            for event in change.result.events:
                audio.play_event(event.kind)
            fresh = [n for n in self.world.noises if id(n) not in self._seen_noises]
            for noise in fresh[:3]:
                audio.play_heard(self.world, noise, self.unit.cell if self.unit else None)
        self._seen_noises = {id(n) for n in self.world.noises}  # undo, rewind: these are old
