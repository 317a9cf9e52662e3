"""Every red flag and signal, table-driven, and the difference between unknown and empty."""

from __future__ import annotations

from dataclasses import replace

import pytest

from tui.domain.flags import evaluate
from tui.domain.models import Education, Experience, Invitation, Message, NewInvitation, Person
from tui.domain.policy import load_policy
from tui.domain.vocabulary import RED_FLAGS, SIGNALS

REASON = "I really enjoyed your talk on accessibility at the meetup."
STOCK = "I'd like to add you to my professional network on LinkedIn."
PITCH = "We help agencies like yours get more leads. Book a free demo!"
RECRUITER = "I'm a recruiter with a senior design role that fits your background."

SOLID = Person(
    name="Mariam Haddad",
    headline="Product designer",
    about="I design tools for clinicians.",
    experience=(Experience("Designer", "Helix", "2019-04"),),
    education=(Education("AUB", "BA"),),
    skills=("Figma", "Research"),
    recommendations=3,
    photo="headshot",
    connections=480,
    mutual_connections=6,
    known=False,
    profile_created="2016-05-01",
)
EMPTY_SECTIONS = dict(
    headline="", about="", experience=(), education=(), skills=(), recommendations=0
)


def invite(note=REASON, reply=None, sent_at="2026-01-29T14:37:00", **person):
    who = replace(SOLID, **person)
    messages = (
        () if reply is None else (Message("out", "Why?", sent_at), Message("in", reply, sent_at))
    )
    status = "pending" if reply is None else "replied"
    return Invitation(1, who, note, sent_at, status, messages=messages)


def codes(invitation, policy=None) -> set[str]:
    return {flag.code for flag in evaluate(invitation, policy)}


def the(code, invitation, policy=None):
    return next(flag for flag in evaluate(invitation, policy) if flag.code == code)


# (what, invitation, codes that must be there, codes that must not)
TABLE = [
    ("a solid stranger with a reason", invite(), {"stated_reason"}, set(RED_FLAGS)),
    ("stock note from a stranger", invite(note=STOCK), {"generic_note"}, {"stated_reason"}),
    ("no note from a stranger", invite(note=None), {"generic_note"}, set()),
    ("blank note from a stranger", invite(note="  \n"), {"generic_note"}, set()),
    ("stock note from someone you know", invite(note=STOCK, known=True),
     {"known_contact"}, {"generic_note", "no_stated_reason"}),
    ("a note with no reason", invite(note="Hope you're well!"), {"no_stated_reason"},
     {"generic_note"}),
    ("a sales pitch", invite(note=PITCH), {"sales_pitch"}, {"stated_reason"}),
    ("a pitch from someone you know", invite(note=PITCH, known=True),
     {"sales_pitch", "known_contact"}, set()),
    ("a recruiter", invite(note=RECRUITER), {"recruiter_note"}, {"generic_note", "sales_pitch"}),
    ("no photo", invite(photo="none"), {"no_photo"}, {"unprofessional_photo"}),
    ("a selfie", invite(photo="selfie"), {"unprofessional_photo"}, {"no_photo"}),
    ("a group photo", invite(photo="group"), {"unprofessional_photo"}, set()),
    ("a logo", invite(photo="logo"), {"unprofessional_photo"}, set()),
    ("an illustration", invite(photo="illustration"), {"unprofessional_photo"}, set()),
    ("a headshot", invite(photo="headshot"), set(), {"no_photo", "unprofessional_photo"}),
    ("an empty profile", invite(**EMPTY_SECTIONS), {"sparse_profile"}, set()),
    ("no mutual connections", invite(mutual_connections=0), {"no_mutual_connections"}, set()),
    ("no mutual connections, but known", invite(mutual_connections=0, known=True),
     {"known_contact"}, {"no_mutual_connections"}),
    ("a profile made last week", invite(profile_created="2026-01-22"), {"new_profile"}, set()),
    ("a profile made the same day", invite(profile_created="2026-01-29"), {"new_profile"}, set()),
    ("an old profile", invite(profile_created="2025-01-01"), set(), {"new_profile"}),
    ("a reply with a reason", invite(note=STOCK, reply="I'm growing my network in health tech."),
     {"reply_reason", "generic_note"}, {"reply_pitch", "reply_no_reason"}),
    ("a reply from a recruiter", invite(note=None, reply="We're hiring a designer like you."),
     {"reply_reason"}, set()),
    ("a pitch reply", invite(note=STOCK, reply="Happy to! We offer SEO services at 20% off."),
     {"reply_pitch"}, {"reply_reason"}),
    ("a reply without a reason", invite(note=STOCK, reply="Just want to connect :)"),
     {"reply_no_reason"}, {"reply_reason"}),
]  # fmt: skip


@pytest.mark.parametrize(("invitation", "present", "absent"),
                         [row[1:] for row in TABLE], ids=[row[0] for row in TABLE])  # fmt: skip
def test_flag_table(invitation, present, absent):
    found = codes(invitation)
    assert present <= found
    assert not (absent & found)


def test_every_code_is_covered_by_the_table():
    covered = set().union(*(row[2] for row in TABLE))
    assert covered == set(RED_FLAGS) | set(SIGNALS)


def test_red_flags_and_signals_are_shaped_as_promised():
    for _, invitation, _, _ in TABLE:
        for flag in evaluate(invitation):
            assert flag.kind in ("red", "signal")
            if flag.kind == "red":
                assert flag.code in RED_FLAGS and flag.severity in ("high", "medium", "low")
            else:
                assert flag.code in SIGNALS and flag.severity == "info"
            text = flag.explanation
            assert text.endswith(".") and "\n" not in text and text.count(". ") == 0, text


def test_red_flags_come_first_most_severe_first():
    found = evaluate(invite(note=PITCH, photo="none", mutual_connections=0, **EMPTY_SECTIONS))
    order = [(f.kind, f.severity) for f in found]
    assert order[0] == ("red", "high")
    ranks = [{"high": 0, "medium": 1, "low": 2, "info": 3}[s] for _, s in order]
    assert ranks == sorted(ranks)


def test_stated_reason_carries_its_family():
    assert the("stated_reason", invite()).detail == ("appreciation",)
    reply = the("reply_reason", invite(note=None, reply="Ana suggested I reach out to you."))
    assert reply.detail == ("referral",)


def test_text_evidence_points_at_the_words():
    invitation = invite(note="Hi Ngozi! " + STOCK, reply="Sure: we offer a free trial of our CRM.")
    generic = the("generic_note", invitation)
    start, end = generic.spans[0]
    assert generic.field == "note"
    assert invitation.note[start:end].startswith("I'd like to add you")
    pitch = the("reply_pitch", invitation)
    assert pitch.field == "reply"
    assert any("offer a free" in invitation.reply[s:e] for s, e in pitch.spans)


def test_photo_evidence_names_the_kind():
    assert the("unprofessional_photo", invite(photo="selfie")).detail == ("selfie",)
    assert "selfie" in the("unprofessional_photo", invite(photo="selfie")).explanation


# ---------------------------------------------------------------- unknown versus empty


def test_unknown_photo_raises_nothing():
    assert not codes(invite(photo=None)) & {"no_photo", "unprofessional_photo"}


def test_unknown_sections_are_not_empty_sections():
    unknown = dict.fromkeys(EMPTY_SECTIONS)
    assert "sparse_profile" not in codes(invite(**unknown))


def test_sparse_profile_lists_the_empty_sections_only():
    flag = the("sparse_profile", invite(**{**EMPTY_SECTIONS, "headline": "Designer"}))
    assert flag.detail == ("about", "experience", "education", "skills", "recommendations")
    assert flag.field == "profile"
    assert "1 of 6" in flag.explanation


def test_partly_unknown_profile_is_judged_on_what_is_known():
    known_three = {**dict.fromkeys(EMPTY_SECTIONS), "headline": "", "about": "", "skills": ()}
    flag = the("sparse_profile", invite(**known_three))
    assert flag.detail == ("headline", "about", "skills")
    assert "3 known" in flag.explanation
    known_two = {**dict.fromkeys(EMPTY_SECTIONS), "headline": "", "about": ""}
    assert "sparse_profile" not in codes(invite(**known_two))


def test_blank_text_counts_as_empty():
    flag = the("sparse_profile", invite(**{**EMPTY_SECTIONS, "headline": "   ", "about": "\n"}))
    assert "headline" in flag.detail and "about" in flag.detail


def test_unknown_mutual_connections_and_dates_raise_nothing():
    assert "no_mutual_connections" not in codes(invite(mutual_connections=None))
    assert "new_profile" not in codes(invite(profile_created=None))
    assert "new_profile" not in codes(invite(profile_created="not a date"))
    assert "new_profile" not in codes(invite(profile_created="2026-01-28", sent_at="garbage"))


@pytest.mark.parametrize("note", [None, STOCK, "Hope you're having a good week!"])
def test_unknown_acquaintance_raises_no_flag_that_counts_against_a_stranger(note):
    found = codes(invite(note=note, known=None, mutual_connections=0))
    assert not found & {"known_contact", "generic_note", "no_stated_reason"}
    assert "no_mutual_connections" not in found
    # the same invitation from a known stranger is flagged
    stranger = codes(invite(note=note, known=False, mutual_connections=0))
    assert "no_mutual_connections" in stranger
    assert stranger & {"generic_note", "no_stated_reason"}


def test_a_pitch_is_a_red_flag_whether_or_not_you_know_the_sender():
    assert "sales_pitch" in codes(invite(note=PITCH, known=None))


def test_no_explanation_speaks_of_someone_nothing_shows_you_know():
    for note in (None, STOCK, PITCH, "Hope you're having a good week!"):
        for flag in evaluate(invite(note=note, known=None, mutual_connections=0)):
            assert "nothing shows you know" not in flag.explanation


def test_an_imported_sender_with_nothing_known_gets_no_red_flag():
    imported = NewInvitation(Person(name="From The Export"), None, "2026-01-29T14:37:00")
    assert codes(imported) == set()


def test_new_invitations_without_messages_work():
    item = NewInvitation(replace(SOLID, photo="none"), STOCK, "2026-01-29T14:37:00")
    assert {"generic_note", "no_photo"} <= codes(item)


# ---------------------------------------------------------------- policy thresholds


def policy_file(tmp_path, text):
    path = tmp_path / "policy.toml"
    path.write_text(text, encoding="utf-8")
    return load_policy(path)


def test_thresholds_come_from_the_policy(tmp_path):
    four_of_six = invite(**{**EMPTY_SECTIONS, "headline": "x", "about": "y", "skills": ("z",),
                            "recommendations": 1})  # fmt: skip
    assert "sparse_profile" not in codes(four_of_six)
    strict = policy_file(tmp_path, "[thresholds]\ncompleteness = 0.9\nnew_profile_days = 400\n")
    assert "sparse_profile" in codes(four_of_six, strict)
    year_old = invite(profile_created="2025-06-01")
    assert "new_profile" not in codes(year_old)
    assert "new_profile" in codes(year_old, strict)


def test_severity_can_be_changed_or_switched_off(tmp_path):
    policy = policy_file(tmp_path, '[severity]\nno_photo = "high"\nsparse_profile = "off"\n')
    found = {f.code: f for f in evaluate(invite(photo="none", **EMPTY_SECTIONS), policy)}
    assert found["no_photo"].severity == "high"
    assert "sparse_profile" not in found
