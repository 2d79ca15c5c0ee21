"""What the player's input asks of the mission screen, read from pygame events and the key
map before anything is done about it: one typed intent per thing asked (move the cursor,
press action 3, end the turn, the mouse over a point...).

A key's meaning is a table (:data:`KEYS`, from the key map's action names), not a chain of
string tests; :class:`~game.ui.scenes.mission_input.MissionInput` carries intents out.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pygame

from game.ui.controls import BINDINGS, KeyMap


@dataclass(frozen=True)
class MoveCursor:
    dx: int
    dy: int


@dataclass(frozen=True)
class Pan:
    """Pan the view, in steps of three cells."""

    dx: int
    dy: int


@dataclass(frozen=True)
class Confirm:
    """Do it at the cursor: move there, or use the armed action."""


@dataclass(frozen=True)
class Back:
    """Disarm the action; with nothing armed, pause."""


@dataclass(frozen=True)
class NextCrew:
    step: int


@dataclass(frozen=True)
class SelectCrew:
    index: int  # from 0, in the crew bar's order


@dataclass(frozen=True)
class PressAction:
    index: int  # from 0, in the action bar's order


@dataclass(frozen=True)
class ToggleSneak:
    pass


@dataclass(frozen=True)
class EndTurn:
    pass


@dataclass(frozen=True)
class WaitUntil:
    pass


@dataclass(frozen=True)
class Undo:
    pass


@dataclass(frozen=True)
class Rewind:
    pass


@dataclass(frozen=True)
class ChangeFloor:
    step: int


@dataclass(frozen=True)
class Zoom:
    steps: int
    at_pointer: bool  # keep the cell under the mouse in place (the wheel), else the centre


@dataclass(frozen=True)
class ToggleFollow:
    pass


@dataclass(frozen=True)
class ToggleOverlay:
    name: str  # a key of the settings' overlays


@dataclass(frozen=True)
class Help:
    pass


@dataclass(frozen=True)
class Point:
    """The mouse moved to ``pos`` (with ``buttons`` held)."""

    pos: tuple[int, int]
    buttons: tuple[int, ...]


@dataclass(frozen=True)
class Press:
    pos: tuple[int, int]
    button: int


@dataclass(frozen=True)
class Release:
    button: int


Intent = (
    MoveCursor | Pan | Confirm | Back | NextCrew | SelectCrew | PressAction | ToggleSneak
    | EndTurn | WaitUntil | Undo | Rewind | ChangeFloor | Zoom | ToggleFollow | ToggleOverlay
    | Help | Point | Press | Release
)  # fmt: skip

SHIFT_STEP = 5  # cells the cursor moves with Shift held


def _cursor(dx: int, dy: int) -> Callable[[bool], Intent]:
    def intent(shift: bool) -> Intent:
        step = SHIFT_STEP if shift else 1
        return MoveCursor(dx * step, dy * step)

    return intent


#: A key map action -> the intent of its key (given whether Shift is held).
KEYS: dict[str, Callable[[bool], Intent]] = {
    "cursor_up": _cursor(0, -1),
    "cursor_down": _cursor(0, 1),
    "cursor_left": _cursor(-1, 0),
    "cursor_right": _cursor(1, 0),
    "pan_up": lambda _: Pan(0, -1),
    "pan_down": lambda _: Pan(0, 1),
    "pan_left": lambda _: Pan(-1, 0),
    "pan_right": lambda _: Pan(1, 0),
    "confirm": lambda _: Confirm(),
    "back": lambda _: Back(),
    "next_crew": lambda shift: NextCrew(-1 if shift else 1),
    "sneak": lambda _: ToggleSneak(),
    "end_turn": lambda _: EndTurn(),
    "wait_until": lambda _: WaitUntil(),
    "undo": lambda _: Undo(),
    "rewind": lambda _: Rewind(),
    "floor_up": lambda _: ChangeFloor(1),
    "floor_down": lambda _: ChangeFloor(-1),
    "zoom_in": lambda _: Zoom(1, at_pointer=False),
    "zoom_out": lambda _: Zoom(-1, at_pointer=False),
    "follow": lambda _: ToggleFollow(),
    "help": lambda _: Help(),
    **{
        b.action: (lambda name: lambda _: ToggleOverlay(name))(b.action.removeprefix("toggle_"))
        for b in BINDINGS
        if b.action.startswith("toggle_")
    },
    **{
        b.action: (lambda n: lambda _: SelectCrew(n))(int(b.action.split("_")[1]) - 1)
        for b in BINDINGS
        if b.action.startswith("crew_")
    },
    **{
        b.action: (lambda n: lambda _: PressAction(n))(int(b.action.split("_")[1]) - 1)
        for b in BINDINGS
        if b.action.startswith("action_")
    },
}


def read(event: pygame.event.Event, keymap: KeyMap) -> list[Intent]:
    """The intents of one event (none for what the mission ignores)."""
    if event.type == pygame.KEYDOWN:
        shift = bool(event.mod & pygame.KMOD_SHIFT)
        return [KEYS[a](shift) for a in keymap.actions_for(event.key) if a in KEYS]
    if event.type == pygame.MOUSEMOTION:
        return [Point(event.pos, tuple(event.buttons))]
    if event.type == pygame.MOUSEBUTTONDOWN:
        return [Press(event.pos, event.button)]
    if event.type == pygame.MOUSEBUTTONUP:
        return [Release(event.button)]
    if event.type == pygame.MOUSEWHEEL and event.y:
        return [Zoom(1 if event.y > 0 else -1, at_pointer=True)]
    return []
