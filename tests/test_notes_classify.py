"""Note classification: paraphrases per kind, typos, case, emoji, names, and spans.

These are clear cases a careful reader would not hesitate over; how well the reader does on
hard and unseen wordings is measured on whole batches in tests/test_notes_accuracy.py.
"""

from __future__ import annotations

import pytest

from tui.domain.notes import classify, kind_of, label

PARAPHRASES = {
    "stock": [
        "I'd like to add you to my professional network on LinkedIn.",
        "i'd like to add you to my professional network on linkedin",
        "I’D LIKE TO ADD YOU TO MY PROFESSIONAL NETWORK ON LINKEDIN",
        "Hi Oyelaran, I'd like to add you to my professional network on LinkedIn. - Kai",
        "I'd like to add you to my profesional netwrok on LinkedIn 👋",
        "I would like to join your LinkedIn network.",
        "Id like to join your linkedin network!!!",
        "Hello Mr. Nguyễn Văn An, I'd like to connect with you on LinkedIn.",
        "Please accept my invitation to connect.",
        "Let's connect 🙂",
        "Hope you'll accept my connection request",
        "Ich möchte Sie gerne zu meinem beruflichen Netzwerk auf LinkedIn hinzufügen.",
        "J'aimerais vous ajouter à mon réseau professionnel sur LinkedIn.",
    ],
    "reason:grow_network": [
        "I'm looking to expand my business network and would love to add you to it.",
        "Growing my network in the solar industry, would be great to connect",
        "EXPANDING MY PROFESSIONAL NETWORK IN LOGISTICS",
        "im trying to grow my netwrok with other nurses in Leeds",
        "As a fellow actuary I'd love to connect and swap notes.",
        "We both work in aviation safety, so connecting made sense to me ✈️",
        "Looking to connect with like-minded people in open banking.",
        "Hi Zoë, building a network of women in robotics — want to join?",
    ],
    "reason:appreciation": [
        "I really loved your book about hiring and would be glad to connect.",
        "Your article on flaky tests was spot on!",
        "Enjoyed your talk at FOSDEM a lot 👏",
        "loved ur podcast with Amira on pricing",
        "Thank you for your post about visas for researchers; very helpful.",
        "I read your paper on coral bleaching and found it fascinating.",
        "Your newsletter on chip supply chains is the best thing in my inbox.",
        "I apreciated your blog post on burnout.",
    ],
    "reason:profile_view": [
        "I noticed that you viewed my profile. Can I help you at all?",
        "You visited my profile yesterday, anything I can do for you?",
        "thanks for checking out my profile!",
        "Saw u viewed my profle 👀",
        "Hi Björk, I see you looked at my profile. Questions about my work?",
        "Thanks for the profile visit!",
    ],
    "reason:referral": [
        "I met Jenny at the conference and she suggested that you'd be a really good person "
        "to talk to about hiring. Could we connect?",
        "Carlos recommended I reach out to you about the grant.",
        "Our mutual friend Tomás said you're the one to ask about Rust.",
        "Priya referred me to you about the internship.",
        "Wen Li pointed me your way for advice on fundraising.",
        "Kofi sugested i get in touch with you",
        "On Ingrid's recommendation I'm writing to you about the Oslo office.",
    ],
    "pitch": [
        "We help SaaS companies get 3x more qualified leads. 15 minutes this week?",
        "Our agency offers SEO and PPC at competitive rates.",
        "Book a free demo of our CRM today!",
        "Exclusive offer: 50% off our coaching program",
        "Earn passive income with my crypto system 💰",
        "I loved your article! By the way, we offer ghostwriting services.",
        "I'm expanding my network and wanted to introduce our marketing services.",
        "Can I send you some information about our payroll software?",
        "Worth a quick chat?",
    ],
    "recruiter": [
        "Hi, I'm a recruiter at Initech with a backend role that fits your background.",
        "We're hiring! Your Kotlin experience looks like a great fit.",
        "Are you open to new opportunities? I have a role that might suit you.",
        "I'm a headhunter working on a CFO search, open to a confidential chat?",
        "My client is hiring a head of data in Madrid, interested?",
    ],
    "other": [
        "Hi!",
        "Hope you're doing well.",
        "Greetings from Accra 🇬🇭",
        "I'm a final-year student at Universidad de los Andes.",
        "Please check out my profile.",
        "Congratulations on your new job!",
    ],
    "reason:met_before": [
        "We met at the Rust meetup — great chatting!",
        "we met at the AWS summit",
        "we worked together at Acme in 2019",
        "it's Sam from the climbing group",
        "Great chatting with you at the career fair yesterday!",
        "We studied together at Uni Leipzig, remember me?",
    ],
    "none": ["", "   ", "\n\t", "👋", "🙏🙏", "...", "—"],
}

CASES = [(expected, note) for expected, notes in PARAPHRASES.items() for note in notes]


@pytest.mark.parametrize(("expected", "note"), CASES)
def test_classifies_paraphrases(expected, note):
    assert label(classify(note)) == expected


@pytest.mark.parametrize(("expected", "note"), CASES)
def test_fast_path_agrees_with_classify(expected, note):
    verdict = classify(note)
    assert kind_of(note) == (verdict.kind, verdict.family)


def test_none_means_no_note():
    assert classify(None).kind == "none"
    assert kind_of(None) == ("none", None)


@pytest.mark.parametrize(
    ("note", "evidence"),
    [
        ("Hey Zhang Wei 👋 I'd like to add you to my professional network on LinkedIn.",
         "I'd like to add you to my professional network on LinkedIn"),
        ("🎉🎉 Hi Åsa! I noticed that you viewed my profile.", "viewed my profile"),
        ("İstanbul'dan selamlar! Your article on quays was great", "Your article on quays was"),
        ("Hi,\n\nwe help companies like yours save 30%", "save 30%"),
        ("Ｆｕｌｌｗｉｄｔｈ Ana: Carlos recommended I reach out", "recommended I"),
    ],
)  # fmt: skip
def test_spans_index_the_original_text(note, evidence):
    verdict = classify(note)
    assert verdict.spans, verdict
    shown = [note[start:end] for start, end in verdict.spans]
    assert any(evidence in part or part in evidence for part in shown), shown
    for start, end in verdict.spans:
        assert 0 <= start < end <= len(note)


def test_spans_cover_whole_words_only():
    note = "Thanks for viewing my profile, Ngozi!"
    start, end = classify(note).spans[0]
    assert note[start - 1 : start] in ("", " ")
    assert note[end : end + 1] in ("", " ", ",", "!", ".")


def test_other_and_none_have_no_spans():
    assert classify("Hope you're well").spans == ()
    assert classify("").spans == ()


def test_only_recognised_families():
    for note in (n for notes in PARAPHRASES.values() for n in notes):
        verdict = classify(note)
        assert (verdict.family is not None) == (verdict.kind == "reason")


@pytest.mark.parametrize(
    "note",
    [
        "[bold red]I'd like to add you[/] \x1b[31m to my professional network\x1b[0m",
        '=HYPERLINK("http://evil","click") I loved your book',
        "\u202eI'd like to join your LinkedIn network\u202c",
        "x" * 10_000,
        "I loved your book " * 600,
        "\x00\x01\x02",
    ],
)
def test_hostile_text_classifies_without_error(note):
    verdict = classify(note)
    for start, end in verdict.spans:
        assert 0 <= start < end <= len(note)


def test_mixed_reason_and_pitch_is_a_pitch():
    assert classify("Loved your talk! We offer a free audit of your cloud bill.").kind == "pitch"


def test_typo_correction_does_not_turn_real_words_into_rule_words():
    # "thank" is a word, not a typo of "thanks"; "contact" is not "contract"
    assert label(classify("Thank you for visiting my profile")) == "reason:profile_view"
    assert classify("Please contact me about the weather").kind == "other"


@pytest.mark.parametrize(
    "note",
    [
        "I'd like to add you to my professional network on LinkedIn.",
        "Hi Priya,\nI'd like to join your LinkedIn network.\nBest, Tom",
        "Ich möchte Sie gerne zu meinem beruflichen Netzwerk auf LinkedIn hinzufügen.",
        "J'aimerais vous ajouter à mon réseau professionnel sur LinkedIn.",
        "Me gustaría añadirte a mi red profesional de LinkedIn.",
        "Chciałbym dodać Cię do mojej sieci zawodowej na LinkedIn.",
        "Jag vill gärna lägga till dig i mitt professionella nätverk på LinkedIn.",
        "Я хотел бы добавить вас в свою профессиональную сеть в LinkedIn.",
    ],
)
def test_the_platforms_own_wording_is_ready_made(note):
    verdict = classify(note)
    assert verdict.kind == "stock" and verdict.ready_made
    assert verdict == classify(note, evidence=False).__class__(
        "stock", None, verdict.spans, ready_made=True
    )


@pytest.mark.parametrize(
    "note", ["Nice profile. Let's connect.", "Would be great to connect!", "Let's connect 🙂"]
)
def test_a_request_anyone_could_send_is_stock_but_not_the_platforms_wording(note):
    verdict = classify(note)
    assert verdict.kind == "stock" and not verdict.ready_made
    assert not classify(note, evidence=False).ready_made


def test_the_ready_made_wording_with_a_reason_after_it_is_the_reason():
    note = "I'd like to add you to my professional network. We met at the AWS summit in Berlin!"
    assert label(classify(note)) == "reason:met_before"


def test_the_fast_path_gives_the_same_verdict_without_spans():
    for notes in PARAPHRASES.values():
        for note in notes:
            full, fast = classify(note), classify(note, evidence=False)
            assert (fast.kind, fast.family, fast.ready_made, fast.spans) == (
                full.kind, full.family, full.ready_made, ()
            )  # fmt: skip


def test_evidence_names_the_deciding_words_of_a_shared_past():
    note = "Hi Ana! We worked together at Acme in 2019, would be good to reconnect."
    shown = " ".join(note[start:end] for start, end in classify(note).spans)
    assert "worked together" in shown
