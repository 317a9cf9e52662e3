"""The training banner: training mode, who, the simulated time and how fast, what just
came in, and which exercise.

News (a reply to an ask, new invitations with ``--live``) is announced here rather than in
a toast: a toast sat over the detail pane the trainee was reading. It stays for
:data:`NEWS_SECONDS` (real seconds), gathering whatever else comes in meanwhile; the
replied row carries its own mark (``↩``) and the splits their counts.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import datetime

from rich.style import Style
from rich.text import Text
from textual.timer import Timer
from textual.widget import Widget

from tui.ui.inbox.decisions import plural, short
from tui.ui.render import styles

NEWS_SECONDS = 20.0
NEWS_STYLE = Style(color="#000000", bgcolor="#ffd54f", bold=True)
NAME_LIMIT = 30


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
        news_seconds: float = NEWS_SECONDS,
        id: str | None = None,
    ) -> None:
        super().__init__(id=id)
        self.trainee = trainee
        self.exercise = exercise
        self.now = now
        self.speed = speed
        self.news_seconds = news_seconds
        self.replied: list[str] = []  # who replied since the news was last cleared
        self.arrived = 0  # new invitations since then
        self._news_timer: Timer | None = None

    @property
    def news(self) -> str | None:
        """What came in lately, in words (None when nothing did)."""
        parts = []
        if len(self.replied) == 1:
            parts.append(f"↩ {self.replied[0]} replied")
        elif self.replied:
            parts.append(f"↩ {len(self.replied)} replies: {', '.join(self.replied)}")
        if self.arrived:
            parts.append(f"✚ {plural(self.arrived, 'new invitation')}")
        return " · ".join(parts) or None

    def announce(self, *, replied: Iterable[str] = (), arrived: int = 0) -> None:
        """Add to the news (names are shown as typed, escaped and cut) and keep it up for
        another :attr:`news_seconds`."""
        self.replied += [short(name, NAME_LIMIT) or "A sender" for name in replied]
        self.arrived += arrived
        if self._news_timer is not None:
            self._news_timer.stop()
        self._news_timer = self.set_timer(self.news_seconds, self.clear_news, name="news")
        self.refresh()

    def clear_news(self) -> None:
        self.replied = []
        self.arrived = 0
        self._news_timer = None
        self.refresh()

    def render(self) -> Text:
        text = styles.styled(" TRAINING ", styles.badge("#6a1b9a"))
        text.append(" ")
        text.append(self.trainee, styles.LABEL)
        text.append(" · ")
        text.append(f"{self.now():%a %d %b %H:%M}", styles.LABEL)
        if self.speed:
            text.append(f" ×{self.speed:g}", styles.MUTED)
        news = self.news
        if news:
            text.append("  ")
            text.append(f" {news} ", NEWS_STYLE)
        text.append(f" · {self.exercise}")
        text.truncate(self.size.width, overflow="ellipsis")
        return text
