"""The shape of the code: no import cycles, Textual's public API only, the screen on top.

The import graph comes from grimp (what import-linter is built on); the private-name checks
read the source and the classes, so an override or an import of a Textual internal fails
here before a Textual upgrade breaks it silently.
"""

from __future__ import annotations

import ast
import importlib
import inspect
import pkgutil
from pathlib import Path

import grimp
import pytest

import tui

TUI = Path(tui.__file__).parent


@pytest.fixture(scope="module")
def graph():
    return grimp.build_graph("tui", "seed", exclude_type_checking_imports=False, cache_dir=None)


def test_no_module_imports_itself_back(graph):
    cycles = set()
    for module in graph.modules:
        for imported in graph.find_modules_directly_imported_by(module):
            chain = graph.find_shortest_chain(importer=imported, imported=module)
            if chain:
                cycles.add(" -> ".join((module, *chain)))
    assert not cycles, "\n".join(sorted(cycles))


def test_only_the_apps_import_the_inbox_screen(graph):
    importers = graph.find_modules_that_directly_import("tui.ui.inbox.screen")
    assert importers <= {"tui.ui.app", "tui.ui.training.inbox_screen"}, importers


def test_the_render_package_builds_text_not_widgets(graph):
    for module in _render_modules(graph):
        imported = graph.find_modules_directly_imported_by(module)
        assert not {m for m in imported if m.startswith("tui.ui.") and "render" not in m}
        assert not graph.chain_exists(importer=module, imported="tui.ui.inbox")


def _render_modules(graph) -> set[str]:
    return {m for m in graph.modules if m.startswith("tui.ui.render.")}


def private_textual_imports(path: Path) -> list[str]:
    """``from textual.x import _name`` and ``textual._module`` imports in one file."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("textual"):
            parts = node.module.split(".")
            names = [alias.name for alias in node.names]
            if any(p.startswith("_") for p in parts) or any(n.startswith("_") for n in names):
                found.append(f"{path.relative_to(TUI)}:{node.lineno}")
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.startswith("textual") and "._" in alias.name:
                    found.append(f"{path.relative_to(TUI)}:{node.lineno}")
    return found


def test_no_private_textual_module_or_name_is_imported():
    found = [hit for path in sorted(TUI.rglob("*.py")) for hit in private_textual_imports(path)]
    assert not found, found


def tui_classes():
    for info in pkgutil.walk_packages(tui.__path__, "tui."):
        if info.name.endswith("__main__"):
            continue
        module = importlib.import_module(info.name)
        for _, cls in inspect.getmembers(module, inspect.isclass):
            if cls.__module__ == module.__name__:
                yield cls


def test_no_private_textual_method_is_overridden():
    """A class of ours may define ``_helpers`` of its own, but never one a Textual base
    class has: that would be replacing Textual's internals."""
    overridden = []
    for cls in tui_classes():
        textual_bases = [
            base for base in cls.__mro__[1:] if base.__module__.split(".")[0] == "textual"
        ]
        if not textual_bases:
            continue
        # What Textual's metaclasses give every subclass by themselves (handlers, reactives,
        # CSS names): not ours.
        automatic = set(vars(type("Probe", (textual_bases[0],), {})))
        for name in dir(cls):
            if not name.startswith("_") or name.startswith("__") or name in automatic:
                continue
            owner = next(c for c in cls.__mro__ if name in vars(c))
            ours = owner.__module__.split(".")[0] == "tui"  # a mixin of ours counts too
            if ours and any(name in vars(base) for base in textual_bases):
                overridden.append(f"{owner.__module__}.{owner.__qualname__}.{name}")
    assert not overridden, overridden
