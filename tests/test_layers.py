"""Layers one way and no import circle: every module of game/ imports only its own layer and
the layers below it, the import graph has no cycle, and the rules stay pure (no pygame, no
files, no clock in game/sim).

The layers, from the bottom (``docs/architecture.md`` says the same):

- ``base``: ``game`` itself (only the version) and ``game.data`` (the rules file's package);
- ``sim``: ``game.sim`` — the rules, nothing of ours above the base;
- ``shared``: the top-level helpers every layer above the rules may use — ``game.content``
  (where the shipped rules, maps and assets are; loading the rules), ``game.userdirs`` (the
  player's folders) and ``game.asciiworld`` (small worlds drawn in ASCII, for tests,
  benchmarks and the replay layer's ASCII source);
- ``tiled``, ``replay``, ``ui``, in that order;
- ``cli``: ``game.cli`` and ``game.__main__``, on top of everything.

Imports are read from the source (:mod:`tests.import_graph`), wherever they are written:
inside functions, under ``if TYPE_CHECKING:``, and ``importlib.import_module("...")``.
"""

from __future__ import annotations

import ast
import itertools
import os
import subprocess
import sys
from pathlib import Path

from tests.import_graph import GAME, Edge, cycles, edges, imports_in, modules

SIM = GAME / "sim"
FORBIDDEN_MODULES = ("pygame",)
FORBIDDEN_CALLS = {"open", "time", "perf_counter", "monotonic"}

#: Each layer with the first part of the names of its modules, bottom first.
LAYERS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("base", ("game", "game.data")),
    ("sim", ("game.sim",)),
    ("shared", ("game.content", "game.userdirs", "game.asciiworld", "game.boundedio")),
    ("tiled", ("game.tiled",)),
    ("replay", ("game.replay",)),
    ("ui", ("game.ui",)),
    ("cli", ("game.cli", "game.__main__")),
)


def layer_of(module: str) -> int | None:
    """The layer's height (0 = base) of a module, or None for a module no layer names."""
    found = None
    for height, (_, prefixes) in enumerate(LAYERS):
        for prefix in prefixes:
            if module == prefix or (prefix != "game" and module.startswith(prefix + ".")):
                found = height
    return found


def test_every_module_has_a_layer():
    """A new top-level module must be placed in a layer (here and in docs/architecture.md)."""
    assert [m for m in modules() if layer_of(m) is None] == []


def test_every_import_points_down_or_sideways():
    names = [name for name, _ in LAYERS]
    upward = []
    for edge in edges():
        low, high = layer_of(edge.importer), layer_of(edge.imported)
        if low is not None and high is not None and high > low:
            upward.append(
                f"{edge.where()}: {edge.importer} ({names[low]}) imports "
                f"{edge.imported} ({names[high]})"
            )
    assert upward == [], "imports against the layers:\n" + "\n".join(upward)


def test_the_checker_sees_every_way_of_importing():
    """An import inside a function, one for type hints only, an ``importlib`` string and a
    relative import all count; other packages do not."""
    source = (
        "from typing import TYPE_CHECKING\n"
        "import importlib\n"
        "import numpy\n"
        "from game.sim import world\n"
        "if TYPE_CHECKING:\n"
        "    from game.replay.session import GameSession\n"
        "def later():\n"
        "    from game.ui.app import App\n"
        "    importlib.import_module('game.cli.play')\n"
        "from .errors import MapError\n"
    )
    found = imports_in(source, "game.tiled.example", "game/tiled/example.py")
    assert [(e.imported, e.line, e.typing_only) for e in found] == [
        ("game.sim.world", 4, False),
        ("game.replay.session", 6, True),
        ("game.ui.app", 8, False),
        ("game.cli.play", 9, False),
        ("game.tiled.errors", 10, False),
    ]
    assert layer_of("game.cli.play") > layer_of("game.ui.app") > layer_of("game.replay.session")
    assert layer_of("game.sim.world") < layer_of("game.content") < layer_of("game.tiled")


def test_the_cycle_finder_names_the_circle():
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a", "d"}, "d": set(), "e": {"e"}}
    assert cycles(graph) == [(["a", "b", "c"], ["a", "b", "c", "a"]), (["e"], ["e", "e"])]


def _graph(found: tuple[Edge, ...]) -> dict[str, set[str]]:
    graph: dict[str, set[str]] = {}
    for edge in found:
        if edge.importer != edge.imported:
            graph.setdefault(edge.importer, set()).add(edge.imported)
    return graph


def test_the_module_graph_has_no_cycle():
    """No circle, counting imports inside functions and those only for type hints: a circle
    means two modules cannot be understood, tested or changed apart."""
    found = edges()
    lines = []
    for group, cycle in cycles(_graph(found)):
        steps = []
        for importer, imported in itertools.pairwise(cycle):
            where = next(
                e.where() for e in found if (e.importer, e.imported) == (importer, imported)
            )
            steps.append(f"    {importer} -> {imported}  ({where})")
        lines += [f"a circle through {len(group)} modules: {', '.join(group)}; one cycle:", *steps]
    assert lines == [], "import cycles:\n" + "\n".join(lines)


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


def test_sim_imports_no_pygame_clock_or_files():
    offenders = [
        f"{path.relative_to(SIM)} imports {name}"
        for path in sorted(SIM.rglob("*.py"))
        for name in _imports(path)
        if name.startswith(FORBIDDEN_MODULES) or name in ("time", "random", "os", "pathlib")
    ]
    assert offenders == []


def test_checking_maps_and_verifying_recordings_load_no_pygame(tmp_path):
    """``rififi check`` and ``rififi replay --verify`` are headless: pygame stays unloaded."""
    code = (
        "import sys\n"
        "from game.cli import main\n"
        f"main(['check', {str(GAME.parent / 'maps' / 'tutorial.tmx')!r}])\n"
        f"main(['replay', {str(GAME.parent / 'tests' / 'recordings' / 'tutorial-won.replay')!r},"
        " '--verify'])\n"
        "assert 'pygame' not in sys.modules, 'pygame was imported'\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, cwd=tmp_path)


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
