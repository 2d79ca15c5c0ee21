"""The mission's information panels: title and clock bar, alarm countdown, objectives,
what is under the cursor, who would hear, the event log, and the floor tabs."""

from __future__ import annotations

from dataclasses import dataclass

import pygame

from game.sim import outcome
from game.sim.entities import Unit
from game.sim.events import Event
from game.sim.world import World
from game.ui import theme

EVENT_COLORS = {
    "noise_heard": theme.NOISE,
    "heard": theme.NOISE,
    "guard_alerted": theme.RED,
    "alerted": theme.RED,
    "alarm": theme.RED,
    "spotted": theme.RED,
    "mission_over": theme.AMBER,
    "escaped": theme.GREEN,
    "turn_ended": theme.FAINT,
}


@dataclass(frozen=True)
class Alarm:
    """What the alarm banner says, from the rules' own state: a bell ringing, the police
    called (and why), how many turns until they come, or that they came."""

    ringing: bool  # an unsmothered bell rings now
    police_in: int | None  # turns until the police arrive, while they are on their way
    why: str = ""  # what called them ("the Practice bell rang", "Rémi raised the alarm")
    arrived: bool = False

    @property
    def shown(self) -> bool:
        return self.ringing or self.police_in is not None or self.arrived

    @property
    def text(self) -> str:
        """'ALARM RINGING - police in 3 turns', 'POLICE CALLED (...) - police in 2 turns',
        'POLICE HERE': never a bell that did not ring, never 'in 0 turns' after they came."""
        parts = ["ALARM RINGING"] if self.ringing else []
        if self.arrived:
            parts.append("POLICE HERE")
        elif self.police_in is not None:
            if not self.ringing:
                parts.append(f"POLICE CALLED ({self.why})" if self.why else "POLICE CALLED")
            turns = "this turn" if self.police_in == 0 else (
                f"in {self.police_in} turn{'s' if self.police_in != 1 else ''}")  # fmt: skip
            parts.append(f"police {turns}")
        return "  -  ".join(parts)


def alarm_status(world: World) -> Alarm:
    """Whether an unsmothered bell rings, and how many turns until the police come (once
    called: ``world.alarm`` holds their turn, see ``game.sim.alarms``)."""
    ringing = any(
        bell.state.ringing and not bell.state.smothered for bell in world.devices_in_order("bell")
    )
    state = world.alarm
    why = state.why or ""
    if state.police_arrived:
        return Alarm(ringing, None, why, arrived=True)
    due = state.police_turn
    police = max(0, due - world.turn) if isinstance(due, int) else None
    return Alarm(ringing, police, why)


def _clock(minutes: int) -> str:
    return f"{(minutes // 60) % 24:02d}:{minutes % 60:02d}"


def draw_top(surface: pygame.Surface, area: pygame.Rect, world: World, show_alarm: bool) -> None:
    theme.panel(surface, area, 255)
    title = world.mission.title or world.mission.name
    theme.blit_text(
        surface,
        title,
        (area.left + 12, area.centery),
        18,
        theme.PAPER,
        "serif_bold",
        anchor="midleft",
    )
    clock = f"Turn {world.turn}    {_clock(world.clock)}"
    deadline = world.mission.deadline_minutes
    if deadline is not None:
        left = deadline - world.clock
        clock += f"    opening at {_clock(deadline)} ({left // 60}h{left % 60:02d} left)"
    theme.blit_text(
        surface, clock, (area.right - 12, area.centery), 16, theme.PAPER, anchor="midright"
    )
    alarm = alarm_status(world)
    if show_alarm and alarm.shown:
        text = alarm.text
        box = theme.text(text, 17, theme.PAPER, "sans_bold").get_rect(center=area.center)
        box.inflate_ip(24, 6)
        surface.fill(theme.RED, box)
        theme.blit_text(surface, text, box.center, 17, theme.PAPER, "sans_bold", anchor="center")


def draw_side(
    surface: pygame.Surface,
    area: pygame.Rect,
    world: World,
    hover_lines: list[tuple[str, tuple[int, int, int]]],
    events: list[Event],
) -> None:
    """Objectives, then what the cursor points at, then the event log at the bottom."""
    theme.panel(surface, area, 255)
    x, y = area.left + 12, area.top + 10
    width = area.width - 24
    theme.blit_text(surface, "OBJECTIVES", (x, y), 13, theme.AMBER, "sans_bold")
    y += 20
    for objective in world.objectives:
        met = outcome.is_met(world, objective)
        mark = "[x]" if met else "[ ]"
        for n, line in enumerate(theme.wrap(f"{mark} {objective.text}", width, 14)):
            theme.blit_text(
                surface,
                line,
                (x + (0 if n == 0 else 26), y),
                14,
                theme.GREEN if met else theme.PAPER,
            )
            y += 18
    if not world.objectives:
        theme.blit_text(surface, "(none: explore freely)", (x, y), 14, theme.DIM)
        y += 18
    y += 10
    if hover_lines:
        theme.blit_text(surface, "UNDER THE CURSOR", (x, y), 13, theme.AMBER, "sans_bold")
        y += 20
        for text, color in hover_lines:
            for line in theme.wrap(text, width, 14):
                theme.blit_text(surface, line, (x, y), 14, color)
                y += 18
        y += 8
    _log(surface, pygame.Rect(area.left, y, area.width, area.bottom - y), events)


#: Event kinds that are reactions to what a crew member just did (the rules log them while
#: a move is under way, and the move itself when it ends).
CONSEQUENCES = frozenset({
    "noise_heard", "guard_woke", "guard_suspicious", "spotted", "guard_alerted",
    "police_called", "sensor_tripped", "bell_ringing", "bell_muffled", "guard_sighted",
    "civilian_alarm", "reaction_fire", "shot", "killed", "caught",
})  # fmt: skip


def cause_first(events: list[Event]) -> list[Event]:
    """The log's order: a move before what it set off. The rules log "Jo walked to..." when
    the walk ends, after the footsteps were heard on the way; read in that order the log
    says the landlady woke before Jo moved. Only the display is reordered."""
    out: list[Event] = []
    for event in events:
        if event.kind == "moved":
            at = len(out)
            while at > 0 and out[at - 1].kind in CONSEQUENCES and out[at - 1].turn == event.turn:
                at -= 1
            out.insert(at, event)
        else:
            out.append(event)
    return out


def _log(surface: pygame.Surface, area: pygame.Rect, events: list[Event]) -> None:
    if area.height < 60:
        return
    x = area.left + 12
    width = area.width - 24
    pygame.draw.line(surface, theme.PANEL_EDGE, (x, area.top), (area.right - 12, area.top))
    theme.blit_text(surface, "WHAT HAPPENED", (x, area.top + 6), 13, theme.AMBER, "sans_bold")
    lines: list[tuple[str, tuple[int, int, int]]] = []
    for event in cause_first(events[-40:]):
        color = EVENT_COLORS.get(event.kind, theme.PAPER)
        if event.kind == "turn_ended":  # a quiet turn gets no header of its own
            if lines and lines[-1][1] != theme.FAINT:
                lines.append((f"- turn {event.turn} -", theme.FAINT))
            continue
        wrapped = theme.wrap(event.text, width - 8, 14)
        lines.extend((line if i == 0 else "  " + line, color) for i, line in enumerate(wrapped))
    room = (area.height - 30) // 18
    y = area.top + 28
    for text, color in lines[-room:] if room > 0 else []:
        theme.blit_text(surface, text, (x, y), 14, color)
        y += 18


TAB_MARGIN = 8  # from the map's corner
TAB_WIDTH, TAB_HEIGHT, TAB_STEP = 128, 34, 40


def tabs_size(floors: int) -> tuple[int, int]:
    """The size of the floor tabs together (they are painted as one picture)."""
    return TAB_WIDTH, (floors - 1) * TAB_STEP + TAB_HEIGHT


def floor_tabs(
    surface: pygame.Surface,
    view: pygame.Rect,
    world: World,
    current: int,
    visible: list[Unit],
    hover: tuple[int, int] | None,
) -> list[tuple[pygame.Rect, int]]:
    """A tab per floor (top floor first) with who is there; the floor above and below
    are marked so the player knows there is more to see."""
    hits = []
    floors = world.terrain.floors
    if floors <= 1:
        return hits
    for n, floor in enumerate(range(floors - 1, -1, -1)):
        rect = pygame.Rect(
            view.left + TAB_MARGIN, view.top + TAB_MARGIN + n * TAB_STEP, TAB_WIDTH, TAB_HEIGHT
        )
        chosen = floor == current
        hovered = hover is not None and rect.collidepoint(hover)
        theme.panel(surface, rect, 250 if chosen else 200)
        if chosen or hovered:
            pygame.draw.rect(surface, theme.AMBER, rect, 2 if chosen else 1)
        name = "Ground" if floor == 0 else f"Floor {floor}"
        hint = "  ^" if floor == current + 1 else "  v" if floor == current - 1 else ""
        theme.blit_text(
            surface,
            name + hint,
            (rect.left + 8, rect.centery),
            14,
            theme.AMBER if chosen else theme.PAPER,
            "sans_bold",
            anchor="midleft",
        )
        crew = sum(1 for u in visible if u.is_crew and u.cell and u.cell.floor == floor)
        others = sum(1 for u in visible if not u.is_crew and u.cell and u.cell.floor == floor)
        dots = rect.right - 8
        for _ in range(others):
            pygame.draw.circle(surface, theme.RED, (dots, rect.centery), 4)
            dots -= 10
        for _ in range(crew):
            pygame.draw.circle(surface, theme.SELECT, (dots, rect.centery), 4)
            dots -= 10
        hits.append((rect, floor))
    return hits
