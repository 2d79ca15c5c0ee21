"""The mission's HUD, drawn from the mission's state: the top bar, the crew cards, the side
panel, the action bar, the floor tabs, the armed action's prompt and the bar's tooltips.

Each opaque panel is painted into a kept picture again only when what it shows changes
(:class:`~game.ui.hud.painted.Panels`, keyed by the session's version and the fields of the
:class:`~game.ui.scenes.mission_state.MissionState` it shows); the translucent floor tabs
are a picture of their own. :meth:`MissionHud.draw` returns where it drew what a click
reaches (:class:`~game.ui.scenes.mission_view.Hits`), for the input layer.
"""

from __future__ import annotations

import pygame

from game.replay.session import GameSession
from game.sim import hearing
from game.sim.entities import GuardState, Status
from game.sim.world import World
from game.ui import theme
from game.ui.actions import ActionOption
from game.ui.hud import actionbar, crewbar, panels
from game.ui.hud.painted import Overlay, Panels
from game.ui.hud.widgets import tooltip
from game.ui.render.knowledge import Knowledge
from game.ui.scenes.mission_input import MissionInput
from game.ui.scenes.mission_view import Hits
from game.ui.scenes.preview import Preview


class MissionHud:
    """The HUD's kept pictures, and where it drew what a click reaches last."""

    def __init__(self) -> None:
        self.panels = Panels()  # painted again only when what they show changes
        self.tabs: Overlay[list[tuple[pygame.Rect, int]]] = Overlay()
        self.bar_hits: list[actionbar.BarHit] = []
        self.floor_hits: list[tuple[pygame.Rect, int]] = []

    def draw(
        self,
        surface: pygame.Surface,
        scene: MissionInput,
        world: World,
        knowledge: Knowledge,
        flags: dict[str, bool],
    ) -> Hits:
        """The panels, each painted again only when what it shows changed (the session's
        version, the selection, the cursor and its preview, the hovered button, the keys)."""
        layout, keymap, parts = scene.layout, scene.app.keymap, self.panels
        hover = scene.hover_pos
        size, version = surface.get_size(), scene.session.version
        show_alarm = flags.get("alarm", True)
        parts.part(
            "top",
            size,
            layout.top,
            (version, show_alarm),
            lambda picture: panels.draw_top(picture, layout.top, world, show_alarm),
        )
        self._floor_tabs(scene, surface, world, knowledge, hover)
        crew = world.crew()
        card = _hovered(crewbar.card_rects(layout.crew, len(crew)), hover)
        crew_hits = parts.part(
            "crew",
            size,
            layout.crew,
            (version, scene.state.selected, card, keymap),
            lambda picture: crewbar.draw_crew(
                picture,
                layout.crew,
                crew,
                scene.state.selected,
                hover,
                [keymap.label(f"crew_{n + 1}") for n in range(len(crew))],
            ),
        )
        options = scene.options()
        button = _hovered([hit.rect for hit in self.bar_hits], hover)
        bar_key = (scene.options_key(), scene.state.armed, scene.state.sneak, button, keymap)
        self.bar_hits = parts.part(
            "bar",
            size,
            layout.bar,
            bar_key,
            lambda picture: self._bar_panel(scene, picture, options),
        )
        lines_key = (version, scene.state.cursor, scene.preview(), flags.get("forecast", True))
        parts.part(
            "side",
            size,
            layout.side,
            lines_key,
            lambda picture: panels.draw_side(
                picture,
                layout.side,
                world,
                hover_lines(scene, world, knowledge),
                scene.chronicle.events(world, knowledge),
            ),
        )
        on_screen = scene.app.untouched if surface is scene.app.screen else lambda _: False
        parts.show(surface, on_screen)
        if scene.state.armed:
            self._ask(scene, surface, options)
        if hover is not None:
            for hit in self.bar_hits:
                if hit.rect.collidepoint(hover) and hit.tooltip:
                    box = tooltip(surface, list(hit.tooltip), hover)
                    if box is not None:
                        parts.drawn_over(box)
        return Hits(self.bar_hits, crew_hits, self.floor_hits)

    def _floor_tabs(
        self,
        scene: MissionInput,
        surface: pygame.Surface,
        world: World,
        knowledge: Knowledge,
        hover: tuple[int, int] | None,
    ) -> None:
        """The floor tabs over the map: a translucent picture of their own, painted again
        when the floor, who is seen where or the hovered tab changes."""
        floors = world.terrain.floors
        if floors <= 1:
            self.floor_hits = []
            return
        view = scene.layout.view
        origin = (view.left + panels.TAB_MARGIN, view.top + panels.TAB_MARGIN)
        local = pygame.Rect(-panels.TAB_MARGIN, -panels.TAB_MARGIN, view.width, view.height)
        visible = [u for u in world.units_in_order() if knowledge.visible(u)]
        tab = _hovered([rect for rect, _ in self.floor_hits], hover)
        key = (scene.session.version, scene.state.floor, tab)
        at = None if tab is None else self.floor_hits[tab][0].move(-origin[0], -origin[1]).center
        hits = self.tabs.draw(
            surface,
            origin,
            panels.tabs_size(floors),
            key,
            lambda picture: panels.floor_tabs(
                picture, local, world, scene.state.floor, visible, at
            ),
        )
        self.floor_hits = [(rect.move(origin), floor) for rect, floor in hits]

    def _bar_panel(
        self, scene: MissionInput, picture: pygame.Surface, options: list[ActionOption]
    ) -> list[actionbar.BarHit]:
        keymap, world, session = scene.app.keymap, scene.world, scene.session
        hotkeys = [keymap.label(f"action_{n + 1}") for n in range(len(options))]
        tools = {
            "sneak": (True, keymap.label("sneak"), "Sneak: half speed, almost silent."),
            "undo": (session.undo_reason() is None, keymap.label("undo"), undo_tip(session)),
            "rewind": (
                session.rewind_reason() is None,
                keymap.label("rewind"),
                rewind_tip(session),
                rewind_label(session),
            ),
            "end_turn": (
                not world.outcome.over,
                keymap.label("end_turn"),
                "End the turn: guards and devices act, the clock moves on.",
            ),
            "wait_until": (
                not world.outcome.over,
                keymap.label("wait_until"),
                "End turns until a guard comes into or leaves view, or someone hears "
                "something (orders carry on meanwhile).",
            ),
        }
        state = scene.state
        return actionbar.draw_bar(
            picture, scene.layout.bar, options, hotkeys, state.armed, state.sneak, tools,
            scene.hover_pos,
        )  # fmt: skip

    def _ask(
        self, scene: MissionInput, surface: pygame.Surface, options: list[ActionOption]
    ) -> None:
        """What an armed action waits for, over the bottom of the map."""
        label = next((o.label for o in options if o.kind == scene.state.armed), scene.state.armed)
        aimed = scene.state.pending_cell
        ask = (
            f"{label} at ({aimed.x}, {aimed.y}): the forecast shows who hears it. Confirm: "
            "the key again, Enter, or click it (right click or Esc to cancel)"
            if aimed is not None
            else f"{label}: choose a target (right click or Esc to cancel)"
        )
        view = scene.layout.view
        theme.blit_text(
            surface,
            ask,
            (view.centerx, view.bottom - 8),
            15,
            theme.AMBER,
            anchor="midbottom",
            shadow=True,
        )


def undo_tip(session: GameSession) -> str:
    reason = session.undo_reason()
    return reason or "Undo the last action of this turn."


def rewind_label(session: GameSession) -> str:
    """The Rewind button with the rewinds left: "Rewind 2", "Rewind 0"; no count when
    unlimited."""
    left = session.rewinds_left
    return "Rewind" if left < 0 else f"Rewind {left}"


def rewind_tip(session: GameSession) -> str:
    left = session.rewinds_left
    count = "unlimited rewinds" if left < 0 else f"{left} rewind{'s' * (left != 1)} left"
    return f"Back to the start of the previous turn ({count})."


def hover_lines(
    scene: MissionInput, world: World, knowledge: Knowledge
) -> list[tuple[str, tuple[int, int, int]]]:
    """The side panel's lines about the cursor's cell and what pointing there means."""
    cell = scene.state.cursor
    if not world.in_bounds(cell):
        return []
    lines: list[tuple[str, tuple[int, int, int]]] = []
    door = world.door_at(cell)
    name = world.terrain.tile_name(*cell).replace("_", " ")
    if door is not None:  # the tile's name tells how the map drew it, not how it stands
        name = "doorway"
    lines.append((f"{name}  ({cell.x}, {cell.y})", theme.DIM))
    if door is not None:
        state = "open" if door.open else "locked" if door.locked else "closed"
        lines.append((f"{door.name.capitalize()}: {state}", theme.PAPER))
    for device in world.devices_at(cell):
        label = device.name or device.kind
        if device.kind == "sensor" and device.traits.is_vibration:
            label += f": trips at noise level {hearing.sensor_threshold(world, device)}"
        lines.append((label, theme.PAPER))
    occupant = world.occupant(cell)
    if occupant is not None and knowledge.visible(occupant):
        state = occupant.state.value if occupant.is_guard else occupant.status.value
        if occupant.status is not Status.ACTIVE:
            state = occupant.status.value.replace("_", " ")
        elif occupant.is_guard:  # how loud is too loud, so nothing is hidden dice
            level = hearing.guard_threshold(world, occupant)
            verb = "wakes" if occupant.state is GuardState.SLEEPING else "hears"
            state += f", {verb} at noise level {level}"
        lines.append((f"{occupant.name} ({state})", theme.PAPER))
    if knowledge.watched[cell.index] and knowledge.crew_sees[cell.index]:
        lines.append(("A guard watches this cell.", theme.WATCHED))
    preview = scene.preview()
    if preview.reason:
        lines.append(
            (
                f"{preview.label}: {preview.reason}" if preview.label else preview.reason,
                theme.RED,
            )
        )
    elif preview.command is not None:
        cost = f", {preview.cost} AP" if preview.cost else ""
        lines.append((f"{preview.label}{cost}", theme.PATH_OK))
        for watcher in _seen_lines(preview):
            lines.append((watcher, theme.WATCHED))
        if preview.stop is not None:
            lines.append((preview.stop.why, theme.WATCHED))
        if preview.reactions:  # only listeners the crew knows of: no hidden guard hinted
            lines.append(("Would be heard by:", theme.FORECAST))
            lines += [(f"  {r.line}", theme.FORECAST) for r in preview.reactions]
        elif scene.app.settings.overlays.get("forecast", True):
            lines.append(("Nobody you know of would hear it.", theme.DIM))
    return lines


def _seen_lines(preview: Preview) -> list[str]:
    """'Seen by Louis at (4, 5), (4, 6)': the path cells each visible guard watches."""
    cells: dict[str, list[str]] = {}
    for watcher in preview.watchers:
        for name in watcher.guards:
            cells.setdefault(name, []).append(f"({watcher.cell.x}, {watcher.cell.y})")
    return [
        f"Seen by {name} at {', '.join(at[:4])}{' ...' if len(at) > 4 else ''}"
        for name, at in cells.items()
    ]


def _hovered(rects: list[pygame.Rect], hover: tuple[int, int] | None) -> int | None:
    """Which of ``rects`` the mouse is over (what a hover highlight depends on)."""
    if hover is None:
        return None
    return next((n for n, rect in enumerate(rects) if rect.collidepoint(hover)), None)
