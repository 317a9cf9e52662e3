"""The simulator: simulated senders who answer asks, live arrivals, scenarios and scoring.

Plain Python (never imports Textual). The pieces a UI needs:

- :class:`~tui.simulate.clock.DrivenClock` / :class:`~tui.simulate.clock.ScaledClock`,
- :class:`~tui.simulate.simulator.Simulator` and its ``tick()``,
- :func:`~tui.simulate.scenarios.build_scenario`,
- :class:`~tui.simulate.training.TrainingSession` for training mode,
- :func:`~tui.simulate.play.play` for headless runs.
"""
