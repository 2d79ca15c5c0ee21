"""The command line answers in one line with the documented exit codes."""

from __future__ import annotations

import subprocess
import sys

from game.cli import main


def test_help_lists_every_command_of_the_design(capsys):
    try:
        main(["--help"])
    except SystemExit as done:
        assert done.code == 0
    out = capsys.readouterr().out
    for command in ("play", "check", "render", "replay"):
        assert command in out


def test_bad_usage_exits_2_with_one_line():
    done = subprocess.run(
        [sys.executable, "-m", "game", "frobnicate"], capture_output=True, text=True
    )
    assert done.returncode == 2
    assert len(done.stderr.strip().splitlines()) == 1
    assert "Traceback" not in done.stderr
