"""Re-record the golden recordings in ``tests/recordings/`` (see ``docs/replays.md``).

    python tools/record_golden.py              # every golden recording
    python tools/record_golden.py jeweler      # those whose name contains "jeweler"
    python tools/record_golden.py --check      # only report which ones no longer verify

Run it when play changes on purpose (a rules or map change): each scripted game in
``tools/golden_scripts.py`` is played through the game's own ``GameSession`` and must end as
it says (won or lost); the file is then replaced atomically. ``created`` is left out of the
header so an unchanged game gives a byte-identical file.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tools")]

from golden_scripts import GOLDENS, Golden, ScriptError, play  # noqa: E402

from game.content import maps_dir  # noqa: E402
from game.replay import GameSession, MapSource, RecordingError, load, verify  # noqa: E402
from game.replay.format import encode  # noqa: E402

OUT = ROOT / "tests" / "recordings"


def record(golden: Golden, out: Path = OUT) -> Path:
    """Play one scripted game and write ``out/<name>.replay``."""
    with tempfile.TemporaryDirectory() as scratch:
        session = GameSession.start(
            MapSource(maps_dir() / golden.map), seed=golden.seed, folder=Path(scratch)
        )
        try:
            play(session, golden.steps)
        finally:
            session.close()
        status = session.world.outcome.status
        if status != golden.expect:
            raise ScriptError(
                f"{golden.name}: the game ended {status!r}, not {golden.expect!r} "
                f"({session.world.outcome.reason})"
            )
        assert session.path is not None
        recording = load(session.path)
    lines = [encode(replace(recording.header, created=""))]
    lines += [encode(entry) for entry in recording.entries]
    out.mkdir(parents=True, exist_ok=True)
    target = out / f"{golden.name}.replay"
    temp = target.with_suffix(".tmp")
    temp.write_bytes(b"".join(lines))
    os.replace(temp, target)
    verify(load(target), markers=False)
    return target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("names", nargs="*", help="only goldens whose name contains one of these")
    parser.add_argument("--check", action="store_true", help="verify only, write nothing")
    args = parser.parse_args(argv)
    chosen = [g for g in GOLDENS if not args.names or any(n in g.name for n in args.names)]
    failed = 0
    for golden in chosen:
        target = OUT / f"{golden.name}.replay"
        try:
            if args.check:
                checked = verify(load(target), markers=False)
                print(f"{target.name}: OK, {checked.turns_checked} turns")
            else:
                path = record(golden)
                print(
                    f"{path.relative_to(ROOT)}: {golden.expect} in {len(load(path).turns())} turns"
                )
        except (RecordingError, ScriptError) as error:
            print(f"{golden.name}: {error}", file=sys.stderr)
            failed += 1
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
