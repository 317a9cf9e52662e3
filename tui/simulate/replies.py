"""Senders answering an "ask": timed from the ask, delivered when the clock says so.

The UI records an ask the ordinary way (``Store.record_decision(id, "ask", message=...)``);
the simulator notices it on its next tick, so no screen has to remember to call it. What
a sender answers comes from the scenario's script when there is one, otherwise it is drawn
for their hidden intent with a random generator seeded by the invitation's id, so the same
sender always answers the same way whoever asks and in whatever order. Fakes never answer;
real (imported) senders, whose intent is unknown, get no simulated answer at all.

A delivered reply is stored at the moment it was "written" (the due time), not when the
tick noticed it, so results never depend on how often the UI ticks.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime, timedelta

from tui.domain.models import Assessment, Invitation, Message
from tui.simulate.clock import iso, parse

# draw(intent, rng, person=...) -> (reply text or None for silence, delay in seconds)
Draw = Callable[..., tuple[str | None, float]]
Assess = Callable[[Invitation], Assessment]


def default_draw() -> Draw:
    from seed.replies import draw_reply

    return draw_reply


def default_assess() -> Assess:
    from tui.domain.assessment import assess

    return assess


def reply_rng(seed: int, invitation_id: int) -> random.Random:
    """The generator one sender's answer is drawn with (string seeds are stable)."""
    return random.Random(f"reply:{seed}:{invitation_id}")


class Replies:
    """Times and delivers the answers to asks for one store."""

    def __init__(
        self, store, *, seed: int = 0, draw: Draw | None = None, assess: Assess | None = None
    ):
        self.store = store
        self.seed = seed
        self._draw = draw
        self._assess = assess

    @property
    def draw(self) -> Draw:
        if self._draw is None:
            self._draw = default_draw()
        return self._draw

    @property
    def assess(self) -> Assess:
        if self._assess is None:
            self._assess = default_assess()
        return self._assess

    def preview(self, invitation_id: int) -> tuple[str | None, float] | None:
        """How this sender would answer an ask, without asking: ``(body or None, delay)``.

        The planned answer when there is one, else the one :meth:`schedule_new_asks` would
        draw (the same generator, so the same answer); ``None`` for a real person.
        """
        planned = self.store.planned_reply(invitation_id)
        if planned is not None:
            return planned
        invitation = self.store.get(invitation_id)
        intent = invitation.person.intent
        if intent is None:
            return None
        body, delay = self.draw(
            intent, reply_rng(self.seed, invitation_id), person=invitation.person
        )
        return (None if intent == "fake" else body), delay

    def schedule_new_asks(self) -> list[int]:
        """Start the reply clock for asks made since the last tick; returns their ids."""
        started = []
        for ask in self.store.pending_asks():
            if not ask.planned:
                if ask.intent is None:
                    continue  # a real person: the simulator does not speak for them
                person = self.store.get(ask.invitation_id).person
                rng = reply_rng(self.seed, ask.invitation_id)
                body, delay = self.draw(ask.intent, rng, person=person)
                if ask.intent == "fake":
                    body = None
                self.store.plan_replies([(ask.invitation_id, body, delay)], origin="drawn")
            delay = self.store.reply_delay(ask.invitation_id)
            due = parse(ask.asked_at) + timedelta(seconds=delay)
            self.store.start_reply_clock(ask.invitation_id, ask.ask_decision_id, iso(due))
            started.append(ask.invitation_id)
        return started

    def deliver_due(self, now: datetime) -> list[int]:
        """Store every reply due by ``now``; returns the ids that received one."""
        delivered = []
        for due in self.store.due_replies(iso(now)):
            if self.store.is_undone(due.ask_decision_id):
                self.store.stop_reply_clock(due.invitation_id)
                continue
            invitation = self.store.get(due.invitation_id)
            answered = replace(
                invitation,
                status="replied" if invitation.status == "asked" else invitation.status,
                messages=(*invitation.messages, Message("in", due.body, due.due_at)),
            )
            self.store.deliver_reply(
                due.invitation_id, due.body, at=due.due_at, assessment=self.assess(answered)
            )
            delivered.append(due.invitation_id)
        return delivered

    def next_due(self) -> datetime | None:
        text = self.store.next_reply_due()
        return None if text is None else parse(text)
