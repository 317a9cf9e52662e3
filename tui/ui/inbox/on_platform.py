"""Carrying a decision out on the platform: open the sender's profile, copy what to paste.

invite-triage never talks to the platform: it records decisions here and the user carries
them out there. ``o`` opens the sender's profile in the browser (``App.open_url``) and ``c``
copies to the clipboard (``App.copy_to_clipboard``, the terminal's OSC 52): the question
right after an ask, else the profile's address.

Right after an ask the list has moved on to the next invitation, yet the next thing to do
is to send the question to the one just asked. So until the next other key, ``o`` opens
*their* profile and ``c`` copies the question again (the ask already copied it once).

Only a web address (``http`` or ``https``, with a host, nothing hidden in it) is opened or
copied: a profile URL comes from files the user imported, and one such as ``file:///…`` or
a string with control characters is shown escaped and left alone. A demo invitation's address was
made up with it and is not opened either.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from urllib.parse import urlsplit

from textual.widget import Widget

from tui.domain.models import Invitation
from tui.domain.safe_text import has_controls
from tui.store import Store
from tui.ui.gateway import Gateway, error_text
from tui.ui.inbox.decisions import plural, short
from tui.ui.render.detail import MADE_UP_SOURCES
from tui.ui.render.profile import clip

URL_SHOWN = 60  # characters of an address a status message quotes
URL_MAX = 2048  # longer is no profile address
GENERIC_NAME = "there"  # a question to several senders greets each as this


def web_address_problem(url: str | None) -> str | None:
    """Why ``url`` is not a web address to open (None when it is one)."""
    if url is None or not url.strip():
        return "has no profile address"
    if len(url) > URL_MAX or has_controls(url) or " " in url:
        return "has a profile address that is not a web address"
    try:
        parts = urlsplit(url)
    except ValueError:
        return "has a profile address that is not a web address"
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return "has a profile address that is not a web address"
    return None


@dataclass(frozen=True)
class JustAsked:
    """The ask the status line just reported: what ``o`` and ``c`` act on until another
    key is pressed."""

    invitation_id: int | None  # None: several were asked at once
    count: int
    question: str  # as copied: for several, each greeted by GENERIC_NAME


class PlatformActions:
    """``o`` and ``c`` for one inbox screen (``node``: its workers, its app)."""

    def __init__(
        self,
        node: Widget,
        gateway: Gateway,
        *,
        say: Callable[[str | None], None],
        failed: Callable[[str], None],
        key: Callable[[str], str],
    ) -> None:
        """``key(binding_id)``: the key bound to it, as the messages name it."""
        self.node = node
        self.gateway = gateway
        self.say = say
        self.failed = failed
        self.key = key
        self.just_asked: JustAsked | None = None

    # ------------------------------------------------------------------ after an ask

    def asked(self, invitation_ids: list[int], count: int, question: str) -> str:
        """An ask was recorded: copy its question and remember it for ``o`` and ``c``.
        Returns what to tell the user."""
        if count > 1:
            question = question.replace("{first_name}", GENERIC_NAME)
        single = invitation_ids[0] if count == 1 and invitation_ids else None
        self.just_asked = JustAsked(single, count, question)
        self.node.app.copy_to_clipboard(question)
        if count > 1:
            return (
                f"question copied (greeting each as {GENERIC_NAME!r}): "
                f"send it to each of the {count:,} on the platform"
            )
        opens = self.key("open_profile")
        return f"question copied, send it on the platform · {opens} opens their profile"

    def forget_ask(self) -> None:
        self.just_asked = None

    # ------------------------------------------------------------------ o and c

    def open_profile(self, invitation_id: int | None, shown: Invitation | None) -> None:
        """Open the profile of the invitation just asked, or else of ``invitation_id``
        (``shown``: that invitation if it is loaded already)."""
        just = self.just_asked
        if just is not None:
            if just.invitation_id is None:
                self.say(
                    f"you asked {plural(just.count, 'sender')}: select one and press "
                    f"{self.key('open_profile')} to open their profile"
                )
                return
            invitation_id, shown = just.invitation_id, None
        self._with_invitation(invitation_id, shown, self._open)

    def copy(self, invitation_id: int | None, shown: Invitation | None) -> None:
        """Copy the question just asked, or else the profile address of ``invitation_id``."""
        just = self.just_asked
        if just is not None:
            self.node.app.copy_to_clipboard(just.question)
            self.say("copied your question again: send it on the platform")
            return
        self._with_invitation(invitation_id, shown, self._copy_address)

    def _with_invitation(self, invitation_id, shown, then: Callable[[Invitation], None]):
        if invitation_id is None:
            self.node.app.bell()
            self.say("no invitation selected")
            return
        if shown is not None and shown.id == invitation_id:
            then(shown)
            return
        self.node.run_worker(
            partial(self._load, invitation_id, then),
            group="platform",
            exclusive=True,
            thread=True,
            exit_on_error=False,
        )

    def _load(self, invitation_id: int, then: Callable[[Invitation], None]) -> None:
        """Worker thread: the invitation whose profile to open or copy."""
        try:
            invitation = self.gateway.call(Store.get, invitation_id)
        except Exception as exc:
            self.node.call_later(self.failed, error_text(exc))
            return
        self.node.call_later(then, invitation)

    def _refused(self, invitation: Invitation, done: str) -> bool:
        """Say why the profile address is no web address to open or paste (True), if so."""
        url = invitation.person.profile_url
        problem = web_address_problem(url)
        if problem is None:
            return False
        self.node.app.bell()
        shown = f": {clip(url, URL_SHOWN)}" if url and url.strip() else ""
        self.say(f"{short(invitation.person.name)} {problem}{shown}; {done}")
        return True

    def _open(self, invitation: Invitation) -> None:
        name = short(invitation.person.name)
        url = invitation.person.profile_url
        if self._refused(invitation, "nothing opened"):
            return
        if invitation.source in MADE_UP_SOURCES:
            self.say(f"{name} is a demo invitation: its profile address is made up, not opened")
            return
        self.node.app.open_url(url)
        self.say(f"opening {clip(url, URL_SHOWN)} in your browser")

    def _copy_address(self, invitation: Invitation) -> None:
        name = short(invitation.person.name)
        url = invitation.person.profile_url
        if self._refused(invitation, "nothing copied"):
            return
        self.node.app.copy_to_clipboard(url)
        made_up = " (made up: a demo invitation)" if invitation.source in MADE_UP_SOURCES else ""
        self.say(f"copied {name}'s profile address{made_up}")
