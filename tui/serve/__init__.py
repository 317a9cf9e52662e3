"""``invite-triage serve``: the app in a browser, one process per tab, for a classroom.

textual-serve does the web part (an aiohttp server, its own JavaScript, one app process
per WebSocket). This package decides what each process is and keeps the room safe:

- :mod:`~tui.serve.classroom`: at most ``--max-sessions`` sessions, each in a directory of
  its own that is removed when the session ends;
- :mod:`~tui.serve.plan`: the fixed command line a session runs (no part of a request
  ever reaches it) and the demo inbox each ``--inbox`` session gets a copy of;
- :mod:`~tui.serve.server`: the textual-serve server, with the cap, the full page, sane
  terminal sizes, security headers, and a session's process ended when its tab closes;
- :mod:`~tui.serve.web_driver` and :mod:`~tui.serve.watchdog`: what the session process
  itself checks (it runs under Textual's web driver; it ends if the server is gone).

Plain Python and aiohttp: nothing here imports Textual.
"""
