"""JSON Lines: one invitation per line, every field checked before anything is stored.

Identity (what makes a re-import add nothing twice), in order of preference:
1. ``key``, the user's own identifier, when given;
2. ``profile_url`` (compared without query string or trailing slash) plus ``sent_at``:
   one person does not send two invitations at the same moment;
3. otherwise the whole record: two same-named senders with different details stay two
   invitations, and an identical line imported again is recognised.
"""

from __future__ import annotations

import difflib
import json
import os
from collections.abc import Iterator
from typing import Any

from tui.domain.files import InputFileError, open_regular
from tui.domain.models import NewInvitation, Person
from tui.importers.errors import ImportFileError, label
from tui.importers.identity import digest, url_key
from tui.importers.jsonl_fields import FIELDS, REQUIRED, FieldError, json_type
from tui.importers.record import Record

SOURCE = "jsonl"
# One invitation's line: a 10 kB name and a long note fit many times over. A longer line
# is not read whole (a file of one endless line would fill memory).
MAX_LINE = 4 * 1024 * 1024
PERSON_FIELDS = tuple(f for f in FIELDS if f not in ("note", "sent_at", "key"))


def _reject_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    found: dict[str, Any] = {}
    for key, value in pairs:
        if key in found:
            raise FieldError(key, "appears twice in the same object")
        found[key] = value
    return found


def _reject_constant(name: str) -> None:
    raise ValueError(f"{name} is not valid JSON")


def _decode_line(raw: bytes, where: str, number: int) -> str:
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ImportFileError(
            where,
            f"not UTF-8 text (byte 0x{raw[exc.start]:02x} at column {exc.start + 1})",
            number,
        ) from None
    if number == 1:
        text = text.removeprefix("\ufeff")
    return text


def _parse_object(text: str, where: str, number: int) -> dict[str, Any]:
    try:
        value = json.loads(
            text, object_pairs_hook=_reject_duplicate_keys, parse_constant=_reject_constant
        )
    except FieldError as exc:
        raise ImportFileError(where, str(exc), number) from None
    except json.JSONDecodeError as exc:
        if exc.pos >= len(text.rstrip()):
            reason = (
                "not valid JSON: the line ends mid-object "
                "(JSON Lines needs each whole object on one line)"
            )
        else:
            reason = f"not valid JSON: {exc.msg} (column {exc.colno})"
        raise ImportFileError(where, reason, number) from None
    except (ValueError, RecursionError) as exc:
        raise ImportFileError(where, f"not valid JSON: {exc}", number) from None
    if not isinstance(value, dict):
        raise ImportFileError(
            where, f"expected one JSON object per line, got {json_type(value)}", number
        )
    return value


def _checked(obj: dict[str, Any]) -> dict[str, Any]:
    """Every field validated and converted; missing and null optional fields become None."""
    for field in obj:
        if field not in FIELDS:
            close = difflib.get_close_matches(field, FIELDS, n=1)
            hint = f"did you mean '{close[0]}'?" if close else f"expected {', '.join(FIELDS)}"
            raise FieldError(field, f"unknown field ({hint})")
    values: dict[str, Any] = {}
    for field, check in FIELDS.items():
        value = obj.get(field)
        if field in REQUIRED and field not in obj:
            raise FieldError(field, "is required")
        values[field] = None if value is None and field not in REQUIRED else check(value, field)
    return values


def _identity(values: dict[str, Any], content: str) -> tuple[str, str | None]:
    if values["key"] is not None:
        return digest(SOURCE, "key", values["key"]), "the same key"
    profile = url_key(values["profile_url"])
    if profile is not None:
        return digest(SOURCE, "url", profile, values["sent_at"]), "the same profile_url and sent_at"
    return f"{SOURCE}:{content.split(':', 1)[1]}", None


def _record(values: dict[str, Any], where: str, number: int) -> Record:
    canonical = dict(values)
    canonical["experience"] = (
        None
        if values["experience"] is None
        else [[e.title, e.company, e.start, e.end] for e in values["experience"]]
    )
    canonical["education"] = (
        None if values["education"] is None else [[e.school, e.degree] for e in values["education"]]
    )
    canonical["skills"] = None if values["skills"] is None else list(values["skills"])
    content = digest("content", canonical)
    key, conflict = _identity(values, content)
    person = Person(**{f: values[f] for f in PERSON_FIELDS})
    item = NewInvitation(
        person=person,
        note=values["note"],
        sent_at=values["sent_at"],
        source=SOURCE,
        external_key=key,
    )
    return Record(item=item, where=where, line=number, content=content, conflict=conflict)


def read_jsonl(path: str | os.PathLike) -> Iterator[Record]:
    """Each line's invitation, in file order; the first problem raises ImportFileError."""
    where = label(path)
    found = False
    try:
        handle = open_regular(path, what="file to import")
    except InputFileError as exc:
        raise ImportFileError(where, exc.reason) from None
    with handle:
        number = 0
        while raw := handle.readline(MAX_LINE + 1):
            number += 1
            if len(raw) > MAX_LINE:
                raise ImportFileError(
                    where,
                    f"the line is longer than {MAX_LINE:,} bytes; is this JSON Lines?",
                    number,
                )
            text = _decode_line(raw, where, number)
            if not text.strip():
                continue
            obj = _parse_object(text, where, number)
            try:
                values = _checked(obj)
            except FieldError as exc:
                raise ImportFileError(where, str(exc), number) from None
            found = True
            yield _record(values, where, number)
    if not found:
        raise ImportFileError(where, "no invitations in the file (it is empty)")
