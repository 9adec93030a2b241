"""The ``shiftlab`` command (also ``python -m shiftlab``): one subcommand so far, ``probe``.

``shiftlab probe MODULE:FACTORY --input-shape 1,3,32,32`` measures a torch model layer
by layer under shifts; see ``shiftlab probe --help``. This module imports no torch
itself: the subcommand's module is loaded only when it is asked for.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence
from typing import NoReturn

COMMANDS = {
    "probe": (
        "shiftlab.probe.cli",
        "measure a torch model layer by layer under shifts (needs shiftlab[torch])",
    ),
}
"""Subcommand -> (the module whose ``main(argv)`` runs it, a one-line description)."""


class OneLineParser(argparse.ArgumentParser):
    """An argument parser whose usage errors are one line on stderr, with exit status 2."""

    def error(self, message: str) -> NoReturn:
        """Say what is wrong in one line and exit with status 2."""
        self.exit(2, f"{self.prog}: error: {message} (see --help)\n")


def main(argv: Sequence[str] | None = None) -> int:
    """Dispatch to a subcommand; returns the exit status (2 for a usage error).

    Examples:
        >>> main(["no-such-command"])  # the one-line error goes to stderr
        2
    """
    args = list(sys.argv[1:] if argv is None else argv)
    if args and args[0] in COMMANDS:
        try:
            command = importlib.import_module(COMMANDS[args[0]][0])
        except ImportError as exc:
            hint = "install the extra: pip install 'shiftlab[torch]'"
            sys.stderr.write(f"shiftlab {args[0]}: error: {exc}; {hint}\n")
            return 2
        status: int = command.main(args[1:])
        return status
    cli = OneLineParser(prog="shiftlab", description=__doc__.split("\n\n")[0])
    commands = cli.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for name, (_, description) in COMMANDS.items():
        commands.add_parser(name, help=description)
    try:
        cli.parse_args(args)  # with a known command we returned above: this explains
    except SystemExit as exit_:
        return int(exit_.code or 0)
    return 2


if __name__ == "__main__":
    raise SystemExit(main())
