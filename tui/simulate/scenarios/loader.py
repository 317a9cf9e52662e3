"""Reading a scenario file (TOML): the built-in ones, or a trainer's own.

A scenario file has a ``title``, an ``about`` and one ``[[sender]]`` table per invitation
(see ``mixed-inbox.toml`` for every key in use). Mistakes are reported in one line that
names the file, the sender and the key, as :class:`ScenarioError`.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

from tui.domain.files import InputFileError, read_small_file, shown_path
from tui.domain.models import INTENTS, PHOTO_KINDS
from tui.domain.safe_text import visible
from tui.simulate.cast import STOCK, Role

PROFILES = ("empty", "thin", "full")
_DURATION = re.compile(r"^(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m)?$")
_TEXT_KEYS = ("name", "headline", "note", "reply", "location", "about", "created")
_INT_KEYS = ("mutual", "connections")
_BOOL_KEYS = ("stock_note", "silent", "known")
_KEYS = {"slot", "intent", "photo", "profile", "sent_ago", "reply_after", "skills"}
_KEYS |= set(_TEXT_KEYS) | set(_INT_KEYS) | set(_BOOL_KEYS)
MAX_SENDERS = 2000
MAX_FILE_BYTES = 4 * 1024 * 1024  # 2,000 senders with long notes fit well under this


class ScenarioError(ValueError):
    """A scenario file that cannot be used, with a one-line message saying why."""


@dataclass(frozen=True, slots=True)
class ScenarioSpec:
    name: str
    title: str
    about: str
    roles: tuple[Role, ...]


def duration(text: object, where: str) -> float:
    """``"2d3h"``, ``"45m"`` or a number of seconds, as seconds."""
    if isinstance(text, int | float) and not isinstance(text, bool) and text >= 0:
        return float(text)
    match = _DURATION.match(text) if isinstance(text, str) and text else None
    if not match:
        raise ScenarioError(f"{where}: expected a duration like 3h, 2d5h or 45m, got {text!r}")
    days, hours, minutes = (int(part or 0) for part in match.groups())
    return days * 86400.0 + hours * 3600.0 + minutes * 60.0


def load_file(path: Path, name: str | None = None) -> ScenarioSpec:
    where = shown_path(path)
    try:
        raw = read_small_file(path, what="scenario file", limit=MAX_FILE_BYTES)
    except FileNotFoundError:
        raise ScenarioError(f"no scenario file at {where}") from None
    except InputFileError as exc:
        raise ScenarioError(str(exc)) from None
    try:
        data = tomllib.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise ScenarioError(f"{where}: not UTF-8 text") from None
    except tomllib.TOMLDecodeError as exc:
        raise ScenarioError(f"{where}: not valid TOML ({visible(str(exc))})") from None
    except RecursionError:
        raise ScenarioError(f"{where}: not a scenario: values nested too deeply") from None
    return parse(data, name=name or path.stem, where=where)


def parse(data: dict, *, name: str, where: str) -> ScenarioSpec:
    unknown = set(data) - {"title", "about", "sender"}
    if unknown:
        raise ScenarioError(f"{where}: unknown key {sorted(unknown)[0]!r}")
    senders = data.get("sender")
    if not isinstance(senders, list) or not senders:
        raise ScenarioError(f"{where}: needs at least one [[sender]]")
    if len(senders) > MAX_SENDERS:
        raise ScenarioError(f"{where}: more than {MAX_SENDERS} senders")
    roles, slots = [], set()
    for number, sender in enumerate(senders, start=1):
        role = _role(sender, f"{where}: sender {number}")
        if role.slot in slots:
            raise ScenarioError(f"{where}: sender {number}: slot {role.slot!r} is used twice")
        slots.add(role.slot)
        roles.append(role)
    title = data.get("title", name)
    about = data.get("about", "")
    if not isinstance(title, str) or not isinstance(about, str):
        raise ScenarioError(f"{where}: title and about must be text")
    return ScenarioSpec(name=name, title=title, about=about, roles=tuple(roles))


def _role(sender: object, where: str) -> Role:
    if not isinstance(sender, dict):
        raise ScenarioError(f"{where}: must be a table")
    unknown = set(sender) - _KEYS
    if unknown:
        raise ScenarioError(f"{where}: unknown key {sorted(unknown)[0]!r}")
    for key in ("slot", "intent", "name"):
        if key not in sender:
            raise ScenarioError(f"{where}: missing {key!r}")
    slot = sender["slot"]
    if not isinstance(slot, str) or not re.fullmatch(r"[A-Za-z0-9_.-]{1,64}", slot):
        raise ScenarioError(f"{where}: slot must be 1-64 letters, digits, '-', '_' or '.'")
    where = f"{where} ({slot})"
    for key in _TEXT_KEYS:
        if key in sender and not isinstance(sender[key], str):
            raise ScenarioError(f"{where}: {key!r} must be text")
    for key in _INT_KEYS:
        value = sender.get(key, 0)
        if not isinstance(value, int) or isinstance(value, bool) or value < 0:
            raise ScenarioError(f"{where}: {key!r} must be a whole number of 0 or more")
    for key in _BOOL_KEYS:
        if not isinstance(sender.get(key, False), bool):
            raise ScenarioError(f"{where}: {key!r} must be true or false")
    _choice(sender, "intent", INTENTS, where)
    _choice(sender, "photo", PHOTO_KINDS, where)
    _choice(sender, "profile", PROFILES, where)
    if sender.get("stock_note") and "note" in sender:
        raise ScenarioError(f"{where}: give either 'note' or 'stock_note', not both")
    skills = sender.get("skills")
    if skills is not None and not (
        isinstance(skills, list) and all(isinstance(s, str) for s in skills)
    ):
        raise ScenarioError(f"{where}: 'skills' must be a list of text")
    note = STOCK if sender.get("stock_note") else sender.get("note")
    extra = {k: sender[k] for k in ("location", "created", "about") if k in sender}
    if skills is not None:
        extra["skills"] = tuple(skills)
    if "connections" in sender:
        extra["connections"] = sender["connections"]
    return Role(
        slot=slot,
        intent=sender["intent"],
        name=sender["name"],
        headline=sender.get("headline", ""),
        note=note,
        photo=sender.get("photo", "headshot"),
        profile=sender.get("profile", "full"),
        reply=sender.get("reply"),
        reply_after=duration(sender.get("reply_after", "2h"), f"{where}: reply_after"),
        silent=sender.get("silent", False),
        sent_ago=duration(sender.get("sent_ago", "1d"), f"{where}: sent_ago"),
        mutual=sender.get("mutual", 0),
        known=sender.get("known", False),
        **extra,
    )


def _choice(sender: dict, key: str, allowed: tuple[str, ...], where: str) -> None:
    if key in sender and sender[key] not in allowed:
        raise ScenarioError(f"{where}: {key} {sender[key]!r} is not one of {', '.join(allowed)}")
