"""The flag list ranks by severity with symbols and words; the recommendation shows reasons."""

from __future__ import annotations

from tui.domain.models import Flag, Recommendation
from tui.ui.render.flags import action_badge, flag_lines, flag_list, recommendation_text, title
from tui.ui.render.styles import CUE_SPAN


def test_flags_are_listed_worst_first_then_signals():
    flags = [
        Flag("no_mutual_connections", "red", "low", "No shared connections.", "mutual"),
        Flag("stated_reason", "signal", "info", "Says why.", "note", (), ("referral",)),
        Flag("sales_pitch", "red", "high", "Sells in the first message.", "note"),
        Flag(
            "sparse_profile",
            "red",
            "medium",
            "Little to go on.",
            "profile",
            (),
            ("about", "skills"),
        ),
    ]
    lines = flag_list(flags).plain.splitlines()
    assert lines == [
        "Red flags (3)",
        "▲ HIGH Sales pitch — Sells in the first message.",
        "▲ MED  Sparse profile — Little to go on. (empty: about, skills)",
        "△ LOW  No mutual connections — No shared connections.",
        "",
        "Signals (1)",
        "✚ GOOD States a reason — Says why. (reason: was referred to you by someone)",
    ]


def test_no_flags_says_so():
    assert flag_list([]).plain == "Red flags (0)\nNo red flags."


def test_unknown_codes_and_hostile_explanations_show_literally():
    flag = Flag("brand_new_rule", "red", "weird", "[red]boom[/] \x1b[5m", None)
    line = flag_list([flag]).plain.splitlines()[1]
    assert line == "△ LOW  Brand new rule — [red]boom[/] \\x1b[5m"
    assert title("odd\x1bcode") == "Odd\\x1bcode"


def test_recommendation_badge_and_reasons():
    text = recommendation_text(Recommendation("ask", ("A stranger with the stock note.",)))
    assert text.plain == "Recommended:  ? ASK FIRST \n• A stranger with the stock note."
    assert recommendation_text(None).plain == "Recommended: no recommendation yet"


def test_each_action_badge_differs_in_words_and_colour():
    badges = [action_badge(action) for action in ("accept", "ask", "ignore")]
    assert len({badge.plain for badge in badges}) == 3
    assert len({badge.spans[0].style.bgcolor for badge in badges}) == 3
    assert action_badge("[b]new").plain == " [B]NEW "


def test_a_verdicts_cues_are_marked_in_a_gutter_and_the_main_one_stressed():
    flags = [
        Flag("no_photo", "red", "medium", "No photo.", "photo"),
        Flag("stock_or_missing_note", "red", "medium", "Stock note.", "note"),
        Flag("stated_reason", "signal", "info", "Says why.", "note"),
    ]
    marks = {"stock_or_missing_note": "▶", "no_photo": "▷"}
    lines = flag_lines(flags, marks, {"stock_or_missing_note"})
    plain = [line.plain for line in lines]
    assert next(p for p in plain if "No photo" in p).startswith("▷ ")
    assert next(p for p in plain if "Stock" in p).startswith("▶ ")
    assert next(p for p in plain if "States a reason" in p).startswith("  ")  # aligned
    stressed = [
        line.plain[s.start : s.end] for line in lines for s in line.spans if s.style == CUE_SPAN
    ]
    assert stressed == [title("stock_or_missing_note")]
    unmarked = [line.plain for line in flag_lines(flags)]
    assert not any(p.startswith(("▶", "▷", "  ▲")) for p in unmarked)
