"""The detail pane on the real flags engine: what the rules point at is what gets painted."""

from __future__ import annotations

from textual.app import App, ComposeResult

from tui.domain.assessment import evaluate
from tui.domain.models import Experience, NewInvitation, Person
from tui.store import Filter, Store
from tui.ui.inbox.detail_pane import DetailPane
from tui.ui.render import styles

PITCH_NOTE = (
    "Hi! I run a small agency. We can double your sales pipeline in 30 days, "
    "book a free call with me this week."
)
REASON_NOTE = "I enjoyed your article on remote onboarding and would like to connect."


class PaneApp(App):
    def __init__(self) -> None:
        super().__init__()
        self.animation_level = "none"

    def compose(self) -> ComposeResult:
        yield DetailPane()


def stored(tmp_path, *items: NewInvitation):
    with Store.open(tmp_path / "inbox.db", create=True) as store:
        store.add_invitations(list(items))
        rows = store.page(Filter(status=None), limit=len(items))
        return {row.name: store.get(row.id) for row in rows}


def person(name: str, **fields) -> Person:
    base = {
        "headline": "Consultant",
        "photo": "selfie",
        "about": "",
        "experience": (Experience("Owner", "Agency", "2025-10", None),),
        "education": (),
        "skills": (),
        "recommendations": 0,
        "connections": 12,
        "mutual_connections": 0,
        "known": False,
        "profile_created": "2026-01-25",
    }
    return Person(name=name, **{**base, **fields})


def painted(text, style) -> list[str]:
    return [text.plain[span.start : span.end] for span in text.spans if span.style == style]


async def test_engine_evidence_is_painted_on_the_exact_words(tmp_path):
    invitations = stored(
        tmp_path,
        NewInvitation(person=person("Pat Seller"), note=PITCH_NOTE, sent_at="2026-02-01T10:00"),
        NewInvitation(
            person=person("Rae Reader", photo="headshot", about="Writer."),
            note=REASON_NOTE,
            sent_at="2026-02-01T11:00",
        ),
    )
    app = PaneApp()
    async with app.run_test(size=(100, 40)) as pilot:
        pane = app.query_one(DetailPane)
        for name, style in (("Pat Seller", styles.RED_SPAN), ("Rae Reader", styles.GOOD_SPAN)):
            invitation = invitations[name]
            flags, recommendation = evaluate(invitation)
            pane.show(invitation, flags, recommendation)
            await pilot.pause()
            note_flags = [f for f in flags if f.field == "note" and f.spans]
            assert note_flags, f"the engine points at words in {name}'s note"
            expected = [
                invitation.note[start:end] for flag in note_flags for start, end in flag.spans
            ]
            shown = painted(pane.part("conversation"), style)
            assert shown and all(any(e in s for s in shown) for e in expected)
            text = pane.plain_text()
            for flag in flags:
                assert flag.explanation in text
            assert recommendation.action.upper() in text
            for reason in recommendation.reasons:
                assert reason in text
    pitch_flags, pitch_recommendation = evaluate(invitations["Pat Seller"])
    assert "sales_pitch" in {flag.code for flag in pitch_flags}
    assert pitch_recommendation.action == "ignore"


async def test_unknown_profile_from_the_export_raises_nothing_and_says_unknown(tmp_path):
    invitation = stored(
        tmp_path,
        NewInvitation(
            person=Person(name="Imported Ivy", company="Acme", position="CTO"),
            note=None,
            sent_at="2026-02-01T10:00",
            source="export",
            external_key="ivy",
        ),
    )["Imported Ivy"]
    flags, recommendation = evaluate(invitation)
    app = PaneApp()
    async with app.run_test(size=(100, 40)) as pilot:
        pane = app.query_one(DetailPane)
        pane.show(invitation, flags, recommendation)
        await pilot.pause()
        text = pane.plain_text()
        assert "? photo unknown" in text
        assert "About  unknown (not in the platform's export)" in text
        assert "Skills  unknown (not in the platform's export)" in text
        assert "— empty —" not in text
        assert not {"no_photo", "sparse_profile"} & {flag.code for flag in flags}
