"""The default policy of DOMAIN.md, row by row, plus the strict preset and an unanswered ask."""

from __future__ import annotations

from dataclasses import replace

import pytest

from tui.domain.assessment import assess, evaluate
from tui.domain.models import ACTIONS, Flag, Invitation, Message, NewInvitation, Person
from tui.domain.policy import default_policy, load_policy, recommend, strict_policy

STOCK = "I'd like to add you to my professional network on LinkedIn."
REASON = "I'm looking to expand my business network and would love to add you to it."
PITCH = "Our agency offers SEO at competitive rates. Book a free demo!"
RECRUITER = "We're hiring a staff engineer and your background looks like a great fit."
VAGUE = "Hope you're having a good week!"

STRANGER = Person(name="Lwazi Dube", photo="headshot", known=False, mutual_connections=3)
KNOWN = replace(STRANGER, known=True)


def invitation(person=STRANGER, note=STOCK, status="pending", reply=None):
    messages = ()
    if status in ("asked", "replied"):
        messages = (Message("out", "Thanks! What made you want to connect?", "2026-01-30"),)
    if reply is not None:
        messages += (Message("in", reply, "2026-01-31"),)
    return Invitation(7, person, note, "2026-01-29T14:37:00", status, messages=messages)


# (DOMAIN.md row, invitation, default action)
ROWS = [
    ("known, stock note", invitation(KNOWN, STOCK), "accept"),
    ("known, no note", invitation(KNOWN, None), "accept"),
    ("known, sales pitch", invitation(KNOWN, PITCH), "accept"),
    ("known, vague note", invitation(KNOWN, VAGUE), "accept"),
    ("stranger states a reason", invitation(note=REASON), "accept"),
    ("stranger, sales pitch", invitation(note=PITCH), "ignore"),
    ("stranger, stock note", invitation(note=STOCK), "ask"),
    ("stranger, no note", invitation(note=None), "ask"),
    ("stranger, empty note", invitation(note=""), "ask"),
    ("stranger, note without a reason", invitation(note=VAGUE), "ask"),
    ("asked, reply states a reason",
     invitation(note=STOCK, status="replied", reply="I'm growing my network in IT."), "accept"),
    ("asked, no reply yet", invitation(note=STOCK, status="asked"), "ignore"),
    ("asked, reply is a pitch",
     invitation(note=None, status="replied", reply="We offer a free trial of our CRM!"), "ignore"),
    ("asked, reply still gives no reason",
     invitation(note=STOCK, status="replied", reply="Just want to connect :)"), "ignore"),
    ("asked, reply from a recruiter",
     invitation(note=STOCK, status="replied", reply="I'm a recruiter with a role for you."),
     "accept"),
    ("recruiter", invitation(note=RECRUITER), "accept"),
    ("unknown acquaintance, stock note", invitation(replace(STRANGER, known=None), STOCK), "ask"),
]  # fmt: skip


@pytest.mark.parametrize(("invite", "action"), [r[1:] for r in ROWS], ids=[r[0] for r in ROWS])
def test_default_policy_rows(invite, action):
    _, recommendation = evaluate(invite)
    assert recommendation.action == action
    assert recommendation.reasons, "a recommendation always says why"


@pytest.mark.parametrize(("invite", "action"), [r[1:] for r in ROWS], ids=[r[0] for r in ROWS])
def test_assess_stores_the_same_action_and_red_flags(invite, action):
    flags, _ = evaluate(invite)
    stored = assess(invite)
    assert stored.recommended == action
    assert stored.flag_codes == tuple(f.code for f in flags if f.kind == "red")


STRICT_CHANGES = {
    "stranger, stock note",
    "stranger, no note",
    "stranger, empty note",
    "stranger, note without a reason",
    "unknown acquaintance, stock note",
}


@pytest.mark.parametrize(("name", "invite", "action"), ROWS, ids=[r[0] for r in ROWS])
def test_strict_preset_ignores_strangers_without_a_reason(name, invite, action):
    _, recommendation = evaluate(invite, strict_policy())
    expected = "ignore" if name in STRICT_CHANGES else action
    assert recommendation.action == expected


def test_stated_reason_still_shows_photo_and_profile_flags():
    person = replace(STRANGER, photo="selfie", headline="", about="", experience=(),
                     education=(), skills=(), recommendations=0)  # fmt: skip
    flags, recommendation = evaluate(invitation(person, REASON))
    assert recommendation.action == "accept"
    assert {"unprofessional_photo", "sparse_profile"} <= {f.code for f in flags}
    also = recommendation.reasons[-1]
    assert also.startswith("Also worth a look") and "photo" in also and "profile" in also


def test_reasons_name_the_rule_and_the_policy():
    _, recommendation = evaluate(invitation(note=None))
    assert recommendation.reasons[0] == "There is no note."
    assert 'Policy "default"' in recommendation.reasons[1]
    assert "ask" in recommendation.reasons[1]


def test_without_a_clock_an_unanswered_ask_counts_as_silence():
    _, recommendation = evaluate(invitation(note=STOCK, status="asked"))
    assert recommendation.action == "ignore"
    assert "no reply" in recommendation.reasons[0]


ASKED_AT = "2026-02-01T09:00:00+00:00"


def asked(**changes):
    return replace(invitation(note=STOCK, status="asked"), asked_at=ASKED_AT, **changes)


@pytest.mark.parametrize(
    ("now", "action"),
    [
        ("2026-02-01T09:00:05+00:00", "wait"),  # seconds after the ask
        ("2026-02-07T23:59:59+00:00", "wait"),
        ("2026-02-08T09:00:00+00:00", "ignore"),  # exactly 7 days: silence counts
        ("2026-03-01T00:00:00+00:00", "ignore"),
    ],
)
def test_after_an_ask_the_recommendation_waits_the_policy_days(now, action):
    _, recommendation = evaluate(asked(), now=now)
    assert recommendation.action == action
    assert assess(asked(), now=now).recommended == action


def test_waiting_says_since_when_and_until_when():
    _, recommendation = evaluate(asked(), now="2026-02-03T10:00:00+00:00")
    assert recommendation.reasons[0] == (
        "You asked why they want to connect 2 days ago (2026-02-01); no reply yet."
    )
    assert recommendation.reasons[1] == (
        'Policy "default": give them 7 days to reply, until 2026-02-08; then no reply yet to '
        "your question → ignore."
    )


def test_after_the_wait_silence_follows_the_policy_and_says_how_long_ago():
    _, recommendation = evaluate(asked(), now="2026-02-10T10:00:00+00:00")
    assert recommendation.action == "ignore"
    assert recommendation.reasons[0].startswith(
        "You asked why they want to connect 9 days ago (2026-02-01)"
    )


def test_the_wait_comes_from_the_policy(tmp_path):
    path = tmp_path / "patient.toml"
    path.write_text("[thresholds]\nreply_wait_days = 14\n[reply]\nno_reply = 'accept'\n")
    policy = load_policy(path)
    assert policy.reply_wait_days == 14
    now = "2026-02-10T10:00:00+00:00"
    assert evaluate(asked(), policy, now=now)[1].action == "wait"
    assert evaluate(asked(), policy, now="2026-02-15T09:00:00+00:00")[1].action == "accept"
    zero = tmp_path / "impatient.toml"
    zero.write_text("[thresholds]\nreply_wait_days = 0\n")
    assert evaluate(asked(), load_policy(zero), now=ASKED_AT)[1].action == "ignore"


def test_a_reply_ends_the_wait():
    replied = replace(
        invitation(note=STOCK, status="replied", reply="I'm growing my network in IT."),
        asked_at=ASKED_AT,
    )
    assert evaluate(replied, now="2026-02-02T00:00:00+00:00")[1].action == "accept"


def test_a_time_without_a_zone_counts_as_utc():
    item = replace(asked(), asked_at="2026-02-01T09:00:00")
    assert evaluate(item, now="2026-02-02T09:00:00+00:00")[1].action == "wait"


def test_unknown_acquaintance_gets_the_stranger_action_and_says_what_is_unknown():
    unknown = replace(STRANGER, known=None)
    for note in (None, STOCK, VAGUE):
        flags, recommendation = evaluate(invitation(unknown, note))
        assert [f for f in flags if f.kind == "red"] == []
        assert recommendation.action == "ask"
        text = " ".join(recommendation.reasons)
        assert "nothing in your data says whether you know this sender" in text
        assert "If you know them: someone you know → accept." in text
        assert "nothing shows you know" not in text
    strict = evaluate(invitation(unknown, None), strict_policy())[1]
    assert strict.action == "ignore"


def test_your_own_sent_invitations_are_not_judged():
    sent = replace(invitation(note=None), status="sent", direction="outgoing")
    assert evaluate(sent) == ([], None)
    assert assess(sent).flag_codes == () and assess(sent).recommended is None


def test_a_reason_in_the_note_outweighs_an_unanswered_ask():
    _, recommendation = evaluate(invitation(note=REASON, status="asked"))
    assert recommendation.action == "accept"


def test_recommend_takes_bare_flags_and_a_status():
    policy = default_policy()
    generic = Flag("generic_note", "red", "medium", "x", "note", (), ("stock",))
    assert recommend([generic], policy).action == "ask"
    assert recommend([generic], policy, status="asked").action == "ignore"
    assert recommend([], policy).action == "ask"
    known = Flag("known_contact", "signal", "info", "x", "known")
    pitch = Flag("sales_pitch", "red", "high", "x", "note")
    assert recommend([pitch, known], policy).action == "accept"


def test_actions_are_always_one_of_the_three():
    for _, invite, _ in ROWS:
        for policy in (default_policy(), strict_policy()):
            assert evaluate(invite, policy)[1].action in ACTIONS


def test_assess_works_on_new_invitations_for_the_seeder():
    item = NewInvitation(STRANGER, PITCH, "2026-01-29T14:37:00")
    assert assess(item).recommended == "ignore"
    assert "sales_pitch" in assess(item).flag_codes
    assert "stated_reason" not in assess(NewInvitation(STRANGER, REASON, "2026")).flag_codes


MET = "Hi Lwazi! We met at the AWS summit in Cape Town, great chatting about serverless."


def test_a_claimed_shared_past_is_a_reason_the_default_accepts():
    flags, recommendation = evaluate(invitation(note=MET))
    reason = next(flag for flag in flags if flag.code == "stated_reason")
    assert reason.detail == ("met_before",)
    assert "share a past" in reason.explanation and "not proof" in reason.explanation
    assert recommendation.action == "accept"
    assert "a stranger who states a reason" in recommendation.reasons[1]
    assert assess(invitation(note=MET)).recommended == "accept"


def test_a_policy_may_treat_a_shared_past_on_its_own(tmp_path):
    from tui.domain.policy import load_policy

    path = tmp_path / "wary.toml"
    path.write_text('[actions]\nmet_before = "ask"\n', encoding="utf-8")
    wary = load_policy(path)
    _, recommendation = evaluate(invitation(note=MET), wary)
    assert recommendation.action == "ask"
    assert "a stranger who says you share a past" in recommendation.reasons[1]
    assert assess(invitation(note=MET), wary).recommended == "ask"
    # every other reason still follows stranger_with_reason
    assert evaluate(invitation(note=REASON), wary)[1].action == "accept"


NOBODY_IN_COMMON = replace(STRANGER, mutual_connections=0)


def test_a_claimed_shared_past_from_a_flagged_profile_is_asked_where_you_met():
    flags, recommendation = evaluate(invitation(NOBODY_IN_COMMON, MET))
    assert {"stated_reason", "no_mutual_connections"} <= {flag.code for flag in flags}
    assert recommendation.action == "ask"
    assert "with a red flag on the profile" in recommendation.reasons[1]
    assert "asking where you met" in recommendation.reasons[2]
    # then the reply decides, as after any ask
    answered = invitation(
        NOBODY_IN_COMMON, MET, "replied", "At the AWS summit, the serverless talk."
    )
    assert evaluate(answered)[1].action == "accept"
    assert evaluate(invitation(NOBODY_IN_COMMON, MET, "asked"))[1].action == "ignore"
    evasive = invitation(NOBODY_IN_COMMON, MET, "replied", "Just want to connect :)")
    assert evaluate(evasive)[1].action == "ignore"
    # a photo flag counts too; the same claim from a clean profile is accepted
    selfie = replace(STRANGER, photo="selfie")
    assert evaluate(invitation(selfie, MET))[1].action == "ask"
    assert evaluate(invitation(STRANGER, MET))[1].action == "accept"


def test_a_policy_may_trust_a_shared_past_whatever_the_profile(tmp_path):
    from tui.domain.policy import load_policy

    path = tmp_path / "trusting.toml"
    path.write_text('[actions]\nmet_before_flagged = "accept"\n', encoding="utf-8")
    trusting = load_policy(path)
    assert evaluate(invitation(NOBODY_IN_COMMON, MET), trusting)[1].action == "accept"
    # a flag set to "off" is not a red flag
    path.write_text('[severity]\nno_mutual_connections = "off"\n', encoding="utf-8")
    assert evaluate(invitation(NOBODY_IN_COMMON, MET), load_policy(path))[1].action == "accept"


def test_the_ready_made_wording_and_a_generic_request_are_explained_apart():
    ready = evaluate(invitation(note=STOCK))
    generic = evaluate(invitation(note="Nice profile. Let's connect."))
    ready_flag = next(flag for flag in ready[0] if flag.code == "generic_note")
    generic_flag = next(flag for flag in generic[0] if flag.code == "generic_note")
    assert "ready-made" in ready_flag.explanation and ready_flag.detail == ("stock",)
    assert "ready-made" not in generic_flag.explanation and generic_flag.detail == ("generic",)
    assert ready[1].reasons[0] == "The note is the platform's ready-made wording."
    assert generic[1].reasons[0] == "The note asks to connect without saying why."
    assert ready[1].action == generic[1].action == "ask"
