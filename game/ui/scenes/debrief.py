"""The debrief: how the job went, from the rules' own summary of the run.

Every figure comes from :func:`game.sim.score.score_summary` (loot taken and carried out,
turns and clock, loudest noise, knockouts, kills, alerts, the alarm and the police, each
crew member's fate, each objective), so the debrief, a replay's verification and the tests
agree on one set of numbers. Drawn as a table rather than a paragraph so it reads at a glance.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pygame

from game.replay.session import GameSession
from game.sim.score import score_summary
from game.ui import theme
from game.ui.app import App
from game.ui.hud.lossview import LossView
from game.ui.hud.widgets import MenuItem
from game.ui.loss import LossReport, explain_loss
from game.ui.scene import Next
from game.ui.scenes.menu import MenuScene
from game.ui.settings import Best, Progress

Row = tuple[str, str, theme.Color]


def figures(summary: dict[str, Any]) -> list[Row]:
    """The table's rows: ``(what, value, colour)``; trouble in red, clean work in green."""

    def flag(count: int, bad: theme.Color = theme.RED) -> theme.Color:
        return bad if count else theme.GREEN

    loot = f"{summary['loot_out']:,} francs".replace(",", " ")
    if summary["loot_taken"] and summary["loot_taken"] != summary["loot_out"]:
        loot += f"  (taken: {summary['loot_taken']:,})".replace(",", " ")
    alarm = "silent"
    if summary["alarm_raised"]:
        alarm = "police came" if summary["police_came"] else "raised"
    return [
        ("Loot carried out", loot, theme.AMBER if summary["loot_out"] else theme.DIM),
        ("Turns", f"{summary['turns']},  clock {summary['time']}", theme.PAPER),
        ("Loudest noise", str(summary["noise_peak"]), theme.PAPER),
        ("Knocked out", str(summary["knockouts"]), flag(summary["knockouts"], theme.AMBER)),
        ("Killed", str(summary["kills"]), flag(summary["kills"])),
        ("Guards alerted", str(summary["alerts"]), flag(summary["alerts"], theme.AMBER)),
        ("Alarm", alarm, theme.GREEN if alarm == "silent" else theme.RED),
        ("Rewinds used", str(summary["rewinds"]), flag(summary["rewinds"], theme.AMBER)),
    ]


class DebriefScene(MenuScene):
    """The outcome, a table of figures, objectives and crew, and what to do next."""

    def __init__(
        self,
        app: App,
        summary: dict[str, Any],
        items: list[MenuItem],
        on_back: Callable[[], Next | None],
        loss: LossView | None = None,
    ) -> None:
        won = summary["status"] == "won"
        super().__init__(
            app, "Success" if won else "Failure", items, subtitle="Debrief", on_back=on_back
        )
        self.summary = summary
        self.loss = loss  # what happened, on the map, after a loss

    @property
    def report(self) -> LossReport | None:
        return self.loss.report if self.loss is not None else None

    def draw(self, surface: pygame.Surface) -> None:
        self.draw_background(surface)
        width, height = surface.get_size()
        summary, y = self.summary, int(height * 0.07)
        won = summary["status"] == "won"
        theme.blit_text(
            surface, self.title, (width // 2, y), 52, theme.GREEN if won else theme.RED,
            "serif_bold", "midtop", shadow=True,
        )  # fmt: skip
        y += 62
        column = min(860, width - 80)
        left = width // 2 - column // 2
        if self.loss is not None:  # who, where, why, on the map: instead of the bare reason
            what = pygame.Rect(left - 16, y - 6, column + 32, min(180, height // 4))
            self.loss.draw(surface, what, self.time)
            y = what.bottom + 18
            row = 20
        else:
            verdict = f"{'The job is done' if won else 'The job went wrong'}: {summary['reason']}."
            theme.blit_text(surface, verdict, (width // 2, y), 20, theme.PAPER, "serif", "midtop")
            y += 40
            row = 26
        box = pygame.Rect(left - 16, y - 10, column + 32, 0)
        rows = figures(summary)
        side = self._side_lines(summary)
        box.height = max(len(rows), len(side)) * row + 20
        theme.panel(surface, box, 200)
        for n, (what_, value, color) in enumerate(rows):
            at = y + n * row
            theme.blit_text(surface, what_, (left, at), 17, theme.DIM)
            theme.blit_text(surface, value, (left + 180, at), 17, color, "sans_bold")
        for n, (line, color) in enumerate(side):
            theme.blit_text(surface, line, (left + column // 2 + 40, y + n * row), 17, color)
        self.menu.draw(surface, (width // 2, box.bottom + (14 if self.loss else 24)))
        theme.blit_text(
            surface,
            "Arrows / mouse to choose, Enter / click to confirm, Esc back",
            (width // 2, height - 16),
            13,
            theme.DIM,
            anchor="midbottom",
        )

    @staticmethod
    def _side_lines(summary: dict[str, Any]) -> list[tuple[str, theme.Color]]:
        lines: list[tuple[str, theme.Color]] = [("Objectives", theme.AMBER)]
        for objective in summary["objectives"]:
            met = objective["met"]
            mark = "[x]" if met else "[ ]"
            lines.append((f"{mark} {objective['text']}", theme.GREEN if met else theme.DIM))
        lines.append(("Crew", theme.AMBER))
        for name, status in summary["crew"].items():
            color = theme.GREEN if status == "escaped" else theme.RED if status in (
                "caught", "dead") else theme.PAPER  # fmt: skip
            lines.append((f"{name}: {status.replace('_', ' ')}", color))
        return lines


def debrief_scene(
    app: App,
    session: GameSession,
    name: str,
    home: Callable[[], Next | None],
    retry: Callable[[], Next | None] | None = None,
    rewind: Callable[[int], Next | None] | None = None,
) -> MenuScene:
    """The debrief for a finished session; marks a won campaign mission as done. ``home``
    leaves it (to the title), ``retry`` (when the mission can be played again) starts over,
    ``rewind(turn)`` (after a loss, while rewinds remain) goes back into the mission at the
    start of that turn: the turns the loss report names, the earliest cause first."""
    world = session.world
    won = world.outcome.status == "won"
    problems: list[str] = []  # a full disk: said here, kept in memory, written later
    summary = score_summary(world, session.rewinds_used)
    if won and name:
        progress = Progress.load()
        progress.last = name
        result = Best(summary["turns"], summary["noise_peak"], session.rewinds_used)
        if progress.mark_done(name, result):
            problems.append(
                f"The campaign progress cannot be saved ({progress.problem}); it is kept "
                "and saved again at the title screen."
            )
    problems.append(session.recording_problem())
    session.close()  # lines that still cannot be written are kept and retried
    if any(problems):
        app.notify(" ".join(p for p in problems if p), 8.0)
    items = [MenuItem("Continue", home)]
    if retry is not None:  # after a failure, trying again is the likely wish: first
        items.insert(1 if won else 0, MenuItem("Try again", retry, hint="From the briefing."))
    report = explain_loss(world)
    loss = LossView(world, report, session.version) if report is not None else None
    if report is not None and rewind is not None:
        items[:0] = _rewind_items(session, report, rewind)
    return DebriefScene(app, summary, items, on_back=home, loss=loss)


def _rewind_items(
    session: GameSession, report: LossReport, rewind: Callable[[int], Next | None]
) -> list[MenuItem]:
    """ "Rewind to the start of turn N" for each turn the report names, or one disabled line
    saying why there is no rewind (none left on this difficulty)."""
    left = session.rewinds_left
    count = "unlimited rewinds" if left < 0 else f"{left} rewind{'s' * (left != 1)} left"
    items = [
        MenuItem(f"Rewind to the start of turn {turn}", lambda t=turn: rewind(t), hint=count)
        for turn in report.rewind_turns
        if session.rewind_reason(turn) is None
    ]
    if not items and report.rewind_turns:
        why = session.rewind_reason(report.rewind_turns[0]) or "No rewind possible."
        items.append(MenuItem(why, lambda: None, enabled=False))
    return items
