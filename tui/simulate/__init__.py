"""The simulator: simulated senders who answer asks, live arrivals, scenarios and scoring.

Plain Python (never imports Textual). The pieces a UI needs:

- :class:`~tui.simulate.clock.DrivenClock` / :class:`~tui.simulate.clock.ScaledClock`,
- :class:`~tui.simulate.simulator.Simulator` and its ``tick()``,
- :func:`~tui.simulate.scenarios.build_scenario`,
- :class:`~tui.simulate.training.TrainingSession` for training mode (its verdicts carry a
  :class:`~tui.simulate.verdict.Judgement`: why the points, the cue to highlight),
- :func:`~tui.simulate.play.play` for headless runs,
- :mod:`~tui.simulate.scoring` (the one points table), :mod:`~tui.simulate.results`
  (rows, summaries, the results CSV) and :func:`~tui.simulate.class_view.class_views`
  (a scenario's trainees side by side) for reports.
"""
