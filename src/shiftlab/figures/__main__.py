"""Command line: `python -m shiftlab.figures OUTDIR [NAME ...] [--force]`."""

from __future__ import annotations

import argparse
import sys

from shiftlab.figures import FIGURES, build


def main(argv: list[str] | None = None) -> int:
    """Build the figures and report what was written; returns the exit status."""
    parser = argparse.ArgumentParser(prog="python -m shiftlab.figures", description=__doc__)
    parser.add_argument("outdir", help="directory for the SVG files, e.g. docs/figures")
    parser.add_argument(
        "names", nargs="*", help=f"figures to build (default: all of {list(FIGURES)})"
    )
    parser.add_argument("--force", action="store_true", help="redraw even if unchanged")
    args = parser.parse_args(argv)
    result = build(args.outdir, args.names or None, force=args.force)
    sys.stdout.write(
        f"figures: {len(result.written)} written, {len(result.unchanged)} unchanged "
        f"in {args.outdir}\n"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
