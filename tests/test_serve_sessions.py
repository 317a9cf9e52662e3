"""``invite-triage serve`` as a process, driven over its WebSocket as the page's JavaScript
drives it: the session cap and its full page, a training session saved under the typed
name, malformed messages shrugged off, a session's process and directory gone when its
tab closes or when it quits, demo inbox copies kept apart, a clean stop, and sessions that
end themselves when their server is killed."""

from __future__ import annotations

import asyncio
import signal

from _serve_support import pid_alive, running_server, terminal, wait_until
from click.testing import CliRunner

from tui.cli import main
from tui.store import Store


def session_pid(directory) -> int:
    return int((directory / "pid").read_text())


def sessions_of(db, trainee: str):
    with Store.open(db, readonly=True) as store:
        return [(s, store.results(s.id)) for s in store.sessions(trainee)]


async def test_a_training_session_from_name_to_results_then_its_end(tmp_path):
    db = tmp_path / "results.db"
    args = ("--scenario", "the-post", "--max-sessions", "1")
    with running_server(tmp_path, *args, db=db) as server:
        async with terminal(server) as tab:
            await tab.wait_for("Type your name")
            (directory,) = server.session_dirs()
            pid = session_pid(directory)
            assert pid_alive(pid)

            # The room is full: the page says so, and a second tab is turned away.
            status, page = await asyncio.to_thread(server.get)
            assert status == 503
            assert "The session is full" in page and "All 1 places" in page
            async with terminal(server) as second:
                await second.wait_for("The session is full")
                await second.wait_closed()
            assert server.session_dirs() == [directory]

            # What the page never sends does not end the session.
            await tab.websocket.send_str("not json")
            for junk in (["resize", {"width": 10**9, "height": -5}], ["stdin", 42], ["?"], {}):
                await tab.send(junk)
            await tab.send(["resize", {"width": 100, "height": 30}])

            await tab.type("Ada [bold]Lovelace\r")
            await tab.wait_for("Priya Raman")  # the inbox has its rows: a key now decides
            await tab.type("x")
            await tab.wait_for("policy:")
            ((session, rows),) = await wait_until(
                lambda: [
                    found
                    for found in sessions_of(db, "Ada [bold]Lovelace")
                    if any(r.outcome != "undecided" for r in found[1])
                ],
                what="the decision in the results database",
            )
            assert session.scenario == "the-post" and len(rows) == 4
            assert [r.outcome for r in rows if r.outcome != "undecided"] == ["ignore"]

        # The tab is closed: its process ends and its directory goes.
        await wait_until(lambda: not pid_alive(pid), what="the session's process to end")
        await wait_until(lambda: not directory.exists(), what="the session's directory to go")
        status, _ = await asyncio.to_thread(server.get)
        assert status == 200

        assert server.stop() == 0
    assert not list((tmp_path / "tmp").iterdir())  # the server's whole work area is gone
    assert "Traceback" not in server.output()
    # The trainer's report shows the trainee as typed (markup is text, not style).
    report = CliRunner().invoke(main, ["--db", str(db), "report", "--scenario", "the-post"])
    assert report.exit_code == 0 and "Ada [bold]Lovelace" in report.output


async def test_demo_inbox_tabs_get_their_own_copy_and_quitting_closes_the_tab(tmp_path):
    with running_server(tmp_path, "--inbox", "--max-sessions", "2") as server:
        async with terminal(server) as first, terminal(server) as second:
            await first.wait_for("pending")
            await second.wait_for("pending")
            one, two = server.session_dirs()
            with Store.open(one / "inbox.db", readonly=True) as store:
                pending = store.counts()["pending"]
            await first.type("a")  # accept the first pending invitation in one tab

            def accepted(directory):
                with Store.open(directory / "inbox.db", readonly=True) as store:
                    return store.counts()["pending"] == pending - 1

            decided = await wait_until(
                lambda: [d for d in (one, two) if accepted(d)], what="the accept on disk"
            )
            (mine,) = decided  # the tab that accepted; the other tab's inbox is its own
            other = two if mine == one else one
            with Store.open(other / "inbox.db", readonly=True) as store:
                assert store.counts()["pending"] == pending

            pid = session_pid(mine)
            await first.type("\x11")  # ctrl+q: the app quits, and the server closes the tab
            await first.wait_closed()
            await wait_until(lambda: not pid_alive(pid), what="the quitting session to end")
            await wait_until(lambda: not mine.exists(), what="its directory to go")
            assert other.exists() and pid_alive(session_pid(other))
        assert server.stop() == 0
    assert not list((tmp_path / "tmp").iterdir())


async def test_a_session_whose_server_is_killed_ends_itself(tmp_path):
    with running_server(tmp_path, "--scenario", "the-post") as server:
        async with terminal(server) as tab:
            await tab.wait_for("Type your name")
            (directory,) = server.session_dirs()
            pid = session_pid(directory)
            server.process.send_signal(signal.SIGKILL)  # no chance to stop its sessions
            await wait_until(lambda: not pid_alive(pid), what="the orphaned session to end")
