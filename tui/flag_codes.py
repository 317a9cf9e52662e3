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
