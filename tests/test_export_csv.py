"""The safe CSV writer: formulas neutralised, exact round trips, BOM, atomic replacement."""

from __future__ import annotations

import csv
import io
import os
import sys

import pytest

from tui.export import ExportError, neutralise, safe_csv, write_safe_csv

HOSTILE = (
    'He said "hi", then left',
    "line one\nline two\r\nline three\rend",
    "[bold red]Rich markup[/] [link=http://x]x[/link]",
    "\x1b[31mred\x1b[0m and a bell\x07",
    "admin\u202egpj.exe and \u2066isolate\u2069",
    "Zoë, Łukasz, 山田 and 😀",
    "x" * 10_000,
    "a\x00nul",
)


def read_back(path, encoding="utf-8"):
    with open(path, encoding=encoding, newline="") as handle:
        return list(csv.reader(handle))


@pytest.mark.parametrize(
    "cell", ["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx", "\nx", '=HYPERLINK("http://e.vil","go")']
)
def test_each_dangerous_first_character_is_neutralised(tmp_path, cell):
    path = tmp_path / "out.csv"
    write_safe_csv(path, ["a", "b"], [(cell, "ok")])
    assert read_back(path)[1] == ["'" + cell, "ok"]


@pytest.mark.parametrize("cell", ["a=1", " =1", "plain", "'=already", "1-2", "x@y", ""])
def test_harmless_cells_are_left_alone(cell):
    assert neutralise(cell) == cell


def test_every_cell_follows_the_same_rule_whatever_its_type(tmp_path):
    path = tmp_path / "out.csv"
    write_safe_csv(path, ["=h", "n"], [(-5, 7), (None, 1.5), (True, "-x")])
    assert read_back(path) == [["'=h", "n"], ["'-5", "7"], ["", "1.5"], ["True", "'-x"]]


def test_hostile_text_round_trips_through_csv_reader(tmp_path):
    path = tmp_path / "out.csv"
    rows = [(n, text) for n, text in enumerate(HOSTILE)]
    assert write_safe_csv(path, ["id", "text"], rows) == len(HOSTILE)
    back = read_back(path)
    assert back[0] == ["id", "text"]
    assert back[1:] == [[str(n), text] for n, text in rows]


def test_rfc4180_quoting_and_crlf_line_ends(tmp_path):
    path = tmp_path / "out.csv"
    write_safe_csv(path, ["a", "b"], [("x,y", 'say "hi"'), ("plain", "two\nlines")])
    assert path.read_bytes() == (b'a,b\r\n"x,y","say ""hi"""\r\nplain,"two\nlines"\r\n')


def test_bom_only_when_asked(tmp_path):
    with_bom, without = tmp_path / "bom.csv", tmp_path / "plain.csv"
    write_safe_csv(with_bom, ["name"], [("Zoë",)], bom=True)
    write_safe_csv(without, ["name"], [("Zoë",)])
    assert with_bom.read_bytes().startswith(b"\xef\xbb\xbfname\r\n")
    assert without.read_bytes().startswith(b"name\r\n")
    assert read_back(with_bom, encoding="utf-8-sig") == [["name"], ["Zoë"]]


def test_rows_are_consumed_lazily(tmp_path):
    seen = []

    def rows():
        for n in range(3):
            seen.append(n)
            yield (n,)

    assert write_safe_csv(tmp_path / "out.csv", ["n"], rows()) == 3
    assert seen == [0, 1, 2]


def failing_rows(after: int, exc: BaseException):
    for n in range(after):
        yield (n, "row")
    raise exc


@pytest.mark.parametrize(
    "exc", [RuntimeError("boom"), KeyboardInterrupt(), OSError(28, "No space left on device")]
)
def test_a_failure_mid_write_keeps_the_old_file_and_leaves_no_temp(tmp_path, exc):
    path = tmp_path / "decisions.csv"
    path.write_bytes(b"the previous export\r\n")
    expected = ExportError if isinstance(exc, OSError) else type(exc)
    with pytest.raises(expected):
        write_safe_csv(path, ["n", "text"], failing_rows(5000, exc))
    assert path.read_bytes() == b"the previous export\r\n"
    assert os.listdir(tmp_path) == ["decisions.csv"]


def test_disk_full_is_one_line_naming_the_file(tmp_path, monkeypatch):
    path = tmp_path / "decisions.csv"

    def no_space(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(safe_csv.os, "fsync", no_space)
    with pytest.raises(ExportError) as caught:
        write_safe_csv(path, ["n"], [(1,)])
    assert str(caught.value) == f"cannot write {path}: No space left on device"
    assert os.listdir(tmp_path) == []


def test_a_failed_rename_leaves_no_temp(tmp_path, monkeypatch):
    path = tmp_path / "decisions.csv"

    def refuse(src, dst):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(safe_csv.os, "replace", refuse)
    with pytest.raises(ExportError, match="Permission denied"):
        write_safe_csv(path, ["n"], [(1,)])
    assert os.listdir(tmp_path) == []


def test_a_new_file_is_not_visible_until_complete(tmp_path):
    path = tmp_path / "decisions.csv"

    def rows():
        for n in range(3):
            assert not path.exists()
            yield (n,)

    write_safe_csv(path, ["n"], rows())
    assert len(read_back(path)) == 4


def test_replacing_keeps_the_old_files_permissions(tmp_path):
    path = tmp_path / "decisions.csv"
    path.write_text("old", encoding="utf-8")
    path.chmod(0o640)
    write_safe_csv(path, ["n"], [(1,)])
    assert (path.stat().st_mode & 0o777) == 0o640


def test_unwritable_directory_is_one_clear_error(tmp_path, monkeypatch):
    # Simulated: the tests may run as root, who can write anywhere.
    def denied(path, flags, mode=0o777):
        raise PermissionError(13, "Permission denied", path)

    monkeypatch.setattr(safe_csv.os, "open", denied)
    with pytest.raises(ExportError) as caught:
        write_safe_csv(tmp_path / "out.csv", ["n"], [(1,)])
    assert str(caught.value) == f"cannot write to {tmp_path}: Permission denied"
    assert os.listdir(tmp_path) == []


def test_missing_directory_and_directory_target_are_refused(tmp_path):
    with pytest.raises(ExportError, match="no directory"):
        write_safe_csv(tmp_path / "nope" / "out.csv", ["n"], [])
    with pytest.raises(ExportError, match="is a directory"):
        write_safe_csv(tmp_path, ["n"], [])


class FakeStdout(io.TextIOWrapper):
    def __init__(self, tty: bool):
        super().__init__(io.BytesIO(), encoding="ascii", newline="\n")
        self._tty = tty

    def isatty(self):
        return self._tty


def test_dash_writes_utf8_to_stdout_whatever_the_locale(monkeypatch):
    fake = FakeStdout(tty=False)
    monkeypatch.setattr(sys, "stdout", fake)
    count = write_safe_csv("-", ["name"], [("Zoë\x1b[2J",), ("=1",)], bom=True)
    assert count == 2
    assert fake.buffer.getvalue() == "\ufeffname\r\nZoë\x1b[2J\r\n'=1\r\n".encode()


def test_dash_on_a_terminal_shows_control_characters_as_escapes(monkeypatch):
    fake = FakeStdout(tty=True)
    monkeypatch.setattr(sys, "stdout", fake)
    write_safe_csv("-", ["name"], [("evil\x1b[2J\u202e",)])
    assert fake.buffer.getvalue() == b"name\r\nevil\\x1b[2J\\u202e\r\n"


def test_an_open_stream_is_written_as_is():
    stream = io.StringIO(newline="")
    assert write_safe_csv(stream, ["a"], [("@x",)]) == 1
    assert stream.getvalue() == "a\r\n'@x\r\n"


def test_stopping_early_finishes_the_row_generator_at_once():
    finished = []

    def endless():
        try:
            n = 0
            while True:
                n += 1
                yield (n,)
        finally:
            finished.append(True)

    class ClosedPipe(io.StringIO):
        def write(self, text):
            if self.tell() > 100:
                raise BrokenPipeError(32, "Broken pipe")
            return super().write(text)

    with pytest.raises(BrokenPipeError) as caught:
        write_safe_csv(ClosedPipe(), ["n"], endless())
    # The traceback still holds the writer's frames, yet the generator is already done.
    assert caught.traceback
    assert finished == [True]
