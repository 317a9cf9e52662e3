"""Does the difficulty rating mean something? Error rates of simulated trainees by level.

Simulated trainees of four skills (:class:`~tui.simulate.strategies.Noisy`: the default
policy applied to the cues they notice, with an occasional slip) play generated exercises
drawn to an even difficulty mix, and every scenario a trainer can pick. An error is
accepting a salesperson or a fake, or turning away someone genuine, whether or not they
asked first (the report's "harmful" and "missed"). The rating means something when, for
every skill, the error rate rises with the level.

Run: ``.venv/bin/python tests/bench/difficulty_bench.py [--count N] [--seeds K]``
(defaults: 500 invitations per seed, 3 seeds). Prints one table per source and a verdict
per skill; exits 1 if, on the generated exercises (hundreds of invitations per level),
any skill's error rate falls from one level to the next by more than sampling noise: two
standard errors of the difference (Agresti-Caffo: one error and one success added to
each level, so a level with no error is not taken as certain). The hand-written
scenarios hold a few dozen senders, so their table is shown with its verdicts but does
not decide the exit status.
"""

from __future__ import annotations

import argparse
import itertools
import math
import sys
from collections import defaultdict

from tui.domain.policy import load_policy
from tui.simulate import scenarios
from tui.simulate.play import play
from tui.simulate.strategies import Noisy

# name -> (chance of noticing each cue, chance of a random key)
SKILLS = {
    "expert": (0.95, 0.02),
    "competent": (0.80, 0.05),
    "novice": (0.60, 0.10),
    "careless": (0.40, 0.20),
}
LEVELS = (1, 2, 3, 4, 5)
EVEN_MIX = dict.fromkeys(LEVELS, 0.2)
WRONG = ("harmful", "missed")


def tally(runs) -> dict[int, list[int]]:
    """level -> [invitations, errors, points lost]."""
    found: dict[int, list[int]] = defaultdict(lambda: [0, 0, 0])
    for run in runs:
        for row in run.rows:
            if row.difficulty is None:
                continue
            entry = found[row.difficulty]
            entry[0] += 1
            entry[1] += row.mistake in WRONG
            entry[2] += row.max_points - row.points
    return found


def measure(source: str, count: int, seeds: int) -> dict[str, dict[int, list[int]]]:
    policy = load_policy(None)
    table = {}
    for skill, (sees, slips) in SKILLS.items():
        runs = []
        for seed in range(1, seeds + 1):
            trainee = Noisy(skill, policy, sees, slips, seed=seed)
            if source == "generated":
                runs.append(play("generated", trainee, seed=seed, count=count, mix=EVEN_MIX))
            else:
                runs += [play(name, trainee, seed=seed) for name in scenarios.BUILT_IN]
        table[skill] = tally(runs)
    return table


def rising(by_level: dict[int, list[int]]) -> bool:
    """No level's error rate falls below the one before by more than two standard errors."""
    levels = [(by_level[lv][1], by_level[lv][0]) for lv in LEVELS if by_level.get(lv)]
    for (e1, n1), (e2, n2) in itertools.pairwise(levels):
        a1, a2 = (e1 + 1) / (n1 + 2), (e2 + 1) / (n2 + 2)
        noise = 2 * math.sqrt(a1 * (1 - a1) / (n1 + 2) + a2 * (1 - a2) / (n2 + 2))
        if e2 / n2 < e1 / n1 - noise:
            return False
    return True


def print_table(title: str, table) -> bool:
    print(title)
    print("  level  " + "".join(f"{skill:>16}" for skill in SKILLS) + "     n")
    ok = True
    for level in LEVELS:
        cells, n = [], 0
        for skill in SKILLS:
            count, errors, lost = table[skill].get(level, [0, 0, 0])
            n = max(n, count)
            cells.append(f"{100 * errors / count:5.1f}% ({lost / count:4.1f})" if count else "—")
        print(f"  {level:>5}  " + "".join(f"{c:>16}" for c in cells) + f"  {n:>4}")
    verdicts = []
    for skill in SKILLS:
        good = rising(table[skill])
        ok &= good
        verdicts.append(f"{skill} {'rises' if good else 'DOES NOT RISE'}")
    print("  " + "; ".join(verdicts))
    print("  cells: error rate (mean points lost of 10) per invitation; n per skill and level")
    return ok


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=500)
    parser.add_argument("--seeds", type=int, default=3)
    args = parser.parse_args(argv)
    ok = print_table(
        f"Generated exercises, even difficulty mix ({args.count} x {args.seeds} seeds)",
        measure("generated", args.count, args.seeds),
    )
    print()
    # The hand-written scenarios hold a few dozen senders: shown, not judged.
    print_table(
        f"Built-in scenarios ({', '.join(scenarios.BUILT_IN)}; {args.seeds} seeds)",
        measure("built-in", args.count, args.seeds),
    )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
