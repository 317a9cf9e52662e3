"""The user's config file: a keymap by binding id, and the starting theme.

``$INVITE_TRIAGE_CONFIG`` or ``~/.config/invite-triage/config.toml`` (``$XDG_CONFIG_HOME``
respected)::

    theme = "nord"

    [keymap]
    accept = "y"          # binding id = key, or several keys: "y,enter"
    ignore = "n"

A missing file is fine; anything wrong in a file that exists stops the app before it
starts, with one line naming the file and the key, because a silently ignored keymap
leaves a user pressing keys that do nothing.
"""

from __future__ import annotations

import difflib
import os
import tomllib
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from textual.binding import Binding
from textual.keys import Keys, key_to_character
from textual.theme import BUILTIN_THEMES

from tui.domain.files import InputFileError, read_small_file, shown_path
from tui.domain.safe_text import visible

MAX_FILE_BYTES = 256 * 1024  # a keymap and a theme fit in a few hundred bytes

MODIFIERS = frozenset({"ctrl", "shift", "alt", "meta", "super", "hyper"})
NAMED_KEYS = frozenset(key.value for key in Keys)


class ConfigError(Exception):
    """A one-line message about the config file, fit to show as is."""


@dataclass(frozen=True)
class Config:
    path: Path | None = None
    keymap: dict[str, str] = field(default_factory=dict)
    theme: str | None = None


def config_path(environ: Mapping[str, str] | None = None) -> Path:
    env = os.environ if environ is None else environ
    if env.get("INVITE_TRIAGE_CONFIG"):
        return Path(env["INVITE_TRIAGE_CONFIG"]).expanduser()
    base = env.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(base) / "invite-triage" / "config.toml"


def valid_key(key: str) -> bool:
    """A key Textual can bind: ``y``, ``f5``, ``ctrl+y``, ``shift+tab``, ``question_mark``."""
    if not key or key != key.strip():
        return False
    if len(key) == 1:
        return key.isprintable()
    *modifiers, base = key.split("+") if "+" in key[1:] else [key]
    if any(modifier not in MODIFIERS for modifier in modifiers):
        return False
    if len(base) == 1:
        return base.isprintable()
    # A named key (``f5``, ``pageup``) or a character's name (``question_mark``).
    return base in NAMED_KEYS or key_to_character(base) is not None


def same_key(key: str) -> str:
    """One spelling per key, to tell when two names are the same key (``?`` and
    ``question_mark``)."""
    return key_to_character(key) or key


def load_config(
    path: str | os.PathLike | None = None,
    *,
    scopes: Iterable[Iterable[Binding]] | Callable[[], Iterable[Iterable[Binding]]] = (),
    themes: Iterable[str] = BUILTIN_THEMES,
) -> Config:
    """Read and check the config.

    ``scopes`` are the groups of bindings active together (the inbox screen with the app's,
    each dialog); ids must be known in one of them and keys must not clash within one. A
    function giving them is called only when the file has a keymap to check (gathering
    them imports every screen, which a start without a keymap need not wait for).
    """
    explicit = path is not None or bool(os.environ.get("INVITE_TRIAGE_CONFIG"))
    file = Path(path) if path is not None else config_path()
    shown = shown_path(file)
    try:
        raw = read_small_file(file, what="config file", limit=MAX_FILE_BYTES)
    except FileNotFoundError:
        if explicit:
            raise ConfigError(f"config file {shown} does not exist") from None
        return Config()
    except InputFileError as exc:
        raise ConfigError(str(exc)) from None
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise ConfigError(f"cannot read config file {shown}: it is not UTF-8 text") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{shown}: not valid TOML ({said(exc)})") from None
    except RecursionError:
        # Python's TOML reader recurses once per nested array or table.
        raise ConfigError(f"{shown}: not a config file: values nested too deeply") from None
    unknown = sorted(set(data) - {"keymap", "theme"})
    if unknown:
        raise ConfigError(f"{shown}: unknown setting {said(unknown[0])} (expected keymap, theme)")
    theme = data.get("theme")
    theme_names = sorted(themes)
    if theme is not None and (not isinstance(theme, str) or theme not in theme_names):
        raise ConfigError(
            f"{shown}: theme {said(theme)} is not a theme (choose one of {', '.join(theme_names)})"
        )
    keymap = data.get("keymap", {})
    if not isinstance(keymap, dict):
        raise ConfigError(f'{shown}: [keymap] must be a table of binding id = "key"')
    if not keymap:
        return Config(path=file, theme=theme)
    groups = [list(scope) for scope in (scopes() if callable(scopes) else scopes)]
    return Config(path=file, keymap=check_keymap(file, keymap, groups), theme=theme)


def said(value: object, limit: int = 60) -> str:
    """A value from the file, quoted for a message: escaped, and cut if long."""
    text = visible(repr(value) if not isinstance(value, Exception) else str(value))
    text = text.replace("\n", " ").replace("\n", " ")
    return text if len(text) <= limit else text[: limit - 3] + "..."


def _defaults(bindings: Iterable[Binding]) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for binding in bindings:
        if binding.id:
            found.setdefault(binding.id, []).extend(k.strip() for k in binding.key.split(","))
    return found


def check_keymap(file: Path, keymap: dict, scopes: list[list[Binding]]) -> dict[str, str]:
    """Every id known, every key valid, and no key left doing two things in one scope."""
    shown = shown_path(file)
    defaults: dict[str, list[str]] = {}
    for scope in scopes:
        defaults.update(_defaults(scope))
    result: dict[str, str] = {}
    for binding_id, value in keymap.items():
        if binding_id not in defaults:
            close = difflib.get_close_matches(binding_id, list(defaults), n=1)
            hint = f"did you mean {close[0]!r}? " if close else ""
            raise ConfigError(
                f"{shown}: [keymap] unknown binding id {said(binding_id)} "
                f"({hint}known ids: {', '.join(sorted(defaults))})"
            )
        if not isinstance(value, str) or not value.strip():
            raise ConfigError(f'{shown}: [keymap] {binding_id} must be a key in quotes, like "y"')
        keys = [key.strip() for key in value.split(",")]
        for key in keys:
            if not valid_key(key):
                raise ConfigError(f"{shown}: [keymap] {binding_id}: {said(key)} is not a key name")
        result[binding_id] = ",".join(keys)
    for scope in scopes:
        owners: dict[str, str] = {}
        for binding_id, keys in _defaults(scope).items():
            chosen = result[binding_id].split(",") if binding_id in result else keys
            for key in chosen:
                normal = same_key(key)
                other = owners.get(normal)
                if other is not None and other != binding_id:
                    raise ConfigError(
                        f"{shown}: [keymap] key {said(key)} would do both {other} and "
                        f"{binding_id}; give one of them another key"
                    )
                owners[normal] = binding_id
    return result
