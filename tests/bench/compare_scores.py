"""Every strategy's score on the built-in scenarios and on generated ones, as one table.

What ``invite-triage simulate --compare`` prints, gathered over every built-in scenario and
a few generated inboxes (seeds 1-5, 200 invitations each), so a change to the note reader or
the policy can be judged by what it costs in points. Run it on two branches and compare, or
give ``--reader old`` to play this checkout with the rule-based reader from before issue 17
(``tests/bench/old_reader.py``): the same flags, policy and simulator, only the reader differs.

    .venv/bin/python tests/bench/compare_scores.py [--seeds 1,2,3,4,5] [--count 200] [--json]
        [--policy FILE.toml ...] [--reader shipped|old]
"""

from __future__ import annotations

import argparse
import json

from tui.commands.simulate import run_strategies
from tui.simulate import scenarios
from tui.simulate.strategies import BUILT_IN


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seeds", default="1,2,3,4,5")
    parser.add_argument("--count", type=int, default=200)
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--policy", action="append", default=[], help="also this policy file")
    parser.add_argument("--reader", choices=("shipped", "old"), default="shipped")
    args = parser.parse_args()
    if args.reader == "old":
        from old_reader import use_old_reader

        use_old_reader()
    names = [*BUILT_IN, *args.policy]
    seeds = [int(s) for s in args.seeds.split(",")]
    plays = [(name, 1, 40) for name in scenarios.names() if name != scenarios.GENERATED]
    plays += [(scenarios.GENERATED, seed, args.count) for seed in seeds]
    table = []
    for scenario, seed, count in plays:
        runs = run_strategies(scenario, names, seed=seed, count=count, policy_path=None)
        label = scenario if scenario != scenarios.GENERATED else f"generated s{seed} n{count}"
        row = {"scenario": label, "max": runs[0].summary.max_score}
        row.update({run.strategy: run.summary.score for run in runs})
        table.append(row)
    total = {"scenario": "total", "max": sum(r["max"] for r in table)}
    names = [run.strategy for run in runs]
    total.update({name: sum(r[name] for r in table) for name in names})
    table.append(total)
    if args.json:
        print(json.dumps(table, indent=1))
        return
    print(f"{'scenario':<24}{'max':>7}" + "".join(f"{n[:11]:>12}" for n in names))
    for row in table:
        cells = "".join(f"{row[n]:>12}" for n in names)
        print(f"{row['scenario']:<24}{row['max']:>7}{cells}")


if __name__ == "__main__":
    main()
