"""What the list shows: literal text, visible controls, flags without colour, any width."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from conftest import FIXED_NOW, Inv, ago, make_db, open_app, press, screen_text, settle
from rich.style import Style
from textual.geometry import Region

from tui.domain.models import InboxRow
from tui.ui.inbox.inbox_list import InboxList
from tui.ui.inbox.splits_bar import compact_number
from tui.ui.render.row import RowStyles, columns, render_row
from tui.ui.render.timefmt import compact_age

PLAIN = RowStyles(*(Style() for _ in range(11)))


def row(name: str, **fields) -> InboxRow:
    values = {
        "id": 1,
        "name": name,
        "headline": "Headline",
        "company": None,
        "sent_at": ago(90),
        "status": "pending",
        "flag_codes": (),
        "recommended": None,
    }
    values.update(fields)
    return InboxRow(**values)


def line(inbox_row: InboxRow, width: int = 80, **kwargs) -> str:
    options = {"now": FIXED_NOW, "cursor": False, "marked": False, "show_flags": True}
    options.update(kwargs)
    strip = render_row(inbox_row, width, styles=PLAIN, **options)
    assert strip.cell_length == width
    return strip.text


def list_lines(app) -> list[str]:
    inbox = app.screen.query_one(InboxList)
    return [inbox.render_line(y).text for y in range(inbox.size.height)]


async def test_hostile_names_render_literally_in_the_app(tmp_path):
    people = [
        Inv("[bold red]x[/]", 1, headline="[link=http://evil]click[/link]"),
        Inv("\x1b[31mred\x1b[0m name", 2, headline="line one\nline two"),
        Inv("Abc\u202eevil", 3),
        Inv('=HYPERLINK("http://x")', 4),
    ]
    app = open_app(make_db(tmp_path, people))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        lines = list_lines(app)
        assert "[bold red]x[/]" in lines[0]
        assert "[link=http://evil]click[/link]" in lines[0]
        assert "\\x1b[31mred\\x1b[0m name" in lines[1] and "\x1b" not in "".join(lines)
        assert "line one line two" in lines[1]
        assert "Abc\\u202eevil" in lines[2] and "\u202e" not in lines[2]
        assert '=HYPERLINK("http://x")' in lines[3]
        assert "[bold red]x[/]" in app.screen.query_one("DetailPane").plain_text()


async def test_ten_kilobyte_name_is_cut_to_its_column(tmp_path):
    app = open_app(make_db(tmp_path, [Inv("N" * 10_000, 1), Inv("Short", 2)]))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        first = list_lines(app)[0]
        assert len(first) == 100 and "N…" in first
        await press(pilot, "j")
        assert "Short" in list_lines(app)[1]


def test_long_names_are_truncated_with_an_ellipsis():
    name_width, _ = columns(80)
    text = line(row("Maximiliana Wolfeschlegelsteinhausenbergerdorff"))
    assert "Maximiliana Wolfeschleg" in text and "…" in text
    assert len("Maximiliana Wolfeschlegelsteinhausenbergerdorff") > name_width


def test_wide_characters_keep_columns_aligned():
    for name in ("山田太郎さんの長い名前です本当に", "Zoë", "👩‍💻 Dev"):
        assert line(row(name), width=90)  # render_row asserts the exact cell width


def test_flags_show_as_symbols_so_they_survive_no_color():
    assert "▲▲▲" in line(row("A", flag_codes=("generic_note", "no_photo", "sparse_profile")))
    assert "5▲" in line(row("A", flag_codes=("a", "b", "c", "d", "e")))
    assert "✚" in line(row("A", flag_codes=("stated_reason",)))
    assert "▲△" in line(row("A", flag_codes=("new_profile", "sales_pitch")))  # worst first
    assert "▲" not in line(row("A"))
    assert "▲" not in line(row("A", flag_codes=("no_photo",)), show_flags=False)


def test_status_cursor_and_mark_are_symbols():
    assert line(row("A"), cursor=True).startswith("▶  •")
    assert line(row("A", status="accepted"), marked=True).startswith(" * ✔")
    assert line(row("A", status="accepted"), marked=True, cursor=True).startswith("▶* ✔")
    assert line(row("A", status="ignored"))[3] == "✘"
    assert line(row("A", status="asked"))[3] == "?"


@pytest.mark.parametrize(
    ("minutes", "expected"),
    [(0.5, "now"), (12, "12m"), (60 * 5, "5h"), (60 * 24 * 3, "3d"), (60 * 24 * 20, "Jan 12")],
)
def test_compact_ages(minutes, expected):
    assert compact_age(ago(minutes), FIXED_NOW) == expected


def test_old_future_and_bad_times():
    assert compact_age("2023-05-01T00:00:00", FIXED_NOW) == "2023"
    assert compact_age("2026-03-01T00:00:00+00:00", FIXED_NOW) == "Mar 1"
    assert compact_age("yesterday", FIXED_NOW) == "?"
    assert compact_age("2026-02-01T11:30:00", datetime(2026, 2, 1, 12, tzinfo=UTC)) == "30m"


def test_compact_numbers():
    assert [compact_number(n) for n in (7, 999, 1234, 56_789, 1_000_000)] == [
        "7",
        "999",
        "1.2k",
        "56k",
        "1.0M",
    ]


async def test_no_color_keeps_flags_marks_and_cursor_readable(db, monkeypatch):
    monkeypatch.setenv("NO_COLOR", "1")
    app = open_app(db)
    assert app.no_color
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await press(pilot, "space")
        lines = list_lines(app)
        assert lines[0].startswith(" * •")  # marked
        assert lines[1].startswith("▶  • ▲▲")  # cursor, two red flags
        assert "▸1 Pending 5" in screen_text(app)  # the active split is marked


async def test_80_by_24_shows_every_split_the_footer_and_the_recommendation(db):
    app = open_app(db)
    async with app.run_test(size=(80, 24)) as pilot:
        await press(pilot, "home")  # headless, the footer fills in on the first key
        text = screen_text(app)
        lines = text.splitlines()
        for split in ("Pending 5", "Asked 1", "Replied 1", "Accepted 1", "Ignored 1", "All 9"):
            assert split in lines[0]
        assert "Ada Lovelace" in text and "Recommended" in text
        assert "1 of 5" in lines[-2]
        assert "a Accept" in lines[-1] and "? Help" in lines[-1] and "q Quit" in lines[-1]


async def test_a_million_row_count_fits_the_splits_bar_at_80_columns(tmp_path):
    app = open_app(make_db(tmp_path, [Inv("One", 1)]))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        app.screen.splits_bar.counts = dict.fromkeys(
            ("pending", "asked", "replied", "accepted", "ignored", "all", "sent"), 1_234_567
        )
        await settle(pilot)
        first = screen_text(app).splitlines()[0]
        assert "Pend 1.2M" in first and "7 Sent 1.2M" in first


async def test_a_status_too_long_for_the_line_ends_in_an_ellipsis_and_stays_literal(tmp_path):
    app = open_app(make_db(tmp_path, [Inv("One", 1)]))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        limit = "[bold]x[/bold] \x1b[31m" + "w" * 100
        app.screen.limit_text = limit
        app.screen.update_status()
        await settle(pilot)
        status = screen_text(app).splitlines()[-2]
        assert "limit: [bold]x[/bold] " in status  # markup shown as typed
        assert "\x1b" not in status
        assert status.endswith("w…") and len(status) == 80


async def test_the_ages_in_the_list_follow_the_clock_when_the_list_is_reloaded(tmp_path):
    clock = {"now": FIXED_NOW}
    app = open_app(make_db(tmp_path), now=lambda: clock["now"])
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        inbox = app.screen.query_one(InboxList)

        def shown() -> list[str]:  # as the compositor asks for the list's lines
            return [strip.text for strip in inbox.render_lines(Region(0, 0, *inbox.outer_size))]

        before = shown()
        clock["now"] = FIXED_NOW + timedelta(days=40)
        app.screen.refresh_inbox()  # as a training tick does when a reply arrives
        await settle(pilot)
        assert shown() != before  # the ages moved on
        after = shown()
        inbox.repaint_rows()  # the same rows painted afresh
        assert shown() == after
