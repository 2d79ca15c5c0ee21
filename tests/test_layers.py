"""The rules stay pure: no pygame, no higher layer, no files or clock in game/sim."""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from pathlib import Path

SIM = Path(__file__).resolve().parent.parent / "game" / "sim"
FORBIDDEN_MODULES = ("pygame", "game.ui", "game.replay", "game.tiled", "game.content", "game.cli")
FORBIDDEN_CALLS = {"open", "time", "perf_counter", "monotonic"}


def _imports(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.extend(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.append(node.module)
    return names


def test_importing_sim_does_not_load_pygame():
    code = "import game.sim, sys; assert 'pygame' not in sys.modules, 'pygame was imported'"
    subprocess.run([sys.executable, "-c", code], check=True)


def test_sim_imports_nothing_from_higher_layers():
    offenders = [
        f"{path.relative_to(SIM)} imports {name}"
        for path in sorted(SIM.rglob("*.py"))
        for name in _imports(path)
        if name.startswith(FORBIDDEN_MODULES) or name in ("time", "random", "os", "pathlib")
    ]
    assert offenders == []


def test_sim_reads_no_files_and_no_clock():
    offenders = []
    for path in sorted(SIM.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call):
                name = getattr(node.func, "id", getattr(node.func, "attr", ""))
                if name in FORBIDDEN_CALLS:
                    offenders.append(f"{path.relative_to(SIM)}:{node.lineno} calls {name}()")
    assert offenders == []


def test_the_title_screen_does_not_load_the_rules():
    """Start-up stays light: the first frame needs pygame, not the rules (NumPy, tcod)."""
    code = (
        "import sys, game.ui.app, game.ui.scenes.menus\n"
        "loaded = sorted(m for m in sys.modules if m.startswith(('game.sim', 'tcod')))\n"
        "assert not loaded, loaded"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_importing_the_client_prints_no_pygame_banner():
    env = {k: v for k, v in os.environ.items() if k != "PYGAME_HIDE_SUPPORT_PROMPT"}
    done = subprocess.run(
        [sys.executable, "-c", "import game.ui.app"], capture_output=True, text=True, env=env
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout == ""
