"""Policy files: presets, partial files, and one clear line naming the key when one is wrong."""

from __future__ import annotations

import tomllib
from importlib import resources

import pytest
from click.testing import CliRunner

from tui.cli import main
from tui.domain.models import NewInvitation, Person
from tui.domain.policy import (
    PRESETS,
    PolicyError,
    default_policy,
    load_policy,
    preset,
    strict_policy,
)
from tui.domain.vocabulary import RED_FLAGS
from tui.store import Store


def write(tmp_path, text: str, name: str = "mine.toml"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_the_default_policy_is_domain_md():
    policy = default_policy()
    assert policy.name == "default"
    assert (policy.known, policy.stranger_with_reason, policy.stranger_without_reason) == (
        "accept", "accept", "ask",
    )  # fmt: skip
    assert (policy.pitch, policy.reply_reason, policy.reply_pitch, policy.no_reply) == (
        "ignore", "accept", "ignore", "ignore",
    )  # fmt: skip
    assert load_policy(None) is policy


def test_strict_changes_only_strangers_without_a_reason():
    default, strict = default_policy(), strict_policy()
    assert strict.stranger_without_reason == "ignore"
    different = [
        name for name in default.__dataclass_fields__
        if name not in ("name", "source") and getattr(default, name) != getattr(strict, name)
    ]  # fmt: skip
    assert different == ["stranger_without_reason"]


def test_presets_load_by_name():
    assert load_policy("strict") is strict_policy()
    assert {preset(name).name for name in PRESETS} == set(PRESETS)


def test_shipped_default_lists_every_red_flag_with_its_built_in_severity():
    text = resources.files("tui.domain").joinpath("policies", "default.toml").read_text("utf-8")
    assert tomllib.loads(text)["severity"] == RED_FLAGS
    assert dict(default_policy().severity) == RED_FLAGS


def test_a_partial_file_keeps_the_rest_from_the_default(tmp_path):
    policy = load_policy(write(tmp_path, "[thresholds]\nnew_profile_days = 7\n"))
    assert policy.new_profile_days == 7
    assert policy.stranger_without_reason == "ask"
    assert policy.name == "mine"


def test_based_on_strict(tmp_path):
    policy = load_policy(write(tmp_path, 'based_on = "strict"\n[actions]\nrecruiter = "ask"\n'))
    assert (policy.stranger_without_reason, policy.recruiter) == ("ignore", "ask")


def test_a_byte_order_mark_is_fine(tmp_path):
    path = tmp_path / "bom.toml"
    path.write_bytes(b'\xef\xbb\xbf[actions]\npitch = "ask"\n')
    assert load_policy(path).pitch == "ask"


BAD = [
    ('[actions]\npich = "ignore"\n', 'unknown key "actions.pich" (did you mean "actions.pitch"?)'),
    ("[action]\npitch = \"ignore\"\n", 'unknown key "action"'),
    ("colour = 1\n", 'unknown key "colour"'),
    ('[actions]\npitch = "drop"\n', '"actions.pitch" must be one of accept, ignore, ask'),
    ("[actions]\npitch = 3\n", '"actions.pitch" must be one of accept, ignore, ask (got 3)'),
    ('[thresholds]\ncompleteness = "high"\n', '"thresholds.completeness" must be a number'),
    ("[thresholds]\ncompleteness = 1.5\n", '"thresholds.completeness" must be a number from 0'),
    ("[thresholds]\nnew_profile_days = -1\n", '"thresholds.new_profile_days" must be a whole'),
    ("[thresholds]\nnew_profile_days = 2.5\n", '"thresholds.new_profile_days" must be a whole'),
    ("[thresholds]\nnew_profile_days = true\n", '"thresholds.new_profile_days" must be a whole'),
    ("[thresholds]\nmin_known_sections = 7\n", '"thresholds.min_known_sections" must be a whole'),
    ('[severity]\nno_photo = "severe"\n', '"severity.no_photo" must be one of high, medium'),
    ('[severity]\nstated_reason = "high"\n', 'unknown key "severity.stated_reason"'),
    ('actions = "ask"\n', '"actions" must be a table ([actions]), not \'ask\''),
    ('based_on = "lenient"\n', '"based_on" must be one of default, strict'),
    ("version = 2\n", '"version" must be 1'),
    ("[actions\npitch = 1\n", "is not valid TOML"),
    ('[actions]\n"pitch\\u001b[31m" = "ask"\n', 'unknown key "actions.pitch\\x1b[31m"'),
]  # fmt: skip


@pytest.mark.parametrize(("text", "message"), BAD, ids=[m[:40] for _, m in BAD])
def test_bad_files_name_the_key_in_one_line(tmp_path, text, message):
    with pytest.raises(PolicyError) as caught:
        load_policy(write(tmp_path, text))
    said = str(caught.value)
    assert message in said
    assert said.startswith("policy file ") and "mine.toml" in said
    assert "\n" not in said and "\x1b" not in said


def test_missing_file_unreadable_text_and_directories(tmp_path):
    with pytest.raises(PolicyError, match=r"no policy file at .*nope\.toml"):
        load_policy(tmp_path / "nope.toml")
    with pytest.raises(PolicyError, match="is a directory"):
        load_policy(tmp_path)
    binary = tmp_path / "bin.toml"
    binary.write_bytes(b"\xff\xfe\x00garbage")
    with pytest.raises(PolicyError, match="not UTF-8"):
        load_policy(binary)


# ---------------------------------------------------------------- through the CLI


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "inbox.db"
    with Store.open(path, create=True) as store:
        store.add_invitations([NewInvitation(Person(name="Ana", known=False), None, "2026-01-29")])
    return path


def test_cli_bad_policy_is_one_line_naming_the_key(tmp_path, db):
    bad = write(tmp_path, '[reply]\nno_reply = "wait"\n')
    for args in (["--policy", str(bad), "explain"], ["explain", "--policy", str(bad)]):
        result = CliRunner().invoke(main, ["--db", str(db), *args])
        assert result.exit_code == 1
        assert result.stdout == ""
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1
        assert lines[0].startswith("invite-triage: error: policy file ")
        assert '"reply.no_reply" must be one of accept, ignore, ask' in lines[0]


def test_cli_policy_changes_the_recommendation(tmp_path, db):
    strict_file = write(tmp_path, 'based_on = "strict"\n')
    runner = CliRunner()
    default = runner.invoke(main, ["--db", str(db), "explain", "--json"])
    strict = runner.invoke(
        main, ["--db", str(db), "--policy", str(strict_file), "explain", "--json"]
    )
    by_name = runner.invoke(main, ["--db", str(db), "explain", "--json", "--policy", "strict"])
    assert '"action": "ask"' in default.stdout
    assert '"action": "ignore"' in strict.stdout
    assert by_name.stdout == strict.stdout.replace('Policy \\"mine\\"', 'Policy \\"strict\\"')
