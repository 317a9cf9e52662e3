"""Which rows are marked for a bulk decision, without holding a million ids.

Space marks single rows (a set of ids). ``*`` marks *every row of the current list*: that
is stored as the list's filter plus the ids the user unmarked afterwards, so marking all of
a 1,000,000-row split costs nothing until a decision actually needs the ids, and then a
worker streams them from the store.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from tui.store import Filter


@dataclass
class Marks:
    ids: set[int] = field(default_factory=set)
    all_of: Filter | None = None  # every row of this list is marked ...
    excluded: set[int] = field(default_factory=set)  # ... except these

    def copy(self) -> Marks:
        """A snapshot, for a decision that must not change when the marks do."""
        return Marks(set(self.ids), self.all_of, set(self.excluded))

    def is_marked(self, row_id: int) -> bool:
        if self.all_of is not None:
            return row_id not in self.excluded
        return row_id in self.ids

    def toggle(self, row_id: int) -> None:
        if self.all_of is not None:
            self.excluded ^= {row_id}
        else:
            self.ids ^= {row_id}

    def mark_all(self, view: Filter) -> None:
        self.ids.clear()
        self.excluded.clear()
        self.all_of = view

    def clear(self) -> None:
        self.ids.clear()
        self.excluded.clear()
        self.all_of = None

    def count(self, total: int) -> int:
        """How many rows are marked, given how many the list holds."""
        if self.all_of is not None:
            return max(0, total - len(self.excluded))
        return len(self.ids)

    def forget(self, row_ids: set[int]) -> None:
        """Rows left the list (decided): they are no longer marked or excluded."""
        self.ids -= row_ids
        self.excluded -= row_ids

    @property
    def is_all(self) -> bool:
        return self.all_of is not None

    def __bool__(self) -> bool:
        return self.all_of is not None or bool(self.ids)
