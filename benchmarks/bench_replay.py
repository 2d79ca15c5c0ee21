"""Replay benchmarks: verifying a recording, seeking in one, and the cost of recording.

- ``replay.verify``: turns per second re-simulated and checked on the jeweler's golden
  recording (``tests/recordings/jeweler-won.replay``, the film's heist, re-recorded by
  ``tools/record_golden.py``), header and map checks included, as ``rififi replay --verify``.
- ``replay.seek``: the world at a pseudo-random turn of a 200-turn recording, through the
  snapshots, as the viewer's "jump to turn" does.
- ``replay.record_overhead``: what recording adds to one turn: fingerprinting the world,
  writing the line with ``fsync``, and keeping the seek timeline (snapshot every 8 turns).
- ``replay.hostile_padded`` / ``replay.hostile_dense``: the two costliest bad recordings
  within the caps (``docs/replays.md``), as ``--verify`` meets them: the jeweler's game
  padded with 15 MiB of blank lines (verifies), and turn lines of 1,000 ``end_turn`` each
  up to the 50,000-command cap (refused). The issue's bound: 5 s and 200 MB at most.
"""

from __future__ import annotations

import dataclasses
import json
import subprocess
import sys
import tempfile
from pathlib import Path

from run import Benchmark

from game.content import load_rules, maps_dir
from game.replay import AsciiSource, GameSession, MapSource, WorldSource, load, verify
from game.replay.recorder import Recorder, TurnLog
from game.replay.timeline import Timeline
from game.sim import Cell, EndTurn, Move, Wait, World
from game.sim.rng import WorldRandom

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = ROOT / "tests" / "recordings"
SCENARIO = [
    """
    ############
    #T..+..#..G#
    #J..#..L...#
    #...#..#...#
    ##/####+####
    #...>......#
    #M.....C..E#
    ############
    """,
    """
    ############
    #....#.....#
    #....+.....#
    #....#.....#
    #....#######
    #...<......#
    #.....G....#
    ############
    """,
]
ROUTES = {
    "Guard 1": [[0, 8, 1], [0, 10, 3], [0, 8, 3]],
    "Guard 2": [[1, 6, 6], [1, 9, 5], [1, 7, 1]],
}


def _source() -> tuple[WorldSource, str]:
    """The jeweler's map when shipped, else the ASCII scenario."""
    jeweler = maps_dir() / "jeweler.tmx"
    if jeweler.is_file():
        try:
            MapSource(jeweler).build(None, load_rules())
            return MapSource(jeweler), "jeweler"
        except Exception:  # the map is being built; measure what exists
            pass
    return AsciiSource(SCENARIO, name="scenario", routes=ROUTES), "scenario"


def _wander(world: World, rng: WorldRandom) -> list:
    """One turn of a restless but careful crew: short sneaks, then end the turn (on a map
    with a street patrol, they only wait: the crew starts in the police's path)."""
    commands: list = []
    restless = world.mission.name != "jeweler"
    for unit in world.crew():
        if restless and unit.can_act and unit.cell is not None and rng.chance(1, 2):
            dx, dy = rng.choice([(1, 0), (-1, 0), (0, 1), (0, -1)])
            commands.append(
                Move(unit.id, Cell(unit.cell.floor, unit.cell.x + dx, unit.cell.y + dy), sneak=True)
            )
        elif unit.can_act:
            commands.append(Wait(unit.id))
    return [*commands, EndTurn()]


JEWELER_GOLDEN = GOLDEN / "jeweler-won.replay"
_verified_turns = [0]


def _verify(quick: bool):
    if not JEWELER_GOLDEN.is_file():
        raise FileNotFoundError(f"{JEWELER_GOLDEN} is missing: run tools/record_golden.py")
    recording = load(JEWELER_GOLDEN)
    _verified_turns[0] = len(recording.turns())
    return lambda: verify(recording, markers=False)


def _seek(quick: bool):
    """A 200-turn game on the jeweler's map (its deadline lifted so it lasts 200 turns; the
    crew waits while the police patrol) in a timeline, then jumps to pseudo-random turns."""
    source, _ = _source()
    world = source.build(None, load_rules())
    world.mission = dataclasses.replace(world.mission, deadline_minutes=None)
    timeline = Timeline(world)
    rng = WorldRandom(5)
    while timeline.count < 200 and not world.outcome.over:
        done = []
        for command in _wander(world, rng):
            if world.apply(command):
                done.append(command)
        timeline.add_turn(done, world)
    assert timeline.count == 200, f"the seek game ended at turn {timeline.count}"
    pick = WorldRandom(9)

    def run():
        timeline.world_at(pick.randint(1, timeline.count + 1))

    return run


def _record(quick: bool):
    """Each run records the next turn of a game played beforehand (guards on their rounds),
    so every fingerprint is of a world that changed since the last one, as in play."""
    source, _ = _source()
    world = source.build(None, load_rules())
    world.mission = dataclasses.replace(world.mission, deadline_minutes=None)
    folder = Path(tempfile.mkdtemp(prefix="rififi-bench-"))
    recorder = Recorder.create(GameSession.start(source, record=False).header, "bench", folder)
    timeline = Timeline(world)
    log = TurnLog()
    rng = WorldRandom(3)
    for command in _wander(world, rng):  # a real turn's commands and events to write
        result = world.apply(command)
        if result:
            log.add(command, result)
    world.part_hashes()  # as recording does after every turn
    turns = [world.fork()]
    while len(turns) < RECORD_TURNS and not world.outcome.over:
        for command in _wander(world, rng):
            world.apply(command)
        world.part_hashes()
        turns.append(world.fork())
    state = {"n": 0}

    def run():
        after = turns[state["n"] % len(turns)]
        state["n"] += 1
        entry = log.finish(after.turn - 1, after)
        recorder.write(entry)
        timeline.add_turn(entry.commands, after)

    return run


def _hostile(kind: str):
    def setup(quick: bool):
        from game.cli.replay import verify_file

        folder = Path(tempfile.mkdtemp(prefix="rififi-bench-"))
        game = JEWELER_GOLDEN.read_bytes()
        path = folder / f"{kind}.replay"
        with open(path, "wb") as out:
            if kind == "padded":
                out.write(game + b"\n" * (15 * 1024 * 1024))
            else:
                out.write(game.split(b"\n")[0] + b"\n")
                commands = ",".join(['{"kind":"end_turn"}'] * 1000)
                events = ",".join(['"00000000"'] * 1000)
                for turn in range(1, 60):
                    line = f'{{"turn":{turn},"commands":[{commands}],"events":[{events}],'
                    out.write(f'{line}"hash":"x","parts":{{}}}}\n'.encode())
        expected = 0 if kind == "padded" else 1

        def run():
            status, line = verify_file(str(path))
            assert status == expected, line

        return run

    return setup


#: Distinct turns recorded by ``replay.record_overhead`` (then it starts again).
RECORD_TURNS = 101

#: Turns in the recording ``replay.load_1000`` reads.
LOAD_TURNS = 1000


def _load_1000(quick: bool):
    """Read and decode (every field and command checked) a 1,000-turn recording: the golden
    jeweler game's turns again and again, renumbered, under its header."""
    header, *turns = JEWELER_GOLDEN.read_bytes().splitlines()
    entries = [json.loads(line) for line in turns if b'"turn"' in line]
    lines = [header]
    for number in range(1, LOAD_TURNS + 1):
        entry = dict(entries[(number - 1) % len(entries)], turn=number)
        entry.pop("over", None)
        lines.append(json.dumps(entry, separators=(",", ":")).encode())
    path = Path(tempfile.mkdtemp(prefix="rififi-bench-")) / "long.replay"
    path.write_bytes(b"\n".join(lines) + b"\n")
    assert len(load(path).turns()) == LOAD_TURNS

    return lambda: load(path)


def _verify_cli(quick: bool):
    """The whole ``rififi replay tests/recordings/jeweler-won.replay --verify`` process,
    start-up and imports included, as a player or CI runs it."""
    rififi = Path(sys.executable).with_name("rififi")
    command = [str(rififi)] if rififi.is_file() else [sys.executable, "-m", "game.cli"]
    command += ["replay", str(JEWELER_GOLDEN), "--verify"]

    def run():
        done = subprocess.run(command, capture_output=True, check=False)
        if done.returncode != 0:
            raise AssertionError(f"replay --verify failed: {done.stderr.decode()[-300:]}")

    return run


VERIFY_TARGET = ">= 300 turns/s (jeweler golden)"

BENCHMARKS = [
    Benchmark(
        "replay.verify",
        _verify,
        runs=10,
        quick_runs=3,
        unit="per s",
        items_per_run=lambda: _verified_turns[0],
        target=VERIFY_TARGET,
    ),
    Benchmark("replay.seek", _seek, runs=100, quick_runs=30, target="median <= 100 ms (200 turns)"),
    Benchmark(
        "replay.record_overhead", _record, runs=100, quick_runs=30, target="median <= 1 ms per turn"
    ),
    Benchmark(
        "replay.hostile_padded", _hostile("padded"), runs=5, quick_runs=2, target="<= 5000 ms"
    ),
    Benchmark("replay.hostile_dense", _hostile("dense"), runs=5, quick_runs=2, target="<= 5000 ms"),
    Benchmark("replay.load_1000", _load_1000, runs=20, quick_runs=5, target="median <= 100 ms"),
    Benchmark(
        "replay.verify_cli",
        _verify_cli,
        runs=5,
        quick_runs=2,
        target="(the whole process, jeweler golden)",
    ),
]
