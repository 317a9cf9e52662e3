"""The platform's own ready-made invitation texts, in the languages it ships: the one exact rule.

These sentences are fixed strings the platform fills in for the sender, so matching them
word for word is precise in a way no learned reader needs to improve on, and it lets the
explanation say "the platform's ready-made wording" only when that is literally true (a
generic "Nice profile. Let's connect." is a request with no reason, but nobody's stock text).

The patterns are written against the tidy form of a note made by
:func:`tui.domain.notes.text.normalise`: lower case, accents folded (``réseau`` is
``reseau``, ``й`` is ``и``), apostrophes dropped (``I'd`` is ``id``), punctuation gone, one
space between words.
"""

from __future__ import annotations

import re

_ON = r"(?: (?:on|in|at) linked ?in)?"
_I_WOULD = r"(?:id|i would|i d|would|i)"

PLATFORM_WORDINGS = (
    # English: the three texts the platform has shipped
    rf"{_I_WOULD} (?:like|love) to add you to my (?:profess?ional )?network{_ON}",
    rf"{_I_WOULD} (?:like|love) to join your (?:linked ?in |professional )?network{_ON}",
    rf"{_I_WOULD} like to connect with you (?:on|in) linked ?in",
    rf"(?:since you are|as) a person i trust i (?:wanted|want) to invite you to join my network"
    rf"{_ON}",
    rf"(?:im|i am) inviting you to join my (?:professional )?network{_ON}",
    # German, French, Spanish, Dutch, Portuguese, Italian
    r"ich mochte (?:sie|dich) (?:gerne |gern )?(?:zu )?meinem beruflichen netzwerk"
    r"(?: auf linked ?in)? hinzufugen",
    r"ich wurde (?:sie|dich) gerne? (?:zu )?meinem beruflichen netzwerk(?: auf linked ?in)?"
    r" hinzufugen",
    r"(?:jaimerais|je souhaiterais|je souhaite|je voudrais) (?:vous|t) ?(?:ajouter a"
    r"|inviter a rejoindre) mon reseau(?: professionnel)?(?: sur linked ?in)?",
    r"(?:jaimerais|je souhaiterais|je souhaite) (?:faire partie de|rejoindre) votre reseau"
    r"(?: professionnel)?(?: sur linked ?in)?",
    r"me gustaria (?:anadirte|agregarte|anadirle|agregarle) a mi red(?: profess?ional)?"
    r"(?: (?:de|en) linked ?in)?",
    r"(?:ik wil (?:je|u) graag|graag zou ik (?:je|u)) toevoegen aan mijn (?:professionele )?"
    r"(?:linked ?in )?netwerk(?: op linked ?in)?",
    r"gostaria de (?:adiciona\w*(?: lo| la)?|te adicionar|o adicionar|a adicionar"
    r"|adicionar (?:voce|o senhor|a senhora))(?: a)? minha rede(?: profissional)?"
    r"(?: (?:no|do|de) linked ?in)?",
    r"vorrei aggiungerti alla mia rete(?: professionale)?(?: su linked ?in)?",
    # Swedish, Danish, Norwegian, Polish, Turkish, Russian, Indonesian
    r"jag (?:vill garna|skulle vilja) lagga till dig i mitt professionella natverk"
    r"(?: pa linked ?in)?",
    r"jeg vil gerne tilfoje dig til mit professionelle netvaerk(?: pa linked ?in)?",
    r"jeg vil gjerne legge deg til i mitt profesjonelle nettverk(?: pa linked ?in)?",
    r"(?:chce|chcia[lł]bym|chcia[lł]abym) dodac (?:cie|pania|pana) do (?:mojej|swojej) sieci"
    r"(?: zawodowej| kontaktow)?(?: na linked ?in)?",
    r"(?:sizi )?(?:linked ?inde ?ki |linkedindeki )?profesyonel agima (?:sizi )?eklemek istiyorum",
    r"я (?:хотел|хотела) бы добавить вас в (?:свою|мою) профессиональную сеть"
    r"(?: (?:в|на) linked ?in)?",
    r"saya ingin menambahkan anda ke jaringan profesional saya(?: di linked ?in)?",
)

_WORDING = re.compile(r"(?<!\w)(?:" + "|".join(PLATFORM_WORDINGS) + r")(?!\w)")

# A note that is the ready-made text plus at most this many words (a greeting, a name, a
# sign-off) is the ready-made text; with more, the learned reader decides what the rest says.
SPARE_WORDS = 3


def find(text: str) -> tuple[int, int] | None:
    """``(start, end)`` of the first ready-made wording in a tidy text, or None."""
    match = _WORDING.search(text)
    return match.span() if match else None


__all__ = ["PLATFORM_WORDINGS", "SPARE_WORDS", "find"]
