"""``python -m seed [--db PATH] [OPTIONS]``: the same as ``invite-triage [--db PATH] seed``."""

import sys

from tui.cli import main


def _split_db_option(args: list[str]) -> tuple[list[str], list[str]]:
    """Move ``--db`` (a global option of the CLI) in front of the ``seed`` command."""
    global_args, rest = [], []
    it = iter(args)
    for arg in it:
        if arg == "--db":
            global_args += [arg, next(it, "")]
        elif arg.startswith("--db="):
            global_args.append(arg)
        else:
            rest.append(arg)
    return global_args, rest


global_args, rest = _split_db_option(sys.argv[1:])
main(args=[*global_args, "seed", *rest], prog_name="python -m seed")
