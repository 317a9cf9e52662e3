"""The SQLite store: schema, safe opening, and the typed API the rest of the app uses."""

from tui.store.errors import StoreError
from tui.store.list_query import Cursor, Filter
from tui.store.schema import SCHEMA_VERSION
from tui.store.store import Store, utc_now

__all__ = ["SCHEMA_VERSION", "Cursor", "Filter", "Store", "StoreError", "utc_now"]
