"""The detail pane mounted in a tiny app: what a user sees for one invitation."""

from __future__ import annotations

from rich.text import Text
from textual import events
from textual.app import App, ComposeResult

from tui.domain.models import Flag, Invitation, Message, NewInvitation, Person, Recommendation
from tui.store import Filter, Store
from tui.ui import styles
from tui.ui.widgets.detail_pane import DetailPane

NOTE = "Hi! I'd love to show you our growth package, book a demo today."
PITCH = (NOTE.index("show"), NOTE.index(","))
REPLY = "Honestly I want to grow my network."
REASON = (REPLY.index("grow"), REPLY.index("."))


def make_invitation(**person_fields) -> Invitation:
    person = Person(
        **{
            "name": "Rui Costa",
            "headline": "Growth consultant",
            "photo": "selfie",
            "about": "",
            "experience": (),
            "education": None,
            "skills": ("Sales",),
            "recommendations": 0,
            "connections": 40,
            "mutual_connections": 0,
            "known": False,
            "profile_created": "2026-01-20",
            **person_fields,
        }
    )
    return Invitation(
        id=7,
        person=person,
        note=NOTE,
        sent_at="2026-02-01T09:30:00",
        status="replied",
        messages=(
            Message("out", "Hi Rui, what prompted you to connect?", "2026-02-02T08:00:00"),
            Message("in", REPLY, "2026-02-02T12:00:00"),
        ),
    )


FLAGS = [
    Flag(
        "sales_pitch", "red", "high", "It sells something in the first message.", "note", (PITCH,)
    ),
    Flag("unprofessional_photo", "red", "medium", "The photo is a selfie.", "photo"),
    Flag("no_mutual_connections", "red", "low", "No shared connections.", "mutual_connections"),
    Flag(
        "stated_reason",
        "signal",
        "info",
        "The reply gives a reason.",
        "reply",
        (REASON,),
        ("grow_network",),
    ),
]
RECOMMENDATION = Recommendation("ignore", ("A stranger pitching in the first message.",))


class PaneApp(App):
    def __init__(self) -> None:
        super().__init__()
        self.animation_level = "none"

    def compose(self) -> ComposeResult:
        yield DetailPane(id="detail")


def screen_lines(pane: DetailPane) -> list[str]:
    """The pane's lines as painted now (only what is scrolled into view), without the
    margin in the first cell and the position bar in the last."""
    return [pane.render_line(y).text[1:-1].rstrip() for y in range(pane.size.height)]


def all_lines(pane: DetailPane) -> list[str]:
    """Every line of the pane, scrolling through it page by page as a user would."""
    seen: dict[int, str] = {}
    top = 0
    while True:
        pane.scroll_to(y=top, animate=False, immediate=True)
        offset = int(pane.scroll_y)
        for y, line in enumerate(screen_lines(pane)):
            seen[offset + y] = line
        if offset >= pane.max_scroll_y:
            return [seen[index] for index in sorted(seen)]
        top = offset + pane.size.height


async def test_empty_state_until_an_invitation_is_shown():
    app = PaneApp()
    async with app.run_test(size=(80, 40)) as pilot:
        pane = app.query_one(DetailPane)
        assert pane.plain_text() == "No invitation selected."
        pane.show(make_invitation(), FLAGS, RECOMMENDATION)
        await pilot.pause()
        assert pane.invitation_id == 7
        pane.show(None, [], None)
        await pilot.pause()
        assert pane.plain_text() == "No invitation selected."
        assert pane.invitation_id is None


async def test_shows_card_note_reply_flags_and_recommendation():
    app = PaneApp()
    async with app.run_test(size=(80, 60)) as pilot:
        pane = app.query_one(DetailPane)
        pane.show(make_invitation(), FLAGS, RECOMMENDATION)
        await pilot.pause()
        text = pane.plain_text()
        for expected in [
            "Rui Costa",
            "⚠ selfie",
            "◇ stranger",
            "Growth consultant",
            "Recommended:  ✘ IGNORE",
            "• A stranger pitching in the first message.",
            NOTE,
            "You asked  2026-02-02 08:00",
            "Reply  2026-02-02 12:00",
            "Honestly I want to grow my network.",
            "▲ HIGH Sales pitch — It sells something in the first message.",
            "✚ GOOD States a reason — The reply gives a reason. (reason: wants to grow their professional network)",  # noqa: E501
            "Mutual connections: 0 ⚑ red flag",
            "About  — empty —",
            "Education  unknown",
            "About this profile: created 2026-01-20, 12 days before the invitation",
        ]:
            assert expected in text, expected
        # and it is on screen, not just in the widget's content
        lines = screen_lines(pane)
        assert "Rui Costa" in lines
        assert any(line.startswith("Recommended:") for line in lines)


async def test_note_and_reply_highlights_land_on_the_flagged_words():
    app = PaneApp()
    async with app.run_test(size=(80, 60)) as pilot:
        pane = app.query_one(DetailPane)
        pane.show(make_invitation(), FLAGS, RECOMMENDATION)
        await pilot.pause()
        content = pane.part("conversation")
        assert isinstance(content, Text)
        red = [content.plain[s.start : s.end] for s in content.spans if s.style == styles.RED_SPAN]
        good = [
            content.plain[s.start : s.end] for s in content.spans if s.style == styles.GOOD_SPAN
        ]
        assert red == ["show you our growth package"]
        assert good == ["grow my network"]


async def test_training_mode_hides_flags_highlights_and_recommendation():
    app = PaneApp()
    async with app.run_test(size=(80, 60)) as pilot:
        pane = app.query_one(DetailPane)
        pane.show(make_invitation(), FLAGS, RECOMMENDATION, reveal=False)
        await pilot.pause()
        assert not pane.revealed
        text = pane.plain_text()
        assert NOTE in text and "Rui Costa" in text and "Growth consultant" in text
        for hidden in ["Recommended", "IGNORE", "Red flags", "Sales pitch", "⚑", "⚠", "✘"]:
            assert hidden not in text, hidden
        assert "photo: selfie" in text
        conversation = pane.part("conversation")
        assert all(
            span.style not in (styles.RED_SPAN, styles.GOOD_SPAN) for span in conversation.spans
        )
        assert pane.part("recommendation") is None and pane.part("flags") is None
        lines = "\n".join(screen_lines(pane))
        assert "Recommended" not in lines and "Red flags" not in lines
        # revealing afterwards (after a wrong answer in training) shows everything
        pane.show(make_invitation(), FLAGS, RECOMMENDATION, reveal=True)
        await pilot.pause()
        assert "Red flags (3)" in pane.plain_text()


async def test_markup_ansi_and_rtl_from_the_database_render_literally(tmp_path):
    hostile = "[bold red]x[/] \x1b[31mred\u202eevil"
    with Store.open(tmp_path / "inbox.db", create=True) as store:
        store.add_invitations(
            [
                NewInvitation(
                    person=Person(name=hostile, headline="[link=x]click[/link]", photo="none"),
                    note="[blink]hi[/blink] \x1b]8;;http://x\x07link",
                    sent_at="2026-02-01T09:30:00",
                )
            ]
        )
        invitation = store.get(store.page(Filter(status=None), limit=1)[0].id)
    app = PaneApp()
    async with app.run_test(size=(80, 40)) as pilot:
        pane = app.query_one(DetailPane)
        pane.show(invitation, [], None)
        await pilot.pause()
        lines = all_lines(pane)
        assert "[bold red]x[/] \\x1b[31mred\\u202eevil" in lines
        assert "[link=x]click[/link]" in lines
        assert "[blink]hi[/blink] \\x1b]8;;http://x\\x07link" in lines
        assert not any("\x1b" in line or "\u202e" in line for line in lines)


async def test_a_ten_kilobyte_name_does_not_break_the_layout():
    app = PaneApp()
    async with app.run_test(size=(80, 24)) as pilot:
        pane = app.query_one(DetailPane)
        pane.show(make_invitation(name="Z" * 10_000, headline="H" * 10_000), FLAGS, RECOMMENDATION)
        await pilot.pause()
        lines = screen_lines(pane)
        # the name takes at most two lines, then the badges and the clipped headline follow
        assert lines[0].startswith("ZZZZ")
        assert lines[1].endswith("… (10,000 characters)")
        assert "⚠ selfie" in lines[2]
        assert all(len(line) <= 80 for line in lines)
        assert all(len(line) <= 78 for line in all_lines(pane))


async def test_focus_and_scroll_and_back_to_top_on_a_new_invitation():
    app = PaneApp()
    async with app.run_test(size=(80, 24)) as pilot:
        pane = app.query_one(DetailPane)
        pane.show(make_invitation(), FLAGS, RECOMMENDATION)
        await pilot.pause()
        pane.focus()
        await pilot.pause()
        assert app.focused is pane
        assert pane.max_scroll_y > 0
        await pilot.press("pagedown")
        await pilot.pause()
        assert pane.scroll_y > 0
        pane.show(
            Invitation(
                id=8, person=Person(name="Other"), note=None, sent_at="2026-02-03", status="pending"
            ),
            [],
            None,
        )
        await pilot.pause()
        assert pane.scroll_y == 0
        assert "Other" in pane.plain_text()


async def test_position_bar_shows_where_the_view_is_and_the_wheel_scrolls():
    app = PaneApp()
    async with app.run_test(size=(80, 12)) as pilot:
        pane = app.query_one(DetailPane)
        pane.show(make_invitation(), FLAGS, RECOMMENDATION)
        await pilot.pause()

        def thumb_rows() -> list[int]:
            return [y for y in range(pane.size.height) if pane.render_line(y).text[-1] == "┃"]

        at_top = thumb_rows()
        assert at_top and at_top[0] == 0
        assert all(pane.render_line(y).text[-1] in "┃│" for y in range(pane.size.height))
        pane.post_message(events.MouseScrollDown(pane, 5, 5, 0, 1, 0, False, False, False))
        await pilot.pause()
        assert pane.scroll_y > 0
        pane.scroll_end(animate=False, immediate=True)
        await pilot.pause()
        assert thumb_rows()[-1] == pane.size.height - 1
        # Taller than the content: everything fits, so there is no thumb at all.
        await pilot.resize_terminal(80, 200)
        await pilot.pause()
        assert pane.max_scroll_y == 0
        assert thumb_rows() == []


async def test_lines_follow_focus_and_theme_colours():
    app = PaneApp()
    async with app.run_test(size=(80, 24)) as pilot:
        pane = app.query_one(DetailPane)
        pane.show(make_invitation(), FLAGS, RECOMMENDATION)
        await pilot.pause()

        def background():
            return pane.render_line(0)._segments[-1].style.bgcolor

        app.set_focus(None)  # the only focusable widget gets focus on start
        await pilot.pause()
        blurred = background()
        pane.focus()
        await pilot.pause()
        focused = background()
        assert focused != blurred
        app.theme = "textual-light" if app.theme != "textual-light" else "textual-dark"
        await pilot.pause()
        assert background() not in (blurred, focused)


async def test_rewraps_when_the_terminal_narrows():
    app = PaneApp()
    async with app.run_test(size=(120, 30)) as pilot:
        pane = app.query_one(DetailPane)
        pane.show(make_invitation(), FLAGS, RECOMMENDATION)
        await pilot.pause()
        wide = all_lines(pane)
        await pilot.resize_terminal(50, 30)
        await pilot.pause()
        narrow = all_lines(pane)
        assert max(len(line) for line in wide) > 50
        assert max(len(line) for line in narrow) <= 47
        assert len(narrow) > len(wide)
        assert "".join(narrow).replace(" ", "") == "".join(wide).replace(" ", "")


async def test_details_gone_off_screen_are_freed_when_released_and_never_pile_up():
    import gc
    import weakref
    from dataclasses import replace

    from tui.ui.detail_content import prepare
    from tui.ui.widgets.detail_pane import RETIRED_KEPT

    app = PaneApp()
    async with app.run_test(size=(80, 24)) as pilot:
        pane = app.query_one(DetailPane)
        first = prepare(make_invitation(), FLAGS, RECOMMENDATION)
        gone = weakref.ref(first)
        pane.show_prepared(first)
        del first
        pane.show_prepared(prepare(replace(make_invitation(), id=8), FLAGS, RECOMMENDATION))
        await pilot.pause()
        gc.collect()
        assert gone() is not None  # off screen, kept until a quiet moment
        pane.release_retired()
        gc.collect()
        assert gone() is None

        first = prepare(make_invitation(), FLAGS, RECOMMENDATION)
        gone = weakref.ref(first)
        pane.show_prepared(first)
        del first
        for n in range(RETIRED_KEPT + 1):  # many shows, no quiet moment
            pane.show_prepared(prepare(replace(make_invitation(), id=20 + n), [], None))
        gc.collect()
        assert gone() is None


async def test_a_long_detail_scrolled_through_keeps_only_its_first_lines_joined():
    from dataclasses import replace

    from tui.ui.detail_content import EAGER_LINES, prepare

    app = PaneApp()
    async with app.run_test(size=(80, 24)) as pilot:
        pane = app.query_one(DetailPane)
        note = "word " * 20000
        pane.show_prepared(prepare(replace(make_invitation(), note=note), FLAGS, RECOMMENDATION))
        await pilot.pause()
        for top in range(0, len(pane._detail.lines), 20):
            pane.scroll_to(y=top, animate=False, immediate=True)
            pane.render_lines(pane.size.region)
        assert len(pane._detail.lines) > 1000
        assert len(pane._detail.framed) <= 2 * EAGER_LINES
