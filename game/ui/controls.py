"""Every control of the game, its default keys, and the help text: one source for all three.

The key map, the in-game help screen and ``docs/controls.md`` are all generated from
:data:`BINDINGS` and :data:`MOUSE`, so they cannot drift apart. Run
``python -m game.ui.controls`` to print the Markdown page.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass

os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")  # keep the generated page clean

import pygame


@dataclass(frozen=True)
class Binding:
    """One thing a key can do."""

    action: str
    group: str
    help: str
    keys: tuple[str, ...]  # pygame key names (pygame.key.name)


REPLAY = "Replay viewer"  # its keys only act in the viewer, so they may reuse mission keys

BINDINGS: tuple[Binding, ...] = (
    Binding("cursor_up", "Map cursor", "Move the map cursor up", ("up",)),
    Binding("cursor_down", "Map cursor", "Move the map cursor down", ("down",)),
    Binding("cursor_left", "Map cursor", "Move the map cursor left", ("left",)),
    Binding("cursor_right", "Map cursor", "Move the map cursor right", ("right",)),
    Binding(
        "confirm",
        "Map cursor",
        "Do it: move to the cursor, or use the armed action there",
        ("return", "space", "enter"),
    ),
    Binding("back", "Map cursor", "Disarm the action; with nothing armed, pause", ("escape",)),
    Binding("next_crew", "Crew", "Select the next crew member", ("tab",)),
    Binding("crew_1", "Crew", "Select the first crew member", ("f1",)),
    Binding("crew_2", "Crew", "Select the second crew member", ("f2",)),
    Binding("crew_3", "Crew", "Select the third crew member", ("f3",)),
    Binding("crew_4", "Crew", "Select the fourth crew member", ("f4",)),
    Binding("sneak", "Crew", "Toggle sneaking (slower, much quieter)", ("x",)),
    *(
        Binding(
            f"action_{n}",
            "Actions",
            f"Action {n} of the action bar: do it, or arm it to pick a target",
            (key,),
        )
        for n, key in enumerate(
            (
                "1",
                "2",
                "3",
                "4",
                "5",
                "6",
                "7",
                "8",
                "9",
                "0",
                "q",
                "z",
                "c",
                "b",
                "m",
                "l",
                "y",
                "o",
            ),
            start=1,
        )
    ),
    Binding("end_turn", "Turn", "End the turn: the guards and devices act", ("e",)),
    Binding(
        "wait_until",
        "Turn",
        "Wait until something happens: end turns until a guard comes into or leaves view "
        "or someone hears something (at most 12)",
        ("k",),
    ),
    Binding("undo", "Turn", "Undo the last action of this turn (if it revealed nothing)", ("u",)),
    Binding("rewind", "Turn", "Rewind to the start of the previous turn (limited)", ("r",)),
    Binding("floor_up", "View", "Show the floor above", ("page up", "]")),
    Binding("floor_down", "View", "Show the floor below", ("page down", "[")),
    Binding("pan_up", "View", "Pan the view up", ("w",)),
    Binding("pan_down", "View", "Pan the view down", ("s",)),
    Binding("pan_left", "View", "Pan the view left", ("a",)),
    Binding("pan_right", "View", "Pan the view right", ("d",)),
    Binding("zoom_in", "View", "Zoom in", ("=", "keypad +")),
    Binding("zoom_out", "View", "Zoom out", ("-", "keypad -")),
    Binding("follow", "View", "Follow the selected crew member", ("f",)),
    Binding("toggle_vision", "Overlays", "Show or hide guards' vision cones", ("v",)),
    Binding("toggle_noise", "Overlays", "Show or hide noise rings and who heard them", ("n",)),
    Binding("toggle_forecast", "Overlays", "Show or hide the noise forecast", ("h",)),
    Binding("toggle_path", "Overlays", "Show or hide the path preview", ("p",)),
    Binding(
        "toggle_reach",
        "Overlays",
        "Show or hide the cells in reach this turn (green: even sneaking; pale: walking)",
        ("i",),
    ),
    Binding("toggle_intent", "Overlays", "Show or hide where guards go next", ("g",)),
    Binding("toggle_alarm", "Overlays", "Show or hide the alarm and police countdown", ("t",)),
    Binding("replay_play", REPLAY, "Play or pause the recording", ("space",)),
    Binding("replay_forward", REPLAY, "One command forward (with Shift: one turn)", ("right",)),
    Binding("replay_back", REPLAY, "One command back (with Shift: one turn)", ("left",)),
    Binding("replay_next_turn", REPLAY, "To the start of the next turn", ("up",)),
    Binding("replay_previous_turn", REPLAY, "To the start of the previous turn", ("down",)),
    Binding("replay_start", REPLAY, "To the start of the game", ("home",)),
    Binding("replay_end", REPLAY, "To the end of the game", ("end",)),
    Binding("replay_faster", REPLAY, "Play faster", ("=", "keypad +")),
    Binding("replay_slower", REPLAY, "Play slower", ("-", "keypad -")),
    Binding("replay_floor_up", REPLAY, "Show the floor above", ("page up", "]")),
    Binding("replay_floor_down", REPLAY, "Show the floor below", ("page down", "[")),
    Binding("replay_take_over", REPLAY, "Take over: play on from here as a new game", ("t",)),
    Binding("replay_back_out", REPLAY, "Leave the viewer", ("escape",)),
    Binding("help", "Window", "Show the controls", ("/", "f10")),
    Binding("screenshot", "Window", "Save a screenshot", ("f12",)),
    Binding("fullscreen", "Window", "Toggle fullscreen", ("f11",)),
)

MOUSE: tuple[tuple[str, str], ...] = (
    (
        "Left click a crew member",
        "Select them (also: click a portrait in the crew bar); the cells they can reach "
        "this turn are shaded, green even sneaking, pale only walking",
    ),
    ("Left click the map", "Move there, or use the armed action on what is there"),
    (
        "Hover the map",
        "Path, AP cost, who sees it where and where a move stops; who would hear "
        "and what they would do; how loud wakes a sleeper",
    ),
    (
        "Left click an action",
        "Arm it (actions without a target happen at once); Peek, Drill, "
        "Shoot and Knock out take their target from the cursor or the next click",
    ),
    (
        "Drill, Shoot, Knock out",
        "Aimed first, with the noise forecast shown; the key again, "
        "Enter or a click on the same target confirms",
    ),
    ("Right click", "Disarm the action"),
    ("Right or middle drag", "Pan the view (or push the mouse against the window's edge)"),
    ("Wheel", "Zoom in and out"),
    ("Floor tabs (left)", "Switch floors; each tab shows who is up or down there"),
    ("End turn button", "End the turn"),
    ("Replay viewer: click the timeline", "Jump to that turn"),
    ("Replay viewer: wheel", "Zoom in and out"),
)

BY_ACTION = {binding.action: binding for binding in BINDINGS}

#: The pictures on the controls page (``python -m game.ui.gallery`` takes them).
SCREENSHOTS: tuple[tuple[str, str], ...] = (
    ("title", "The title screen"),
    ("briefing", "A briefing before the job"),
    ("mission", "The jeweler's, ground floor: a guard's view in red, the path preview crossing "
     "it with its AP cost, the amber forecast of who would hear, the guard's next steps in violet"),
    ("mission_floor1", "The flat upstairs: the action bar, the crew and what is under the cursor"),
    ("pause", "Paused over the mission"),
    ("debrief", "The debrief: the rules' own figures for the run"),
    ("replay_viewer", "The replay viewer: the timeline with its markers, fog lifted"),
)  # fmt: skip


class KeyMap:
    """Which action each key does, from the defaults and the player's overrides."""

    def __init__(self, overrides: dict[str, list[str]] | None = None) -> None:
        self.keys: dict[str, tuple[str, ...]] = {b.action: b.keys for b in BINDINGS}
        for action, names in (overrides or {}).items():
            if action in self.keys:
                self.keys[action] = tuple(names)
        self._by_code: dict[int, list[str]] = {}
        for action, names in self.keys.items():
            for name in names:
                code = key_code(name)
                if code is not None:
                    self._by_code.setdefault(code, []).append(action)

    def actions_for(self, key: int) -> list[str]:
        """The actions a key press triggers (usually one)."""
        return self._by_code.get(key, [])

    def label(self, action: str) -> str:
        """The first key of an action, for buttons ("E", "1", "PgUp")."""
        names = self.keys.get(action, ())
        return short_name(names[0]) if names else ""

    def rebind(self, action: str, key_name: str) -> dict[str, list[str]]:
        """Bind ``action`` to one key, taking that key from any other action of the same
        screen (the replay viewer's keys and the mission's keys do not collide).

        Returns the overrides to store in the settings.
        """
        overrides: dict[str, list[str]] = {}
        screen = _screen(action)
        for other, names in self.keys.items():
            if other != action and key_name in names and _screen(other) in (screen, "any"):
                overrides[other] = [n for n in names if n != key_name]
        overrides[action] = [key_name]
        return overrides


def _screen(action: str) -> str:
    """Which screen an action's key works on: "replay", "any" (window keys) or "mission"."""
    group = BY_ACTION[action].group if action in BY_ACTION else ""
    return "replay" if group == REPLAY else "any" if group == "Window" else "mission"


def key_code(name: str) -> int | None:
    try:
        return pygame.key.key_code(name)
    except (ValueError, pygame.error):
        return None


def short_name(name: str) -> str:
    return {
        "page up": "PgUp",
        "page down": "PgDn",
        "return": "Enter",
        "escape": "Esc",
        "space": "Space",
        "keypad +": "Num+",
        "keypad -": "Num-",
        "enter": "Num Enter",
    }.get(
        name,
        name.upper() if len(name) == 1 or (name[:1] == "f" and len(name) <= 3) else name.title(),
    )


def help_sections(keymap: KeyMap | None = None) -> list[tuple[str, list[tuple[str, str]]]]:
    """The help text grouped: ``[(group, [(keys, what it does), ...]), ...]``."""
    keymap = keymap or KeyMap()
    groups: dict[str, list[tuple[str, str]]] = {}
    for binding in BINDINGS:
        keys = " / ".join(short_name(k) for k in keymap.keys[binding.action]) or "(unbound)"
        groups.setdefault(binding.group, []).append((keys, binding.help))
    return [("Mouse", list(MOUSE)), *groups.items()]


def markdown() -> str:
    """The controls page of the docs."""
    lines = [
        "# Controls",
        "",
        "Everything can be played with the mouse alone or the keyboard alone. Keys can be",
        "rebound in Settings (select a control, press Enter, then the new key); settings live",
        "in your user config folder (`settings.json`). Settings also hold the film look: the",
        "map and its people in black and white, as the film was shot, every overlay and the",
        "HUD kept in colour (`film_look`, off by default).",
        "",
        "This page is generated from `game/ui/controls.py`, the same table the in-game help",
        "screen shows: `python -m game.ui.controls > docs/controls.md`.",
    ]
    for group, rows in help_sections():
        lines += ["", f"## {group}", "", "| Input | What it does |", "|---|---|"]
        lines += [f"| {_escape(keys)} | {what} |" for keys, what in rows]
    lines += ["", "## What it looks like", ""]
    lines += [f"![{caption}](images/{name}.png)\n\n*{caption}.*\n" for name, caption in SCREENSHOTS]
    return "\n".join(lines).rstrip("\n") + "\n"


def _escape(cell: str) -> str:
    return cell.replace("|", "\\|")


if __name__ == "__main__":
    sys.stdout.write(markdown())
