"""No unbounded input: what the user points the app at is read within limits, and every
refusal is one line with control characters escaped and echoed values cut short."""

from __future__ import annotations

import io
import os
import zipfile

import pytest
from _import_support import ZIP_NAME, dump, existing_inbox, export_files, run_import, write_zip
from click.testing import CliRunner

from tui.cli import main
from tui.importers import linkedin_export
from tui.importers.errors import ImportFileError
from tui.ui.config import ConfigError, load_config

DEEP = "x = " + "[" * 5000 + "]" * 5000 + "\n"


def one_line(result) -> str:
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert result.exit_code == 1, result.output
    assert len(lines) == 1, result.output
    assert "Traceback" not in result.output
    assert lines[0].startswith("invite-triage: error: ")
    return lines[0]


@pytest.fixture
def fifo(tmp_path):
    path = tmp_path / "policy.toml"
    os.mkfifo(path)
    return path


def policy_run(db, policy):
    return CliRunner().invoke(main, ["--db", str(db), "--policy", str(policy), "explain"])


def test_a_policy_that_is_a_fifo_is_refused_without_waiting(tmp_path, fifo):
    line = one_line(policy_run(existing_inbox(tmp_path), fifo))
    assert "not a regular file" in line


@pytest.mark.parametrize("where", ["/dev/zero", "folder"])
def test_a_policy_that_never_ends_or_is_a_folder_is_refused(tmp_path, where):
    path = tmp_path if where == "folder" else where
    line = one_line(policy_run(existing_inbox(tmp_path), path))
    assert "directory" in line if where == "folder" else "not a regular file" in line


def test_a_huge_policy_file_is_refused_unread(tmp_path):
    path = tmp_path / "huge.toml"
    path.write_bytes(b"# padding\n" * 100_000)
    line = one_line(policy_run(existing_inbox(tmp_path), path))
    assert "too large for a policy file" in line


def test_deeply_nested_toml_is_one_line(tmp_path):
    path = tmp_path / "deep.toml"
    path.write_text(DEEP)
    line = one_line(policy_run(existing_inbox(tmp_path), path))
    assert "nested too deeply" in line


def test_a_policy_path_and_key_are_shown_escaped_and_short(tmp_path):
    folder = tmp_path / "evil\x1b[31mred"
    folder.mkdir()
    path = folder / "policy.toml"
    path.write_text(f'[actions]\n"{"k" * 1_000_000}" = "ask"\n')
    line = one_line(policy_run(existing_inbox(tmp_path), path))
    assert "\x1b" not in line and "\\x1b" in line
    assert len(line) < 400


def test_config_files_are_bounded_and_escaped(tmp_path, fifo):
    with pytest.raises(ConfigError, match="not a regular file"):
        load_config(fifo)
    with pytest.raises(ConfigError, match="not a regular file"):
        load_config("/dev/zero")
    deep = tmp_path / "deep.toml"
    deep.write_text(DEEP)
    with pytest.raises(ConfigError, match="nested too deeply"):
        load_config(deep)
    evil = tmp_path / "con\x07fig.toml"
    evil.write_text(f"{'u' * 1_000_000} = 1\n")
    with pytest.raises(ConfigError) as refused:
        load_config(evil)
    message = str(refused.value)
    assert "\x07" not in message and "\\x07" in message
    assert len(message) < 300 and "\n" not in message


class _Member(io.RawIOBase):
    """A zip member that inflates to far more than its header says."""

    def __init__(self, size: int) -> None:
        self.left = size

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        count = min(len(buffer), self.left)
        buffer[:count] = b"x" * count
        self.left -= count
        return count


class _LyingArchive:
    def getinfo(self, name):
        return zipfile.ZipInfo(name)  # declares 0 bytes

    def open(self, info):
        return io.BufferedReader(_Member(10 * linkedin_export.MAX_MEMBER))


def test_a_zip_member_is_capped_by_the_bytes_actually_inflated(monkeypatch):
    monkeypatch.setattr(linkedin_export, "MAX_MEMBER", 3 * linkedin_export.INFLATE_STEP)
    with pytest.raises(ImportFileError, match="too large to import"):
        # The member reader itself, on a zip that lies about its sizes.
        linkedin_export._read_member(_LyingArchive(), "Invitations.csv", "export.zip")  # noqa: SLF001


def test_a_zip_whose_sizes_lie_is_refused_in_one_line(tmp_path, monkeypatch):
    monkeypatch.setattr(linkedin_export, "MAX_MEMBER", 4096)
    db = existing_inbox(tmp_path)
    before = dump(db)
    files = export_files()
    files["Invitations.csv"] = files["Invitations.csv"] + b"\n" * 20_000
    path = write_zip(tmp_path / ZIP_NAME, files)
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as archive:
        real = archive.getinfo("Invitations.csv").file_size
    size = real.to_bytes(4, "little")
    for at in [i for i in range(len(data) - 4) if data[i : i + 4] == size]:
        data[at : at + 4] = (100).to_bytes(4, "little")  # "100 bytes uncompressed"
    path.write_bytes(bytes(data))
    result = run_import(db, path)
    assert result.exit_code == 1
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    assert dump(db) == before


def test_a_db_that_is_a_folder_gets_one_line(tmp_path):
    for args in ([], ["explain"], ["seed", "-n", "1"], ["export"]):
        result = CliRunner().invoke(main, ["--db", str(tmp_path), *args])
        line = one_line(result)
        if args:
            assert "is a directory, not a database file" in line
