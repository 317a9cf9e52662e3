"""``Connections.csv``: who the user is already connected to, to mark senders as known.

The file opens with a few lines of notes (``Notes:``, a quoted paragraph, a blank line)
whose count has changed over the years, so the header is found by scanning for it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from tui.importers import csvtext
from tui.importers.errors import ImportFileError
from tui.importers.identity import name_key, url_key

HEADER = ("First Name", "Last Name", "URL", "Email Address", "Company", "Position", "Connected On")
REQUIRED = ("First Name", "Last Name", "URL")


@dataclass(frozen=True, slots=True)
class Contact:
    """What Connections.csv says about one connection's work (None when left blank)."""

    company: str | None
    position: str | None


NO_DETAILS = Contact(None, None)


@dataclass(slots=True)
class Connections:
    """Comparable forms of every connection's profile URL and name, with their work.

    A sender is a connection when their URL matches one; when either side lacks a URL the
    name decides (a namesake could match then: the export gives nothing better).
    """

    where: str
    urls: dict[str, Contact] = field(default_factory=dict)
    names: dict[str, Contact] = field(default_factory=dict)
    names_without_url: dict[str, Contact] = field(default_factory=dict)
    count: int = 0

    def find(self, name: str, url: str | None) -> Contact | None:
        """The connection this sender is, or None for a sender who is not one."""
        profile = url_key(url)
        if profile is not None and profile in self.urls:
            return self.urls[profile]
        key = name_key(name)
        if key is None:
            return None
        return (self.names if profile is None else self.names_without_url).get(key)

    def knows(self, name: str, url: str | None) -> bool:
        return self.find(name, url) is not None


def _find_header(records, where: str) -> tuple[int, dict[str, int]]:
    for line, row in records:
        if row and row[0].strip().removeprefix(csvtext.BOM).casefold() == "first name":
            index = csvtext.column_index(row)
            missing = [c for c in REQUIRED if c.casefold() not in index]
            if missing:
                raise ImportFileError(
                    where, f"header lacks column(s) {', '.join(map(repr, missing))}", line
                )
            return len(row), index
    raise ImportFileError(where, f"no header line {','.join(HEADER[:3])},... found")


def read_connections(data: bytes, where: str) -> Connections:
    """Parse the whole file; a malformed one raises ImportFileError with its line."""
    records = csvtext.rows(csvtext.decode(data, where), where)
    width, index = _find_header(records, where)
    first, last, url = (index[c.casefold()] for c in REQUIRED)
    company, position = index.get("company"), index.get("position")
    found = Connections(where=where)
    for line, row in records:
        if csvtext.is_blank(row):
            continue
        if len(row) != width:
            raise ImportFileError(
                where, f"expected {width} fields as in the header, found {len(row)}", line
            )
        found.count += 1
        name = name_key(f"{row[first]} {row[last]}")
        profile = url_key(row[url])
        contact = Contact(_cell(row, company), _cell(row, position))
        if profile is not None:
            found.urls[profile] = contact
        if name is not None:
            found.names[name] = contact
            if profile is None:
                found.names_without_url[name] = contact
    return found


def _cell(row: list[str], position: int | None) -> str | None:
    if position is None:
        return None
    return row[position].strip() or None
