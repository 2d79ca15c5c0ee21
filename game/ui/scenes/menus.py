"""The menu screens (title, campaign, play a map, replays, briefing, pause) and the flow
between every scene: title -> briefing -> mission -> debrief, replays -> viewer -> take-over.

This module is the top of the scenes and the one place that wires them: it knows them all
and hands each one callbacks that say what comes next (the mission's pause and end, the
debrief's retry, the viewer's take-over), as data (:mod:`game.ui.scene`: ``Push``, ``Pop``,
``Replace``, ``Reset``); the scenes return what those say and the app carries it out, so no
scene pushes another or imports the flow back. Scenes that load the rules are imported
when first shown: the title screen starts without them.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from game.ui.app import App
from game.ui.hud.widgets import MenuItem
from game.ui.missions import MissionError, campaign, load_world, map_files, start_session
from game.ui.scene import Next, Pop, Push, Quit, Replace, Reset, Scene
from game.ui.scenes.help import help_scene
from game.ui.scenes.menu import MenuScene
from game.ui.settings import Progress
from game.ui.userfiles import take_notices

if TYPE_CHECKING:  # the rules load with the first mission, not with the title screen
    from collections.abc import Callable

    from game.replay.playback import Playback
    from game.replay.session import GameSession
    from game.ui.scenes.mission import MissionScene
    from game.ui.scenes.replay_viewer import ReplayScene


def title_scene(app: App) -> MenuScene:
    app.audio.quiet()  # the night's traffic and rain belong to a mission
    progress = Progress.load()  # first: a damaged file is moved aside and a notice queued
    missions = campaign()
    next_up = next((m for m in missions if m.name not in progress.done and m.exists), None)
    items = [
        MenuItem(
            "Continue",
            lambda: continue_game(app),
            enabled=next_up is not None or _latest_save() is not None,
            hint="Pick up the last game where it stopped, or the next mission.",
        ),
        MenuItem(
            "Campaign",
            lambda: Push(campaign_scene(app)),
            hint="The film's story, one job at a time.",
        ),
        MenuItem(
            "Play a map",
            lambda: Push(maps_scene(app)),
            hint="Any mission in the maps folder, including your own.",
        ),
        MenuItem(
            "Replays",
            lambda: Push(replays_scene(app)),
            hint="Watch recorded games, step through them, take over from any turn.",
        ),
        MenuItem(
            "Settings",
            lambda: Push(_settings(app)),
            hint="Volume, window, overlays, rewinds and keys.",
        ),
        MenuItem("Quit", Quit),
    ]
    return MenuScene(
        app,
        "RIFIFI",
        items,
        subtitle="Du rififi chez les hommes  -  a heist in silence",
        body="\n".join(file_notices(progress)),
        on_back=Quit,
    )


def file_notices(progress: Progress) -> list[str]:
    """What the player must know about their files: any reset and moved aside, progress or
    recordings that could not be written yet (each retried here)."""
    notices = take_notices()
    if progress.problem:
        notices.append(
            f"Your campaign progress could not be saved ({progress.problem}); the game keeps "
            "it and saves it again as soon as it can."
        )
    recorder = sys.modules.get("game.replay.recorder")  # loaded only once a game was played
    if recorder is not None:
        for problem in recorder.retry_pending():
            notices.append(f"A recording could not be written yet ({problem}); retrying.")
    return notices


def _settings(app: App) -> Scene:
    from game.ui.scenes.settings_scene import SettingsScene

    return SettingsScene(app)


#: How many of the newest recordings Continue looks through for the last game played.
SAVES_LOOKED_AT = 20


def _latest_save() -> Path | None:
    """The newest readable recording when its game was left unfinished (a save), else None.
    A damaged or foreign file among the newest is skipped, not taken for the last game."""
    from game.replay.errors import RecordingError
    from game.replay.format import load
    from game.replay.paths import list_recordings

    try:
        recordings = list_recordings()
    except OSError:  # the data folder cannot be made or read
        return None
    for path in reversed(recordings[-SAVES_LOOKED_AT:]):
        try:
            recording = load(path, strict=False)
        except RecordingError:
            continue
        return None if recording.ended else path
    return None


def continue_game(app: App) -> Next | None:
    """The last game left unfinished, else the briefing of the next mission of the
    campaign; or stay, saying why."""
    save = _latest_save()
    if save is not None:
        from game.replay.errors import RecordingError
        from game.replay.session import GameSession

        try:
            game = GameSession.resume(save)
        except (RecordingError, OSError) as error:
            app.notify(f"Could not resume {save.name}: {str(error).splitlines()[0]}")
        else:
            return Push(mission_scene(app, game, ""))
    progress = Progress.load()
    for mission in campaign():
        if mission.name not in progress.done and mission.exists:
            return Push(briefing_scene(app, mission.path, mission.name))
    app.notify("The campaign is done. Play any map, or replay a job.")
    return None


def campaign_scene(app: App) -> MenuScene:
    progress = Progress.load()
    items = []
    unlocked = True  # missions open in order: each once the one before it was won
    for number, mission in enumerate(campaign(), start=1):
        won = mission.name in progress.done
        best = progress.best.get(mission.name)
        won_text = f"  (won: {best.text})" if best else "  (won)"
        done = won_text if won else "" if unlocked else "  (locked)"
        missing = "" if mission.exists else f"  The map {mission.path.name} is missing."
        locked = "" if unlocked else "  Win the job before it first."

        def choose(m=mission) -> Next:  # bind the loop variable
            return Push(briefing_scene(app, m.path, m.name))

        items.append(
            MenuItem(
                f"{number}. {mission.title}{done}",
                choose,
                mission.exists and unlocked,
                mission.blurb + missing + locked,
            )
        )
        unlocked = unlocked and won
    items.append(MenuItem("Back", Pop))
    return MenuScene(app, "The campaign", items, subtitle="Paris, a winter", on_back=Pop)


def maps_scene(app: App) -> MenuScene:
    items = [
        MenuItem(
            path.stem.replace("_", " ").capitalize(),
            lambda p=path: Push(briefing_scene(app, p, "")),
            hint=str(path),
        )
        for path in map_files()
    ]
    items.append(MenuItem("Back", Pop, hint="Or run: rififi play MAP.tmx"))
    return MenuScene(app, "Play a map", items, subtitle="Missions in the maps folder", on_back=Pop)


def replays_scene(app: App) -> MenuScene:
    from game.replay.paths import list_recordings
    from game.ui.recordings import describe

    items: list[MenuItem] = []
    try:
        recordings = list(reversed(list_recordings()))[:12]
    except OSError:  # the data folder cannot be made or read
        recordings = []
    for path in recordings:
        items.append(MenuItem(describe(path), lambda p=path: watch(app, p), hint=str(path)))
    body = "" if recordings else "No recordings yet: every game you play is recorded."
    items.append(MenuItem("Back", Pop))
    return MenuScene(app, "Replays", items, body=body, on_back=Pop)


def watch(app: App, path: Path) -> Next | None:
    """Open the replay viewer on a recording, or say in one line why it cannot be watched."""
    from game.replay.errors import RecordingError
    from game.replay.playback import Playback

    try:
        playback = Playback.open(path)
    except RecordingError as error:
        app.notify(f"{path.name}: {str(error).splitlines()[0] if str(error) else error!r}")
        return None
    return Push(replay_scene(app, playback))


def replay_scene(app: App, playback: Playback, title: str = "") -> ReplayScene:
    """The replay viewer on a recording; taking over plays on in the mission scene."""
    from game.ui.scenes.replay_viewer import ReplayScene

    return ReplayScene(app, playback, title, on_take_over=lambda game: mission_scene(app, game, ""))


def briefing_scene(app: App, path: Path, name: str, seed: int | None = None) -> MenuScene:
    try:
        world = load_world(path, seed)
    except MissionError as error:
        return MenuScene(
            app,
            "Cannot open the map",
            [MenuItem("Back", Pop)],
            body=str(error),
            on_back=Pop,
        )
    mission = world.mission
    objectives = "\n".join(f"- {o.text}" for o in world.objectives)
    body = (mission.briefing or "No briefing: the crew goes in blind.") + (
        f"\n\nObjectives:\n{objectives}" if objectives else ""
    )

    def begin() -> Next | None:
        try:
            session = start_session(path, seed, app.settings.rewinds_per_mission)
        except MissionError as error:
            app.notify(str(error))
            return None
        return Replace(mission_scene(app, session, name))

    items = [MenuItem("Begin", begin), MenuItem("Back", Pop)]
    return MenuScene(
        app, mission.title or path.stem, items, subtitle="Briefing", body=body, on_back=Pop
    )


def play(
    app: App, session: GameSession, name: str, watch: Callable[[], None] | None = None
) -> None:
    """Show the mission of ``session`` over the current scenes (the command line, tests)."""
    app.go(Push(mission_scene(app, session, name, watch)))


def mission_scene(
    app: App, session: GameSession, name: str, watch: Callable[[], None] | None = None
) -> MissionScene:
    """The mission scene; Esc opens the pause menu, its end opens the debrief. ``watch`` is
    polled twice a second (``--watch``)."""
    from game.ui.scenes.debrief import debrief_scene
    from game.ui.scenes.mission import MissionScene

    def over(done: GameSession) -> Next:
        app.audio.quiet()
        retry = _retry(app, done.map_path, name)

        def rewind(turn: int) -> Next | None:  # from the failure screen back into the mission
            why = done.rewind(turn)
            if why:
                app.notify(why)
                return None
            app.audio.ambience()
            return Pop()  # the debrief: the mission under it plays on

        home = lambda: Reset((title_scene(app),))  # noqa: E731
        return Push(debrief_scene(app, done, name, home=home, retry=retry, rewind=rewind))

    def pause() -> Next:
        return Push(pause_scene(app, mission))

    mission = MissionScene(app, session, name, on_over=over, on_pause=pause, watch=watch)
    app.audio.ambience()  # distant traffic and rain under the whole mission
    return mission


def _retry(app: App, map_path: Path | None, name: str) -> Callable[[], Next] | None:
    """Back to the briefing of the mission's map, from the title; None without a map."""
    if map_path is None:
        return None
    return lambda: Reset((title_scene(app), briefing_scene(app, map_path, name)))


def pause_scene(app: App, mission: MissionScene) -> MenuScene:
    retry = _retry(app, mission.session.map_path, mission.name)

    def restart() -> Next | None:
        if retry is not None:
            return retry()
        app.notify("This mission cannot be restarted from here.")
        return None

    items = [
        MenuItem("Resume", Pop),
        MenuItem("Controls", lambda: Push(help_scene(app))),
        MenuItem("Settings", lambda: Push(_settings(app))),
        MenuItem("Restart the mission", restart),
        MenuItem(
            "Quit to the title",
            lambda: Reset((title_scene(app),)),
            hint="The game is recorded: Continue picks it up again."
            if mission.session.path is not None
            else "This game is not recorded (--watch): it ends here.",
        ),
    ]
    return MenuScene(app, "Pause", items, on_back=Pop, overlay=True)
