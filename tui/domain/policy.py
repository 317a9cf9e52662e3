"""The recommendation policy: a TOML file a user can read, copy and make stricter.

The built-in presets live in ``tui/domain/policies/`` (``default.toml``, ``strict.toml``) and are
the single source of the default values: ``Policy`` has no defaults of its own. A user's
file sets only the keys it changes; the rest come from ``based_on`` (default: "default").
Anything wrong in a file (syntax, an unknown key, a wrong type, a bad value) raises
:class:`PolicyError` with one line that names the file and the key.
"""

from __future__ import annotations

import difflib
import os
import tomllib
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path
from types import MappingProxyType
from typing import Any

from tui.domain.files import InputFileError, read_small_file, shown_path
from tui.domain.models import ACTIONS
from tui.domain.recommend import recommend, recommended_action
from tui.domain.safe_text import visible
from tui.domain.vocabulary import RED_FLAGS, SEVERITIES

PRESETS = ("default", "strict")
VERSION = 1
MAX_FILE_BYTES = 256 * 1024  # the default policy, comments and all, is under 8 kB


class PolicyError(Exception):
    """A policy file that cannot be used; the message is one line naming the key."""


@dataclass(frozen=True)
class Policy:
    """Every setting of a policy, flattened (see ``tui/domain/policies/default.toml`` for each)."""

    name: str
    known: str
    stranger_with_reason: str
    stranger_without_reason: str
    pitch: str
    recruiter: str
    reply_reason: str
    reply_pitch: str
    reply_no_reason: str
    no_reply: str
    completeness: float
    min_known_sections: int
    new_profile_days: int
    reply_wait_days: int
    # a claimed shared past; None (the built-in presets): as stranger_with_reason
    met_before: str | None = None
    # a claimed shared past from a profile with a red flag; None: as met_before
    met_before_flagged: str | None = None
    # left out of the hash (a mapping has none); equality still compares it
    severity: MappingProxyType = field(default_factory=lambda: MappingProxyType({}), hash=False)
    source: str = "built-in"
    # the severities that differ from the built-in ones ("off" included): the rules only
    # need to look at these
    severity_changes: MappingProxyType = field(
        default_factory=lambda: MappingProxyType({}), hash=False, compare=False
    )


# --- what a file may contain ----------------------------------------------------------------


def _action(value: Any) -> str | None:
    return value if value in ACTIONS else None


def _share(value: Any) -> float | None:
    ok = isinstance(value, int | float) and not isinstance(value, bool) and 0 <= value <= 1
    return float(value) if ok else None


def _whole(low: int, high: int | None = None):
    def check(value: Any) -> int | None:
        if not isinstance(value, int) or isinstance(value, bool) or value < low:
            return None
        return value if high is None or value <= high else None

    return check


def _severity(value: Any) -> str | None:
    return value if value in (*SEVERITIES, "off") else None


_ACTION_TEXT = f"one of {', '.join(ACTIONS)}"
# "table.key" -> (Policy field, check returning the value or None, what a good value is)
SCHEMA: dict[str, tuple[str, Any, str]] = {
    **{
        f"actions.{key}": (key, _action, _ACTION_TEXT)
        for key in ("known", "stranger_with_reason", "stranger_without_reason", "pitch")
    },
    "actions.recruiter": ("recruiter", _action, _ACTION_TEXT),
    "actions.met_before": ("met_before", _action, _ACTION_TEXT),
    "actions.met_before_flagged": ("met_before_flagged", _action, _ACTION_TEXT),
    **{
        f"reply.{key}": (f"reply_{key}", _action, _ACTION_TEXT)
        for key in ("reason", "pitch", "no_reason")
    },
    "reply.no_reply": ("no_reply", _action, _ACTION_TEXT),
    "thresholds.completeness": ("completeness", _share, "a number from 0 to 1"),
    "thresholds.min_known_sections": (
        "min_known_sections", _whole(1, 6), "a whole number from 1 to 6",
    ),
    "thresholds.new_profile_days": ("new_profile_days", _whole(0), "a whole number, 0 or more"),
    "thresholds.reply_wait_days": ("reply_wait_days", _whole(0), "a whole number, 0 or more"),
    **{
        f"severity.{code}": (code, _severity, 'one of high, medium, low, off')
        for code in RED_FLAGS
    },
}  # fmt: skip
# Keys a policy may leave unset: a claimed shared past follows stranger_with_reason, and one
# from a flagged profile follows met_before.
OPTIONAL = ("actions.met_before", "actions.met_before_flagged")
_TABLES = ("actions", "reply", "thresholds", "severity")
_TOP_KEYS = ("version", "based_on", *_TABLES)


def _say(text: Any) -> str:
    shown = visible(str(text), keep_newlines=False)
    return shown if len(shown) <= 60 else shown[:57] + "..."


def _path(path: Any) -> str:
    """A path for a message: escaped, and if very long cut at the front so the name shows."""
    return shown_path(path)


def _got(value: Any) -> str:
    if isinstance(value, dict):
        return "a table"
    if isinstance(value, list):
        return "a list"
    return _say(repr(value))


def _unknown(where: str, key: str, choices) -> PolicyError:
    close = difflib.get_close_matches(key, list(choices), n=1)
    hint = f' (did you mean "{close[0]}"?)' if close else ""
    return PolicyError(f'{where}: unknown key "{_say(key)}"{hint}')


def _flatten(data: dict, where: str) -> dict[str, Any]:
    """Check a parsed file and return its settings as ``{"table.key": value}``."""
    settings: dict[str, Any] = {}
    for top, value in data.items():
        if top not in _TOP_KEYS:
            raise _unknown(where, top, [*_TOP_KEYS, *SCHEMA])
        if top == "version":
            if value != VERSION or isinstance(value, bool):
                raise PolicyError(f'{where}: "version" must be {VERSION} (got {_got(value)})')
            continue
        if top == "based_on":
            if value not in PRESETS:
                raise PolicyError(
                    f'{where}: "based_on" must be one of {", ".join(PRESETS)} (got {_got(value)})'
                )
            continue
        if not isinstance(value, dict):
            raise PolicyError(f'{where}: "{top}" must be a table ([{top}]), not {_got(value)}')
        for key, setting in value.items():
            dotted = f"{top}.{key}"
            if dotted not in SCHEMA:
                raise _unknown(where, dotted, SCHEMA)
            _, check, wanted = SCHEMA[dotted]
            if check(setting) is None:
                raise PolicyError(f'{where}: "{dotted}" must be {wanted} (got {_got(setting)})')
            settings[dotted] = check(setting)
    return settings


def _parse(text: str, where: str) -> dict:
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise PolicyError(f"{where} is not valid TOML: {_say(exc)}") from None
    except RecursionError:
        # Python's TOML reader recurses once per nested array or table.
        raise PolicyError(f"{where} is not a policy: its values are nested too deeply") from None


def _preset_settings(name: str, seen: tuple[str, ...] = ()) -> dict[str, Any]:
    text = resources.files("tui.domain").joinpath("policies", f"{name}.toml").read_text("utf-8")
    data = _parse(text, f"built-in policy {name}")
    base = data.get("based_on")
    settings = {} if base is None else _preset_settings(base, (*seen, name))
    if base in seen:
        raise PolicyError(f"built-in policy {name}: based_on loops back to {base}")
    settings.update(_flatten(data, f"built-in policy {name}"))
    return settings


def _build(settings: dict[str, Any], name: str, source: str) -> Policy:
    values: dict[str, Any] = {"severity": {}}
    for dotted, value in settings.items():
        target = SCHEMA[dotted][0]
        if dotted.startswith("severity."):
            values["severity"][target] = value
        else:
            values[target] = value
    missing = [
        k
        for k, (f, _, _) in SCHEMA.items()
        if not k.startswith("severity.") and k not in OPTIONAL and f not in values
    ]
    if missing:
        raise PolicyError(f'{source}: "{missing[0]}" is missing')
    changes = {code: v for code, v in values["severity"].items() if RED_FLAGS.get(code) != v}
    values["severity"] = MappingProxyType(values["severity"])
    return Policy(name=name, source=source, severity_changes=MappingProxyType(changes), **values)


@cache
def preset(name: str) -> Policy:
    """A built-in policy by name (see ``PRESETS``)."""
    if name not in PRESETS:
        raise PolicyError(f'no built-in policy named "{_say(name)}" (choose {", ".join(PRESETS)})')
    return _build(_preset_settings(name), name, "built-in")


def default_policy() -> Policy:
    """The built-in default policy (loaded once)."""
    return preset("default")


def strict_policy() -> Policy:
    """The default with "stranger without a reason" switched from ask to ignore."""
    return preset("strict")


def load_policy(path: str | os.PathLike | None = None) -> Policy:
    """The policy in a TOML file, a preset name (``default``, ``strict``), or the default."""
    if path is None:
        return default_policy()
    where = Path(path)
    if not where.exists() and str(path) in PRESETS:
        return preset(str(path))
    try:
        raw = read_small_file(where, what="policy file", limit=MAX_FILE_BYTES)
    except FileNotFoundError:
        raise PolicyError(
            f"no policy file at {_path(path)} (built-in policies: {', '.join(PRESETS)})"
        ) from None
    except InputFileError as exc:
        raise PolicyError(str(exc)) from None
    label = f"policy file {_path(path)}"
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise PolicyError(f"{label} is not UTF-8 text") from None
    data = _parse(text, label)
    own = _flatten(data, label)
    settings = dict(_preset_settings(data.get("based_on", "default")))
    settings.update(own)
    return _build(settings, where.stem, str(path))


__all__ = [
    "PRESETS",
    "Policy",
    "PolicyError",
    "default_policy",
    "load_policy",
    "preset",
    "recommend",
    "recommended_action",
    "strict_policy",
]
