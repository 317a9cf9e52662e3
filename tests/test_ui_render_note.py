"""Evidence spans paint exactly the flagged characters of a note or reply, shown literally."""

from __future__ import annotations

import pytest

from tui.domain.models import Flag
from tui.ui.render import styles
from tui.ui.render.note import evidence_ranges, highlight, note_text, reply_text


def red(field: str = "note", *spans: tuple[int, int], code: str = "sales_pitch") -> Flag:
    return Flag(code, "red", "high", "Sells in the first message.", field, tuple(spans))


def good(field: str = "note", *spans: tuple[int, int]) -> Flag:
    return Flag("stated_reason", "signal", "info", "Says why.", field, tuple(spans))


def painted(text, style) -> list[str]:
    """The substrings of a rendered Text carrying ``style``."""
    return [text.plain[span.start : span.end] for span in text.spans if span.style == style]


def test_red_span_paints_exactly_the_flagged_words():
    note = "Hello! Buy our SEO package today."
    start = note.index("Buy")
    end = note.index(" today")
    text = highlight(note, [red("note", (start, end))], "note")
    assert text.plain == note
    assert painted(text, styles.RED_SPAN) == ["Buy our SEO package"]
    assert painted(text, styles.GOOD_SPAN) == []


def test_reason_span_paints_in_the_positive_style():
    note = "I loved your talk on testing at PyCon."
    start, end = note.index("loved"), note.index(" at")
    text = highlight(note, [good("note", (start, end))], "note")
    assert painted(text, styles.GOOD_SPAN) == ["loved your talk on testing"]


def test_several_spans_and_both_kinds_in_one_note():
    note = "Great article! Also, try our CRM for free."
    reason = (0, note.index("!"))
    pitch = (note.index("try"), len(note) - 1)
    text = highlight(note, [good("note", reason), red("note", pitch)], "note")
    assert painted(text, styles.GOOD_SPAN) == ["Great article"]
    assert painted(text, styles.RED_SPAN) == ["try our CRM for free"]


def test_red_wins_where_a_red_flag_overlaps_a_signal():
    note = "abcdefghij"
    text = highlight(note, [good("note", (0, 6)), red("note", (4, 8))], "note")
    assert painted(text, styles.GOOD_SPAN) == ["abcd"]
    assert painted(text, styles.RED_SPAN) == ["efgh"]


def test_flags_on_other_fields_do_not_paint_the_note():
    note = "Hi there"
    flags = [red("reply", (0, 2)), Flag("no_photo", "red", "high", "No photo.", "photo")]
    assert highlight(note, flags, "note").spans == []


def test_a_flag_without_spans_marks_the_whole_text():
    note = "I'd like to add you to my professional network."
    text = highlight(note, [red("note", code="generic_note")], "note")
    assert painted(text, styles.RED_WHOLE) == [note]
    assert painted(highlight(note, [good("note")], "note"), styles.GOOD_WHOLE) == [note]


def test_exact_words_stand_out_above_a_whole_field_mark():
    note = "Nice to meet you. Buy our course."
    pitch = (note.index("Buy"), len(note) - 1)
    flags = [red("note", code="no_stated_reason"), good("note", (0, 4)), red("note", pitch)]
    text = highlight(note, flags, "note")
    assert painted(text, styles.RED_SPAN) == ["Buy our course"]
    assert painted(text, styles.GOOD_SPAN) == ["Nice"]
    assert painted(text, styles.RED_WHOLE) == [" to meet you. ", "."]


@pytest.mark.parametrize(
    ("span", "expected"),
    [((-5, 3), ["abc"]), ((7, 99), ["hij"]), ((5, 5), []), ((6, 2), []), ((50, 60), [])],
)
def test_out_of_range_spans_are_clamped_or_dropped(span, expected):
    text = highlight("abcdefghij", [red("note", span)], "note")
    assert painted(text, styles.RED_SPAN) == expected


def test_markup_in_the_note_is_shown_literally():
    note = "[bold red]x[/] and [link=http://evil]click[/link]"
    text = highlight(note, [red("note", (0, 14))], "note")
    assert text.plain == note
    assert painted(text, styles.RED_SPAN) == ["[bold red]x[/]"]


def test_control_and_bidi_characters_are_escaped_and_spans_still_land():
    note = "pay \x1b[31mnow\u202e ok"
    # The flag points at "now\u202e" in the original text.
    start = note.index("now")
    text = highlight(note, [red("note", (start, start + 4))], "note")
    assert "\x1b" not in text.plain and "\u202e" not in text.plain
    assert text.plain == "pay \\x1b[31mnow\\u202e ok"
    assert painted(text, styles.RED_SPAN) == ["now\\u202e"]


def test_evidence_ranges_report_kinds():
    flags = [red("note", (0, 2)), good("note", (3, 5)), red("reply", (0, 1))]
    assert evidence_ranges("hello", flags, "note") == [
        (0, 2, "red", False),
        (3, 5, "signal", False),
    ]
    assert evidence_ranges("hello", [red("note")], "note") == [(0, 5, "red", True)]


def test_missing_note_flagged_reads_as_evidence():
    flag = red("note", code="generic_note")
    for note in (None, "", "   "):
        text = note_text(note, [flag])
        assert text.plain == "⚑ (no note)"
        assert painted(text, styles.RED_SPAN) == ["⚑ (no note)"]


def test_missing_note_not_flagged_is_plain():
    text = note_text(None, [])
    assert text.plain == "(no note)"
    assert painted(text, styles.RED_SPAN) == []


def test_reveal_false_shows_the_note_without_any_highlight():
    note = "Buy now"
    assert note_text(note, [red("note", (0, 3))], reveal=False).spans == []
    assert note_text(None, [red("note", code="generic_note")], reveal=False).plain == "(no note)"


def test_reply_uses_the_reply_field():
    reply = "I am expanding my network"
    flags = [good("reply", (5, 25)), red("note", (0, 4))]
    text = reply_text(reply, flags)
    assert painted(text, styles.GOOD_SPAN) == ["expanding my network"]
    assert painted(text, styles.RED_SPAN) == []
    assert reply_text(reply, flags, reveal=False).spans == []


def test_a_ten_kilobyte_note_with_a_late_span():
    note = "a" * 10_000 + "BUY" + "b" * 100
    text = highlight(note, [red("note", (10_000, 10_003))], "note")
    assert painted(text, styles.RED_SPAN) == ["BUY"]
    assert len(text.plain) == len(note)


def test_a_verdicts_cue_is_stressed_over_the_evidence_it_covers():
    note = "Great article! Also, try our CRM for free."
    pitch = (note.index("try"), len(note) - 1)
    text = highlight(note, [red("note", pitch)], "note", emphasis=[(0, note.index("!"))])
    assert painted(text, styles.CUE_SPAN) == ["Great article"]
    assert painted(text, styles.RED_SPAN) == ["try our CRM for free"]
    stressed = highlight(note, [red("note", pitch)], "note", emphasis=[pitch])
    assert painted(stressed, styles.CUE_SPAN) == ["try our CRM for free"]
    assert painted(stressed, styles.RED_SPAN) == []


def test_a_cue_about_the_whole_note_stresses_all_of_it_or_its_absence():
    note = "I'd like to add you to my professional network."
    assert painted(note_text(note, [], emphasis=()), styles.CUE_SPAN) == [note]
    assert painted(note_text(note, [], emphasis=None), styles.CUE_SPAN) == []
    missing = note_text(None, [red("note", code="stock_or_missing_note")], emphasis=())
    assert missing.plain == "⚑ (no note)"
    assert painted(missing, styles.CUE_SPAN) == ["⚑ (no note)"]
    reply = "Thanks! I saw your talk on freight."
    start = reply.index("I saw")
    assert painted(reply_text(reply, [], emphasis=[(start, len(reply))]), styles.CUE_SPAN) == [
        "I saw your talk on freight."
    ]
