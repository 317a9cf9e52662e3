"""Reply templates for the "ask" composer, and filling in the sender's first name.

Pure Python so the wording and the name handling are unit-tested without a screen. The
only placeholder is ``{first_name}``; it is replaced literally (never ``str.format``), so a
template or a name holding braces cannot break or leak anything. A config file may supply
its own templates as a table of title -> text (see ``templates_from_config``).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from tui.domain.safe_text import visible

PLACEHOLDER = "{first_name}"
FIRST_NAME_LIMIT = 40
FALLBACK_NAME = "there"
_HONORIFICS = {"dr", "mr", "mrs", "ms", "mx", "prof", "sir", "dame", "miss"}


@dataclass(frozen=True, slots=True)
class ReplyTemplate:
    title: str
    body: str


DEFAULT_TEMPLATES: tuple[ReplyTemplate, ...] = (
    ReplyTemplate(
        "Friendly",
        "Hi {first_name}, thanks for the invitation! I like to know a little about the people "
        "I connect with. What prompted you to reach out? I'd be glad to hear what you're "
        "working on.",
    ),
    ReplyTemplate(
        "Short",
        "Hello {first_name}, thank you for reaching out. Could you tell me briefly what you "
        "have in mind with this connection?",
    ),
    ReplyTemplate(
        "Have we met?",
        "Hi {first_name}, I'm trying to place where our paths have crossed: did we work "
        "together, or meet at an event? Remind me and I'll happily connect.",
    ),
)


def first_name(name: str | None) -> str:
    """The first word of ``name`` that is not an honorific, safe to put in a message.

    Control and bidi characters are escaped; a name that is missing or absurdly long
    falls back to a neutral greeting word rather than pasting junk into the message.
    """
    for word in (name or "").split():
        if word.rstrip(".").lower() in _HONORIFICS:
            continue
        word = visible(word, keep_newlines=False)
        return word if len(word) <= FIRST_NAME_LIMIT else FALLBACK_NAME
    return FALLBACK_NAME


def fill(template: ReplyTemplate | str, name: str | None) -> str:
    """The template's text with ``{first_name}`` replaced by the sender's first name."""
    body = template.body if isinstance(template, ReplyTemplate) else template
    return body.replace(PLACEHOLDER, first_name(name))


def templates_from_config(table: Mapping[str, object]) -> tuple[ReplyTemplate, ...]:
    """Templates from a config table ``{title: text}``, in the table's order.

    Raises ``ValueError`` with a one-line message naming the offending key.
    """
    if not isinstance(table, Mapping):
        raise ValueError("templates: expected a table of title = text")
    templates = []
    for title, body in table.items():
        if not isinstance(body, str) or not body.strip():
            raise ValueError(f"templates.{title}: expected non-empty text")
        templates.append(ReplyTemplate(str(title), body))
    if not templates:
        raise ValueError("templates: the table is empty")
    return tuple(templates)
