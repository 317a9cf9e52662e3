"""Exercises drawn from the seeder, optionally to a chosen difficulty mix.

The seeder draws intents and cues together, so a generated exercise tests the seeder's
realism as much as the trainee. Replies are drawn for every sender up front (seeded by the
exercise seed and the sender's position), so the exercise is the same for every trainee.
With a difficulty ``mix`` the seeder's stream is filtered until each level has its share;
``MAX_DRAWS_PER_ITEM`` bounds the search, and a level that cannot be filled is reported.
"""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import timedelta

from tui.simulate.cast import slot_key
from tui.simulate.clock import EPOCH, iso

NAME = "generated"
MAX_DRAWS_PER_ITEM = 200


class MixError(ValueError):
    """A difficulty mix that is malformed or cannot be met; one-line message."""


def parse_mix(text: str) -> dict[int, float]:
    """``"1:2,3:5,5:3"`` -> shares per difficulty level (normalised to sum to 1)."""
    shares: dict[int, float] = {}
    for part in text.split(","):
        level, sep, weight = part.strip().partition(":")
        try:
            level_n, weight_f = int(level), float(weight)
        except ValueError:
            raise MixError(f"expected LEVEL:WEIGHT pairs like 1:2,3:5, got {part!r}") from None
        if not sep or level_n not in range(1, 6) or weight_f < 0:
            raise MixError(f"levels are 1 to 5 and weights 0 or more, got {part!r}")
        shares[level_n] = shares.get(level_n, 0.0) + weight_f
    total = sum(shares.values())
    if total <= 0:
        raise MixError("a difficulty mix needs at least one positive weight")
    return {level: weight / total for level, weight in sorted(shares.items())}


def quotas(count: int, mix: dict[int, float]) -> dict[int, int]:
    """Whole numbers per level that add up to ``count`` (largest remainders win)."""
    raw = {level: share * count for level, share in mix.items()}
    whole = {level: int(value) for level, value in raw.items()}
    left = count - sum(whole.values())
    for level in sorted(raw, key=lambda lv: (whole[lv] - raw[lv], lv))[:left]:
        whole[level] += 1
    return whole


def draw_items(count: int, seed: int, mix: dict[int, float] | None = None) -> list:
    """``count`` seeded invitations (with difficulty), matching ``mix`` when given."""
    from seed.personas import generate
    from tui.simulate.difficulty import rate_item

    wanted = quotas(count, mix) if mix else None
    chosen = []
    stream = generate(count * (MAX_DRAWS_PER_ITEM if mix else 1), seed)
    for item in stream:
        level = rate_item(item)
        if wanted is not None:
            if wanted.get(level, 0) <= 0:
                continue
            wanted[level] -= 1
        chosen.append(replace(item, difficulty=level))
        if len(chosen) == count:
            break
    if len(chosen) < count:
        short = ", ".join(f"level {lv}: {n}" for lv, n in sorted((wanted or {}).items()) if n)
        raise MixError(f"the seeder gave too few invitations of the asked difficulty ({short})")
    return chosen


def build_generated(store, *, seed: int, count: int, mix: dict[int, float] | None = None):
    """Build a generated exercise into ``store``; returns a :class:`Built`."""
    from seed.replies import draw_reply
    from tui.domain.assessment import assess
    from tui.simulate.scenarios.built import Built

    if count < 1:
        raise MixError("a generated exercise needs at least one invitation")
    items = []
    for number, item in enumerate(draw_items(count, seed, mix), start=1):
        slot = f"g{number:04d}"
        items.append(
            replace(
                item,
                sent_at=iso(EPOCH - timedelta(hours=3 * number)),
                status="pending",
                direction="incoming",
                source="scenario",
                external_key=slot_key(NAME, slot),
            )
        )
    store.add_invitations(items, assess=assess)
    keys = [item.external_key for item in items]
    ids = store.ids_for_keys(keys)
    by_slot = {key.rsplit(":", 1)[1]: ids[key] for key in keys}
    plans = []
    for (slot, invitation_id), item in zip(by_slot.items(), items, strict=True):
        rng = random.Random(f"reply:{seed}:{slot}")
        body, delay = draw_reply(item.person.intent, rng, person=item.person)
        plans.append((invitation_id, None if item.person.intent == "fake" else body, delay))
    store.plan_replies(plans, origin="script")
    return Built(NAME, by_slot)
