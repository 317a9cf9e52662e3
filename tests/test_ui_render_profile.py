"""The sender's card: photo badges, empty versus unknown sections, literal hostile text."""

from __future__ import annotations

import pytest

from tui.domain.models import Education, Experience, Flag, Invitation, Person
from tui.ui.render import styles
from tui.ui.render.profile import (
    PHOTO_BADGES,
    clip,
    header,
    known_badge,
    photo_badge,
    profile_details,
    when,
)


def invitation(source: str = "seed", **fields) -> Invitation:
    person = Person(**{"name": "Ana Lima", **fields})
    return Invitation(
        id=1,
        person=person,
        note=None,
        sent_at="2026-02-01T10:00:00",
        status="pending",
        source=source,
    )


def lines_of(text) -> list[str]:
    return text.plain.splitlines()


def test_every_photo_kind_has_its_own_words_and_colour():
    kinds = [*PHOTO_BADGES]
    badges = [photo_badge(kind) for kind in kinds]
    words = [badge.plain for badge in badges]
    colours = [badge.spans[0].style.bgcolor for badge in badges]
    assert len(set(words)) == len(kinds)
    assert len(set(colours)) == len(kinds)
    assert "headshot" in photo_badge("headshot").plain
    assert "no photo" in photo_badge("none").plain
    assert "selfie" in photo_badge("selfie").plain
    assert "unknown" in photo_badge(None).plain


def test_photo_badges_differ_by_symbol_for_no_color_terminals():
    symbols = {kind: photo_badge(kind).plain.split()[0] for kind in PHOTO_BADGES}
    assert symbols["headshot"] == "✔"
    assert symbols["none"] == "✘"
    assert symbols["selfie"] == symbols["group"] == "⚠"
    assert symbols[None] == "?"


def test_unknown_photo_kind_string_is_shown_escaped():
    badge = photo_badge("[b]weird\x1b")
    assert "[b]weird\\x1b" in badge.plain


def test_training_badges_carry_no_verdict():
    for kind in PHOTO_BADGES:
        badge = photo_badge(kind, judge=False)
        assert not {"✔", "✘", "⚠"} & set(badge.plain)
        assert badge.spans[0].style == styles.NEUTRAL_BADGE
    assert known_badge(True, judge=False).spans[0].style == styles.NEUTRAL_BADGE


def test_known_badge_three_states():
    assert "known contact" in known_badge(True).plain
    assert "stranger" in known_badge(False).plain
    assert "unknown" in known_badge(None).plain


def test_empty_and_unknown_sections_are_told_apart():
    inv = invitation(
        about="",
        experience=None,
        education=(),
        skills=None,
        recommendations=0,
    )
    lines = lines_of(profile_details(inv))
    assert "About  — empty —" in lines
    assert "Experience  unknown" in lines
    assert "Education  — empty —" in lines
    assert "Skills  unknown" in lines
    assert "Recommendations  — empty —" in lines


def test_unknown_from_the_export_says_so():
    inv = invitation(source="export")
    text = profile_details(inv).plain
    assert "About  unknown (not in the platform's export)" in text
    assert "Mutual connections: unknown (not in the platform's export)" in text


def test_sections_with_content_show_it():
    inv = invitation(
        about="I build data tools.",
        experience=(
            Experience("Engineer", "Acme", "2020-01", "2023-07"),
            Experience("Lead", "Beta", "2023-08", None),
        ),
        education=(Education("Uni Porto", "MSc"),),
        skills=("Python", "SQL"),
        recommendations=3,
        mutual_connections=4,
        connections=512,
        profile_created="2019-05-01",
    )
    lines = lines_of(profile_details(inv))
    assert "I build data tools." in lines
    assert "• Engineer · Acme  2020-01 – 2023-07 (3 yr 6 mo)" in lines
    assert "• Lead · Beta  2023-08 – present (2 yr 6 mo)" in lines
    assert "• Uni Porto — MSc" in lines
    assert "Python, SQL" in lines
    assert "3 received" in lines
    assert "Mutual connections: 4" in lines
    assert "Connections: 512" in lines
    assert "About this profile: created 2019-05-01, 2,468 days before the invitation" in lines


def test_sparse_profile_marks_its_empty_sections_and_headline():
    inv = invitation(headline="", about="", skills=(), education=())
    sparse = Flag(
        "sparse_profile",
        "red",
        "medium",
        "Little to go on.",
        "profile",
        (),
        ("headline", "about", "skills"),
    )
    details = profile_details(inv, [sparse])
    lines = lines_of(details)
    assert "About  — empty — ⚑" in lines
    assert "Skills  — empty — ⚑" in lines
    assert "Education  — empty —" in lines  # empty but not listed by the flag
    assert "— no headline — ⚑" in lines_of(header(inv, [sparse]))
    assert "— no headline —" in lines_of(header(inv, [sparse], judge=False))
    assert "⚑" not in profile_details(inv, [sparse], judge=False).plain


def test_red_flag_fields_get_a_marker():
    inv = invitation(mutual_connections=0, profile_created="2026-01-30")
    flags = [
        Flag("no_mutual_connections", "red", "low", "None shared.", "mutual_connections"),
        Flag("new_profile", "red", "low", "Brand new.", "profile_created"),
    ]
    lines = lines_of(profile_details(inv, flags))
    assert "Mutual connections: 0 ⚑ red flag" in lines
    assert (
        "About this profile: created 2026-01-30, 2 days before the invitation ⚑ red flag" in lines
    )


def test_header_shows_hostile_name_literally():
    inv = invitation(name="[bold red]x[/] \x1b[2J\u202eevil", headline="[i]head[/i]")
    lines = lines_of(header(inv))
    assert lines[0].startswith("[bold red]x[/] \\x1b[2J\\u202eevil  ")  # then the badges
    assert lines[1] == "[i]head[/i]"


def test_header_clips_a_ten_kilobyte_name_and_newlines():
    inv = invitation(name="N" * 10_000, headline="line one\nline two")
    lines = lines_of(header(inv))
    assert len(lines[0]) < 250
    assert "N… (10,000 characters)  " in lines[0]
    assert lines[1] == "line one line two"


def test_header_role_location_and_sent():
    inv = invitation(position="CTO", company="Acme", location="Porto", headline=None)
    lines = lines_of(header(inv))
    assert lines[1] == "headline unknown"
    assert lines[2] == "CTO at Acme · Porto · Sent 2026-02-01 10:00 · pending"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2026-01-29T14:37:00", "2026-01-29 14:37"),
        ("2026-01-29T14:37:00+00:00", "2026-01-29 14:37"),
        ("2026-01-29T14:37:00+02:00", "2026-01-29 14:37 +0200"),
        ("2026-01-29", "2026-01-29"),
        ("yesterday\x1b", "yesterday\\x1b"),
    ],
)
def test_when(value, expected):
    assert when(value) == expected


def test_clip_keeps_short_text_and_escapes():
    assert clip("a\tb\nc", 10) == "a b c"
    assert clip("a\nb", 10, one_line=False) == "a\nb"
    assert clip("x" * 20, 5) == "xxxxx… (20 characters)"
