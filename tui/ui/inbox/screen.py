"""The inbox screen: it composes the widgets and the helpers, and turns keys into their calls.

What each part does lives with the part: the list's window and paging in
:mod:`~tui.ui.inbox.inbox_list`, the detail and its prefetch in
:mod:`~tui.ui.inbox.detail_loader`, decisions and undo in :mod:`~tui.ui.inbox.decisions`,
find in :mod:`~tui.ui.inbox.finder`, opening and copying for the platform in
:mod:`~tui.ui.inbox.on_platform`. The screen keeps what the user chose to look at (the
split, flagged-only, the limit) and the split counts, and says what happened in the
status line.
"""

from __future__ import annotations

import time
from functools import partial
from typing import ClassVar

from textual import events, on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical
from textual.screen import Screen
from textual.timer import Timer
from textual.widget import Widget

from tui.domain.models import Assessment, Invitation
from tui.store import Cursor, Filter, Store
from tui.ui.bindings import INBOX_BINDINGS
from tui.ui.gateway import assessment_of, error_text
from tui.ui.inbox.decisions import VERBS, Decisions, Outcome, plural, who
from tui.ui.inbox.detail_loader import DetailLoader
from tui.ui.inbox.detail_pane import DetailPane
from tui.ui.inbox.finder import Finder, Found
from tui.ui.inbox.inbox_list import InboxList
from tui.ui.inbox.key_bar import KeyBar
from tui.ui.inbox.on_platform import PlatformActions
from tui.ui.inbox.search_bar import SearchBar
from tui.ui.inbox.splits_bar import SplitsBar, visible_splits
from tui.ui.inbox.status_bar import StatusBar
from tui.ui.outside_changes import OutsideChanges
from tui.ui.render.detail import PreparedDetail
from tui.ui.render.row import LEGEND
from tui.ui.services import Services

# Binding ids of the keys that act on the platform (or record what came from it): the
# detail names their keys; training has its own replies and made-up profiles, so not these.
PLATFORM_KEYS = ("open_profile", "copy", "reply")
PLATFORM_ACTIONS = frozenset({"open_profile", "copy", "record_reply"})


class InboxScreen(Screen):
    """The inbox. ``split`` is a status, or ``all`` (every status but sent)."""

    BINDINGS: ClassVar[list[BindingType]] = INBOX_BINDINGS
    HORIZONTAL_BREAKPOINTS: ClassVar[list[tuple[int, str]]] = [(0, "-narrow"), (110, "-wide")]
    AUTO_FOCUS = "InboxList"
    # The list and the detail side by side from 110 columns, stacked below that. The line
    # between them is the detail's border; it lights up while the detail has the focus.
    DEFAULT_CSS = """
    InboxScreen {
        layout: vertical;
    }
    InboxScreen.-wide {
        layout: horizontal;
    }
    /* The bars are docked, so the layout above places only the two panes (no container
       around them: one layer less for Textual to paint under every changed line). */
    InboxScreen #top-bars {
        dock: top;
        height: auto;
    }
    InboxScreen #bottom-bars {
        dock: bottom;
        height: auto;
    }
    InboxScreen #inbox {
        width: 1fr;
        height: 40%;
        min-height: 4;
    }
    InboxScreen.-wide #inbox {
        width: 52%;
        height: 1fr;
    }
    InboxScreen #detail {
        width: 1fr;
        height: 1fr;
        border-top: hkey $panel-lighten-2;
    }
    InboxScreen #detail:focus {
        border-top: hkey $accent;
    }
    InboxScreen.-wide #detail {
        border-top: none;
        border-left: vkey $panel-lighten-2;
    }
    InboxScreen.-wide #detail:focus {
        border-left: vkey $accent;
    }
    """

    def __init__(self, services: Services, *, training=None) -> None:
        super().__init__()
        self.services = services
        self.training = training
        self.split = "pending"
        self.flagged_only = False
        self.limit_text: str | None = None
        self.counts: dict[str, int] | None = None
        self.selected: Cursor | None = None  # the last row the cursor was on
        self.shown: PreparedDetail | None = None  # what the detail pane shows
        self.found: Found | None = None  # the last find's match
        self._shown_key: tuple[int, str] | None = None
        self._last_move = 0.0  # when the cursor last came to another row (for bursts)
        self._last_row: int | None = None  # the id of that row
        self._settle_timer: Timer | None = None
        self._counts_requested = False
        self._first_screen_told = False
        self.outside: OutsideChanges | None = None
        self._outside_waiting = False
        self._asked_row: int | None = None  # where the cursor went after a single ask

    # ------------------------------------------------------------------ composing

    def compose(self) -> ComposeResult:
        services = self.services
        self.splits_bar = SplitsBar(id="splits")
        self.inbox = InboxList(
            services.gateway,
            now=services.now,
            show_flags=self.training is None,
            on_change=self._inbox_changed,
            on_error=self.failed,
            age_tick=services.age_tick,
            id="inbox",
        )
        self.detail = DetailPane(id="detail")
        self.status = StatusBar(id="status")
        with Vertical(id="top-bars"):
            yield from self.top_bars()
        with Vertical(id="bottom-bars"):
            yield self.status
            yield KeyBar(id="keys")
        yield self.inbox
        yield self.detail

    def top_bars(self) -> list[Widget]:
        """The one-line bars above the list (the search prompt joins them when open)."""
        return [self.splits_bar]

    def on_mount(self) -> None:
        gateway = self.services.gateway
        hints = None
        if self.training is None:
            hints = {key: self.key_for(key) for key in PLATFORM_KEYS}
        self.loader = DetailLoader(
            self,
            gateway,
            self.inbox,
            self.detail,
            reveal=self.reveal,
            prefetch=self.training is None,
            on_shown=self._detail_shown,
            on_error=self.failed,
            now=self.services.now,
            hints=hints,
        )
        self.decisions = self.make_decisions()
        self.finder = Finder(self, gateway, on_found=self._found, on_error=self.failed)
        self.platform = PlatformActions(
            self, gateway, say=self.say, failed=self.failed, key=self.key_for
        )
        self.inbox.set_view(self.view())
        # Other windows and commands write to the same file: notice, and show it.
        self.outside = OutsideChanges(
            partial(gateway.call, Store.data_version),
            partial(self.call_later, self.outside_changed),
        ).start()

    def make_decisions(self) -> Decisions:
        return Decisions(
            self,
            self.services.gateway,
            self.inbox,
            session=self.services.session,
            assessment_for=self.assessment_for,
            on_done=self.decided,
            on_failed=self.failed,
            on_refused=self.refused,
            on_idle=self._refresh_if_waiting,
            say=self.say,
            busy=self.status.busy,
        )

    def on_unmount(self) -> None:
        if self.outside is not None:
            self.outside.stop()
        self.loader.cancel_prefetch()
        self.decisions.close()
        self.workers.cancel_all()

    def view(self) -> Filter:
        return Filter(
            status=None if self.split == "all" else self.split,
            flagged_only=self.flagged_only,
            search=self.limit_text,
        )

    # ------------------------------------------------------------------ what is on show

    @property
    def settling(self) -> bool:
        """True while the status and detail wait for a burst of moves to end (or a stale
        status message for the line's next change)."""
        return self._settle_timer is not None or self.status.waiting

    @property
    def deciding(self) -> bool:
        return self.decisions.busy

    @property
    def prefetch_pending(self) -> bool:
        return self.loader.prefetch_pending

    def _inbox_changed(self, inbox: InboxList) -> None:
        """Bring the status line and the detail to the cursor: now, or once a burst of
        moves ends.

        Holding ``j`` moves the list at key-repeat speed; preparing the detail for every
        row passed would cost far more than the list itself, so during a burst (changes
        less than ``settle_delay`` apart) the detail and the position catch up when the
        keys stop. A single press after a pause updates at once.
        """
        if self.counts is None and inbox.loaded and not self._counts_requested:
            self._counts_requested = True  # the list is painted before the counts
            self.call_after_refresh(self.load_counts)
        row = inbox.row
        if row is not None:
            self.selected = Cursor.of(row)
            asked_row = self._asked_row
            if asked_row is not None and row.id != asked_row:  # a click moved on from it
                self._asked_row = None
                self.platform.forget_ask()
        if row is None or self._shown_key is None or row.id != self._shown_key[0]:
            self.loader.cancel_prefetch()
        now = time.monotonic()
        delay = self.services.settle_delay
        # Only moves from row to row make a burst. Other changes (the first rows or the
        # list's length arriving) show at once, or with the burst they fall into.
        moved = row is not None and row.id != self._last_row
        quiet = not moved or now - self._last_move >= delay
        if moved:
            self._last_move, self._last_row = now, row.id
        if self._settle_timer is not None:
            if moved:
                self._settle_timer.stop()
                self._settle_timer = self.set_timer(delay, self.settle)
        elif quiet:
            self.settle()
        else:
            self._settle_timer = self.set_timer(delay, self.settle)

    def settle(self) -> None:
        """Bring the status line and the detail pane up to the cursor."""
        if self._settle_timer is not None:
            self._settle_timer.stop()
            self._settle_timer = None
        self.update_status()
        inbox = self.inbox
        row = inbox.row
        if row is None:
            if inbox.loaded and inbox.total == 0:
                self._shown_key = None
                self.shown = None
                self.loader.show_nothing()
                self._first_screen_check()
            return
        if self._shown_key != (row.id, row.status):
            self._shown_key = (row.id, row.status)
            self.loader.show(row)

    def _detail_shown(self, ready: PreparedDetail) -> None:
        self.shown = ready
        self._first_screen_check()

    def _first_screen_check(self) -> None:
        """Tell the app once the first full screen is up (what waited for it, the damage
        check of a large file and the garbage collector's set-up, then runs after it)."""
        if self._first_screen_told or self.counts is None:
            return
        inbox = self.inbox
        if self.shown is not None or (inbox.loaded and inbox.total == 0):
            self._first_screen_told = True
            self.call_after_refresh(self.services.on_first_screen)

    def assessment_for(self, invitation_id: int) -> Assessment | None:
        """What the user was shown for an invitation, to store beside the decision."""
        shown = self.shown
        if shown is None or shown.invitation is None or shown.invitation.id != invitation_id:
            return None
        return assessment_of(shown.flags, shown.recommendation)

    def reveal(self, invitation: Invitation) -> bool:
        """Training hides flags and the recommendation until the trainee has decided."""
        if self.training is None:
            return True
        judge = getattr(self.training, "reveal", None)
        if callable(judge):
            return bool(judge(invitation))
        return invitation.status != "pending"

    def update_status(self) -> None:
        inbox = self.inbox
        found, row = self.found, inbox.row
        on_match = found is not None and row is not None and found.match.id == row.id
        self.status.show(
            position=inbox.cursor,
            total=inbox.total if inbox.loaded else None,
            total_known=inbox.total_known,
            marked=inbox.marks.count(inbox.total),
            flagged_only=self.flagged_only,
            limit=self.limit_text,
            find=self.finder.text,
            match=found.position if on_match else None,
            matches=found.position[1] if found is not None and found.position else None,
            read_only=self.split == "sent",
        )

    def say(self, message: str | None) -> None:
        """What just happened, in the status line until the next key."""
        self.status.say(message)

    def failed(self, text: str) -> None:
        self.notify(text, title="Error", severity="error", timeout=8, markup=False)

    def on_key(self, event: events.Key) -> None:
        """A key is about to act: the message about the last one has had its moment, and
        (unless it opens or copies) so has the ask it reported."""
        self.status.expire_note()
        if self.platform.just_asked is not None:
            active = self.active_bindings.get(event.key)
            if active is None or active.binding.action not in ("open_profile", "copy"):
                self.platform.forget_ask()

    def key_for(self, binding_id: str) -> str:
        """The key bound to ``binding_id`` as the user's keymap has it (for messages)."""
        for active in self.active_bindings.values():
            if active.binding.id == binding_id:
                return self.app.get_key_display(active.binding)
        return binding_id

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # Training plays replies itself and its senders' profiles are made up.
        return self.training is None or action not in PLATFORM_ACTIONS

    # ------------------------------------------------------------------ counts

    def load_counts(self) -> None:
        self.run_worker(self._count, group="counts", exclusive=True, thread=True)

    def _count(self) -> None:
        try:
            counts = self.services.gateway.slow_read(Store.counts)
        except Exception as exc:
            self.call_later(self.failed, error_text(exc))
            return
        self.call_later(self._counts_loaded, counts)

    def _counts_loaded(self, counts: dict[str, int]) -> None:
        self.counts = counts
        self.splits_bar.counts = counts
        self.update_status()
        self._first_screen_check()

    def shift_counts(self, moves: dict[tuple[str, str], int]) -> None:
        """Apply status changes ``(from, to) -> how many`` to the split counts without a
        recount."""
        if self.counts is None:
            return
        for (old, new), count in moves.items():
            self.counts[old] = max(0, self.counts.get(old, 0) - count)
            self.counts[new] = self.counts.get(new, 0) + count
        self.splits_bar.counts = self.counts

    def outside_changed(self) -> None:
        """Another window or command wrote to the inbox: recount the splits and reload the
        list around the same invitation (the cursor stays on it while it is in the list).
        While this window is writing itself, the refresh waits for that write's result
        (which moves the list itself) and runs after it."""
        if self.deciding:
            self._outside_waiting = True
            return
        self._outside_waiting = False
        self.refresh_inbox()

    def _refresh_if_waiting(self) -> None:
        if self._outside_waiting:
            self.outside_changed()

    def refused(self, text: str) -> None:
        """Another window decided first: say so, change nothing, show what is there now."""
        self.say(text)
        self.refresh_inbox()

    def refresh_inbox(self) -> None:
        """Recount and reload (new invitations arrived, or a reply changed a status)."""
        self.loader.forget()
        self._shown_key = None
        self.load_counts()
        self.inbox.reload()

    # ------------------------------------------------------------------ moving

    def action_cursor(self, delta: int) -> None:
        self.inbox.move(delta)

    def action_page(self, direction: int) -> None:
        self.inbox.page(direction)

    def action_first(self) -> None:
        self.inbox.first()

    def action_last(self) -> None:
        self.inbox.last()

    def action_open_detail(self) -> None:
        self.detail.focus()

    def action_back(self) -> None:
        """Esc: cancel a bulk decision being written; else leave the detail, else clear
        find, limit, marks and flagged-only in turn."""
        inbox = self.inbox
        if self.decisions.cancel_bulk():
            self.status.busy("cancelling after this chunk…")
        elif not inbox.has_focus:
            inbox.focus()
        elif self.finder.text:
            self.finder.text = None
            self.found = None
            inbox.set_find(None)
            self.update_status()
        elif self.limit_text:
            self.limit_text = None
            self.reload_view()
        elif inbox.marks:
            inbox.marks.clear()
            inbox.refresh()
            self.update_status()
        elif self.flagged_only:
            self.action_toggle_flagged()

    # ------------------------------------------------------------------ splits and filters

    def action_show_split(self, split: str) -> None:
        if split == "sent" and "sent" not in visible_splits(self.counts):
            self.say("No sent invitations")
            return
        if split != self.split:
            self.split = split
            self.splits_bar.active = split
            self.reload_view()

    def action_cycle_split(self, step: int) -> None:
        splits = visible_splits(self.counts)
        index = splits.index(self.split) if self.split in splits else 0
        self.action_show_split(splits[(index + step) % len(splits)])

    def action_toggle_flagged(self) -> None:
        self.flagged_only = not self.flagged_only
        self.reload_view()

    def reload_view(self, select: Cursor | None = None) -> None:
        """Show the list as chosen now, keeping the selection (the last row the cursor was
        on, even across an empty list) where the list still holds it."""
        self._shown_key = None
        self.inbox.set_view(self.view(), select=select or self.selected)
        self.update_status()

    # ------------------------------------------------------------------ marks

    def action_mark(self) -> None:
        inbox = self.inbox
        row = inbox.visible_row
        if row is None:
            return
        inbox.marks.toggle(row.id)
        inbox.refresh_line(inbox.cursor)
        inbox.move(1)
        self.update_status()

    def action_mark_all(self) -> None:
        inbox = self.inbox
        if inbox.marks.is_all and not inbox.marks.excluded:
            inbox.marks.clear()
        else:
            inbox.marks.mark_all(inbox.view)
        inbox.refresh()
        self.update_status()

    # ------------------------------------------------------------------ find and limit

    def action_search(self, mode: str) -> None:
        current = self.finder.text if mode == "find" else self.limit_text
        self.query(SearchBar).remove()
        self.query_one("#top-bars").mount(SearchBar(mode, current or "", id="search"))

    @on(SearchBar.Submitted)
    def _searched(self, event: SearchBar.Submitted) -> None:
        self.query(SearchBar).remove()
        self.inbox.focus()
        text = event.text or None
        if event.mode == "limit":
            self.limit_text = text
            self.reload_view()
            return
        self.finder.text = text
        self.found = None
        self.inbox.set_find(text)
        self.update_status()
        self.finder.find(self.inbox.view, self.inbox.row, 1, include_current=True)

    @on(SearchBar.Cancelled)
    def _search_cancelled(self) -> None:
        self.query(SearchBar).remove()
        self.inbox.focus()

    def action_find_next(self, direction: int) -> None:
        if not self.finder.text:
            self.action_search("find")
            return
        self.finder.find(self.inbox.view, self.inbox.row, direction, include_current=False)

    def _found(self, found: Found) -> None:
        if found.text != self.finder.text:
            return  # a find for text since changed
        if found.match is None:
            self.found = None
            self.say(f"no match for {found.text!r}")
            self.update_status()
            return
        self.found = found
        self.say("search wrapped around" if found.wrapped else None)
        row = self.inbox.row
        if row is None or row.id != found.match.id:
            self.inbox.reload(select=Cursor.of(found.match))
        self.update_status()

    # ------------------------------------------------------------------ decisions

    def action_decide(self, action: str) -> None:
        if self.split == "sent":
            self.say("sent invitations are yours: nothing to decide")
            self.app.bell()
            return
        self.decisions.request(action)

    def action_undo(self) -> None:
        self.decisions.request("undo")

    def action_record_reply(self) -> None:
        """Open the reply box on the selected invitation (if you asked it)."""
        self.decisions.request("reply")

    # ------------------------------------------------------------------ on the platform

    def _selected(self) -> tuple[int | None, Invitation | None]:
        """The selected invitation's id, and the invitation itself if the detail has it."""
        row = self.inbox.row
        shown = self.shown.invitation if self.shown is not None else None
        return (row.id if row is not None else None), shown

    def action_open_profile(self) -> None:
        self.platform.open_profile(*self._selected())

    def action_copy(self) -> None:
        self.platform.copy(*self._selected())

    def decided(self, outcome: Outcome) -> None:
        """A decision or an undo is on disk: show it."""
        ids = [decision.invitation_id for decision in outcome.decisions]
        if self._shown_key is not None and self._shown_key[0] in ids:
            # Its detail is out of date even when the status stays (asking again adds a
            # message to an invitation that is already "asked").
            self._shown_key = None
        if outcome.action == "undo":
            self._undone(outcome)
            return
        if outcome.action == "reply":
            self._replied(outcome)
            return
        past = VERBS[outcome.action][1]
        inbox = self.inbox
        said, undoes = None, " · z undoes"
        if outcome.bulk:
            self.loader.forget()
            self._shown_key = None
            self.shift_counts(outcome.moves)
            inbox.marks.clear()
            inbox.reload()
            # The confirmation named the senders; this says how it went.
            said = f"{past} {plural(outcome.done, 'invitation')}"
            if outcome.cancelled:
                said += f" of {outcome.total:,}, then cancelled"
            if outcome.skipped:
                said += f"; {outcome.skipped:,} decided elsewhere meanwhile were left as they are"
            undoes = undoes if outcome.done else ""
        elif outcome.decisions:
            self.loader.forget(ids)
            decided = outcome.decisions[0]
            self.shift_counts({(decided.previous_status, decided.new_status): 1})
            said = f"{past} {who(outcome.names, 1)}"
            removed = inbox.replace_statuses({decided.invitation_id: decided.new_status})
            if not removed and self.split == "all":
                inbox.select_next_matching("pending")
        if said is not None:
            if outcome.action == "ask" and outcome.message is not None and outcome.done:
                # Recorded here; now the user sends it there: the question is copied, and
                # o and c act on this ask until another key.
                said += " · " + self.platform.asked(ids, outcome.done, outcome.message)
                row = inbox.row
                self._asked_row = None if outcome.bulk or row is None else row.id
            self.say(said + undoes)
        self.update_status()

    def _replied(self, outcome: Outcome) -> None:
        """The sender's answer is on disk: follow the invitation to where it now is, its
        detail showing the reply as read and the recommendation as the policy now has it."""
        invitation = outcome.invitation
        if invitation is None:
            return
        self.loader.forget([invitation.id])
        self._shown_key = None
        self.shift_counts(outcome.moves)
        if self.split not in ("all", invitation.status):
            self.split = invitation.status
            self.splits_bar.active = invitation.status
        self.reload_view(select=Cursor(invitation.sent_at, invitation.id))
        said = f"recorded {who(outcome.names, 1)}'s reply"
        if outcome.advice is not None:
            said += f" · recommended now: {outcome.advice.action}"
        self.say(said)

    def _undone(self, outcome: Outcome) -> None:
        first = outcome.last
        if first is None:
            self.say("nothing left to undo in this session")
            return
        if outcome.moves:
            self.shift_counts(outcome.moves)
        else:
            self.load_counts()
        self.loader.forget(
            None
            if outcome.done > len(outcome.decisions)
            else [d.invitation_id for d in outcome.decisions]
        )
        status = first.previous_status
        if self.split not in ("all", status):
            self.split = status
            self.splits_bar.active = status
        self.reload_view(select=outcome.cursor)
        was = VERBS.get(first.action, ("", first.action, ""))[1]
        if outcome.done == 1 and outcome.names:
            said = f"undone: {who(outcome.names, 1)} back to {status} (was {was})"
        else:
            said = f"undone: back from {was} ({plural(outcome.done, 'invitation')})"
        if outcome.cancelled:
            said += ", then cancelled: z undoes the rest"
        self.say(said)

    # ------------------------------------------------------------------ export and help

    def action_export(self) -> None:
        self.status.busy("exporting…")
        self.run_worker(
            lambda split=self.split: self._export(split),
            group="export",
            exclusive=True,
            thread=True,
            exit_on_error=False,
        )

    def _export(self, split: str) -> None:
        """Worker: the current split's decisions to a CSV beside the database."""
        from tui.export import default_export, export_decisions

        db_path = self.services.gateway.db_path
        try:
            # A read-only connection of its own: a long export never holds the UI's lock.
            with (
                default_export(db_path) as out,
                Store.open(db_path, readonly=True, verify=False) as store,
            ):
                count = export_decisions(store, out, statuses=None if split == "all" else [split])
        except Exception as exc:
            self.call_later(self._exported, f"export failed: {error_text(exc)}", False)
            return
        self.call_later(self._exported, f"exported {plural(count, 'row')} to {out}", True)

    def _exported(self, message: str, ok: bool) -> None:
        self.status.busy(None)
        if ok:
            self.say(message)  # the path stays in view until the next key
        else:
            self.failed(message)

    def help_entries(self) -> list[tuple[str, ...]]:
        """The keys as they are bound now (after the user's keymap), for the help screen."""
        from tui.ui.dialogs.help import bound_keys

        return bound_keys(self)

    def action_help(self) -> None:
        from tui.ui.dialogs.help import HelpScreen  # loaded when first needed

        self.app.push_screen(HelpScreen(self.help_entries(), legend=LEGEND))
