"""What the detail pane shows for one invitation, built and wrapped away from the widget.

The pane reads top to bottom as a triager decides:

1. **header**: the name with the photo and known/stranger badges; the headline; role,
   location, when it was sent and its status (three lines);
2. **glance** (only when flags are revealed): the recommended action with its main reason
   (for a wait: since when, and until when), the note around its highlighted words, the
   reply if there is one, every flag by title, worst first, and the profile's address,
   where the decision is carried out on the platform. These few lines are what decides
   most invitations, so they come first and fit on an 80x24 screen without scrolling;
3. the full **recommendation** (every reason), the **conversation** (the whole note, our
   message, their reply), the **flags** with their explanations, and the **profile**.

An invitation you sent yourself is not judged: after the header it says how long ago you
sent it, then shows your note and the profile, with no flags and no recommendation.

``hints`` name the keys bound to ``open_profile``, ``copy`` and ``reply`` (as the keymap
has them) so the pane can say which key acts on what it shows; without them it says nothing
about keys.

:func:`prepare` touches no widget, so a thread worker runs it: the inbox builds the detail
of the invitation a decision or a ``j`` will select next while the user is still reading.
Wrapping gives bullets and flag lines a hanging indent (continuation lines start under the
text, not under the bullet).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime

from rich.cells import cell_len
from rich.console import Console
from rich.text import Text
from textual.strip import Strip

from tui.domain.assessment import is_outgoing
from tui.domain.models import Flag, Invitation, Recommendation
from tui.ui.render import flags as render_flags
from tui.ui.render import note as render_note
from tui.ui.render import profile as render_profile
from tui.ui.render import styles
from tui.ui.render.profile import clip, when
from tui.ui.render.timefmt import age_words

EMPTY_TEXT = "No invitation selected."
URL_LIMIT = 300  # characters of a profile address shown (a hostile one may be 10 kB)
# Where an invitation came from when its profile address was made up with it.
MADE_UP_SOURCES = frozenset({"seed", "scenario"})
NOTE_EXCERPT_LINES = 2  # the glance shows at most this much of the note
WORDS = re.compile(r" *[^ ]+ *")  # breaks at spaces only: a no-break space holds
NBSP = "\u00a0"


@dataclass(frozen=True)
class Paragraph:
    """One paragraph of the pane; its wrapped lines after the first start ``indent`` in."""

    text: Text
    indent: int = 0


def conversation(
    invitation: Invitation,
    flags: Iterable[Flag],
    *,
    reveal: bool = True,
    emphasis: Mapping[str, Sequence[tuple[int, int]]] | None = None,
) -> Text:
    """The note, then each message: ours ("You asked") and theirs ("Reply").

    ``emphasis`` maps ``note`` or ``reply`` to the ranges to stress there (a training
    verdict's cue; an empty sequence stresses the whole field): see
    :func:`tui.ui.render.note.highlight`.
    """
    paragraphs = _conversation(invitation, list(flags), reveal, emphasis or {})
    return Text("\n").join(p.text for p in paragraphs)


def _conversation(
    invitation: Invitation,
    flags: list[Flag],
    reveal: bool,
    emphasis: Mapping[str, Sequence[tuple[int, int]]] | None = None,
    hints: Mapping[str, str] | None = None,
) -> list[Paragraph]:
    emphasis = emphasis or {}
    note = render_note.note_text(
        invitation.note, flags, reveal=reveal, emphasis=emphasis.get("note")
    )
    heading = "Your note" if is_outgoing(invitation) else "Note"
    paragraphs = [
        Paragraph(styles.styled(heading, styles.HEADING)),
        Paragraph(note),
    ]
    latest_in = max(
        (i for i, message in enumerate(invitation.messages) if message.direction == "in"),
        default=None,
    )
    for index, message in enumerate(invitation.messages):
        heading = Text()
        heading.append("Reply" if message.direction == "in" else "You asked", styles.HEADING)
        heading.append(f"  {when(message.at)}", styles.MUTED)
        if index == latest_in:
            body = render_note.reply_text(
                message.body, flags, reveal=reveal, emphasis=emphasis.get("reply")
            )
        else:
            body = Text(clip(message.body, 20_000, one_line=False))
        paragraphs += [Paragraph(Text()), Paragraph(heading), Paragraph(body)]
    if invitation.status == "asked" and latest_in is None:
        waiting = styles.styled("No reply yet.", styles.UNKNOWN)
        key = (hints or {}).get("reply")
        if key:
            waiting.append(f" When they answer on the platform, {key} records it here.")
        paragraphs += [Paragraph(Text()), Paragraph(waiting)]
    return paragraphs


def profile_link(invitation: Invitation, hints: Mapping[str, str] | None = None) -> Paragraph:
    """``Profile <address>``: where the decision is carried out, shown escaped and cut
    short, with the keys that open and copy it; a demo invitation's address is made up."""
    text = styles.styled("Profile", styles.LABEL)
    text.append(" ")
    text.append(clip(invitation.person.profile_url or "", URL_LIMIT))
    notes = []
    if invitation.source in MADE_UP_SOURCES:
        notes.append("made up: a demo invitation")
    keys = hints or {}
    if keys.get("open_profile") and keys.get("copy"):
        notes.append(f"{keys['open_profile']} opens · {keys['copy']} copies")
    if notes:
        text.append(f"  ({'; '.join(notes)})", styles.MUTED)
    return Paragraph(text, indent=8)


def sent_by_you(invitation: Invitation, now: datetime | None) -> Paragraph:
    """How long ago you sent it, and that your own invitations are not judged."""
    text = Text("You sent this invitation")
    ago = age_words(invitation.sent_at, now) if now is not None else None
    text.append(f" {ago}" if ago else "")
    text.append(f" ({when(invitation.sent_at)}). ")
    text.append("Your own invitations are not judged: no flags, no recommendation.", styles.MUTED)
    return Paragraph(text)


def _labelled(label: str, body: Text) -> Paragraph:
    """``Label body`` whose wrapped lines start under the body."""
    text = styles.styled(label, styles.LABEL)
    text.append(" ")
    text.append_text(body)
    return Paragraph(text, indent=cell_len(label) + 1)


def _glance(
    invitation: Invitation, flags: list[Flag], recommendation: Recommendation | None, width: int
) -> list[Paragraph]:
    verdict = render_flags.verdict_line(recommendation)
    badge = 0
    if recommendation is not None:
        badge = cell_len(render_flags.action_badge(recommendation.action).plain)
    room = max(20, (width - 5) * NOTE_EXCERPT_LINES)
    glance = [
        Paragraph(verdict, indent=badge + 1),
        _labelled("Note", render_note.note_excerpt(invitation.note, flags, room)),
    ]
    reply = invitation.reply
    if reply is not None:  # what the recommendation now stands on
        glance.append(_labelled("Reply", render_note.reply_excerpt(reply, flags, room)))
    glance.append(_labelled("Flags", render_flags.flag_titles(flags)))
    return glance


def _lines(text: Text, indent: int = 0) -> list[Paragraph]:
    return [Paragraph(line, indent) for line in text.split("\n", allow_blank=True)]


def _profile(invitation: Invitation, flags: list[Flag], reveal: bool) -> list[Paragraph]:
    text = render_profile.profile_details(invitation, flags, judge=reveal)
    return [
        Paragraph(line, 2 if line.plain.startswith("• ") else 0)
        for line in text.split("\n", allow_blank=True)
    ]


def _paragraphs(
    invitation: Invitation,
    flags: list[Flag],
    recommendation: Recommendation | None,
    reveal: bool,
    width: int,
    now: datetime | None = None,
    hints: Mapping[str, str] | None = None,
) -> dict[str, list[Paragraph]]:
    """The pane's blocks in reading order; without ``reveal`` no verdict blocks at all,
    and none for an invitation you sent (``sent``: its age instead)."""
    outgoing = is_outgoing(invitation)
    reveal = reveal and not outgoing
    flags = flags if reveal else []
    header = render_profile.header(invitation, flags, judge=reveal)
    blocks = {"header": _lines(header, 2)}
    # The address is for carrying the decision out: after the glance that decides it.
    link = [profile_link(invitation, hints)] if invitation.person.profile_url else []
    if outgoing:
        blocks["header"] += link
        blocks["sent"] = [sent_by_you(invitation, now)]
    elif not reveal:
        blocks["header"] += link
    if reveal:
        blocks["glance"] = _glance(invitation, flags, recommendation, width) + link
        blocks["recommendation"] = [
            Paragraph(line, 2) for line in render_flags.recommendation_lines(recommendation)
        ]
    blocks["conversation"] = _conversation(invitation, flags, reveal, hints=hints)
    if reveal:
        blocks["flags"] = [Paragraph(line, 2) for line in render_flags.flag_lines(flags)]
    blocks["profile"] = _profile(invitation, flags, reveal)
    return blocks


def detail_parts(
    invitation: Invitation,
    flags: Iterable[Flag],
    recommendation: Recommendation | None,
    *,
    reveal: bool = True,
    width: int = 80,
    now: datetime | None = None,
    hints: Mapping[str, str] | None = None,
) -> dict[str, Text]:
    """The pane's blocks, in reading order, each as one ``Text`` (``header``, ``sent``,
    ``glance``, ``recommendation``, ``conversation``, ``flags``, ``profile``)."""
    blocks = _paragraphs(invitation, list(flags), recommendation, reveal, width, now, hints)
    return {name: Text("\n").join(p.text for p in block) for name, block in blocks.items()}


def line_breaks(plain: str, first: int, rest: int) -> list[int]:
    """Where ``plain`` breaks into lines: by words, the first line ``first`` cells wide and
    the others ``rest``; a word longer than a line is cut."""
    breaks: list[int] = []
    width, used = first, 0
    for match in WORDS.finditer(plain):
        start, word = match.start(), match.group()
        need = cell_len(word.rstrip())
        if used and used + need > width:
            breaks.append(start)
            width, used = rest, 0
        if need <= width - used:
            used += cell_len(word)
            continue
        for offset, char in enumerate(word.rstrip()):  # longer than a whole line: fold it
            size = cell_len(char)
            if used + size > width and used:
                breaks.append(start + offset)
                width, used = rest, 0
            used += size
        used += cell_len(word) - need
    return breaks


def wrap(paragraph: Paragraph, console: Console, width: int) -> list[Strip]:
    """The paragraph as strips exactly ``width`` cells wide, with its hanging indent (each
    of its own lines, when it holds newlines, wrapped the same way)."""
    indent = min(paragraph.indent, width // 2)
    text = paragraph.text
    if "\t" in text.plain:
        text = text.copy()
        text.expand_tabs(4)
    strips = []
    for own_line in text.split("\n", allow_blank=True):
        breaks = line_breaks(own_line.plain, width, width - indent)
        for number, line in enumerate(own_line.divide(breaks)):
            line.rstrip()
            if NBSP in line.plain:  # it held words together; the terminal gets a space
                line.plain = line.plain.replace(NBSP, " ")
            if number:
                line = Text(" " * indent) + line
            strip = Strip(line.render(console), line.cell_len)
            strips.append(strip.crop_extend(0, width, None))
    return strips


@dataclass
class PreparedDetail:
    """One invitation's detail, wrapped to ``width`` as strips (no background: the pane
    lays its own colours under them)."""

    invitation: Invitation | None
    flags: list[Flag]
    recommendation: Recommendation | None
    reveal: bool
    width: int = 0
    lines: list[Strip] = field(default_factory=list)
    blocks: dict[str, list[Paragraph]] = field(default_factory=dict)
    now: datetime | None = None  # for the age of an invitation you sent
    hints: Mapping[str, str] | None = None  # binding id -> its key, as the keymap has it

    def build(self, width: int) -> dict[str, list[Paragraph]]:
        """The blocks for a pane ``width`` cells wide (the note's excerpt fits the width)."""
        if self.invitation is None:
            return {"empty": [Paragraph(styles.styled(EMPTY_TEXT, styles.EMPTY))]}
        return _paragraphs(
            self.invitation,
            self.flags,
            self.recommendation,
            self.reveal,
            max(width, 20),
            self.now,
            self.hints,
        )

    @property
    def parts(self) -> dict[str, Text]:
        blocks = self.blocks or self.build(80)
        return {name: Text("\n").join(p.text for p in block) for name, block in blocks.items()}

    @property
    def plain(self) -> str:
        """Everything the pane holds, as plain text."""
        return "\n\n".join(text.plain for text in self.parts.values())

    def wrap(self, console: Console, width: int) -> None:
        """Build and wrap every block for ``width`` (any thread)."""
        self.width = width
        self.blocks = self.build(width)
        lines: list[Strip] = []
        for number, block in enumerate(self.blocks.values()):
            if number:
                lines.append(Strip.blank(width))
            for paragraph in block:
                lines += wrap(paragraph, console, width)
        self.lines = lines


def prepare(
    invitation: Invitation | None,
    flags: Iterable[Flag],
    recommendation: Recommendation | None,
    *,
    reveal: bool = True,
    console: Console | None = None,
    width: int = 0,
    now: datetime | None = None,
    hints: Mapping[str, str] | None = None,
) -> PreparedDetail:
    """Build the detail; with a console and a width, wrap it too (any thread)."""
    prepared = PreparedDetail(invitation, list(flags), recommendation, reveal, now=now, hints=hints)
    if console is not None and width > 0:
        prepared.wrap(console, width)
    return prepared
