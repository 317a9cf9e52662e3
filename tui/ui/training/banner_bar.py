"""The training banner: training mode, who, which exercise, the simulated time, how fast."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from rich.text import Text
from textual.widget import Widget

from tui.ui.render import styles


class BannerBar(Widget):
    DEFAULT_CSS = """
    BannerBar {
        height: 1;
        background: $accent 30%;
    }
    """

    def __init__(
        self,
        *,
        trainee: str,
        exercise: str,
        now: Callable[[], datetime],
        speed: float | None,
        id: str | None = None,
    ) -> None:
        super().__init__(id=id)
        self.trainee = trainee
        self.exercise = exercise
        self.now = now
        self.speed = speed

    def render(self) -> Text:
        text = styles.styled(" TRAINING ", styles.badge("#6a1b9a"))
        text.append(" ")
        text.append(self.trainee, styles.LABEL)
        text.append(f" · {self.exercise} · ")
        text.append(f"{self.now():%a %d %b %H:%M}", styles.LABEL)
        if self.speed:
            text.append(f" ×{self.speed:g}", styles.MUTED)
        text.truncate(self.size.width, overflow="ellipsis")
        return text
