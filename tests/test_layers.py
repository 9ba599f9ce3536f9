"""The import rule of ARCHITECTURE.md: a layer imports only layers below it, and no module imports itself back."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

from tests.paths import ROOT

SRC = ROOT / "src"

# Lowest first. A module belongs to the longest prefix listed; it may import its own
# layer and any layer before it, never one after it.
LAYERS = [
    ["newsgraph.model", "newsgraph.lexicon", "newsgraph.cleantext"],
    ["newsgraph.analysis.parsed", "newsgraph.analysis.documents", "newsgraph.analysis.marks",
     "newsgraph.analysis.budget", "newsgraph.analysis.resume"],
    ["newsgraph.analysis.nlp", "newsgraph.analysis.context"],
    ["newsgraph.analysis.entities"],
    ["newsgraph.analysis.references"],
    ["newsgraph.analysis.roles"],
    ["newsgraph.analysis.time"],
    ["newsgraph.analysis.quotes"],
    ["newsgraph.analysis.places"],
    ["newsgraph.analysis.events"],
    ["newsgraph.analysis.pipeline"],
    ["newsgraph.analysis.batch"],
    ["newsgraph.corpus"],
    ["newsgraph.scale"],
    ["newsgraph.web"],
    ["newsgraph.cli"],
    ["newsgraph"],  # the package's __init__: the public API, assembled from everything
]


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(SRC).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _modules() -> dict[str, Path]:
    return {_module_name(p): p for p in (SRC / "newsgraph").rglob("*.py")}


def _imports(name: str, path: Path) -> Iterator[str]:
    """Every newsgraph module ``name`` imports, at any depth of the file (lazy imports count too)."""
    is_package = path.name == "__init__.py"
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            yield from (a.name for a in node.names if a.name.startswith("newsgraph"))
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                pkg = name.split(".") if is_package else name.split(".")[:-1]
                base = ".".join(pkg[: len(pkg) - node.level + 1] + ([base] if base else []))
            if base.startswith("newsgraph"):
                yield base


def _rank(module: str) -> tuple[int, str]:
    best: tuple[int, str] | None = None
    for i, prefixes in enumerate(LAYERS):
        for p in prefixes:
            if (module == p or module.startswith(p + ".")) and (best is None or len(p) > len(best[1])):
                best = (i, p)
    assert best is not None, f"{module} belongs to no layer: add it to LAYERS and ARCHITECTURE.md"
    return best


def test_every_module_has_a_layer() -> None:
    for name in _modules():
        _rank(name)


def test_no_module_imports_a_higher_layer() -> None:
    modules = _modules()
    upward = []
    for name, path in modules.items():
        mine = _rank(name)
        for target in _imports(name, path):
            theirs = _rank(target)
            same_layer_other_package = theirs[0] == mine[0] and theirs[1] != mine[1] and mine[0] >= 3
            if theirs[0] > mine[0] or same_layer_other_package:
                upward.append(f"{name} imports {target}")
    assert not upward, "imports against the layer order:\n" + "\n".join(sorted(upward))


def test_no_import_cycle() -> None:
    modules = _modules()
    graph = {name: {t for t in _imports(name, path) if t in modules and t != name} for name, path in modules.items()}
    # a package's __init__ assembling its children is not a cycle: only module-to-module edges count
    for name in graph:
        graph[name] = {t for t in graph[name] if not name.startswith(t + ".")}
    state: dict[str, int] = {}
    cycles: list[list[str]] = []

    def visit(node: str, trail: list[str]) -> None:
        state[node] = 1
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                cycles.append([*trail[trail.index(nxt):], nxt])
            elif nxt not in state:
                visit(nxt, [*trail, nxt])
        state[node] = 2

    for node in sorted(graph):
        if node not in state:
            visit(node, [node])
    assert not cycles, "import cycles:\n" + "\n".join(" -> ".join(c) for c in cycles)


def test_the_rule_sees_a_violation() -> None:
    """The checker itself: a lower module importing a higher one is caught."""
    assert _rank("newsgraph.analysis.entities.find")[0] < _rank("newsgraph.corpus.store")[0]
    assert _rank("newsgraph.analysis.time.find")[0] < _rank("newsgraph.analysis.quotes.find")[0]
