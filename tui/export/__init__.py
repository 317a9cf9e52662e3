"""CSV export: decisions to a spreadsheet-safe file (and the safe writer other exports share).

The app's ``e`` key calls ``export_decisions(store, path, statuses=[split])`` with ``path`` from
``default_export(db_path)``; the ``export`` command adds the command-line options.
"""

from tui.export.decisions import (
    ALL,
    HEADER,
    STATUS_CHOICES,
    check_statuses,
    decision_rows,
    default_export,
    default_export_path,
    export_decisions,
    export_path_in,
    parse_since,
)
from tui.export.safe_csv import STDOUT, ExportError, neutralise, write_safe_csv

__all__ = [
    "ALL",
    "HEADER",
    "STATUS_CHOICES",
    "STDOUT",
    "ExportError",
    "check_statuses",
    "decision_rows",
    "default_export",
    "default_export_path",
    "export_decisions",
    "export_path_in",
    "neutralise",
    "parse_since",
    "write_safe_csv",
]
