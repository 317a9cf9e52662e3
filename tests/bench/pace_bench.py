"""Why training's default speed is what it is: reading time against the first reply.

A trainee who asks a sender goes on to the next invitation. The sender's reply should
not arrive before they have read that one: it interrupts them mid-profile. So the
shortest reply a built-in scenario scripts, played at the default ``--speed``, must
take longer in real time than reading a long detail pane plus the ask's message.

Words per pane are counted from what the training view paints (flags hidden), for every
sender of the built-in scenarios; reading runs at 238 words a minute, the average silent
reading rate for non-fiction measured across 190 studies (Brysbaert 2019, Journal of
Memory and Language 109). Run: ``.venv/bin/python tests/bench/pace_bench.py``.
"""

from __future__ import annotations

import re
import statistics

from tui.domain.assessment import evaluate
from tui.simulate import cast, scenarios
from tui.simulate.clock import DEFAULT_SPEED, DrivenClock
from tui.store import Store
from tui.ui.detail_content import detail_parts
from tui.ui.reply_templates import DEFAULT_TEMPLATES

WORDS_PER_MINUTE = 238
OLD_SPEED = 3600.0  # the default before this bench: an hour a second


def words(text: str) -> int:
    return len(re.findall(r"\w+", text))


def pane_words() -> list[int]:
    """Words the training view shows for each built-in scenario sender."""
    counts = []
    for name in scenarios.BUILT_IN:
        store = Store.in_memory(clock=DrivenClock().iso)
        built = scenarios.build_scenario(name, store)
        for invitation_id in built.ids.values():
            invitation = store.get(invitation_id)
            flags, advice = evaluate(invitation)
            parts = detail_parts(invitation, flags, advice, reveal=False)
            counts.append(words(" ".join(part.plain for part in parts.values())))
        store.close()
    return counts


def first_replies() -> dict[str, float]:
    """Per scenario, the quickest scripted answer to an ask, in simulated seconds."""
    quickest = {}
    for name in scenarios.BUILT_IN:
        delays = [
            delay
            for role in scenarios.load(name).roles
            for body, delay in [cast.reply_plan(role)]
            if body is not None
        ]
        quickest[name] = min(delays)
    return quickest


def main() -> None:
    counts = sorted(pane_words())
    median = statistics.median(counts)
    p90 = counts[int(0.9 * (len(counts) - 1))]
    ask_words = max(words(t.body) for t in DEFAULT_TEMPLATES)
    read = lambda n: 60 * n / WORDS_PER_MINUTE  # noqa: E731
    need = read(p90) + read(ask_words)
    print(f"detail pane, training view: {len(counts)} senders, median {median:.0f} words, ")
    print(f"  90th percentile {p90} words, longest {counts[-1]}")
    print(
        f"reading at {WORDS_PER_MINUTE} wpm: median pane {read(median):.0f} s, 90th percentile "
        f"{read(p90):.0f} s; the ask's message ({ask_words} words) {read(ask_words):.0f} s"
    )
    print(f"time to read before a reply may come: {need:.0f} s")
    print()
    quickest = first_replies()
    print(f"{'scenario':18} {'quickest reply':>15} {'at 3600':>9} {'at default':>11}")
    for name, delay in quickest.items():
        print(
            f"{name:18} {delay / 3600:>13.1f} h {delay / OLD_SPEED:>7.0f} s "
            f"{delay / DEFAULT_SPEED:>9.0f} s"
        )
    shortest = min(quickest.values())
    print()
    print(
        f"default speed {DEFAULT_SPEED:g}: the quickest reply comes after "
        f"{shortest / DEFAULT_SPEED:.0f} s (needed {need:.0f} s); the fastest speed that "
        f"allows it is {shortest / need:.0f}"
    )


if __name__ == "__main__":
    main()
