"""Scenario files: the built-in ones load; a trainer's broken file gets one clear line."""

from __future__ import annotations

import pytest

from tui.simulate import scenarios
from tui.simulate.cast import STOCK, invitation, reply_plan
from tui.simulate.scenarios import ScenarioError


def test_every_built_in_scenario_loads_with_unique_slots():
    for name in scenarios.BUILT_IN:
        spec = scenarios.load(name)
        assert spec.name == name
        assert spec.title and spec.about
        assert len({r.slot for r in spec.roles}) == len(spec.roles)
    assert len(scenarios.BUILT_IN) >= 4
    assert scenarios.DEFAULT in scenarios.BUILT_IN


def test_the_post_is_four_strangers_with_the_stock_note_and_one_stated_reason():
    spec = scenarios.load("the-post")
    assert len(spec.roles) == 4
    assert all(r.note == STOCK and not r.known for r in spec.roles)
    assert all(r.profile in ("thin", "empty") and r.photo != "headshot" for r in spec.roles)
    replies = [reply_plan(r) for r in spec.roles]
    answering = [r for r, (body, _delay) in zip(spec.roles, replies, strict=True) if body]
    first = min(answering, key=lambda r: r.reply_after)
    assert first.intent == "networker" and "network" in first.reply
    assert reply_plan(next(r for r in spec.roles if r.intent == "fake"))[0] is None


def test_a_fake_never_answers_even_if_a_file_gives_it_a_reply(tmp_path):
    path = tmp_path / "s.toml"
    path.write_text(
        '[[sender]]\nslot = "a"\nintent = "fake"\nname = "A"\nreply = "hello"\n',
        encoding="utf-8",
    )
    (role,) = scenarios.load(str(path)).roles
    assert reply_plan(role)[0] is None


def test_hostile_text_is_kept_exactly(tmp_path):
    path = tmp_path / "hostile.toml"
    path.write_text(
        '[[sender]]\nslot = "x"\nintent = "networker"\n'
        'name = "[bold red]=HYPERLINK(\\"x\\")\\u202e\\u001b[31m"\n'
        f'note = "{"A" * 10_000}"\n',
        encoding="utf-8",
    )
    (role,) = scenarios.load(str(path)).roles
    item = invitation("hostile", role)
    assert item.person.name == '[bold red]=HYPERLINK("x")\u202e\x1b[31m'
    assert len(item.note) == 10_000
    assert item.external_key == "scenario:hostile:x"


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ('title = "x"\n', "needs at least one [[sender]]"),
        ('colour = "x"\n[[sender]]\nslot="a"\nintent="fake"\nname="A"\n', "unknown key 'colour'"),
        ('[[sender]]\nslot="a"\nintent="fake"\n', "missing 'name'"),
        ('[[sender]]\nslot="a"\nintent="spy"\nname="A"\n', "intent 'spy' is not one of"),
        ('[[sender]]\nslot="a"\nintent="fake"\nname="A"\nphoto="avatar"\n', "photo 'avatar'"),
        ('[[sender]]\nslot="a"\nintent="fake"\nname="A"\nsent_ago="soon"\n', "sent_ago"),
        ('[[sender]]\nslot="a"\nintent="fake"\nname="A"\nmutual=-1\n', "'mutual' must be"),
        ('[[sender]]\nslot="a b"\nintent="fake"\nname="A"\n', "slot must be"),
        (
            '[[sender]]\nslot="a"\nintent="fake"\nname="A"\n'
            '[[sender]]\nslot="a"\nintent="fake"\nname="B"\n',
            "slot 'a' is used twice",
        ),
        (
            '[[sender]]\nslot="a"\nintent="fake"\nname="A"\nnote="x"\nstock_note=true\n',
            "either 'note' or 'stock_note'",
        ),
        ("[[sender]\n", "not valid TOML"),
    ],
)
def test_broken_files_are_refused_in_one_line(tmp_path, body, message):
    path = tmp_path / "broken.toml"
    path.write_text(body, encoding="utf-8")
    with pytest.raises(ScenarioError) as caught:
        scenarios.load(str(path))
    assert message in str(caught.value)
    assert "\n" not in str(caught.value)


def test_unknown_names_and_missing_files_say_what_exists(tmp_path):
    with pytest.raises(ScenarioError, match="choose from the-post"):
        scenarios.load("nope")
    with pytest.raises(ScenarioError, match="no scenario file"):
        scenarios.load(str(tmp_path / "missing.toml"))


def test_durations():
    from tui.simulate.scenarios.loader import duration

    assert duration("2d3h", "x") == 2 * 86400 + 3 * 3600
    assert duration("45m", "x") == 2700
    assert duration(90, "x") == 90
    for bad in ("", "3x", -5, True, "h"):
        with pytest.raises(ScenarioError):
            duration(bad, "x")
