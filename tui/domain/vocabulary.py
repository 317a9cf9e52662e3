"""The vocabulary of flags: every code, its default severity, and the profile sections.

Kept apart from the rules so the policy loader can validate a user's file against it
without importing the rules (which need the policy for their thresholds).
"""

from __future__ import annotations

# Red flags and how much each weighs by default ("off" in a policy hides one).
RED_FLAGS = {
    "generic_note": "medium",  # stock note or none, from a stranger
    "no_stated_reason": "low",  # a note with words, but no reason we recognise
    "sales_pitch": "high",
    "no_photo": "medium",
    "unprofessional_photo": "medium",  # selfie, group photo, logo, illustration
    "sparse_profile": "medium",
    "no_mutual_connections": "low",  # weak on its own
    "new_profile": "low",  # weak on its own
    "reply_pitch": "high",  # asked why, and got a pitch back
    "reply_no_reason": "medium",  # asked why, and the reply still gives none
}

# Positive signals (severity "info").
SIGNALS = ("known_contact", "stated_reason", "recruiter_note", "reply_reason")

SEVERITIES = ("high", "medium", "low")
SEVERITY_RANK = {"high": 0, "medium": 1, "low": 2, "info": 3}

# The sections a profile-completeness score counts, in the order they are reported.
SECTIONS = ("headline", "about", "experience", "education", "skills", "recommendations")

UNPROFESSIONAL_PHOTOS = {
    "selfie": "a selfie",
    "group": "a group photo",
    "logo": "a logo",
    "illustration": "an illustration",
}

# Reason families a note (or a reply) can state, as the end of "the sender ...".
FAMILY_LABELS = {
    "grow_network": "wants to grow their professional network",
    "appreciation": "appreciates something you made",
    "profile_view": "follows up on your visit to their profile",
    "referral": "was referred to you by someone",
    "met_before": "says you share a past (met, worked or studied together)",
}
FAMILY_NAMES = tuple(FAMILY_LABELS)

# Every flag and signal code as a title (detail pane, reports) and as a short phrase (the
# recommendation's "also worth a look" line, training verdicts' "misled by ...").
FLAG_TITLES = {
    "generic_note": "Stock or missing note",
    "no_stated_reason": "No reason given",
    "recruiter_note": "Recruiter",
    "reply_pitch": "Pitch in the reply",
    "reply_no_reason": "Reply gives no reason",
    "reply_reason": "Reply gives a reason",
    "no_photo": "No photo",
    "unprofessional_photo": "Unprofessional photo",
    "sparse_profile": "Sparse profile",
    "sales_pitch": "Sales pitch",
    "no_mutual_connections": "No mutual connections",
    "new_profile": "New profile",
    "known_contact": "Known contact",
    "stated_reason": "States a reason",
}
FLAG_PHRASES = {
    "generic_note": "a stock or missing note",
    "no_stated_reason": "no stated reason",
    "sales_pitch": "a sales pitch",
    "no_photo": "no photo",
    "unprofessional_photo": "an unprofessional photo",
    "sparse_profile": "a sparse profile",
    "no_mutual_connections": "no mutual connections",
    "new_profile": "a brand-new profile",
    "reply_pitch": "a sales pitch in the reply",
    "reply_no_reason": "a reply without a reason",
    "known_contact": "a known contact",
    "stated_reason": "a stated reason",
    "recruiter_note": "a job offer",
    "reply_reason": "a reason in the reply",
}


def flag_title(code: str) -> str:
    """A readable title for a flag code (one the table lacks is made from the code)."""
    return FLAG_TITLES.get(code) or code.replace("_", " ").capitalize()
