"""Named, deterministic exercises: every trainee who picks a name gets the same inbox.

Built-in scenarios are TOML files beside this module; a trainer may pass a path to a file
of their own. ``generated`` draws an exercise from the seeder instead (see
:mod:`tui.simulate.scenarios.generated`), reproducible from its seed.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from tui.domain.files import shown_path
from tui.simulate import cast
from tui.simulate.scenarios.built import Built
from tui.simulate.scenarios.loader import ScenarioError, ScenarioSpec, load_file

DEFAULT = "mixed-inbox"
GENERATED = "generated"
BUILT_IN = ("the-post", "mixed-inbox", "first-day", "recruiter-season", "polished-pitches")

__all__ = [
    "BUILT_IN",
    "DEFAULT",
    "GENERATED",
    "Built",
    "ScenarioError",
    "ScenarioSpec",
    "build_scenario",
    "build_spec",
    "describe",
    "load",
    "names",
]


def names() -> tuple[str, ...]:
    return (*BUILT_IN, GENERATED)


def load(name: str) -> ScenarioSpec:
    """A built-in scenario by name, or a scenario file by path (``*.toml``)."""
    if name.endswith(".toml") or "/" in name or "\\" in name:
        return load_file(Path(name))
    if name not in BUILT_IN:
        raise ScenarioError(
            f"unknown scenario {shown_path(repr(name), 60)} (choose from {', '.join(names())})"
        )
    with resources.as_file(resources.files(__package__) / f"{name}.toml") as path:
        return load_file(path, name=name)


def describe(name: str) -> tuple[str, str]:
    """(title, what it teaches) of a scenario."""
    if name == GENERATED:
        return "Generated exercise", "Drawn from the seeder; the same seed gives the same inbox."
    spec = load(name)
    return spec.title, spec.about


def build_spec(spec: ScenarioSpec, store) -> Built:
    """Put a scenario's invitations and their scripted replies into ``store``.

    Idempotent: building the same scenario twice adds nothing the second time.
    """
    from tui.domain.assessment import assess
    from tui.simulate.difficulty import rate_item

    items = []
    for role in spec.roles:
        item = cast.invitation(spec.name, role)
        items.append(_with_difficulty(item, rate_item(item)))
    store.add_invitations(items, assess=assess)
    ids = store.ids_for_keys([cast.slot_key(spec.name, role.slot) for role in spec.roles])
    by_slot = {role.slot: ids[cast.slot_key(spec.name, role.slot)] for role in spec.roles}
    store.plan_replies(
        [(by_slot[role.slot], *cast.reply_plan(role)) for role in spec.roles], origin="script"
    )
    return Built(spec.name, by_slot)


def build_scenario(
    name: str, store, *, seed: int = 1, count: int = 40, mix: dict[int, float] | None = None
) -> Built:
    """Build a named scenario into ``store``.

    ``generated`` draws ``count`` invitations from the seeder with ``seed`` (to a difficulty
    ``mix`` when given); the other scenarios are fixed and ignore those arguments.
    """
    if name == GENERATED:
        from tui.simulate.scenarios.generated import build_generated

        return build_generated(store, seed=seed, count=count, mix=mix)
    return build_spec(load(name), store)


def _with_difficulty(item, level):
    from dataclasses import replace

    return replace(item, difficulty=level)
