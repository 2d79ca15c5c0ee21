"""The import graph of ``game/``, read from the source (nothing is imported or run).

Every import counts wherever it is written: at the top of a module, inside a function, under
``if TYPE_CHECKING:``, and ``importlib.import_module("game....")`` with a literal name. Each
edge says where it was written, so a failing layer or cycle test names the line to change.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GAME = ROOT / "game"


@dataclass(frozen=True)
class Edge:
    """``importer`` imports ``imported`` (both module names) at ``path:line``."""

    importer: str
    imported: str
    path: str
    line: int
    typing_only: bool  # written under ``if TYPE_CHECKING:``: never runs

    def where(self) -> str:
        return f"{self.path}:{self.line}"


def module_name(path: Path) -> str:
    """``game/ui/scenes/menu.py`` -> ``game.ui.scenes.menu``; a package is its ``__init__``."""
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


@cache
def modules() -> dict[str, Path]:
    """Every module under ``game/`` by name."""
    return {module_name(p): p for p in sorted(GAME.rglob("*.py")) if ".venv" not in p.parts}


def _resolve(importer: str, is_package: bool, level: int, module: str | None) -> str:
    """The absolute name of a (possibly relative) ``from`` import's module."""
    if level == 0:
        return module or ""
    base = importer.split(".")
    if not is_package:
        base = base[:-1]
    base = base[: len(base) - (level - 1)]
    return ".".join([*base, module] if module else base)


def _is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


class _Collector(ast.NodeVisitor):
    def __init__(self, importer: str, path: str, is_package: bool) -> None:
        self.importer = importer
        self.is_package = is_package
        self.path = path
        self.known = modules()
        self.edges: list[Edge] = []
        self._typing = 0

    def _add(self, name: str, node: ast.AST) -> None:
        if name == "game" or name.startswith("game."):
            self.edges.append(
                Edge(self.importer, name, self.path, getattr(node, "lineno", 0), self._typing > 0)
            )

    def visit_If(self, node: ast.If) -> None:
        if _is_type_checking(node.test):
            self._typing += 1
            for child in node.body:
                self.visit(child)
            self._typing -= 1
            for child in node.orelse:
                self.visit(child)
        else:
            self.generic_visit(node)

    def visit_Import(self, node: ast.Import) -> None:
        for alias in node.names:
            self._add(alias.name, node)

    def visit_ImportFrom(self, node: ast.ImportFrom) -> None:
        module = _resolve(self.importer, self.is_package, node.level, node.module)
        for alias in node.names:
            submodule = f"{module}.{alias.name}"
            self._add(submodule if submodule in self.known else module, node)

    def visit_Call(self, node: ast.Call) -> None:
        func = node.func
        name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
        if (
            name in ("import_module", "__import__")
            and node.args
            and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, str)
        ):
            self._add(node.args[0].value, node)
        self.generic_visit(node)


def imports_in(source: str, importer: str, path: str, is_package: bool = False) -> list[Edge]:
    """The imports of our modules in one module's source text."""
    collector = _Collector(importer, path, is_package)
    collector.visit(ast.parse(source, path))
    return collector.edges


@cache
def edges() -> tuple[Edge, ...]:
    """Every import of one of our modules written anywhere in ``game/``."""
    found: list[Edge] = []
    for name, path in modules().items():
        text = path.read_text(encoding="utf-8")
        found += imports_in(
            text, name, path.relative_to(ROOT).as_posix(), path.name == "__init__.py"
        )
    return tuple(found)


def cycles(graph: dict[str, set[str]]) -> list[tuple[list[str], list[str]]]:
    """Every circle: each strongly connected group of more than one module (or a module that
    imports itself), found by Tarjan's algorithm, as ``(its modules, one cycle through them:
    a -> b -> ... -> a)``."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[list[str]] = []

    def connect(node: str) -> None:  # recursion depth is bounded by the module count
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in sorted(graph.get(node, ())):
            if target not in index:
                connect(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == node:
                    break
            if len(group) > 1 or node in graph.get(node, ()):
                groups.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            connect(node)
    return [(group, _one_cycle(graph, set(group))) for group in groups]


def _one_cycle(graph: dict[str, set[str]], group: set[str]) -> list[str]:
    """A shortest path from the group's first module back to itself, inside the group."""
    start = min(group)
    paths = {start: [start]}
    queue = [start]
    while queue:
        node = queue.pop(0)
        for target in sorted(graph.get(node, ()) & group):
            if target == start:
                return [*paths[node], start]
            if target not in paths:
                paths[target] = [*paths[node], target]
                queue.append(target)
    return [start, start]
