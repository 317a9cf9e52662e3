"""``python -m seed``: the same as ``invite-triage seed``."""

from tui.cli import main

main(args=["seed", *__import__("sys").argv[1:]], prog_name="python -m seed")
